"""Remote path: a batch against the loopback fake server with fixed latency, wall time against the ideal.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_remote.py [--articles 200] [--concurrency 32]
        [--latency 0.2] [--strategy windows hybrid] [--repeat 3] [--no-pool]

Ideal = max(model requests / concurrency x latency, CPU work / cores): every slot busy all the time and no
overhead of our own, unless the CPU work cannot fit in that time on the cores this process may use. The CPU work
is measured, not assumed: this process's CPU time and that of its descendant processes (the batch's workers),
from /proc. The server (a child process running tests/fakeserver.py) is counted apart, as another job: it is not
the batch's work. It answers minimal valid JSON, so there are no grounding re-asks and requests per article are
fixed: 3 with `windows` (two sentence windows and the overview), 1 with `hybrid` (the summary; claims and events
come from the dependency parse). A few untimed articles per run first start the pool's workers (the parser
loaded in each) and warm the imports. ``--no-pool`` also runs each strategy with the parse and grounding on the
event loop, for comparison.

A machine shared with other jobs: the ideal assumes every usable core is ours. So each run also measures the CPU
the rest of the machine used meanwhile (/proc/stat, less ours), and prints "cores left" (usable cores less the
others' CPU per second of wall) and wall ÷ the ideal on those cores. That second ratio is only a hint: when the
others leave nothing idle it tends to 1 whatever the batch does. "loop waited" is the time the event loop's
thread was ready to run but had no core (/proc schedstat): near 0 on a quiet machine; on a busy one, how long other
jobs held up the loop (with `windows` the loop is the critical path; the waits overlap the requests' latency, so
it is not simply wall to subtract). The figure to quote is
wall/ideal on a quiet machine (cores left within 10% of the usable cores); the bench says when that was not the
case.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from _common import Server, Usage, fake_server, metered, table, write_feed

import summarise.many
from summarise.backends.sharing import usable_cores
from summarise.batch.runner import RunOptions, run_batch
from summarise.config import Settings

QUIET = 0.9
"""Cores left ÷ usable cores above which the machine counts as quiet."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--strategy", nargs="+", default=["windows", "hybrid"])
    parser.add_argument("--repeat", type=int, default=3, help="Timed runs of each (the median is summed up).")
    parser.add_argument("--no-pool", action="store_true", help="Also run without the worker pool.")
    args = parser.parse_args()
    cores = usable_cores()
    rows, ratios = [], {}
    with tempfile.TemporaryDirectory() as tmp, fake_server(args.latency) as server:
        base = Path(tmp)
        for strategy in args.strategy:
            for pooled in [True, False] if args.no_pool else [True]:
                for attempt in range(args.repeat):
                    row, ratio, quiet = run(base, server, strategy, pooled, attempt, args, cores)
                    rows.append(row)
                    ratios.setdefault((strategy, pooled), []).append((ratio, quiet))
    table(
        f"remote path: loopback fake server, {args.latency * 1000:.0f} ms latency, {args.articles} articles, "
        f"concurrency {args.concurrency}, {cores} usable cores (target wall/ideal <= 1.2)",
        ["strategy", "CPU steps", "calls/art", "latency ideal s", "CPU s main", "CPU s workers", "CPU ideal s",
         "server CPU s", "others' CPU s", "load avg", "cores left", "loop waited s", "wall s", "wall/ideal",
         "wall/ideal on left"],
        rows,
    )  # fmt: skip
    print()
    for (strategy, pooled), got in ratios.items():
        quiet = [r for r, ok in got if ok]
        where = "worker processes" if pooled else "event loop"
        median = f"{statistics.median(quiet):.3f} over {len(quiet)} quiet run(s)" if quiet else "no quiet run"
        print(f"{strategy} ({where}): wall/ideal {median}; all runs: {', '.join(f'{r:.3f}' for r, _ in got)}")
    if not all(ok for got in ratios.values() for _, ok in got):
        print(f"(a run is quiet when other jobs left it >= {QUIET:.0%} of the {cores} cores; the others are not a "
              "measurement of this code)")  # fmt: skip


def run(
    base: Path, server: Server, strategy: str, pooled: bool, attempt: int, args: argparse.Namespace, cores: int
) -> tuple[list[str], float, bool]:
    real = summarise.many.cpu_pool_for
    if not pooled:  # the CPU steps on the event loop, as before the pool
        summarise.many.cpu_pool_for = lambda *a: None  # type: ignore[assignment]
    try:
        name = f"{strategy}-{'pool' if pooled else 'loop'}-{attempt}"
        warm = Settings(
            base_url=server.url, home=base / f"warm-{name}", strategy=strategy, concurrency=args.concurrency
        )
        warm_feed = write_feed(base / f"warm-{name}.jsonl", 4 * cores, start=10000)  # every worker warm
        run_batch([str(warm_feed)], warm, RunOptions(out=base / f"warm-{name}.out.jsonl", progress=False))
        feed = write_feed(base / f"feed-{name}.jsonl", args.articles)
        settings = Settings(base_url=server.url, home=base / name, concurrency=args.concurrency, strategy=strategy)
        before = server.stats()["chats"]
        with metered(apart=b"fakeserver.py") as usage:
            result = run_batch([str(feed)], settings, RunOptions(out=base / f"{name}.jsonl", progress=False))
    finally:
        summarise.many.cpu_pool_for = real
    calls = server.stats()["chats"] - before
    assert result.totals.ok == args.articles, result.totals
    return row(strategy, pooled, calls, usage, args, cores)


def row(
    strategy: str, pooled: bool, calls: int, usage: Usage, args: argparse.Namespace, cores: int
) -> tuple[list[str], float, bool]:
    waiting = calls / args.concurrency * args.latency
    working = usage.ours / cores
    ideal = max(waiting, working)
    left = usage.cores_left(cores)
    ratio = usage.wall / ideal
    where = f"{cores} worker processes" if pooled else "event loop"
    cells = [strategy, where, f"{calls / args.articles:.1f}", f"{waiting:.2f}", f"{usage.own:.2f}",
             f"{usage.children:.2f}", f"{working:.2f}", f"{usage.apart:.2f}", f"{usage.others:.2f}",
             f"{usage.load[0]:.1f}-{usage.load[1]:.1f}", f"{left:.2f}", f"{usage.loop_waited:.2f}", f"{usage.wall:.2f}",
             f"{ratio:.3f}",
             f"{usage.wall / max(waiting, usage.ours / left):.3f}"]  # fmt: skip
    return cells, ratio, left >= QUIET * cores


if __name__ == "__main__":
    main()
