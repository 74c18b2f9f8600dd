"""How stories are merged: the knobs of article clustering, frozen like ``summarise.config.Settings``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..errors import ConfigError


@dataclass(frozen=True)
class StorySettings:
    similarity: float = 0.08
    """Least mean cosine (TF-IDF of names and words) over the pairs of articles of two groups for them to be one
    story (average linkage; pairs not compared count 0). Low enough to gather one kind of happening whole, since
    the cut then tells its happenings apart: on ECB+ dev 0.05-0.09 all score above 0.1 (``evals/ECBPLUS.md``)."""
    cut: float | None = 0.65
    """A story whose articles split in two at a normalized cut under this (weighted by the story's own IDF) is two
    stories (``stories.cuts``); None: never split."""
    window_days: int = 30
    """Two articles more than this many days apart are never compared (they count 0 in the means)."""
    lookup: int = 12
    """Two articles are compared only if one has a feature among this many heaviest of the other (blocking)."""
    recent: int = 20
    """Per feature, only the articles that used it last, at most this many, are compared (blocking)."""
    meaning: float | None = 0.65
    """Least cosine between two event keys' mean trigger vectors for a story's events of both to be joined, when
    the embedding model is installed (``stories.meaning``); None: never (the lexical merge alone)."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.similarity <= 1.0:
            raise ConfigError(f"story similarity must be between 0 and 1, got {self.similarity}")
        for name in ("window_days", "lookup", "recent"):
            if getattr(self, name) < 1:
                raise ConfigError(f"story {name} must be at least 1, got {getattr(self, name)}")
        if self.cut is not None and not 0.0 <= self.cut <= 2.0:
            raise ConfigError(f"story cut must be a normalized cut between 0 and 2, got {self.cut}")
        if self.meaning is not None and not -1.0 <= self.meaning <= 1.0:
            raise ConfigError(f"story meaning must be a cosine between -1 and 1, got {self.meaning}")

    def with_(self, **changes: Any) -> StorySettings:
        return replace(self, **changes)
