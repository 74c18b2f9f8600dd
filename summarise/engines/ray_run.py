"""``summarise run --engine ray``: a batch on a Ray cluster, recorded on the driver as the local batch records it.

The actors (``ray_data``) do the work; this process, the driver, reads their output rows as they stream back and
records each, exactly as the local batch does: first the run store (one transaction), then one line of the JSONL
output. So the output holds one record per input, a kill loses at most what was in flight, and a re-run carries
on: a run is named after its output file (``--run`` names it otherwise), and a re-run with the same output
skips every input finished ``ok`` under the same settings (the local batch's input and settings hashes) and
redoes the rest. Parquet output (one row per input: ``id``, ``status``, ``kind`` and ``record``, the JSONL line)
is written from the run store at the end.

The driver is one process: past some thousands of articles a second its recording is the bound (README,
"On a cluster"); ``ray_data.summarise_dataset`` then writes straight from the workers.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .. import errors
from ..batch.runner import BatchResult, Hooks, Item, RunOptions, Totals, new_run_id, write_record
from ..batch.sinks import JsonlSink, NullSink, Progress, Sink
from ..batch.store import NewRecord, RunStore, StoredRecord
from ..cache import digest
from ..config import Settings
from ..errors import ConfigError, InputError, SummariseError
from .ray_data import (
    SKIPPED,
    BackendFactory,
    Inputs,
    Result,
    find_inputs,
    read_articles,
    settings_key,
    summarise_dataset,
)

if TYPE_CHECKING:
    import pyarrow as pa
    import ray.data

FORMATS = ("jsonl", "parquet", "json", "md")


def require_ray() -> None:
    try:
        import ray.data  # noqa: F401
    except ImportError:
        raise ConfigError("--engine ray needs Ray Data", hint="pip install 'summarise[ray]'") from None


def run_id_for(out: Path | None) -> str:
    """A run named after its output, so that a re-run with the same ``-o`` carries it on."""
    if out is None:
        return new_run_id()
    return "ray-" + digest(str(out.resolve()))[:16]


@contextmanager
def ray_session(address: str | None) -> Iterator[None]:
    """Join the cluster at ``address`` or start a local one (on loopback), for the duration; a session the caller
    already opened is used as it is."""
    import ray

    if ray.is_initialized():
        yield
        return
    local = address is None or address == "local"
    # a local cluster listens on loopback only: nothing outside this machine can join it or reach its workers
    node: dict[str, Any] = {"_node_ip_address": "127.0.0.1"} if local else {}
    try:
        ray.init(address="local" if local else address, include_dashboard=False, logging_level=logging.WARNING, **node)
    except (ConnectionError, ValueError, RuntimeError) as exc:
        raise ConfigError(f"cannot join the Ray cluster at {address!r}: {exc}") from None
    try:
        yield
    finally:
        ray.shutdown()


def batches(rows: ray.data.Dataset) -> Iterator[pa.Table]:
    """The output as it streams back; a failure of the job itself (a batch whose actor kept dying) as our error."""
    import ray.exceptions

    try:
        for batch in rows.iter_batches(batch_format="pyarrow", batch_size=None):
            yield cast("pa.Table", batch)
    except ray.exceptions.RayError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SummariseError(
            f"the Ray job failed: {first}", hint="the records made so far are kept; the same command carries on"
        ) from None


def quiet_ray_data() -> None:
    """Our progress bar, not Ray Data's (theirs redraws per operator and would fight ours on stderr)."""
    import ray.data

    logging.getLogger("ray.data").setLevel(logging.ERROR)  # before: turning the bars off logs a warning
    ray.data.DataContext.get_current().enable_progress_bars = False


@dataclass
class Recorder:
    """Writes each output row the driver receives: store, then sink; counts; reports failures."""

    store: RunStore
    run_id: str
    sink: Sink
    progress: Progress
    report_errors: bool
    next_seq: int
    totals: Totals
    seen: set[str]

    def take(self, result: Result) -> None:
        if result.input_key in self.seen:
            self.totals.duplicates += 1
            return
        self.seen.add(result.input_key)
        if result.status == SKIPPED:
            return
        record = NewRecord(
            input_key=result.input_key,
            seq=self.next_seq,
            article_id=result.id,
            source=result.source,
            status=result.status,
            kind=result.kind,
            settings_hash=result.settings_hash,
            line=result.record,
        )
        write_record(self.store, self.run_id, self.sink, record)  # an error never replaces a good record (issue 17)
        self.next_seq += 1
        failed = result.status == "error"
        if failed:
            self._failure(result)
        else:
            self.totals.ok += result.status == "ok"
            self.totals.partial += result.status == "partial"
        self.progress.advance(failed)

    def _failure(self, result: Result) -> None:
        record = json.loads(result.record)
        exc = rebuilt_error(result.kind, record["error"])
        self.totals.failed += 1
        stand_in = InputError(record["error"], source=result.source)  # an Item needs an input; the actor had it
        self.totals.failures.append((Item(self.next_seq - 1, result.input_key, stand_in), exc))
        if self.report_errors:
            where = "" if result.kind == "InputError" else f"{result.source or result.id or '?'}: "
            self.progress.print(f"summarise: error: {where}{record['error']}")


def rebuilt_error(kind: str | None, message: str) -> Exception:
    """The error an actor recorded, as this process's exception of the same class (so the exit code matches)."""
    cls = getattr(errors, kind or "", None)
    if isinstance(cls, type) and issubclass(cls, SummariseError):
        return cls(message)
    return SummariseError(message)


def write_parquet(records: Sequence[StoredRecord], out: Path) -> None:
    """One row per input, in the order they finished: the JSONL line as ``record``, with its id, status and kind.
    Written to a temporary file and moved into place, so a kill leaves the old file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    def article_id(line: str) -> str | None:
        value = json.loads(line)
        found = value.get("article", {}).get("id") if "article" in value else value.get("id")
        return None if found is None else str(found)

    table = pa.table(
        {
            "id": pa.array([article_id(r.line) for r in records], pa.string()),
            "status": pa.array([r.status for r in records], pa.string()),
            "kind": pa.array([r.kind for r in records], pa.string()),
            "record": pa.array([r.line for r in records], pa.string()),
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, out)


@dataclass(frozen=True)
class Job:
    """What a run was asked to do, beyond its inputs: the local batch's options, and the pool's."""

    settings: Settings
    options: RunOptions
    actors: int | None
    batch_size: int | None
    backend_factory: BackendFactory | None
    announce: Callable[[str], None] | None


def run_on_ray(
    inputs: Sequence[str],
    settings: Settings,
    options: RunOptions | None = None,
    *,
    actors: int | None = None,
    batch_size: int | None = None,
    backend_factory: BackendFactory | None = None,
    hooks: Hooks | None = None,
) -> BatchResult:
    """Run (or carry on) a batch over ``inputs`` on Ray; the same result as ``batch.runner.run_batch``, with the
    same options (``options.fmt`` may also be ``parquet``). Of the hooks, ``announce`` is called; ``on_record``
    is not (the driver has each record's line, not the article it came from).

    Raises ConfigError for a bad format or cluster, InputError when no input is found; per-input failures are
    recorded and counted, never raised.
    """
    require_ray()
    options = options or RunOptions()
    if options.fmt not in FORMATS:
        raise ConfigError(f"--engine ray writes {', '.join(FORMATS)}, not {options.fmt}")
    if options.fmt == "parquet" and options.out is None:
        raise ConfigError("Parquet output needs a file: -o out.parquet")
    store = RunStore.for_settings(settings)
    try:
        previous = store.get(options.resume) if options.resume else None
        if options.resume and previous is None:
            raise ConfigError(f"no run named {options.resume!r} in {store.path}")
        if previous is not None and not inputs:
            inputs = previous.inputs
        found = find_inputs(list(inputs))
        total = found.count()
        if not total:
            raise InputError("no input articles found", source=" ".join(inputs))
        run_id = options.resume or options.run_name or run_id_for(options.out)
        carry_on = options.resume is not None or (options.run_name is None and store.get(run_id) is not None)
        shash = settings_key(settings, options.include_text, backend_factory)
        store.start(
            run_id,
            inputs=list(inputs),
            out=None if options.out is None else str(options.out.resolve()),
            fmt=options.fmt,
            settings=settings.public(),
            settings_hash=shash,
            resume=carry_on,
        )
        job = Job(settings, options, actors, batch_size, backend_factory, (hooks or Hooks()).announce)
        return _run(job, found, total, store, run_id, shash)
    finally:
        store.close()


def _run(job: Job, found: Inputs, total: int, store: RunStore, run_id: str, shash: str) -> BatchResult:
    stored = store.records(run_id)
    done = {r.input_key for r in stored if r.status == "ok" and r.settings_hash == shash}
    store.forget(run_id, [r.input_key for r in stored if r.input_key not in done])  # redone: errors, old settings
    kept = [r for r in stored if r.input_key in done]
    if job.announce is not None:
        note = f"run {run_id} on Ray: {total} inputs"
        job.announce(note + (f", {len(kept)} already done" if kept else ""))
    options = job.options
    sink: Sink = JsonlSink(options.out, [(r.input_key, r.line) for r in kept]) if options.fmt == "jsonl" else NullSink()
    bar = Progress(total, enabled=options.progress and total > 1, done=len(kept))
    recorder = Recorder(
        store, run_id, sink, bar, options.report_errors, max((r.seq for r in kept), default=-1) + 1, Totals(), set()
    )
    status = "interrupted"
    try:
        with ray_session(job.settings.ray_address):
            quiet_ray_data()
            rows = summarise_dataset(
                read_articles(found),
                job.settings,
                include_text=options.include_text,
                published=options.published,
                skip=done,
                actors=job.actors,
                batch_size=job.batch_size,
                backend_factory=job.backend_factory,
                shash=shash,
            )
            for batch in batches(rows):
                for row in batch.to_pylist():
                    recorder.take(Result(**row))
        status = "failed" if recorder.totals.failed else "done"
    finally:
        bar.stop()
        sink.close()
        store.finish(run_id, status)
    gone = [r.input_key for r in kept if r.input_key not in recorder.seen]
    if gone:  # inputs no longer in the run: their records leave the store and the output
        store.forget(run_id, gone)
        if options.fmt == "jsonl" and options.out is not None:
            JsonlSink(options.out, [(r.input_key, r.line) for r in store.records(run_id)]).close()
    recorder.totals.skipped = len(kept) - len(gone)
    records = store.records(run_id)
    if options.fmt == "parquet" and options.out is not None:
        write_parquet(records, options.out)
    return BatchResult(run_id, recorder.totals, records, len(recorder.seen))
