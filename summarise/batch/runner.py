"""Run many articles: in order on the embedded model, concurrently on remote endpoints; record as you go.

Each finished input becomes one record (the ArticleSummary, or ``{"id", "source", "error", "kind"}``),
written first to the run store in one transaction and then, as one line, to the JSONL sink (flushed at once,
fsynced every second and at the end). A killed run therefore loses at most its in-flight articles: the store
holds every finished record, and a resume rebuilds the JSONL file from the store before carrying on, so no
record is lost or written twice. A record's status is ``ok``, ``partial`` (a summary, but part of the article
went unanswered because the endpoint kept failing) or ``error``; a resume redoes ``partial`` and ``error``
inputs and any input finished under other settings, and skips the rest.

Embedded backend: one loaded model, one article at a time, in input order, so llama.cpp reuses the KV cache
of the prompt's fixed head (system text + worked example) from call to call. Other backends: ``asummarise``
with at most ``settings.concurrency`` articles and model requests in flight (request and token budgets a
minute are the backend's business). The cache, when on, is consulted before and filled after each article.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal, TypeVar

from pydantic import BaseModel

from .. import cache as summary_cache
from ..backends import registry as backend_registry
from ..backends.base import Backend, Completion, Request
from ..cache import schema_sha256
from ..config import Settings
from ..errors import ConfigError, InputError, SummariseError
from ..ingest import Document
from ..prompts import Prompt
from ..redact import redact_url, scrub
from ..schema import ArticleSummary
from .store import RunStore, StoredRecord, digest, public_settings

T = TypeVar("T", bound=BaseModel)
Status = Literal["ok", "partial", "error"]
Input = Document | InputError
FSYNC_EVERY_S = 1.0


def input_key(item: Input) -> str:
    """What identifies an input across runs: its id and content (text hash, date, title), or its failure."""
    if isinstance(item, Document):
        return digest(["doc", item.id, item.text_sha256, item.published, item.title])
    return digest(["input-error", item.source, item.message])


def strategy_name(settings: Settings, backend: Backend | None = None) -> str:
    from ..pipeline import strategy_name  # the pipeline's own resolution, so the two never disagree

    return strategy_name(settings, backend)


def prompt_for(settings: Settings, backend: Backend | None = None) -> Prompt:
    from ..pipeline import prompt_for

    return prompt_for(settings, backend)


def settings_hash(settings: Settings, prompt: Prompt, include_text: bool, backend: Backend | None = None) -> str:
    """Hash of everything that changes a record: what a resumed run must match to skip finished inputs."""
    return digest(
        {
            "backend": backend_registry.resolve_name(settings),
            "model": settings.model,
            "base_url": redact_url(settings.base_url),
            "strategy": strategy_name(settings, backend),
            "params": summary_cache.generation_params(settings),
            "prompt": prompt.sha256,
            "schema": schema_sha256(),
            "include_text": include_text,
        }
    )


def describe(item: Item, exc: Exception, api_key: str | None = None) -> str:
    """One line for a failed input: where, and what went wrong (no traceback, no secret)."""
    if isinstance(exc, InputError) and exc.source:
        text = str(exc)
    else:
        what = str(exc) if isinstance(exc, SummariseError) else f"{type(exc).__name__}: {exc}"
        text = f"{item.source or item.id or '?'}: {what}"
    return scrub(text, [api_key])


@dataclass(frozen=True)
class Item:
    seq: int
    key: str
    input: Input

    @property
    def source(self) -> str | None:
        return self.input.source

    @property
    def id(self) -> str | None:
        return self.input.id if isinstance(self.input, Document) else None


@dataclass
class Outcome:
    status: Status
    line: str
    summary: ArticleSummary | None = None
    error: Exception | None = None
    cached: bool = False


@dataclass
class Plan:
    pending: list[Item]
    kept: list[StoredRecord]
    """Records of earlier attempts that stand (finished under the same settings)."""
    stale: list[str]
    """Keys of stored records for inputs no longer in the run."""
    duplicates: int = 0


def plan(items: Iterable[Input], stored: Sequence[StoredRecord], shash: str) -> Plan:
    """Split inputs into those to run and those already done (ok under the same settings hash)."""
    by_key = {r.input_key: r for r in stored}
    pending: list[Item] = []
    kept: list[StoredRecord] = []
    seen: set[str] = set()
    duplicates = 0
    for seq, item in enumerate(items):
        key = input_key(item)
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        record = by_key.get(key)
        if record is not None and record.status == "ok" and record.settings_hash == shash:
            kept.append(replace(record, seq=seq))
        else:
            pending.append(Item(seq, key, item))
    stale = [key for key in by_key if key not in seen]
    return Plan(pending, kept, stale, duplicates)


class JsonlSink:
    """JSONL records to a file or stdout: lines flushed at once, the file fsynced each second and at close."""

    def __init__(self, path: Path | None, lines: Iterable[str] = ()) -> None:
        """Start the file afresh with ``lines`` (atomically), then append."""
        self.path = path
        self._synced = time.monotonic()
        if path is None:
            self._file: IO[str] = sys.stdout
            for line in lines:
                self._file.write(line + "\n")
            self._file.flush()
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with tmp.open("w", encoding="utf-8") as out:
            for line in lines:
                out.write(line + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        self._file = path.open("a", encoding="utf-8")

    def write(self, line: str) -> None:
        self._file.write(line + "\n")
        self._file.flush()
        if self.path is not None and time.monotonic() - self._synced >= FSYNC_EVERY_S:
            os.fsync(self._file.fileno())
            self._synced = time.monotonic()

    def close(self) -> None:
        if self.path is None:
            self._file.flush()
            return
        with contextlib.suppress(OSError, ValueError):
            self._file.flush()
            os.fsync(self._file.fileno())
        self._file.close()


class NullSink:
    def write(self, line: str) -> None:
        return None

    def close(self) -> None:
        return None


class Progress:
    """A rich progress bar on stderr (done, failed, rate, ETA); silent when off."""

    def __init__(self, total: int, *, enabled: bool, done: int = 0) -> None:
        self.failed = 0
        self._bar: Any = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        self._bar = RichProgress(
            TextColumn("[bold]summarise[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("[red]{task.fields[failed]} failed[/]"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._started = time.monotonic()
        self._base = done
        self._task = self._bar.add_task("run", total=total, completed=done, failed=0, rate="")
        self._bar.start()

    def advance(self, failed: bool) -> None:
        self.failed += failed
        if self._bar is None:
            return
        task = self._bar.tasks[0]
        done = task.completed + 1 - self._base
        per_min = 60.0 * done / max(time.monotonic() - self._started, 1e-6)
        self._bar.update(self._task, advance=1, failed=self.failed, rate=f"{per_min:.1f}/min")

    def print(self, message: str) -> None:
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr, flush=True)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


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
        return summary_cache.model_identity(self.inner)

    def complete(self, request: Request[T]) -> Completion[T]:
        return self.inner.complete(request)

    async def acomplete(self, request: Request[T]) -> Completion[T]:
        if self._gate is None:
            self._gate = asyncio.Semaphore(self._slots)
        async with self._gate:
            return await self.inner.acomplete(request)

    def close(self) -> None:
        self.inner.close()


@dataclass
class Totals:
    ok: int = 0
    partial: int = 0
    failed: int = 0
    cached: int = 0
    skipped: int = 0
    """Inputs already done in an earlier attempt of the run."""
    duplicates: int = 0
    failures: list[tuple[Item, Exception]] = field(default_factory=list)


class BatchRunner:
    """Runs the pending items of one run: computes (or fetches from the cache) and records each."""

    def __init__(
        self,
        settings: Settings,
        *,
        store: RunStore,
        run_id: str,
        shash: str,
        sink: JsonlSink | NullSink,
        progress: Progress,
        include_text: bool = True,
        backend: Backend | None = None,
        published: date | None = None,
        report_errors: bool = True,
        on_record: Callable[[Item, Outcome], None] | None = None,
    ) -> None:
        from ..pipeline import backend_for

        self.settings = settings
        # The runner does the cache lookups itself, so the pipeline is asked with the cache off.
        self.pipe_settings = replace(settings, cache=False)
        self.backend = backend or backend_for(self.pipe_settings)
        self.store = store
        self.run_id = run_id
        self.shash = shash
        self.sink = sink
        self.progress = progress
        self.include_text = include_text
        self.published = published
        self.report_errors = report_errors
        self.on_record = on_record
        self.prompt = prompt_for(settings, self.backend)
        self.strategy = strategy_name(settings, self.backend)
        self.totals = Totals()

    @property
    def sequential(self) -> bool:
        """The embedded model runs one article at a time, in order (prefix reuse); others run concurrently."""
        return self.backend.name == "local"

    def run(self, items: Sequence[Item]) -> Totals:
        if self.sequential or len(items) <= 1:
            backend = self.backend
            for item in items:
                self._record(item, self._one(item, backend))
        else:
            asyncio.run(self._run_async(items))
        return self.totals

    async def _run_async(self, items: Sequence[Item]) -> None:
        slots = self.settings.concurrency
        # at most `slots` model requests in flight across articles: the backend's own bound where it has one
        # (held only on the wire), else a gate around each call
        gated = self.backend if getattr(self.backend, "bounds_requests", False) else GatedBackend(self.backend, slots)
        queue = iter(items)

        async def worker() -> None:
            for item in queue:  # one shared iterator: each worker takes the next input when it is free
                self._record(item, await self._aone(item, gated))

        try:
            await asyncio.gather(*(worker() for _ in range(min(slots, len(items)))))
        finally:
            aclose = getattr(self.backend, "aclose", None)
            if aclose is not None:
                await aclose()

    # -- one article ---------------------------------------------------------------------------------------

    def _prepare(self, item: Item) -> tuple[Document, ArticleSummary | None]:
        if isinstance(item.input, InputError):
            raise item.input
        doc = item.input
        if self.published is not None:
            doc = replace(doc, published=self.published)
        hit = summary_cache.lookup(doc, self.settings, self.backend, self.prompt, self.strategy, self.include_text)
        return doc, hit

    def _one(self, item: Item, backend: Backend) -> Outcome:
        from ..pipeline import summarise

        try:
            doc, hit = self._prepare(item)
            if hit is not None:
                return self._ok(hit, cached=True)
            summary = summarise(doc, settings=self.pipe_settings, backend=backend, include_text=self.include_text)
            summary_cache.remember(doc, self.settings, self.backend, self.prompt, self.strategy, summary)
            return self._ok(summary)
        except Exception as exc:
            return self._failed(item, exc)

    async def _aone(self, item: Item, backend: Backend) -> Outcome:
        from ..pipeline import asummarise

        try:
            doc, hit = self._prepare(item)
            if hit is not None:
                return self._ok(hit, cached=True)
            summary = await asummarise(
                doc, settings=self.pipe_settings, backend=backend, include_text=self.include_text
            )
            summary_cache.remember(doc, self.settings, self.backend, self.prompt, self.strategy, summary)
            return self._ok(summary)
        except Exception as exc:
            return self._failed(item, exc)

    def _ok(self, summary: ArticleSummary, cached: bool = False) -> Outcome:
        status: Status = "ok" if summary_cache.cacheable(summary) else "partial"
        return Outcome(status, summary.model_dump_json(), summary=summary, cached=cached)

    def _failed(self, item: Item, exc: Exception) -> Outcome:
        import json

        message = scrub(str(exc) or type(exc).__name__, [self.settings.api_key])
        record = {"id": item.id, "source": item.source, "error": message, "kind": type(exc).__name__}
        return Outcome("error", json.dumps(record, ensure_ascii=False), error=exc)

    def _record(self, item: Item, outcome: Outcome) -> None:
        """Store first (one transaction), then the JSONL line: a crash in between is mended by a resume."""
        line = scrub(outcome.line, [self.settings.api_key])
        self.store.put(
            self.run_id,
            item.key,
            seq=item.seq,
            article_id=item.id,
            source=item.source,
            status=outcome.status,
            kind=None if outcome.error is None else type(outcome.error).__name__,
            settings_hash=self.shash,
            line=line,
        )
        self.sink.write(line)
        totals = self.totals
        if outcome.status == "error":
            totals.failed += 1
            assert outcome.error is not None
            totals.failures.append((item, outcome.error))
            if self.report_errors:
                self.progress.print(f"summarise: error: {describe(item, outcome.error, self.settings.api_key)}")
        else:
            totals.ok += outcome.status == "ok"
            totals.partial += outcome.status == "partial"
            totals.cached += outcome.cached
        self.progress.advance(outcome.status == "error")
        if self.on_record is not None:
            self.on_record(item, outcome)


@dataclass
class BatchResult:
    run_id: str
    totals: Totals
    records: list[StoredRecord]
    """The run's records after this attempt, in input order."""
    inputs: int


def new_run_id() -> str:
    return time.strftime("%Y%m%d-%H%M%S") + "-" + os.urandom(2).hex()


def run_batch(
    inputs: Sequence[str],
    settings: Settings,
    *,
    run_name: str | None = None,
    resume: str | None = None,
    fmt: str = "jsonl",
    out: Path | None = None,
    include_text: bool = True,
    published: date | None = None,
    progress: bool = True,
    report_errors: bool = True,
    backend: Backend | None = None,
    announce: Callable[[str], None] | None = None,
    on_record: Callable[[Item, Outcome], None] | None = None,
) -> BatchResult:
    """Run (or resume) a batch over ``inputs``; with ``fmt`` jsonl, records go to ``out`` (None: stdout) as they
    finish; for other formats ``out`` is only remembered with the run (the caller writes it).

    Raises InputError when no input is found, ConfigError for an unknown run or a run in use elsewhere;
    per-input failures are recorded and counted, never raised.
    """
    from ..ingest import iter_inputs
    from ..pipeline import backend_for

    store = RunStore.for_settings(settings)
    try:
        previous = store.get(resume) if resume else None
        if resume and previous is None:
            raise ConfigError(f"no run named {resume!r} in {store.path}")
        if previous is not None and not inputs:
            inputs = previous.inputs
        items: list[Input] = list(iter_inputs(list(inputs)))
        if not items:
            raise InputError("no input articles found", source=" ".join(inputs))
        backend = backend or backend_for(replace(settings, cache=False))
        prompt = prompt_for(settings, backend)
        shash = settings_hash(settings, prompt, include_text, backend)
        run_id = resume or run_name or new_run_id()
        store.start(
            run_id,
            inputs=list(inputs),
            out=None if out is None else str(out.resolve()),
            fmt=fmt,
            settings=public_settings(settings),
            settings_hash=shash,
            resume=resume is not None,
        )
        work = plan(items, store.records(run_id), shash)
        store.forget(run_id, work.stale)
        store.renumber(run_id, [(r.input_key, r.seq) for r in work.kept])  # the inputs' order may have changed
        if announce is not None and len(items) > 1:
            note = f"run {run_id}: {len(items) - work.duplicates} inputs"
            if work.kept:
                note += f", {len(work.kept)} already done"
            if previous is not None and previous.settings_hash != shash:
                note += " (settings changed: inputs finished under the old settings are redone)"
            announce(note)
        sink: JsonlSink | NullSink = JsonlSink(out, [r.line for r in work.kept]) if fmt == "jsonl" else NullSink()
        total = len(work.kept) + len(work.pending)
        bar = Progress(total, enabled=progress and total > 1, done=len(work.kept))
        runner = BatchRunner(
            settings,
            store=store,
            run_id=run_id,
            shash=shash,
            sink=sink,
            progress=bar,
            include_text=include_text,
            backend=backend,
            published=published,
            report_errors=report_errors and len(items) > 1,  # one input: its error is the caller's to report
            on_record=on_record,
        )
        runner.totals.skipped = len(work.kept)
        runner.totals.duplicates = work.duplicates
        status = "interrupted"
        try:
            totals = runner.run(work.pending)
            status = "failed" if totals.failed else "done"
        except KeyboardInterrupt:
            if announce is not None:
                announce(f"run {run_id} interrupted; `summarise run --resume {run_id}` carries it on")
            raise
        finally:
            bar.stop()
            sink.close()
            store.finish(run_id, status)
        return BatchResult(run_id, totals, store.records(run_id), len(items) - work.duplicates)
    finally:
        store.close()
