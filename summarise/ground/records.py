"""Each extracted item to its grounded record: evidence spans, verified quotes, resolved times, names checked.

Every evidence span is located in ``Document.text`` (the sentence the item names, else a search for its words);
quotations are taken verbatim from the claim's own sentence; a speaker must be named in the article; time words
must occur in the sentence before they are resolved (an act told again keeps those of the sentence before it).
What fails is kept and flagged (``verified``), or dropped later with ``strict``, and always counted.
``assemble`` makes the article's records from these.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from typing import cast

from ..extract.event_nouns import SUPPORT_VERBS
from ..extract.events import HAVING
from ..extract.factuality import CONDITIONAL_AUX, PLANNED_AUX, POSSIBLE_AUX
from ..extract.headlines import LEAD_SENTENCES
from ..extract.items import CountedFrom, ExtractedClaim, ExtractedEvent
from ..ingest.index import RangeLookup
from ..lexicon import PRONOUNS, is_speech, quoted_stretches, word_set
from ..schema import (
    Claim,
    Event,
    EventKind,
    EventStatus,
    Granularity,
    GroundingCounts,
    Span,
    Speech,
    TimeExpr,
    TimeMention,
)
from ..timex import calendar_days, date_range, dates_an_event, event_time, tag_times
from .align import locate, verify_quote
from .checks import find_cue, looks_like_name, mentioned
from .normalise import normalise_with_ends

NOT_TRIGGERS = word_set(
    """will would shall should can could may might must do does did not never no to be is are was were been
    being has have had the a an"""
)
"""Words of a model's action that do not name the event (its trigger is looked up in the sentence)."""
MODAL_STATUS: dict[str, EventStatus] = {
    **dict.fromkeys(PLANNED_AUX, "planned"),
    **dict.fromkeys(POSSIBLE_AUX, "possible"),
    **dict.fromkeys(CONDITIONAL_AUX, "conditional"),
    "not": "negated",
    "never": "negated",
}
OPENING_WORDS = frozenset(MODAL_STATUS) | {"to", "be", "have"}
"""Words a model's action may open with before its verb ("will not be able to" is not all covered: enough)."""
DIRECT_MAX_OTHER_WORDS = 10
"""A quoted claim is direct when at most this many words of its sentence lie outside the quote, else mixed."""


@dataclass(frozen=True)
class GroundedClaim:
    """A claim tied to the article, before entities have ids: its speaker still a name."""

    claim: Claim
    speaker: str | None
    """The speaker's name as written, when it is one the article names."""
    verified: bool
    """Its sentence was found, and its speaker and cue are supported there."""


@dataclass(frozen=True)
class GroundedEvent:
    """An event tied to the article, before entities have ids: its parties still names."""

    event: Event
    actor: str | None
    targets: list[str]
    verified: bool
    """Its sentence was found."""
    sense: str
    """As in ``ExtractedEvent.sense``: for merging mentions of one event."""


def _modality(action: str, status: EventStatus) -> tuple[str, EventStatus]:
    """A model's action without the modals and negation it opens with ("could travel to Russia"), which become
    its status when the model said happened: the check the parse's events get from ``extract.factuality``
    (negation outranks a modal: "will not meet" is negated)."""
    words = action.split()
    marks: list[EventStatus] = []
    while len(words) > 1 and words[0].casefold() in OPENING_WORDS:
        word = words.pop(0).casefold()
        marks += [MODAL_STATUS[word]] if word in MODAL_STATUS else []
    if not marks:
        return action, status
    found = "negated" if "negated" in marks and "conditional" not in marks else marks[0]
    return " ".join(words), found if status == "happened" else status


def _model_kind(action: str) -> EventKind:
    """A model's event is an act, unless its action opens with a verb of having (``events.HAVING``: "owns a 25
    percent share", "features a widescreen display"): the one part of the parse's description rule
    (``events._kind``) its words alone can tell; a thing's simple present needs the parse."""
    first = action.split()[0].casefold() if action.split() else ""
    stems = {first, *(first[: -len(end)] for end in ("s", "d", "ed", "ing") if first.endswith(end))}
    return "state" if stems & HAVING else "act"


ONCE = word_set("maiden inaugural first final")
"""Words that make an act one that happens once ("its maiden flight", "the final delivery"): told twice, it is one
act at one time."""


def _named_apart(doer: str | None, other: str | None) -> bool:
    """Whether two doers are two different names; a pronoun or a description ("it", "the firm") may stand for
    either, and is resolved only later."""
    return bool(doer and other and doer != other and _bare_name(doer) and _bare_name(other))


def _bare_name(doer: str) -> bool:
    first = doer.split()[0]
    return first[:1].isupper() and first.lower() not in PRONOUNS | {"the", "a", "an", "its", "his", "her", "their"}


def _one_time_act(e: GroundedEvent) -> tuple[str, str, str] | None:
    """(word, act, status) of an act that happens once; None for any other."""
    once = next((w for w in re.findall(r"[\w-]+", e.event.action.casefold()) if w in ONCE), None)
    if once is None:
        return None
    verb, _, obj = e.sense.partition("|")
    return once, obj if obj and verb in SUPPORT_VERBS else verb, e.event.status


def _one_time_acts(events: list[GroundedEvent]) -> list[GroundedEvent]:
    """An act that happens once, told with a time anywhere in the article, has that time wherever it is told
    ("a software glitch on its maiden flight" … "when the plane made its maiden flight on 11 December"): unlike
    other acts, which recur ("plans to buy" / "bought in 2009"; evals/EVENT-TIME.md), it cannot be another one."""
    keys = [_one_time_act(e) for e in events]
    dated: dict[tuple[str, str, str], dict[str, TimeExpr]] = {}
    for e, key in zip(events, keys, strict=True):
        if key is not None and e.event.time is not None and e.event.time.value:
            dated.setdefault(key, {})[e.event.time.value] = e.event.time
    out: list[GroundedEvent] = []
    for e, key in zip(events, keys, strict=True):
        told = dated.get(key, {}) if key is not None else {}
        if e.event.time is None and len(told) == 1:
            e = replace(e, event=e.event.model_copy(update={"time": next(iter(told.values()))}))
        out.append(e)
    return out


RECALLING = re.compile(r"\b(?:the|this)\s+$", re.IGNORECASE)
"""A definite article right before an act noun: "the loss", "this deal" name an act the article has told."""


def _recalling(text: str, trigger: Span) -> bool:
    """Whether an event's word is a definite act noun with no "of" phrase of its own ("GM admitted that the loss
    could swell"): it names again the act told before, not another one ("the release of Apple's 13-inch MacBook
    Pro" names which release)."""
    before = text[max(0, trigger.start - 6) : trigger.start]
    return RECALLING.search(before) is not None and re.match(r"\s+of\b", text[trigger.end : trigger.end + 5]) is None


def _recalled_times(text: str, events: list[GroundedEvent]) -> list[GroundedEvent]:
    """A definite act noun with no time takes the time of the last act of its sense and status told before it
    with one, wherever its own sentence is set ("a total loss of $8.6 billion for the entire year. GM admitted
    Thursday night that the loss could swell": 2005, not Thursday). Its sentence's time words are its verbs',
    and an act told anew ("plans to buy" / "bought in 2009"; evals/EVENT-TIME.md) is not one recalled."""
    order = sorted(range(len(events)), key=lambda k: _start(events[k]))
    last: dict[tuple[str, str], TimeExpr] = {}
    out = list(events)
    for k in order:
        e = events[k]
        key = (e.sense.partition("|")[0], e.event.status)
        trigger, time = e.event.trigger, e.event.time
        if time is None and trigger is not None and key in last and _recalling(text, trigger):
            out[k] = replace(e, event=e.event.model_copy(update={"time": last[key]}))
        elif time is not None and time.value and key[0]:
            last[key] = time
    return out


def _start(e: GroundedEvent) -> int:
    return e.event.trigger.start if e.event.trigger is not None else -1


COUNTED_GRAIN = {"Y": "year", "M": "month", "W": "day", "D": "day"}
"""The granularity a count in each unit can give: "five years before" names a year, not a day."""
GRAIN_ORDER = ("day", "month", "year")


def counted_time(anchor: TimeExpr | None, count: CountedFrom) -> TimeExpr | None:
    """The time of an act counted from another's ("Five years after its launch, … in February passed": February
    2008 less five years, 2003), at the coarser of the anchor's granularity and the count's; None when the anchor
    names no day, month or year (a week, a quarter, an unknown date): the anchor's own time is not the act's. Its
    words are the article's: the count's and the anchor's ("Five years after … in February")."""
    m = re.fullmatch(r"(-?)P(\d+)([YMWD])", count.shift)
    days = calendar_days(anchor.value) if anchor is not None and anchor.value else None
    if m is None or anchor is None or anchor.value is None or days is None:
        return None
    grain = _grain(anchor.value)
    if grain is None:
        return None
    grain = max(grain, COUNTED_GRAIN[m[3]], key=GRAIN_ORDER.index)
    day = _shifted(days[0], (-1 if m[1] else 1) * int(m[2]), m[3])
    value = {"day": day.isoformat(), "month": f"{day:%Y-%m}", "year": f"{day:%Y}"}[grain]
    return TimeExpr(text=f"{count.words} … {anchor.text}", value=value, granularity=cast(Granularity, grain))


def _grain(value: str) -> str | None:
    """A calendar value's granularity when it is a day (a time's day too), a month or a year; else None."""
    if re.match(r"\d{4}-\d\d-\d\d", value):
        return "day"
    return "month" if re.fullmatch(r"\d{4}-\d\d", value) else "year" if re.fullmatch(r"\d{4}", value) else None


def _shifted(day: date, amount: int, unit: str) -> date:
    """``day`` moved by ``amount`` years, months, weeks or days (a 29 February or 31st to the month's last day)."""
    if unit in ("W", "D"):
        return day + timedelta(days=amount * (7 if unit == "W" else 1))
    months = day.year * 12 + day.month - 1 + (amount * 12 if unit == "Y" else amount)
    year, month = divmod(months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def scheduled(item: ExtractedEvent, status: EventStatus, own: TimeExpr | None, published: date | None) -> EventStatus:
    """A present told as happening, dated by time words of its own that begin after publication, is a plan or a
    schedule: "the service goes live on July 1", "Boeing's contract expires in 2008", "labour cuts reach parity by
    next year" (issue #18: planned is intended, scheduled, future). The tense alone cannot say it, the date can:
    a present dated before publication is a headline's or a story's present ("Apple unveils the iPhone on
    Tuesday"), one dated the day of publication is under way."""
    if not item.dated_present or status != "happened" or own is None or not own.value or published is None:
        return status
    days = calendar_days(own.value)
    return "planned" if days is not None and days[0] > published else status


def _when(item: ExtractedEvent) -> str | None:
    """The item's time words for ``Grounder.time``: the parse's None is '' (it read the sentence and found no
    time words of the verb's: the sentence's only date, when the tagger finds one the parse did not, is some
    other word's, e.g. "rose to 17%, up from 14% a year ago")."""
    return "" if item.origin == "parse" and item.when is None else item.when


def _written(word: str, sentence: str) -> bool:
    """Whether ``word`` stands in ``sentence`` as a word of its own."""
    return bool(word.strip()) and re.search(rf"(?<!\w){re.escape(word.strip())}(?!\w)", sentence) is not None


def _speech(item: ExtractedEvent) -> bool:
    """A model's event that is a statement ("said it would cut"): left to the claims. The parse tells acts of
    saying from statements by the parse (``extract.events``: "refused to meet the demands" is a refusal)."""
    return item.origin == "model" and is_speech(item.action)


class Grounder:
    def __init__(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        published: date | None = None,
        *,
        fuzzy_threshold: float = 85.0,
    ) -> None:
        self.text = text
        self.text_norm = normalise_with_ends(text)[0]  # cached: the aligner normalises the article too
        self.sentences = list(sentences)
        self.published = published
        self.fuzzy_threshold = fuzzy_threshold
        self.counts = GroundingCounts()
        self.warnings: list[str] = []
        self._mentioned: dict[str, bool] = {}  # names recur: each is looked for in the article once

    # -- spans ---------------------------------------------------------------------------------------------
    def _sentence(self, number: int, within: tuple[int, int]) -> tuple[int, int] | None:
        if number == 0 and within != (0, 0) and (not self.sentences or within[1] <= self.sentences[0][0]):
            return within  # the headline (sentence 0 of the parse's items): its bounds are the title's
        if 1 <= number <= len(self.sentences):
            start, end = self.sentences[number - 1]
            if within[0] <= start < within[1] or within == (0, 0):
                return start, end
        return None

    def evidence(self, number: int, within: tuple[int, int], *probes: str | None) -> Span:
        """The sentence the item names, if inside ``within`` (the item's ``bounds``); else the sentence holding the
        best match of ``probes`` there; else all of ``within``, unverified."""
        bounds = self._sentence(number, within)
        if bounds is None:
            for probe in probes:
                if probe and (hit := locate(probe, self.text, within=within, fuzzy_threshold=self.fuzzy_threshold)):
                    bounds = self._enclosing_sentence(hit.start, hit.end) or (hit.start, hit.end)
                    status = hit.status
                    break
            else:
                status = "unverified"
        else:
            status = "exact"
        if bounds is None:
            start, end = within
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
        if name not in self._mentioned:
            self._mentioned[name] = mentioned(name, self.text_norm)
        return self._mentioned[name]

    def name(self, raw: str) -> str | None:
        """A usable entity name from the model's text: short, and named in the article."""
        name = raw.strip()
        return name if name and looks_like_name(name) and self.mentioned(name) else None

    # -- records -------------------------------------------------------------------------------------------
    def claims(self, items: Sequence[ExtractedClaim]) -> list[GroundedClaim]:
        """Each claim with its speaker's name (for the entity table) and whether it passed verification."""
        return [self.claim(item) for item in items]

    def claim(self, item: ExtractedClaim) -> GroundedClaim:
        span = self.evidence(item.sentence, item.bounds, item.what)
        ok = span.status != "unverified"
        statement = self._statement(item, span) if ok else None
        quote = self._quoted(span, statement if statement is not None else span) if ok else None
        if quote is not None:
            self.counts.quotes_verified += 1
        who = self._speaker(item.who)
        if who is None and item.who.strip():
            ok = False
        cue = find_cue(item.verb, span.text) if ok else item.verb.strip()
        if cue is None and item.origin == "parse" and _written(item.verb, span.text):
            cue = item.verb.strip()  # the parse paired the quotation marks from the paragraph's start, not the
            # sentence's ('… with Trump," Sanders said, suggesting …, "Mr. Trump, …'): its cue stands outside them
        if cue is None:
            self.warnings.append(
                f"no reporting verb in the claim's sentence: attribution unsupported ({item.what[:40]!r})"
            )
            who = None
            ok = False
        claim = Claim(
            id="",
            claimant=None,
            cue=cue or item.verb.strip() or "said",
            content=(item.content or item.what).strip(),
            quote=quote.text if quote is not None else None,
            speech=self._speech(span, quote),
            evidence=[span],
            statement=statement,
        )
        return GroundedClaim(claim, who, ok)

    def _statement(self, item: ExtractedClaim, sentence: Span) -> Span | None:
        """What was said, where the article has it verbatim (a quotation may open sentences before its cue)."""
        what = item.what.strip()
        if item.what_span is not None and what and self.text[item.what_span[0] : item.what_span[1]] == what:
            return Span(start=item.what_span[0], end=item.what_span[1], text=what, status="exact")
        at = self.text.rfind(what, min(item.bounds[0], sentence.start), sentence.end) if what else -1
        if at >= 0 and at + len(what) > sentence.start:
            return Span(start=at, end=at + len(what), text=what, status="exact")
        return None

    def _speaker(self, raw: str) -> str | None:
        """The speaker's name when the article names one; else None, with a warning when one was given."""
        who = raw.strip() or None
        if who and not looks_like_name(who):
            self.warnings.append(f"speaker is not a name, kept unattributed: {who[:60]!r}")
            return None
        if who and not self.mentioned(who):
            self.warnings.append(f"speaker not named in the article: {who!r}; kept unattributed")
            return None
        return who

    def _speech(self, sentence: Span, quote: Span | None) -> Speech:
        """Direct when few words of the sentence lie outside the quotation, mixed when more do, else indirect."""
        if quote is None:
            return "indirect"
        before, after = self.text[sentence.start : quote.start], self.text[quote.end : sentence.end]
        outside = len(before.split()) + len(after.split())
        return "direct" if outside <= DIRECT_MAX_OTHER_WORDS else "mixed"

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
        """``when`` as written in the sentence, valued by the article's time tagger (``times``, so the two never
        disagree); None: the sentence's only tagged time that can date an event (``dates_an_event``: not "a
        27-year contract", "$28 an hour" or "currently"); '': none."""
        sentence = self.text[span.start : span.end] if span.status != "unverified" else ""
        if when is not None and not when.strip():
            return None
        inside = self._times_within(span.start, span.end) if sentence else []
        if when:
            hit = verify_quote(when.strip(), sentence) if sentence else None
            if hit is None:
                self.warnings.append(f"time words not in their sentence, dropped: {when!r}")
                return None
            start, end = span.start + hit.start, span.start + hit.end
            mention = next((m for m in inside if m.start < end and start < m.end), None)
            return self._ranged(mention, inside) or event_time(sentence[hit.start : hit.end], mention, self.published)
        dating = [m for m in inside if dates_an_event(m)]
        if len(dating) == 2:
            return self._ranged(dating[0], dating)
        return event_time(dating[0].text, dating[0], self.published) if len(dating) == 1 else None

    def _ranged(self, mention: TimeMention | None, inside: list[TimeMention]) -> TimeExpr | None:
        """The interval a time opens with the next one ("from 2009 to 2011", "between 2014 and 2016"), whose words
        the event is shown, or None: the act held over the stretch, which its first time alone would cut short."""
        found = date_range(self.text, mention, inside) if mention is not None else None
        if found is None:
            return None
        return TimeExpr(text=self.text[found.start : found.end], value=found.value, granularity="interval")

    def _now(self, item: ExtractedEvent, trigger: Span | None, in_lead: bool) -> TimeExpr | None:
        """The publication day for an act told in the present in the article's own voice with no time words ("The
        store currently sells digital music"), or a public statement in the present perfect in the lead ("Airbus
        has confirmed that …"; ``in_lead``: the item is in the lead's first sentences): the tense is what dates
        it, so its verb, with the "has" of a perfect, is the time as written. The lead tells the day's news; a
        perfect further on is background ("Graham has acknowledged the reality of climate change"), but a perfect
        progressive anywhere runs up to now ("has been struggling", ``events._runs_to_now``). None without
        a publication date or a found verb."""
        if not item.present or self.published is None or trigger is None:
            return None
        words = self._tense_words(trigger)
        ongoing = re.search(r"\bbeen\s+$", words[: len(words) - len(trigger.text)])  # "has been struggling"
        if words != trigger.text and not in_lead and not ongoing:
            return None
        return TimeExpr(text=words, value=self.published.isoformat(), granularity="day")

    def _tense_words(self, trigger: Span) -> str:
        """The verb as its tense is written: "has announced", "has also confirmed" for a perfect (the reader is
        shown the words that date it), the verb alone for a present."""
        before = self.text[max(0, trigger.start - 30) : trigger.start]
        perfect = re.search(r"\b(?:has|have)\s+(?:\w+\s+)?$", before)
        return self.text[trigger.start - len(before) + perfect.start() : trigger.end] if perfect else trigger.text

    def _times_within(self, start: int, end: int) -> list[TimeMention]:
        """The tagged times inside [start, end): a bisection into the times by start (linear in the article)."""
        times, i = self.times, bisect_left(self._time_starts, start)
        found: list[TimeMention] = []
        while i < len(times) and times[i].start < end:
            if times[i].end <= end:
                found.append(times[i])
            i += 1
        return found

    @cached_property
    def _time_starts(self) -> list[int]:
        return [m.start for m in self.times]

    @cached_property
    def times(self) -> list[TimeMention]:
        """Every time expression in the article (the tagger's, the output's ``times``)."""
        return tag_times(self.text, self.published)

    def word(self, at: tuple[int, int]) -> Span:
        return Span(start=at[0], end=at[1], text=self.text[at[0] : at[1]], status="exact")

    def trigger(self, item: ExtractedEvent, span: Span) -> Span | None:
        """The word naming the event: the parse's offsets; for a model's event, the first word of its action
        that is no auxiliary, modal or negation, found whole in its sentence (None when it is not there)."""
        if item.trigger is not None:
            start, end = item.trigger
            return self.word(item.trigger) if 0 <= start < end <= len(self.text) else None
        if span.status == "unverified":
            return None
        sentence = self.text[span.start : span.end]
        for word in re.findall(r"[\w'’-]+", item.action):
            if word.casefold() in NOT_TRIGGERS:
                continue
            hit = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", sentence)
            if hit is not None:
                start, end = span.start + hit.start(), span.start + hit.end()
                return Span(start=start, end=end, text=self.text[start:end], status="exact")
        return None

    def events(self, items: Sequence[ExtractedEvent]) -> list[GroundedEvent]:
        """Each event with its parties' names (for the entity table); a model's statements listed as events are
        left out."""
        out: list[GroundedEvent] = []
        lead = min((d.sentence for d in items), default=0)
        speech = [d for d in items if _speech(d)]
        if speech:
            self.warnings.append(f"{len(speech)} statement(s) the model listed as events were left to the claims")
        for d in items:
            if _speech(d):
                continue
            span = self.evidence(d.sentence, d.bounds, d.action)
            where = d.where.strip() if d.where and d.where.strip() else None
            if where and not self.mentioned(where):
                where = None
            action, status, kind = d.action.strip(), d.status, d.kind
            if d.origin == "model":  # the parse's actions are cut without them already
                action, status = _modality(action, status)
                kind = _model_kind(action)
            trigger = self.trigger(d, span)
            own = self.time(_when(d), span)
            own = counted_time(own, d.counted) if d.counted is not None else own
            event = Event(
                id="",
                action=action,
                time=own or self._now(d, trigger, d.sentence < lead + LEAD_SENTENCES),
                location=where,
                evidence=[span],
                status=scheduled(d, status, own, self.published),
                kind=kind,
                trigger=trigger,
                retold=[self.word(at) for at in d.retold if 0 <= at[0] < at[1] <= len(self.text)],
            )
            targets = [n for t in d.targets if (n := self.name(t))]
            out.append(GroundedEvent(event, self.name(d.actor), targets, span.status != "unverified", d.sense))
        return self._carried_times(out)

    def _carried_times(self, events: list[GroundedEvent]) -> list[GroundedEvent]:
        """An event with no time words in its sentence takes the time of the same act (same verb, or event
        noun, and status) told with one in the sentence just before, in the same paragraph: the narrative goes
        on at the time it set ("The first A380 was delivered today … After the plane was delivered in Singapore";
        "lost $5.9 billion in the first quarter … it had lost a net $5.9 billion"). Only the same act: the next
        sentence's other verbs often move on in time ("shares fell the day the deal was announced. It will fall
        through" is another act), and a reader shown an inferred date must be able to trust it (measured on
        MEANTIME dev: evals/EVENT-TIME.md)."""
        dated: dict[tuple[int, str, str], dict[str, tuple[TimeExpr, str | None]]] = {}
        at = [self._sentence_index(e.event) for e in events]
        for e, i in zip(events, at, strict=True):
            verb = e.sense.partition("|")[0]
            if i is not None and verb and e.event.time is not None and e.event.time.value:
                dated.setdefault((i, verb, e.event.status), {})[e.event.time.value] = (e.event.time, e.actor)
        out: list[GroundedEvent] = []
        for e, i in zip(events, at, strict=True):
            before = dated.get((i - 1, e.sense.partition("|")[0], e.event.status), {}) if i else {}
            # another doer's act is another act ("GM announced on Wednesday … Airbus have announced")
            told = {v: t for v, (t, doer) in before.items() if not _named_apart(doer, e.actor)}
            if e.event.time is None and len(told) == 1 and self._narrative_goes_on(i or 0):
                e = replace(e, event=e.event.model_copy(update={"time": next(iter(told.values()))}))
            out.append(e)
        return _recalled_times(self.text, _one_time_acts(out))

    def _sentence_index(self, event: Event) -> int | None:
        """Index into ``sentences`` of the event's (first) evidence sentence; None when it is not one."""
        if not event.evidence or event.evidence[0].status == "unverified":
            return None
        return self._sentence_lookup.index(event.evidence[0].start)

    @cached_property
    def _sentence_lookup(self) -> RangeLookup:
        return RangeLookup(self.sentences)

    def _narrative_goes_on(self, i: int) -> bool:
        """Whether sentence ``i`` carries on from the one before: same paragraph (no blank line between) and no
        time words of its own that could date an event."""
        (_, before_end), (start, end) = self.sentences[i - 1], self.sentences[i]
        if re.search(r"\n[ \t]*\n", self.text[before_end:start]):
            return False
        return not any(dates_an_event(m) for m in self._times_within(start, end))
