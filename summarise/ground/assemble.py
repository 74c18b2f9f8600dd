"""The article's grounded records from its extracted items, in named steps:

items → grounded items (``records``) → entities (one table for every name) → filter (``strict`` drops what
failed) → merge (claimant and party ids; mentions of one event; repeats) → link (ids; claims to the events
told in their sentences) → rank (``salience``) → the entities still used, with where the article names each
(``mentions``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple, TypeVar

from rapidfuzz import fuzz

from ..extract.attribution import (
    AS_BEFORE,
    COORDINATED_CLAUSE,
    HELD_WISHES,
    NOBODY_SUBJECT,
    NOT_DONE,
    NOT_YET_SAID,
    SUBORDINATE_AFTER,
    SUBORDINATE_OPENING,
    WRITERS_FRAME,
)
from ..extract.items import ExtractedClaim, ExtractedEvent
from ..ingest.index import OverlapLookup
from ..lexicon import ACT_CUES, IMPRESSION_CUES, NOUN_CUES, cue_lemmas, says_or_holds, word_set
from ..schema import Claim, Entity, Event, GroundingCounts, Span, TimeMention
from .entities import EntityTable, Mention, canonicalise
from .mentions import name_mentions
from .records import GroundedClaim, GroundedEvent, Grounder
from .salience import rank_claims, rank_events
from .same_event import same_event_times

DUPLICATE_SIMILARITY = 85.0


@dataclass
class Grounded:
    """An article's records, ready for ``ArticleSummary``, with what grounding counted and warned about."""

    entities: list[Entity]
    events: list[Event]
    claims: list[Claim]
    counts: GroundingCounts
    warnings: list[str] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)


def ground(
    text: str,
    sentences: Sequence[tuple[int, int]],
    claims: Sequence[ExtractedClaim],
    events: Sequence[ExtractedEvent],
    *,
    published: date | None = None,
    fuzzy_threshold: float = 85.0,
    strict: bool = False,
) -> Grounded:
    """Ground an article's extracted claims and events (``sentences``: [start, end) of each, in ``text``)."""
    g = Grounder(text, sentences, published, fuzzy_threshold=fuzzy_threshold)
    found_claims, found_events = g.claims(claims), g.events(events)
    table = entity_table(found_claims, found_events, text)
    found_events = same_event_times(found_events, table)
    if strict:
        found_claims, found_events = verified(found_claims, g.counts), verified(found_events, g.counts)
    kept_claims = distinct_claims(attributed(found_claims, table))
    said = [c.claim.statement for c in found_claims if c.claim.statement is not None]
    kept_events = numbered(distinct_events(merged_events(found_events, table, said)))
    final_claims = linked(kept_claims, kept_events)
    kept_events = reported(kept_events, final_claims, text)
    rank_claims(final_claims, len(text))
    rank_events(kept_events, len(text))
    entities = name_mentions(used_entities(table, final_claims, kept_events), text)
    return Grounded(entities, kept_events, final_claims, g.counts, g.warnings, g.times)


# -- entities -------------------------------------------------------------------------------------------------
def entity_table(claims: Sequence[GroundedClaim], events: Sequence[GroundedEvent], text: str) -> EntityTable:
    """One canonical entity per person, organisation or place named as a claimant, actor or target."""
    names = [Mention(c.speaker, role="claimant") for c in claims if c.speaker]
    for e in events:
        if e.actor:
            names.append(Mention(e.actor, role="actor"))
        names += [Mention(t, role="target") for t in e.targets]
    return canonicalise(names, text)


def used_entities(table: EntityTable, claims: Sequence[Claim], events: Sequence[Event]) -> list[Entity]:
    """The table's entities that a kept claim or event refers to."""
    used = {c.claimant for c in claims} | {e.actor for e in events}
    used |= {t for e in events for t in e.targets}
    return [e for e in table.entities if e.id in used]


# -- filter ---------------------------------------------------------------------------------------------------
Item = TypeVar("Item", GroundedClaim, GroundedEvent)


def verified(items: list[Item], counts: GroundingCounts) -> list[Item]:
    """``strict``: only the items that passed verification; the others are counted as dropped."""
    kept = [i for i in items if i.verified]
    counts.dropped += len(items) - len(kept)
    return kept


# -- merge ----------------------------------------------------------------------------------------------------
def attributed(claims: Sequence[GroundedClaim], table: EntityTable) -> list[Claim]:
    """Claims with their claimant's entity id."""
    return [c.claim.model_copy(update={"claimant": table.id_for(c.speaker) if c.speaker else None}) for c in claims]


def merged_events(events: Sequence[GroundedEvent], table: EntityTable, said: Sequence[Span] = ()) -> list[Event]:
    """Events with their parties' entity ids; a later mention of an event (same actor, sense and first target)
    joins the first instead of standing alone, unless the two cannot be one occurrence (``_apart``; ``said``:
    the claims' statements)."""
    kept: list[Event] = []
    mentions: dict[tuple[str, str, str], Event] = {}
    for e in events:
        actor_id = table.id_for(e.actor) if e.actor else None
        # a party is not its own target: "Japan … raised concerns …, with Tokyo warning" names Japan twice
        ids = list(dict.fromkeys(eid for t in e.targets if (eid := table.id_for(t)) not in (None, actor_id)))
        verb, _, obj = e.sense.partition("|")
        key = (actor_id or "", verb, ids[0] if ids else obj)
        first = mentions.get(key) if actor_id and verb else None
        if first is not None and not _apart(first, e.event, said) and not _says_apart(verb, first, e.event, said):
            _join(first, e.event, ids)
            continue
        event = e.event.model_copy(update={"actor": actor_id, "targets": ids})
        if actor_id and verb and first is None:
            mentions[key] = event
        kept.append(event)
    return kept


def _apart(first: Event, other: Event, said: Sequence[Span]) -> bool:
    """Whether a later mention told as done at a time of its own is another occurrence than a first told as yet
    to come in the article's own voice: the writer's future is after the writing, what was done before it ("GM
    and Chrysler will receive bridge loans … Since December GM and Chrysler have received US$17.4 billion"). A
    future told by a speaker may be one the article then tells took place ("Kim plans to visit Russia … Kim met
    Putin on Wednesday"); an undated act noun may name the plan again ("his proposed reorganization plan … the
    plan")."""
    if first.status == "happened" or other.status != "happened" or other.time is None or first.trigger is None:
        return False
    at = first.trigger.start
    return not any(s.start <= at < s.end for s in said)


def _says_apart(verb: str, first: Event, other: Event, said: Sequence[Span]) -> bool:
    """Whether two acts of saying (``ACT_CUES``: "Jobs announced that … He also announced that …") make two
    statements: each is an act of its own, as each statement is a claim of its own."""
    if verb not in ACT_CUES:
        return False
    one, two = _statement_of(first, said), _statement_of(other, said)
    return one is not None and two is not None and one != two


def _statement_of(event: Event, said: Sequence[Span]) -> tuple[int, int] | None:
    """The statement an act of saying makes: one in its sentence that does not hold its word."""
    if event.trigger is None or not event.evidence:
        return None
    at, sentence = event.trigger.start, event.evidence[0]
    inside = (s for s in said if sentence.start <= s.start < sentence.end and not s.start <= at < s.end)
    return next(((s.start, s.end) for s in inside), None)


def _join(first: Event, other: Event, targets: list[str]) -> None:
    """Another mention of ``first``: its evidence, its word (``retold``) and a time, place or target ``first``
    lacks join it."""
    spans = {(s.start, s.end): s for s in [*first.evidence, *other.evidence]}
    first.evidence = [spans[k] for k in sorted(spans)]
    first.targets = list(dict.fromkeys([*first.targets, *targets]))
    words = [
        w for w in [*first.retold, *other.retold, *([other.trigger] if other.trigger else [])] if w != first.trigger
    ]
    first.retold = sorted({(w.start, w.end): w for w in words}.values(), key=lambda w: w.start)
    first.time = first.time or other.time
    first.location = first.location or other.location
    if other.status == "happened":  # "will meet" then "met": the meeting took place
        first.status = "happened"
    if other.kind == "act":  # told once as something done, it is an act, whatever describes it elsewhere
        first.kind = "act"


def reported(events: Sequence[Event], claims: Sequence[Claim], text: str) -> list[Event]:
    """Events with the ids of the claims that carry them: a claim whose statement (or, when it has none
    verbatim, its sentence) holds the event's trigger. None: the article tells it in its own voice, as it does
    through a frame of the writer's (``_writers_frame``). A claim led by a deed (``_deeds``), a saying not done
    (``_unsaid``), a cue whose clause only frames the main one (``_main_clause``) or a verb of having (``_has``)
    carries nothing."""
    silent = _deeds(events, claims, text) | {c.id for c in claims if _writers_frame(c, text) or _unsaid(c, text)}
    silent |= {c.id for c in claims if _main_clause(c, text) or _has(c, text) or _as_foretold(c, text)}
    spans = sorted(
        (
            (span, c.id)
            for c in claims
            if (c.statement or c.evidence) and c.id not in silent
            for span in _told_by(c, text)
        ),
        key=lambda p: p[0][0],
    )
    told = OverlapLookup([s for s, _ in spans])
    out: list[Event] = []
    for e in events:
        if e.trigger is None:
            out.append(e)
            continue
        t = e.trigger
        ids = [spans[k][1] for k in told.find((t.start, t.end)) if spans[k][0][0] <= t.start < spans[k][0][1]]
        out.append(e.model_copy(update={"reported_by": list(dict.fromkeys(ids))}) if ids else e)
    return out


def _cue_at(claim: Claim, text: str) -> int:
    """Where a claim's cue is written in its sentence (its first evidence span; its statement where it has none),
    -1 where it is not: the rules below read the words around it."""
    sentence = claim.evidence[0] if claim.evidence else claim.statement
    return text.find(claim.cue, sentence.start, sentence.end) if sentence is not None else -1


def _told_by(claim: Claim, text: str) -> list[tuple[int, int]]:
    """The spans whose events a claim carries: its statement, or its sentence when it has none. A statement that
    holds the claim's own cue is the sentence around it (a cue between commas, "The museum, Mr. Bush said,
    celebrated …", or one the content runs through, "having reported record profits"): a clause coordinated with
    the cue's own is not its content ("Ryanair is the world's most profitable airline, having reported record
    profits of $269m earlier this year, and is pursuing an aggressive expansion plan": the expansion is the
    article's), nor is the cue itself, the claimant's act ("Other companies also reported February sales today"
    is no one's report of a report)."""
    span = claim.statement or claim.evidence[0]
    at = _cue_at(claim, text) if claim.cue else -1  # an empty cue is no word: found "at" any sentence's start
    if at < 0 or not span.start <= at < span.end:
        return [(span.start, span.end)]
    end = at + len(claim.cue)
    start = max((m.end() for m in COORDINATED_CLAUSE.finditer(text, span.start, at)), default=span.start)
    after = COORDINATED_CLAUSE.search(text, end, span.end)
    stop = after.start() if after else span.end
    return [(a, b) for a, b in ((start, at), (end, stop)) if a < b]


def _as_foretold(claim: Claim, text: str) -> bool:
    """A claim of nobody named whose cue follows "as" ("Patriot failed as predicted", "He proposed dropping carried
    interest as promised"): the article tells the deed in its own voice and says it was foretold; no one unnamed
    tells it."""
    if claim.claimant or not claim.evidence:
        return False
    sentence, at = claim.evidence[0], _cue_at(claim, text)
    return at >= 0 and AS_BEFORE.search(text, sentence.start, at) is not None


def _writers_frame(claim: Claim, text: str) -> bool:
    """A claim of nobody named, cued by a frame of the writer's own ("It should be mentioned that …", "It is worth
    noting that …") or an impression ("… seems too risky"; ``IMPRESSION_CUES``): what follows is the article's own
    voice, not someone unnamed's. The claim stays (PolNeAR marks these frames as attributions, the writer's); the
    events told in it are the article's. Not "It is said that …", which passes on what others say. The frame's "it"
    is nobody, whoever a pronoun's resolver took it for ("though it is interesting to note that Intel has added
    DRM": not Steve Jobs, the last speaker; "it's safe to say Luck exceeded": not Cam Newton)."""
    if not claim.evidence:
        return False
    if not claim.claimant and cue_lemmas(claim.cue) & IMPRESSION_CUES:  # "drawing on home equity seems too risky"
        return True
    sentence, at = claim.evidence[0], _cue_at(claim, text)
    return at >= 0 and WRITERS_FRAME.search(text, sentence.start, at) is not None


HAVING_CUES = word_set("include contain comprise consist feature")
"""Verbs of having the cue model takes for cues."""


def _has(claim: Claim, text: str) -> bool:
    """A claim cued by a verb of having (``HAVING_CUES``: "Features new to the iPhone include an upgraded camera,
    which allows users to record video"): what a thing has is told, not said by it. Not a plan's or a statement's
    (``NOUN_CUES``, ``REPORT_NOUNS``: "Clinton's plan includes: … requiring students to contribute wages"): what it
    holds is what it proposes or says. PolNeAR marks such cues ("The platform includes planks that call for …"),
    so the claims keep them; they carry no event."""
    if not claim.evidence or not cue_lemmas(claim.cue) & HAVING_CUES:
        return False
    sentence, at = claim.evidence[0], _cue_at(claim, text)
    before = re.findall(r"[\w'’-]+", text[sentence.start : max(at, sentence.start)])
    return not before or before[-1].lower().removesuffix("s") not in NOUN_CUES | REPORT_NOUNS


def _main_clause(claim: Claim, text: str) -> bool:
    """A claim whose cue is in a subordinate clause and whose statement is the main clause: after the clause the
    sentence opens with ("While a federal judge found that action unconstitutional, his decision was overturned …,
    and the Supreme Court declined to step into the fray") or before the one it ends with ("GM warned that the
    amount … could rise before it is officially reported", "Air India says …, while Air Canada has estimated …").
    The main clause is the article's, or its own speaker's, not the one the subordinate clause only sets beside it.
    The claim stays (PolNeAR marks such contents: "If you believe …, the worst part of all is …"); its hold on
    events goes (PolNeAR train: the gold content holds none of the 27 links it drops that a gold cue covers)."""
    if claim.statement is None or claim.quote or not claim.evidence:
        return False  # a quotation after the cue is its speaker's ("Whereas a negotiator has said, “I don't see …”")
    sentence, at = claim.evidence[0], _cue_at(claim, text)
    if at < 0:
        return False
    if claim.statement.end <= at:  # "GM warned that the amount could rise before it is officially reported"
        return SUBORDINATE_AFTER.search(text[claim.statement.end : at]) is not None
    if claim.statement.start < at + len(claim.cue):
        return False
    between = text[at + len(claim.cue) : claim.statement.start]
    return "," in between and SUBORDINATE_OPENING.search(text[sentence.start : at]) is not None


REFUSALS = word_set("decline refuse fail")
"""Cues whose "to" infinitive is a saying not done ("declined to confirm that …")."""


def _unsaid(claim: Claim, text: str) -> bool:
    """A claim whose saying was not done: "Apple did not confirm that Papermaster had left", "he has yet to explain
    why these loopholes should be retained", "declined to confirm that …", "neither of the companies would
    reveal …", and one a modal foretells or supposes ("the country would declare its intention to …", "Patriot could
    threaten to …": ``NOT_YET_SAID``). Nobody says what it holds: no event in it is the claimant's (the act
    withheld is an event of its own, ``events._withheld``). The claim stays: PolNeAR marks such attributions."""
    if not claim.evidence:
        return False
    sentence, at = claim.evidence[0], _cue_at(claim, text)
    if at < 0:
        return False
    if cue_lemmas(claim.cue) & REFUSALS and claim.content.startswith("to "):
        return True
    if NOBODY_SUBJECT.search(text, sentence.start, at):  # "neither of the companies would reveal the agreement reached"
        return True
    foretold = NOT_YET_SAID.search(text, max(sentence.start, at - 40), at)
    if foretold and not cue_lemmas(claim.cue) & HELD_WISHES:  # "would declare its intention to …"; not "would like"
        return True
    return NOT_DONE.search(text, max(sentence.start, at - 40), at) is not None


def _deeds(events: Sequence[Event], claims: Sequence[Claim], text: str) -> set[str]:
    """The claims led by a deed: a cue that is no word of saying or holding, the word of an event the article
    tells with what it was done to ("IBM sued Papermaster in an attempt to block him", "Jobs attempted to address
    reports", "Congress required them to produce plans", "Apple released the text of Jobs's email"). What follows
    such a verb is what was done, not said: no event in it is anyone's claim. A quotation stays its speaker's
    ("“We are shocked that …”, … Murray, who hails from"), and so does a clause after a bare verb ("the court
    ruled that …", "the Post learned that …"), and a statement that a word of saying introduces after the deed:
    what was published says it ("published reports on Monday saying the North Korean leader plans to visit"). The
    cue model proposes such verbs as cues (PolNeAR marks some of their uses): the claim stays; only its hold on the
    events goes."""
    done = {e.trigger.start for e in events if e.trigger is not None and len(e.action.split()) > 1}
    out: set[str] = set()
    for c in claims:
        if not c.evidence or c.quote or says_or_holds(c.cue):
            continue
        at = _cue_at(c, text)
        if at in done and not _said_after(text, at + len(c.cue), c.statement):
            out.add(c.id)
    return out


REPORT_NOUNS = word_set("report statement claim allegation assertion announcement warning")
"""Nouns of words put out, whose "that" clause is what they say ("published reports that …")."""


def _said_after(text: str, start: int, statement: Span | None) -> bool:
    """Whether the statement after a deed's cue is what the deed's object says: introduced by a report
    (``REPORT_NOUNS``: "had published reports that the North Korean leader plans …") or a participle of
    saying ("issued a statement claiming that …"). Not a word of saying further back ("following the
    announcement by General Motors that it had filed": the filing is told, not said, by the one who followed)."""
    if statement is None or statement.start < start:
        return False
    words = [w.lower() for w in re.findall(r"[\w'’-]+", text[start : statement.start]) if w.lower() != "that"]
    if not words:
        return False
    last = words[-1]
    return last.removesuffix("s") in REPORT_NOUNS or (last.endswith("ing") and says_or_holds(last))


class _Told(NamedTuple):
    """What makes two items one told twice: who (an entity id or ''), where (sentence start), and the words."""

    who: str
    start: int
    words: str
    trigger: int | None = None
    """Where the word naming an event starts: two events named by different words are two ("signed the
    agreement": the signing and the agreement), however alike their words."""


def _repeats(items: Sequence[_Told]) -> set[int]:
    """Indices to drop: same sentence start and who, words similar to an earlier item's."""
    drop: set[int] = set()
    earlier: dict[tuple[str, int], list[int]] = {}  # only items of one who and start are compared: linear
    for i, item in enumerate(items):
        same = earlier.setdefault((item.who, item.start), [])
        alike = [j for j in same if j not in drop and not _named_apart(item, items[j])]
        scores = (fuzz.token_set_ratio(item.words, items[j].words) for j in alike)
        if any(score >= DUPLICATE_SIMILARITY for score in scores):
            drop.add(i)
        same.append(i)
    return drop


def _named_apart(a: _Told, b: _Told) -> bool:
    return a.trigger is not None and b.trigger is not None and a.trigger != b.trigger


def distinct_claims(claims: Sequence[Claim]) -> list[Claim]:
    """Claims in article order, without one that repeats an earlier claim of its sentence and claimant."""
    ordered = sorted(claims, key=lambda c: c.evidence[0].start)
    drop = _repeats([_Told(c.claimant or "", c.evidence[0].start, c.content) for c in ordered])
    return [c for i, c in enumerate(ordered) if i not in drop]


def distinct_events(events: Sequence[Event]) -> list[Event]:
    """Events in article order, without one that repeats an earlier event of its sentence and actor."""
    ordered = sorted(events, key=lambda e: e.evidence[0].start)
    told = [
        _Told(e.actor or "", e.evidence[0].start, e.action, e.trigger.start if e.trigger else None) for e in ordered
    ]
    drop = _repeats(told)
    return [e for i, e in enumerate(ordered) if i not in drop]


# -- link -----------------------------------------------------------------------------------------------------
def numbered(events: Sequence[Event]) -> list[Event]:
    """Events with their ids, v1, v2, … in article order."""
    return [e.model_copy(update={"id": f"v{i}"}) for i, e in enumerate(events, start=1)]


def linked(claims: Sequence[Claim], events: Sequence[Event]) -> list[Claim]:
    """Claims with their ids, c1, c2, … in article order, each linked to the events told in its sentence."""
    out: list[Claim] = []
    told = OverlapLookup([(e.evidence[0].start, e.evidence[0].end) for e in events])  # events are in article order
    for i, c in enumerate(claims, start=1):
        span = c.evidence[0]
        links = [events[k].id for k in told.find((span.start, span.end))]
        out.append(c.model_copy(update={"id": f"c{i}", "event_ids": links}))
    return out
