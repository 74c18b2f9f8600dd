"""The ``summarise`` command line. User mistakes end as one line on stderr and a non-zero exit code."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..errors import InputError, ModelNotAvailable, SummariseError
from .cache import app as cache_app
from .common import HomeOpt, settings_from
from .eval import app as eval_app
from .run import run
from .story import story

app = typer.Typer(
    name="summarise",
    help="Grounded, checkable structured summaries of news articles (events, claims, entities).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command(name="run")(run)
app.command(name="story")(story)
app.add_typer(eval_app, name="eval", help="Score summaries against hand-labelled answers; compare runs.")
app.add_typer(cache_app, name="cache", help="The summary cache: stats, clear.")


@app.command()
def schema(
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")] = None,
    story: Annotated[
        bool, typer.Option("--story", help="The schema of `summarise story`'s output (StoryCollection) instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of the output (ArticleSummary; with --story, StoryCollection)."""
    from ..schema import json_schema_text
    from ..stories.schema import story_json_schema_text

    text = story_json_schema_text() if story else json_schema_text()
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


@app.command()
def models(home: HomeOpt = None) -> None:
    """List backends and embedded models: installed, verified, where they live."""
    from ..backends import backends
    from ..backends.assets import DEFAULT_MODEL, MODELS, status
    from ..backends.registry import choose

    settings = settings_from(home=home)
    console = Console()
    table = Table(title="Backends")
    table.add_column("name")
    table.add_column("what")
    table.add_column("default strategy")
    for info in backends():
        table.add_row(info.name, info.description, info.default_strategy)
    console.print(table)
    choice = choose(settings)
    console.print(f"A plain `summarise run` here uses backend [bold]{choice.name}[/]: {choice.reason}.", soft_wrap=True)
    if choice.name == "local" and settings.api_key:
        note = "OPENAI_API_KEY is set but selects nothing: --model gpt-4o-mini or --backend openai uses it."
        console.print(note, soft_wrap=True)
    table = Table(title=f"Embedded models (home {settings.home})")
    for col in ("name", "default", "packages", "assembled + verified", "path / install"):
        table.add_column(col)
    for spec in MODELS.values():
        st = status(spec, settings.home)
        where = str(st.path) if st.assembled else (spec.install if not st.installed else "assembled on first use")
        table.add_row(
            spec.name,
            "yes" if spec.name == DEFAULT_MODEL else "",
            "installed" if st.installed else f"missing {len(st.missing)}/{len(spec.packages)}",
            "yes" if st.assembled else "no",
            where,
        )
    console.print(table)
    try:
        import llama_cpp

        console.print(f"llama-cpp-python {llama_cpp.__version__} installed")
    except ImportError:
        console.print("llama-cpp-python not installed: pip install 'summarise[local]'")
    from ..extract import nlp

    try:
        folder = nlp.data_folder()
    except ModelNotAvailable as exc:
        console.print(f"English parser (hybrid and parse strategies): {exc}")
    else:
        state = "verified" if nlp.data_digest(folder) == nlp.DIGEST else "DOES NOT MATCH its pinned digest"
        console.print(f"English parser (hybrid and parse strategies): {folder} ({state})")


@app.command()
def view(
    result: Annotated[Path, typer.Argument(help="A result JSON written by `summarise run`.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="HTML file to write (default: RESULT.html).")] = None,
) -> None:
    """Write a self-contained HTML review page: the article with every claim and event lit up on its evidence."""
    from ..render.html import render_summary_html
    from ..schema import ArticleSummary

    try:
        data = json.loads(result.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("file not found", source=str(result)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a JSON result file ({exc})", source=str(result)) from None
    items = data if isinstance(data, list) else [data]
    try:
        summaries = [ArticleSummary.model_validate(x) for x in items if "error" not in x]
    except ValueError as exc:
        raise InputError(f"not an ArticleSummary ({str(exc).splitlines()[0]})", source=str(result)) from None
    if not summaries:
        raise InputError("holds no summary", source=str(result))
    target = out or result.with_suffix(".html")
    for s in summaries:
        page = target if len(summaries) == 1 else target.with_name(f"{target.stem}-{s.article.id}.html")
        page.write_text(render_summary_html(s), encoding="utf-8")
        typer.echo(str(page), err=True)


def main(argv: list[str] | None = None) -> int:
    """Console entry point: run the app, turning errors into one line on stderr and an exit code."""
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    # instructor logs each failed attempt at ERROR, endpoint message and all (which may echo a credential);
    # summarise reports each failure itself, once, with secrets scrubbed.
    log = logging.getLogger("instructor")
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        log.addHandler(logging.NullHandler())
    log.propagate = False
    try:
        # With standalone_mode=False, typer's bundled click returns a command's typer.Exit code instead of raising.
        code = app(args=argv, prog_name="summarise", standalone_mode=False)
        return code if isinstance(code, int) else 0
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.TyperException as exc:  # usage errors: bad flag, missing argument, bad value
        if type(exc).__name__ == "NoArgsIsHelpError":
            # A group called bare (`summarise`, `summarise eval`): its help, and success. typer exports no name
            # for this exception (it lives in the private typer._click), so it is told by its class name, as
            # typer's own rich_utils does; its public ``show`` prints the help as typer would.
            show: Callable[[], None] = exc.show  # type: ignore[attr-defined]
            show()
            return 0
        err.print(f"summarise: error: {exc.format_message()}", markup=False)
        return int(getattr(exc, "exit_code", 2))
    except typer.Abort:
        err.print("summarise: aborted", markup=False)
        return 130
    except SummariseError as exc:
        err.print(f"summarise: error: {exc}", markup=False)
        return exc.exit_code
    except KeyboardInterrupt:
        err.print("summarise: interrupted", markup=False)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
