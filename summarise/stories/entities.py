"""Entity linking across the articles of one story: one id per real-world referent.

Each article's entities are already canonical within the article (``ground.entities``); here they are joined
across articles by the same keys that module uses, in five steps, each a look-up in an index (no pairwise
comparison):

1. Equal name keys: case, diacritics, hyphens, full stops, a leading "the", a possessive, a title and known
   abbreviations do not count (Kim Jong-un = Kim Jong Un, US = United States, Tokyo = Japan), for a name or any
   alias. Persons join only persons, organizations and places only their kind; an entity typed "other" (the
   type was not told) joins either.
2. A one-word name ("Kim", "Lohan") joins the one person whose fuller name starts or ends with it, and a
   one-word name of an organization or place ("Saints") the one whose longer name ends with it ("New Orleans
   Saints"); it stays apart when two fit. A name ending in a person's full name is that person with a title
   the article's own rules did not know ("Comedian Ellen DeGeneres", "pin-up icon Bettie Page").
3. An entity known only by a description ("the North Korean leader") joins the one named entity that carries
   that description (as an alias or a title) in some article; it stays apart when two named entities carry it.
   Two named entities are never joined through a shared title or description: two prime ministers stay two.
   Entities known only by one description that no named entity carries are one ("the gunman").
4. Two persons' full names with the same surname and first initial are one person (Fred and Frederick LaRue,
   Mo and Maurice Cheeks, Betty and Bettie Page: nicknames and spellings the keys do not fold).
5. An entity named by a common noun phrase ("a 66-year-old woman", "A woman", "submarine cables") joins the
   entities of other articles whose phrase has the same head noun, as the same-lemma baseline does: within one
   story, "the woman" of one report is the woman of the next. Only an article's one entity with that head joins:
   where an article tells two women apart, the merge does not undo it.

Measured on ECB+ dev with ``summarise eval ecbplus`` (entities aligned with gold mentions): steps 4 and 5 took
entity CoNLL F1 from 0.749 to 0.767 (the same-lemma baseline 0.783; ``evals/ECBPLUS.md``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..ground.entities import name_form
from ..lexicon import word_set
from ..schema import ArticleSummary, Entity, EntityType
from ..unionfind import UnionFind
from .actions import stem

_DETERMINERS = word_set("a an the this that these those one two three four five several some")
_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass
class _Item:
    """One article's entity, with the keys it is filed under."""

    article: int
    entity: Entity
    kind: str
    """person, thing (organization, location, group) or any (other: the type was not told)."""
    names: set[str] = field(default_factory=set)
    descriptions: set[str] = field(default_factory=set)
    person_like: bool = False
    head: str | None = None
    """The stem of the head noun when the entity is named by a common noun phrase, else None."""


@dataclass(frozen=True)
class LinkedEntity:
    """A cross-article entity: its members as (article index, article entity)."""

    name: str
    type: EntityType
    aliases: list[str]
    members: list[tuple[int, Entity]]


@dataclass(frozen=True)
class EntityLinks:
    """The story's entities and, per article index and article entity id, the index of its linked entity."""

    entities: list[LinkedEntity]
    index: dict[tuple[int, str], int]

    def of(self, article: int, entity_id: str | None) -> int | None:
        return None if entity_id is None else self.index.get((article, entity_id))


def _kind(entity: Entity) -> str:
    return {"person": "person", "other": "any"}.get(entity.type, "thing")


def _fits(a: _Item, b: _Item) -> bool:
    return a.kind == b.kind or "any" in (a.kind, b.kind)


def _item(article: int, entity: Entity) -> _Item:
    item = _Item(article, entity, _kind(entity))
    hint = entity.type if entity.type != "other" else None
    for surface in (entity.name, *entity.aliases):
        form = name_form(surface, hint)
        if form is None:
            continue
        if form.description:
            item.descriptions.add(form.key)
        else:
            item.names.add(form.key)
            item.person_like |= form.person_like and len(form.key.split()) > 1
        if form.title_key:
            item.descriptions.add(form.title_key)
    item.head = _common_head(entity.name)
    return item


def _common_head(surface: str) -> str | None:
    """The stem of the last word of a common noun phrase (every word lowercase but a leading determiner: "A
    woman", "two sub-sea cables"), else None: a name ("Saints"), or a phrase a name or a proper adjective makes
    specific ("Lindsay Lohan's attorney", "the Japanese government" is not "the Russian government")."""
    words = _WORDS.findall(surface)
    if words and words[0].casefold() in _DETERMINERS:
        words = words[1:]
    if not words or not all(w.islower() for w in words):
        return None
    return stem(words[-1])


def link_entities(summaries: Sequence[ArticleSummary]) -> EntityLinks:
    """Link the entities of the given articles (one story's) across articles."""
    items = [_item(a, e) for a, s in enumerate(summaries) for e in s.entities]
    sets = UnionFind(len(items))
    _equal_names(items, sets)
    _surnames(items, sets)
    _short_names(items, sets)
    _descriptions(items, sets)
    _common_heads(items, sets)
    linked: list[LinkedEntity] = []
    index: dict[tuple[int, str], int] = {}
    for group in sets.groups():
        members = [items[i] for i in group]
        for m in members:
            index[(m.article, m.entity.id)] = len(linked)
        linked.append(_linked(members))
    return EntityLinks(linked, index)


def _equal_names(items: list[_Item], sets: UnionFind) -> None:
    """Items sharing a name key join: persons with persons, things with things; an item of no told type joins
    the persons of its key if there are any, else the things."""
    by_key: dict[str, dict[str, int]] = {}
    for i, item in enumerate(items):
        for key in item.names:
            first = by_key.setdefault(key, {})
            sets.union(i, first.setdefault(item.kind, i))
    for first in by_key.values():
        if "any" in first and len(first) > 1:
            sets.union(first["any"], first.get("person", first.get("thing", first["any"])))


def _surnames(items: list[_Item], sets: UnionFind) -> None:
    """Persons whose full names share the surname and the first initial join."""
    by_name: dict[tuple[str, str], int] = {}
    for i, item in enumerate(items):
        if item.kind == "person" and item.person_like:
            for words in (k.split() for k in item.names):
                if len(words) > 1:
                    sets.union(i, by_name.setdefault((words[-1], words[0][0]), i))


def _short_names(items: list[_Item], sets: UnionFind) -> None:
    """A one-word name joins the one person whose fuller name starts or ends with that word (an organization's or
    place's: the one whose longer name ends with it); a name that ends with another person's full name of two
    words or more is that person with a title ("Comedian Ellen DeGeneres", "pin-up icon Bettie Page")."""
    ends: dict[str, set[int]] = {}
    full: dict[str, set[int]] = {}
    tails: dict[str, set[int]] = {}  # the last word of a longer name of an organization or a place
    for i, item in enumerate(items):
        if item.kind != "person":
            for key in (k for k in item.names if " " in k):
                tails.setdefault(key.rsplit(" ", 1)[1], set()).add(i)
        if item.kind == "person" and item.person_like:
            for key in item.names:
                words = key.split()
                if len(words) > 1:
                    ends.setdefault(words[0], set()).add(i)
                    ends.setdefault(words[-1], set()).add(i)
                    full.setdefault(key, set()).add(i)
    for i, item in enumerate(items):
        for key in item.names:
            words = key.split()
            if item.kind == "thing":
                found = tails.get(key, set()) if len(words) == 1 else set()
            elif len(words) == 1 and not item.person_like:
                found = ends.get(key, set()) or tails.get(key, set())
            else:
                found = {j for n in range(1, len(words) - 1) for j in full.get(" ".join(words[n:]), ())}
            roots = {sets.find(j) for j in found}
            if len(roots) == 1:
                sets.union(i, roots.pop())


def _descriptions(items: list[_Item], sets: UnionFind) -> None:
    """An entity without a name joins the one named entity that carries its description; entities with only
    one description, and no named entity to carry it, are one entity ("the gunman" in two reports)."""
    carriers: dict[str, set[int]] = {}
    bare: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        for key in item.descriptions:
            if item.names:
                carriers.setdefault(key, set()).add(i)
            else:
                bare.setdefault(key, []).append(i)
    for i, item in enumerate(items):
        if item.names:
            continue
        roots = {sets.find(j) for key in item.descriptions for j in carriers.get(key, ()) if _fits(item, items[j])}
        if len(roots) == 1:
            sets.union(i, roots.pop())
    for key, members in bare.items():
        if key not in carriers:
            for j in members[1:]:
                sets.union(members[0], j)


def _common_heads(items: list[_Item], sets: UnionFind) -> None:
    """Entities named by common noun phrases with one head noun join across articles (persons with persons,
    other kinds together), each article's only entity with that head."""
    per_article = Counter((item.article, item.head) for item in items if item.head is not None)
    first: dict[tuple[str, bool], int] = {}
    for i, item in enumerate(items):
        if item.head is not None and per_article[(item.article, item.head)] == 1:
            sets.union(i, first.setdefault((item.head, item.kind == "person"), i))


def _linked(members: list[_Item]) -> LinkedEntity:
    """The merged entity: the name most articles use (names before descriptions; names with one key count
    together, so Kim Jong-un and Kim Jong Un are one vote; ties: the longest, then the first), every other
    form an alias, the commonest type."""
    named = [m for m in members if m.names] or members
    keys = [_key(m.entity.name) for m in named]
    votes = Counter(keys)
    best = max(range(len(named)), key=lambda i: (votes[keys[i]], len(keys[i]), -i))
    name = named[best].entity.name
    forms = dict.fromkeys(f for m in members for f in (m.entity.name, *m.entity.aliases))
    forms.pop(name, None)
    types = Counter(m.entity.type for m in members if m.entity.type != "other")
    kind: EntityType = types.most_common(1)[0][0] if types else "other"
    return LinkedEntity(name, kind, list(forms), [(m.article, m.entity) for m in members])


def _key(surface: str) -> str:
    form = name_form(surface)
    return form.key if form is not None else surface.casefold()
