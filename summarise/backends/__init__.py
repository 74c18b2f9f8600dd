"""Model providers behind one protocol (``Backend``), resolved through a registry."""

from .base import Backend, Completion, Request, Usage
from .registry import backends, create, register, resolve_name

__all__ = ["Backend", "Completion", "Request", "Usage", "backends", "create", "register", "resolve_name"]
