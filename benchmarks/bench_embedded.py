"""Embedded path: batch overhead over raw llama.cpp, KV prefix reuse across articles, and peak memory.

    .venv/bin/python benchmarks/bench_embedded.py --model /tmp/models/qwen-0.5b.gguf [--articles 20] [--threads 2]

1. A batch of N articles through ``run_batch`` on the embedded backend (one model, articles in order), with every
   raw model call recorded: its messages, response format, and the tokens it evaluated and generated (llama.cpp's
   own perf counters).
2. Raw llama.cpp: the same calls replayed in the same order on the same loaded model (KV cache reset first, as at
   the start of the batch), each generating exactly the tokens the batch generated. Target: batch wall / raw <= 1.10.
3. Prefix reuse: each recorded prompt evaluated cold (KV cache reset before every call, one token generated);
   prompt-evaluation time per article in the batch / cold. Target <= 0.6.
4. Peak resident memory of the process after the batch (VmHWM), beside the resident size with the model loaded.

Passes 2 and 3 repeat the model work of pass 1, so the whole takes about three times the batch.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from _common import ROOT, table, write_feed

from summarise.backends.base import translate_response_format
from summarise.batch.runner import Hooks, RunOptions, run_batch
from summarise.config import Settings
from summarise.pipeline import backend_for


@dataclass
class Call:
    article: int
    kwargs: dict[str, Any]
    prompt_tokens: int
    """Tokens whose prompt evaluation llama.cpp ran (fewer than the prompt when a prefix was reused)."""
    prompt_ms: float
    generated: int
    eval_ms: float


def perf(llama: Any) -> tuple[float, int, float, int]:
    import llama_cpp

    data = llama_cpp.llama_perf_context(llama._ctx.ctx)
    return data.t_p_eval_ms, data.n_p_eval, data.t_eval_ms, data.n_eval


def memory_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def main() -> None:
    logging.getLogger("instructor").setLevel(logging.CRITICAL)  # failed attempts are counted, not printed
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="A .gguf file, or a known local model name.")
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--seeds", action="store_true", help="Use the repo's seed articles (repeated) as input.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        settings = Settings(backend="local", model=args.model, threads=args.threads, home=base / "home")
        backend: Any = backend_for(replace(settings, cache=False))  # the one run_batch will use
        llama = backend.llama  # load now: model load is not batch time
        rss_loaded = memory_kib("VmRSS")
        calls: list[Call] = []
        article = {"n": 0}
        raw_create = backend.raw_create

        def recording(**kwargs: Any) -> Any:
            before = perf(llama)
            try:
                return raw_create(**kwargs)
            finally:  # a call cut short (run-away, deadline) did its model work too: record it as well
                after = perf(llama)
                calls.append(
                    Call(
                        article["n"],
                        kwargs,
                        after[1] - before[1],
                        after[0] - before[0],
                        after[3] - before[3],
                        after[2] - before[2],
                    )
                )

        backend.raw_create = recording  # instructor is patched on first use: it takes this one
        if args.seeds:
            feed = base / "feed"
            feed.mkdir()
            seeds = sorted((ROOT / "seeds").glob("*.txt"))
            for i in range(args.articles):
                text = seeds[i % len(seeds)].read_text(encoding="utf-8")
                (feed / f"{i:03d}.txt").write_text(text + f"\n(Copy {i}.)\n", encoding="utf-8")
        else:
            feed = write_feed(base / "feed.jsonl", args.articles)

        def next_article(*_: Any) -> None:
            article["n"] += 1

        llama.reset()
        started = time.perf_counter()
        result = run_batch(
            [str(feed)],
            settings,
            RunOptions(fmt="json", progress=False),
            backend=backend,
            hooks=Hooks(on_record=next_article),
        )
        batch_s = time.perf_counter() - started
        peak = memory_kib("VmHWM")
        done = result.totals.ok + result.totals.partial

        # 2. the same calls, raw, same order, same token counts
        llama.reset()
        started = time.perf_counter()
        for call in calls:
            kw = call.kwargs
            llama.create_chat_completion(
                messages=kw["messages"],
                response_format=translate_response_format(kw.get("response_format")),
                max_tokens=max(call.generated, 1),
                temperature=settings.temperature,
                seed=settings.seed,
            )
        raw_s = time.perf_counter() - started

        # 3. cold prompt evaluation, call by call
        cold_ms: dict[int, float] = {}
        for call in calls:
            llama.reset()
            before = perf(llama)
            llama.create_chat_completion(
                messages=call.kwargs["messages"],
                response_format=translate_response_format(call.kwargs.get("response_format")),
                max_tokens=1,
            )
            cold_ms[call.article] = cold_ms.get(call.article, 0.0) + perf(llama)[0] - before[0]

    warm_ms: dict[int, float] = {}
    for call in calls:
        warm_ms[call.article] = warm_ms.get(call.article, 0.0) + call.prompt_ms
    articles = sorted(warm_ms)
    later = articles[1:] or articles  # the first article has nothing to reuse
    warm = statistics.mean(warm_ms[a] for a in later)
    cold = statistics.mean(cold_ms[a] for a in later)
    n_calls = len(calls)
    table(
        f"embedded path: {Path(args.model).name}, {done}/{args.articles} articles summarised, {n_calls} model calls, "
        f"{sum(c.generated for c in calls)} tokens generated",
        ["measure", "value", "target"],
        [
            ["batch wall s / article", f"{batch_s / args.articles:.2f}", ""],
            ["raw llama.cpp s / article", f"{raw_s / args.articles:.2f}", ""],
            ["batch / raw", f"{batch_s / raw_s:.3f}", "<= 1.10"],
            ["prompt eval ms / article, batch (after the 1st)", f"{warm:.0f}", ""],
            ["prompt eval ms / article, cold", f"{cold:.0f}", ""],
            ["prompt eval batch / cold", f"{warm / cold:.3f}", "<= 0.6"],
            ["prompt tokens evaluated / call, batch", f"{statistics.mean(c.prompt_tokens for c in calls):.0f}", ""],
            ["RSS with model loaded, MiB", f"{rss_loaded / 1024:.0f}", ""],
            [f"peak RSS after the {args.articles}-article batch, MiB", f"{peak / 1024:.0f}", ""],
        ],
    )


if __name__ == "__main__":
    main()
