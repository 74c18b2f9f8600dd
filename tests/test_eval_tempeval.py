"""TempEval-3 adapter: reading TimeML into the project's text, Task A scoring, and the `eval tempeval` command,
on small documents written here (the corpus itself is never copied into tests)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarise.cli.eval import app as eval_app
from summarise.errors import EvalError
from summarise.evals.tempeval import Timex, load_corpus, read_tml, score, tagger_alone

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-09-06" functionInDocument="CREATION_TIME">20230906</TIMEX3></DCT>
<TITLE>Talks &amp; warnings</TITLE>
<TEXT>

The US <EVENT eid="e1" class="OCCURRENCE">warned</EVENT> Pyongyang late on <TIMEX3 tid="t1" type="DATE" \
value="2023-09-05">Tuesday</TIMEX3>. Talks lasted <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks\
</TIMEX3> and resume <TIMEX3 tid="t3" type="DATE" value="2023-09-08">Friday</TIMEX3>.

Prices rose <TIMEX3 tid="t4" type="SET" value="P1D">daily</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "tempeval" / "TimeBank"
    folder.mkdir(parents=True)
    (folder / "T1.tml").write_text(TML, encoding="utf-8")
    (folder / "T2.tml").write_text(TML.replace("<TITLE>Talks &amp; warnings</TITLE>", ""), encoding="utf-8")
    return tmp_path / "tempeval"


def test_read_tml_gives_title_blank_line_body_and_gold_offsets(corpus: Path) -> None:
    doc = read_tml(corpus / "TimeBank" / "T1.tml")
    assert doc.published == date(2023, 9, 6)
    assert doc.text.startswith("Talks & warnings\n\nThe US warned Pyongyang late on Tuesday.")
    assert doc.text.endswith("Prices rose daily.")
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("Tuesday", "DATE", "2023-09-05"),
        ("two weeks", "DURATION", "P2W"),
        ("Friday", "DATE", "2023-09-08"),
        ("daily", "SET", "P1D"),
    ]
    assert all(doc.text[g.start : g.end] == g.text for g in doc.gold)
    untitled = read_tml(corpus / "TimeBank" / "T2.tml")
    assert untitled.text.startswith("The US warned")
    assert all(untitled.text[g.start : g.end] == g.text for g in untitled.gold)


def test_scoring_strict_relaxed_value_and_type(corpus: Path) -> None:
    doc = read_tml(corpus / "TimeBank" / "T1.tml")
    tuesday, weeks, friday, _daily = doc.gold
    predicted = [
        Timex(tuesday.start - 8, tuesday.end, "late on Tuesday", "DATE", "2023-09-05"),  # relaxed, right value
        Timex(weeks.start, weeks.end, "two weeks", "DATE", "P3W"),  # strict, wrong value and type
        Timex(friday.start, friday.end, "Friday", "DATE", "2023-09-08"),  # strict, right
        Timex(prices := doc.text.index("Prices"), prices + 6, "Prices", "DATE", "PRESENT_REF"),  # false positive
        Timex(0, 5, "Talks", "DATE", "PRESENT_REF"),  # in the title, which TempEval-3 does not annotate: not scored
    ]
    report = score([doc], [predicted], corpus="t", engine="hand")
    assert report.predicted == 4
    assert report.strict == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert report.relaxed == {"precision": 0.75, "recall": 0.75, "f1": 0.75}
    assert report.value == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert report.type_accuracy == round(2 / 3, 4)
    assert report.by_type["SET"]["recall"] == 0.0
    assert report.by_type["DURATION"]["value_accuracy"] == 0.0
    assert {m.text for m in report.worst} == {"two weeks", "daily"}


def test_load_corpus_errors(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        load_corpus(tmp_path / "missing")
    with pytest.raises(EvalError):
        load_corpus(tmp_path)
    (tmp_path / "bad.tml").write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(EvalError):
        load_corpus(tmp_path)


def test_eval_tempeval_command_prints_the_report_and_writes_json(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = CliRunner().invoke(eval_app, ["tempeval", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "relaxed extraction" in result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    docs = load_corpus(corpus)
    expected = score(docs, [tagger_alone(d) for d in docs], corpus="tempeval", engine="tagger")
    assert report["value"] == expected.value
    assert report["documents"] == 2 and report["gold"] == 8


def test_pipeline_times_are_the_taggers(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parse strategy with the fake backend puts the tagger's expressions in `times`: same scores."""
    monkeypatch.setenv("SUMMARISE_HOME", str(tmp_path / "home"))
    alone = CliRunner().invoke(eval_app, ["tempeval", str(corpus), "-f", "json"])
    piped = CliRunner().invoke(
        eval_app, ["tempeval", str(corpus), "-f", "json", "--pipeline", "--backend", "fake", "--strategy", "parse"]
    )
    assert alone.exit_code == 0 and piped.exit_code == 0, piped.output
    a, p = json.loads(alone.output), json.loads(piped.output)
    assert a["engine"] == "tagger" and p["engine"].startswith("pipeline")
    for key in ("strict", "relaxed", "value", "type_accuracy", "by_type", "predicted"):
        assert a[key] == p[key]
