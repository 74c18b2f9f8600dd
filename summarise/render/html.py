"""Self-contained HTML review pages: the article with every evidence span highlighted, and a panel of items.

Pages work offline: CSS and JS are inlined from ``assets/``; data for the script sits in an escaped
``<script type="application/json">`` block; a Content-Security-Policy allows only that one script (by hash),
so nothing the model or the article says can run. Internal keys (``ev-0``, ``d1-r3``) tie text segments to
panel items; model-made ids are only ever shown as escaped text.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from summarise.errors import InputError
from summarise.schema import ArticleSummary, Claim, Entity, Event, Span

from . import statements, time_words

__all__ = ["EvalDocView", "render_eval_html", "render_summary_html"]

Item = Entity | Event | Claim


@dataclass
class EvalDocView:
    """One scored document, as the eval harness hands it to :func:`render_eval_html`.

    ``text`` is the article text both summaries' spans index. ``predicted`` is None when the run failed (then
    ``error`` says why). Ids refer to entities, events or claims of ``gold`` / ``predicted``:

    - ``matches``: ``(gold_id, pred_id, similarity in [0, 1], names of fields that differ)`` per aligned pair;
    - ``missed``: gold ids with no predicted counterpart;
    - ``false_positives``: predicted ids with no gold counterpart.
    """

    doc_id: str
    text: str
    gold: ArticleSummary
    predicted: ArticleSummary | None = None
    error: str | None = None
    matches: list[tuple[str, str, float, list[str]]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------------- helpers


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


@cache
def _asset(name: str) -> str:
    return resources.files("summarise.render").joinpath("assets", name).read_text(encoding="utf-8")


def _json_block(data: Any) -> str:
    """JSON for a ``<script type="application/json">`` block, with ``<``, ``>``, ``&`` escaped."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return raw.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _page(title: str, body_class: str, body: str, data: dict[str, Any]) -> str:
    script = _asset("review.js")
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>\n{_asset('review.css')}</style>\n</head>\n"
        f'<body class="{body_class}">\n{body}\n'
        f'<script type="application/json" id="review-data">{_json_block(data)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


@dataclass(frozen=True)
class _Mark:
    """One evidence span to highlight: which item (internal key) it supports, and how to colour it."""

    start: int
    end: int
    key: str
    kind: str
    status: str
    tip: str
    retold: bool = False
    """A word where the article tells an event again (``Event.retold``), not where it first tells it."""


def _highlight(
    text: str, marks: Iterable[_Mark], prefix: str, kind_class: Callable[[set[str]], str]
) -> tuple[str, dict[str, list[str]]]:
    """Escaped ``text`` cut at every span boundary; covered segments become ``<mark>``s listing their items.

    Returns the HTML and, per item key, the ids of the segments it covers. Spans outside the text are skipped.
    """
    located = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in located), *(m.end for m in located)})
    parts: list[str] = []
    segs: dict[str, list[str]] = {}
    count = 0
    for a, b in itertools.pairwise(cuts):
        cover = [m for m in located if m.start <= a and b <= m.end]
        if not cover:
            parts.append(_e(text[a:b]))
            continue
        sid = f"{prefix}{count}"
        count += 1
        keys = list(dict.fromkeys(m.key for m in cover))
        for key in keys:
            segs.setdefault(key, []).append(sid)
        statuses = {m.status for m in cover}
        classes = ["hl", kind_class({m.kind for m in cover})]
        if len(keys) > 1:
            classes.append("ov")
        if "unverified" in statuses:
            classes.append("unv")
        elif "fuzzy" in statuses:
            classes.append("fz")
        if all(m.retold for m in cover):
            classes.append("rt")
        tip = "\n".join(dict.fromkeys(m.tip for m in cover))
        parts.append(
            f'<mark id="{sid}" class="{" ".join(classes)}" data-items="{" ".join(keys)}" '
            f'data-n="{len(keys)}" title="{_e(tip)}">{_e(text[a:b])}</mark>'
        )
    return "".join(parts), segs


def _located(span: Span, text: str) -> bool:
    return 0 <= span.start < span.end <= len(text)


def _span_tip(item_id: str, kind: str, span: Span, text: str) -> str:
    tip = f"{item_id} ({kind}) · {span.status}"
    if span.status == "unverified":
        tip += ": not found in the article"
    if text[span.start : span.end] != span.text:
        tip += f" · model quoted: {_clip(span.text, 120)}"
    return tip


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _chip(label: str, cls: str = "") -> str:
    return f'<span class="chip {cls}">{_e(label)}</span>'


TITLE_CHARS = 90


def _title_from(summary: ArticleSummary, text: str) -> str:
    """A title for an article without one: its summary's first sentence, else its opening words (never an id
    hash, which tells a reader nothing)."""
    first = summary.summary.split(". ")[0] or text
    return _clip(first, TITLE_CHARS) if first.strip() else f"Summary of {summary.article.id}"


def _entity_name(summary: ArticleSummary, entity_id: str | None) -> str:
    entity = summary.entity(entity_id)
    return entity.name if entity else (entity_id or "?")


def _salience(item: Event | Claim, index: int) -> tuple[bool, float, int]:
    return (not item.key, item.rank if item.rank is not None else math.inf, index)


def _value(event: Event) -> str:
    return (event.time.value if event.time else None) or ""


def _time_key(value: str) -> str:
    """Sortable form of an ISO 8601 value: the start of an interval, ISO weeks turned into their Monday."""
    start = value.split("/", 1)[0].strip()
    week = re.fullmatch(r"(\d{4})-?W(\d{2})(?:-?(\d))?", start)
    if week:
        try:
            return date.fromisocalendar(int(week[1]), int(week[2]), int(week[3] or 1)).isoformat()
        except ValueError:
            pass
    return start


def _legend(entries: Sequence[tuple[str, str]]) -> str:
    swatches = "".join(f'<span><span class="sw {cls}">{_e(label)}</span></span>' for cls, label in entries)
    return f'<div class="legend" aria-label="legend">{swatches}</div>'


_BUTTON = 'tabindex="0" role="button"'
_SPAN_LEGEND = [("k-none ov", "2+ items overlap"), ("k-none fz", "fuzzy match"), ("k-none unv", "unverified")]


# ---------------------------------------------------------------------------------------------- summary page


def render_summary_html(summary: ArticleSummary, *, title: str | None = None, text: str | None = None) -> str:
    """One self-contained HTML page reviewing ``summary``: highlighted article text and a panel of items.

    ``text`` is used when ``summary.article.text`` is None (the caller asked to omit it); it must hash to
    ``summary.article.text_sha256``. Raises :class:`InputError` when no text is available or it mismatches.
    """
    body_text, warnings = _body_text(summary, text)
    page = _SummaryPage.of(summary, body_text)
    text_html, segs = _highlight(body_text, _evidence_marks(page), "s", _kind_class)
    article = summary.article
    page_title = title or article.title or _title_from(summary, body_text)
    meta = " · ".join(
        _e(x) for x in (article.source, article.published and article.published.isoformat(), article.id) if x
    )
    kinds = [("k-ev", "event"), ("k-ev rt", "event told again"), ("k-cl", "claim"), ("k-both", "event + claim")]
    legend = _legend([*kinds, *_SPAN_LEGEND])
    warn = "".join(f'<p class="warn">{_e(w)}</p>' for w in warnings)
    panel = _key_points(page) + _timeline(page) + _claims_by_claimant(page) + _entities(page) + _times(summary)
    body = (
        f'<header class="top"><div><h1>{_e(page_title)}</h1><div class="meta">{meta}</div></div>'
        f"{legend}</header>\n"
        '<main class="layout">\n<section class="article-pane scroller" aria-label="article">'
        f'{warn}<p class="summary-text">{_e(summary.summary)}</p>'
        f'<div class="text" id="text">{text_html}</div>\n{_provenance(summary)}</section>\n'
        '<aside class="panel scroller" aria-label="items">'
        '<div class="selection" id="selection">Click an item to find its evidence; click highlighted text to '
        f"see its items.</div>{panel}</aside>\n</main>"
    )
    return _page(page_title, "summary-page", body, {"items": _item_data(page, segs)})


def _times(summary: ArticleSummary) -> str:
    """The time tagger's expressions: as written, TimeML type, resolved value and offsets (a separate panel)."""
    if not summary.times:
        return ""
    rows = "".join(
        f'<li class="item tm"><div class="line1">{_chip(t.type)}<code>{_e(t.value)}</code>'
        f'<span class="small muted">{t.start}–{t.end}</span></div><div class="body">{_e(t.text)}</div></li>'
        for t in summary.times
    )
    return f'<h2>Times · {len(summary.times)}</h2><ul class="items">{rows}</ul>'


def _body_text(summary: ArticleSummary, text: str | None) -> tuple[str, list[str]]:
    """The text the spans index (the summary's own, else ``text``), and warnings about it."""
    article = summary.article
    if article.text is not None:
        if hashlib.sha256(article.text.encode()).hexdigest() != article.text_sha256:
            return article.text, ["The article text does not match its text_sha256; highlights may be misplaced."]
        return article.text, []
    if text is None:
        raise InputError(
            f"summary of article {article.id!r} carries no text (article.text is null) and no text was given",
            hint="pass the article text, or summarise without omitting it",
        )
    if hashlib.sha256(text.encode()).hexdigest() != article.text_sha256:
        raise InputError(
            f"the text given for article {article.id!r} does not match its text_sha256",
            hint="pass the exact text the summary was made from",
        )
    return text, []


@dataclass(frozen=True)
class _SummaryPage:
    """What the summary page's parts share: the summary, its text, and the internal key of every item (by object,
    as model-made ids may repeat) and the panel items each entity is related to."""

    summary: ArticleSummary
    text: str
    keys: dict[int, str]
    """``id(item)`` → ``ev-N`` | ``cl-N`` | ``en-N``."""
    event_keys: dict[str, str]
    """Event id → internal key, for a claim's links to its events."""
    related: dict[str, list[str]]
    """Entity id → internal keys of the events and claims it takes part in."""

    @classmethod
    def of(cls, summary: ArticleSummary, text: str) -> _SummaryPage:
        keys = {id(v): f"ev-{i}" for i, v in enumerate(summary.events)}
        keys |= {id(c): f"cl-{i}" for i, c in enumerate(summary.claims)}
        keys |= {id(e): f"en-{i}" for i, e in enumerate(summary.entities)}
        related: dict[str, list[str]] = {e.id: [] for e in summary.entities}
        for v in summary.events:
            for eid in dict.fromkeys([v.actor, *v.targets]):
                if eid in related:
                    related[eid].append(keys[id(v)])
        for c in summary.claims:
            if c.claimant in related:
                related[c.claimant].append(keys[id(c)])
        event_keys = {v.id: keys[id(v)] for v in summary.events}
        return cls(summary, text, keys, event_keys, related)


def _kind_class(kinds: set[str]) -> str:
    return "k-both" if len(kinds) > 1 else f"k-{next(iter(kinds))}"


def _cue_span(c: Claim, text: str) -> Span | None:
    """The claim's reporting verb in its sentence, outside its statement (the first such occurrence)."""
    if not c.evidence or not c.cue.strip():
        return None
    sentence = c.evidence[0]
    at = text.find(c.cue, sentence.start, sentence.end)
    while at >= 0 and c.statement is not None and c.statement.start <= at < c.statement.end:
        at = text.find(c.cue, at + 1, sentence.end)
    return Span(start=at, end=at + len(c.cue), text=c.cue, status="exact") if at >= 0 else None


def _carrying(item: Event | Claim, text: str) -> list[Span]:
    """The words that carry an item: an event's trigger, a claim's statement and cue; else its evidence."""
    if isinstance(item, Event):
        words = [item.trigger] if item.trigger is not None and _located(item.trigger, text) else []
    elif item.statement is not None and _located(item.statement, text):
        words = [s for s in (item.statement, _cue_span(item, text)) if s is not None and _located(s, text)]
    else:
        words = []
    return words or item.evidence


def _retold(item: Event | Claim, text: str) -> list[Span]:
    """The words where the article tells an event again (the headline's, a merged mention's): lit with it, so
    that selecting the event shows every place that tells it."""
    return [w for w in item.retold if _located(w, text)] if isinstance(item, Event) else []


def _evidence_marks(page: _SummaryPage) -> list[_Mark]:
    """The words carrying each event and claim (``_carrying``) and those retelling an event (``_retold``), as
    marks to highlight: not whole sentences, which the selection line shows."""
    marks: list[_Mark] = []
    summary = page.summary
    items_of: tuple[tuple[str, str, Sequence[Event | Claim]], ...] = (
        ("event", "ev", summary.events),
        ("claim", "cl", summary.claims),
    )
    for kind, short, items in items_of:
        for item in items:
            for span in _carrying(item, page.text):
                if _located(span, page.text):
                    tip = _span_tip(item.id, kind, span, page.text)
                    marks.append(_Mark(span.start, span.end, page.keys[id(item)], short, span.status, tip))
            for word in _retold(item, page.text):
                tip = _span_tip(item.id, f"{kind} told again", word, page.text)
                marks.append(_Mark(word.start, word.end, page.keys[id(item)], short, word.status, tip, retold=True))
    return marks


def _item_data(page: _SummaryPage, segs: dict[str, list[str]]) -> dict[str, dict[str, Any]]:
    """For the page's script: each item's highlighted segments, related items and label."""
    summary = page.summary
    data: dict[str, dict[str, Any]] = {}
    for v in summary.events:
        key = page.keys[id(v)]
        label = f"{v.id} ({'event' if v.status == 'happened' else v.status + ' event'})"
        label = label if v.kind == "act" else f"{v.id} (description)"
        data[key] = {"segs": segs.get(key, []), "rel": [], "label": label, "sentence": _sentence(v)}
    for c in summary.claims:
        key = page.keys[id(c)]
        data[key] = {"segs": segs.get(key, []), "rel": [], "label": f"{c.id} (claim)", "sentence": _sentence(c)}
    for e in summary.entities:
        data[page.keys[id(e)]] = {"segs": [], "rel": page.related.get(e.id, []), "label": e.name}
    return data


def _sentence(item: Event | Claim) -> str:
    """The item's first evidence sentence, shown on selection (the highlight lights only the carrying words)."""
    return _clip(item.evidence[0].text, 400) if item.evidence else ""


def _evidence_list(spans: list[Span], text: str) -> str:
    if not spans:
        return '<ul class="spans"><li>no evidence given</li></ul>'
    counts = {s: sum(1 for x in spans if x.status == s) for s in ("exact", "fuzzy", "unverified")}
    head = "evidence: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    lines = [f"<li>{_e(head)}</li>"]
    for s in spans:
        where = "" if _located(s, text) else " · offsets outside the text"
        if s.status != "exact" or where:
            lines.append(f"<li>{_chip(s.status, s.status)} “{_e(_clip(s.text, 90))}”{_e(where)}</li>")
    return f'<ul class="spans">{"".join(lines)}</ul>'


def _flags(item: Event | Claim) -> str:
    out = _chip("★ key", "key") if item.key else ""
    return out + (_chip(f"#{item.rank}") if item.rank is not None else "")


def _event_card(v: Event, page: _SummaryPage) -> str:
    summary = page.summary
    actor = f"<b>{_e(_entity_name(summary, v.actor))}</b> " if v.actor else ""
    targets = ", ".join(_e(_entity_name(summary, t)) for t in v.targets)
    what = actor + _e(v.action) + (f' <span class="muted">→</span> {targets}' if targets else "")
    what += "".join(f' <span class="muted">“{_e(_clip(c.content, 90))}”</span>' for c in statements(summary, v))
    when = ""
    if v.time:
        value = f" · <code>{_e(v.time.value)}</code>" if v.time.value else " · unresolved"
        gran = f' <span class="muted">({_e(v.time.granularity)})</span>' if v.time.granularity else ""
        when = f'<span class="time">{_e(time_words(v))}</span>{value}{gran}'
    where = f'<div class="small muted">in {_e(v.location)}</div>' if v.location else ""
    status = "" if v.status == "happened" else _chip(v.status, f"st-{v.status}")
    claims = {c.id: c for c in summary.claims}
    who = dict.fromkeys(_entity_name(summary, claims[x].claimant) for x in v.reported_by if x in claims)
    says = f'<div class="small muted">according to {_e(", ".join(who))}</div>' if who else ""
    again = ", ".join(f"“{_e(_clip(w.text, 40))}”" for w in v.retold)
    retold = f'<div class="small muted">told again: {again}</div>' if again else ""
    label = "event" if v.kind == "act" else "description"
    return (
        f'<li class="item ev{" is-key" if v.key else ""}" data-key="{page.keys[id(v)]}" {_BUTTON}>'
        f'<div class="line1">{_chip(label, "k-ev")}{status}<code>{_e(v.id)}</code>{_flags(v)}{when}</div>'
        f'<div class="body">{what}</div>{where}{says}{retold}{_evidence_list(v.evidence, page.text)}</li>'
    )


def _claim_card(c: Claim, page: _SummaryPage) -> str:
    quote = f"<blockquote>“{_e(c.quote)}”</blockquote>" if c.quote else ""
    refs = " ".join(
        f'<span class="ref" data-key="{page.event_keys[x]}">{_e(x)}</span>' if x in page.event_keys else _e(x)
        for x in c.event_ids
    )
    about = f'<div class="small muted">about {refs}</div>' if refs else ""
    who = _entity_name(page.summary, c.claimant) if c.claimant else "unattributed"  # on every card, key points too
    return (
        f'<li class="item cl{" is-key" if c.key else ""}" data-key="{page.keys[id(c)]}" {_BUTTON}>'
        f'<div class="line1">{_chip("claim", "k-cl")}<code>{_e(c.id)}</code>{_flags(c)}'
        f'{_chip(c.speech)}<b class="who">{_e(who)}</b> <span class="cue">{_e(c.cue)}</span></div>'
        f'<div class="body">{_e(c.content)}</div>{quote}{about}{_evidence_list(c.evidence, page.text)}</li>'
    )


def _entity_card(e: Entity, page: _SummaryPage) -> str:
    aliases = f'<div class="small muted">also: {_e(", ".join(e.aliases))}</div>' if e.aliases else ""
    n = len(page.related.get(e.id, []))
    return (
        f'<li class="item en" data-key="{page.keys[id(e)]}" {_BUTTON}>'
        f'<div class="line1">{_chip(e.type)}<code>{_e(e.id)}</code>'
        f"<span>{n} item{'' if n == 1 else 's'}</span></div>"
        f'<div class="body"><b>{_e(e.name)}</b></div>{aliases}</li>'
    )


def _key_points(page: _SummaryPage) -> str:
    """Key events and claims, most salient first."""
    summary = page.summary
    key_items: list[tuple[tuple[bool, float, int], str, bool]] = [
        (_salience(v, i), _event_card(v, page), v.status != "happened") for i, v in enumerate(summary.events) if v.key
    ] + [(_salience(c, i), _claim_card(c, page), False) for i, c in enumerate(summary.claims) if c.key]
    key_items.sort(key=lambda item: (item[2], *item[0][1:]))  # what happened before plans and possibilities
    if not key_items:
        return ""
    return f'<h2>Key points</h2><ul class="items">{"".join(card for _, card, _ in key_items)}</ul>'


def _timeline(page: _SummaryPage) -> str:
    """What happened: dated events by resolved value, then undated ones in article order; then what the article
    presents as planned, possible, conditional, denied or unclear, apart; last the descriptions (``Event.kind``
    "state": what a thing is, has or does as a rule)."""
    events = page.summary.events
    acts = [v for v in events if v.kind == "act"]
    real = [v for v in acts if v.status == "happened"]
    dated = sorted((v for v in real if _value(v)), key=lambda v: _time_key(_value(v)))
    undated = [v for v in real if not _value(v)]
    timeline = "".join(_event_card(v, page) for v in dated)
    if undated:
        timeline += '<li class="undated small muted">Undated</li>' + "".join(_event_card(v, page) for v in undated)
    other = [v for v in acts if v.status != "happened"]
    if other:
        timeline += '<li class="undated small muted">Not told as having happened</li>'
        timeline += "".join(_event_card(v, page) for v in other)
    described = [v for v in events if v.kind == "state"]
    if described:
        timeline += '<li class="undated small muted">Described</li>'
        timeline += "".join(_event_card(v, page) for v in described)
    return f'<h2>Events · {len(events)}</h2><ol class="items timeline">{timeline}</ol>'


def _claims_by_claimant(page: _SummaryPage) -> str:
    """Claims grouped by claimant: groups with the most salient claims first, unattributed last."""
    summary = page.summary
    groups: dict[str | None, list[tuple[tuple[bool, float, int], Claim]]] = {}
    for i, c in enumerate(summary.claims):
        groups.setdefault(c.claimant, []).append((_salience(c, i), c))
    order = sorted(groups, key=lambda g: (g is None, min(s for s, _ in groups[g])))
    claim_groups = []
    for g in order:
        entity = summary.entity(g)
        name = entity.name if entity else (f"{g} (unknown entity)" if g else "unattributed")
        kind = f'<span class="small muted">{_e(entity.type)}</span>' if entity else ""
        cards = "".join(_claim_card(c, page) for _, c in sorted(groups[g], key=lambda p: p[0]))
        claim_groups.append(f'<div class="group"><h3>{_e(name)} {kind}</h3><ul class="items">{cards}</ul></div>')
    return f"<h2>Claims · {len(summary.claims)}</h2>{''.join(claim_groups)}"


def _entities(page: _SummaryPage) -> str:
    entities = page.summary.entities
    cards = "".join(_entity_card(e, page) for e in entities)
    return f'<h2>Entities · {len(entities)}</h2><ul class="items">{cards}</ul>'


def _provenance(summary: ArticleSummary) -> str:
    p, g = summary.provenance, summary.provenance.grounding
    rows = [
        ("Model", f"{p.model} via {p.backend}"),
        ("Strategy", p.strategy),
        ("Prompt", f"{p.prompt_id} v{p.prompt_version} · sha256 {p.prompt_sha256[:12]}"),
        (
            "Tokens",
            f"{p.prompt_tokens} prompt + {p.completion_tokens} completion · {p.calls} calls, {p.retries} retries",
        ),
        ("Latency", f"{p.latency_s:.2f} s" + (" (cached)" if p.cached else "")),
        (
            "Grounding",
            f"{g.exact} exact · {g.fuzzy} fuzzy · {g.unverified} unverified spans; quotes "
            f"{g.quotes_verified} verified, {g.quotes_unverified} unverified; {g.dropped} dropped",
        ),
        (
            "Versions",
            f"summarise {p.summarise_version or '?'} · schema {summary.schema_version} ({p.schema_sha256[:12]})",
        ),
        ("Text", f"sha256 {summary.article.text_sha256[:16]}"),
    ]
    rows += [("Warning", w) for w in p.warnings]
    items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows)
    return f'<footer class="prov"><h2>Provenance</h2><dl>{items}</dl></footer>'


# ------------------------------------------------------------------------------------------------- eval page

_WORST = ("miss", "fp", "wrong", "ok", "none")
_STATUS_LABEL = {
    "ok": "match",
    "wrong": "wrong fields",
    "miss": "missed",
    "fp": "false positive",
    "none": "unscored",
}


def _index(summary: ArticleSummary | None) -> dict[str, Item]:
    if summary is None:
        return {}
    items: list[Item] = [*summary.entities, *summary.events, *summary.claims]
    return {x.id: x for x in items}


def _scored_ids(summary: ArticleSummary | None) -> list[str]:
    """Ids of the items that carry evidence: events and claims."""
    if summary is None:
        return []
    return [v.id for v in summary.events] + [c.id for c in summary.claims]


def _fields(item: Item, summary: ArticleSummary) -> list[tuple[str, str]]:
    if isinstance(item, Entity):
        return [("name", item.name), ("type", item.type), ("aliases", ", ".join(item.aliases))]
    if isinstance(item, Event):
        time = ""
        if item.time:
            time = time_words(item) + (f" = {item.time.value}" if item.time.value else "")
        return [
            ("actor", _entity_name(summary, item.actor) if item.actor else ""),
            ("action", item.action),
            ("targets", ", ".join(_entity_name(summary, t) for t in item.targets)),
            ("time", time),
            ("location", item.location or ""),
        ]
    return [
        ("claimant", _entity_name(summary, item.claimant) if item.claimant else "unattributed"),
        ("cue", item.cue),
        ("speech", item.speech),
        ("content", item.content),
        ("quote", item.quote or ""),
    ]


def _item_cell(item_id: str | None, index: dict[str, Item], summary: ArticleSummary | None, wrong: list[str]) -> str:
    if item_id is None:
        return '<td class="muted">—</td>'
    item = index.get(item_id)
    if item is None or summary is None:
        return f'<td><code>{_e(item_id)}</code> <span class="muted">(not found)</span></td>'
    rows = "".join(
        f'<dt class="{cls}">{_e(name)}</dt><dd class="{cls}">{_e(value)}</dd>'
        for name, value in _fields(item, summary)
        if value or name in wrong
        for cls in ["wrong" if name in wrong else ""]
    )
    kind = type(item).__name__.lower()
    head = f'<code>{_e(item_id)}</code> <span class="muted small">{kind}</span>'
    return f'<td>{head}<dl class="fields">{rows}</dl></td>'


def render_eval_html(docs: list[EvalDocView], scores_table: list[tuple[str, str]]) -> str:
    """One self-contained HTML page comparing gold and predicted summaries per document.

    ``scores_table`` is ``(metric, value)`` rows shown at the top. Per document, the article text appears
    twice, gold spans on the left and predicted spans on the right, coloured by outcome (match, wrong fields,
    missed, false positive); a table lists the pairs, and clicking a row or a span links the two.
    """
    data: dict[str, dict[str, Any]] = {}
    sections: list[str] = []
    overview: list[str] = []
    for d, doc in enumerate(docs):
        gold_ix, pred_ix = _index(doc.gold), _index(doc.predicted)
        rows: list[tuple[str, str | None, str | None, float | None, list[str]]] = []
        rows += [("wrong" if w else "ok", g, p, s, w) for g, p, s, w in doc.matches]
        rows += [("miss", g, None, None, []) for g in doc.missed]
        rows += [("fp", None, p, None, []) for p in doc.false_positives]
        seen_g = {r[1] for r in rows}
        seen_p = {r[2] for r in rows}
        rows += [("none", x, None, None, []) for x in _scored_ids(doc.gold) if x not in seen_g]
        rows += [("none", None, x, None, []) for x in _scored_ids(doc.predicted) if x not in seen_p]

        gold_marks: list[_Mark] = []
        pred_marks: list[_Mark] = []
        for r, (kind, g, p, _, _) in enumerate(rows):
            key = f"d{d}-r{r}"
            for side, item_id, ix, marks in (
                ("gold", g, gold_ix, gold_marks),
                ("predicted", p, pred_ix, pred_marks),
            ):
                item = ix.get(item_id) if item_id is not None else None
                if isinstance(item, Event | Claim):
                    for span in item.evidence:
                        tip = f"{side} {_span_tip(item.id, type(item).__name__.lower(), span, doc.text)}"
                        tip += f" · {_STATUS_LABEL[kind]}"
                        marks.append(_Mark(span.start, span.end, key, kind, span.status, tip))

        def worst(kinds: set[str]) -> str:
            return "k-" + next(k for k in _WORST if k in kinds)

        gold_html, gold_segs = _highlight(doc.text, gold_marks, f"d{d}g", worst)
        pred_html, pred_segs = _highlight(doc.text, pred_marks, f"d{d}p", worst)
        table_rows = []
        for r, (kind, g, p, sim, wrong) in enumerate(rows):
            key = f"d{d}-r{r}"
            label = " ↔ ".join(x for x in (g, p) if x) + f" ({_STATUS_LABEL[kind]})"
            data[key] = {"segs": gold_segs.get(key, []) + pred_segs.get(key, []), "rel": [], "label": label}
            table_rows.append(
                f'<tr data-key="{key}" tabindex="0"><td class="st k-{kind}">{_e(_STATUS_LABEL[kind])}</td>'
                f"{_item_cell(g, gold_ix, doc.gold, wrong)}{_item_cell(p, pred_ix, doc.predicted, wrong)}"
                f"<td>{'' if sim is None else f'{sim:.2f}'}</td><td>{_e(', '.join(wrong))}</td></tr>"
            )
        counts = {k: sum(1 for row in rows if row[0] == k) for k in _STATUS_LABEL}
        error = f'<p class="warn">Run failed: {_e(doc.error)}</p>' if doc.error else ""
        pred_col = (
            f'<div class="text scroller">{pred_html}</div>'
            if doc.predicted is not None
            else '<p class="muted">No prediction.</p>'
        )
        sections.append(
            f'<section class="doc" id="doc-{d}"><h2 class="doc-title">{_e(doc.doc_id)}</h2>{error}'
            f'<div class="cols"><div><h3>Gold</h3><div class="text scroller">{gold_html}</div></div>'
            f"<div><h3>Predicted</h3>{pred_col}</div></div>"
            '<table class="pairs"><thead><tr><th>Outcome</th><th>Gold</th><th>Predicted</th>'
            "<th>Similarity</th>"
            f"<th>Wrong fields</th></tr></thead><tbody>{''.join(table_rows)}</tbody></table></section>"
        )
        overview.append(
            f'<tr><td><a href="#doc-{d}">{_e(doc.doc_id)}</a></td>'
            + "".join(f"<td>{counts[k]}</td>" for k in ("ok", "wrong", "miss", "fp"))
            + f"<td>{_e(doc.error or '')}</td></tr>"
        )

    scores = "".join(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in scores_table)
    legend = _legend(
        [
            ("k-ok", "match"),
            ("k-wrong", "wrong fields"),
            ("k-miss", "missed gold"),
            ("k-fp", "false positive"),
            *_SPAN_LEGEND,
        ]
    )
    body = (
        f'<header class="top"><h1>Evaluation · {len(docs)} documents</h1>{legend}</header><main>'
        '<div id="selection" class="selection">Click a row or a highlight to link gold and predicted.</div>'
        '<div class="cols"><div><h2>Scores</h2><table class="scores"><tbody>'
        f"{scores}</tbody></table></div><div><h2>Documents</h2><table><thead><tr><th>Document</th><th>Match</th>"
        "<th>Wrong fields</th><th>Missed</th><th>False pos.</th><th>Error</th></tr></thead>"
        f"<tbody>{''.join(overview)}</tbody></table></div></div>{''.join(sections)}</main>"
    )
    return _page(f"Evaluation · {len(docs)} documents", "eval-page", body, {"items": data})
