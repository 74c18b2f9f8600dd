"""Count how often each noun lemma is tagged EVENT in TimeML news (TempEval-3's TimeBank and AQUAINT), to list
the act nouns other annotators found, not our taste.

    python evals/tools/timebank_event_nouns.py ../shared/data/tempeval3-dev                 # the table, by share
    python evals/tools/timebank_event_nouns.py ../shared/data/tempeval3-dev --write         # rebuild the list

Every .tml under the folder is read as the tempeval adapter reads it (the TEXT element, tags removed) and parsed
with the project's parser; a token the parser calls NOUN counts as an occurrence of its lowercased lemma, and as
an event when an ``<EVENT>`` tag covers it (TimeML tags the head word of an event noun: "the Chinese
<EVENT>takeover</EVENT>"). Only the classes named by ``--classes`` count as events (default every class but
STATE, I_STATE and PERCEPTION: a state, an attitude or a perception is not an act done by someone). A lemma is
listed when it was seen at least ``--min-count`` times and tagged in at least ``--min-share`` of them.

``--write`` puts the listed lemmas, one a line, in summarise/extract/timebank_event_nouns.txt with a header naming
the source and the command; ``event_nouns.TIMEBANK_NOUNS`` reads it. No corpus text is written.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from summarise.evals.tempeval import flatten
from summarise.extract.nlp import parser

OUT = Path(__file__).resolve().parents[2] / "summarise" / "extract" / "timebank_event_nouns.txt"
NOT_ACTS = ("STATE", "I_STATE", "PERCEPTION")
ALL_CLASSES = ("OCCURRENCE", "REPORTING", "ASPECTUAL", "I_ACTION", "STATE", "I_STATE", "PERCEPTION")
DEFAULTS: dict[str, object] = {
    "min_count": 2,
    "min_share": 0.5,
    "classes": ",".join(c for c in ALL_CLASSES if c not in NOT_ACTS),
}


def read(path: Path) -> tuple[str, list[tuple[int, int, str]]]:
    """A document's TEXT as plain text and its EVENT spans (start, end, class)."""
    body = ET.parse(path).getroot().find("TEXT")
    parts: list[str] = []
    found: list[tuple[int, int, ET.Element]] = []
    if body is not None:
        flatten(body, parts, found, tag="EVENT")
    return "".join(parts), [(start, end, event.get("class", "")) for start, end, event in found]


def count(folder: Path, classes: set[str]) -> tuple[Counter[str], Counter[str]]:
    """Per noun lemma: occurrences, and occurrences an EVENT of one of ``classes`` covers."""
    seen: Counter[str] = Counter()
    tagged: Counter[str] = Counter()
    docs = [read(p) for p in sorted(folder.rglob("*.tml"))]
    for (_, events), doc in zip(docs, parser().pipe(text for text, _ in docs), strict=True):
        for tok in doc:
            if tok.pos_ != "NOUN":
                continue
            lemma = tok.lemma_.lower()
            seen[lemma] += 1
            if _covering(tok.idx, tok.idx + len(tok), events) in classes:
                tagged[lemma] += 1
    return seen, tagged


def _covering(start: int, end: int, events: list[tuple[int, int, str]]) -> str | None:
    """The class of the EVENT whose span holds the token, None if none does."""
    return next((cls for s, e, cls in events if s <= start and end <= e), None)


def listed(seen: Counter[str], tagged: Counter[str], min_count: int, min_share: float) -> Iterator[str]:
    """The lemmas seen at least ``min_count`` times and tagged in at least ``min_share`` of them, sorted."""
    for lemma in sorted(seen):
        if seen[lemma] >= min_count and tagged[lemma] / seen[lemma] >= min_share:
            yield lemma


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("folder", type=Path, help="a TempEval-3 folder (TimeML .tml files, sub-folders too)")
    args.add_argument("--min-count", type=int, default=DEFAULTS["min_count"])
    args.add_argument("--min-share", type=float, default=DEFAULTS["min_share"])
    args.add_argument("--classes", default=DEFAULTS["classes"])
    args.add_argument("--write", action="store_true", help=f"write the list to {OUT}")
    opts = args.parse_args()
    if not opts.folder.is_dir():
        print(f"not a directory: {opts.folder}", file=sys.stderr)
        return 1
    seen, tagged = count(opts.folder, set(opts.classes.split(",")))
    lemmas = list(listed(seen, tagged, opts.min_count, opts.min_share))
    if not opts.write:
        for lemma in sorted(lemmas, key=lambda w: (-tagged[w] / seen[w], -seen[w], w)):
            print(f"{lemma}\t{tagged[lemma]}/{seen[lemma]}")
        print(f"{len(lemmas)} lemmas", file=sys.stderr)
        return 0
    flags = "".join(
        f" --{k.replace('_', '-')} {v}" for k, v in vars(opts).items() if k in DEFAULTS and v != DEFAULTS[k]
    )
    header = [
        f"# Noun lemmas tagged EVENT (classes {opts.classes}) in at least {opts.min_share} of their",
        f"# {opts.min_count}+ occurrences as a NOUN in TempEval-3's TimeBank and AQUAINT (TimeML); rebuilt by",
        f"#   python evals/tools/timebank_event_nouns.py ../shared/data/tempeval3-dev --write{flags}",
    ]
    OUT.write_text("\n".join([*header, *lemmas]) + "\n", encoding="utf-8")
    print(f"{len(lemmas)} lemmas written to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
