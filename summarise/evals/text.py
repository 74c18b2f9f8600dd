"""Text normalisation, reporting-verb stems, character intervals and token overlap used by the scorers.

The scorer keeps its own normalisation, stemmer and pronoun list on purpose rather than ``summarise.lexicon``'s:
they are the ruler the system is measured with. Shared, a change to the system's word lists would move the ruler
with what it measures (a cue the lexicon stopped stemming together would also stop counting as the same cue), and
every figure in evals/ would shift without the system's output changing. They differ, too: this stemmer folds far
more irregular verbs ("found", "held", "began") and "-ies/-ied", to judge two cues alike however they are written,
where the lexicon's only needs to find a model's cue in its sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

Interval = tuple[int, int]
"""A half-open [start, end) range of code points."""

_TRANSLATE = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-", "\u00a0": " "}
)
_WORD = re.compile(r"\w+")
_ARTICLES = frozenset({"the", "a", "an"})
_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "thought": "think", "wrote": "write", "spoke": "speak",
    "felt": "feel", "knew": "know", "saw": "see", "heard": "hear", "meant": "mean", "made": "make",
    "gave": "give", "found": "find", "held": "hold", "took": "take", "understood": "understand",
    "taught": "teach", "sought": "seek", "went": "go", "became": "become", "began": "begin",
    "chose": "choose", "swore": "swear", "foresaw": "foresee", "forgot": "forget", "got": "get",
}  # fmt: skip
_AUXILIARIES = {
    "has", "have", "had", "having", "is", "was", "were", "are", "am", "be", "been", "being", "will", "would",
    "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "not", "never", "also",
    "reportedly", "then", "later", "previously", "earlier", "further", "again", "once", "still",
}  # fmt: skip
PRONOUNS = {
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they",
    "them", "their", "this", "that", "these", "those", "who", "whom", "which", "one", "someone", "somebody",
}  # fmt: skip


def norm(text: str | None) -> str:
    """Casefolded words of ``text`` (NFKC, quotes and dashes unified, punctuation dropped), space-joined."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).translate(_TRANSLATE).casefold()
    return " ".join(_WORD.findall(folded))


def norm_name(text: str | None) -> str:
    """``norm`` without a leading article: "The Post" and "post" are one name."""
    words = norm(text).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def similarity(a: str, b: str) -> float:
    """rapidfuzz token_set_ratio of two normalised strings, scaled to 0..1 (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return float(fuzz.token_set_ratio(a, b)) / 100.0


def best_similarity(left: Iterable[str], right: Iterable[str]) -> float:
    rights = [r for r in right if r]
    return max((similarity(a, b) for a in left if a for b in rights), default=0.0)


def best_ratio(left: Iterable[str], right: Iterable[str]) -> float:
    """Best plain rapidfuzz ratio (0..1) over pairs: spelling variants, not subsets."""
    rights = [r for r in right if r]
    return max((float(fuzz.ratio(a, b)) / 100.0 for a in left if a for b in rights), default=0.0)


def stem(word: str) -> str:
    """A crude stem that maps inflections of one verb together: said/says/say, warned/warns, denies/denied."""
    w = _IRREGULAR.get(word, word)
    if len(w) > 4 and w.endswith(("ies", "ied")):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith(("ed", "es")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    return w


def cue_key(cue: str | None) -> str:
    """The stem of the first word of a reporting cue that is not an auxiliary: "has said" -> "say"."""
    words = [w for w in norm(cue).split() if w not in _AUXILIARIES]
    return stem(words[0]) if words else ""


def same_cue(a: str | None, b: str | None) -> bool:
    ka, kb = cue_key(a), cue_key(b)
    return ka == kb and (bool(ka) or (not norm(a) and not norm(b)))


def is_pronoun(text: str) -> bool:
    words = norm(text).split()
    return bool(words) and all(w in PRONOUNS for w in words)


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, disjoint union of the non-empty intervals."""
    out: list[Interval] = []
    for start, end in sorted(iv for iv in intervals if iv[1] > iv[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def total(intervals: Sequence[Interval]) -> int:
    return sum(end - start for start, end in intervals)


def intersection(a: Sequence[Interval], b: Sequence[Interval]) -> int:
    """Characters shared by two merged interval lists."""
    i = j = shared = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        shared += max(0, hi - lo)
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return shared


def dice(a: Sequence[Interval], b: Sequence[Interval]) -> float:
    """Character overlap F1 (Dice) of two merged interval lists; 0 when either is empty."""
    size = total(a) + total(b)
    return 2 * intersection(a, b) / size if total(a) and total(b) else 0.0


def overlaps(a: Sequence[Interval], b: Sequence[Interval]) -> bool:
    return intersection(a, b) > 0


def token_spans(text: str) -> list[Interval]:
    """Offsets of the word tokens of ``text``."""
    return [m.span() for m in _WORD.finditer(text)]


def tokens_touching(tokens: Sequence[Interval], intervals: Sequence[Interval]) -> set[int]:
    """Indices of the tokens that share at least one character with the intervals."""
    return {i for i, (a, b) in enumerate(tokens) if any(a < end and start < b for start, end in intervals)}


def set_f1(pred: set[int], gold: set[int]) -> float:
    if not pred and not gold:
        return 1.0
    return 2 * len(pred & gold) / (len(pred) + len(gold))


def find_mentions(text: str, names: Iterable[str]) -> list[Interval]:
    """Case-insensitive whole-word occurrences of any of ``names`` (two characters or more) in ``text``."""
    found: list[Interval] = []
    for name in {n.strip() for n in names if len(n.strip()) >= 2}:
        pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
        found.extend(m.span() for m in pattern.finditer(text))
    return merge(found)
