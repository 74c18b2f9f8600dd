"""The ECB+ eval on a small hand-written sample in ECB+ format (tests/data/ecbplus: invented sentences): the reader,
alignment of predictions to gold mentions, coreference on aligned mentions, the same-lemma baseline, topics."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarise.cli import main
from summarise.cli.eval import app as eval_app
from summarise.errors import EvalError
from summarise.evals.ecbplus import EcbDoc, load_corpus, read_sentences
from summarise.evals.ecbscore import (
    Grouping,
    align_corpus,
    gold_links_across_stories,
    head_lemmas,
    kind_record,
    lemma_clusters,
    response_clusters,
    topic_record,
)
from summarise.schema import ArticleMeta, ArticleSummary, Entity, Event, Provenance, Span

DATA = Path(__file__).parent / "data" / "ecbplus"


@pytest.fixture(scope="module")
def docs() -> dict[str, EcbDoc]:
    return {d.name: d for d in load_corpus(DATA)}


def test_only_listed_sentences_each_a_paragraph(docs: dict[str, EcbDoc]) -> None:
    assert list(docs) == ["1_1ecb", "1_1ecbplus", "1_2ecb", "2_1ecb"]  # 2_2ecb: no listed sentence
    assert docs["1_1ecb"].text == (
        "Actor Jon Brill enters rehab\n\nBrill checked into a clinic in Malibu on Friday, his agent said."
    )
    assert docs["1_1ecbplus"].text == "Singer Ana Lux entered rehab on Monday."  # the URL sentence is not listed
    assert (docs["1_1ecbplus"].topic, docs["1_1ecbplus"].subtopic) == ("1", "1ecbplus")


def test_gold_mentions_kinds_and_clusters(docs: dict[str, EcbDoc]) -> None:
    doc = docs["1_1ecb"]
    by_id = {m.id: m for m in doc.mentions}
    assert {m.text for m in doc.of_kind("event")} == {"enters", "checked into", "said"}
    assert {m.text for m in doc.of_kind("entity")} == {"Jon Brill", "Brill", "clinic", "agent"}  # no TIME_
    assert by_id["1_1ecb/10"].cluster == by_id["1_1ecb/12"].cluster == "ACT1"  # cross-document instance
    assert by_id["1_1ecb/16"].cluster == by_id["1_1ecb/17"].cluster == "1_1ecb/32"  # in-document chain
    assert by_id["1_1ecb/14"].cluster == "1_1ecb/14"  # no relation: alone
    assert "1_1ecb/18" not in by_id  # its sentence is not listed
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text
    assert docs["1_2ecb"].of_kind("event")[0].cluster == "ACT1"


def test_csv_with_stray_spaces_and_bad_rows(tmp_path: Path) -> None:
    assert read_sentences(DATA / "ECBplus_coreference_sentences.csv")["1_2ecb"] == {0, 1}
    bad = tmp_path / "s.csv"
    bad.write_text("Topic,File,Sentence Number\n1,1ecb,x\n", encoding="utf-8")
    with pytest.raises(EvalError, match="Topic,File,Sentence Number"):
        read_sentences(bad)


def test_topics_filter_and_missing_folder(tmp_path: Path) -> None:
    assert [d.name for d in load_corpus(DATA, topics=["2"])] == ["2_1ecb"]
    with pytest.raises(EvalError, match="not an ECB"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(EvalError, match=r"ECBplus_coreference_sentences\.csv"):
        load_corpus(tmp_path)


def _summary(
    doc: EcbDoc, events: list[tuple[str, str | None]], entities: list[tuple[str, list[str]]]
) -> ArticleSummary:
    """A summary of ``doc`` whose events have the given trigger words and whose entities the given mention words
    (each the first occurrence in the text)."""

    def span(word: str) -> Span:
        at = doc.text.index(word)
        return Span(start=at, end=at + len(word), text=word, status="exact")

    return ArticleSummary(
        article=ArticleMeta(id=doc.name, text_sha256=hashlib.sha256(doc.text.encode()).hexdigest()),
        summary="",
        events=[
            Event(id=f"v{n}", action=w or "x", trigger=span(w) if w else None) for n, (_, w) in enumerate(events, 1)
        ],
        entities=[Entity(id=eid, name=words[0], mentions=[span(w) for w in words]) for eid, words in entities],
        provenance=Provenance(
            backend="fake", model="m", prompt_id="p", prompt_version="1", prompt_sha256="", schema_sha256=""
        ),
    )


@pytest.fixture(scope="module")
def summaries(docs: dict[str, EcbDoc]) -> dict[str, ArticleSummary]:
    return {
        "1_1ecb": _summary(
            docs["1_1ecb"],
            [("v1", "enters"), ("v2", "checked"), ("v3", None), ("v4", "clinic")],
            [("e1", ["Jon Brill", "Brill checked"]), ("e2", ["Malibu"])],
        ),
        "1_2ecb": _summary(docs["1_2ecb"], [("v1", "goes"), ("v2", "entered")], [("e1", ["Brill", "actor"])]),
        "1_1ecbplus": _summary(docs["1_1ecbplus"], [("v1", "entered")], [("e1", ["Ana Lux"])]),
        "2_1ecb": _summary(docs["2_1ecb"], [("v1", "hit")], [("e1", ["storm"])]),
    }


def test_alignment_one_to_one_by_overlap(docs: dict[str, EcbDoc], summaries: dict[str, ArticleSummary]) -> None:
    events = align_corpus(list(docs.values()), summaries, "event")
    # gold events: 3 + 2 + 1 + 1; predicted: 4 + 2 + 1 + 1, of which v3 (no trigger) and v4 ("clinic") unaligned
    assert (events.gold, events.predicted, len(events.pairs)) == (7, 8, 6)
    assert {(p.item, g.text) for p, g in events.pairs if p.item[0] == "1_1ecb"} == {
        (("1_1ecb", "v1"), "enters"),
        (("1_1ecb", "v2"), "checked into"),
    }
    entities = align_corpus(list(docs.values()), summaries, "entity")
    # "Brill checked" overlaps gold "Brill"; "Malibu" is no gold mention here
    assert (entities.gold, entities.predicted, len(entities.pairs)) == (10, 7, 6)


def test_a_retold_span_is_a_mention_of_its_event(docs: dict[str, EcbDoc]) -> None:
    doc = docs["1_1ecb"]
    summary = _summary(doc, [("v1", "checked")], [])
    at = doc.text.index("enters")
    retold = Span(start=at, end=at + len("enters"), text="enters", status="exact")
    summary.events[0].retold.append(retold)  # the headline tells the check-in again
    events = align_corpus([doc], {doc.name: summary}, "event")
    assert events.predicted == 2
    assert sorted((p.item, g.text) for p, g in events.pairs) == [
        (("1_1ecb", "v1"), "checked into"),
        (("1_1ecb", "v1"), "enters"),
    ]


def test_coreference_on_aligned_mentions(docs: dict[str, EcbDoc], summaries: dict[str, ArticleSummary]) -> None:
    events = align_corpus(list(docs.values()), summaries, "event")
    stories = [["1_1ecb", "1_2ecb", "1_1ecbplus"], ["2_1ecb"]]
    # the four ACT1 mentions merged, the ecbplus rehab apart: perfect
    right = [[("1_1ecb", "v1"), ("1_1ecb", "v2"), ("1_2ecb", "v1"), ("1_2ecb", "v2")]]
    record = kind_record(events, right, stories, heads={})
    assert record["system"]["conll_f1"] == 1.0  # type: ignore[index]
    # nothing merged: every mention alone (MUC 0; B³ recall 6/(4*... ) )
    alone = kind_record(events, [], stories, heads={})["system"]
    assert alone["muc"]["f1"] == 0.0  # type: ignore[index]
    assert alone["b_cubed"]["recall"] == pytest.approx((4 * 1 / 4 + 1 + 1) / 6, abs=1e-4)  # type: ignore[index]
    assert response_clusters(events.pairs, right)[0] == ["1_1ecb/10", "1_1ecb/12", "1_2ecb/5", "1_2ecb/8"]


def test_same_lemma_baseline_within_predicted_stories(
    docs: dict[str, EcbDoc], summaries: dict[str, ArticleSummary]
) -> None:
    events = align_corpus(list(docs.values()), summaries, "event")
    heads = {
        "1_1ecb/10": "enter",
        "1_1ecb/12": "check",
        "1_2ecb/5": "go",
        "1_2ecb/8": "enter",
        "1_1ecbplus/3": "enter",
        "2_1ecb/1": "hit",
    }
    one_story = [["1_1ecb", "1_2ecb", "1_1ecbplus", "2_1ecb"]]
    groups = sorted(sorted(c) for c in lemma_clusters(events.pairs, one_story, heads))
    assert ["1_1ecb/10", "1_1ecbplus/3", "1_2ecb/8"] in groups  # same lemma joins the two rehab events
    split = [["1_1ecb", "1_2ecb"], ["1_1ecbplus"], ["2_1ecb"]]
    groups = sorted(sorted(c) for c in lemma_clusters(events.pairs, split, heads))
    assert ["1_1ecb/10", "1_2ecb/8"] in groups and ["1_1ecbplus/3"] in groups
    # ACT1 has 4 aligned mentions: 6 links; stories {1_1ecb} {1_2ecb} keep 1 + 1 of them
    assert gold_links_across_stories(events.pairs, [["1_1ecb"], ["1_2ecb"], ["1_1ecbplus", "2_1ecb"]]) == (
        pytest.approx(4 / 6)
    )


def test_topic_purity(docs: dict[str, EcbDoc]) -> None:
    record = topic_record(list(docs.values()), [["1_1ecb", "1_2ecb", "1_1ecbplus", "2_1ecb"]])
    assert record["topic"] == {"gold": 2, "purity": 0.75, "inverse_purity": 1.0, "f1": pytest.approx(0.8571, abs=1e-4)}
    record = topic_record(list(docs.values()), [["1_1ecb", "1_2ecb"]])  # the others alone
    assert record["stories"] == 3
    assert record["subtopic"]["purity"] == 1.0  # type: ignore[index]
    assert record["topic"]["inverse_purity"] == pytest.approx(3 / 4)  # type: ignore[index]


def test_grouping_is_plain_data() -> None:
    g = Grouping(stories=[["a"]], events=[], entities=[])
    assert g.stories == [["a"]]


def test_head_lemmas_from_the_parse(docs: dict[str, EcbDoc]) -> None:
    heads = head_lemmas(list(docs.values()))
    assert heads["1_1ecb/12"] == "check"  # "checked into": the verb heads the mention
    assert heads["1_2ecb/9"] == "actor"  # "The actor"
    assert heads["1_1ecbplus/3"] == "enter"


def test_eval_ecbplus_command_runs_the_pipeline_and_the_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARISE_HOME", str(tmp_path / "home"))
    out, saved = tmp_path / "report.json", tmp_path / "summaries.jsonl"
    args = ["ecbplus", str(DATA), "--backend", "fake", "--strategy", "parse", "--no-cache"]
    result = CliRunner().invoke(eval_app, [*args, "-o", str(out), "--save-summaries", str(saved)])
    assert result.exit_code == 0, result.output
    assert "same lemma in a story" in result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert (report["documents"], report["summarised"]) == (4, 4)
    assert report["events"]["mentions"]["gold"] == 7 and report["entities"]["mentions"]["gold"] == 10
    assert report["topics"]["topic"]["gold"] == 2 and report["topics"]["subtopic"]["gold"] == 3
    assert len(saved.read_text(encoding="utf-8").splitlines()) == 4
    # the saved summaries score the same without running the pipeline again
    again = CliRunner().invoke(eval_app, ["ecbplus", str(DATA), "--summaries", str(saved), "-f", "json"])
    assert again.exit_code == 0, again.output
    rescored = json.loads(again.output[again.output.index("{") :])
    for key in ("topics", "events", "entities"):
        assert rescored[key] == report[key]
    # before/after: the headline figures side by side
    side = CliRunner().invoke(eval_app, ["ecbplus", str(DATA), "--summaries", str(saved), "--compare", str(out)])
    assert side.exit_code == 0, side.output
    conll = report["events"]["system"]["conll_f1"]
    assert f"| events CoNLL F1 | {conll:.4g} | {conll:.4g} | +0.0000 |" in side.output


def test_eval_ecbplus_errors_are_one_line_and_exit_6(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "ecbplus", str(tmp_path / "missing")]) == 6
    assert "not an ECB+ corpus directory" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{}\n", encoding="utf-8")
    assert main(["eval", "ecbplus", str(DATA), "--summaries", str(bad)]) == 6
    assert main(["eval", "ecbplus", str(DATA), "--compare", str(bad)]) == 6
