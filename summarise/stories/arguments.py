"""Named participants of an event: a story event whose reports name different people as its targets is two events.

"The Saints placed Reggie Bush on injured reserve" and "the Saints placed Pierre Thomas on injured reserve" share
the trigger and the story but not the event; nor do "Klitschko stopped Tony Thompson" and "Klitschko stopped
Hasim Rahman". Cross-document event coreference uses the arguments for this (Cybulska and Vossen 2015; Barhom et
al. 2019: argument overlap). Here the reports of one merged event are grouped by the named persons and
organisations they act on: two reports are one group when a named target of one takes part in the other (as
its target or its actor: "Kim met Putin" and "Putin met Kim" are one meeting); a report that names no target
goes to the group whose articles name most of the people its own article names, ties to the larger group.

The same test tells two articles apart before their story is cut in two (``clusters.split``): two articles
that tell of an act of one key done to different named people (``other_targets``, on each article's own entities,
before any story links them) are two happenings of one kind, and their similarity counts less in the cut.

Only the targets tell events apart. On ECB+ dev the two events of a topic mostly have the same actor ("Lohan
checked into rehab", twice), and actors read from headlines are noisy ("Driver Charged"): grouping by actors, or
vetoing a join when both sides name different actors, cost more true links than false ones (``evals/ECBPLUS.md``).
Only names count (a person's name as written, an organisation's proper name); descriptions ("the actress") and
places (a parse's "in New Zealand" target is where, not whom) are left out. Two names are one participant when
the story links them to one entity or they share a name word ("Pierre Thomas", "Saints RB Pierre Thomas": entity
links across articles miss some).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..ground.entities import name_form
from ..lexicon import word_set
from ..schema import ArticleSummary, Entity
from ..unionfind import UnionFind
from .actions import action_key
from .entities import LinkedEntity

KINDS = ("person", "organization")
"""Whom an event is done to, when named: the entity types whose names tell two events apart."""
_PARTICLES = word_set("de da del della van von der bin al la le du dos of and the")


@dataclass(frozen=True)
class Name:
    """A named participant: its story entity and the words of its names."""

    entity: int
    words: frozenset[str]

    def same(self, other: Name) -> bool:
        return self.entity == other.entity or bool(self.words & other.words)


def _written_like_a_name(surface: str) -> bool:
    words = surface.split()
    return bool(words) and all(w[:1].isupper() or w.casefold() in _PARTICLES for w in words)


def _name_words(member: Entity, kind: str) -> set[str]:
    """The words of an article entity's names, as ``name_form`` keys them (descriptions left out)."""
    words: set[str] = set()
    for surface in (member.name, *member.aliases):
        form = name_form(surface, member.type)
        if form is None or form.description or not _written_like_a_name(surface):
            continue
        if kind != "person" or form.person_like:
            words.update(form.key.split())
    return words


def named(index: int, entity: LinkedEntity) -> Name | None:
    """The story entity as a named participant, or None when it is not a person or an organisation or is known
    only by descriptions."""
    if entity.type not in KINDS:
        return None
    words = set().union(*(_name_words(member, entity.type) for _, member in entity.members))
    return Name(index, frozenset(words)) if words else None


ArticleTargets = dict[str, list[frozenset[str]]]
"""Per event key (``actions.action_key``), the name words of each of one article's events of that key that name
a person or an organisation as its target."""


def article_targets(summary: ArticleSummary) -> ArticleTargets:
    """One article's named targets per event key, before any story links its entities (``ArticleTargets``)."""
    entities = {e.id: e for e in summary.entities}
    out: ArticleTargets = {}
    for event in summary.events:
        words: set[str] = set()
        for target in event.targets:
            entity = entities.get(target)
            if entity is not None and entity.type in KINDS:
                words |= _name_words(entity, entity.type)
        key = action_key(event)
        if words and key:
            out.setdefault(key, []).append(frozenset(words))
    return out


def other_targets(a: ArticleTargets, b: ArticleTargets) -> bool:
    """Whether two articles tell of an act of one key done to different named people ("placed Reggie Bush on
    injured reserve", "placed Pierre Thomas on injured reserve"): no name word of one's targets is the other's."""
    return any(key in b and not any(x & y for x in mine for y in b[key]) for key, mine in a.items())


def target_groups(
    targets: Sequence[tuple[Name, ...]], actors: Sequence[Name | None], contexts: Sequence[frozenset[int]]
) -> list[list[int]]:
    """The reports of one merged event (each its named targets, its named actor and the named participants of
    its article, as story entity indices) in groups of report indices, one per event: see the module. One group
    when fewer than two groups of named targets are found. Quadratic in the reports of one merged event only."""
    named_reports = [i for i, t in enumerate(targets) if t]
    sets = UnionFind(len(named_reports))
    for x, i in enumerate(named_reports):
        for y in range(x + 1, len(named_reports)):
            j = named_reports[y]
            if _takes_part(targets[i], targets[j], actors[j]) or _takes_part(targets[j], targets[i], actors[i]):
                sets.union(x, y)
    groups = [[named_reports[x] for x in g] for g in sets.groups()]
    if len(groups) < 2:
        return [list(range(len(targets)))]
    seen = [set().union(*(contexts[i] for i in g)) for g in groups]
    for i, t in enumerate(targets):
        if not t:
            best = max(range(len(groups)), key=lambda g: (len(contexts[i] & seen[g]), len(groups[g])))
            groups[best].append(i)
    return [sorted(g) for g in groups]


def _takes_part(targets: tuple[Name, ...], others: tuple[Name, ...], actor: Name | None) -> bool:
    return any(a.same(b) for a in targets for b in (*others, *((actor,) if actor else ())))
