"""Fill the offsets of a hand-labelled gold file by exact search, and check it.

A labeller writes each evidence span with only its ``text`` (copied from the article, curly quotes and all):

    "evidence": [{"text":
        "Kremlin on Tuesday refused to comment on the possible meeting between the two leaders."}]

and runs

    python evals/tools/label_offsets.py seeds/000_ef4bc445b1a14fa2.gold.json          # fill in place
    python evals/tools/label_offsets.py GOLD --article seeds/x.txt -o OUT.json        # explicit paths
    python evals/tools/label_offsets.py GOLD --check                                   # verify, write nothing

Every span gets ``start``/``end`` (code-point offsets into the article read as UTF-8 with ``newline=""``) and
``status: "exact"``; ``article.text_sha256`` is set from the article. The tool fails loudly (exit 1, every
problem listed) when a span's text is not in the article, occurs more than once (add ``"nth": k``, 0-based,
to pick an occurrence; the key is removed on output), has surrounding whitespace, or disagrees with offsets
already present; when a claim's ``quote`` is not inside its evidence; when an event's ``time.text`` is not
inside its evidence; and when the result does not validate as ``ArticleSummary``. Aliases not found in the
article (case-insensitively) are reported as warnings.

The article is ``--article``, else ``article.text`` when not null, else ``article.source`` resolved against
the current directory and then against the repository root above the gold file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

SECTIONS = ("events", "claims")


class LabelError(Exception):
    """The gold file cannot be completed; ``problems`` lists why."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_article(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of needle in text."""
    found, at = [], text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _fold(s: str) -> str:
    return s.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))


def locate(text: str, span: dict[str, Any], where: str) -> list[str]:
    """Fill start/end/status of one span in place; return problems."""
    needle = span.get("text")
    if not isinstance(needle, str) or not needle:
        return [f"{where}: span has no text"]
    if needle != needle.strip():
        return [f"{where}: span text has surrounding whitespace: {needle!r}"]
    nth = span.pop("nth", None)
    if "start" in span or "end" in span:
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int)) or text[start:end] != needle:
            return [f"{where}: offsets [{start}:{end}] do not hold {needle[:60]!r}"]
        span["status"] = "exact"
        return []
    hits = occurrences(text, needle)
    if not hits:
        hint = ""
        if occurrences(_fold(text), _fold(needle)):
            hint = " (it does match once quotes/dashes are folded: copy the article's own characters)"
        return [f"{where}: not found in article: {needle[:80]!r}{hint}"]
    if nth is None and len(hits) > 1:
        return [f"{where}: ambiguous, {len(hits)} at {hits}: add 'nth' (0-based): {needle[:60]!r}"]
    k = 0 if nth is None else nth
    if not isinstance(k, int) or not 0 <= k < len(hits):
        return [f"{where}: nth={nth!r} out of range for {len(hits)} occurrence(s)"]
    span["start"], span["end"], span["status"] = hits[k], hits[k] + len(needle), "exact"
    return []


def fill(gold: dict[str, Any], text: str, check: bool = False) -> tuple[list[str], list[str]]:
    """Complete gold in place against the article text. Returns (problems, warnings).

    With check, nothing may be missing: a span without offsets or a stale text_sha256 is a problem.
    """
    problems: list[str] = []
    warnings: list[str] = []
    meta = gold.setdefault("article", {})
    if check and meta.get("text_sha256") != sha256_text(text):
        problems.append("article.text_sha256 does not match the article")
    meta["text_sha256"] = sha256_text(text)
    for section in SECTIONS:
        for i, item in enumerate(gold.get(section, [])):
            item_id = item.get("id", f"#{i}")
            spans = item.get("evidence", [])
            for j, span in enumerate(spans):
                where = f"{section}[{item_id}].evidence[{j}]"
                if check and not ("start" in span and "end" in span):
                    problems.append(f"{where}: no offsets (run without --check to fill them)")
                    continue
                problems += locate(text, span, where)
            joined = [s.get("text", "") for s in spans]
            quote = item.get("quote") if section == "claims" else None
            if quote is not None and not any(quote in s for s in joined):
                problems.append(f"claims[{item_id}]: quote not inside its evidence: {quote[:60]!r}")
            time = item.get("time") if section == "events" else None
            if time and not any(time.get("text", "") in s for s in joined):
                problems.append(f"events[{item_id}]: time.text not inside its evidence: {time.get('text')!r}")
    low = text.lower()
    for ent in gold.get("entities", []):
        for alias in ent.get("aliases", []):
            if alias.lower() not in low:
                warnings.append(f"entities[{ent.get('id')}]: alias not in article: {alias!r}")
    return problems, warnings


def validate(gold: dict[str, Any], repo: Path | None) -> list[str]:
    """Validate against summarise.schema.ArticleSummary when the package can be imported."""
    if repo is not None and str(repo) not in sys.path:
        sys.path.insert(0, str(repo))
    try:
        from summarise.schema import ArticleSummary
    except ImportError as exc:  # pragma: no cover - only outside the repo
        return [f"cannot import summarise.schema to validate: {exc}"]
    try:
        ArticleSummary.model_validate_json(json.dumps(gold))
    except ValueError as exc:
        return [f"schema: {exc}"]
    return []


def repo_root(start: Path) -> Path | None:
    for parent in [start, *start.parents]:
        if (parent / "pyproject.toml").exists() or (parent / ".git").exists():
            return parent
    return None


def article_text(gold: dict[str, Any], gold_path: Path, article: Path | None) -> str:
    if article is not None:
        return read_article(article)
    meta = gold.get("article", {})
    if meta.get("text") is not None:
        return str(meta["text"])
    source = meta.get("source")
    if not source:
        raise LabelError(["no --article, article.text is null and article.source is empty"])
    root = repo_root(gold_path.resolve().parent)
    for candidate in (Path(source), *(() if root is None else (root / source,))):
        if candidate.is_file():
            return read_article(candidate)
    raise LabelError([f"article.source not found: {source!r}"])


def label(
    gold_path: Path, article: Path | None = None, check: bool = False
) -> tuple[dict[str, Any], list[str]]:
    """Load, complete and check a gold file. Raises LabelError; returns (gold, warnings)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = article_text(gold, gold_path, article)
    problems, warnings = fill(gold, text, check)
    if not problems:
        problems = validate(gold, repo_root(gold_path.resolve().parent))
    if problems:
        raise LabelError(problems)
    return gold, warnings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path, help="gold JSON whose spans carry at least `text`")
    ap.add_argument("--article", type=Path, help="article text file (default: article.source)")
    ap.add_argument("-o", "--out", type=Path, help="write here instead of in place")
    ap.add_argument("--check", action="store_true", help="verify only; write nothing")
    args = ap.parse_args(argv)
    try:
        gold, warnings = label(args.gold, args.article, args.check)
    except LabelError as exc:
        for problem in exc.problems:
            print(f"{args.gold}: ERROR {problem}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"{args.gold}: warning {warning}", file=sys.stderr)
    if not args.check:
        out = args.out or args.gold
        out.write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
