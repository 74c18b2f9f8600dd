"""Story merging at scale: seconds to merge n article summaries into stories, n = 250, 500, 1000 (by default).

    .venv/bin/python benchmarks/bench_story.py [--sizes 250 500 1000] [--polnear ../shared/data/polnear-dev]
                                               [--bases 6] [--repeat 3]

The summaries are synthesised from real ones: the two seeds and a few PolNeAR dev articles (when the folder is
there) are summarised once with the parse strategy (not timed). Each synthetic story copies one of them 4 to 12
times, each copy with its own id, a publication date within a week of the story's start (starts spread over a
year), and a random 80% of the original's entities, events and claims; every story renames its entities (a
person "Kim Jong-un" becomes e.g. "Kim Jong-un Arden 17", in the summary and title too) and keeps about half the
words of the original's title, summary, actions and claims (its own half), so that stories copied from one
original share words but not names, as different stories about the same kind of thing do. Printed: the best of
``--repeat`` wall times for the whole merge and its two parts (clustering; the per-story steps), stories found
against stories made, and clustering purity / inverse purity against the stories made.
"""

from __future__ import annotations

import argparse
import csv
import random
import time
import zlib
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from _common import ROOT, table

from summarise import summarise
from summarise.config import Settings
from summarise.schema import ArticleSummary
from summarise.stories import story

SEEDS = [("000_ef4bc445b1a14fa2.txt", "2023-09-06"), ("002_74635596341c1c7a.txt", "2023-09-15")]
_NAMES = [
    "Arden",
    "Brook",
    "Calder",
    "Dunmore",
    "Ellis",
    "Farrow",
    "Galen",
    "Hollis",
    "Ivers",
    "Jessop",
    "Kerrow",
    "Lyle",
    "Marsh",
    "Norcott",
]


def bases(polnear: Path | None, count: int) -> list[ArticleSummary]:
    settings = Settings(backend="fake", strategy="parse", cache=False)
    texts = [((ROOT / "seeds" / f).read_text(encoding="utf-8"), d) for f, d in SEEDS]
    if polnear is not None and (polnear / "metadata.tsv").is_file():
        with (polnear / "metadata.tsv").open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))[:count]
        texts += [((polnear / "text" / f"{r['filename']}.txt").read_text(encoding="utf-8"), r["publication_date"])
                  for r in rows]  # fmt: skip
    return [summarise(t, published=d, settings=settings) for t, d in texts]


def _renamed(base: ArticleSummary, story_no: int) -> dict[str, str]:
    tag = f"{_NAMES[story_no % len(_NAMES)]} {story_no}"
    return {e.id: f"{e.name} {tag}" for e in base.entities}


def _retold(text: str, base: ArticleSummary, names: dict[str, str], story_no: int) -> str:
    """The text with the original's names replaced by the story's, and about half its other words left out
    (the same half in every copy of the story): stories about the same kind of thing share words, not text."""
    words = [w for w in text.split() if zlib.crc32(f"{story_no} {w.casefold()}".encode()) % 2 == 0]
    text = " ".join(words)
    for e in sorted(base.entities, key=lambda e: -len(e.name)):
        text = text.replace(e.name, names[e.id])
    return text


def synthesise(originals: list[ArticleSummary], n: int, rng: random.Random) -> tuple[list[ArticleSummary], list[int]]:
    """n summaries in stories of 4-12 copies; returns them and each one's story number."""
    out: list[ArticleSummary] = []
    truth: list[int] = []
    story_no = 0
    while len(out) < n:
        base = originals[story_no % len(originals)]
        names = _renamed(base, story_no)
        start = date(2023, 1, 1) + timedelta(days=rng.randrange(365))
        for copy in range(min(rng.randint(4, 12), n - len(out))):
            keep = [e for e in base.entities if rng.random() < 0.8]
            entities = [e.model_copy(update={"name": names[e.id], "aliases": []}) for e in keep]
            meta = base.article.model_copy(
                update={
                    "id": f"s{story_no}-{copy}",
                    "published": start + timedelta(days=rng.randrange(7)),
                    "title": _retold(base.article.title or "", base, names, story_no) or None,
                }
            )
            out.append(
                base.model_copy(
                    update={
                        "article": meta,
                        "summary": _retold(base.summary, base, names, story_no),
                        "entities": entities,
                        "events": [
                            v.model_copy(update={"action": _retold(v.action, base, names, story_no) or v.action})
                            for v in base.events
                            if rng.random() < 0.8
                        ],
                        "claims": [
                            c.model_copy(update={"content": _retold(c.content, base, names, story_no)})
                            for c in base.claims
                            if rng.random() < 0.8
                        ],
                    }
                )
            )
            truth.append(story_no)
        story_no += 1
    return out, truth


def purity(found: list[list[int]], truth: list[int]) -> tuple[float, float]:
    """Purity of the stories found against the stories made, and inverse purity."""
    n = len(truth)
    pure = sum(Counter(truth[i] for i in group).most_common(1)[0][1] for group in found) / n
    where = {i: k for k, group in enumerate(found) for i in group}
    made: dict[int, list[int]] = {}
    for i, t in enumerate(truth):
        made.setdefault(t, []).append(i)
    inverse = sum(Counter(where[i] for i in group).most_common(1)[0][1] for group in made.values()) / n
    return pure, inverse


def measure(summaries: list[ArticleSummary], truth: list[int], repeat: int, originals: int) -> list[str]:
    best = (float("inf"), 0.0, 0.0)
    collection = None
    for _ in range(repeat):
        marks: dict[str, float] = {}
        started = time.perf_counter()

        def progress(step: str, done: int, total: int, marks: dict[str, float] = marks) -> None:
            marks[step] = time.perf_counter()

        collection = story(summaries, progress=progress)
        total = time.perf_counter() - started
        clustering = marks["cluster"] - started
        if total < best[0]:
            best = (total, clustering, total - clustering)
    assert collection is not None
    ids = {s.article.id: i for i, s in enumerate(summaries)}
    found = [[ids[a] for a in s.articles] for s in collection.stories]
    pure, inverse = purity(found, truth)
    topic, _ = purity(found, [t % originals for t in truth])  # stories copied from one original: one topic
    events = sum(len(s.events) for s in collection.stories)
    return [
        str(len(summaries)), f"{best[0]:.2f}", f"{best[1]:.2f}", f"{best[2]:.2f}",
        f"{len(collection.stories)}/{len(set(truth))}", f"{pure:.3f}", f"{inverse:.3f}", f"{topic:.3f}",
        str(events),
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear-dev")
    parser.add_argument("--bases", type=int, default=6, help="PolNeAR articles to copy besides the seeds")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    originals = bases(args.polnear, args.bases)
    print(f"{len(originals)} real summaries copied (seeds + {len(originals) - 2} PolNeAR dev articles)")
    rows = []
    for n in args.sizes:
        summaries, truth = synthesise(originals, n, random.Random(args.seed))
        rows.append(measure(summaries, truth, args.repeat, len(originals)))
    table(
        f"Merging n summaries into stories (best of {args.repeat})",
        ["n", "total s", "cluster s", "stories s", "stories found/made", "purity", "inverse", "topic purity", "events"],
        rows,
    )


if __name__ == "__main__":
    main()
