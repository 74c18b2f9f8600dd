"""Shared bits for the benchmarks: synthetic articles, the loopback fake server, a table printer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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


# -- CPU accounting on a machine shared with other jobs --------------------------------------------------------

TICKS = os.sysconf("SC_CLK_TCK")


def _processes() -> dict[int, tuple[int, float, bytes]]:
    """Every process: pid -> (parent pid, CPU seconds used so far, command line)."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:  # gone meanwhile
            continue
        found[int(stat.parent.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS, cmdline)
    return found


def _descendants(processes: dict[int, tuple[int, float, bytes]], root: int) -> set[int]:
    found, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, (parent, _, _) in processes.items() if parent in frontier} - found
        found |= frontier
    return found


def _waited() -> float:
    """Seconds this process's main thread (the event loop) has spent runnable but waiting for a core (schedstat)."""
    return int(Path(f"/proc/self/task/{os.getpid()}/schedstat").read_text().split()[1]) / 1e9


def _machine_busy() -> float:
    """CPU seconds every process on the machine has used (all CPUs, /proc/stat: all but idle and iowait)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    return (sum(values) - values[3] - values[4]) / TICKS


@dataclass
class Usage:
    """What a stretch of a benchmark cost: its wall time, the CPU of this process and of its descendants (the
    batch's worker processes), of descendants set apart (a fake server), and of the rest of the machine."""

    wall: float = 0.0
    own: float = 0.0
    children: float = 0.0
    apart: float = 0.0
    others: float = 0.0
    load: tuple[float, float] = (0.0, 0.0)
    """One-minute load average at the start and at the end."""
    loop_waited: float = 0.0
    """Seconds the main thread was ready to run but had no core: on a quiet machine, near 0."""

    @property
    def ours(self) -> float:
        return self.own + self.children

    def cores_left(self, cores: int) -> float:
        """The cores other jobs left us, on average over the stretch: ``cores`` less the CPU the rest of the machine
        used per second of wall (the fake server counts as another job: it is not the batch's work)."""
        return max(0.01, min(float(cores), cores - (self.others + self.apart) / self.wall))


@contextmanager
def metered(apart: bytes) -> Iterator[Usage]:
    """Measure the block: descendants whose command line holds ``apart`` are counted apart. Processes that end
    inside the block are not counted (the batch's worker processes live on)."""
    usage = Usage()
    before, busy, load, waited = _processes(), _machine_busy(), os.getloadavg()[0], _waited()
    started, cpu = time.perf_counter(), time.process_time()
    yield usage
    usage.wall, usage.own = time.perf_counter() - started, time.process_time() - cpu
    usage.loop_waited = _waited() - waited
    after, usage.others = _processes(), _machine_busy() - busy
    usage.load = (load, os.getloadavg()[0])
    for pid in _descendants(after, os.getpid()):
        spent = after[pid][1] - (before[pid][1] if pid in before else 0.0)
        if apart in after[pid][2]:
            usage.apart += spent
        else:
            usage.children += spent
    usage.others = max(0.0, usage.others - usage.ours - usage.apart)
