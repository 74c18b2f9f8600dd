"""Story events named by different words, joined by what their trigger words mean (``stories.meaning``), with a
hand-made encoder standing for the optional embedding model."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from summarise.errors import ConfigError
from summarise.schema import TimeExpr
from summarise.stories import StorySettings, build, meaning, story
from tests.test_story import KIM_PUTIN, article, trigger

WORDS = {"died": (1.0, 0.0, 0.0), "drowned": (0.9, 0.436, 0.0), "rose": (0.0, 0.0, 1.0), "met": (0.0, 1.0, 0.0)}


class Encoder:
    """Fixed unit vectors per word; counts what it is asked to encode."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, phrases: Sequence[str]) -> np.ndarray:
        self.asked += phrases
        rows = np.array([WORDS[p] for p in phrases], dtype=float)
        out: np.ndarray = rows / np.linalg.norm(rows, axis=1, keepdims=True)
        return out


@pytest.fixture
def encoder(monkeypatch: pytest.MonkeyPatch) -> Encoder:
    fake = Encoder()
    monkeypatch.setattr(build, "installed_encoder", lambda: fake)
    return fake


def _event(word: str, value: str | None = None) -> dict[str, Any]:
    time = TimeExpr(text=value, value=value) if value else None
    return {"actor": "e1", "action": word, "status": "happened", "trigger": trigger(word), "time": time}


def _articles(first: str, second: str, times: tuple[str | None, str | None] = (None, None)) -> list[Any]:
    return [
        article("a", "2023-09-13", KIM_PUTIN, [_event(first, times[0]), _event("met")]),
        article("b", "2023-09-14", KIM_PUTIN, [_event(second, times[1]), _event("met")]),
    ]


def _words(collection: Any) -> list[set[str]]:
    (s,) = collection.stories
    return sorted(({m.trigger.text for m in e.mentions} for e in s.events), key=sorted)


def test_words_that_mean_the_same_are_one_event(encoder: Encoder) -> None:
    assert _words(story(_articles("died", "drowned"))) == [{"died", "drowned"}, {"met"}]


def test_words_that_mean_something_else_stay_apart(encoder: Encoder) -> None:
    assert _words(story(_articles("died", "rose"))) == [{"died"}, {"met"}, {"rose"}]


def test_the_same_meaning_on_other_days_stays_apart(encoder: Encoder) -> None:
    found = _words(story(_articles("died", "drowned", ("2023-09-01", "2023-09-10"))))
    assert found == [{"died"}, {"drowned"}, {"met"}]


def test_turned_off_or_without_the_model_the_merge_is_lexical(
    encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _words(story(_articles("died", "drowned"), StorySettings(meaning=None))) == [{"died"}, {"drowned"}, {"met"}]
    assert encoder.asked == []
    monkeypatch.setattr(build, "installed_encoder", lambda: None)
    assert _words(story(_articles("died", "drowned"))) == [{"died"}, {"drowned"}, {"met"}]


def test_each_phrase_is_encoded_once_in_one_batch(encoder: Encoder) -> None:
    story([*_articles("died", "drowned"), article("c", "2023-09-15", KIM_PUTIN, [_event("died")])])
    assert sorted(encoder.asked) == ["died", "drowned", "met"]


def test_no_model_packages_means_no_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import fails as if not installed
    meaning.installed_encoder.cache_clear()
    try:
        assert meaning.installed_encoder() is None
    finally:
        meaning.installed_encoder.cache_clear()


def test_meaning_must_be_a_cosine() -> None:
    with pytest.raises(ConfigError):
        StorySettings(meaning=1.5)
