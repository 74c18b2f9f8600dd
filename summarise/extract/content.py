"""A claim's content made self-contained: its pronouns replaced by the names they stand for, marked as edits.

The parse cuts a claim's statement from the article as written ("he would not resign"); read alone, in a list of
claims or a fact-checker's sheet, "he" names nobody. The claim's ``content`` carries the statement with each
pronoun that can be resolved replaced by its name in square brackets ("[Trump] would not resign"), so a reader
sees what was edited; ``statement`` keeps the exact span. Only pronouns that name a person are replaced:

- I, me, my, mine inside a quotation: the claim's source ("'I will win,' Trump said": "[Trump] will win";
  "I'm" becomes "[Trump is]"; "I" before a verb whose form differs in the third person, "I think", stays);
- he, she, him, her, his: the name the claim's source was resolved from when that was a pronoun of the same
  gender ("He said he would …"); else the nearest person the statement itself names before it; else, outside
  quotation marks, the claim's source when that is a person ("Trump said he would …"). A name is passed over
  when its gender disagrees (known from "Mr./Ms. Name" and from the pronouns the article's sources were
  resolved from) or when it is the subject of the pronoun's own verb ("Clinton said Trump insulted her": not
  Trump). A possessive becomes "[Name]'s".

This is not ``attribution.Antecedents`` (the sources' and actors' resolver), on purpose: the nearest earlier
name is often someone else than the one a statement's pronoun means (in a run of signed quotations, the
previous signer), so a pronoun is resolved only within its claim, and left as written otherwise. "It", "they"
and "we" are left as written too: they name things, groups or the writer as often as a person, and a wrong
name in brackets is worse than a pronoun.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..ingest import Document
from ..ingest.index import SubstringSet
from ..lexicon import quoted_stretches, word_set
from .attribution import Attribution, ParsedArticle

FIRST_PERSON = word_set("i me my mine")
GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
"""The third-person pronouns replaced, by gender."""
_TITLED = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w'’-]*\s+)*?([A-Z][\w'’-]+)\b(?!\s+[A-Z])")
_TITLE_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}


@dataclass(frozen=True)
class Pronoun:
    start: int
    end: int
    word: str
    """Lower case, as written."""
    possessive: bool
    co_subject: tuple[int, int] | None = None
    """For an object ("insulted her"), the subject of its verb: someone else ("Trump insulted her")."""
    verb: tuple[int, str] | None = None
    """For "I": where the verb after it ends, and its third-person form when that differs ("am": "is"; "" for
    one that is the same for everyone); None when "I" is not replaced."""


def _co_subject(tok: Any, start: int) -> tuple[int, int] | None:
    if tok.dep_ not in ("dobj", "dative", "pobj"):
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    return start + subj.left_edge.idx, start + subj.right_edge.idx + len(subj.right_edge.text)


def _verb_after(tok: Any, start: int) -> tuple[int, str] | None:
    """The verb after "I" in the third person: "am" as "is"; one that is the same for everyone (will, could,
    said) as it is; None for the rest ("I think": "[Trump] think" would misquote the grammar)."""
    if tok.i + 1 >= len(tok.doc):
        return None
    nxt = tok.nbor()
    end = start + nxt.idx + len(nxt.text)
    if nxt.lower_ in ("am", "’m", "'m"):
        return end, "is"
    return (end, "") if nxt.tag_ in ("MD", "VBD") and nxt.lower_ != "was" else None


def article_pronouns(article: ParsedArticle) -> list[Pronoun]:
    """Every person pronoun the parse tagged, by offset into the article."""
    found: list[Pronoun] = []
    for _, start, parsed, _ in article.sentences:
        for tok in parsed:
            word = tok.lower_
            if tok.tag_ in ("PRP", "PRP$") and (word in GENDER or word in FIRST_PERSON):
                at, possessive = start + tok.idx, tok.tag_ == "PRP$" or word == "mine"
                verb = _verb_after(tok, start) if word == "i" else None
                found.append(Pronoun(at, at + len(tok.text), word, possessive, _co_subject(tok, start), verb))
    return found


def genders(text: str, found: Sequence[Attribution]) -> dict[str, str]:
    """Surname -> 'm' or 'f' where the article says so ("Mr. Trump"; "he said" resolved to Trump) and never
    the other way (two Clintons: neither)."""
    seen: dict[str, set[str]] = {}
    for m in _TITLED.finditer(text):
        seen.setdefault(m.group(2), set()).add(_TITLE_GENDER[m.group(1)])
    for a in found:
        if a.pronoun is not None and a.pronoun.lower() in GENDER and a.source:
            seen.setdefault(a.source.split()[-1], set()).add(GENDER[a.pronoun.lower()])
    return {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}


class SelfContained:
    """Self-contained contents for one article's attributions (pronouns and names indexed once: bisections)."""

    def __init__(self, doc: Document, article: ParsedArticle, found: Sequence[Attribution]) -> None:
        self.doc = doc
        self.text = doc.text
        self.pronouns = article_pronouns(article)
        self.starts = [p.start for p in self.pronouns]
        persons = sorted((n[0], n[1]) for n in article.names if n[2])  # the people the parser recognised
        self.persons = persons
        self.person_names = SubstringSet([n[1] for n in persons])
        self.person_starts = [n[0] for n in persons]
        self.gender = genders(doc.text, found)
        self._paragraph_starts = [p[0] for p in doc.paragraphs]
        self._quotes: dict[int, list[tuple[int, int]]] = {}  # by paragraph start: each scanned once

    def content(self, a: Attribution) -> str:
        """``a.content`` with its resolvable person pronouns replaced by "[Name]" ("[Name]'s" for a possessive)."""
        start, end = a.content_span
        i = bisect_left(self.starts, start)
        out, at = [], start
        while i < len(self.pronouns) and self.pronouns[i].end <= end:
            p = self.pronouns[i]
            i += 1
            stop, edit = p.end, ""
            if p.word in FIRST_PERSON:
                quoted = a.source and a.pronoun is None and self._quoted(p.start)
                name = a.source if quoted and (p.word != "i" or p.verb is not None) else None
                if name and p.verb is not None and p.verb[1]:  # "I'm": "[Trump is]"
                    stop, edit = p.verb[0], " " + p.verb[1]
            else:
                name = self._third_person(p, a)
            if name and stop <= end:
                out += [self.text[at : p.start], f"[{name}{edit}]" + ("'s" if p.possessive else "")]
                at = stop
        return "".join([*out, self.text[at:end]]) if out else a.content

    def _quoted(self, at: int) -> bool:
        """Whether ``at`` lies inside a quotation (paired from its paragraph's start)."""
        k = bisect_right(self._paragraph_starts, at) - 1
        first, last = self.doc.paragraphs[k] if k >= 0 else (at, at + 1)
        if first not in self._quotes:
            self._quotes[first] = quoted_stretches(self.text, first, last, min_words=1)
        return any(a <= at < b for a, b in self._quotes[first])

    def _third_person(self, p: Pronoun, a: Attribution) -> str | None:
        want = GENDER[p.word]
        if a.pronoun is not None and a.source and GENDER.get(a.pronoun.lower()) == want:
            return a.source  # "He said he would …": the one the source's pronoun was resolved to
        first, last = bisect_left(self.person_starts, a.content_span[0]), bisect_left(self.person_starts, p.start)
        for at, name in reversed(self.persons[first:last]):  # a name the statement gave before it, nearest first
            if self._may_be(name, at, p) and self.text[max(at - 4, 0) : at].lower() != "the ":  # "the Patriot deal"
                return name
        source_at = a.source_span[0] if a.source_span else -1
        person = self.person_names.any_in(a.source) and a.source.split()[-1][:1].isupper()  # not "his campaign"
        if a.pronoun is None and person and not self._quoted(p.start):
            return a.source if self._may_be(a.source, source_at, p) else None  # "Trump said he would …"
        return None

    def _may_be(self, name: str, at: int, p: Pronoun) -> bool:
        """The gender does not disagree, and the name is not the subject of the pronoun's own verb."""
        if self.gender.get(name.split()[-1], GENDER[p.word]) != GENDER[p.word]:
            return False
        return p.co_subject is None or not p.co_subject[0] <= at < p.co_subject[1]
