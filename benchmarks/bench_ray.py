"""The Ray engine against the local batch: the same articles, the loopback fake server with fixed latency.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_ray.py [--articles 200] [--latency 0.2] [--concurrency 32]
        [--strategy windows hybrid] [--actors 1 2]

For each strategy: the local batch (``run_batch``, one process, ``--concurrency`` requests in flight) and the
Ray engine (``run_on_ray``: a local cluster, ``--actors`` actors with ``--concurrency`` each, the driver
recording as the local batch does). Printed: the cluster's start-up (``ray.init``), the fixed cost of a run
(a 2-article run on the started cluster: actor start, model-free backend build, scheduling), wall time, ideal
(requests ÷ (actors × concurrency) × latency), throughput per actor; and CPU per article, from /proc: the
local batch's process and its pool of workers (the parse, grounding and client work: the same work an actor
does per article), and the Ray driver's process (reading the actors' output and recording it: the part that does
not spread over a cluster) beside the local cluster's processes (the actors, raylet, GCS). The fake server is
counted in neither. Run by hand; figures vary with what else the machine runs.
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import time
from pathlib import Path

from _common import ROOT, Usage, fake_server, metered, table, write_feed

from summarise.batch.runner import RunOptions, run_batch
from summarise.config import Settings
from summarise.engines.ray_run import quiet_ray_data, run_on_ray


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--strategy", nargs="+", default=["windows", "hybrid"])
    parser.add_argument("--actors", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    import ray

    os.environ["PYTHONPATH"] = str(ROOT)  # the workers import this checkout
    rows: list[list[str]] = []
    costs: list[list[str]] = []
    with tempfile.TemporaryDirectory() as tmp, fake_server(args.latency) as server:
        base = Path(tmp)
        feed = write_feed(base / "feed.jsonl", args.articles)
        small = write_feed(base / "small.jsonl", 2, start=10_000)
        started = time.perf_counter()
        ray.init(include_dashboard=False, logging_level=logging.WARNING, _node_ip_address="127.0.0.1")
        startup = time.perf_counter() - started
        quiet_ray_data()
        cpus = ray.cluster_resources().get("CPU", 0)
        try:
            for strategy in args.strategy:

                def settings(name: str, strategy: str = strategy) -> Settings:
                    return Settings(
                        base_url=server.url, home=base / name, concurrency=args.concurrency, strategy=strategy
                    )

                run_batch([str(small)], settings(f"warm-{strategy}"), RunOptions(progress=False, fmt="json"))
                calls = server.stats()["chats"]
                with metered(apart=b"fakeserver.py") as usage:
                    run_batch(
                        [str(feed)], settings(f"local-{strategy}"), RunOptions(out=base / "local.jsonl", progress=False)
                    )
                wall = usage.wall
                costs.append(cost(strategy, "local batch: process + its workers", usage, args.articles))
                calls = server.stats()["chats"] - calls
                ideal = calls / args.concurrency * args.latency
                rows.append([strategy, "local batch", "1 process", "–", f"{wall:.2f}", f"{ideal:.2f}",
                             f"{wall / ideal:.2f}", f"{args.articles / wall:.1f}"])  # fmt: skip
                for actors in args.actors:
                    began = time.perf_counter()
                    fixed_settings = settings(f"fixed-{strategy}-{actors}")
                    run_on_ray([str(small)], fixed_settings, RunOptions(fmt="json", progress=False), actors=actors)
                    fixed = time.perf_counter() - began - 2 / args.concurrency * args.latency * calls / args.articles
                    options = RunOptions(out=base / "ray.jsonl", progress=False)
                    with metered(apart=b"fakeserver.py") as usage:
                        result = run_on_ray([str(feed)], settings(f"ray-{strategy}-{actors}"), options, actors=actors)
                    wall = usage.wall
                    assert result.totals.ok == args.articles, result.totals
                    ideal = calls / (args.concurrency * actors) * args.latency
                    rows.append([strategy, "ray", f"{actors} actor(s)", f"{fixed:.2f}", f"{wall:.2f}", f"{ideal:.2f}",
                                 f"{wall / ideal:.2f}", f"{args.articles / wall / actors:.1f}"])  # fmt: skip
                    costs.append(cost(strategy, f"ray, {actors} actor(s): driver + cluster", usage, args.articles))
        finally:
            ray.shutdown()
    print(f"Ray: local cluster of {cpus:g} CPUs, start-up (ray.init) {startup:.2f} s")
    table(
        f"{args.articles} articles, loopback fake server, {args.latency * 1000:.0f} ms latency, "
        f"concurrency {args.concurrency} per process/actor",
        ["strategy", "engine", "pool", "fixed s", "wall s", "ideal s", "wall/ideal", "articles/s per actor"],
        rows,
    )
    table(
        "CPU per article (ms)", ["strategy", "run: this process + its other processes", "this", "others", "all"], costs
    )


def cost(strategy: str, what: str, usage: Usage, articles: int) -> list[str]:
    per = [1000 * cpu / articles for cpu in (usage.own, usage.children, usage.ours)]
    return [strategy, what, *(f"{ms:.1f}" for ms in per)]


if __name__ == "__main__":
    main()
