"""Normalized cuts (Shi and Malik 2000): whether a story's articles fall into two stories, and which.

Average linkage (``clusters``) gathers the articles about one kind of thing: both of Tara Reid's and Lindsay
Lohan's rehab stays, both Oscars hosts' announcements, when enough of their articles share the topic's words.
Within one such group, weighted by the group's own IDF (so that the words every article shares, "rehab",
"actress", weigh least and the names and places of each happening most), the articles of each happening are
much closer to each other than to the other's. The normalized cut measures that: for a split of the articles into
A and B, ``cut(A, B) / vol(A) + cut(A, B) / vol(B)``, where ``cut`` sums the similarities across the split and
``vol`` those of a side's articles with all; 0 for two parts that share nothing, about 1 for a split through
one happening. The split found is the best threshold along the Fiedler vector (the second eigenvector of the
normalized Laplacian of the similarity matrix).

On ECB+ dev the cut of a story that mixed a topic's two sub-topics (two real-world events) was 0.44-0.84 (16 of
19 under 0.75) and mostly followed the sub-topics, that of a story of one sub-topic 0.63-0.99; splitting under
0.65 took event CoNLL F1 from 0.795 to 0.801 (``evals/ECBPLUS.md``).
"""

from __future__ import annotations

import numpy as np


def best_cut(similarity: np.ndarray) -> tuple[float, np.ndarray] | None:
    """The normalized cut of least value along the Fiedler vector of a symmetric non-negative similarity matrix
    (zero diagonal), and one side's members as a boolean mask; None for fewer than two items or an item similar to
    none. Cost: an eigendecomposition (cubic in the items) and a quadratic sweep."""
    n = len(similarity)
    degree = similarity.sum(axis=1)
    if n < 2 or not (degree > 0).all():
        return None
    scale = 1 / np.sqrt(degree)
    laplacian = np.eye(n) - scale[:, None] * similarity * scale[None, :]
    fiedler = scale * np.linalg.eigh(laplacian)[1][:, 1]
    order = np.argsort(fiedler, kind="stable")
    ordered = similarity[np.ix_(order, order)]
    # Moving the k-th item across the sweep adds its similarities to those after it and takes away those before.
    change = np.triu(ordered, 1).sum(axis=1) - np.tril(ordered, -1).sum(axis=1)
    cut = np.cumsum(change)[:-1]
    volume = np.cumsum(degree[order])[:-1]
    values = cut / volume + cut / (degree.sum() - volume)
    k = int(np.argmin(values))
    side = np.zeros(n, dtype=bool)
    side[order[: k + 1]] = True
    return float(values[k]), side
