"""``summarise eval ecbplus``: run the project on ECB+ documents, merge them into stories, score (``ecbscore``).

Every document goes through the pipeline (``many.summarise_many``, as batch runs go; ``--backend fake --strategy
parse`` runs the rules alone) with no title (``title=""``: an ECB+ headline sentence is gold-annotated body, not a
title for the layout to set aside) and no publication date (the corpus has none). The summaries of ALL
documents of all selected topics are then merged together into stories (``stories``: so that telling the topics
apart is measured too), and the report scores mentions, event and entity coreference and topics.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalError
from ..ingest import load_text
from ..many import Finished, summarise_many
from ..schema import ArticleSummary
from ..stories.schema import StoryCollection
from .ecbplus import EcbDoc
from .ecbscore import Grouping, align_corpus, head_lemmas, kind_record, topic_record

Merge = Callable[[Sequence[ArticleSummary]], Grouping]
"""Summaries -> the stories, events and entities they merge into."""


def grouping(collection: StoryCollection) -> Grouping:
    """What the eval reads of a story collection: each story's articles, each story event's article events and
    each story entity's article entities."""
    stories = collection.stories
    return Grouping(
        stories=[list(s.articles) for s in stories],
        events=[[(m.article, m.event) for m in e.mentions] for s in stories for e in s.events],
        entities=[[(m.article, m.entity) for m in e.mentions] for s in stories for e in s.entities],
    )


def story_merge(summaries: Sequence[ArticleSummary]) -> Grouping:
    """The story layer (``summarise.stories``) over all the summaries together."""
    from ..stories import story

    return grouping(story(summaries))


def summarise_docs(
    docs: Sequence[EcbDoc], settings: Settings, on_done: Callable[[str, bool], None] | None = None
) -> tuple[dict[str, ArticleSummary], dict[str, str]]:
    """Each document's summary by name, and the documents that failed (name -> error)."""
    inputs = [load_text(d.text, id=d.name, title="") for d in docs]
    summaries: dict[str, ArticleSummary] = {}
    failed: dict[str, str] = {}

    def done(finished: Finished) -> None:
        name = docs[finished.index].name
        if finished.summary is not None:
            summaries[name] = finished.summary
        else:
            failed[name] = f"{type(finished.error).__name__}: {finished.error}"
        if on_done is not None:
            on_done(name, finished.summary is not None)

    asyncio.run(summarise_many(inputs, settings, on_done=done, include_text=False))
    return summaries, failed


def read_summaries(path: Path) -> dict[str, ArticleSummary]:
    """Summaries saved as JSONL (one ArticleSummary a line), by article id."""
    out: dict[str, ArticleSummary] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"cannot read summaries {path}: {exc}") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            summary = ArticleSummary.model_validate_json(line)
        except ValueError as exc:
            raise EvalError(f"{path}:{n}: not an ArticleSummary: {str(exc).splitlines()[0]}") from None
        out[summary.article.id] = summary
    return out


def write_summaries(path: Path, summaries: dict[str, ArticleSummary]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for summary in summaries.values():
            fh.write(summary.model_dump_json() + "\n")


def evaluate(
    docs: Sequence[EcbDoc], summaries: dict[str, ArticleSummary], merge: Merge, *, corpus: str, engine: str
) -> dict[str, Any]:
    """The report: what the merge makes of the summaries, scored against the documents' gold."""
    started = time.perf_counter()
    grouping = merge([summaries[d.name] for d in docs if d.name in summaries])
    merged = time.perf_counter()
    heads = head_lemmas(docs)
    report: dict[str, Any] = {
        "corpus": corpus,
        "engine": engine,
        "documents": len(docs),
        "summarised": len(summaries),
        "topics": topic_record(docs, grouping.stories),
        "events": kind_record(align_corpus(docs, summaries, "event"), grouping.events, grouping.stories, heads),
        "entities": kind_record(align_corpus(docs, summaries, "entity"), grouping.entities, grouping.stories, heads),
    }
    report["seconds"] = {"merge": round(merged - started, 2), "scoring": round(time.perf_counter() - merged, 2)}
    return report


HEADLINE = (
    ("events CoNLL F1", ("events", "system", "conll_f1")),
    ("events same-lemma CoNLL F1", ("events", "lemma_baseline", "conll_f1")),
    ("entities CoNLL F1", ("entities", "system", "conll_f1")),
    ("entities same-lemma CoNLL F1", ("entities", "lemma_baseline", "conll_f1")),
    ("event mentions precision", ("events", "mentions", "precision")),
    ("event mentions recall", ("events", "mentions", "recall")),
    ("entity mentions precision", ("entities", "mentions", "precision")),
    ("entity mentions recall", ("entities", "mentions", "recall")),
    ("topic purity", ("topics", "topic", "purity")),
    ("topic inverse purity", ("topics", "topic", "inverse_purity")),
    ("sub-topic purity", ("topics", "subtopic", "purity")),
    ("sub-topic inverse purity", ("topics", "subtopic", "inverse_purity")),
    ("stories", ("topics", "stories")),
)
"""The figures ``compare`` puts side by side: (label, path into the report)."""


def _figure(report: dict[str, Any], path: tuple[str, ...]) -> float | None:
    node: Any = report
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return float(node) if isinstance(node, int | float) else None


def compare(base: dict[str, Any], new: dict[str, Any]) -> str:
    """A Markdown table of the headline figures of two reports and their differences (new - base)."""
    lines = ["| figure | base | new | change |", "|---|---|---|---|"]
    for label, path in HEADLINE:
        a, b = _figure(base, path), _figure(new, path)
        shown = [f"{v:.4g}" if v is not None else "–" for v in (a, b)]
        change = "–" if a is None or b is None else f"{b - a:+.0f}" if label == "stories" else f"{b - a:+.4f}"
        lines.append(f"| {label} | {shown[0]} | {shown[1]} | {change} |")
    return "\n".join(lines) + "\n"


def read_report(path: Path) -> dict[str, Any]:
    """A report written by ``summarise eval ecbplus -o``."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read ECB+ report {path}: {exc}") from None
    if not isinstance(raw, dict) or "events" not in raw or "topics" not in raw:
        raise EvalError(f"{path}: not an ECB+ report (written by summarise eval ecbplus -o)")
    return raw


def render_json(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def _coref_row(name: str, rec: dict[str, Any]) -> str:
    parts = [
        f"{rec[m]['recall']:.3f} / {rec[m]['precision']:.3f} / {rec[m]['f1']:.3f}" for m in ("muc", "b_cubed", "ceaf_e")
    ]
    return f"| {name} | {' | '.join(parts)} | **{rec['conll_f1']:.3f}** | {rec['predicted_clusters']} |"


def render_markdown(report: dict[str, Any]) -> str:
    lines = [
        f"# ECB+ cross-document coreference: {report['corpus']} ({report['engine']})",
        "",
        f"{report['documents']} documents ({report['summarised']} summarised), merged together into "
        f"{report['topics']['stories']} stories"
        + (f"; {report['seconds'].get('pipeline', 0):.1f} s pipeline" if "pipeline" in report["seconds"] else "")
        + f", {report['seconds']['merge']:.1f} s merge, {report['seconds']['scoring']:.1f} s scoring",
        "",
        "| mentions | gold | predicted | aligned | precision | recall |",
        "|---|---|---|---|---|---|",
    ]
    for kind in ("events", "entities"):
        m = report[kind]["mentions"]
        lines.append(
            f"| {kind} | {m['gold']} | {m['predicted']} | {m['aligned']} | {m['precision']:.3f} | {m['recall']:.3f} |"
        )
    for kind in ("events", "entities"):
        rec = report[kind]
        lines += [
            "",
            f"{kind.capitalize()} coreference on the {rec['system']['mentions']} aligned mentions "
            f"({rec['system']['gold_clusters']} gold clusters; gold links split across stories: "
            f"{rec['gold_links_across_stories']:.3f}), recall / precision / F1:",
            "",
            "| response | MUC | B³ | CEAF-e | CoNLL F1 | clusters |",
            "|---|---|---|---|---|---|",
            _coref_row("stories (system)", rec["system"]),
            _coref_row("same lemma in a story", rec["lemma_baseline"]),
        ]
    lines += ["", "| stories vs | gold | purity | inverse purity | F1 |", "|---|---|---|---|---|"]
    for level in ("topic", "subtopic"):
        t = report["topics"][level]
        lines.append(f"| {level}s | {t['gold']} | {t['purity']:.3f} | {t['inverse_purity']:.3f} | {t['f1']:.3f} |")
    return "\n".join(lines) + "\n"
