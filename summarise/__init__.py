"""summarise: grounded, checkable structured summaries of news articles.

    >>> from summarise import summarise, story
    >>> result = summarise(open("seeds/000_ef4bc445b1a14fa2.txt").read(), published="2023-09-06")
    >>> stories = story([result, other])      # many summaries -> a StoryCollection (summarise.stories)

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
    from .stories import story

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
    "story",
    "summarise",
]


def __getattr__(name: str) -> Any:
    if name in ("summarise", "asummarise"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "story":  # the function; its package is summarise.stories (no clash with the name)
        from .stories import story

        return story
    if name == "Settings":
        from .config import Settings

        return Settings
    raise AttributeError(f"module 'summarise' has no attribute {name!r}")
