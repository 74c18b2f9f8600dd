"""``summarise run``: summarise articles from files, directories, globs, JSONL or stdin.

Every run is recorded in ``<home>/runs.sqlite`` (see ``summarise.batch``): ``--run NAME`` names it,
``--resume NAME`` carries it on after a crash or a kill, skipping inputs already done and redoing failures.
JSONL output is written as records finish; JSON and Markdown are written at the end, in input order.
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import ConfigError, SummariseError
from ..ingest import parse_date
from ..schema import ArticleSummary
from .common import BackendOpt, BaseUrlOpt, HomeOpt, ModelOpt, StrategyOpt, settings_from

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..batch.runner import BatchResult
    from ..batch.store import StoredRecord


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    md = "md"
    parquet = "parquet"


class Engine(StrEnum):
    local = "local"
    ray = "ray"


def _render(records: list[StoredRecord], fmt: Format) -> str:
    """JSON (one object for one input, else an array) or Markdown, from the run's records."""
    if fmt is Format.json:
        if len(records) == 1 and records[0].status != "error":
            return ArticleSummary.model_validate_json(records[0].line).model_dump_json(indent=2) + "\n"
        return json.dumps([json.loads(r.line) for r in records], indent=2) + "\n"
    from ..render.markdown import render_markdown

    return "".join(
        r.line + "\n" if r.status == "error" else render_markdown(ArticleSummary.model_validate_json(r.line))
        for r in records
    )


def _write_pages(records: list[StoredRecord], html: Path, *, include_text: bool) -> None:
    """Review pages for the run's summaries: one file for one article, else one page per article in a folder."""
    from ..render.html import render_summary_html

    summaries = [ArticleSummary.model_validate_json(r.line) for r in records if r.status != "error"]
    if not include_text:
        raise ConfigError("--html needs the article text in the results; drop --no-text")
    for summary in summaries:
        page = html if len(records) == 1 else html / f"{summary.article.id}.html"
        _write(page, render_summary_html(summary))


def _write(out: Path, text: str) -> None:
    """Replace ``out`` atomically, so an interrupted write leaves the old file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)


def run(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories, globs, .jsonl files, or - for stdin (with --resume: optional)."),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="Output format (default json; a resume keeps its run's)."),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")] = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for resolving times.")
    ] = None,
    model: ModelOpt = None,
    backend: BackendOpt = None,
    base_url: BaseUrlOpt = None,
    strategy: StrategyOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help="Drop items that stay unverified.")] = False,
    max_retry_tokens: Annotated[
        int | None, typer.Option("--max-retry-tokens", help="Token budget for grounding re-asks per article.")
    ] = None,
    no_text: Annotated[bool, typer.Option("--no-text", help="Leave the article text out of the output.")] = False,
    run_name: Annotated[
        str | None, typer.Option("--run", help="Name this run (default: a timestamp), to --resume it later.")
    ] = None,
    resume: Annotated[
        str | None,
        typer.Option("--resume", help="Carry on the run with this name: skip inputs done, redo failures."),
    ] = None,
    concurrency: Annotated[
        int | None,
        typer.Option("--concurrency", "-c", min=1, help="Remote backends: articles and requests in flight."),
    ] = None,
    rpm: Annotated[
        float | None, typer.Option("--rpm", help="Remote backends: at most this many requests a minute.")
    ] = None,
    tpm: Annotated[
        float | None, typer.Option("--tpm", help="Remote backends: at most this many tokens a minute.")
    ] = None,
    cache: Annotated[
        bool | None,
        typer.Option("--cache/--no-cache", help="Reuse and keep summaries in <home>/cache.sqlite."),
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Also write the review page: this file for one article, else a folder of pages."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no per-article messages.")] = False,
    engine: Annotated[
        Engine,
        typer.Option("--engine", help="local: this process; ray: a Ray cluster (pip install 'summarise[ray]')."),
    ] = Engine.local,
    ray_address: Annotated[
        str | None,
        typer.Option("--ray-address", help="--engine ray: the cluster to join (RAY_ADDRESS; default: start one)."),
    ] = None,
    ray_actors: Annotated[
        int | None,
        typer.Option("--ray-actors", min=1, help="--engine ray: actors in the pool (default: from the CPUs)."),
    ] = None,
    home: HomeOpt = None,
) -> None:
    """Summarise articles into grounded events, claims and entities."""
    from ..batch.runner import run_batch
    from ..batch.store import RunStore

    for name, value in (("--rpm", rpm), ("--tpm", tpm)):
        if value is not None and value <= 0:
            raise ConfigError(f"{name} must be > 0")
    if resume and run_name and resume != run_name:
        raise ConfigError("give --run or --resume, not both")
    settings = settings_from(
        model=model,
        backend=backend,
        base_url=base_url,
        strategy=strategy,
        strict=strict or None,
        max_retry_tokens=max_retry_tokens,
        concurrency=concurrency,
        requests_per_minute=rpm,
        tokens_per_minute=tpm,
        cache=cache,
        home=home,
        ray_address=ray_address,
    )
    if not inputs and not resume:
        raise ConfigError("give at least one input (a file, directory, glob, .jsonl file or -)")
    if resume:  # carry on in the run's format, into the run's output, unless told otherwise
        store = RunStore.for_settings(settings)
        stored = store.get(resume)
        store.close()
        if stored is not None:
            same_format = fmt is None or fmt.value == stored.format
            fmt = fmt or Format(stored.format)
            if out is None and same_format and stored.out:
                out = Path(stored.out)
    fmt = fmt or Format.json
    tty = sys.stderr.isatty()

    def announce(message: str) -> None:
        typer.echo(f"summarise: {message}", err=True)

    batch: Callable[..., BatchResult]
    if engine is Engine.ray:
        from ..engines.ray_run import run_on_ray

        batch = partial(run_on_ray, actors=ray_actors)
    elif fmt is Format.parquet:
        raise ConfigError("--format parquet needs --engine ray")
    else:
        batch = run_batch
    result = batch(
        inputs or [],
        settings,
        run_name=run_name,
        resume=resume,
        fmt=fmt.value,
        out=out,
        include_text=not no_text,
        published=parse_date(published),
        progress=tty and not quiet,
        report_errors=not quiet,
        announce=None if quiet else announce,
    )
    totals = result.totals
    if result.inputs == 1 and totals.failures:
        raise totals.failures[0][1]  # one input: its error is the command's error, as before
    if fmt not in (Format.jsonl, Format.parquet):
        text = _render(result.records, fmt)
        if out is None:
            sys.stdout.write(text)
        else:
            _write(out, text)
    if html is not None:
        _write_pages(result.records, html, include_text=not no_text)
    retry = f"`summarise run --resume {result.run_id}` retries them"
    if not quiet and result.inputs > 1:
        note = f"run {result.run_id}: {totals.ok + totals.skipped} ok"
        for count, what in ((totals.cached, "from cache"), (totals.partial, "partial")):
            if count:
                note += f", {count} {what}"
        if totals.partial and not totals.failed:
            note += f" ({retry})"
        announce(note)
    if totals.failed:
        # A SummariseError, not typer.Exit: the error line names the run, and the exit status is 1.
        raise SummariseError(f"{totals.failed} of {result.inputs} inputs failed", hint=retry)
