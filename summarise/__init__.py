"""summarise: grounded, checkable structured summaries of news articles.

    >>> from summarise import summarise
    >>> result = summarise(open("seeds/000_ef4bc445b1a14fa2.txt").read(), published="2023-09-06")

Importing the package reads no environment variable and loads no model; the pipeline loads on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    BackendError,
    ConfigError,
    EvalError,
    ExtractionError,
    InputError,
    ModelNotAvailable,
    SummariseError,
)
from .schema import SCHEMA_VERSION, ArticleSummary, Claim, Entity, Event, Span, TimeExpr, TimeMention

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .config import Settings
    from .pipeline import asummarise, summarise

__all__ = [
    "SCHEMA_VERSION",
    "ArticleSummary",
    "BackendError",
    "Claim",
    "ConfigError",
    "Entity",
    "EvalError",
    "Event",
    "ExtractionError",
    "InputError",
    "ModelNotAvailable",
    "Settings",
    "Span",
    "SummariseError",
    "TimeExpr",
    "TimeMention",
    "asummarise",
    "summarise",
]


def __getattr__(name: str) -> Any:
    if name in ("summarise", "asummarise"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "Settings":
        from .config import Settings

        return Settings
    raise AttributeError(f"module 'summarise' has no attribute {name!r}")
