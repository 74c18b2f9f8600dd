"""Where the article names each entity: every occurrence of its name or an alias, as exact spans.

A form (the canonical name or an alias) is looked for as written, except that spaces and hyphens between its words
are interchangeable and a word written lower-case may open with a capital ("Kim Jong-un" finds "Kim Jong Un", an
alias "the North Korean leader" opens a sentence); never the reverse ("Post" does not find "post"). A form that two
entities share names neither (which one the article means there is not known); pronouns and one-letter forms are not
names. Occurrences never overlap: at each word the longest form that matches there wins, and the search goes on
after it. A common noun written bare ("team", "dealerships", the name of a description without its article) names
the entity only as a whole noun phrase: not after a word that modifies it ("team" in "the development team",
"dealerships" in "789 dealerships", "government" in "the United States government"; a function word such as "the"
or "but" before it is no modifier). A form ending in a word written lower-case does not find the first part of a
hyphenated word ("the co" in "the co-founder", "team" in "team-mates").

Cost: one pass over the article's words, trying at each word only the forms that begin with it (by its case-folded
first word), so a long article with many entities stays linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lexicon import FUNCTION_WORDS, POSSESSIVES, PRONOUNS
from ..schema import Entity, Span

_WORD = re.compile(r"\w+")
_WORD_BEFORE = re.compile(r"(\w+)[\s\-‐‑–]+$")
_HYPHENATED = re.compile(r"[\-‐‑]\w")
_SEPARATOR = r"[\s\-‐‑–]+"


def _usable(form: str) -> bool:
    """A form that can name something: not a pronoun or only function words ("others"), not one letter."""
    words = _WORD.findall(form)
    return (
        bool(words)
        and len(form.strip()) > 1
        and form.strip().casefold() not in PRONOUNS | POSSESSIVES
        and not all(w.lower() in FUNCTION_WORDS and not w.isupper() for w in words)  # "others", not "WHO"
    )


def _word(word: str) -> str:
    """A word of a form; one written lower-case may open with a capital ("the" -> "The", "Jong-un" -> "Jong Un")."""
    if word[:1].islower():
        return f"[{word[0]}{word[0].upper()}]{re.escape(word[1:])}"
    return re.escape(word)


def _pattern(form: str) -> re.Pattern[str]:
    words = [_word(w) for w in re.split(_SEPARATOR, form.strip()) if w]
    return re.compile(_SEPARATOR.join(words) + r"(?!\w)")


def _key(form: str) -> str:
    return " ".join(re.split(_SEPARATOR, form.strip())).casefold()


def _bare_noun(form: str) -> bool:
    """A form that opens with a common word, not a function word ("team", "development team"; not "the team",
    "iPhone")."""
    first = _WORD.findall(form)[0]
    return first.islower() and first not in FUNCTION_WORDS


def _inside_a_phrase(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a word that modifies it (no function word: "development team",
    "789 dealerships"; not "the team", "but prosecutors"), so it ends a longer phrase."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).casefold() not in FUNCTION_WORDS


def _ends_in_a_common_word(form: str) -> bool:
    """A form whose last word is written lower-case ("the co", "team"): that word may be the first part of a
    hyphenated one ("the co-founder", "team-mates"), which it does not name."""
    return bool(_WORD.findall(form)[-1].islower())


_Form = tuple[int, re.Pattern[str], str, bool, bool]
"""A form's length, pattern, entity id, whether it is a bare common noun (``_bare_noun``) and whether it ends in
a common word (``_ends_in_a_common_word``)."""


def _forms(entities: Sequence[Entity]) -> dict[str, list[_Form]]:
    """Case-folded first word -> the forms opening with it, longest first."""
    owners: dict[str, set[str]] = {}
    written: dict[str, set[str]] = {}
    for entity in entities:
        for form in (entity.name, *entity.aliases):
            if _usable(form):
                owners.setdefault(_key(form), set()).add(entity.id)
                written.setdefault(_key(form), set()).add(form.strip())
    by_first: dict[str, list[_Form]] = {}
    for key, ids in owners.items():
        if len(ids) == 1:
            eid = next(iter(ids))
            patterns = [
                (len(key), _pattern(form), eid, _bare_noun(form), _ends_in_a_common_word(form))
                for form in sorted(written[key])
            ]
            by_first.setdefault(_WORD.findall(key)[0], []).extend(patterns)
    for candidates in by_first.values():
        candidates.sort(key=lambda c: -c[0])
    return by_first


def name_mentions(entities: Sequence[Entity], text: str) -> list[Entity]:
    """``entities`` with ``mentions``: the spans where ``text`` names each (in text order)."""
    by_first = _forms(entities)
    found: dict[str, list[Span]] = {}
    after = 0
    for word in _WORD.finditer(text):
        if word.start() < after or (candidates := by_first.get(word.group().casefold())) is None:
            continue
        for _, pattern, eid, bare, common_end in candidates:
            if bare and _inside_a_phrase(text, word.start()):
                continue
            hit = pattern.match(text, word.start())
            if hit is not None and not (common_end and _HYPHENATED.match(text, hit.end())):  # "co" in "co-founder"
                span = Span(start=hit.start(), end=hit.end(), text=hit.group(), status="exact")
                found.setdefault(eid, []).append(span)
                after = hit.end()
                break
    return [e.model_copy(update={"mentions": found.get(e.id, [])}) for e in entities]
