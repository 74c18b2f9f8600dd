"""Metrics over summed counts and bootstrap intervals over documents."""

from __future__ import annotations

import numpy as np
import pytest

from summarise.evals.metrics import bootstrap, paired_bootstrap, point, prf_metrics

DEFS = prf_metrics("claims", "claims", "claims")


def docs(seed: int, n: int = 30) -> list[dict[str, float]]:
    rng = np.random.default_rng(seed)
    return [
        {
            "claims.tp": float(rng.integers(0, 8)),
            "claims.fp": float(rng.integers(0, 4)),
            "claims.fn": float(rng.integers(0, 4)),
        }
        for _ in range(n)
    ]


def test_micro_metrics_are_ratios_of_sums() -> None:
    m = point(
        DEFS,
        [{"claims.tp": 3, "claims.fp": 1, "claims.fn": 0}, {"claims.tp": 1, "claims.fp": 0, "claims.fn": 3}],
    )
    assert m["claims.precision"] == pytest.approx(4 / 5)
    assert m["claims.recall"] == pytest.approx(4 / 7)
    assert m["claims.f1"] == pytest.approx(8 / 12)


def test_interval_contains_the_point_estimate_and_is_seeded() -> None:
    sample = docs(1)
    values = point(DEFS, sample)
    first = bootstrap(DEFS, sample, resamples=500, seed=3)
    for name, (lo, hi) in first.items():
        assert lo is not None and hi is not None
        assert lo <= values[name] <= hi  # type: ignore[operator]
        assert hi - lo > 0
    assert bootstrap(DEFS, sample, resamples=500, seed=3) == first
    assert bootstrap(DEFS, sample, resamples=500, seed=4) != first


def test_one_document_has_no_spread() -> None:
    single = docs(2, n=1)
    value = point(DEFS, single)["claims.f1"]
    lo, hi = bootstrap(DEFS, single, resamples=50, seed=0)["claims.f1"]
    assert lo == pytest.approx(value) and hi == pytest.approx(value)


def test_more_documents_narrow_the_interval() -> None:
    few, many = docs(5, n=10), docs(5, n=400)
    lo_few, hi_few = bootstrap(DEFS, few, resamples=400, seed=0)["claims.f1"]
    lo_many, hi_many = bootstrap(DEFS, many, resamples=400, seed=0)["claims.f1"]
    assert hi_many - lo_many < hi_few - lo_few  # type: ignore[operator]


def test_paired_bootstrap() -> None:
    base = docs(6)
    same = paired_bootstrap(DEFS, base, base, resamples=200, seed=0)["claims.f1"]
    assert (same.lo, same.hi, same.p_worse) == (0.0, 0.0, 0.0)
    worse = [{**d, "claims.tp": max(0.0, d["claims.tp"] - 2), "claims.fn": d["claims.fn"] + 2} for d in base]
    delta = paired_bootstrap(DEFS, base, worse, resamples=200, seed=0)["claims.recall"]
    assert delta.hi is not None and delta.hi < 0
    assert delta.p_worse == 1.0


def test_undefined_metric_has_no_interval() -> None:
    empty = [{"claims.tp": 0.0, "claims.fp": 0.0, "claims.fn": 0.0}] * 3
    assert point(DEFS, empty)["claims.f1"] is None
    assert bootstrap(DEFS, empty, resamples=20, seed=0)["claims.f1"] == (None, None)
