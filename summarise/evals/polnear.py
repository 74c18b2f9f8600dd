"""PolNeAR adapter: load the attribution corpus as eval cases and score predicted claims against it.

Each annotated attribution is a gold claim: claimant = Source text, cue = Cue text, content = Content text,
evidence = the Content span(s); Source offsets are kept for claimant scoring. Several annotators may have
annotated one article: scoring uses their union (an attribution whose content overlaps one already kept is
a duplicate and dropped; annotators are taken in sorted order), and each annotator is also scored against the
union of the others, a human ceiling reported beside the model scored against the same gold sets.

Claims only are scored:

A predicted claim is located by its ``statement`` span (where its content stands verbatim), else its evidence.

- precision: share of predicted claims whose location overlaps some gold content (character Dice >=
  ``MIN_OVERLAP``); recall: share of gold attributions whose content some prediction overlaps so; their F1;
- on one-to-one pairs (maximum total Dice among overlapping pairs): claimant accuracy (a name/alias of the
  predicted claimant matches the Source text, exactly or by token_set_ratio >= ``CLAIMANT_MATCH``, or a
  mention of one in the article overlaps the Source span; a pronoun Source cannot be checked and is left out,
  counted as ``unscorable``; an attribution without source wants no claimant), cue accuracy (same stem, see
  ``text.cue_key``), and content F1 (token overlap of predicted location and gold content, mean over pairs).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from ..errors import EvalError
from ..schema import ArticleMeta, ArticleSummary, Claim, Entity, Provenance
from .align import assign, span_intervals, views
from .brat import Attribution, parse_ann
from .metrics import Columns, FloatArray, MetricDef, f1_of, ratio, ratio_metric
from .results import Alignment, DocScore, FieldError, Match
from .run import RunCase
from .score import OPS_METRICS, ops_counts
from .suite import read_article
from .text import (
    Interval,
    best_similarity,
    dice,
    find_mentions,
    is_pronoun,
    merge,
    norm_name,
    overlaps,
    same_cue,
    set_f1,
    token_spans,
    tokens_touching,
)

DEFAULT_CORPUS = Path("..") / "shared" / "data" / "polnear-dev"
MIN_OVERLAP = 0.1
"""Character Dice between predicted evidence and gold content at which a claim counts as found."""
CLAIMANT_MATCH = 0.8
"""token_set_ratio (0..1) at which a claimant name matches the Source text."""
MODE = "overlap"
"""The alignment key PolNeAR doc scores use."""
PREFIXES = {
    "claims": "model vs all annotators (union)",
    "multi": "model vs each annotator's peers",
    "ceiling": "annotator vs peers (human ceiling)",
}
"""Metric name prefixes; the last two only count articles that several annotators annotated."""


def default_corpus() -> Path | None:
    return DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else None


def _metadata(path: Path) -> dict[str, dict[str, str]]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t") if row.get("filename")}


def _date(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def read_ids(path: Path) -> list[str]:
    """Article ids, one a line (a .txt suffix is dropped; blank lines and # comments are skipped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"cannot read article list {path}: {exc}") from None
    ids = [line.split("#", 1)[0].strip() for line in lines]
    return [i.removesuffix(".txt") for i in ids if i]


def load_corpus(root: Path, *, articles: Sequence[str] | None = None, limit: int | None = None) -> list[RunCase]:
    """Cases of a PolNeAR compartment directory (``text/``, ``attributions/``, optional ``metadata.tsv``)."""
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvalError(f"not a PolNeAR corpus directory (needs text/ and attributions/): {root}")
    anns: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        article, sep, _ = ann.stem.rpartition("_")
        if sep:
            anns.setdefault(article, []).append(ann)
    ids = sorted(a for a in anns if (text_dir / f"{a}.txt").is_file())
    if articles is not None:
        unknown = [a for a in articles if a not in anns]
        if unknown:
            raise EvalError(f"{root}: no annotated article {unknown[0]!r} ({len(unknown)} unknown id(s))")
        ids = list(dict.fromkeys(articles))
    if limit is not None:
        ids = ids[:limit]
    if not ids:
        raise EvalError(f"{root}: no annotated articles selected")
    meta = _metadata(root / "metadata.tsv")
    cases = []
    for article in ids:
        path = text_dir / f"{article}.txt"
        text = read_article(path)
        attributions: list[Attribution] = []
        annotators = []
        for ann in anns[article]:
            annotator = ann.stem.rpartition("_")[2]
            annotators.append(annotator)
            raw = ann.read_text(encoding="utf-8")
            attributions += parse_ann(raw, text, annotator=annotator, where=str(ann))
        row = meta.get(article, {})
        cases.append(
            RunCase(
                id=article,
                article=str(path),
                text=text,
                published=_date(row.get("publication_date")),
                source=row.get("publisher") or None,
                attributions=attributions,
                annotators=sorted(annotators),
            )
        )
    return cases


def union(attributions: Sequence[Attribution]) -> list[Attribution]:
    """Attributions with content pooled over annotators (sorted); one overlapping a kept one is dropped."""
    kept: list[Attribution] = []
    spans: list[tuple[Interval, ...]] = []

    def order(a: Attribution) -> tuple[str, int]:
        return a.annotator, min((s.start for s in a.content), default=0)

    for attr in sorted(attributions, key=order):
        content = span_intervals(attr.content)
        if content and not any(overlaps(content, other) for other in spans):
            kept.append(attr)
            spans.append(content)
    return kept


@dataclass(frozen=True)
class Candidate:
    """A predicted claim (or an annotator's attribution) as claim scoring sees it."""

    id: str
    evidence: tuple[Interval, ...]
    has_claimant: bool
    names: tuple[str, ...]
    mentions: tuple[Interval, ...]
    cue: str
    label: str


def claim_candidates(pred: ArticleSummary, text: str) -> list[Candidate]:
    labels = {v.id: v.label for v in views(pred, "claims")}
    out = []
    for claim in pred.claims:
        entity = pred.entity(claim.claimant)
        raw_names = [entity.name, *entity.aliases] if entity else []
        names = tuple(n for n in (norm_name(x) for x in raw_names) if n)
        mentions = tuple(find_mentions(text, [n for n in raw_names if not is_pronoun(n)]))
        evidence = span_intervals([claim.statement] if claim.statement else claim.evidence)
        has = claim.claimant is not None
        out.append(Candidate(claim.id, evidence, has, names, mentions, claim.cue, labels[claim.id]))
    return out


def _label(attr: Attribution) -> str:
    text = f"{attr.source_text or '-'} {attr.cue_text}: {attr.content_text}"
    text = " ".join(text.split())
    return text if len(text) <= 90 else text[:89] + "…"


def attribution_candidates(attributions: Sequence[Attribution]) -> list[Candidate]:
    return [
        Candidate(
            a.id,
            span_intervals(a.content),
            bool(a.source),
            (norm_name(a.source_text),) if a.source else (),
            span_intervals(a.source),
            a.cue_text,
            _label(a),
        )
        for a in attributions
    ]


def claimant_ok(cand: Candidate, gold: Attribution) -> bool | None:
    """Whether the candidate's claimant is the gold Source; None when that cannot be checked (pronoun)."""
    if not gold.source:
        return not cand.has_claimant
    if is_pronoun(gold.source_text):
        return None
    if not cand.has_claimant:
        return False
    if overlaps(cand.mentions, span_intervals(gold.source)):
        return True
    source = norm_name(gold.source_text)
    return source in cand.names or best_similarity(cand.names, [source]) >= CLAIMANT_MATCH


def score_claims(
    cands: Sequence[Candidate], gold: Sequence[Attribution], tokens: Sequence[Interval], prefix: str
) -> tuple[dict[str, float], Alignment, list[FieldError]]:
    """Counts under ``prefix``, the one-to-one alignment and the field errors of candidates against gold."""
    contents = [span_intervals(g.content) for g in gold]
    sim = [[dice(c.evidence, g) for g in contents] for c in cands]
    matrix = np.array(sim, dtype=np.float64).reshape(len(cands), len(gold))
    found = matrix >= MIN_OVERLAP
    counts = {
        f"{prefix}.pred": float(len(cands)),
        f"{prefix}.pred_matched": float(found.any(axis=1).sum()),
        f"{prefix}.gold": float(len(gold)),
        f"{prefix}.gold_matched": float(found.any(axis=0).sum()),
    }
    for key in ("claimant.correct", "claimant.n", "claimant.unscorable", "cue.correct", "cue.n"):
        counts[f"{prefix}.{key}"] = 0.0
    counts[f"{prefix}.content.sum"] = counts[f"{prefix}.content.n"] = 0.0
    pairs = assign(matrix, MIN_OVERLAP)
    errors: list[FieldError] = []
    for i, j, _ in pairs:
        c, g = cands[i], gold[j]
        ok = claimant_ok(c, g)
        if ok is None:
            counts[f"{prefix}.claimant.unscorable"] += 1
        else:
            counts[f"{prefix}.claimant.correct"] += ok
            counts[f"{prefix}.claimant.n"] += 1
        cue_ok = same_cue(c.cue, g.cue_text)
        counts[f"{prefix}.cue.correct"] += cue_ok
        counts[f"{prefix}.cue.n"] += 1
        pred_tokens = tokens_touching(tokens, c.evidence)
        gold_tokens = tokens_touching(tokens, merge((s.start, s.end) for s in g.content))
        counts[f"{prefix}.content.sum"] += set_f1(pred_tokens, gold_tokens)
        counts[f"{prefix}.content.n"] += 1
        shown = ", ".join(c.names) or None
        for name, good, gold_value, pred_value in (
            ("claimant", ok is not False, g.source_text or None, shown),
            ("cue", cue_ok, g.cue_text, c.cue),
        ):
            if not good:
                errors.append(
                    FieldError(
                        item_type="claims",
                        gold_id=g.id,
                        pred_id=c.id,
                        field=name,
                        gold=gold_value,
                        pred=pred_value,
                    )
                )
    matched_c, matched_g = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    alignment = Alignment(
        matches=[Match(pred=cands[i].id, gold=gold[j].id, sim=round(s, 4)) for i, j, s in pairs],
        missed=[g.id for j, g in enumerate(gold) if j not in matched_g],
        false_positives=[c.id for i, c in enumerate(cands) if i not in matched_c],
    )
    return counts, alignment, errors


def score_polnear_case(case: RunCase) -> DocScore:
    """The model against the union of annotators, plus (several annotators) the ceiling and its model twin."""
    tokens = token_spans(case.text)
    gold = union(case.attributions)
    preds = claim_candidates(case.prediction, case.text) if case.prediction else []
    counts, alignment, errors = score_claims(preds, gold, tokens, "claims")
    score = DocScore(id=case.id, error=case.error, counts=counts, field_errors=errors)
    score.alignments = {MODE: {"claims": alignment}}
    score.gold_labels = {f"claims/{c.id}": c.label for c in attribution_candidates(gold)}
    score.pred_labels = {f"claims/{c.id}": c.label for c in preds}
    annotators = sorted({a.annotator for a in case.attributions})
    if len(annotators) > 1:
        for annotator in annotators:
            own = union([a for a in case.attributions if a.annotator == annotator])
            peers = union([a for a in case.attributions if a.annotator != annotator])
            for prefix, cands in (("ceiling", attribution_candidates(own)), ("multi", preds)):
                extra, _, _ = score_claims(cands, peers, tokens, prefix)
                for key, value in extra.items():
                    score.counts[key] = score.counts.get(key, 0.0) + value
    score.counts.update(ops_counts(case))
    return score


def polnear_metrics() -> list[MetricDef]:
    defs: list[MetricDef] = []
    for prefix, what in PREFIXES.items():

        def precision(c: Columns, p: str = prefix) -> FloatArray:
            return ratio(c[f"{p}.pred_matched"], c[f"{p}.pred"])

        def recall(c: Columns, p: str = prefix) -> FloatArray:
            return ratio(c[f"{p}.gold_matched"], c[f"{p}.gold"])

        def f1(c: Columns, p: str = prefix) -> FloatArray:
            return f1_of(precision(c, p), recall(c, p))

        defs += [
            MetricDef(f"{prefix}.precision", precision, description=f"{what}: precision"),
            MetricDef(f"{prefix}.recall", recall, description=f"{what}: recall"),
            MetricDef(f"{prefix}.f1", f1, description=f"{what}: F1"),
        ]
        for name, num, den, measure in (
            ("claimant_acc", "claimant.correct", "claimant.n", "claimant accuracy"),
            ("cue_acc", "cue.correct", "cue.n", "cue accuracy"),
            ("content_f1", "content.sum", "content.n", "content token F1"),
        ):
            num, den = f"{prefix}.{num}", f"{prefix}.{den}"
            defs.append(ratio_metric(f"{prefix}.{name}", num, den, f"{what}: {measure}"))
    return defs + OPS_METRICS


def gold_summary(case: RunCase) -> ArticleSummary:
    """The union of a case's attributions as a gold ArticleSummary (claims only), e.g. for review pages."""
    entities: dict[str, Entity] = {}
    claims = []
    for attr in union(case.attributions):
        claimant = None
        if attr.source:
            key = norm_name(attr.source_text)
            if key not in entities:
                entities[key] = Entity(id=f"e{len(entities) + 1}", name=attr.source_text)
            claimant = entities[key].id
        claim = Claim(id=attr.id, claimant=claimant, cue=attr.cue_text, content=attr.content_text)
        claims.append(claim.model_copy(update={"evidence": attr.content}))
    meta = ArticleMeta(
        id=case.id,
        published=case.published,
        source=case.source,
        text_sha256=hashlib.sha256(case.text.encode()).hexdigest(),
    )
    provenance = Provenance(
        backend="gold",
        model="polnear",
        prompt_id="gold",
        prompt_version="0",
        prompt_sha256="",
        schema_sha256="",
    )
    return ArticleSummary(
        article=meta, summary="", entities=list(entities.values()), claims=claims, provenance=provenance
    )
