"""Eval suites: a TOML file of cases (article text file + gold ArticleSummary JSON), loaded and checked."""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import EvalError
from ..schema import ArticleSummary, Claim, Event

SUITES_DIR = Path("evals") / "suites"
"""Where a bare suite name is looked up, relative to the working directory (then to the source checkout)."""

_GOLD_PROVENANCE = {
    "backend": "gold",
    "model": "human",
    "prompt_id": "gold",
    "prompt_version": "0",
    "prompt_sha256": "",
    "schema_sha256": "",
}


@dataclass(frozen=True)
class Case:
    id: str
    article: Path
    gold_path: Path
    text: str
    gold: ArticleSummary
    published: date | None = None


@dataclass(frozen=True)
class Suite:
    name: str
    description: str
    path: Path
    cases: tuple[Case, ...]
    warnings: tuple[str, ...] = field(default=())


def resolve_suite_path(ref: str | Path) -> Path:
    """A suite path as given, or ``evals/suites/<name>.toml`` for a bare name."""
    path = Path(ref)
    if path.is_file():
        return path
    if path.suffix != ".toml" and len(path.parts) == 1:
        for root in (Path.cwd(), Path(__file__).resolve().parents[2]):
            candidate = root / SUITES_DIR / f"{path.name}.toml"
            if candidate.is_file():
                return candidate
    raise EvalError(f"suite not found: {ref}", hint=f"give a .toml path or a name under {SUITES_DIR}/")


def read_article(path: Path) -> str:
    """Article text exactly as gold spans index it: UTF-8, newlines untranslated."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return fh.read()
    except FileNotFoundError:
        raise EvalError(f"article file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"cannot read article {path}: {exc}") from None


def load_gold(path: Path, text: str | None = None) -> tuple[ArticleSummary, list[str]]:
    """A gold ArticleSummary (provenance may be left out) and warnings; spans are checked against ``text``."""
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalError(f"gold file not found: {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: bad gold JSON: {exc}") from None
    if isinstance(raw, dict):
        raw.setdefault("provenance", _GOLD_PROVENANCE)
        raw.setdefault("summary", "")
    try:
        gold = ArticleSummary.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise EvalError(
            f"{path}: not an ArticleSummary: {where}: {first['msg']} ({exc.error_count()} error(s))"
        ) from None
    warnings: list[str] = []
    if text is not None:
        warnings = _check_gold(path, gold, text)
    return gold, warnings


def _check_gold(path: Path, gold: ArticleSummary, text: str) -> list[str]:
    warnings = []
    if gold.article.text_sha256 != hashlib.sha256(text.encode()).hexdigest():
        warnings.append(f"{path}: article.text_sha256 does not match the article file")
    ids = [e.id for e in gold.entities]
    items: list[Event | Claim] = [*gold.events, *gold.claims]
    for item in items:
        if not item.evidence:
            warnings.append(f"{path}: {item.id} has no evidence span")
        for span in item.evidence:
            if not span.start <= span.end <= len(text):
                raise EvalError(f"{path}: {item.id} span {span.start}:{span.end} is outside the article")
            if text[span.start : span.end] != span.text:
                raise EvalError(
                    f"{path}: {item.id} span {span.start}:{span.end} text {span.text[:40]!r} "
                    f"differs from the article's {text[span.start : span.end][:40]!r}"
                )
    refs = [c.claimant for c in gold.claims] + [v.actor for v in gold.events]
    refs += [t for v in gold.events for t in v.targets]
    for ref in refs:
        if ref is not None and ref not in ids:
            raise EvalError(f"{path}: entity id {ref!r} is referenced but not defined")
    return warnings


def load_suite(ref: str | Path) -> Suite:
    """Load and check a suite: every article and gold file must exist, parse and agree."""
    path = resolve_suite_path(ref)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"cannot read suite {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise EvalError(f"{path}: bad TOML: {exc}") from None
    raw_cases = data.get("cases")
    if not isinstance(raw_cases, list) or not raw_cases:
        raise EvalError(f"{path}: no [[cases]]")
    cases: list[Case] = []
    warnings: list[str] = []
    for n, raw in enumerate(raw_cases, 1):
        case, case_warnings = _load_case(path, n, raw)
        if any(c.id == case.id for c in cases):
            raise EvalError(f"{path}: duplicate case id {case.id!r}")
        cases.append(case)
        warnings.extend(case_warnings)
    name = data.get("name", path.stem)
    description = data.get("description", "")
    if not isinstance(name, str) or not isinstance(description, str):
        raise EvalError(f"{path}: name and description must be strings")
    return Suite(name=name, description=description, path=path, cases=tuple(cases), warnings=tuple(warnings))


def _load_case(suite_path: Path, n: int, raw: Any) -> tuple[Case, list[str]]:
    where = f"{suite_path}: case {n}"
    if not isinstance(raw, dict):
        raise EvalError(f"{where}: not a table")
    missing = [k for k in ("id", "article", "gold") if not isinstance(raw.get(k), str)]
    if missing:
        raise EvalError(f"{where}: missing or non-string {', '.join(missing)}")
    unknown = set(raw) - {"id", "article", "gold", "published"}
    if unknown:
        raise EvalError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    published = raw.get("published")
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published)
        except ValueError:
            raise EvalError(f"{where}: published must be YYYY-MM-DD, got {published!r}") from None
    if published is not None and not isinstance(published, date):
        raise EvalError(f"{where}: published must be a date")
    article = (suite_path.parent / raw["article"]).resolve()
    gold_path = (suite_path.parent / raw["gold"]).resolve()
    text = read_article(article)
    gold, warnings = load_gold(gold_path, text)
    case = Case(id=raw["id"], article=article, gold_path=gold_path, text=text, gold=gold, published=published)
    return case, warnings
