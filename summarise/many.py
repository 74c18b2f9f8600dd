"""One way to run many articles: ``asummarise`` over a sequence of documents, a bounded number at a time.

The CLI's batch runs (``batch.runner``) and the eval runner (``evals.run``) both come through here, so the two
run articles alike: the embedded model one article at a time, in input order (llama.cpp then reuses the KV cache
of the prompt's fixed head from call to call); other backends ``settings.concurrency`` articles at once, with at
most as many model requests in flight across them (the backend's own bound where it has one, else a gate around
each call). Each finished article is handed to ``on_done`` as soon as it is done, in the order they finish.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from .backends import registry as backend_registry
from .backends.base import Backend, Completion, Request
from .cache import model_identity
from .config import Settings
from .ingest import Document
from .schema import ArticleSummary

T = TypeVar("T", bound=BaseModel)
Input = Document | Exception
"""A document to summarise, or the reason an input could not be read (it is reported as that input's result)."""


class SummariseFn(Protocol):
    """``pipeline.asummarise``'s shape, as this module calls it (evals swap in a stand-in to test scoring)."""

    def __call__(
        self, text: Document, *, settings: Settings, backend: Backend | None, include_text: bool
    ) -> Awaitable[ArticleSummary]: ...


@dataclass(frozen=True)
class Finished:
    """One input's result: its place in the input sequence, its summary or its error, and its wall time."""

    index: int
    summary: ArticleSummary | None
    error: Exception | None
    wall_s: float


def lanes(settings: Settings, backend: Backend | None = None) -> int:
    """Articles in flight at once: one on the embedded model (one context, prompt-prefix reuse), else
    ``settings.concurrency``."""
    name = backend.name if backend is not None else backend_registry.resolve_name(settings)
    return 1 if name == "local" else settings.concurrency


class GatedBackend:
    """A backend whose async calls wait for a slot: at most N model requests in flight across all articles."""

    def __init__(self, inner: Backend, slots: int) -> None:
        self.inner = inner
        self._slots = slots
        self._gate: asyncio.Semaphore | None = None

    @property
    def name(self) -> str:
        return self.inner.name

    @name.setter
    def name(self, value: str) -> None:
        self.inner.name = value

    @property
    def model(self) -> str:
        return self.inner.model

    @model.setter
    def model(self, value: str) -> None:
        self.inner.model = value

    @property
    def cache_model(self) -> str:
        return model_identity(self.inner)

    def complete(self, request: Request[T]) -> Completion[T]:
        return self.inner.complete(request)

    async def acomplete(self, request: Request[T]) -> Completion[T]:
        if self._gate is None:
            self._gate = asyncio.Semaphore(self._slots)
        async with self._gate:
            return await self.inner.acomplete(request)

    def close(self) -> None:
        self.inner.close()


def _gated(backend: Backend | None, slots: int) -> Backend | None:
    if backend is None or slots <= 1 or getattr(backend, "bounds_requests", False):
        return backend
    return GatedBackend(backend, slots)


def _asummarise() -> SummariseFn:
    from .pipeline import asummarise

    return asummarise


async def summarise_many(
    inputs: Sequence[Input],
    settings: Settings,
    *,
    on_done: Callable[[Finished], None],
    backend: Backend | None = None,
    include_text: bool = True,
    summarise_fn: SummariseFn | None = None,
) -> None:
    """Summarise every input with ``asummarise`` (or ``summarise_fn``), ``lanes`` at a time; a failing input is
    reported to ``on_done`` with its error, never raised. With no ``backend``, the pipeline picks its own from
    ``settings`` for each article (one per distinct settings, reused)."""
    fn = summarise_fn or _asummarise()
    slots = lanes(settings, backend)
    gated = _gated(backend, slots)
    queue = iter(enumerate(inputs))

    async def one(index: int, item: Input) -> Finished:
        started = time.perf_counter()
        try:
            if isinstance(item, Exception):
                raise item
            summary = await fn(item, settings=settings, backend=gated, include_text=include_text)
        except Exception as exc:  # a per-article failure must not end a long run; it is reported
            return Finished(index, None, exc, round(time.perf_counter() - started, 3))
        return Finished(index, summary, None, round(time.perf_counter() - started, 3))

    async def worker() -> None:
        for index, item in queue:  # one shared iterator: each worker takes the next input when it is free
            on_done(await one(index, item))

    try:
        await asyncio.gather(*(worker() for _ in range(min(slots, len(inputs)))))
    finally:
        aclose: Any = getattr(backend, "aclose", None)
        if aclose is not None:
            await aclose()
