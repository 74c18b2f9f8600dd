"""``summarise story`` and ``summarise run --story``: inputs of every kind, formats, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarise.cli import main
from summarise.stories.schema import StoryCollection

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLES = [str(SEEDS / "000_ef4bc445b1a14fa2.txt"), str(SEEDS / "002_74635596341c1c7a.txt")]
DATES = ["--published", "000_ef4bc445b1a14fa2.txt=2023-09-06", "--published", "002_74635596341c1c7a.txt=2023-09-15"]
PARSE = ["--backend", "fake", "--strategy", "parse"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_story_of_the_seeds_in_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "story", *ARTICLES, *PARSE, *DATES, "--format", "md")
    assert code == 0, err
    assert out.startswith("# 1 story from 2 articles")
    assert "_possible (2023-09-06) → happened (2023-09-15)_" in out  # the meeting
    assert "_planned (2023-09-06) → happened (2023-09-15)_" in out  # the visit to Russia
    assert "**Kim Jong-un** (person, 2 articles)" in out
    assert "summarised 2/2" in err and "1 story from 2 articles" in err


def test_summaries_from_a_run_file_and_from_the_run_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    jsonl, story_md = tmp_path / "out.jsonl", tmp_path / "story.md"
    code, _, err = run(
        capsys, "run", *ARTICLES, *PARSE, "--published", "2023-09-10", "-f", "jsonl", "-o", str(jsonl),
        "--run", "seeds", "--story", str(story_md), "-q",
    )  # fmt: skip
    assert code == 0, err
    assert story_md.read_text(encoding="utf-8").startswith("# 1 story from 2 articles")
    code, out, err = run(capsys, "story", str(jsonl), "-q")
    assert code == 0, err
    from_file = StoryCollection.model_validate_json(out)
    code, out, err = run(capsys, "story", "--from-run", "seeds", "-q")
    assert code == 0, err
    assert StoryCollection.model_validate_json(out) == from_file
    assert [len(s.articles) for s in from_file.stories] == [2]


def test_story_page_and_json_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out, page = tmp_path / "stories.json", tmp_path / "stories.html"
    code, _, err = run(capsys, "story", *ARTICLES, *PARSE, "-o", str(out), "--html", str(page), "-q")
    assert code == 0, err
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == "1.1"
    assert page.read_text(encoding="utf-8").count('class="story-article"') == 2


def test_mistakes_are_one_line_and_an_exit_code(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"x": 1}', encoding="utf-8")
    for argv, message in (
        (["story"], "give at least one input"),
        (["story", str(bad)], "not an ArticleSummary"),
        (["story", str(tmp_path / "missing.jsonl")], "no such file"),
        (["story", *ARTICLES, "--published", "yesterday"], "--published"),
        (["story", *ARTICLES, "-o", str(tmp_path / "nowhere" / "x.json")], "does not exist"),
        (["story", "--from-run", "nothing-here"], "no run named"),
        (["story", *ARTICLES, *PARSE, "--similarity", "2"], "between 0 and 1"),
    ):
        code, _, err = run(capsys, *argv)
        assert code == 2, (argv, err)
        assert message in err and len(err.strip().splitlines()) == 1, err
