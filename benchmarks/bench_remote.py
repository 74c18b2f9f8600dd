"""Remote path: a batch against the loopback fake server with fixed latency, wall time against the ideal.

    .venv/bin/python benchmarks/bench_remote.py [--articles 200] [--concurrency 32] [--latency 0.2]
        [--strategy windows hybrid] [--no-pool]

Ideal = max(model requests / concurrency x latency, CPU work / cores): every slot busy all the time and no
overhead of our own, unless the CPU work (ours: this process and the batch's worker processes, measured) cannot
fit in that time on the cores this process may use. The server (its own process, not counted) answers minimal
valid JSON, so there are no grounding re-asks and requests per article are fixed: 3 with `windows` (two
sentence windows and the overview), 1 with `hybrid` (the summary; claims and events come from the dependency
parse). The parse and grounding run in the batch's pool of worker processes (``summarise.workers``);
``--no-pool`` also runs each strategy with them on the event loop, for comparison. One untimed article per
strategy first starts the pool's workers and warms imports. "cores used" is the batch's CPU ÷ wall: on a machine
shared with other jobs it shows how much of the cores the run got (the ideal assumes all of them).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from _common import Server, fake_server, table, write_feed

import summarise.many
from summarise.backends.sharing import usable_cores
from summarise.batch.runner import RunOptions, run_batch
from summarise.config import Settings
from summarise.workers import pools

TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def workers_cpu() -> float:
    return sum(process_cpu(pid) for pool in pools() for pid in pool.pids)


def server_cpu() -> float:
    """CPU of the fake server's process (a child of this one running tests/fakeserver.py): not in the ideal, but
    on a 2-core machine it competes with the batch for the cores."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and b"fakeserver.py" in cmdline:
            total += process_cpu(int(stat.parent.name))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--strategy", nargs="+", default=["windows", "hybrid"])
    parser.add_argument("--no-pool", action="store_true", help="Also run without the worker pool.")
    args = parser.parse_args()
    cores = usable_cores()
    rows = []
    with tempfile.TemporaryDirectory() as tmp, fake_server(args.latency) as server:
        base = Path(tmp)
        for strategy in args.strategy:
            for pooled in [True, False] if args.no_pool else [True]:
                rows.append(run(base, server, strategy, pooled, args, cores))
    table(
        f"remote path: loopback fake server, {args.latency * 1000:.0f} ms latency, {args.articles} articles, "
        f"concurrency {args.concurrency}, {cores} usable cores (target wall/ideal <= 1.2)",
        ["strategy", "CPU steps", "calls/art", "latency ideal s", "CPU s main", "CPU s workers", "CPU ideal s",
         "server CPU s", "wall s", "cores used", "wall/ideal"],
        rows,
    )  # fmt: skip


def run(base: Path, server: Server, strategy: str, pooled: bool, args: argparse.Namespace, cores: int) -> list[str]:
    url = server.url
    real = summarise.many.cpu_pool_for
    if not pooled:  # the CPU steps on the event loop, as before the pool
        summarise.many.cpu_pool_for = lambda *a: None  # type: ignore[assignment]
    try:
        name = f"{strategy}-{'pool' if pooled else 'loop'}"
        warm = Settings(base_url=url, home=base / f"warm-{name}", strategy=strategy, concurrency=args.concurrency)
        warm_feed = write_feed(base / f"warm-{name}.jsonl", 1, start=10000)
        run_batch([str(warm_feed)], warm, RunOptions(out=base / f"warm-{name}.out.jsonl", progress=False))
        feed = write_feed(base / f"feed-{name}.jsonl", args.articles)
        settings = Settings(base_url=url, home=base / name, concurrency=args.concurrency, strategy=strategy)
        before = server.stats()["chats"]
        started, cpu, workers, served = time.perf_counter(), time.process_time(), workers_cpu(), server_cpu()
        result = run_batch([str(feed)], settings, RunOptions(out=base / f"{name}.jsonl", progress=False))
        wall = time.perf_counter() - started
        main_cpu, pool_cpu = time.process_time() - cpu, (workers_cpu() - workers if pooled else 0.0)
        served = server_cpu() - served
    finally:
        summarise.many.cpu_pool_for = real
    calls = server.stats()["chats"] - before
    assert result.totals.ok == args.articles, result.totals
    waiting = calls / args.concurrency * args.latency
    working = (main_cpu + pool_cpu) / cores
    ideal = max(waiting, working)
    where = f"{cores} worker processes" if pooled else "event loop"
    return [strategy, where, f"{calls / args.articles:.1f}", f"{waiting:.2f}", f"{main_cpu:.2f}",
            f"{pool_cpu:.2f}", f"{working:.2f}", f"{served:.2f}", f"{wall:.2f}", f"{(main_cpu + pool_cpu) / wall:.2f}",
            f"{wall / ideal:.3f}"]  # fmt: skip


if __name__ == "__main__":
    main()
