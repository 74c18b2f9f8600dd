"""Offset lookups (summarise/ingest/index.py) answer exactly what a scan of everything answers."""

from __future__ import annotations

import random

import pytest

from summarise.ingest import load_text
from summarise.ingest.index import (
    HolderLookup,
    LastBefore,
    OverlapLookup,
    QuotationResume,
    RangeLookup,
    SubstringSet,
    overlapping,
)


def _scan_index(ranges: list[tuple[int, int]], offset: int) -> int | None:
    return next((i for i, (s, e) in enumerate(ranges) if s <= offset < e), None)


@pytest.mark.parametrize(
    "ranges",
    [
        [(0, 5), (6, 10), (10, 12)],
        [(0, 0), (0, 4), (4, 4), (7, 9)],  # empty ranges hold nothing
        [(3, 9), (0, 5), (4, 6)],  # out of order and overlapping: the scan, first one wins
        [],
    ],
)
def test_range_lookup_is_the_first_range_holding_the_offset(ranges: list[tuple[int, int]]) -> None:
    lookup = RangeLookup(ranges)
    for offset in range(-1, 14):
        assert lookup.index(offset) == _scan_index(ranges, offset)


def test_document_sentence_number_and_paragraph_start() -> None:
    text = "First line here. Second sentence.\n\nNew paragraph. And more."
    doc = load_text(text)
    assert doc.sentence_number(0) == 1
    assert doc.sentence_number(text.index("Second")) == 2
    assert doc.sentence_number(text.index("\n")) is None  # between paragraphs
    assert doc.sentence_number(text.index("And")) == 4
    assert doc.paragraph_start(text.index("more")) == text.index("New")
    assert doc.paragraph_start(len(text) + 5) is None


def test_last_before_takes_the_greatest_offset_below_and_the_first_given_among_equals() -> None:
    names = [(5, "a"), (2, "b"), (5, "c"), (9, "d"), (2, "e")]
    last = LastBefore(names, lambda n: n[0])
    assert last.get(2) is None
    assert last.get(3) == (2, "b")
    assert last.get(6) == (5, "a")  # "a" and "c" both at 5: the first given
    assert last.get(100) == (9, "d")
    assert LastBefore([], lambda n: n).get(5) is None


def test_last_before_matches_max_over_the_earlier_items_on_random_cases() -> None:
    rng = random.Random(3)
    for _ in range(200):
        items = [(rng.randint(0, 20), i) for i in range(rng.randint(0, 12))]
        last = LastBefore(items, lambda n: n[0])
        for point in range(-1, 23):
            before = [n for n in items if n[0] < point]
            assert last.get(point) == (max(before, key=lambda n: n[0]) if before else None)


def test_overlapping_spans_include_a_long_early_span_and_skip_touching_ones() -> None:
    spans = [(0, 100), (10, 20), (20, 30), (30, 40), (95, 120)]
    assert overlapping(spans, (20, 30)) == [0, 2]  # (10, 20) and (30, 40) only touch it
    assert overlapping(spans, (100, 110)) == [4]
    assert overlapping(spans, (200, 210)) == []
    assert overlapping([], (0, 5)) == []


def test_overlap_lookup_matches_the_scan_on_random_cases() -> None:
    rng = random.Random(5)
    for _ in range(200):
        spans = sorted((s, s + rng.randint(0, 15)) for s in (rng.randint(0, 40) for _ in range(rng.randint(0, 10))))
        lookup = OverlapLookup(spans)
        for start in range(0, 50, 3):
            for end in (start, start + 1, start + 7):
                expected = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
                assert lookup.find((start, end)) == expected


def test_holder_lookup_excludes_the_span_itself_but_not_its_equal() -> None:
    spans = [(0, 10), (2, 5), (0, 10)]
    holders = HolderLookup(spans)
    assert holders.held(0, 10, exclude=0)  # the other (0, 10)
    assert not HolderLookup([(0, 10), (2, 5)]).held(0, 10, exclude=0)
    assert holders.held(2, 5, exclude=1)
    assert not holders.held(-1, 5)


def test_holder_lookup_matches_the_scan_on_random_cases() -> None:
    rng = random.Random(7)
    for _ in range(300):
        spans = [(s, s + rng.randint(0, 12)) for s in (rng.randint(0, 30) for _ in range(rng.randint(0, 9)))]
        holders = HolderLookup(spans)
        for lo in range(-1, 33, 2):
            for hi in (lo, lo + 1, lo + 5):
                for exclude in [None, *range(len(spans))]:
                    expected = any(j != exclude and s <= lo and hi <= e for j, (s, e) in enumerate(spans))
                    assert holders.held(lo, hi, exclude) == expected


@pytest.mark.parametrize(
    ("needles", "haystack"),
    [
        (["Kim", "Vladimir Putin"], "President Vladimir Putin"),
        (["Kim", "Vladimir Putin"], "Putin"),
        (["K", "Jo"], "Kim"),  # a one-character needle
        (["im"], "Kim"),  # inside a word: a substring, not a word
        ([], "Kim"),
        ([""], ""),  # the empty string is in every string
        (["Kim"], ""),
        (["é", "Zoë"], "Zoë Kravitz"),
    ],
)
def test_substring_set_is_any_needle_in_the_haystack(needles: list[str], haystack: str) -> None:
    assert SubstringSet(needles).any_in(haystack) is any(n in haystack for n in needles)


def test_substring_set_matches_any_on_random_cases() -> None:
    rng = random.Random(11)
    letters = "abcAB "
    for _ in range(300):
        needles = ["".join(rng.choices(letters, k=rng.randint(0, 4))) for _ in range(rng.randint(0, 5))]
        haystack = "".join(rng.choices(letters, k=rng.randint(0, 12)))
        assert SubstringSet(needles).any_in(haystack) is any(n in haystack for n in needles)


def _sentences_of(text: str) -> list[tuple[int, int]]:
    """Sentences as the tests here cut them: up to and including each "|" (which stands for a full stop)."""
    spans, begin = [], 0
    for i, ch in enumerate(text):
        if ch == "|":
            spans.append((begin, i + 1))
            begin = i + 1
    return spans + ([(begin, len(text))] if begin < len(text) else [])


@pytest.mark.parametrize(
    "text",
    [
        'He said "we will go| and stay" today| Then| "No| way," she said| Fine|',
        '"An unclosed quotation| runs on| and on|',
        "No quotes at all| here| either|",
        '“Curly| quotes” and «angled| ones»| "" empty| " spaced " |',
        '"x|" "y"|"z|',
        "He said ''we will go| and stay'' today| Then| ``No| way,'' she said| Fine|",
        "''Unclosed| runs on| the '90s| and on|",
    ],
)
def test_quotation_resume_finds_what_the_scan_from_the_paragraph_finds(text: str) -> None:
    from summarise.ground.records import quoted_stretches

    sentences = _sentences_of(text)
    resume = QuotationResume(
        text, lambda a, b: quoted_stretches(text, a, b, min_words=0), [(0, e) for _, e in sentences]
    )
    for start, end in sentences:
        begin = resume.start(0, start)
        assert begin <= start
        for words in (0, 1, 2):
            whole = [q for q in quoted_stretches(text, 0, end, min_words=words) if q[1] > start]
            assert [q for q in quoted_stretches(text, begin, end, min_words=words) if q[1] > start] == whole


@pytest.mark.parametrize(
    ("seed", "alphabet"),
    [(13, 'ab ,.|"“”«»'), (17, "ab ,.|'`\"")],  # curly and guillemet marks; ASCII pairs typed `` '' and ''
    ids=["typographic", "ascii-pairs"],
)
def test_quotation_resume_on_random_paragraphs(seed: int, alphabet: str) -> None:
    from summarise.ground.records import quoted_stretches

    rng = random.Random(seed)
    for _ in range(300):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 40)))
        sentences = _sentences_of(text)
        resume = QuotationResume(
            text, lambda a, b, t=text: quoted_stretches(t, a, b, min_words=0), [(0, e) for _, e in sentences]
        )
        for start, end in sentences:
            whole = [q for q in quoted_stretches(text, 0, end, min_words=1) if q[1] > start]
            begin = resume.start(0, start)
            assert [q for q in quoted_stretches(text, begin, end, min_words=1) if q[1] > start] == whole
