"""ground.same_event: an act with no time words takes the time of another mention of the same happening."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from summarise.extract.items import ExtractedEvent
from summarise.ground.assemble import entity_table
from summarise.ground.records import Grounder
from summarise.ground.same_event import same_event_times
from summarise.schema import EventStatus


@dataclass(frozen=True)
class Told:
    """One mention of an act, as the parse gives it."""

    sentence: int
    doer: str
    word: str
    sense: str
    when: str | None = None
    status: EventStatus = "happened"
    action: str = ""


def times(text: str, told: list[Told]) -> list[str | None]:
    """Each mention's time value after grounding and ``same_event_times``."""
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", text)]

    def item(t: Told) -> ExtractedEvent:
        bounds = sentences[t.sentence - 1]
        start = text.index(t.word, bounds[0])
        action = t.action or t.word
        trigger = (start, start + len(t.word))
        return ExtractedEvent("parse", t.sentence, bounds, t.doer, action, (), t.when, None, t.sense, t.status, trigger)

    found = Grounder(text, sentences, date(2009, 6, 18)).events([item(t) for t in told])
    shared = same_event_times(found, entity_table([], found, text))
    return [e.event.time.value if e.event.time else None for e in shared]


SIGNED = (
    "China Eastern Airlines stated that it had signed a contract for twenty jets. Shares rose. "
    "The airline, the third largest in China, signed the agreement in Paris on June 15."
)


def test_the_same_act_by_the_same_doer_takes_the_time_told_elsewhere() -> None:
    told = [
        Told(1, "China Eastern Airlines", "signed", "sign|contract", ""),
        Told(3, "The airline", "signed", "sign|agreement", "on June 15"),
    ]
    assert times(SIGNED, told) == ["2009-06-15", "2009-06-15"]  # a contract and an agreement are the deal


def test_another_doer_or_a_doer_not_named_is_not_the_same_happening() -> None:
    text = "Police killed a man. Crowds gathered. Police killed a man in Tulsa on Friday."
    told = [Told(1, "", "killed", "kill|man"), Told(3, "Police", "killed", "kill|man", "on Friday")]
    assert times(text, told) == [None, "2009-06-12"]
    text = "Ford posted a profit. Crowds gathered. Boeing posted a profit in 2008."
    told = [Told(1, "Ford", "posted", "post|profit"), Told(3, "Boeing", "posted", "post|profit", "in 2008")]
    assert times(text, told) == [None, "2008"]


def test_another_object_is_another_act() -> None:
    text = "Ford posted a profit. Crowds gathered. Ford posted a loss in 2008."
    told = [Told(1, "Ford", "posted", "post|profit"), Told(3, "Ford", "posted", "post|loss", "in 2008")]
    assert times(text, told) == [None, "2008"]


def test_plans_acts_of_saying_plurals_and_series_keep_no_time() -> None:
    text = "Ford will close a plant. Crowds gathered. Ford will close the plant in 2008."
    told = [Told(1, "Ford", "close", "close|plant", status="planned"),
            Told(3, "Ford", "close", "close|plant", "in 2008", "planned")]  # fmt: skip
    assert times(text, told)[0] is None  # a plan's parts fall due at their own times
    text = "Jobs announced a laptop. Crowds gathered. Jobs announced the phone on Wednesday."
    told = [Told(1, "Jobs", "announced", "announce|"), Told(3, "Jobs", "announced", "announce|phone", "on Wednesday")]
    assert times(text, told)[0] is None  # each statement is an act of its own
    text = "Trump gave speeches. Crowds gathered. Trump gave a speech on Monday."
    told = [Told(1, "Trump", "gave", "give|speech", action="gave speeches"),
            Told(3, "Trump", "gave", "give|speech", "on Monday")]  # fmt: skip
    assert times(text, told)[0] is None  # several acts of a kind
    text = "The first attack by Islamists was a crime. Crowds gathered. Islamists attacked a ship in 2000."
    told = [Told(1, "Islamists", "attack", "attack|", action="first attack"),
            Told(3, "Islamists", "attacked", "attack|ship", "in 2000")]  # fmt: skip
    assert times(text, told)[0] is None  # one of a series


def test_two_times_told_date_nothing() -> None:
    text = "Ford posted a loss. Ford posted a loss in 2008. Ford posted a loss in 2007."
    told = [Told(1, "Ford", "posted", "post|loss"), Told(2, "Ford", "posted", "post|loss", "in 2008"),
            Told(3, "Ford", "posted", "post|loss", "in 2007")]  # fmt: skip
    assert times(text, told)[0] is None  # which of the two, the sense cannot tell
