"""Coreference metrics against the reference scorer's hand-computed test cases (conll/reference-coreference-scorers,
test/CorefMetricTestConfig.pm: key TC-A {a} {bc} {def}; a capital letter is another mention than its lower case)."""

from __future__ import annotations

import pytest

from summarise.evals.coref import b_cubed, ceaf_e, clusters, inverse_purity, muc, purity, score

KEY = clusters(["a", "bc", "def"])


def _rp(prf: object) -> tuple[float, float]:
    return (round(prf.recall, 5), round(prf.precision, 5))  # type: ignore[attr-defined]


CASES = [
    # response, MUC (R, P), B³ (R, P), CEAF-e (R, P) or None where the reference gives none
    (["a", "bc", "def"], (1, 1), (1, 1), (1, 1)),
    (["a", "de"], (1 / 3, 1), ((7 / 3) / 6, 1), (0.6, 0.9)),
    (["a", "bcx", "defy", "z"], (1, 3 / 5), (1, (4 + 7 / 12) / 9), (0.88571, 0.66429)),
    (["a", "bcx", "dy", "z"], (1 / 3, 1 / 3), ((3 + 1 / 3) / 6, (1 + 4 / 3 + 1 / 2) / 7), (0.73333, 0.55)),
    (["a", "bcxB", "dy", "z"], (1 / 3, 1 / 4), ((3 + 1 / 3) / 6, 2.5 / 8), (0.68889, 0.51667)),
    (["a", "b", "c", "d", "e", "f"], (0, 0), (3 / 6, 1), None),
    (["abcdef"], (1, 3 / 5), (1, (1 / 6 + 2 * 2 / 6 + 3 * 3 / 6) / 6), None),
]


@pytest.mark.parametrize(("response", "want_muc", "want_b3", "want_ceaf"), CASES)
def test_reference_cases(
    response: list[str],
    want_muc: tuple[float, float],
    want_b3: tuple[float, float],
    want_ceaf: tuple[float, float] | None,
) -> None:
    r = clusters(response)
    assert _rp(muc(KEY, r)) == pytest.approx(want_muc, abs=1e-5)
    assert _rp(b_cubed(KEY, r)) == pytest.approx(want_b3, abs=1e-5)
    if want_ceaf is not None:
        assert _rp(ceaf_e(KEY, r)) == pytest.approx(want_ceaf, abs=1e-5)


def test_f1_and_conll_mean() -> None:
    s = score(["a", "bc", "def"], ["a", "de"])
    assert s.muc.f1 == pytest.approx(0.5)
    assert s.b_cubed.f1 == pytest.approx(14 / 25)
    assert s.ceaf_e.f1 == pytest.approx(0.72)
    assert s.conll_f1 == pytest.approx((0.5 + 14 / 25 + 0.72) / 3)
    assert (s.mentions, s.key_clusters, s.response_clusters) == (6, 3, 2)


def test_muc_no_links_is_zero() -> None:
    assert muc(clusters(["a", "b"]), clusters(["ab"])).f1 == 0.0


def test_ceaf_splits_into_independent_groups() -> None:
    # two unrelated groups: the optimum is the sum of each group's optimum
    key = clusters(["ab", "cd", "efg"])
    response = clusters(["abc", "d", "ef", "g"])
    # φ4: ab~abc 4/5, cd~abc 2/5, cd~d 2/3, efg~ef 4/5, efg~g 1/2 -> best ab-abc, cd-d, efg-ef
    best = 4 / 5 + 2 / 3 + 4 / 5
    assert _rp(ceaf_e(key, response)) == pytest.approx((round(best / 3, 5), round(best / 4, 5)), abs=1e-5)


def test_a_mention_in_two_clusters_is_refused() -> None:
    with pytest.raises(ValueError, match="two clusters"):
        clusters(["ab", "bc"])


def test_purity_and_inverse_purity() -> None:
    gold = {"d1": "t1", "d2": "t1", "d3": "t1", "d4": "t2", "d5": "t2"}
    predicted = [["d1", "d2"], ["d3", "d4", "d5"]]
    assert purity(predicted, gold) == pytest.approx((2 + 2) / 5)
    assert inverse_purity(predicted, gold) == pytest.approx((2 + 2) / 5)
    assert purity([["d1"], ["d2"], ["d3"], ["d4"], ["d5"]], gold) == 1.0
    assert inverse_purity([["d1"], ["d2"], ["d3"], ["d4"], ["d5"]], gold) == pytest.approx(2 / 5)
    assert purity([], gold) == 0.0
