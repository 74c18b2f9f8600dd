"""Scoring on hand-made summaries whose right answers are known: alignment, counts, field checks."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from summarise.evals.align import assign
from summarise.evals.metrics import point
from summarise.evals.score import score_document, suite_metrics
from summarise.evals.text import cue_key, dice, merge, same_cue
from summarise.schema import ArticleMeta, ArticleSummary, Claim, Entity, Event, Provenance, Span, TimeExpr

TEXT = (
    "Mayor Ana Lopez said on Monday that the bridge will close in May. "
    "The city council approved the budget. "
    '"We will not raise taxes," Lopez told reporters. '
    "Rival Tom Hart warned that costs would rise. "
    "The weather was mild."
)


def span(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span(start=start, end=start + len(phrase), text=phrase, status="exact")


S1 = "Mayor Ana Lopez said on Monday that the bridge will close in May."
S2 = "The city council approved the budget."
S3 = '"We will not raise taxes," Lopez told reporters.'
S4 = "Rival Tom Hart warned that costs would rise."
S5 = "The weather was mild."


def summary(entities: list[Entity], events: list[Event], claims: list[Claim]) -> ArticleSummary:
    meta = ArticleMeta(id="t", text_sha256="0" * 64)
    prov = Provenance(backend="test", model="m", prompt_id="p", prompt_version="1", prompt_sha256="", schema_sha256="")
    return ArticleSummary(article=meta, summary="", entities=entities, events=events, claims=claims, provenance=prov)


def gold() -> ArticleSummary:
    return summary(
        [
            Entity(id="e1", name="Ana Lopez", type="person", aliases=["Lopez", "Mayor Ana Lopez"]),
            Entity(id="e2", name="Tom Hart", type="person"),
            Entity(id="e3", name="city council", type="organization"),
        ],
        [
            Event(id="v1", actor="e3", action="approved the budget", evidence=[span(S2)]),
            Event(
                id="v2",
                action="bridge will close",
                time=TimeExpr(text="in May", value="2024-05", granularity="month"),
                evidence=[span(S1)],
            ),
        ],
        [
            Claim(
                id="c1",
                claimant="e1",
                cue="said",
                content="The bridge will close in May.",
                evidence=[span(S1)],
            ),
            Claim(
                id="c2",
                claimant="e1",
                cue="told",
                content="Lopez's administration will not raise taxes.",
                quote="We will not raise taxes,",
                speech="direct",
                evidence=[span(S3)],
            ),
            Claim(id="c3", claimant="e2", cue="warned", content="Costs would rise.", evidence=[span(S4)]),
        ],
    )


def predicted(**changes: Any) -> ArticleSummary:
    """The gold answer under other ids (entity ids too), with ``changes`` applied to its item lists."""
    g = gold()
    ids = {"e1": "x7", "e2": "x8", "e3": "x9"}
    entities = [e.model_copy(update={"id": ids[e.id]}) for e in g.entities]
    events = [v.model_copy(update={"id": "p" + v.id, "actor": ids.get(v.actor or ""), "targets": []}) for v in g.events]
    claims = [c.model_copy(update={"id": "p" + c.id, "claimant": ids[c.claimant or ""]}) for c in g.claims]
    parts = {"entities": entities, "events": events, "claims": claims}
    for key, fn in changes.items():
        parts[key] = fn(parts[key])
    return summary(parts["entities"], parts["events"], parts["claims"])  # type: ignore[arg-type]


def metrics(pred: ArticleSummary | None) -> dict[str, float | None]:
    return point(suite_metrics(), [score_document("t", gold(), pred).counts])


def test_perfect_prediction_scores_one_everywhere() -> None:
    m = metrics(predicted())
    for name in ("entities.f1", "events.f1", "claims.f1", "claims.lenient.f1", "claims.doc_f1"):
        assert m[name] == 1.0, name
    for name in ("claims.claimant_acc", "claims.cue_acc", "claims.quote_acc", "claims.speech_acc"):
        assert m[name] == 1.0, name
    for name in ("events.actor_acc", "events.time_acc", "events.location_acc", "events.targets_f1"):
        assert m[name] == 1.0, name


def test_swapped_order_is_still_perfect() -> None:
    pred = predicted(claims=lambda xs: xs[::-1], events=lambda xs: xs[::-1], entities=lambda xs: xs[::-1])
    score = score_document("t", gold(), pred)
    pairs = {(m.gold, m.pred) for m in score.alignments["strict"]["claims"].matches}
    assert pairs == {("c1", "pc1"), ("c2", "pc2"), ("c3", "pc3")}
    m = point(suite_metrics(), [score.counts])
    assert m["claims.f1"] == m["events.f1"] == m["entities.f1"] == 1.0
    assert m["claims.claimant_acc"] == 1.0
    assert not score.field_errors


def test_one_missed_claim() -> None:
    score = score_document("t", gold(), predicted(claims=lambda xs: xs[:2]))
    assert (score.counts["claims.tp"], score.counts["claims.fp"], score.counts["claims.fn"]) == (2, 0, 1)
    assert score.alignments["strict"]["claims"].missed == ["c3"]
    m = point(suite_metrics(), [score.counts])
    assert m["claims.precision"] == 1.0
    assert m["claims.recall"] == pytest.approx(2 / 3)
    assert m["claims.f1"] == pytest.approx(0.8)


def test_one_false_positive() -> None:
    extra = Claim(id="zz", claimant=None, cue="noted", content="The weather was mild.", evidence=[span(S5)])
    score = score_document("t", gold(), predicted(claims=lambda xs: [*xs, extra]))
    assert score.alignments["strict"]["claims"].false_positives == ["zz"]
    assert score.alignments["lenient"]["claims"].false_positives == ["zz"]
    m = point(suite_metrics(), [score.counts])
    assert m["claims.precision"] == pytest.approx(3 / 4)
    assert m["claims.recall"] == 1.0


def test_near_duplicate_prediction_matches_once() -> None:
    def duplicate(xs: list[Claim]) -> list[Claim]:
        twin = xs[0].model_copy(update={"id": "dup", "content": "The bridge will close in May, the mayor said."})
        return [twin, *xs]

    score = score_document("t", gold(), predicted(claims=duplicate))
    alignment = score.alignments["strict"]["claims"]
    assert len(alignment.matches) == 3
    assert len(alignment.false_positives) == 1
    assert [m.gold for m in alignment.matches].count("c1") == 1
    assert score.counts["claims.fp"] == 1 and score.counts["claims.fn"] == 0


def test_wrong_claimant_is_matched_but_the_field_is_wrong() -> None:
    def blame_lopez(xs: list[Claim]) -> list[Claim]:
        return [c.model_copy(update={"claimant": "x7"}) if c.id == "pc3" else c for c in xs]

    score = score_document("t", gold(), predicted(claims=blame_lopez))
    m = point(suite_metrics(), [score.counts])
    assert m["claims.f1"] == 1.0
    assert m["claims.claimant_acc"] == pytest.approx(2 / 3)
    [error] = score.field_errors
    assert (error.gold_id, error.pred_id, error.field) == ("c3", "pc3", "claimant")
    assert (error.gold, error.pred) == ("Tom Hart", "Ana Lopez")


def test_claimant_compares_names_not_ids() -> None:
    """Other entity ids and another spelling of the name still give the right claimant."""

    def rename(xs: list[Entity]) -> list[Entity]:
        return [e.model_copy(update={"name": "Mayor Ana Lopez", "aliases": []}) if e.id == "x7" else e for e in xs]

    assert metrics(predicted(entities=rename))["claims.claimant_acc"] == 1.0


def test_field_normalisation() -> None:
    def tweak(xs: list[Claim]) -> list[Claim]:
        changes = {
            "pc1": {"cue": "says"},
            "pc2": {"quote": "\u201cWe will NOT raise taxes\u201d", "speech": "indirect"},
            "pc3": {"cue": "has warned"},
        }
        return [c.model_copy(update=changes.get(c.id, {})) for c in xs]

    score = score_document("t", gold(), predicted(claims=tweak))
    assert {(e.gold_id, e.field) for e in score.field_errors} == {("c2", "speech")}


def test_event_fields() -> None:
    def tweak(xs: list[Event]) -> list[Event]:
        return [v.model_copy(update={"time": None, "location": "in the city hall"}) if v.id == "pv2" else v for v in xs]

    score = score_document("t", gold(), predicted(events=tweak))
    assert {(e.gold_id, e.field) for e in score.field_errors} == {("v2", "time"), ("v2", "location")}


def test_failed_prediction_misses_everything() -> None:
    m = metrics(None)
    assert m["claims.recall"] == 0.0 and m["claims.f1"] == 0.0
    assert m["claims.precision"] is None


def test_no_gold_and_no_prediction_is_undefined_not_perfect() -> None:
    empty = summary([], [], [])
    m = point(suite_metrics(), [score_document("t", empty, empty).counts])
    assert m["claims.f1"] is None and m["claims.doc_f1"] is None


def test_assignment_maximises_total_similarity() -> None:
    sim = np.array([[0.9, 0.8], [0.85, 0.1]])
    assert sorted(assign(sim, 0.5)) == [(0, 1, 0.8), (1, 0, 0.85)]
    assert assign(sim, 0.95) == []


def test_text_helpers() -> None:
    assert merge([(5, 9), (0, 3), (2, 4)]) == [(0, 4), (5, 9)]
    assert dice([(0, 10)], [(5, 15)]) == 0.5
    assert dice([], [(0, 3)]) == 0.0
    assert cue_key("has said") == cue_key("says") == cue_key("said") == "say"
    assert same_cue("warned", "warns") and same_cue("denied", "denies") and same_cue("argued", "argues")
    assert not same_cue("said", "denied")


def test_a_name_contained_in_another_entitys_alias_is_not_that_entity() -> None:
    text = "Spokesman Hirokazu Matsuno said Tokyo was watching. The Japanese government said it would protest."
    first, second = text.split(". ")

    def ev(sentence: str) -> list[Span]:
        start = text.index(sentence)
        return [Span(start=start, end=start + len(sentence), text=sentence)]

    matsuno = Entity(id="g1", name="Hirokazu Matsuno", aliases=["Japanese government spokesperson Hirokazu Matsuno"])
    gold_doc = summary(
        [matsuno, Entity(id="g2", name="Japanese government")],
        [],
        [
            Claim(id="c1", claimant="g1", cue="said", content="Tokyo was watching.", evidence=ev(first)),
            Claim(id="c2", claimant="g2", cue="said", content="Japan will protest.", evidence=ev(second)),
        ],
    )
    pred = summary(
        [Entity(id="p1", name="Japanese government"), Entity(id="p2", name="Matsuno")],
        [],
        [
            Claim(id="q1", claimant="p1", cue="said", content="Tokyo was watching.", evidence=ev(first)),
            Claim(id="q2", claimant="p1", cue="said", content="Japan will protest.", evidence=ev(second)),
        ],
    )
    score = score_document("t", gold_doc, pred)
    pairs = {(m.pred, m.gold) for m in score.alignments["lenient"]["entities"].matches}
    assert pairs == {("p1", "g2"), ("p2", "g1")}
    assert [(e.gold_id, e.field) for e in score.field_errors] == [("c1", "claimant")]
