"""Backends resolved by name through one registry; no if/elif chains over providers elsewhere.

``register`` adds a backend (users may add their own); ``resolve_name`` picks one from Settings; ``create``
builds it. Factories import their heavy dependencies lazily, so importing summarise loads no model and no client.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class Choice:
    """The backend a Settings selects, and the setting that selected it (for ``summarise models``)."""

    name: str
    reason: str


def _names_local_model(model: str) -> bool:
    """A known embedded model name or a GGUF file: the embedded backend's, not an endpoint's."""
    from .assets import MODELS

    return model in MODELS or model.lower().endswith(".gguf") or Path(model).expanduser().is_file()


def choose(settings: Settings) -> Choice:
    """The backend a Settings asks for. Only settings that name an endpoint select one: ``backend``, a
    ``base_url``, or a ``model`` that is not an embedded one. An API key alone does not: a key left in the shell
    for other tools must not send articles (and money) to OpenAI when the user asked for nothing."""
    if settings.backend:
        return Choice(info(settings.backend).name, f"backend {settings.backend!r} asked for")
    if settings.base_url:
        return Choice("openai", "an endpoint URL is set")
    if settings.model and not _names_local_model(settings.model):
        return Choice("openai", f"model {settings.model!r} is not an embedded model")
    return Choice("local", "the default: nothing names an endpoint")


def resolve_name(settings: Settings) -> str:
    """The backend a Settings asks for (see ``choose``)."""
    return choose(settings).name


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
