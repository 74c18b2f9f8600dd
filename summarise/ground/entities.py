"""Canonical entities from the names a model produced for one article, using the article text as evidence.

Merge rules, in order:

1. Equal keys: case, diacritics, hyphens, full stops, a leading "the" and a possessive do not count
   (Kim Jong-un = Kim Jong Un, Budánov = Budanov, The Washington Post = Washington Post), and known
   abbreviations of countries and international bodies are expanded (US = U.S. = United States, UN = U.N.).
2. Titles are stripped: "US National Security Advisor Jake Sullivan" is Jake Sullivan, its title an alias
   ("General Motors" is a company: "General" is a rank only before a full name); so is a common-noun
   description before a name ("aircraft manufacturer Boeing", "US automaker GM"; not "a second A380", another
   one), an owner's possessive before a name ("The Beatles' Apple Corps") and an acronym in brackets after it
   ("General Motors (GM)"). A headline's verb the parse cut with a name is dropped ("Apple releases" is Apple
   when the body retells it: "Apple released"), and so is a day word that opens the sentence ("Today Apple").
3. Metonymy (``metonymy=True``, the default): a capital in ``COUNTRIES`` is its country (Tokyo = Japan), and
   a country's government ("the Japanese government") joins the country when the country is itself a
   claimant or actor (``Mention.role``), making one organization entity. "Russia" as a place and "the Russian
   government" that said something stay apart. Seats of power such as the Kremlin are not merged. "The federal
   government" joins the one country's government the article names, when it names only one.
4. A short name joins the one name it can be short for: a fuller person name holding it, among the mentions
   or in the text (Sullivan = Jake Sullivan), or a company's full name (Apple = Apple Inc., Ford = Ford Motor
   Company); it stays apart when several fit (Clinton with Hillary and Bill Clinton; Ford with Ford Motor
   Company and William Clay Ford Jr.). A fuller name found only in the text counts when the text gives it
   before it uses the short name again (not "Michigan Ford" late in a list), and not in a title-case line
   (not "Lindsey Graham Says" in "… Clean Energy, Lindsey Graham Says"). A name with digits, an acronym, a
   country, lower-case words or a possessive, or one written right after "the", is no person's ("Airbus A350",
   "Apple TV", "Ford Australia", "the Chrysler Aspen"). An acronym joins the one name it abbreviates (GM =
   General Motors, EADS = European Aeronautic Defence and Space Company, USAF = Air Force after a country's
   letters). A product's one-word name joins the longer names that begin with it and end in what it is
   ("iTunes" = "iTunes Music Store" = "iTunes downloadable music service"; not the model "iPod nano"), and a
   one-word name the one longer name of a thing that ends in it ("the Taurus" = "Ford Taurus"; not "France" in
   "Air France", nor "GM", already General Motors, in "New GM").
5. A person's description ("the North Korean leader") joins a name only when the text links them: an
   appositive such as "North Korean leader Kim Jong-un" or "Kirilo Budánov, the head of ..." (not a signed
   statement: "..., a Romanian official said"), another mention's title, or, when neither names it, a
   neighbouring sentence (``_link_by_neighbours``). A "<nationality> leader" also matches that nationality's
   president, prime minister, chancellor or king; a bare title matches the same title before a name ("CEO" =
   "Fritz Henderson, the Chief Executive Officer of ..."; "President" = "President of the United States Barack
   Obama").
6. A company's description ("the firm", "The US car manufacturer") joins the company set beside it in the
   text, else the one company introduced as "a ... firm", else the company read before it
   (``_link_company_descriptions``); never a person or a public body, nor a common noun capitalised to open
   its sentence ("Bankruptcy for U.S. automaker GM …" over "file for bankruptcy"). A product's description
   ("the aircraft", "The device") joins the product named before it ("A380", "iPhone 4":
   ``_link_thing_descriptions``).

The canonical name is the longest proper-name form without title (a country's table name for countries; never
a company's or a product's description); the other surface forms become aliases, a form written after "the"
also without it ("The A380" gives "A380"). Ids run e1, e2 ... in the order of the mentions given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..schema import Entity, EntityType
from ..unionfind import UnionFind
from .name_evidence import _text_names
from .name_forms import (
    _CAPITALS,
    _COUNTRY_KEYS,
    _DEMONYMS,
    _GROUP_WORDS,
    _KEY_PREFIX,
    _KNOWN_NAMES,
    _ORG_WORDS,
    _ORGANIZATION_KEYS,
    _PLACE_WORDS,
    _SPEECH,
    _WORD_CHAR,
    _cut_headline_verb,
    _description_key,
    _government_of,
    _has_digit,
    _honorific,
    _Item,
    _name_key,
    _name_word,
    _parse,
    _strip_article,
)
from .name_merges import (
    _after_the,
    _company_description,
    _contains,
    _inner_runs,
    _link_by_neighbours,
    _link_company_descriptions,
    _link_descriptions,
    _link_thing_descriptions,
    _merge_acronyms,
    _merge_equal_keys,
    _merge_governments,
    _merge_last_words,
    _merge_product_forms,
    _merge_short_names,
    _NameIndex,
    _person_like,
    _thing_description,
)


@dataclass(frozen=True)
class Mention:
    """A name as the model wrote it, with an optional type and the role it played (claimant, actor ...)."""

    name: str
    type_hint: str | None = None
    role: str | None = None


@dataclass
class EntityTable:
    """Canonical entities for one article, and the id every mentioned name resolves to."""

    entities: list[Entity]
    _ids: dict[str, str] = field(default_factory=dict, repr=False)
    _persons: dict[str, str] = field(default_factory=dict, repr=False)
    _inside: dict[tuple[str, ...], set[str]] | None = field(default=None, repr=False, compare=False)
    """Words -> ids of the persons whose key holds them as a shorter run (built on first use)."""

    def id_for(self, name: str) -> str | None:
        """The id of the entity ``name`` refers to (any surface form or its key), or None."""
        found = self._ids.get(name.strip())
        if found is not None:
            return found
        item = _parse(name, None, None, 0)
        if item is None:
            return None
        found = self._ids.get(_KEY_PREFIX + item.key)
        if found is not None:
            return found
        matches = self._persons_holding(item.key)
        return next(iter(matches)) if len(matches) == 1 else None

    def _persons_holding(self, key: str) -> set[str]:
        """Ids of the persons whose key holds ``key`` as a shorter run of words (``_contains``)."""
        words = tuple(key.split())
        if not words:
            return {eid for k, eid in self._persons.items() if _contains(k, key)}
        if self._inside is None:
            self._inside = {}
            for k, eid in self._persons.items():
                for run in _inner_runs(tuple(k.split())):
                    self._inside.setdefault(run, set()).add(eid)
        return self._inside.get(words, set())


def canonicalise(mentions: Iterable[Mention], text: str, *, metonymy: bool = True) -> EntityTable:
    """Merge one article's mentions into canonical entities; ``text`` is the article, used as evidence."""
    items = [item for i, m in enumerate(mentions) if (item := _parse(m.name, m.type_hint, m.role, i))]
    for item in items:
        _cut_headline_verb(item, text)
    real_count = len(items)
    items.extend(_text_names(text, start=real_count))
    if metonymy:
        for item in items:
            if not item.description and item.key in _CAPITALS:
                item.key, item.via_capital = _CAPITALS[item.key], True
    clusters = UnionFind(len(items))
    _merge_equal_keys(items, clusters)
    index = _NameIndex(items)
    if metonymy:
        _merge_governments(items, clusters)
    _merge_short_names(items, clusters, index, text)
    _merge_product_forms(items, clusters)
    _merge_acronyms(items, clusters)
    _link_descriptions(items, clusters, text, index)
    _link_company_descriptions(items, clusters, text, index)
    _link_thing_descriptions(items, clusters, text)
    _merge_acronyms(items, clusters)  # again, for names the descriptions found in the text ("General Motors")
    _merge_last_words(items, clusters)  # after the acronyms: "GM" is General Motors, no "New GM"
    _merge_short_names(items, clusters, index, text)
    _link_by_neighbours(items, clusters, text)
    return _build_table(items, clusters, text)


# Building -------------------------------------------------------------------------------------------------


def _build_table(items: list[_Item], clusters: UnionFind, text: str) -> EntityTable:
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(clusters.find(i), []).append(i)
    real_groups = [g for g in groups.values() if any(not items[i].virtual for i in g)]
    real_groups.sort(key=lambda g: min(items[i].order for i in g if not items[i].virtual))
    entities: list[Entity] = []
    ids: dict[str, str] = {}
    persons: dict[str, str] = {}
    for number, group in enumerate(real_groups, start=1):
        members = [items[i] for i in group]
        eid = f"e{number}"
        chosen = _canonical_member(members)
        name = _canonical_name(chosen)
        kind = _entity_type(members, chosen, name, text)
        aliases: list[str] = []
        for member in members:
            if member.virtual:
                continue
            forms = (member.title, member.core) if member.title is not None else _forms(member)
            for form in forms if member.shown else (member.core,):
                if form != name and form not in aliases and not _honorific(form):
                    aliases.append(form)
            ids.setdefault(member.surface, eid)
            if member.title and not _honorific(member.title):
                ids.setdefault(_KEY_PREFIX + _description_key(_strip_article(member.title)), eid)
        for member in members:
            ids.setdefault(_KEY_PREFIX + member.key, eid)
            if kind == "person" and not member.description:
                persons.setdefault(member.key, eid)
        entities.append(Entity(id=eid, name=name, type=kind, aliases=aliases))
    return EntityTable(entities=entities, _ids=ids, _persons=persons)


def _forms(member: _Item) -> tuple[str, ...]:
    """The forms an untitled member names its entity by: as written, and without "the" ("The A380" is also
    "A380", which the headline writes bare, once the entity is named "Airbus A380")."""
    bare = _strip_article(member.surface)
    return (member.surface, bare) if bare != member.surface and bare == member.core else (member.surface,)


def _canonical_member(members: list[_Item]) -> _Item:
    """The member naming the entity: a government form, a country, else the longest name, else the first."""
    names = [m for m in members if not m.description and _company_description(m) is None and not _thing_description(m)]
    for choice in (
        [m for m in names if _government_of(m.key)],
        [m for m in names if m.key in _KNOWN_NAMES and not m.via_capital],
    ):
        if choice:
            return min(choice, key=lambda m: m.order)
    if not names:
        return min(members, key=lambda m: m.order)
    return max(names, key=lambda m: (len(m.core.split()), len(m.core), -m.order))


def _canonical_name(member: _Item) -> str:
    """The member's name without title; a known country or organization by its full name ("U.N." -> "United
    Nations")."""
    if not member.via_capital and member.key in _KNOWN_NAMES:
        return _KNOWN_NAMES[member.key]
    return member.core


def _entity_type(members: list[_Item], chosen: _Item, name: str, text: str) -> EntityType:
    if chosen.hint:
        return chosen.hint
    hints = [m.hint for m in members if m.hint]
    if hints:
        return max(hints, key=hints.count)
    keys = {m.key for m in members if not m.description}
    words = _name_key(name).split()
    if any(_government_of(k) for k in keys):
        return "organization"
    if keys & set(_COUNTRY_KEYS):
        return "location"
    if keys & _ORGANIZATION_KEYS:
        return "organization"
    if any(m.description or m.title for m in members):
        return "person"
    if any(w in _ORG_WORDS for w in words):
        return "organization"
    if any(w in _PLACE_WORDS for w in words):
        return "location"
    last = name.split()[-1] if name.split() else ""
    if words and (words[-1] in _GROUP_WORDS or (last.islower() and last.endswith("s"))):
        return "group"
    if words and words[-1].endswith("ns") and words[-1][:-1] in _DEMONYMS:
        return "group"
    if any(_after_the(m) for m in members):
        return "other"  # "the Ford Taurus": a thing's name
    if 2 <= len(name.split()) <= 4 and all(_name_word(w) and not _has_digit(w) for w in name.split()):
        return "person"
    if len(words) == 1 and name[:1].isupper() and _speaks(name, text):
        return "person"
    return "other"


def _speaks(name: str, text: str) -> bool:
    """Whether the text has ``name`` right before a verb of saying ("Haddad said"), as the search
    ``\\b<name>`` + ``_SPEECH`` would find it; looked up among the words before the text's verbs of saying."""
    if len(name) > _MAX_SPEAKER_CHARS or any(c.isspace() for c in name):
        return re.search(rf"\b{re.escape(name)}{_SPEECH.pattern}", text) is not None
    return name in _speakers(text)


_MAX_SPEAKER_CHARS = 64
"""Longer names are searched for in the whole text (rare; it keeps the index small before long unspaced runs)."""


@lru_cache(maxsize=8)
def _speakers(text: str) -> frozenset[str]:
    """Each stretch that ends where a verb of saying's space begins and starts at a word boundary inside the
    words (no space) before it: every whitespace-free string ``\\b<string>`` + ``_SPEECH`` matches."""
    found: set[str] = set()
    for match in _SPEECH.finditer(text):
        end = start = match.start()
        while start > max(0, end - _MAX_SPEAKER_CHARS) and not text[start - 1].isspace():
            start -= 1
        found.update(text[at:end] for at in range(start, end) if _boundary(text, at))
    return frozenset(found)


def _boundary(text: str, at: int) -> bool:
    """Whether ``\\b`` matches at ``at``: a word character on one side only."""
    before = at > 0 and _WORD_CHAR.match(text, at - 1) is not None
    after = at < len(text) and _WORD_CHAR.match(text, at) is not None
    return before != after


# Reading one name on its own (for linking entities across articles) ---------------------------------------


@dataclass(frozen=True)
class NameForm:
    """How this module reads one surface form: its key (a description's key for a description such as "the
    North Korean leader"), whether it is a description, the description key of its title, and whether it is
    person-like (the forms a shorter name may join)."""

    key: str
    description: bool
    title_key: str | None
    person_like: bool


def name_form(surface: str, type_hint: str | None = None) -> NameForm | None:
    """The key(s) ``canonicalise`` files ``surface`` under (a capital read as its country), or None for no name.

    ``summarise.stories`` links one article's entities to another's with the same keys, so "Kim Jong Un" in
    one article and "Kim Jong-un" in the next are one key, as they would be within one article."""
    item = _parse(surface, type_hint, None, 0)
    if item is None:
        return None
    key = item.key if item.description else _CAPITALS.get(item.key, item.key)
    title = _description_key(_strip_article(item.title)) if item.title and not _honorific(item.title) else None
    return NameForm(key, item.description, title, _person_like(item))
