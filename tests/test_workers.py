"""The batch's CPU steps (the parse, grounding) in worker processes give the same summaries as on the event loop.

Real parts: a loopback endpoint (tests/fakeserver.py), the real parser and grounding, a real process pool.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest
from fakeserver import FakeServer, last_user, plain_answer

from summarise.config import Settings
from summarise.ingest import Document, load_text
from summarise.many import Finished, summarise_many
from summarise.schema import ArticleSummary
from summarise.workers import pools

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
