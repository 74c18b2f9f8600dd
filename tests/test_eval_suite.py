"""Suite files: loading, name resolution, and one clear EvalError per kind of mistake."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from summarise.errors import EvalError
from summarise.evals.suite import load_suite

ARTICLE = "Tokyo said on Wednesday it was watching.\r\nThe end.\n"


def gold_json(**overrides: Any) -> dict[str, Any]:
    start = ARTICLE.index("Tokyo said")
    sentence = "Tokyo said on Wednesday it was watching."
    data: dict[str, Any] = {
        "article": {"id": "a", "text_sha256": hashlib.sha256(ARTICLE.encode()).hexdigest()},
        "summary": "Tokyo is watching.",
        "entities": [{"id": "e1", "name": "Tokyo", "type": "location"}],
        "claims": [
            {
                "id": "c1",
                "claimant": "e1",
                "cue": "said",
                "content": "Tokyo is watching.",
                "evidence": [{"start": start, "end": start + len(sentence), "text": sentence}],
            }
        ],
    }
    data.update(overrides)
    return data


def write_suite(root: Path, gold: Any = None, extra: str = "") -> Path:
    (root / "a.txt").write_bytes(ARTICLE.encode())
    text = gold if isinstance(gold, str) else json.dumps(gold if gold is not None else gold_json())
    (root / "a.gold.json").write_text(text, encoding="utf-8")
    suite = root / "mini.toml"
    suite.write_text(
        'name = "mini"\ndescription = "one case"\n'
        '[[cases]]\nid = "a"\narticle = "a.txt"\ngold = "a.gold.json"\npublished = "2023-09-06"\n' + extra,
        encoding="utf-8",
    )
    return suite


def test_loads_cases_with_text_read_verbatim(tmp_path: Path) -> None:
    suite = load_suite(write_suite(tmp_path))
    [case] = suite.cases
    assert (suite.name, case.id, case.published) == ("mini", "a", date(2023, 9, 6))
    assert "\r\n" in case.text  # newline="" keeps the offsets the gold was labelled against
    assert case.gold.claims[0].claimant == "e1"
    assert suite.warnings == ()


def test_bare_name_resolves_under_evals_suites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "evals" / "suites"
    folder.mkdir(parents=True)
    write_suite(folder)
    monkeypatch.chdir(tmp_path)
    assert load_suite("mini").path == Path("evals/suites/mini.toml").resolve() or load_suite("mini").name == "mini"
    with pytest.raises(EvalError, match="suite not found: nope"):
        load_suite("nope")


@pytest.mark.parametrize(
    ("gold", "extra", "message"),
    [
        ("{not json", "", "bad gold JSON"),
        ({"article": {"id": "a"}}, "", "not an ArticleSummary: article.text_sha256"),
        (gold_json(entities=[]), "", "entity id 'e1' is referenced but not defined"),
        (None, '[[cases]]\nid = "a"\narticle = "a.txt"\ngold = "a.gold.json"\n', "duplicate case id 'a'"),
        (None, '[[cases]]\nid = "b"\narticle = "a.txt"\ngold = "missing.json"\n', "gold file not found"),
        (None, '[[cases]]\nid = "b"\narticle = "gone.txt"\ngold = "a.gold.json"\n', "article file not found"),
        (None, '[[cases]]\nid = "b"\narticle = "a.txt"\n', "case 2: missing or non-string gold"),
        (None, '[[cases]]\nid = "b"\narticle = "a.txt"\ngold = "a.gold.json"\nwho = 1\n', "unknown key"),
        (None, '[[cases]]\nid = "b"\narticle = "a.txt"\ngold = "a.gold.json"\npublished = "06/09"\n', "YYYY"),
    ],
)
def test_mistakes_are_one_line_eval_errors(tmp_path: Path, gold: Any, extra: str, message: str) -> None:
    with pytest.raises(EvalError, match=message) as info:
        load_suite(write_suite(tmp_path, gold, extra))
    assert "\n" not in str(info.value)


def test_bad_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("name = \n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"broken\.toml: bad TOML"):
        load_suite(path)


def test_span_that_disagrees_with_the_article_is_refused(tmp_path: Path) -> None:
    gold = gold_json()
    gold["claims"][0]["evidence"][0]["start"] += 1
    with pytest.raises(EvalError, match=r"c1 span .* differs from the article"):
        load_suite(write_suite(tmp_path, gold))
    gold["claims"][0]["evidence"][0]["end"] = 10_000
    with pytest.raises(EvalError, match="outside the article"):
        load_suite(write_suite(tmp_path, gold))


def test_stale_checksum_and_missing_evidence_are_warnings(tmp_path: Path) -> None:
    gold = gold_json()
    gold["article"]["text_sha256"] = "0" * 64
    gold["claims"][0]["evidence"] = []
    warnings = load_suite(write_suite(tmp_path, gold)).warnings
    assert any("text_sha256" in w for w in warnings)
    assert any("c1 has no evidence" in w for w in warnings)


def test_the_repository_seed_suite_loads() -> None:
    root = Path(__file__).resolve().parents[1]
    suite = load_suite(root / "evals" / "suites" / "seeds.toml")
    assert [c.id for c in suite.cases] == ["000", "002"]
    assert all(c.gold.claims for c in suite.cases)
