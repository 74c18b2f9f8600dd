"""Extraction hands grounding one record per item kind, the same whether the parse or a model found the item."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from summarise.backends.fake import FakeBackend
from summarise.config import Settings
from summarise.extract.answers import Overview, WindowAnswer
from summarise.extract.items import ExtractedClaim, ExtractedEvent
from summarise.extract.strategies import extract
from summarise.ground.checks import ArticleChecks
from summarise.ingest import load_text
from summarise.pipeline import prompt_for

TEXT = (
    "Roux said the tram would open in May. The council voted on Monday. "
    "Ito warned that costs would rise sharply next year."
)


def _run(strategy: str, backend: FakeBackend) -> Any:
    doc = load_text(TEXT, published="2024-03-06")
    settings = Settings(strategy=strategy, cache=False)
    return doc, extract(doc, backend, settings, prompt_for(settings, backend), strategy, ArticleChecks(doc.text))


def test_the_parse_hands_on_items_cut_from_the_text() -> None:
    doc, found = _run("parse", FakeBackend())
    assert found.claims and found.events
    for item in [*found.claims, *found.events]:
        assert type(item) in (ExtractedClaim, ExtractedEvent) and item.origin == "parse"
        start, end = doc.sentences[item.sentence - 1]
        assert item.bounds[0] <= start < end <= item.bounds[1]  # the window holding its sentence
    assert all(c.what in TEXT and c.verb in TEXT for c in found.claims)


def test_a_model_answer_becomes_the_same_items() -> None:
    def script(messages: list[dict[str, str]], model: type[BaseModel] | None) -> dict[str, Any]:
        if model is Overview:
            return {"summary": "A tram opens in May."}
        assert model is WindowAnswer
        numbers = re.findall(r"^\[(\d+)\] ", messages[-1]["content"], re.M)
        first = int(numbers[0])
        return {
            "claims": [{"s": first, "who": "Roux", "verb": "said", "what": "The tram opens in May."}],
            "events": [{"s": first + 1, "actor": "council", "action": "voted", "when": "", "where": None}],
        }

    doc, found = _run("windows", FakeBackend(script))
    assert [type(c) for c in found.claims] == [ExtractedClaim] and [type(e) for e in found.events] == [ExtractedEvent]
    claim, event = found.claims[0], found.events[0]
    assert claim.origin == event.origin == "model"
    assert (claim.who, claim.verb, claim.what) == ("Roux", "said", "The tram opens in May.")  # as the model wrote it
    assert event.when is None  # a model's '' is no time given
    assert claim.bounds == (doc.sentences[0][0], doc.sentences[-1][1])  # the window it read: all three sentences
