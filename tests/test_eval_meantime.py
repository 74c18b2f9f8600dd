"""The MEANTIME adapter on made-up CAT samples (tests/data/meantime: two short articles of our own).

9001 (Acme buys Harbour Mills) has gold events in the scored sentences 0-5 — buys (headline, happened), bought
(happened, on Monday), close (planned, next year), strike (negated), sale (noun, possible), follow (possible,
no participants) — and "said" in sentence 6, outside the scope; Acme's chain is Acme / Acme Corp. / The company
(/ Acme, it outside or pronoun), Harbour Mills' is two names, "the plant" and "the site" are other referents.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from summarise.cli import main
from summarise.errors import EvalError
from summarise.evals.cat import Mention, parse_cat, read_cat
from summarise.evals.meantime import (
    _same_time,
    cue_trigger,
    gold_status,
    gold_summary,
    gold_view,
    load_corpus,
    meantime_metrics,
    only_modifies,
    score_meantime_case,
    trigger_of,
    word_classes,
)
from summarise.evals.metrics import point
from summarise.evals.report import build_report, render_markdown, sections
from summarise.evals.run import RunCase
from summarise.schema import ArticleMeta, ArticleSummary, Claim, Entity, Event, Provenance, Span, TimeExpr

CORPUS = Path(__file__).resolve().parent / "data" / "meantime"
ACME = "9001_Acme_buys_Harbour_Mills"
DEAL = "9002_Deal_done"


def cases() -> dict[str, RunCase]:
    return {c.id: c for c in load_corpus(CORPUS)}


def test_text_is_rebuilt_with_exact_token_offsets() -> None:
    doc = read_cat(CORPUS / "corpus_test" / f"{DEAL}.xml")
    body = 'Officials said "the deal (worth $5 million) is done". It was Bob\'s "idea".'
    assert doc.text == f"Deal done\n\nJune 1, 2020\n\n{body}"
    words = [doc.text[t.start : t.end] for t in doc.tokens]
    assert words[:4] == ["Deal", "done", "June", "1"] and words[-5:] == ["'s", '"', "idea", '"', "."]
    assert doc.creation_time == date(2020, 6, 1)
    said = next(m for m in doc.mentions if m.tag == "EVENT_MENTION")
    assert doc.text[said.start : said.end] == "said" and said.sentence == 2
    with pytest.raises(EvalError, match="bad CAT XML"):
        parse_cat("<Document><token", where="x.xml")


def test_corpus_loads_with_the_creation_time_as_date() -> None:
    loaded = cases()
    assert sorted(loaded) == [ACME, DEAL]
    acme = loaded[ACME]
    assert acme.published == date(2021, 5, 4) and acme.meantime is not None
    assert acme.text.startswith("Acme buys Harbour Mills\n\nMay 4, 2021\n\nAcme Corp. bought Harbour Mills on Monday.")
    assert [c.id for c in load_corpus(CORPUS, articles=[DEAL])] == [DEAL]
    assert len(load_corpus(CORPUS, limit=1)) == 1
    with pytest.raises(EvalError, match="no CAT article 'nope'"):
        load_corpus(CORPUS, articles=["nope"])


def test_gold_view_scope_roles_chains_and_anchors() -> None:
    case = cases()[ACME]
    assert case.meantime is not None
    gold = gold_view(case.meantime)
    assert [g.attrs["pred"] for g in gold.events] == ["buy", "buy", "close", "strike", "sale", "follow"]
    assert [gold_status(g) for g in gold.events] == ["happened", "happened", "planned", "negated", "possible",
                                                      "possible"]  # fmt: skip
    # "buys" (headline, the creation time) and "bought" (on Monday) are one event: each takes the other's anchor
    assert gold.anchors == {"21": ["2021-05-03", "2021-05-04"], "22": ["2022"], "20": ["2021-05-04", "2021-05-03"]}
    assert gold.roles["22"] == {"Arg0": ["5"], "Arg1": ["6"]}
    acme = gold.chain_intervals(["5"])  # "The company" -> Acme's whole chain
    assert [case.text[s:e] for s, e in acme] == ["Acme", "Acme Corp.", "The company", "Acme", "it"]


def _linked_doc(links: str, dct: str = "2020-06-01") -> str:
    """A CAT article "Deal done / June 1, 2020 / Acme signed. Rivals met Monday. It closed." with three events
    (m_ids 2, 3, 4 over "signed", "met", "closed"), "Monday" (m_id 5, 2020-05-25), the creation
    time (m_id 1, value ``dct``) and the given TLINK/REFERS_TO ``links``."""
    words = [("Deal", 0), ("done", 0), ("June", 1), ("1", 1), (",", 1), ("2020", 1), ("Acme", 2), ("signed", 2),
             (".", 2), ("Rivals", 3), ("met", 3), ("Monday", 3), (".", 3), ("It", 4), ("closed", 4),
             (".", 4)]  # fmt: skip
    tokens = "".join(f'<token sentence="{s}" t_id="{i}">{w}</token>' for i, (w, s) in enumerate(words, start=1))
    events = "".join(
        f'<EVENT_MENTION m_id="{m}" pos="VERB" pred="{w}"><token_anchor t_id="{t}"/></EVENT_MENTION>'
        for m, t, w in (("2", 8, "sign"), ("3", 11, "meet"), ("4", 15, "close"))
    )
    return (
        f'<Document doc_id="1" doc_name="d">{tokens}<Markables>'
        f'<TIMEX3 m_id="1" functionInDocument="CREATION_TIME" type="DATE" value="{dct}"/>{events}'
        '<TIMEX3 m_id="5" functionInDocument="NONE" type="DATE" value="2020-05-25"><token_anchor t_id="12"/></TIMEX3>'
        '<EVENT m_id="9" TAG_DESCRIPTOR="sign"/>'
        f"</Markables><Relations>{links}</Relations></Document>"
    )


def _tlink(source: str, kind: str, target: str) -> str:
    return f'<TLINK reltype="{kind}"><source m_id="{source}"/><target m_id="{target}"/></TLINK>'


def test_anchors_pass_through_event_coreference_and_event_links() -> None:
    refers = '<REFERS_TO><source m_id="2"/><source m_id="4"/><target m_id="9"/></REFERS_TO>'
    doc = parse_cat(_linked_doc(_tlink("3", "IS_INCLUDED", "5") + _tlink("2", "SIMULTANEOUS", "3") + refers))
    # "signed" is simultaneous with "met" (on Monday); "closed" is the signing told again
    assert gold_view(doc).anchors == {"3": ["2020-05-25"], "2": ["2020-05-25"], "4": ["2020-05-25"]}
    within = parse_cat(_linked_doc(_tlink("2", "IS_INCLUDED", "3") + _tlink("4", "INCLUDES", "3")
                                   + _tlink("3", "IS_INCLUDED", "1")))  # fmt: skip
    # "signed" is within "met", which is within the creation day; "closed" holds "met": it may last longer
    assert gold_view(within).anchors == {"3": ["2020-06-01"], "2": ["2020-06-01"]}
    before = parse_cat(_linked_doc(_tlink("2", "BEFORE", "3") + _tlink("3", "IS_INCLUDED", "5")))
    assert gold_view(before).anchors == {"3": ["2020-05-25"]}


def test_a_creation_time_that_is_no_iso_date_is_read_from_the_date_line() -> None:
    odd = parse_cat(_linked_doc(_tlink("2", "IS_INCLUDED", "1"), dct="01-06-2020"))
    assert odd.creation_time == date(2020, 6, 1)
    assert gold_view(odd).anchors == {"2": ["2020-06-01"]}  # the creation time's value as read
    assert parse_cat(_linked_doc("", dct="")).creation_time == date(2020, 6, 1)


@pytest.mark.parametrize(
    ("pred", "gold", "same"),
    [
        ("2021-05-03", "2021-05", True),  # down to the coarser of the two
        ("2021", "2021-05-03", True),
        ("2021-04", "2021-05-03", False),
        ("2004-11-15/2004-11-21", "2004-W47", True),  # a week given as its days
        ("2004-11-22/2004-11-28", "2004-W47", False),
        ("2009-02", "2009-Q1", True),
        ("2009-04-02", "2009-Q1", False),
        ("2007-10-17T18:40", "2007-10-17", True),
        ("2006-SU", "2006", True),  # a season: read by its leading characters
        ("2010-07-16", "2010-07-16TMO", True),
    ],
)
def test_time_values_agree_when_the_days_of_one_hold_the_other(pred: str, gold: str, same: bool) -> None:
    assert _same_time(pred, gold) is same


def _span(text: str, phrase: str, after: str = "") -> Span:
    start = text.index(phrase, text.index(after) if after else 0)
    return Span(start=start, end=start + len(phrase), text=phrase, status="exact")


def _sentence(text: str, first_words: str) -> Span:
    start = text.index(first_words)
    end = text.index(".", start + len(first_words)) + 1
    return Span(start=start, end=end, text=text[start:end], status="exact")


def prediction(case: RunCase, events: list[Event]) -> ArticleSummary:
    entities = [
        Entity(id="e1", name="Acme Corp.", type="organization", aliases=["Acme"]),
        Entity(id="e2", name="Harbour Mills", type="organization"),
        Entity(id="e3", name="Unions", type="organization"),
        Entity(id="e4", name="the plant", type="location", aliases=["the site"]),  # two referents
        Entity(id="e5", name="The company", type="organization"),  # Acme's description, left apart
    ]
    meta = ArticleMeta(id=case.id, text_sha256=hashlib.sha256(case.text.encode()).hexdigest())
    prov = Provenance(backend="t", model="m", prompt_id="p", prompt_version="1", prompt_sha256="", schema_sha256="")
    return ArticleSummary(article=meta, summary="", entities=entities, events=events, provenance=prov)


def acme_events(text: str) -> list[Event]:
    return [
        Event(id="v1", actor="e1", action="bought Harbour Mills", targets=["e2"],
              time=TimeExpr(text="on Monday", value="2021-05-03"), evidence=[_sentence(text, "Acme Corp. bought")]),
        Event(id="v2", actor="e1", action="will close the plant", targets=["e4"],
              time=TimeExpr(text="next year", value="2021"), evidence=[_sentence(text, "The company will")]),
        Event(id="v3", actor="e2", action="did not strike", evidence=[_sentence(text, "Unions did")]),
        Event(id="v4", actor="e1", action="plant next year", evidence=[_sentence(text, "The company will")]),
        Event(id="v5", actor="e1", action="said", evidence=[_sentence(text, "Acme said")]),  # out of scope
        Event(id="v6", action="unrelated words", evidence=[_sentence(text, "A sale")]),  # no trigger found
    ]  # fmt: skip


def test_trigger_from_the_action_words_in_the_evidence() -> None:
    text = cases()[ACME].text
    v1, v2, _, _, _, v6 = acme_events(text)
    assert trigger_of(v1, text).trigger == _interval(_span(text, "bought"))
    located = trigger_of(v2, text)  # "will" is skipped
    assert located.trigger == _interval(_span(text, "close")) and located.how == "word"
    assert trigger_of(v6, text).how == "none"
    adverbs = Event(id="v7", action="the two already quickly bought", evidence=v1.evidence)
    assert trigger_of(adverbs, text).trigger == _interval(_span(text, "bought"))


def test_the_parser_prefers_the_verb_and_the_lenient_variant_takes_every_action_word() -> None:
    case = cases()[ACME]
    text, classes = case.text, word_classes(case.text)
    passive = Event(id="v1", action="plant will close", evidence=[_sentence(text, "The company will")])
    assert trigger_of(passive, text).trigger == _interval(_span(text, "plant"))  # no parser: the first word
    located = trigger_of(passive, text, classes)
    assert located.trigger == _interval(_span(text, "close")) and located.how == "verb"
    both = Event(id="v2", action="sale may follow", evidence=[_sentence(text, "A sale")])
    case = case.model_copy(update={"prediction": prediction(case, [both])})
    m = point(meantime_metrics(), [score_meantime_case(case).counts])
    assert m["events.recall"] == pytest.approx(1 / 6)  # the trigger is "follow"
    assert m["events.words.recall"] == pytest.approx(2 / 6)  # "sale" and "follow"
    assert m["events.words.precision"] == m["events.precision"] == 1.0


def _interval(span: Span) -> tuple[int, int]:
    return span.start, span.end


def test_event_scores_on_a_known_case() -> None:
    case = cases()[ACME]
    case = case.model_copy(update={"prediction": prediction(case, acme_events(case.text))})
    score = score_meantime_case(case)
    m = point(meantime_metrics(), [score.counts])
    assert score.counts["events.pred"] == 5  # v5 is outside the scope
    assert m["events.precision"] == pytest.approx(3 / 5)  # v1, v2, v3; v4 is on no event, v6 is on nothing
    assert m["events.recall"] == pytest.approx(3 / 6)
    assert m["events.recall_args"] == pytest.approx(3 / 5)  # "follow" has no participant
    assert m["events.recall.zone.headline"] == 0.0 and m["events.recall.pos.noun"] == 0.0
    assert m["events.actor_acc"] == pytest.approx(2 / 3)  # v3's actor is Harbour Mills, not the unions
    assert m["events.target_acc"] == 1.0  # "the plant" through its own chain
    assert m["events.time_acc_anchored"] == pytest.approx(1 / 2)  # 2021 is not next year (2022)
    assert m["events.time_acc"] == pytest.approx(2 / 3)  # v3: no anchor, no time: right
    assert m["factuality.agreement"] == pytest.approx(1 / 3)  # no status field: everything reads happened
    assert score.counts["fact.planned.happened"] == 1 and score.counts["fact.negated.happened"] == 1
    alignment = score.alignments["trigger"]["events"]
    assert {(x.pred, x.gold) for x in alignment.matches} == {("v1", "21"), ("v2", "22"), ("v3", "23")}
    assert sorted(alignment.false_positives) == ["v4", "v6"]
    assert {(e.pred_id, e.field) for e in score.field_errors} == {("v2", "time"), ("v2", "status"),
                                                                   ("v3", "actor"), ("v3", "status")}  # fmt: skip


def test_entity_coreference_on_a_known_case() -> None:
    case = cases()[ACME]
    case = case.model_copy(update={"prediction": prediction(case, [])})
    m = point(meantime_metrics(), [score_meantime_case(case).counts])
    assert m["coref.found_rate"] == 1.0
    # Acme's chain is split over e1 (Acme, Acme Corp.) and e5 (The company); Harbour Mills' two names are e2.
    assert m["coref.unified_rate"] == pytest.approx(1 / 2) and m["coref.complete_rate"] == pytest.approx(1 / 2)
    # e4 stands for "the plant" and "the site", two referents; e1, e2, e3, e5 for one each.
    assert m["coref.joining_rate"] == pytest.approx(1 / 5)
    entities = prediction(case, []).entities[:4]
    entities[0] = entities[0].model_copy(update={"aliases": ["Acme", "the company"]})
    joined = case.prediction.model_copy(update={"entities": entities})  # type: ignore[union-attr]
    m = point(meantime_metrics(), [score_meantime_case(case.model_copy(update={"prediction": joined})).counts])
    assert m["coref.unified_rate"] == 1.0 and m["coref.complete_rate"] == 1.0
    assert m["coref.joining_rate"] == pytest.approx(1 / 4)


def test_coreference_reads_the_entities_mentions_and_only_linked_mentions_join() -> None:
    case = cases()[ACME]
    text = case.text
    pred = prediction(case, [])
    plant = _span(text, "the plant")
    located = [e.model_copy(update={"mentions": [plant] if e.id == "e4" else []}) for e in pred.entities]
    scored = case.model_copy(update={"prediction": pred.model_copy(update={"entities": located})})
    m = point(meantime_metrics(), [score_meantime_case(scored).counts])
    assert m["coref.joining_rate"] == 0.0 and m["coref.found_rate"] == 0.0  # e4 names "the plant" only
    unions = [*pred.entities[:3], Entity(id="e4", name="the plant", aliases=["Unions"])]  # "Unions": unlinked
    scored = case.model_copy(update={"prediction": pred.model_copy(update={"entities": unions})})
    assert point(meantime_metrics(), [score_meantime_case(scored).counts])["coref.joining_rate"] == 0.0


class FieldedEvent(Event):
    """An event as the schema will carry it once events have status and trigger (issue 18)."""

    status: str = "happened"
    trigger: Span | None = None


def test_status_and_trigger_fields_are_scored_when_events_have_them() -> None:
    case = cases()[ACME]
    text = case.text
    close = FieldedEvent(id="v1", action="shut down", status="planned", trigger=_span(text, "close"),
                         evidence=[_sentence(text, "The company will")])  # fmt: skip
    strike = FieldedEvent(id="v2", action="strike", status="happened", evidence=[_sentence(text, "Unions did")])
    case = case.model_copy(update={"prediction": prediction(case, [close, strike])})
    score = score_meantime_case(case)
    assert score.counts["events.located.field"] == 1 and score.counts["events.located.verb"] == 1
    assert score.counts["fact.planned.planned"] == 1 and score.counts["fact.negated.happened"] == 1
    m = point(meantime_metrics(), [score.counts])
    assert m["factuality.agreement.planned"] == 1.0 and m["factuality.agreement.negated"] == 0.0


def test_gold_summary_and_report_sections() -> None:
    case = cases()[ACME]
    gold = gold_summary(case)
    assert [e.id for e in gold.events] == ["20", "21", "22", "23", "24", "25"]
    assert gold.entity(gold.events[1].actor).name == "Acme"  # type: ignore[union-attr]
    assert [e.name for e in gold.entities] == ["Acme", "Harbour Mills"]


def test_meantime_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The real pipeline (fake backend, parse strategy: no model) on the sample; re-scoring gives the same."""
    out, html = tmp_path / "mt.json", tmp_path / "mt.html"
    home = ["--home", str(tmp_path / "home")]
    args = ["eval", "meantime", str(CORPUS), "--backend", "fake", "--strategy", "parse", "-o", str(out), *home]
    assert main([*args, "-f", "json", "--resamples", "0", "--html", str(html)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["kind"] == "meantime" and report["n_docs"] == 2 and report["n_errors"] == 0
    assert report["totals"]["events.gold"] == 7  # six in 9001's scope, "said" in 9002's
    assert report["totals"]["coref.chains"] == 2
    assert "Acme" in html.read_text(encoding="utf-8")
    assert main(["eval", "score", str(out), "-f", "md", "--resamples", "0"]) == 0
    text = capsys.readouterr().out
    assert "Events vs MEANTIME (sentences 0-5" in text and "Factuality: gold status" in text
    assert main(["eval", "compare", str(out), str(out), "-f", "json", "--resamples", "0"]) == 0  # no --metric
    assert json.loads(capsys.readouterr().out)["gate"]["metric"] == "events.f1"  # a MEANTIME run has no claims.f1
    assert main(["eval", "meantime", str(tmp_path / "none")]) == EvalError.exit_code
    assert "not a MEANTIME corpus directory" in capsys.readouterr().err


def test_report_renders_the_confusion_rows() -> None:
    from summarise.evals.run import EvalRun, SuiteInfo

    case = cases()[ACME]
    case = case.model_copy(update={"prediction": prediction(case, acme_events(case.text))})
    run = EvalRun(kind="meantime", created="2026-01-01T00:00:00Z", suite=SuiteInfo(name="t", path="."), settings={},
                  cases=[case])  # fmt: skip
    md = render_markdown(sections(build_report(run, resamples=0)))
    row = next(line for line in md.splitlines() if line.startswith("| planned |"))
    assert row.split("|")[2].strip() == "1"  # one gold planned event


def test_claims_count_as_events_of_saying_in_their_own_row() -> None:
    case = cases()[ACME]
    text = case.text
    said = Claim(id="c1", claimant="e1", cue="said", content="it was pleased",
                 evidence=[_sentence(text, "Acme said")], statement=_span(text, "it was pleased"))  # fmt: skip
    assert cue_trigger(said, text) == _interval(_span(text, "said", after="Acme said"))
    follows = Claim(id="c2", cue="may follow", content="a sale", evidence=[_sentence(text, "A sale")],
                    statement=_span(text, "A sale of the site"))  # fmt: skip
    pred = prediction(case, []).model_copy(update={"claims": [said, follows]})
    m = point(meantime_metrics(), [score_meantime_case(case.model_copy(update={"prediction": pred})).counts])
    assert m["events.recall"] == 0.0  # claims are not events
    assert m["events_claims.recall"] == pytest.approx(1 / 6)  # "follow"; "said" lies outside the scope
    assert m["events_claims.precision"] == 1.0


def test_a_name_that_only_modifies_a_longer_name_stands_for_nothing() -> None:
    text = "Ryanair bought Boeing 737s from Boeing. The Ford Taurus returns."
    product = Mention(id="1", tag="ENTITY_MENTION", start=text.index("Boeing 737s"), end=text.index(" from"))
    maker = Mention(id="2", tag="ENTITY_MENTION", start=text.index("Boeing."), end=text.index("Boeing.") + 6)
    car = Mention(id="3", tag="ENTITY_MENTION", start=text.index("The Ford"), end=text.index(" returns"))
    assert only_modifies((product.start, product.start + 6), product, text)  # "Boeing" in "Boeing 737s"
    assert not only_modifies((maker.start, maker.end), maker, text)
    assert only_modifies((text.index("Ford"), text.index("Ford") + 4), car, text)
    assert not only_modifies((text.index("Taurus"), text.index(" returns")), car, text)
    text = "The company's iPhone sold."
    phone = Mention(id="4", tag="ENTITY_MENTION", start=0, end=text.index(" sold"))
    assert only_modifies((0, len("The company")), phone, text)  # the owner, not the phone


def test_a_word_that_tells_the_event_again_is_a_mention_of_its_own() -> None:
    case = cases()[ACME]
    text = case.text
    bought = Event(id="v1", actor="e1", action="bought Harbour Mills", targets=["e2"],
                   evidence=[_sentence(text, "Acme Corp. bought")], trigger=_span(text, "bought"))  # fmt: skip
    told = bought.model_copy(update={"retold": [_span(text, "buys")]})
    for event, found in ((bought, 1), (told, 2)):
        scored = case.model_copy(update={"prediction": prediction(case, [event])})
        m = point(meantime_metrics(), [score_meantime_case(scored).counts])
        assert m["events.recall"] == pytest.approx(found / 6) and m["events.precision"] == 1.0
        assert m["events.recall.zone.headline"] == (found - 1)  # the headline's "buys"


def test_a_trigger_pairs_with_the_gold_mention_it_fills_not_a_longer_one_on_the_same_word() -> None:
    # a gold mention "signed. Rivals" (m_id 6, listed first) holds "signed" too, with no anchor of its own
    long = '<EVENT_MENTION m_id="6" pos="" pred="x"><token_anchor t_id="8"/><token_anchor t_id="10"/></EVENT_MENTION>'
    xml = _linked_doc(_tlink("2", "IS_INCLUDED", "5")).replace("<Markables>", f"<Markables>{long}")
    doc = parse_cat(xml)
    case = RunCase(id="d", article="d", text=doc.text, published=date(2020, 6, 1)).model_copy(update={"meantime": doc})
    signed = Event(id="v1", action="signed", trigger=_span(doc.text, "signed"), evidence=[_sentence(doc.text, "Acme")],
                   time=TimeExpr(text="Monday", value="2020-05-25"))  # fmt: skip
    score = score_meantime_case(case.model_copy(update={"prediction": prediction(case, [signed])}))
    assert score.counts["events.time_all.correct"] == score.counts["events.time_all.n"] == 1
