"""The Ray Data engine's library side: articles into a Dataset, a Dataset of articles into one record per input.

    ds = read_articles(["feed.jsonl", "archive/"])          # text/HTML files, directories, JSONL, Parquet
    out = summarise_dataset(ds, Settings(base_url=...))      # lazy: runs when consumed
    out.write_parquet("s3://bucket/summaries/")              # or iterate it (``summarise run --engine ray``)

Input rows have one string column each of ``INPUT_COLUMNS``; a row is turned into a Document on the actor by
ingest's own readers (``load_path`` for a file, the JSONL line reader for a line, ``load_text`` for Parquet
text), so a bad input becomes an error record with the same reason the local batch gives. Output rows have
``OUTPUT_COLUMNS``: ``record`` is the exact JSONL line the local batch writes (an ArticleSummary, or
``{"id", "source", "error", "kind"}``), ``input_key`` and ``settings_hash`` are the local batch's keys, so a
re-run can skip what is done; inputs in ``skip`` come back as ``status == "skipped"`` rows with no record, so
the caller still sees every input exactly once.

Actors: each builds one backend in its constructor (the embedded model is loaded once per actor) and keeps it.
The embedded model summarises a batch one article at a time (llama.cpp reuses the prompt's KV prefix); other
backends run a batch's articles concurrently, at most ``settings.concurrency`` articles and model requests in
flight per actor. Ray restarts an actor that dies and retries its batch, so a crash costs time, not records.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..backends import registry as backend_registry
from ..backends.base import Backend
from ..batch.runner import Input, Item, Outcome, input_key, outcome, settings_hash
from ..config import Settings
from ..errors import ConfigError, InputError
from ..ingest import Document, load_text
from ..ingest.decode import decode_bytes
from ..ingest.sources import JSONL_SUFFIX, STDIN, expand, jsonl_document, load_path
from ..many import Finished, summarise_many

if TYPE_CHECKING:
    import pyarrow as pa
    import ray.data

BackendFactory = Callable[[Settings], Backend]
"""Builds an actor's backend from its settings (default: the registry's); it runs once in each actor."""

INPUT_COLUMNS = ("source", "path", "line", "number", "id", "text", "published", "title", "error")
OUTPUT_COLUMNS = ("input_key", "settings_hash", "status", "kind", "id", "source", "record")
SKIPPED = "skipped"
PARQUET_SUFFIX = ".parquet"
FREE_CPUS = 1.0
"""CPUs the actors leave unreserved for Ray Data's own tasks (reading, splitting into blocks; a task asks for up to
a whole CPU): a pool that reserves every CPU deadlocks, the tasks that feed it never get one."""
RETRIES = 3
"""Times a batch is retried on a restarted actor after its actor died (Ray's default is forever: an article that
kills every process that reads it would stall the run instead of failing it)."""
LOCAL_THREADS = 2
"""llama.cpp threads (and CPUs reserved) per embedded-model actor unless ``SUMMARISE_THREADS`` says otherwise."""
READ_CPUS = 0.25
"""What a read task asks for (Ray's default is a whole CPU, more than a small cluster's pool leaves free);
reading is I/O and a little JSON."""


# -- inputs ----------------------------------------------------------------------------------------------------


@dataclass
class Inputs:
    """The inputs named on the command line, sorted by how they are read."""

    files: list[str] = field(default_factory=list)
    """Text and HTML files: each read on an actor by ingest's ``load_path``."""
    jsonl: list[str] = field(default_factory=list)
    parquet: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    """Names that match nothing: each becomes an error record, as in the local batch."""

    def count(self) -> int:
        """How many rows they hold (JSONL files are read here for their line count; Parquet gives it cheaply)."""
        lines = 0
        for name in self.jsonl:
            with open(name, "rb") as handle:
                lines += sum(1 for line in handle if line.strip())
        rows = 0
        if self.parquet:
            import pyarrow.parquet as pq

            rows = sum(pq.ParquetDataset(name).read(columns=[]).num_rows for name in self.parquet)
        return len(self.files) + len(self.errors) + lines + rows


def find_inputs(specs: Sequence[str]) -> Inputs:
    """Expand files, directories and globs as the local batch does (a file reached twice is read once)."""
    found = Inputs()
    seen: set[Path] = set()
    for spec in specs:
        if spec == STDIN:
            raise ConfigError("--engine ray reads files (the actors must see them), not standard input")
        if spec.rstrip("/").lower().endswith(PARQUET_SUFFIX):  # a file, or a directory of files
            if Path(spec).exists():
                found.parquet.append(spec)
            else:
                found.errors.append(InputError("no such file or directory", source=spec))
            continue
        paths = expand(spec)
        if isinstance(paths, InputError):
            found.errors.append(paths)
            continue
        for path in paths:
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            (found.jsonl if path.suffix.lower() == JSONL_SUFFIX else found.files).append(str(path))
    return found


def read_articles(inputs: Sequence[str] | Inputs) -> ray.data.Dataset:
    """A Dataset of input rows (``INPUT_COLUMNS``, strings or nulls) from files, directories, JSONL and Parquet."""
    import ray.data

    found = inputs if isinstance(inputs, Inputs) else find_inputs(inputs)
    parts: list[ray.data.Dataset] = []
    rows = [_row(source=name, path=name) for name in found.files]
    rows += [_row(source=error.source or "?", error=_reason(error)) for error in found.errors]
    if rows:
        parts.append(ray.data.from_arrow(_table(rows)))
    if found.jsonl:  # whole files, split into lines by a task: line numbers for the error records
        files = ray.data.read_binary_files(found.jsonl, include_paths=True, num_cpus=READ_CPUS)
        parts.append(files.map_batches(_jsonl_rows, batch_format="pyarrow", batch_size=1, num_cpus=READ_CPUS))
    if found.parquet:
        table = ray.data.read_parquet(found.parquet, include_paths=True, num_cpus=READ_CPUS)
        parts.append(table.map_batches(_parquet_rows, batch_format="pyarrow", num_cpus=READ_CPUS))
    if not parts:
        raise InputError("no input articles found")
    return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]


def _row(**values: str | None) -> dict[str, str | None]:
    return {column: values.get(column) for column in INPUT_COLUMNS}


def _table(rows: list[dict[str, str | None]]) -> pa.Table:
    """Rows as an Arrow table with every column a string (nulls included), so the parts union cleanly."""
    import pyarrow as pa

    schema = pa.schema([(column, pa.string()) for column in INPUT_COLUMNS])
    return pa.Table.from_pylist(rows, schema=schema)


def _reason(error: InputError) -> str:
    """An InputError's message without the ``source: `` its constructor put in front."""
    prefix = f"{error.source}: " if error.source else ""
    return error.message.removeprefix(prefix)


def _jsonl_rows(batch: pa.Table) -> pa.Table:
    """JSONL files (``bytes``, ``path``) into one row per non-blank line, numbered as the local batch numbers them."""
    rows = []
    for file in batch.to_pylist():
        try:
            content = decode_bytes(file["bytes"], source=file["path"])
        except InputError as exc:
            rows.append(_row(source=file["path"], error=_reason(exc)))
            continue
        for number, line in enumerate(content.splitlines(), start=1):
            if line.strip():
                rows.append(_row(source=file["path"], line=line, number=str(number)))
    return _table(rows)


def _parquet_rows(batch: pa.Table) -> pa.Table:
    """Parquet rows (``id``/``text``/``published``, optional ``title``/``source``) as input rows; a date column
    becomes its ISO text."""

    def text(value: Any) -> str | None:
        if value is None:
            return None
        return value.isoformat() if isinstance(value, date) else str(value)

    rows = []
    for record in batch.to_pylist():
        fields = {key: text(record.get(key)) for key in ("id", "text", "published", "title")}
        rows.append(_row(source=text(record.get("source")) or record["path"], **fields))
    return _table(rows)


def to_input(row: dict[str, Any]) -> Document | InputError:
    """The Document an input row stands for, or the InputError the local batch would record for it."""
    source = row["source"]
    try:
        if row["error"] is not None:
            return InputError(row["error"], source=source)
        if row["path"] is not None:
            return load_path(Path(row["path"]))
        if row["line"] is not None:
            try:
                return jsonl_document(row["line"], source)
            except InputError as exc:
                raise InputError(f"line {row['number']}: {exc.message}", hint=exc.hint) from None
        text = row["text"]
        if not isinstance(text, str):
            raise InputError('"text" must be a string')
        return load_text(text, id=row["id"], source=source, published=row["published"], title=row["title"])
    except InputError as exc:
        return exc if exc.source else InputError(exc.message, source=source, hint=exc.hint)


# -- the actors ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """One output row."""

    input_key: str
    settings_hash: str
    status: str
    """ok | partial | error (as in the run store), or skipped (done before; no record)."""
    kind: str | None
    id: str | None
    source: str | None
    record: str


class Summariser:
    """A callable class for ``map_batches``: one backend per actor, built once; a batch of input rows in, one
    Result row per input out. The batch runs through ``many.summarise_many``, as the local batch's inputs do (the
    embedded model one article at a time, other backends ``settings.concurrency`` at once), and each record is
    the local batch's own (``batch.runner.outcome``)."""

    def __init__(
        self,
        settings: Settings,
        *,
        shash: str,
        include_text: bool = True,
        published: date | None = None,
        skip: frozenset[str] = frozenset(),
        backend_factory: BackendFactory | None = None,
    ) -> None:
        self.settings = actor_settings(settings)
        self.backend = (backend_factory or backend_registry.create)(self.settings)
        self.shash = shash
        self.include_text = include_text
        self.published = published
        self.skip = skip

    async def __call__(self, batch: pa.Table) -> pa.Table:
        items = [self._item(seq, row) for seq, row in enumerate(batch.to_pylist())]
        results: list[Result] = [self._skipped(item) for item in items if item.key in self.skip]
        todo = [item for item in items if item.key not in self.skip]

        def done(finished: Finished) -> None:
            item = todo[finished.index]
            results.append(self._result(item, outcome(item, finished, self.settings.api_key)))

        inputs = [self._document(item) for item in todo]
        # No process pool of its own: the actors are the cluster's worker processes, one per CPU (``pool_for``).
        await summarise_many(
            inputs, self.settings, on_done=done, backend=self.backend, include_text=self.include_text, cpu_workers=False
        )
        return _results_table(results)

    @staticmethod
    def _item(seq: int, row: dict[str, Any]) -> Item:
        found = to_input(row)
        return Item(seq, input_key(found), found)

    def _document(self, item: Item) -> Input:
        if isinstance(item.input, InputError) or self.published is None:
            return item.input
        return replace(item.input, published=self.published)

    def _result(self, item: Item, made: Outcome) -> Result:
        kind = None if made.error is None else type(made.error).__name__
        return Result(item.key, self.shash, made.status, kind, item.id, item.source, made.line)

    def _skipped(self, item: Item) -> Result:
        return Result(item.key, self.shash, SKIPPED, None, item.id, item.source, "")


def actor_settings(settings: Settings) -> Settings:
    """An actor's settings: no summary cache (a SQLite file under one machine's home, not something a cluster
    shares); the embedded model's threads fixed to what the pool reserved for the actor (``pool_for``), not
    guessed from the machine's load as a lone process does; and no taking turns at the model with the other
    processes of its home: those CPUs are the actor's, so the actors on one machine generate side by side (each
    its own context; the weights file is mapped, so they share its pages) instead of one at a time."""
    return replace(settings, cache=False, threads=settings.threads or LOCAL_THREADS, take_turns=False)


def _results_table(results: Iterable[Result]) -> pa.Table:
    import pyarrow as pa

    schema = pa.schema([(column, pa.string()) for column in OUTPUT_COLUMNS])
    rows = [{column: getattr(r, column) for column in OUTPUT_COLUMNS} for r in results]
    return pa.Table.from_pylist(rows, schema=schema)


# -- the pool ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pool:
    """How many actors, what each reserves, and how many inputs each call gets."""

    actors: int
    cpus_per_actor: float
    batch_size: int


def pool_for(settings: Settings, cluster_cpus: float, actors: int | None = None) -> Pool:
    """Size the pool from the cluster: an embedded-model actor runs ``threads`` (default 2) llama.cpp threads,
    an endpoint actor mostly waits (one per CPU); together they leave ``FREE_CPUS`` unreserved (an actor's
    reservation is only Ray's bookkeeping: it uses what it needs)."""
    local = backend_registry.resolve_name(settings) == "local"
    per_actor = float(settings.threads or LOCAL_THREADS) if local else 1.0
    count = actors or max(1, int(cluster_cpus // per_actor))
    cpus = min(per_actor, max(0.0, cluster_cpus - FREE_CPUS) / count)
    # Endpoint actors get enough articles per call to keep their `concurrency` requests in flight; the embedded
    # model takes a few at a time, so a dead actor loses little and the progress bar moves.
    batch = 4 if local else max(4, settings.concurrency)
    return Pool(count, math.floor(cpus * 1000) / 1000, batch)  # down: rounding up could take the spare CPU


def settings_key(settings: Settings, include_text: bool, backend_factory: BackendFactory | None = None) -> str:
    """The local batch's settings hash (``batch.runner.settings_hash``), from a backend built as the actors build
    theirs. Building one loads no model (the embedded backend loads its weights at the first call)."""
    backend = (backend_factory or backend_registry.create)(actor_settings(settings))
    try:
        return settings_hash(settings, backend, include_text)
    finally:
        backend.close()


def summarise_dataset(
    ds: ray.data.Dataset,
    settings: Settings,
    *,
    include_text: bool = True,
    published: date | None = None,
    skip: Iterable[str] = (),
    actors: int | None = None,
    batch_size: int | None = None,
    backend_factory: BackendFactory | None = None,
    shash: str | None = None,
) -> ray.data.Dataset:
    """Map a Dataset of input rows (``read_articles``) to one Result row per input (``OUTPUT_COLUMNS``).

    Lazy, like every Dataset transform. ``skip``: input keys already done under these settings (their rows come
    back ``skipped``). ``actors``: the pool's size (default: from the cluster's CPUs, see ``pool_for``).
    """
    import ray
    import ray.data

    if not ray.is_initialized():
        ray.init()
    resources: dict[str, float] = ray.cluster_resources()  # type: ignore[no-untyped-call]
    pool = pool_for(settings, float(resources.get("CPU", 1.0)), actors)
    if shash is None:
        shash = settings_key(settings, include_text, backend_factory)
    constructor = {
        "shash": shash,
        "include_text": include_text,
        "published": published,
        "skip": frozenset(skip),
        "backend_factory": backend_factory,
    }
    # one block per call: the pool hands out blocks, and a file list or a JSONL file arrives as one block
    blocks = ds.repartition(target_num_rows_per_block=batch_size or pool.batch_size)
    return blocks.map_batches(
        Summariser,
        fn_constructor_args=(settings,),
        fn_constructor_kwargs=constructor,
        batch_size=batch_size or pool.batch_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=pool.actors),
        num_cpus=pool.cpus_per_actor,
        max_task_retries=RETRIES,
    )
