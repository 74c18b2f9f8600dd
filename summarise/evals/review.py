"""The hook to the HTML review page (``render.html.render_eval_html``): scored runs as page views."""

from __future__ import annotations

from pathlib import Path

from ..render.html import EvalDocView, render_eval_html
from ..schema import ArticleSummary
from . import meantime, polnear
from .report import Report, cell
from .run import EvalRun

PAGE_TYPES = ("events", "claims")
"""Item types shown on the page (the ones with evidence spans)."""


def doc_views(run: EvalRun, report: Report) -> list[EvalDocView]:
    scores = {d.id: d for d in report.docs}
    views = []
    for case in run.cases:
        doc = scores[case.id]
        gold: ArticleSummary | None = case.gold
        if run.kind != "suite":
            gold = (meantime if run.kind == "meantime" else polnear).gold_summary(case)
        if gold is None:
            continue
        alignments = doc.alignments.get(report.primary_mode, {})
        wrong: dict[tuple[str, str], list[str]] = {}
        for e in doc.field_errors:
            wrong.setdefault((e.gold_id, e.pred_id), []).append(e.field)
        view = EvalDocView(
            doc_id=case.id,
            text=case.text,
            gold=gold,
            predicted=case.prediction,
            error=f"{case.error.type}: {case.error.message}" if case.error else None,
        )
        for item_type in PAGE_TYPES:
            alignment = alignments.get(item_type)
            if alignment is None:
                continue
            view.matches += [(m.gold, m.pred, m.sim, wrong.get((m.gold, m.pred), [])) for m in alignment.matches]
            view.missed += alignment.missed
            view.false_positives += alignment.false_positives
        views.append(view)
    return views


def headline(report: Report) -> list[tuple[str, str]]:
    """The metrics shown at the top of the page."""
    wanted = ("precision", "recall", "f1", "claimant_acc", "content_f1", "schema_valid_rate")
    return [(name, cell(m)) for name, m in report.metrics.items() if name.rsplit(".", 1)[-1] in wanted]


def write_review_page(run: EvalRun, report: Report, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_eval_html(doc_views(run, report), headline(report)), encoding="utf-8")
