"""The batch's CPU steps (the parse, grounding) in worker processes give the same summaries as on the event loop,
and a worker that dies loses no article.

Real parts: a loopback endpoint (tests/fakeserver.py), the real parser and grounding, a real process pool, real
``SIGKILL``s.
"""

from __future__ import annotations

import asyncio
import contextvars
import os
import re
import signal
from pathlib import Path
from typing import Any

import pytest
from fakeserver import FakeServer, Reply, last_user, plain_answer

from summarise.config import Settings
from summarise.ingest import Document, load_text
from summarise.many import Finished, summarise_many
from summarise.schema import ArticleSummary
from summarise.workers import CpuPool, WorkerDied, pools, using

ARTICLES = [
    "{name} Holdings said on Tuesday it would close its plant in Sheffield by March, cutting 400 jobs. "
    '"This was a painful decision," chief executive Maria Lopez told reporters. '
    "The union said it would ballot members on strike action next week. "
    "Shares in {name} rose 3% in London after the announcement.",
    "The mayor of Leeds, Tracy Brabin, said the council would buy {name}'s old depot. "
    "Residents protested outside the town hall on Monday. "
    '"We were never asked," said Ann Hughes, who lives nearby.',
]
NUMBERED = re.compile(r"^\[(\d+)\] (.+)$", re.MULTILINE)


def window_answer(messages: list[dict[str, Any]], schema: dict[str, Any]) -> Any:
    """A window's answer with items to ground: a claim for each sentence with "said", an event for every other."""
    if "summary" in schema.get("properties", {}):
        return plain_answer(messages, schema)
    claims, events = [], []
    for number, sentence in NUMBERED.findall(last_user({"messages": messages})):
        words = sentence.split()
        if " said " in sentence:
            claims.append({"s": int(number), "who": " ".join(words[:2]), "verb": "said", "what": sentence[:150]})
        else:
            events.append({"s": int(number), "actor": words[0], "action": " ".join(words[1:4]), "targets": []})
    return {"claims": claims, "events": events}


def documents() -> list[Document]:
    return [
        load_text(text.format(name=f"Northwind{i}"), id=f"a{i}", published="2024-03-05")
        for i, text in enumerate(ARTICLES * 3)
    ]


def summaries(settings: Settings, *, cpu_workers: bool) -> list[ArticleSummary]:
    done: list[Finished] = []
    asyncio.run(summarise_many(documents(), settings, on_done=done.append, cpu_workers=cpu_workers))
    assert all(f.error is None for f in done), [f.error for f in done]
    return [f.summary for f in sorted(done, key=lambda f: f.index) if f.summary is not None]


def without_latency(summary: ArticleSummary) -> dict[str, Any]:
    data = summary.model_dump()
    data["provenance"].pop("latency_s")
    return data


@pytest.mark.parametrize("strategy", ["hybrid", "windows"])
def test_the_pool_changes_nothing_but_where_the_work_runs(tmp_path: Path, strategy: str) -> None:
    with FakeServer(answer=window_answer) as server:
        settings = Settings(base_url=server.url, home=tmp_path / "home", concurrency=4, strategy=strategy)
        on_loop = summaries(settings, cpu_workers=False)
        spent = sum(pool.cpu_s for pool in pools())
        in_pool = summaries(settings, cpu_workers=True)

    assert sum(pool.cpu_s for pool in pools()) > spent  # the steps did run in the workers
    assert len(in_pool) == len(on_loop) == 6
    assert [without_latency(s) for s in in_pool] == [without_latency(s) for s in on_loop]
    assert sum(len(s.claims) + len(s.events) for s in in_pool) >= 6  # something was grounded


def spawned_children() -> list[int]:
    """This process's worker processes (multiprocessing's ``spawn`` children)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (stat.parent / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if parent == os.getpid() and b"spawn_main" in cmdline:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.parametrize("strategy", ["hybrid", "windows"])
def test_workers_killed_mid_batch_lose_no_article(tmp_path: Path, strategy: str) -> None:
    killed: list[int] = []
    seen: list[int] = []

    def kill_at_third_request(index: int, body: dict[str, Any]) -> Reply:
        seen.append(index)
        if len(seen) == 3:  # the pool's workers are started by now (``cpu_pool`` starts them), in use or between steps
            killed.extend(spawned_children())
            for pid in killed:
                os.kill(pid, signal.SIGKILL)
        return Reply.answer()

    with FakeServer(answer=window_answer) as server:
        settings = Settings(base_url=server.url, home=tmp_path / "home", concurrency=4, strategy=strategy)
        expected = summaries(settings, cpu_workers=False)
        renewed = sum(pool.renewals for pool in pools())
        server.script = kill_at_third_request
        got = summaries(settings, cpu_workers=True)  # fails if any article came back with an error

    assert killed
    assert sum(pool.renewals for pool in pools()) > renewed  # the broken executor was replaced
    assert [without_latency(s) for s in got] == [without_latency(s) for s in expected]


def upper_unless_poison(value: str) -> str:
    """A step that kills its own worker process on one input, whatever process runs it."""
    if value == "poison":
        os.kill(os.getpid(), signal.SIGKILL)
    return value.upper()


def test_a_step_that_kills_every_worker_fails_alone() -> None:
    pool = CpuPool(2)
    try:
        pool.start()

        async def run_all() -> list[str | BaseException]:
            values = ["a", "b", "poison", "c", "d", "e"]
            return await asyncio.gather(*(pool.run(upper_unless_poison, v) for v in values), return_exceptions=True)

        results = asyncio.run(run_all())
        after = asyncio.run(pool.run(upper_unless_poison, "f"))  # the pool works on, in a later event loop too
    finally:
        pool.close()

    assert results[:2] + results[3:] == ["A", "B", "C", "D", "E"]
    assert isinstance(results[2], WorkerDied)
    assert after == "F"
    assert pool.renewals == 2  # the pool's executor, and the retries' one


class _Pause:
    def __await__(self) -> Any:
        yield


def test_a_batch_coroutine_closed_unfinished_elsewhere_closes_quietly() -> None:
    """The garbage collector closes an abandoned batch coroutine in its own context, not the one that chose the
    pool: closing it must not raise."""

    async def batch() -> None:
        with using(None):
            await _Pause()

    coro = batch()
    contextvars.copy_context().run(coro.send, None)  # started in a context of its own, then left suspended
    coro.close()  # raised ValueError (the token belongs to the other context) before workers.using allowed it
