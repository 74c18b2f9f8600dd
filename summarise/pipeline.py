"""The library's front door: ``summarise(text)`` and ``await asummarise(text)`` → ``ArticleSummary``.

ingest (clean, sentences, offsets) → extract (prompt + backend, per strategy: ``ExtractedClaim`` and
``ExtractedEvent`` records) → ground (spans, quotes, times, entities) → ArticleSummary with provenance. The CLI
and the evals call this; it never calls them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from . import __version__, cache
from .backends import Backend, Usage
from .backends import registry as backend_registry
from .config import Settings
from .errors import ExtractionError, InputError
from .extract.strategies import Extraction, aextract, extract, lead_summary, strategy
from .ground.assemble import ground
from .ground.checks import ArticleChecks
from .ingest import Document, load_text
from .prompts import Prompt, load_prompt
from .schema import ArticleMeta, ArticleSummary, GroundingCounts, Provenance, schema_sha256


@lru_cache(maxsize=8)
def backend_for(settings: Settings) -> Backend:
    """One backend per distinct Settings, so a process loads the embedded model once and reuses clients."""
    return backend_registry.create(settings)


def _settings(settings: Settings | None, overrides: dict[str, Any]) -> Settings:
    if settings is None:
        return Settings.from_env(**overrides)
    return settings.with_(**overrides) if overrides else settings


def _document(
    text: str | Document, id: str | None, published: date | str | None, title: str | None, source: str | None
) -> Document:
    if isinstance(text, Document):
        return text
    if not isinstance(text, str):
        raise InputError(f"expected article text as str, got {type(text).__name__}")
    return load_text(text, id=id, source=source, published=published, title=title)


def strategy_name(settings: Settings, backend: Backend | None = None) -> str:
    """The extraction strategy these settings run: explicit, else the default of the backend given (or of the one
    the settings name)."""
    known = {b.name for b in backend_registry.backends()}
    owner = backend.name if backend is not None and backend.name in known else backend_registry.resolve_name(settings)
    name = settings.strategy or backend_registry.info(owner).default_strategy
    return strategy(name).name


def prompt_for(settings: Settings, backend: Backend | None = None) -> Prompt:
    """The prompt file the strategy uses."""
    return load_prompt(strategy(strategy_name(settings, backend)).prompt)


@dataclass(frozen=True)
class _Job:
    """One article's run: what ``summarise`` and ``asummarise`` share around the model calls."""

    doc: Document
    settings: Settings
    backend: Backend
    prompt: Prompt
    strategy: str
    include_text: bool
    started: float

    @classmethod
    def start(
        cls,
        text: str | Document,
        id: str | None,
        published: date | str | None,
        title: str | None,
        source: str | None,
        settings: Settings | None,
        backend: Backend | None,
        include_text: bool,
        overrides: dict[str, Any],
    ) -> _Job:
        started = time.perf_counter()
        settings = _settings(settings, overrides)
        doc = _document(text, id, published, title, source)
        backend = backend or backend_for(settings)
        name = strategy_name(settings, backend)
        return cls(doc, settings, backend, prompt_for(settings, backend), name, include_text, started)

    def cached(self) -> ArticleSummary | None:
        return cache.lookup(self.doc, self.settings, self.backend, self.prompt, self.strategy, self.include_text)

    def checks(self) -> ArticleChecks:
        return ArticleChecks(self.doc.text)

    def assemble(self, found: Extraction) -> ArticleSummary:
        """Ground what was extracted and put the article's summary together."""
        if not found.claims and not found.events and found.warnings and not found.summary:
            raise ExtractionError(f"no answer from the model for any part of the article: {found.warnings[0]}")
        doc = self.doc
        grounded = ground(
            doc.text,
            doc.sentences,
            found.claims,
            found.events,
            published=doc.published,
            fuzzy_threshold=self.settings.fuzzy_threshold,
            strict=self.settings.strict,
        )
        warnings = [*found.warnings, *grounded.warnings]
        summary = found.summary
        if not summary:
            summary = lead_summary(doc)
            warnings.append("summary: the model gave none; the article's opening sentences stand in")
        return ArticleSummary(
            article=self.article(),
            summary=summary,
            entities=grounded.entities,
            events=grounded.events,
            claims=grounded.claims,
            times=grounded.times,
            provenance=self.provenance(found.usage, grounded.counts, warnings),
        )

    def article(self) -> ArticleMeta:
        doc = self.doc
        return ArticleMeta(
            id=doc.id,
            title=doc.title,
            source=doc.source,
            published=doc.published,
            text_sha256=doc.text_sha256,
            text=doc.text if self.include_text else None,
        )

    def provenance(self, usage: Usage, counts: GroundingCounts, warnings: list[str]) -> Provenance:
        """How the summary was made; its latency counts until now."""
        return Provenance(
            backend=self.backend.name,
            model=self.backend.model,
            strategy=self.strategy,
            prompt_id=self.prompt.id,
            prompt_version=self.prompt.version,
            prompt_sha256=self.prompt.sha256,
            schema_sha256=schema_sha256(),
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            calls=usage.calls,
            retries=usage.retries,
            schema_reasks=usage.invalid,
            latency_s=round(time.perf_counter() - self.started, 3),
            grounding=counts,
            warnings=warnings,
            summarise_version=__version__,
        )

    def finish(self, found: Extraction) -> ArticleSummary:
        result = self.assemble(found)
        cache.remember(self.doc, self.settings, self.backend, self.prompt, self.strategy, result)
        return result


def summarise(
    text: str | Document,
    *,
    id: str | None = None,
    published: date | str | None = None,
    title: str | None = None,
    source: str | None = None,
    settings: Settings | None = None,
    backend: Backend | None = None,
    include_text: bool = True,
    **overrides: Any,
) -> ArticleSummary:
    """Summarise one article. ``overrides`` are Settings fields (model=, base_url=, strategy=, …).

    With neither ``settings`` nor ``backend`` given, settings come from the environment (SUMMARISE_MODEL,
    OPENAI_BASE_URL, OPENAI_API_KEY, …); with nothing configured the embedded local model runs. With
    ``cache=True`` a summary made before with the same article and settings comes back from the cache.
    """
    job = _Job.start(text, id, published, title, source, settings, backend, include_text, overrides)
    if (hit := job.cached()) is not None:
        return hit
    return job.finish(extract(job.doc, job.backend, job.settings, job.prompt, job.strategy, job.checks()))


async def asummarise(
    text: str | Document,
    *,
    id: str | None = None,
    published: date | str | None = None,
    title: str | None = None,
    source: str | None = None,
    settings: Settings | None = None,
    backend: Backend | None = None,
    include_text: bool = True,
    **overrides: Any,
) -> ArticleSummary:
    """Async twin of ``summarise``: model calls for one article run concurrently (``settings.concurrency``)."""
    job = _Job.start(text, id, published, title, source, settings, backend, include_text, overrides)
    if (hit := job.cached()) is not None:
        return hit
    return job.finish(await aextract(job.doc, job.backend, job.settings, job.prompt, job.strategy, job.checks()))
