"""Ground: tie what was extracted (by the parse or a model) to the article: spans, verified quotes, resolved times and
entities."""

from __future__ import annotations

from .align import Match, MatchKind, align, locate, sentence_span, verify_quote
from .entities import COUNTRIES, EntityTable, Mention, canonicalise
from .normalise import normalise
from .time import find_time_expressions, resolve_time

__all__ = [
    "COUNTRIES",
    "EntityTable",
    "Match",
    "MatchKind",
    "Mention",
    "align",
    "canonicalise",
    "find_time_expressions",
    "locate",
    "normalise",
    "resolve_time",
    "sentence_span",
    "verify_quote",
]
