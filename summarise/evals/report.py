"""Score a run into a Report (metrics with bootstrap intervals, per-document detail) and render it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from rich.console import Console
from rich.table import Table

from . import align, meantime, polnear
from .meantime import HOWS, POS_KINDS, STATUSES, ZONES, meantime_metrics, score_meantime_case
from .metrics import CONFIDENCE, RESAMPLES, SEED, MetricDef, bootstrap, point
from .polnear import PREFIXES, polnear_metrics, score_polnear_case
from .results import DocScore
from .run import EvalRun, RunKind
from .score import FIELDS, GRADED_FIELDS, score_case, suite_metrics

PRIMARY_MODE: dict[RunKind, str] = {"suite": "strict", "polnear": polnear.MODE, "meantime": meantime.MODE}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MetricValue(_Model):
    value: float | None
    lo: float | None = None
    hi: float | None = None
    higher_is_better: bool = True
    description: str = ""


class Report(_Model):
    kind: RunKind
    suite: str
    created: datetime = Field(description="When the run was made.")
    settings: dict[str, Any]
    primary_mode: str
    n_docs: int
    n_errors: int
    errors: dict[str, int] = Field(description="Failed cases by error type.")
    metrics: dict[str, MetricValue]
    totals: dict[str, float] = Field(description="Counts summed over documents.")
    docs: list[DocScore]
    config: dict[str, Any] = Field(description="Thresholds, weights and bootstrap parameters used.")


def metric_defs(kind: RunKind) -> list[MetricDef]:
    return {"suite": suite_metrics, "polnear": polnear_metrics, "meantime": meantime_metrics}[kind]()


def score_docs(run: EvalRun) -> list[DocScore]:
    scorer = {"suite": score_case, "polnear": score_polnear_case, "meantime": score_meantime_case}[run.kind]
    return [scorer(case) for case in run.cases]


def scoring_config(resamples: int, seed: int, confidence: float) -> dict[str, Any]:
    return {
        "bootstrap": {"resamples": resamples, "seed": seed, "confidence": confidence},
        "suite": {
            "thresholds": align.THRESHOLDS,
            "span_weight": align.SPAN_WEIGHT,
            "text_weight": align.TEXT_WEIGHT,
            "name_match": align.NAME_MATCH,
        },
        "polnear": {"min_overlap": polnear.MIN_OVERLAP, "claimant_match": polnear.CLAIMANT_MATCH},
        "meantime": {"scope_last_sentence": meantime.SCOPE_LAST_SENTENCE, "anchors": sorted(meantime.ANCHORS)},
    }


def build_report(
    run: EvalRun, *, resamples: int = RESAMPLES, seed: int = SEED, confidence: float = CONFIDENCE
) -> Report:
    """Score every case of ``run`` (no model is called) and summarise with bootstrap intervals."""
    docs = score_docs(run)
    defs = metric_defs(run.kind)
    counts = [d.counts for d in docs]
    values = point(defs, counts)
    intervals = bootstrap(defs, counts, resamples=resamples, seed=seed, confidence=confidence)
    metrics = {
        d.name: MetricValue(
            value=values[d.name],
            lo=intervals[d.name][0],
            hi=intervals[d.name][1],
            higher_is_better=d.higher_is_better,
            description=d.description,
        )
        for d in defs
    }
    for doc in docs:
        doc.metrics = {k: v for k, v in point(defs, [doc.counts]).items() if v is not None}
    totals: Counter[str] = Counter()
    for c in counts:
        totals.update(c)
    errors = Counter(d.error.type for d in docs if d.error)
    keep = ("backend", "model", "base_url", "strategy", "strict", "temperature", "seed")
    return Report(
        kind=run.kind,
        suite=run.suite.name,
        created=run.created,
        settings={k: run.settings.get(k) for k in keep},
        primary_mode=PRIMARY_MODE[run.kind],
        n_docs=len(docs),
        n_errors=sum(errors.values()),
        errors=dict(errors),
        metrics=metrics,
        totals={k: round(v, 6) for k, v in sorted(totals.items())},
        docs=docs,
        config=scoring_config(resamples, seed, confidence),
    )


# ------------------------------------------------------------------------------------------------- rendering


@dataclass
class Section:
    """A titled table, rendered as a rich Table or a Markdown table."""

    title: str
    columns: list[str]
    rows: list[list[str]]
    caption: str | None = None


def fmt(value: float | None, digits: int = 3) -> str:
    """A number for a table: thousands grouped, fewer decimals as values grow."""
    if value is None:
        return "–"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.{digits}f}"


def _bound(value: float) -> str:
    text = fmt(value, 2)
    return text[1:] if text.startswith("0.") else text


def cell(metric: MetricValue | None, *, inline: bool = False) -> str:
    """The value, and (on a second line unless ``inline``) the interval without leading zeros."""
    if metric is None or metric.value is None:
        return "–"
    if metric.lo is None or metric.hi is None:
        return fmt(metric.value)
    interval = f"{_bound(metric.lo)}–{_bound(metric.hi)}"
    return f"{fmt(metric.value)} [{interval}]" if inline else f"{fmt(metric.value)}\n{interval}"


def _doc_status(doc: DocScore) -> str:
    return doc.error.type if doc.error else "ok"


def _item_sections(report: Report) -> list[Section]:
    m = report.metrics
    keys = ("precision", "recall", "f1", "lenient.f1", "doc_f1")
    rows = [[t, *(cell(m.get(f"{t}.{k}")) for k in keys)] for t in align.ITEM_TYPES]
    columns = ["type", "P", "R", "F1", "F1 lenient", "doc F1"]
    field_rows = []
    for t in align.ITEM_TYPES:
        for name in FIELDS[t]:
            metric = f"{t}.{name}_{'f1' if name in GRADED_FIELDS else 'acc'}"
            field_rows.append([metric, cell(m.get(metric), inline=True), fmt(report.totals.get(f"{t}.{name}.n"), 0)])
    return [
        Section("Items (strict match; 95% CI)", columns, rows),
        Section("Fields on strict matches", ["field", "score", "pairs"], field_rows),
    ]


def _polnear_sections(report: Report) -> list[Section]:
    keys = ("precision", "recall", "f1", "claimant_acc", "cue_acc", "content_f1")
    m = report.metrics
    rows = [[p, *(cell(m.get(f"{p}.{k}")) for k in keys)] for p in PREFIXES]
    columns = ["scope", "P", "R", "F1", "claimant", "cue", "content"]
    caption = "; ".join(f"{p}: {what}" for p, what in PREFIXES.items())
    return [Section("Claims vs PolNeAR (95% CI)", columns, rows, caption)]


def count(value: float | None) -> str:
    """A count for a table, as an integer."""
    return "–" if value is None else f"{value:,.0f}"


def _meantime_events(report: Report) -> list[Section]:
    m, totals = report.metrics, report.totals
    scope = f"sentences 0-{meantime.SCOPE_LAST_SENTENCE}: headline, date line, first four body sentences"
    keys = ("precision", "recall", "f1", "recall_args", "actor_acc", "target_acc", "time_acc")
    columns = ["scope", "P", "R", "F1", "R args", "actor", "target", "time"]
    words = ("precision", "recall", "f1", "recall_args")
    rows = [
        ["events", *(cell(m.get(f"events.{k}")) for k in keys)],
        ["action words", *(cell(m.get(f"events.words.{k}")) for k in words), "–", "–", "–"],
        ["events + claims", *(cell(m.get(f"events_claims.{k}")) for k in words), "–", "–", "–"],
    ]
    given = [
        [name, *(cell(m.get(f"events.{name}_{k}"), inline=True) for k in ("acc_given", "given_rate")),
         count(totals.get(f"events.{name}.n"))]
        for name in ("actor", "target", "time")
    ]  # fmt: skip
    given.append(["time (anchored gold only)", cell(m.get("events.time_acc_anchored"), inline=True), "–",
                  count(totals.get("events.time.n"))])  # fmt: skip
    located = " ".join(f"{h}={int(totals.get(f'events.located.{h}', 0))}" for h in HOWS)
    return [
        Section(f"Events vs MEANTIME ({scope}; 95% CI)", columns, rows, f"predicted triggers located: {located}"),
        Section("Event fields where the prediction gives one", ["field", "accuracy", "given", "pairs"], given),
    ]


def _meantime_statuses(report: Report) -> list[Section]:
    m, totals = report.metrics, report.totals
    statuses = [s for s in STATUSES if totals.get(f"events.gold.status.{s}")]
    confusion = [
        [g, count(totals.get(f"events.gold.status.{g}")), cell(m.get(f"events.recall.status.{g}"), inline=True),
         *(count(totals.get(f"fact.{g}.{p}", 0.0)) for p in STATUSES),
         cell(m.get(f"factuality.agreement.{g}"), inline=True)]
        for g in statuses
    ]  # fmt: skip
    confusion.append(["all", count(totals.get("events.gold")), cell(m.get("events.recall"), inline=True),
                      *(count(sum(totals.get(f"fact.{g}.{p}", 0.0) for g in STATUSES)) for p in STATUSES),
                      cell(m.get("factuality.agreement"), inline=True)])  # fmt: skip
    kinds = [*(f"pos.{p}" for p in POS_KINDS), *(f"zone.{z}" for z in ZONES), "args"]
    recall = [
        [k, count(totals.get(f"events.gold.{k}")), count(totals.get(f"events.gold_matched.{k}")),
         cell(m.get(f"events.recall.{k}" if k != "args" else "events.recall_args"), inline=True)]
        for k in kinds
    ]  # fmt: skip
    title = "Factuality: gold status (rows) x predicted status on matched pairs"
    return [
        Section(title, ["gold", "n", "recall", *STATUSES, "agreement"], confusion),
        Section("Recall by kind of gold event", ["kind", "gold", "found", "recall"], recall),
    ]


def _meantime_coref(report: Report) -> Section:
    m, totals = report.metrics, report.totals
    rows = [
        [measure, cell(m.get(f"coref.{name}"), inline=True), count(totals.get(f"coref.{of}"))]
        for measure, name, of in (
            ("named chains found", "found_rate", "chains"),
            ("found chains unified (one entity)", "unified_rate", "found"),
            ("chains complete (every mention)", "complete_rate", "chains"),
            ("entities joining two referents", "joining_rate", "pred_entities"),
        )
    ]
    return Section("Entity coreference (named gold chains, 2+ non-pronoun mentions)", ["measure", "value", "of"], rows)


def _meantime_sections(report: Report) -> list[Section]:
    return [*_meantime_events(report), *_meantime_statuses(report), _meantime_coref(report)]


def _ops_section(report: Report) -> Section:
    totals = report.totals
    rows = [
        [k, cell(v, inline=True)] for k, v in report.metrics.items() if k.startswith(("ops.", "grounding.", "summary."))
    ]
    rows.append(["errors", ", ".join(f"{k}: {v}" for k, v in sorted(report.errors.items())) or "none"])
    for key in ("ops.prompt_tokens", "ops.completion_tokens", "ops.retries", "ops.latency_s", "ops.wall_s"):
        rows.append([f"total {key.removeprefix('ops.')}", fmt(totals.get(key, 0.0), 1)])
    statuses = ("exact", "fuzzy", "unverified", "quotes_verified", "quotes_unverified", "dropped")
    counts = " ".join(f"{g}={int(totals.get(f'grounding.{g}', 0))}" for g in statuses)
    rows.append(["grounding counts", counts])
    return Section("Operations (mean per article; 95% CI)", ["metric", "value"], rows)


def sections(report: Report, *, max_docs: int | None = None) -> list[Section]:
    """The report as tables: items and fields (or PolNeAR scopes), operations, documents."""
    if report.kind == "suite":
        out = _item_sections(report)
        doc_cols = {f"{t}.f1": f"{t} F1" for t in align.ITEM_TYPES}
    elif report.kind == "meantime":
        out = _meantime_sections(report)
        doc_cols = {"events.precision": "P", "events.recall": "R", "events.recall_args": "R args"}
    else:
        out = _polnear_sections(report)
        doc_cols = {"claims.precision": "P", "claims.recall": "R", "claims.f1": "F1"}
    out.append(_ops_section(report))
    docs = report.docs if max_docs is None else report.docs[:max_docs]
    status = report.n_errors > 0
    doc_rows = [
        [
            d.id,
            *([_doc_status(d)] if status else []),
            *(fmt(d.metrics.get(k)) for k in doc_cols),
            fmt(d.counts.get("ops.latency_s"), 1),
            fmt(d.counts.get("ops.prompt_tokens", 0) + d.counts.get("ops.completion_tokens", 0), 0),
        ]
        for d in docs
    ]
    columns = ["id", *(["status"] if status else []), *doc_cols.values(), "secs", "tokens"]
    out.append(Section("Documents", columns, doc_rows))
    return out


def header(report: Report) -> str:
    s = report.settings
    what = " ".join(f"{k}={s[k]}" for k in ("backend", "model", "strategy") if s.get(k))
    return f"{report.kind} eval of {report.suite!r}: {report.n_docs} docs, {report.n_errors} errors {what}"


def render_table(items: Sequence[Section], console: Console, title: str | None = None) -> None:
    if title:
        console.print(title, style="bold")
    for section in items:
        table = Table(title=section.title, title_justify="left", caption=section.caption, caption_justify="left")
        first_width = min(26, max(len(r[0]) for r in [section.columns, *section.rows]))
        for i, column in enumerate(section.columns):
            first = i == 0
            justify: Literal["left", "right"] = "left" if first else "right"
            table.add_column(column, justify=justify, overflow="fold", min_width=first_width if first else None)
        if not section.rows:
            console.print(f"{section.title}: none")
            continue
        for row in section.rows:
            table.add_row(*row)
        console.print(table)


def _md_escape(text: str) -> str:
    head, _, interval = text.partition("\n")
    text = f"{head} [{interval}]" if interval else head
    return text.replace("|", "\\|")


def render_markdown(items: Sequence[Section], title: str | None = None) -> str:
    lines = [f"### {title}", ""] if title else []
    for section in items:
        if not section.rows:
            lines += [f"**{section.title}**: none", ""]
            continue
        lines += [f"**{section.title}**", ""]
        lines.append("| " + " | ".join(section.columns) + " |")
        lines.append("|" + "|".join(["---"] + ["---:"] * (len(section.columns) - 1)) + "|")
        lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in section.rows]
        lines += ["", f"_{section.caption}_", ""] if section.caption else [""]
    return "\n".join(lines)


def render_json(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
