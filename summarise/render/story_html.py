"""The story page: a StoryCollection as one self-contained HTML page, built like the review page (``html``).

Left, every article of the collection, story by story, with each event report's trigger lit; right, per story
its timeline. Clicking a timeline entry lights every report of the event in every article and scrolls to the
first; clicking one report (``2: happened``) goes to that article's span; clicking lit text shows its events. A
story's states (descriptions the timeline leaves out: ``story_markdown.described``) follow under "Described".
The same script, CSP and escaping as the review page: nothing from an article or a model can run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import InputError
from ..schema import ArticleSummary
from ..stories.schema import Story, StoryCollection, StoryEvent, TimelineEntry
from .html import _BUTTON, _body_text, _chip, _clip, _e, _highlight, _legend, _Mark, _page
from .story_markdown import described, status_history


def _keys(collection: StoryCollection) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
    """Internal keys: story event id -> ``ev-N``; (story event id, report index) -> ``rp-N-M``."""
    events: dict[str, str] = {}
    reports: dict[tuple[str, int], str] = {}
    for story in collection.stories:
        for event in story.events:
            n = len(events)
            events[event.id] = f"ev-{n}"
            for m in range(len(event.mentions)):
                reports[(event.id, m)] = f"rp-{n}-{m}"
    return events, reports


def _marks(collection: StoryCollection, texts: dict[str, str]) -> dict[str, list[_Mark]]:
    """Per article id, its marks: each report's trigger (else its first evidence span), under the report's key
    (an event's spans are its reports': one span is not two items overlapping)."""
    _, reports = _keys(collection)
    out: dict[str, list[_Mark]] = {}
    for story in collection.stories:
        for event in story.events:
            for m, mention in enumerate(event.mentions):
                span = mention.trigger or (mention.evidence[0] if mention.evidence else None)
                text = texts.get(mention.article, "")
                if span is None or not 0 <= span.start < span.end <= len(text):
                    continue
                tip = f"{event.id} {event.action} · {mention.status}"
                mark = _Mark(span.start, span.end, reports[(event.id, m)], "ev", span.status, tip)
                out.setdefault(mention.article, []).append(mark)
    return out


def _when(entry: TimelineEntry) -> str:
    return (entry.date or "undated") + ("" if entry.date_source == "event time" else " (reported)")


def _entry_card(
    story: Story, when: str, event: StoryEvent, keys: tuple[dict[str, str], Any], number: dict[str, int]
) -> str:
    """An event's card: ``when`` (its timeline date, or "description") first, then who did what and its reports."""
    events, reports = keys
    names = {e.id: e.name for e in story.entities}
    actor = f"<b>{_e(names.get(event.actor, event.actor))}</b> " if event.actor else ""
    targets = ", ".join(_e(names.get(t, t)) for t in event.targets)
    what = actor + _e(event.action) + (f' <span class="muted">→</span> {targets}' if targets else "")
    steps = " → ".join(f"{s} ({d})" if d else s for s, d in status_history(event))
    status = "" if event.status == "happened" else _chip(event.status, f"st-{event.status}")
    chips = "".join(
        f'<span class="chip report" data-key="{reports[(event.id, m)]}" {_BUTTON}>'
        f"{number.get(x.article, '?')}: {_e(x.status)}</span> "
        for m, x in enumerate(event.mentions)
    )
    return (
        f'<li class="item ev" data-key="{events[event.id]}" {_BUTTON}>'
        f'<div class="line1"><span class="time">{_e(when)}</span>{status}<code>{_e(event.id)}</code></div>'
        f'<div class="body">{what}</div><div class="small muted">{_e(steps)}</div>'
        f'<div class="small">reports: {chips}</div></li>'
    )


def _story_panel(story: Story, keys: tuple[dict[str, str], Any], number: dict[str, int]) -> str:
    by_id = {e.id: e for e in story.events}
    cards = "".join(_entry_card(story, _when(t), by_id[t.event], keys, number) for t in story.timeline)
    states = described(story)
    if states:
        cards += '<li class="undated small muted">Described</li>'
        cards += "".join(_entry_card(story, "description", e, keys, number) for e in states)
    people = sorted(story.entities, key=lambda x: -len({m.article for m in x.mentions}))[:12]
    who = ", ".join(f"{_e(p.name)} ({len({m.article for m in p.mentions})})" for p in people)
    return (
        f"<h2>{_e(story.id)} · {_e(story.title or 'untitled story')}</h2>"
        f'<div class="small muted">{len(story.articles)} articles · {_e(who)}</div>'
        f'<ol class="items timeline">{cards}</ol>'
    )


def _item_data(
    collection: StoryCollection,
    keys: tuple[dict[str, str], dict[tuple[str, int], str]],
    segs: dict[str, list[str]],
    number: dict[str, int],
) -> dict[str, dict[str, Any]]:
    events, reports = keys
    data: dict[str, dict[str, Any]] = {}
    for story in collection.stories:
        for event in story.events:
            key = events[event.id]
            own = [seg for m in range(len(event.mentions)) for seg in segs.get(reports[(event.id, m)], [])]
            data[key] = {"segs": own, "rel": [], "label": f"{event.id} {_clip(event.action, 80)}"}
            for m, mention in enumerate(event.mentions):
                rkey = reports[(event.id, m)]
                sentence = _clip(mention.evidence[0].text, 400) if mention.evidence else ""
                label = f"{event.id} in article {number.get(mention.article, '?')} ({mention.status})"
                data[rkey] = {"segs": segs.get(rkey, []), "rel": [], "label": label, "sentence": sentence}
    return data


def render_story_html(collection: StoryCollection, summaries: Sequence[ArticleSummary]) -> str:
    """The story page for ``collection``, whose articles' texts come from ``summaries`` (the summaries merged).

    Raises :class:`InputError` when an article of the collection has no summary with its text."""
    given = {s.article.id: s for s in summaries}
    texts: dict[str, str] = {}
    for a in collection.articles:
        if a.id not in given:
            raise InputError(f"no summary given for article {a.id!r} of the stories")
        texts[a.id] = _body_text(given[a.id], None)[0]
    keys = _keys(collection)
    marks = _marks(collection, texts)
    number = {aid: n for s in collection.stories for n, aid in enumerate(s.articles, start=1)}
    sections: list[str] = []
    segs: dict[str, list[str]] = {}
    for story in collection.stories:
        for aid in story.articles:
            html_text, found = _highlight(texts[aid], marks.get(aid, []), f"a{len(sections)}s", lambda _: "k-ev")
            for key, ids in found.items():
                segs.setdefault(key, []).extend(ids)
            meta_of = given[aid].article
            meta = " · ".join(
                _e(x) for x in (meta_of.published and meta_of.published.isoformat(), meta_of.source, aid) if x
            )
            sections.append(
                f'<section class="story-article" id="article-{len(sections)}"><h3>{story.id} · article '
                f"{number[aid]}: {_e(meta_of.title or _clip(texts[aid], 90))}</h3>"
                f'<div class="meta small muted">{meta}</div><div class="text">{html_text}</div></section>'
            )
    panel = "".join(_story_panel(s, keys, {aid: number[aid] for aid in s.articles}) for s in collection.stories)
    n = len(collection.stories)
    title = f"{n} stor{'y' if n == 1 else 'ies'} from {len(collection.articles)} articles"
    body = (
        f'<header class="top"><div><h1>{_e(title)}</h1></div>{_legend([("k-ev", "event report")])}</header>\n'
        f'<main class="layout">\n<section class="article-pane scroller" aria-label="articles">{"".join(sections)}'
        '</section>\n<aside class="panel scroller" aria-label="timeline">'
        '<div class="selection" id="selection">Click a timeline entry to find every report of it; click a report '
        f"to go to it.</div>{panel}</aside>\n</main>"
    )
    return _page(title, "summary-page story-page", body, {"items": _item_data(collection, keys, segs, number)})
