"""From model drafts to grounded output records: spans, verified quotes, resolved times, canonical entities.

Every evidence span is located in ``Document.text`` (the sentence the model named, else a search for its words);
quotations are taken verbatim from the claim's own sentence; a speaker must be named in the article; time words
must occur in the sentence before they are resolved. What fails is kept and flagged, or dropped with
``strict``, and always counted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from ..schema import Claim, Entity, Event, GroundingCounts, Span, TimeExpr
from .align import locate, verify_quote
from .entities import Mention, canonicalise
from .normalise import normalise, normalise_with_ends
from .time import find_time_expressions, resolve_time

DIRECT_MAX_OTHER_WORDS = 10
"""A quoted claim is direct when at most this many words of its sentence lie outside the quote, else mixed."""
DUPLICATE_SIMILARITY = 85.0
KEY_ITEMS = 3


def mentioned(name: str, text_norm: str) -> bool:
    """Whether a name occurs in the normalised article text: whole, or every word of it."""
    norm = normalise(name)[0].strip()
    if not norm or norm in text_norm:
        return True
    words = [w for w in norm.replace(".", " ").split() if len(w) > 1 and w not in {"the", "of", "and"}]
    return bool(words) and all(w in text_norm for w in words)


MAX_NAME_WORDS = 7


def looks_like_name(name: str) -> bool:
    """A speaker or actor is a short name or description, not a copied sentence or quote."""
    return 0 < len(name.split()) <= MAX_NAME_WORDS and not any(ch in name for ch in '"“”«»')


_OPEN = {"“": "”", '"': '"', "«": "»", "„": "“"}
MIN_QUOTE_WORDS = 2


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``, as a set: long word lists written as prose."""
    return frozenset(text.split())


_SAYING = word_set(
    """said says told tells claimed added adds stated stressed stressing emphasized emphasised emphasizes noted
    notes denied denies refused declined argued argues insisted explained replied responded acknowledged admitted"""
)
SPEECH_VERBS = _SAYING | word_set("say tell claim claims states commented spoke speaks")
"""Verbs of saying: an 'event' led by one is a statement, left to the claims. Warnings stay events."""


def quoted_stretches(text: str, start: int, end: int, min_words: int = MIN_QUOTE_WORDS) -> list[tuple[int, int]]:
    """[start, end) of the words inside quotation marks within text[start:end], trailing , or . dropped."""
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        close = _OPEN.get(text[i])
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1, end)
        stop = end if j < 0 else j
        a, b = i + 1, stop
        while b > a and text[b - 1] in " ,.;:":
            b -= 1
        if len(text[a:b].split()) >= min_words:
            found.append((a, b))
        i = stop + 1
    return found


def is_speech(action: str) -> bool:
    """An 'event' whose verb is a reporting verb is a statement: it belongs to the claims."""
    words = action.lower().split()
    return bool(words) and (words[0] in SPEECH_VERBS or (len(words) > 1 and words[:2] == ["did", "not"]))


_IRREGULAR = {"said": "say", "told": "tell", "spoke": "speak", "wrote": "write", "thought": "think"}


def _stem(word: str) -> str:
    word = _IRREGULAR.get(word, word)
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


REPORTING_WORDS = _SAYING | word_set(
    "warned warns announced believes believed expressed reported wrote writes tweeted urged asked according"
)
"""Words, as written, that carry an attribution ("according" as in "according to")."""


_CLOSING_FIRST = re.compile(r"^[^\"“”]*?[\w,.?!…—-]([\"”])(?=\s|$)")
"""A sentence that opens inside a quotation begun sentences before: its first mark closes it ('Probably not,"
Ms. Moore said.')."""


def _opened_before(sentence: str) -> int:
    """Where a quotation opened before the sentence closes in it (0: none does)."""
    m = _CLOSING_FIRST.match(sentence)
    if m is None or (m.group(1) == '"' and sentence.count('"') % 2 == 0):
        return 0
    return m.start(1)


_MARK_CUE = re.compile(r"^[\s\"“]*(?:[A-Z][\w.'’-]*\s?){1,4}:\s|[―—][ \t\xa0]*[A-Z]")
"""The shapes of a mark that attributes: 'WALLACE: …' at the start, or '― Name' (as ``extract.attribution``)."""


def find_cue(cue: str, sentence: str) -> str | None:
    """The reporting cue as written in its sentence, outside its quotations: the model's verb in any inflection,
    else the sentence's first reporting word, else None (nobody is reported as saying anything there: the
    attribution is unsupported, as for an instruction injected into the article)."""
    opened = _opened_before(sentence)
    quoted = [(0, opened), *quoted_stretches(sentence, opened + 1, len(sentence), min_words=1)] if opened else []
    quoted = quoted or quoted_stretches(sentence, 0, len(sentence), min_words=1)
    if cue.strip() in (":", "―", "—") and _MARK_CUE.search(sentence):
        return cue.strip()  # a transcript's "NAME:" or a signed "― Name": the mark is the cue
    spots = [
        (m.start(), m.end(), m.group())
        for m in re.finditer(r"\w+", sentence)
        if not any(a <= m.start() < b for a, b in quoted)
    ]
    words = re.findall(r"\w+", normalise(cue)[0])
    if words:
        first = _stem(words[0])
        for start, end, word in spots:
            if _stem(word.casefold()) == first:
                rest = sentence[end:].split()
                return " ".join([sentence[start:end], *rest[: len(words) - 1]]).rstrip(',.;:”"')
    for _, end, word in spots:
        if word.casefold() in REPORTING_WORDS:
            tail = " to" if word.casefold() == "according" and sentence[end:].lstrip().startswith("to") else ""
            return word + tail
    return None


@dataclass(frozen=True)
class ClaimDraft:
    sentence: int
    """1-based sentence number the model named (may be out of range)."""
    window: tuple[int, int]
    """[start, end) of the text the model read, for searching and for unverified spans."""
    who: str
    verb: str
    what: str


@dataclass(frozen=True)
class EventDraft:
    sentence: int
    window: tuple[int, int]
    actor: str
    action: str
    targets: Sequence[str]
    when: str | None
    where: str | None
    sense: str = ""
    """'verb|object' lemmas from the parse (``extract.events``): mentions of one event by one actor with the same
    sense (and first target) are merged into one event with several evidence spans."""


@dataclass
class Grounded:
    entities: list[Entity]
    events: list[Event]
    claims: list[Claim]
    counts: GroundingCounts
    warnings: list[str] = field(default_factory=list)


class Grounder:
    def __init__(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        published: date | None = None,
        *,
        fuzzy_threshold: float = 85.0,
        strict: bool = False,
    ) -> None:
        self.text = text
        self.text_norm = normalise_with_ends(text)[0]  # cached: the aligner normalises the article too
        self.sentences = list(sentences)
        self.published = published
        self.fuzzy_threshold = fuzzy_threshold
        self.strict = strict
        self.counts = GroundingCounts()
        self.warnings: list[str] = []

    # -- spans ---------------------------------------------------------------------------------------------
    def _sentence(self, number: int, window: tuple[int, int]) -> tuple[int, int] | None:
        if 1 <= number <= len(self.sentences):
            start, end = self.sentences[number - 1]
            if window[0] <= start < window[1] or window == (0, 0):
                return start, end
        return None

    def evidence(self, number: int, window: tuple[int, int], *probes: str | None) -> Span:
        """The sentence the model named; else the sentence holding the best match of ``probes``; else unverified."""
        bounds = self._sentence(number, window)
        if bounds is None:
            for probe in probes:
                if probe and (hit := locate(probe, self.text, within=window, fuzzy_threshold=self.fuzzy_threshold)):
                    bounds = self._enclosing_sentence(hit.start, hit.end) or (hit.start, hit.end)
                    status = hit.status
                    break
            else:
                status = "unverified"
        else:
            status = "exact"
        if bounds is None:
            start, end = window
            span = Span(start=start, end=end, text=next((p for p in probes if p), ""), status="unverified")
        else:
            span = Span(start=bounds[0], end=bounds[1], text=self.text[bounds[0] : bounds[1]], status=status)
        setattr(self.counts, span.status, getattr(self.counts, span.status) + 1)
        return span

    def _enclosing_sentence(self, start: int, end: int) -> tuple[int, int] | None:
        for s, e in self.sentences:
            if s <= start < e:
                return s, max(e, end)
        return None

    def mentioned(self, name: str) -> bool:
        return mentioned(name, self.text_norm)

    def name(self, raw: str) -> str | None:
        """A usable entity name from the model's text: short, and named in the article."""
        name = raw.strip()
        return name if name and looks_like_name(name) and self.mentioned(name) else None

    # -- records -------------------------------------------------------------------------------------------
    def claims(self, drafts: Sequence[ClaimDraft]) -> list[tuple[Claim, str | None, bool]]:
        """Claims with their speaker name (for entity resolution) and whether they passed verification."""
        out: list[tuple[Claim, str | None, bool]] = []
        for d in drafts:
            span = self.evidence(d.sentence, d.window, d.what)
            ok = span.status != "unverified"
            statement = span
            what = d.what.strip()
            at = self.text.rfind(what, min(d.window[0], span.start), span.end) if ok and what else -1
            found = at >= 0 and at + len(what) > span.start  # verbatim (a quotation may open sentences before)
            if found:
                statement = Span(start=at, end=at + len(what), text=what, status="exact")
            quote, speech = None, "indirect"
            if ok and (hit := self._quoted(span, statement)):  # quotations come verbatim from the sentence
                self.counts.quotes_verified += 1
                quote = hit.text
                outside = len(self.text[span.start : hit.start].split()) + len(self.text[hit.end : span.end].split())
                speech = "direct" if outside <= DIRECT_MAX_OTHER_WORDS else "mixed"
            who = d.who.strip() or None
            if who and not looks_like_name(who):
                self.warnings.append(f"speaker is not a name, kept unattributed: {who[:60]!r}")
                who = None
                ok = False
            if who and not self.mentioned(who):
                self.warnings.append(f"speaker not named in the article: {who!r}; kept unattributed")
                who = None
                ok = False
            cue = find_cue(d.verb, span.text) if ok else d.verb.strip()
            if cue is None:
                self.warnings.append(
                    f"no reporting verb in the claim's sentence: attribution unsupported ({d.what[:40]!r})"
                )
                who = None
                ok = False
            claim = Claim(
                id="",
                claimant=None,
                cue=cue or d.verb.strip() or "said",
                content=d.what.strip(),
                quote=quote,
                speech=speech,  # type: ignore[arg-type]
                evidence=[span],
                statement=statement if found else None,
            )
            out.append((claim, who, ok))
        return out

    def _quoted(self, sentence: Span, content: Span) -> Span | None:
        """The longest quoted stretch in the sentence that overlaps the claim's content (an unclosed quote runs to
        the sentence's end)."""
        best: tuple[int, int] | None = None
        for start, end in quoted_stretches(self.text, sentence.start, sentence.end):
            if not (start < content.end and content.start < end):
                continue
            if best is None or end - start > best[1] - best[0]:
                best = (start, end)
        if best is None:
            return None
        return Span(start=best[0], end=best[1], text=self.text[best[0] : best[1]], status="exact")

    def time(self, when: str | None, span: Span) -> TimeExpr | None:
        """``when`` as written in the sentence, resolved; None: the sentence's only time words; '': none."""
        sentence = self.text[span.start : span.end] if span.status != "unverified" else ""
        if when is not None and not when.strip():
            return None
        if when:
            hit = verify_quote(when.strip(), sentence) if sentence else None
            if hit is None:
                self.warnings.append(f"time words not in their sentence, dropped: {when!r}")
                return None
            return resolve_time(sentence[hit.start : hit.end], self.published, context=sentence)
        found = find_time_expressions(sentence) if sentence else []
        return resolve_time(found[0], self.published, context=sentence) if len(found) == 1 else None

    def events(self, drafts: Sequence[EventDraft]) -> list[tuple[Event, str | None, list[str], bool, str]]:
        out: list[tuple[Event, str | None, list[str], bool, str]] = []
        speech = [d for d in drafts if is_speech(d.action)]
        if speech:
            self.warnings.append(f"{len(speech)} statement(s) the model listed as events were left to the claims")
        for d in drafts:
            if is_speech(d.action):
                continue
            span = self.evidence(d.sentence, d.window, d.action)
            where = d.where.strip() if d.where and d.where.strip() else None
            if where and not self.mentioned(where):
                where = None
            event = Event(id="", action=d.action.strip(), time=self.time(d.when, span), location=where, evidence=[span])
            targets = [n for t in d.targets if (n := self.name(t))]
            out.append((event, self.name(d.actor), targets, span.status != "unverified", d.sense))
        return out


def _merge(first: Event, other: Event, targets: list[str]) -> None:
    """Another mention of ``first``: its evidence (and a time, place or target ``first`` lacks) joins it."""
    spans = {(s.start, s.end): s for s in [*first.evidence, *other.evidence]}
    first.evidence = [spans[k] for k in sorted(spans)]
    first.targets = list(dict.fromkeys([*first.targets, *targets]))
    first.time = first.time or other.time
    first.location = first.location or other.location


def _dedupe(items: list[tuple[str, int, str]]) -> set[int]:
    """Indices to drop: same sentence start and key, text similar to an earlier item's."""
    drop: set[int] = set()
    for i, (key, start, text) in enumerate(items):
        for j in range(i):
            if j in drop:
                continue
            k2, s2, t2 = items[j]
            if key == k2 and start == s2 and fuzz.token_set_ratio(text, t2) >= DUPLICATE_SIMILARITY:
                drop.add(i)
                break
    return drop


def _salience(position: int, n: int, named: bool, marked: bool) -> float:
    """Earlier is more salient, as news is written; a named claimant or actor, and a claim quoted or an event told
    more than once, more so."""
    return (1.0 - position / max(n, 1)) + (0.3 if named else 0.0) + (0.2 if marked else 0.0)


def ground(
    text: str,
    sentences: Sequence[tuple[int, int]],
    claim_drafts: Sequence[ClaimDraft],
    event_drafts: Sequence[EventDraft],
    *,
    published: date | None = None,
    fuzzy_threshold: float = 85.0,
    strict: bool = False,
) -> Grounded:
    g = Grounder(text, sentences, published, fuzzy_threshold=fuzzy_threshold, strict=strict)
    claims = g.claims(claim_drafts)
    events = g.events(event_drafts)

    names: list[Mention] = []
    for _, who, _ in claims:
        if who:
            names.append(Mention(who, role="claimant"))
    for _, actor, targets, _, _ in events:
        if actor:
            names.append(Mention(actor, role="actor"))
        names += [Mention(t, role="target") for t in targets]
    table = canonicalise(names, text)

    kept_claims: list[Claim] = []
    for claim, who, ok in claims:
        if strict and not ok:
            g.counts.dropped += 1
            continue
        kept_claims.append(claim.model_copy(update={"claimant": table.id_for(who) if who else None}))
    kept_events: list[Event] = []
    mentions: dict[tuple[str, str, str], Event] = {}
    for event, actor, targets, ok, sense in events:
        if strict and not ok:
            g.counts.dropped += 1
            continue
        ids = list(dict.fromkeys(eid for t in targets if (eid := table.id_for(t)) is not None))
        actor_id = table.id_for(actor) if actor else None
        verb, _, obj = sense.partition("|")
        key = (actor_id or "", verb, ids[0] if ids else obj)
        if actor_id and verb and (first := mentions.get(key)) is not None:
            _merge(first, event, ids)
            continue
        kept = event.model_copy(update={"actor": actor_id, "targets": ids})
        if actor_id and verb:
            mentions[key] = kept
        kept_events.append(kept)

    kept_claims = sorted(kept_claims, key=lambda c: c.evidence[0].start)
    kept_events = sorted(kept_events, key=lambda e: e.evidence[0].start)
    drop = _dedupe([(c.claimant or "", c.evidence[0].start, c.content) for c in kept_claims])
    kept_claims = [c for i, c in enumerate(kept_claims) if i not in drop]
    drop = _dedupe([(e.actor or "", e.evidence[0].start, e.action) for e in kept_events])
    kept_events = [e for i, e in enumerate(kept_events) if i not in drop]

    kept_events = [e.model_copy(update={"id": f"v{i}"}) for i, e in enumerate(kept_events, start=1)]
    final_claims: list[Claim] = []
    for i, c in enumerate(kept_claims, start=1):
        span = c.evidence[0]
        linked = [e.id for e in kept_events if e.evidence[0].start < span.end and span.start < e.evidence[0].end]
        final_claims.append(c.model_copy(update={"id": f"c{i}", "event_ids": linked}))

    _rank(final_claims, len(text), lambda c: (c.claimant is not None, c.quote is not None))
    _rank(kept_events, len(text), lambda e: (e.actor is not None, len(e.evidence) > 1))
    used = {c.claimant for c in final_claims} | {e.actor for e in kept_events}
    used |= {t for e in kept_events for t in e.targets}
    entities = [e for e in table.entities if e.id in used]
    return Grounded(entities, kept_events, final_claims, g.counts, g.warnings)


def _rank(items: Sequence[Claim | Event], n: int, flags: Callable[[Any], tuple[bool, bool]]) -> None:
    """Salience: rank 1 = earliest in the article, named and quoted first; the top few are `key`."""
    scored = sorted(range(len(items)), key=lambda i: -_salience(items[i].evidence[0].start, n, *flags(items[i])))
    for rank, i in enumerate(scored, start=1):
        items[i].rank = rank
        items[i].key = rank <= KEY_ITEMS
