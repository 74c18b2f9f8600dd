"""A rule-based sentence splitter that reports offsets into the text it was given."""

from __future__ import annotations

import re

from ..lexicon import word_set as _words

_TERMINALS = ".!?…"
_CJK_TERMINALS = "。！？"
_CLOSERS = "\"'”’»›)]}」』）"

# Abbreviations after which a full stop never ends a sentence (titles before a name).
_TITLES = _words(
    "mr mrs ms mx dr prof gen lt col sgt capt cpt cmdr adm maj gov sen sens rep reps rev hon pres st "
    "supt det insp amb atty messrs mme mlle msgr fr brig"
)
# Abbreviations that end a sentence only when a typical sentence opener follows.
_ABBREVIATIONS = _words(
    "inc corp co ltd llc plc jr sr vs etc no nos fig jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun approx dept univ ave blvd rd mt ft vol ed eds al ca "
    "cf est"
)
_STARTERS = _words(
    "the a an he she it they we i you his her its their our this that these those there but and or so "
    "yet in on at for as after before when while if however meanwhile also still then now according "
    "some many most other both all no not one what who why how where"
)
_TERMINAL = re.compile(f"[{re.escape(_TERMINALS + _CJK_TERMINALS)}]")
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([^\W_]+)")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """[start, end) of each sentence of ``text[start:end]``, trimmed of whitespace, in ``text`` offsets.

    Pass one paragraph at a time: a line break inside the range counts as a space (hard-wrapped text).
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    i = start
    while (found := _TERMINAL.search(text, i, end)) is not None:  # only a terminal can end a sentence
        i = found.start()
        stop = _boundary(text, i, end)
        if stop is None:
            i += 1
            continue
        _append_trimmed(text, begin, stop, spans)
        begin = i = stop
    _append_trimmed(text, begin, end, spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _boundary(text: str, i: int, end: int) -> int | None:
    """The offset just after a sentence that ends at text[i], or None when text[i] ends none."""
    ch = text[i]
    if ch in _CJK_TERMINALS:
        j = i + 1
        while j < end and (text[j] in _CJK_TERMINALS or text[j] in _CLOSERS):
            j += 1
        return j
    if ch not in _TERMINALS or (i > 0 and text[i - 1] in _TERMINALS):
        return None
    j = i
    while j < end and text[j] in _TERMINALS:
        j += 1
    while j < end and text[j] in _CLOSERS:
        j += 1
    if j >= end:
        return None
    if not text[j].isspace():
        return None
    k = j
    while k < end and text[k].isspace():
        k += 1
    if k >= end:
        return None
    nxt = text[k]
    if nxt.islower() or nxt in ",;:-–—":
        return None
    if ch == "." and j - i == 1 and not _full_stop_ends(text, i, k, end):
        return None
    return j


def _full_stop_ends(text: str, i: int, k: int, end: int) -> bool:
    """Whether the full stop at text[i] ends a sentence whose successor starts at text[k]."""
    t = i
    while t > 0 and not text[t - 1].isspace():
        t -= 1
    token = text[t:i].lstrip("\"'“”‘’«»([{")
    lowered = token.lower()
    if lowered in _TITLES:
        return False
    match = _NEXT_WORD.match(text, k, end)
    next_word = match.group(1) if match else ""
    opener = next_word.lower() in _STARTERS
    if lowered in _ABBREVIATIONS:
        return opener and not next_word[:1].isdigit()
    if _INITIALISM.fullmatch(token):
        return opener
    return True
