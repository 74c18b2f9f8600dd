"""Lookups by offset, so that the stages above stay linear in the article's length.

Each answers what a scan of every sentence, paragraph, name or span would, with the same choice among equals:
the sentence or paragraph holding an offset, the last item before an offset, the spans overlapping a span,
whether another span holds a span. Extraction and grounding both use them; they know nothing of either.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Generic, TypeVar

from .layout import Range

T = TypeVar("T")


def _sorted_disjoint(ranges: Sequence[Range]) -> bool:
    return all(a[1] <= b[0] for a, b in pairwise(ranges)) and all(s <= e for s, e in ranges)


class RangeLookup:
    """The first of some ranges (a document's sentences or paragraphs) that holds an offset, as
    ``next(i for i, (s, e) in enumerate(ranges) if s <= offset < e)`` finds it; by bisection when the ranges
    are in order and do not overlap (as ``ingest`` makes them), else by that scan."""

    def __init__(self, ranges: Sequence[Range]) -> None:
        self.ranges = list(ranges)
        self.starts = [s for s, _ in self.ranges]
        self.ordered = _sorted_disjoint(self.ranges)

    def index(self, offset: int) -> int | None:
        """0-based index of the range holding ``offset``, or None."""
        if not self.ordered:
            return next((i for i, (s, e) in enumerate(self.ranges) if s <= offset < e), None)
        i = bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.ranges[i][1] else None


class LastBefore(Generic[T]):
    """Of some items with offsets, the one with the greatest offset below a point, the first given among equals:
    what ``max([x for x in items if offset(x) < point], key=offset)`` returns."""

    def __init__(self, items: Sequence[T], offset: Callable[[T], int]) -> None:
        order = sorted(range(len(items)), key=lambda i: (offset(items[i]), -i))
        self.items = [items[i] for i in order]
        self.offsets = [offset(items[i]) for i in order]

    def get(self, point: int) -> T | None:
        i = bisect_left(self.offsets, point)
        return self.items[i - 1] if i > 0 else None


def overlapping(spans: Sequence[Range], span: Range) -> list[int]:
    """Indices, ascending, of the ``spans`` (sorted by start) that overlap ``span``: ``s < span.end`` and
    ``span.start < e``. Walks back from the last span starting before ``span`` ends while an earlier one could
    still reach into it."""
    return OverlapLookup(spans).find(span)


class OverlapLookup:
    """``overlapping`` for many queries on the same spans (sorted by start)."""

    def __init__(self, spans: Sequence[Range]) -> None:
        self.spans = list(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach: list[int] = []  # the furthest end among spans[: i + 1]
        for _, end in self.spans:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def find(self, span: Range) -> list[int]:
        start, end = span
        found: list[int] = []
        i = bisect_left(self.starts, end) - 1
        while i >= 0 and self.reach[i] > start:
            if self.spans[i][1] > start:
                found.append(i)
            i -= 1
        return found[::-1]


class HolderLookup:
    """Whether another of some spans holds a stretch: ``any(j != i and lo_j <= a and b <= hi_j ...)`` over spans
    ``(lo, hi)``. The spans sorted by start, with the two furthest ends among each prefix (and whose they are), so a
    query is one bisection."""

    def __init__(self, spans: Sequence[Range]) -> None:
        order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self.starts = [spans[i][0] for i in order]
        self.best: list[tuple[int, int, int]] = []  # (furthest end, its span's index, second furthest end)
        for i in order:
            end = spans[i][1]
            if not self.best:
                self.best.append((end, i, -1))
                continue
            top, owner, second = self.best[-1]
            self.best.append((end, i, top) if end > top else (top, owner, max(second, end)))

    def held(self, lo: int, hi: int, exclude: int | None = None) -> bool:
        """Whether a span other than ``exclude`` starts at or before ``lo`` and ends at or after ``hi``."""
        k = bisect_right(self.starts, lo) - 1
        if k < 0:
            return False
        top, owner, second = self.best[k]
        return (second if owner == exclude else top) >= hi
