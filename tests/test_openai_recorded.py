"""The openai backend against exchanges recorded from llama-cpp-python's OpenAI-compatible server on loopback.

Replayed from tests/cassettes/ (no server needed). To re-record after a prompt or schema change:

    .venv/bin/python -m llama_cpp.server --model ~/.cache/summarise/models/qwen2.5-coder-1.5b-instruct.gguf \
        --model_alias qwen2.5-coder-1.5b-instruct --host 127.0.0.1 --port 8765 --n_ctx 4096 &
    .venv/bin/python -m pytest tests/test_openai_recorded.py --record-mode=rewrite
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from summarise.config import Settings
from summarise.pipeline import asummarise, summarise
from summarise.schema import ArticleSummary

URL = "http://127.0.0.1:8765/v1"
SHORT = (
    "Oslo, May 2 (Wire).- Norway's fisheries minister Kari Dahl said on Tuesday that quotas would be cut by 10%.\n"
    '"We have no choice," Dahl told reporters in Oslo.\n'
    "The fishermen's union called the decision a betrayal and said it would appeal.\n"
)


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    # Body matching keeps replay right when calls run concurrently; keys never reach a cassette.
    return {"match_on": ["method", "path", "body"], "filter_headers": ["authorization", "api-key"]}


def settings() -> Settings:
    return Settings(backend="openai", base_url=URL, max_retries=1, transient_retries=0)


def check(summary: ArticleSummary) -> None:
    assert summary.provenance.backend == "openai"
    assert summary.provenance.calls >= 2 and summary.provenance.prompt_tokens > 0
    assert summary.claims, "the model found no claim"
    names = {e.id: e.name for e in summary.entities}
    assert any(c.claimant in names and "Dahl" in names[c.claimant] for c in summary.claims)
    for item in [*summary.claims, *summary.events]:
        for span in item.evidence:
            if span.status != "unverified":
                assert SHORT[span.start : span.end] == span.text


@pytest.mark.vcr
def test_summarise_through_a_llama_cpp_server() -> None:
    summary = summarise(SHORT, published="2023-05-03", settings=settings())
    check(summary)
    quoted = [c for c in summary.claims if c.quote]
    assert quoted and quoted[0].quote == "We have no choice" and quoted[0].speech == "direct"


@pytest.mark.vcr
def test_async_twin_through_a_llama_cpp_server() -> None:
    summary = asyncio.run(asummarise(SHORT, published="2023-05-03", settings=settings().with_(concurrency=2)))
    check(summary)
