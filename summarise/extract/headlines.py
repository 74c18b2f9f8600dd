"""The headline: it restates the story, so its events are the body's told again, never events of their own.

``headline_events`` reads the headline's event candidates and other content words; ``retell`` gives each to the body
event that tells it (``_telling``: same verb and doer, the lead's by the same doer, same doer and target), whose
``retold`` its word joins (each of the two words of a support verb and its act noun, "makes maiden flight"); a saying
verb acting on a thing retells its own doer's act on that thing, in other words too ("Apple announces Mac OS X Lion":
"Apple unveiled Lion"; ``_told_by_doer``); a noun naming the doing of an act ("GM declaration of bankruptcy") retells
the lead's light verb taking that act noun ("General Motors filed for bankruptcy"), whatever the doing's word."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from ..ingest import Document
from ..lexicon import ACT_CUES, verb_stem, word_set
from .attribution import title_span
from .events import (
    ACT_NOUNS,
    EVENT_NOUNS,
    LIGHT_VERBS,
    NAME_LABELS,
    Ents,
    EventCandidate,
    _noun_events,
    _noun_sense,
    _times,
    _trigger,
    _verb_events,
)
from .nlp import parser

LEAD_SENTENCES = 2
"""A headline restates the lead: its words retell events of the first sentences only."""
RETELLING_LIGHT_VERBS = LIGHT_VERBS | word_set("file")
"""Verbs whose act noun is their event ("made a flight", "filed for bankruptcy"), so a headline's act noun tells
the event again."""
NO_NAME_WORDS = word_set(
    """the a an inc corp co ltd plc llc group company corporation president minister prime foreign chancellor
    secretary senator governor mayor king queen ceo chairman chief executive officer spokesman spokeswoman"""
)
"""Capitalised words two names share without naming one party: a company's form ("Apple Inc.", "Boeing Inc."),
a title ("President Obama", "President Bush")."""
SCOPE_SENTENCES = 4
"""How far into the body a headline's event is looked for when names tie the two (the same doer and target; a
party the headline names doing what its word says)."""


class Headline(NamedTuple):
    """What the headline tells (``headline_events``)."""

    events: list[EventCandidate]
    words: list[EventCandidate]
    """Its other verbs and nouns, each a bare candidate of its own sense: a headline's present tense often parses
    as nouns ("Chrysler files for bankruptcy"), and a word that names a lead event's act tells it again."""
    acts: tuple[EventCandidate, ...] = ()
    """Those of its words that are act nouns heading a phrase ("wins order", not "space launch contracts")."""
    names: tuple[str, ...] = ()
    """The parties it names."""
    doings: tuple[EventCandidate, ...] = ()
    """Its nouns naming the doing of the act noun in their "of" phrase ("GM declaration of bankruptcy"): each a
    candidate of that act noun's sense and words, at the noun's own word."""
    told: tuple[EventCandidate, ...] = ()
    """Its saying verbs with a thing as object ("Apple announces Mac OS X Lion"): acts the body tells by their
    doer, often in other words ("Apple unveiled Lion"; ``_told_by_doer``)."""


def headline_events(doc: Document) -> Headline:
    """Event candidates of the headline, where the text begins with it (the layout's ``title``), and its other
    content words; they are never events of their own (``retell``)."""
    span = title_span(doc)
    if span is None:
        return Headline([], [])
    start, end = span
    title = doc.text[start:end]
    parsed = parser()(title.replace("\xa0", " "))
    ents: Ents = {t.i: e for e in parsed.ents for t in e}
    times = _times(parsed.text)
    said = range(start, end)  # its saying verbs are taken as claims: only the body tells acts apart
    verbs = _verb_events(0, start, parsed, ents, (), times, said, told_acts=False)
    kept = {e.trigger for e in verbs}
    told = [e for e in _verb_events(0, start, parsed, ents, (), times, said) if e.trigger not in kept]
    found = verbs + _noun_events(0, start, parsed, ents, times)
    taken = [e.trigger for e in found if e.trigger is not None]
    words = {
        t.i: EventCandidate(0, start + t.idx, "", t.text, (), None, f"{_noun_sense(t)}|", trigger=_trigger(start, t))
        for t in parsed
        if t.pos_ in ("VERB", "NOUN") and t.i not in ents and not _within(_trigger(start, t), taken)
    }
    heads = (t for t in parsed if t.pos_ == "NOUN" and t.dep_ != "compound" and t.i in words)
    acts = tuple(words[t.i] for t in heads if t.lemma_.lower() in EVENT_NOUNS | ACT_NOUNS)
    names = tuple(e.text for e in parsed.ents if e.label_ in NAME_LABELS)
    doings = tuple(
        replace(words[t.i], action=act.text, sense=f"{_noun_sense(act)}|")
        for t in parsed
        if t.i in words and t.pos_ == "NOUN"
        for of in t.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for act in of.children
        if act.dep_ == "pobj" and act.lemma_.lower() in ACT_NOUNS
    )
    return Headline(found, list(words.values()), acts, names, doings, tuple(told))


def retell(found: Sequence[EventCandidate], headline: Headline, text: str) -> list[EventCandidate]:
    """A headline restates the story: each of its events is a body event told again (``_telling``); each of its
    saying acts on a thing is its doer's act told again (``_told_by_doer``); each of its other words (those
    saying acts too, where their doer's is not found) is the first event of the lead of the same sense
    (``_done_in_lead``); an act noun of the headline is the event whose light verb takes it ("makes maiden
    flight": "made its maiden flight"), or the lead's event of nobody named of that noun or its verb
    (``_unnamed_in_lead``: "flight delayed", "bailout deal fails", "A380 delays"); a noun naming the doing of the
    act noun in its "of" phrase is the lead's light verb taking that act noun, done by a party the headline names
    ("GM declaration of bankruptcy": "General Motors filed for bankruptcy"). Its word joins that event's
    ``retold``; with none, it tells nothing of its own."""
    out = list(found)
    lead = min((e.sentence for e in out), default=0)
    for told in headline.events:
        at = _telling(out, told, lead, text)
        for named in _naming_words(told.trigger, text):
            _tell_again(out, at, named)
    for act in headline.told:
        at = _told_by_doer(out, act, lead)
        for named in _naming_words(act.trigger, text):
            _tell_again(out, at, named)
    retold = {w for e in out for w in e.retold}
    for word in headline.words:
        if word.trigger in retold:
            continue
        verb = word.sense.split("|")[0]
        at = next(
            (i for i, e in enumerate(out) if e.sense.startswith(f"{verb}|") and _done_in_lead(e, headline, lead)), None
        )
        _tell_again(out, at, word.trigger)
    taken = [w for e in out for w in e.retold]
    for word in headline.acts:
        if word.trigger is None or _within(word.trigger, taken):
            continue
        at = next((i for i, e in enumerate(out) if e.retold and _takes_act_noun(e, word)), None)
        _tell_again(out, _unnamed_in_lead(out, word, lead) if at is None else at, word.trigger)
    taken = [w for e in out for w in e.retold]
    for word in headline.doings:
        if word.trigger is None or _within(word.trigger, taken):
            continue
        doing = (i for i, e in enumerate(out) if _done_by_named(e, headline, lead) and _takes_act_noun(e, word))
        _tell_again(out, next(doing, None), word.trigger)
    return out


def _told_by_doer(found: Sequence[EventCandidate], told: EventCandidate, lead: int) -> int | None:
    """The body event a headline's saying act on a thing retells, in the first ``SCOPE_SENTENCES``: the first of
    the same verb by the same doer, else the first by the same doer on a thing named alike ("Apple announces Mac
    OS X Lion": "Apple unveiled Lion", not the closing "Apple announced no new hardware products"). Never another
    doer's: many parties announce or report in one story ("Ford reports losses" is not "Toyota reported a loss")."""
    verb = told.sense.split("|")[0]
    doers = [i for i, e in enumerate(found) if _same_doer(told, e)]
    near = [i for i in doers if found[i].sentence < lead + SCOPE_SENTENCES]
    same_verb = (i for i in near if found[i].sense.split("|")[0] == verb)
    alike = (i for i in near if _same_object(told, found[i]))
    return next(same_verb, next(alike, None))


def _same_object(a: EventCandidate, b: EventCandidate) -> bool:
    """Whether two events act on a thing named alike: a target, or a name in both actions after the verb
    ("announces Mac OS X Lion", "unveiled Lion")."""
    return _same_target(a, b) or _same_name(a.action.split(maxsplit=1)[-1], b.action.split(maxsplit=1)[-1])


def _naming_words(span: tuple[int, int] | None, text: str) -> list[tuple[int, int] | None]:
    """The words naming a headline event: both ends of a trigger that joins two ("makes maiden flight": "makes" and
    "flight", a support verb and its act noun; "begins selling"), each a word that tells the act again, as the body
    names it by both ("made its maiden flight"); a one-word trigger itself."""
    if span is None or not text[span[0] : span[1]].split()[1:]:
        return [span]
    words = text[span[0] : span[1]].split()
    return [(span[0], span[0] + len(words[0])), (span[1] - len(words[-1]), span[1])]


def _tell_again(out: list[EventCandidate], at: int | None, word: tuple[int, int] | None) -> None:
    """``word`` (a headline word's span) joins the ``retold`` of the event at ``at``, when both are there."""
    if at is not None and word is not None:
        out[at] = replace(out[at], retold=(*out[at].retold, word))


def _done_by_named(e: EventCandidate, headline: Headline, lead: int) -> bool:
    """An event of the lead's first ``LEAD_SENTENCES`` done by a party the headline names: a headline noun naming
    the doing of an act ("GM declaration of bankruptcy") tells again the lead's light verb taking that act noun
    ("General Motors filed for bankruptcy"), whatever the doing's word."""
    return e.sentence < lead + LEAD_SENTENCES and any(_same_name(e.actor, name) for name in headline.names)


def _unnamed_in_lead(found: Sequence[EventCandidate], word: EventCandidate, lead: int) -> int | None:
    """The lead's first event of nobody named that the headline's act noun names again: a theme noun's ("A380 test
    flight delayed after accident": "the test flight was delayed"), or an act the lead tells with no doer because
    its verb asserts it ("US automaker bailout deal fails to pass Senate": "A US$14 billion bailout package deal …
    has been rejected"; "Apple swamped by iPhone 4 pre-orders": "Pre-orders of the recently announced iPhone 4
    began Tuesday"), or by its verb, the noun and the verb naming one act ("Singapore Airlines to be compensated
    for A380 delays": "The … delivery … will be delayed until October 2007"). Theme nouns alone were measured first
    (Session 10); any act noun found 1 more MEANTIME dev gold event with a participant and no false event; its verb
    1 more, its status the verb's (evals/MEANTIME-RECALL.md, "Nouns", Session 11 and its round 2)."""
    near = lead + LEAD_SENTENCES
    verb = word.sense.split("|")[0]
    return next(
        (i for i, e in enumerate(found) if e.sense.split("|")[0] == verb and not e.actor and e.sentence < near), None
    )


def _within(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``span`` lies inside one of ``spans`` ("flight" in "makes first flight", a light verb's words)."""
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _done_in_lead(e: EventCandidate, headline: Headline, lead: int) -> bool:
    """Whether a headline word may tell ``e`` again: an event of the lead's first ``LEAD_SENTENCES`` with a doer
    named (a headline names who acts: "Ford announces cuts" is not the lead's "plans announced in January"), or
    of its first ``SCOPE_SENTENCES`` done by a party the headline names ("GM reports losses": "GM reported a
    loss", two sentences on)."""
    if e.sentence < lead + LEAD_SENTENCES:
        return bool(e.actor)
    return e.sentence < lead + SCOPE_SENTENCES and any(_same_name(e.actor, name) for name in headline.names)


def _takes_act_noun(e: EventCandidate, word: EventCandidate) -> bool:
    """Whether an event's light verb takes the headline's act noun ``word`` as its act ("made its maiden flight":
    "flight"; "filed for bankruptcy"). Another verb's object is an act of its own, often another's ("won an
    order": the buyer's order), which the headline word does not tell again."""
    if e.sense.split("|")[0] not in RETELLING_LIGHT_VERBS:
        return False
    lemma = word.sense.split("|")[0]
    forms = {lemma, f"{lemma}s", f"{lemma}es", word.action.lower()}
    return bool(forms & {w.lower() for w in e.action.split()})


def _telling(found: Sequence[EventCandidate], told: EventCandidate, lead: int, text: str) -> int | None:
    """The index of the body event that tells the headline's event ``told`` again, or None: the lead's first of
    the same verb (its sense's, or its very word: "selected to buy", "was selected to purchase") by the same doer;
    else the lead's first of its very word with no doer named (the passive "was selected"); else the lead
    sentence's first by the same doer, in other words ("Aer Lingus buys jets": "Aer Lingus have purchased
    aircraft"; not an act of saying, ``_says_what``); else the body's first of the same verb by the same doer,
    then by anyone; else, in the first ``SCOPE_SENTENCES``, the first by the same doer to the same target ("Cisco
    sues Apple": "Cisco to file a lawsuit against Apple Inc.")."""
    verb = told.sense.split("|")[0]
    word = _stem(told.trigger, text)
    same_word = [bool(word) and _stem(e.trigger, text) == word for e in found]
    same_verb = [e.sense.split("|")[0] == verb or w for e, w in zip(found, same_word, strict=True)]
    same_doer = [_same_doer(told, e) for e in found]
    near = [e.sentence < lead + LEAD_SENTENCES for e in found]
    tests = (
        [v and d and n for v, d, n in zip(same_verb, same_doer, near, strict=True)],
        [w and n and not e.actor for e, w, n in zip(found, same_word, near, strict=True)],  # "was selected"
        [d and e.sentence == lead and not _says_what(e) for e, d in zip(found, same_doer, strict=True)],
        [v and d for v, d in zip(same_verb, same_doer, strict=True)],
        same_verb,
        [
            d and e.sentence < lead + SCOPE_SENTENCES and _same_target(told, e)
            for e, d in zip(found, same_doer, strict=True)
        ],
    )
    # an act told as the point another is counted from ("Five years after its launch, … passed") is background
    return next((i for test in tests for i, hit in enumerate(test) if hit and found[i].counted is None), None)


def _says_what(e: EventCandidate) -> bool:
    """Whether an event is an act of saying whose statement is what the article reports ("Fiat announced that it
    intends to purchase …"): a headline in other words retells what was announced ("Fiat plans to buy"), not the
    announcing; in the same verb it retells the announcing ("Ford announces cuts")."""
    verb, _, thing = e.sense.partition("|")
    return verb in ACT_CUES and not thing


def _same_doer(a: EventCandidate, b: EventCandidate) -> bool:
    """Whether two actors as written name one party: a name word in common ("Aer Lingus", "Irish airline Aer
    Lingus"; "Apple's iTunes", "Apple Computer's iTunes"), or one's initials ("GM", "General Motors")."""
    return _same_name(a.actor, b.actor)


def _same_target(a: EventCandidate, b: EventCandidate) -> bool:
    """Whether two events have a target named alike ("Apple", "Apple Inc.")."""
    return any(_same_name(x, y) for x in a.targets for y in b.targets)


def _same_name(a: str, b: str) -> bool:
    """Whether two names as written name one party (``_same_doer``)."""
    one, other = _name_words(a), _name_words(b)
    if {w.lower() for w in one} & {w.lower() for w in other}:
        return True
    return any(_abbreviates(w, other) for w in one) or any(_abbreviates(w, one) for w in other)


def _name_words(name: str) -> list[str]:
    """The words of a name as written that hold a capital ("iTunes"), without a possessive, punctuation or a word
    that names no party of its own ("Inc.", "Group")."""
    words = (w.strip(".,:;\"“”()'’").removesuffix("'s").removesuffix("’s") for w in name.replace("-", " ").split())
    return [w for w in words if any(c.isupper() for c in w) and w.lower() not in NO_NAME_WORDS]


def _abbreviates(word: str, words: Sequence[str]) -> bool:
    """Whether ``word`` is the initials of words of a name ("GM": "General Motors")."""
    letters = word.replace(".", "")
    return len(letters) > 1 and letters.isupper() and len(words) > 1 and letters in "".join(w[0] for w in words)


def _stem(span: tuple[int, int] | None, text: str) -> str:
    """The word at ``span`` without its inflection ("selected": "select")."""
    return verb_stem(text[span[0] : span[1]].lower()) if span is not None else ""
