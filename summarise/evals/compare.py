"""Compare two scored runs: metric deltas with a paired bootstrap over shared documents, per-example diffs,
and a gate that fails when a chosen metric worsens by more than a tolerance."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ..errors import EvalError
from .metrics import CONFIDENCE, RESAMPLES, SEED, paired_bootstrap, point
from .report import Report, Section, fmt, metric_defs
from .results import DocScore
from .run import EvalRun, RunKind


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MetricDelta(_Model):
    base: float | None
    new: float | None
    delta: float | None
    lo: float | None = Field(description="Lower bound of the paired-bootstrap interval of new - base.")
    hi: float | None
    p_worse: float | None = Field(description="Share of resamples in which new is strictly worse.")
    higher_is_better: bool


class ExampleDiff(_Model):
    id: str
    newly_missed: list[str] = Field(default_factory=list, description="Gold items base matched, new misses.")
    fixed: list[str] = Field(default_factory=list, description="Gold items base missed, new matches.")
    new_false_positives: list[str] = Field(default_factory=list)
    removed_false_positives: list[str] = Field(default_factory=list)
    new_field_errors: list[str] = Field(default_factory=list)
    fixed_field_errors: list[str] = Field(default_factory=list)
    base_error: str | None = None
    new_error: str | None = None

    @property
    def size(self) -> int:
        lists = (self.newly_missed, self.fixed, self.new_false_positives, self.removed_false_positives)
        changes = sum(len(x) for x in (*lists, self.new_field_errors, self.fixed_field_errors))
        return changes + int(self.base_error != self.new_error)


class Gate(_Model):
    metric: str
    max_drop: float
    worsening: float | None = Field(description="base - new (new - base for lower-is-better metrics).")
    passed: bool
    note: str = ""


class Comparison(_Model):
    kind: str
    base: str
    new: str
    shared: int
    only_base: list[str]
    only_new: list[str]
    deltas: dict[str, MetricDelta]
    examples: list[ExampleDiff]
    gate: Gate | None = None
    warnings: list[str] = Field(default_factory=list)


def _missed(doc: DocScore, mode: str) -> set[str]:
    return {f"{t}/{g}" for t, a in doc.alignments.get(mode, {}).items() for g in a.missed}


def _matched(doc: DocScore, mode: str) -> set[str]:
    return {f"{t}/{m.gold}" for t, a in doc.alignments.get(mode, {}).items() for m in a.matches}


def _false_positives(doc: DocScore, mode: str) -> set[str]:
    """False positives by description, since predicted ids differ between runs."""
    return {
        f"{t}: {doc.pred_labels.get(f'{t}/{p}', p)}"
        for t, a in doc.alignments.get(mode, {}).items()
        for p in a.false_positives
    }


def _field_errors(doc: DocScore) -> dict[str, str]:
    return {f"{e.item_type}/{e.gold_id} {e.field}": f"gold {e.gold!r}, predicted {e.pred!r}" for e in doc.field_errors}


def diff_doc(base: DocScore, new: DocScore, mode: str) -> ExampleDiff:
    def label(key: str) -> str:
        return f"{key}: {new.gold_labels.get(key) or base.gold_labels.get(key, '')}"

    base_fields, new_fields = _field_errors(base), _field_errors(new)
    base_fp, new_fp = _false_positives(base, mode), _false_positives(new, mode)
    return ExampleDiff(
        id=new.id,
        newly_missed=sorted(label(k) for k in _missed(new, mode) & _matched(base, mode)),
        fixed=sorted(label(k) for k in _missed(base, mode) & _matched(new, mode)),
        new_false_positives=sorted(new_fp - base_fp),
        removed_false_positives=sorted(base_fp - new_fp),
        new_field_errors=sorted(f"{k}: {v}" for k, v in new_fields.items() if base_fields.get(k) != v),
        fixed_field_errors=sorted(f"{k}: {v}" for k, v in base_fields.items() if k not in new_fields),
        base_error=f"{base.error.type}: {base.error.message}" if base.error else None,
        new_error=f"{new.error.type}: {new.error.message}" if new.error else None,
    )


GATE_METRIC: dict[RunKind, str] = {"suite": "claims.f1", "polnear": "claims.f1", "meantime": "events.f1"}
"""The metric ``summarise eval compare`` gates on when none is named: each kind's headline figure."""


def compare_reports(
    base: Report,
    new: Report,
    *,
    base_name: str = "base",
    new_name: str = "new",
    metric: str | None = None,
    max_drop: float = 0.0,
    resamples: int = RESAMPLES,
    seed: int = SEED,
    confidence: float = CONFIDENCE,
) -> Comparison:
    """Deltas over the documents both reports share; the gate checks ``metric`` when given."""
    if base.kind != new.kind:
        raise EvalError(f"cannot compare a {base.kind} run with a {new.kind} run")
    defs = metric_defs(new.kind)
    names = {d.name for d in defs}
    if metric is not None and metric not in names:
        close = sorted(n for n in names if n.split(".")[0] == metric.split(".")[0])[:8]
        raise EvalError(f"unknown metric {metric!r}", hint="e.g. " + ", ".join(close or sorted(names)[:8]))
    base_docs, new_docs = {d.id: d for d in base.docs}, {d.id: d for d in new.docs}
    shared = [i for i in new_docs if i in base_docs]
    b = [base_docs[i].counts for i in shared]
    n = [new_docs[i].counts for i in shared]
    before, after = point(defs, b), point(defs, n)
    paired = paired_bootstrap(defs, b, n, resamples=resamples, seed=seed, confidence=confidence)
    deltas = {}
    for d in defs:
        x, y = before[d.name], after[d.name]
        p = paired[d.name]
        delta = None if x is None or y is None else y - x
        deltas[d.name] = MetricDelta(
            base=x,
            new=y,
            delta=delta,
            lo=p.lo,
            hi=p.hi,
            p_worse=p.p_worse,
            higher_is_better=d.higher_is_better,
        )
    mode = new.primary_mode
    examples = [diff_doc(base_docs[i], new_docs[i], mode) for i in shared]
    examples = sorted((e for e in examples if e.size), key=lambda e: (-e.size, e.id))
    warnings = []
    if not shared:
        warnings.append("the runs share no documents")
    comparison = Comparison(
        kind=new.kind,
        base=base_name,
        new=new_name,
        shared=len(shared),
        only_base=sorted(set(base_docs) - set(new_docs)),
        only_new=sorted(set(new_docs) - set(base_docs)),
        deltas=deltas,
        examples=examples,
        warnings=warnings,
    )
    if metric is not None:
        comparison.gate = gate(deltas[metric], metric, max_drop)
    return comparison


def gate(delta: MetricDelta, metric: str, max_drop: float) -> Gate:
    if delta.delta is None:
        where = "both runs" if delta.base is None and delta.new is None else "one run"
        note = f"{metric} is undefined in {where}"
        return Gate(metric=metric, max_drop=max_drop, worsening=None, passed=delta.base is None, note=note)
    worsening = (-delta.delta if delta.higher_is_better else delta.delta) + 0.0  # no negative zero
    passed = worsening <= max_drop + 1e-12
    verdict = "ok" if passed else "FAILED"
    note = f"{metric} {fmt(delta.base)} -> {fmt(delta.new)}, worsening {worsening:+.4f} "
    note += f"(allowed {max_drop:.4f}): {verdict}"
    return Gate(metric=metric, max_drop=max_drop, worsening=worsening, passed=passed, note=note)


def _signed(x: float | None) -> str:
    return "–" if x is None else f"{x:+.3f}"


def comparison_sections(c: Comparison, *, max_examples: int = 10, changed_only: bool = False) -> list[Section]:
    rows = []
    for name, d in c.deltas.items():
        if d.base is None and d.new is None:
            continue
        if changed_only and not d.delta:
            continue
        ci = "–" if d.lo is None or d.hi is None else f"{_signed(d.lo)} … {_signed(d.hi)}"
        rows.append([name, fmt(d.base), fmt(d.new), _signed(d.delta), ci, fmt(d.p_worse, 2)])
    out = [Section("Metrics on shared documents", ["metric", c.base, c.new, "Δ", "95% CI of Δ", "P(worse)"], rows)]
    example_rows: list[list[str]] = []
    for e in c.examples[:max_examples]:
        for what, items in (
            (
                "error",
                [f"{e.base_error or 'ok'} -> {e.new_error or 'ok'}"] if e.base_error != e.new_error else [],
            ),
            ("newly missed", e.newly_missed),
            ("fixed", e.fixed),
            ("new false positive", e.new_false_positives),
            ("removed false positive", e.removed_false_positives),
            ("new wrong field", e.new_field_errors),
            ("fixed field", e.fixed_field_errors),
        ):
            example_rows += [[e.id, what, item] for item in items]
    title = f"Per-example differences ({len(c.examples)} docs changed; first {max_examples})"
    out.append(Section(title, ["doc", "change", "item"], example_rows))
    return out


def comparison_header(c: Comparison) -> str:
    text = f"compare {c.kind} runs: {c.base} -> {c.new}; {c.shared} shared docs"
    if c.only_base or c.only_new:
        text += f" ({len(c.only_base)} only in base, {len(c.only_new)} only in new)"
    return text


def gold_differences(base: EvalRun, new: EvalRun) -> list[str]:
    """Warnings for shared cases whose stored gold differs (each run is scored against its own)."""
    base_cases = {c.id: c for c in base.cases}
    differ = [
        c.id
        for c in new.cases
        if c.id in base_cases and (c.gold, c.attributions) != (base_cases[c.id].gold, base_cases[c.id].attributions)
    ]
    if not differ:
        return []
    return [
        f"gold differs between the runs for {len(differ)} shared case(s) (e.g. {differ[0]!r}); each run is "
        "scored against its own gold (--suite SUITE scores both against the suite's current gold)"
    ]
