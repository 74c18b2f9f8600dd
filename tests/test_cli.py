"""The CLI as a user meets it: one-line errors and exit codes, formats, schema and models commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarise.cli import main
from summarise.schema import ArticleSummary, json_schema_text

SEED = str(Path(__file__).resolve().parent.parent / "seeds" / "000_ef4bc445b1a14fa2.txt")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_run_with_fake_backend_prints_a_valid_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "run", SEED, "--backend", "fake", "--published", "2023-09-06")
    assert code == 0, err
    summary = ArticleSummary.model_validate_json(out)
    assert summary.article.published is not None and summary.article.published.isoformat() == "2023-09-06"
    assert summary.provenance.backend == "fake"
    assert summary.article.text is not None and summary.article.text.startswith("Tokyo, Sep 6")


def test_markdown_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "run", SEED, "--backend", "fake", "--format", "md")
    assert code == 0
    assert out.startswith("# ") and "## Claims" in out and "## Events" in out


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["run", "no/such/file.txt", "--backend", "fake"], 2, "no/such/file.txt"),
        (["run", SEED, "--backend", "nope"], 2, "unknown backend 'nope'"),
        (["run", SEED, "--published", "last tuesday", "--backend", "fake"], 2, "bad date"),
        (["run", SEED, "--backend", "openai"], 2, "OPENAI_API_KEY"),
        (["run", SEED, "--strategy", "magic", "--backend", "fake"], 2, "unknown strategy"),
        (["run", SEED, "--no-such-flag"], 2, "No such option"),
        (["run", SEED, "--base-url", "http://127.0.0.1:9/v1"], 4, "cannot reach"),
        (["run", SEED, "--model", "/nowhere/model.gguf"], 3, "model file not found"),
        (["run", SEED, "--backend", "fake", "-o", "/nonexistent/dir/x.json"], 2, "/nonexistent/dir does not exist"),
        (["run", "--resume", "x", "--redo"], 2, "no run named 'x'"),
        (["run", SEED, "--redo", "--backend", "fake"], 2, "--redo goes with --resume"),
    ],
)
def test_user_mistakes_end_in_one_line_and_an_exit_code(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, message: str
) -> None:
    got, out, err = run(capsys, *argv)
    assert got == code, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("summarise: error:"), err
    assert message in lines[0]
    assert "Traceback" not in err and out == ""


def test_empty_article_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n ")
    code, _, err = run(capsys, "run", str(empty), "--backend", "fake")
    assert code == 2 and "empty" in err and str(empty) in err


def test_stdin_is_read_with_dash(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(Path(SEED).read_bytes()), encoding="utf-8"))
    code, out, err = run(capsys, "run", "-", "--backend", "fake")
    assert code == 0, err
    assert ArticleSummary.model_validate_json(out).article.source == "stdin"


def test_schema_command_prints_the_exported_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0 and out == json_schema_text()
    assert json.loads(out)["title"] == "ArticleSummary"


def test_models_command_lists_backends_and_models(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "240")
    code, out, _ = run(capsys, "models")
    assert code == 0
    for word in ("local", "openai", "fake", "qwen2.5-coder-1.5b-instruct", "smollm2-135m-instruct"):
        assert word in out
    assert "English parser (hybrid and parse strategies):" in out and "(verified)" in out


def test_run_writes_the_review_page_with_html(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    code, out, err = run(capsys, "run", SEED, "--backend", "fake", "--html", str(page))
    assert code == 0, err
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Kremlin on Tuesday refused to comment" in html
    ArticleSummary.model_validate_json(out)  # the JSON still goes to stdout


def test_view_turns_a_result_into_a_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = tmp_path / "r.json"
    code, _, _ = run(capsys, "run", SEED, "--backend", "fake", "-o", str(result))
    assert code == 0
    code, _, err = run(capsys, "view", str(result))
    assert code == 0 and (tmp_path / "r.html").is_file(), err
    code, _, err = run(capsys, "view", str(tmp_path / "missing.json"))
    assert code == 2 and "file not found" in err


def test_an_api_key_alone_keeps_the_embedded_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-left-in-the-shell")
    code, out, _ = run(capsys, "models")
    assert code == 0 and "uses backend local" in out and "OPENAI_API_KEY is set but selects nothing" in out
    monkeypatch.setenv("SUMMARISE_MODEL", "gpt-4o-mini")
    code, out, _ = run(capsys, "models")
    assert code == 0 and "uses backend openai: model 'gpt-4o-mini' is not an embedded model" in out


def test_out_into_a_missing_folder_needs_mkdir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "new" / "deeper" / "x.json"
    code, _, err = run(capsys, "run", SEED, "--backend", "fake", "--strategy", "parse", "-o", str(out))
    assert code == 2 and "does not exist" in err and not out.parent.exists()
    code, _, err = run(capsys, "run", SEED, "--backend", "fake", "--strategy", "parse", "-o", str(out), "--mkdir")
    assert code == 0, err
    assert ArticleSummary.model_validate_json(out.read_text(encoding="utf-8")).provenance.backend == "fake"
