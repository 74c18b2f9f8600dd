"""How the article presents an event, read from the dependency parse: as real, planned, possible, conditional or
denied (FactBank/MEANTIME's certainty x polarity x time, in the words of ``schema.EventStatus``).

Rules over the event word (a verb or an event noun) and the words that govern it, the nearest marker winning:

- its own auxiliaries, adverbs and negation: "not"/"never"/"no longer" → negated (not "no higher than"), but possible
  under may/might ("may not vote": it may or may not happen); a bare negated modal after "but" denies the act it
  leaves out ("wants to release his taxes but can't"); could/may/might, apparently/probably → possible; would →
  conditional with a condition, real with an adverb of frequency (a past habit: "would decrease and sometimes lead to
  dropped calls"), planned under a saying verb (the report's future: "announced it would cut jobs", and in a conjunct
  of the report: "said it had merged the team and would cease looking"), else possible (hypothetical);
  will/shall/should, "must", "is going to", "is to be held" → planned ("must have known": an inference,
  possible); a verb with an if/unless/in-case clause of its own →
  conditional (not a concession, "even if", nor a past act of saying or apologising that the clause hedges:
  "apologised if the fire was connected" apologised); "can" is an ability, told as fact, and so is the infinitive of
  "the ability to";
- an act set aside for another ("Rather than recall the devices", "instead of a recall") → negated;
- an infinitive hanging on a noun ("an event to be held") → planned, on an attempt ("in an effort to evade")
  possible, on a plan called off ("the now-cancelled deal to lease") negated, on a decision as the decision is
  ("made the decision to ban": happened), on a chance possible ("a chance to thrive"; a chance taken or missed as
  told: "never missed an opportunity to remind" reminded), on an offer withdrawn negated; on a noun ranked by an
  ordinal or superlative it tells what the noun does, with the status of the noun's clause ("is the first model to
  be built": happened; "will be the first jet to be built": planned), and so after a ranked copula ("was first to
  recommend");
- the verb that governs it through a complement ("plans to visit", "refused to comment", "is expected to cut"):
  plan-verbs → planned, refuse/deny/fail → negated, expect/likely, attempt/try and an effort ("are working to
  restore", "struggles to raise") → possible, a permission granted ("was allowed to bid") possible and an
  enabling ("allows users to record") as "can" is, with the enabling verb's status; aspect verbs
  ("began supplying") keep the event as real, and so does a saying verb whose subject asserts it ("claims to
  possess"); any other verb taking an infinitive ("agreed to buy", "urged Pyongyang to stop") → planned, as the
  act lies ahead, and so is the gerund or subjunctive that-clause of a directive ("proposed dropping carried
  interest", "demanded that the company raise wages": the proposing happened, the act proposed did not); a
  conjunct with a finite auxiliary of its own parsed under an infinitive ("decided to leave or was forced out")
  takes the frame of the verb above, not the infinitive's plan; a that-clause with a subject and tense of its
  own, or a coordinated verb with a tense of its own ("was apparently normal and took place"), keeps them: the
  modals of the verb it completes are not its own ("it should be mentioned that sales doubled": happened);
- an embedded question ("did not say whether he decided to leave", "unclear if the plant closed") or a direct
  yes-no one ("Did GM fix the flaw?") → unknown, and so when it asks whether the act will come about ("unclear
  whether Ford will sell", "Will the talks ever stop?"), unless a frame above the act says more ("whether he
  decided to leave": planned) or the question asks what ought to be done ("whether the move should be approved":
  planned); a wh-question presumes its act ("Why did it take so long?");
- the clause it stands in: an adverbial clause marked if/unless, or after "in case" → conditional (not one of
  comparison: "doubled if compared to last year"), and so is what a saying in such a clause says ("if the
  Chinese pledged to cap"); an "even if" clause stays a supposition whatever its main clause says ("should not
  have to … even if the court found"), and a clause of concession grants a fact ("although it can fly
  non-stop"); a purpose clause ("to ensure that …", "in order to") → planned,
  and so is what the purpose clause says, but a bare infinitive of purpose on an act told as real is told with it
  ("selected Northrop on February 29 to build the aircraft": happened); a time clause in the past tense ("could
  rise, as when Apple released the iPod") keeps its own status, unless the verb it dates is a future in the past
  ("would be replaced before the tour commenced"); a hedge on the verb a time or purpose clause hangs on is not
  the clause's: what it says lies ahead ("is expected to be launched to improve sales": the improving planned, the
  launch possible);
- a polite wish to thank, apologise or congratulate ("would like to thank", "I want to thank") is the act, done
  in saying it;
- a headline infinitive with no verb above it ("Kim Jong-un to visit Russia") → planned;
- an event noun: called off by its modifier ("the cancelled sale") or held back by a delay ("the delay in
  delivery") → negated; the noun framing it ("the possibility of a meeting", "plans for"), its modifier ("the
  planned sale", "a possible merger", "an imminent meeting"), the verb it is the object of when that verb foresees
  or announces it ("forecast losses" possible, "announced job cuts" planned, not a result: "announced 35 new
  orders"), else that verb's status ("will hold talks"), unless the verb ends or keeps it ("to end Ford's losses",
  "to continue the flight": under way); the modal that-clause of a chance or risk ("a chance that the Fed will
  raise rates") → possible; a causative's participle ("should have a tanker built") has the having's status; a
  noun in a verb's phrase is possible or conditional as that verb is ("could clinch the title with a win or a
  Steelers loss"), planned in the "at"/"for" phrase of a verb of aiming ("is aimed at a more efficient flight"), and
  as sure as a going ahead "with" it ("prepared to move forward with the production"); as a subject, see
  ``event_nouns.noun_status``.

Otherwise the event is presented as real: ``happened``; a present told so and dated by time words of its own that
begin after publication ("the service goes live on July 1") is a schedule, planned: grounding, which knows the
publication date, tells it (``ground.records.scheduled``). Reported speech does not change it: "Ukraine said North
Korea began supplying weapons" is Ukraine's claim that it happened; who says so is the event's ``reported_by``.
"""

from __future__ import annotations

from typing import Any

from ..lexicon import CUE_LEMMAS, HABITUAL_ADVERBS, MENTAL_CUES, word_set
from ..schema import EventStatus as Status
from .nlp import to_infinitive

NEGATIONS = word_set("not n't never no")
POSSIBLE_AUX = word_set("could may might")
"""Not "can" ("can carry 290 passengers" is an ability, told as fact), nor "should" (in news, what is due)."""
HEDGE_ADVERBS = word_set("apparently probably possibly perhaps maybe likely allegedly supposedly")
"""FactBank's probable/possible adverbs ("an agreement was apparently reached")."""
MAYBE_AUX = POSSIBLE_AUX - word_set("could")
"""Modals of possibility that keep a "not" under them: "may not vote", "might not move mountains" is a possibility
that the act will not happen, not a denial (FactBank: possible, negative; a reader reads the possibility). Not
"could not", mostly an ability denied ("could not reach him")."""
CONDITIONAL_AUX = word_set("would")
PLANNED_AUX = word_set("will shall 'll wo should")
DUTY_AUX = word_set("shall should")
"""The planned modals that also tell what ought to be done ("whether the move should be approved")."""
FORETELLING = (PLANNED_AUX - DUTY_AUX) | CONDITIONAL_AUX | POSSIBLE_AUX
"""Modals of prediction: a question whose verb has one asks whether the act will come about (``_foretold``). Not
those of duty: a question with one asks what ought to be done."""
OBLIGING_AUX = word_set("must")
"""A modal of obligation: "Congress must act" tells an act still to be done (FactBank: not asserted; MEANTIME marks
the complement of "will have to" future), as "should" does: planned. Before a perfect it infers a past act ("he must
have known"): probable, possible. "must not" forbids the act: it stays negated, not told as done or as ahead. The
other obligations and needs ("has to raise", "needs to be approved", "was required to pay", "the need to cut")
take an infinitive, planned as any verb's or noun's infinitive is."""
PLAN_VERBS = word_set(
    """plan intend schedule aim want seek prepare propose promise pledge vow hope wish decide agree offer set
    mean threaten vote move look willing ready eager prepared determined"""
)
"""Verbs whose infinitive complement is an act still ahead ("plans to visit", "agreed to buy")."""
NEGATING_VERBS = word_set("refuse deny fail decline reject avoid stop cease halt cancel abandon")
POSSIBLE_VERBS = word_set("expect likely possible could seem appear predict forecast anticipate consider")
ASPECT_VERBS = word_set("begin start continue keep resume manage finish go come help use")
"""Their complement happens with them: "began supplying weapons" is a supply that happened."""
ATTEMPTS = word_set("attempt try effort endeavour endeavor")
"""What an attempt is for may or may not come about ("attempted to address reports", "in an effort to evade")."""
EFFORTS = word_set("work strive struggle")
"""An effort toward an act is an attempt at it ("crews are working to restore power", "struggled to pay its debts"):
the act may or may not come about. The parse hangs their infinitive as a purpose clause, which an act told as real
would otherwise carry with it ("selected Northrop to build")."""
PERMISSIONS = word_set("allow permit enable let")
"""Permission and enabling. A permission granted to the doer, told in the passive ("Boeing was allowed to bid",
"units are to be allowed to bid"), leaves the act open: possible (FactBank: uncommitted; MEANTIME marks it
possible). Told in the active, of what a thing or rule lets its users do ("a camera which allows users to record
video", "enabling us to build a fleet", "will allow users to control"), it tells what they can do, as "can" does:
the act has the status of the enabling verb's clause (MEANTIME: happened, or planned under "will")."""
CONDITION_MARKS = word_set("if unless whether provided providing")
PURPOSE_MARKS = word_set("so order")
QUESTION_MARKS = word_set("whether if")
"""What opens an embedded question as a verb's complement ("asked whether", "unclear if")."""
COMPARING = word_set("compare")
"""An if-clause of comparison ("sales doubled if compared to last year") sets no condition."""
RANKS = word_set("first last only")
"""Ordinals that, like a superlative, rank a noun: "the first jet to be built", "its first annual loss since 1992".
Not "next": "the next plane to be built" is one still ahead."""
CONCEDING = word_set("although though")
TIME_MARKS = word_set("when after before since once while as until")
PLANNED_MODIFIERS = word_set("planned proposed scheduled future upcoming intended prospective pending imminent")
POSSIBLE_FRAMES = word_set("possibility prospect chance risk threat likelihood speculation rumor rumour fear")
"""Nouns whose "of" phrase names what may happen ("the possibility of an imminent meeting")."""
CHANCES = word_set("chance opportunity possibility prospect likelihood")
"""Nouns whose infinitive is an act that may or may not come about ("has the chance to be considered a genius",
"a chance not only to survive but to thrive"). Not "threat": "threats to wall off" is planned, as "threatened to"
is."""
TAKING = word_set("take seize use grab")
MISSING = word_set("miss")
"""A chance taken does its act; one missed does not ("never missed an opportunity to remind": it reminded)."""
PLANNED_FRAMES = word_set("plan plans intention decision agreement deal proposal bid offer")
UNDONE_MODIFIERS = word_set("cancelled canceled scrapped abandoned aborted")
WITHDRAWING = word_set("withdraw rescind retract revoke cancel scrap abandon drop reject")
"""Verbs that take back or turn down a plan, an offer or a bid ("withdrew its offer to buy the firm", "rejected a
proposal to raise taxes"): the act it put forward will not come about by it, negated, as under "cancelled"."""
CAUSATIVES = word_set("have get")
UNDONE_NOUNS = word_set("delay postponement cancellation cancelation suspension")
"""Nouns whose "in"/"of" phrase is an act held back, as the passive subject of "delay" or "cancel" is."""
PROCEEDING = word_set("proceed move go press push forge")
"""Verbs whose "with" phrase names the act they carry out ("were prepared to move forward with the production of
100 tankers", "will proceed with the sale"): the act is as sure as the going ahead is."""
AIMING = word_set("aim target prepare")
"""Verbs whose "at"/"for" phrase names an act ahead ("aimed at a more efficient flight", "prepare for the launch")."""
ABILITIES = word_set("ability capability capacity")
"""A noun of ability's infinitive is what its owner can do ("offers the ability to listen to music while
messaging"): told as "can" is, as fact at the time of the noun's clause, not as a plan."""
DECISIONS = word_set("decision")
"""A decision's infinitive is the measure decided, in force as far as the decision is ("the EU made the decision
to ban Indonesian carriers", "Ford's decision to name all its cars with F was a lackluster move": happened)."""
POSSIBLE_MODIFIERS = word_set("possible potential likely expected probable rumored rumoured alleged")
STATUS_MODIFIERS = PLANNED_MODIFIERS | POSSIBLE_MODIFIERS | UNDONE_MODIFIERS
"""Modifiers of an event noun that say how likely, near or called off it is: its status, not words of its action."""
ENDING = word_set("end stop halt reverse offset cover recoup secure protect preserve sustain maintain continue")
"""Verbs whose object is an act already under way ("plans to end Ford's losses": the losses happen now; "will
secure Ford's manufacturing operations": the operations run now; "decided to continue the flight": it was under
way)."""
DOING_VERBS = word_set("make hold do complete finalize finalise sign approve conduct carry perform close seal reach")
"""Verbs whose passive subject is an act they carry out: "was not signed" leaves it undone; any other verb denied
of an act ("the decline has not been limited", "the glitch was not reported") leaves the act as told."""
ANNOUNCING = word_set("announce")
"""An act announced by name ("announced job cuts") is one still ahead."""
RESULTS = word_set("loss profit order earning result revenue")
"""What a company announces of a past period, or has received, is done ("announced its first annual loss",
"announced 35 new orders from Air Berlin"), not ahead. Not "sale": "announced the sale of Saab" is a deal ahead."""
DIRECTIVES = word_set("propose suggest demand urge recommend request ask insist advocate")
"""Verbs that put an act forward for someone to do: their gerund ("proposed dropping carried interest") or
subjunctive that-clause ("demanded that the company raise wages") is an act ahead, not one done, as their
infinitive is ("urged Pyongyang to stop"). The proposing happened; the act proposed did not."""
PERFORMATIVES = word_set("thank apologise apologize congratulate welcome commend")
"""Acts done by saying them: "would like to thank" thanks."""
WISHING = word_set("like love")
WANTING = word_set("want wish")
"""Wishes that are the act when it is one done in saying it, without a "would" ("I want to thank our teams")."""
INSTEAD = (("rather", "than"), ("instead", "of"))
"""What is set aside for another act ("Rather than recall the devices, Apple will offer a free case", "instead of a
recall") is not done."""
FINITE = ("VBD", "VBZ", "VBP")
COMPLEMENTS = ("xcomp", "ccomp", "advcl", "acomp", "oprd")
MAX_CLIMB = 4


def _own(tok: Any) -> Status | None:
    """What the word's own auxiliaries and negation say."""
    words = [c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")]
    lowered = {c.lower_ for c in words}
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in words) or _no_longer(tok):
        return "possible" if lowered & MAYBE_AUX else "negated"  # "may not vote": it may or may not happen
    if _conditioned(tok):  # "will face consequences if it does": the consequence of a condition
        return "conditional"
    if lowered & PLANNED_AUX:
        return "planned"
    if lowered & OBLIGING_AUX:
        return "possible" if _perfect(tok) else "planned"  # "must act": to be done; "must have known": inferred
    if lowered & CONDITIONAL_AUX:  # "would pay … if": conditional; "announced it would cut": the report's future
        if _conditioned(tok):
            return "conditional"
        clause = tok
        while clause.dep_ == "conj" and clause.head.i != clause.i:  # "said it had merged … and would cease"
            clause = clause.head
        if _habitual(clause):
            return None  # "reception would decrease and sometimes lead to dropped calls": a past habit
        reported = clause.dep_ == "ccomp" and clause.head.lemma_.lower() in _SAYING
        return "planned" if reported else "possible"
    if lowered & POSSIBLE_AUX or any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in tok.children):
        return "possible"
    if tok.lemma_.lower() == "go" and tok.tag_ == "VBG":  # "is going to deliver": going's own status
        return "planned"
    return None


def _perfect(verb: Any) -> bool:
    """A perfect ("must have known"): a modal before it judges a past act, not one still to do."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _habitual(verb: Any) -> bool:
    """A "would" verb, or one of its conjuncts, with an adverb of frequency: a past habit, told as real."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    return any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for v in verbs for c in v.children)


def _instead(tok: Any) -> bool:
    """Whether the word's phrase is set aside for another act: "Rather than recall the devices", "instead of
    recalling them", "instead of a recall" (the two words before the phrase, or its own first two markers)."""
    edge = tok.left_edge.i
    before = tuple(t.lower_ for t in tok.doc[max(edge - 2, 0) : edge])
    opening = [t for t in tok.doc[edge : min(edge + 2, tok.i)] if t.head.i == tok.i]
    return before in INSTEAD or tuple(t.lower_ for t in opening) in INSTEAD


def _no_longer(tok: Any) -> bool:
    """ "could no longer meet": a negation the adverb carries in its own "no". Not a bound on a comparative ("flying
    no higher than 10,000 feet": it flew)."""
    longer = [c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "longer"]
    return any(n.dep_ == "neg" or n.lower_ in NEGATIONS for c in longer for n in c.children)


def _conditioned(tok: Any) -> bool:
    """Whether the verb has a condition: an adverbial clause marked if/unless/in case. Not an act of saying or
    apologising told as done ("apologised if the fire was connected to its work", "has said if the talks fail"):
    the if-clause hedges what is said, the act was done; the condition itself stays conditional."""
    if _said_outright(tok):
        return False
    for c in tok.children:
        if c.dep_ == "advcl" and _clause(c) == "conditional" and not _conceded(c):
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "case" for p in c.children):
            return True  # "would pay a price in case it decided"
    return False


def _said_outright(verb: Any) -> bool:
    """A past act of saying or a performative with no modal of its own ("apologised", "has said")."""
    if verb.lemma_.lower() not in _SAYING | PERFORMATIVES:
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.lemma_.lower() == "have" for c in aux))
    return past and not any(c.tag_ == "MD" for c in aux)


def _conceded(clause: Any) -> bool:
    """Whether an if-clause is a concession, which sets no condition on the verb it hangs on: "colleges offer
    merit aid, even if the families don't qualify" (they offer it either way); what the clause itself tells
    stays a supposition ("would cost $150 billion, even if his cost offsets materialized")."""
    marks = [c for c in clause.children if c.dep_ == "mark"]
    return any(m.i > 0 and m.doc[m.i - 1].lower_ == "even" for m in marks)


def _clause(tok: Any) -> Status | None:
    """What the clause the word heads says by its marker: "if it does", "in case it decided", "to ensure"."""
    if tok.dep_ not in ("advcl", "acl", "relcl"):
        return None
    edge = tok.left_edge.i
    if [t.lower_ for t in tok.doc[max(edge - 2, 0) : edge]] == ["in", "case"]:
        return "conditional"  # "in case it decided": the parse hangs the clause on "case", or on a noun before it
    if tok.dep_ != "advcl":
        return None
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    if marks & CONDITION_MARKS and tok.lemma_.lower() not in COMPARING:  # "if compared to last year": a comparison
        return "conditional"
    infinitive = to_infinitive(tok)
    if infinitive or marks & PURPOSE_MARKS:
        return "planned"
    return None


def _done_for(tok: Any) -> bool:
    """Whether a purpose clause (``_clause`` planned) is a bare infinitive of purpose on an act told as real, in a
    past or present tense ("selected Northrop on February 29 to build the aircraft", "had set up to showcase", "is
    exercising its options to purchase"): it tells what the act is done for, told with it, not a plan ahead. An
    "in order to"/"so that" clause still is one, and so is what the infinitive's own clause says ("sent envoys to
    ensure that Pyongyang complied")."""
    verb = tok.head
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in PLANNED_AUX | CONDITIONAL_AUX | POSSIBLE_AUX for c in aux) or verb.pos_ not in ("VERB", "AUX"):
        return False
    tensed = [verb, *aux]
    real = any(t.tag_ in ("VBD", "VBZ", "VBP") for t in tensed) or any(c.lemma_.lower() == "have" for c in aux)
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    return real and not marks & PURPOSE_MARKS


def _governed(tok: Any, head: Any) -> Status | None:
    """What the verb that takes ``tok`` as its complement says of it ("plans to visit", "refused to pay")."""
    lemma = head.lemma_.lower()
    infinitive = to_infinitive(tok) or tok.tag_ == "VB"
    if tok.dep_ in ("acl", "relcl") and to_infinitive(tok):
        if _ranked(head) and head.head.pos_ in ("VERB", "AUX"):  # "is the first model to be built": it was
            return event_status(head.head)
        if lemma in ATTEMPTS:
            return "possible"  # "in an effort to evade bankruptcy": tried, the outcome open
        if _undone(head) or _withdrawn(head):
            return "negated"  # "the now-cancelled deal to lease tankers", "withdrew its offer to buy"
        if lemma in CHANCES:
            return _chance_status(head)  # "a chance to win the title": it may or may not come about
        if lemma in DECISIONS:
            return event_status(head)  # "the EU made the decision to ban": the ban is in force
        if lemma in ABILITIES:  # "offers the ability to listen to music": as "can listen" is
            return event_status(head.head) if head.head.pos_ in ("VERB", "AUX") else None
        return "planned"  # "an event to be held on October 12", "a contract to supply tankers"
    if _effort(tok, head):
        return "possible"  # "are working to restore power": an attempt, the outcome open
    if _chance_clause(tok, head):
        return "possible"  # "a one-in-five chance that the Fed will raise rates": may or may not
    if _causative(tok, head):
        return event_status(head.head)  # "would need to have the bill passed": passed when the having is
    if tok.dep_ not in ("xcomp", "ccomp") or head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if lemma in PERMISSIONS and (infinitive or tok.tag_ == "VB"):
        return "possible" if _granted(head) else None  # "was allowed to bid"; "allows users to record": as "can"
    if lemma in DIRECTIVES and _put_forward(tok, head):
        return "planned"  # "proposed dropping carried interest", "demanded that the company raise wages"
    if _asserted(head):
        return None  # "claims to possess the trademark", "is said to have": a report of what is, not a plan
    if lemma == "be" and tok.dep_ == "xcomp" and infinitive and not _ranked_copula(head):
        return "planned"  # "it is to be held", "the plan is to end losses by 2008"
    if lemma in NEGATING_VERBS and tok.dep_ == "xcomp":
        return "negated"
    if lemma in POSSIBLE_VERBS or (lemma in ATTEMPTS and infinitive):
        return "possible"
    if lemma in ASPECT_VERBS:
        return None
    if tok.dep_ == "xcomp" and infinitive and (lemma in PLAN_VERBS or head.pos_ == "VERB"):
        return "planned"
    return None


def _withdrawn(plan: Any) -> bool:
    """A plan noun taken back or turned down, as told ("withdrew its offer", "the bid was rejected"): what it
    put forward will not come about by it. Not one only threatened or foreseen ("may withdraw its offer")."""
    verb = plan.head
    if plan.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in WITHDRAWING:
        return False
    return plan.lemma_.lower() in PLANNED_FRAMES and event_status(verb) == "happened"


def _chance_status(chance: Any) -> Status:
    """What a chance's infinitive is: possible, unless the chance is taken or missed, as told ("took the
    opportunity to thank", "never missed an opportunity to remind the audience": he reminded it)."""
    verb = chance.head
    lemma = verb.lemma_.lower() if chance.dep_ == "dobj" else ""
    if lemma in TAKING:
        return event_status(verb)
    if lemma in MISSING:
        told = event_status(verb)
        return "happened" if told == "negated" else "negated" if told == "happened" else told
    return "possible"


def _chance_clause(tok: Any, head: Any) -> bool:
    """The that-clause of a noun of chance or risk ("a one-in-five chance that the Fed will raise rates", "fears
    that prices will rise"): its content, which may or may not come about, not a plan nor a fact. Told with a
    modal of prediction, as such content is: a relative clause, which the parse may also mark with "that", tells
    what is ("the speculation that Mr. Trump has generated")."""
    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    return (
        tok.dep_ in ("acl", "relcl", "ccomp")
        and marked
        and _foretold(tok)
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in POSSIBLE_FRAMES
    )


def _causative(tok: Any, head: Any) -> bool:
    """The participle of a causative "have"/"get" ("would need to have the bill passed", "will get the car
    repaired"; the parse hangs it on the object): the act is done when the having is, with its status."""
    verb = head.head
    causing = verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in CAUSATIVES
    related = any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)  # "rules opposed to": a relation
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and head.dep_ == "dobj" and causing and not related


def _granted(verb: Any) -> bool:
    """A permission told as granted to its subject: a verb in the passive ("was allowed", "are to be allowed"), or a
    headline's bare participle with no object ("Boeing allowed to bid"). Wider than ``events._passive`` (an
    auxiliary only), which is why the name differs."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    active = any(c.dep_ in ("aux", "dobj", "dative") for c in verb.children)
    return verb.tag_ == "VBN" and not active


def _effort(tok: Any, head: Any) -> bool:
    """The infinitive of an effort ("working to restore power", "struggled to pay"), a complement or a purpose."""
    infinitive = to_infinitive(tok)
    return tok.dep_ in ("xcomp", "advcl") and infinitive and head.lemma_.lower() in EFFORTS


def _put_forward(tok: Any, head: Any) -> bool:
    """The complement of a directive that names an act put forward, not one told: a gerund ("suggested raising the
    tax") or a that-clause in the subjunctive, a bare verb with no auxiliary of its own ("demanded that the company
    raise wages", "that taxes be raised"), or a present under a past directive. Not an indicative ("suggested that
    sales fell", "insisted that he is innocent" under a present "insists")."""
    if tok.dep_ == "xcomp":
        return bool(tok.tag_ == "VBG")
    if any(c.dep_ == "aux" and c.lower_ != "to" for c in tok.children):
        return False  # "recommended that airlines should not purchase": its own modal tells
    if any(c.dep_ == "auxpass" and c.tag_ != "VB" for c in tok.children):
        return False  # "demanded that taxes were raised": told as done
    bare = tok.tag_ == "VB" or any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in tok.children)
    return bool(bare or (tok.tag_ == "VBP" and head.tag_ == "VBD"))


def _asserted(verb: Any) -> bool:
    """A saying verb whose infinitive is what its subject asserts ("claims to possess", "is said to be"); not one
    that promises, announces or foresees ("pledged to cut", "announced to close"), nor one that tells someone to
    act ("urged Pyongyang to stop": a directive, the act ahead)."""
    lemma = verb.lemma_.lower()
    framing = PLAN_VERBS | NEGATING_VERBS | POSSIBLE_VERBS | ANNOUNCING
    told = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    return lemma in _SAYING and lemma not in framing and not told


def _ranked_copula(be: Any) -> bool:
    """ "was first to recommend holding the phone", "was the last to leave": the infinitive tells what the subject
    did, ranked among others, at the copula's time (as on a ranked noun), not a plan."""
    return any(c.dep_ in ("acomp", "attr") and (c.lower_ in RANKS or c.tag_ == "JJS") for c in be.children)


def _ranked(noun: Any) -> bool:
    """A noun ranked by an ordinal or superlative ("the first woman", "the largest jet", "the only airline"): its
    infinitive ("the first woman to lead a car maker") tells what the noun does, as a relative clause would, at
    the time of the clause the noun stands in."""
    return any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" or c.lower_ in RANKS) for c in noun.children
    ) or (noun.ent_type_ == "ORDINAL" or noun.lower_ in RANKS)


def _noun_status(noun: Any) -> Status | None:
    if _instead(noun):
        return "negated"  # "instead of a recall"
    if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "in") and noun.head.head.lemma_.lower() in UNDONE_NOUNS:
        return "negated"  # "the additional delay in delivery": the delivery has not taken place
    prep = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    frame = prep.head.lemma_.lower() if prep is not None else ""
    if frame in POSSIBLE_FRAMES:
        return "possible"
    if prep is not None and frame in PLANNED_FRAMES:
        return "negated" if _withdrawn(prep.head) else "planned"  # "withdrew its offer of a merger"
    if _undone(noun):
        return "negated"
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if mods & PLANNED_MODIFIERS:
        return "planned"
    if mods & POSSIBLE_MODIFIERS:
        return "possible"
    verb = noun.head.lemma_.lower()
    if noun.dep_ == "dobj" and verb in POSSIBLE_VERBS:
        return "possible"  # "analysts had forecast losses"
    announced = verb in ANNOUNCING and noun.lemma_.lower() not in RESULTS
    if noun.dep_ == "dobj" and (verb in PLAN_VERBS or announced):
        return "planned"  # "announced 10,000 job cuts", "proposed a merger": the act lies ahead
    if noun.dep_ in ("dobj", "nsubjpass", "attr") and noun.head.pos_ in ("VERB", "AUX") and verb not in ENDING:
        told = event_status(noun.head)
        if told != "negated" or noun.dep_ != "nsubjpass" or verb in DOING_VERBS:
            return told  # "the deal was not signed": not made; "the decline has not been limited": it took place
    return _phrase_status(noun)


def _undone(noun: Any) -> bool:
    """A plan or act called off by its modifier ("the now-cancelled deal", "the abandoned merger"): it will not
    take place."""
    return any(c.dep_ == "amod" and c.lower_ in UNDONE_MODIFIERS for c in noun.children)


def _phrase_status(noun: Any) -> Status | None:
    """A noun inside a verb's phrase ("could clinch the title with a win or a Steelers loss") is as uncertain as
    the verb: possible or conditional when it is. A plan or a negation of the verb's need not be the noun's ("will
    be compensated for the delay": the delay happened)."""
    node = noun
    while node.dep_ in ("pobj", "prep", "conj") and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            if node.lemma_.lower() in AIMING and noun.head.lower_ in ("at", "for") and noun.head.head.i == node.i:
                return "planned"  # "is aimed at a more efficient flight": what is aimed at lies ahead
            status = event_status(node)
            if node.lemma_.lower() in PROCEEDING and noun.head.lower_ == "with" and noun.head.head.i == node.i:
                return status  # "prepared to move forward with the production": planned, as the going ahead is
            return status if status in ("possible", "conditional") else None
    return None


def event_status(tok: Any) -> Status:
    """The status of the event the token names (a verb, or an event noun). Climbing from the word to the verbs
    that frame it, every marker met counts; the strongest wins (``PRIORITY``: "in case it decided to supply" is
    conditional, not planned; "if he could no longer lead" negated, as MEANTIME reads polarity before certainty).
    A saying verb ends the climb: what is said keeps its own status; so does a time clause in the past tense."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_status(tok) or "happened"
    if _denied_by_ellipsis(tok):
        return "negated"  # "wants to release his taxes but can't"
    found: list[Status] = []
    current, tensed, adverbial, asked, foretold = tok, False, False, False, False
    for _ in range(MAX_CLIMB):
        own = None if tensed else _own(current)  # "should be mentioned that sales doubled": doubled, as told
        clause = _clause(current)
        if clause == "planned" and current.i == tok.i and _done_for(tok):
            clause = None  # "selected Northrop on February 29 to build the aircraft": built, as told
        found += [_hedge_above(s, adverbial) for s in (own, clause) if s is not None]
        if _instead(current) or (current.dep_ == "conj" and _instead(current.head)):
            return "negated"  # "Rather than recall the devices or offer a fix, Jobs said …": neither done
        if clause == "conditional" and _conceded(current):  # "even if the court found": supposed, whatever the
            break  # main clause says of itself ("she should not have to sacrifice her privacy")
        if _yes_no(current):  # "Did GM know about the flaw?", "Will the talks ever stop?": the article asks
            asked = True
            foretold = _foretold(current)
            break
        tensed = (current.dep_ == "ccomp" and _finite(current)) or _tensed_conjunct(current)
        head = current.head
        if _beside_infinitive(current):  # "whether he decided to leave or was forced out": forced, as decided
            head = head.head
        if head.i == current.i:  # the root (spaCy makes a new Token on each access: compare positions)
            if not found and to_infinitive(current):
                found.append("planned")  # a headline's "Kim to visit Russia"
            break
        if _performed(current, head):  # "would like to thank": the thanks are given in saying so
            break
        if _asked(current):  # "did not say whether he decided to leave", "unclear whether Ford will sell": left open
            asked = True
            foretold = _foretold(current)
            break
        if (governed := _governed(current, head)) is not None:
            found.append(_hedge_above(governed, adverbial))
        if head.lemma_.lower() in _SAYING and _clause(head) == "conditional" and not _conceded(head):
            found.append("conditional")  # "if the Chinese pledged to cap": the saying itself is supposed
        if current.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "acomp") or head.lemma_.lower() in _SAYING:
            break
        if _past_occasion(current):  # "may have an impact, as when the iPod was released": the release happened
            break
        if _conceding(current):  # "Although it can fly non-stop, the 777 will have to refuel": it can, now
            break
        adverbial = adverbial or _time_or_purpose(current)
        current = head
    if asked and foretold and not adverbial:
        return "unknown"  # "unclear whether Ford will sell": the question outweighs its own "will"
    if asked:
        found.append("unknown")  # "unclear whether Ford sold", unless a frame says more
    return min(found, key=PRIORITY.index) if found else "happened"


def _foretold(asked: Any) -> bool:
    """Whether the verb a question asks about carries a modal of prediction ("unclear whether Ford will sell the
    unit", "Will the talks ever stop?", "asked whether the story would influence", "whether companies may be
    inclined to bring money home"): what the article asks is whether the act will come about, so it is left open
    (unknown), not planned or possible. Not "should", a question of what ought to be done ("whether the move
    should be approved": the act put forward, planned); not an act in a time or purpose clause of the verb asked
    about ("whether a vote will be scheduled before Congress takes its break": the break is not asked about)."""
    return any(c.dep_ == "aux" and c.lower_ in FORETELLING for c in asked.children)


def _denied_by_ellipsis(verb: Any) -> bool:
    """A bare negated modal after "but", its verb left out ("wants to release his taxes but can't", "tried to
    leave but couldn't"): the act it leaves out is the one just named, and it does not take place. The parse hangs
    the modal on the act or on the verb that frames it; a frame with an infinitive of its own (the wanting, the
    trying) is not the act denied."""
    hosts = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    framing = any(c.dep_ == "xcomp" for c in verb.children)
    return any(_elided_denial(c) for h in hosts for c in h.children) and not framing


def _elided_denial(tok: Any) -> bool:
    """A conjoined modal with a "not" and no verb or complement of its own: "but can't", "but he couldn't"."""
    kids = list(tok.children)
    bare = not any(c.dep_ in ("xcomp", "ccomp", "dobj", "acomp", "attr", "prep") for c in kids)
    return tok.dep_ == "conj" and tok.tag_ == "MD" and any(c.dep_ == "neg" for c in kids) and bare


def _asked(tok: Any) -> bool:
    """An embedded question ("did not say whether he decided to leave or was forced out", "asked if the plant
    would close"): the article leaves open whether its act took place (FactBank's underspecified certainty)."""
    return tok.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in tok.children)


def _yes_no(tok: Any) -> bool:
    """A direct yes-no question ("Did GM know about the flaw?", "Has Apple recalled the phone?"): its auxiliary
    before its subject, no wh-word, a question mark. The article asks; whether the act took place is left open.
    Not a statement said as a question ("She can't beat this guy without stacking the deck?"), nor a wh-question,
    which presumes its act ("Why did it take so long?")."""
    aux = [c.i for c in tok.children if c.dep_ in ("aux", "auxpass") and c.lower_ != "to"]
    subject = [c.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    end = tok.right_edge.i + 1  # a quoted question's mark may hang on the saying verb: "Did you see it?" he asked
    asking = any(c.text == "?" for c in tok.children) or (end < len(tok.doc) and tok.doc[end].text == "?")
    wh = any(t.tag_ in ("WDT", "WP", "WP$", "WRB") and t.i < tok.i for t in tok.subtree)
    return bool(aux and subject) and min(aux) < min(subject) and asking and not wh


def _performed(tok: Any, head: Any) -> bool:
    """A polite wish to thank, apologise or congratulate ("would like to thank the employees", "I want to thank
    our teams") is the act itself, done by saying it (a performative), not a wish still ahead."""
    polite = any(c.dep_ == "aux" and c.lower_ in CONDITIONAL_AUX for c in head.children)
    wish = (head.lemma_.lower() in WISHING and polite) or head.lemma_.lower() in WANTING
    return tok.dep_ == "xcomp" and wish and tok.lemma_.lower() in PERFORMATIVES


def _time_or_purpose(tok: Any) -> bool:
    """An adverbial clause of time ("when it arrives") or purpose ("to improve sales"), not of condition or
    cause: what it says comes with or after the act it hangs on."""
    timed = any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS for c in tok.children)
    return tok.dep_ == "advcl" and (timed or _clause(tok) == "planned")


def _hedge_above(status: Status, adverbial: bool) -> Status:
    """A hedge on the act a time or purpose clause hangs on is not the clause's own: "is expected to be launched
    to improve sales", "expected that it will wear the livery when it arrives": the improving and the arrival lie
    ahead (planned), only the main act is the one expected."""
    return "planned" if adverbial and status == "possible" else status


def _past_occasion(tok: Any) -> bool:
    """A time clause in the past tense ("when the iPod first was released", "after it had filed"): what it dates
    the main verb by is told as having happened, whatever the main verb's modality. Not under a future in the past
    ("would be replaced before the tour commenced": the tense is the report's, the act still ahead)."""
    ahead = PLANNED_AUX | CONDITIONAL_AUX
    if tok.dep_ != "advcl" or any(c.dep_ == "aux" and c.lower_ in ahead for c in tok.head.children):
        return False
    marked = any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS for c in tok.children)
    past = tok.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in tok.children)
    return marked and past


def _conceding(tok: Any) -> bool:
    """A clause of concession ("although it can fly from London to Sydney non-stop", "even though sales rose"):
    it grants a fact, whatever the main clause goes on to plan or doubt; its own markers still count."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONCEDING for c in tok.children)


def _tensed_conjunct(tok: Any) -> bool:
    """A coordinated verb with a tense of its own ("was apparently normal and took place on time"): the first
    verb's modals and hedges are not its own, as they are of one that shares them ("will visit and meet")."""
    return tok.dep_ == "conj" and tok.tag_ in FINITE


def _beside_infinitive(tok: Any) -> bool:
    """A conjunct with a finite auxiliary of its own parsed under an infinitive ("decided to leave or was forced
    out", "was recommended to take over as CEO and has been serving as interim CEO"): it cannot share the
    infinitive's "to", so it is coordinated with the verb the infinitive completes, and that verb's frame, not the
    infinitive's plan, is its own (an embedded question: unknown; a fact: happened)."""
    infinitive = to_infinitive(tok.head)
    own = any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE for c in tok.children)
    below = tok.head.dep_ in ("xcomp", "advcl") and tok.head.head.i != tok.head.i
    return tok.dep_ == "conj" and infinitive and own and below


def _finite(tok: Any) -> bool:
    """A clause with a subject and a tense of its own ("that sales doubled", "the concerns are magnified"), not an
    infinitive ("to be magnified"): the modals of the verb it completes are not its own."""
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)
    auxiliaries = [c for c in tok.children if (c.dep_ == "aux" and c.lower_ != "to") or c.dep_ == "auxpass"]
    tense = tok.tag_ in FINITE or any(c.dep_ == "aux" or c.tag_ in FINITE for c in auxiliaries)
    return subject and tense


PRIORITY: tuple[Status, ...] = ("negated", "conditional", "possible", "planned", "happened", "unknown")
_SAYING = CUE_LEMMAS - MENTAL_CUES
"""A clause under a saying verb (the lexicon's cues, not its verbs of holding) keeps its own status: "said it
will" is planned, "said it sold" happened."""
