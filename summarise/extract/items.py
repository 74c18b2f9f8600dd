"""What extraction hands to grounding: one record per item kind, the same whether the parse found the item or a
model wrote it, carried unchanged to ``ground``.

Each keeps where it came from (``origin``), the sentence it names and the stretch of text it was read from, and
its fields as found: cut from the article by the parse, or as the model wrote them (possibly wrong: grounding
checks every one).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..schema import EventKind, EventStatus

Origin = Literal["parse", "model"]
"""Who found the item: the dependency parse (``extract.attribution``, ``extract.events``) or a model's answer."""


@dataclass(frozen=True)
class CountedFrom:
    """How an act's time is counted from another act's ("Five years after its launch, … in February passed"): the
    signed ISO duration from that act's time words to this act ("-P5Y": five years before), and the counting words
    as written ("Five years after"), which the event's time shows with the other act's time words."""

    shift: str
    words: str


@dataclass(frozen=True)
class ExtractedClaim:
    """An attributed statement: who said what, with which cue."""

    origin: Origin
    sentence: int
    """1-based number into ``Document.sentences`` (a model's may be out of range); 0 for the parse's claims in
    the headline, whose ``bounds`` are then the title's span."""
    bounds: tuple[int, int]
    """[start, end) of the sentences the item was read from (the window the model saw, or the parse's window of
    the same size): searched when the sentence number is wrong, and the span of an item nothing verifies."""
    who: str
    """The speaker as written ('' when nobody is named)."""
    verb: str
    """The reporting cue ("said", "according to")."""
    what: str
    """What was said: cut from the article by the parse; the model's own words may paraphrase it."""
    what_span: tuple[int, int] | None = None
    """[start, end) of ``what`` in ``Document.text`` where the parse cut it (None for a model's): grounding takes
    the statement from here rather than searching the cue's sentence for it, which a statement that ends in an
    earlier sentence than its cue (a quotation signed '― Name' on the next line) would escape."""
    content: str | None = None
    """``what`` made self-contained by the parse (``extract.content``: a pronoun replaced by "[Name]"; ``what``
    itself where none was); None for a model's, whose ``what`` is its own words."""


@dataclass(frozen=True)
class ExtractedEvent:
    """Something that happened: who did what, to whom, when and where."""

    origin: Origin
    sentence: int
    """1-based number into ``Document.sentences`` (a model's may be out of range)."""
    bounds: tuple[int, int]
    """As for ``ExtractedClaim.bounds``."""
    actor: str
    action: str
    targets: tuple[str, ...]
    when: str | None
    """Time words as written; None: none given (for a model's, grounding takes the sentence's only date; the
    parse looked and found none of the verb's); '': the sentence's time words belong to other verbs (only the
    parse knows that; a model's '' is stored as None)."""
    where: str | None
    sense: str = ""
    """'verb|object' lemmas from the parse (``extract.events``): mentions of one event by one actor with the same
    sense (and first target) are merged into one event with several evidence spans. '' for a model's."""
    status: EventStatus = "happened"
    """How the sentence presents it (``schema.EventStatus``): the parse's rules (``extract.factuality``) or the
    model's answer."""
    trigger: tuple[int, int] | None = None
    """[start, end) in the article of the word naming it, from the parse; None from a model (grounding finds
    the action's word in the sentence)."""
    retold: tuple[tuple[int, int], ...] = ()
    """The words naming it where the headline tells it again, from the parse ([start, end) each)."""
    kind: EventKind = "act"
    """``schema.Event.kind``: the parse's description rule (``events._kind``); a model's is set in grounding
    (``records._model_kind``)."""
    present: bool = False
    """The parse found it in the present in the article's own voice, or a public statement in the present perfect
    (``events._hot_news``): with no time words of its own it holds at the time of writing (``Grounder._now``)."""
    dated_present: bool = False
    """The parse found its verb in the present, in any voice, dated by time words of its own
    (``events.EventCandidate.dated_present``): if they lie after publication it is planned (``records.scheduled``)."""
    counted: CountedFrom | None = None
    """For an act counted from another ("Five years after its launch, … in February passed"; ``events.counted_from``):
    ``when`` is the other act's time words, and grounding shifts their value by the count."""
