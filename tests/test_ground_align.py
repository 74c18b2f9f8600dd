"""locate / align / verify_quote / sentence_span: finding what the model wrote in the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarise.ground.align import MatchKind, align, locate, sentence_span, verify_quote
from summarise.ingest import load_path, load_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
WIRE = (SEEDS / "000_ef4bc445b1a14fa2.txt").read_text(encoding="utf-8")
WEB = (SEEDS / "002_74635596341c1c7a.txt").read_text(encoding="utf-8")


def test_verbatim_match() -> None:
    match = align("Hirokazu Matsuno said in a press conference", WIRE)
    assert match is not None and match.kind is MatchKind.VERBATIM and match.score == 100
    span = match.span
    assert span.status == "exact"
    assert WIRE[span.start : span.end] == span.text == "Hirokazu Matsuno said in a press conference"


def test_straight_quotes_in_needle_match_curly_text() -> None:
    needle = 'monitoring North Korea\'s movements "with concern"'
    match = align(needle, WIRE)
    assert match is not None and match.kind is MatchKind.NORMALISED
    assert match.span.status == "exact"
    assert match.span.text == "monitoring North Korea’s movements “with concern”"


def test_case_and_whitespace_differences_are_exact() -> None:
    text = "The  Japanese\u00a0government said on\r\nWednesday that it was watching."
    span = locate("the japanese government said on wednesday", text)
    assert span is not None and span.status == "exact"
    assert span.text == "The  Japanese\u00a0government said on\r\nWednesday"


def test_crlf_offsets_index_the_text_as_given() -> None:
    text = WIRE.replace("\n", "\r\n")
    span = locate("However, he did not offer further details.", text)
    assert span is not None
    assert text[span.start : span.end] == "However, he did not offer further details."
    assert span.start == WIRE.index("However") + WIRE[: WIRE.index("However")].count("\n")


def test_accented_name_and_decomposed_needle() -> None:
    span = locate("Kirilo Buda\u0301nov", WEB)
    assert span is not None and span.status == "exact" and span.text == "Kirilo Budánov"


def test_japanese_text() -> None:
    text = "東京、9月6日（EFE）。日本政府は水曜日、北朝鮮の動きを「懸念をもって」注視していると述べた。"
    span = locate("北朝鮮の動き", text)
    assert span is not None and span.status == "exact"
    assert text[span.start : span.end] == "北朝鮮の動き"
    assert span.start == text.index("北朝鮮")


def test_emoji_before_needle_counts_one_code_point() -> None:
    text = "👍🏽🙂 Kim met Putin 🇷🇺 on Wednesday."
    assert len("👍🏽🙂 ") == 4  # two emoji and a skin-tone modifier: three code points
    span = locate("met Putin", text)
    assert span is not None
    assert (span.start, span.end) == (8, 17)
    span = locate("on wednesday", text)
    assert span is not None and span.text == "on Wednesday"


def test_same_phrase_twice_chooses_by_within_then_near() -> None:
    text = "Kim met Putin. Later, Kim met Putin again."
    first, second = text.index("Kim met Putin"), text.rindex("Kim met Putin")
    assert locate("Kim met Putin", text).start == first  # type: ignore[union-attr]
    assert locate("Kim met Putin", text, within=(15, len(text))).start == second  # type: ignore[union-attr]
    assert locate("Kim met Putin", text, near=30).start == second  # type: ignore[union-attr]
    assert locate("Kim met Putin", text, near=2).start == first  # type: ignore[union-attr]
    # `within` wins over `near`; with no occurrence inside `within`, the nearest one is taken.
    assert locate("Kim met Putin", text, within=(0, 14), near=40).start == first  # type: ignore[union-attr]
    assert locate("Kim met Putin", text, within=(36, 42)).start == second  # type: ignore[union-attr]


def test_within_in_the_seed() -> None:
    doc = load_path(SEEDS / "002_74635596341c1c7a.txt")
    last = doc.sentences[-1]
    span = locate("Putin", doc.text, within=last)
    assert span is not None and last[0] <= span.start < span.end <= last[1]


@pytest.mark.parametrize("needle", ["", "   ", "\n"])
def test_empty_needle(needle: str) -> None:
    assert locate(needle, WIRE) is None
    assert verify_quote(needle, WIRE) is None


def test_not_found() -> None:
    assert locate("the moon landing was staged in Nevada", WIRE) is None


def test_no_match_inside_a_word() -> None:
    assert locate("Kim", "Kimberly left early.") is None
    span = locate("Kim", "Kimberly met Kim.")
    assert span is not None and span.start == 13


def test_fuzzy_small_typos() -> None:
    match = align("the regime would pay a prize in the internatonal comunity", WIRE)
    assert match is not None and match.kind is MatchKind.FUZZY
    assert match.span.status == "fuzzy" and match.score >= 85
    assert match.span.text.startswith("the regime would")
    assert match.span.text.endswith("international community")
    assert WIRE[match.span.start : match.span.end] == match.span.text


def test_fuzzy_span_snaps_to_whole_words() -> None:
    text = "They discussed the supply of weapons to Russia during the talks."
    span = locate("supply of weapon to Russia", text)
    assert span is not None and span.status == "fuzzy"
    assert span.text == "supply of weapons to Russia"


def test_fuzzy_threshold() -> None:
    assert locate("Budanov", WEB, fuzzy_threshold=99) is None
    span = locate("Budanov", WEB)
    assert span is not None and span.status == "fuzzy" and span.text == "Budánov"


def test_fuzzy_prefers_within() -> None:
    text = "Talks on arms supplies began. Much later, talks on arms supply resumed."
    span = locate("talks on arms suply", text, within=(30, len(text)))
    assert span is not None and span.start >= 30


def test_verify_quote_is_exact_only() -> None:
    quote = "pay a price in the international community"
    span = verify_quote(quote, WIRE)
    assert span is not None and span.status == "exact" and span.text == quote
    assert verify_quote("pay a prize in the international community", WIRE) is None


def test_verify_quote_ignores_quote_marks_and_edge_punctuation() -> None:
    span = verify_quote("“We will continue to call on North Korea.”", WIRE)
    assert span is not None and span.text == "We will continue to call on North Korea"
    span = verify_quote('"kill innocent Ukrainians."', WEB)
    assert span is not None and span.text == "kill innocent Ukrainians"


def test_verify_quote_normalises_apostrophes_and_spaces() -> None:
    span = verify_quote("victory of the army and people of 'Greater Russia'", WEB)
    assert span is not None and span.text == "victory of the army and people of ‘Greater Russia’"


def test_sentence_span() -> None:
    doc = load_text("First sentence here. Second one follows.")
    span = sentence_span(doc, 1)
    assert (span.start, span.end, span.text, span.status) == (21, 40, "Second one follows.", "exact")
    with pytest.raises(IndexError):
        sentence_span(doc, 2)
    with pytest.raises(IndexError):
        sentence_span(doc, -1)
