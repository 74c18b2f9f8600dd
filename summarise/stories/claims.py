"""Claims grouped by claimant across the articles of one story; one statement repeated is one entry.

Blocking: a claim is compared only with the statements already kept for its own claimant (a canonical story
entity, or "unattributed"). Two claims are one statement when their content words overlap enough (Jaccard
``SAME_STATEMENT``) or they quote the same words: wire copy reprinted, a quotation carried by two papers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..lexicon import AUXILIARIES, word_set
from ..schema import ArticleSummary, Claim
from .entities import EntityLinks

SAME_STATEMENT = 0.6
"""Content-word Jaccard at or above which two claims of one claimant are one statement."""

_WORD = re.compile(r"[^\W_]+")
_STOP = AUXILIARIES | word_set(
    "a an the of to in on at for with from by and or but that this it its he she they we i you his her their our"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _STOP)


@dataclass
class Statement:
    """One statement of one claimant, with every article's claim that makes it (earliest first)."""

    claimant: int | None
    claims: list[tuple[int, Claim]] = field(default_factory=list)
    words: frozenset[str] = frozenset()
    quotes: set[str] = field(default_factory=set)

    def same(self, words: frozenset[str], quote: str | None) -> bool:
        if quote and " ".join(_WORD.findall(quote.casefold())) in self.quotes:
            return True
        union = len(words | self.words)
        return bool(union) and len(words & self.words) / union >= SAME_STATEMENT


def group_claims(summaries: Sequence[ArticleSummary], links: EntityLinks) -> list[Statement]:
    """The story's statements, by claimant in order of first appearance, earliest report first."""
    order = sorted(range(len(summaries)), key=lambda a: (summaries[a].article.published or date.max, a))
    kept: dict[int | None, list[Statement]] = {}
    out: list[Statement] = []
    for a in order:
        for claim in summaries[a].claims:
            who = links.of(a, claim.claimant)
            words = _words(claim.content)
            found = next((s for s in kept.get(who, []) if s.same(words, claim.quote)), None)
            if found is None:
                found = Statement(who, words=words)
                kept.setdefault(who, []).append(found)
                out.append(found)
            found.claims.append((a, claim))
            if claim.quote:
                found.quotes.add(" ".join(_WORD.findall(claim.quote.casefold())))
    return out
