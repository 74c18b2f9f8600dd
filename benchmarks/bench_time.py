"""Time tagging: what it adds to a 1,000-word article.

    .venv/bin/python benchmarks/bench_time.py [--words 1000] [--repeat 50]

The article is the two seeds' text (news with dates, weekdays, durations), repeated and cut at the first sentence
end past ``--words`` words. The pipeline tags twice: the whole article once (``times``, and events' values), and
each sentence once for the parse's event time words (``extract.events._times``); both are timed, warm, as the
best and the median of ``--repeat`` runs. For scale, one whole ``--backend fake --strategy parse`` run of the
same article is timed too (it includes the tagging). On a shared machine the best is the work itself and the
median adds waits for a core; the ratio is the figure to compare.
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
from summarise.ground.timex import tag_times, time_phrases
from summarise.ingest import load_text
from summarise.pipeline import summarise

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
    best: float
    median: float

    def __str__(self) -> str:
        return f"{self.best:.1f} ms best, {self.median:.1f} ms median"


def timed(run: Callable[[], object], repeat: int) -> Timing:
    """Best and median of ``repeat`` warm runs, in ms (on a shared machine the best is the work, the median adds
    the waits for a core)."""
    run()  # warm-up: compiled patterns
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return Timing(min(samples), statistics.median(samples))


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
            ["tagging's share of the pipeline (best ÷ best)", f"{added.best / pipeline.best:.1%}"],
        ],
    )


if __name__ == "__main__":
    main()
