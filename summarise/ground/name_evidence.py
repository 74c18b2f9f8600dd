"""What the article's text says about names: fuller forms of a person's name found in it, and the names it
sets beside a description ("North Korean leader Kim Jong-un", "Kirilo Budánov, the head of ..."), for
``entities.canonicalise``'s merge rules."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import FUNCTION_WORDS
from .name_forms import (
    _FIELD_OF_TEXT,
    _LEADER_VARIANTS,
    _PARTICLES,
    _ROLE_PATTERNS,
    _SPEECH,
    _STOP,
    _WORD,
    _WORD_CHAR,
    COUNTRIES,
    _field_first,
    _fold,
    _honorific,
    _is_person_name,
    _is_place_word,
    _Item,
    _name_key,
    _split_title,
    _strip_possessive,
)

# Text evidence --------------------------------------------------------------------------------------------


def _text_names(text: str, *, start: int) -> list[_Item]:
    """Person-like names (2-4 capitalised words, titles stripped, not always after "the") found in the text, as
    evidence items."""
    items: list[_Item] = []
    seen: set[tuple[str, str | None]] = set()
    for run in _capitalised_runs(_without_title_case(text)):
        words = run.split()
        while words and (_fold(words[0]).strip(".") in _STOP or _function_word(words[0])):
            words = words[1:]
        if len(words) < 2:
            continue
        core, title = _split_title(_strip_possessive(" ".join(words)))
        if not (2 <= len(core.split()) <= 4 and _is_person_name(core)) or _always_after_the(core, text):
            continue
        key = _name_key(core)
        if (key, title) in seen:
            continue
        seen.add((key, title))
        items.append(_Item(core, core, title, False, key, None, False, start + len(items), virtual=True))
    return items


_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=64)
def _without_title_case(text: str) -> str:
    """The text with its title-case lines blanked (same length): a headline's capitals are its style, so a run of
    them is no evidence of a name ("… Clean Energy, Lindsey Graham Says" is no person "Lindsey Graham Says", nor
    "Retired General Reveals …" one "Reveals" titled "Retired General")."""
    return _LINE.sub(lambda m: " " * len(m.group()) if _title_cased(m.group().split()) else m.group(), text)


def _title_cased(words: list[str]) -> bool:
    """Whether a line is set in title case: every content word of four letters or more after its first
    capitalised, three at least ("Retired General Reveals ‘Demoralizing’ Experience Of …"); a sentence-case
    headline full of names is not ("Beatles' Apple Corps sues Apple Computer")."""
    content = [w.strip("\"'“”‘’(),.;:?!") for w in words[1:]]
    content = [w for w in content if len(w) >= 4 and w[:1].isalpha() and w.casefold() not in FUNCTION_WORDS]
    return len(content) >= 3 and all(w[0].isupper() for w in content)


def _always_after_the(name: str, text: str) -> bool:
    """Whether the text writes the name only after "the" ("the Chrysler Aspen"): a thing's name, not a person's."""
    return all(text[max(0, at - 4) : at] in ("the ", "The ") for at in _word_occurrences(name, text))


def _word_occurrences(name: str, text: str) -> list[int]:
    """Where ``name`` occurs in the text as whole words (what ``(?<!\\w)name(?!\\w)`` finds), looked for only
    where its first word is (``_WordIndex``): no pattern per name, no scan of the text per name."""
    starts = _word_index(text).starts(name)
    if starts is None:  # not an ASCII word first: every place the string occurs
        starts = [m.start() for m in re.finditer(re.escape(name), text)] if name else []
    return [at for at in starts if text.startswith(name, at) and _whole(text, at, at + len(name))]


def _whole(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has no word character right before or after it."""
    before = start > 0 and _WORD_CHAR.match(text, start - 1) is not None
    return not before and not (end < len(text) and _WORD_CHAR.match(text, end))


def _function_word(word: str) -> bool:
    """An English function word capitalised to open a sentence ("Although Gallois said"), not an acronym ("US")."""
    return word[1:].islower() and word.casefold() in FUNCTION_WORDS


def _capitalised_runs(text: str) -> Iterable[str]:
    """Runs of capitalised words; a full stop after a word of three letters or more ends the sentence and the run
    ("… with Putin. Kim said": two runs), one after an initial or a short abbreviation does not ("G.K.", "Mr.")."""
    run: list[str] = []
    last_end = -1
    stopped = False
    for match in _WORD.finditer(text):
        raw = match.group(0)
        word = raw if re.fullmatch(r"(?:\w\.)+", raw) else raw.rstrip(".")  # "G.K." and "U.S." keep their dots
        gap = text[last_end : match.start()] if last_end >= 0 else ""
        capital = word[:1].isupper()
        if run and not stopped and gap in (" ", "\u00a0") and (capital or word in _PARTICLES):
            run.append(word)
        else:
            if run:
                yield " ".join(run)
            run = [word] if capital else []
        stopped = raw.endswith(".") and len(word) >= 3 and not word.endswith(".")
        last_end = match.end()
    if run:
        yield " ".join(run)


def _linked_names(description: str, text: str) -> set[str]:
    """Person names set in apposition to a description key (``_apposed_names``)."""
    return {name for name in _apposed_names(description, text) if _is_person_name(name)}


@lru_cache(maxsize=4096)
def _apposed_names(description: str, text: str) -> tuple[str, ...]:
    """Names set in apposition to a description key: "<description>[,] Name" or "Name, the <description>".

    Cached per description and text (every mention of one description asks again). The text is searched only
    where a phrase's first word occurs (``_WordIndex``), with the same expressions a search of the whole text
    would use, so the matches are the same, found in the same order.
    """
    words = description.split()
    heads = [description]
    if words and words[-1] == "leader":
        heads += [" ".join([*words[:-1], variant]) for variant in _LEADER_VARIANTS]
    canon = _canonical_text(_without_title_case(text))  # "Retired General Reveals …" sets no name "Reveals"
    index = _word_index(canon)
    names: set[str] = set()
    for head in heads:
        after, before = _apposition_patterns(head)
        starts = index.starts(head.split()[0]) if head.split() else None
        for rest in _names_after(after, canon, starts):
            names.add(_name_prefix(rest.split()))
        for lead in _names_before(before, canon, starts):
            name = " ".join(reversed(_name_prefix(list(reversed(lead.split()))).split()))
            if name and not _function_word(name.split()[0]):  # "In June, the senator": a time, not his name
                names.add(name)
    return tuple(name for name in names if name)


@lru_cache(maxsize=1024)
def _apposition_patterns(head: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The expressions for a name after the description (its ``rest``) and for one before it (", the <head>")."""
    phrase = r"[\s-]+".join(re.escape(w) for w in head.split())
    after = re.compile(rf"(?i)\b{phrase}{_OF_PLACE},?[ \u00a0]+{_HONORIFIC}(?P<rest>{_APPOSITION}{{1,80}})")
    return after, re.compile(rf"(?i),[ \u00a0]+(?:the[ \u00a0]+)?{phrase}\b(?!{_SAYS})")


_CAPITALISED = r"(?-i:[A-Z])[\w.'’-]*"
_OF_PLACE = (
    rf"(?:[ \u00a0]+of(?:[ \u00a0]+the)?[ \u00a0]+"
    rf"(?:(?:{'|'.join(re.escape(c.demonyms[0]) for c in COUNTRIES)})\b|{_CAPITALISED}(?:[ \u00a0]+{_CAPITALISED})*))?"
)
"""What a title may name between it and the name: "the Prime Minister of Singapore, Mr. Lee Hsien Loong",
"President of the United States Barack Obama" (in ``_canonical_text`` a country is its demonym, so the place ends
there: "of the American Barack Obama"); other places take every capitalised word ("the head of Sony Pictures
Television and ..." names no one)."""
_HONORIFIC = r"(?:(?:mr|mrs|ms|dr)\.?[ \u00a0]+)?"
"""An honorific before the name, its full stop included."""
_SAYS = _SPEECH.pattern
"""A verb of saying after a description: "Name, a Romanian official said" is no apposition but the end of a
statement and its signature."""
_APPOSITION = r"[^\n,.;:!?()“”\"]"
"""A character of a name's surroundings in an apposition: not a line break, clause punctuation or a quote mark."""
_APPOSITION_STOPS = frozenset('\n,.;:!?()“”"')
_WORD_RUN = re.compile(r"\w+")


@dataclass(frozen=True)
class _WordIndex:
    """Where each word of a text starts, so a phrase is looked for only where its first word is.

    ASCII words are filed lower-cased; any other word by its length, as a candidate for every word of that length
    (a case-insensitive match may pair an ASCII letter with another script's: "K" and the Kelvin sign).
    """

    ascii: dict[str, list[int]]
    other: dict[int, list[int]]

    def starts(self, first_word: str) -> list[int] | None:
        """Every offset where a phrase starting with ``first_word`` can match, ascending; None when the word
        does not start with an ASCII word character (then only a search of the whole text is sure)."""
        found = _WORD_RUN.match(first_word)
        if found is None or not found.group().isascii():
            return None
        word = found.group()
        return sorted([*self.ascii.get(word.lower(), ()), *self.other.get(len(word), ())])


@lru_cache(maxsize=8)
def _word_index(text: str) -> _WordIndex:
    ascii_words: dict[str, list[int]] = {}
    other: dict[int, list[int]] = {}
    for match in _WORD_RUN.finditer(text):
        word = match.group()
        if word.isascii():
            ascii_words.setdefault(word.lower(), []).append(match.start())
        else:
            other.setdefault(len(word), []).append(match.start())
    return _WordIndex(ascii_words, other)


def _names_after(pattern: re.Pattern[str], text: str, starts: list[int] | None) -> Iterable[str]:
    """The ``rest`` of each match ``pattern.finditer(text)`` would give, tried only at ``starts`` (where the
    pattern's first word is; None: everywhere)."""
    if starts is None:
        yield from (m["rest"] for m in pattern.finditer(text) if not _longer_title(text, m.start()))
        return
    searched_to = 0  # finditer's matches do not overlap: a search goes on where the last match ended
    for start in starts:
        if start < searched_to:
            continue
        match = pattern.match(text, start)
        if match is not None:
            searched_to = match.end()
            if not _longer_title(text, start):
                yield match["rest"]


_NOT_OFFICE = frozenset(["the", "a", "an", "former", "then", "late", "new", "acting", "interim"])


def _longer_title(text: str, start: int) -> bool:
    """Whether the description found at ``start`` is the tail of a longer title: "Minister" in "Prime Minister
    Jane Holm" or "Finance Minister Karl Berg" names another office, so "the minister" is not tied to that name.
    A place before it ("North Korean leader Kim Jong-un", "Russian President Putin") keeps the tie."""
    before = text[max(0, start - 40) : start].rstrip(" \u00a0-")
    if len(before) == len(text[max(0, start - 40) : start]):
        return False  # not a word and a space before it
    word = re.findall(r"[\w'.]+$", before)
    if not word or not word[0][:1].isupper():
        return False
    folded = _fold(word[0])
    return folded not in _NOT_OFFICE and not _is_place_word(folded)


def _names_before(tail: re.Pattern[str], text: str, starts: list[int] | None) -> Iterable[str]:
    """The ``lead`` of each match of ``(?P<lead>[^stops]{1,80})`` + ``tail`` (", [the ]<phrase>") in ``text``, as
    ``finditer`` would find them, from the commas before the phrase's ``starts`` (None: every comma).

    A lead cannot hold a comma, so each match ends a lead at one comma where ``tail`` matches; finditer's match
    for that comma starts at the first offset that leaves the lead at most 80 characters without stops, and not
    before the end of the previous match.
    """
    if starts is None:
        commas: Iterable[int] = (m.start() for m in re.finditer(",", text))
    else:
        commas = sorted({c for start in starts for c in _commas_before(text, start)})
    searched_to = 0
    for comma in commas:
        match = tail.match(text, comma)
        if match is None:
            continue
        lead = comma
        floor = max(comma - 80, searched_to)
        while lead > floor and text[lead - 1] not in _APPOSITION_STOPS:
            lead -= 1
        if lead == comma:
            continue
        searched_to = match.end()
        yield text[lead:comma]


def _commas_before(text: str, start: int) -> list[int]:
    """Offsets of a comma that ``,[ NBSP]+(?:the[ NBSP]+)?`` can lead from to ``start``."""
    spaces = start
    while spaces > 0 and text[spaces - 1] in " \u00a0":
        spaces -= 1
    if spaces == start:
        return []
    found = [spaces - 1] if spaces > 0 and text[spaces - 1] == "," else []
    if spaces >= 3 and text[spaces - 3 : spaces].lower() == "the":  # no other letter matches t, h, e ignoring case
        before = spaces - 3
        while before > 0 and text[before - 1] in " \u00a0":
            before -= 1
        if before < spaces - 3 and before > 0 and text[before - 1] == ",":
            found.append(before - 1)
    return found


def _name_prefix(words: list[str]) -> str:
    """The capitalised words at the start of ``words`` (at most four, after an honorific), possessive dropped."""
    if words and _honorific(words[0]):
        words = words[1:]
    taken: list[str] = []
    for word in words[:4]:
        if not word[:1].isupper():
            break
        taken.append(word)
    return _strip_possessive(" ".join(taken))


@lru_cache(maxsize=8)
def _canonical_text(text: str) -> str:
    """The text with countries and their abbreviations as demonyms ("North Korea's leader" -> "North Korean
    leader", "US" -> "American"), role synonyms unified and a minister's field before the role ("minister of
    transport for Indonesia" -> "Indonesian transport minister"), for matching description keys."""
    plain = text.replace("’", "'")
    for pattern, replacement in _TEXT_DEMONYMS:
        plain = pattern.sub(replacement, plain)
    return _FIELD_OF_TEXT.sub(_field_first, plain)


_TEXT_DEMONYMS = [
    (
        re.compile(
            rf"(?<!\w)(?:{'|'.join(re.escape(f) for f in sorted((c.name, *c.aliases), key=len, reverse=True))})"
            r"(?:'s)?(?!\w)"
        ),
        c.demonyms[0],
    )
    for c in COUNTRIES
] + _ROLE_PATTERNS
"""The substitutions of ``_canonical_text``, in order, compiled once."""
