"""Backends resolved by name through one registry; no if/elif chains over providers elsewhere.

``register`` adds a backend (users may add their own); ``resolve_name`` picks one from Settings; ``create``
builds it. Factories import their heavy dependencies lazily, so importing summarise loads no model and no client.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..config import Settings
from ..errors import ConfigError
from .base import Backend

Factory = Callable[[Settings], Backend]


@dataclass(frozen=True)
class BackendInfo:
    name: str
    description: str
    factory: Factory
    default_strategy: str
    remote: bool = False
    """Answers come over the network: a batch keeps many articles in flight and moves their CPU work off its
    event loop (``workers``)."""


_REGISTRY: dict[str, BackendInfo] = {}


def register(
    name: str, factory: Factory, *, description: str, default_strategy: str = "windows", remote: bool = False
) -> None:
    _REGISTRY[name] = BackendInfo(name, description, factory, default_strategy, remote)


def backends() -> list[BackendInfo]:
    return list(_REGISTRY.values())


def info(name: str) -> BackendInfo:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError(f"unknown backend {name!r}; choose from {', '.join(_REGISTRY)}") from None


def resolve_name(settings: Settings) -> str:
    """The backend a Settings asks for: explicit, else openai when an endpoint or key is set, else local."""
    if settings.backend:
        return info(settings.backend).name
    if settings.base_url or settings.api_key:
        return "openai"
    return "local"


def create(settings: Settings) -> Backend:
    return info(resolve_name(settings)).factory(settings)


def _local(settings: Settings) -> Backend:
    from .local import LocalBackend

    return LocalBackend(settings)


def _openai(settings: Settings) -> Backend:
    from .openai_backend import OpenAIBackend

    return OpenAIBackend(settings)


def _fake(settings: Settings) -> Backend:
    from .fake import FakeBackend

    return FakeBackend(model=settings.model or "fake")


register(
    "local",
    _local,
    description="llama.cpp in-process (embedded GGUF model; the default)",
    default_strategy="hybrid",
)
register(
    "openai",
    _openai,
    description="any OpenAI-compatible endpoint: OpenAI, vLLM, Ollama, llama.cpp server",
    default_strategy="windows",
    remote=True,
)
register("fake", _fake, description="deterministic answers generated from the schema, for tests")
