"""Who a speaker speaks for: "we" in a quotation is the speaker's side, the body the speaker is named by.

An organisation or a country that speaks ("the White House said", "Boeing said") speaks for itself. A person
speaks for the body their office is named with, where the article names it: "Dana Perino, the White House Press
Secretary" (the White House), "Stephen Harper, Prime Minister of Canada" (Canada), "Airbus spokesman Stefan
Schaffrath" (Airbus), "Indonesia's transport minister" (Indonesia). MEANTIME's gold joins such a "we" to that body's
chain ("We've reduced our airplane-design effort", said Boeing's spokeswoman: Boeing). A person named with no body
("Chief executive Thomas Enders") speaks for no side the article gives: their "we" stays nobody named."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..lexicon import PERSON_ROLES
from .attribution import Attribution, ParsedArticle

SIDE_LABELS = ("ORG", "GPE")
"""Parties a speaker may speak for: an organisation or a country (a nationality, "Canadian", names no party)."""
OFFICE_LINKS = ("compound", "poss", "prep", "pobj", "nmod")
"""How an office's phrase names its body: "Airbus spokesman", "Indonesia's minister", "Minister of Canada"."""


def speaker_sides(article: ParsedArticle, attributions: Sequence[Attribution]) -> dict[str, str]:
    """Each claim source -> the party it speaks for (as the article writes it), where the article says."""
    sides: dict[str, str] = {}
    for source in dict.fromkeys(a.source for a in attributions if a.source):
        roots = [root for _, _, parsed, _ in article.sentences for root in _occurrences(parsed, source)]
        side = _side(roots, source)
        if side:
            sides[source] = side
    return sides


def _occurrences(parsed: Any, source: str) -> list[Any]:
    """The head word of each place the sentence writes ``source`` (whole words)."""
    roots = []
    at = parsed.text.find(source)
    while at >= 0:
        end = at + len(source)
        inside = [t for t in parsed if at <= t.idx and t.idx + len(t.text) <= end]
        if inside and inside[0].idx == at and inside[-1].idx + len(inside[-1].text) == end:
            roots += [t for t in inside if not at <= t.head.idx < end or t.head.i == t.i][:1]
        at = parsed.text.find(source, end)
    return roots


def _side(roots: Sequence[Any], source: str) -> str | None:
    """The party a source written at ``roots`` speaks for: itself if it names an organisation or a country, else
    the body named with a person's office. The parser may tag one name differently from place to place ("Jobs" a
    company's name once, a person's twice): a source is an organisation or a country only where the parser tags it
    so everywhere the article writes it, with no office beside it ("Spokeswoman Sandy Angers", tagged as a company
    with "Angers", a French city, is a person)."""
    if roots and all(r.ent_type_ in SIDE_LABELS and not any(_office(c) for c in r.children) for r in roots):
        return source
    for root in roots:
        offices = [root] if _office(root) else []
        offices += [c for c in root.children if c.dep_ in ("compound", "appos") and _office(c)]
        if (body := next((b for office in offices if (b := _body(office)) is not None), None)) is not None:
            return body
    return None


def _office(tok: Any) -> bool:
    """A word naming a person by office ("spokesman", "CEO"): outside a name, or a common noun the parser took
    into one ("Spokeswoman Sandy Angers"); not a proper noun inside it ("General Motors")."""
    title = not tok.ent_type_ or tok.tag_ in ("NN", "NNS")
    return title and (tok.lemma_.lower() in PERSON_ROLES or tok.lower_ in PERSON_ROLES)


def _body(office: Any) -> str | None:
    """The organisation or country an office's phrase names ("the White House Press Secretary", "Prime Minister
    of Canada", "Boeing Commercial Airplanes CEO"), read down its modifiers only."""
    todo = list(office.children)
    while todo:
        tok = todo.pop(0)
        if tok.dep_ not in OFFICE_LINKS:
            continue
        if tok.ent_type_ in SIDE_LABELS:
            ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
            return str(ent.text)
        todo += list(tok.children)
    return None
