"""The two seed articles (one story a week apart) through the parse strategy and the story layer, scored against
the hand-made story gold (seeds/story-gold.json): which entities and events are the same across them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from summarise import Settings, summarise
from summarise.schema import ArticleSummary
from summarise.stories import StoryCollection, story
from summarise.stories.gold import load_gold, score_entities, score_events
from summarise.stories.times import days

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLD = load_gold(SEEDS / "story-gold.json")


@cache
def seeds() -> tuple[dict[str, ArticleSummary], StoryCollection]:
    settings = Settings(backend="fake", strategy="parse", cache=False)
    summaries = {
        key: summarise((SEEDS / a.file).read_text(encoding="utf-8"), published=a.published, settings=settings)
        for key, a in GOLD.articles.items()
    }
    return summaries, story(summaries.values())


def test_the_seeds_are_one_story_with_kim_as_one_entity() -> None:
    summaries, collection = seeds()
    (s,) = collection.stories
    assert s.articles == [summaries["000"].article.id, summaries["002"].article.id]
    kims = [e for e in s.entities if "Kim" in e.name or "Kim" in e.aliases]
    assert len(kims) == 1 and {m.article for m in kims[0].mentions} == set(s.articles)
    assert kims[0].name == "Kim Jong-un" and "Kim Jong Un" in kims[0].aliases


def test_the_meeting_is_one_event_possible_then_held() -> None:
    summaries, collection = seeds()
    (s,) = collection.stories
    kim = next(e.id for e in s.entities if e.name == "Kim Jong-un")
    putin = next(e.id for e in s.entities if e.name == "Vladimir Putin")
    (meeting,) = [e for e in s.events if e.actor == kim and putin in e.targets and len(e.mentions) > 1]
    assert meeting.statuses == ["possible", "happened"] and meeting.status == "happened"
    assert (meeting.earliest, meeting.latest) == (
        summaries["000"].article.published,
        summaries["002"].article.published,
    )
    (visit,) = [e for e in s.events if e.actor == kim and e.statuses == ["planned", "happened"]]
    assert {m.article for m in visit.mentions} == set(s.articles)


def test_the_timeline_is_dated_and_cites_its_spans() -> None:
    summaries, collection = seeds()
    (s,) = collection.stories
    assert s.timeline and all(t.date for t in s.timeline)
    texts = {x.article.id: x.article.text or "" for x in summaries.values()}
    for entry in s.timeline:
        assert entry.spans and all(texts[sp.article][sp.start : sp.end] == sp.text for sp in entry.spans)
    starts = [first for t in s.timeline if (span := days(t.date)) for first in span[:1]]
    assert len(starts) == len(s.timeline) and starts == sorted(starts)
    assert {t.date_source for t in s.timeline} == {"event time", "published"}


def test_the_story_gold_scores_one_but_for_a_visit_inside_a_visit() -> None:
    """Entity links 1.0; event links: recall 1.0, and the only wrong links put Kim's visit to the aircraft
    factories (15 Sep) into his visit to Russia (from 12 Sep): the same actor and verb, its day inside the
    trip's, so no rule of the merge tells a part from the whole (a rule on the words after the verb did, and
    cost 0.03 event CoNLL F1 on ECB+ dev: see summarise/stories/events.py)."""
    summaries, collection = seeds()
    entities = score_entities(collection, summaries, GOLD)
    events = score_events(collection, summaries, GOLD)
    assert (entities.precision, entities.recall) == (1.0, 1.0), (entities.missed, entities.wrong)
    assert entities.gold >= 8
    assert events.recall == 1.0 and events.gold == 3, events.missed
    assert events.wrong and all(
        w.startswith("Kim visits Russia (from 12 Sep) ≠ Kim visits aircraft") for w in events.wrong
    )
