"""A readable Markdown rendering of a StoryCollection: per story its articles, a dated timeline whose every entry
cites its articles and spans, the events reported more than once with their status over time, the descriptions,
entities and claims by claimant. A story's states (``StoryEvent.kind``: what a thing is, has or does as a rule)
are listed under "Described", after what was done, unless its timeline holds them (a story with no act).
Articles are cited by their number in the story's list: ``[2: 299–302]`` is the span 299–302 of the story's
second article."""

from __future__ import annotations

from ..stories.events import FACTUAL
from ..stories.schema import ArticleSpan, Story, StoryArticle, StoryCollection, StoryEvent, TimelineEntry
from .markdown import _md


def _cite(spans: list[ArticleSpan], number: dict[str, int]) -> str:
    cites = dict.fromkeys(f" [{number.get(s.article, '?')}: {s.start}–{s.end}]" for s in spans)
    return "".join(cites)


def status_history(event: StoryEvent) -> list[tuple[str, str | None]]:
    """(status, publication date) per reporting article, earliest first, the most factual status where an article
    reports the event more than once; repeats of one status kept only at their first date."""
    per: dict[str, tuple[str, str | None]] = {}
    for m in event.mentions:
        seen = per.get(m.article)
        if seen is None or FACTUAL.index(m.status) < FACTUAL.index(seen[0]):
            per[m.article] = (m.status, m.published.isoformat() if m.published else None)
    out: list[tuple[str, str | None]] = []
    for status, day in per.values():
        if not out or out[-1][0] != status:
            out.append((status, day))
    return out


def described(story: Story) -> list[StoryEvent]:
    """The story's states its timeline leaves out (all of them, unless the story has no act), in event order."""
    placed = {t.event for t in story.timeline}
    return [e for e in story.events if e.kind == "state" and e.id not in placed]


def _reports(event: StoryEvent, number: dict[str, int]) -> str:
    """Each report's trigger (else its first evidence) cited."""
    return _cite([m.trigger or m.evidence[0] for m in event.mentions if m.trigger or m.evidence], number)


def _history(event: StoryEvent) -> str:
    steps = status_history(event)
    if len(steps) < 2:
        return f"_{event.status}_" if event.status != "happened" else ""
    return "_" + " → ".join(f"{s} ({d})" if d else s for s, d in steps) + "_"


def _event_line(story: Story, event: StoryEvent) -> str:
    names = {e.id: e.name for e in story.entities}
    actor = f"**{_md(names.get(event.actor, event.actor))}** " if event.actor else ""
    line = actor + _md(event.action)
    if event.targets:
        line += " → " + ", ".join(_md(names.get(t, t)) for t in event.targets)
    if event.time and event.time.text:
        line += f" · {_md(event.time.text)}" + (f" ({event.time.value})" if event.time.value else "")
    history = _history(event)
    return line + (f" · {history}" if history else "")


def _entry(story: Story, entry: TimelineEntry, number: dict[str, int]) -> str:
    event = next(e for e in story.events if e.id == entry.event)
    when = entry.date or "undated"
    when = f"**{when}**" if entry.date_source == "event time" else f"{when} (reported)"
    return f"- {when} · {_event_line(story, event)}{_cite(entry.spans, number)}"


def _articles(story: Story, meta: dict[str, StoryArticle]) -> list[str]:
    out = []
    for n, aid in enumerate(story.articles, start=1):
        a = meta.get(aid)
        day = a.published.isoformat() if a and a.published else "undated"
        label = (a.title or a.source) if a else None
        out.append(f"{n}. {day} · {_md(label or aid)} (`{aid}`)")
    return out


def render_story(story: Story, meta: dict[str, StoryArticle]) -> list[str]:
    number = {aid: n for n, aid in enumerate(story.articles, start=1)}
    out = [f"## {story.id} · {_md(story.title or 'untitled story')}", "", *_articles(story, meta), ""]
    out += [f"### Timeline ({len(story.timeline)})", ""]
    out += [_entry(story, t, number) for t in story.timeline] + [""]
    states = described(story)
    left = {e.id for e in states}
    shared = [e for e in story.events if len({m.article for m in e.mentions}) > 1 and e.id not in left]
    if shared:
        out += [f"### Events reported by several articles ({len(shared)})", ""]
        out += [f"- {_event_line(story, e)}{_reports(e, number)}" for e in shared] + [""]
    if states:
        out += [f"### Described ({len(states)})", ""]
        out += [f"- {_event_line(story, e)}{_reports(e, number)}" for e in states] + [""]
    out += [f"### Entities ({len(story.entities)})", ""]
    for ent in sorted(story.entities, key=lambda x: -len({m.article for m in x.mentions})):
        where = len({m.article for m in ent.mentions})
        aliases = f" — also {', '.join(_md(a) for a in ent.aliases)}" if ent.aliases else ""
        out.append(f"- **{_md(ent.name)}** ({ent.type}, {where} article{'s' if where > 1 else ''}){aliases}")
    out += ["", f"### Claims ({len(story.claims)})", ""]
    names = {e.id: e.name for e in story.entities}
    current: str | None = "\0"
    for c in story.claims:
        if c.claimant != current:
            current = c.claimant
            out += [f"#### {_md(names.get(c.claimant, c.claimant) if c.claimant else 'unattributed')}"]
        cites = _cite([s for m in c.mentions for s in m.evidence[:1]], number)
        out.append(f"- {_md(c.content)}{cites}")
    return [*out, ""]


def render_story_markdown(collection: StoryCollection) -> str:
    meta = {a.id: a for a in collection.articles}
    n = len(collection.stories)
    out = [f"# {n} stor{'y' if n == 1 else 'ies'} from {len(collection.articles)} articles", ""]
    for story in collection.stories:
        out += render_story(story, meta)
    return "\n".join(out).rstrip("\n") + "\n"
