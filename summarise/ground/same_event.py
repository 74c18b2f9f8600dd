"""An act told without time words takes the time of another mention of the same happening that has them.

Two mentions are one happening, not two of one kind, when nothing tells them apart: the same act (verb, or the
event noun the parse gives the verb's sense), both told as done, by the same named doer (the entity table's: "China
Eastern Airlines … it had signed a contract" and "The airline … signed the agreement in Paris on June 15"), and
to the same object or to one left unsaid (``SAME_ACTS``: a contract and an agreement are both the deal). Measured
on MEANTIME dev and PolNeAR dev (evals/EVENT-TIME.md, Session 19): each looser test joins acts that recur.

Acts of saying are each an act of their own, but a noun of saying by a doer the article tells making one such
statement, at a told time, names that statement again ("Fiat announced on Friday … According to Fiat's
announcement": ``_recalled_saying``; evals/EVENT-TIME.md, Session 19 (h/say19)).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..extract.event_nouns import SAME_ACTS
from ..lexicon import ACT_CUES, PRONOUNS, word_set
from ..schema import TimeExpr
from .entities import EntityTable
from .records import GroundedEvent


@dataclass(frozen=True)
class ActMention:
    """What tells two mentions of an act apart."""

    verb: str
    obj: str
    """The object's lemma, a deal's word as "deal"; '' when none is told (or only a pronoun)."""
    doer: str | None
    """The doer's entity id; None when no doer is named."""


def _act_mention(e: GroundedEvent, table: EntityTable) -> ActMention:
    verb, _, obj = e.sense.partition("|")
    named = e.actor if e.actor and e.actor.casefold() not in PRONOUNS else None
    obj = "" if obj in PRONOUNS else SAME_ACTS.get(obj, obj)
    return ActMention(verb, obj, table.id_for(named) if named else None)


def _same_act(one: ActMention, other: ActMention) -> bool:
    """The same act by the same named doer, to the same object or to one not told. A doer missing on either side
    is not enough: on PolNeAR "was killed by police" took the day of another killing, "were rated as true" the
    day of another rating."""
    same_object = not one.obj or not other.obj or one.obj == other.obj
    return bool(one.verb) and one.verb == other.verb and one.doer is not None and one.doer == other.doer and same_object


def _plural_forms(word: str) -> tuple[str, ...]:
    return (word + "s", word + "es", word[:-1] + "ies") if word else ()


def _several(e: GroundedEvent) -> bool:
    """A mention of several acts of a kind, none of which is the dated one: a plural act noun ("encouraging the
    9/11 attacks") or a plural object ("delivering carefully scripted speeches")."""
    verb, _, obj = e.sense.partition("|")
    trigger = e.event.trigger.text.casefold() if e.event.trigger is not None else ""
    return trigger in _plural_forms(verb) or bool(_words(e) & set(_plural_forms(obj)))


def _words(e: GroundedEvent) -> set[str]:
    return set(re.findall(r"[\w-]+", e.event.action.casefold()))


SERIES = word_set("first second third fourth fifth last latest next previous another again")
"""Words that place an act in a series of its kind ("The first attack was treated as a crime, while the second
…"): it is one of several, and which one the sense alone cannot tell (``records._one_time_acts`` joins a maiden
or final act told twice)."""


def _may_take_time(e: GroundedEvent) -> bool:
    """An act told as done, with no time, that is one act: not a plan or a possibility (a plan's parts fall due
    at their own times: "14 plants will be closed" is not "the Atlanta and St. Louis plants will be closed this
    year"), nor one of several or of a series, nor an act of saying (each statement is an act of its own, as
    ``assemble._says_apart`` keeps them)."""
    verb = e.sense.partition("|")[0]
    return (
        e.event.time is None
        and e.event.trigger is not None
        and e.event.status == "happened"
        and verb not in ACT_CUES
        and not _several(e)
        and not _words(e) & SERIES
    )


def _dated_by_words(e: GroundedEvent) -> TimeExpr | None:
    """The event's time when time words give it, not its verb's tense (a present dated to the day of writing by
    ``Grounder._now`` is a state or habit, which other mentions of the verb need not share)."""
    time, trigger = e.event.time, e.event.trigger
    if time is None or not time.value or (trigger is not None and trigger.text in time.text):
        return None
    return time


SAYING_NOUNS = {
    "announcement": "announce",
    "declaration": "declare",
    "proclamation": "proclaim",
    "disclosure": "disclose",
    "revelation": "reveal",
    "confirmation": "confirm",
    "admission": "admit",
    "acknowledgment": "acknowledge",
    "acknowledgement": "acknowledge",
    "denial": "deny",
    "accusation": "accuse",
    "condemnation": "condemn",
    "criticism": "criticize",
    "recommendation": "recommend",
    "rejection": "reject",
    "warning": "warn",
    "threat": "threaten",
}
"""The nouns of the acts of saying (``ACT_CUES``) that differ from their verb: "an announcement" is the act
"announce" names. Nouns that are the verb's own form ("a promise", "a vow") are left out: the sense alone
cannot tell "Fiat's promise" from "Fiat promised"."""


def _saying_noun(e: GroundedEvent) -> str | None:
    """The verb of an act of saying named by its noun ("According to Fiat's announcement": "announce"), with no
    time, told as done, one act (not "announcements", not "the latest announcement"); None for any other event."""
    verb = SAYING_NOUNS.get(e.sense.partition("|")[0])
    trigger = e.event.trigger.text.casefold() if e.event.trigger is not None else ""
    if verb is None or trigger not in SAYING_NOUNS or e.event.time is not None or e.event.status != "happened":
        return None
    return verb if not _words(e) & SERIES else None


def _recalled_saying(k: int, verb: str, events: Sequence[GroundedEvent], acts: Sequence[ActMention]) -> TimeExpr | None:
    """The time of the saying a noun of saying names again: a doer's announcement after the article told that
    doer announcing ("Fiat announced on Friday that … According to Fiat's announcement, …"). Each statement is an
    act of its own, so only when the article tells that doer making one such statement, and tells its time."""
    noun = replace(acts[k], verb=verb, obj="")
    told = [
        j for j, other in enumerate(events) if j != k and other.event.status == "happened" and _same_act(noun, acts[j])
    ]
    return _dated_by_words(events[told[0]]) if len(told) == 1 else None


def same_event_times(events: Sequence[GroundedEvent], table: EntityTable) -> list[GroundedEvent]:
    """Each act with no time takes the one time the other mentions of the same happening are told at (two
    different times: it cannot tell which, and takes none)."""
    acts = [_act_mention(e, table) for e in events]
    dated = [_dated_by_words(e) for e in events]
    out = list(events)
    for k, e in enumerate(events):
        said = _saying_noun(e)
        if said is not None:
            recalled = _recalled_saying(k, said, events, acts)
            if recalled is not None:
                out[k] = replace(e, event=e.event.model_copy(update={"time": recalled}))
            continue
        if not _may_take_time(e):
            continue
        told = {
            time.value: time
            for j, (time, other) in enumerate(zip(dated, events, strict=True))
            if time is not None and j != k and other.event.status == "happened" and _same_act(acts[k], acts[j])
        }
        if len(told) == 1:
            out[k] = replace(e, event=e.event.model_copy(update={"time": next(iter(told.values()))}))
    return out
