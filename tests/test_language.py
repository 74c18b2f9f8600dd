"""An article not in English runs with a warning (provenance, stderr, Markdown), or fails under --strict."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarise.cli import main
from summarise.errors import InputError
from summarise.ingest.language import detect_language, not_english

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_ef4bc445b1a14fa2.txt"
FRENCH = (
    "Lyon, 4 mars (Agence).- Le conseil municipal a approuvé lundi une nouvelle ligne de tramway, a déclaré la "
    "maire Anne Roux. Les travaux commenceront au printemps prochain et coûteront 300 millions d'euros, selon la "
    "mairie. Les commerçants du centre-ville craignent des rues fermées pendant des mois.\n"
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (FRENCH, "fr"),
        ("Die Bundesregierung hat am Dienstag neue Steuern für große Unternehmen angekündigt.", "de"),
        ("El gobierno anunció el martes un aumento de impuestos para las grandes empresas.", "es"),
        (SEED.read_text(encoding="utf-8"), "en"),
    ],
)
def test_detects_the_language_offline(text: str, code: str) -> None:
    found = detect_language(text)
    assert found is not None and found.code == code
    assert (not_english(text) is None) == (code == "en")


def test_too_little_text_gives_no_verdict() -> None:
    assert detect_language("Oui.") is None


def test_a_french_article_runs_with_a_warning_everywhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH, encoding="utf-8")
    argv = ["run", str(path), "--backend", "fake", "--strategy", "parse"]
    assert main([*argv, "--format", "md"]) == 0
    out, err = capsys.readouterr()
    assert "reads as French (fr" in err and "English only" in err
    assert "reads as French" in out  # the Markdown's warnings
    assert main([*argv, "--strict"]) == InputError.exit_code
    out, err = capsys.readouterr()
    assert out == "" and "reads as French" in err and "drop --strict" in err


def test_an_english_article_has_no_language_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(SEED), "--backend", "fake", "--strategy", "parse", "--strict"]) == 0
    out, err = capsys.readouterr()
    assert "language:" not in out and "reads as" not in err
