"""Act nouns with a doer of their own: a noun that names an act ("Acme's acquisition of Harbour Mills", "GM's
loss") proposes an event when the sentence names who does it, besides the verb it may hang on.

The act nouns are those the events module lists (``ACT_NOUNS``, ``EVENT_NOUNS``: "sale", "loss", "order",
"deal"), and the few nominalisations whose verb changed its stem (``NOMINALISATIONS``: "choice" from choose,
"speech" from speak). Deriving act nouns by suffix ("decision" from decide, "closure" from close, checked against
WordNet's verbs that the parser's lemmatizer carries) was measured and left out: on MEANTIME dev (parse) it found 4
more gold events with a participant (430 against 426 of 971) but cost precision (0.975 against 0.982) and the
seeds' events F1 (0.571 against 0.640), since "resolutions", "commitments", "movements" or "government" name
results and things as often as acts.

Such a noun is an event of its own, besides the verb it may hang on ("GM posted its first annual loss": the
posting and the loss), when the sentence names who does it:

- its possessor ("Apple's launch"; not a date: "Monday's announcement"); a possessive pronoun is the named subject
  of the noun's own clause when it is of the pronoun's kind ("Fiat has since increased its investment": Fiat's,
  not that of a name met nearer), or the named owner of a subject that speaks for one ("Williams' publicist,
  Harlan Boll, confirmed her death": Williams'), else it is resolved later like a verb's subject; "their" is
  left out, as it mostly stands for a group no name gives;
- its "by" or "between" phrase ("a dispute between Apple and Apple Corps"), or an organisation or person named
  before it ("Ford Motor Company sales"; a place only says where: "US sales");
- or, as the object of a light or aspectual verb ("began production", "made a speech", "came into possession
  of"), that verb's doer.

The doer is a name (or a pronoun standing for one), not a description ("the company's offer" tells no one a reader
can look up). Without a doer the noun proposes nothing, even with an "of" phrase or a noun before it ("the sale of
Chrysler", "job cuts"): measured on MEANTIME dev with suffix-derived nouns too, such events raised the recall over
events with a participant (0.451 to 0.474) but brought actor accuracy under 0.90 (0.906 to 0.886), since their
gold doer is often one nothing here names. Nor does a noun the events module already tells: the object of a light
verb that is the event ("gave a speech", "made its maiden flight"), or a noun framing an infinitive ("Ford's
decision to close the plant": the closing, planned). Its targets are the names in its "of" phrase; its status is
the governing words' (``factuality.event_status``: "the planned sale" is planned); its time its own words ("the
1991 agreement") or the light verb's ("made a speech on Monday"). A noun that only modifies another ("the sale
price") names a kind of thing, not an event.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any

from ..lexicon import PERSON_PRONOUNS, THING_PRONOUNS, word_set
from .events import (
    ACT_NOUNS,
    EVENT_NOUNS,
    LIGHT_VERBS,
    MAX_ACTION_WORDS,
    NAME_LABELS,
    STATES,
    Ents,
    EventCandidate,
    _compact,
    _names_in,
    _noun_sense,
    _phrase,
    _subject,
    _trigger,
    _when,
    noun_time,
    party_name,
)
from .events import _light as light_event
from .factuality import ASPECT_VERBS, event_status

NOMINALISATIONS = word_set("choice speech death")
"""Act nouns whose verb changed its stem (choose, speak, die), besides those the events module lists."""
DOER_LABELS = ("ORG", "PERSON")
"""A name before an act noun that does it ("Ford Motor Company sales"); a place only says where ("US sales")."""
GROUP_PRONOUNS = word_set("their they them")
"""Plural pronouns: they mostly stand for a group no name gives ("manufacturers saw their car sales slip"), which
the resolver, finding names only, would take for the nearest name."""
POSSESSIVE = re.compile(r"\s*['’]s?$")
"""The clitic a possessor's name may keep ("Acme Corp.'s")."""
LIGHT_OBJECT_VERBS = LIGHT_VERBS | ASPECT_VERBS | word_set("complete conduct carry perform undertake")
"""Verbs whose object is the act that took place ("made its maiden flight", "began production")."""


def act_noun(noun: Any) -> bool:
    """Whether a noun names an act (the module's lists)."""
    return bool(noun.lemma_.lower() in ACT_NOUNS | EVENT_NOUNS | NOMINALISATIONS)


def nominal_events(
    number: int,
    start: int,
    parsed: Any,
    ents: Ents,
    times: Sequence[tuple[int, str]],
    taken: Collection[tuple[int, int] | None],
) -> list[EventCandidate]:
    """Events named by act nouns with a named doer (module docstring), in a parsed sentence whose offsets are
    relative to ``start``; a word already some event's trigger (``taken``) proposes nothing more."""
    found: list[EventCandidate] = []
    for noun in parsed:
        if noun.pos_ != "NOUN" or noun.dep_ == "compound" or noun.i in ents or not act_noun(noun):
            continue
        trigger = _trigger(start, noun)
        doer = _doer(noun, ents)
        if trigger in taken or doer is None or not _named(doer, ents) or _frames(noun) or _told(noun):
            continue
        actor = POSSESSIVE.sub("", _phrase(doer, ents))
        pronoun = actor if doer.pos_ == "PRON" else None
        targets = [t for t in _objects(noun, ents) if t != actor and t not in actor]
        found.append(
            EventCandidate(
                number,
                start + noun.idx,
                actor,
                _action(noun, doer, ents),
                tuple(targets[:3]),
                None,
                f"{_noun_sense(noun)}|",
                _time(noun, times),
                pronoun,
                event_status(noun),
                trigger,
                pronoun_start=start + doer.idx if pronoun is not None else None,
            )
        )
    return found


def _doer(noun: Any, ents: Ents) -> Any | None:
    """Who does the act (module docstring): the possessor, the "by" or "between" phrase, an organisation or person
    before it, or the subject of the light or aspectual verb that has it as object."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ == "PRON":
            return _clause_subject(noun, c, ents) or c
        if c.dep_ == "poss":
            ent = ents.get(c.i)
            return c if ent is None or ent.label_ in NAME_LABELS else None
        if c.dep_ == "prep" and c.lower_ in ("by", "between"):
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    named = [c for c in noun.children if c.dep_ == "compound" and _label(c, ents) in DOER_LABELS]
    if named:
        return named[-1]
    if noun.dep_ == "dobj" and _light(noun.head):
        return _subject(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ == "into" and _light(noun.head.head):
        return _subject(noun.head.head)
    return None


def _clause_subject(noun: Any, pronoun: Any, ents: Ents) -> Any | None:
    """The name a possessive pronoun stands for when it is the subject of the noun's own clause ("GM bought a stake
    in Fiat and has since doubled its investment": GM's, as a reflexive would; the resolver's nearest earlier name,
    Fiat, is another's). A person's pronoun wants a person, "its" a thing."""
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subject = _subject(verb) if verb is not None else None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None) if subject is not None else None
    if subject is not None and subject.pos_ == "NOUN" and owner is not None and owner.pos_ != "PRON":
        subject = owner  # "Williams' publicist, Harlan Boll, confirmed her death": one speaking for Williams
    if subject is None or subject.pos_ == "PRON" or not _named(subject, ents):
        return None
    person = _label(subject, ents) == "PERSON"
    if pronoun.lower_ in PERSON_PRONOUNS:
        return subject if person else None
    return subject if pronoun.lower_ in THING_PRONOUNS and not person else None


def _told(noun: Any) -> bool:
    """The object of a light verb whose event the events module proposes ("gave a speech", "made its maiden
    flight": the verb has no sense of its own, so the two are one event, the verb's)."""
    verb = noun.head
    lemma = verb.lemma_.lower()
    return noun.dep_ == "dobj" and lemma in LIGHT_VERBS and (lemma not in STATES or light_event(verb))


def _frames(noun: Any) -> bool:
    """A noun that frames the act of its infinitive ("Ford's decision to close the plant", "its plan to cut"):
    like a framing verb, it gives way to that act, which the verb events tell."""
    return any(c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in noun.children)


def _light(verb: Any) -> bool:
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in LIGHT_OBJECT_VERBS


def _label(tok: Any, ents: Ents) -> str | None:
    ent = ents.get(tok.i)
    return ent.label_ if ent is not None else None


def _named(tok: Any, ents: Ents) -> bool:
    """A name, or a pronoun that stands for one (not "their": ``GROUP_PRONOUNS``): a doer a reader can look up,
    not a description ("the company", "dedicated people")."""
    if tok.pos_ == "PRON":
        return tok.lower_ not in GROUP_PRONOUNS
    return party_name(tok, ents)


def _time(noun: Any, times: Sequence[tuple[int, str]]) -> str | None:
    """The noun's own time words ("the 1991 agreement" too); the light verb's when it has none ("made its first
    test flight Tuesday")."""
    own = noun_time(noun, times)
    if not own and noun.dep_ == "dobj" and _light(noun.head):
        return _when(noun.head, times)
    return own


def _objects(noun: Any, ents: Ents) -> list[str]:
    """Names the act is done to: in its "of" phrase, or a name before it ("Chrysler sale")."""
    names: list[str] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            names += _names_in(c, ents)[0]
        elif c.dep_ == "compound" and (ent := ents.get(c.i)) is not None and ent.label_ in NAME_LABELS:
            names.append(ent.text)
    return list(dict.fromkeys(names))


def _action(noun: Any, doer: Any, ents: Ents) -> str:
    """The noun with its modifiers and first "of" phrase, as a reader names the act ("job cuts", "maiden flight",
    "sale of Chrysler"), without its doer, which is the actor ("Ford Motor Company sales": sales)."""
    owner = {t.i for c in noun.children if c.dep_ == "poss" or c.i == doer.i for t in c.subtree}
    owner |= {t.i for t in ents[doer.i]} if doer.i in ents else set()
    words = [
        t for t in _compact(noun, MAX_ACTION_WORDS) if t.i not in owner and (t.dep_ != "det" or t.head.i != noun.i)
    ]
    return " ".join(t.text for t in words)
