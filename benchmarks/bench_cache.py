"""Cache: a warm re-run of a batch (every article cached) against the cold run that filled the cache.

    .venv/bin/python benchmarks/bench_cache.py [--articles 200] [--concurrency 32] [--latency 0.2]

Both runs go through ``run_batch`` in one process (imports and the backend are warm for both), against the
loopback fake server (its own process) with fixed latency; each is a new run, so the warm one reads every input,
looks every article up, and records and writes every record (store + JSONL) like the cold one.
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
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--latency", type=float, default=0.2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, fake_server(args.latency) as server:
        base = Path(tmp)
        settings = Settings(base_url=server.url, home=base / "home", concurrency=args.concurrency, cache=True)
        run_batch(
            [str(write_feed(base / "warm-up.jsonl", 1, start=10000))], settings, RunOptions(progress=False, fmt="json")
        )
        feed = write_feed(base / "feed.jsonl", args.articles)
        times = {}
        for name in ("cold", "warm"):
            before = server.stats()["chats"]
            started = time.perf_counter()
            result = run_batch(
                [str(feed)], settings, RunOptions(run_name=name, out=base / f"{name}.jsonl", progress=False)
            )
            times[name] = time.perf_counter() - started
            calls = server.stats()["chats"] - before
            assert result.totals.ok == args.articles
            assert (result.totals.cached == args.articles) == (name == "warm") and (calls == 0) == (name == "warm")
    cold, warm = times["cold"], times["warm"]
    table(
        f"cache: {args.articles} articles, {args.latency * 1000:.0f} ms latency, concurrency {args.concurrency} "
        "(target warm/cold <= 0.02)",
        ["articles", "cold s", "warm s", "warm ms/article", "warm/cold"],
        [
            [
                str(args.articles),
                f"{cold:.2f}",
                f"{warm:.3f}",
                f"{1000 * warm / args.articles:.2f}",
                f"{warm / cold:.4f}",
            ]
        ],
    )


if __name__ == "__main__":
    main()
