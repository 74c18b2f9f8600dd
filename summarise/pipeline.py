"""The library's front door: ``summarise(text)`` and ``await asummarise(text)`` → ``ArticleSummary``.

ingest (clean, sentences, offsets) → extract (prompt + backend, per strategy: ``ExtractedClaim`` and
``ExtractedEvent`` records) → ground (spans, quotes, times, entities) → ArticleSummary with provenance. The CLI
and the evals call this; it never calls them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from typing import Any

from . import __version__, cache
from .backends import Backend, Usage
from .backends import registry as backend_registry
from .config import Settings
from .errors import ExtractionError, InputError, SummariseError
from .extract.strategies import Extraction, aextract, extract, lead_summary, load_parser, strategy
from .ground.assemble import Grounded, ground
from .ground.checks import ArticleChecks
from .ingest import Document, load_text
from .ingest.language import not_english
from .prompts import Prompt, load_prompt
from .schema import ArticleMeta, ArticleSummary, GroundingCounts, Provenance, schema_sha256
from .workers import run_cpu


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


def cpu_warm(settings: Settings, backend: Backend | None = None) -> Callable[[], None]:
    """What a worker process of a batch's CPU pool does first: load the parser when the strategy parses (importing
    this module, which unpickling the function does, loads the rest)."""
    return _load_parser if strategy(strategy_name(settings, backend)).from_parse else _imported


def _imported() -> None:
    """Nothing more: the pipeline's modules are imported by the time a worker calls this."""


def _load_parser() -> None:
    """Load the parser; if it cannot be, the articles' own parses say why, each in its record (a failing
    initializer would break the whole pool instead)."""
    with suppress(SummariseError):
        load_parser()


def prompt_for(settings: Settings, backend: Backend | None = None) -> Prompt:
    """The prompt file the strategy uses."""
    return load_prompt(strategy(strategy_name(settings, backend)).prompt)


def language_check(doc: Document, *, strict: bool) -> tuple[str, ...]:
    """A warning when the article is not English, which every rule here reads; an InputError under ``strict``."""
    language = not_english(doc.text)
    if language is None:
        return ()
    what = f"the article reads as {language.name} ({language.code}, {language.score:.2f})"
    if strict:
        raise InputError(f"{what}; summarise reads English only", source=doc.source, hint="drop --strict to run it")
    return (f"language: {what}; summarise reads English only, so claims, events and entities are few or none",)


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
    language: tuple[str, ...] = ()
    """A warning that the article is not English (``language_check``)."""

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
        language = language_check(doc, strict=settings.strict)  # before any model is loaded or asked
        backend = backend or backend_for(settings)
        name = strategy_name(settings, backend)
        return cls(doc, settings, backend, prompt_for(settings, backend), name, include_text, started, language)

    def cached(self) -> ArticleSummary | None:
        return cache.lookup(self.doc, self.settings, self.backend, self.prompt, self.strategy, self.include_text)

    def checks(self) -> ArticleChecks:
        return ArticleChecks(self.doc.text)

    def grounding(self, found: Extraction) -> partial[Grounded]:
        """The grounding of what was extracted, as a step to run here or in a worker process (``workers``)."""
        if not found.claims and not found.events and found.warnings and not found.summary:
            raise ExtractionError(f"no answer from the model for any part of the article: {found.warnings[0]}")
        doc = self.doc
        return partial(
            ground,
            doc.text,
            doc.sentences,
            found.claims,
            found.events,
            published=doc.published,
            fuzzy_threshold=self.settings.fuzzy_threshold,
            strict=self.settings.strict,
        )

    def assemble(self, found: Extraction, grounded: Grounded) -> ArticleSummary:
        """Put the article's summary together from what was extracted and how it grounded."""
        doc = self.doc
        warnings = [*self.language, *found.warnings, *grounded.warnings]
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

    def finish(self, found: Extraction, grounded: Grounded) -> ArticleSummary:
        result = self.assemble(found, grounded)
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
    found = extract(job.doc, job.backend, job.settings, job.prompt, job.strategy, job.checks())
    return job.finish(found, job.grounding(found)())


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
    found = await aextract(job.doc, job.backend, job.settings, job.prompt, job.strategy, job.checks())
    # Grounding is CPU work: in a worker process when a batch made a pool for it (``workers``), else here.
    return job.finish(found, await run_cpu(job.grounding(found)))
