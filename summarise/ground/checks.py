"""Whether the article supports what was extracted: a name it mentions, a speaker that is a name, a reporting cue
in the claim's sentence, a summary that does not state claims as fact.

Grounding applies these rules to every item; the extraction strategies apply the same ones to a model's answer
before grounding, to feed problems back to the model once. They get them as ``ArticleChecks`` from the pipeline
(extract does not import ground: it sits below it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..extract.items import ExtractedClaim, ExtractedEvent
from ..lexicon import REPORTING_WORDS, quoted_stretches, verb_stem
from .normalise import normalise_with_ends, normalised
from .summary import Statement, Told, event_problems, summary_problems, support_problems

MAX_NAME_WORDS = 7


def mentioned(name: str, text_norm: str) -> bool:
    """Whether a name occurs in the normalised article text: whole, or every word of it."""
    norm = normalised(name).strip()
    if not norm or norm in text_norm:
        return True
    words = [w for w in norm.replace(".", " ").split() if len(w) > 1 and w not in {"the", "of", "and"}]
    return bool(words) and all(w in text_norm for w in words)


def looks_like_name(name: str) -> bool:
    """A speaker or actor is a short name or description, not a copied sentence or quote."""
    return 0 < len(name.split()) <= MAX_NAME_WORDS and not any(ch in name for ch in '"“”«»')


_CLOSING_FIRST = re.compile(r"^(?:(?!'')[^\"“”])*?[\w,.?!…—-]([\"”]|'')(?=\s|$)")
"""A sentence that opens inside a quotation begun sentences before: its first mark closes it ('Probably not,"
Ms. Moore said.'), or an ASCII pair's "''" does (no "''" before it,
which would open a quotation of its own)."""


def _opened_before(sentence: str) -> int:
    """Where a quotation opened before the sentence closes in it (0: none does)."""
    m = _CLOSING_FIRST.match(sentence)
    if m is None or (m.group(1) == '"' and sentence.count('"') % 2 == 0):
        return 0
    return m.start(1)


_MARK_CUE = re.compile(r"^[\s\"“]*(?:[A-Z][\w.'’-]*\s?){1,4}:\s|[―—][ \t\xa0]*[A-Z]")
"""The shapes of a mark that attributes: 'WALLACE: …' at the start, or '― Name' (as ``extract.attribution``)."""


def find_cue(cue: str, sentence: str) -> str | None:
    """The reporting cue as written in its sentence, outside its quotations: the model's verb in any inflection,
    else the sentence's first reporting word, else None (nobody is reported as saying anything there: the
    attribution is unsupported, as for an instruction injected into the article)."""
    opened = _opened_before(sentence)
    after = opened + (2 if sentence.startswith("''", opened) else 1)  # past the closing mark
    quoted = [(0, opened), *quoted_stretches(sentence, after, len(sentence), min_words=1)] if opened else []
    quoted = quoted or quoted_stretches(sentence, 0, len(sentence), min_words=1)
    if cue.strip() in (":", "―", "—") and _MARK_CUE.search(sentence):
        return cue.strip()  # a transcript's "NAME:" or a signed "― Name": the mark is the cue
    spots = [
        (m.start(), m.end(), m.group())
        for m in re.finditer(r"\w+", sentence)
        if not any(a <= m.start() < b for a, b in quoted)
    ]
    words = re.findall(r"\w+", normalised(cue))
    if words:
        first = verb_stem(words[0])
        for start, end, word in spots:
            if verb_stem(word.casefold()) == first:
                rest = sentence[end:].split()
                return " ".join([sentence[start:end], *rest[: len(words) - 1]]).rstrip(',.;:”"')
    for _, end, word in spots:
        if word.casefold() in REPORTING_WORDS:
            tail = " to" if word.casefold() == "according" and sentence[end:].lstrip().startswith("to") else ""
            return word + tail
    return None


class ArticleChecks:
    """The rules above for one article, in the form the extraction strategies ask them (``AnswerChecks``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.text_norm = normalise_with_ends(text)[0]  # cached: grounding normalises the article too

    def named(self, name: str) -> bool:
        return mentioned(name, self.text_norm)

    def reported(self, verb: str, sentence: str) -> bool:
        return find_cue(verb, sentence) is not None

    def summary_problems(
        self, summary: str, claims: Sequence[ExtractedClaim], events: Sequence[ExtractedEvent] = ()
    ) -> list[str]:
        found = summary_problems(summary, [Statement(c.who, c.verb, c.what) for c in claims])
        return found + event_problems(summary, [Told(e.actor, e.action, e.status) for e in events])

    def unsupported(self, summary: str) -> list[str]:
        return support_problems(summary, self.text)
