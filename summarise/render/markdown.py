"""A readable Markdown rendering of an ArticleSummary: summary, key items first, every claim and event."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..schema import ArticleSummary, Claim, Event, Span
from . import statements, time_words

_MARK = {"exact": "", "fuzzy": " ≈", "unverified": " ⚠ unverified"}


def _md(text: str) -> str:
    """Escape what Markdown would read as markup."""
    for ch in "\\`*_[]<>|":
        text = text.replace(ch, "\\" + ch)
    return " ".join(text.split())


def _where(spans: list[Span]) -> str:
    if not spans:
        return " ⚠ no evidence"
    return "".join(f" [{s.start}–{s.end}{_MARK[s.status]}]" for s in spans)


def _name(summary: ArticleSummary, entity_id: str | None, fallback: str = "unattributed") -> str:
    entity = summary.entity(entity_id)
    return entity.name if entity else fallback


def _claim(summary: ArticleSummary, c: Claim) -> str:
    who = _name(summary, c.claimant)
    line = f"**{_md(who)}** ({_md(c.cue)}, {c.speech}): {_md(c.content)}"
    if c.quote:
        line += f" — “{_md(c.quote)}”"
    return line + _where(c.evidence)


STATUS_HEADINGS = {
    "happened": "Happened",
    "planned": "Planned",
    "possible": "Possible",
    "conditional": "Conditional",
    "negated": "Did not happen",
    "unknown": "Unclear",
}
"""The Events section in this order: what the article presents as real first, then what it does not; then the
descriptions (``DESCRIBED``)."""
DESCRIBED = "Described"
"""The Events section's last part: the states (``Event.kind``), what a thing is, has or does as a rule ("the
airport serves Bangkok"), apart from what was done."""


def _says(summary: ArticleSummary, e: Event) -> str:
    """Who says so: the claimants of the claims that carry the event (none: the article's own voice)."""
    claims = [c for c in summary.claims if c.id in e.reported_by]
    who = list(dict.fromkeys(_name(summary, c.claimant, "someone unnamed") for c in claims))
    return f" — according to {', '.join(_md(w) for w in who)}" if who else ""


def _event(summary: ArticleSummary, e: Event) -> str:
    actor = summary.entity(e.actor)  # none: a passive ("an agreement was reached") reads on its own
    parts = [f"**{_md(actor.name)}** {_md(e.action)}" if actor else _md(e.action)]
    parts += [f"“{_md(_clip(c.content))}”" for c in statements(summary, e)]
    if e.status != "happened":  # a plan, a possibility, a condition or a denial is never shown as a fact
        parts.insert(0, f"_{e.status}_:")
    if e.targets:
        parts.append("→ " + ", ".join(_md(_name(summary, t, t)) for t in e.targets))
    if e.time:
        parts.append(f"· {_md(time_words(e))}" + (f" ({e.time.value})" if e.time.value else ""))
    if e.location:
        parts.append(f"· {_md(e.location)}")
    return " ".join(parts) + _says(summary, e) + _where(e.evidence) + _retold(e)


def _clip(text: str, words: int = 14) -> str:
    """The first words of what was said: the Claims section has the whole of it."""
    cut = text.split()
    return " ".join(cut[:words]) + (" …" if len(cut) > words else "")


def _told_within(summary: ArticleSummary, events: Sequence[Event]) -> set[str]:
    """The events whose line another line already says: every word of it (doer, action, targets) is in the
    other's, told in no sentence the other is not, with the same status, source, time and place. "Honda sales"
    (the sales, Honda's) is "Honda sales dropped"; "their January sales" is "reported their January sales". The
    reader needs the one line; the event itself stays in the summary (its trigger is an event mention of its
    own). Not "Sales of automobiles in the US" beside "Sales fell": that line names what the other leaves out."""
    words = {e.id: _line_words(summary, e) for e in events}
    return {
        e.id for e in events if any(words[e.id] < words[o.id] and _same_telling(e, o) for o in events if o.id != e.id)
    }


def _line_words(summary: ArticleSummary, e: Event) -> set[str]:
    said = [_name(summary, e.actor, ""), e.action, *(_name(summary, t, t) for t in e.targets)]
    return set(re.findall(r"\w+", " ".join(said).lower()))


def _same_telling(e: Event, other: Event) -> bool:
    """Whether ``other`` tells ``e`` as the article does: in its sentences, as sure, by the same sources, with
    no time, place or other telling of ``e``'s own (a headline's word, ``retold``), and through another word
    (two doers of one verb, "Boeing and the Air Force will protect", are two lines: each says who does it)."""
    return (
        e.trigger != other.trigger
        and {(s.start, s.end) for s in e.evidence} <= {(s.start, s.end) for s in other.evidence}
        and {(w.start, w.end) for w in e.retold} <= {(w.start, w.end) for w in other.retold}
        and e.status == other.status
        and set(e.reported_by) <= set(other.reported_by)
        and (e.time is None or e.time == other.time)
        and (e.location is None or e.location == other.location)
    )


def _lines(summary: ArticleSummary, events: Sequence[Event]) -> list[str]:
    """One line per event, except those another of ``events`` already says (``_told_within``)."""
    within = _told_within(summary, events)
    return [f"- {_event(summary, e)}" for e in events if e.id not in within]


def _retold(e: Event) -> str:
    """Where the article tells the event again (the headline's word, a merged mention's), each word cited."""
    words = [f"“{_md(w.text)}”{_where([w])}" for w in e.retold]
    return f" · told again: {', '.join(words)}" if words else ""


def _times(summary: ArticleSummary) -> list[str]:
    """The time tagger's expressions: as written, TimeML type and resolved value, where."""
    if not summary.times:
        return []
    out = [f"## Times ({len(summary.times)})", ""]
    out += [f"- {_md(t.text)} · {t.type} `{t.value}` [{t.start}–{t.end}]" for t in summary.times]
    return [*out, ""]


def render_markdown(summary: ArticleSummary) -> str:
    a = summary.article
    title = a.title or a.source or a.id
    out = [f"# {_md(title)}", ""]
    meta = [f"published {a.published.isoformat()}" if a.published else "publication date unknown"]
    if a.source:
        meta.append(f"source `{a.source}`")
    out += ["_" + "; ".join(meta) + "_", "", _md(summary.summary), ""]

    key_claims = sorted((c for c in summary.claims if c.key), key=lambda c: c.rank or 0)
    key_events = sorted((e for e in summary.events if e.key), key=lambda e: e.rank or 0)
    if key_claims or key_events:
        out += ["## Key points", ""]
        out += _lines(summary, [e for e in key_events if e.status == "happened"])
        out += _lines(summary, [e for e in key_events if e.status != "happened"])
        out += [f"- {_claim(summary, c)}" for c in key_claims]
        out.append("")

    out += [f"## Claims ({len(summary.claims)})", ""]
    by_claimant: dict[str | None, list[Claim]] = {}
    for c in summary.claims:
        by_claimant.setdefault(c.claimant, []).append(c)
    for claimant, claims in by_claimant.items():
        out.append(f"### {_md(_name(summary, claimant))}")
        for c in claims:
            quote = f" — “{_md(c.quote)}”" if c.quote else ""
            out.append(f"- _{_md(c.cue)}_ ({c.speech}): {_md(c.content)}{quote}{_where(c.evidence)}")
        out.append("")

    dated = sorted(
        summary.events,
        key=lambda e: (
            e.time is None or e.time.value is None,
            e.time.value if e.time and e.time.value else "",
            e.evidence[0].start if e.evidence else 0,
        ),
    )
    acts = [e for e in dated if e.kind == "act"]
    sections = [(heading, _lines(summary, [e for e in acts if e.status == status])) for status, heading in
                STATUS_HEADINGS.items()]  # fmt: skip
    sections.append((DESCRIBED, _lines(summary, [e for e in dated if e.kind == "state"])))
    out += [f"## Events ({sum(len(lines) for _, lines in sections)})", ""]
    for heading, lines in sections:
        if lines:
            out += [f"### {heading} ({len(lines)})", *lines, ""]
    if not dated:
        out.append("")

    out += [f"## Entities ({len(summary.entities)})", ""]
    for ent in summary.entities:
        aliases = f" — also {', '.join(_md(x) for x in ent.aliases)}" if ent.aliases else ""
        out.append(f"- **{_md(ent.name)}** ({ent.type}){aliases}")
    out.append("")

    out += _times(summary)

    p = summary.provenance
    g = p.grounding
    out += [
        "---",
        f"_{p.backend}/{p.model} · strategy {p.strategy} · prompt {p.prompt_id} v{p.prompt_version} · "
        f"{p.prompt_tokens}+{p.completion_tokens} tokens in {p.calls} call{'' if p.calls == 1 else 's'} "
        f"({p.retries} retries) · "
        f"{p.latency_s:.1f} s · spans: {g.exact} exact, {g.fuzzy} fuzzy, {g.unverified} unverified · "
        f"quotes: {g.quotes_verified} verified, {g.quotes_unverified} not found_",
    ]
    if p.warnings:
        out += ["", "Warnings:"] + [f"- {_md(w)}" for w in p.warnings]
    return "\n".join(out) + "\n"
