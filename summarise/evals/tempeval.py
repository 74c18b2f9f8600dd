"""TempEval-3 adapter: read TimeML (.tml) documents and score time expressions as TempEval-3 Task A does.

A document becomes the plain text the project sees: the TITLE (AQUAINT has one; TimeBank none), a blank line,
then what the TEXT element holds with its inline tags removed and its outer blank lines trimmed; the DCT's value
is the publication date. Gold is every TIMEX3 inside TEXT (the DCT itself is not scored), at code-point offsets
into that text. The title goes to the tagger (a summary reads it) but is not scored: TempEval-3 annotated only
TEXT, and its scorer (the task's ``evaluate_entities.py``) reads only what TEXT holds, so a time tagged in a title
is neither right nor wrong there.

Scoring (per corpus, counts pooled over documents, as the TempEval-3 scorer does):

- extraction, strict: a prediction counts when some gold expression has the same start and end;
- extraction, relaxed: when it overlaps a gold expression; predictions and gold are paired one-to-one (each
  gold to the first unpaired prediction that overlaps it), so two predictions inside one gold count once;
- value: a relaxed pair whose normalised values are equal; value P = such pairs / predictions, R = / gold;
- type: the share of relaxed pairs with the same TimeML type (DATE, TIME, DURATION, SET), and per gold type
  the recall and value accuracy; the worst misses are the gold expressions found least often, by their words.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EvalError

if TYPE_CHECKING:
    from ..config import Settings

DEFAULT_CORPUS = Path("..") / "shared" / "data" / "tempeval3-dev"
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    """A time expression: code-point offsets into the document's text, TimeML type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimeDoc:
    id: str
    text: str
    published: date | None
    gold: tuple[Timex, ...]
    body_start: int = 0
    """Where the TEXT element's content begins in ``text`` (after the title): what is scored."""


def default_corpus() -> Path | None:
    return DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else None


def _dct(root: ET.Element) -> date | None:
    timex = root.find("DCT/TIMEX3")
    raw = (timex.get("value") or "") if timex is not None else ""
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def flatten(
    element: ET.Element, parts: list[str], found: list[tuple[int, int, ET.Element]], at: int = 0, tag: str = "TIMEX3"
) -> int:
    """Append the element's text (tags removed) to ``parts``; record every ``tag`` element with its offsets."""
    if element.text:
        parts.append(element.text)
        at += len(element.text)
    for child in element:
        start = at
        at = flatten(child, parts, found, at, tag)
        if child.tag == tag:
            found.append((start, at, child))
        if child.tail:
            parts.append(child.tail)
            at += len(child.tail)
    return at


def read_tml(path: Path) -> TimeDoc:
    """One TimeML document as plain text (title, blank line, body), its DCT and its TEXT's TIMEX3s."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(f"cannot read TimeML {path}: {exc}") from None
    body = root.find("TEXT")
    if body is None:
        raise EvalError(f"{path}: no TEXT element")
    parts: list[str] = []
    found: list[tuple[int, int, ET.Element]] = []
    flatten(body, parts, found)
    raw = "".join(parts)
    lead = len(raw) - len(raw.lstrip())
    content = raw.strip()
    title = " ".join((root.findtext("TITLE") or "").split())
    head = f"{title}\n\n" if title else ""
    shift = len(head) - lead
    text = head + content
    gold = []
    for start, end, el in sorted(found, key=lambda f: (f[0], f[1])):
        s, e = start + shift, end + shift
        gold.append(Timex(s, e, text[s:e], el.get("type", ""), el.get("value", "")))
    return TimeDoc(id=path.stem, text=text, published=_dct(root), gold=tuple(gold), body_start=len(head))


def load_corpus(root: Path, *, limit: int | None = None) -> list[TimeDoc]:
    """Every .tml under ``root`` (sub-folders included), sorted by path."""
    if not root.is_dir():
        raise EvalError(f"not a directory: {root}", hint="pass a TempEval-3 folder, e.g. ../shared/data/tempeval3-dev")
    paths = sorted(root.rglob("*.tml"))[:limit]
    if not paths:
        raise EvalError(f"{root}: no .tml documents")
    return [read_tml(p) for p in paths]


@dataclass
class TypeScore:
    gold: int = 0
    found: int = 0
    value_ok: int = 0


@dataclass(frozen=True)
class Miss:
    """A gold expression as written (lower-cased) and how often it was missed or given a wrong value."""

    text: str
    type: str
    missed: int
    wrong_value: int
    example_gold: str
    example_predicted: str


@dataclass
class TempEvalReport:
    corpus: str
    engine: str
    documents: int
    gold: int
    predicted: int
    strict: dict[str, float]
    relaxed: dict[str, float]
    value: dict[str, float]
    type_accuracy: float
    by_type: dict[str, dict[str, float]]
    worst: list[Miss] = field(default_factory=list)
    seconds: float = 0.0

    def metrics(self) -> dict[str, float]:
        flat = {f"strict.{k}": v for k, v in self.strict.items()}
        flat |= {f"relaxed.{k}": v for k, v in self.relaxed.items()}
        flat |= {f"value.{k}": v for k, v in self.value.items()}
        flat["type.accuracy"] = self.type_accuracy
        return flat


def _prf(hits_p: int, n_pred: int, hits_r: int, n_gold: int) -> dict[str, float]:
    p = hits_p / n_pred if n_pred else 0.0
    r = hits_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _pairs(gold: Sequence[Timex], pred: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """Gold to prediction, one-to-one, by overlap; a same-offsets prediction is preferred."""
    used: set[int] = set()
    out = []
    for g in gold:
        overlapping = [i for i, p in enumerate(pred) if i not in used and p.start < g.end and g.start < p.end]
        if not overlapping:
            continue
        best = next((i for i in overlapping if (pred[i].start, pred[i].end) == (g.start, g.end)), overlapping[0])
        used.add(best)
        out.append((g, pred[best]))
    return out


def _scored(doc: TimeDoc, pred: Sequence[Timex]) -> list[Timex]:
    """The predictions in the annotated part (TEXT), as the task's scorer sees them: not the title's."""
    return [p for p in pred if p.start >= doc.body_start]


def score(
    docs: Sequence[TimeDoc], predictions: Sequence[Sequence[Timex]], *, corpus: str, engine: str, worst: int = 15
) -> TempEvalReport:
    predictions = [_scored(doc, pred) for doc, pred in zip(docs, predictions, strict=True)]
    n_gold = sum(len(d.gold) for d in docs)
    n_pred = sum(len(p) for p in predictions)
    strict = relaxed = value_ok = type_ok = 0
    by_type = {t: TypeScore() for t in TYPES}
    missed: Counter[tuple[str, str]] = Counter()
    wrong: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], tuple[str, str]] = {}
    for doc, pred in zip(docs, predictions, strict=True):
        exact = {(p.start, p.end) for p in pred}
        strict += sum((g.start, g.end) in exact for g in doc.gold)
        pairs = dict((id(g), p) for g, p in _pairs(doc.gold, pred))
        for g in doc.gold:
            kind = by_type.setdefault(g.type, TypeScore())
            kind.gold += 1
            key = (" ".join(g.text.lower().split()), g.type)
            p = pairs.get(id(g))
            if p is None:
                missed[key] += 1
                examples.setdefault(key, (g.value, ""))
                continue
            relaxed += 1
            kind.found += 1
            type_ok += p.type == g.type
            if p.value == g.value:
                value_ok += 1
                kind.value_ok += 1
            else:
                wrong[key] += 1
                examples.setdefault(key, (g.value, f"{p.text!r} {p.type} {p.value}"))
    worst_keys = sorted(set(missed) | set(wrong), key=lambda k: (-(missed[k] + wrong[k]), k))[:worst]
    return TempEvalReport(
        corpus=corpus,
        engine=engine,
        documents=len(docs),
        gold=n_gold,
        predicted=n_pred,
        strict=_prf(strict, n_pred, strict, n_gold),
        relaxed=_prf(relaxed, n_pred, relaxed, n_gold),
        value=_prf(value_ok, n_pred, value_ok, n_gold),
        type_accuracy=round(type_ok / relaxed, 4) if relaxed else 0.0,
        by_type={
            t: {
                "gold": s.gold,
                "recall": round(s.found / s.gold, 4) if s.gold else 0.0,
                "value_accuracy": round(s.value_ok / s.found, 4) if s.found else 0.0,
                "value_recall": round(s.value_ok / s.gold, 4) if s.gold else 0.0,
            }
            for t, s in by_type.items()
        },
        worst=[Miss(k[0], k[1], missed[k], wrong[k], *examples[k]) for k in worst_keys],
    )


Tagger = Callable[[TimeDoc], list[Timex]]


def run(docs: Iterable[TimeDoc], tagger: Tagger) -> list[list[Timex]]:
    return [tagger(d) for d in docs]


def render_markdown(report: TempEvalReport) -> str:
    lines = [
        f"# TempEval-3 Task A: {report.corpus} ({report.engine})",
        "",
        f"{report.documents} documents, {report.gold} gold TIMEX3, {report.predicted} predicted"
        + (f", {report.seconds:.2f} s tagging" if report.seconds else ""),
        "",
        "| measure | precision | recall | F1 |",
        "|---|---|---|---|",
    ]
    for name, prf in (("strict extraction", report.strict), ("relaxed extraction", report.relaxed)):
        lines.append(f"| {name} | {prf['precision']:.3f} | {prf['recall']:.3f} | {prf['f1']:.3f} |")
    v = report.value
    lines += [
        f"| value (relaxed + same value) | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} |",
        "",
        f"Type accuracy on relaxed matches: {report.type_accuracy:.3f}",
        "",
        "| gold type | gold | recall | value accuracy (of found) | value recall |",
        "|---|---|---|---|---|",
    ]
    for t, s in report.by_type.items():
        lines.append(
            f"| {t} | {s['gold']:.0f} | {s['recall']:.3f} | {s['value_accuracy']:.3f} | {s['value_recall']:.3f} |"
        )
    if report.worst:
        lines += ["", "Worst misses (gold words, missed + wrong value):", ""]
        lines += ["| gold words | type | missed | wrong value | gold value | predicted |", "|---|---|---|---|---|---|"]
        for m in report.worst:
            pred = m.example_predicted.replace("|", "\\|")
            lines.append(f"| {m.text} | {m.type} | {m.missed} | {m.wrong_value} | {m.example_gold} | {pred} |")
    return "\n".join(lines) + "\n"


def render_json(report: TempEvalReport) -> str:
    return json.dumps(asdict(report), indent=2, ensure_ascii=False) + "\n"


def tagger_alone(doc: TimeDoc) -> list[Timex]:
    """The time tagger by itself: what the pipeline puts in ``times``, without parsing or a model."""
    from ..timex import tag_times

    return [Timex(m.start, m.end, m.text, m.type, m.value) for m in tag_times(doc.text, doc.published)]


def pipeline_tagger(settings: Settings) -> Tagger:
    """The whole pipeline (e.g. ``--backend fake --strategy parse``), scored on its output's ``times``."""
    from ..pipeline import summarise

    def tag(doc: TimeDoc) -> list[Timex]:
        result = summarise(doc.text, id=doc.id, published=doc.published, settings=settings)
        return [Timex(m.start, m.end, m.text, m.type, m.value) for m in result.times]

    return tag
