"""Time tagging: what it adds to a 1,000-word article.

    .venv/bin/python benchmarks/bench_time.py [--words 1000] [--repeat 50]

The article is the two seeds' text (news with dates, weekdays, durations), repeated and cut at the first sentence
end past ``--words`` words. The pipeline tags twice: the whole article once (``times``, and events' values), and
each sentence once for the parse's event time words (``extract.events._times``); both are timed, warm, as the
median of ``--repeat`` runs. For scale, one whole ``--backend fake --strategy parse`` run of the same article is
timed too (it includes the tagging). The machine may be shared: the ratio is the figure to compare.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
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


def median_ms(run: Callable[[], object], repeat: int) -> float:
    run()  # warm-up: compiled patterns
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    text = article(args.words)
    sentences = [text[s:e] for s, e in load_text(text, published=PUBLISHED).sentences]
    whole = median_ms(lambda: tag_times(text, PUBLISHED), args.repeat)
    per_sentence = median_ms(lambda: [time_phrases(s) for s in sentences], args.repeat)
    settings = Settings(backend="fake", strategy="parse", cache=False)
    pipeline = median_ms(lambda: summarise(text, published=PUBLISHED, settings=settings), max(3, args.repeat // 10))
    found = len(tag_times(text, PUBLISHED))
    table(
        "Time tagging on one article (median of warm runs)",
        ["measure", "value"],
        [
            ["article", f"{len(text.split())} words, {len(sentences)} sentences, {found} time expressions"],
            ["tag the article (times)", f"{whole:.1f} ms"],
            ["tag each sentence (events' time words)", f"{per_sentence:.1f} ms"],
            ["tagging added, in all", f"{whole + per_sentence:.1f} ms"],
            ["whole pipeline, fake/parse", f"{pipeline:.0f} ms"],
            ["tagging's share of it", f"{(whole + per_sentence) / pipeline:.1%}"],
        ],
    )


if __name__ == "__main__":
    main()
