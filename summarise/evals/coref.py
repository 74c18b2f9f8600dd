"""Coreference and clustering scores: MUC, B³, CEAF-e, their mean (CoNLL F1), purity and inverse purity.

The formulas are those of the CoNLL reference scorer as written down by Pradhan et al. (2014), "Scoring
Coreference Partitions of Predicted Mentions: A Reference Implementation": the key (gold) and the response are
partitions of mentions, possibly of different mention sets (a mention only one side has counts as a singleton
of its own on the other side, as in the reference scorer), singletons included.

- MUC (Vilain et al. 1995): recall = Σ_k (|k| - |p(k)|) / Σ_k (|k| - 1), where p(k) is the partition of k by
  the response (a mention the response lacks is a part of its own); precision the same with the roles swapped.
  A side with no link (all singletons) gives 0, as the reference scorer does.
- B³ (Bagga and Baldwin 1998): recall = Σ_k Σ_r |k ∩ r|² / |k| over Σ_k |k|; precision with roles swapped.
- CEAF-e (Luo 2005): the one-to-one map of key to response clusters maximising Σ φ4(k, r), φ4 = 2|k ∩ r| /
  (|k| + |r|); recall = that sum / |K|, precision = / |R|.

Every score is computed from the sparse table of non-empty intersections |k ∩ r| (clusters that share no
mention never meet), and CEAF's assignment is solved per connected group of overlapping clusters (pairs that
share nothing score 0, so the optimum splits along those groups): a corpus of thousands of clusters scores in
milliseconds, where the dense K x R formulation would take minutes. Hand-computed cases from the reference
scorer's test suite are in tests/test_eval_coref.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from scipy.optimize import linear_sum_assignment

Cluster = frozenset[Hashable]
Item = TypeVar("Item", bound=Hashable)
Clustering = Sequence[Cluster]


@dataclass(frozen=True)
class PRF:
    recall: float
    precision: float
    f1: float

    @classmethod
    def of(cls, recall: float, precision: float) -> PRF:
        f1 = 2 * recall * precision / (recall + precision) if recall + precision > 0 else 0.0
        return cls(recall, precision, f1)

    def rounded(self, digits: int = 4) -> dict[str, float]:
        return {
            "recall": round(self.recall, digits),
            "precision": round(self.precision, digits),
            "f1": round(self.f1, digits),
        }


@dataclass(frozen=True)
class CorefScores:
    mentions: int
    """Mentions of the key (the scored mentions when both sides share them)."""
    key_clusters: int
    response_clusters: int
    muc: PRF
    b_cubed: PRF
    ceaf_e: PRF

    @property
    def conll_f1(self) -> float:
        """The CoNLL score: the mean of the MUC, B³ and CEAF-e F1."""
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3


def clusters(groups: Iterable[Iterable[Hashable]]) -> list[Cluster]:
    """Clusters as frozensets, empty ones dropped; a mention in two groups is an error (not a partition)."""
    out: list[Cluster] = []
    seen: set[Hashable] = set()
    for group in groups:
        cluster = frozenset(group)
        if seen & cluster:
            raise ValueError(f"mention(s) in two clusters: {sorted(map(str, seen & cluster))[:3]}")
        seen |= cluster
        if cluster:
            out.append(cluster)
    return out


def _table(key: Clustering, response: Clustering) -> Counter[tuple[int, int]]:
    """|k ∩ r| for every (key index, response index) pair that shares a mention."""
    where = {m: j for j, r in enumerate(response) for m in r}
    return Counter((i, where[m]) for i, k in enumerate(key) for m in k if m in where)


def _transpose(table: Mapping[tuple[int, int], int]) -> Counter[tuple[int, int]]:
    return Counter({(j, i): n for (i, j), n in table.items()})


def _muc_recall(key: Clustering, table: Mapping[tuple[int, int], int]) -> float:
    links = sum(len(k) - 1 for k in key)
    if links == 0:
        return 0.0
    parts = Counter(i for i, _ in table)  # response clusters each key cluster meets
    covered = Counter[int]()
    for (i, _), n in table.items():
        covered[i] += n
    # the mentions of k the response lacks are one part each
    found = sum(len(k) - parts[i] - (len(k) - covered[i]) for i, k in enumerate(key))
    return found / links


def muc(key: Clustering, response: Clustering) -> PRF:
    table = _table(key, response)
    recall, precision = _muc_recall(key, table), _muc_recall(response, _transpose(table))
    if recall == 0.0 or precision == 0.0:
        return PRF(recall, precision, 0.0)
    return PRF.of(recall, precision)


def _b_cubed_recall(key: Clustering, table: Mapping[tuple[int, int], int]) -> float:
    total = sum(len(k) for k in key)
    if total == 0:
        return 0.0
    return sum(n * n / len(key[i]) for (i, _), n in table.items()) / total


def b_cubed(key: Clustering, response: Clustering) -> PRF:
    table = _table(key, response)
    return PRF.of(_b_cubed_recall(key, table), _b_cubed_recall(response, _transpose(table)))


def _groups(table: Mapping[tuple[int, int], int]) -> list[list[tuple[int, int]]]:
    """The pairs of the table grouped by connected component of the key-response overlap graph."""
    parent: dict[Hashable, Hashable] = {}

    def find(x: Hashable) -> Hashable:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in table:
        parent[find(("k", i))] = find(("r", j))
    groups: dict[Hashable, list[tuple[int, int]]] = defaultdict(list)
    for i, j in table:
        groups[find(("k", i))].append((i, j))
    return list(groups.values())


def ceaf_e(key: Clustering, response: Clustering) -> PRF:
    if not key or not response:
        return PRF(0.0, 0.0, 0.0)
    table = _table(key, response)
    best = 0.0
    for pairs in _groups(table):
        rows = sorted({i for i, _ in pairs})
        cols = sorted({j for _, j in pairs})
        at_row, at_col = {i: n for n, i in enumerate(rows)}, {j: n for n, j in enumerate(cols)}
        phi = np.zeros((len(rows), len(cols)))
        for i, j in pairs:
            phi[at_row[i], at_col[j]] = 2 * table[i, j] / (len(key[i]) + len(response[j]))
        r, c = linear_sum_assignment(phi, maximize=True)
        best += float(phi[r, c].sum())
    return PRF.of(best / len(key), best / len(response))


def score(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> CorefScores:
    """MUC, B³ and CEAF-e of ``response`` against ``key`` (each a partition of mentions)."""
    k, r = clusters(key), clusters(response)
    return CorefScores(
        mentions=sum(len(c) for c in k),
        key_clusters=len(k),
        response_clusters=len(r),
        muc=muc(k, r),
        b_cubed=b_cubed(k, r),
        ceaf_e=ceaf_e(k, r),
    )


# -- clustering of items into classes (articles into topics) --------------------------------------------------


def purity(predicted: Iterable[Iterable[Item]], gold: Mapping[Item, Hashable]) -> float:
    """Share of the items that fall in their predicted cluster's majority gold class (items without a gold class
    are left out); 0 for no items."""
    total = hits = 0
    for cluster in predicted:
        classes = Counter(gold[x] for x in cluster if x in gold)
        total += sum(classes.values())
        hits += max(classes.values(), default=0)
    return hits / total if total else 0.0


def inverse_purity(predicted: Iterable[Iterable[Item]], gold: Mapping[Item, Hashable]) -> float:
    """Purity with the roles swapped: share of the items in their gold class's largest predicted cluster."""
    inverse: dict[Hashable, list[Item]] = defaultdict(list)
    for x, c in gold.items():
        inverse[c].append(x)
    where = {x: n for n, cluster in enumerate(predicted) for x in cluster}
    labelled: dict[Item, Hashable] = {x: where[x] for x in gold if x in where}
    return purity(inverse.values(), labelled)
