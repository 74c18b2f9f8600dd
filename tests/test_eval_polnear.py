"""The PolNeAR adapter on a made-up brat sample (tests/data/polnear: 2 articles, 2 annotators)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from summarise.cli import main
from summarise.errors import EvalError
from summarise.evals import run as run_module
from summarise.evals.brat import parse_ann
from summarise.evals.metrics import point
from summarise.evals.polnear import gold_summary, load_corpus, polnear_metrics, score_polnear_case, union
from summarise.evals.run import RunCase
from summarise.ingest import Document
from summarise.schema import ArticleMeta, ArticleSummary, Claim, Entity, Provenance, Span

CORPUS = Path(__file__).resolve().parent / "data" / "polnear"
BUDGET = "budget_2016-10-01_budget-fight-looms"
ROADS = "roads_2016-10-02_mayor-vows-repairs"


def cases() -> dict[str, RunCase]:
    return {c.id: c for c in load_corpus(CORPUS)}


def test_corpus_loads_with_metadata() -> None:
    loaded = cases()
    assert sorted(loaded) == [BUDGET, ROADS]
    budget, roads = loaded[BUDGET], loaded[ROADS]
    assert budget.annotators == ["aa11", "bb22"] and roads.annotators == ["aa11"]
    assert budget.published == date(2016, 10, 1) and budget.source == "example-news"
    assert [c.id for c in load_corpus(CORPUS, articles=[ROADS])] == [ROADS]
    assert len(load_corpus(CORPUS, limit=1)) == 1
    with pytest.raises(EvalError, match="no annotated article 'nope'"):
        load_corpus(CORPUS, articles=["nope"])


def test_brat_roles_discontinuous_spans_and_ignored_labels() -> None:
    roads = cases()[ROADS]
    said, expected, empty = roads.attributions  # Discard spans are no attributions
    assert empty.content == [] and empty not in union(roads.attributions)
    assert said.source_text == "Mayor Bob Lee" and said.cue_text == "said"
    assert [s.text for s in said.content] == ['"The roads,"', '"will be fixed this year."']
    assert expected.source == [] and expected.cue_text == "It is expected"
    assert all(roads.text[s.start : s.end] == s.text for a in roads.attributions for s in a.content)
    budget = cases()[BUDGET]
    assert {a.id for a in budget.attributions} == {"aa11:E1", "aa11:E2", "aa11:E3", "bb22:E1", "bb22:E2"}


def test_brat_offsets_must_match_the_text() -> None:
    with pytest.raises(EvalError, match="span text does not match"):
        parse_ann("T1\tSource 0 4\tNope\n", "Some text", annotator="x")
    with pytest.raises(EvalError, match="undefined 'T9'"):
        parse_ann("T1\tCue 0 4\tSome\nE1\tAttribution:T1 Content:T9\n", "Some text", annotator="x")


def test_brat_span_text_over_a_line_break() -> None:
    text = "He said: Roads first.\n\nBridges next. Done."
    ann = "T1\tCue 3 7\tsaid\nT2\tContent 9 36\tRoads first.\n\nBridges next.\nE1\tAttribution:T1 Cue:T1 Content:T2\n"
    (said,) = parse_ann(ann, text, annotator="x")
    assert said.content_text == "Roads first.\n\nBridges next." and said.cue_text == "said"
    with pytest.raises(EvalError, match="span text does not match"):
        parse_ann("T1\tContent 9 36\tRoads first.\n\nBridges later.\n", text, annotator="x")


def test_union_drops_overlapping_attributions() -> None:
    pooled = union(cases()[BUDGET].attributions)
    assert [a.id for a in pooled] == ["aa11:E1", "aa11:E2", "aa11:E3"]


def test_human_ceiling_scores_each_annotator_against_the_others() -> None:
    score = score_polnear_case(cases()[BUDGET])
    m = point(polnear_metrics(), [score.counts])
    # aa11 (3 attributions) vs bb22 (2): 2 shared; bb22 vs aa11: 2 shared. Pronoun source "she" is unmatched.
    assert m["ceiling.precision"] == pytest.approx(4 / 5)
    assert m["ceiling.recall"] == pytest.approx(4 / 5)
    assert m["ceiling.claimant_acc"] == 1.0 and m["ceiling.cue_acc"] == 1.0
    # "the budget would pass" vs "the budget would pass by Friday": token F1 0.8, twice; identical pairs 1.0.
    assert m["ceiling.content_f1"] == pytest.approx(0.9)
    single = point(polnear_metrics(), [score_polnear_case(cases()[ROADS]).counts])
    assert single["ceiling.f1"] is None


def prediction(case: RunCase) -> ArticleSummary:
    text = case.text

    def span(phrase: str) -> Span:
        start = text.index(phrase)
        return Span(start=start, end=start + len(phrase), text=phrase, status="exact")

    entities = [Entity(id="r", name="Jane Roe", type="person", aliases=["Senator Roe"])]
    claims = [
        Claim(
            id="p1", claimant="r", cue="says", content="The budget will pass by Friday.",
            evidence=[span("Senator Jane Roe said the budget would pass by Friday.")],
        ),
        Claim(
            id="p2", claimant="r", cue="argued", content="The plan is too costly.",
            evidence=[span("the plan was too costly")],
        ),
        Claim(
            id="p3", claimant="r", cue="told", content="They have the votes.",
            evidence=[span('"We have the votes,"')],
        ),
        Claim(
            id="p4", claimant=None, cue="headline", content="A budget fight looms.",
            evidence=[span("Budget fight looms")],
        ),
    ]  # fmt: skip
    meta = ArticleMeta(id=case.id, text_sha256=hashlib.sha256(text.encode()).hexdigest())
    prov = Provenance(backend="t", model="m", prompt_id="p", prompt_version="1", prompt_sha256="", schema_sha256="")
    return ArticleSummary(article=meta, summary="", entities=entities, claims=claims, provenance=prov)


def test_model_claims_against_the_union() -> None:
    case = cases()[BUDGET]
    case = case.model_copy(update={"prediction": prediction(case)})
    score = score_polnear_case(case)
    m = point(polnear_metrics(), [score.counts])
    assert m["claims.precision"] == pytest.approx(3 / 4)  # the headline claim overlaps no content
    assert m["claims.recall"] == 1.0
    # p1: "Jane Roe" matches Source "Senator Jane Roe"; p2 blames Roe for what the critics argued;
    # p3's gold source is the pronoun "she", which cannot be checked.
    assert m["claims.claimant_acc"] == pytest.approx(1 / 2)
    assert score.counts["claims.claimant.unscorable"] == 1
    assert m["claims.cue_acc"] == 1.0  # "says" matches "said"
    [error] = score.field_errors
    assert (error.gold_id, error.pred_id, error.field, error.gold) == ("aa11:E3", "p2", "claimant", "Critics")
    assert score.alignments["overlap"]["claims"].false_positives == ["p4"]
    assert m["multi.precision"] == pytest.approx(5 / 8)  # vs bb22: p1, p2 overlap; vs aa11: p1, p2, p3


def test_gold_summary_for_review_pages() -> None:
    gold = gold_summary(cases()[ROADS])
    assert [c.id for c in gold.claims] == ["aa11:E1", "aa11:E2"]
    assert gold.entity(gold.claims[0].claimant).name == "Mayor Bob Lee"  # type: ignore[union-attr]
    assert gold.claims[1].claimant is None


def test_polnear_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    seen: dict[str, Any] = {}

    async def fake(doc: Document, **kwargs: Any) -> ArticleSummary:
        seen[doc.id] = doc.published
        return prediction(RunCase(id=doc.id, article="", text=doc.text))

    monkeypatch.setattr(run_module, "pipeline_fn", lambda: fake)
    ids = tmp_path / "ids.txt"
    ids.write_text(f"# one article\n{BUDGET}\n", encoding="utf-8")
    out = tmp_path / "pn.json"
    assert main(["eval", "polnear", str(CORPUS), "--articles", str(ids), "-o", str(out), "-f", "json"]) == 0
    assert seen == {BUDGET: date(2016, 10, 1)}
    report = json.loads(capsys.readouterr().out)
    assert report["kind"] == "polnear"
    assert report["metrics"]["claims.recall"]["value"] == 1.0
    assert report["metrics"]["ceiling.f1"]["value"] == pytest.approx(0.8)
    assert main(["eval", "score", str(out), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["metrics"] == report["metrics"]
    assert main(["eval", "polnear", str(tmp_path)]) == EvalError.exit_code
    assert "not a PolNeAR corpus directory" in capsys.readouterr().err
