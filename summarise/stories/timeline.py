"""A story's timeline: its events ordered by date, each entry citing the articles and spans that report it.

An event is placed at its own resolved time (the most precise one its reports give: ``date_source`` "event
time"), else at the publication date of the earliest report that gives it its present status ("published":
when it was first told so, not when it happened: a meeting first reported as possible and then as held is
placed at the first report that it was held). Entries without either come last, in the order of their first
report.

The timeline holds a story's acts: a state (``StoryEvent.kind``, "the airport serves Bangkok") says what a thing
is, not when something happened, so it is placed only in a story that has nothing else to lay out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .schema import ArticleSpan, StoryEvent, TimelineEntry
from .times import days


def _span_of(event: StoryEvent) -> list[ArticleSpan]:
    """Each report's trigger, else its first evidence span; a span two reports share (two events the article
    read from one trigger) once."""
    out: dict[tuple[str, int, int], ArticleSpan] = {}
    for m in event.mentions:
        span = m.trigger or (m.evidence[0] if m.evidence else None)
        if span is not None:
            out.setdefault((span.article, span.start, span.end), span)
    return list(out.values())


def entry(event: StoryEvent) -> TimelineEntry:
    articles = list(dict.fromkeys(m.article for m in event.mentions))
    spans = _span_of(event)
    value = event.time.value if event.time else None
    if days(value) is not None:
        return TimelineEntry(
            date=value, date_source="event time", event=event.id, status=event.status, articles=articles, spans=spans
        )
    told = [m.published for m in event.mentions if m.published and m.status == event.status]
    first = min(told) if told else event.earliest
    published = first.isoformat() if first else None
    return TimelineEntry(
        date=published, date_source="published", event=event.id, status=event.status, articles=articles, spans=spans
    )


def placed(events: Sequence[StoryEvent]) -> list[StoryEvent]:
    """The events a timeline lays out: the acts, or the states of a story that has no act."""
    return [e for e in events if e.kind == "act"] or list(events)


def timeline(events: Sequence[StoryEvent]) -> list[TimelineEntry]:
    """Entries by the first day of their date (an undated entry last), ties in event order."""
    entries = [entry(e) for e in placed(events)]
    keyed = [(days(x.date), i, x) for i, x in enumerate(entries)]
    keyed.sort(key=lambda k: (k[0] is None, k[0][0] if k[0] else date.min, k[1]))
    return [x for _, _, x in keyed]
