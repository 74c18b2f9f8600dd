"""The English the pipeline reads by: words of saying and their classes, pronouns, time words, quotations.

A leaf: it imports nothing of ours, so ingest, extract, ground and evals can all use it. It holds the word lists
that more than one rule reads (the one place that defines the saying verbs) and the text helpers built on them.
A list that is one rule's own parameter (the event parse's "states" and event nouns, the entity table's role
words) stays beside its rule. The scorer keeps its own normalisation and stemmer on purpose
(``summarise.evals.text`` says why).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``, as a set: long word lists written as prose."""
    return frozenset(text.split())


# -- saying, as written (inflected forms) ---------------------------------------------------------------------
_SAID = word_set(
    """said says told tells claimed added adds stated stressed stressing emphasized emphasised emphasizes noted
    notes denied denies refused declined argued argues insisted explained replied responded acknowledged admitted"""
)
SPEECH_VERBS = _SAID | word_set("say tell claim claims states commented spoke speaks")
"""Verbs of saying: an 'event' led by one is a statement, left to the claims. Warnings stay events."""
REPORTING_WORDS = _SAID | word_set(
    "warned warns announced believes believed expressed reported wrote writes tweeted urged asked according"
)
"""Words, as written, that carry an attribution ("according" as in "according to")."""
SAYING_WORDS = (
    REPORTING_WORDS
    | SPEECH_VERBS
    | word_set(
        """according says saying told tells warning warns claim claims stated states reported reports announced
        statement calling called calls criticized criticised criticizing accused accusing blamed praised condemned
        denounced slammed described vowed promised pledged insisted argued urging asking"""
    )
)
"""Any word of saying: a summary sentence with one of them reports a statement rather than stating it as fact."""
SAID_AFTER_NAME = word_set(
    """said says told added warned stressed claimed noted spoke explained insisted argued asked replied wrote
    tweeted emphasized emphasised emphasizes emphasises"""
)
"""Saying verbs that, right after a one-word capitalised name ("Ito said"), show the name is a person's."""

# -- saying, as lemmas (the dependency parse's cues) ------------------------------------------------------------
CUE_LEMMAS = word_set(
    """
    say tell warn add claim deny report announce insist argue believe note write state stress emphasize emphasise
    accuse suggest explain predict confirm vow promise urge declare acknowledge admit complain contend maintain
    reply respond allege estimate assert concede reveal testify tweet think caution charge recall agree disclose
    indicate assure boast lament observe remark reiterate pledge threaten order demand ask conclude find show
    express worry fear hope feel expect doubt wonder understand know
    """
)
"""Verbs that report what someone said or holds."""
MENTAL_CUES = word_set("worry fear hope feel expect doubt wonder understand know think believe")
"""Cues of holding, not saying: they need a subject of their own."""
OBJECT_CUES = word_set(
    """deny confirm announce reveal disclose acknowledge admit allege express call cite want plan support attack
    describe criticize criticise decline refuse question condemn mention propose urge blast charge point
    offer praise slam accuse defend reject dismiss oppose endorse demand blame tout highlight promise vow pledge
    threaten recommend unveil proclaim predict dispute challenge respond comment reply show"""
)
"""Cues whose object can be what is said or held ("denied the report", "called for a vote", "wants to leave")."""
CUES = CUE_LEMMAS | OBJECT_CUES
"""Every cue lemma: a verb among them proposes a claim, not an event (except ``ACT_CUES``)."""
EVIDENCE_CUES = word_set("show find indicate suggest estimate conclude")
"""Cues that also take things as subjects ("the data show"): kept only with a subject, and with a clause as content
(or, for "show", an object: "the poll shows Clinton with a lead")."""
LEARNED_CUES = word_set(
    """
    advocate anger applaud assail attribute brag broadcast chant characterize clarify congratulate convince
    credit decry deem denounce detail disavow discuss distance document echo email envision hint hop imply
    interpret invoke issue joke label list mock name outline plead portray post prefer quote rail rattle rebuff
    recount refer reference remind repeat retweete scar seek seem shout side signal speculate suspect title
    voice yell
    """
)
"""Verbs that head an annotated cue in at least 40% of their 10 or more uses in PolNeAR's training split and are
not among the cues above (``scripts/claims_analysis.py`` prints the table; evals/CLAIMS-ANALYSIS.md). Like the
object cues, their object can be what is held ("mocked the complaint", "denounced the deal"). Kept apart from
``CUES``, which the events also read: these verbs stay events too. Lemmas are the parser's ("hop" for "hoping",
"retweete" for "retweeted")."""
NOTICE_LABELS = word_set("correction corrections clarification clarifications update updated")
"""A paper's notice about its own article ("Correction: An earlier version of this article …"): the line after the
colon is the article's own voice, not a speaker's."""
IMPRESSION_CUES = word_set("seem appear")
"""'X seems to …' is the writer's impression of X, not X's statement: nobody is the source (PolNeAR marks these
without a source)."""
NOUN_CUES = word_set(
    """claim statement allegation accusation assertion argument plan promise pledge vow call criticism attack
    belief view position opposition support suggestion proposal warning charge insistence denial admission
    acknowledgment acknowledgement demand request announcement prediction hope fear concern"""
)
"""Nouns that carry an attribution of their own: "Trump's claim that …", "the campaign's plan to …"."""
LIGHT_VERBS = word_set("make issue offer express voice repeat reiterate give release have lodge level file")
"""Verbs whose object noun carries the saying: their subject holds it ("Trump made the claim that …")."""
POLL_NOUNS = word_set("poll survey")
"""What a clause may be told "in" as its source ("In the new poll, Trump leads …")."""
STATE_ADJECTIVES = word_set(
    """aware unaware certain uncertain sure unsure confident convinced unconvinced concerned worried afraid
    fearful hopeful optimistic pessimistic skeptical sceptical doubtful adamant insistent positive determined
    pleased glad happy proud surprised shocked disappointed frustrated upset angry furious ashamed"""
)
"""Adjectives of a held belief or feeling about a proposition: "Aides are confident that …" holds it like
"believe" ("is daunting that" or "is narrow that" does not)."""
JUDGING_VERBS = word_set("see view regard")
"""Verbs that hold a judgement in the frame "X sees Y as Z" ("is seen as Z"): Y as Z is what X holds."""
TOPIC_FRAMES: dict[str, tuple[str, ...]] = {
    "speak": ("about", "of", "against"),
    "talk": ("about",),
    "ask": ("about", "for"),
    "push": ("for",),
    "campaign": ("for", "against"),
    "testify": ("about",),
    "write": ("about", "of"),
    "argue": ("for", "against"),
    "lobby": ("for", "against"),
    "advocate": ("for",),
    "rail": ("against",),
    "warn": ("about", "of", "against"),
    "complain": ("about", "of"),
    "joke": ("about",),
    "brag": ("about",),
    "boast": ("about", "of"),
    "tweet": ("about",),
    "comment": ("on", "about"),
    "refer": ("to",),
    "vote": ("for", "against"),
    "agree": ("with", "on"),
    "disagree": ("with", "on"),
    "object": ("to",),
    "apologize": ("for",),
    "insist": ("on",),
    "hint": ("at",),
    "lash": ("at",),
    "think": ("about", "of"),
    "hear": ("about",),
    "vow": ("to",),
    "criticize": ("for",),
    "praise": ("for",),
    "blame": ("for",),
    "thank": ("for",),
}
"""Verbs of talk or of a position taken and the prepositions whose object is what they are about ("spoke
about", "asked for", "criticized him for"); chosen on PolNeAR's training split, frame by frame ("focus on",
"fight for", "react to" were right too seldom: evals/CLAIMS-ANALYSIS.md)."""
CAST_VERBS = ("vote",)
"""Of those, the ones that hold a position only when cast by their own subject ("Garcia would vote for")."""
REPORTED_PAST = ("said", "says", "told")
"""Reporting forms that place a nearby time in the past ("said Friday": the Friday before publication)."""
ACT_FORCES = (
    "announce declare proclaim disclose reveal confirm",
    "admit acknowledge",
    "deny",
    "accuse condemn criticize criticise blame",
    "praise",
    "demand urge recommend",
    "promise pledge vow",
    "reject",
    "warn threaten",
)
"""Acts of saying with a force of their own, one group per force, as event coders class them (GDELT's CAMEO: make
public, acknowledge, deny, accuse or criticize, praise, demand or appeal, promise, reject, threaten): "announced
her death" and "confirmed her death" make one thing public; a denial is of a force of its own, its opposite's.
Written from the classes, not from a corpus."""
ACT_CUES = word_set(" ".join(ACT_FORCES))
"""Cues that are also events (``ACT_FORCES``): an announcement, a denial, a warning is something that happened,
with a doer and a time, besides the claim it makes. Not the verbs that only pass a statement on ("said", "told",
"added", "claimed", "argued", "predicted"), whose saying is the claim alone."""

_SAYING_LEMMAS = CUE_LEMMAS | ACT_CUES | LEARNED_CUES | NOUN_CUES
_SAYING_IRREGULAR = word_set("said told thought wrote found felt knew known")
"""Forms of verbs of saying or holding that no ending taken off gives."""
_ENDINGS = (
    ("ied", "y"),
    ("ies", "y"),
    ("tted", "t"),
    ("tting", "t"),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("es", ""),
    ("s", ""),
    ("ing", ""),
    ("ing", "e"),
)


def cue_lemmas(cue: str) -> set[str]:
    """A cue as written and with an ending taken off: the lemmas it may be a form of ("denied": deny, "hoping":
    hope, "admitted": admit)."""
    word = cue.lower()
    return {word} | {word[: -len(end)] + add for end, add in _ENDINGS if word.endswith(end)}


def says_or_holds(cue: str) -> bool:
    """Whether a cue as written is a word of saying or holding: ``CUE_LEMMAS``, ``ACT_CUES``, the cues PolNeAR's
    annotators mark in most uses (``LEARNED_CUES``) and ``NOUN_CUES``, in any form."""
    return cue.lower() in _SAYING_IRREGULAR or bool(cue_lemmas(cue) & _SAYING_LEMMAS)


COMPANY_NOUNS = word_set(
    "company firm corporation automaker carmaker manufacturer maker airline carrier airframer consortium retailer"
)
"""Head nouns that stand for a company ("the firm", "the US car manufacturer", "the two companies")."""

_IRREGULAR = {"said": "say", "told": "tell", "spoke": "speak", "wrote": "write", "thought": "think"}


def verb_stem(word: str) -> str:
    """A lower-case verb without its inflection, so a cue matches in any form ("warns", "warned": "warn")."""
    word = _IRREGULAR.get(word, word)
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


ACT_FORMS = word_set("denied denies acknowledged admitted")
"""The forms of ``SPEECH_VERBS`` whose verb is an act of saying with a force of its own (``ACT_CUES``)."""


def is_speech(action: str) -> bool:
    """An 'event' whose verb is a reporting verb is a statement: it belongs to the claims. Not one of
    ``ACT_CUES`` ("denied the report"): a denial is an event, as the parse's is."""
    words = action.lower().split()
    said = bool(words) and words[0] in SPEECH_VERBS - ACT_FORMS
    return said or (len(words) > 1 and words[:2] == ["did", "not"])


# -- pronouns -------------------------------------------------------------------------------------------------
PRONOUNS = word_set("he she they it we i you him her them us this these those")
"""Pronouns a subject may be: a source or actor written so is resolved to an earlier name."""

AUXILIARIES = word_set("be is are was were been has have had will would could should may might")
"""Auxiliary and modal verbs: they carry tense and mood, not what a sentence is about."""

PERSON_PRONOUNS = word_set("he she him her his")
"""Pronouns that stand for a person ("his" as a noun cue's owner: "his claim that …")."""
THING_PRONOUNS = word_set("it its")
"""Pronouns that stand for something other than a person."""
PLURAL_PRONOUNS = word_set("they them their")
"""Third person plural: a company, a group or several people, not one person ("Apple ... They demonstrated")."""
SPEAKER_PRONOUNS = word_set("i we you me us")
"""First and second person: words inside someone's speech ("I think"), not its attribution."""
POSSESSIVES = word_set("his her their its our my your")
"""Possessive pronouns: "his claim that …" is resolved to an earlier name like "he"."""

# -- offices --------------------------------------------------------------------------------------------------
PERSON_ROLES = frozenset(
    "leader president minister spokesperson spokesman spokeswoman advisor adviser chancellor secretary head "
    "chief officer director ambassador governor mayor senator congressman congresswoman representative general "
    "commander official envoy king queen prince princess premier ceo chairman chairwoman chair judge justice "
    "lawmaker candidate nominee emperor pope dictator ruler foreign_minister negotiator diplomat "
    "mr mrs ms dr prof gen sen rep gov lt col sgt capt adm maj".replace("_", " ").split()
)
"""Words that name a person by office or rank ("the Russian president", "Mr"): entity rules tell titles and
descriptions by them; an event's target may be a person named so."""
PEOPLE_NOUNS = word_set(
    "people person man woman men women child children boy girl family public crowd police staff "
    "analyst economist expert critic observer commentator researcher scientist scholar professor student teacher "
    "doctor nurse patient lawyer attorney reporter journalist writer author editor "
    "user customer consumer buyer shopper passenger traveller traveler driver pilot "
    "owner shareholder investor trader banker dealer seller worker employee executive manager engineer "
    "voter citizen resident civilian taxpayer donor supporter opponent activist protester protestor demonstrator "
    "member delegate volunteer soldier troop officer veteran refugee immigrant migrant victim survivor witness "
    "parent mother father son daughter neighbour neighbor friend"
)
"""Words that name people by what they do, are or stand to others, not by office ("industry analysts", "the
woman", "voters"): a doer so named is a person or a group of people, who act (``events._thing_does``). Not a
word that as often names a device or a program in the news the project reads ("client", "reader", "viewer",
"player", "fan")."""

# -- relatives ------------------------------------------------------------------------------------------------
RELATIVE = word_set("which that who whom")
"""Relative pronouns: "which said" points at the noun the clause hangs on."""

# -- function words -------------------------------------------------------------------------------------------
FUNCTION_WORDS = (
    PRONOUNS
    | AUXILIARIES
    | POSSESSIVES
    | RELATIVE
    | word_set(
        """a an the some any all both each every no not one two three four five six seven eight nine ten and or
        but nor so yet although though while when whenever if unless because since as after before until once
        where whereas whether than then also even just still about above across against along among around at by
        during for from in into near of off on onto out over per through to toward towards under upon via with
        within without am do does did can must shall me our my your what how why whose according other others
        another several many most"""
    )
)
"""Words that open or join phrases rather than modify a noun: before a name or noun they end the phrase before
it ("Although Gallois said", "but prosecutors have"), unlike a modifier ("the development team")."""

# -- quotations -----------------------------------------------------------------------------------------------
# The quotation marks by kind: the sets of marks that rules test tokens or strip edges by are built from these, each
# rule taking the kinds it means (beside it, why; character classes inside regexes still spell their own marks):
# "'" and "’" are apostrophes as well ("don’t", "the workers’ union"), so a rule that meets them inside words
# leaves the single marks out.
DOUBLE_QUOTES = frozenset('"“”')
"""English double quotation marks, straight and curly."""
SINGLE_QUOTES = frozenset("'‘’")
"""Single quotation marks, straight and curly; the straight and the closing one are also apostrophes."""
GUILLEMETS = frozenset("«»")
OTHER_QUOTES = frozenset("„‚‹›")
"""Low openers and single guillemets (German, French typography)."""
ASCII_PAIRS = frozenset({"``", "''"})
"""Double quotation marks typed as two characters (``like this''), each one token."""
_OPEN = {"“": "”", '"': '"', "«": "»", "„": "“"}
_ALSO_CLOSES = {"“": '"', '"': "”"}
"""Typography mixed within one quotation ('a “good corporate citizen," who …'): the other English mark closes
it too, where it comes first (else the quotation runs on over the text after it), and so does an ASCII pair's
"''" ('TV show "Scrubs,'' has entered')."""
_PAIR_CLOSES = ("''", '"', "”")
"""An ASCII pair's quotation closes at the next "''", or at a straight or curly mark where typography is mixed
('regardless of the facts: ''I' d distribute a one page memo ... a new tanker," it said')."""
MIN_QUOTE_WORDS = 2


def quoted_stretches(text: str, start: int, end: int, min_words: int = MIN_QUOTE_WORDS) -> list[tuple[int, int]]:
    """[start, end) of the words inside quotation marks within text[start:end], trailing , or . dropped."""
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        mark = _opening_mark(text, i, end)
        if mark is None:
            i += 1
            continue
        a = i + len(mark.opens)
        closes = [k for close in mark.closes if (k := _closing_at(text, close, a, end)) >= 0]
        j = min(closes, default=-1)
        stop = end if j < 0 else j
        b = stop
        while b > a and text[b - 1] in " ,.;:":
            b -= 1
        if len(text[a:b].split()) >= min_words:
            found.append((a, b))
        i = stop + 1
    return found


class QuoteMark(NamedTuple):
    """An opening quotation mark as written, and the marks that may close it."""

    opens: str
    closes: tuple[str, ...]


def _opening_mark(text: str, i: int, end: int) -> QuoteMark | None:
    """The quotation mark that opens at text[i], if one does. An ASCII pair is one only where a quotation may begin
    there: "``" anywhere, "''" after no letter nor digit and before a word (not "the workers'' union" nor the "''"
    that closes an ASCII quotation)."""
    pair = text[i : i + 2]
    if pair == "``" or (pair == "''" and _opens_pair(text, i, end)):
        return QuoteMark(pair, _PAIR_CLOSES)
    close = _OPEN.get(text[i])
    if close is None:
        return None
    also = (_ALSO_CLOSES[text[i]], "''") if text[i] in _ALSO_CLOSES else ()
    return QuoteMark(text[i], (close, *also))


def _opens_pair(text: str, i: int, end: int) -> bool:
    """Whether the "''" at i opens a quotation: no letter, digit or mark just before it, a word just after it."""
    before = text[i - 1] if i > 0 else " "
    return not (before.isalnum() or before in "'`") and i + 2 < end and not text[i + 2].isspace() and text[i + 2] != "'"


def _closing_at(text: str, close: str, a: int, end: int) -> int:
    """Where the first ``close`` after a closes the quotation, -1 where none does before end. A "''" closes at the
    last two of a run of marks ("said 'no.'''": the single mark closes first)."""
    k = text.find(close, a, end)
    if close == "''":
        while k >= 0 and k + 2 < end and text[k + 2] == "'":
            k += 1
    return k


# -- time words ---------------------------------------------------------------------------------------------
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

# -- how often ------------------------------------------------------------------------------------------------
OFTEN = word_set("often usually frequently routinely typically")
"""Adverbs of frequency that tell a habit wherever they stand: both habit rules read them (the two below)."""
SOME_TIMES = word_set("sometimes occasionally regularly repeatedly")
"""Adverbs of acts done now and then: a habit after "would" ("would decrease and sometimes lead to dropped calls").
Not in ``FREQUENCY_ADVERBS``: the simple-present rule was read without them."""
AS_A_RULE = word_set("generally always rarely seldom normally commonly ordinarily")
"""Adverbs of what holds as a rule: a habit in a simple present ("candidates generally benefit"). Not in
``HABITUAL_ADVERBS``: after "would", "always" is a promise ("said it would always support"), and the "would" rule
was read without the others."""
HABITUAL_ADVERBS = OFTEN | SOME_TIMES
"""Adverbs of frequency that make a "would" a past habit ("reception would decrease and sometimes lead to dropped
calls", "he would often visit"), not a future in the past or a supposition (``factuality._habitual``)."""
FREQUENCY_ADVERBS = OFTEN | AS_A_RULE
"""Adverbs of how often: with a simple present they tell a habit ("Mexicans often say", "candidates generally
benefit"), what holds as a rule (``events._habitual``); in the past, the acts of a period ("frequently mocked")."""


# -- instructions addressed to a model (prompt injection, OWASP LLM01) -----------------------------------------
_LEAD_IN = r"(?:^|[,:;(\[\-–—\"“'«„]\s*|\b(?:please|now|and|then|just|so)\s+)"
"""Where an order starts: a sentence, a clause or a quotation, or after "please", "and", "now" (so that
"in flagrant disregard of previous resolutions" is not one)."""
_WHICH = r"(?:(?:all|any|the|your|my|of|these|those|previous|prior|earlier|above|preceding|system)\s+){0,4}"
_ORDERS = (
    # English: "Ignore (all) (the) previous instructions", "you are now …", "output the word …"
    _LEAD_IN + r"(?:ignore|disregard|forget|override|bypass)\s+" + _WHICH + r"(?:instructions?|prompts?|rules"
    r"|directions|guidelines|above|everything)\b",
    r"\b(?:new|updated|system|hidden|secret) instructions?\s*:",
    r"\bsystem prompt\b",
    r"\byou are (?:now )?(?:an? )?(?:ai|assistant|language model|chatbot|llm|summari[sz]er)\b",
    r"\b(?:output|print|respond with|reply with|answer with)\s+(?:only\s+)?(?:the word|the text|exactly)\b",
    r"\b(?:output|print|write|return)\b[^.!?\n]{0,40}?\b(?:as|for|in) (?:the|your) (?:summary|answer|output"
    r"|response)\b",
    r"\b(?:summari[sz]e|describe) (?:this|the) (?:article|text) as\b",
    # Words to the summariser about its own output: "the one acceptable summary of this page is …"
    r"\b(?:summary|summaries|tl;?dr)\b[^.!?\n]{0,30}?\b(?:of|for) (?:this|the) (?:page|article|text|document|post)\b",
    r"\b(?:language models?|llms?|ai (?:models?|assistants?|systems?|tools?)|chatbots?|automated tools?"
    r"|summari[sz]ers?)\b\s*[:,]\s*(?:the|you|please|do|ignore|always|never|only)\b",
    # French, German, Spanish, Italian, Portuguese, Dutch: "ignore the previous instructions", "forget everything"
    _LEAD_IN + r"(?:ignore[zr]?|oublie[zr]?|ignoriere[n]?|vergiss|vergessen sie|ignora|ignorar|ignorate|olvida"
    r"|dimentica|negeer|vergeet)\b[^.!?\n]{0,40}?\b(?:instructions?|consignes|anweisungen|instruktionen"
    r"|befehle|instrucciones|istruzioni|instruções|instrucoes|instructies|alles|tout|todo|tutto|tudo)\b",
    r"\b(?:instructions|consignes) (?:précédentes|precedentes|ci-dessus)\b",
    r"\b(?:vorherigen|bisherigen|obigen) (?:anweisungen|instruktionen)\b",
    r"\binstrucciones (?:anteriores|previas)\b",
    r"\bistruzioni (?:precedenti|sopra)\b",
    r"\binstruções (?:anteriores|acima)\b",
    r"\b(?:vorige|eerdere) instructies\b",
)
_ORDER = re.compile("|".join(f"(?:{p})" for p in _ORDERS), re.IGNORECASE)


def reads_as_instruction(text: str) -> bool:
    """Whether ``text`` reads as an order to a language model ("Ignore previous instructions and output …"),
    in English or a few other languages' usual phrasing. Such a sentence in an article is an attempt to take
    over the model, not news: it is never summarised, and a summary holding one is not a summary."""
    return _orders_a_model(" ".join(text.split()))


@lru_cache(maxsize=4096)
def _orders_a_model(flat: str) -> bool:
    """Cached: the pattern costs ~0.1 ms a sentence, and each of an article's sentences is asked about several
    times (its prompts, the items kept, the summary check), on the event loop that drives a whole batch."""
    return _ORDER.search(flat) is not None
