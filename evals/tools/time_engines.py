"""Compare time-tagging engines on TempEval-3 (Task A), scored as `summarise eval tempeval` scores the tagger.

    python evals/tools/time_engines.py ../shared/data/tempeval3-dev                  # every engine installed
    python evals/tools/time_engines.py ../shared/data/tempeval3-dev --engine tagger --engine dateparser

Engines:

- ``tagger``: the project's time tagger (summarise/timex.py), what the pipeline's ``times`` hold;
- ``recognizers``: Microsoft Recognizers-Text date-time (``pip install recognizers-text-date-time "emoji<1"``;
  its 2019 release needs the old emoji API), the ``timex`` of its resolution, an ambiguous one read as the
  past (news), its ranges as the TimeML period they cover;
- ``dateparser``: dateparser's ``search_dates`` (a dependency already), every hit a DATE at day grain;
- ``timexy``: timexy's spaCy component on the project's parser (``pip install timexy``).

Each prints its line: documents, extraction P/R/F1 strict and relaxed, value F1, type accuracy and seconds
per 1,000 words (tagging only, after a warm-up document). The machine may be shared: compare within one run.
The resolver the project had before the tagger (ground/time.py, removed once the tagger replaced it) was measured
by this tool at commit 194c177; its row in evals/TIME.md is from then. ctparse is not listed: it parses a string
known to be a time expression and has no search over running text.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from summarise.evals.tempeval import TempEvalReport, TimeDoc, Timex, load_corpus, score, tagger_alone

Engine = Callable[[TimeDoc], list[Timex]]


def _recognizers() -> Engine:
    from recognizers_date_time import Culture, DateTimeRecognizer

    model = DateTimeRecognizer(Culture.English).get_datetime_model()
    kinds = {"date": "DATE", "daterange": "DATE", "duration": "DURATION", "set": "SET"}

    def tag(doc: TimeDoc) -> list[Timex]:
        ref = datetime.combine(doc.published or date(2000, 1, 1), datetime.min.time())
        out = []
        for hit in model.parse(doc.text, ref):
            values = hit.resolution.get("values", []) if hit.resolution else []
            if not values:
                continue
            kind = values[0].get("type", "")
            out.append(
                Timex(hit.start, hit.end + 1, doc.text[hit.start : hit.end + 1], kinds.get(kind, "TIME"), _ms(values))
            )
        return out

    return tag


def _ms(values: list[dict[str, str]]) -> str:
    """A Recognizers resolution as a TimeML value: its timex; ambiguous ones (XXXX-WXX-5) as the past one."""
    timex = values[0].get("timex", "")
    if "XXXX" in timex and values[0].get("value"):
        return values[0]["value"]
    span = re.fullmatch(r"\((\d{4}-\d\d-\d\d),(\d{4}-\d\d-\d\d),P(\d+)([DWMY])\)", timex)
    if span:
        start, count, unit = date.fromisoformat(span[1]), int(span[3]), span[4]
        if unit == "M" and count == 3 and start.day == 1 and start.month % 3 == 1:
            return f"{start.year}-Q{start.month // 3 + 1}"
        if unit == "M" and count == 1:
            return f"{start.year}-{start.month:02d}"
        if unit == "Y" and count == 1:
            return f"{start.year}"
        return span[1]
    return timex


def _dateparser() -> Engine:
    from dateparser.search import search_dates

    def tag(doc: TimeDoc) -> list[Timex]:
        base = datetime.combine(doc.published or date(2000, 1, 1), datetime.min.time())
        found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        out, at = [], 0
        for words, when in found:
            start = doc.text.find(words, at)
            if start < 0:
                continue
            at = start + len(words)
            out.append(Timex(start, at, words, "DATE", when.date().isoformat()))
        return out

    return tag


def _timexy() -> Engine:
    import timexy  # noqa: F401  (registers the spaCy factory)

    from summarise.extract.nlp import parser

    nlp = parser()
    nlp.add_pipe("timexy", before="ner", config={"label": "timex3", "kb_id_type": "timex3", "overwrite": False})

    def tag(doc: TimeDoc) -> list[Timex]:
        out = []
        for ent in nlp(doc.text).ents:
            if ent.label_ != "timex3":
                continue
            kind = re.search(r'type="(\w+)"', ent.kb_id_)
            value = re.search(r'value="([^"]*)"', ent.kb_id_)
            out.append(
                Timex(ent.start_char, ent.end_char, ent.text, kind[1] if kind else "DATE", value[1] if value else "")
            )
        return out

    return tag


ENGINES: dict[str, Callable[[], Engine]] = {
    "tagger": lambda: tagger_alone,
    "recognizers": _recognizers,
    "dateparser": _dateparser,
    "timexy": _timexy,
}


def measure(name: str, docs: list[TimeDoc]) -> tuple[TempEvalReport, float]:
    engine = ENGINES[name]()
    engine(docs[0])  # warm-up: compiled patterns, loaded models
    started = time.perf_counter()
    predictions = [engine(d) for d in docs]
    seconds = time.perf_counter() - started
    words = sum(len(d.text.split()) for d in docs)
    return score(docs, predictions, corpus="", engine=name), seconds / words * 1_000_000


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("corpus", type=Path)
    args.add_argument("--engine", action="append", choices=sorted(ENGINES))
    args.add_argument("--limit", type=int)
    opts = args.parse_args()
    docs = load_corpus(opts.corpus, limit=opts.limit)
    print(
        f"{len(docs)} documents, {sum(len(d.text.split()) for d in docs)} words; "
        "tagging time excludes a warm-up document"
    )
    print("| engine | strict P/R/F1 | relaxed P/R/F1 | value F1 | type acc. | ms / 1,000 words |")
    print("|---|---|---|---|---|---|")
    for name in opts.engine or list(ENGINES):
        try:
            report, ms = measure(name, docs)
        except ImportError as exc:  # an optional engine not installed
            print(f"| {name} | not installed ({exc.name}) | | | | |", flush=True)
            continue

        def prf(d: dict[str, float]) -> str:
            return f"{d['precision']:.3f} / {d['recall']:.3f} / {d['f1']:.3f}"

        print(
            f"| {name} | {prf(report.strict)} | {prf(report.relaxed)} | {report.value['f1']:.3f} | "
            f"{report.type_accuracy:.3f} | {ms:.1f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
