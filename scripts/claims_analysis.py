"""Error analysis of the parse's claims against PolNeAR: which annotated attributions are missed, by kind.

Reads an eval run (``summarise eval polnear DIR --backend fake --strategy parse -o run.json``) and prints
Markdown tables: gold attributions (the union of annotators, as the eval scores them), how many no prediction
overlaps (character Dice below the eval's ``MIN_OVERLAP``, the eval's recall test), by cue class and lemma,
source kind and place, content shape, length and sentence span; then the false positives by cue. Only cue
words and category names are printed, never corpus text beyond a cue lemma.

    python scripts/claims_analysis.py run.json [--top 40] > analysis.md
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarise.evals.align import span_intervals
from summarise.evals.brat import Attribution
from summarise.evals.polnear import MIN_OVERLAP, claim_candidates, union
from summarise.evals.run import EvalRun, RunCase
from summarise.evals.text import dice, is_pronoun
from summarise.extract.nlp import parser
from summarise.ingest import load_text
from summarise.lexicon import CUES, NOUN_CUES, word_set

SPEECH = word_set(
    """say tell add claim deny report announce insist argue note write state stress emphasize explain confirm
    vow promise urge declare acknowledge admit complain contend maintain reply respond allege estimate assert
    concede reveal testify tweet caution charge recall disclose indicate assure boast lament observe remark
    reiterate pledge threaten order demand ask conclude predict suggest warn accuse call describe comment
    praise criticize criticise attack blast slam question mention point propose defend dismiss"""
)
BELIEF = word_set("think believe know feel expect doubt wonder understand consider see view worry fear suspect")
INTENTION = word_set("want plan intend hope seek aim try wish like need decide prefer vow refuse")
POSITION = word_set("support oppose back endorse favor favour reject agree disagree embrace push champion")
DOCUMENTS = word_set(
    """poll polls survey surveys report reports study studies data analysis statement statements memo letter
    ad ads book documents document records filing release website post tweet tweets email emails article story
    transcript video interview paper research findings estimates numbers figures"""
)
QUOTES = "\"“”‘’'"


@dataclass(frozen=True)
class Gold:
    """One gold attribution and how it was found."""

    cue_class: str
    cue_lemma: str
    source_kind: str
    source_place: str
    shape: str
    length: str
    sentences: str
    found: bool
    touched: bool
    """Some prediction overlaps its content at all (below the threshold: a boundary problem)."""


def _sentence_of(doc_sentences: Sequence[tuple[int, int]], pos: int) -> int:
    return next((n for n, (a, b) in enumerate(doc_sentences) if a <= pos < b), -1)


def _head(tokens: Sequence[Any]) -> Any | None:
    """The token of a span whose head lies outside it (the span's syntactic head)."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head is t), None)


class Article:
    def __init__(self, case: RunCase) -> None:
        self.doc = load_text(case.text, id=case.id)
        self.text = case.text
        self.sents = list(self.doc.sentences)
        texts = [case.text[a:b].replace("\xa0", " ") for a, b in self.sents]
        self.parsed = list(parser().pipe(texts))

    def tokens(self, start: int, end: int) -> list[Any]:
        out = []
        for (a, _), doc in zip(self.sents, self.parsed, strict=True):
            out += [t for t in doc if start <= a + t.idx < end]
        return out


def _cue(article: Article, attr: Attribution) -> tuple[str, str]:
    text = attr.cue_text.lower().strip()
    if not any(ch.isalpha() for ch in text):
        return "punctuation", text or "-"
    if text.startswith("according"):
        return "according to", "according to"
    toks = [t for s in attr.cue for t in article.tokens(s.start, s.end)]
    content = [t for t in toks if t.pos_ in ("VERB", "NOUN", "ADJ", "ADP", "PROPN")]
    head = next((t for t in toks if t.pos_ == "VERB"), None) or _head(content or toks)
    if head is None:
        return "other", text
    lemma = head.lemma_.lower()
    if head.pos_ == "VERB" or head.pos_ == "AUX":
        if lemma in BELIEF:
            kind = "belief verb"
        elif lemma in INTENTION:
            kind = "intention verb"
        elif lemma in POSITION:
            kind = "position verb"
        elif lemma in SPEECH:
            kind = "speech verb"
        else:
            kind = "other verb"
    elif head.pos_ in ("NOUN", "PROPN"):
        kind = "noun"
    elif head.pos_ == "ADP":
        kind = "preposition"
    else:
        kind = "other"
    return kind, lemma


def _source(article: Article, attr: Attribution) -> tuple[str, str]:
    if not attr.source:
        return "none", "none"
    text = attr.source_text
    words = re.findall(r"[\w’']+", text.lower())
    toks = [t for s in attr.source for t in article.tokens(s.start, s.end)]
    if is_pronoun(text):
        kind = "pronoun"
    elif any(w in DOCUMENTS for w in words):
        kind = "document/poll"
    elif any(t.pos_ == "PROPN" for t in toks) or any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in toks):
        kind = "name" if all(t.pos_ in ("PROPN", "PUNCT", "PART", "DET") for t in toks) else "name+description"
    else:
        kind = "description"
    cue_at = min(s.start for s in attr.cue) if attr.cue else 0
    src_at = min(s.start for s in attr.source)
    same = _sentence_of(article.sents, cue_at) == _sentence_of(article.sents, src_at)
    place = ("before cue" if src_at < cue_at else "after cue") if same else "other sentence"
    return kind, place


def _shape(article: Article, attr: Attribution) -> str:
    text = attr.content_text.strip()
    if len(attr.content) > 1:
        return "discontinuous"
    if text[:1] in QUOTES and text.rstrip(".,")[-1:] in QUOTES:
        return "quotation"
    if text[:1] in QUOTES or text.rstrip(".,")[-1:] in QUOTES:
        return "partly quoted"
    toks = article.tokens(attr.content[0].start, attr.content[0].end) if attr.content else []
    if toks and toks[0].lower_ == "to" and toks[0].tag_ == "TO":
        return "to-infinitive"
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in toks) and any(t.pos_ in ("VERB", "AUX") for t in toks):
        return "clause"
    if any(t.pos_ == "VERB" and t.tag_ == "VBG" for t in toks[:2]):
        return "gerund phrase"
    return "noun phrase"


def _length(attr: Attribution) -> str:
    n = len(attr.content_text.split())
    for bound, label in ((2, "1-2"), (5, "3-5"), (15, "6-15"), (40, "16-40")):
        if n <= bound:
            return label
    return ">40"


def _sentences(article: Article, attr: Attribution) -> str:
    spans = {(s.start, s.end) for s in attr.content}
    touched = {n for n, (a, b) in enumerate(article.sents) for s, e in spans if a < e and s < b}
    cue = {_sentence_of(article.sents, s.start) for s in attr.cue}
    n = len(touched)
    label = "1" if n <= 1 else "2" if n == 2 else "3+"
    return label + ("" if cue <= touched or not touched else " (cue elsewhere)")


@dataclass
class CueRates:
    """How often each verb or noun lemma occurs, and how often it heads an annotated cue."""

    seen: Counter[str]
    cue: Counter[str]

    def add(self, article: Article, attributions: Sequence[Attribution]) -> None:
        cues = [(s.start, s.end) for a in attributions for s in a.cue]
        for (start, _), doc in zip(article.sents, article.parsed, strict=True):
            for tok in doc:
                if tok.pos_ not in ("VERB", "NOUN"):
                    continue
                key = f"{tok.lemma_.lower()} ({tok.pos_.lower()})"
                at = start + tok.idx
                self.seen[key] += 1
                self.cue[key] += any(a <= at < b for a, b in cues)

    def table(self, minimum: int, rate: float, known: frozenset[str]) -> str:
        rows = [
            "| lemma | occurrences | as cue | rate | in the rules' lexicon |",
            "|---|---:|---:|---:|---|",
        ]
        keys = [k for k, n in self.seen.items() if n >= minimum and self.cue[k] / n >= rate]
        for k in sorted(keys, key=lambda k: (-self.cue[k], k)):
            lemma = k.split(" ")[0]
            rows.append(
                f"| {k} | {self.seen[k]} | {self.cue[k]} | {self.cue[k] / self.seen[k]:.2f} | "
                f"{'yes' if lemma in known else 'no'} |"
            )
        return "\n".join(rows)


def analyse_case(case: RunCase, rates: CueRates | None = None) -> list[Gold]:
    gold = union(case.attributions)
    if not gold:
        return []
    article = Article(case)
    if rates is not None:
        rates.add(article, gold)
    preds = claim_candidates(case.prediction, case.text) if case.prediction else []
    out = []
    for attr in gold:
        content = span_intervals(attr.content)
        overlap = [dice(p.evidence, content) for p in preds]
        kind, lemma = _cue(article, attr)
        source_kind, place = _source(article, attr)
        out.append(
            Gold(
                cue_class=kind,
                cue_lemma=lemma,
                source_kind=source_kind,
                source_place=place,
                shape=_shape(article, attr),
                length=_length(attr),
                sentences=_sentences(article, attr),
                found=any(o >= MIN_OVERLAP for o in overlap),
                touched=any(o > 0 for o in overlap),
            )
        )
    return out


def table(title: str, golds: Sequence[Gold], key: str, top: int | None = None) -> str:
    total: Counter[str] = Counter(getattr(g, key) for g in golds)
    missed: Counter[str] = Counter(getattr(g, key) for g in golds if not g.found)
    near: Counter[str] = Counter(getattr(g, key) for g in golds if not g.found and g.touched)
    all_missed = sum(missed.values())
    rows = [
        f"| {title} | gold | missed | recall | share of misses | missed, content touched |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, _ in sorted(missed.items(), key=lambda kv: (-kv[1], kv[0]))[:top]:
        n, m = total[name], missed[name]
        rows.append(f"| {name} | {n} | {m} | {1 - m / n:.2f} | {m / max(all_missed, 1):.2f} | {near[name]} |")
    return "\n".join(rows)


def false_positive_table(cases: Sequence[RunCase], top: int) -> str:
    counts: Counter[str] = Counter()
    fps: Counter[str] = Counter()
    for case in cases:
        if case.prediction is None:
            continue
        gold = [span_intervals(a.content) for a in union(case.attributions)]
        for cand in claim_candidates(case.prediction, case.text):
            key = cand.cue.lower()
            counts[key] += 1
            fps[key] += not any(dice(cand.evidence, g) >= MIN_OVERLAP for g in gold)
    rows = ["| predicted cue | predicted | false positives | precision |", "|---|---:|---:|---:|"]
    for name, m in sorted(fps.items(), key=lambda kv: (-kv[1], kv[0]))[:top]:
        if m:
            rows.append(f"| {name} | {counts[name]} | {m} | {1 - m / counts[name]:.2f} |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path, help="eval run JSON of a polnear eval")
    ap.add_argument("--top", type=int, default=40, help="rows of the cue-lemma tables")
    ap.add_argument("--min-seen", type=int, default=10, help="lemma table: occurrences at least")
    ap.add_argument("--min-rate", type=float, default=0.3, help="lemma table: share heading a cue at least")
    args = ap.parse_args(argv)
    run = EvalRun.load(args.run)
    golds: list[Gold] = []
    rates = CueRates(Counter(), Counter())
    for case in run.cases:
        golds += analyse_case(case, rates)
    found = sum(g.found for g in golds)
    print(
        f"# {run.suite.name}: {len(run.cases)} articles, {len(golds)} gold attributions (union), "
        f"{found} found (recall {found / max(len(golds), 1):.3f}), {len(golds) - found} missed\n"
    )
    for title, key, top in (
        ("cue class", "cue_class", None),
        ("cue lemma", "cue_lemma", args.top),
        ("source kind", "source_kind", None),
        ("source place", "source_place", None),
        ("content shape", "shape", None),
        ("content words", "length", None),
        ("content sentences", "sentences", None),
    ):
        print(f"## By {title}\n\n{table(title, golds, key, top)}\n")
    pairs = Counter((g.cue_class, g.source_kind) for g in golds if not g.found)
    print("## Misses by cue class × source kind\n\n| cue class | source kind | missed |\n|---|---|---:|")
    for (a, b), n in pairs.most_common(20):
        print(f"| {a} | {b} | {n} |")
    print(f"\n## False positives by predicted cue\n\n{false_positive_table(run.cases, args.top)}\n")
    print(f"## Verb and noun lemmas that head an annotated cue (seen >= {args.min_seen}, rate >= {args.min_rate})\n")
    print(rates.table(args.min_seen, args.min_rate, CUES | NOUN_CUES) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
