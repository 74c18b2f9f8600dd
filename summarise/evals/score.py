"""Scoring one suite document: align predicted to gold items per type, count matches, check matched fields.

Counts are additive (``claims.tp``, ``claims.claimant.correct`` …) so suite metrics are functions of their
sums (see ``metrics``). Field checks run on strict matches:

- claimant / actor: same entity when the (lenient) entity alignment paired them, or when a name/alias of one
  equals one of the other's after normalisation, or two names' plain rapidfuzz ratio reaches ``NAME_MATCH``
  (spelling variants; not token_set_ratio, which would equate "Japanese government" with "Japanese government
  spokesperson Hirokazu Matsuno"); both null is correct;
- speech: equal; cue: equal stem of the first non-auxiliary word ("said" = "says" = "has said");
- quote: equal after normalisation, or both null;
- targets: set F1 of targets paired by the same entity test (both empty = 1);
- time: equal ISO value (a missing time and a null value are the same; both null is correct);
- location: one normalised string contains the other, or both null;
- status (events): equal (gold labelled before schema 1.3 reads as happened, the field's default);
- entity type: equal.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..errors import EvalError
from ..ground.summary import Statement, summary_problems
from ..ingest.sentences import split_sentences
from ..schema import ArticleSummary, Claim, Entity, Event
from .align import ITEM_TYPES, MODES, NAME_MATCH, THRESHOLDS, ItemType, assign, similarity_matrix, views
from .metrics import MetricDef, prf_metrics, ratio, ratio_metric
from .results import Alignment, DocScore, FieldError, Match
from .run import RunCase
from .text import best_ratio, norm, norm_name, same_cue

FIELDS: dict[ItemType, tuple[str, ...]] = {
    "entities": ("type",),
    "events": ("actor", "targets", "time", "location", "status"),
    "claims": ("claimant", "speech", "cue", "quote"),
}
GRADED_FIELDS = frozenset({"targets"})
"""Fields scored 0..1 (set F1) rather than right/wrong."""


def _names(doc: ArticleSummary, entity_id: str) -> set[str]:
    entity = doc.entity(entity_id)
    if entity is None:
        return set()
    return {n for n in (norm_name(x) for x in [entity.name, *entity.aliases]) if n}


class _Pair:
    """A predicted and a gold summary plus the lenient entity alignment, for comparing entity references."""

    def __init__(self, pred: ArticleSummary, gold: ArticleSummary, entity_map: dict[str, str]) -> None:
        self.pred, self.gold, self.entity_map = pred, gold, entity_map

    def same_entity(self, pred_id: str | None, gold_id: str | None) -> bool:
        if pred_id is None or gold_id is None:
            return pred_id is None and gold_id is None
        if self.entity_map.get(pred_id) == gold_id:
            return True
        pred_names, gold_names = _names(self.pred, pred_id), _names(self.gold, gold_id)
        return bool(pred_names & gold_names) or best_ratio(pred_names, gold_names) >= NAME_MATCH

    def targets_f1(self, pred_ids: list[str], gold_ids: list[str]) -> float:
        if not pred_ids and not gold_ids:
            return 1.0
        left = list(dict.fromkeys(gold_ids))
        hits = 0
        for p in dict.fromkeys(pred_ids):
            hit = next((g for g in left if self.same_entity(p, g)), None)
            if hit is not None:
                left.remove(hit)
                hits += 1
        return 2 * hits / (len(set(pred_ids)) + len(set(gold_ids)))


def _entity_name(doc: ArticleSummary, entity_id: str | None) -> str | None:
    if entity_id is None:
        return None
    entity = doc.entity(entity_id)
    return entity.name if entity else entity_id


def _check_entity(pair: _Pair, p: Entity, g: Entity) -> dict[str, tuple[float, str | None, str | None]]:
    return {"type": (float(p.type == g.type), g.type, p.type)}


def _check_event(pair: _Pair, p: Event, g: Event) -> dict[str, tuple[float, str | None, str | None]]:
    pv, gv = (p.time.value if p.time else None), (g.time.value if g.time else None)
    pl, gl = norm(p.location), norm(g.location)
    location_ok = (not pl and not gl) or bool(pl and gl and (pl in gl or gl in pl))
    pred_targets = ", ".join(_entity_name(pair.pred, t) or "" for t in p.targets)
    gold_targets = ", ".join(_entity_name(pair.gold, t) or "" for t in g.targets)
    return {
        "actor": (
            float(pair.same_entity(p.actor, g.actor)),
            _entity_name(pair.gold, g.actor),
            _entity_name(pair.pred, p.actor),
        ),
        "targets": (pair.targets_f1(p.targets, g.targets), gold_targets, pred_targets),
        "time": (float((pv or "").strip() == (gv or "").strip()), gv, pv),
        "location": (float(location_ok), g.location, p.location),
        "status": (float(p.status == g.status), g.status, p.status),
    }


def _check_claim(pair: _Pair, p: Claim, g: Claim) -> dict[str, tuple[float, str | None, str | None]]:
    quote_ok = (p.quote is None and g.quote is None) or (
        p.quote is not None and g.quote is not None and norm(p.quote) == norm(g.quote)
    )
    return {
        "claimant": (
            float(pair.same_entity(p.claimant, g.claimant)),
            _entity_name(pair.gold, g.claimant),
            _entity_name(pair.pred, p.claimant),
        ),
        "speech": (float(p.speech == g.speech), g.speech, p.speech),
        "cue": (float(same_cue(p.cue, g.cue)), g.cue, p.cue),
        "quote": (float(quote_ok), g.quote, p.quote),
    }


_CHECKS: dict[ItemType, Callable[..., dict[str, tuple[float, str | None, str | None]]]] = {
    "entities": _check_entity,
    "events": _check_event,
    "claims": _check_claim,
}


def _items(doc: ArticleSummary, item_type: ItemType) -> list[Entity] | list[Event] | list[Claim]:
    return doc.entities if item_type == "entities" else doc.events if item_type == "events" else doc.claims


def score_document(doc_id: str, gold: ArticleSummary, pred: ArticleSummary | None) -> DocScore:
    """Counts, alignments and field errors of one prediction (None: failed, every gold item missed)."""
    predicted = pred or gold.model_copy(update={"entities": [], "events": [], "claims": []})
    score = DocScore(id=doc_id)
    counts = score.counts
    aligned: dict[str, dict[ItemType, list[tuple[int, int, float]]]] = {}
    for item_type in ITEM_TYPES:
        pv, gv = views(predicted, item_type), views(gold, item_type)
        score.gold_labels.update({f"{item_type}/{v.id}": v.label for v in gv})
        score.pred_labels.update({f"{item_type}/{v.id}": v.label for v in pv})
        sim = similarity_matrix(item_type, pv, gv)
        for mode in MODES:
            pairs = assign(sim, THRESHOLDS[item_type][mode])
            aligned.setdefault(mode, {})[item_type] = pairs
            matched_p, matched_g = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
            prefix = item_type if mode == "strict" else f"{item_type}.{mode}"
            counts[f"{prefix}.tp"] = len(pairs)
            counts[f"{prefix}.fp"] = len(pv) - len(pairs)
            counts[f"{prefix}.fn"] = len(gv) - len(pairs)
            score.alignments.setdefault(mode, {})[item_type] = Alignment(
                matches=[Match(pred=pv[i].id, gold=gv[j].id, sim=round(s, 4)) for i, j, s in pairs],
                missed=[g.id for j, g in enumerate(gv) if j not in matched_g],
                false_positives=[p.id for i, p in enumerate(pv) if i not in matched_p],
            )
        if gv or pv:
            tp, fp, fn = (counts[f"{item_type}.{k}"] for k in ("tp", "fp", "fn"))
            counts[f"{item_type}.doc_f1.sum"] = 2 * tp / (2 * tp + fp + fn)
            counts[f"{item_type}.doc_f1.n"] = 1
    entity_map = {predicted.entities[i].id: gold.entities[j].id for i, j, _ in aligned["lenient"]["entities"]}
    pair = _Pair(predicted, gold, entity_map)
    for item_type in ITEM_TYPES:
        for name in FIELDS[item_type]:
            counts.setdefault(f"{item_type}.{name}.correct", 0.0)
            counts.setdefault(f"{item_type}.{name}.n", 0.0)
        preds, golds = _items(predicted, item_type), _items(gold, item_type)
        for i, j, _ in aligned["strict"][item_type]:
            p, g = preds[i], golds[j]
            for name, (value, gold_value, pred_value) in _CHECKS[item_type](pair, p, g).items():
                counts[f"{item_type}.{name}.correct"] += value
                counts[f"{item_type}.{name}.n"] += 1
                if value < 1:
                    score.field_errors.append(
                        FieldError(
                            item_type=item_type,
                            gold_id=g.id,
                            pred_id=p.id,
                            field=name,
                            gold=gold_value,
                            pred=pred_value,
                        )
                    )
    return score


def ops_counts(case: RunCase) -> dict[str, float]:
    """Operational counts of one case: validity, latency, tokens, calls, retries, grounding statuses."""
    counts = {"ops.docs": 1.0, "ops.valid": float(case.prediction is not None), "ops.wall_s": case.wall_s}
    if case.prediction is not None:
        prov = case.prediction.provenance
        counts.update(
            {
                "ops.latency_s": prov.latency_s,
                "ops.prompt_tokens": float(prov.prompt_tokens),
                "ops.completion_tokens": float(prov.completion_tokens),
                "ops.calls": float(prov.calls),
                "ops.retries": float(prov.retries),
            }
        )
        counts.update({f"grounding.{k}": float(v) for k, v in prov.grounding.model_dump().items()})
        counts.update(summary_counts(case))
    return counts


def gold_statements(case: RunCase) -> list[Statement]:
    """What the labellers say was said: the gold claims (suites) or the annotated attributions (PolNeAR)."""
    if case.gold is not None:
        gold = case.gold
        return [Statement(_entity_name(gold, c.claimant) or "", c.cue, c.content) for c in gold.claims]
    return [Statement(a.source_text, a.cue_text, a.content_text) for a in case.attributions]


def summary_counts(case: RunCase) -> dict[str, float]:
    """The summary's sentences, and those that give a statement the labellers attributed as fact."""
    summary = case.prediction.summary if case.prediction is not None else ""
    if not summary.strip():
        return {}
    as_fact = summary_problems(summary, gold_statements(case))
    return {"summary.sentences": float(len(split_sentences(summary))), "summary.as_fact": float(len(as_fact))}


def score_case(case: RunCase) -> DocScore:
    if case.gold is None:
        raise EvalError(f"case {case.id!r} has no gold summary")
    score = score_document(case.id, case.gold, case.prediction)
    score.counts.update(ops_counts(case))
    score.error = case.error
    return score


def _share(name: str, part: str, parts: tuple[str, ...], what: str, *, higher: bool = True) -> MetricDef:
    return MetricDef(name, lambda c: ratio(c[part], np.sum([c[p] for p in parts], axis=0)), higher, what)


_SPANS = ("grounding.exact", "grounding.fuzzy", "grounding.unverified")
_QUOTES = ("grounding.quotes_verified", "grounding.quotes_unverified")
_PER_ARTICLE = {
    "ops.latency_s": "pipeline latency (s) per parsed article",
    "ops.prompt_tokens": "prompt tokens per parsed article",
    "ops.completion_tokens": "completion tokens per parsed article",
    "ops.calls": "model calls per parsed article",
    "ops.retries": "re-asks per parsed article",
    "grounding.dropped": "items dropped by --strict per parsed article",
}
OPS_METRICS: list[MetricDef] = [
    ratio_metric("ops.schema_valid_rate", "ops.valid", "ops.docs", "cases with a parsed prediction / cases"),
    ratio_metric("ops.wall_s", "ops.wall_s", "ops.docs", "wall time (s) per case, with errors", higher=False),
    *(ratio_metric(name, name, "ops.valid", what, higher=False) for name, what in _PER_ARTICLE.items()),
    _share("grounding.exact_share", "grounding.exact", _SPANS, "exact spans / spans"),
    _share("grounding.unverified_share", "grounding.unverified", _SPANS, "unverified / spans", higher=False),
    _share("grounding.quotes_verified_share", "grounding.quotes_verified", _QUOTES, "verified / quotes"),
    ratio_metric(
        "summary.as_fact_rate",
        "summary.as_fact",
        "summary.sentences",
        "summary sentences giving a gold attributed statement as fact / summary sentences",
        higher=False,
    ),
]


def suite_metrics() -> list[MetricDef]:
    """Every metric of a suite run, strict ones under the bare type name (``claims.f1``)."""
    defs: list[MetricDef] = []
    for t in ITEM_TYPES:
        defs += prf_metrics(t, t, f"{t}, strict")
        defs += prf_metrics(f"{t}.lenient", f"{t}.lenient", f"{t}, lenient")
        defs.append(ratio_metric(f"{t}.doc_f1", f"{t}.doc_f1.sum", f"{t}.doc_f1.n", "mean per-document F1"))
        for name in FIELDS[t]:
            kind = "f1" if name in GRADED_FIELDS else "acc"
            what = f"{name}: mean set F1" if kind == "f1" else f"{name}: accuracy"
            defs.append(ratio_metric(f"{t}.{name}_{kind}", f"{t}.{name}.correct", f"{t}.{name}.n", what))
    return defs + OPS_METRICS
