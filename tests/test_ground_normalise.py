"""normalise(): one test per rule, and the map back to the original text; normalised(): the same text."""

from __future__ import annotations

import unicodedata

import pytest

from summarise.ground.normalise import normalise, normalise_with_ends


def original_of(text: str, i: int, j: int) -> str:
    """The original stretch behind normalised [i, j)."""
    _, starts, ends = normalise_with_ends(text)
    return text[starts[i] : ends[j - 1]]


def test_plain_ascii_is_lower_cased_and_mapped_one_to_one() -> None:
    norm, index = normalise("Kim Said")
    assert norm == "kim said"
    assert index == list(range(8))


def test_nfc_composes_and_keeps_the_map_right() -> None:
    text = "Buda\u0301nov met Putin"  # "á" written as a + combining acute
    norm, index = normalise(text)
    assert norm == "budánov met putin"
    assert len(norm) == len(text) - 1
    assert index[norm.index("n")] == text.index("n")  # after the composed letter the map shifts by one
    assert original_of(text, 0, 7) == "Buda\u0301nov"


def test_precomposed_and_decomposed_forms_normalise_alike() -> None:
    assert normalise("Budánov")[0] == normalise(unicodedata.normalize("NFD", "Budánov"))[0]


def test_hangul_jamo_compose_across_starters() -> None:
    text = "\u1100\u1161\u11a8 x"  # conjoining jamo, each a starter, compose to one syllable
    norm, index = normalise(text)
    assert norm == "각 x"
    assert index == [0, 3, 4]
    assert original_of(text, 0, 1) == text[:3]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“with concern”", '"with concern"'),
        ("„so” «here» ‹there›", '"so" "here" \'there\''),
        ("North Korea’s ‘Greater Russia’ ‚x‛", "north korea's 'greater russia' 'x'"),
    ],
)
def test_quotes_and_apostrophes_unified(raw: str, expected: str) -> None:
    assert normalise(raw)[0] == expected


@pytest.mark.parametrize("dash", ["–", "—", "‐", "−", "―", "‑"])
def test_dashes_unified(dash: str) -> None:
    assert normalise(f"Kim Jong{dash}un")[0] == "kim jong-un"


@pytest.mark.parametrize("space", ["  ", "\r\n", "\n\n", "\t", "\u00a0", "\u2009", "\u3000", " \r\n\u00a0 "])
def test_whitespace_runs_become_one_space(space: str) -> None:
    text = f"said{space}Putin"
    norm, index = normalise(text)
    assert norm == "said putin"
    assert index[4] == 4 and index[5] == 4 + len(space)
    assert original_of(text, 4, 5) == space


def test_case_folding_expands_and_maps_to_the_source_character() -> None:
    norm, index = normalise("Straße")
    assert norm == "strasse"
    assert index == [0, 1, 2, 3, 4, 4, 5]


def test_ellipsis_expands() -> None:
    norm, index = normalise("wait… now")
    assert norm == "wait... now"
    assert index[4:7] == [4, 4, 4]


def test_invisible_characters_are_dropped() -> None:
    text = "soft\u00adware and zero\u200bwidth"
    norm, index = normalise(text)
    assert norm == "software and zerowidth"
    assert text[index[norm.index("ware")]] == "w"


def test_emoji_astral_code_points_keep_offsets() -> None:
    text = "🙂 Kim 👍🏽 said"
    norm, index = normalise(text)
    assert norm == "🙂 kim 👍🏽 said"
    assert index == list(range(len(text)))


def test_map_is_monotonic_and_in_range() -> None:
    text = "Ａ “Cafe\u0301” — Straße\r\n\u00a0ﬁne… 東京 😀"
    norm, starts, ends = normalise_with_ends(text)
    assert len(norm) == len(starts) == len(ends)
    assert all(0 <= s < e <= len(text) for s, e in zip(starts, ends, strict=True))
    assert starts == tuple(sorted(starts))


def test_the_fast_path_agrees_with_the_general_one() -> None:
    import random

    from summarise.ground.normalise import _normalise, _normalise_general

    pieces = [*"ab CDé\t\n\r\u00a0“”‘’—–-…x\u3000 Zß\u200bİ", "e\u0301", "\r\n", "  "]
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert _normalise(text) == _normalise_general(text), repr(text)


def test_the_text_alone_is_the_normalised_text() -> None:
    import random

    from summarise.ground.normalise import normalised

    pieces = [*"ab CDé\t\n\r\u00a0“”‘’—–-…x\u3000 Zß\u200bİ", "e\u0301", "\r\n", "  "]
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert normalised(text) == normalise(text)[0], repr(text)
