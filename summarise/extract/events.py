"""Event candidates from the dependency parse: who did what to whom, cut from the sentence as written.

Each content verb with someone doing it proposes an event:

- the actor: the verb's subject (a relative "who"/"which" points at its noun, "which" never at a person; a verb
  without a subject of its own, as in "plans to visit", "visited … and attended", takes its head's; the agent of a
  passive, "a lunch hosted by the president"; a passive's subject, for the infinitive it governs ("was forced to
  seek aid", "are reported to want to set", "have been hit … and forced to seek aid", "the winglets, designed to
  improve") and for a gerund of time or means after it ("had been suspended after violating the law"); what a noun
  is for, its owner (a possessor or a name before it: "the Northrop Grumman plan to assemble"), else the doer of the
  verb whose object or phrase holds the noun: "EADS won a contract to supply tankers", "defeated Boeing for a
  contract to supply", not of a verb that weighs the noun, "critics questioned the decision to close": nobody named;
  the dative given the noun, "gives the agency the authority to issue"; a noun of asking, "a motion to unseal",
  nobody named but its "for" phrase; a "by" phrase owns the noun, "efforts by Clinton to paint"); an infinitive
  after a named object, the object: "forced Apple to lower prices"; a gerund of
  means, the clause's doer: "cut costs by selling the plant", as is a gerund just before or after the clause's act:
  "after meeting Putin on Wednesday"); each conjunct of "A and B published" is its own actor; a pronoun is resolved
  to the nearest name of the right kind before it, not a place that only says where ("via New York"); a subject the
  parse hung on the auxiliary ("have been hard hit") or took for an adverb before a verb with a tense ("Apple
  unveiled Lion") is the verb's; a passive without an agent has no actor ("an agreement was reached"), nor has a
  noun's past participle ("a media event held at its headquarters"), unless it names the parties "between" whom it
  was done ("an agreement reached between the two companies": theirs, together; not places, "between Sicily and
  Tunisia"); a passive infinitive undergoes what its passive head's subject does ("the names are announced to be
  changed"); an infinitive the parse hangs on a thing as a relative says what the thing is for, as "a contract to
  supply" does, and is kept with nobody named where no owner or clause names one ("a necessary step to protect the
  economy"), its noun doing it only after "first", "only" … ("the first woman to lead"); of two subjects the parse
  gives one verb, the nearer ("… landing at Heathrow airport Boeing has secured": a caption run into the lead); a
  time, "one" alone, "everything", "anyone", "someone" name nobody; a part of a group is named with its group
  ("most of its bondholders"), a floating "both"/"each" is none of its own ("GM and Chrysler both ran out": each),
  and "both" alone is the two parties named last; the object of a verb that has it act does the infinitive
  ("requiring state and local police to tell", "asked him to resign", "led the pilots to disengage",
  ``CONTROL_VERBS``; an object pronoun never stands for that verb's own subject), so do the object of a verb of
  calling on once the call is made ("called on Howard Dean to apologize", ``CALLED_ON``), what is left to do
  something ("left the bodies to rot"), and a passive's subject asked to act, not the agent who asked
  ("approached by the Obama administration to fill the post"); a reduced passive the parse reads as a past tense
  with a subject is its agent's act ("A woman hit and killed by a motorist": the motorist hit her); "whose"
  stands for the party its clause hangs on ("the model whose photographs titillated": Bettie Page), "the one
  who" for the subject its "be" names, or nobody when denied ("isn't the one who fired"), and a bare office is no
  antecedent ("the nominee for president, who": the nominee); an infinitive saying what a thing is for is
  no act of the thing ("the goal was to lower costs": its owner's, else nobody named); a passive under another
  clause takes no doer from that clause ("announced that development … has been pushed back", "when held"),
  and an active verb coordinated with a passive shares its subject, not its agent ("was started by Jobs and
  Wozniak, and launched the iTunes store": the company);
- the action: the verb with its passive auxiliary, particle and the start of its object or complement
  ("travel to Russia", "began supplying weapons"; a passive with an agent in the active voice, as the agent is
  the actor: "was sold by GM to Acme" is GM's "sold the plant to Acme"), at most ``MAX_ACTION_WORDS`` words;
  modality and negation are the event's ``status`` (``extract.factuality``), not words of its action; a verb
  that only frames another ("plans to visit", "decided to supply", "is expected to cut") gives way to it: the
  event is the visit, planned; an aspect verb and its complement are one event ("began supplying weapons"); a
  frame that is an act of its own ("refused to pay", "agreed to buy", "failed to pass") and any other verb
  taking an infinitive ("was selected to purchase") are an event beside the infinitive's, which has the status
  the frame gives it (the payment negated, the purchase planned);
- the trigger: the offsets of the word naming the event (the verb, or the event noun; an aspect verb through its
  complement, "began supplying", "has begun to offer"; a support verb through the noun naming its act, which
  carries the act while the verb gives its doer and tense, "made its maiden flight", "has taken medical leave"; a
  verb through its object that is its subject's own act by a possessive standing for the subject, "has since
  increased its holding", "use its option");
- the targets: names in its object, dative or "with"/"to"/"between" phrases, coordinated names each ("warned
  Russia and North Korea"), a person named by office alone ("met the Russian president": the entity table joins
  the description to the name the article gives it), not a name the act is only about ("raised concerns about a
  deal between Putin and Kim"); the place: a place name after "in"/"at"/"to", with the name that locates it
  ("in Everett, Washington": no target Washington).

Nouns that name events ("a meeting between Kim and Putin", "a visit by", "Fiat's purchase of Chrysler") propose
one too when a party is named, or when its possessor ("its delivery delay") or the one announcing it ("Airbus
announced job cuts") says whose act it is; as a verb's object or subject, only when it has a doer of its own
("the GAO upheld Boeing's protest"; "held a meeting", "posted its loss" are the verb's event). Acts of saying are
claims, not events, except warnings and threats, a saying verb that carries no claim and holds no clause
("reported a 49% decline", "ordered 20 jets") and one that presents or acts on a thing ("unveiled the iPod nano",
"rejected the bill") or frames its infinitive as an act ("refused to meet the demands": a refusal, besides the
claim the parse of attributions reads in it); one that says nothing ("refused to comment", "as analysts had
predicted") is neither. States ("be", "have", "seem"; not a light verb with its event noun: "made its maiden
flight", "saw a 45% drop") propose nothing.

A quotation that is a claim's statement tells events as the rest of the sentence does, each reported by that
claim: "I" is the speaker ("“I conclude that …”, said the judge"), "we" and "you" are nobody named, and a verb
without a subject inside the quotation takes none from outside it. What a quotation no claim carries tells is
nobody's report: it proposes nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lexicon import (
    ACT_CUES,
    ASCII_PAIRS,
    COMPANY_NOUNS,
    CUES,
    DOUBLE_QUOTES,
    FREQUENCY_ADVERBS,
    MENTAL_CUES,
    MONTHS,
    NOUN_CUES,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLES,
    PLURAL_PRONOUNS,
    RELATIVE,
    SINGLE_QUOTES,
    SPEAKER_PRONOUNS,
    WEEKDAYS,
    word_set,
)
from ..lexicon import LIGHT_VERBS as NOUN_SAYING_VERBS
from ..schema import EventKind, EventStatus
from ..timex import time_phrases
from .factuality import (
    ASPECT_VERBS,
    NEGATING_VERBS,
    PLAN_VERBS,
    POSSIBLE_VERBS,
    RANKS,
    STATUS_MODIFIERS,
    event_status,
)
from .items import CountedFrom
from .nlp import parser, to_infinitive

STATES = word_set(
    """be have seem appear remain include involve mean need allow let make get keep continue come
    happen exist consist contain depend lie stand sit use try want wish like love hate see look hear do
    's ’s 're ’re 'm ’m 've ’ve ' ’"""
)
"""With the contracted forms of "be" and "have", which the parse may leave unlemmatised ("it’s hard") or
lemmatise to the bare apostrophe."""
EARNINGS = word_set("profit profits money revenue revenues income earnings")
"""What "make" earns ("made profits of $868 million"): besides any amount of money."""
BODIES = COMPANY_NOUNS | word_set("government")
"""Nouns that name a company or a government, which can act ("the two companies could use the Apple trademark")."""
PARTY_ACTS = word_set("use")
"""A state when a thing does it ("products to use Intel processors"), an act when a party does (``_party_act``)."""
QUANTIFIERS = word_set("no any some all every each more less much many few")
"""Determiners that measure a kind of thing ("uses less fuel"), not point at one ("uses its name")."""
DESCRIBING = word_set("base locate situate headquarter age brand")
"""Past participles that say where a thing stands, what it rests on, how old it is or what mark it bears
("systems based in San Jose", "the Royal Courts of Justice located in central London", "Jobs, aged 55", "music
branded with an apple"): a description, with nobody named who did it (``_describing_participle``)."""
HAVING = word_set("feature own")
"""Verbs of having that MEANTIME marks as events with participants, unlike "have" (``STATES``): what a thing has,
a description (``_kind``)."""
SHARES = word_set("percent % percentage proportion majority minority half fraction")
"""Nouns that take a share of a group ("70 percent of the children", "half of the voters"): what a share does or
undergoes is a statistic, how the group stands, not one party's act (``_statistic``). Not "third" nor "quarter",
which as often count or name a period ("the last quarter, which ended December 30")."""
HELD = word_set(
    """stake stakes share shares interest debt bond bonds seat seats post office position title record degree
    majority lead view views belief license patent assets reserves"""
)
"""What is held as a possession, a rank or a view ("holds $28.6 billion in debt", "held a 30 percent stake",
"holds a degree"), unlike a meeting or a person held (``_holding``)."""
LABELLING = word_set("name title entitle dub design devote dedicate aim root emblazon destine")
"""Past participles that say what a thing is called, what it is for or what it rests on ("a man named Tom Clarke",
"a bill designed to hamstring the CFPB", "a view rooted in World War II history"): with no agent, on a noun, a
description (``_labelled``), unlike "a bill passed by Congress" or "a man arrested in Paris"."""
DWELLING = word_set("live reside dwell")
"""Verbs of where a party lives: in a place, a state (``_dwelling``)."""
RELATING = word_set("relate connect link tie associate affiliate")
"""Past participles that say how a thing stands to another ("connected to the gang", "related to the emails"): with
no agent, a description (``_related``)."""
RULES = word_set("law act section rule regulation statute constitution provision clause code amendment ordinance")
"""Nouns that name a rule: what it requires holds as long as the rule does (``_standing``)."""
RULING = word_set("require prohibit forbid mandate oblige permit")
"""Verbs that tell what a rule or an authority demands or allows (``_standing``)."""
ROLE_VERBS = word_set("act serve double function")
"""Verbs that with "as" give a thing's role ("a new stainless steel frame, which acts as an antenna")."""
EVALUATING = word_set("mark underscore underline highlight spotlight illustrate reflect signal show demonstrate")
"""Verbs by which the writer judges what a thing or a fact stands for ("the speech reflected the president's
eagerness", "the euro crisis highlighted sharp differences"): with a thing as subject, a judgement, not an act
(``_evaluation``); a person doing it acts ("Trump highlighted his message")."""
EMBODYING = word_set("represent embody epitomize epitomise symbolize symbolise exemplify typify personify")
"""Verbs that say what a thing or a party is taken to be ("could represent a rare bipartisan success story",
"He represents our greatest shame"): a judgement or a standing relation, with a thing as subject in any tense,
with anyone in the simple present (``_evaluation``); "represented Clinton in the case" is an act."""
PROVING = word_set("prove sound")
"""Verbs that with a complement give the writer's verdict ("proved costly", "may prove to be a transient
phenomenon", "sounds reasonable"): a description (``_verdict``), not "proved that …" nor "sounded a call"."""
TENDING = word_set("tend")
"""A verb of habit: what a party or a class is given to ("voters tend to favour incumbents"), not one act."""
BECOMING = word_set("become")
"""A verb of coming to be: with an adjective ("has become so bad", "became evident") it tells the condition a thing
is in; with a noun only in the perfect ("has become a central focus"), a noun in the past is often an act of its
own ("became the fifth coach fired", "become president") (``_condition_reached``)."""
STAYING = word_set("stay")
"""A verb of going on being, with an adjective ("stayed intentionally vague", "stay active"): a state; "remain" is
in ``STATES`` and dropped (``_condition_reached``)."""
MEASURING = word_set(
    """cost last total amount equal exceed comprise constitute match resemble correspond revolve center centre
    hinge belong concern lack fit"""
)
"""Verbs of measure and relation, as a class: what a thing costs, lasts, amounts to, comprises, matches or turns on
("will cost $199", "the test flight lasted four hours", "comprise 5% of Ohio's population", "control could hinge on
the Virginia seat", "Scott lacks a signature policy achievement"): how things stand to each other, not an act
(``_measure``). Not "weigh" ("weighed in", "weigh plans"): as often a party's act."""
STATIVE = word_set("know understand prefer doubt matter care deserve merit warrant")
"""Stative verbs of mind and of worth, as a class: in the simple present what one knows, cares about or deserves
("they care enough to respond", "Scott deserves the right of first refusal"), a stance or a standing, not an act;
"deserve", "merit", "warrant" in any tense ("things … that deserved an airing") (``_stative``)."""
WORTH = word_set("deserve merit warrant")
"""Of ``STATIVE``, the verbs of worth, a judgement in any tense."""
RATE_PERIODS = word_set("hour day week month year")
"""Periods that, after "a", "each", "every" or "per", make an amount a rate ("$28 an hour", "$300 million a year")."""
RATE_DETS = word_set("a an each every per")
RATE_ADVERBS = word_set("hourly daily weekly monthly yearly annually")
GOING_ON = word_set("continue keep")
"""Aspect verbs of ``STATES``: an act when what goes on is one (``_goes_on``)."""
PARTY_PRONOUNS = word_set("i we you they")
"""Pronouns that stand for people or a group, not a thing ("it")."""
NOUN_VERBS = {"meeting": "meet", "talks": "talk", "trip": "travel", "negotiations": "negotiate", "invasion": "invade"}
EVENT_NOUNS = word_set(
    """meeting summit talks visit trip attack strike deal agreement treaty negotiations election vote invasion
    ceasefire conference interview"""
)
"""Nouns that name events done together; with a named party ("a meeting between Kim and Putin") they propose one."""
ACT_NOUNS = word_set(
    """sale purchase acquisition merger takeover buyout order delivery launch release delay cut cuts closure
    bankruptcy bailout loan investment lawsuit settlement protest crash accident flight decline rise fall drop
    increase loss layoffs resignation departure appointment production introduction unveiling rollout
    expansion reduction recall bid claim dispute offer ban announcement restructuring reorganization
    reorganisation takeoff landing test strike growth"""
)
"""Nouns that name acts done by someone to something ("Fiat's purchase of Chrysler", "the decline of GM"):
with a named party they propose an event."""
NOMINALISATIONS = word_set("choice speech death")
"""Act nouns whose verb changed its stem (choose, speak, die), besides those listed above."""
UNLISTED_ACTS = word_set("plan operation leave")
"""Act nouns no list above holds, read by ``event_nouns``; kept as they paid on MEANTIME dev with a named doer
("His plan", "Ford's manufacturing operations": 2 more gold events with a participant, both actors right, no false
event; "leave", a time away its subject takes: "he would be on medical leave", with the headline's "on medical
leave" 2). Measured and left out: "effort", "response" (a wrong actor, 2 false events: "in response to mounting
concerns"), "move" and "discussions" (false events on the seeds: "Kim's move is aimed at"), "option", "post",
"profit", "cost" (things as often as acts: 7 false events for 6 found)."""
NOMINAL_SUFFIXES = ("ing", "ance", "ence", "ment", "ion", "al", "ure")
"""Suffixes that make a noun of a verb's act (holding, appearance, option, approval, departure)."""
ACTS = EVENT_NOUNS | ACT_NOUNS | NOMINALISATIONS | UNLISTED_ACTS
"""Every noun the parse reads as naming an act: with a support verb ("has taken medical leave"), the act is the
noun's, the verb giving its doer and tense (``_act_object``)."""
OWN_ACT_VERBS = word_set("announce unveil")
"""Verbs of saying whose object names the subject's own act ("Airbus announced job cuts": Airbus cuts); the
object of any other verb is that verb's event."""
OBJECT_ACTS = word_set("unveil offer order reject challenge")
"""Verbs the claims read as saying their object ("unveiled a phone") that with a thing as object do something."""
TOLD_NOUNS = word_set("detail information comment explanation specifics")
"""What is told when offered: "did not offer details" withholds a saying, "did not offer a fix" a deed."""
THING_PREPS = word_set("for on about against")
"""The prepositions through which a saying verb acts on a thing: what it asks for, agrees on, speaks about or
against (``_acts_on_phrase``)."""
RECIPROCAL = word_set("meet discuss negotiate talk agree clash fight trade cooperate")
"""Done together: "A and B discussed" is one event, A's with B."""
LIGHT_VERBS = word_set("hold have make conduct take give stage see")
"""'held a meeting with' means 'met': the sense of a light verb is its event noun's; "saw a 45% drop in sales"
tells the drop its subject underwent, not a sight."""
TARGET_PREPS = word_set("with to between against on for")
TOPIC_PREPS = word_set("about regarding concerning")
"""Prepositions of a topic: the names after them are what is talked about, not parties. Not "over", which
also names an opponent ("a victory over the Jaguars")."""
TOPIC_NOUNS = NOUN_CUES | word_set("talk worry")
"""Nouns of saying or feeling: "over" or "on" after them names a topic ("concern over", "talks on")."""
PLACE_PREPS = word_set("in at to into from near")
PLACE_ONLY_PREPS = word_set("in at into from near")
MODIFIER_DEPS = ("compound", "nmod", "amod", "poss")
"""How a name hangs from the noun it modifies ("GOP presidential nominee", "Clinton tech aide", "Earth's climate")."""
TARGET_SETTING_PREPS = word_set("on in at into near")
"""Prepositions whose object is where or on what ground a thing is done ("on an Albany street", "on the DUI charge",
"in US sales"): a name that only modifies that object is no party (``_modifies_setting``). Not "from", whose object
is often the party itself ("sought federal aid from the U.S. government", "competition from Google's Android"). Not
``article_events.ANTECEDENT_SETTING_PREPS`` nor ``attribution.CIRCUMSTANCE_ENT_PREPS``: each list was read on its own
rule's changes, and one list for all three would change what they find."""
GERUND_DOER_PREPS = word_set("by through while without after before since upon")
"""A gerund after these is done by the clause's doer: its means or manner ("divested it by selling it") or an
act just before or after it ("Kim has been visiting Russia after meeting Putin on Wednesday": Kim met him; told
before as "Kim met the Russian president", the two mentions merge and the meeting gets its day). Not after
"from" ("banned Pyongyang from exporting": the object's)."""
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT")
PLACE_LABELS = ("GPE", "LOC", "FAC")
AMOUNT_LABELS = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL")
SINGLING = word_set("first last only next second third")
"""Words that let an infinitive relative name its noun's own act ("the first woman to lead")."""
PARTY_LABELS = ("PERSON", "ORG", "GPE", "NORP")
"""Who may own a plan or a contract ("the Northrop Grumman and EADS plan"): not a product or a place name."""
MAX_ACTION_WORDS = 6
PERFECT = word_set("has have had")
MAX_HEADING_WORDS = 14
CLAUSES = ("ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj")
"""Dependents that are events of their own: their time words and parties are not the head's."""
TIME_PATH = frozenset({"npadvmod", "tmod", "advmod", "obl", "nmod", "compound", "prep", "agent", "pobj", "pcomp",
                       "xcomp"})  # fmt: skip
"""Dependency arcs a verb's time expression may hang through: adverbials, prepositions (a passive's "by June
10" too) and their objects, a noun's modifier ("Wednesday" in "a Wednesday media event"), the verb an event
swallowed ("began supplying")."""
TIME_SHIFTS = word_set(
    "since later then afterwards subsequently now soon earlier previously before after again will would has have had "
    "recently lately currently eventually finally originally formerly meanwhile"
)
"""Words by a coordinated verb that put it at another time than the first verb's."""
OCCASION_PREPS = frozenset({"at", "during", "in", "on", "amid", "throughout", "over", "by"})
"""Prepositions whose object is an occasion the verb happens within, so its time is the verb's."""
RESULT_VERBS = word_set("post report record reach")
"""Verbs that make known a figure ("posted a profit of $997 million", "reached a 78 percent increase"): a period
after the figure is the figure's, not when it was made known."""
CONSEQUENCE_VERBS = frozenset({("result", "in"), ("lead", "to")})
"""A verb of consequence and the preposition of its outcome ("resulting in the closure", "leading to the loss")."""
PERIOD_PREPS = frozenset({"in", "during", "for", "over"})
BOUNDARY_PREPS = frozenset({"after", "before"})
"""A time after these bounds the act ("to replace GM after 2011", "left four hours after its scheduled 9:45 a.m."
departure): the act is not at that time. Not "until", which gives the new time of what was put off ("delivery will be
delayed until October 2007")."""
PERIODS = word_set("quarter half year month period")
NO_QUOTES = str.maketrans("", "", "".join(sorted(DOUBLE_QUOTES | {"‘"})))
"""An action is words, not a span: quotation marks (often half of a pair) are left out; not "’" nor "'", which are
apostrophes inside its words as well ("don’t", "workers' pay"). The ASCII pairs ("``", "''") are their own
tokens or end a word ("breathe,''"): they are left out wherever they stand."""
NOBODY = word_set("no nobody none nothing neither")
INDEFINITE = word_set("one everything anything something everyone anyone everybody anybody someone somebody")
"""Pronouns that stand for no one the article names (not "one of the planes", "either one"): the resolver would
give them the nearest name before them ("anyone who has purchased an iPhone": not Apple)."""
DEMONSTRATIVES = word_set("this that these those")
"""A subject "this" names a situation, not a party: it resolves to no name."""
SPEAKERS_OWN = word_set("our my your")
DIFFICULTY_NOUNS = word_set("trouble difficulty problem issue")
"""Nouns whose gerund is done by who has them ("had trouble finding", "experienced issues connecting")."""
PARTITIVES = word_set("all some most many several each both half")
"""A quantifier whose "of" phrase names what it counts ("not all of their claims were upheld"): the claims."""
FLOATING = word_set("all each both")
"""Quantifiers that may stand after or for the doers they count (``_floating``)."""
COUNTERS = word_set("some many most several few others")
"""Quantifiers that stand for an unnamed part of a group ("some speculated about his health", "others could purchase
a plan"): with no "of" phrase naming the group, no one a reader can tell (``_uncounted``)."""
AMOUNTS = word_set("lot lots number couple majority minority handful dozens hundreds thousands millions rest bulk")
"""Nouns of an amount that stand for the members of a group their "of" phrase names ("A number of protesters
marched", "the majority of voters"): the amount alone ("A number", "a lot") names nobody (``_doer_words``)."""
PAIRS = word_set("both")
"""A pronoun for the two parties named last (``_pronoun``)."""
THE_TWO = "the two"
"""A bare "the two" as a subject: the two people named last (``_the_two``, ``article_events.pair``)."""
FIRST_PERSON = word_set("i me")
"""In a quotation, the speaker: the claim's source. Not "you"; "we" is the speaker's side (``WE``)."""
WE = word_set("we")
"""A speaker's side ("we would prefer …", said Dana Perino, the White House Press Secretary): ``sides``."""
NORMS = word_set(
    """law rule regulation resolution treaty statute legislation directive decree constitution charter convention
    code policy guideline provision sanction embargo"""
)
"""Nouns naming a norm: what it bans, requires or allows is what it says, not an act (``_norm``)."""
DEONTIC_VERBS = word_set("ban bar forbid prohibit require oblige obligate mandate permit allow authorise authorize")
"""Verbs a norm says what must, may or may not be done by."""
Ents = dict[int, Any]
"""Token index -> the named entity (spaCy Span) it belongs to."""


@dataclass(frozen=True)
class EventCandidate:
    sentence: int
    """1-based number into Document.sentences."""
    verb_start: int
    actor: str
    """As written (a pronoun resolved to the earlier name), or '' when nobody is named."""
    action: str
    targets: tuple[str, ...]
    where: str | None
    sense: str
    """What was done, for merging mentions of one event: 'verb|object' as lemmas ("meet|putin"; "held a meeting
    with" is "meet"), the verb of "began supplying" being "supply"."""
    when: str | None = None
    """Time words attached to the verb, as written; '' when the sentence's time words belong to other verbs."""
    pronoun: str | None = None
    status: EventStatus = "happened"
    trigger: tuple[int, int] | None = None
    """[start, end) in the article of the word naming the event."""
    retold: tuple[tuple[int, int], ...] = ()
    """[start, end) of the word naming it where the headline tells it again (``retell``)."""
    pronoun_start: int | None = None
    """Where the pronoun stands in the article: its antecedent is a name before it ("its options with Boeing to
    purchase": not Boeing)."""
    present: bool = False
    """Told in the simple present in the article's own voice ("The store currently sells digital music", "which
    serves Bangkok"): it holds at the time of writing (``_narrated``)."""
    kind: EventKind = "act"
    """"state" for a description the parse tells as an event (``_kind``): shown apart from the acts."""
    dated_present: bool = False
    """Its verb is in the present, simple, progressive or passive, in any voice, and dated by time words of its
    own (``_dated_present``): if they lie after publication, it tells a plan (``records.scheduled``)."""
    counted: CountedFrom | None = None
    """How the event is counted from another act ("Five years after its launch, … in February passed": the launch
    is "-P5Y" from February; ``counted_from``); ``when`` is then that act's time words."""

    @property
    def pronoun_at(self) -> int:
        """Where its pronoun actor stands (else its verb): the antecedent is a name before it."""
        return self.pronoun_start if self.pronoun_start is not None else self.verb_start


FORESEEING = POSSIBLE_VERBS | word_set("project estimate")
"""Verbs of foreseeing: their time words date what they foresee ("projecting big profits next year")."""
FRAMING_VERBS = (PLAN_VERBS | NEGATING_VERBS | POSSIBLE_VERBS) - ASPECT_VERBS
"""Verbs that frame the act of their infinitive ("plans to visit"): the act is the event, the frame its status."""
ACT_FRAMES = word_set("agree vote offer refuse decline fail stop cease halt abandon")
"""Frames that are acts themselves: an agreement, a vote, an offer, a refusal, a failure, a stop ("refused to meet
the demands", "agreed to purchase", "failed to pass the Senate"). The frame is an event of its own and so is its
infinitive's act, with the status the frame gives it (the meeting negated, the purchase planned); a plan, a wish,
a decision or an expectation ("plans to visit", "wants to", "decided to supply", "expects to cut") is only the
act's status."""
MODAL_FRAMES = FRAMING_VERBS - ACT_FRAMES
"""Frames that give way to their infinitive's act ("plans to visit": the visit, planned)."""


def _trigger(start: int, tok: Any) -> tuple[int, int]:
    """The word as written: with a prefix the tokenizer split off by its hyphen ("re-negotiate", see
    ``_prefix``)."""
    first = tok
    while first.i >= 2 and _hyphen_joined(first.doc[first.i - 2]):
        first = first.doc[first.i - 2]
    return start + first.idx, start + tok.idx + len(tok.text)


def _joint_trigger(start: int, verb: Any, inner: Sequence[Any]) -> tuple[int, int] | None:
    """Two words that name one event together: an aspect verb and its complement ("began supplying weapons", "has
    begun to offer layoff packages": an offer, begun), a support verb and the noun naming its act (``_act_object``:
    "made its maiden flight", a flight; "has taken medical leave"), a verb and its object that is its subject's own
    act (``_own_act``: "has since increased its holding"): the trigger runs from the one to the other. None for any
    other verb."""
    last = inner[0] if inner and _aspect(verb) else None
    if last is None:
        light = _act_object(verb) if verb.lemma_.lower() in LIGHT_VERBS else None
        last = light if light is not None else _own_act(verb)
    if last is not None and last.i < verb.i:
        last = None  # the noun after the verb: not "the flight it made"
    return (start + verb.idx, start + last.idx + len(last.text)) if last is not None else None


def _swallows(verb: Any) -> bool:
    """Whether a verb and its infinitive are one event: an aspect ("began supplying weapons") or a frame that
    is only the act's status ("plans to visit"). Any other verb is an act of its own, and so is its infinitive
    ("was forced to seek aid", "selected Penske to buy", "refused to meet")."""
    return _aspect(verb) or verb.lemma_.lower() in MODAL_FRAMES


def _aspect(verb: Any) -> bool:
    """An aspect verb of its complement's act ("began supplying weapons", "will continue to use its name"); not one
    with an object of its own, whose infinitive is a purpose or a result ("We plan to use the 787 to expand our
    business", "loans to keep them operating")."""
    return verb.lemma_.lower() in ASPECT_VERBS and not any(c.dep_ == "dobj" for c in verb.children)


def _text(tokens: Sequence[Any]) -> str:
    """The words as a reader writes them: a possessive ending joined to its noun ("a registrant's failure")."""
    return "".join(("" if t.tag_ == "POS" or i == 0 else " ") + t.text for i, t in enumerate(tokens))


def _phrase(tok: Any, ents: Ents) -> str:
    """The noun with its left modifiers and the rest of its name, as written ("The North Korean leader",
    "Kim Jong-un", "New York Times")."""
    left, right = tok.left_edge, tok
    while left.i < tok.i and (left.pos_ in ("PUNCT", "CCONJ") or _dated(left, tok)):
        left = left.nbor()
    for child in tok.rights:
        if child.dep_ not in ("compound", "flat") or child.pos_ != "PROPN":
            break
        right = child
    ent = ents.get(tok.i)
    if ent is not None:
        left = min(left, ent[0], key=lambda t: t.i)
        right = max(right, ent[-1], key=lambda t: t.i)
    opened = [t for t in tok.doc[left.i : tok.i] if t.text in DOUBLE_QUOTES | ASCII_PAIRS]
    if len(opened) % 2:  # a name set in quotation marks is the name ("the 787 "Dreamliner"": Dreamliner)
        left = opened[-1].nbor()
    return str(tok.doc.text[left.idx : right.idx + len(right.text)]).strip(" ,‘’“”\"'`")


def _doer_words(tok: Any, ents: Ents) -> str:
    """The words naming a doer (``_phrase``), with the first part of a word the tokenizer split at its hyphen
    ("non-programmers"); a part of a group with the group it is part of ("most of its bondholders did not
    exchange", "One of the A380s is flying", "Over 50% of the dealerships sell"): the part alone names nobody a
    reader can tell, and the group alone says more than the sentence does."""
    words = _phrase(tok, ents)
    first = tok.doc[tok.left_edge.i - 2] if tok.left_edge.i >= 2 else None
    if first is not None and _hyphen_joined(first) and first.pos_ != "PUNCT" and not words.startswith(first.text):
        words = f"{first.text}-{words}"  # "enables non-programmers to automate": not "programmers"
    counts = tok.lower_ in PARTITIVES | INDEFINITE | AMOUNTS or tok.ent_type_ in ("PERCENT", "CARDINAL")
    own = tok.dep_ in ("nsubj", "nsubjpass") or tok.head.dep_ == "agent"  # not a relative's noun: "the six
    # percent of Chrysler that the government owns, which would give": the purchase would, not Chrysler; but a
    # quantifier's group is its own ("many of the deaths that followed, which brought momentum": the deaths')
    own = own or tok.lower_ in COUNTERS
    if not counts or not own:
        return words
    group = _prep_object(tok, "of")
    if group is None or group.pos_ == "PRON":
        return words
    return f"{words} of {_phrase(group, ents)}"


def _dated(word: Any, tok: Any) -> bool:
    """Whether ``word``, before a name, is a date the parse hung on it ("Since December GM and Chrysler have
    received …": GM, not "December GM")."""
    return word.ent_type_ in ("DATE", "TIME") and tok.pos_ == "PROPN" and tok.ent_type_ not in ("DATE", "TIME")


def _aside(word: Any, noun: Any) -> bool:
    """Whether ``word`` hangs from ``noun`` through a clause, an apposition or an owner of its own ("the man,
    who ...", "the Air Force's interests"), not as a modifier of the noun itself; what governs the noun does
    not count ("to meet Kim Jong Un": "meet" is a clause, but "Kim" is the name's own)."""
    node = word
    while node.head.i != node.i and node.i != noun.i:
        if node.dep_ in ("relcl", "acl", "appos", "poss", "case"):
            return True
        node = node.head
    return False


def _compact(tok: Any, budget: int) -> list[Any]:
    """A noun phrase's head words within budget: the noun with the number that names it ("Section 7", "Flight
    574"), then its nearest left modifiers, then its first prepositional phrase ("the sale of advanced weapons";
    short of room, "the sale of weapons")."""
    if budget < 1:
        return []
    mods = [t for t in tok.subtree if t.i < tok.i and t.pos_ != "PUNCT" and not _aside(t, tok)]
    number = [c for c in tok.rights if c.dep_ == "nummod" and c.i == tok.i + 1][: budget - 1]  # "Section 7"
    words = [tok, *number, *_nearest(tok, sorted(mods, key=lambda t: -t.i), budget - 1 - len(number))]
    prep = next((c for c in tok.rights if c.dep_ == "prep"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is not None and len(words) + 2 <= budget:
        words += [prep, *_compact(pobj, budget - len(words) - 1)]
    return sorted(words, key=lambda t: t.i)


def _nearest(tok: Any, mods: Sequence[Any], budget: int) -> list[Any]:
    """The nearest of a noun's left modifiers within budget, less any whose head was left out: short of room,
    "the sale of vehicles", not "the sale of and green vehicles" (of "more fuel-efficient and green vehicles"),
    "the sales period", not "the Year sales period" (of "the Christmas and New Year sales period")."""
    taken = list(mods[:budget])
    while True:
        kept = {tok.i} | {t.i for t in taken}
        connected = [t for t in taken if t.head.i in kept]
        if len(connected) == len(taken):
            return taken
        taken = connected


def _conjuncts(tok: Any) -> list[Any]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def _actors(subject: Any) -> list[Any]:
    """Each doer: "A and B" are two; "US dailies New York Times and The Washington Post" are the named two;
    "GM and Chrysler both ran out" too (``_floating``: "both" says only that each did); not the first part of a
    word the tokenizer split at its hyphen ("CEO and co-founder Steve Jobs": no "co")."""
    if subject.pos_ == "NOUN":
        named = next((c for c in subject.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None:
            return _conjuncts(named)
    return [c for c in _conjuncts(subject) if c is subject or not (_floating(c) or _prefix(c))]


def _prep_object(tok: Any, word: str) -> Any | None:
    """The object of the first phrase of the preposition ``word`` after ``tok`` ("the mayor of Lyon": Lyon; "an
    effort by Clinton": Clinton), else None."""
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == word), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _uncounted(tok: Any, words: str) -> bool:
    """Whether a doer is a bare quantifier (``COUNTERS``) whose words name no group it counts: "**some**
    speculated", "viewed by **some**" name nobody; the act is told with no doer, as a passive's is. Not "some
    of the protesters" (``_doer_words`` names them), nor "the many" or "many voters" (a noun is named), nor one
    of two parts a sentence sets against each other ("Some had difficulty …, while others endured long waits",
    "Some customers reported …, and others tweeted"): the pair divides a group the article has just told, and
    MEANTIME marks such a quantifier as the act's doer (dropping the three of its dev set lost them)."""
    if tok.lower_ not in COUNTERS or words.lower() != tok.lower_:
        return False
    return not any(t.lower_ in COUNTERS and t.i != tok.i for t in tok.sent)


def _floating(tok: Any) -> bool:
    """A quantifier standing alone that counts doers named elsewhere ("GM and Chrysler both", "each touting
    their own experience"): not a doer of its own."""
    return tok.lower_ in FLOATING and not any(tok.children)


def _subject(verb: Any) -> Any | None:
    """The doer: the subject, or a passive's agent; a verb without one takes its head's ("plans to visit",
    "is willing to meet", "visited … and attended"), and an active infinitive a passive's subject ("was forced to
    seek aid"); the infinitive of a noun takes the noun's owner ("Ford's decision to name"), else the doer of the
    verb whose phrase holds the noun ("EADS won a contract to supply": EADS). An active verb's "by" phrase is
    no agent, whatever the parse says ("the team has made an offer …, reported by John Perrotto": the team's
    offer). Not ``attribution._source_token`` (who speaks through a cue), on purpose: that docstring says where
    the two differ."""
    if (parties := _between(verb)) is not None:
        return parties  # "an agreement reached between the two companies": they reached it
    if (shared := _shared_agent(verb)) is not None:
        return next(c for c in shared.children if c.dep_ == "pobj")  # "A woman hit and killed by a motorist"
    tok, came = verb, ""
    for _ in range(4):
        subj = _subject_word(tok)
        if tok is not verb and (relative := _relative_subject(tok)) is not None:
            subj = relative  # "labour cuts, which the Republicans insisted reach parity": the cuts reach it
        if subj is not None and came == "conj" and _undergoes(subj, tok) and _acts_on(verb):
            return subj  # "Apple was started by Jobs and Wozniak, and launched the iTunes store": Apple launched it
        if subj is not None and _asked_to(verb, tok, came):
            return subj  # "has been approached by the Obama administration to fill the post": Gupta fills it
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None and (subj is None or _undergoes(subj, tok)):  # "by" names a passive's doer only
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):  # not "closed by the end of the year"
                return pobj
        if subj is not None and came == "xcomp" and _what_it_is_for(subj, tok):
            return _owner(subj)  # "the goal was rather to lower the break-even point": not the goal's act
        if subj is None and tok is verb and _passive_clause(verb):
            return None  # "development …, begun two years ago, has been pushed back": not by Boeing, who announced it
        if subj is None and tok is verb and _undergone(verb):
            return None  # "has given airtime … and was hauled before the Senate": he undergoes it, by nobody named
        if subj is not None:
            if _undergoes(subj, tok) and not _raised(verb, came):
                return None  # "an agreement was reached": by nobody named
            if subj.lower_ in RELATIVE and (clause := _relative_clause(tok, said=tok is verb)) is not None:
                return _referent(_antecedent(subj, clause.head))
            if (whose := _whose(subj)) is not None and (clause := _relative_clause(tok, said=tok is verb)) is not None:
                return _owner_named(clause.head, whose)  # "the model whose photographs titillated Americans": hers
            if _floating(subj) and tok.dep_ in ("advcl", "conj") and tok.head is not tok:
                return _subject(tok.head)  # "Trump and Clinton vied …, each touting": each of them touted
            return None if subj.ent_type_ in ("DATE", "TIME") else subj  # "this past weekend … committed": a time
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN") and not _purpose(tok):
            return tok.head
        if (noun := _noun_of(tok)) is not None:  # "Ford's decision to name", "won a contract to supply": its owner
            if noun.lemma_.lower() in ASKING_NOUNS:
                return _asked_of(noun)  # "the Times' request to unseal the file": the court unseals it, not the Times
            owner = _owner(noun)
            if owner is not None:
                return owner
            if (given := _given_to(noun)) is not None:
                return given  # "gives the agency the authority to issue rules": the agency issues them
            tok, came = _phrase_verb(noun), ""
            if tok is None or _judged(noun, tok):
                return None
            continue
        elif tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in GERUND_DOER_PREPS:
            tok = tok.head  # "divested it by selling it", "after meeting Putin": the clause's doer
        elif tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in DIFFICULTY_NOUNS:
            tok = tok.head  # "buyers experienced issues connecting to the website": who has the trouble does it
        elif (party := _acting_party(tok)) is not None:
            return party  # "an Apple executive overseeing hardware engineering": the executive oversees it
        elif _raised(verb, came) and (noun := _participle_of(tok)) is not None:
            return noun  # "the winglets, designed to improve fuel efficiency": the winglets improve it
        elif tok.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "acomp") or tok.head is tok:
            return None
        elif (controller := _controller(tok)) is not None:
            return controller
        elif (named := _for_subject(tok)) is not None:
            return named  # "it is disqualifying for a nominee to refuse": the nominee refuses
        # A passive conjunct shares its first verb's subject as its own: "have been hit … and have been forced to
        # seek aid" keeps the infinitive it came from; an active one's infinitive is its object's ("… and pushed
        # the other automakers to follow suit").
        tok, came = tok.head, came if came and tok.dep_ == "conj" and _passive(tok) else tok.dep_
        if tok.pos_ not in ("VERB", "AUX", "ADJ"):
            return None
    return None


def _lost_subject(verb: Any) -> bool:
    """A clause with a tense of its own, or a modal, under another clause ("Many observers were surprised when
    Trump, after railing against …, produced a plan", "debates are not likely to alter the campaign, noted NBC's
    Dante Chinni"), with no subject found: it has one, which the parse lost; the subject of the clause above is
    a guess (Session 17 read 25 such doers wrong, 9 right, on PolNeAR and ECB+ dev). The act is told all the
    same, its doer unnamed there."""
    if verb.dep_ not in ("advcl", "ccomp") or _subject_word(verb) is not None:
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.tag_ == "MD" for c in verb.children)


def _undergone(verb: Any) -> bool:
    """A passive with no subject of its own that shares an active verb's ("has given airtime … and was hauled
    before the Senate", "hopes to be elected president"): that subject undergoes it, and does not do it."""
    return _passive(verb) and verb.dep_ in ("conj", "xcomp") and not _passive(verb.head) and verb.head is not verb


def _for_subject(infinitive: Any) -> Any | None:
    """The subject "for" gives an infinitive before it ("it is not expected for the name change to turn …",
    "it is disqualifying for a nominee to refuse …"): the infinitive's doer, not the subject of its head."""
    if not to_infinitive(infinitive):
        return None
    head = infinitive.head
    # the "for" phrase completes the word before it ("disqualifying for a nominee to refuse"); a fronted "For
    # instance, …" completes nothing
    after = (c for c in head.children if c.dep_ == "prep" and c.lower_ == "for" and head.i < c.i < infinitive.i)
    prep = next(after, None)
    if prep is None or any(head.i < t.i < infinitive.i and t.dep_ in ("dobj", "ccomp") for t in head.children):
        return None
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _extraposed(subject: Any) -> bool:
    """An "it" that stands for a clause after its verb, no party: "it is impossible to evaluate …", "it is
    expected that the Airbus 380 will wear …", "it is disqualifying for a nominee to refuse …". Not "it will be
    obliged to file" (what "it" is, is obliged), "it is only 9.3 millimetres thick, making it …" (a clause of
    its own), nor "it is a direct response to the decision of the EU to add …" (a noun's infinitive the parse
    may hang on "is": the adjective alone is told)."""
    if subject.lower_ != "it" or subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = subject.head
    after = [c for c in head.children if c.i > head.i]
    clause = [c for c in after if c.dep_ in ("ccomp", "xcomp", "csubj") and c.pos_ in ("VERB", "AUX")]
    if head.lemma_ == "be" and clause and any(c.dep_ == "acomp" for c in after):
        return True
    if subject.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in clause):
        return True
    infinitive = next((c for c in after if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"), None)
    return infinitive is not None and _for_subject(infinitive) is not None


def _shared_agent(verb: Any) -> Any | None:
    """The agent of a reduced passive coordinated with the participle that carries it, which the parse took for a
    past tense with a subject ("A woman hit and killed by a motorist … might be alive": the motorist hit her):
    a bare verb with no object, followed by "and" and a bare participle with a "by" agent."""
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return None
    if not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        return None
    for conj in (c for c in verb.rights if c.dep_ == "conj" and c.tag_ == "VBN"):
        joined = any(c.dep_ == "cc" and verb.i < c.i < conj.i for c in verb.children)
        bare = not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj") for c in conj.children)
        agent = next((c for c in conj.children if c.dep_ == "agent" and any(c.children)), None)
        if joined and bare and agent is not None:
            return agent
    return None


def _shared_patient(verb: Any) -> Any | None:
    """Who a reduced passive's verbs are done to (``_shared_agent``): the first verb's subject, for both."""
    first = verb.head if verb.dep_ == "conj" and _shared_agent(verb.head) is not None else verb
    if _shared_agent(first) is None:
        return None
    return next((c for c in first.children if c.dep_ == "nsubj"), None)


def _asked_to(verb: Any, head: Any, came: str) -> bool:
    """Whether a passive ``head``, with an agent, had its subject do the active infinitive ``verb`` came through:
    one raised ("was forced by the bank to seek aid"), or the purpose of a verb that has its object act
    (``CONTROL_VERBS``: "has been approached by the Obama administration to fill the post"): the one asked does
    it, not the agent, who asked."""
    if not any(c.dep_ == "agent" for c in head.children) or not _passive(head):
        return False
    if came == "xcomp":
        return _raised(verb, came)
    active = not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    infinitive = to_infinitive(verb)
    return came == "advcl" and infinitive and active and head.lemma_.lower() in CONTROL_VERBS


def _what_it_is_for(subject: Any, be: Any) -> bool:
    """Whether "be" with an infinitive says what its subject, a thing, is or is for ("the goal was to lower
    costs", "the idea is to sell the plant"): the infinitive's doer is the thing's owner ("Ford's aim is to"),
    else nobody named; a party with "be to" plans the act itself ("GM is to close plants")."""
    return bool(be.lemma_ == "be" and subject.pos_ == "NOUN" and not _party(subject) and subject.dep_ == "nsubj")


def _aim(verb: Any) -> bool:
    """An infinitive saying what a thing that nobody owns there is for (``_what_it_is_for``): an act the article
    tells, its doer unnamed ("the goal was to lower the break-even point", said the CEO)."""
    subject = _subject_word(verb.head) if verb.dep_ == "xcomp" else None
    return subject is not None and _what_it_is_for(subject, verb.head) and _owner(subject) is None


def _acts_on(verb: Any) -> bool:
    """A verb in a tense of its own with an object: active, whatever its head ("… was started by Jobs, and
    launched the iTunes store"); one without an object may be a participle the parse took for a past tense ("is
    made by Apple and marketed alongside the store")."""
    joined = any(c.dep_ == "cc" and c.i < verb.i for c in [*verb.head.children, *verb.children])  # ", and launched"
    return joined and verb.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "dobj" for c in verb.children)


def _passive_clause(verb: Any) -> bool:
    """A passive with no subject of its own under another clause: one with a passive auxiliary ("has announced that
    development … has been pushed back", where the parse hung the subject elsewhere), or a bare past participle set
    as an adverbial ("has caused dropped calls when held in a certain way", "a version of the 777, announced last
    November"). What it is done to may be the clause's subject above; who does it is not: without an agent, nobody
    named. Not a coordinated passive, which shares its first verb's subject as its own ("have been hit … and forced
    to seek aid"), nor a passive infinitive, which its head's subject undergoes ("the dealers that are to be
    closed", "too big to be operated at most airports")."""
    if verb.dep_ not in ("ccomp", "advcl") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if _passive(verb):
        return not any(c.lower_ == "to" for c in auxes)  # "too big to be operated": the airliner, operated
    return bool(verb.tag_ == "VBN" and not auxes and verb.dep_ == "advcl")


def _acting_party(verb: Any) -> Any | None:
    """The party a present participle tells an act of, as a reduced relative ("Mark Papermaster, an Apple executive
    overseeing hardware engineering": who oversees it): a name of a person, company or country, or an office held
    by one, which can act; a thing's participle describes it ("an earthquake measuring 5.6", "cables connecting
    Europe", "sanctions weighing on both countries")."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.pos_ not in ("NOUN", "PROPN") or verb.i < noun.i:
        return None
    if verb.i - noun.i - 1 > int(noun.nbor().text == ","):
        return None  # a reduced relative follows its noun: one hung on a name further back is the parse's guess
    if noun.pos_ == "PROPN" and noun.ent_type_ != "NORP" and verb.i == noun.i + 1:
        return None  # a name takes a relative set off by a comma; "New Orleans Saints running back" is a compound
    named = noun.head if noun.dep_ == "appos" else noun  # "Papermaster, an executive overseeing": Papermaster
    if named.pos_ == "PROPN" and named.ent_type_ in PARTY_LABELS:
        return named
    return noun if noun.pos_ == "NOUN" and noun.lemma_.lower() in PERSON_ROLES else None


def _relative_clause(verb: Any, said: bool) -> Any | None:
    """The relative clause a verb heads, or, ``said``, holds it as what is said in it ("a flaw which it said has
    attacked 2m users": the flaw attacked them, not Microsoft, who said so), else None. Only for the event's own
    verb: a verb that borrows its head's subject may be no act at all ("a facility that an official said is
    unlicensed to perform")."""
    while said and verb.dep_ == "ccomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb if verb.dep_ == "relcl" else None


def _subject_word(verb: Any) -> Any | None:
    """The verb's subject, or one the parse hung elsewhere: on its auxiliary ("The manufacturers have been hard
    hit": on "been"), or a name before a verb with a tense that the parse took for an adverb ("Apple unveiled
    Lion": every finite verb has a subject)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    subject = _nearer(subjects, verb) if len(subjects) > 1 else next(iter(subjects), None)
    for aux in (c for c in verb.lefts if c.dep_ in ("aux", "auxpass") and subject is None):
        subject = next((c for c in aux.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.tag_ in ("VBD", "VBZ", "VBP"):
        named = (c for c in verb.lefts if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.ent_type_ in PARTY_LABELS)
        subject = next(named, None)
    return subject


def _relative_subject(verb: Any) -> Any | None:
    """The relative pronoun of a relative clause with a subject of its own, which the parse also hangs on the verb
    as a subject: the subject of the clause that verb takes ("which the Republicans insisted reach parity")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    relative = next((c for c in subjects if c.lower_ in RELATIVE), None)
    return relative if relative is not None and len(subjects) > 1 else None


def _nearer(subjects: Sequence[Any], verb: Any) -> Any:
    """Of two subjects the parse gives a verb, its own: a verb has one, and the nearer is it, the other a fragment
    the text ran into the sentence, as a photo caption before the lead ("An American Airlines 777 landing at
    Heathrow airport Boeing has secured"), or the relative it stands after ("the many reasons that Trump
    refuses"). Not a date or an amount the parse took for one ("… renewed after October of next year will
    receive")."""
    own = [c for c in subjects if c.i < verb.i and c.ent_type_ not in AMOUNT_LABELS]
    return own[-1] if own else subjects[0]


def _undergoes(subject: Any, verb: Any) -> bool:
    """Whether a subject is a passive's, which undergoes the act: marked so, or hung on a passive's auxiliary."""
    return bool(subject.dep_ == "nsubjpass" or (subject.head.i != verb.i and _passive(verb)))


def _between(verb: Any) -> Any | None:
    """The parties "between" whom a passive with no agent was done ("an agreement reached between the two
    companies", "a deal was signed between Acme and Lyon"): an act done together, by them; not places between
    which it was done."""
    passive = _passive(verb) or verb.dep_ == "acl"
    if verb.tag_ != "VBN" or not passive or any(c.dep_ == "agent" for c in verb.children):
        return None
    between = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "between"), None)
    parties = next((c for c in between.children if c.dep_ == "pobj"), None) if between is not None else None
    if parties is None or any(c.ent_type_ in PLACE_LABELS for c in _conjuncts(parties)):
        return None  # "damaged in the Mediterranean between Sicily and North Africa": where, not by whom
    return parties


def _passive(verb: Any) -> bool:
    """ "was forced", "have been hit": a passive auxiliary."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _raised(verb: Any, came: str) -> bool:
    """Whether a passive's subject does ``verb``, which reached it through ``came``: an active infinitive ("was
    forced to seek aid", "are reported to want to set", "have been hit … and forced to seek aid"; a past
    participle's noun, "the winglets, designed to improve"), not a passive one ("is expected to be launched"); a
    gerund of means or time ("had been suspended after violating federal law": the one suspended violated it)."""
    return came in ("xcomp", "prep") and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _antecedent(relative: Any, head: Any) -> Any:
    """What a relative pronoun stands for: the noun its clause hangs on, except that "which" is never a person
    ("Fritz Henderson, the chief executive of General Motors, which filed for bankruptcy": General Motors, the
    noun just before it, where the parse hung the clause on the person)."""
    if relative.lower_ != "which" or head.ent_type_ != "PERSON":
        return head
    before = relative.doc[relative.i - 1] if relative.i > 0 else relative
    before = before.nbor(-1) if before.is_punct and before.i > 0 else before
    thing = before.pos_ in ("NOUN", "PROPN") and before.ent_type_ != "PERSON" and before.i > head.i
    return before if thing else head


def _referent(noun: Any) -> Any | None:
    """Who the noun a relative clause hangs on names: for "one" with nothing to say whose, the subject "be" says it
    is (``_identified``), else nobody; the noun above for a bare role noun, which names an office, not a person
    ("the Republican nominee for president, who began his speech": the nominee)."""
    if noun.lower_ in INDEFINITE and not any(c.dep_ == "prep" for c in noun.children):
        return _identified(noun)
    if _office_named(noun) and noun.head.head.pos_ in ("NOUN", "PROPN"):
        return noun.head.head
    return noun


def _identified(one: Any) -> Any | None:
    """Who "the one who …" is: the subject of the "be" it follows ("Hillary Clinton was the one who started the
    birther controversy", "he is the only one who can bring out the coalition"), nobody when "be" is denied
    ("Timmons isn't the one who fired the fatal shot": someone unnamed) or when there is no "be"."""
    be = one.head
    if one.lower_ != "one" or one.dep_ != "attr" or be.lemma_ != "be" or any(c.dep_ == "neg" for c in be.children):
        return None  # "which is something that concerns Henry Crespo": a description, no one's act
    subject = next((c for c in be.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.lower_ not in RELATIVE else None


def _office_named(noun: Any) -> bool:
    """A singular common noun with no determiner or owner after a preposition ("nominee for president", "running
    for office"): an office or a kind, no one a relative pronoun can stand for."""
    bare = not any(c.dep_ in ("det", "poss", "compound", "amod", "nummod") for c in noun.children)
    return bool(bare and noun.tag_ == "NN" and noun.dep_ == "pobj" and noun.head.dep_ == "prep")


def _whose(subject: Any) -> Any | None:
    """The "whose" that owns a subject ("whose office was poking around"): the owner is the relative's noun."""
    return next((c for c in subject.children if c.dep_ == "poss" and c.lower_ == "whose"), None)


def _owner_named(noun: Any, whose: Any) -> Any | None:
    """The party a "whose" clause stands for (``_whose``): the noun it hangs on, or the name that noun stands
    beside ("Bettie Page, the pin-up model whose seductive photographs …": Bettie Page); where the parse hung it
    on a thing, which owns no office, the party named just before "whose" ("a contribution … to the attorney
    general of Florida, whose office was poking around": the attorney general), else nobody."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head
    if _party(noun) or noun.pos_ == "PROPN":
        return _referent(noun)  # "the Ford Explorer, whose sales had a 29% decline": the Explorer's
    before = whose.doc[whose.i - 1] if whose.i > 0 else whose
    before = before.nbor(-1) if before.is_punct and before.i > 0 else before
    while before.dep_ == "pobj" and before.head.lower_ == "of" and before.head.head.pos_ in ("NOUN", "PROPN"):
        before = before.head.head  # "the attorney general of Florida": the attorney general
    return before if before.i < whose.i and (_party(before) or before.pos_ == "PROPN") else None


CONTROL_VERBS = DEONTIC_VERBS | word_set(
    """ask tell urge order force compel persuade encourage enable invite instruct direct advise press pressure
    approach implore beg remind challenge prompt lead inspire cause empower entitle motivate spur help select
    choose pick hire appoint recruit commission prevent mobilize mobilise"""
)
"""Verbs whose object does what their infinitive says ("required police to tell", "urged members to vote", "led the
pilots to disengage an engine", "prompted Scott's father to send his son", "implored her to bring it back")."""
CALLED_ON = {
    "call": word_set("on upon"),
    "appeal": word_set("to"),
    "rely": word_set("on upon"),
    "count": word_set("on"),
    "depend": word_set("on upon"),
    "prevail": word_set("on upon"),
    "look": word_set("to"),
    "wait": word_set("for"),
}
"""Verbs whose prepositional object does what their infinitive says ("called on Howard Dean to apologize", "waited
for the board to decide"), as a control verb's object does."""
LEFT_TO = word_set("leave")
"""Verbs whose object is left to do or undergo what their infinitive says ("left the bodies to rot"), unless the
object is a place, a body or a post the subject leaves, the infinitive then the subject's purpose ("left the
company to join Google")."""
LEFT_PLACES = BODIES | word_set("job post position office seat role home country city town team party")
"""What one leaves to go and do something else (``LEFT_TO``: "left his job to care for his mother")."""


def _controller(tok: Any) -> Any | None:
    """Who does an infinitive whose verb has a named object: the object ("forced Apple to lower prices",
    "selected Northrop Grumman to build the aircraft"), not the verb's subject; so does any object of a verb that
    has its object do what it says (``CONTROL_VERBS``: "requiring state and local police to tell the federal
    government", "asked shareholders to approve"; a pronoun too, "asked him to resign", resolved as a subject
    is), not one of a verb whose infinitive says what for ("spent $1 billion to build"); and the prepositional
    object of a verb of calling on (``CALLED_ON``: "called on Howard Dean to apologize")."""
    if tok.dep_ != "xcomp" or not to_infinitive(tok):
        return None
    obj = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
    if obj is None:
        return _called_on(tok)
    if obj.pos_ == "PRON":  # not "us" or "you", a side the quotation rarely names ("enabling us to build a fleet")
        told = tok.head.lemma_.lower() in CONTROL_VERBS | LEFT_TO and obj.lower_ not in SPEAKER_PRONOUNS - FIRST_PERSON
        return obj if told else None
    if obj.pos_ not in ("PROPN", "NOUN"):
        return None
    if obj.pos_ == "PROPN" or tok.head.lemma_.lower() in CONTROL_VERBS:
        return obj
    return obj if tok.head.lemma_.lower() in LEFT_TO and obj.lemma_.lower() not in LEFT_PLACES else None


def _sought_from(pronoun: Any) -> Any:
    """Where a doer pronoun's antecedent is sought before: the pronoun itself, but for the object a verb tells to
    act, before that verb's subject, which the object never stands for ("Congress required them to produce
    viability plans": the companies named before, not Congress)."""
    if pronoun.dep_ not in ("dobj", "pobj"):
        return pronoun
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    subject = _subject_word(verb)
    return subject.left_edge if subject is not None and subject.i < pronoun.i else pronoun


def _called_on(tok: Any) -> Any | None:
    """The object of the preposition of a verb of calling on (``CALLED_ON``) before its infinitive ("called on
    Howard Dean to apologize": Dean apologizes, not who called on him), once the call is made: one still to come
    ("We will continue to call on North Korea to abide by its commitments") asks nothing of anyone yet, its
    infinitive the caller's aim (Session 12 measured the other reading: a planned act of North Korea, a false
    event on the seeds)."""
    if event_status(tok.head) != "happened":
        return None
    preps = CALLED_ON.get(tok.head.lemma_.lower(), frozenset())
    called = [c for c in tok.head.children if c.dep_ in ("prep", "prt") and c.lower_ in preps and c.i < tok.i]
    obj = next((c for c in called[-1].children if c.dep_ == "pobj"), None) if called else None  # not "on Wednesday"
    named = obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON") and obj.ent_type_ not in ("DATE", "TIME")
    return obj if named else None


def _owner(noun: Any) -> Any | None:
    """Whose a noun is: its possessor ("Ford's decision"), or a name before it ("the Northrop Grumman and EADS
    plan", which the parse may also hang on the noun as its subject)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    named = (
        c for c in noun.lefts if c.dep_ in ("compound", "nsubj") and c.pos_ == "PROPN" and c.ent_type_ in PARTY_LABELS
    )
    return owner if owner is not None else next(named, None) or _by_party(noun)


def _by_party(noun: Any) -> Any | None:
    """The party a noun's "by" phrase names as the one whose act it is ("an effort by Hillary Clinton to distract
    attention": hers), not a time ("a decision by Friday")."""
    party = _prep_object(noun, "by")
    return party if party is not None and _party(party) else None


ASKING_NOUNS = word_set("request motion petition plea appeal demand")
"""Nouns of asking another to act: their owner asks, the one asked does the infinitive ("the Times' request to
unseal the file": the court unseals it; "a motion to unseal the records"), named only by a "for" phrase."""
WEIGHING_VERBS = word_set(
    """question criticize criticise oppose reject welcome praise support back endorse challenge condemn block
    approve applaud hail slam fight protest mock guess stop halt delay blast decry denounce veto resist doubt
    dispute attack ridicule dismiss deride lament overturn scrap reverse"""
)
"""Verbs of judging, backing or resisting an act ("critics questioned the decision to close the plant"): their
subject weighs the act, whoever does it; the doer of the act the object noun names is not theirs."""


def _asked_of(noun: Any) -> Any | None:
    """Who a noun of asking (``ASKING_NOUNS``) has act: the party of its "for" phrase ("a call for the board to
    resign"), else nobody named there."""
    return _prep_object(noun, "for")


def _given_to(noun: Any) -> Any | None:
    """The one given a noun's chance or power to act, its verb's dative ("gives the agency the authority to issue
    rules", "gave the mayor an opening to raise taxes"): who does the act, not who gives it."""
    if noun.dep_ != "dobj":
        return None
    return next((c for c in noun.head.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


def _judged(noun: Any, verb: Any) -> bool:
    """Whether a noun without an owner is the object of a verb that judges, backs or resists it
    (``WEIGHING_VERBS``: "critics questioned the decision to close the plant"): the act is not its subject's."""
    return noun.dep_ == "dobj" and noun.head.i == verb.i and verb.lemma_.lower() in WEIGHING_VERBS


def _phrase_verb(noun: Any) -> Any | None:
    """The verb whose object or phrase a noun stands in ("won a contract", "defeated Boeing for a contract",
    "will cut jobs as part of a plan"; in apposition to it, "for a US$40 billion (£20 billion) contract", which the
    parse may hang on the amount): its doer is the noun's, when the noun has no owner of its own."""
    node = noun
    while node.dep_ in ("dobj", "pobj", "prep", "appos") and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _noun_of(verb: Any) -> Any | None:
    """The noun whose act a verb names: an infinitive that says what the noun is for ("a contract to supply", "the
    decision to ban"), or a gerund with an object after "of" or "in" on a noun that someone owns ("its role in
    selling a corporate stake": Germany's). Without an owner, such a gerund names a kind of act, not one done
    ("a method of calculating the bars", "no interest in running GM"), and "the integration of podcasting" none."""
    infinitive = to_infinitive(verb)
    if (verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and infinitive) or _purpose(verb):
        return verb.head
    prep = verb.head
    gerund = verb.dep_ == "pcomp" and verb.tag_ == "VBG" and any(c.dep_ == "dobj" for c in verb.children)
    if gerund and prep.lower_ in ("of", "in") and prep.dep_ == "prep" and prep.head.pos_ == "NOUN":
        return prep.head if _owner(prep.head) is not None else None
    return None


def _purpose(verb: Any) -> bool:
    """Whether an infinitive the parse hangs on a noun as a relative clause says what the noun is for ("a June 1
    deadline to finish a plan", "a necessary step to protect the economy", "a day to celebrate"), not what the noun
    does: an infinitive relative tells its noun's own act only after "first", "last", "only", "next" or a
    superlative ("the first woman to lead a firm", "the only person to pull off that hat trick"); else its doer
    is the noun's owner's or the clause's, as for "a contract to supply" (``_noun_of``)."""
    if verb.dep_ != "relcl" or verb.head.pos_ != "NOUN" or not any(c.lower_ == "to" for c in verb.lefts):
        return False
    if _passive(verb):
        return False  # "another special event to be held on October 12": the event is what is held
    return not any(c.lower_ in SINGLING or c.tag_ == "JJS" for c in verb.head.lefts)


def _unnamed_purpose(verb: Any) -> bool:
    """A purpose whose doer is not named there (``_purpose``), of a thing that is there: not "no reason to intrude",
    "no viable way to determine", which tell of nothing done."""
    return _purpose(verb) and not any(c.lower_ in NOBODY for c in verb.head.children)


def _names_in(tok: Any, ents: Ents) -> tuple[list[str], str | None]:
    """Names in a phrase (not nationality adjectives, as in "the Russian president"), and a place name in it
    after "in"/"at"/… (a place, not a target)."""
    found: list[str] = []
    place: str | None = None
    clauses = {t.i for d in tok.subtree if d.dep_ in CLAUSES and d is not tok and _clause(d, ents) for t in d.subtree}
    for t in tok.subtree:
        if t.i in clauses:  # "the sale of weapons, which could allow Moscow to …": not the sale's party
            continue
        ent = ents.get(t.i)
        if ent is None or (ent.label_ == "NORP" and ent.root.pos_ == "ADJ") or _in_adjective(ent.root):
            continue
        if _about(t, tok):
            continue
        after = ent.root.head  # the name's own word decides, not "the" in "in the United States"
        if after.dep_ == "prep" and after.lower_ in PLACE_ONLY_PREPS and after.i > tok.i:
            if ent.label_ in PLACE_LABELS and place is None:
                place = ent.text
            continue
        if _locates(ent, ents) or _names_whose(ent, ents) or _modifies_setting(ent, tok, ents):
            continue
        if ent.label_ in NAME_LABELS and ent.text not in found:
            found.append(ent.text)
    return found, place


def _locates(ent: Any, ents: Ents) -> bool:
    """Whether a place name says where the place it is set beside lies ("in Everett, Washington", "Toulouse,
    France"): part of that place, no party to the act; not a place named with it ("China and Russia")."""
    beside = ents.get(ent.root.head.i) if ent.root.dep_ in ("appos", "npadvmod") else None
    return ent.label_ in PLACE_LABELS and beside is not None and beside is not ent and beside.label_ in PLACE_LABELS


def _modified_head(ent: Any, ents: Ents) -> Any | None:
    """The word a name modifies, up a chain of modifiers to the first name or the first word that is no modifier
    ("GOP" of "GOP presidential nominee Donald Trump": "Trump"; "DUI" of "the DUI charge": "charge"); None for a
    name that modifies nothing."""
    node = ent.root
    while node.dep_ in MODIFIER_DEPS and node.head.i != node.i:
        node = node.head
        if ents.get(node.i) is not ent and (node.dep_ not in MODIFIER_DEPS or node.i in ents):
            return node
    return None


def _names_whose(ent: Any, ents: Ents) -> bool:
    """Whether a name only says which party, team or firm a person named after it belongs to ("GOP presidential
    nominee Donald Trump", "Wells Fargo CEO John Stumpf", "Salem Radio's Hugh Hewitt"): the person takes part,
    not the party."""
    head = _modified_head(ent, ents)
    person = ents.get(head.i) if head is not None else None
    return person is not None and person is not ent and person.label_ == "PERSON"


def _modifies_setting(ent: Any, tok: Any, ents: Ents) -> bool:
    """Whether a name only modifies the common noun after a preposition of setting ("killed a girl on an Albany
    street", "arrested on the DUI charge", "a drop in US sales"): the street, the charge and the sales are no
    party, and still less the name that says which."""
    head = _modified_head(ent, ents)
    if head is None or head.i in ents or head.pos_ != "NOUN" or head.dep_ != "pobj":
        return False
    return head.i >= tok.i and head.head.lower_ in TARGET_SETTING_PREPS and not _owns_act(ent, head)


def _owns_act(ent: Any, noun: Any) -> bool:
    """Whether a name is the possessor of an act noun ("zeroing in on Clinton's decision", "seized on Trump's
    claim"): the one who decided or claimed, a party to what the line tells, not a word saying which setting."""
    from .event_nouns import act_noun  # event_nouns builds on this module's words

    return ent.root.dep_ == "poss" and ent.root.head.i == noun.i and act_noun(noun)


def _about(word: Any, phrase: Any) -> bool:
    """Whether ``word`` is in what ``phrase`` is about ("raised concerns about a deal between Putin and Kim"):
    a topic, not a party of the act."""
    node = word
    while node.i != phrase.i and node.head.i != node.i:
        if node.dep_ == "prep" and (node.lower_ in TOPIC_PREPS or _topic_of_feeling(node)):
            return True
        node = node.head
    return False


def _topic_of_feeling(prep: Any) -> bool:
    """ "over" or "on" after a noun of saying or feeling ("concern over the violation of UN resolutions", "talks
    on Ukraine"): its topic; after other nouns "over" names an opponent ("a victory over the Jaguars")."""
    return bool(prep.lower_ in ("over", "on") and prep.head.lemma_.lower() in TOPIC_NOUNS)


def _clause(dep: Any, ents: Ents) -> bool:
    """Whether a dependent in ``CLAUSES`` is a clause of its own, not a name joined to a noun ("Putin and Kim":
    both take part; not "projectiles, as well as rockets for Grad launchers", whose names are the rockets')."""
    return bool(dep.dep_ != "conj" or dep.pos_ in ("VERB", "AUX") or dep.i not in ents)


def _in_adjective(tok: Any) -> bool:
    """A name inside a compound adjective ("a Soviet-made system", "US-led forces", "Russia-backed rebels") says
    what the thing is, not who takes part."""
    return bool(tok.dep_ == "npadvmod" and tok.head.dep_ == "amod")


def _action(verb: Any, passive_subject: Any | None, ents: Ents) -> str:
    """The verb's passive auxiliary (with "has" before "been") and particle, then the start of its object or
    complement, and what it says of its object ("left millions of computers vulnerable"); its negation and modals
    are its status, not its words."""
    before = [c for c in verb.lefts if c.dep_ == "auxpass" and c.i >= verb.i - 3]
    if any(c.lower_ == "been" for c in before):  # "has been limited", not "been limited" (on "been" too)
        auxes = [*verb.lefts, *(c for b in before for c in b.children)]
        before = [c for c in auxes if c.dep_ == "aux" and c.lower_ in PERFECT and c.i >= verb.i - 4] + before
    particles = _particles(verb)
    words = [*before, verb, *particles]
    comp = next((c for c in verb.rights if c.dep_ in ("dobj", "xcomp", "dative", "attr", "oprd", "acomp")), None)
    comp = comp or _small_clause(verb)
    doers = _between(verb)  # "reached between the two companies": the doers, not what was done
    preps = (c for c in verb.rights if c.dep_ == "prep" and c not in particles and not _aside_phrase(verb, c))
    comp = comp or next((g for p in particles for g in p.children if g.dep_ == "prep"), None)  # "stay out of"
    comp = comp or next((c for c in preps if doers is None or c.i != doers.head.i), None) or _bounded(verb)
    tail = _object_complement(verb, comp)
    relative = _relative_object(verb, comp)
    budget = MAX_ACTION_WORDS - len(words) - len(tail)
    if comp is not None and comp.dep_ == "xcomp":
        words += [c for c in comp.lefts if c.dep_ == "aux"] + [comp]
        inner = next((c for c in comp.rights if c.dep_ in ("dobj", "prep")), None)
        comp, budget = inner, MAX_ACTION_WORDS - len(words)
    words += _complement_words(comp, budget)
    head_object = verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and passive_subject is None
    if (head_object and _made_noun(verb, comp)) or relative:
        # "a lunch hosted by": hosted a lunch; "a conference held by Apple on Friday": held a conference on Friday;
        # "the four billion it has already received": received the four billion; "the very people they refuse to
        # define": refuse to define the very people
        acts = {verb.i, *(w.i for w in particles), *(w.i for w in words if w.dep_ == "xcomp" and w.head.i == verb.i)}
        at = 1 + max(i for i, w in enumerate(words) if w.i in acts)
        words[at:at] = _compact(verb.head, 4) if verb.dep_ == "relcl" else _noun_words(verb.head)
    inserted = verb.dep_ == "acl" or relative
    words = sorted(set(words), key=lambda t: t.i) if not inserted else words
    while len(words) > 1 and words[-1].pos_ in OPEN_POS and not _closes(words[-1], verb, particles):
        words.pop()  # a particle ends a phrase ("broke down", "went through"): it is no open preposition
    if inserted:
        text = _spelled([*words, *tail])
    else:  # the auxiliaries, then as written from the verb to the last word ("not" is the status's)
        text = _active(verb, words) or _written(verb, [w for w in words if w not in before], before, tail)
        text = _cut(text, MAX_ACTION_WORDS + 2)
    if passive_subject is not None:
        text = f"{_phrase(passive_subject, ents)}{_defined_by(passive_subject)} {text}"
    return " ".join(text.translate(NO_QUOTES).replace("``", "").replace("''", "").split())


OPEN_POS = ("ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT")
"""Parts of speech that leave a phrase open at its end ("called for a", "sold to")."""

PARTICLES = word_set("up down out off in on over back away through along around forth aside")
"""Words that finish a phrasal verb ("broke down", "went through", "dates back to 1998", "step in")."""


def _particles(verb: Any) -> list[Any]:
    """The verb's particles: the parse's ``prt``, or a particle word right after the verb that the parse hangs as
    an adverb or as a preposition with no object ("a deal with Fiat went through", "step in"): without it the verb
    says something else ("went", "step")."""
    return [c for c in verb.rights if c.dep_ == "prt" or (c.i == verb.i + 1 and _particle_word(c))]


def _particle_word(word: Any) -> bool:
    objectless = not any(g.dep_ in ("pobj", "pcomp") for g in word.children)
    return bool(word.dep_ in ("advmod", "prep") and word.lower_ in PARTICLES and objectless)


def _closes(word: Any, verb: Any, particles: Sequence[Any]) -> bool:
    """Whether a particle may end the action: one right after the verb ("step in"), or an adverb after its object
    ("broke them down"); not a preposition left behind after the object by a question or a relative clause ("what
    people choose to spend money on", "the turf it put him on")."""
    return word in particles and (word.i == verb.i + 1 or word.lower_ not in OPEN_ENDS)


def _defined_by(noun: Any) -> str:
    """The short relative clause that says which of a bare plural noun's kind the act is told of ("Things that are
    not literally true are rated correct"): without it the words say the act of every one; else nothing."""
    clause = next((c for c in noun.rights if c.dep_ == "relcl"), None)
    bare = noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.lefts)
    if clause is None or not bare or len(list(clause.subtree)) > MAX_ACTION_WORDS:
        return ""
    return " " + _text(list(clause.subtree))


def _small_clause(verb: Any) -> Any | None:
    """A noun or adjective clause the verb says its object is ("would consider it a personal insult"): the object
    and what is said of it, one complement."""
    clause = next((c for c in verb.rights if c.dep_ == "ccomp" and c.pos_ in ("NOUN", "ADJ")), None)
    return clause if clause is not None and any(c.dep_ == "nsubj" for c in clause.lefts) else None


def _bounded(verb: Any) -> Any | None:
    """An adverb that names how far the act went, with its phrase ("stopped short of calling his actions racially
    motivated", "came close to a deal"): the act is what it stopped short of."""
    adverb = next((c for c in verb.rights if c.dep_ == "advmod" and c.i == verb.i + 1), None)
    bound = adverb is not None and any(g.dep_ == "prep" and g.lower_ in ("of", "to", "from") for g in adverb.children)
    return adverb if bound else None


def _complement_words(comp: Any | None, budget: int) -> list[Any]:
    """The words of a verb's complement within budget: a preposition with its object ("to charity", "out of
    court"), or with the act it names and that act's object ("set about persuading President Xi", "banned from
    flying"); an adverb with its phrase ("short of calling …"); a small clause's subject with its head; else the
    start of the noun phrase."""
    if comp is None:
        return []
    if comp.dep_ == "advmod":
        prep = next(g for g in comp.children if g.dep_ == "prep")
        return [comp, *_complement_words(prep, budget - 1)]
    if comp.dep_ == "ccomp":
        subject = next(c for c in comp.lefts if c.dep_ == "nsubj")
        return [subject, *_compact(comp, budget - 1)]
    if comp.dep_ != "prep" and not (comp.dep_ == "dative" and comp.pos_ == "ADP"):
        return _compact(comp, budget)
    pobj = next((c for c in comp.children if c.dep_ == "pobj"), None)  # "due to the winds": its object
    pobj = pobj or next((c for c in comp.children if c.dep_ == "pcomp"), None)
    if pobj is not None and pobj.dep_ == "pcomp" and pobj.pos_ == "ADP":  # "due to", "because of": one preposition
        return [comp, *_complement_words(pobj, budget - 1)]
    if pobj is None or pobj.dep_ == "pobj" or pobj.pos_ != "VERB" or comp.lower_ in CLAUSE_PREPS:
        return [comp, *(_compact(pobj, budget - 1) if pobj is not None and pobj.dep_ == "pobj" else [])]
    inner = next((c for c in pobj.rights if c.dep_ in ("dobj", "oprd")), None)  # "short of calling his actions"
    return [comp, pobj, *(_compact(inner, budget - 2) if inner is not None else [])]


CLAUSE_PREPS = word_set("before after since until while despite without upon instead")
"""Prepositions whose act is an event of its own, not what the verb acts on ("approved before being allowed")."""


def _object_complement(verb: Any, obj: Any | None) -> list[Any]:
    """What the verb says its object becomes or is, right after the object: an adjective ("left millions of
    computers vulnerable", "rated things correct") or a phrase of a bare noun ("set their bank on fire", "put these
    matters in play", "bring their wages in line"). Without it the words say something else; a phrase with an
    article or a name is a place or a time, not the object's state ("put the plan in the drawer")."""
    if obj is None or obj.dep_ != "dobj":
        return []
    after = next((c for c in verb.rights if c.i == obj.right_edge.i + 1), None)
    if after is None:
        return []
    if after.dep_ in ("oprd", "acomp") and after.pos_ == "ADJ":
        return [after]
    pobj = next((c for c in after.children if c.dep_ == "pobj"), None) if after.dep_ == "prep" else None
    if pobj is None or pobj.tag_ != "NN" or pobj.ent_type_ or any(True for _ in pobj.children):
        return []
    return [after, pobj]


def _written(verb: Any, rest: Sequence[Any], before: Sequence[Any], tail: Sequence[Any]) -> str:
    """The auxiliaries, then the words as written from the verb to the last; with a complement of the object, to
    the complement's end, or, past the budget, the object's head words before it ("left millions of computers
    vulnerable"): the budget shortens the object, never the complement."""
    last = _word_end(tail[-1] if tail else rest[-1])
    written = str(verb.doc.text[rest[0].idx : last.idx + len(last.text)])
    if tail and len(written.split()) + len(before) > MAX_ACTION_WORDS + 2:
        written = _text([*rest, *tail])
    return " ".join([*(w.text for w in before), written])


def _relative_object(verb: Any, comp: Any | None) -> bool:
    """Whether a relative clause's noun is what its verb acts on: "the danger that Obama and Clinton have
    created", "the four billion it has already received", "the very people they refuse to define" (the verb names
    nothing without it). Not a clause with an object of its own, one whose pronoun is its subject or hangs on a
    preposition ("in which 10,000 jobs go"), one in quotation marks, nor one of time or manner ("the day he
    arrived", "the way it works")."""
    head = verb.head
    if verb.dep_ != "relcl" or _passive(verb) or head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    if comp is not None and (comp.dep_ != "xcomp" or any(c.dep_ in ("dobj", "prep") for c in comp.rights)):
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in verb.lefts):
        return False
    between = verb.doc[head.i + 1 : verb.i]
    if any(t.text in QUOTE_MARKS for t in between):
        return False
    if any(t.lower_ in RELATIVE or t.tag_ in ("WDT", "WP", "WRB") for t in between):
        return any(c.dep_ == "dobj" and c.lower_ in RELATIVE for c in verb.lefts)  # "that they have created"
    timed = head.ent_type_ in ("DATE", "TIME") or head.lemma_.lower() in MANNER_NOUNS
    loose = any(t.pos_ == "PUNCT" for t in between) or any(c.dep_ == "prep" for c in verb.rights)
    return not timed and not loose  # a clause with no pronoun follows its noun directly ("the music it sells")


QUOTE_MARKS = DOUBLE_QUOTES | SINGLE_QUOTES | ASCII_PAIRS
"""Marks that set a relative clause in quotation marks (``_relative_object``): single ones too, where an apostrophe
between a noun and its clause only makes the rule decline; and the ASCII pairs ("``", "''"). Not the parser's
``attribution.QUOTE_MARKS``, which leaves the single marks out for a name's sake and takes guillemets."""


def _spelled(tokens: Sequence[Any]) -> str:
    """``_text``, with a word that began the sentence in lower case where it no longer begins the action ("set up
    the forum" of "The forum that Putin had set up")."""
    lowered = (t.lower_ if i and t.is_sent_start and t.pos_ != "PROPN" else t.text for i, t in enumerate(tokens))
    return "".join(
        ("" if t.tag_ == "POS" or i == 0 else " ") + w for i, (t, w) in enumerate(zip(tokens, lowered, strict=True))
    )


MANNER_NOUNS = word_set("day time year week month moment way place reason extent point")
"""Nouns a relative clause with no pronoun tells the time, place or manner of ("the day he arrived")."""


def _aside_phrase(verb: Any, prep: Any) -> bool:
    """A phrase that is no complement of the verb: the time a saying verb was said (``_told_when``), or one set
    off by a comma or a dash ("broke out — with many turning to looting")."""
    return _told_when(verb, prep) or prep.nbor(-1).text in (",", ";", "—", "–")


EMPTY_VERBS = word_set("go come give put set take make get do hold keep bring consider regard find place")
"""Verbs that name nothing done without their complement ("Trump went", "he gives", "Obama set")."""


def _says_nothing(verb: Any, action: str) -> bool:
    """Whether an action of one word, the verb alone, tells nothing a reader can check: a verb that names nothing
    done on its own (``EMPTY_VERBS``), one whose object is a question word ("what he might be concealing"), or a
    participle of a pronoun ("income, such as that generated by partnerships"); and a fixed phrase that is no
    verb ("as opposed to")."""
    if _fixed_phrase(verb) or _caption(verb):
        return True
    if action.split() != [verb.text]:
        return False
    asked = any(
        c.dep_ == "dobj" and (c.tag_ in ("WP", "WDT") or any(g.lower_ == "how" for g in c.children))
        for c in verb.children
    )
    of_pronoun = verb.dep_ == "acl" and verb.head.pos_ in ("PRON", "DET")
    return verb.lemma_.lower() in EMPTY_VERBS or asked or of_pronoun


def _caption(verb: Any) -> bool:
    """A capitalised bare verb inside a sentence, with no auxiliary: a caption's or a button's word ("Obama Speech
    at Black Caucus Foundation Watch on YouTube"), which tells the reader to do something, not what happened."""
    plain = not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return verb.tag_ == "VB" and verb.text[:1].isupper() and not verb.is_sent_start and plain


def _fixed_phrase(verb: Any) -> bool:
    """A participle between "as" and its preposition, a fixed phrase that compares ("as opposed to cutting costs",
    "as compared with last year"), not an act."""
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return bool(verb.i > 0 and doc[verb.i - 1].lower_ == "as" and after is not None and after.lower_ in ("to", "with"))


OPEN_ENDS = word_set("a an the of to for as with on in at by from into and or but than their its his our your my")
"""Words that cannot end a phrase: an article, a preposition, a conjunction, a possessive."""


def _cut(text: str, words: int) -> str:
    """The first ``words`` words of an action, less the words left open at the cut: "give owners of its new iPhone
    4", not "… iPhone 4 a"; "announced on Tuesday the first generation", not "… generation of their"."""
    cut = text.split()
    if len(cut) <= words:
        return text
    cut = cut[:words]
    while len(cut) > 1 and (cut[-1].rstrip(",;:-–—").lower() in OPEN_ENDS | {""}):
        cut.pop()
    return " ".join(cut).rstrip(",;:-–— ")


NOUN_LEFTS = frozenset({"det", "amod", "compound", "nummod", "poss"})
"""The words before a noun that belong to its phrase ("a rare press conference")."""


def _noun_words(noun: Any) -> list[Any]:
    """The noun with the words of its phrase before it, as written ("a rare press conference", "long-range
    twin-engine airliners")."""
    lefts = [c for c in noun.lefts if c.dep_ in NOUN_LEFTS]
    first = min((c.left_edge.i for c in lefts), default=noun.i)
    return list(noun.doc[first : noun.i + 1])


def _made_noun(verb: Any, comp: Any | None) -> bool:
    """Whether the noun a participle hangs on is what its agent acted on, the action's object: with no other
    object ("a lunch hosted by the mayor"), or before a phrase of place or time ("a press conference held by Apple
    on Friday morning"); an infinitive's noun is no object ("the ability to listen to music")."""
    if comp is None:
        return True
    return comp.dep_ == "prep" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)


def _told_when(verb: Any, prep: Any) -> bool:
    """Whether a saying verb's phrase is the time it was said ("announced on Wednesday"): the event's time,
    shown as its time, not what it acts on. Other verbs keep theirs: a time may be what they measure ("worked
    for 25 years", "ran out of funds in December")."""
    dated = any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)
    return dated and verb.lemma_.lower() in CUES


def _word_end(tok: Any) -> Any:
    """The last part of the word a token begins where the tokenizer split it at a hyphen ("a re-run": "re", "-",
    "run", which the parse may hang apart), so an action never ends inside a word ("called for a re")."""
    while tok.i + 2 < len(tok.doc) and _hyphen_joined(tok):  # not "long- and short-term": a dash
        tok = tok.doc[tok.i + 2]
    return _unit_of(tok) or tok


def _unit_of(number: Any) -> Any | None:
    """The unit written onto a number that the tokenizer split off ("7m": "7", "m"; "10k"), so an action never
    ends on the bare number ("paid 7" of "paid 7m"), else None."""
    after = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    joined = after is not None and not number.whitespace_ and after.is_alpha and len(after) <= 3
    return after if joined and number.like_num else None


def _active(verb: Any, words: Sequence[Any]) -> str | None:
    """A passive with an agent, told in the active voice, as the agent is its actor: "was sold by GM to Acme" is
    GM's "sold the plant to Acme"; None for any other verb (or a "by" of time: "closed by the end of the year")."""
    agent = next((c for c in verb.children if c.dep_ == "agent" and _subject(verb) in c.children), None)
    parties = _between(verb)  # "a deal was signed between Acme and Lyon": Acme "signed a deal"
    agent = agent if agent is not None else parties.head if parties is not None else _shared_agent(verb)
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or _patient(verb) or _opened(verb)
    patient = patient or _shared_patient(verb)  # "A woman hit and killed by a motorist": hit a woman, killed her
    patient = patient or _conjunct_patient(verb)  # "A woman was hit and killed by a motorist": killed her
    if agent is None or patient is None:  # "was supposed to be escorted by an NYPD detail": escorted the van
        return None
    if patient.lower_ in RELATIVE and verb.dep_ == "relcl":
        patient = verb.head  # "the plant, which was sold by GM": sold the plant
    lead = [verb, *(c for c in verb.rights if c.dep_ == "prt")]
    left = {t.i for t in agent.subtree} | {t.i for t in lead}
    after = "".join(t.text_with_ws for t in verb.doc[verb.i : words[-1].i + 1] if t.i not in left)
    after = "" if agent.head.i != verb.i and agent.head.head.i == verb.i else after  # "hit and killed by": "hit her"
    patient_words = [t.lower_ if t.is_sent_start and t.pos_ != "PROPN" else t.text for t in _compact(patient, 4)]
    patient_words = [OBJECT_CASE.get(w.lower(), w) if patient.tag_ == "PRP" else w for w in patient_words]
    return " ".join([_text(lead), *patient_words, after])


OBJECT_CASE = {"i": "me", "he": "him", "she": "her", "we": "us", "they": "them"}
"""A subject pronoun as the object it becomes in the active voice ("she was struck and killed": killed her)."""


def _conjunct_patient(verb: Any) -> Any | None:
    """Who a bare participle coordinated with a passive undergoes it: the second of "was hit and killed by a
    motorist" has no auxiliary of its own, yet shares the first's passive reading, so its subject is the one
    killed and its "by" phrase the killer. Not a conjunct with a subject, an auxiliary or an object of its own
    ("was arrested and has admitted the theft", "was hit and lost a tooth")."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or not _passive(verb.head):
        return None
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj") for c in verb.children):
        return None
    return _patient(verb.head)


def _opened(verb: Any) -> Any | None:
    """The one a participle that opens a sentence tells of, its clause's subject ("Inspired by Suu Kyi's story,
    Laura Bush devoted …": the story inspired Laura Bush); not a pronoun, which names nobody in the action."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.i > verb.head.i or any(True for _ in verb.lefts):
        return None
    subject = next((c for c in verb.head.lefts if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ != "PRON" else None


def _noun_sense(noun: Any) -> str:
    lemma = str(noun.lemma_).lower()
    return NOUN_VERBS.get(lemma, lemma)


def _sense(verb: Any) -> str:
    """'verb|object' lemmas: the xcomp's verb for "began supplying", the event noun's for "held a meeting". Not
    the infinitive of a named object, an event of its own ("forced Apple to lower prices": forcing, then
    Apple's lowering)."""
    inner = next((c for c in verb.rights if c.dep_ == "xcomp" and c.pos_ == "VERB" and _controller(c) is None), None)
    head = inner if inner is not None and _swallows(verb) else verb
    lemma = str(head.lemma_).lower()
    obj = next((c for c in head.rights if c.dep_ in ("dobj", "attr")), None)
    if obj is None:
        prep = next((c for c in head.rights if c.dep_ == "prep" and not _told_when(head, c)), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is not None and lemma in LIGHT_VERBS and str(obj.lemma_).lower() in EVENT_NOUNS:
        return f"{_noun_sense(obj)}|"
    return f"{lemma}|{str(obj.lemma_).lower() if obj is not None else ''}"


def _office_holder(tok: Any, ents: Ents) -> str | None:
    """A person the text names by office alone ("met the Russian president", "meet North Korea's leader"):
    that description, which the entity table joins to the name the article gives the office; a name that only
    says whose office it is (the possessor) is not the one met. Not an indefinite one ("an official": nobody in
    particular) nor one with the name beside it ("the president, Vladimir Putin": the name is the target)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in PERSON_ROLES:
        return None
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in tok.children)
    if not definite or any(c.dep_ == "appos" for c in tok.children):
        return None
    place = _prep_object(tok, "of")
    if place is None:
        return _phrase(tok, ents)
    return f"{_phrase(tok, ents)} of {_phrase(place, ents)}"  # "the mayor of Lyon"


def _targets_and_place(verb: Any, ents: Ents, actor: str) -> tuple[list[str], str | None]:
    targets: list[str] = []
    where: str | None = None
    for c in verb.rights:
        if c.dep_ in ("dobj", "dative", "xcomp"):
            names, place = _names_in(c, ents)
            office = _office_holder(c, ents)
            targets += [office] if office else names
            where = where or place
        elif c.dep_ == "prep":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is None:
                continue
            ent = ents.get(pobj.i)
            if c.lower_ in PLACE_PREPS and ent is not None and ent.label_ in PLACE_LABELS and where is None:
                where = ent.text
                continue
            if c.lower_ in TARGET_PREPS:
                office = _office_holder(pobj, ents)
                targets += [office] if office else _names_in(pobj, ents)[0]
    out = [t for t in dict.fromkeys(targets) if t != actor and t not in actor][:3]
    return out, where


def _when(verb: Any, times: Sequence[tuple[int, str]]) -> str | None:
    """The time expression (offset in the sentence, words) among the verb's own words; '' if the sentence has
    some but none is the verb's; None if it has none."""
    if not times:
        return None
    if _framed_time(verb, times) is not None:
        return ""  # "For 2009, Ford says it made profits": the period is the profit's, not the saying's
    own = _own_time(verb, times)
    if own is None and verb.dep_ == "ccomp":
        own = _framed_time(verb.head, times)
    if own is None and _fronted_participle(verb):
        own = _own_time(verb.head, times)
    if own is None and verb.dep_ == "conj":
        first = _first_conjunct(verb)
        if _same_frame(verb, first):
            own = _own_time(first, [(at, words) for at, words in times if at + len(words) <= first.idx])
    if own is None:
        own = _clause_time(verb, times)
    return own or ""


def _fronted_participle(verb: Any) -> bool:
    """A participle clause told before its main verb with no subject or linking word of its own ("Describing the
    problem as one decades in the making, Obama explained the rationale"): the doer does it as he does the main
    act, at its time."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBG", "VBN") or verb.i > verb.head.i:
        return False
    subject = _own_subject(verb.head)
    if verb.head.pos_ not in ("VERB", "AUX") or subject is None or verb.i > subject.left_edge.i:
        return False  # "After the 787, already bearing ANA's livery, arrives": the subject's aside, not the clause's
    return not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in verb.children)


def _framed_time(frame: Any, times: Sequence[tuple[int, str]]) -> str | None:
    """The time words told before a present saying frame, which are its statement's ("For the final quarter of
    2009, Ford says it made profits of $868 million"): the parse hangs a fronted time on the saying verb, but a
    present saying is now, so a time set before it can only be when what it carries happened. A past saying
    ("On Monday, Ford said it made a profit") may be dated by it, and keeps it. None unless ``frame`` is a simple
    present verb of saying in the active voice, not negated, with a statement clause, and the time comes before
    its subject."""
    if frame.lemma_.lower() not in CUES or not _present_form(frame):
        return None
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in frame.children):
        return None
    subject = next((c for c in frame.children if c.dep_ == "nsubj"), None)
    if subject is None or not any(c.dep_ == "ccomp" for c in frame.children):
        return None
    found = next((t for t in times if t[0] + len(t[1]) <= subject.left_edge.idx and _hangs_on(frame, *t)), None)
    return found[1] if found is not None else None


def _hangs_on(verb: Any, at: int, words: str) -> bool:
    """Whether the parse hangs a time phrase on ``verb`` itself, directly or through its prepositions ("For the
    final quarter of 2009, Ford says"), not through a noun or another verb."""
    node = _phrase_head(verb.doc, at, words)
    while node is not None and node.dep_ in TIME_PATH and node.head.i != node.i:
        if node.head.i == verb.i:
            return True
        if node.head.pos_ in ("NOUN", "PROPN", "VERB", "AUX"):
            return False
        node = node.head
    return False


def _first_conjunct(tok: Any) -> Any:
    """The first of the words coordinated with ``tok`` ("to hold it or to use a case": "hold"); ``tok`` itself when
    it is no conjunct."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _clause_time(verb: Any, times: Sequence[tuple[int, str]]) -> str | None:
    """The time a clause is told at by what it hangs on: a relative clause of a time word ("from 2008, when
    the company posted a loss", "the day the deal was announced": the time named; not one with a relative
    pronoun, which stands for a thing the parse misplaced: "an agreement reached in 1991, which barred"), or a
    "when" clause whose head verb has a time of its own ("became public this weekend, when Der Spiegel cited":
    the same time)."""
    if verb.dep_ == "relcl":
        if any(c.tag_ in ("WDT", "WP") for c in verb.children):
            return None
        named = next(((at, words) for at, words in times if at <= verb.head.idx < at + len(words)), None)
        return _bare(verb.doc, *named) if named is not None else None
    if verb.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        return _own_time(verb.head, times)
    return None


def _bare(doc: Any, at: int, words: str) -> str:
    """A time phrase's words without the preposition before them ("from 2008" -> "2008"): the time itself, as a
    clause hanging on it is told at it, not in relation to it."""
    first = next((t for t in doc if at <= t.idx < at + len(words) and t.pos_ != "ADP"), None)
    return words[first.idx - at :] if first is not None else words


def noun_time(noun: Any, times: Sequence[tuple[int, str]]) -> str | None:
    """An event noun's time words: those ``_when`` finds, or a time among its own modifiers, which that path does
    not climb through ("the 1991 agreement", "the 12:00 UTC announcement")."""
    own = _when(noun, times)
    own = own or _modifier_time(noun, times) or own
    return own or _restated_time(noun, times) or _outcome_time(noun, times) or _delayed_time(noun, times) or own


RELATION_VERBS = word_set("cause trigger prompt spark mark come")
"""Verbs of consequence or relation whose subject, when it is an act, is what happens: "Monday's email announcement
marked the third time", "The statement caused a sharp decrease" happen when the announcement and the statement do."""


def _modifier_time(noun: Any, times: Sequence[tuple[int, str]]) -> str | None:
    """A time among a noun's own modifiers ("the 1991 agreement", "Monday's email announcement"), None if none."""
    modifiers = [c.idx for c in noun.children if c.dep_ in ("nummod", "poss", "compound")]
    return next((words for at, words in times if any(at <= i < at + len(words) for i in modifiers)), None)


def _act_subject_time(verb: Any, times: Sequence[tuple[int, str]]) -> str | None:
    """The time of the act a verb of consequence or relation has as its subject ("Monday's email announcement
    marked the third time": Monday), for a verb with no time words of its own: the verb tells what the act did or
    was, not a happening of its own at another time."""
    if verb.lemma_.lower() not in RELATION_VERBS:
        return None
    from .event_nouns import act_noun  # event_nouns builds on this module's words

    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not act_noun(subject):
        return None
    return _modifier_time(subject, times)


COUNTED_UNITS = {"year": "Y", "decade": "Y", "month": "M", "week": "W", "day": "D"}
"""Units an act may be counted from another in ("five years after its launch"), with their ISO letters; a decade
is ten years. Hours are not: a few hours may or may not cross into another day."""
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
"""Counted amounts written as words; "several", "a few", bare "days" count nothing."""


@dataclass(frozen=True)
class Counted:
    """An act's time counted from another act's: the other act's time words, and how this act is counted from them."""

    when: str
    count: CountedFrom


def counted_from(tok: Any, times: Sequence[tuple[int, str]]) -> Counted | None:
    """The time of an act told as the point a dated act is counted from ("Five years after its launch, … in
    February passed": the launch is five years before February; "available on June 17, two days before the phone
    launches": two days after June 17): the words "N units after/before" relate the two acts, so the one with
    time words dates the other. Only a counted amount ("five years", "a day"), not "days after" or "several weeks
    before"; the dated act is the one the "after"/"before" phrase or clause hangs on."""
    found = _counting(tok)
    if found is None:
        return None
    amount = _count(found.duration)
    unit = COUNTED_UNITS.get(found.duration.lemma_.lower())
    own = _own_time(found.anchor, times) if amount is not None and unit is not None else None
    if own is None or amount is None or unit is None:
        return None
    amount *= 10 if found.duration.lemma_.lower() == "decade" else 1
    sign = "-" if found.signal.lower_ == "after" else ""  # the anchor is after this act: this act is before it
    words = found.duration.doc[found.duration.left_edge.i : found.signal.i + 1].text  # "Five years after"
    return Counted(own, CountedFrom(f"{sign}P{amount}{unit}", words))


@dataclass(frozen=True)
class _Counting:
    """The words that count one act from another: the signal ("after"/"before"), the counted duration ("Five
    years") and the act the phrase hangs on, whose time words date the counted act."""

    signal: Any
    duration: Any
    anchor: Any


def _counting(tok: Any) -> _Counting | None:
    """How an act is counted from another, when it is the object of the signal ("after its launch") or a clause
    it opens ("three days after the Council condemned"); None when it is not."""
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in BOUNDARY_PREPS:
        signal = tok.head
        duration = next((c for c in signal.children if c.dep_ == "npadvmod"), None)
        if duration is not None:
            return _Counting(signal, duration, signal.head)
        if signal.head.dep_ == "npadvmod":  # "A day before the announcement, GM said": the parse hangs it on "day"
            return _Counting(signal, signal.head, signal.head.head)
        return None
    signal = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in BOUNDARY_PREPS), None)
    duration = next((c for c in tok.children if c.dep_ == "npadvmod"), None)
    if tok.dep_ == "advcl" and signal is not None and duration is not None:
        return _Counting(signal, duration, tok.head)
    return None


def _count(duration: Any) -> int | None:
    """How many units a duration counts ("Five years" 5, "a day" 1); None for "several days" or "days"."""
    if duration.tag_ != "NN" and duration.tag_ != "NNS":
        return None
    for c in duration.children:
        if c.dep_ in ("nummod", "det") and c.lower_ in COUNTS:
            return COUNTS[c.lower_]
        if c.dep_ == "nummod" and c.text.isdigit():
            return int(c.text)
    return None


DELAY_VERBS = word_set("delay postpone defer")
"""Verbs that move their object's act in time; "push back" and "put off" with their particle (``_delayed_time``)."""
NEW_TIME_PREPS = word_set("until till to into")
"""Prepositions of the time an act is moved to ("delayed until October 2007"), not the day it was moved."""


def _delayed_time(noun: Any, times: Sequence[tuple[int, str]]) -> str | None:
    """The time of a verb of delay whose subject or object the act noun is ("A test flight … was delayed today"):
    the act was due then and the delay befell it then, so the verb's time is the noun's. Not a time the act is
    moved to ("will be delayed until October 2007": the act is not yet, and may move again)."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or not _delays(verb):
        return None
    own = _own_time_at(verb, times)
    if own is None:
        return None
    first = next((t for t in verb.doc if own[0] <= t.idx < own[0] + len(own[1])), None)
    moved = first is not None and NEW_TIME_PREPS & {first.lower_, first.head.lower_}
    return None if moved else own[1]


def _delays(verb: Any) -> bool:
    """A verb of delay: delay, postpone, defer, or "push back", "put off" with their particle."""
    lemma = verb.lemma_.lower()
    particle = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return lemma in DELAY_VERBS or (lemma == "push" and "back" in particle) or (lemma == "put" and "off" in particle)


def _outcome_time(noun: Any, times: Sequence[tuple[int, str]]) -> str | None:
    """The time of a verb of consequence whose outcome the act noun is ("resulting in the partial closure of ten
    of its plants during the fourth quarter", "leading to the loss of 300 jobs next year"): what results is the
    closure, one happening told twice, so the time the parse hangs on the verb is the noun's."""
    prep = noun.head
    if noun.dep_ != "pobj" or (prep.head.lemma_.lower(), prep.lower_) not in CONSEQUENCE_VERBS:
        return None
    return _own_time(prep.head, times)


def _restated_time(noun: Any, times: Sequence[tuple[int, str]]) -> str | None:
    """The time of the noun an act noun restates in apposition ("two major disasters this year - the losses of
    Adam Air Flight 574 and Garuda Flight 200"): both name the same happening, so its time is theirs."""
    return _own_time(noun.head, times) if noun.dep_ == "appos" and noun.head.pos_ == "NOUN" else None


def _same_frame(verb: Any, first: Any) -> bool:
    """Whether a time before the first of coordinated verbs dates ``verb`` too ("today visited two factories
    and attended a demonstration", "On Monday, Apple cut prices and launched a phone"): same tense, and no word
    of its own that moves it in time ("In 2009, Fiat bought a stake and has since increased it")."""
    shifted = any(c.dep_ in ("advmod", "aux") and c.lower_ in TIME_SHIFTS for c in verb.children)
    return verb.tag_ == first.tag_ and not shifted


def _own_time(verb: Any, times: Sequence[tuple[int, str]]) -> str | None:
    """The first time expression that dates ``verb`` (``_dates``), None if none does."""
    found = _own_time_at(verb, times)
    return found[1] if found is not None else None


def _own_time_at(verb: Any, times: Sequence[tuple[int, str]]) -> tuple[int, str] | None:
    """``_own_time`` with its offset in the sentence."""
    for at, words in times:
        head = _phrase_head(verb.doc, at, words)
        if head is not None and _dates(head, verb):
            return at, words
    return None


def _phrase_head(doc: Any, at: int, words: str) -> Any | None:
    """The token of a time phrase (``words`` at offset ``at`` in the sentence) that hangs outside it, or is the
    parse's root: where the parse attaches the phrase; None when no token lies in it."""
    inside = [t for t in doc if at <= t.idx < at + len(words)]
    return next((t for t in inside if not at <= t.head.idx < at + len(words) or t.head.i == t.i), None)


def _dates(head: Any, verb: Any) -> bool:
    """Whether a time expression (its head token) says when ``verb`` happened: it hangs from the verb directly
    ("on Monday", "last week") or through prepositions ("by the end of this year"), a verb the event swallowed
    ("plans to visit on Wednesday"), or the occasion the verb happens at ("during a speech last week"). One
    hanging from another noun dates that thing ("a June 3 hearing has been scheduled", "cut jobs after a loss
    last year"), as one in a clause of its own dates that clause ("Jobs, born on February 24, 1955, has
    built"; "barred him from working until April 2009"), one by a quantity compared with dates that quantity
    ("rose to 17%, up from 14% a year ago"), one after "for" is the period of what was counted ("posted a
    profit for the last year") unless the act is a plan set for it, and one after "since" a record's span
    ("its first annual loss since 1992"). One the parse hangs on the verb's subject dates the verb
    (``_sets_time``: "the service in February passed Wal-Mart")."""
    node, subject = head, _own_subject(verb)
    while node.i != verb.i:
        parent = node.head
        if parent.i == node.i or node.dep_ not in TIME_PATH:
            return False
        if subject is not None and parent.i == subject.i:
            return _sets_time(node, subject)
        if _made_public_on(node, parent, verb):
            return True
        if parent.i != verb.i and parent.pos_ in ("NOUN", "PROPN") and not _occasion(parent):
            return False
        if parent.i != verb.i and (_gerund_clause(parent) or _compared(parent)):
            return False
        if _period_of(parent, verb) or (parent.i == verb.i and _record_since(node, verb)):
            return False
        if parent.i == verb.i and _result_period(node, verb):
            return False
        if parent.i == verb.i and node.dep_ == "prep" and node.lower_ in BOUNDARY_PREPS:
            return False
        node = parent
    return True


_DAY_WORDS = frozenset({*WEEKDAYS, "today", "yesterday"})


def _made_public_on(arc: Any, noun: Any, verb: Any) -> bool:
    """Whether a day the parse hangs at the end of an act of saying's object dates the saying: "Smith announced
    the company's move on Wednesday" (the parse: "move on Wednesday"); what is made public that day is the news,
    so the day is the announcing's. Only a bare day ("on Wednesday", "on June 18", "today") ending the object of
    an ``ACT_CUES`` verb, not a longer time ("the 2008 results") nor one inside the object ("the move on Wednesday
    to cut jobs")."""
    if verb.lemma_.casefold() not in ACT_CUES or noun.dep_ != "dobj" or noun.head.i != verb.i:
        return False
    if noun.right_edge.i != arc.right_edge.i:
        return False
    if not (arc.dep_ == "npadvmod" or (arc.dep_ == "prep" and arc.lower_ == "on")):
        return False
    day = next((t for t in arc.subtree if t.dep_ in ("pobj", "npadvmod")), arc)
    word = day.lower_
    return word in _DAY_WORDS or (word in MONTHS and any(c.dep_ == "nummod" for c in day.children))


def _own_subject(verb: Any) -> Any | None:
    """The verb's grammatical subject, or that of the first of coordinated verbs it shares it with ("The take-off,
    at 08:30 UTC, was normal and took place on time")."""
    tok = verb
    while True:
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or tok.dep_ != "conj" or tok.head.i == tok.i:
            return subject
        tok = tok.head


def _sets_time(arc: Any, subject: Any) -> bool:
    """Whether a time hanging from the verb's subject by ``arc`` says when the verb happened: the parse often
    hangs the clause's time from its subject ("iTunes' music service in February passed Wal-Mart", "The
    take-off, at 08:30 UTC, took place"); only a time phrase of its own (a bare time or one after "in", "at",
    "on"...), not one inside a longer modifier ("sales of cars built in 2008"), nor one after a clause of the
    subject's, whose time it is ("Singapore Airlines, which will be the first to operate it, in July 2006, have
    opened")."""
    if any(c.dep_ in CLAUSES and c.i < arc.i for c in subject.children):
        return False
    return bool(arc.dep_ == "npadvmod" or (arc.dep_ == "prep" and arc.lower_ in OCCASION_PREPS))


def _gerund_clause(token: Any) -> bool:
    """A verb after a preposition ("barred him from working until April 2009", "before declining later in the
    day"): an event of its own, whose time words are its own."""
    return bool(token.dep_ == "pcomp" and token.pos_ == "VERB")


def _compared(prep: Any) -> bool:
    """A preposition naming a quantity compared with ("up from 14% a year ago", "with $2 a year earlier"), or
    "compared" ("grew 28% compared to the previous year"): a time hanging from it dates what the verb's figure
    is compared with, not the verb."""
    if prep.lemma_.lower() == "compare":
        return True
    return bool(
        prep.dep_ == "prep"
        and prep.lower_ in ("from", "with")
        and any(c.dep_ == "pobj" and any(g.pos_ == "NUM" or g.tag_ == "$" for g in c.subtree) for c in prep.children)
    )


def _period_of(prep: Any, verb: Any) -> bool:
    """Whether ``prep`` is "for" with a time that is the period of what is counted ("posted a profit for the last
    year", "the amount calculated for last year"), not when the act happened; for a plan it is the slot the act
    is set for ("will be rescheduled for November 17"); for an act noun it is the noun's own time ("a total loss of
    $8.6 billion for the entire year": the year's loss)."""
    if verb.pos_ in ("NOUN", "PROPN"):
        return False
    return bool(prep.dep_ == "prep" and prep.lower_ == "for" and event_status(verb) != "planned")


def _record_since(prep: Any, verb: Any) -> bool:
    """A "since" that measures a record its verb's object or subject sets ("posted its first annual loss since
    1992", "its biggest drop since 2008"): the span the record holds over, not when the verb happened."""
    if prep.dep_ != "prep" or prep.lower_ != "since":
        return False
    parties = (c for c in verb.children if c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"))
    return any(m.tag_ == "JJS" or m.lower_ in RANKS for p in parties for m in p.children if m.dep_ == "amod")


def _result_period(prep: Any, verb: Any) -> bool:
    """Whether ``prep`` opens the period of the figure ``verb`` makes known ("posted a net profit of US$997
    million in the third quarter", "has reached 78 percent increase in its profits during the last quarter"):
    the quarter is the profit's; Ford posted it when it reported, weeks later. Only a calendar period (a
    quarter, year or month) after a figure (an object with an amount); not a day or a relative time ("reported
    profits earlier this year", "reported sales today": the reporting's)."""
    if prep.dep_ != "prep" or prep.lower_ not in PERIOD_PREPS or verb.lemma_.lower() not in RESULT_VERBS:
        return False
    figures = [c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i and _amount(c)]
    period = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return bool(figures) and period is not None and _period(period)


def _amount(noun: Any) -> bool:
    """Whether a noun phrase holds an amount ("a profit of $997 million", "78 percent increase")."""
    return any(t.pos_ == "NUM" or t.tag_ == "$" or t.lower_ in ("%", "percent") for t in noun.subtree)


def _period(noun: Any) -> bool:
    """A calendar period or date: "the third quarter", "2012", "March", "the last year"."""
    return bool(noun.lemma_.lower() in PERIODS or noun.ent_type_ == "DATE")


def _occasion(noun: Any) -> bool:
    """A noun naming when the verb happens: the object of "during", "at", "in", "on", "by"... ("entered them
    during a speech last week", "in a Wednesday media event")."""
    return bool(noun.dep_ == "pobj" and noun.head.lower_ in OCCASION_PREPS)


def _times(text: str) -> list[tuple[int, str]]:
    """The sentence's time words (offset, words): the time tagger's expressions, so events and ``times`` agree."""
    return time_phrases(text)


def _verb_events(
    number: int,
    start: int,
    parsed: Any,
    ents: Ents,
    quotes: Sequence[tuple[int, int]],
    times: Sequence[tuple[int, str]],
    claimed: Collection[int],
    statements: Sequence[tuple[int, int, str]] = (),
    told_acts: bool = True,
    sides: Mapping[str, str] | None = None,
) -> list[EventCandidate]:
    """``told_acts``: whether a saying verb with a thing as object is an act (``_told_act``); not in a headline,
    whose words only retell the body's events (``headlines``). ``sides``: the party each speaker speaks for
    (``sides.speaker_sides``), whose act a "we" in the speaker's quotation tells."""
    found: list[EventCandidate] = []
    swallowed: set[int] = set()
    for verb in parsed:
        if verb.pos_ != "VERB" or verb.i in swallowed or _prefix(verb) or len(verb.text) < 2:
            continue  # a hyphenated word's first part, or a letter the tokenizer split off ("It ’ s": no verb)
        lemma = verb.lemma_.lower()
        if _state(verb) or _says(verb, start, claimed, told_acts):
            continue
        speaker = _speaker(start + verb.idx, quotes, statements)
        if speaker is None:
            continue  # a quotation no claim carries: whose words they are is not known
        inner = [c for c in verb.rights if c.dep_ == "xcomp" and c.pos_ == "VERB" and _controller(c) is None]
        if lemma in ACT_FRAMES and any(c.lemma_.lower() in CUES for c in inner):
            continue  # "refused to comment", "declined to say": nothing done, nothing said
        if _swallows(verb):
            swallowed.update(c.i for c in inner)  # "began supplying weapons": one event, not two
        main = inner[0] if inner and lemma in MODAL_FRAMES else verb  # "plans to visit": the visit
        subject = _subject(verb)
        if speaker and subject is not None and _speaker(start + subject.idx, quotes, statements) != speaker:
            subject = None  # "saying, “Stop me …”": the quotation's verb is not done by who says it
        passive = _patient(verb) or _participle_of(verb)
        if passive is not None and passive.lower_ in RELATIVE and _done_to(verb):
            passive = verb.head  # "a deal that will be finalized by June 10": the deal, by nobody named
        complement = _passive(verb) or any(c.dep_ in ("dobj", "prep", "prt", "xcomp", "oprd") for c in verb.children)
        unnamed = _unnamed_purpose(verb) or (_passive_clause(verb) and complement) or _aim(verb)  # not "as … hoped"
        unnamed = unnamed or (_undergone(verb) and passive is not None)  # "was hauled": by nobody named there
        if subject is None and (passive is None or passive.pos_ == "PRON") and not unnamed:
            continue  # nobody does it, or "which is dedicated": nothing to tell; a step's or a day's purpose is
            # an act the article tells with its doer unnamed there, as a passive does ("a step to protect …"), and
            # so is a passive whose subject the parse hung elsewhere ("development …, begun …, has been pushed")
        side = (sides or {}).get(speaker) if speaker and subject is not None and subject.lower_ in WE else None
        if subject is not None and side is None and (_nobody(subject, speaker) or _norm(subject, verb)):
            continue
        if subject is not None and _resumes(subject):
            continue
        if _lost_subject(verb):
            subject = None  # kept or dropped as with the doer the walk found, but told without it
        sense = _sense(verb)
        action = _action(main, passive if subject is None else None, ents)
        auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
        # "to ensure", "leading": an infinitive or gerund with nothing after it says nothing; one with a subject
        # of its own says who does it ("hope for the industry to stabilise")
        alone = [verb.text, *(p.text for p in _particles(verb))]  # "Moving on": the verb and its particle alone
        bare = action.split()[-len(alone) :] == alone and not any(c.dep_ == "nsubj" for c in verb.children)
        infinitive = verb.tag_ in ("VB", "VBG") and set(auxes) <= {"to"}
        if (infinitive and bare and not _refused_saying(verb)) or _says_nothing(main, action):
            continue
        trigger = _joint_trigger(start, verb, inner)
        if trigger is None and main is not verb:  # "plans to take leave": the act's own words
            trigger = _joint_trigger(start, main, ())
        trigger = trigger or _trigger(start, main)
        status = event_status(main)
        if status == "negated" and main.lemma_.lower() in CUES and not _withheld(main):
            continue  # "refused to comment", "did not offer details": nothing said is neither claim nor act
        actors = _actors(subject) if subject is not None else [None]
        together = sense.split("|")[0] in RECIPROCAL or (subject is not None and subject.head.lower_ == "between")
        if together and len(actors) > 1:  # "Russia and North Korea discussed": one event
            actors = actors[:1]
        narrated = main is verb and status == "happened" and _narrated(verb, start + verb.idx, speaker, statements)
        when = _when(verb, times)
        when = (_act_subject_time(verb, times) if not when else None) or when
        counted = counted_from(verb, times) if not when else None
        when = counted.when if counted is not None else when
        kind = _kind(verb, main, subject, status, undated=not when)
        for actor_tok in actors:
            actor = _doer_words(actor_tok, ents) if actor_tok is not None else ""
            if actor_tok is not None and _uncounted(actor_tok, actor):
                actor_tok, actor = None, ""  # "others could purchase a plan": "could purchase a plan", by nobody named
            pronoun = actor if actor_tok is not None and _pronoun(actor_tok) else None
            if actor_tok is not None and _the_two(actor_tok):
                pronoun = THE_TWO  # "The two met": the two named last, as "both" (``article_events.pair``)
            if speaker and actor_tok is not None and actor_tok.lower_ in FIRST_PERSON:
                actor, pronoun = speaker, None  # "I conclude", says the judge: the judge concludes
            elif side and actor_tok is subject:
                actor, pronoun = side, None  # "we would prefer", says the White House's secretary: its act
            sought = _sought_from(actor_tok) if actor_tok is not None and pronoun is not None else None
            pronoun_start = start + sought.idx if sought is not None else None
            targets, where = _targets_and_place(verb, ents, actor)
            if actor_tok is not None and actor_tok.conjuncts and together:
                partners = [_phrase(c, ents) for c in actor_tok.conjuncts if c.i > actor_tok.i]
                targets = list(dict.fromkeys(partners + targets))
            found.append(
                EventCandidate(
                    number,
                    start + verb.idx,
                    actor,
                    action,
                    tuple(targets[:3]),
                    where,
                    sense,
                    when,
                    pronoun,
                    status,
                    trigger,
                    pronoun_start=pronoun_start,
                    present=narrated,
                    kind=kind,
                    dated_present=main is verb and _dated_present(verb, when, times),
                    counted=counted.count if counted is not None else None,
                )
            )
    return found


def groups_told(parsed: Any, start: int) -> list[tuple[int, str]]:
    """Where a sentence names a group by a plural common noun that does something, with the words that name it:
    a plural subject ("radical Islamists bombed the World Trade Center", "most people with kids wish"), or the
    object a verb tells to act ("told his advisers to figure out", "require creditors to recognise"). "They" may
    stand for such a group as well as for a name, and for the nearer of the two: "Ohio purged the rolls. Inactive
    voters must prove that they still live there" is the voters', not Ohio's. Not a group inside a name ("Voting
    Rights Advocates" is a name), nor one a relative clause tells of ("the few auto firms that reported"): those
    only describe."""
    ents: Ents = {t.i: e for e in parsed.ents for t in e}
    found = []
    for tok in parsed:
        if _group(tok, ents) and _group_acts(tok) and tok.head.dep_ != "relcl":
            found.append((start + tok.idx, _phrase(tok, ents)))
    return found


def _group(tok: Any, ents: Ents) -> bool:
    """A plural noun that is no name ("voters"; "Islamists", a group of a faith or nation, is one too), or "the
    two" of people told before."""
    if tok.tag_ == "CD":
        return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and tok.i not in ents
    return tok.tag_ in ("NNS", "NNPS") and (tok.i not in ents or ents[tok.i].label_ == "NORP")


def _group_acts(tok: Any) -> bool:
    """A subject (of "there are", too: "Are there generous grandparents …? This would be a good time for them to
    step in"), an object its verb tells to act ("told his advisers to figure out"), or an object where its
    clause's subject is none a "they" could stand for ("Romney released his returns, even though they exposed
    his accounts": the returns; "Husted took inactive voters off the rolls if they did not confirm": the
    voters). Not the object of a plural or a company ("Apple have released several re-designs … they have
    announced": Apple), the subject being the more salient of the two."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    if tok.dep_ == "attr":
        return any(c.dep_ == "expl" for c in tok.head.children)
    if tok.dep_ != "dobj":
        return False
    told = any(c.dep_ == "xcomp" and c.i > tok.i for c in tok.head.children)
    return told or not any(c.dep_ == "nsubj" and several(c) for c in tok.head.children)


def several(subject: Any) -> bool:
    """A subject "they" may stand for: a plural, a pair, "they", or a name no person holds ("Apple have")."""
    if subject.conjuncts or subject.tag_ in ("NNS", "NNPS") or subject.lower_ in PLURAL_PRONOUNS:
        return True
    return bool(subject.tag_ == "NNP" and subject.ent_type_ != "PERSON")


def _the_two(tok: Any) -> bool:
    """ "The two" alone as a subject ("The two met in Geneva"): it names no one itself, but points back to the two
    parties the article has just told, as "both" does; not "the two companies", "the two of them"."""
    return bool(
        tok.lower_ == "two" and tok.dep_ in ("nsubj", "nsubjpass") and [c.lower_ for c in tok.children] == ["the"]
    )


def _pronoun(tok: Any) -> bool:
    """A pronoun that stands for a name before it; not a bare quantifier, which names a part of a group the
    article counts ("Many buyers experienced issues … Some had difficulty": some of the buyers, not Apple); but
    "both" alone stands for the two parties named last (``article_events.pair``)."""
    return bool(
        tok.pos_ == "PRON" and (tok.lower_ not in PARTITIVES or (tok.lower_ in PAIRS and not any(tok.children)))
    )


def _narrated(verb: Any, at: int, speaker: str, statements: Sequence[tuple[int, int, str]]) -> bool:
    """A verb in the present ("sells", "are selected", "is stepping down"), a present ability ("can fly",
    ``_ability``), or a public statement in the present perfect (``_hot_news``), told in the article's own voice:
    the tense places the act at the time of writing. Not
    in a claim: a speaker's present is the time of the saying, which the article may not give (MEANTIME dev,
    evals/EVENT-TIME.md: the gold anchors the narrator's simple present to the publication day 15 times to 7, a
    claim's 4 to 9; no other tense or voice reaches 2:1)."""
    if verb.lemma_.lower() in STATES:  # "Qatar has a previous order": the having is now, the ordering was before
        return False
    if not _own_voice(at, speaker, statements):
        said_now = _said_now(verb, at - verb.idx, statements)
        if (_present(verb) and (_at_writing(verb) or said_now)) or (said_now and _claimed_infinitive(verb)):
            return True
        source = _as_source(verb)
        # "is claimed to be … as stated on the Apple website": the "as" clause names the claim's source
        return source is not None and _own_voice(at - verb.idx + source.idx, speaker, statements)
    if _present(verb) and _generic(verb):
        return False
    return _present(verb) or _ability(verb) or _hot_news(verb) or _runs_to_now(verb)


def _generic(verb: Any) -> bool:
    """A present that tells how things are done, not what holds at the time of writing (evals/EVENT-TIME.md,
    "Session 19 (h/ongoing19)"): a habit by an adverb of how often (``_habitual``: "airframers normally supply
    technical assistance"); a step in a sequence ("the government, which then distributes them", "The ad then
    references FBI criticism": a process or a told video, each step after the one before, not now); a habit or rule
    with a "when", "whenever" or "if" clause in the present (``_habit_clause``: "pauses music automatically when
    users take a call"). A bare plural subject ("airliners are selected") and a noun's relative clause in the
    present ("which serves Bangkok") are no mark: the gold and reading date most of those at the time of writing."""
    if _habitual(verb) or _habit_clause(verb):
        return True
    return any(c.dep_ == "advmod" and c.lower_ == "then" for c in verb.children)


HABIT_MARKS = word_set("when whenever if")
"""Words that open a clause of the occasions on which a present holds ("when users take a call")."""


def _habit_clause(verb: Any) -> bool:
    """A present with a present "when"/"whenever"/"if" clause, or such a clause of a present ("When the law only
    applies to a certain segment …, we replace our democracy"): what happens whenever the clause does. Not the
    topic phrase "when it comes to" ("is casting himself as a champion … when it comes to rewriting the tax
    code"), which names no occasion."""
    return (_occasion_clause(verb) and _present(verb.head)) or any(_occasion_clause(c) for c in verb.children)


def _occasion_clause(verb: Any) -> bool:
    """An adverbial clause in the present opened by ``HABIT_MARKS``, other than "when it comes to"."""
    if verb.dep_ != "advcl" or not _present(verb):
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in HABIT_MARKS for c in verb.children):
        return False
    return not (verb.lemma_.lower() == "come" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children))


def _runs_to_now(verb: Any) -> bool:
    """A state or activity the grammar tells as running up to the time of writing, so it holds then too (the
    gold ends such states at the publication day): the present perfect progressive ("it has in recent years been
    struggling with poor profitability", ``_perfect_progressive``); a participle coordinated with a simple present
    ("contains Intel Core Duo processors …, and starting at a price of $1,099", ``_shares_present``); a reduced
    "as" clause of a present ("is claimed to be … as stated on the Apple website", ``_as_present``); what an
    existential present perfect presents ("there have been controversies aroused", ``_still_there``). Unlike the
    perfect of an act ("has won": finished before, measured and lost), each says the state is still there."""
    return _perfect_progressive(verb) or _shares_present(verb) or _as_present(verb) or _still_there(verb)


def _perfect_progressive(verb: Any) -> bool:
    """ "has been struggling": "has"/"have" in the present, "been", and the -ing form: an activity begun before and
    still going on."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    if verb.tag_ != "VBG" or len(auxes) != 2 or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    have, been = auxes
    return have.lemma_ == "have" and have.tag_ in ("VBZ", "VBP") and been.lower_ == "been"


def _shares_present(verb: Any) -> bool:
    """An -ing participle with no auxiliary or subject of its own coordinated with a simple present ("contains
    … processors, and starting at a price of $1,099"): the coordination leaves out the tense, which is the first
    verb's."""
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children):
        return False
    head = verb.head
    return (
        head.pos_ in ("VERB", "AUX")
        and _present_form(head)
        and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
    )


def _as_present(verb: Any) -> bool:
    """Whether ``_as_source`` finds the present clause a reduced "as" clause hangs on."""
    return _as_source(verb) is not None


def _as_source(verb: Any) -> Any | None:
    """A reduced "as" clause, "as" and a bare past participle ("as stated on the Apple website", "as shown"), has
    no tense of its own: it points at a source in the tense of the clause it hangs on, through the infinitives
    that clause takes ("The iPhone is claimed to be … as stated"): a present's source stands now."""
    if (
        verb.dep_ != "advcl"
        or verb.tag_ != "VBN"
        or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
    ):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    head = verb.head
    while head.dep_ == "xcomp" and head.head is not head:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and _present(head) else None


def _still_there(verb: Any) -> bool:
    """A participle on the noun that an existential present perfect presents ("there have been controversies
    aroused"): the perfect of "there be" says the thing is there up to now, so what it is, is so now."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    noun = verb.head
    be = noun.head
    if noun.dep_ != "attr" or be.lemma_ != "be" or not any(c.dep_ == "expl" for c in be.children):
        return False
    auxes = [c for c in be.children if c.dep_ == "aux"]
    return len(auxes) == 1 and auxes[0].lemma_ == "have" and auxes[0].tag_ in ("VBZ", "VBP")


SAID_THROUGH = frozenset({"ccomp", "xcomp", "conj"})
"""The links from a statement's verb up to the verb that says it ("claims that it sells", "claims to possess …,
and that it sells")."""


def _said_now(verb: Any, start: int, statements: Sequence[tuple[int, int, str]]) -> bool:
    """Whether the verb that says this statement is itself a simple present in the article's own voice ("The
    company claims to possess the trademark …, and that it sells devices"; ``start``: the sentence's offset): the
    saying is now, so a present it carries holds at the time of writing. A past saying ("said that it sells") is a
    time the article may not give (evals/EVENT-TIME.md, Session 11)."""
    tok = verb
    while tok.dep_ in SAID_THROUGH and tok.head is not tok:
        tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in CUES:
            told = _present_form(tok) and not any(c.dep_ in ("aux", "auxpass", "neg") for c in tok.children)
            return told and _own_voice(start + tok.idx, "", statements)
    return False


def _claimed_infinitive(verb: Any) -> bool:
    """A present infinitive that a saying verb itself takes ("claims to possess the trademark"): the claimed
    state, told in the present; not a perfect infinitive ("claims to have sold"), which is before the saying, nor
    one another verb takes ("says she wants to win": the winning is to come)."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    said = verb.head.lemma_.lower() in CUES
    return said and verb.tag_ == "VB" and verb.dep_ == "xcomp" and auxes == ["to"]


AT_WRITING = word_set("currently now still presently")
"""Adverbs that put a present at the moment it is told ("that the US government currently owns")."""


def _at_writing(verb: Any) -> bool:
    """A present that says it holds now ("the six percent of Chrysler that the US government currently owns", "it
    still sells"; "at present"): a claim's present is the time of its saying, which the article may not give, but
    "currently", "now", "still" say the state runs on to the time of writing, which the reader is told of."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in AT_WRITING:
            return True
        if child.dep_ == "prep" and child.lower_ == "at" and any(g.lower_ == "present" for g in child.children):
            return True
    return False


def _ability(verb: Any) -> bool:
    """A present ability or possibility ("The 777-200LR can fly for 9,420 nautical miles", "75 hours of video can
    be stored"): "can" is the present of an ability, which holds at the time of writing as the simple present
    does. Not "could" (a past or a condition) nor another modal."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    modal = [a for a in auxes if a.tag_ == "MD"]
    rest = [a for a in auxes if a.tag_ != "MD"]
    if len(modal) != 1 or modal[0].lower_ != "can" or verb.tag_ != ("VBN" if rest else "VB"):
        return False
    return all(a.lemma_ == "be" and a.tag_ == "VB" for a in rest) and len(rest) <= 1


def _present(verb: Any) -> bool:
    """A verb in the simple present, or a present passive or progressive ("are selected", "is stepping down")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBG"):  # "are selected and purchased"
        auxes = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    if auxes:  # only "be" in the present before a participle: a passive or a progressive
        present = len(auxes) == 1 and auxes[0].tag_ in ("VBZ", "VBP") and auxes[0].lemma_ == "be"
        return bool(present and verb.tag_ in ("VBN", "VBG"))
    return _present_form(verb)


def _dated_present(verb: Any, when: str | None, times: Sequence[tuple[int, str]]) -> bool:
    """A verb in the present (``_present``: "goes live on July 1", "are participating in … Election Day", "is
    scheduled in early March") whose time words hang on it, not on a verb it takes ("insisted that the UAW agree
    to increase wage cuts by next year", "I dread looking at Wall Street tomorrow": the increase and the looking
    are dated, not the agreeing or the dread) nor on a clause it stands in; not a forecast (``FORESEEING``: "he's
    projecting big profits next year": what is foreseen is dated, the foreseeing is now)."""
    at = next((a for a, words in times if words == when), None) if when else None
    if at is None or not when or not _present(verb) or verb.lemma_.lower() in FORESEEING:
        return False
    inside = [t for t in verb.doc if at <= t.idx < at + len(when)]
    node = next((t for t in inside if not at <= t.head.idx < at + len(when) or t.head.i == t.i), None)
    while node is not None and node.i != verb.i:
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):  # the root, or another verb's word
            return False
        node = node.head
    return node is not None


def _present_form(verb: Any) -> bool:
    """A verb's form is a present ("sells", "serve"), not an irregular past the parse may tag as one ("rewrote")."""
    return bool(verb.tag_ == "VBZ" or (verb.tag_ == "VBP" and verb.lower_ not in _irregular_forms()))


def _own_voice(at: int, speaker: str, statements: Sequence[tuple[int, int, str]]) -> bool:
    """Whether the word at ``at`` is the article's own: in no quotation and no claim's statement."""
    return not speaker and not any(a <= at < b for a, b, _ in statements)


def _kind(verb: Any, main: Any, subject: Any | None, status: EventStatus, undated: bool) -> EventKind:
    """ "state" for a description that MEANTIME marks as an event, so it stays one, shown apart from the acts
    (evals/MEANTIME-RECALL.md, "Reader audit, Session 14": dropping them costs recall): a verb of having
    (``HAVING``: "The Macbook Pro features a 13.3 widescreen display", "Martin Mann owns an iPod"), or a thing
    doing something in the simple present, told as happening, with no time words of its own (``undated``;
    ``_thing_does``: "Suvarnabhumi Airport serves Bangkok", "the update adds over 250 new features, according to
    Apple"). A party's present ("Apple sells iPods") may be a habit or a present told as news: an act; so is
    people's ("Industry analysts predict …", ``_people``) and a dated present ("the service goes live on July
    1"). In any tense, what holds without an occasion (evals/MEANTIME-RECALL.md, "Reader audit, Session 15, round
    2"): a statistic (``_statistic``), a holding (``_holding``), a condition (``_condition``), a label
    (``_labelled``), a standing rule and what it requires (``_standing``); the writer's judgement of what a thing
    stands for (``_evaluation``), a verdict (``_verdict``), a habit (``_habitual``) (evals/MEANTIME-RECALL.md,
    "Reader audit, Session 16 (h/state22)")."""
    if verb.lemma_.lower() in HAVING or _statistic(verb, subject) or _holding(verb) or _condition(verb):
        return "state"
    if _dwelling(verb) or _related(verb):
        return "state"
    if _labelled(verb) or (main is verb and _standing(verb, subject, undated)):
        return "state"
    if verb.dep_ == "xcomp" and _standing(verb.head, _subject(verb.head), undated):
        return "state"  # "Section 7 required federal agencies to consult": the consulting is the rule's demand
    if _evaluation(verb, subject) or _verdict(verb) or _habitual(verb):
        return "state"
    if _description(verb, main, status, undated):
        return "state"
    if main is not verb or status != "happened" or not undated or subject is None:
        return "act"
    return "state" if _thing_does(verb, subject) else "act"


def _description(verb: Any, main: Any, status: EventStatus, undated: bool) -> bool:
    """A description by its grammar (evals/MEANTIME-RECALL.md, "Session 18 (h/kind18)"): a condition reached or
    kept (``_condition_reached``), a measure or relation (``_measure``), a stance or a worth (``_stative``), what a
    noun's relative clause tells it does as a rule (``_relative_habit``)."""
    if _condition_reached(verb) or _measure(verb) or _stative(verb):
        return True
    return main is verb and status == "happened" and undated and _relative_habit(verb)


def _condition_reached(verb: Any) -> bool:
    """A verb of ``BECOMING`` with an adjective, or with a noun in the perfect, or of ``STAYING`` with an adjective
    ("the air pollution had become so bad", "It's become a major issue", "stayed intentionally vague"): the
    condition a thing is in, not an act. "became the fifth coach fired" and "turned violent" stay acts."""
    lemma = verb.lemma_.lower()
    if lemma not in BECOMING | STAYING or any(c.dep_ == "dobj" for c in verb.children):
        return False
    if any(c.dep_ == "acomp" for c in verb.children):
        return True
    perfect = verb.tag_ == "VBN"  # "has become", "It's become": the contracted "has" may be left unlemmatised
    return lemma in BECOMING and perfect and any(c.dep_ in ("attr", "oprd") for c in verb.children)


def _measure(verb: Any) -> bool:
    """A verb of ``MEASURING`` in the active ("will cost $199", "lasted four hours", "amounted to 1 percent"): how
    things stand to each other, in any tense. A passive is an act done to a thing ("will be fitted with
    winglets")."""
    return verb.lemma_.lower() in MEASURING and not _passive(verb)


def _stative(verb: Any) -> bool:
    """A stative verb (``STATIVE``) in the simple present, or one of worth (``WORTH``) in any tense; "justify" in
    the passive ("how can that vote be justified"): a stance or a judgement of worth, not an act. "Trump justified
    his decision" is one."""
    lemma = verb.lemma_.lower()
    if lemma in WORTH or (lemma == "justify" and _passive(verb)):
        return True
    return lemma in STATIVE and _simple_present(verb)


def _relative_habit(verb: Any) -> bool:
    """A relative clause on a noun in the simple present ("Luis Rubio, who heads the Center", "the BBC, which
    receives some government funding", "the music it sells"): what the noun is or does as a rule, a description of
    it, whoever does it. Called for an undated verb told as happening: "the court term that begins next Monday"
    is a dated act."""
    return verb.dep_ == "relcl" and _simple_present(verb) and "Pres" in verb.morph.get("Tense")


def _evaluation(verb: Any, subject: Any | None) -> bool:
    """The writer's judgement of what a thing or a fact shows or stands for (``EVALUATING``: "the euro crisis
    highlighted sharp differences"; ``EMBODYING``: "a minimal shift would represent a significant setback"), in any
    tense, with an object and a thing as subject: no party, no people, no person's pronoun. "represent" and its
    kind in the simple present, whoever the subject ("He represents our greatest shame", "the union represents
    50,000 workers"): what one is taken to be or stands for, not one act."""
    lemma = verb.lemma_.lower()
    if lemma not in EVALUATING | EMBODYING or subject is None or _passive(verb):
        return False
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False  # "signaled that they were coming around": a saying, which claims tell
    if lemma in EMBODYING and _simple_present(verb):
        return True
    return not (_party(subject) or _people(subject, verb))


def _verdict(verb: Any) -> bool:
    """A verb of ``PROVING`` with a complement and no object ("proved costly", "has proved to be ineffective",
    "sounds reasonable"): the writer's verdict on a thing, not an act."""
    if verb.lemma_.lower() not in PROVING or any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return False
    to_be = any(c.dep_ == "xcomp" and c.lemma_.lower() == "be" for c in verb.children)
    return to_be or any(c.dep_ in ("acomp", "attr", "oprd") for c in verb.children)


def _habitual(verb: Any) -> bool:
    """A habit, not an act: a verb of ``TENDING`` and the act it takes ("People tend not to say those things"), in
    any tense; or a simple present with an adverb of how often of its own (``FREQUENCY_ADVERBS``: "Mexicans often
    say", "candidates generally benefit")."""
    if verb.lemma_.lower() in TENDING or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in TENDING):
        return True
    often = any(c.dep_ == "advmod" and c.lower_ in FREQUENCY_ADVERBS for c in verb.children)
    return often and _simple_present(verb)


def _statistic(verb: Any, subject: Any | None) -> bool:
    """A share of a group as the doer or the undergoer ("70 percent are born to unmarried mothers", "1 in 4
    residents lived in distressed neighborhoods in 2010"): a statistic, what holds of the group, in any tense."""
    who = subject or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if who is None:
        return False
    one_in = any(c.dep_ == "nummod" and any(q.lower_ == "in" for q in c.children) for c in who.children)
    return one_in or who.lemma_.lower() in SHARES


def _holding(verb: Any) -> bool:
    """Holding a possession, a rank or a view (``HELD``: "held the share", "holds a degree") or an amount ("holds
    $28.6 billion in debt"): what a party has, not "held talks" nor "held him"."""
    if verb.lemma_.lower() != "hold":
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]  # not "a review was held on November 28"
    return any(o.lemma_.lower() in HELD or _numbered(o) for o in objects)


def _condition(verb: Any) -> bool:
    """A condition a party is in, not an act: facing a thing ("faces a crisis", "faced charges"; not facing a
    party, "faced the press"), suffering from one ("suffered from heart disease"; not "suffered a stroke"), being
    stuck ("stuck on Mount Cook")."""
    lemma = verb.lemma_.lower()
    if lemma == "face":
        return any(c.dep_ == "dobj" and c.pos_ == "NOUN" and not _party(c) for c in verb.children)
    if lemma == "suffer":
        has_object = any(c.dep_ == "dobj" for c in verb.children)
        return not has_object and any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)
    return lemma == "stick" and verb.tag_ == "VBN" and not any(c.dep_ == "agent" for c in verb.children)


def _dwelling(verb: Any) -> bool:
    """Living in a place (``DWELLING``: "residents lived in distressed neighborhoods", "Americans living in
    households"): where a party is, not an act; not living up to a thing nor on an amount ("live up to its
    potential", "live on $5 a day")."""
    if verb.lemma_.lower() not in DWELLING or any(c.dep_ in ("prt", "dobj") for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in PLACE_ONLY_PREPS for c in verb.children)


def _related(verb: Any) -> bool:
    """A participle of ``RELATING`` with no agent, on a noun or after "be", with its "to" or "with" ("the suspect
    was connected to the gang", "any crime related to use of email"): how a thing stands to another, not an act;
    with an agent or as an active verb it is one ("police linked the suspect to the gang"). So is a past form on a
    bare quantifier (``_quantifier_participle``: "some affiliated with the campaign")."""
    if verb.lemma_.lower() not in RELATING:
        return False
    participle = verb.tag_ == "VBN" and (verb.dep_ == "acl" or _passive(verb))
    if not (participle or _quantifier_participle(verb)):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("to", "with") for c in verb.children)


def _quantifier_participle(verb: Any) -> bool:
    """A past form with no object whose subject is a bare quantifier ("some affiliated with the campaign said"):
    the parse reads "some [who are] affiliated" as the quantifier's own act, but an active verb of relating takes
    an object ("police linked the suspect to the gang")."""
    subject = _subject(verb)
    if verb.tag_ not in ("VBD", "VBN") or subject is None or any(c.dep_ == "dobj" for c in verb.children):
        return False
    return bool(subject.lower_ in COUNTERS | PARTITIVES)


def _labelled(verb: Any) -> bool:
    """A participle of ``LABELLING`` on a noun, with no agent: "the 30-second spot titled Arrogant"."""
    agent = any(c.dep_ == "agent" for c in verb.children)
    return verb.lemma_.lower() in LABELLING and verb.tag_ == "VBN" and verb.dep_ == "acl" and not agent


def _standing(verb: Any, subject: Any | None, undated: bool) -> bool:
    """A standing rule (``RULING``): what a rule requires, in any tense ("Section 7 required federal agencies to
    consult"), or what an authority requires in the simple present with no time of its own ("the SEC requires
    companies to disclose"); not "the court ordered", nor "the board required him to resign on Monday"."""
    if verb.lemma_.lower() not in RULING:
        return False
    if subject is not None and subject.lemma_.lower() in RULES:
        return True
    return undated and _simple_present(verb)


def _thing_does(verb: Any, subject: Any) -> bool:
    """A thing, no party nor pronoun, doing something in the simple present: "a Marine base overlooks Kaneohe
    Bay", "the retina display displays images". Not "is sold", "has sold", "will sell": the tense or voice of an
    act; nor a plural's bare form in a clause a verb takes, which may be an infinitive or a subjunctive ("saw
    their car sales slip", "demanding that the record labels lower their prices"); nor people (``_people``)."""
    if subject.pos_ == "PRON" or _party(subject) or _people(subject, verb):
        return False
    if verb.tag_ == "VBP" and verb.dep_ in ("ccomp", "xcomp"):
        return False
    return _simple_present(verb) and _present_form(verb)


def _people(subject: Any, verb: Any) -> bool:
    """A person or a group of people named by a common noun (``PEOPLE_NOUNS``: "Industry analysts predict …",
    "The woman disputes the idea"), doing something in a clause of their own: people acting is an act, as a
    party's is. Not in a relative clause on them, which tells what kind of people they are ("a university
    professor who specializes in bankruptcy", "customers who lose their job", "a fraud who cares about his own
    bottom line", and its conjuncts: "a corporate attorney who led … and considers Kaine her mentor"): a
    description; nor having or being (``STATES``: "The American people have an enormously important choice"),
    people counted (``_counted_people``), nor what they amount to (``_measures``: "iPhone users account for
    over half of those", "the dealers employ more than 13,000 jobs"): a measure of how things stand. A singular
    verb is not a plural noun's ("when users take a call and offers the ability": the phone offers it, the
    parse hung it on "take")."""
    if subject.lemma_.lower() not in PEOPLE_NOUNS or _first_conjunct(verb).dep_ == "relcl":
        return False
    if verb.lemma_.lower() in STATES or _counted_people(subject):
        return False
    return not (verb.tag_ == "VBZ" and subject.tag_ == "NNS") and not _measures(verb)


def _counted_people(subject: Any) -> bool:
    """People counted by a number ("Six women also work as close advisers", "About 9.9 million single mothers
    live in the United States", "how many lawyers work at the Justice Department"): a statistic, how things
    stand."""
    return any(c.dep_ == "nummod" or (c.lower_ == "many" and any(a.lower_ == "how" for a in c.children))
               for c in subject.children)  # fmt: skip


def _measures(verb: Any) -> bool:
    """Whether a verb's object, or the object of its preposition, is an amount: a number, or a noun counted or
    measured ("more than 13,000 jobs", "over half of those")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(_numbered(o) for o in objects)


def _numbered(tok: Any) -> bool:
    """A number, or a noun counted or measured ("more than 13,000 jobs", "$28.6 billion")."""
    return bool(tok.tag_ == "CD" or any(c.dep_ in ("nummod", "quantmod") for c in tok.children))


def _hot_news(verb: Any) -> bool:
    """An act of saying with a force of its own (``ACT_CUES``) in the present perfect ("Airbus has confirmed that
    …", "Ford has announced sweeping cuts"): in the lead, the perfect of a public statement is the news of the day,
    made public at the time of writing (``Grounder._now`` keeps it to the lead; MEANTIME dev: the gold anchors 8 of
    the 12 such statements and their headlines to the publication day, the rest to nothing; the lead's perfect of
    any act only 12 of 54, evals/EVENT-TIME.md)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    perfect = len(auxes) == 1 and auxes[0].lemma_ == "have" and auxes[0].tag_ in ("VBZ", "VBP")
    return bool(perfect and verb.tag_ == "VBN" and verb.lemma_.lower() in ACT_CUES)


def _withheld(verb: Any) -> bool:
    """Whether a negated saying verb is an act withheld: one with a thing as its object ("GM will not announce the
    dealerships it will shut") is a negated act, as the same verb done is an act (``_told_act``), and so is an act
    of saying with a force of its own (``ACT_CUES``) whatever it holds ("Apple did not confirm that Papermaster had
    left", "declined to confirm that …"): the reader is told it was not done, as the same act done is an event.
    A verb that does something to a thing (``OBJECT_ACTS``: "Rather than recall the devices or offer a hardware
    fix") is that deed withheld, as "will offer a free case" is the deed. "did not offer details", "did not
    comment" and "did not say" do nothing."""
    lemma = verb.lemma_.lower()
    if lemma in OBJECT_ACTS:
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
        return any(o.lemma_.lower() not in TOLD_NOUNS | NOUN_CUES for o in objects)
    return lemma in ACT_CUES or _told_act(verb, lemma, {c.dep_ for c in verb.children})


def _refused_saying(verb: Any) -> bool:
    """An act of saying with a force of its own (``ACT_CUES``) that a frame refuses, with what it would have said
    ("Apple declined to confirm that Papermaster had left"): the refusal to confirm is what the reader is told,
    as "declined to confirm the report" tells it."""
    clause = any(c.dep_ == "ccomp" for c in verb.children)
    return clause and verb.lemma_.lower() in ACT_CUES and event_status(verb) == "negated"


def _patient(verb: Any) -> Any | None:
    """A passive's subject ("an agreement was reached"; hung on the auxiliary, "have been hard hit"); a passive
    infinitive's, its passive head's ("a model is expected to be launched", "the names are announced to be
    changed": the model is launched, the names changed)."""
    subject = _subject_word(verb)
    if subject is None and _undergone(verb):
        return _subject(verb.head)  # "hopes to be elected": she is elected
    if subject is None and verb.dep_ == "xcomp" and _passive(verb):
        return _patient(verb.head)
    return _counted(subject) if subject is not None and _undergoes(subject, verb) else None


def _counted(subject: Any) -> Any:
    """What a quantifier subject counts: the noun of its "of" phrase ("not all of their claims were upheld": the
    claims; a partitive's head is the quantifier, what it is about the noun), else the subject itself."""
    counted = _prep_object(subject, "of")
    return counted if counted is not None and subject.lower_ in PARTITIVES and counted.pos_ != "PRON" else subject


def _participle_of(verb: Any) -> Any | None:
    """The noun a past participle tells a passive of ("a media event held at its headquarters"): what was done, by
    nobody named (with an agent, the agent's act: ``_subject``). Not a noun that names an act itself ("an
    agreement reached in 1991", "job cuts announced"): the noun is the event."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    return None if head.lemma_.lower() in EVENT_NOUNS | ACT_NOUNS else head


def _done_to(verb: Any) -> bool:
    """A relative passive that tells an act done to its noun: one with a tense or modal of its own ("a deal that
    will be finalized", "which has been sold") or in the past ("Leopard, which was released in 2009"); "which is
    dedicated to women" describes the noun. Only where the parse hangs the clause on a noun: one hung on a verb
    ("Apple updated Leopard, which was released") would take the verb's words for the noun's."""
    tensed = (c.dep_ == "aux" or (c.dep_ == "auxpass" and c.tag_ == "VBD") for c in verb.children)
    return verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") and any(tensed)


def _prefix(word: Any) -> bool:
    """Whether ``word`` is only the first part of a hyphenated word the tokenizer split ("re-negotiate": the
    parse may call "re" a verb of its own), or the hyphen itself."""
    return _hyphen_joined(word) or word.text == "-"


def _hyphen_joined(word: Any) -> bool:
    """Whether a hyphen written with no space either side joins ``word`` to the next word ("re-run", "pre-loaded")."""
    after = word.nbor() if word.i + 1 < len(word.doc) else None
    return not word.whitespace_ and after is not None and after.text == "-" and not after.whitespace_


def _nobody(subject: Any, speaker: str) -> bool:
    """Whether a subject names no party to tell of: "we" or "you" (in a quotation "I" is its ``speaker``), "the
    tasks that our countries face" (whose, the speaker knows), "no country should help" (a norm), "this is
    important" (a situation), "it is impossible to evaluate …" (a clause, ``_extraposed``)."""
    if subject.pos_ == "PRON" and subject.lower_ in SPEAKER_PRONOUNS:
        return not (speaker and subject.lower_ in FIRST_PERSON)
    if (subject.pos_ == "PRON" and subject.lower_ in DEMONSTRATIVES) or _extraposed(subject):
        return True
    if subject.lower_ in INDEFINITE and not (subject.lower_ == "one" and any(subject.children)):
        return True  # "one would have hoped", "everything will work out": no antecedent, nobody to name
    if any(c.dep_ == "poss" and c.lower_ in SPEAKERS_OWN for c in subject.children):
        return True
    return any(c.lower_ in NOBODY for c in [subject, *subject.children])


def _resumes(subject: Any) -> bool:
    """A relative pronoun that opens a sentence of its own ("Which brings us to a couple of other challenges"):
    no noun to stand for, it takes up what was said before, a situation, as "this" does (``_nobody``); the
    resolver would give it the nearest name."""
    return subject.lower_ in RELATIVE and subject.head.dep_ == "ROOT" and subject.i == subject.sent.start


def _norm(subject: Any, verb: Any) -> bool:
    """Whether a verb tells what a norm says ("Security Council resolutions that ban Pyongyang from exporting arms";
    "the law requires carmakers to cut emissions", the cut too): the content of a rule, law or resolution, which
    holds as long as it stands; no one did anything (issue 18: no events from norms). Who made the norm, or broke
    it, acts; the norm's own verb does not."""
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    own = _subject_word(verb)  # "the law requires carmakers to cut": the law's, though they cut
    norm = any(s is not None and s.lemma_.lower() in NORMS for s in (subject, own))
    return verb.lemma_.lower() in DEONTIC_VERBS and norm


def _speaker(at: int, quotes: Sequence[tuple[int, int]], statements: Sequence[tuple[int, int, str]]) -> str | None:
    """Who speaks at ``at``: '' outside quotation marks (the article, or a claim told in its words); inside, the
    source of the claim whose statement holds the quotation, or None when no claim does (a quotation of nobody
    named, a title, a phrase held at arm's length: what is done in it is nobody's report)."""
    if not any(a <= at < b for a, b in quotes):
        return ""
    return next((source for a, b, source in statements if a <= at < b and source), None)


def _state(verb: Any) -> bool:
    """Whether a verb tells how things stand, not an act: a verb of ``STATES`` ("includes", "remains", "seems"),
    unless its frame makes it an act: a light verb with an act noun (``_light``), a product made by a party or an
    amount earned (``_made``), a party's use of a given thing (``_party_act``), going on with an act
    (``_goes_on``), or having trouble doing something (``_struggled``). Besides, a description: a participle that
    places or marks a thing (``_describing_participle``), a habit told with a rate (``_habit``), a thing's role
    (``_role``)."""
    if _describing_participle(verb) or _habit(verb) or _role(verb):
        return True
    if verb.lemma_.lower() not in STATES:
        return False
    return not (_light(verb) or _made(verb) or _party_act(verb) or _goes_on(verb) or _struggled(verb))


def _describing_participle(verb: Any) -> bool:
    """A participle of ``DESCRIBING`` with no agent, on a noun or after "be" ("communities based around GM plants",
    "the iTunes Music Store is branded"): it tells what the thing is, not an act. With an agent it is one ("the
    label was branded by Apple Corps")."""
    if verb.lemma_.lower() not in DESCRIBING or verb.tag_ != "VBN" or not (verb.dep_ == "acl" or _passive(verb)):
        return False  # "Ford has located a plant in Ohio": an act in the perfect
    return not any(c.dep_ == "agent" for c in verb.children)


def _habit(verb: Any) -> bool:
    """A verb in the simple present with a rate of its own ("UAW workers earn $28 an hour", "contracts provide
    US$300 million a year to vendors"): how things go on as a rule, a standing fact, not an act. In the past it
    tells what happened over a period ("sold 1,000 cars a day in May")."""
    if not _simple_present(verb):
        return False
    return any(_rate(t) and _clause_verb(t).i == verb.i for t in verb.subtree)


def _role(verb: Any) -> bool:
    """A verb of ``ROLE_VERBS`` with "as", in the simple present ("acts as an antenna", "serve as a mobile
    headset"): what a thing is for, not an act. Past or to come, it tells a term ("served as CEO until 2011")."""
    if verb.lemma_.lower() not in ROLE_VERBS or not _simple_present(verb):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


def _simple_present(verb: Any) -> bool:
    """A verb in the simple present: "sells", "earn"; not "is selling", "will sell"."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _rate(tok: Any) -> bool:
    """A period after "a", "each", "every" or "per" ("an hour", "per year"), or an adverb of one ("annually")."""
    if tok.lower_ in RATE_ADVERBS:
        return True
    by = tok.head.lower_ == "per" or any(c.dep_ == "det" and c.lower_ in RATE_DETS for c in tok.children)
    return tok.lemma_.lower() in RATE_PERIODS and by


def _clause_verb(tok: Any) -> Any:
    """The nearest verb above a word: the clause it belongs to."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _struggled(verb: Any) -> bool:
    """ "have" with a difficulty in doing something ("Some had difficulty finishing their orders"): an experience
    on an occasion, as "experienced issues connecting" is, not something owned."""
    if verb.lemma_.lower() != "have":
        return False
    trouble = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in DIFFICULTY_NOUNS), None)
    return trouble is not None and any(c.tag_ == "VBG" for c in trouble.children)


def _made(verb: Any) -> bool:
    """ "make" as producing or earning: a passive whose "by" names the party that made it ("made by Airbus", "which
    is made by Apple Computer"), or a past act that earned an amount ("Ford made profits of $868 million"). Not a
    particle verb ("revenue made up $7.1 billion"), a causative ("make Chrysler profitable"), a habitual present
    ("Atlanta makes the Ford Taurus": how a plant stands), nor a made act ("the decision was made by the board": the
    noun is the event, ``event_nouns``)."""
    if verb.lemma_.lower() != "make" or any(c.dep_ == "prt" for c in verb.children):
        return False
    if verb.tag_ == "VBN" and (_passive(verb) or verb.dep_ == "acl"):
        made = _patient(verb) or (verb.head if verb.dep_ == "acl" else None)
        if made is not None and (made.lemma_.lower() in ACTS or _act_noun(made)):
            return False
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        maker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return maker is not None and _party(maker)
    if verb.tag_ != "VBD" or any(c.dep_ in ("ccomp", "oprd", "xcomp") for c in verb.children):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and (obj.lemma_.lower() in EARNINGS or any(t.ent_type_ == "MONEY" for t in obj.subtree))


def _party_act(verb: Any) -> bool:
    """ "use" as an act: a party (a person, a company, a country) using a given thing ("will continue to use its
    name", "they should not use a trademark", "We plan to use the 787"); a thing using a kind of material is what
    the thing is like ("products to use Intel processors", "The MacBook Air uses flash memory", "the 787 will use
    20 percent less fuel"), as is a passive with no party ("a display that is used to access all features")."""
    if verb.lemma_.lower() not in PARTY_ACTS or _passive(verb) or verb.tag_ == "VBN":
        return False
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or not any(c.dep_ in ("det", "poss") and c.lower_ not in QUANTIFIERS for c in obj.children):
        return False
    first = _first_conjunct(verb)
    told = next((c for c in first.head.children if c.dep_ == "dobj"), None) if first.dep_ == "xcomp" else None
    doer = told if told is not None else _subject(verb)  # "told customers to hold it or to use a case": theirs
    return doer is not None and _party(doer)


def _goes_on(verb: Any) -> bool:
    """An aspect verb of ``STATES`` (continue, keep) going on with an act: one event with it, as "began supplying"
    is ("will continue to use its name"); going on with a state is one ("expects to continue to be
    profitable")."""
    if verb.lemma_.lower() not in GOING_ON or not _aspect(verb):
        return False
    inner = next((c for c in verb.rights if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    return inner is not None and not _state(inner)


def _party(tok: Any) -> bool:
    """A person, a company or a country: a name of one, an office, a company noun, or a person's pronoun."""
    if tok.pos_ == "PRON":
        return tok.lower_ in PERSON_PRONOUNS | PARTY_PRONOUNS
    return tok.ent_type_ in PARTY_LABELS or tok.lemma_.lower() in PERSON_ROLES | BODIES


def _light(verb: Any) -> bool:
    """A light verb whose object names the event ("made its maiden flight", "had talks"): the event, not a state."""
    return verb.lemma_.lower() in LIGHT_VERBS and (_act_object(verb) or _own_act(verb)) is not None


def _act_object(verb: Any) -> Any | None:
    """A support verb's object that names its act (``ACTS``): the noun carries the act, the verb its doer and tense
    ("has taken medical leave", "made its maiden flight"). Not a noun framing the act of its infinitive ("has plans
    to import"): like a framing verb, it gives way to that act."""
    objects = (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ACTS)
    return next((o for o in objects if not _framing(o)), None)


def _own_act(verb: Any) -> Any | None:
    """A verb's object naming its subject's own act (``_act_noun``) through a possessive pronoun that stands for the
    subject: one act, named by both words, the noun's act with the verb's doer and tense ("Fiat … has since
    increased its holding", "it intends to use its option", "The iPhone made its appearance"): "its", a thing's, by
    a subject that is no person ("the minister cited its success" tells another's act). Not "his" or "her", which
    as often stand for another person the sentence names ("Obama has asked Dr Sanjay Gupta to join his fledgling
    administration": Obama's; ECB+ dev event CoNLL 0.803 → 0.802 with them), nor "their", a group no one name
    gives."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj" and _act_noun(c)), None)
    owner = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PRON"), None) if obj else None
    subject = _subject(verb) if owner is not None else None
    if owner is None or subject is None:
        return None
    person = subject.ent_type_ == "PERSON" or subject.lower_ in PERSON_PRONOUNS or subject.lemma_ in PERSON_ROLES
    return obj if owner.lower_ == "its" and not person else None


def _act_noun(noun: Any) -> bool:
    """A noun made from a verb by a suffix of doing ("its holding", "its option", "its appearance": hold, opt,
    appear), which no list of act nouns holds. One ``ACTS`` holds is told apart with its possessor as its doer
    (``event_nouns``: "GM posted its first annual loss", the loss too; "to improve its sales", two events), so the
    verb's trigger stays the verb's."""
    word = noun.lemma_.lower()
    if word in ACTS:
        return False
    return noun.tag_ == "NN" and any(verb in _verbs() for verb in verb_stems(word))


def verb_stems(word: str, suffixes: Sequence[str] = NOMINAL_SUFFIXES) -> list[str]:
    """The verbs a noun may be made from by one of ``suffixes`` (holding: hold; closure: clos, close), unchecked."""
    stems = [word[: -len(s)] for s in suffixes if word.endswith(s) and len(word) - len(s) >= 3]
    return [v for stem in stems for v in (stem, f"{stem}e")]


@cache
def _irregular_forms() -> frozenset[str]:
    """Irregular past forms and participles the parser's lemmatizer lists ("rewrote", "sold", "built"): the parse
    may tag one as a present ("a car that rewrote the rules"), which no present is."""
    lemmatizer = parser().get_pipe("lemmatizer")
    if not lemmatizer.lookups.has_table("lemma_exc"):
        return frozenset()
    forms = lemmatizer.lookups.get_table("lemma_exc").get("verb", {})
    return frozenset(form for form, lemmas in forms.items() if form not in lemmas)


@cache
def _verbs() -> frozenset[str]:
    """The verbs the parser's lemmatizer knows (its lemma index, from WordNet)."""
    lemmatizer = parser().get_pipe("lemmatizer")
    if not lemmatizer.lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lemmatizer.lookups.get_table("lemma_index").get("verb", ()))


def _framing(noun: Any) -> bool:
    """A noun with an infinitive saying what it is for ("plans to import", "Ford's decision to close the plant"):
    like a framing verb, it gives way to that act, which the verb events tell (here and in ``event_nouns``)."""
    return any(c.dep_ == "acl" and to_infinitive(c) for c in noun.children)


def _says(verb: Any, start: int, claimed: Collection[int], told_acts: bool = True) -> bool:
    """Whether a saying verb tells a statement rather than doing something: it holds a clause or an infinitive
    (its statement, whose own verbs are the events), is a verb of holding ("expects", "believes"), carries a
    claim or has nothing it acts on ("as analysts had predicted"). One with an object, a passive subject or a
    phrase and no claim is an act: "reported a 49% decline", "ordered 20 jets"; so is one that presents or acts
    on a thing (``OBJECT_ACTS``), claim or not: "unveiled the iPod nano", "rejected the bill"; and, with
    ``told_acts``, one of ``ACT_CUES`` ("announced that …", but not a raising passive with no doer: "the names
    are announced to be changed"), one whose object is a thing (``_told_act``) or one that acts on a thing
    through a preposition (``_acts_on_phrase``: "called for a re-run"), claim or not."""
    lemma = verb.lemma_.lower()
    if lemma not in CUES:
        return False
    deps = {c.dep_ for c in verb.children}
    if lemma in ACT_CUES and told_acts:  # an act; a raising passive with no doer states ("are announced to be")
        return {"nsubjpass", "xcomp"} <= deps and "agent" not in deps
    if lemma in ACT_FRAMES and "xcomp" in deps and not deps & {"ccomp", "parataxis"}:
        return False  # "refused to meet the demands", "agreed to purchase": an act (``ACT_FRAMES``)
    if deps & {"ccomp", "parataxis", "xcomp"} or lemma in MENTAL_CUES:
        return True  # "said (that) …", "is said to be", "saying, “Stop me …”": a statement
    if lemma in OBJECT_ACTS and "dobj" in deps:
        return False
    if told_acts and (_told_act(verb, lemma, deps) or _acts_on_phrase(verb, deps)):
        return False
    acted_on = deps & {"dobj", "dative", "prep", "nsubjpass"}  # "predicted" alone, "confirmed" alone: said
    return start + verb.idx in claimed or not acted_on


def _told_act(verb: Any, lemma: str, deps: set[str]) -> bool:
    """A saying verb whose object is a thing or a party, not what is said: "announced a new iCloud service",
    "asked the government for aid", "praised the army", "cited major flaws" are acts, as event coders such as
    GDELT's code them, besides the claim the attributions may read in them. Not a verb of expressing ("expressed
    her determination", "voiced concern") nor a naming ("called it a leap"). "Airbus announced job cuts" tells
    two events: the announcement, and the cuts (``OWN_ACT_VERBS``)."""
    if lemma in NOUN_SAYING_VERBS or "oprd" in deps:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    return any(o.lemma_.lower() not in NOUN_CUES for o in objects)


def _acts_on_phrase(verb: Any, deps: set[str]) -> bool:
    """Whether a saying verb with no object acts on a thing through a preposition ("called for a re-run of the
    bidding", "agree on compromises", "tweeted about their experience"): a common noun after ``THING_PREPS``,
    not a noun of saying, a time ("said on Monday night") nor a name ("said on Twitter": where, not what). With an
    object or a passive subject, that is what it acts on and the phrase its reason ("was praised for its role").
    Done only: "did not comment on the situation" and "refused to comment on the meeting" do nothing
    (``_withheld``)."""
    if deps & {"dobj", "dative", "nsubjpass", "oprd"} or verb.lemma_.lower() in NOUN_SAYING_VERBS:
        return False
    preps = (c for c in verb.children if c.dep_ == "prep" and c.lower_ in THING_PREPS)
    things = (o for p in preps for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and not o.ent_type_)
    return any(o.lemma_.lower() not in NOUN_CUES for o in things)


def party_name(tok: Any, ents: Ents) -> bool:
    """Whether a word names a party: a name entity, or a proper noun the tagger left out; not a date or a number
    ("on Wednesday", "of 2008")."""
    ent = ents.get(tok.i)
    return ent.label_ in NAME_LABELS if ent is not None else tok.pos_ == "PROPN"


PERSON_ACTS = word_set(
    """arrest release detention capture kidnapping abduction rescue extradition deportation conviction acquittal
    indictment trial sentencing execution killing murder assassination appointment nomination election
    reelection dismissal firing ouster removal hiring promotion hospitalization imprisonment impeachment"""
)
"""Act nouns of what is done to a person, whose possessor, with no "of" phrase, is the one it is done to ("after
her release", "hours after his arrest", "Suu Kyi's election to parliament"); with one, the possessor does it
("Obama's appointment of Smith", "Ohio's removal of voters")."""
PERSON_OWNERS = word_set("his her their")
"""Possessive pronouns that stand for a person or people, who may undergo a person's act ("after her release");
"its" is a thing's ("its release": what it put out)."""


def undergoer(noun: Any) -> Any | None:
    """The possessor a person's act noun (``PERSON_ACTS``) is done to: a person, or a person's pronoun; not a
    company or a thing ("Apple's release": Apple releases), nor with an "of" or "by" phrase naming another."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or noun.lemma_.lower() not in PERSON_ACTS:
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("of", "by") for c in noun.children):
        return None
    person = owner.lower_ in PERSON_OWNERS if owner.pos_ == "PRON" else owner.ent_type_ == "PERSON"
    return owner if person else None


def is_undergoer(owner: Any) -> bool:
    """Whether a possessor is the one its person's act noun is done to (``undergoer``)."""
    done_to = undergoer(owner.head) if owner.dep_ == "poss" else None
    return done_to is not None and done_to.i == owner.i


def _noun_party(noun: Any, ents: Ents) -> tuple[list[str], list[str]]:
    """Who does what a business or news event noun names, and to whom: "Fiat's purchase of Chrysler", "the
    sale of the plant by GM", "Boeing's delay"; a name with "of" is the one acted on. Not the possessor a
    person's act is done to (``undergoer``: "Suu Kyi's election"), which is no doer."""
    actors: list[str] = []
    targets: list[str] = []
    for c in noun.children:
        if is_undergoer(c):
            continue  # the one it is done to: ``event_nouns`` tells it, by nobody named
        if c.dep_ == "poss" and party_name(c, ents):
            actors.append(_phrase(c, ents))
        elif c.dep_ == "prep" and c.lower_ in ("by", "of", "between", "with", "from", "to", "for"):
            for pobj in (p for p in c.children if p.dep_ == "pobj"):
                names = [_phrase(x, ents) for x in _conjuncts(pobj) if party_name(x, ents)]
                (actors if c.lower_ in ("by", "between") else targets).extend(names)
    return actors, targets


def _noun_events(
    number: int, start: int, parsed: Any, ents: Ents, times: Sequence[tuple[int, str]]
) -> list[EventCandidate]:
    """ "a meeting between Kim and Putin", "Fiat's purchase of Chrysler": the first party does it with (or to)
    the others. An event noun with no named party tells nothing and proposes nothing."""
    found: list[EventCandidate] = []
    for noun in parsed:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in EVENT_NOUNS | ACT_NOUNS:
            continue
        if any(a.dep_ == "compound" for a in [noun]):
            continue  # "the sale price": a kind of thing, not an event
        actors, targets = _noun_party(noun, ents)
        head = noun.head
        argument = noun.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_ not in CUES
        if argument and not _another_doer(noun, actors, ents):
            continue  # "held a meeting with Putin", "posted its loss": the verb's event already
        if noun.lemma_.lower() in EVENT_NOUNS and not actors and undergoer(noun) is None:  # "a meeting with Putin"
            actors, targets = targets[:1], targets[1:]
        pronoun, pronoun_start = None, None
        if not actors and not argument and (doer := _noun_doer(noun, ents)) is not None:
            actors = [_phrase(doer, ents)]
            pronoun, pronoun_start = (actors[0], start + doer.idx) if doer.pos_ == "PRON" else (None, None)
        names = list(dict.fromkeys([*actors, *targets]))
        if not names:
            continue
        actor = actors[0] if actors else ""
        action = _text([*(c for c in noun.lefts if c.dep_ == "amod" and not _modality(c)), noun])
        sense = f"{_noun_sense(noun)}|"
        when = noun_time(noun, times)
        found.append(
            EventCandidate(
                number,
                start + noun.idx,
                actor,
                action,
                tuple(t for t in names if t != actor)[:3],  # "between Kim and Putin": Kim's, with Putin
                None,
                sense,
                when,
                pronoun,
                status=event_status(noun),
                trigger=_trigger(start, noun),
                pronoun_start=pronoun_start,
            )
        )
    return found


def _modality(modifier: Any) -> bool:
    """ "a possible deal", "an imminent meeting": the word says how likely or how near the event is, which its
    ``status`` tells; the action names only the event."""
    return bool(modifier.lower_ in STATUS_MODIFIERS)


def _another_doer(noun: Any, actors: Sequence[str], ents: Ents) -> bool:
    """Whether an act noun that is a verb's object or subject has a doer of its own, not the verb's: "the GAO
    upheld Boeing's protest" tells Boeing's protest as well as the GAO's ruling."""
    doer = _subject(noun.head)
    verb_doer = _phrase(doer, ents) if doer is not None else ""
    return any(not verb_doer or (a not in verb_doer and verb_doer not in a) for a in actors)


def _noun_doer(noun: Any, ents: Ents) -> Any | None:
    """Who does what an act noun names when no name says it: its possessor ("its production", "the company's
    offer"; not "Wednesday's meeting"), or the subject announcing it ("Airbus announced job cuts": the cuts are
    Airbus's)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and is_undergoer(owner):
        return None  # "hours after his arrest": he was arrested, by nobody named
    if owner is not None:
        ent = ents.get(owner.i)
        named = ent is None or ent.label_ in NAME_LABELS  # not "Wednesday's meeting"
        return owner if owner.pos_ in ("PRON", "PROPN", "NOUN") and named else None
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in OWN_ACT_VERBS:
        subject = _subject(noun.head)
        return subject if subject is not None and subject.lower_ not in SPEAKER_PRONOUNS else None
    return None


def heading(text: str) -> bool:
    """A heading or headline, not a sentence: short, capitalised, no closing punctuation. It restates the story."""
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or text.rstrip()[-1] in ".!?:;\"'”’)":
        return False
    return sum(w[0].isupper() for w in words) * 2 >= len(words) or len(words) <= 8
