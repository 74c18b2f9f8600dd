"""Text normalisation for matching, with a map from every normalised character back to the original.

Rules, applied in order: Unicode NFC; curly, angled and low quotes to ' or "; dashes and minus signs to -;
"…" to "..."; invisible characters (soft hyphen, zero-width space, word joiner, BOM) dropped; case folding;
every run of whitespace (CRLF, NBSP, thin and ideographic spaces included) to one space.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CHAR_MAP = {
    **dict.fromkeys("“”„‟«»″＂〝〞", '"'),
    **dict.fromkeys("‘’‚‛‹›′＇`´", "'"),
    **dict.fromkeys("‐‑‒–—―−⁃﹘﹣－", "-"),
    "…": "...",
}
_DROPPED = frozenset("\u00ad\u200b\u2060\ufeff")


def normalise(text: str) -> tuple[str, list[int]]:
    """The normalised text, and for each of its characters the index of the original character behind it."""
    norm, starts, _ = _normalise(text)
    return norm, list(starts)


def normalised(text: str) -> str:
    """``normalise(text)[0]`` without the map back (for comparing words, not finding them): on the common path
    one C-level pass instead of a list entry per character."""
    if not unicodedata.is_normalized("NFC", text) or _NOT_ONE_TO_ONE.search(text):
        return _normalise_general(text)[0]
    folded = text.translate(_ONE_TO_ONE).casefold()
    if len(folded) != len(text):
        return _normalise_general(text)[0]
    return _SPACES.sub(" ", folded)


@lru_cache(maxsize=64)
def normalise_with_ends(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Like ``normalise``, plus for each character the original index just past what it came from; cached,
    for article texts that are searched many times.

    Normalised ``[i, j)`` covers original ``[starts[i], ends[j - 1])``.
    """
    return _normalise(text)


_ONE_TO_ONE = str.maketrans({k: v for k, v in _CHAR_MAP.items() if len(v) == 1})
_NOT_ONE_TO_ONE = re.compile("[" + "".join(k for k, v in _CHAR_MAP.items() if len(v) != 1) + "".join(_DROPPED) + "]")
_SPACES = re.compile(r"\s+")


def _normalise(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Most article text maps character for character (NFC already, nothing expands or vanishes): then only
    runs of whitespace change the offsets, and C-level string methods do the rest. Otherwise, the general path."""
    if not unicodedata.is_normalized("NFC", text) or _NOT_ONE_TO_ONE.search(text):
        return _normalise_general(text)
    folded = text.translate(_ONE_TO_ONE).casefold()
    if len(folded) != len(text):  # casefold expanded a letter (ß -> ss)
        return _normalise_general(text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for run in _SPACES.finditer(folded):
        out += [folded[pos : run.start()], " "]
        starts += [*range(pos, run.start()), run.start()]
        ends += [*range(pos + 1, run.start() + 1), run.end()]
        pos = run.end()
    out.append(folded[pos:])
    starts += range(pos, len(folded))
    ends += range(pos + 1, len(folded) + 1)
    return "".join(out), tuple(starts), tuple(ends)


def _normalise_general(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for chunk, start, end in _nfc_chunks(text):
        for ch in _fold(chunk):
            if ch.isspace():
                if out and out[-1] == " ":
                    ends[-1] = end
                    continue
                ch = " "
            out.append(ch)
            starts.append(start)
            ends.append(end)
    return "".join(out), tuple(starts), tuple(ends)


def _fold(chunk: str) -> str:
    if chunk in _DROPPED:
        return ""
    return "".join(_CHAR_MAP.get(ch, ch) for ch in chunk).casefold()


def _nfc_chunks(text: str) -> list[tuple[str, int, int]]:
    """NFC of ``text`` as (normalised piece, original start, original end), split as finely as NFC allows.

    A piece is a character with the combining marks after it; neighbouring pieces are joined when NFC composes
    across them (Hangul jamo, some Indic vowel signs), so each piece maps to a contiguous original stretch.
    """
    if unicodedata.is_normalized("NFC", text):
        return [(ch, i, i + 1) for i, ch in enumerate(text)]
    pieces: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if pieces and unicodedata.combining(ch):
            pieces[-1] = (pieces[-1][0], i + 1)
        else:
            pieces.append((i, i + 1))
    chunks: list[tuple[str, int, int]] = []
    for start, end in pieces:
        if chunks:
            prev_start = chunks[-1][1]
            joined = unicodedata.normalize("NFC", text[prev_start:end])
            separate = chunks[-1][0] + unicodedata.normalize("NFC", text[start:end])
            if joined != separate:
                chunks[-1] = (joined, prev_start, end)
                continue
        chunks.append((unicodedata.normalize("NFC", text[start:end]), start, end))
    return [
        piece
        for chunk, start, end in chunks
        for piece in (
            [(ch, start + k, start + k + 1) for k, ch in enumerate(chunk)]
            if chunk == text[start:end]
            else [(chunk, start, end)]
        )
    ]
