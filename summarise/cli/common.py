"""Shared CLI pieces: the model/endpoint options every command takes, and turning them into Settings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..config import Settings

ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", help="Model: a remote model name, a .gguf path, or a known local model name."),
]
BackendOpt = Annotated[
    str | None,
    typer.Option("--backend", "-b", help="Backend: local, openai or fake (default: chosen from settings)."),
]
BaseUrlOpt = Annotated[
    str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1.")
]
StrategyOpt = Annotated[
    str | None,
    typer.Option(
        "--strategy",
        "-s",
        help="Extraction strategy: hybrid (claims and events from the parse, summary from the model; embedded "
        "default), parse (no model call), windows (endpoint default), single.",
    ),
]
EvalCacheOpt = Annotated[
    bool,
    typer.Option("--cache/--no-cache", help="Reuse summaries made before with the same article and settings."),
]
HomeOpt = Annotated[Path | None, typer.Option("--home", help="State directory (cache, runs, model); SUMMARISE_HOME.")]


def settings_from(**options: Any) -> Settings:
    """Environment first, then the flags the user actually gave."""
    return Settings.from_env(**{k: v for k, v in options.items() if v is not None})
