"""Many ArticleSummary records -> a StoryCollection: cluster the articles, then per story link entities, merge
events, group claims and lay out the timeline (one module per step; this one only assembles their results)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..errors import InputError
from ..schema import ArticleSummary, Span
from .claims import Statement, group_claims
from .clusters import cluster_articles
from .entities import link_entities
from .events import (
    MergedEvent,
    article_statuses,
    chosen_actor,
    chosen_report,
    chosen_targets,
    chosen_time,
    merge_events,
)
from .meaning import PhraseVectors, installed_encoder, join_by_meaning, phrase
from .schema import (
    ArticleSpan,
    ClaimMention,
    EntityMention,
    EventMention,
    Story,
    StoryArticle,
    StoryClaim,
    StoryCollection,
    StoryEntity,
    StoryEvent,
)
from .settings import StorySettings
from .timeline import timeline

Meaning = tuple[PhraseVectors, float]
"""Trigger vectors and the least cosine that joins two keys' events (``stories.meaning``)."""
Progress = Callable[[str, int, int], None]
"""Told (step, done, total) as a long merge goes: step "cluster" per article, "merge" per story."""


def checked(summaries: Iterable[Any]) -> list[ArticleSummary]:
    """The inputs as ArticleSummary records (dicts are validated); InputError for anything else or an article id
    given twice."""
    out: list[ArticleSummary] = []
    seen: set[str] = set()
    for n, item in enumerate(summaries, start=1):
        if isinstance(item, dict):
            try:
                item = ArticleSummary.model_validate(item)
            except ValueError as exc:
                raise InputError(f"input {n} is not an ArticleSummary ({str(exc).splitlines()[0]})") from None
        if not isinstance(item, ArticleSummary):
            raise InputError(f"input {n} is a {type(item).__name__}, not an ArticleSummary")
        if item.article.id in seen:
            raise InputError(f"article id {item.article.id!r} is given twice", hint="give each article once")
        seen.add(item.article.id)
        out.append(item)
    return out


def merge(
    summaries: Iterable[Any], settings: StorySettings | None = None, progress: Progress | None = None
) -> StoryCollection:
    """Stories from many articles' summaries (see ``summarise.story``)."""
    given = checked(summaries)
    settings = settings or StorySettings()
    total = len(given)
    groups = cluster_articles(given, settings, None if progress is None else lambda k: progress("cluster", k, total))
    meaning = _meaning(given, settings)
    stories = []
    for n, group in enumerate(groups, start=1):
        stories.append(build_story(f"s{n}", [given[i] for i in group], meaning))
        if progress is not None:
            progress("merge", n, len(groups))
    articles = [
        StoryArticle(id=s.article.id, title=s.article.title, source=s.article.source, published=s.article.published)
        for s in given
    ]
    return StoryCollection(articles=articles, stories=stories)


def _meaning(summaries: Sequence[ArticleSummary], settings: StorySettings) -> Meaning | None:
    """The trigger vectors and threshold for joining events by meaning, every phrase encoded in one batch; None
    when turned off or the model is not installed."""
    encoder = installed_encoder() if settings.meaning is not None else None
    if encoder is None or settings.meaning is None:
        return None
    vectors = PhraseVectors(encoder)
    vectors.add(phrase(e) for s in summaries for e in s.events)
    return vectors, settings.meaning


def build_story(story_id: str, summaries: Sequence[ArticleSummary], meaning: Meaning | None = None) -> Story:
    """One story from its articles (earliest first): entities, events (joined by meaning when given), claims,
    timeline."""
    links = link_entities(summaries)
    entity_ids = [f"{story_id}.e{i}" for i in range(1, len(links.entities) + 1)]
    entities = [
        StoryEntity(
            id=entity_ids[i],
            name=e.name,
            type=e.type,
            aliases=e.aliases,
            mentions=[EntityMention(article=summaries[a].article.id, entity=x.id) for a, x in e.members],
        )
        for i, e in enumerate(links.entities)
    ]
    merged = merge_events(summaries, links)
    if meaning is not None:
        merged = join_by_meaning(merged, *meaning)
    events = [_event(f"{story_id}.v{n}", m, summaries, entity_ids) for n, m in enumerate(merged, start=1)]
    claims = [
        _claim(f"{story_id}.c{n}", st, summaries, entity_ids)
        for n, st in enumerate(_claims_in_order(group_claims(summaries, links)), start=1)
    ]
    return Story(
        id=story_id,
        title=next((s.article.title for s in summaries if s.article.title), None),
        articles=[s.article.id for s in summaries],
        entities=entities,
        events=events,
        claims=claims,
        timeline=timeline(events),
    )


def _claims_in_order(statements: list[Statement]) -> list[Statement]:
    """Statements grouped by claimant (in order of the claimant's first statement), unattributed last."""
    first: dict[int | None, int] = {}
    for i, st in enumerate(statements):
        first.setdefault(st.claimant, i)
    return sorted(statements, key=lambda st: (st.claimant is None, first[st.claimant]))


def _span(article: str, span: Span) -> ArticleSpan:
    return ArticleSpan(article=article, start=span.start, end=span.end, text=span.text, status=span.status)


def _event(event_id: str, m: MergedEvent, summaries: Sequence[ArticleSummary], entity_ids: list[str]) -> StoryEvent:
    mentions = []
    for r in m.reports:
        aid = summaries[r.article].article.id
        e = r.event
        mentions.append(
            EventMention(
                article=aid,
                event=e.id,
                status=e.status,
                published=r.published,
                time=e.time,
                trigger=_span(aid, e.trigger) if e.trigger else None,
                evidence=[_span(aid, s) for s in e.evidence],
            )
        )
    statuses = [s for _, s in article_statuses(m)]
    history = [s for i, s in enumerate(statuses) if i == 0 or s != statuses[i - 1]]
    actor = chosen_actor(m)
    precise = chosen_time(m)
    dates = [r.published for r in m.reports if r.published is not None]
    return StoryEvent(
        id=event_id,
        actor=entity_ids[actor] if actor is not None else None,
        action=chosen_report(m).event.action,
        targets=[entity_ids[t] for t in chosen_targets(m, actor)],
        time=precise.event.time if precise else None,
        status=statuses[-1],
        kind="act" if any(r.event.kind == "act" for r in m.reports) else "state",  # as assemble._join, per article
        statuses=history,
        mentions=mentions,
        earliest=min(dates, default=None),
        latest=max(dates, default=None),
    )


def _claim(claim_id: str, st: Statement, summaries: Sequence[ArticleSummary], entity_ids: list[str]) -> StoryClaim:
    first = st.claims[0][1]
    return StoryClaim(
        id=claim_id,
        claimant=entity_ids[st.claimant] if st.claimant is not None else None,
        content=first.content,
        quote=first.quote,
        mentions=[
            ClaimMention(
                article=summaries[x].article.id,
                claim=c.id,
                published=summaries[x].article.published,
                evidence=[_span(summaries[x].article.id, s) for s in c.evidence],
            )
            for x, c in st.claims
        ],
    )
