"""Attributions found in code: who said what, from the dependency parse of each sentence.

A small model asked to list every statement stops early or paraphrases; the parse finds them all, at no token
cost, and cuts every part from the article as written:

- the cue: a reporting, position or belief verb (said, warned, denied, called for, believes …; and the verbs that
  head an annotated cue in at least 40% of their uses in PolNeAR's training split: mocked, denounced, echoed …)
  outside quotation marks, a noun that carries one ("Trump's claim that …", "the campaign's plan to …"),
  "according to", a poll a clause is told "in" ("In the new poll, Trump leads …"), an adjective of belief or
  feeling ("Aides are confident that …", "worried about the cost"), "sees X as Y" ("is seen as Y": X as Y
  is the content), a verb of talk with what it is about ("spoke about", "asked for", "warned of", a vote
  its subject cast), a transcript's "NAME:" or a quotation signed "― Name" at the end of its line; any other
  verb cut the same way where the cue model (``cue_model``, learned on PolNeAR's training split) says it
  reports something ("pressed for");
- the source: the verb's subject (walking up "…, adding that" or "… by saying" to the clause that has one; a
  noun cue's possessor or the subject of "made the claim", for a noun's 'that' clause the one it is "by" or the
  subject of the verb it is told with ("Cruz entered the debate with an argument that …"); a relative "which said"
  points at its noun; the agent of a passive "was told by"; a name in apposition to a description; of two
  subjects the parser gave a cue, the last, '“…,” said Wimes'; for a finite cue the parser left without one,
  the name beside it, "… the Washington Post Trump said", "Said Ellis:", or the text "As stated in" names);
  none for "it is said", nor for a participle "Asked about …, Clinton said" (she was asked);
- the content: the verb's clausal complement (with the whole quotation it sits in, even one opened sentences
  before), else a passive's subject when its agent is named ("the meeting was reported by Politico"), else the
  quotation in the sentence (the cue's object where a quoted word or two is part of it, 'called the behavior
  “outrageous”'), else the rest of the sentence around "according to" or a parenthetical "…, Mr. Obama said,
  …" (not around a participle told only with a when: "When questioned after the debate, he …"), else the
  object of a verb that takes one ("denied the report"; a when or where told first is not it: "announced on
  Tuesday the first …", and "unveiled during a ceremony" holds nothing), else
  for a sentence that is only its attribution ("Clinton asked.") the quotation just before it, for one that
  ends on its cue and a colon ("He said:") the next paragraph; under three words only when it names something
  ("criticized him") or is a quotation ending in its own punctuation ('"Probably," he said').

The headline, which is not one of the document's sentences, is parsed too (a title-case one in sentence case: its
cue verbs, "Jane Roux Says …", and the words the body never capitalises in lower case), and its "NAME: …" shape
read like a transcript's line: its attributions are numbered sentence 0, and grounding takes the title as their
sentence. A headline's parse is poor, so less of it is taken on trust: a cue holds only its own clause unless it
can be a parenthetical ("…, Lindsey Graham Says"; not "after bondholder offers fail", a noun read as a verb),
"NAME:" is no speaker when it names nobody and the statement after it opens with its own ("The Latest: Trump
urges …", who says the rest of the line), and a cue inside another headline attribution's statement that names
no one new is part of it.

A cue inside another attribution's content that names no one new is part of that statement, not a second one.
Pronoun sources are resolved to the nearest earlier speaker in the body (not the headline's), else the nearest
earlier name of the right kind (he/she to a person); what cannot be resolved stays unattributed. First-person "I
think", "we know that" outside quotation marks is the writer's and names nobody (inside another statement or a
transcript's line it is part of that); "you know" is skipped.

Last, the patterns of words around a cue that grounding reads when it links claims to the events they tell
(``ground.assemble.reported``): a clause coordinated with the cue's, "as" before it, a frame of the writer's, a
subordinate clause, a saying not done or done by nobody.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, Literal

from ..ingest import Document
from ..ingest.index import HolderLookup, LastBefore, QuotationResume, SubstringSet
from ..lexicon import (
    ASCII_PAIRS,
    CAST_VERBS,
    CUES,
    DOUBLE_QUOTES,
    EVIDENCE_CUES,
    GUILLEMETS,
    IMPRESSION_CUES,
    JUDGING_VERBS,
    LEARNED_CUES,
    LIGHT_VERBS,
    MENTAL_CUES,
    NOTICE_LABELS,
    NOUN_CUES,
    OBJECT_CUES,
    PERSON_PRONOUNS,
    POLL_NOUNS,
    POSSESSIVES,
    PRONOUNS,
    RELATIVE,
    SPEAKER_PRONOUNS,
    STATE_ADJECTIVES,
    THING_PRONOUNS,
    TOPIC_FRAMES,
    quoted_stretches,
    verb_stem,
)
from .cue_model import Judge, shipped
from .nlp import parser

OBJECT_DEPS = ("dobj", "prep", "dative", "oprd", "xcomp", "attr", "acomp", "prt")
VERB_CUES = CUES | LEARNED_CUES
"""Every verb the parse reads as a cue."""
CIRCUMSTANCE_PREPS = frozenset({"during", "since", "until", "after", "before", "amid", "throughout", "within"})
"""Prepositions that head only a time or a setting: never what a cue holds."""
CIRCUMSTANCE_ENT_PREPS = frozenset({"on", "in", "at"})
"""Prepositions that head a time or a setting when their object is a name of ``CIRCUMSTANCE_ENTS`` (``_circumstance``).
Narrower than ``events.TARGET_SETTING_PREPS`` and ``article_events.ANTECEDENT_SETTING_PREPS``: each list was read on
its own rule's changes, and one list for all three would change what they find."""
CIRCUMSTANCE_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
"""Their object of these kinds is a when or a where ("on Friday", "in Paris", "at 12:00"); "from midnight to
6 a.m." may be what was announced (a curfew's hours)."""
STATE_DEPS = ("ccomp",)
STATE_PREPS = ("about", "of", "in", "over", "on")
NOUN_PREPS = ("of", "about", "for", "on", "against")
"""The prepositions whose object a noun cue holds ("criticism of the deal", "a call for a vote")."""
DASHES = frozenset({"-", "--", "—", "–", "―"})
QUOTE_MARKS = DOUBLE_QUOTES | ASCII_PAIRS | GUILLEMETS
"""Quotation marks as the parser's tokens: a subject's words never reach back over one ('“…,” Jane Roux'). Not the
single marks: "’" and "'" are as often apostrophes ("the workers’ union", "Jones' lawyer")."""
SUBJECT_DEPS = ("nsubj", "nsubjpass")
GENERIC_PRONOUNS = frozenset({"you"})
"""A second-person subject is mostly anyone ("you know", "you say"), not a speaker."""
CONTENT_DEPS = ("ccomp", "parataxis", "xcomp")
HEAD_DEPS = ("conj", "advcl", "xcomp")
"""A cue in one of these relations without a subject of its own takes its head's ("…, adding that")."""
MIN_CONTENT_WORDS = 3
"""Shorter contents are kept only as a cue's own object or clause ("criticized him", "believe it")."""
SHORT_POS = ("NOUN", "PROPN", "PRON", "VERB", "NUM")
SIGN_OFF_WORDS = 8
"""A sentence of at most this many tokens, its cue the only verb, may sign off the quotation before it."""
QUOTE_BEFORE_CHARS = 3000
"""How far back the opening mark of that quotation is looked for."""
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
"""The parser's entity labels of names that may speak or act (people, organisations, places, groups)."""
MAX_PARSE_CHARS = 10_000
"""A longer 'sentence' is not prose (a table, a list run together): it is not parsed for attributions."""
_APPOSED_NAME = re.compile(r",\s*((?:[A-Z][\w.'’-]*\s?){1,4}?)(?=,)")


@dataclass(frozen=True)
class Attribution:
    sentence: int
    """1-based number into Document.sentences."""
    cue: str
    cue_start: int
    source: str
    """The source as written (a pronoun resolved: the earlier name), or '' when nobody is named."""
    source_span: tuple[int, int] | None
    content: str
    content_span: tuple[int, int]
    pronoun: str | None = None
    """The pronoun the source was resolved from, if any."""
    weak: bool = False
    """A cue of the learned lexicon or a noun: an act told inside someone's statement is part of it, whoever
    does it ("reports said Kim could travel and discuss …")."""


def _span(tokens: Iterable[Any]) -> tuple[int, int]:
    toks = list(tokens)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subtree(tok: Any) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, punctuation at the edges, a leading 'that', and quotation marks left unpaired."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    if text[start:end].lower().startswith("that "):
        start += 5
    return start, end


def _source_token(cue: Any) -> Any | None:
    """Who speaks through a cue: its subject, walking up a cue without one ("…, adding that") to its head's.

    Not ``events._subject`` (who does a deed), on purpose: saying and doing part where the parse is ambiguous.
    Here a passive speaks for its agent only at the cue itself ("was told by X"; "it is said" has nobody), a
    mental cue never borrows its head's subject ("…, expecting"), and a cue misparsed as a reduced relative
    after a name ("Trump called Clinton a liar") takes the name; an actor instead takes an agent at any level,
    walks up through ccomp/acomp heads too, and stops at a head that is not verbal. Measured (parse strategy):
    finding sources with the actor finder changes the claims of 16 of the 84 PolNeAR dev articles and lowers seed
    000's claims F1 from 0.952 to 0.909; finding actors with this one changes the events of 63 articles (2,674
    events become 2,547) and lowers seed 002's events F1 from 0.692 to 0.640.
    """
    tok = cue
    for _ in range(5):
        # Two subjects: the quotation's own, misread as the cue's ('“…, Full panic mode,” said Leslie Wimes'),
        # and the speaker's after the cue: the last one
        subj = next((c for c in reversed(list(tok.children)) if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            if subj.dep_ == "nsubjpass" and tok is cue:  # "was told by X"; "it is said", "which is said": nobody
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if subj.lower_ in RELATIVE and tok.dep_ == "relcl":
                return _who_of(subj, tok.head)
            return subj
        if tok is cue and tok.dep_ == "acl" and tok.head.i == tok.i - 1 and tok.head.pos_ == "PROPN":
            return tok.head  # "Trump called Clinton a liar", misparsed as a reduced relative clause
        if (
            tok is cue
            and tok.dep_ == "acl"
            and tok.head.dep_ == "ROOT"
            and tok.head.pos_ in ("NOUN", "PROPN")
            and cue.tag_ != "VBG"  # not "Keeps saying she …": a verb read as a noun before a gerund
        ):
            return tok.head  # "A Quinnipiac poll found last week that …": a verbless sentence is a misparse
        controller = next((c for c in tok.head.children if c.dep_ == "dobj"), None) if tok is not tok.head else None
        if tok is cue and cue.dep_ in ("xcomp", "ccomp") and controller is not None and controller.i < cue.i:
            return controller  # "led the journalist to fear", "left many nations feeling": the one led holds it
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "responded by saying", "before asking", "for refusing": the verb's subject
            continue
        if (
            tok.dep_ not in HEAD_DEPS
            or tok.head is tok
            or (tok is cue and cue.lemma_ in MENTAL_CUES and not _finite_conj(cue))
            or (tok is cue and _passive_participle(cue))
        ):
            return None  # "…, adding that" speaks for its head's subject; "expecting" or "fearing" does not
        tok = tok.head
    return None


def _who_of(relative: Any, noun: Any) -> Any:
    """Whom a "who" stands for: the noun the parse hung it on, or, when that noun ends a phrase that tells a
    person's or group's place or body by its name ("nervous Democrats on Capitol Hill, who have argued", "the
    chairman of the Senate committee, who said"), the person or group: "who" is no place or organisation."""
    prep = noun.head
    if (
        relative.lower_ == "who"
        and noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.head.pos_ in ("NOUN", "PROPN")
        and noun.ent_type_ in ("GPE", "LOC", "FAC", "ORG")
    ):
        return prep.head
    if relative.lower_ == "who" and (described := _copula_subject(noun)) is not None:
        return described
    return noun


def _copula_subject(noun: Any) -> Any | None:
    """The subject a predicate noun describes, through the list it ends ("Trump … is a serial liar, rampant
    xenophobe and birther who has pledged"): "who" after what someone *is* stands for that someone, not for
    the description (a description does not speak). The subject is the copula's own, or, for a copula joined
    to a verb before it ("incites violence and is a liar"), that verb's; a relative or expletive is none."""
    tok = noun
    while tok.dep_ in ("conj", "appos") and tok.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        tok = tok.head
    if tok.dep_ != "attr" or tok.head.lemma_ != "be":
        return None
    verb = tok.head
    while True:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj if subj.lower_ not in RELATIVE | {"it", "there", "this", "that"} else None
        if verb.dep_ != "conj":
            return None
        if verb.head.pos_ == "PROPN":  # "Trump regularly\nincites violence and is a liar" misparsed: the name
            return verb.head
        verb = verb.head


def _passive_participle(cue: Any) -> bool:
    """ "Asked about the bomb, Clinton said …": the head's subject is the one asked, not the one asking."""
    return bool(
        cue.tag_ == "VBN" and cue.dep_ == "advcl" and not any(c.dep_ in ("aux", "auxpass") for c in cue.children)
    )


def _unparsed_subject(cue: Any) -> Any | None:
    """The subject of a finite cue the parser gave none, beside it: the name or noun right before it ("… of
    the Washington Post Trump said that", "the $20 million experts say it costs"), or the name right after a
    sentence's opening "Said" ("Said Ellis: “…”"). A finite verb has a subject; a parse without one is wrong."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or cue.dep_ in HEAD_DEPS or cue.dep_ == "relcl":
        return None
    doc = cue.doc
    if cue.i == 0 and len(doc) > 1 and doc[1].pos_ == "PROPN":
        return doc[1]
    before = doc[cue.i - 1] if cue.i > 0 else None
    if before is not None and before.pos_ in ("PROPN", "NOUN") and before.dep_ not in ("compound", "poss"):
        return before
    return None


def _name_bounds(tok: Any) -> tuple[int, int]:
    """The named entity holding ``tok`` (the parse's subtree around a misparsed subject is not its words)."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return _span(ent) if ent is not None else _span([tok])


def _as_stated_in(cue: Any) -> Any | None:
    """The text an "As stated in Davis' commentary, …" or "as reported by the Times, …" cites: its source."""
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    held = next((c for c in cue.children if (c.dep_ == "prep" and c.lower_ == "in") or c.dep_ == "agent"), None)
    return next((c for c in held.children if c.dep_ == "pobj"), None) if held is not None else None


def _subjectless_source(cue: Any) -> tuple[Any, tuple[int, int]] | None:
    """(token, bounds) of the source of a lexicon cue with no subject in the parse, where the sentence shows one."""
    if (cited := _as_stated_in(cue)) is not None:
        return cited, _source_bounds(cited)
    if (beside := _unparsed_subject(cue)) is not None:
        return beside, _name_bounds(beside)
    return None


def _finite_conj(verb: Any) -> bool:
    """A finite verb coordinated with its head shares its subject ("McKinley is bearish and expects …"), where a
    participle ("…, expecting") need not."""
    return bool(verb.dep_ == "conj" and verb.tag_ in ("VBZ", "VBD", "VBP"))


def _source_bounds(tok: Any) -> tuple[int, int]:
    """The subject's words up to its head noun, or the name in apposition to a description ('the spokesman, Ito')."""
    left = tok.left_edge
    right = tok
    if tok.pos_ != "PROPN":  # "the head of military intelligence, Kirilo Budanov": the name
        named = next((c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None:
            names = [t for t in named.subtree if t.i <= named.i and t.pos_ in ("PROPN", "PUNCT")]
            return _span([t for t in names if t.i >= names[0].i and t.pos_ == "PROPN"] or [named])
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "appos") and child.pos_ == "PROPN" and tok.pos_ != "PROPN":
            right = child
            break
        if child.dep_ not in ("compound", "flat"):
            break
        right = child
    marks = [t.i for t in tok.subtree if left.i <= t.i < tok.i and t.text in QUOTE_MARKS]
    words = [t for t in tok.subtree if max(marks, default=left.i - 1) < t.i <= right.i]  # not the quotation before
    words = _after_spaced_dash(words, tok) or words
    # nor punctuation at its edges, nor a focus adverb before the subject ("Even China, …, said"): no one's name
    inner = [t for t in words if not t.is_punct]
    while len(inner) > 1 and inner[0].dep_ == "advmod" and inner[0].head.i == tok.i:
        inner.pop(0)
    while len(inner) > 1 and inner[0].pos_ == "CCONJ":  # "But some note": a name opens with no conjunction
        inner.pop(0)
    return _span(words[words.index(inner[0]) : words.index(inner[-1]) + 1] if inner else words)


def _after_spaced_dash(words: list[Any], head: Any) -> list[Any]:
    """The words after the last dash set off by spaces before the subject's head: what is before it is another
    thing, a dateline ("BRUSSELS - European leaders") or the phrase a parenthesis interrupts ("an aggressive -
    some say"). A hyphen inside a word ("Ki-moon") has no space on either side. Empty: no such dash."""
    dashes = [
        n
        for n, t in enumerate(words)
        if t.i < head.i and t.text in DASHES and t.whitespace_ and t.i > 0 and t.doc[t.i - 1].whitespace_
    ]
    return words[dashes[-1] + 1 :] if dashes else []


def _around(cue: Any) -> tuple[int, int]:
    """The sentence around a parenthetical cue's own words (its subtree): before it, after it, or both."""
    sent, (a, b) = cue.doc, _subtree(cue)
    if a <= sent[0].idx:
        return b, len(sent.text)
    if b >= len(sent.text.rstrip(" .\"'”’")):
        return 0, a
    return 0, len(sent.text)


def _content_bounds(
    cue: Any, text: str, quotes: Sequence[tuple[int, int]], offset: int, *, any_object: bool = False
) -> tuple[int, int] | None:
    """What a cue holds; ``any_object``: its object too, as for ``OBJECT_CUES`` (a verb the cue model judges)."""
    for dep in CONTENT_DEPS:
        clause = next((c for c in cue.children if c.dep_ == dep), None)
        if clause is not None:
            a, b = _subtree(clause)
            for q in quotes:  # a quotation the clause belongs to, maybe opened sentences before: all of it
                if q[0] - offset < b and a < q[1] - offset and not q[0] - offset <= cue.idx < q[1] - offset:
                    a, b = min(a, q[0] - offset), max(b, q[1] - offset)
            return a, b
    for obj in (c for c in cue.children if c.dep_ == "dobj"):  # "expressed his belief that …"
        clause = next((c for c in obj.children if c.dep_ in ("ccomp", "acl")), None)
        if clause is not None:
            return _subtree(clause)
    passive = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and any(c.dep_ == "agent" for c in cue.children):
        return _subtree(passive)  # "The meeting was first reported by Politico": what was reported
    objects = [c for c in cue.rights if c.dep_ in OBJECT_DEPS]
    told_when = bool(objects)
    while objects and _circumstance(objects[0]):  # "announced on Tuesday the first …": what follows the when
        objects.pop(0)
    told_when = told_when and not objects  # "when questioned after the debate": only when it was told
    held = None
    if objects and (any_object or cue.lemma_ in OBJECT_CUES or cue.lemma_ in LEARNED_CUES):
        held = objects[0].left_edge.idx, objects[-1].right_edge.idx + len(objects[-1].right_edge.text)
    outside = [q for q in quotes if not (q[0] - offset <= cue.idx < q[1] - offset)]
    if outside and cue.lemma_ not in EVIDENCE_CUES:
        best = max(outside, key=lambda q: q[1] - q[0])
        inside = held is not None and held[0] <= best[0] - offset and best[1] - offset <= held[1]
        if held is not None and inside and len(text[best[0] : best[1]].split()) < MIN_CONTENT_WORDS:
            return held  # a quoted word of the object is not all it holds: 'called the behavior “outrageous”'
        return best[0] - offset, best[1] - offset
    if held is not None:
        return held
    if (
        cue.dep_ in ("parataxis", "advcl", "ccomp")
        and cue.head.i != cue.i
        and cue.head.pos_ in ("VERB", "AUX")
        and not (told_when and _passive_participle(cue))  # "when questioned after the debate, Trump …" was
    ):  # asked: it holds no sentence around it ("…, officials said on Thursday" does)
        return _around(cue)  # "The museum, Mr. Obama said, would …": the rest of the sentence
    that = next((t for t in cue.doc[cue.i + 1 :] if t.lower_ == "that" and t.dep_ == "mark"), None)
    if that is not None and not any(t.pos_ in ("VERB", "AUX") for t in cue.doc[cue.i + 1 : that.i]):
        return that.idx + len(that.text), len(cue.doc.text)  # a misparsed "said in a press conference that …"
    return None


def _circumstance(child: Any) -> bool:
    """A prepositional phrase that tells when or where something was said ("announced on Tuesday", "unveiled
    during a ceremony in Toulouse", "revealed in January 2005"), not what: never a statement's content."""
    if child.dep_ != "prep":
        return False
    if child.lower_ in CIRCUMSTANCE_PREPS:
        return True
    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
    return child.lower_ in CIRCUMSTANCE_ENT_PREPS and pobj is not None and pobj.ent_type_ in CIRCUMSTANCE_ENTS


def _quotation_before(cue: Any, text: str, start: int) -> tuple[int, int] | None:
    """The quotation just before a sentence that is only its attribution ("“…?” Clinton asked."), relative to
    the sentence's start: the sentence splitter cut it off its quotation."""
    sent = cue.doc
    if len(sent) > SIGN_OFF_WORDS or any(t.pos_ in ("VERB", "AUX") and t.i != cue.i and t.dep_ != "aux" for t in sent):
        return None
    close = len(text[:start].rstrip()) - 1
    if close < 0 or text[close] not in '”"':
        return None
    opening = text.rfind("“" if text[close] == "”" else '"', max(close - QUOTE_BEFORE_CHARS, 0), close)
    if opening < 0 or "\n\n" in text[opening:close]:
        return None  # no opening mark in the paragraph
    a, b = _trim(text, opening + 1, close)
    return a - start, b - start


def _statement_after(cue: Any, text: str, start: int) -> tuple[int, int] | None:
    """What a sentence that ends on its cue and a colon introduces ("He said:", "The statement reads:"): the
    next paragraph, or the rest of this one, relative to the sentence's start. The parse cuts the sentence at
    the colon, so the statement has no clause under the cue."""
    sent = cue.doc
    last = len(sent) - 1
    while last > cue.i and sent[last].is_space:
        last -= 1
    if sent[last].text != ":" or any(t.pos_ in ("VERB", "AUX") and t.dep_ != "aux" for t in sent[cue.i + 1 : last]):
        return None
    after = start + len(sent.text)
    while after < len(text) and text[after].isspace():
        after += 1
    end = text.find("\n\n", after)
    end = min(len(text) if end < 0 else end, after + QUOTE_BEFORE_CHARS)
    return (after - start, end - start) if end > after else None


def _according(tok: Any, sent: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(source, content) bounds in the sentence for 'according to X'."""
    to = tok.nbor() if tok.i + 1 < len(sent) else None
    if to is None or to.lower_ != "to":
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase_start, phrase_end = tok.idx, pobj.right_edge.idx + len(pobj.right_edge.text)
    source = _source_bounds(pobj)
    if named := _APPOSED_NAME.match(sent.text, phrase_end):  # "according to the head of X, Jane Doe, …": Jane Doe
        phrase_end = named.end(1)
        source = named.start(1), len(named.group(1).rstrip()) + named.start(1)
    before, after = (sent[0].idx, phrase_start), (phrase_end, len(sent.text))
    content = before if before[1] - before[0] >= after[1] - after[0] else after
    return source, content


def _in_poll(tok: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(source, content) bounds for a poll that a clause is told "in" ("In the new Post-ABC poll, Trump leads
    …", "… is leading in the polls"): the poll is the source, its clause outside the phrase the content."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX") or tok.head.dep_ != "ROOT":
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in POLL_NOUNS:
        return None
    a, b = _subtree(tok)
    sent = tok.doc
    before, after = (0, a), (b, len(sent.text))
    content = before if before[1] - before[0] >= after[1] - after[0] else after
    return _source_bounds(pobj), content


def _held_state(tok: Any) -> Any | None:
    """The subject of a predicate adjective of belief or feeling that holds a clause or a topic ("Some backers
    are concerned that …", "is confident in the outcome"); "it is clear that" holds nobody's."""
    if tok.dep_ != "acomp" or tok.lemma_.lower() not in STATE_ADJECTIVES:
        return None
    subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return None if subj is None or subj.lower_ in ("it", "this", "that") else subj


def _state_content(tok: Any, text: str, quotes: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """What a held state is about: its clause, else the object of its "about"/"of"/"in" phrase."""
    if any(c.dep_ in STATE_DEPS for c in tok.children):
        return _content_bounds(tok, text, quotes, offset)
    for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ in STATE_PREPS):
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is not None:
            return _subtree(pobj)
    return None


def _seen_as(cue: Any) -> tuple[int, int] | None:
    """What "sees X as Y" (or "views", "regards"; "X is seen as Y") holds: X as Y, a judgement held."""
    if cue.pos_ != "VERB" or cue.lemma_.lower() not in JUDGING_VERBS:
        return None
    as_ = next((c for c in cue.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    held = next((c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if as_ is None or held is None:
        return None
    return held.left_edge.idx, as_.right_edge.idx + len(as_.right_edge.text)


def _topic(cue: Any) -> tuple[int, int] | None:
    """What a verb of talk is about ("spoke passionately about her father's drive", "asked for quick action",
    "spoke out against the deal"): the object of its preposition."""
    preps = TOPIC_FRAMES.get(cue.lemma_.lower(), ()) if cue.pos_ == "VERB" else ()
    if cue.lemma_.lower() in CAST_VERBS and not any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return None  # a vote is a position of whoever casts it: "were free to vote for" casts none
    for prep in (c for c in cue.rights if c.dep_ == "prep" and c.lower_ in preps):
        if (pobj := next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)) is not None:
            return _subtree(pobj)
    return None


def _noun_content(noun: Any) -> tuple[int, int] | None:
    """What a noun cue holds: its 'that' clause ("the claim that …"), its 'to' clause ("a plan to …"), or what
    its 'of'/'about' phrase names ("criticism of the deal")."""
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            c.dep_ in ("mark", "aux") and c.lower_ in ("that", "to") and c.i < child.i for c in child.children
        ):
            return _subtree(child)
        if child.dep_ == "prep" and child.lower_ in NOUN_PREPS:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return _subtree(pobj)
    return None


def _clause_holder(noun: Any) -> Any | None:
    """Who holds a noun cue's 'that' clause when nobody owns the noun: the one it is "by" or "from" ("a demand,
    by Pelosi, that …"), else the subject of the verb it is told with ("Cruz entered the debate with an argument
    that …", "Christie bristled at the suggestion that …": PolNeAR gives them the clause)."""
    if not any(
        child.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        for child in noun.rights
    ):
        return None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")):
        if (pobj := next((c for c in prep.children if c.dep_ == "pobj"), None)) is not None:
            return pobj
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    return _source_token(verb)


def _noun_source(noun: Any) -> Any | None:
    """Whose claim or plan: the possessor ("Trump's claim"), else the subject of a light verb that has the noun
    as object ("Trump made the claim", "the campaign issued a statement")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if noun.dep_ == "dobj" and noun.head.lemma_ in LIGHT_VERBS:
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    return None


def _said_whole(text: str, quote: tuple[int, int]) -> bool:
    """A quotation that ends with its own punctuation ('"Probably," he said', '“You winning?”') is something
    said, however short; a quoted word without any ('the “personal senator” of') is a term."""
    a, b = quote
    return b > a and (text[b - 1] in "?!" or (b < len(text) and text[b] in ",."))


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def sentence_attributions(
    number: int, text: str, start: int, parsed: Any, paragraph_start: int | None = None, judge: Judge | None = None
) -> list[Attribution]:
    """Attributions in one sentence; ``parsed`` is the spaCy Doc of ``text[start:end]``. Quotation marks are
    paired from ``paragraph_start`` on, so a quotation opened sentences before is known as one. A verb outside
    the lexicon is cut like a learned cue and kept when ``judge`` (``cue_model``) says it reports something."""
    end = start + len(parsed.text)
    scan = start if paragraph_start is None else min(paragraph_start, start)
    quotes = [q for q in quoted_stretches(text, scan, end, min_words=1) if q[1] > start]
    found: list[Attribution] = []
    seen: set[tuple[int, int]] = set()

    def add(
        cue_tok: Any,
        cue: str,
        source: tuple[int, int] | None,
        content: tuple[int, int],
        pronoun: bool,
        learned: Callable[[Sequence[Any], int], bool] | None = None,
    ) -> None:
        a, b = _trim(text, start + content[0], start + content[1])
        words = [t for t in cue_tok.doc if content[0] <= t.idx < content[1]]
        short = any(t.pos_ in SHORT_POS for t in words) and not any(t.dep_ in ("prt", "advmod") for t in words[:1])
        short = short and not any(c.dep_ == "neg" for c in cue_tok.children)  # "did not offer details": nothing held
        short = short or any(_trim(text, *q) == (a, b) and _said_whole(text, q) for q in quotes)  # "Probably," he said
        if not text[a:b].strip() or len(text[a:b].split()) < (1 if short else MIN_CONTENT_WORDS) or (a, b) in seen:
            return
        cue_at = start + cue_tok.idx
        if source is not None and a <= start + source[0] and start + source[1] <= b and not a <= cue_at < b:
            return  # the "source" is inside what was said: a cue within the statement, not its attribution
        if learned is not None and not learned(words, len(text[a:b].split())):
            return
        seen.add((a, b))
        src = (start + source[0], start + source[1]) if source else None
        found.append(
            Attribution(
                sentence=number,
                cue=cue,
                cue_start=start + cue_tok.idx,
                source=text[src[0] : src[1]] if src else "",
                source_span=src,
                content=text[a:b],
                content_span=(a, b),
                pronoun=text[src[0] : src[1]] if src and pronoun else None,
                weak=cue_tok.pos_ == "NOUN" or cue_tok.lemma_.lower() in LEARNED_CUES or learned is not None,
            )
        )

    for tok in parsed:
        if _inside(start + tok.idx, quotes):
            continue
        if tok.lower_ == "according":
            hit = _according(tok, parsed)
            if hit is not None:
                add(tok, "according to", hit[0], hit[1], False)
            continue
        if (poll := _in_poll(tok)) is not None:
            add(tok, tok.text, poll[0], poll[1], False)
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in NOUN_CUES:
            noun_content = _noun_content(tok)
            owner = _noun_source(tok) or _clause_holder(tok)
            if noun_content is not None and owner is not None and owner.lower_ not in SPEAKER_PRONOUNS:
                is_pronoun = owner.pos_ == "PRON" and owner.lower_ in POSSESSIVES | PRONOUNS
                add(tok, tok.text, _source_bounds(owner), noun_content, is_pronoun)
            continue
        if (holder := _held_state(tok)) is not None and (held := _state_content(tok, text, quotes, start)):
            is_pronoun = holder.pos_ == "PRON" and holder.lower_ in PRONOUNS
            if holder.lower_ not in SPEAKER_PRONOUNS:
                add(tok, tok.text, _source_bounds(holder), held, is_pronoun)
            continue
        frame = _seen_as(tok) or _topic(tok)
        known = (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in VERB_CUES) or frame is not None
        if not known and (judge is None or tok.pos_ != "VERB"):
            continue
        content = frame or _content_bounds(tok, text, quotes, start, any_object=not known)
        if content is None and known:
            content = _quotation_before(tok, text, start) or _statement_after(tok, text, start)
        if content is None:
            continue
        impression = tok.lemma_.lower() in IMPRESSION_CUES
        subject = None if impression else _source_token(tok)
        fallback = _subjectless_source(tok) if subject is None and known and not impression else None
        subject = fallback[0] if fallback is not None else subject
        if subject is None and (tok.lemma_ in EVIDENCE_CUES or tok.dep_ == "acl"):
            continue  # "the data show" wants its subject; "information about Kim expecting …" is nobody's claim
        if subject is not None and subject.pos_ == "PRON" and subject.lower_ in SPEAKER_PRONOUNS:
            if not known or subject.lower_ in GENERIC_PRONOUNS:
                continue  # "you know"; a verb outside the lexicon after "I" or "we" ("we want") reports nothing
            subject = None  # the writer's "I think", "we know that": nobody named (within a speech, part of it)
        source = None if subject is None else fallback[1] if fallback is not None else _source_bounds(subject)
        is_pronoun = subject is not None and subject.pos_ == "PRON" and subject.lower_ in PRONOUNS
        learned = None
        if not known and judge is not None:
            kind = "none" if subject is None else "pron" if is_pronoun else "src"
            learned = partial(judge, tok, subject, source=kind)
        add(tok, tok.text, source, content, is_pronoun, learned)
    return found


Name = tuple[int, str, bool, bool]
"""(offset, name, is a person, is a speaker) of a name met in the article."""


class Antecedents:
    """The name a pronoun at an offset stands for: the nearest earlier name of the right kind (he/she: a
    person), or None. The one resolver for sources and actors; what they ask differs, on purpose:

    - a source (``speaker=True``) is the nearest earlier *speaker* when there is one ("He added": the last one
      who spoke, not someone merely mentioned since), and "it" may be any name ("it said": the paper, or a
      person the parse did not type);
    - an actor (``speaker=False``) is the nearest earlier name of its kind, and "it" is not a person ("it
      launched": the country, not its leader just named).

    Measured (parse strategy, all 84 PolNeAR dev articles): resolving actors as sources changes the events of 63
    articles; resolving sources as actors changes the claims of 26 (claims F1 0.738 -> 0.739, within noise and
    not tried on held-out data), so the two questions stay two until that is checked.

    The names are indexed by offset once per article, so each look-up is a bisection: linear in the article.
    """

    def __init__(self, names: Sequence[Name]) -> None:
        kinds: dict[str, Callable[[Name], bool]] = {
            "person": lambda n: n[2],
            "thing": lambda n: not n[2],
            "any": lambda n: True,
        }
        self._last = {
            (kind, speaker): LastBefore([n for n in names if fits(n) and (n[3] or not speaker)], _at)
            for kind, fits in kinds.items()
            for speaker in (True, False)
        }

    def find(self, pronoun: str, at: int, *, speaker: bool) -> str | None:
        pronoun = pronoun.lower()
        if pronoun in PERSON_PRONOUNS:
            kind = "person"
        elif pronoun in THING_PRONOUNS and not speaker:
            kind = "thing"
        else:
            kind = "any"
        name = (self._last[kind, True].get(at) if speaker else None) or self._last[kind, False].get(at)
        return name[1] if name is not None else None


def resolve_pronouns(found: Sequence[Attribution], names: Sequence[Name]) -> list[Attribution]:
    """Replace a pronoun source by its antecedent; one that has none leaves the statement unattributed."""
    antecedents = Antecedents(names)
    out: list[Attribution] = []
    for a in found:
        if a.pronoun is None:
            out.append(a)
        elif (name := antecedents.find(a.pronoun, a.cue_start, speaker=True)) is not None:
            out.append(replace(a, source=name))
        else:
            out.append(replace(a, source="", source_span=None))
    return out


def _at(name: Name) -> int:
    return name[0]


_COLON = re.compile(r"^[ \t\"“]*(?P<src>(?:[A-Z][\w.'’-]*[ \t]?){1,4}):[ \t]+(?P<content>\S[^\n]*?)\s*$", re.M)
"""A transcript line or a headline: 'WALLACE: Governor, …', 'Poll: Clinton and Trump in dead heat'."""
_DASH = re.compile(
    r"[“\"](?P<content>[^\n“”\"]{8,}?)[”\"][ \t\xa0]*(?P<cue>[―—])[ \t\xa0]*(?P<src>[A-Z][^\n“”\"]{1,60}?)\s*$", re.M
)
"""A quotation signed at the end of its line: '“…” ― Veronica Cruz'."""


def line_attributions(doc: Document) -> list[Attribution]:
    """Attributions laid out by lines rather than by grammar: transcripts, headlines, signed quotations."""
    body = doc.text[: doc.body[1]]
    found: list[Attribution] = []
    for pattern in (_COLON, _DASH):
        for m in pattern.finditer(body, doc.body[0]):
            cue_at = m.end("src") if pattern is _COLON else m.start("cue")
            number = doc.sentence_number(cue_at)
            if number is None or len(m.group("content").split()) < MIN_CONTENT_WORDS:
                continue
            if pattern is _COLON and m.group("src").strip().lower() in NOTICE_LABELS:
                continue  # "Correction: …": the paper speaks for itself
            found.append(
                Attribution(
                    sentence=number,
                    cue=":" if pattern is _COLON else m.group("cue"),
                    cue_start=cue_at,
                    source=m.group("src").strip(),
                    source_span=(m.start("src"), m.start("src") + len(m.group("src").strip())),
                    content=m.group("content"),
                    content_span=m.span("content"),
                )
            )
    return found


def title_span(doc: Document) -> tuple[int, int] | None:
    """[start, end) of the headline where the text begins with it (the layout's ``title``, before the first
    sentence): not one of the document's sentences, so its attributions are numbered sentence 0."""
    title = doc.title
    start = doc.text.find(title) if title else -1
    if not title or start < 0 or (doc.sentences and start + len(title) > doc.sentences[0][0]):
        return None
    return start, start + len(title)


_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def _sentence_case(title: str, body: str = "") -> str:
    """A title-case headline in sentence case, as the parser reads best: its cue verbs in lower case ("Lindsey
    Graham Says Trump …": the parser reads a capitalised "Says" as part of a name), and every other word but the
    first that the body never writes capitalised ("Clinton Says Russians Hacked DNC, Calls Trump's Putin Remarks
    …": "hacked", "remarks"; the body writes its names as names). The length is kept, so offsets hold."""
    words = title.split()
    if sum(w[:1].isupper() for w in words) * 2 < len(words):
        return title  # sentence case already ("Trump urges supporters to …")
    named = set(_TITLE_WORD.findall(body))

    def lower(m: re.Match[str]) -> str:
        word = m.group().lower()
        forms = (word, word[:-1], verb_stem(word))  # "says", "urges", "called"
        cue = any(f in VERB_CUES for f in forms)
        return word if cue or (body and m.start() > 0 and m.group() not in named) else m.group()

    return _TITLE_WORD.sub(lower, title)


def headline_attributions(doc: Document) -> list[Attribution]:
    """Attributions in the headline ("Sanders Vows To Eliminate …", "Poll: Wealthy Voters Abandon …"), numbered
    sentence 0: the cue's own parse of the title, and the "NAME: …" shape of a transcript line."""
    span = title_span(doc)
    if span is None:
        return []
    start, end = span
    title = doc.text[start:end]
    parsed = parser()(_sentence_case(title.replace("\xa0", " "), doc.text[end : doc.body[1]]))
    found = [  # lexicon cues (the model: 5 right of 8 on train)
        a for a in sentence_attributions(0, doc.text, start, parsed) if _holds_its_content(a, parsed, start)
    ]
    colon = _COLON.match(title)
    if colon is not None and (told := _rubric_speaker(found, parsed, start, colon)) is not None:
        found = [a for a in found if a is not told] + [
            _to_line_end(told, doc.text, start + colon.end("content"), parsed, start)
        ]
    elif colon is not None and len(colon.group("content").split()) >= MIN_CONTENT_WORDS:
        found = [a for a in found if a.cue_start >= start + colon.end("src")] + [
            Attribution(
                sentence=0,
                cue=":",
                cue_start=start + colon.end("src"),
                source=colon.group("src").strip(),
                source_span=(start + colon.start("src"), start + colon.start("src") + len(colon.group("src").strip())),
                content=colon.group("content"),
                content_span=(start + colon.start("content"), start + colon.end("content")),
            )
        ]
    return _drop_nested(found)  # "Pence: … Trump Was ‘Mocking’ Clinton Camp": part of Pence's statement


def _cue_token(a: Attribution, parsed: Any, start: int) -> Any | None:
    """The token of the headline's parse that is the attribution's cue (``start``: the title's offset)."""
    return next((t for t in parsed if t.idx == a.cue_start - start), None)


def _holds_its_content(a: Attribution, parsed: Any, start: int) -> bool:
    """Whether a headline cue holds what the parse gave it: content under the cue itself, or around a cue that
    can be a parenthetical ("…, Lindsey Graham Says"). A headline is short and its parse poor; a cue set in a
    clause a subordinator opens ("… after bondholder offers fail": a noun read as a verb), or in its head cue's
    statement ("Obama Says … Will Tell of …"), holds no words outside its own clause ("plan for "New GM" after
    auto company declared bankruptcy": the quotation is not the declaration)."""
    cue = _cue_token(a, parsed, start)
    if cue is None:
        return True
    low, high = _subtree(cue)
    inside = low <= a.content_span[0] - start and a.content_span[1] - start <= high
    if inside or cue.head is cue:
        return True
    opened = any(c.dep_ == "mark" and c.lower_ != "as" for c in cue.children)  # "as Obama said, …" does hold
    in_statement = cue.dep_ == "ccomp" and cue.head.pos_ == "VERB" and cue.head.lemma_.lower() in VERB_CUES
    return not (opened or in_statement)


def _rubric_speaker(found: Sequence[Attribution], parsed: Any, start: int, colon: re.Match[str]) -> Attribution | None:
    """The attribution that opens the statement after a headline's colon with a speaker of its own and a finite
    verb ("The Latest: Trump urges supporters to …", "Breaking: Trump Campaign Just Made Unexpected Announcement
    About …") when the word before the colon names nobody (an adjective, an interjection, a common noun: a
    rubric). A name stays the speaker ("NY Daily News: Paris Terror Attacks Highlight …"), and so does a rubric
    with no speaker after it: PolNeAR's annotators give "News Guide: …" and "Poll: …" the statement."""
    if _names_someone(parsed, colon.start("src"), colon.end("src")):
        return None
    at = start + colon.start("content")
    for a in found:
        if a.source_span is None or a.pronoun is not None or a.source_span[0] != at:
            continue
        cue = _cue_token(a, parsed, start)
        verb = cue if cue is None or cue.pos_ != "NOUN" else cue.head  # a noun cue's: "Made … Announcement"
        if verb is not None and verb.tag_ in ("VBZ", "VBD", "VBP"):  # not "Hillary Asking Moderator To …"
            return a
    return None


def _names_someone(parsed: Any, low: int, high: int) -> bool:
    """Whether the title's words in [low, high) name someone: a proper noun last, or a name the parser found."""
    words = [t for t in parsed if low <= t.idx < high and not t.is_punct]
    named = any(e.start_char < high and low < e.end_char for e in parsed.ents if e.label_ in NAME_LABELS)
    return named or (bool(words) and words[-1].pos_ == "PROPN")


def _to_line_end(a: Attribution, text: str, end: int, parsed: Any, start: int) -> Attribution:
    """A rubric's speaker's statement, where the cue is a verb: the rest of the line after it, as the colon's
    would be (the parse of a title-case line cuts it short: "Sanders declares ‘revolution,’ ignores losses");
    a noun cue keeps what it holds ("Announcement About Sarah Palin")."""
    cue = _cue_token(a, parsed, start)
    low, high = _trim(text, a.cue_start + len(a.cue), end)
    if cue is None or cue.pos_ == "NOUN" or high <= low:
        return a
    return replace(a, content=text[low:high], content_span=(low, high))


def _drop_nested(found: list[Attribution]) -> list[Attribution]:
    """Drop a cue inside another attribution's content that names no one new ("refused to comment", "said that
    Washington had information about Kim expecting …"): part of that statement, not a second one."""

    # Another attribution a holds b when a's content starts at or before b's cue and content and ends after both;
    # a source-less or weak b may sit in anyone's content, a named one only in its own source's (indexed: linear).
    groups: dict[str | None, list[int]] = {None: list(range(len(found)))}
    for i, a in enumerate(found):
        groups.setdefault(a.source, []).append(i)
    lookups = {
        key: (HolderLookup([found[i].content_span for i in group]), {i: k for k, i in enumerate(group)})
        for key, group in groups.items()
    }

    def nested(i: int, b: Attribution) -> bool:
        holders, position = lookups[None if b.weak else b.source or None]
        return holders.held(min(b.cue_start, b.content_span[0]), max(b.cue_start + 1, b.content_span[1]), position[i])

    return [b for i, b in enumerate(found) if not nested(i, b)]


def unparsed(doc: Document) -> list[int]:
    """Numbers of the sentences too long to parse (see ``MAX_PARSE_CHARS``)."""
    return [n for n, (s, e) in enumerate(doc.sentences, start=1) if e - s > MAX_PARSE_CHARS]


@dataclass(frozen=True)
class ParsedArticle:
    """An article's sentences parsed once, for attributions and events alike."""

    sentences: list[tuple[int, int, Any, int]]
    """(1-based number, start offset, spaCy Doc of the sentence, start of its paragraph)."""
    names: list[Name]
    """Names the parser recognised (people, organisations, places, groups), by offset."""
    groups: frozenset[str] = frozenset()
    """Those of the names that name a nationality or group ("Japanese", "Democrats")."""


def sentence_texts(doc: Document) -> list[str]:
    """What the parser reads of each sentence: the same offsets with NBSP as a space (the parser would glue words
    on it); over-long "sentences" left out (empty)."""
    skip = set(unparsed(doc))
    return ["" if n in skip else doc.text[s:e].replace("\xa0", " ") for n, (s, e) in enumerate(doc.sentences, start=1)]


def parse_article(doc: Document) -> ParsedArticle:
    return parsed_article(doc, parser().pipe(sentence_texts(doc)))


def parsed_article(doc: Document, parses: Iterable[Any]) -> ParsedArticle:
    """The article from its sentences' parses (``sentence_texts`` parsed, in order; a saved parse serves too)."""
    sentences: list[tuple[int, int, Any, int]] = []
    names: list[Name] = []
    groups: set[str] = set()
    for number, ((start, _), parsed) in enumerate(zip(doc.sentences, parses, strict=True), start=1):
        paragraph = doc.paragraph_start(start)
        paragraph = start if paragraph is None else paragraph
        sentences.append((number, start, parsed, paragraph))
        for ent in parsed.ents:
            if ent.label_ in NAME_LABELS:
                names.append((start + ent.start_char, ent.text, ent.label_ == "PERSON", False))
            if ent.label_ == "NORP":
                groups.add(ent.text)
    return ParsedArticle(sentences, names, frozenset(groups))


def speaker_names(found: Sequence[Attribution], names: Sequence[Name]) -> list[Name]:
    """The named sources of attributions, as names met where they speak (pronouns resolve to them first); not
    the headline's: the body names its people afresh ("Retired General Reveals …" above "Gen. Norman Ham is
    speaking out … he believes": he is Ham)."""
    places = {n[1] for n in names if not n[2]}
    persons = SubstringSet([n[1] for n in names if n[2]])  # a person's name inside the source: looked up
    speakers: list[Name] = []
    for a in found:
        if a.pronoun is None and a.source and a.sentence > 0:
            last = a.source.split()[-1]
            bare = a.source.removeprefix("The ").removeprefix("the ")  # "The EU" is the EU the article names
            person = persons.any_in(a.source) or (last[:1].isupper() and a.source not in places and bare not in places)
            speakers.append((a.cue_start, a.source, person, True))
    return speakers


def find_attributions(
    doc: Document, article: ParsedArticle | None = None, judge: Judge | Literal["shipped"] | None = "shipped"
) -> list[Attribution]:
    """Every attribution in the article's sentences, in order, pronoun sources resolved. ``judge`` decides on
    verbs outside the lexicon: the shipped ``cue_model`` by default, None for the lexicon alone."""
    article = article or parse_article(doc)
    judge = shipped().keep if judge == "shipped" else judge
    found: list[Attribution] = []
    resume = QuotationResume(  # a long paragraph is scanned for quotation marks once, not once per sentence
        doc.text,
        lambda a, b: quoted_stretches(doc.text, a, b, min_words=0),
        [(paragraph, start + len(parsed.text)) for _, start, parsed, paragraph in article.sentences],
    )
    for number, start, parsed, paragraph in article.sentences:
        found += sentence_attributions(number, doc.text, start, parsed, resume.start(paragraph, start), judge)
    found = _drop_nested(found) + headline_attributions(doc)
    taken = {a.content_span for a in found}
    lines = [a for a in line_attributions(doc) if a.content_span not in taken]
    spoken = [a.content_span for a in lines]  # "WALLACE: Governor, I want …": the line's speaker's, not nobody's
    found = [a for a in found if a.source or not _inside(a.cue_start, spoken)] + lines
    found.sort(key=lambda a: a.cue_start)
    return resolve_pronouns(found, [*article.names, *speaker_names(found, article.names)])


# -- the words around a cue that say whose its content is, read where grounding links claims to events
# (``ground.assemble.reported``) ----------------------------------------------------------------------------
COORDINATED_CLAUSE = re.compile(r"[,;]\s+(?:and|but|yet|while|whereas|although|though)\s+(?!\w+ing\b)", re.IGNORECASE)
"""Where a coordinated clause begins: a comma or semicolon, then a conjunction and no participle (", and is
pursuing …", ", but he refuses …", ", while 5 percent prefer …"; not ", while reducing its impact", the same
clause's adjunct)."""
AS_BEFORE = re.compile(r"\bas\s+$", re.IGNORECASE)
"""An "as" right before a cue ("failed as predicted", "as promised"): the deed is told as foretold."""
WRITERS_FRAME = re.compile(
    r"\bit\s+(?:should|must|can|could|may|might|will|would)\s+(?:also\s+)?be\s*$"
    r"|\bit(?:['’]s|\s+is|\s+was)\s+(?:also\s+)?(?:\w+\s+)?(?:worth|important|fair|safe|interesting|notable|necessary)"
    r"(?:\s+to)?\s*$",
    re.IGNORECASE,
)
"""The words before a cue that make it the writer's: "It should be (mentioned)", "It must also be (noted)",
"It's worth (noting)", "It is important to (note)", "it's safe to (say)"."""
_SUBORDINATING = r"(?:while|although|though|whereas|because|since|if|when|after|before|once|unless|until)\b[^,;:]*$"
SUBORDINATE_OPENING = re.compile(r"^\W*(?:even\s+)?" + _SUBORDINATING, re.IGNORECASE)
"""A sentence opened by a subordinating conjunction, up to a cue with no comma between: the cue is in that clause."""
SUBORDINATE_AFTER = re.compile(r"\b" + _SUBORDINATING, re.IGNORECASE)
"""A subordinating conjunction after a statement, up to a cue with no comma between: the cue is in that clause."""
NOT_DONE = re.compile(
    r"(?:\bnot|n['’]t|\bnever|\byet\s+to|\bwithout)\s+(?:(?:\w+ly|yet|even|ever|be|been|have)\s+)?$", re.IGNORECASE
)
"""The words before a cue that say it was not done: "did not (publicly, yet, even) confirm", "has yet to explain",
"without knowing"; not a verb between ("could not resist pointing out that …": they did)."""
NOT_YET_SAID = re.compile(
    r"\b(?:will|would|could|might|may|shall|should|can)\s+(?:(?:\w+ly|also|then|soon|still|first)\s+)?$|['’]ll\s+$"
)
"""A modal right before a cue: a saying foretold, wished or supposed, not done ("the country would formally declare
its intention to break with the E.U.", "Patriot could threaten to liquidate", "the candidate will announce plans
for a program"), or one it is only able to do ("Any members can add applications …; the program costs $99"). Its
subject does not (yet) tell what it holds. Case-sensitive: "Theresa May said" has no modal. "would like" is a
wish held now (``HELD_WISHES``)."""
HELD_WISHES = frozenset({"like", "love", "prefer"})
"""Cues that after "would" tell a wish held now ("the campaign would like to organize another rally")."""
NOBODY_SUBJECT = re.compile(
    r"\b(?:neither|none|nobody|no\s+one)\b(?:(?!\b(?:and|but|while|who|which|that)\b)[^,;:])*$", re.IGNORECASE
)
"""A subject that says nobody did it, up to the cue in its clause: "neither of the companies involved would
reveal …", "no one has said that …"; not in a clause before the cue's ("Neither Kasich nor Rubio has won a state
and Cruz strongly suggested …")."""
