"""Who made an act of saying, as its article writes the doer: many parties announce in one story, so two reports
of an announcement are one act only when one doer made it (``events.MergedEvent.accepts``).

One doer goes by several descriptions across articles, which the story's entity links miss (a description is
linked to no name): a spokesperson, officials or the management of a party speak for it and their descriptions
name it ("CNN officials confirmed", "CNN's management confirmed", "CNN confirmed": one confirmation), and one
party's publicist is "Tara Reid's publicist" in one article and "her publicist" in the next. So a doer is also
compared by the words of its names and aliases in its own article, titles (``lexicon.PERSON_ROLES``:
"President", "spokesman") and function words ("US" is no "us") left out. Two doers are one when the story links
them to one entity, else

- when both are written with capitalised words, they share one of those ("CNN", "Staunton Police": a name tells
  a party, so "Iranian officials" are not "US officials");
- when one is not ("her publicist"), they share a word.

"Summit Entertainment" and "Entertainment Weekly" share a name word and pass as one doer: a name word is what
``arguments.Name`` compares too, and on ECB+ dev no act of one key joined two doers so (``evals/ECBPLUS.md``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import FUNCTION_WORDS, PERSON_ROLES
from ..schema import Entity

_WORD = re.compile(r"[A-Za-z][\w.&-]*(?:'s)?")
"""A word of a name as written: "U.S.", "AT&T", "Reid's" (the possessive taken off after)."""
_LEFT_OUT = FUNCTION_WORDS | PERSON_ROLES


@dataclass(frozen=True)
class Doer:
    """The words of a doer's names as written (``words``), and those of them written capitalised (``names``)."""

    words: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()

    def same(self, other: Doer) -> bool:
        """Whether the two are one doer by their words (see the module)."""
        if self.names and other.names:
            return bool(self.names & other.names)
        return bool(self.words & other.words)

    def __or__(self, other: Doer) -> Doer:
        return Doer(self.words | other.words, self.names | other.names)


def doer(entity: Entity) -> Doer:
    """An article entity as a doer: the words of its name and aliases."""
    words: set[str] = set()
    names: set[str] = set()
    for surface in (entity.name, *entity.aliases):
        for written in _WORD.findall(surface):
            word = written.removesuffix("'s").casefold()
            if word in _LEFT_OUT and not _acronym(written):
                continue
            words.add(word)
            if written[0].isupper():
                names.add(word)
    return Doer(frozenset(words), frozenset(names))


def _acronym(written: str) -> bool:
    """Whether a word is written in capitals, as "US" and "UN" are: a name, though "us" is a function word."""
    return len(written) > 1 and written.isupper()
