"""``summarise run``: summarise articles from files, directories, globs, JSONL or stdin.

One article (and no ``--run``/``--resume``) is summarised straight through the pipeline. Many articles make a
batch run, recorded in ``<home>/runs.sqlite`` (see ``summarise.batch``): ``--run NAME`` names it,
``--resume NAME`` carries it on after a crash or a kill, skipping inputs already done and redoing failures.
JSONL output is written as records finish; JSON and Markdown are written at the end, in input order.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Protocol

import typer

from ..config import Settings
from ..errors import ConfigError, SummariseError
from ..ingest import parse_date
from ..schema import ArticleSummary
from .common import BackendOpt, BaseUrlOpt, HomeOpt, ModelOpt, StrategyOpt, settings_from
from .options import grouped

if TYPE_CHECKING:
    from ..batch.runner import BatchResult, Input, RunInputs


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    md = "md"


@dataclass(frozen=True)
class Output:
    """What to write, and where."""

    fmt: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="Output format (default json; a resume keeps its run's)."),
    ] = None
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")] = None
    no_text: Annotated[bool, typer.Option("--no-text", help="Leave the article text out of the output.")] = False
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Also write the review page: this file for one article, else a folder of pages."),
    ] = None
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no per-article messages.")] = False


@dataclass(frozen=True)
class Asking:
    """How the articles are summarised: model, endpoint, strategy, limits; they become the run's Settings."""

    published: Annotated[
        str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for resolving times.")
    ] = None
    model: ModelOpt = None
    backend: BackendOpt = None
    base_url: BaseUrlOpt = None
    strategy: StrategyOpt = None
    strict: Annotated[bool, typer.Option("--strict", help="Drop items that stay unverified.")] = False
    max_retry_tokens: Annotated[
        int | None, typer.Option("--max-retry-tokens", help="Token budget for grounding re-asks per article.")
    ] = None
    concurrency: Annotated[
        int | None,
        typer.Option("--concurrency", "-c", min=1, help="Remote backends: articles and requests in flight."),
    ] = None
    rpm: Annotated[
        float | None, typer.Option("--rpm", help="Remote backends: at most this many requests a minute.")
    ] = None
    tpm: Annotated[float | None, typer.Option("--tpm", help="Remote backends: at most this many tokens a minute.")] = (
        None
    )
    cache: Annotated[
        bool | None,
        typer.Option("--cache/--no-cache", help="Reuse and keep summaries in <home>/cache.sqlite."),
    ] = None
    home: HomeOpt = None

    def settings(self) -> Settings:
        for name, value in (("--rpm", self.rpm), ("--tpm", self.tpm)):
            if value is not None and value <= 0:
                raise ConfigError(f"{name} must be > 0")
        return settings_from(
            model=self.model,
            backend=self.backend,
            base_url=self.base_url,
            strategy=self.strategy,
            strict=self.strict or None,
            max_retry_tokens=self.max_retry_tokens,
            concurrency=self.concurrency,
            requests_per_minute=self.rpm,
            tokens_per_minute=self.tpm,
            cache=self.cache,
            home=self.home,
        )


@dataclass(frozen=True)
class Naming:
    """The batch run's name: a new one, or one to carry on."""

    run_name: Annotated[
        str | None, typer.Option("--run", help="Name this run (default: a timestamp), to --resume it later.")
    ] = None
    resume: Annotated[
        str | None,
        typer.Option("--resume", help="Carry on the run with this name: skip inputs done, redo failures."),
    ] = None


class Record(Protocol):
    """A finished input as written: a stored record, or one article's outcome."""

    @property
    def status(self) -> str: ...

    @property
    def line(self) -> str: ...


def _render(records: Sequence[Record], fmt: Format) -> str:
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


def _write_pages(records: Sequence[Record], html: Path, *, include_text: bool) -> None:
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


def _emit(records: Sequence[Record], fmt: Format, output: Output) -> None:
    """The records in their format (JSONL: the caller wrote them as they finished), then the review pages."""
    if fmt is not Format.jsonl:
        text = _render(records, fmt)
        if output.out is None:
            sys.stdout.write(text)
        else:
            _write(output.out, text)
    if output.html is not None:
        _write_pages(records, output.html, include_text=not output.no_text)


def _announce(message: str) -> None:
    typer.echo(f"summarise: {message}", err=True)


def _resumed_output(settings: Settings, resume: str, output: Output) -> Output:
    """A resume carries on in the run's format, into the run's output, unless told otherwise."""
    from ..batch.store import RunStore

    store = RunStore.for_settings(settings)
    stored = store.get(resume)
    store.close()
    if stored is None:
        return output
    same_format = output.fmt is None or output.fmt.value == stored.format
    fmt = output.fmt or Format(stored.format)
    out = Path(stored.out) if output.out is None and same_format and stored.out else output.out
    return replace(output, fmt=fmt, out=out)


def _one_article(item: Input, settings: Settings, output: Output, asking: Asking) -> None:
    """One input, straight through the pipeline (no run store): written as a batch of one would write it."""
    from ..batch.runner import Item, outcome
    from ..many import Finished
    from ..pipeline import backend_for, summarise

    fmt = output.fmt or Format.json
    published = parse_date(asking.published)
    backend = None if isinstance(item, Exception) else backend_for(replace(settings, cache=False))  # a batch's
    done: Finished
    try:
        if isinstance(item, Exception):
            raise item
        doc = item if published is None else replace(item, published=published)
        summary = summarise(doc, settings=settings, backend=backend, include_text=not output.no_text)
        done = Finished(0, summary, None, 0.0)
    except Exception as exc:
        done = Finished(0, None, exc, 0.0)
    record = outcome(Item(0, "", item), done, settings.api_key)
    if fmt is Format.jsonl:
        if output.out is None:
            sys.stdout.write(record.line + "\n")
        else:
            _write(output.out, record.line + "\n")
    if record.error is not None:
        raise record.error  # one input: its error is the command's error
    _emit([record], fmt, replace(output, fmt=fmt))


def _batch(given: RunInputs | list[str], settings: Settings, output: Output, asking: Asking, naming: Naming) -> None:
    """Many inputs (or a named run): a batch run, recorded in the run store."""
    from ..batch.runner import Hooks, RunOptions, run_batch

    fmt = output.fmt or Format.json
    options = RunOptions(
        run_name=naming.run_name,
        resume=naming.resume,
        fmt=fmt.value,
        out=output.out,
        include_text=not output.no_text,
        published=parse_date(asking.published),
        progress=sys.stderr.isatty() and not output.quiet,
        report_errors=not output.quiet,
    )
    result = run_batch(given, settings, options, hooks=Hooks(announce=None if output.quiet else _announce))
    if result.inputs == 1 and result.totals.failures:
        raise result.totals.failures[0][1]  # one input: its error is the command's error, as before
    _emit(result.records, fmt, replace(output, fmt=fmt))
    _report(result, quiet=output.quiet)


def _report(result: BatchResult, *, quiet: bool) -> None:
    """The run's closing line, and its failure as the command's error."""
    totals = result.totals
    retry = f"`summarise run --resume {result.run_id}` retries them"
    if not quiet and result.inputs > 1:
        note = f"run {result.run_id}: {totals.ok + totals.skipped} ok"
        for count, what in ((totals.cached, "from cache"), (totals.partial, "partial")):
            if count:
                note += f", {count} {what}"
        if totals.partial and not totals.failed:
            note += f" ({retry})"
        _announce(note)
    if totals.failed:
        # A SummariseError, not typer.Exit: the error line names the run, and the exit status is 1.
        raise SummariseError(f"{totals.failed} of {result.inputs} inputs failed", hint=retry)


@grouped
def run(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories, globs, .jsonl files, or - for stdin (with --resume: optional)."),
    ] = None,
    *,
    output: Output,
    asking: Asking,
    naming: Naming,
) -> None:
    """Summarise articles into grounded events, claims and entities."""
    from ..batch.runner import read_inputs

    if naming.resume and naming.run_name and naming.resume != naming.run_name:
        raise ConfigError("give --run or --resume, not both")
    settings = asking.settings()
    if not inputs and not naming.resume:
        raise ConfigError("give at least one input (a file, directory, glob, .jsonl file or -)")
    if naming.resume:
        output = _resumed_output(settings, naming.resume, output)
        return _batch(inputs or [], settings, output, asking, naming)
    given = read_inputs(inputs or [])
    if len(given.items) == 1 and naming.run_name is None:
        return _one_article(given.items[0], settings, output, asking)
    return _batch(given, settings, output, asking, naming)
