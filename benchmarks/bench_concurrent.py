"""Two ``summarise run`` processes on the embedded model sharing one SUMMARISE_HOME: each one's time alone and
together, and both run stores intact.

    .venv/bin/python benchmarks/bench_concurrent.py [--articles 2] [--model NAME_OR_GGUF] [--models DIR]

Each process summarises its own feed of synthetic articles (``_common.article``; distinct, so nothing is shared
through the cache, which stays off) with ``--format jsonl --run NAME``. Pass 1 runs process A alone, then B alone;
pass 2 starts both at once. Target (issue 12): both finish, each within about twice its time alone, and every
record of both runs is in the store. The processes take turns at the model (a lock under the home) and size
their threads to the free cores, so run this on a quiet machine: other load changes both figures.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _common import ROOT, table, write_feed

from summarise.config import Settings


@dataclass
class Timed:
    name: str
    seconds: float
    returncode: int
    stderr: str


def command(feed: Path, out: Path, name: str, model: str | None) -> list[str]:
    cmd = [sys.executable, "-m", "summarise", "run", str(feed), "-f", "jsonl", "-o", str(out), "--run", name, "-q"]
    return cmd + (["--model", model] if model else []) + ["--backend", "local"]


def start(cmd: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[str], float]:
    return subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    ), time.perf_counter()


def finish(name: str, proc: subprocess.Popen[str], started: float) -> Timed:
    _, err = proc.communicate()
    return Timed(name, time.perf_counter() - started, proc.returncode, err)


def stored(home: Path, run: str) -> tuple[str, int]:
    with sqlite3.connect(home / "runs.sqlite") as con:
        status = con.execute("SELECT status FROM runs WHERE id = ?", (run,)).fetchone()
        count = con.execute("SELECT count(*) FROM records WHERE run_id = ? AND status = 'ok'", (run,)).fetchone()[0]
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return (status[0] if status else "missing"), int(count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2, help="articles per process")
    parser.add_argument("--model", default=None, help="embedded model name or .gguf path (default: the default)")
    parser.add_argument(
        "--models", type=Path, default=None, help="folder of assembled models (default: <SUMMARISE_HOME>/models)"
    )
    args = parser.parse_args()
    models = args.models or Settings.from_env().home / "models"
    with tempfile.TemporaryDirectory(prefix="bench-concurrent-") as tmp:
        base = Path(tmp)
        home = base / "home"
        home.mkdir()
        (home / "models").symlink_to(models.resolve())
        env = {**os.environ, "SUMMARISE_HOME": str(home), "PYTHONPATH": str(ROOT)}
        env.pop("SUMMARISE_THREADS", None)  # the default sizing is what is measured
        feeds = {n: write_feed(base / f"{n}.jsonl", args.articles, start=1000 * (i + 1)) for i, n in enumerate("AB")}

        alone = {}
        for n, feed in feeds.items():
            alone[n] = finish(n, *start(command(feed, base / f"alone-{n}.jsonl", f"alone-{n}", args.model), env))
        running = {
            n: start(command(f, base / f"both-{n}.jsonl", f"both-{n}", args.model), env) for n, f in feeds.items()
        }
        together = {n: finish(n, *p) for n, p in running.items()}

        rows = []
        for n in feeds:
            a, t = alone[n], together[n]
            status, count = stored(home, f"both-{n}")
            ok = "ok" if a.returncode == t.returncode == 0 else f"exit {a.returncode}/{t.returncode}"
            rows.append(
                [n, f"{a.seconds:.1f}", f"{t.seconds:.1f}", f"{t.seconds / a.seconds:.2f}", f"{status}, {count}", ok]
            )
            for timed in (a, t):
                if timed.returncode:
                    print(f"process {n}: {timed.stderr.strip()[-400:]}", file=sys.stderr)
        header = ["process", "alone s", "together s", "together / alone", "store: run, ok records", "exit"]
        table(f"Two processes, {args.articles} articles each, one home ({os.cpu_count()} CPUs)", header, rows)
        print("target: together / alone <= ~2.0 for each, and every record stored")


if __name__ == "__main__":
    main()
