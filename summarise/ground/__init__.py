"""Ground: tie what was extracted (by the parse or a model) to the article: spans, verified quotes and entities
(times come from the tagger, summarise.timex)."""

from __future__ import annotations

from .align import Match, MatchKind, align, locate, sentence_span, verify_quote
from .entities import EntityTable, Mention, canonicalise
from .name_forms import COUNTRIES
from .normalise import normalise

__all__ = [
    "COUNTRIES",
    "EntityTable",
    "Match",
    "MatchKind",
    "Mention",
    "align",
    "canonicalise",
    "locate",
    "normalise",
    "sentence_span",
    "verify_quote",
]
