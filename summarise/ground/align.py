"""Find strings the model produced in the article text, and return them as schema Spans."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

from ..ingest import Document
from ..lexicon import DOUBLE_QUOTES, GUILLEMETS, OTHER_QUOTES, SINGLE_QUOTES
from ..schema import Span, SpanStatus
from .normalise import normalise_with_ends, normalised

Range = tuple[int, int]

_QUOTE_MARKS = "".join(sorted(DOUBLE_QUOTES | SINGLE_QUOTES | GUILLEMETS | OTHER_QUOTES))
"""Every quotation mark a quote's edges may carry, for ``str.strip``."""
_EDGE_PUNCTUATION = ".,;:!?"
_NEAR_WINDOW = 500
_MAX_REACH = 30


class MatchKind(StrEnum):
    """How a span was found: the needle verbatim, equal after ``normalise``, or approximately."""

    VERBATIM = "verbatim"
    NORMALISED = "normalised"
    FUZZY = "fuzzy"


@dataclass(frozen=True)
class Match:
    span: Span
    kind: MatchKind
    score: float
    """100 for exact matches; the rapidfuzz partial-ratio score for fuzzy ones."""


def align(
    needle: str,
    text: str,
    *,
    within: Range | None = None,
    near: int | None = None,
    fuzzy_threshold: float = 85.0,
    fuzzy: bool = True,
) -> Match | None:
    """Where ``needle`` occurs in ``text``: verbatim, else after normalisation, else (if ``fuzzy``) roughly.

    Among several occurrences the one inside ``within`` wins, else the one nearest ``near`` (or nearest
    ``within`` when none lies inside it), else the first. Matches never start or end inside a word of a
    script written with spaces.
    """
    needle = needle.strip()
    if not needle:
        return None
    verbatim = [r for r in _find_all(text, needle) if not _cuts_word(text, *r)]
    if verbatim:
        return _match(text, _choose(verbatim, within, near), MatchKind.VERBATIM, 100.0)
    norm_text, starts, ends = normalise_with_ends(text)
    norm_needle = normalised(needle).strip()
    found = [(starts[i], ends[j - 1]) for i, j in _find_all(norm_text, norm_needle)]
    found = [r for r in found if not _cuts_word(text, *r)]
    if found:
        return _match(text, _choose(found, within, near), MatchKind.NORMALISED, 100.0)
    if not fuzzy:
        return None
    for region in _fuzzy_regions(text, within, near):
        lo, hi = bisect_left(starts, region[0]), bisect_left(starts, region[1])
        if hi - lo < len(norm_needle):
            continue
        result = fuzz.partial_ratio_alignment(norm_needle, norm_text[lo:hi], score_cutoff=fuzzy_threshold)
        if result is None or result.dest_end <= result.dest_start:
            continue
        ns, ne = _refine(norm_text, norm_needle, lo + result.dest_start, lo + result.dest_end)
        start, end = _snap_to_words(text, starts[ns], ends[ne - 1])
        if start < end:
            return _match(text, (start, end), MatchKind.FUZZY, float(result.score))
    return None


def locate(
    needle: str,
    text: str,
    *,
    within: Range | None = None,
    near: int | None = None,
    fuzzy_threshold: float = 85.0,
) -> Span | None:
    """A Span for ``needle`` in ``text`` with status "exact" or "fuzzy", or None; see ``align``."""
    match = align(needle, text, within=within, near=near, fuzzy_threshold=fuzzy_threshold)
    return match.span if match else None


def verify_quote(quote: str, text: str, *, within: Range | None = None, near: int | None = None) -> Span | None:
    """The span of a direct quote, which must occur verbatim after normalisation (never fuzzily).

    Quotation marks around ``quote`` are ignored, and so is punctuation at its edges when the quote is not
    found with it (a model may end a quote with "." where the article has ",").
    """
    quote = quote.strip()
    unquoted = quote.strip(_QUOTE_MARKS).strip()
    for candidate in dict.fromkeys((quote, unquoted, unquoted.strip(_EDGE_PUNCTUATION + _QUOTE_MARKS + " "))):
        match = align(candidate, text, within=within, near=near, fuzzy=False)
        if match:
            return match.span
    return None


def sentence_span(document: Document, index: int) -> Span:
    """The exact Span of sentence ``index`` (0-based) of ``document``."""
    if not 0 <= index < len(document.sentences):
        raise IndexError(f"sentence {index} out of range: the document has {len(document.sentences)}")
    start, end = document.sentences[index]
    return Span(start=start, end=end, text=document.text[start:end], status="exact")


def _match(text: str, where: Range, kind: MatchKind, score: float) -> Match:
    start, end = where
    status: SpanStatus = "fuzzy" if kind is MatchKind.FUZZY else "exact"
    return Match(Span(start=start, end=end, text=text[start:end], status=status), kind, score)


def _find_all(haystack: str, needle: str) -> Iterator[Range]:
    if not needle:
        return
    i = haystack.find(needle)
    while i >= 0:
        yield i, i + len(needle)
        i = haystack.find(needle, i + 1)


def _choose(ranges: list[Range], within: Range | None, near: int | None) -> Range:
    if within is not None:
        inside = [r for r in ranges if within[0] <= r[0] and r[1] <= within[1]]
        if inside:
            ranges = inside
        elif near is None:
            near = within[0]
    if near is None:
        return ranges[0]
    anchor = near
    return min(ranges, key=lambda r: 0 if r[0] <= anchor < r[1] else min(abs(r[0] - anchor), abs(r[1] - anchor)))


def _fuzzy_regions(text: str, within: Range | None, near: int | None) -> list[Range]:
    regions: list[Range] = []
    if within is not None:
        regions.append(within)
    if near is not None:
        regions.append((max(0, near - _NEAR_WINDOW), min(len(text), near + _NEAR_WINDOW)))
    regions.append((0, len(text)))
    return regions


def _refine(norm: str, needle: str, start: int, end: int) -> Range:
    """Move the edges of a partial-ratio window (which has the needle's length) to nearby word edges where the
    whole needle matches best, so insertions in the text ("would “pay") do not cut a word off the match."""
    reach = min(_MAX_REACH, max(3, len(needle) // 8))
    firsts = [s for s in range(max(0, start - reach), min(len(norm), start + reach) + 1) if _word_start(norm, s)]
    lasts = [e for e in range(max(1, end - reach), min(len(norm), end + reach) + 1) if _word_end(norm, e)]
    scored = [
        (fuzz.ratio(needle, norm[s:e]), -abs(s - start) - abs(e - end), s, e) for s in firsts for e in lasts if s < e
    ]
    if not scored:
        return start, end
    _, _, best_start, best_end = max(scored)
    return best_start, best_end


def _word_start(norm: str, i: int) -> bool:
    return i < len(norm) and not norm[i].isspace() and (i == 0 or not _joined(norm[i - 1], norm[i]))


def _word_end(norm: str, i: int) -> bool:
    return i > 0 and not norm[i - 1].isspace() and (i == len(norm) or not _joined(norm[i - 1], norm[i]))


def _unspaced(ch: str) -> bool:
    """A character of a script written without spaces between words (CJK, kana, Thai, Lao, Khmer, Myanmar)."""
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF
        or 0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
        or 0x0E00 <= code <= 0x0EFF
        or 0x1000 <= code <= 0x109F
        or 0x1780 <= code <= 0x17FF
    )


def _joined(left: str, right: str) -> bool:
    """Whether two adjacent characters belong to one word of a spaced script."""
    return left.isalnum() and right.isalnum() and not (_unspaced(left) or _unspaced(right))


def _cuts_word(text: str, start: int, end: int) -> bool:
    return (start > 0 and _joined(text[start - 1], text[start])) or (
        end < len(text) and _joined(text[end - 1], text[end])
    )


def _snap_to_words(text: str, start: int, end: int) -> Range:
    """Move fuzzy-match edges that fall inside a word to that word's edge: out when most of the word is in the
    match, in otherwise; then trim whitespace."""
    if start > 0 and _joined(text[start - 1], text[start]):
        left, right = start, start
        while left > 0 and _joined(text[left - 1], text[left]):
            left -= 1
        while right < len(text) and _joined(text[right - 1], text[right]):
            right += 1
        start = left if min(right, end) - start >= start - left else right
    if start < end < len(text) and _joined(text[end - 1], text[end]):
        left, right = end, end
        while left > start and _joined(text[left - 1], text[left]):
            left -= 1
        while right < len(text) and _joined(text[right - 1], text[right]):
            right += 1
        end = right if end - left >= right - end else left
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
