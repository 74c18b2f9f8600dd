"""Shared bits for the benchmarks: synthetic articles, the loopback fake server, a table printer."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the fake OpenAI-compatible server lives with the tests

_SENTENCES = [
    "{name} Holdings said on Tuesday it would close its plant in Sheffield by March, cutting 400 jobs.",
    '"This was a painful decision," chief executive Maria Lopez told reporters at the company\'s headquarters.',
    "The union called the move a betrayal and said it would ballot members on strike action next week.",
    "Local MP David Okafor said he had written to the business secretary asking for an urgent meeting.",
    "Shares in {name} rose 3% in early trading in London after the announcement.",
    "The company blamed rising energy costs and weaker demand from carmakers in Europe.",
    "Production will move to an existing site in Poland, according to a statement.",
    "Analysts at Barclays said the closure would save about 40 million pounds a year.",
]


def article(i: int) -> str:
    """A news-like article of 8 sentences (two extraction windows plus the overview: 3 calls)."""
    name = f"Northwind{i:04d}"
    return " ".join(s.format(name=name) for s in _SENTENCES) + "\n"


def write_feed(path: Path, count: int, start: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + count):
            out.write(json.dumps({"id": f"a{i:04d}", "text": article(i), "published": "2024-03-05"}) + "\n")
    return path


class Server:
    """The fake server in its own process (its work must not share our interpreter's lock)."""

    def __init__(self, url: str) -> None:
        self.url = url

    def stats(self) -> dict[str, Any]:
        with urllib.request.urlopen(self.url + "/_stats", timeout=10) as response:
            return dict(json.loads(response.read()))


@contextmanager
def fake_server(latency: float, lifetime_s: float = 900) -> Iterator[Server]:
    script = ROOT / "tests" / "fakeserver.py"
    proc = subprocess.Popen(
        [sys.executable, str(script), str(latency), str(lifetime_s)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        yield Server(proc.stdout.readline().strip())
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
