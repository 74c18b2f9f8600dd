"""Remote path: a batch against the loopback fake server with fixed latency, wall time against the ideal.

    .venv/bin/python benchmarks/bench_remote.py [--articles 200] [--concurrency 32] [--latency 0.2]

Ideal = (model requests / concurrency) x latency: every slot busy all the time and no overhead of our own. The
server (its own process) answers minimal valid JSON, so there are no grounding re-asks and requests per article
are fixed: 3 with `windows` (two sentence windows and the overview), 1 with `--strategy hybrid` (the summary;
claims and events come from the dependency parse, on the event loop; the ideal is then the issue's
200 / 32 x 0.2 s). One untimed article first warms imports.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import fake_server, table, write_feed

from summarise.batch.runner import RunOptions, run_batch
from summarise.config import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[32])
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--strategy", default=None, help="Extraction strategy (default: the endpoint's, windows).")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp, fake_server(args.latency) as server:
        base = Path(tmp)
        warm = Settings(base_url=server.url, home=base / "warm", strategy=args.strategy)
        run_batch([str(write_feed(base / "warm.jsonl", 1, start=10000))], warm, RunOptions(progress=False, fmt="json"))
        for concurrency in args.concurrency:
            feed = write_feed(base / f"feed{concurrency}.jsonl", args.articles)
            settings = Settings(
                base_url=server.url, home=base / f"home{concurrency}", concurrency=concurrency, strategy=args.strategy
            )
            before = server.stats()["chats"]
            started, cpu = time.perf_counter(), time.process_time()
            result = run_batch([str(feed)], settings, RunOptions(out=base / "out.jsonl", progress=False))
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            stats = server.stats()
            calls = stats["chats"] - before
            ideal = calls / concurrency * args.latency
            assert result.totals.ok == args.articles, result.totals
            rows.append(
                [
                    str(args.articles),
                    str(concurrency),
                    f"{calls / args.articles:.1f}",
                    f"{ideal:.2f}",
                    f"{wall:.2f}",
                    f"{1000 * cpu / calls:.1f}",
                    f"{wall / ideal:.3f}",
                ]
            )
    table(
        f"remote path: loopback fake server, {args.latency * 1000:.0f} ms latency (target wall/ideal <= 1.2)",
        ["articles", "concurrency", "calls/article", "ideal s", "wall s", "client CPU ms/call", "wall/ideal"],
        rows,
    )


if __name__ == "__main__":
    main()
