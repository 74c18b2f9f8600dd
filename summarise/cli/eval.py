"""``summarise eval``: run a suite, re-score a run, compare two runs, evaluate claims on PolNeAR, events on MEANTIME.

``summarise eval SUITE`` runs a suite (the first word is taken as the ``run`` command's suite when it is not a
subcommand name), so ``summarise eval seeds``, ``summarise eval score run.json`` and ``summarise eval compare
a.json b.json`` all work. Reports go to stdout, progress and notes to stderr. Failures are SummariseErrors
(EvalError for a bad suite, run file or a failed gate), which ``summarise.cli.main`` turns into one line on
stderr and the error's exit code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from typer.core import TyperGroup

from ..config import Settings
from ..errors import EvalError
from .common import BackendOpt, BaseUrlOpt, EvalCacheOpt, HomeOpt, ModelOpt, StrategyOpt, settings_from
from .options import grouped

if TYPE_CHECKING:
    from ..evals.ecbplus import EcbDoc
    from ..evals.report import Report
    from ..evals.run import EvalRun, RunCase, RunKind, SuiteInfo
    from ..schema import ArticleSummary


class _DefaultRun(TyperGroup):
    """A group whose first word, when it names no subcommand, is the ``run`` command's suite."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = ["run", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_DefaultRun,
    help="Score summaries against hand-labelled gold answers; compare runs. `eval SUITE` runs a suite.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    table = "table"
    json = "json"
    md = "md"


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Report format on stdout.")]
HtmlOpt = Annotated[Path | None, typer.Option("--html", help="Also write the HTML review page here.")]
ResamplesOpt = Annotated[int, typer.Option("--resamples", min=0, help="Bootstrap resamples (0: no intervals).")]
SeedOpt = Annotated[int, typer.Option("--seed", help="Bootstrap seed.")]
ConcurrencyOpt = Annotated[
    int | None,
    typer.Option("--concurrency", "-c", min=1, help="Remote backends: articles and requests in flight."),
]
SuiteGoldOpt = Annotated[
    str | None,
    typer.Option("--suite", help="Score against this suite's current gold, not the run's stored gold."),
]
OutOpt = Annotated[
    Path | None, typer.Option("--out", "-o", help="Run file to write (default: under SUMMARISE_HOME/evals/).")
]
ReportOutOpt = Annotated[Path | None, typer.Option("--out", "-o", help="Also write the report as JSON here.")]


@dataclass(frozen=True)
class Model:
    """The model, endpoint and strategy the pipeline runs with."""

    model: ModelOpt = None
    backend: BackendOpt = None
    base_url: BaseUrlOpt = None
    strategy: StrategyOpt = None


@dataclass(frozen=True)
class Asking(Model):
    """The model, endpoint and strategy, and how many articles a remote backend takes at once."""

    concurrency: ConcurrencyOpt = None


@dataclass(frozen=True)
class State:
    """Where the state lives, and whether summaries made before are reused."""

    home: HomeOpt = None
    cache: EvalCacheOpt = True


@dataclass(frozen=True)
class TaggerState(State):
    """TempEval's: the same options, but its --pipeline makes every summary afresh unless --cache is given."""

    cache: EvalCacheOpt = False


@dataclass(frozen=True)
class Reporting:
    """How a run's report is printed (and its review page written), and its bootstrap."""

    fmt: FormatOpt = Format.table
    html: HtmlOpt = None
    resamples: ResamplesOpt = 1000
    seed: SeedOpt = 7


def _settings(model: Model, state: State) -> Settings:
    return settings_from(**asdict(model), **asdict(state))


def _corpus(path: Path | None, default: Callable[[], Path | None], what: str, example: str) -> Path:
    """The corpus folder given, else the default one; an error naming ``what`` when there is neither."""
    root = path or default()
    if root is None:
        raise EvalError(f"no {what} given", hint=f"pass its directory, e.g. ../shared/data/{example}")
    return root


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


def _print_report(report: Report, fmt: Format) -> None:
    from ..evals.report import header, render_json, render_markdown, render_table, sections

    if fmt is Format.json:
        typer.echo(render_json(report), nl=False)
    elif fmt is Format.md:
        typer.echo(render_markdown(sections(report), title=header(report)))
    else:
        render_table(sections(report), Console(highlight=False), title=header(report))


@contextmanager
def _progress(total: int) -> Iterator[Callable[[str, str], None]]:
    """A progress bar on a terminal (nothing elsewhere); what it yields advances it by one item: its name and
    status (Rich markup)."""
    console = _stderr()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=not console.is_terminal, transient=True) as progress:
        task = progress.add_task("summarising", total=total)
        yield lambda name, status: progress.update(task, advance=1, description=f"{escape(name)}: {status}")


def _execute(run: EvalRun, settings: Settings) -> EvalRun:
    from ..evals.run import execute

    with _progress(len(run.cases)) as advance:

        def done(case: RunCase) -> None:
            advance(case.id, f"[red]{escape(case.error.type)}[/red]" if case.error else "ok")

        return execute(run, settings, on_done=done)


def _default_out(settings: Settings, name: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return settings.home / "evals" / f"{name}-{stamp}.json"


def _finish(run: EvalRun, out: Path, reporting: Reporting) -> None:
    run.save(out)
    _stderr().print(f"run saved to {out}", markup=False)
    _report(run, reporting)


def _report(run: EvalRun, reporting: Reporting) -> None:
    from ..evals.report import build_report

    report = build_report(run, resamples=reporting.resamples, seed=reporting.seed)
    _print_report(report, reporting.fmt)
    if reporting.html is not None:
        _write_html(run, report, reporting.html)


def _evaluate(
    kind: RunKind,
    info: SuiteInfo,
    cases: list[RunCase],
    stem: str,
    out: Path | None,
    asking: Asking,
    state: State,
    reporting: Reporting,
) -> None:
    """The pipeline over ``cases`` as one run, saved to ``out`` (default: ``stem`` and the time, under the
    home's evals/) and reported."""
    from ..evals.run import new_run

    settings = _settings(asking, state)
    run = _execute(new_run(kind, info, settings, cases), settings)
    _finish(run, out or _default_out(settings, stem), reporting)


def _print_text_report(as_json: str, as_md: str, out: Path | None, fmt: Format) -> None:
    """A report that is JSON or Markdown (TempEval, ECB+): written to ``out`` as JSON when given, printed in
    ``fmt`` (JSON, else Markdown)."""
    if out is not None:
        out.write_text(as_json, encoding="utf-8")
        _stderr().print(f"report written to {out}", markup=False)
    typer.echo(as_json if fmt is Format.json else as_md, nl=False)


def _write_html(run: EvalRun, report: Report, path: Path) -> None:
    """The review page is rendered by ``summarise.render.html`` (see ``evals.review``)."""
    from ..evals.review import write_review_page

    write_review_page(run, report, path)
    _stderr().print(f"review page written to {path}", markup=False)


@app.command("run")
@grouped
def run_suite(
    suite: Annotated[str, typer.Argument(help="Suite name (evals/suites/NAME.toml) or path to a suite TOML.")],
    out: OutOpt = None,
    *,
    asking: Asking,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N cases.")] = None,
    reporting: Reporting,
    state: State,
) -> None:
    """Run the pipeline on every case of a suite, save the run, print the report."""
    from ..evals.run import SuiteInfo, suite_cases
    from ..evals.suite import load_suite

    loaded = load_suite(suite)
    for warning in loaded.warnings:
        _stderr().print(f"warning: {warning}", markup=False)
    info = SuiteInfo(name=loaded.name, description=loaded.description, path=str(loaded.path))
    _evaluate("suite", info, suite_cases(loaded)[:limit], loaded.name, out, asking, state, reporting)


def _with_gold(run: EvalRun, suite: str | None) -> EvalRun:
    """``run``, scored against the suite's current gold when a suite is given."""
    from ..evals.run import regold
    from ..evals.suite import load_suite

    if suite is None:
        return run
    run, warnings = regold(run, load_suite(suite))
    for warning in warnings:
        _stderr().print(f"warning: {warning}", markup=False)
    return run


@app.command("score")
@grouped
def score(
    run_file: Annotated[Path, typer.Argument(help="A run file written by `summarise eval`.")],
    suite: SuiteGoldOpt = None,
    *,
    reporting: Reporting,
) -> None:
    """Re-score a saved run without calling any model."""
    from ..evals.run import EvalRun

    _report(_with_gold(EvalRun.load(run_file), suite), reporting)


@app.command("compare")
def compare(
    base: Annotated[Path, typer.Argument(help="The baseline run file.")],
    new: Annotated[Path, typer.Argument(help="The candidate run file.")],
    metric: Annotated[
        str | None,
        typer.Option("--metric", help="Metric the gate watches (default: claims.f1, events.f1 for MEANTIME runs)."),
    ] = None,
    max_drop: Annotated[
        float, typer.Option("--max-drop", min=0.0, help="Fail (exit 6) when the metric worsens by more.")
    ] = 0.02,
    fmt: FormatOpt = Format.table,
    examples: Annotated[int, typer.Option("--examples", min=0, help="Changed documents to list.")] = 10,
    suite: SuiteGoldOpt = None,
    resamples: ResamplesOpt = 1000,
    seed: SeedOpt = 7,
) -> None:
    """Per-metric deltas with a paired bootstrap, per-example diffs, and a regression gate."""
    from ..evals.compare import GATE_METRIC, compare_reports, comparison_header, comparison_sections, gold_differences
    from ..evals.report import build_report, render_json, render_markdown, render_table
    from ..evals.run import EvalRun

    runs = [_with_gold(EvalRun.load(p), suite) for p in (base, new)]
    reports = [build_report(r, resamples=0) for r in runs]
    comparison = compare_reports(
        *reports,
        base_name=base.name if base.name != new.name else str(base),
        new_name=new.name if base.name != new.name else str(new),
        metric=metric or GATE_METRIC[runs[1].kind],
        max_drop=max_drop,
        resamples=resamples,
        seed=seed,
    )
    parts = comparison_sections(comparison, max_examples=examples)
    title = comparison_header(comparison)
    if fmt is Format.json:
        typer.echo(render_json(comparison), nl=False)
    elif fmt is Format.md:
        typer.echo(render_markdown(parts, title=title))
    else:
        render_table(parts, Console(highlight=False), title=title)
    err = _stderr()
    for warning in [*comparison.warnings, *gold_differences(*runs)]:
        err.print(f"warning: {warning}", markup=False)
    if comparison.gate is not None:
        err.print(f"gate: {comparison.gate.note}", markup=False)
        if not comparison.gate.passed:
            raise EvalError(f"regression: {comparison.gate.note}")


@app.command("polnear")
@grouped
def polnear(
    path: Annotated[
        Path | None,
        typer.Argument(help="PolNeAR compartment directory (default ../shared/data/polnear-dev)."),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N articles.")] = None,
    articles: Annotated[
        Path | None, typer.Option("--articles", help="File of article ids to evaluate, one a line.")
    ] = None,
    out: OutOpt = None,
    *,
    asking: Asking,
    reporting: Reporting,
    state: State,
) -> None:
    """Run the pipeline on PolNeAR articles and score its claims against the annotated attributions."""
    from ..evals.polnear import default_corpus, load_corpus, read_ids
    from ..evals.run import SuiteInfo

    root = _corpus(path, default_corpus, "PolNeAR corpus", "polnear-dev")
    ids = read_ids(articles) if articles is not None else None
    cases = load_corpus(root, articles=ids, limit=limit)
    info = SuiteInfo(name=f"polnear:{root.name}", description="PolNeAR attributions", path=str(root))
    _evaluate("polnear", info, cases, f"polnear-{root.name}", out, asking, state, reporting)


@app.command("meantime")
@grouped
def meantime(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Directory of MEANTIME CAT files, searched recursively (default ../shared/data/meantime-dev)."
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N articles.")] = None,
    articles: Annotated[
        Path | None, typer.Option("--articles", help="File of article ids (file stems) to evaluate, one a line.")
    ] = None,
    out: OutOpt = None,
    *,
    asking: Asking,
    reporting: Reporting,
    state: State,
) -> None:
    """Run the pipeline on MEANTIME articles and score events, their fields and entity coreference."""
    from ..evals.meantime import default_corpus, load_corpus
    from ..evals.polnear import read_ids
    from ..evals.run import SuiteInfo

    root = _corpus(path, default_corpus, "MEANTIME corpus", "meantime-dev")
    ids = read_ids(articles) if articles is not None else None
    cases = load_corpus(root, articles=ids, limit=limit)
    info = SuiteInfo(name=f"meantime:{root.name}", description="MEANTIME events (CAT)", path=str(root))
    _evaluate("meantime", info, cases, f"meantime-{root.name}", out, asking, state, reporting)


@app.command("tempeval")
@grouped
def tempeval(
    path: Annotated[
        Path | None,
        typer.Argument(help="Folder of TimeML .tml documents (default ../shared/data/tempeval3-dev)."),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N documents.")] = None,
    pipeline: Annotated[
        bool, typer.Option("--pipeline", help="Run the whole pipeline and score its `times` (else the tagger alone).")
    ] = False,
    worst: Annotated[int, typer.Option("--worst", min=0, help="Worst-missed expressions to list.")] = 15,
    out: ReportOutOpt = None,
    *,
    asking: Model,
    fmt: FormatOpt = Format.table,
    state: TaggerState,
) -> None:
    """Score the time tagger on TempEval-3 (Task A): extraction strict/relaxed, value F1, type accuracy."""
    import time

    from ..evals.tempeval import (
        Tagger,
        default_corpus,
        load_corpus,
        pipeline_tagger,
        render_json,
        render_markdown,
        tagger_alone,
    )
    from ..evals.tempeval import run as run_tagger
    from ..evals.tempeval import score as score_times

    root = _corpus(path, default_corpus, "TempEval-3 folder", "tempeval3-dev")
    docs = load_corpus(root, limit=limit)
    tagger: Tagger = tagger_alone
    engine = "tagger"
    if pipeline:
        settings = _settings(asking, state)
        tagger = pipeline_tagger(settings)
        engine = f"pipeline {settings.backend or 'default'}/{settings.strategy or 'default'}"
    started = time.perf_counter()
    predictions = run_tagger(docs, tagger)
    report = score_times(docs, predictions, corpus=root.name, engine=engine, worst=worst)
    report.seconds = round(time.perf_counter() - started, 3)
    _print_text_report(render_json(report), render_markdown(report), out, fmt)


@app.command("ecbplus")
@grouped
def ecbplus(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="ECB+ folder: XML documents and ECBplus_coreference_sentences.csv (default "
            "../shared/data/ecbplus-dev)."
        ),
    ] = None,
    topics: Annotated[
        str | None, typer.Option("--topics", help="Only these topics, comma-separated (e.g. 1,2,3).")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N documents.")] = None,
    summaries: Annotated[
        Path | None,
        typer.Option("--summaries", help="Score these saved summaries (JSONL) instead of running the pipeline."),
    ] = None,
    save_summaries: Annotated[
        Path | None, typer.Option("--save-summaries", help="Also write the pipeline's summaries here (JSONL).")
    ] = None,
    out: ReportOutOpt = None,
    against: Annotated[
        Path | None,
        typer.Option("--compare", help="A report written before (-o): its headline figures beside these."),
    ] = None,
    *,
    asking: Asking,
    fmt: FormatOpt = Format.md,
    state: State,
) -> None:
    """Cross-document event and entity coreference and topic clustering of the stories, on ECB+ (Markdown report,
    or JSON with -f json; see evals/README.md)."""
    import time

    from ..evals.ecbeval import (
        compare,
        evaluate,
        read_report,
        read_summaries,
        render_json,
        render_markdown,
        story_merge,
    )
    from ..evals.ecbeval import write_summaries as save
    from ..evals.ecbplus import default_corpus, load_corpus

    root = _corpus(path, default_corpus, "ECB+ corpus", "ecbplus-dev")
    base = read_report(against) if against is not None else None
    wanted = [t.strip() for t in topics.split(",") if t.strip()] if topics else None
    docs = load_corpus(root, topics=wanted, limit=limit)
    settings = _settings(asking, state)
    started = time.perf_counter()
    if summaries is not None:
        found = read_summaries(summaries)
        engine = f"saved summaries {summaries.name}"
    else:
        found, failed = _summarise_ecb(docs, settings)
        for name, why in list(failed.items())[:5]:
            _stderr().print(f"warning: {name} failed: {why}", markup=False)
        if len(failed) > 5:
            _stderr().print(f"warning: {len(failed)} documents failed in all", markup=False)
        engine = f"{settings.backend or 'default'}/{settings.strategy or 'default'}"
        if save_summaries is not None:
            save(save_summaries, found)
    pipeline_s = time.perf_counter() - started
    report = evaluate(docs, found, story_merge, corpus=root.name, engine=engine)
    if summaries is None:
        report["seconds"]["pipeline"] = round(pipeline_s, 2)
    _print_text_report(render_json(report), render_markdown(report), out, fmt)
    if base is not None:  # beside the report in Markdown; on stderr when stdout is JSON
        table = f"\nAgainst {against}:\n\n" + compare(base, report)
        if fmt is Format.json:
            _stderr().print(table, markup=False)
        else:
            typer.echo(table, nl=False)


def _summarise_ecb(docs: list[EcbDoc], settings: Settings) -> tuple[dict[str, ArticleSummary], dict[str, str]]:
    """The pipeline over the documents (``ecbeval.summarise_docs``), with a progress bar on a terminal."""
    from ..evals.ecbeval import summarise_docs

    with _progress(len(docs)) as advance:

        def done(name: str, ok: bool) -> None:
            advance(name, "ok" if ok else "[red]failed[/red]")

        return summarise_docs(docs, settings, on_done=done)
