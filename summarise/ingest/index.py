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

from ..lexicon import ASCII_PAIRS
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


class SubstringSet:
    """Whether any of many strings occurs in a string: ``any(n in haystack for n in needles)``, by looking up the
    haystack's stretches that start like a needle (first two characters) and have a needle's length."""

    def __init__(self, needles: Sequence[str]) -> None:
        self.needles = frozenset(needles)
        self.lengths: dict[str, set[int]] = {}  # a needle's opening (two characters, or its one) -> lengths
        for needle in self.needles:
            self.lengths.setdefault(needle[:2], set()).add(len(needle))

    def any_in(self, haystack: str) -> bool:
        if "" in self.needles:
            return True
        for i in range(len(haystack)):
            for opening in (haystack[i : i + 2], haystack[i]):
                for length in self.lengths.get(opening, ()):
                    if haystack[i : i + length] in self.needles:
                        return True
        return False


class QuotationResume:
    """Where a sentence's scan for quotation marks may begin instead of its paragraph's start.

    A scan ``stretches(paragraph, sentence_end)`` (``quoted_stretches``: from each opening mark to its closing
    one, skipping what is between) made for every sentence of a paragraph reads the paragraph again each time:
    quadratic in a paragraph of hundreds of sentences. The scan keeps no state but where it is, so it may begin
    at any place it passes: the sentence's start when that lies outside every quotation of the paragraph, else
    the opening mark of the quotation around it. From there it finds the same quotations, the ones that end
    inside or after the sentence included. ``stretches(start, end)`` must list every quotation it meets (no
    minimum of words) as (just after the opening mark, end of the words inside it); an opening mark is one
    character or an ASCII pair ("``", "''").
    """

    def __init__(self, text: str, stretches: Callable[[int, int], Sequence[Range]], sentences: Sequence[Range]) -> None:
        """``sentences``: (paragraph start, sentence end) of each sentence to be scanned."""
        self.text = text
        self.stretches = stretches
        self.ends: dict[int, int] = {}
        for paragraph, end in sentences:
            self.ends[paragraph] = max(end, self.ends.get(paragraph, end))
        self.walks: dict[int, tuple[list[int], list[int]]] = {}

    def _walk(self, paragraph: int) -> tuple[list[int], list[int]]:
        """Opening marks of the paragraph's quotations, and for each a place at or after its closing mark: past
        the words inside and the punctuation after them (any closing mark is not a letter or digit)."""
        if paragraph not in self.walks:
            end = self.ends[paragraph]
            openers: list[int] = []
            reach: list[int] = []
            for inside, words_end in self.stretches(paragraph, end):
                at = words_end
                while at < end and not self.text[at].isalnum():
                    at += 1
                openers.append(inside - 2 if self.text[max(0, inside - 2) : inside] in ASCII_PAIRS else inside - 1)
                reach.append(at)
            self.walks[paragraph] = (openers, reach)
        return self.walks[paragraph]

    def start(self, paragraph: int, sentence: int) -> int:
        """Where the scan for the sentence starting at ``sentence`` may begin (at most ``sentence``)."""
        if paragraph >= sentence or paragraph not in self.ends:
            return min(paragraph, sentence)
        openers, reach = self._walk(paragraph)
        k = bisect_left(openers, sentence) - 1  # the last quotation opened before the sentence
        return openers[k] if k >= 0 and sentence <= reach[k] else sentence
