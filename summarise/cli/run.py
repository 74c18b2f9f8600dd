"""``summarise run``: summarise articles from files, directories, globs, JSONL or stdin."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError, SummariseError
from ..ingest import Document, iter_inputs, parse_date
from ..schema import ArticleSummary
from .common import BackendOpt, BaseUrlOpt, HomeOpt, ModelOpt, StrategyOpt, settings_from


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    md = "md"


def _render(summary: ArticleSummary, fmt: Format) -> str:
    if fmt is Format.md:
        from ..render.markdown import render_markdown

        return render_markdown(summary)
    if fmt is Format.jsonl:
        return summary.model_dump_json() + "\n"
    return summary.model_dump_json(indent=2) + "\n"


def run(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs, .jsonl files, or - for stdin.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
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
    home: HomeOpt = None,
) -> None:
    """Summarise articles into grounded events, claims and entities."""
    from ..pipeline import summarise

    settings = settings_from(
        model=model,
        backend=backend,
        base_url=base_url,
        strategy=strategy,
        strict=strict or None,
        max_retry_tokens=max_retry_tokens,
        home=home,
    )
    date = parse_date(published)
    docs: list[Document | InputError] = list(iter_inputs(inputs))
    if not docs:
        raise InputError("no input articles found", source=" ".join(inputs))
    results: list[ArticleSummary | dict[str, str]] = []
    failures = 0
    for item in docs:
        try:
            if isinstance(item, InputError):
                raise item
            if date is not None:
                item = replace(item, published=date)
            results.append(summarise(item, settings=settings, include_text=not no_text))
        except SummariseError as exc:
            if len(docs) == 1:
                raise
            failures += 1
            source = getattr(item, "source", None) or getattr(item, "id", "?")
            typer.echo(f"summarise: error: {exc}", err=True)
            results.append({"source": str(source), "error": str(exc), "kind": type(exc).__name__})
    if fmt is Format.json and len(results) > 1:
        text = json.dumps(
            [r.model_dump(mode="json") if isinstance(r, ArticleSummary) else r for r in results], indent=2
        ) + "\n"
    else:
        text = "".join(
            _render(r, fmt) if isinstance(r, ArticleSummary) else json.dumps(r) + "\n" for r in results
        )
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
    if failures:
        raise typer.Exit(1)
