"""``summarise story``: many articles (or their summaries) merged into stories (``summarise.stories``)."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..config import Settings
from ..errors import ConfigError, InputError
from ..ingest import parse_date
from ..schema import ArticleSummary
from ..stories.schema import StoryCollection
from ..stories.settings import StorySettings
from .common import BackendOpt, BaseUrlOpt, HomeOpt, ModelOpt, StrategyOpt, settings_from


class StoryFormat(StrEnum):
    json = "json"
    md = "md"


def published_dates(values: list[str]) -> list[tuple[str | None, date]]:
    """``--published`` values: ``DATE`` for every article, or ``NAME=DATE`` for the article whose file name,
    path or id is NAME."""
    out: list[tuple[str | None, date]] = []
    for value in values:
        name, _, day = value.rpartition("=")
        parsed = parse_date(day, source="--published")
        if parsed is None:
            raise ConfigError(f"--published {value!r}: give YYYY-MM-DD or NAME=YYYY-MM-DD")
        out.append((name or None, parsed))
    return sorted(out, key=lambda p: p[0] is None)  # a named date wins over the one for all


def _say(message: str, quiet: bool) -> None:
    if not quiet:
        typer.echo(f"summarise: {message}", err=True)


def gather(
    inputs: list[str], from_run: str | None, published: list[str], settings: Settings, quiet: bool
) -> list[ArticleSummary]:
    """Summaries from summaries files and a stored run, then from articles summarised here (in input order)."""
    from ..ingest import iter_inputs
    from ..stories.inputs import dated, holds_summaries, load_summaries, summarise_documents

    summaries: list[ArticleSummary] = []
    if from_run:
        summaries += run_summaries(from_run, settings)
    articles: list[str] = []
    for spec in inputs:
        path = Path(spec)
        if holds_summaries(path):
            summaries += load_summaries(path)
        else:
            articles.append(spec)
    if articles:
        dates = published_dates(published)
        docs = [d if isinstance(d, Exception) else dated(d, dates) for d in iter_inputs(articles)]
        for d in docs:
            if isinstance(d, Exception):
                raise d
        total = len(docs)
        _say(
            f"summarising {total} article{'s' if total != 1 else ''} ({settings.strategy or 'default'} strategy)", quiet
        )
        count = [0]

        def done(_: object) -> None:
            count[0] += 1
            _say(f"summarised {count[0]}/{total}", quiet or total < 2)

        summaries += summarise_documents(docs, settings, done)
    if not summaries:
        raise InputError("no summaries to merge", hint="give articles, summaries (.json/.jsonl) or --from-run")
    return summaries


def run_summaries(run_id: str, settings: Settings) -> list[ArticleSummary]:
    """The summaries a stored run finished (its error records skipped)."""
    from ..batch.store import RunStore
    from ..stories.inputs import summary_from

    store = RunStore.for_settings(settings)
    try:
        if store.get(run_id) is None:
            raise ConfigError(f"no run named {run_id!r} in {store.path}")
        records = store.records(run_id)
    finally:
        store.close()
    return [summary_from(json.loads(r.line), f"run {run_id}") for r in records if r.status != "error"]


def merge_stories(summaries: list[ArticleSummary], settings: StorySettings, quiet: bool) -> StoryCollection:
    from ..stories import story

    def progress(step: str, done: int, total: int) -> None:
        if step == "cluster" and total >= 200 and done % 200 == 0:  # a long merge says how far it is
            _say(f"story: clustered {done}/{total} articles", quiet)

    collection = story(summaries, settings, progress=progress)
    n = len(collection.stories)
    _say(f"{n} stor{'y' if n == 1 else 'ies'} from {len(collection.articles)} articles", quiet)
    return collection


def write_stories(
    collection: StoryCollection, fmt: StoryFormat, out: Path | None, html: Path | None, summaries: list[ArticleSummary]
) -> None:
    from ..render.story_markdown import render_story_markdown
    from .run import _write

    text = collection.model_dump_json(indent=2) + "\n" if fmt is StoryFormat.json else render_story_markdown(collection)
    if out is None:
        sys.stdout.write(text)
    else:
        _write(out, text)
    if html is not None:
        from ..render.story_html import render_story_html

        _write(html, render_story_html(collection, summaries))


def story(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Articles (files, folders, globs, JSONL, -) to summarise, or summaries (.json/.jsonl)."),
    ] = None,
    fmt: Annotated[StoryFormat, typer.Option("--format", "-f", help="json (StoryCollection) or md.")] = (
        StoryFormat.json
    ),
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Also write the story page (HTML) here.")] = None,
    from_run: Annotated[
        str | None,
        typer.Option("--from-run", help="Also merge the summaries of this stored run (summarise run --run)."),
    ] = None,
    published: Annotated[
        list[str] | None,
        typer.Option(
            "--published",
            help="Publication date YYYY-MM-DD for every article, or NAME=YYYY-MM-DD for one (file name, path or "
            "id); repeatable.",
        ),
    ] = None,
    similarity: Annotated[
        float | None, typer.Option("--similarity", help="Least mean similarity of two article groups to join (0-1).")
    ] = None,
    window_days: Annotated[
        int | None, typer.Option("--window-days", help="Articles more days apart than this are not compared.")
    ] = None,
    model: ModelOpt = None,
    backend: BackendOpt = None,
    base_url: BaseUrlOpt = None,
    strategy: StrategyOpt = None,
    cache: Annotated[
        bool | None, typer.Option("--cache/--no-cache", help="Reuse and keep summaries in <home>/cache.sqlite.")
    ] = None,
    home: HomeOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages.")] = False,
) -> None:
    """Merge many articles into stories: one entity per referent, one event per happening, a dated timeline."""
    if not inputs and not from_run:
        raise ConfigError("give at least one input (articles or summaries) or --from-run")
    for target in (out, html):
        if target is not None and not target.parent.is_dir():
            raise ConfigError(f"folder {target.parent} does not exist")
    changes = {k: v for k, v in (("similarity", similarity), ("window_days", window_days)) if v is not None}
    settings = StorySettings().with_(**changes)
    run_settings = settings_from(
        model=model, backend=backend, base_url=base_url, strategy=strategy, cache=cache, home=home
    )
    summaries = gather(list(inputs or []), from_run, list(published or []), run_settings, quiet)
    if html is not None and any(s.article.text is None for s in summaries):
        raise ConfigError("--html needs the articles' text in the summaries; summarise without --no-text")
    write_stories(merge_stories(summaries, settings, quiet), fmt, out, html, summaries)
