"""``summarise run``: summarise articles from files, directories, globs, JSONL or stdin.

One article (and no ``--run``/``--resume``) is summarised straight through the pipeline. Many articles make a
batch run, recorded in ``<home>/runs.sqlite`` (see ``summarise.batch``): ``--run NAME`` names it,
``--resume NAME`` carries it on after a crash or a kill, skipping inputs already done and redoing failures.
JSONL output is written as records finish; JSON and Markdown are written at the end, in input order.
``--engine ray`` runs any batch on a Ray cluster instead (``summarise.engines``; Parquet output too).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Protocol

import typer

from ..batch.resume import INCLUDE_TEXT
from ..config import Settings
from ..errors import ConfigError, SummariseError
from ..ingest import parse_date
from ..schema import ArticleSummary
from ..stories.settings import StorySettings
from .common import BackendOpt, BaseUrlOpt, HomeOpt, ModelOpt, StrategyOpt, settings_from
from .options import grouped

if TYPE_CHECKING:
    from ..batch.runner import BatchResult, Input, RunInputs
    from ..batch.store import RunInfo


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    md = "md"
    parquet = "parquet"


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@dataclass(frozen=True)
class Output:
    """What to write, and where."""

    fmt: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="Output format (default json; a resume keeps its run's)."),
    ] = None
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")] = None
    mkdir: Annotated[
        bool, typer.Option("--mkdir", help="Create the folder of --out / --html when it does not exist.")
    ] = False
    no_text: Annotated[bool, typer.Option("--no-text", help="Leave the article text out of the output.")] = False
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Also write the review page: this file for one article, else a folder of pages."),
    ] = None
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no per-article messages.")] = False
    story: Annotated[
        Path | None,
        typer.Option(
            "--story",
            help="Also merge the summaries into stories (summarise story) and write them here: .md as Markdown, "
            ".html as the story page, else JSON.",
        ),
    ] = None


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


FIELD_OF_OPTION = {"rpm": "requests_per_minute", "tpm": "tokens_per_minute", "no_text": INCLUDE_TEXT}
"""Options whose Settings field (or stored run option) has another name."""


def explicit(ctx: typer.Context, names: Sequence[str]) -> set[str]:
    """The Settings fields (and stored run options) set by options given on the command line, as opposed to
    defaults or the environment (click's public ``get_parameter_source``)."""
    # By name: typer may run on its own copy of click, whose ParameterSource is another enum class.
    given = {n for n in names if getattr(ctx.get_parameter_source(n), "name", None) == "COMMANDLINE"}
    return {FIELD_OF_OPTION.get(n, n) for n in given}


@dataclass(frozen=True)
class Naming:
    """The batch run's name: a new one, or one to carry on."""

    run_name: Annotated[
        str | None, typer.Option("--run", help="Name this run (default: a timestamp), to --resume it later.")
    ] = None
    resume: Annotated[
        str | None,
        typer.Option(
            "--resume",
            help="Carry on the run with this name, with its settings (options given here override them): "
            "skip inputs done, redo failures.",
        ),
    ] = None
    redo: Annotated[
        bool,
        typer.Option("--redo", help="With --resume and changed settings: make again the inputs finished before."),
    ] = False


@dataclass(frozen=True)
class Where:
    """Where a batch runs: in this process, or on a pool of actors on a Ray cluster."""

    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="local: this process; ray: a Ray cluster (needs the ray extra, pip install summarise\\[ray]).",
        ),
    ] = Engine.local
    ray_address: Annotated[
        str | None,
        typer.Option("--ray-address", help="--engine ray: the cluster to join (RAY_ADDRESS; default: start one)."),
    ] = None
    ray_actors: Annotated[
        int | None,
        typer.Option("--ray-actors", min=1, help="--engine ray: actors in the pool (default: from the CPUs)."),
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


def _check_engine(output: Output, where: Where) -> None:
    if output.fmt is Format.parquet and where.engine is not Engine.ray:
        raise ConfigError("--format parquet needs --engine ray")


def _check_folders(output: Output) -> None:
    """``-o`` / ``--html`` into a folder that does not exist is a mistake (a typo) unless ``--mkdir`` says so."""
    wanted = [p.parent for p in (output.out, output.story) if p is not None]
    if output.html is not None:
        wanted.append(output.html.parent)  # a folder of pages is made, but not the folder it goes in
    for folder in wanted:
        if folder.is_dir():
            continue
        if not output.mkdir:
            raise ConfigError(f"folder {folder} does not exist", hint="create it, or add --mkdir")
        folder.mkdir(parents=True, exist_ok=True)


def _write(out: Path, text: str) -> None:
    """Replace ``out`` atomically, so an interrupted write leaves the old file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)


def _emit(records: Sequence[Record], fmt: Format, output: Output) -> None:
    """The records in their format (JSONL: the caller wrote them as they finished), then the review pages."""
    if fmt not in (Format.jsonl, Format.parquet):
        text = _render(records, fmt)
        if output.out is None:
            sys.stdout.write(text)
        else:
            _write(output.out, text)
    if output.html is not None:
        _write_pages(records, output.html, include_text=not output.no_text)
    if output.story is not None:
        _write_story(records, output.story, quiet=output.quiet)


def _write_story(records: Sequence[Record], target: Path, *, quiet: bool) -> None:
    """The run's summaries merged into stories, written as the file's suffix says (.md, .html, else JSON)."""
    from .story import StoryFormat, merge_stories, write_stories

    summaries = [ArticleSummary.model_validate_json(r.line) for r in records if r.status != "error"]
    collection = merge_stories(summaries, StorySettings(), quiet)
    suffix = target.suffix.lower()
    if suffix == ".html":
        if any(s.article.text is None for s in summaries):
            raise ConfigError("--story page.html needs the article text in the results; drop --no-text")
        from ..render.story_html import render_story_html

        _write(target, render_story_html(collection, summaries))
        return
    write_stories(collection, StoryFormat.md if suffix == ".md" else StoryFormat.json, target, None, summaries)


def _announce(message: str) -> None:
    typer.echo(f"summarise: {message}", err=True)


def _warn_language(summary: ArticleSummary | None) -> None:
    """An article not in English is said on stderr too, not only in its provenance: its output is near empty."""
    if summary is None:
        return
    for warning in summary.provenance.warnings:
        if warning.startswith("language: "):
            where = summary.article.source or summary.article.id
            typer.echo(f"summarise: warning: {where}: {warning.removeprefix('language: ')}", err=True)


@dataclass(frozen=True)
class Resuming:
    """What a resume carries on with: the run's settings and options, merged with those given explicitly."""

    settings: Settings
    output: Output
    asking: Asking


def _resuming(settings: Settings, given: set[str], naming: Naming, output: Output, asking: Asking) -> Resuming:
    """The run's stored settings (backend, model, strategy, every option that changes the answer) unless given
    on the command line; its format and output file unless given. Changed settings redo finished inputs only with
    ``--redo``."""
    from ..batch.resume import resume_with
    from ..batch.store import RunStore

    assert naming.resume is not None
    store = RunStore.for_settings(settings)
    try:
        stored = store.get(naming.resume)
    finally:
        store.close()
    if stored is None:
        raise ConfigError(f"no run named {naming.resume!r} in {store.path}")
    merged = resume_with(
        stored.settings, settings, given, published=parse_date(asking.published), include_text=not output.no_text
    )
    if merged.changed:
        what = ", ".join(merged.changed)
        todo = "finished inputs are made again" if naming.redo else "finished inputs are kept (--redo redoes them)"
        _announce(f"run {naming.resume}: settings changed from the run's ({what}): {todo}")
    published = None if merged.published is None else merged.published.isoformat()
    asking = replace(asking, published=published)
    output = replace(_resumed_output(stored, output), no_text=not merged.include_text)
    return Resuming(merged.settings, output, asking)


def _resumed_output(stored: RunInfo, output: Output) -> Output:
    """A resume carries on in the run's format, into the run's output, unless told otherwise."""
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
    _warn_language(record.summary)
    if fmt is Format.jsonl:
        if output.out is None:
            sys.stdout.write(record.line + "\n")
        else:
            _write(output.out, record.line + "\n")
    if record.error is not None:
        raise record.error  # one input: its error is the command's error
    _emit([record], fmt, replace(output, fmt=fmt))


def _batch(
    given: RunInputs | list[str],
    settings: Settings,
    output: Output,
    asking: Asking,
    naming: Naming,
    where: Where | None = None,
) -> None:
    """Many inputs (or a named run, or any run on Ray): a batch run, recorded in the run store."""
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
        redo=naming.redo,
    )
    hooks = Hooks(
        announce=None if output.quiet else _announce, on_record=lambda _item, done: _warn_language(done.summary)
    )
    if where is not None and where.engine is Engine.ray:
        from ..engines.ray_run import run_on_ray

        arguments = given.arguments if not isinstance(given, list) else given
        result = run_on_ray(arguments, settings, options, actors=where.ray_actors, hooks=hooks)
    else:
        result = run_batch(given, settings, options, hooks=hooks)
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
    ctx: typer.Context,
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories, globs, .jsonl files, or - for stdin (with --resume: optional)."),
    ] = None,
    *,
    output: Output,
    asking: Asking,
    naming: Naming,
    where: Where,
) -> None:
    """Summarise articles into grounded events, claims and entities."""
    from ..batch.runner import read_inputs

    if naming.resume and naming.run_name and naming.resume != naming.run_name:
        raise ConfigError("give --run or --resume, not both")
    if naming.redo and not naming.resume:
        raise ConfigError("--redo goes with --resume")
    settings = asking.settings().with_(ray_address=where.ray_address)
    if not inputs and not naming.resume:
        raise ConfigError("give at least one input (a file, directory, glob, .jsonl file or -)")
    if naming.resume:
        names = [f.name for f in fields(Asking)] + ["no_text"]
        resuming = _resuming(settings, explicit(ctx, names), naming, output, asking)
        _check_folders(resuming.output)
        _check_engine(resuming.output, where)
        return _batch(inputs or [], resuming.settings, resuming.output, resuming.asking, naming, where)
    _check_folders(output)
    _check_engine(output, where)
    if where.engine is Engine.ray:  # Ray's actors read the inputs, not this process
        return _batch(inputs or [], settings, output, asking, naming, where)
    given = read_inputs(inputs or [])
    if len(given.items) == 1 and naming.run_name is None:
        return _one_article(given.items[0], settings, output, asking)
    return _batch(given, settings, output, asking, naming)
