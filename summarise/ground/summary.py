"""Checking a written summary against the article's attributed statements: in the default strategy the summary
is the one text the model writes, and a small model restates what someone said as what happened ("The Japanese
government is monitoring …" where the article has "The Japanese government said it was monitoring …").

A summary sentence states a claim as fact when it carries most of an attributed statement's content words
(``MIN_CLAIM_OVERLAP``) and no word of saying (nor the statement's own cue in any inflection). The problems are
phrased for the model (the strategy feeds them back once) and kept as warnings when they remain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..ingest.sentences import split_sentences
from ..lexicon import SAYING_WORDS, word_set
from .normalise import normalise

MIN_CLAIM_OVERLAP = 0.6
MIN_CLAIM_WORDS = 5
STOP = word_set(
    """the a an and or but of to in on at for with from by as that this these those it its is are was were be been
    has have had will would could should may might can not no than then there their they them he she his her
    who which what when where while also about after before over into more most some such only just very"""
)


@dataclass(frozen=True)
class Statement:
    """An attributed statement the summary may restate: who (may be empty), the cue, what was said."""

    who: str
    cue: str
    content: str


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w'’-]+", normalise(text)[0].casefold()) if w not in STOP and len(w) > 2]


def summary_problems(summary: str, statements: Sequence[Statement]) -> list[str]:
    """Summary sentences that state an attributed statement as fact, phrased for the model; empty when none."""
    # The statements' own cues count as saying too ("criticized", "called for"), in any inflection.
    stems = {w[:5] for s in statements for w in re.findall(r"\w+", s.cue.casefold())[:1] if len(w) > 3}
    found: list[str] = []
    for number, (start, end) in enumerate(split_sentences(summary), start=1):
        sentence = summary[start:end]
        if any(w in SAYING_WORDS or w[:5] in stems for w in re.findall(r"\w+", sentence.casefold())):
            continue
        present = set(_words(sentence))
        for s in statements:
            content = set(_words(s.content))
            if len(content) < MIN_CLAIM_WORDS or len(content & present) < MIN_CLAIM_OVERLAP * len(content):
                continue
            source = s.who or "someone in the article"
            found.append(
                f"sentence {number} gives what {source} {s.cue} as fact; "
                f'begin that sentence with "{source} {s.cue} that"'
            )
            break
    return found
