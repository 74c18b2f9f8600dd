"""Time tagging: what it adds to a 1,000-word article.

    .venv/bin/python benchmarks/bench_time.py [--words 1000] [--repeat 50]

The article is the two seeds' text (news with dates, weekdays, durations), repeated and cut at the first sentence
end past ``--words`` words. The pipeline tags twice: the whole article once (``times``, and events' values), and
each sentence once for the parse's event time words (``extract.events._times``); both are timed, warm, as the
median CPU time of ``--repeat`` runs (the work), with the best and median wall time beside it. For scale, one
whole ``--backend fake --strategy parse`` run of the same article is timed too (it includes the tagging).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from _common import ROOT, table

from summarise.config import Settings
from summarise.ingest import load_text
from summarise.pipeline import summarise
from summarise.timex import tag_times, time_phrases

PUBLISHED = date(2023, 9, 15)


def article(words: int) -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    text = ""
    while len(text.split()) < words:
        text += "\n\n".join(seeds) + "\n\n"
    cut = len(" ".join(text.split()[:words]))
    end = text.find(". ", cut)
    return text[: end + 1 if end >= 0 else len(text)]


@dataclass(frozen=True)
class Timing:
    cpu: float
    wall_best: float
    wall_median: float

    def __str__(self) -> str:
        return f"{self.cpu:.1f} ms CPU (median); wall {self.wall_best:.1f} ms best, {self.wall_median:.1f} ms median"


def timed(run: Callable[[], object], repeat: int) -> Timing:
    """Median CPU time of ``repeat`` warm runs, and their best and median wall time, in ms. On a shared machine
    the CPU time is the work; the wall time adds the waits for a core (with many processes per core, a run longer
    than its time slice waits for the others')."""
    run()  # warm-up: compiled patterns
    cpu, wall = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        run()
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return Timing(statistics.median(cpu), min(wall), statistics.median(wall))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    text = article(args.words)
    sentences = [text[s:e] for s, e in load_text(text, published=PUBLISHED).sentences]
    whole = timed(lambda: tag_times(text, PUBLISHED), args.repeat)
    per_sentence = timed(lambda: [time_phrases(s) for s in sentences], args.repeat)
    added = timed(lambda: (tag_times(text, PUBLISHED), [time_phrases(s) for s in sentences]), args.repeat)
    settings = Settings(backend="fake", strategy="parse", cache=False)
    pipeline = timed(lambda: summarise(text, published=PUBLISHED, settings=settings), max(3, args.repeat // 10))
    found = len(tag_times(text, PUBLISHED))
    table(
        "Time tagging on one article (warm runs)",
        ["measure", "value"],
        [
            ["article", f"{len(text.split())} words, {len(sentences)} sentences, {found} time expressions"],
            ["tag the article (times)", str(whole)],
            ["tag each sentence (events' time words)", str(per_sentence)],
            ["tagging added, in all", str(added)],
            ["whole pipeline, fake/parse", str(pipeline)],
            ["tagging's share of the pipeline (CPU)", f"{added.cpu / pipeline.cpu:.1%}"],
        ],
    )


if __name__ == "__main__":
    main()
