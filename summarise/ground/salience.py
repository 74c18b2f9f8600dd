"""Salience: which of an article's claims and events matter most, as news is written.

Earlier is more salient (the inverted pyramid); a named claimant or actor, and a claim quoted or an event told
more than once, more so. Each item gets a rank (1 = most salient) and the top few are ``key``. A description
(``Event.kind`` "state": "the airport serves Bangkok") ranks after every act and is never key: the key points tell
what was done.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..schema import Claim, Event

KEY_ITEMS = 3
NAMED_BONUS = 0.3
MARKED_BONUS = 0.2


def salience(position: int, n: int, named: bool, marked: bool) -> float:
    """Earlier is more salient, as news is written; a named claimant or actor, and a claim quoted or an event told
    more than once, more so."""
    return (1.0 - position / max(n, 1)) + (NAMED_BONUS if named else 0.0) + (MARKED_BONUS if marked else 0.0)


def _rank(items: Sequence[Claim | Event], scores: Sequence[float], apart: Sequence[bool] = ()) -> None:
    """Rank 1 = the highest score (ties: the earlier in the list); the top few are ``key``. Items marked in
    ``apart`` rank after all others and are never key."""
    last = apart or [False] * len(items)
    order = sorted(range(len(items)), key=lambda i: (last[i], -scores[i]))
    for rank, i in enumerate(order, start=1):
        items[i].rank = rank
        items[i].key = rank <= KEY_ITEMS and not last[i]


def rank_claims(claims: Sequence[Claim], n: int) -> None:
    """Rank claims in an article of ``n`` characters: named claimants and quotations first."""
    _rank(claims, [salience(c.evidence[0].start, n, c.claimant is not None, c.quote is not None) for c in claims])


def rank_events(events: Sequence[Event], n: int) -> None:
    """Rank events in an article of ``n`` characters: named actors and events told more than once first,
    descriptions last."""
    scores = [salience(e.evidence[0].start, n, e.actor is not None, len(e.evidence) > 1) for e in events]
    _rank(events, scores, [e.kind == "state" for e in events])
