"""One-to-one alignment of predicted to gold items: similarity matrices and maximum-weight assignment.

Similarity of a predicted and a gold item, in 0..1:

- events and claims: ``SPAN_WEIGHT * evidence overlap + TEXT_WEIGHT * text similarity``, where evidence
  overlap is the character Dice coefficient (overlap F1) of the union of each item's evidence spans (0 when
  either has none) and text similarity is rapidfuzz ``token_set_ratio`` of normalised text: for events
  "actor name + action", for claims the content, or the quote when both sides quote and that scores higher;
- entities (no spans): over every name/alias pair, the best mean of ``token_set_ratio`` and plain ``ratio``,
  so "Putin" still finds "Vladimir Putin" (0.76) but an exact name beats a longer one that contains it.

A pair may match when its similarity reaches the type's threshold (``THRESHOLDS``); among those pairs the
assignment maximising total similarity is taken (``scipy.optimize.linear_sum_assignment``), so the order of
items never matters and each gold item matches at most one prediction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import linear_sum_assignment

from ..schema import ArticleSummary, Claim, Entity, Event, Span
from .text import Interval, best_ratio, best_similarity, dice, merge, norm, norm_name, similarity

ItemType = Literal["entities", "events", "claims"]
Mode = Literal["strict", "lenient"]
ITEM_TYPES: tuple[ItemType, ...] = ("entities", "events", "claims")
MODES: tuple[Mode, ...] = ("strict", "lenient")

SPAN_WEIGHT = 0.5
TEXT_WEIGHT = 0.5
THRESHOLDS: dict[ItemType, dict[Mode, float]] = {
    "entities": {"strict": 0.9, "lenient": 0.7},
    "events": {"strict": 0.6, "lenient": 0.35},
    "claims": {"strict": 0.6, "lenient": 0.35},
}
NAME_MATCH = 0.9
"""Plain rapidfuzz ratio (0..1) at which two entity names count as one name in field checks."""


@dataclass(frozen=True)
class ItemView:
    """What alignment looks at: normalised texts per slot, and the merged evidence intervals."""

    id: str
    texts: dict[str, tuple[str, ...]]
    spans: tuple[Interval, ...]
    label: str


def span_intervals(spans: list[Span]) -> tuple[Interval, ...]:
    return tuple(merge((s.start, s.end) for s in spans))


def entity_label(doc: ArticleSummary, entity_id: str | None) -> str:
    if entity_id is None:
        return "-"
    entity = doc.entity(entity_id)
    return entity.name if entity else f"?{entity_id}"


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _entity_view(entity: Entity) -> ItemView:
    names = tuple(norm_name(n) for n in [entity.name, *entity.aliases])
    return ItemView(entity.id, {"name": names}, (), f"{entity.name} ({entity.type})")


def _event_view(doc: ArticleSummary, event: Event) -> ItemView:
    actor = doc.entity(event.actor)
    text = norm(f"{actor.name if actor else ''} {event.action}")
    label = _short(f"{entity_label(doc, event.actor)} | {event.action}")
    return ItemView(event.id, {"action": (text,)}, span_intervals(event.evidence), label)


def _claim_view(doc: ArticleSummary, claim: Claim) -> ItemView:
    texts: dict[str, tuple[str, ...]] = {"content": (norm(claim.content),)}
    if claim.quote:
        texts["quote"] = (norm(claim.quote),)
    label = _short(f"{entity_label(doc, claim.claimant)} {claim.cue}: {claim.content}")
    return ItemView(claim.id, texts, span_intervals(claim.evidence), label)


def views(doc: ArticleSummary, item_type: ItemType) -> list[ItemView]:
    if item_type == "entities":
        return [_entity_view(e) for e in doc.entities]
    if item_type == "events":
        return [_event_view(doc, v) for v in doc.events]
    return [_claim_view(doc, c) for c in doc.claims]


def text_similarity(pred: ItemView, gold: ItemView) -> float:
    shared = pred.texts.keys() & gold.texts.keys()
    return max((best_similarity(pred.texts[k], gold.texts[k]) for k in shared), default=0.0)


def name_similarity(pred: ItemView, gold: ItemView) -> float:
    pairs = [(a, b) for a in pred.texts["name"] if a for b in gold.texts["name"] if b]
    return max(((similarity(a, b) + best_ratio([a], [b])) / 2 for a, b in pairs), default=0.0)


def item_similarity(item_type: ItemType, pred: ItemView, gold: ItemView) -> float:
    if item_type == "entities":
        return name_similarity(pred, gold)
    return SPAN_WEIGHT * dice(pred.spans, gold.spans) + TEXT_WEIGHT * text_similarity(pred, gold)


def similarity_matrix(item_type: ItemType, preds: list[ItemView], golds: list[ItemView]) -> NDArray[np.float64]:
    matrix = np.zeros((len(preds), len(golds)))
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            matrix[i, j] = item_similarity(item_type, p, g)
    return matrix


def assign(sim: NDArray[np.float64], threshold: float) -> list[tuple[int, int, float]]:
    """Maximum-weight one-to-one (pred index, gold index, similarity) pairs among those >= threshold."""
    if sim.size == 0:
        return []
    weights = np.where(sim >= threshold, sim, 0.0)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    pairs = zip(rows.tolist(), cols.tolist(), strict=True)
    return [(r, c, float(sim[r, c])) for r, c in pairs if sim[r, c] >= threshold]
