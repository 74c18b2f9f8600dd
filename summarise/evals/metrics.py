"""Metrics as functions of summed per-document counts, and bootstrap confidence intervals over documents.

Every metric is computed from the sums of additive per-document counts (micro averaging:
F1 = 2tp / (2tp + fp + fn)), so a bootstrap resample is just a weighted sum of document count vectors.
Intervals are percentile intervals over ``RESAMPLES`` resamples of documents drawn with replacement, seeded
for repeatability. A metric whose denominator is zero is undefined (None in reports, NaN inside).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

RESAMPLES = 1000
SEED = 7
CONFIDENCE = 0.95


class Columns:
    """Summed counts by name, one value per resample (or a single value); absent names read as zeros."""

    def __init__(self, data: Mapping[str, FloatArray], size: int) -> None:
        self._data, self._size = data, size

    def __getitem__(self, key: str) -> FloatArray:
        found = self._data.get(key)
        return found if found is not None else np.zeros(self._size)


@dataclass(frozen=True)
class MetricDef:
    name: str
    fn: Callable[[Columns], FloatArray]
    higher_is_better: bool = True
    description: str = ""


def ratio(num: FloatArray, den: FloatArray) -> FloatArray:
    safe = np.where(den > 0, den, 1.0)
    return np.where(den > 0, num / safe, np.nan)


def ratio_metric(name: str, num: str, den: str, description: str, *, higher: bool = True) -> MetricDef:
    return MetricDef(name, lambda c: ratio(c[num], c[den]), higher, description)


def prf_metrics(prefix: str, counts: str, what: str) -> list[MetricDef]:
    """precision, recall and F1 named ``<prefix>.precision`` … from ``<counts>.tp/fp/fn``."""
    tp, fp, fn = f"{counts}.tp", f"{counts}.fp", f"{counts}.fn"

    def f1(c: Columns) -> FloatArray:
        return ratio(2 * c[tp], 2 * c[tp] + c[fp] + c[fn])

    return [
        MetricDef(f"{prefix}.precision", lambda c: ratio(c[tp], c[tp] + c[fp]), description=f"{what}: P"),
        MetricDef(f"{prefix}.recall", lambda c: ratio(c[tp], c[tp] + c[fn]), description=f"{what}: R"),
        MetricDef(f"{prefix}.f1", f1, description=f"{what}: F1"),
    ]


def f1_of(precision: FloatArray, recall: FloatArray) -> FloatArray:
    return ratio(2 * precision * recall, precision + recall)


def _matrix(docs: Sequence[Mapping[str, float]]) -> tuple[list[str], FloatArray]:
    keys = sorted({k for d in docs for k in d})
    matrix = np.array([[float(d.get(k, 0.0)) for k in keys] for d in docs], dtype=np.float64)
    return keys, matrix.reshape(len(docs), len(keys))


def _evaluate(defs: Sequence[MetricDef], keys: list[str], sums: FloatArray) -> dict[str, FloatArray]:
    """Metric values for each row of ``sums`` (rows: resamples; columns: ``keys``)."""
    columns = Columns({k: sums[:, i] for i, k in enumerate(keys)}, sums.shape[0])
    with np.errstate(divide="ignore", invalid="ignore"):
        return {d.name: np.asarray(d.fn(columns), dtype=np.float64) for d in defs}


def _value(x: float) -> float | None:
    return None if np.isnan(x) else float(x)


def point(defs: Sequence[MetricDef], docs: Sequence[Mapping[str, float]]) -> dict[str, float | None]:
    """Metric values over the summed counts of ``docs``."""
    keys, matrix = _matrix(docs)
    values = _evaluate(defs, keys, matrix.sum(axis=0, keepdims=True))
    return {name: _value(v[0]) for name, v in values.items()}


def _weights(n: int, resamples: int, seed: int) -> FloatArray:
    """How often each of ``n`` documents is drawn in each resample (resamples x n)."""
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, n, size=(resamples, n))
    flat = (draws + np.arange(resamples)[:, None] * n).ravel()
    return np.bincount(flat, minlength=resamples * n).reshape(resamples, n).astype(np.float64)


def _interval(samples: FloatArray, confidence: float) -> tuple[float | None, float | None]:
    if np.all(np.isnan(samples)):
        return None, None
    tail = (1 - confidence) / 2 * 100
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        lo, hi = np.nanpercentile(samples, [tail, 100 - tail])
    return float(lo), float(hi)


def bootstrap(
    defs: Sequence[MetricDef],
    docs: Sequence[Mapping[str, float]],
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
    confidence: float = CONFIDENCE,
) -> dict[str, tuple[float | None, float | None]]:
    """Percentile confidence interval of each metric, resampling documents with replacement."""
    if not docs:
        return {d.name: (None, None) for d in defs}
    keys, matrix = _matrix(docs)
    values = _evaluate(defs, keys, _weights(len(docs), resamples, seed) @ matrix)
    return {name: _interval(v, confidence) for name, v in values.items()}


@dataclass(frozen=True)
class PairedDelta:
    lo: float | None
    hi: float | None
    p_worse: float | None
    """Share of resamples in which the new run is strictly worse than the base."""


def paired_bootstrap(
    defs: Sequence[MetricDef],
    base: Sequence[Mapping[str, float]],
    new: Sequence[Mapping[str, float]],
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
    confidence: float = CONFIDENCE,
) -> dict[str, PairedDelta]:
    """Interval of (new - base) per metric, resampling the same documents on both sides (base[i] ~ new[i])."""
    if len(base) != len(new):
        raise ValueError("paired bootstrap needs the same documents on both sides")
    if not base:
        return {d.name: PairedDelta(None, None, None) for d in defs}
    keys, base_m = _matrix([*base, *new])
    base_m, new_m = base_m[: len(base)], base_m[len(base) :]
    weights = _weights(len(base), resamples, seed)
    before, after = _evaluate(defs, keys, weights @ base_m), _evaluate(defs, keys, weights @ new_m)
    out: dict[str, PairedDelta] = {}
    for d in defs:
        delta = after[d.name] - before[d.name]
        lo, hi = _interval(delta, confidence)
        valid = delta[~np.isnan(delta)]
        worse = valid < 0 if d.higher_is_better else valid > 0
        out[d.name] = PairedDelta(lo, hi, float(worse.mean()) if valid.size else None)
    return out
