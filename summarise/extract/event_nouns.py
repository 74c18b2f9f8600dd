"""Act nouns: a noun that names an act ("Acme's acquisition of Harbour Mills", "GM's loss", "sales of
automobiles") proposes an event when the sentence names who does it, or, for a noun of what happens to something,
when nobody is named; besides the verb it may hang on.

The act nouns are those the events module lists (``ACT_NOUNS``, ``EVENT_NOUNS``: "sale", "loss", "order",
"deal"), the few nominalisations whose verb changed its stem (``NOMINALISATIONS``: "choice" from choose,
"speech" from speak), three acts no list held (``UNLISTED_ACTS``: "plan", "operation", "leave"), the theme
nouns (``THEME_NOUNS``, below), and the nouns other annotators tag as events in most of their uses
(``TIMEBANK_NOUNS``: "decision", "move", "cancellation", "ceremony", "use", 239 lemmas tagged EVENT, as an act, in
at least half of their two or more uses as a noun in TempEval-3's TimeBank and AQUAINT; the file's header names the
command that rebuilds it). A noun only that list holds is no act of its own as a verb's subject or object, whose
act is the verb's ("Kim's move is aimed at", "violating U.N. sanctions", "welcomed Ford's decision"), unless the
verb tells it took place ("GM's move comes a day after") or takes an act as its object ("made a decision",
"received regulatory approval"), nor as what a copula says a thing is ("remain the airliner's first stop"): the
list holds nouns of results and norms too ("use", "change", "sanction"), and on the seeds each of those three
was a false event. Deriving act nouns by suffix ("decision" from decide, "closure" from close, checked
against WordNet's verbs that the parser's lemmatizer carries) was measured and left out: on MEANTIME dev (parse)
it found 4 more gold events with a participant (430 against 426 of 971) but cost precision (0.975 against 0.982)
and the seeds' events F1 (0.571 against 0.640), since "resolutions", "commitments", "movements" or "government"
name results and things as often as acts.

Such a noun is an event of its own, besides the verb it may hang on ("GM posted its first annual loss": the
posting and the loss), when the sentence names who does it:

- its possessor ("Apple's launch"; not a date: "Monday's announcement"); a possessive pronoun is the named subject
  of the noun's own clause when it is of the pronoun's kind ("Fiat has since increased its investment": Fiat's,
  not that of a name met nearer), or the named owner of a subject that speaks for one ("Williams' publicist,
  Harlan Boll, confirmed her death": Williams'), else it is resolved later like a verb's subject; "their" is
  left out, as it mostly stands for a group no name gives, and so are "we", "you", "our" and "your", the
  speaker's side or the reader, which a quotation rarely names (``NOBODY_PRONOUNS``); not the possessor of an act
  done to a person (``events.PERSON_ACTS``: "hours after his arrest", "Suu Kyi's election"), who undergoes it:
  such a noun tells an act of nobody named, done to that person (the name, or the named subject of the clause a
  possessive pronoun stands in), and nothing when no name gives the person;
- its "by" or "between" phrase ("a dispute between Apple and Apple Corps"), or an organisation or person named
  before it ("Ford Motor Company sales"; a place only says where: "US sales");
- as the object of a light or aspectual verb ("began production", "made a speech", "came into possession of"),
  that verb's doer or, in the "of" phrase of a noun that counts acts (``QUANTITY_NOUNS``), that
  noun's possessor ("Ryanair's total number of outstanding orders");
- or the clause around it (``_clause_doer``): the giver after a verb of receiving ("Airbus has won an order from
  Qatar Airways"), the subject of a verb of negotiating ("Aeroflot has negotiated the purchase": an act of its own,
  not yet done) or of announcing (``OWN_ACT_VERBS``: "Airbus unveiled plans for the A380", as the events module
  reads "announced job cuts"), the doer of the deal or plan that includes it (``CONTAINING_VERBS``: "The Air Canada
  deal includes firm orders for 18 777s"), the subject of the verb it is the means of ("Boeing challenged the award
  in a formal protest"), the subject of "be" with the noun after "in" or "on" ("he would be on medical leave", "are
  in talks with Boeing": not a theme noun's, "the Focus is on sale"), or the parties between whom the verb it is the
  subject of tells it turned out ("the dispute has come up between Apple and Cisco"). Any other verb's object
  is that verb's event ("finalize the sale of weapons"): the subject of a verb of doing as the noun's doer
  ("Chrysler filed a lawsuit", "signed a deal") found 2 more MEANTIME dev gold events with a participant (468
  against 466 of 971), most of its 15 new matches being events the gold gives no participant, and made a second
  event of nearly every "reported a decline".

The doer is a name (or a pronoun standing for one), or, for the noun's own doer, a singular description with
"the" ("the automaker's losses"), which grounding joins to the name it stands for as it does a verb's subject
(MEANTIME dev: one more gold event with a participant, its actor right; plural ones, "a dispute between the two
companies", gave 3 more but name a group no one name gives, and cost the seeds' events F1: "the possible meeting
between the two leaders"). A noun whose own doer is none of these ("their production", "Monday's announcement")
proposes nothing.

With no doer in its sentence, an act noun still proposes an event when it is a definite subject or object naming
an act the article told before with a doer (``_recalled``: "won an order from Qatar Airways. The order, which is
believed to be worth $15 billion": Qatar's, with that act's status when its own words tell none; a doer told by a
pronoun or a description is resolved or grounded as the first telling's would be), a deal being named by any of
its words (``SAME_ACTS``: "it had signed a contract … The airline signed the agreement … The deal was
approved"), or by a form of its verb with a suffix of doing ("the first Airbus A380 landed … He said that the
landing was a milestone", "have agreed to purchase … The preliminary agreement": one act, so the noun takes that
telling's sense and parties, and grounding merges the two into one event with its time, the noun a word that
tells it again), or an act done together whose verb tells how it turned out (``OUTCOME_VERBS``: "a deal with Fiat
went through"), its partners after "with" as targets. So does an act noun
that a verb selecting an act as its subject tells began, took place, turned out or was called off (``_told_of``:
"Pre-orders of the iPhone 4 began Tuesday", "A US$14 billion bailout package deal … has been rejected", "The
departure from France of the A380 has been delayed"): the verb asserts the act whoever does it, as "the test
flight was delayed" asserts a theme noun's; not as an infinitive ("Kim expects the arms deal negotiations to
continue": what another expects).

A theme noun (``THEME_NOUNS``: "sales", "flight", "collapse", "closure", "decline", "loss") names what happens to
the thing in its "of" phrase or before it ("sales of automobiles", "a test flight of the A380", "plant closures"),
or in a possessor no one party gives when no "of" phrase names it (``_undergoes``: "the double-deck aircrafts'
delivery"), which MEANTIME gives as its Arg1, no Arg0 being asked: with no doer named it proposes an event of
nobody named, except as a verb's object, that verb's event ("reported a 49% decline", "discussing the sale of
weapons"), unless the verb causes, prevents, changes or contains it ("caused a sharp decrease", "to prevent a
collapse", "a plan that includes plant closures": two events), or as what something is for ("factories for the
production of aircraft"). Any act noun with no doer was measured: on MEANTIME dev (parse) it raised the recall
over events with a participant from 0.459 to 0.510 but brought actor accuracy to 0.850 and status agreement to
0.847, since agentive nouns ("order", "deal", "ban", "agreement") have a gold doer the sentence names in ways no
rule here reads; theme nouns alone, with the rest of this module, give
0.489 (475 of 971), actor 0.907, status 0.869, precision 0.978 (evals/MEANTIME-RECALL.md, "Nouns").

Nor does a noun the events module already tells: the object of a light verb that is the event ("gave a speech",
"made its maiden flight"), or a noun framing an infinitive ("Ford's decision to close the plant": the closing,
planned); the object of a support verb (a light or aspectual verb, or one of documents and figures: "filed a
lawsuit", "posted a loss") that tells no event of its own is named by that verb's trigger ("had difficulty
finishing their orders": ``supported``). Its targets are the names in its "of" phrase or before
it; its status (``noun_status``) is the governing words' (``factuality.event_status``: "the planned sale" is
planned) and what the verb holding it says of it ("the first flight will take off", "the test flight was delayed",
"to prevent a collapse"); its time its own words ("the 1991 agreement") or the light verb's ("made a speech on
Monday"). A noun that only modifies another ("the sale price"), or is part of a word that does ("the loss-making
business"), names a kind of thing, not an event.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..lexicon import CUE_LEMMAS, PERSON_PRONOUNS, THING_PRONOUNS, word_set
from ..schema import EventStatus as Status
from .events import (
    ACT_NOUNS,
    ACTS,
    EVENT_NOUNS,
    LIGHT_VERBS,
    MAX_ACTION_WORDS,
    NAME_LABELS,
    NOMINAL_SUFFIXES,
    OWN_ACT_VERBS,
    PARTITIVES,
    PLACE_LABELS,
    STATES,
    Ents,
    EventCandidate,
    _compact,
    _doer_words,
    _modality,
    _names_in,
    _noun_sense,
    _phrase,
    _pronoun,
    _subject,
    _subject_word,
    _trigger,
    _uncounted,
    _when,
    counted_from,
    is_undergoer,
    noun_time,
    party_name,
    undergoer,
    verb_stems,
)
from .events import _framing as frames
from .events import _light as light_event
from .factuality import ASPECT_VERBS, NEGATING_VERBS, PLAN_VERBS, event_status
from .nlp import to_infinitive

TIMEBANK_FILE = Path(__file__).with_name("timebank_event_nouns.txt")
TIMEBANK_NOUNS = word_set(
    " ".join(line for line in TIMEBANK_FILE.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
)
"""Noun lemmas other annotators tagged as events in most of their uses (TempEval-3's TimeBank and AQUAINT; the
file's header names the rule and the command that rebuilds it, evals/tools/timebank_event_nouns.py)."""
PLAN_NOUNS = word_set("plan")
"""Act nouns of intending: announced, the plan is made ("GM announced plans Friday"), not ahead as an announced
act is ("announced 10,000 job cuts")."""
SAME_ACTS = dict.fromkeys(word_set("agreement contract accord pact"), "deal")
"""Act nouns that name one act by other words: "signed a contract to purchase … The deal was approved" recalls
the signing's contract (``recall_keys``)."""

THING_LABELS = tuple(label for label in NAME_LABELS if label not in PLACE_LABELS)
"""A name before an act noun that it is done to ("Chrysler sale", "A380 delays"); a place only says where."""
DOER_LABELS = ("ORG", "PERSON")
"""A name before an act noun that does it ("Ford Motor Company sales"); a place only says where ("US sales")."""
GROUP_PRONOUNS = word_set("their they them")
"""Plural pronouns: they mostly stand for a group no name gives ("manufacturers saw their car sales slip"), which
the resolver, finding names only, would take for the nearest name."""
NOBODY_PRONOUNS = GROUP_PRONOUNS | word_set("we us you our your")
"""Pronouns that name no party, as a verb's subject "we" or "you" names none (``events._nobody``): besides
"their", the speaker's side and the reader ("we will make a decision", "your summer vacation"): a company, a
government, a team, the quotation rarely says which, and the resolver's nearest name is another's. Not "I" or
"my", the speaker ("At my request" in Jobs's email)."""
POSSESSIVE = re.compile(r"\s*['’]s?$")
"""The clitic a possessor's name may keep ("Acme Corp.'s")."""
LIGHT_OBJECT_VERBS = LIGHT_VERBS | ASPECT_VERBS | word_set("complete conduct carry perform undertake")
"""Verbs whose object is the act that took place ("made its maiden flight", "began production")."""
THEME_NOUNS = word_set(
    """sale flight landing takeoff delivery production closure decline increase rise fall drop growth decrease
    collapse accident crash delay bankruptcy loss reduction cut cuts"""
)
"""Act nouns whose "of" phrase, or the noun before them, names what undergoes them ("sales of automobiles", "a
test flight of the A380", "plant closures"): with no doer named they still tell an event, of nobody named."""
QUANTITY_NOUNS = word_set("number total amount share half part series string wave round")
"""Nouns that count or measure the acts in their "of" phrase, whose possessor does those acts ("Ryanair's total
number of outstanding orders")."""
RECEIVING_VERBS = word_set("win secure receive get land book clinch")
"""Verbs whose object is another's act, the giver's after "from" ("won an order from Qatar Airways")."""
MEANS_PREPS = word_set("in through with from into")
"""Prepositions of a verb whose object is the means its subject acts by ("challenged the award in a protest")."""
STATE_PREPS = word_set("in on")
"""Prepositions of a noun after "be" that tell its subject is doing the act ("is on leave", "are in talks")."""
OPEN_VERBS = word_set("negotiate")
"""Verbs whose object is their subject's act, not yet agreed: an event of its own, possible ("Aeroflot has
negotiated the purchase of 22 jets"); any other verb's object is that verb's event ("finalize the sale")."""
CAUSING_VERBS = word_set("cause trigger prompt spark")
PREVENTING_VERBS = word_set("prevent avert")
CHANGING_VERBS = word_set("improve boost increase")
"""Verbs that cause, prevent or change the act their object names ("caused a sharp decrease of Apple share
prices", "to prevent a collapse", "to improve the lackluster sales"): two events, the verb's and the noun's; the
noun's did not happen when prevented, and is under way when changed."""
CONTAINING_VERBS = word_set("include involve comprise")
"""Verbs of a state whose object is an act of its own ("a plan that includes plant closures")."""
OCCURRENCE_VERBS = word_set("take occur happen come begin start go proceed make")
"""Verbs whose subject noun's act is what they tell take place ("the first flight will take off", "the cuts were
going to take place", "half of those cuts will be made"): the noun has their plan, doubt or condition. Any verb
measured (MEANTIME dev status 512 of 589) against these (513): "the loss could swell further" is a loss told."""
OUTCOME_VERBS = word_set("go come break fall collapse fail stall succeed resume continue proceed")
"""Verbs that tell how their subject's act turned out ("the deal went through", "talks broke down"): the act is
an event of its own, its parties those it is done with or between."""
EVENT_VERBS = word_set("begin start occur happen")
"""Verbs whose subject is an act that they tell took place ("Pre-orders began Tuesday"), as ``OUTCOME_VERBS`` tell
how it turned out."""
UNDONE_VERBS = NEGATING_VERBS | word_set("kill scrap block veto delay postpone")
"""Verbs whose passive subject is an act that did not take place ("the deal had been killed")."""
SUPPORT_VERBS = LIGHT_OBJECT_VERBS | word_set("file lodge sign strike reach post suffer incur record place report")
"""Verbs whose object names the act their subject does or undergoes, the verb adding only that it was done
(``supported``): "filed a lawsuit" (sued), "signed a deal", "posted a loss" (lost), "reported a loss", "placed an
order", "finishing their orders"; not a verb acting on another's act ("received criticism", "violates an
agreement", "evade bankruptcy"), an act of its own at its own time."""


HAND_ACTS = ACTS | THEME_NOUNS
"""The act nouns listed by hand: an act noun wherever it stands (the TimeBank list's only as ``_own_clause`` says)."""


def act_noun(noun: Any) -> bool:
    """Whether a noun names an act (the module's lists)."""
    acts = HAND_ACTS | TIMEBANK_NOUNS
    return bool(noun.lemma_.lower() in acts or noun.lower_ in acts)  # "negotiations", "talks": listed as used


def _own_clause(noun: Any) -> bool:
    """Whether a noun only the TimeBank list holds stands as an act of its own in its clause: not as a verb's
    subject or object, whose act is the verb's ("Kim's move is aimed at", "violating U.N. sanctions"), unless the
    verb tells it took place ("GM's move comes a day after") or takes an act as its object ("made a decision",
    "received regulatory approval"; not "announced the company's move", whose time words are the announcing's);
    nor as what a copula says a thing is ("remain the airliner's first stop")."""
    if noun.lemma_.lower() in HAND_ACTS or noun.lower_ in HAND_ACTS:
        return True
    verb = noun.head.lemma_.lower()
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return verb in OCCURRENCE_VERBS | OUTCOME_VERBS | EVENT_VERBS
    if noun.dep_ == "dobj":
        return verb in LIGHT_OBJECT_VERBS | RECEIVING_VERBS | OPEN_VERBS
    return bool(noun.dep_ != "attr")


def nominal_events(
    number: int,
    start: int,
    parsed: Any,
    ents: Ents,
    times: Sequence[tuple[int, str]],
    taken: Collection[tuple[int, int] | None],
    earlier: Mapping[str, EventCandidate] | None = None,
) -> list[EventCandidate]:
    """Events named by act nouns with a named doer, or by theme nouns with none (module docstring), in a parsed
    sentence whose offsets are relative to ``start``; a word already some event's trigger (``taken``) proposes
    nothing more."""
    found: list[EventCandidate] = []
    for noun in parsed:
        if noun.pos_ != "NOUN" or noun.dep_ in ("compound", "npadvmod") or noun.i in ents or not act_noun(noun):
            continue  # "the sale price", "the loss-making business": a kind of thing
        trigger = _trigger(start, noun)
        if trigger in taken or frames(noun) or _told(noun) or not _own_clause(noun):
            continue
        own = _doer(noun, ents)
        if own is not None and not (_named(own, ents) or _definite_description(own)):
            continue  # "their production", "Monday's announcement": a doer no name gives
        doer = own or _clause_doer(noun, ents)
        doer = doer if doer is not None and (doer is own or _named(doer, ents)) else None
        partners = _partners(noun, ents) if doer is None else []
        partners = partners or (_done_to(noun, ents) if doer is None else [])
        recalled = _recalled(noun, ents, earlier or {}) if doer is None else None
        if doer is None and not (_theme_event(noun) or partners or recalled or _told_of(noun)):
            continue
        actor = _actor(doer, ents) if doer is not None else recalled.actor if recalled else ""
        # a recalled act told by a pronoun ("it had signed a contract") keeps it, resolved where it stands
        pronoun = actor if doer is not None and _pronoun(doer) else recalled.pronoun if recalled else None
        if recalled is not None:  # the pronoun doing the act told before: its antecedent is named before it
            pronoun_at = recalled.pronoun_at if recalled.pronoun is not None else None
        else:
            pronoun_at = start + doer.idx if pronoun and doer is not None else None
        action, when = _action(noun, doer, ents), _time(noun, times)
        counted = counted_from(noun, times) if not when else None
        being = _being_in(noun) if doer is not None else None
        if being is not None and being.i < noun.i:  # "are in negotiations": "be" supports the act, as a light verb
            trigger = (start + being.idx, trigger[1])
        if not (actor or partners or when or " " in action):
            continue  # a bare "sales" of nobody, with no words or time of its own: the line tells a reader nothing
        status = noun_status(noun)
        status = recalled.status if recalled is not None and status == "happened" else status
        targets = [t for t in [*_objects(noun, ents), *partners] if t != actor and t not in actor]
        same = recalled if recalled is not None and _by_verb(noun, recalled) else None  # the act its verb told
        if same is not None and not targets:
            targets = list(same.targets)  # one event with that telling: its parties too, for grounding to merge
        found.append(
            EventCandidate(
                number,
                start + noun.idx,
                actor,
                action,
                tuple(targets[:3]),
                None,
                same.sense if same is not None else f"{_noun_sense(noun)}|",
                when or (counted.when if counted is not None else when),
                pronoun,
                status,
                trigger,
                pronoun_start=pronoun_at,
                counted=counted.count if counted is not None and not when else None,
            )
        )
    return found


def supported(
    verbs: Sequence[EventCandidate], start: int, parsed: Any, told: Collection[tuple[int, int] | None]
) -> list[EventCandidate]:
    """The verb events of a sentence, a support verb's trigger run through the act noun its object is
    (``SUPPORT_VERBS``: "has filed a lawsuit", "had reported a loss"), as a light verb's is ("made its maiden
    flight"): the verb's event is the noun's act, and both words name it. Not when the noun tells an event of its
    own (``told``: "GM posted its first annual loss", GM's loss; "began production"), frames an infinitive ("has
    plans to import"), or is no word of the event's action."""
    verbs_at = {_trigger(start, tok): tok for tok in parsed}
    out = []
    for e in verbs:
        verb = verbs_at.get(e.trigger) if e.trigger is not None else None  # a one-word trigger: the verb's own
        noun = _supported_act(verb) if verb is not None else None
        if verb is None or noun is None or _trigger(start, noun) in told or noun.text not in e.action.split():
            out.append(e)
            continue
        out.append(replace(e, trigger=(start + verb.idx, start + noun.idx + len(noun.text))))
    return out


def _supported_act(verb: Any) -> Any | None:
    """A support verb's object naming an act (``act_noun``), not one framing an infinitive."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in SUPPORT_VERBS:
        return None
    objects = (c for c in verb.rights if c.dep_ == "dobj" and c.pos_ == "NOUN" and act_noun(c))
    return next((o for o in objects if not frames(o)), None)


def noun_status(noun: Any) -> Status:
    """The status of the act a noun names (``factuality.event_status``), and what the verb whose object or subject
    it is says of it (through "of": "about half of those cuts will be made"): it did not take place when
    prevented, delayed, cancelled or killed ("to prevent a collapse", "the delivery will be delayed"); it is under
    way when improved or increased ("to improve the lackluster sales"); possible under negotiation ("has
    negotiated the purchase"); planned when scheduled, or when a plan includes it; made when it is a plan
    announced ("GM announced plans"); as a subject it is planned, possible or conditional as the verb telling it
    takes place is (``OCCURRENCE_VERBS``: "the first flight will take off", and through a raising frame: "the
    first flight is expected to take place"); an indefinite subject of a hedged verb is a supposition ("a
    collapse would have a severe impact"); after "be on" or "be in", the being's ("he would be on medical
    leave")."""
    if (being := _being_in(noun)) is not None:
        return event_status(being)  # "he would be on medical leave": the being's
    holder = noun  # "half of those cuts": the phrase the noun stands in
    while holder.dep_ in ("pobj", "prep") and holder.head.i != holder.i and holder.head.pos_ != "VERB":
        holder = holder.head
    verb, role = holder.head, holder.dep_
    lemma = verb.lemma_.lower() if verb.pos_ in ("VERB", "AUX") else ""
    if (role == "dobj" and lemma in PREVENTING_VERBS) or (role == "nsubjpass" and lemma in UNDONE_VERBS):
        return "negated"
    if role == "dobj" and (lemma in CHANGING_VERBS or (lemma in OWN_ACT_VERBS and noun.lemma_.lower() in PLAN_NOUNS)):
        return "happened"  # "GM announced plans": a plan made, whatever it plans lies ahead
    if role == "dobj" and lemma in CONTAINING_VERBS and _plans(verb):
        return "planned"  # "a restructuring plan that includes plant closures"
    own = event_status(noun)
    if own != "happened":
        return own
    if role == "dobj" and lemma in OPEN_VERBS:
        return "possible"
    if role == "nsubjpass" and lemma in PLAN_VERBS:
        return "planned"
    if role in ("nsubj", "nsubjpass") and lemma not in OCCURRENCE_VERBS:
        verb = _raised(verb) or verb  # "the first flight is expected to take place": the flight's taking place
        lemma = verb.lemma_.lower()
    if role in ("nsubj", "nsubjpass") and lemma in OCCURRENCE_VERBS:
        clause = event_status(verb)  # not "the loss could swell further": the swelling may come, the loss is told
        return clause if clause in ("planned", "possible", "conditional") else own
    if role == "nsubj" and _indefinite(holder) and verb.pos_ in ("VERB", "AUX"):
        clause = event_status(verb)  # "a precipitous collapse of this industry would have a severe impact"
        return clause if clause in ("possible", "conditional", "unknown") else own  # "whether a new probe would"
    return own


def _indefinite(noun: Any) -> bool:
    """An act noun brought in with "a"/"an" as the subject of a hedged verb is the supposition the verb weighs ("a
    collapse would have a severe impact"); a definite one is an act told ("the loss could swell further")."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _raised(verb: Any) -> Any | None:
    """The occurrence verb a raising frame hands its subject to ("is expected to take place", "is scheduled to
    begin", "seems to have happened"): the subject is that verb's, as if it stood before it."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in OCCURRENCE_VERBS), None)


def _plans(verb: Any) -> bool:
    """Whether a verb's subject, or the noun its clause tells of, is a plan ("a plan that includes plant
    closures")."""
    whole = verb.head if verb.dep_ == "relcl" else _subject(verb)
    return whole is not None and whole.lemma_.lower() in PLAN_NOUNS


def _theme_event(noun: Any) -> bool:
    """Whether a theme noun with no doer tells an event of its own: not as a verb's object, which is that verb's
    event ("finalize the sale of weapons", "discussing the sale"), nor as what something is for ("visited two
    factories for the production of aircraft", "compensated for the delay")."""
    causes = noun.head.lemma_.lower() in CAUSING_VERBS | PREVENTING_VERBS | CHANGING_VERBS | CONTAINING_VERBS
    if noun.lemma_.lower() not in THEME_NOUNS or (noun.dep_ == "dobj" and not causes):
        return False
    return not (noun.dep_ == "pobj" and noun.head.lower_ == "for")


def _told_of(noun: Any) -> bool:
    """Whether an act noun is the subject of a verb that selects an event as its subject, telling that the act
    began, took place, turned out or was called off ("Pre-orders of the iPhone 4 began Tuesday", "the deal has
    been rejected", "the departure has been delayed"): the verb asserts the act, whoever does it; not a verb that
    takes a clause ("the resignation will not begin to affect Apple") nor an infinitive, which tells what another
    expects or wants ("Kim expects the arms deal negotiations to continue")."""
    verb, lemma = noun.head, noun.head.lemma_.lower()
    infinitive = verb.dep_ == "xcomp" or to_infinitive(verb)
    if verb.pos_ != "VERB" or infinitive or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False  # "Kim expects the negotiations to continue": what another expects, not an act told
    if noun.dep_ == "nsubjpass":
        return lemma in UNDONE_VERBS
    return noun.dep_ == "nsubj" and lemma in OUTCOME_VERBS | EVENT_VERBS


def _done_to(noun: Any, ents: Ents) -> list[str]:
    """The person a person's act noun is done to, its possessor (``events.undergoer``), by nobody named: the name,
    or the named person a possessive pronoun stands for as its clause's subject ("Lo Presti was found dead hours
    after his arrest": Lo Presti was arrested); a pronoun no name in its clause gives tells nothing here."""
    owner = undergoer(noun)
    if owner is not None and owner.pos_ == "PRON":
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        owner = _subject_word(verb) if verb is not None else None  # a passive's too: "was found dead"
        owner = owner if owner is not None and _label(owner, ents) == "PERSON" else None
    return [POSSESSIVE.sub("", _phrase(owner, ents))] if owner is not None else []


def _outcome(noun: Any) -> Any | None:
    """The verb that tells how the act its subject noun names turned out ("a deal with Fiat went through",
    "discussions on the bailout broke down", "the dispute has come up between Apple and Cisco")."""
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_.lower() in OUTCOME_VERBS:
        return verb
    return None


def _partners(noun: Any, ents: Ents) -> list[str]:
    """The names an act done together is done with, when its subject noun's verb tells how it turned out ("a
    deal with European auto maker Fiat went through": Fiat)."""
    verb = _outcome(noun)
    if verb is None or not {noun.lemma_.lower(), noun.lower_} & (EVENT_NOUNS | ACT_NOUNS):
        return []
    withs = [c for c in [*noun.children, *verb.children] if c.dep_ == "prep" and c.lower_ == "with"]
    return [name for c in withs for name in _names_in(c, ents)[0]]


def _clause_doer(noun: Any, ents: Ents) -> Any | None:
    """Who does an act the noun's own words leave unsaid, as its clause tells it: the giver after a verb of
    receiving ("Airbus has won an order from Qatar Airways": Qatar's order), the subject of a verb of negotiating
    (``OPEN_VERBS``), the doer of the whole that includes it ("The Air Canada deal includes firm orders": Air
    Canada's), or the subject of the verb it is the means of ("Boeing challenged the award in a formal protest";
    not a saying verb's setting: "said in a press conference")."""
    verb = noun.head
    lemma = verb.lemma_.lower()
    if _outcome(noun) is not None:  # "the dispute has come up between Apple and Cisco"
        among = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        return next((p for p in among.children if p.dep_ == "pobj"), None) if among is not None else None
    if noun.dep_ == "dobj" and lemma in RECEIVING_VERBS:  # "from" on the verb or on the noun, as the parse hangs it
        giver = next((c for c in [*verb.children, *noun.children] if c.dep_ == "prep" and c.lower_ == "from"), None)
        return next((p for p in giver.children if p.dep_ == "pobj"), None) if giver is not None else None
    if noun.dep_ == "dobj" and lemma in OPEN_VERBS | OWN_ACT_VERBS:
        return _subject(verb)
    if noun.dep_ == "dobj" and lemma in CONTAINING_VERBS and (whole := _subject(verb)) is not None:
        return _doer(whole, ents)  # "The Air Canada deal includes firm orders": Air Canada's
    if (being := _being_in(noun)) is not None:
        return _subject(being)  # "he would be on medical leave", "Apple executives are in negotiations"
    means = noun.dep_ == "pobj" and verb.lower_ in MEANS_PREPS and verb.head.pos_ == "VERB"
    return _subject(verb.head) if means and verb.head.lemma_.lower() not in CUE_LEMMAS else None


def _being_in(noun: Any) -> Any | None:
    """The "be" of a noun its subject is doing ("he would be on medical leave", "are in talks with Boeing"); not
    a theme noun's, whose subject undergoes it ("the Focus is on sale")."""
    prep = noun.head
    undergone = noun.lemma_.lower() in THEME_NOUNS
    if noun.dep_ == "pobj" and prep.lower_ in STATE_PREPS and prep.head.lemma_.lower() == "be" and not undergone:
        return prep.head
    return None


def _doer(noun: Any, ents: Ents) -> Any | None:
    """Who does the act (module docstring): the possessor, the "by" or "between" phrase, an organisation or person
    before it, or the subject of the light or aspectual verb that has it as object."""
    for c in noun.children:
        if _undergoes(c) or is_undergoer(c):
            continue  # "the aircraft's delivery": what is delivered; "after his arrest": who is arrested
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
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in QUANTITY_NOUNS:
        # "Ryanair's total number of outstanding orders": Ryanair's; not "Boeing has a total of 237 orders" (received)
        return next((c for c in noun.head.head.children if c.dep_ == "poss"), None)
    return None


def _undergoes(possessor: Any) -> bool:
    """A theme noun's possessor that no one party gives, when no "of" phrase names what undergoes the act: that is
    what the possessor names ("The double-deck commercial aircrafts' delivery … will be delayed": the aircraft are
    delivered); not a singular "the" description, a party's (``_definite_description``: "the automaker's losses"),
    nor one beside an "of" phrase ("the companies' sale of the plant": the companies sell)."""
    noun = possessor.head
    theme = noun.lemma_.lower() in THEME_NOUNS and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    described = _definite_description(possessor)
    return bool(theme and possessor.dep_ == "poss" and possessor.pos_ == "NOUN" and not described)


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


def _recalled(noun: Any, ents: Ents, earlier: Mapping[str, EventCandidate]) -> EventCandidate | None:
    """The act told before that a definite noun names again (``_definite``): the last of its sense, unless the
    noun names what it is done to and that one did not ("Ford's sales rose; the sales of Toyota fell")."""
    sense = _noun_sense(noun)
    keys = [SAME_ACTS.get(sense, sense), *_verbs_of(noun)]
    told = next((earlier[k] for k in keys if k in earlier), None) if _definite(noun) else None
    objects = _objects(noun, ents)
    return told if told is not None and (not objects or set(objects) & set(told.targets)) else None


def _by_verb(noun: Any, told: EventCandidate) -> bool:
    """Whether a recalled noun names an act its verb told ("the first Airbus A380 landed … the landing", "have
    agreed to purchase … The preliminary agreement"): the same act told again, one event with the first telling
    (its sense and parties, so grounding merges the two and the noun takes that telling's time)."""
    return told.sense.partition("|")[0] in _verbs_of(noun)


def _verbs_of(noun: Any) -> list[str]:
    """The verbs a noun may be made from by a suffix of doing (``NOMINAL_SUFFIXES``, and "-y": landing, agreement,
    closure, delivery); unchecked, as they only look up acts told before."""
    return verb_stems(noun.lemma_.lower(), (*NOMINAL_SUFFIXES, "y"))


def recall_keys(sense: str) -> list[str]:
    """The keys under which an event is recalled by a later definite act noun (``_recalled``): its sense's verb or
    noun, and, for a verb whose object is a deal named by any of its words (``SAME_ACTS``), "deal" ("signed a
    contract … The deal": the signing's)."""
    verb, _, obj = sense.partition("|")
    return [verb, SAME_ACTS[obj]] if obj in SAME_ACTS else [verb]


def _definite(noun: Any) -> bool:
    """A noun that names an act the article has told ("The order, which is believed to be worth $15 billion"), as
    its verb's subject or object (not a topic: "declined to comment on the meeting")."""
    the = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    return the and noun.dep_ in ("nsubj", "nsubjpass", "dobj")


def _told(noun: Any) -> bool:
    """The object of a light verb whose event the events module proposes ("gave a speech", "made its maiden
    flight": the verb has no sense of its own, so the two are one event, the verb's)."""
    verb = noun.head
    lemma = verb.lemma_.lower()
    return noun.dep_ == "dobj" and lemma in LIGHT_VERBS and (lemma not in STATES or light_event(verb))


def _light(verb: Any) -> bool:
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in LIGHT_OBJECT_VERBS


def _label(tok: Any, ents: Ents) -> str | None:
    ent = ents.get(tok.i)
    return ent.label_ if ent is not None else None


def _actor(doer: Any, ents: Ents) -> str:
    """The words naming a doer: a quantifier with the group it counts, as a verb's subject is named
    (``events._doer_words``: "some of the protesters are in talks with police"), not a pronoun for the name
    before it; else its phrase less a possessive's clitic."""
    if doer.lower_ in PARTITIVES:
        return _doer_words(doer, ents)
    return POSSESSIVE.sub("", _phrase(doer, ents))


def _named(tok: Any, ents: Ents) -> bool:
    """A name, or a pronoun that stands for one (not "their" nor "we": ``NOBODY_PRONOUNS``): a doer a reader can
    look up, not a description ("the company", "dedicated people"), nor a bare quantifier that counts no group
    named (``events._uncounted``: "some are in talks with the campaign", "criticism by some")."""
    if tok.pos_ == "PRON":
        return tok.lower_ not in NOBODY_PRONOUNS and not _uncounted(tok, _doer_words(tok, ents))
    return party_name(tok, ents)


def _definite_description(tok: Any) -> bool:
    """A doer the article describes as one it has named ("the automaker's losses"), as a verb's subject may be:
    grounding joins the description to the name it stands for. Not a plural ("a dispute between the two
    companies", "the meeting between the two leaders"): like "their", a group no one name gives."""
    return bool(tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children))


def _time(noun: Any, times: Sequence[tuple[int, str]]) -> str | None:
    """The noun's own time words ("the 1991 agreement" too); the light verb's when it has none ("made its first
    test flight Tuesday")."""
    own = noun_time(noun, times)
    if not own and noun.dep_ == "dobj" and _light(noun.head):
        return _when(noun.head, times)
    return own


def _objects(noun: Any, ents: Ents) -> list[str]:
    """Names the act is done to: in its "of" phrase, or a name before it ("Chrysler sale"; not a place, which says
    where: "US sales")."""
    names: list[str] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            names += _names_in(c, ents)[0]
        elif c.dep_ == "compound" and (ent := ents.get(c.i)) is not None and ent.label_ in THING_LABELS:
            names.append(ent.text)
    return list(dict.fromkeys(names))


def _action(noun: Any, doer: Any, ents: Ents) -> str:
    """The noun with its modifiers and first "of" phrase, as a reader names the act ("job cuts", "maiden flight",
    "sale of Chrysler"), without its doer, which is the actor ("Ford Motor Company sales": sales), nor the words
    its status tells ("the cancelled sale": sale, negated); a possessor that undergoes it is told as its "of"
    phrase ("the aircraft's delivery": delivery of aircraft)."""
    at = doer.i if doer is not None else -1
    by = doer.head.i if doer is not None and doer.dep_ == "pobj" and doer.head.head.i == noun.i else at
    owner = {t.i for c in noun.children if c.dep_ == "poss" or c.i in (at, by) for t in c.subtree}
    owner |= {t.i for t in ents[at]} if at in ents else set()
    words = [
        t
        for t in _compact(noun, MAX_ACTION_WORDS)
        if t.i not in owner and (t.dep_ not in ("det", "advmod", "cc") or t.head.i != noun.i) and not _modality(t)
    ]
    action = " ".join(t.text for t in words)
    theme = next((c for c in noun.children if _undergoes(c)), None)
    if theme is None or len(words) + 2 > MAX_ACTION_WORDS:
        return action
    possessor = [t.text for t in _compact(theme, MAX_ACTION_WORDS - len(words) - 1) if t.dep_ not in ("det", "case")]
    return f"{action} of {' '.join(possessor)}"  # "delivery of aircrafts"
