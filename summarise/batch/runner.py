"""Run many articles as one named, resumable run: record each result as it finishes.

Each finished input becomes one record (the ArticleSummary, or ``{"id", "source", "error", "kind"}``),
written first to the run store in one transaction and then, as one line, to the JSONL sink (flushed at once,
fsynced every second and at the end). A killed run therefore loses at most its in-flight articles: the store
holds every finished record, and a resume rebuilds the JSONL file from the store before carrying on, so no
record is lost or written twice. A record's status is ``ok``, ``partial`` (a summary, but part of the article
went unanswered because the endpoint kept failing) or ``error``; a resume redoes ``partial`` and ``error``
inputs and any input finished under other settings, and skips the rest.

The articles themselves run through ``many.summarise_many`` (``asummarise``, as the evals run them): the
embedded model one article at a time in input order, other backends ``settings.concurrency`` at once. The
cache, when on, is the pipeline's business (a hit comes back marked ``provenance.cached``).
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Literal

from ..backends.base import Backend
from ..cache import cacheable, digest, fingerprint
from ..config import Settings
from ..errors import ConfigError, InputError, SummariseError
from ..ingest import Document
from ..many import Finished, summarise_many
from ..redact import scrub
from ..schema import ArticleSummary
from .resume import stored_settings
from .sinks import JsonlSink, NullSink, Progress, Sink
from .store import NewRecord, RunInfo, RunStore, StoredRecord

Status = Literal["ok", "partial", "error"]
Input = Document | InputError


def input_key(item: Input) -> str:
    """What identifies an input across runs: its id and content (text hash, date, title), or its failure."""
    if isinstance(item, Document):
        return digest(["doc", item.id, item.text_sha256, item.published, item.title])
    return digest(["input-error", item.source, item.message])


def settings_hash(settings: Settings, backend: Backend, include_text: bool) -> str:
    """Hash of everything that changes a record: what a resumed run must match to skip finished inputs. The
    settings' part is the cache's own ``fingerprint``, so "asked the same way" means one thing in both."""
    from ..pipeline import prompt_for, strategy_name

    strategy = strategy_name(settings, backend)
    return digest({**fingerprint(settings, backend, prompt_for(settings, backend), strategy), "text": include_text})


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
        return self.input.id


@dataclass
class Outcome:
    status: Status
    line: str
    summary: ArticleSummary | None = None
    error: Exception | None = None
    cached: bool = False


def outcome(item: Item, finished: Finished, api_key: str | None) -> Outcome:
    """The record for one finished input (its JSONL line, secrets scrubbed)."""
    if finished.summary is not None:
        summary = finished.summary
        status: Status = "ok" if cacheable(summary) else "partial"
        return Outcome(status, scrub(summary.model_dump_json(), [api_key]), summary, cached=summary.provenance.cached)
    exc = finished.error or RuntimeError("no summary and no error")
    message = scrub(str(exc) or type(exc).__name__, [api_key])
    record = {"id": item.id, "source": item.source, "error": message, "kind": type(exc).__name__}
    return Outcome("error", scrub(json.dumps(record, ensure_ascii=False), [api_key]), error=exc)


@dataclass
class Plan:
    pending: list[Item]
    kept: list[StoredRecord]
    """Records of earlier attempts that stand (ok, under the same settings or without ``redo``)."""
    stale: list[str]
    """Keys of stored records for inputs no longer in the run."""
    duplicates: int = 0
    outdated: int = 0
    """Finished (ok) records made under other settings: kept, or with ``redo`` redone."""
    redone: int = 0
    """Of ``outdated``, how many are redone (``redo``); their records stand until their replacements exist."""


def plan(items: Iterable[Input], stored: Sequence[StoredRecord], shash: str, *, redo: bool = False) -> Plan:
    """Split inputs into those to run and those already done. A finished (ok) record stands when it was made
    under the same settings, or under others unless ``redo`` asks for it to be made again; partial and error
    records are always tried again."""
    by_key = {r.input_key: r for r in stored}
    work = Plan([], [], [])
    seen: set[str] = set()
    for seq, item in enumerate(items):
        key = input_key(item)
        if key in seen:
            work.duplicates += 1
            continue
        seen.add(key)
        record = by_key.get(key)
        outdated = record is not None and record.status == "ok" and record.settings_hash != shash
        work.outdated += outdated
        if record is not None and record.status == "ok" and not (outdated and redo):
            work.kept.append(replace(record, seq=seq))
        else:
            work.redone += outdated
            work.pending.append(Item(seq, key, item))
    work.stale = [key for key in by_key if key not in seen]
    return work


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


@dataclass(frozen=True)
class RunOptions:
    """How a run is named and found again, where its records go, and what they carry."""

    run_name: str | None = None
    resume: str | None = None
    fmt: str = "jsonl"
    """jsonl: records go to ``out`` (None: stdout) as they finish; other formats: ``out`` is only remembered
    with the run (the caller writes it)."""
    out: Path | None = None
    include_text: bool = True
    published: date | None = None
    """Publication date given to every input (for resolving relative times)."""
    progress: bool = True
    report_errors: bool = True
    redo: bool = False
    """Resume: make again the inputs finished under other settings (each old record stays until replaced)."""


@dataclass(frozen=True)
class Hooks:
    """Callbacks: a line for the user about the run, and each record as it is made."""

    announce: Callable[[str], None] | None = None
    on_record: Callable[[Item, Outcome], None] | None = None


def write_record(store: RunStore, run_id: str, sink: Sink, record: NewRecord) -> bool:
    """Record one finished input (the local batch's and the Ray driver's one way): the store first (one
    transaction), then the JSONL line, so a crash in between is mended by a resume. A result worse than the
    input's earlier record (an error after a summary) is not written: the earlier record stands, in the store and
    in the file. Whether it was written."""
    written = store.put(run_id, record)
    if written:
        sink.write(record.input_key, record.line)
    return written


class BatchRunner:
    """Runs the pending items of one run through ``summarise_many`` and records each as it finishes."""

    def __init__(
        self,
        settings: Settings,
        backend: Backend,
        *,
        store: RunStore,
        run_id: str,
        shash: str,
        sink: Sink,
        progress: Progress,
        options: RunOptions,
        on_record: Callable[[Item, Outcome], None] | None = None,
    ) -> None:
        self.settings = settings
        self.backend = backend
        self.store = store
        self.run_id = run_id
        self.shash = shash
        self.sink = sink
        self.progress = progress
        self.options = options
        self.on_record = on_record
        self.totals = Totals()

    def run(self, items: Sequence[Item]) -> Totals:
        inputs = [self._document(item) for item in items]

        def done(finished: Finished) -> None:
            item = items[finished.index]
            self._record(item, outcome(item, finished, self.settings.api_key))

        include_text = self.options.include_text
        asyncio.run(
            summarise_many(inputs, self.settings, on_done=done, backend=self.backend, include_text=include_text)
        )
        return self.totals

    def _document(self, item: Item) -> Input:
        if isinstance(item.input, InputError) or self.options.published is None:
            return item.input
        return replace(item.input, published=self.options.published)

    def _record(self, item: Item, result: Outcome) -> None:
        kind = None if result.error is None else type(result.error).__name__
        record = NewRecord(
            input_key=item.key,
            seq=item.seq,
            article_id=item.id,
            source=item.source,
            status=result.status,
            kind=kind,
            settings_hash=self.shash,
            line=result.line,
        )
        written = write_record(self.store, self.run_id, self.sink, record)
        self._count(item, result, kept_earlier=not written)
        if self.on_record is not None:
            self.on_record(item, result)

    def _count(self, item: Item, result: Outcome, *, kept_earlier: bool = False) -> None:
        totals = self.totals
        if result.status == "error":
            assert result.error is not None
            totals.failed += 1
            totals.failures.append((item, result.error))
            if self.options.report_errors:
                line = f"summarise: error: {describe(item, result.error, self.settings.api_key)}"
                self.progress.print(line + (" (its earlier record stands)" if kept_earlier else ""))
        else:
            totals.ok += result.status == "ok"
            totals.partial += result.status == "partial"
            totals.cached += result.cached
        self.progress.advance(result.status == "error")


@dataclass
class BatchResult:
    run_id: str
    totals: Totals
    records: list[StoredRecord]
    """The run's records after this attempt, in input order."""
    inputs: int


def new_run_id() -> str:
    return time.strftime("%Y%m%d-%H%M%S") + "-" + os.urandom(2).hex()


@dataclass
class OpenedRun:
    """A run started (or taken over) in the store, with its inputs split into done and to do."""

    run_id: str
    shash: str
    work: Plan
    inputs: int
    """Distinct inputs."""
    previous: RunInfo | None


@dataclass(frozen=True)
class RunInputs:
    arguments: list[str]
    """The run's input arguments (a resume given none takes its run's)."""
    items: list[Input]
    """What they hold, in order."""
    previous: RunInfo | None
    """The run resumed, as it stood."""


def read_inputs(inputs: Sequence[str], previous: RunInfo | None = None) -> RunInputs:
    """The run's inputs, read (a resume with none takes its run's)."""
    from ..ingest import iter_inputs

    if previous is not None and not inputs:
        inputs = previous.inputs
    items: list[Input] = list(iter_inputs(list(inputs)))
    if not items:
        raise InputError("no input articles found", source=" ".join(inputs))
    return RunInputs(list(inputs), items, previous)


def resumed(store: RunStore, resume: str | None) -> RunInfo | None:
    """The run to carry on (None for a new run); ConfigError when there is none of that name."""
    previous = store.get(resume) if resume else None
    if resume and previous is None:
        raise ConfigError(f"no run named {resume!r} in {store.path}")
    return previous


def open_run(store: RunStore, given: RunInputs, settings: Settings, backend: Backend, options: RunOptions) -> OpenedRun:
    """Start the run in the store (or take it over), forget records of inputs it no longer has, and plan."""
    from ..backends.registry import resolve_name
    from ..pipeline import strategy_name

    shash = settings_hash(settings, backend, options.include_text)
    run_id = options.resume or options.run_name or new_run_id()
    stored = stored_settings(
        settings,
        backend=resolve_name(settings),
        strategy=strategy_name(settings, backend),
        published=options.published,
        include_text=options.include_text,
    )
    store.start(
        run_id,
        inputs=given.arguments,
        out=None if options.out is None else str(options.out.resolve()),
        fmt=options.fmt,
        settings=stored,
        settings_hash=shash,
        resume=options.resume is not None,
    )
    work = plan(given.items, store.records(run_id), shash, redo=options.redo)
    store.forget(run_id, work.stale)
    # the inputs' order may have changed
    store.renumber(run_id, [(r.input_key, r.seq) for r in work.kept] + [(i.key, i.seq) for i in work.pending])
    return OpenedRun(run_id, shash, work, len(given.items) - work.duplicates, given.previous)


def plan_note(opened: OpenedRun) -> str:
    """What the run is about to do, for the user: inputs, already done, and whether settings changed."""
    work = opened.work
    note = f"run {opened.run_id}: {opened.inputs} inputs"
    if work.kept:
        note += f", {len(work.kept)} already done"
    if work.redone:
        note += f" ({work.redone} finished under other settings are redone; each keeps its record until replaced)"
    elif work.outdated:
        note += f" ({work.outdated} of them under other settings, kept: --redo makes them again)"
    return note


def execute(
    store: RunStore, opened: OpenedRun, settings: Settings, backend: Backend, options: RunOptions, hooks: Hooks
) -> Totals:
    """Run the plan's pending inputs, recording each; mark the run done, failed or interrupted."""
    work = opened.work
    sink: Sink = NullSink()
    if options.fmt == "jsonl":
        # A file starts from every record the store holds (records about to be redone stay until replaced);
        # stdout cannot take a line back, so it gets the records that stand and then the new ones.
        standing = store.records(opened.run_id) if options.out is not None else work.kept
        sink = JsonlSink(options.out, [(r.input_key, r.line) for r in standing])
    total = len(work.kept) + len(work.pending)
    bar = Progress(total, enabled=options.progress and total > 1, done=len(work.kept))
    several = opened.inputs + work.duplicates > 1
    runner = BatchRunner(
        settings,
        backend,
        store=store,
        run_id=opened.run_id,
        shash=opened.shash,
        sink=sink,
        progress=bar,
        options=replace(options, report_errors=options.report_errors and several),  # one input: the caller's
        on_record=hooks.on_record,
    )
    runner.totals.skipped = len(work.kept)
    runner.totals.duplicates = work.duplicates
    status = "interrupted"
    try:
        totals = runner.run(work.pending)
        status = "failed" if totals.failed else "done"
    except KeyboardInterrupt:
        if hooks.announce is not None:
            hooks.announce(f"run {opened.run_id} interrupted; `summarise run --resume {opened.run_id}` carries it on")
        raise
    finally:
        bar.stop()
        sink.close()
        store.finish(opened.run_id, status)
    return totals


def run_batch(
    inputs: Sequence[str] | RunInputs,
    settings: Settings,
    options: RunOptions | None = None,
    *,
    backend: Backend | None = None,
    hooks: Hooks | None = None,
) -> BatchResult:
    """Run (or resume) a batch over ``inputs`` (arguments, or inputs already read; see ``RunOptions``).

    Raises InputError when no input is found, ConfigError for an unknown run or a run in use elsewhere;
    per-input failures are recorded and counted, never raised.
    """
    from ..pipeline import backend_for

    options = options or RunOptions()
    hooks = hooks or Hooks()
    store = RunStore.for_settings(settings)
    try:
        given = inputs if isinstance(inputs, RunInputs) else read_inputs(inputs, resumed(store, options.resume))
        backend = backend or backend_for(replace(settings, cache=False))
        opened = open_run(store, given, settings, backend, options)
        if hooks.announce is not None and opened.inputs + opened.work.duplicates > 1:
            hooks.announce(plan_note(opened))
        totals = execute(store, opened, settings, backend, options, hooks)
        return BatchResult(opened.run_id, totals, store.records(opened.run_id), opened.inputs)
    finally:
        store.close()
