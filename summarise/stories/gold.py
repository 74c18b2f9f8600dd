"""A hand-made story gold (``seeds/story-gold.json``) and its score: are the same entities and events linked
across articles, and different ones kept apart?

The gold names each entity by the surface forms every article uses for it, and each event by the character
spans of its trigger words in every article. A predicted article entity aligns with the gold entity one of whose
forms has its name's key (else an alias's: ``ground.entities`` keys, so case and hyphens do not count); a
predicted article event aligns with the gold event whose trigger span its own trigger overlaps. Scored, as for
ECB+, on the aligned items only: every pair of aligned items from two different articles is a gold link when
both align with one gold item, a predicted link when the story puts both in one entity (one event); precision,
recall and F1 over those links, with the missed and wrong links named.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..ground.entities import name_form
from ..schema import ArticleSummary
from .schema import StoryCollection


@dataclass(frozen=True)
class GoldArticle:
    key: str
    file: str
    published: str | None


@dataclass(frozen=True)
class StoryGold:
    articles: dict[str, GoldArticle]
    entities: list[tuple[str, dict[str, list[str]]]]
    """(name, article key -> surface forms)."""
    events: list[tuple[str, dict[str, list[tuple[int, int]]]]]
    """(name, article key -> trigger spans)."""


def load_gold(path: Path) -> StoryGold:
    """Read a story gold file; InputError when it is missing or malformed."""
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
        articles = {k: GoldArticle(k, str(v["file"]), v.get("published")) for k, v in dict(raw["articles"]).items()}
        entities = [
            (str(e["name"]), {k: [str(f) for f in fs] for k, fs in e["forms"].items()}) for e in raw["entities"]
        ]
        events = [
            (str(e["name"]), {k: [(int(s[0]), int(s[1])) for s in spans] for k, spans in e["triggers"].items()})
            for e in raw["events"]
        ]
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"not a story gold file ({exc})", source=str(path)) from None
    return StoryGold(articles, entities, events)


@dataclass
class LinkScore:
    gold: int = 0
    predicted: int = 0
    correct: int = 0
    aligned: int = 0
    """Predicted article items aligned with some gold item."""
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


Item = tuple[str, str]
"""(article id, the article's own entity or event id)."""


def _score(
    aligned: dict[Item, int], predicted: dict[Item, str], names: list[str], label: Mapping[Item, str]
) -> LinkScore:
    score = LinkScore(aligned=len(aligned))
    for a, b in itertools.combinations(sorted(aligned), 2):
        if a[0] == b[0]:
            continue  # within one article: the pipeline's business, not the story's
        same_gold = aligned[a] == aligned[b]
        same_pred = a in predicted and predicted.get(a) == predicted.get(b)
        score.gold += same_gold
        score.predicted += same_pred
        score.correct += same_gold and same_pred
        pair = f"{label[a]} / {label[b]}"
        if same_gold and not same_pred:
            score.missed.append(f"{names[aligned[a]]}: {pair}")
        elif same_pred and not same_gold:
            score.wrong.append(f"{names[aligned[a]]} ≠ {names[aligned[b]]}: {pair}")
    return score


def score_entities(collection: StoryCollection, summaries: Mapping[str, ArticleSummary], gold: StoryGold) -> LinkScore:
    """Entity links; ``summaries`` maps the gold's article keys to the summaries merged."""
    aligned: dict[Item, int] = {}
    label: dict[Item, str] = {}
    for key, summary in summaries.items():
        forms = {_key(f): g for g, (_, by_article) in enumerate(gold.entities) for f in by_article.get(key, [])}
        for e in summary.entities:
            found = next((forms[k] for k in map(_key, (e.name, *e.aliases)) if k in forms), None)
            if found is not None:
                aligned[(summary.article.id, e.id)] = found
                label[(summary.article.id, e.id)] = f"{key}:{e.id} {e.name}"
    predicted = {(m.article, m.entity): se.id for s in collection.stories for se in s.entities for m in se.mentions}
    return _score(aligned, predicted, [name for name, _ in gold.entities], label)


def score_events(collection: StoryCollection, summaries: Mapping[str, ArticleSummary], gold: StoryGold) -> LinkScore:
    """Event links; ``summaries`` maps the gold's article keys to the summaries merged."""
    aligned: dict[Item, int] = {}
    label: dict[Item, str] = {}
    for key, summary in summaries.items():
        for v in summary.events:
            if v.trigger is None:
                continue
            t = v.trigger
            found = next(
                (g for g, (_, by) in enumerate(gold.events) for s, e in by.get(key, []) if s < t.end and t.start < e),
                None,
            )
            if found is not None:
                aligned[(summary.article.id, v.id)] = found
                label[(summary.article.id, v.id)] = f"{key}:{v.id} {v.action}"
    predicted = {(m.article, m.event): sv.id for s in collection.stories for sv in s.events for m in sv.mentions}
    return _score(aligned, predicted, [name for name, _ in gold.events], label)


def _key(surface: str) -> str:
    form = name_form(surface)
    return form.key if form is not None else surface.casefold()
