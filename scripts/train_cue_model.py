"""Train the cue model (``summarise/extract/cue_model.py``) on PolNeAR's training split, reproducibly.

Every verb outside the cue lexicon that the parse can cut an attribution from (a subject-and-content frame,
cut as a learned cue) is a candidate; its label is whether its content overlaps an annotated attribution's
content as the eval counts it (character Dice >= ``MIN_OVERLAP``: what the claims' precision counts) and its
source is that attribution's (a right statement with a wrong speaker would cost claimant accuracy). A
logistic regression (L2, scipy's L-BFGS) over ``cue_model.features`` learns which are. The threshold is the
lowest at which the candidates, scored by 5-fold cross-validation over articles, keep the training split's
claims precision at ``--precision`` or above. Writes the weights as sorted JSON (feature names are lemmas and
parse labels: no corpus text) and prints its SHA-256 for ``cue_model.MODEL_SHA256``.

    python scripts/claims_quick.py parse ../shared/data/polnear-train /tmp/train.spacy   # optional: parse once
    python scripts/train_cue_model.py ../shared/data/polnear-train [--saved /tmp/train.spacy]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

from summarise.evals.align import span_intervals
from summarise.evals.polnear import MIN_OVERLAP, load_corpus, union
from summarise.evals.text import dice
from summarise.extract.attribution import ParsedArticle, find_attributions, parse_article
from summarise.extract.cue_model import FEATURES_VERSION, MODEL_FILE, features, model_sha256
from summarise.ingest import Document, load_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claims_quick import articles

THRESHOLDS = [round(0.2 + 0.025 * i, 3) for i in range(31)]


@dataclass(frozen=True)
class Candidate:
    article: int
    features: list[str]
    hit: bool
    """Its content overlaps some annotated content."""
    agrees: bool
    """It does, and its source is that attribution's (their spans overlap, or neither has one): the label."""
    new: frozenset[tuple[int, int]]
    """(article, gold) pairs it finds that the lexicon's attributions miss."""


@dataclass
class Base:
    """The lexicon alone on the split: what the candidates add to."""

    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0


def _parsed(corpus: Path, saved: Path | None) -> Iterator[tuple[Any, Document, ParsedArticle]]:
    if saved is not None:
        yield from articles(corpus, saved, None)
        return
    for case in load_corpus(corpus):
        doc = load_text(case.text, id=case.id, published=case.published)
        yield case, doc, parse_article(doc)


@dataclass
class Recorder:
    """A judge that keeps every candidate and notes its features by the cue's offset in the article."""

    starts: dict[int, int]
    """Sentence start by the id of its parse."""
    seen: dict[int, list[str]] = field(default_factory=dict)

    def __call__(self, cue: Any, subject: Any, content: Sequence[Any], words: int, *, source: str) -> bool:
        self.seen[self.starts[id(cue.doc)] + cue.idx] = features(cue, subject, content, words, source)
        return True


def candidates(corpus: Path, saved: Path | None) -> tuple[list[Candidate], Base]:
    rows: list[Candidate] = []
    base = Base()
    for n, (case, doc, article) in enumerate(_parsed(corpus, saved)):
        recorder = Recorder({id(parsed): start for _, start, parsed, _ in article.sentences})
        seen = recorder.seen

        gold = union(case.attributions)
        golds = [span_intervals(g.content) for g in gold]
        lexicon = find_attributions(doc, article, judge=None)
        hits = [{i for i, g in enumerate(golds) if dice((a.content_span,), g) >= MIN_OVERLAP} for a in lexicon]
        found = set().union(*hits) if hits else set()
        base.predicted += len(lexicon)
        base.correct += sum(bool(h) for h in hits)
        base.gold += len(golds)
        base.found += len(found)
        known = {a.cue_start for a in lexicon}
        for a in find_attributions(doc, article, judge=recorder):
            if a.cue_start in seen and a.cue_start not in known:
                got = {i for i, g in enumerate(golds) if dice((a.content_span,), g) >= MIN_OVERLAP}
                agrees = any(_same_source(a.source_span, gold[i].source) for i in got)
                rows.append(Candidate(n, seen[a.cue_start], bool(got), agrees, frozenset((n, i) for i in got - found)))
    return rows, base


def _same_source(span: tuple[int, int] | None, gold: Sequence[Any]) -> bool:
    if span is None or not gold:
        return span is None and not gold
    return any(s.start < span[1] and span[0] < s.end for s in gold)


def design(rows: Sequence[Candidate], vocab: dict[str, int]) -> csr_matrix:
    index: list[int] = []
    pointers = [0]
    for r in rows:
        index += sorted({vocab[f] for f in r.features if f in vocab})
        pointers.append(len(index))
    return csr_matrix((np.ones(len(index)), index, pointers), shape=(len(rows), len(vocab)))


def fit(rows: Sequence[Candidate], min_count: int, c: float) -> tuple[dict[str, float], float]:
    """Weights by feature (seen at least ``min_count`` times) and the bias, L2 penalty 1/(2c) (bias free)."""
    counts = Counter(f for r in rows for f in set(r.features))
    vocab = {f: i for i, f in enumerate(sorted(f for f, k in counts.items() if k >= min_count))}
    x, y = design(rows, vocab), np.array([r.agrees for r in rows], dtype=float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w[1:] + w[0]
        p = 1.0 / (1.0 + np.exp(-z))
        value = -np.sum(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)) + 0.5 / c * w[1:] @ w[1:]
        grad = np.concatenate([[np.sum(p - y)], x.T @ (p - y) + w[1:] / c])
        return float(value), grad

    w = minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 1000}).x
    return {f: float(w[i + 1]) for f, i in vocab.items()}, float(w[0])


def probabilities(rows: Sequence[Candidate], weights: dict[str, float], bias: float) -> np.ndarray:
    z = np.array([bias + sum(weights.get(f, 0.0) for f in r.features) for r in rows])
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


def cross_validated(rows: Sequence[Candidate], folds: int, min_count: int, c: float) -> np.ndarray:
    """Each candidate's probability from a model that did not see its article."""
    out = np.zeros(len(rows))
    for k in range(folds):
        held = [i for i, r in enumerate(rows) if r.article % folds == k]
        weights, bias = fit([r for r in rows if r.article % folds != k], min_count, c)
        out[held] = probabilities([rows[i] for i in held], weights, bias)
    return out


def scores(rows: Sequence[Candidate], p: np.ndarray, base: Base, t: float) -> tuple[float, float, float]:
    """Claims precision and recall with the candidates kept at ``t``, and how many of those have their source."""
    kept = [r for r, q in zip(rows, p, strict=True) if q >= t]
    new = set().union(*(r.new for r in kept)) if kept else set()
    precision = (base.correct + sum(r.hit for r in kept)) / max(base.predicted + len(kept), 1)
    agree = sum(r.agrees for r in kept) / max(sum(r.hit for r in kept), 1)
    return precision, (base.found + len(new)) / max(base.gold, 1), agree


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="PolNeAR training split")
    ap.add_argument("--saved", type=Path, default=None, help="its parses saved by claims_quick.py parse")
    ap.add_argument("-o", "--output", type=Path, default=MODEL_FILE)
    ap.add_argument("--precision", type=float, default=0.905, help="cross-validated claims precision to keep")
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 strength")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    rows, base = candidates(args.corpus, args.saved)
    print(f"lexicon: P {base.correct / base.predicted:.3f} R {base.found / base.gold:.3f}; {len(rows)} candidates")
    p = cross_validated(rows, args.folds, args.min_count, args.c)
    threshold = THRESHOLDS[-1]
    for t in THRESHOLDS:
        precision, recall, agree = scores(rows, p, base, t)
        print(f"threshold {t:.3f}: cross-validated P {precision:.3f} R {recall:.3f}, with their source {agree:.2f}")
        if precision >= args.precision and t < threshold:
            threshold = t
    weights, bias = fit(rows, args.min_count, args.c)
    model = {
        "features_version": FEATURES_VERSION,
        "trained_on": f"{args.corpus.name}: {base.gold} annotated attributions, {len(rows)} candidates",
        "c": args.c,
        "min_count": args.min_count,
        "threshold": threshold,
        "bias": round(bias, 4),
        "weights": {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-4},
    }
    raw = (json.dumps(model, indent=0, sort_keys=True, ensure_ascii=False) + "\n").encode()
    args.output.write_bytes(raw)
    print(f"threshold {threshold}; {len(model['weights'])} weights -> {args.output}")
    print(f"MODEL_SHA256 = {model_sha256(raw)!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
