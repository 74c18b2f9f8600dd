"""The quick loop for the parse's claims on PolNeAR: parse a split once, then score the rules in seconds.

``summarise eval polnear`` parses every article again (minutes for dev, most of an hour for train on 2 shared
cores). Tuning a rule needs only ``find_attributions`` over the same parses: ``parse`` saves them (spaCy
DocBin, outside the repository: they hold corpus text), ``score`` runs the rules over them and scores each
attribution's content span as the eval scores a claim's ``statement`` (character Dice >= ``MIN_OVERLAP``
against the union of annotators). No grounding, so no claimant figure and no de-duplication: it agrees with
the eval's precision and recall to within about 0.005 (evals/CLAIMS-ANALYSIS.md).

    python scripts/claims_quick.py parse ../shared/data/polnear-train /tmp/train.spacy
    python scripts/claims_quick.py score ../shared/data/polnear-train /tmp/train.spacy [--by-cue]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from spacy.tokens import DocBin

from summarise.evals.align import span_intervals
from summarise.evals.polnear import MIN_OVERLAP, load_corpus, union
from summarise.evals.run import RunCase
from summarise.evals.text import dice
from summarise.extract.attribution import ParsedArticle, find_attributions, parsed_article, sentence_texts
from summarise.extract.nlp import parser
from summarise.ingest import Document, load_text


def _document(case: RunCase) -> Document:
    return load_text(case.text, id=case.id, published=case.published)


def parse(corpus: Path, out: Path, limit: int | None) -> None:
    nlp = parser()
    docs = DocBin(store_user_data=False)
    for case in load_corpus(corpus, limit=limit):
        for parsed in nlp.pipe(sentence_texts(_document(case))):
            docs.add(parsed)
    docs.to_disk(out)


def articles(corpus: Path, saved: Path, limit: int | None) -> Iterator[tuple[RunCase, Document, ParsedArticle]]:
    """Each case with its document and saved parse (the sentences were saved in the corpus's order)."""
    parses = DocBin().from_disk(saved).get_docs(parser().vocab)
    for case in load_corpus(corpus, limit=limit):
        doc = _document(case)
        yield case, doc, parsed_article(doc, [next(parses) for _ in doc.sentences])


def score(corpus: Path, saved: Path, limit: int | None, by_cue: bool) -> None:
    predicted = correct = gold_n = found = 0
    cues: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for case, doc, article in articles(corpus, saved, limit):
        gold = [span_intervals(a.content) for a in union(case.attributions)]
        preds = [((a.content_span,), a.cue.lower()) for a in find_attributions(doc, article)]
        for span, cue in preds:
            hit = any(dice(span, g) >= MIN_OVERLAP for g in gold)
            predicted, correct = predicted + 1, correct + hit
            cues[cue] += 1
            wrong[cue] += not hit
        gold_n += len(gold)
        found += sum(any(dice(span, g) >= MIN_OVERLAP for span, _ in preds) for g in gold)
    precision, recall = correct / max(predicted, 1), found / max(gold_n, 1)
    print(f"quick: P {precision:.3f} R {recall:.3f}", end=" ")
    print(f"({predicted} predicted, {correct} right; {gold_n} gold, {found} found)")
    if by_cue:
        for cue, n in sorted(wrong.items(), key=lambda kv: -kv[1])[:40]:
            print(f"{cue}\t{cues[cue]}\t{n}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("parse", "score"))
    ap.add_argument("corpus", type=Path)
    ap.add_argument("saved", type=Path, help="the saved parses (DocBin), written by parse")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--by-cue", action="store_true", help="score: predictions and false positives by cue")
    args = ap.parse_args(argv)
    if args.command == "parse":
        parse(args.corpus, args.saved, args.limit)
    else:
        score(args.corpus, args.saved, args.limit, args.by_cue)
    return 0


if __name__ == "__main__":
    sys.exit(main())
