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
   when the body retells it: "Apple released").
3. Metonymy (``metonymy=True``, the default): a capital in ``COUNTRIES`` is its country (Tokyo = Japan), and
   a country's government ("the Japanese government") joins the country when the country is itself a
   claimant or actor (``Mention.role``), making one organization entity. "Russia" as a place and "the Russian
   government" that said something stay apart. Seats of power such as the Kremlin are not merged. "The federal
   government" joins the one country's government the article names, when it names only one.
4. A short name joins the one name it can be short for: a fuller person name holding it, among the mentions
   or in the text (Sullivan = Jake Sullivan), or a company's full name (Apple = Apple Inc., Ford = Ford Motor
   Company); it stays apart when several fit (Clinton with Hillary and Bill Clinton; Ford with Ford Motor
   Company and William Clay Ford Jr.). A fuller name found only in the text counts when the text gives it
   before it uses the short name again (not "Michigan Ford" late in a list). A name with digits, an acronym, a
   country, lower-case words or a possessive, or one written right after "the", is no person's ("Airbus A350",
   "Apple TV", "Ford Australia", "the Chrysler Aspen"). An acronym joins the one name it abbreviates (GM =
   General Motors, EADS = European Aeronautic Defence and Space Company, USAF = Air Force after a country's
   letters).
5. A person's description ("the North Korean leader") joins a name only when the text links them: an
   appositive such as "North Korean leader Kim Jong-un" or "Kirilo Budánov, the head of ..." (not a signed
   statement: "..., a Romanian official said"), another mention's title, or, when neither names it, a
   neighbouring sentence (``_link_by_neighbours``). A "<nationality> leader" also matches that nationality's
   president, prime minister, chancellor or king; a bare title matches the same title before a name ("CEO" =
   "Fritz Henderson, the Chief Executive Officer of ..."; "President" = "President of the United States Barack
   Obama").
6. A company's description ("the firm", "The US car manufacturer") joins the company set beside it in the
   text, else the one company introduced as "a ... firm", else the company read before it
   (``_link_company_descriptions``); never a person or a public body. A product's description ("the aircraft",
   "The device") joins the product named before it ("A380", "iPhone 4": ``_link_thing_descriptions``).

The canonical name is the longest proper-name form without title (a country's table name for countries; never
a company's or a product's description); the other surface forms become aliases. Ids run e1, e2 ... in the
order of the mentions given.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import FUNCTION_WORDS, PERSON_ROLES, SAID_AFTER_NAME
from ..lexicon import word_set as _words
from ..schema import Entity, EntityType
from ..unionfind import UnionFind


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()


COUNTRIES: tuple[Country, ...] = (
    Country("Japan", (), ("Japanese",), ("Tokyo",)),
    Country(
        "United States",
        ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
        ("American", "US", "U.S."),
        ("Washington",),
    ),
    Country("Russia", ("Russian Federation",), ("Russian",), ("Moscow",)),
    Country("North Korea", ("DPRK", "Democratic People's Republic of Korea"), ("North Korean",), ("Pyongyang",)),
    Country("South Korea", ("ROK", "Republic of Korea"), ("South Korean",), ("Seoul",)),
    Country("Ukraine", (), ("Ukrainian",), ("Kyiv", "Kiev")),
    Country("China", ("PRC", "People's Republic of China"), ("Chinese",), ("Beijing",)),
    Country("United Kingdom", ("UK", "U.K.", "Britain", "Great Britain"), ("British", "UK", "U.K."), ("London",)),
    Country("France", (), ("French",), ("Paris",)),
    Country("Germany", (), ("German",), ("Berlin",)),
    Country("Israel", (), ("Israeli",), ("Jerusalem",)),
    Country("Iran", (), ("Iranian",), ("Tehran",)),
    Country("India", (), ("Indian",), ("New Delhi",)),
    Country("Taiwan", (), ("Taiwanese",), ("Taipei",)),
    Country("Turkey", ("Türkiye",), ("Turkish",), ("Ankara",)),
    Country("Mexico", (), ("Mexican",), ("Mexico City",)),
    Country("Canada", (), ("Canadian",), ("Ottawa",)),
    Country("Australia", (), ("Australian",), ("Canberra",)),
    Country("Italy", (), ("Italian",), ("Rome",)),
    Country("Spain", (), ("Spanish",), ("Madrid",)),
    Country("Ireland", (), ("Irish",), ("Dublin",)),
    Country("Romania", (), ("Romanian",), ("Bucharest",)),
    Country("Singapore", (), ("Singaporean",)),
    Country("Indonesia", (), ("Indonesian",), ("Jakarta",)),
    Country("Brazil", (), ("Brazilian",), ("Brasilia",)),
    Country("Netherlands", ("Holland",), ("Dutch",), ("Amsterdam",)),
    Country("Qatar", (), ("Qatari",), ("Doha",)),
    Country("Saudi Arabia", (), ("Saudi",), ("Riyadh",)),
    Country("Egypt", (), ("Egyptian",), ("Cairo",)),
    Country("Pakistan", (), ("Pakistani",), ("Islamabad",)),
    Country("Syria", (), ("Syrian",), ("Damascus",)),
    Country("Iraq", (), ("Iraqi",), ("Baghdad",)),
    Country("Afghanistan", (), ("Afghan",), ("Kabul",)),
    Country("Poland", (), ("Polish",), ("Warsaw",)),
    Country("Belarus", (), ("Belarusian",), ("Minsk",)),
    Country("Vietnam", (), ("Vietnamese",), ("Hanoi",)),
    Country("Philippines", (), ("Filipino",), ("Manila",)),
    Country("South Africa", (), ("South African",), ("Pretoria",)),
)
"""Well-known countries with their abbreviations, demonyms and capitals: the data behind the metonymy rule."""

ORGANIZATIONS: dict[str, tuple[str, ...]] = {
    "United Nations": ("UN", "U.N."),
    "European Union": ("EU", "E.U."),
    "NATO": ("North Atlantic Treaty Organization",),
}


_TITLE_WORDS = _words(
    "prime deputy vice acting former senior state foreign defense defence interior national security "
    "affairs homeland trade industry finance economy energy health justice attorney supreme military "
    "intelligence government press first lady of and the for"
)
_ORG_WORDS = _words(
    "government ministry agency party council committee commission army military navy police court "
    "parliament congress senate bank company corporation inc corp ltd university times post news "
    "journal herald tribune union association organization organisation nations kremlin pentagon fund "
    "institute foundation office department administration authorities cabinet forces service network "
    "press reuters efe afp ap llc plc airlines airways motors corps group computer"
)
_PLACE_WORDS = _words(
    "region province city county district island river sea ocean mountain valley europe asia africa americas oceania"
)
_GROUP_WORDS = _words("media people public voters reporters officials residents citizens civilians")
_GOVERNMENT_WORDS = ("government", "administration", "authorities", "cabinet")
_LEADER_VARIANTS = ("president", "prime minister", "premier", "chancellor", "king", "queen", "supreme leader")
_ROLE_SYNONYMS = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "adviser": "advisor",
    "ceo": "chief executive",
    "chief executive officer": "chief executive",
}
"""Roles read as one ("CEO" is the "Chief Executive Officer" an apposition names, and "the chief executive"), in
keys and in the text."""
_ROLE_PATTERNS = [(re.compile(rf"(?i)\b{re.escape(role)}\b"), synonym) for role, synonym in _ROLE_SYNONYMS.items()]
"""``_ROLE_SYNONYMS`` as patterns, for folded keys and for the text alike."""
_PARTICLES = _words("de da del della van von der bin al la le du dos")
_STOP = _words(
    "the a an on in at and but however during after before according meanwhile monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december he she it they we i his her their"
)
_SPEECH = re.compile(r"\s+(?:" + "|".join(sorted(SAID_AFTER_NAME)) + r")\b")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_AGENT_ROLES = frozenset({"claimant", "actor"})
_TYPE_HINTS: dict[str, EntityType] = {
    "person": "person",
    "per": "person",
    "organization": "organization",
    "organisation": "organization",
    "org": "organization",
    "location": "location",
    "loc": "location",
    "gpe": "location",
    "place": "location",
    "country": "location",
    "city": "location",
    "group": "group",
    "norp": "group",
    "other": "other",
    "misc": "other",
}


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


_KEY_PREFIX = "\x00"


@dataclass
class _Item:
    surface: str
    core: str
    title: str | None
    description: bool
    key: str
    hint: EntityType | None
    agentive: bool
    order: int
    virtual: bool = False
    via_capital: bool = False
    shown: bool = True
    """Whether the surface is a form of the name (an alias); not a headline's name cut with its verb."""


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
    _merge_acronyms(items, clusters)
    _link_descriptions(items, clusters, text, index)
    _link_company_descriptions(items, clusters, text, index)
    _link_thing_descriptions(items, clusters, text)
    _merge_acronyms(items, clusters)  # again, for names the descriptions found in the text ("General Motors")
    _merge_short_names(items, clusters, index, text)
    _link_by_neighbours(items, clusters, text)
    return _build_table(items, clusters, text)


# Parsing --------------------------------------------------------------------------------------------------


def _parse(name: str, type_hint: str | None, role: str | None, order: int) -> _Item | None:
    surface = _unbracketed(" ".join(name.split())).strip(' ,;:"“”‘')
    if not surface:
        return None
    core, title = _split_title(_strip_owner(_strip_article(_strip_possessive(_ACRONYM_AFTER.sub("", surface)))))
    if title is None:
        core = _strip_descriptor(core)
    description = title is None and _is_role_phrase(core)
    hint = _TYPE_HINTS.get((type_hint or "").strip().lower())
    key = _description_key(core) if description else _name_key(core)
    if not key:
        return None
    return _Item(surface, core, title, description, key, hint, role in _AGENT_ROLES, order)


def _cut_headline_verb(item: _Item, text: str) -> None:
    """A name the parse cut with a headline's verb ("Apple releases iPhone SDK, announces update" gives "Apple
    releases") is the name alone: the last word is lower-case and ends in "s", and the article retells the
    headline in the past with that verb after the same name ("Apple released the SDK"). A noun after a name
    ("Ford shares", "UAW workers") has no such past."""
    words = item.core.split()
    if item.description or item.title or len(words) < 2 or not re.fullmatch(r"[a-z]+s", words[-1]):
        return
    name = " ".join(words[:-1])
    if not _written_like_a_name(name):
        return
    stem = words[-1][:-2] if words[-1].endswith("es") else words[-1][:-1]  # releases, launches, plans
    past = rf"{re.escape(name)}\s+{re.escape(stem)}{re.escape(stem[-1])}?e?d\b"  # released, launched, planned
    if re.search(past, text):
        item.core, item.key, item.shown = name, _name_key(name), False


_ACRONYM_AFTER = re.compile(r"\s*\([A-Z]{2,6}\)?$")
"""An acronym in brackets after the name, often cut before its closing bracket: "General Motors (GM"."""
_CONNECTORS = _words("of and for the & de")


def _strip_descriptor(core: str) -> str:
    """The name after a common-noun description: "aircraft manufacturer Boeing", "US automaker GM", "United
    States airframer Boeing" are Boeing and GM (the description is kept as the surface, an alias). Not "Bank of
    America": a connecting word is part of the name."""
    words = core.split()
    lower = [i for i, w in enumerate(words) if w.islower()]
    if not lower or lower[-1] == len(words) - 1 or _fold(words[lower[-1]]) in _CONNECTORS:
        return core
    if any(_fold(w) in _ANOTHER for w in words[: lower[-1] + 1]):
        return core  # "a second A380" is another one than "the A380"
    return " ".join(words[lower[-1] + 1 :])


_ANOTHER = _words("another other second third fourth fifth")


_OWNER = re.compile(r"^(?P<owner>.+?)(?:['’]s|s['’])\s+(?P<name>\S.*)$")


def _strip_owner(core: str) -> str:
    """The name after its owner's possessive: "Beatles' Apple Corps" is Apple Corps, "Apple Computer's iTunes Music
    Store" the iTunes Music Store (the owner stays in the surface, an alias). Not before a title ("Russia's Foreign
    Minister Sergei Lavrov" keeps the country in the title) or a common noun ("Ford's profits")."""
    match = _OWNER.match(core)
    if match is None:
        return core
    name = match["name"]
    if not any(c.isupper() for c in name.split()[0][:2]) or _has_role(name):
        return core
    return name


def _strip_article(text: str) -> str:
    return re.sub(r"(?i)^the\s+", "", text)


def _strip_possessive(text: str) -> str:
    # "‘" too: some sites type the apostrophe as an opening quote ("Donald Trump‘s")
    return re.sub(r"(?:['’‘]s|s['’‘])$", lambda m: "s" if m.group(0)[0] == "s" else "", text)


def _unbracketed(surface: str) -> str:
    """A span cut through a parenthesis holds a name and a piece of aside: the name is before a bracket that
    opens and never closes ("Price (D-Newport News"), after one that closes and never opened ("D-Va.) Tim Kaine"), or
    the other side where that one is empty ("[Jake Sullivan")."""
    for opening, closing in ("()", "[]"):
        opened, closed = surface.count(opening), surface.count(closing)
        if opened != closed:
            at = surface.find(opening) if opened > closed else surface.rfind(closing)
            before, after = surface[:at].strip(), surface[at + 1 :].strip()
            surface = (before or after) if opened > closed else (after or before)
    return surface


def _split_title(core: str) -> tuple[str, str | None]:
    """(name, title) for "Title Name" or "Name, title"; (core, None) when there is no title."""
    if "," in core:
        left, right = (part.strip() for part in core.split(",", 1))
        if _is_person_name(left) and _has_role(right):
            return left, _strip_article(right)
    words = core.split()
    cut = len(words)
    while cut > 0 and _name_word(words[cut - 1]):
        cut -= 1
    while cut < len(words) and _fold(words[cut]) in _PARTICLES:
        cut += 1
    if cut == len(words) - 1 and cut > 0 and _fold(words[cut - 1]) in _NAME_STARTING_ROLES:
        cut -= 1  # "General Motors", "General Electric": a company, not Motors the general
    if 0 < cut < len(words) and len(words) - cut <= 4 and _has_role(" ".join(words[:cut])):
        return " ".join(words[cut:]), " ".join(words[:cut])
    return core, None


_NAME_STARTING_ROLES = _words("general")
"""Role words that also begin company names: a title only before a full name ("General David Petraeus") or
abbreviated ("Gen. Petraeus")."""


def _name_word(word: str) -> bool:
    folded = _fold(word).strip(".")
    if folded in _PARTICLES:
        return True
    return (
        word[:1].isupper()
        and folded not in PERSON_ROLES
        and folded not in _TITLE_WORDS
        and folded not in _ORG_WORDS
        and not _is_place_word(folded)
    )


def _has_role(text: str) -> bool:
    return any(_fold(w).strip(".,") in PERSON_ROLES for w in text.split())


def _is_role_phrase(core: str) -> bool:
    """A person description: ends in a role ("Russian president") or is "head of ..."."""
    words = [_fold(w).strip(".,") for w in core.split()]
    return bool(words) and (
        words[-1] in PERSON_ROLES or (len(words) > 2 and words[1] == "of" and words[0] in PERSON_ROLES)
    )


def _is_person_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(_name_word(w) for w in words)


def _is_place_word(folded: str) -> bool:
    return folded.replace(".", "") in _COUNTRY_TOKENS  # "U.S." as "us"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def _name_key(core: str) -> str:
    folded = _fold(core)
    folded = re.sub(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)", "", folded)
    folded = folded.replace(".", "")
    folded = re.sub(r"[-‐‑–—_/]", " ", folded)
    folded = re.sub(r"[^\w' ]", " ", folded)
    folded = " ".join(folded.split())
    folded = re.sub(r"^the ", "", folded)
    words = folded.split()
    if len(words) >= 3:
        folded = " ".join([words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]])
    return _expand_aliases(folded)


@lru_cache(maxsize=65536)
def _description_key(core: str) -> str:
    key = _name_key(core)
    for country, demonym in _KEY_DEMONYMS:
        key = country.sub(demonym, key)
    for role, synonym in _ROLE_PATTERNS:
        key = role.sub(synonym, key)
    return _FIELD_OF_KEY.sub(_field_first, key)


def _field_pattern(place: str) -> re.Pattern[str]:
    """A minister's or secretary's title written "<role> of <field> for <place>", before a name, a clause's
    punctuation or the end ("Secretary of State", a title as it stands, is left as written)."""
    return re.compile(
        r"(?i)\b(?P<role>minister|secretary)[ \u00a0]+of[ \u00a0]+(?P<field>[a-z]+)"
        rf"[ \u00a0]+for[ \u00a0]+(?:the[ \u00a0]+)?(?P<place>{place})"
        r"(?=[ \u00a0]*[,.;:)]|[ \u00a0]+(?-i:[A-Z])|[ \u00a0]*$)"
    )


_FIELD_OF_KEY = _field_pattern(r"\w+")
_FIELD_OF_TEXT = _field_pattern(r"(?-i:[A-Z])[\w'-]*")


def _field_first(match: re.Match[str]) -> str:
    """ "minister of transport for Indonesia" read as "Indonesian transport minister", the order a description
    writes it ("Indonesia's transport minister"); not "Minister of Singapore" (a place, not a field)."""
    field = match["field"]
    if _fold(field) in _COUNTRY_TOKENS or _fold(field) in FUNCTION_WORDS:
        return match.group(0)
    return f"{match['place']} {field} {match['role']}"


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", _fold(text).replace(".", "")).split())


_KEY_DEMONYMS = [
    (re.compile(rf"\b{re.escape(_plain(c.name))}\b(?! (?:{'|'.join(_GOVERNMENT_WORDS)}))"), _plain(c.demonyms[0]))
    for c in COUNTRIES
]
"""A country's name in a description key -> its demonym ("north korea leader" -> "north korean leader"), except
before a government word."""


_ALIASES: dict[str, str] = {
    _plain(alias): _plain(country.name) for country in COUNTRIES for alias in (*country.aliases, country.name)
} | {_plain(alias): _plain(name) for name, aliases in ORGANIZATIONS.items() for alias in (*aliases, name)}
_ALIAS_RE = re.compile(r"^(?:" + "|".join(re.escape(a) for a in sorted(_ALIASES, key=len, reverse=True)) + r")\b")
_CAPITALS = {_plain(capital): _plain(c.name) for c in COUNTRIES for capital in c.capitals}
_COUNTRY_KEYS = {_plain(c.name): c for c in COUNTRIES}
_ORGANIZATION_KEYS = frozenset(_plain(name) for name in ORGANIZATIONS)
_KNOWN_NAMES = {_plain(c.name): c.name for c in COUNTRIES} | {_plain(name): name for name in ORGANIZATIONS}
_COUNTRY_TOKENS = frozenset(
    w for c in COUNTRIES for form in (c.name, *c.aliases, *c.demonyms, *c.capitals) for w in _plain(form).split()
)
_GOVERNMENT_RE = re.compile(
    r"^(?:(?P<a>.+) (?:" + "|".join(_GOVERNMENT_WORDS) + r")|(?:" + "|".join(_GOVERNMENT_WORDS) + r") of (?P<b>.+))$"
)
_DEMONYMS = {_plain(d): _plain(c.name) for c in COUNTRIES for d in c.demonyms}


def _expand_aliases(key: str) -> str:
    """Expand a known country or organization at the start of a key ("us media" -> "united states media")."""
    return _ALIAS_RE.sub(lambda m: _ALIASES[m.group(0)], key, count=1)


def _government_of(key: str) -> str | None:
    """The country key of a government form ("japanese government", "government of japan"), else None."""
    match = _GOVERNMENT_RE.match(key)
    if not match:
        return None
    owner = match["a"] or match["b"]
    country = _DEMONYMS.get(owner, owner)
    return country if country in _COUNTRY_KEYS else None


# Text evidence --------------------------------------------------------------------------------------------


def _text_names(text: str, *, start: int) -> list[_Item]:
    """Person-like names (2-4 capitalised words, titles stripped, not always after "the") found in the text, as
    evidence items."""
    items: list[_Item] = []
    seen: set[tuple[str, str | None]] = set()
    for run in _capitalised_runs(text):
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
    canon = _canonical_text(text)
    index = _word_index(canon)
    names: set[str] = set()
    for head in heads:
        after, before = _apposition_patterns(head)
        starts = index.starts(head.split()[0]) if head.split() else None
        for rest in _names_after(after, canon, starts):
            names.add(_name_prefix(rest.split()))
        for lead in _names_before(before, canon, starts):
            names.add(" ".join(reversed(_name_prefix(list(reversed(lead.split()))).split())))
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


# Merging --------------------------------------------------------------------------------------------------


def _merge_equal_keys(items: list[_Item], clusters: UnionFind) -> None:
    first: dict[tuple[bool, str], int] = {}
    for i, item in enumerate(items):
        j = first.setdefault((item.description, item.key), i)
        clusters.union(i, j)


def _merge_governments(items: list[_Item], clusters: UnionFind) -> None:
    owners = [None if it.description else _government_of(it.key) for it in items]
    governments: dict[str, list[int]] = {}
    plain: dict[str, list[int]] = {}
    for i, (item, owner) in enumerate(zip(items, owners, strict=True)):
        if owner is not None:
            governments.setdefault(owner, []).append(i)
        if not item.description and item.key in _COUNTRY_KEYS:
            plain.setdefault(item.key, []).append(i)
    for country in _COUNTRY_KEYS:
        found, named = governments.get(country, []), plain.get(country, [])
        if found and any(items[i].agentive for i in named):
            for i in named + found[1:]:
                clusters.union(found[0], i)
    if len(governments) == 1:  # "the federal government": the one country's government the article names
        (found,) = governments.values()
        for i, item in enumerate(items):
            if not item.description and item.key in _NATIONAL_GOVERNMENTS:
                clusters.union(found[0], i)


_NATIONAL_GOVERNMENTS = frozenset({"federal government", "national government", "central government"})
"""Keys of a country's government named without its country."""


def _contains(full: str, short: str) -> bool:
    """Whether the words of ``short`` occur as a run inside the longer name ``full``."""
    big, small = full.split(), short.split()
    return len(small) < len(big) and any(big[i : i + len(small)] == small for i in range(len(big) - len(small) + 1))


def _inner_runs(words: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    """Every run of words shorter than ``words`` (the names ``_contains`` finds inside it), repeats included."""
    for length in range(1, len(words)):
        for start in range(len(words) - length + 1):
            yield words[start : start + length]


def _after_the(item: _Item) -> bool:
    """Whether the mention writes its name right after "the" ("the Chrysler Aspen"; not "the company's vice
    president John Smith", where "the" opens the title)."""
    surface = item.surface
    return surface[:3].lower() == "the" and surface[3:4].isspace() and surface[3:].lstrip() == item.core


def _person_like(item: _Item) -> bool:
    """A name that may be a person's: not a description, a name with an acronym ("GM", "Apple TV"), or a name
    written after "the" ("the Chrysler Aspen", "the Ford Taurus": a product's or a body's, not a person's)."""
    if item.description or item.hint not in (None, "person") or any(_acronym(w) for w in item.core.split()):
        return False  # "GM", "Apple TV", "GM Serra Automotive": a capitalised abbreviation is in no person's name
    if _after_the(item):
        return False
    words = item.key.split()
    return (
        1 <= len(words) <= 4
        and "and" not in words  # "Putin and Kim" is two people, not a longer name of either
        and _written_like_a_name(item.core)
        and not any(w in _ORG_WORDS or w in _PLACE_WORDS for w in words)
        and item.key not in _COUNTRY_KEYS
        and _government_of(item.key) is None
    )


def _written_like_a_name(core: str) -> bool:
    """A person's name as written: capitalised words (or particles), no digits, no possessive inside; not
    "Airbus A350", "Chrysler administrators", "Boeing's European" (a company's name holds no short name)."""
    words = core.split()
    return (
        bool(words)
        and all((w[:1].isupper() or _fold(w) in _PARTICLES) and not _has_digit(w) for w in words)
        and not any(re.search(r"['’]s$", w) for w in words[:-1])
    )


class _NameIndex:
    """The items' keys, filed so that merging looks names up instead of comparing every item with every other.

    Every name item (not a description) with one key is in one cluster from ``_merge_equal_keys`` on, and items
    added later get a key no item had, so one item per key stands for all of them.
    """

    def __init__(self, items: list[_Item]) -> None:
        self.first: dict[str, int] = {}
        """A name key -> the first item with it."""
        self.person: dict[str, int] = {}
        """A person-like key -> the first person-like item with it."""
        self.exact: dict[tuple[str, ...], list[str]] = {}
        """A person-like key's words -> the key."""
        self.inside: dict[tuple[str, ...], list[str]] = {}
        """Words -> the person-like keys holding them as a shorter run, in the order the keys were first seen."""
        self.things = {item.key for item in items if _after_the(item)}
        """Keys some mention writes after "the" ("The Ford Taurus" beside "Ford Taurus"): no person's."""
        for i, item in enumerate(items):
            self.add(item, i)

    def add(self, item: _Item, i: int) -> None:
        if item.description:
            return
        self.first.setdefault(item.key, i)
        if item.key in self.person or item.key in self.things or not _person_like(item):
            return
        self.person[item.key] = i
        words = tuple(item.key.split())
        self.exact.setdefault(words, []).append(item.key)
        for run in dict.fromkeys(_inner_runs(words)):
            self.inside.setdefault(run, []).append(item.key)

    def holding(self, key: str) -> list[str]:
        """Person-like keys that hold ``key`` as a shorter run of words (``_contains(k, key)``)."""
        words = tuple(key.split())
        if not words:  # an empty run is inside every name
            return list(self.person)
        return self.inside.get(words, [])

    def held(self, key: str) -> list[str]:
        """Person-like keys that are a shorter run of the words of ``key`` (``_contains(key, k)``)."""
        return [k for run in dict.fromkeys(_inner_runs(tuple(key.split()))) for k in self.exact.get(run, [])]


def _merge_short_names(items: list[_Item], clusters: UnionFind, index: _NameIndex, text: str) -> None:
    """A short name joins the one name it can be short for: a person's fuller name holding it (Sullivan = Jake
    Sullivan) or a company's full name (Apple = Apple Inc., Ford = Ford Motor Company); none when several fit
    (Apple with Apple Computer and Apple Corps; Ford with Ford Motor Company and William Clay Ford Jr.)."""
    full: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        if not item.description and (base := _company_base(item.key)) is not None:
            full.setdefault(base, []).append(i)
    for forms in full.values():
        _join_longer_forms(items, clusters, forms)
    for i, item in enumerate(items):
        if item.virtual or item.description:
            continue
        roots = {clusters.find(j) for j in full.get(item.key, ())}
        if _person_like(item):  # beside a company, only a person the mentions name ("Apple TV" in the text is none)
            people = [index.person[k] for k in index.holding(item.key)]
            if len(people) == 1 and not _fuller(items[people[0]], item, text):
                people = []
            roots |= {clusters.find(j) for j in people if not (roots and items[j].virtual)}
        if len(roots) == 1:
            clusters.union(i, roots.pop())


def _fuller(full: _Item, short: _Item, text: str) -> bool:
    """Whether a short name may join a fuller one: any a mention gives; one found only in the text unless it
    comes after the text has used the short name again (a person is named in full first) and what it adds is a
    word glued on by position: a common word capitalised to open a sentence ("Actual Airbus employee reduction",
    the text writes "actual" elsewhere) or a place after a place and a comma in mid-sentence ("Plant of Dearborn,
    Michigan Ford's stock"). Such a name still makes the short one ambiguous."""
    if not full.virtual:
        return True
    uses = _word_occurrences(short.core, text)
    found = _word_occurrences(full.core, text)
    if len(uses) < 2 or min(found, default=len(text)) <= uses[1] or not full.core.endswith(" " + short.core):
        return True
    first = full.core.split()[0]
    common = re.search(rf"(?<!\w){re.escape(first.lower())}(?!\w)", text) is not None
    listed = any(re.search(r"[a-z] [A-Z][\w.'’-]*,\s+$", text[max(0, at - 40) : at]) for at in found)
    return not (common or listed)


def _join_longer_forms(items: list[_Item], clusters: UnionFind, forms: list[int]) -> None:
    """One company's full name written with more or fewer of its endings ("Ford Motors" and "Ford Motors Co.",
    "Apple Computer" and "Apple Computer Inc."): the longer key begins with the shorter, and what follows is only
    company endings, as the two share one ``_company_base``."""
    by_length = sorted(forms, key=lambda i: len(items[i].key.split()))
    for n, i in enumerate(by_length):
        words = items[i].key.split()
        for j in by_length[n + 1 :]:
            if items[j].key.split()[: len(words)] == words:
                clusters.union(i, j)


def _acronym(core: str) -> str | None:
    """The letters of a name written as an acronym ("GM", "GAO", "EADS"), else None."""
    return core if re.fullmatch(r"[A-Z]{2,6}", core) else None


def _initials(core: str, surface: str) -> set[str]:
    """What an acronym of the name would be: the initials of its capitalised words ("General Motors" -> GM),
    also without a closing company word ("European Aeronautic Defence and Space Company" -> EADS), and an
    acronym it gives in brackets ("United Auto Workers (UAW) union")."""
    words = [w for w in re.split(r"[\s-]+", core) if _fold(w) not in _CONNECTORS]
    found = {m.group(1) for m in re.finditer(r"\(([A-Z]{2,6})\)", surface)}
    if len(words) >= 2 and all(w[:1].isupper() for w in words):  # not "United States' media"
        found.add("".join(w[0] for w in words))
        if _fold(words[-1]).strip(".") in _COMPANY_ENDINGS:
            found.add("".join(w[0] for w in words[:-1]))
    return found


_COMPANY_ENDINGS = _words("company corporation corp inc co ltd llc plc group union nv sa ag")


def _merge_acronyms(items: list[_Item], clusters: UnionFind) -> None:
    """An acronym joins the one longer name it abbreviates (GM = General Motors); none when several fit."""
    spelled: dict[str, set[int]] = {}
    for i, item in enumerate(items):
        if not item.description and _acronym(item.core) is None:
            for letters in _initials(item.core, item.surface):
                spelled.setdefault(letters, set()).add(i)
    for i, item in enumerate(items):
        short = None if item.description or item.key in _KNOWN_NAMES else _acronym(item.core)
        roots = {clusters.find(j) for j in spelled.get(short or "", ())}
        if not roots and short:
            roots = {clusters.find(j) for rest in _after_country_letters(short) for j in spelled.get(rest, ())}
        if len(roots) == 1:
            clusters.union(i, roots.pop())


_COUNTRY_LETTERS = frozenset(a for c in COUNTRIES for a in c.aliases if _acronym(a))
"""Countries' abbreviations an acronym may open with ("US", "UK")."""


def _after_country_letters(acronym: str) -> list[str]:
    """The letters of an acronym after a country's abbreviation it opens with, two or more ("USAF" -> "AF", the
    Air Force of the United States)."""
    return [acronym[len(p) :] for p in sorted(_COUNTRY_LETTERS) if acronym.startswith(p) and len(acronym) > len(p) + 1]


_COMPANY_TAIL = _COMPANY_ENDINGS | _words("corps motor motors computer computers")
"""Words that end a company's full name and that its short name leaves off."""


def _company_base(key: str) -> str | None:
    """A company's short name from its full name's key ("ford motor company" -> "ford", "apple inc" -> "apple"),
    None when the name has no such ending or only a role word would remain ("general motors")."""
    words = key.split()
    cut = len(words)
    while cut > 1 and words[cut - 1] in _COMPANY_TAIL:
        cut -= 1
    if cut == len(words) or words[cut - 1] in PERSON_ROLES:
        return None
    return " ".join(words[:cut])


def _link_descriptions(items: list[_Item], clusters: UnionFind, text: str, index: _NameIndex) -> None:
    titled: dict[str, dict[str, int]] = {}  # a title's description key -> name key -> its first item
    for j, other in enumerate(items):
        if other.title and not other.description:
            titled.setdefault(_description_key(other.title), {}).setdefault(other.key, j)
    for i, item in enumerate(items):  # items added on the way are text names (virtual): not linked here
        if not item.description or item.virtual:
            continue
        roots = {clusters.find(j) for j in titled.get(item.key, {}).values()}
        for name in _linked_names(item.key, text):
            roots |= _roots_for_name(name, items, clusters, index)
        if len(roots) == 1:
            clusters.union(i, roots.pop())


_COMPANY_NOUNS = _words(
    "company firm corporation automaker carmaker manufacturer maker airline carrier airframer consortium retailer"
)
"""Head nouns of a description that stands for a company ("the firm", "the US car manufacturer")."""
_DETERMINERS = _words("the a an its their")


def _company_description(item: _Item) -> str | None:
    """The description key of a name item that describes a company rather than naming it: common nouns ending
    in a company noun, a country or demonym allowed ("the firm", "The US car manufacturer"), else None."""
    return _company_description_key(item.surface)


@lru_cache(maxsize=4096)
def _company_description_key(surface: str) -> str | None:
    words = surface.split()
    if words and _fold(words[0]) in _DETERMINERS:
        words = words[1:]
    if not 1 <= len(words) <= 5 or _fold(words[-1]) not in _COMPANY_NOUNS:
        return None
    if not all(w.islower() or _is_place_word(_fold(w)) for w in words):
        return None
    return _description_key(" ".join(words))


def _link_company_descriptions(items: list[_Item], clusters: UnionFind, text: str, index: _NameIndex) -> None:
    """A company description joins the company the text sets it beside ("The US car manufacturer General
    Motors"; only a description of two words or more, not a bare "company" inside "its parent company, EADS"),
    else the one company the text introduced as "a ... <its noun>" ("NPD Group, a market research firm. The firm
    said"), else the company read before most of its occurrences (``_company_before``). Never a person or a
    public body."""
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.virtual or item.surface in seen or (key := _company_description(item)) is None:
            continue
        seen.add(item.surface)  # one surface, one key: its items are one cluster already
        people = _people(items, clusters)
        apposed = [name for name in _apposed_names(key, text) if len(key.split()) > 1 and _company_name(name)]
        roots = {r for name in apposed for r in _roots_for_name(name, items, clusters, index)} - people
        if not roots and not re.match(r"(?i)an?\s", item.surface):  # "an American automaker": a new one
            introduced = _introduced_as(key.split()[-1], text)
            roots = {r for name in introduced for r in _roots_for_name(name, items, clusters, index)} - people
            if len(roots) != 1:
                named = _company_names_in_text(items, clusters, text, people)
                roots = _company_before(item.surface, named, text)
        if len(roots) == 1:
            clusters.union(i, roots.pop())


def _introduced_as(noun: str, text: str) -> list[str]:
    """Company names the text introduces with an indefinite description ending in ``noun``, which "the <noun>"
    then recalls: "NPD Group, a market research firm. The firm said ..."."""
    description = rf"an?[ \u00a0]+(?:[\w-]+[ \u00a0]+){{0,3}}{re.escape(noun)}{_DESCRIPTION_ENDS}"
    pattern = rf"(?<![\w.&'’-])({_NAME_RUN}),[ \u00a0]+{description}"
    return list(dict.fromkeys(m.group(1) for m in re.finditer(pattern, _canonical_text(text), re.IGNORECASE)))


_NAME_RUN = r"(?-i:[A-Z])[\w.&'’-]*(?:[ \u00a0]+(?-i:[A-Z])[\w.&'’-]*){0,4}"
"""One to five capitalised words."""
_DESCRIPTION_ENDS = r"(?=\s*[,.;:)]|[ \u00a0]+(?:that|which|based|in|with)\b)"
"""Where a description's head noun ends it: punctuation or a clause about it, not a noun it modifies ("a firm
believer")."""


_THING_NOUNS = _words(
    "aircraft airplane aeroplane plane airliner jet jetliner device phone handset smartphone player computer car "
    "vehicle sedan store shop"
)
"""Head nouns of a description that stands for a product ("the aircraft", "The new phone", "the store")."""


def _thing_description(item: _Item) -> bool:
    """Whether a name item is a definite description of a product: "the", at most three lower-case words, a
    product noun last ("The new aircraft"; not "a revolutionary car", a new one, nor "the other plane")."""
    words = item.surface.split()
    rest = words[1:]
    return (
        not item.virtual
        and bool(rest)
        and len(rest) <= 3
        and _fold(words[0]) == "the"
        and all(w.islower() for w in rest)
        and rest[-1] in _THING_NOUNS
        and not any(_fold(w) in _ANOTHER | _RANKS for w in rest)
    )


_RANKS = _words("first last latest largest biggest")
"""Words that set one of a kind apart ("the first commercial jet"): what a sentence says of a thing, not a
name for it."""


def _product_name(core: str) -> bool:
    """A name that reads as a product's, not a company's or a person's: every word capitalised or a number, and
    one holding a digit ("A380", "777-200LR", "iPhone 4") or written lower-case first with a capital inside
    ("iPhone", "iTunes Music Store"); not "5,000 VIP guests"."""
    words = core.split()
    camel = [w[:1].islower() and w[1:] != w[1:].lower() for w in words]
    written = all(w[:1].isupper() or w[:1].isdigit() or c for w, c in zip(words, camel, strict=True))
    return written and any(_has_digit(w) or c for w, c in zip(words, camel, strict=True))


def _link_thing_descriptions(items: list[_Item], clusters: UnionFind, text: str) -> None:
    """A product's description ("the aircraft", "The device") joins the product named last before it in its
    sentence, else the first product the article names (what it is about), as ``_company_before`` reads a
    company's description; none when no product is named before it."""
    cores: dict[str, int] = {}
    for i, item in enumerate(items):
        if not item.virtual and not item.description and _product_name(item.core):
            cores.setdefault(item.core, clusters.find(i))
    named = sorted((at, root) for core, root in cores.items() for at in _word_occurrences(core, text))
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.surface in seen or not _thing_description(item):
            continue
        seen.add(item.surface)
        roots = _company_before(item.surface, named, text)
        if len(roots) == 1:
            clusters.union(i, roots.pop())


def _company_name(name: str) -> bool:
    """Whether an apposed name can be a company's: capitalised words, no person's title, not a country."""
    words = name.split()
    return 1 <= len(words) <= 5 and _split_title(name)[1] is None and _name_key(name) not in _COUNTRY_KEYS


_PUBLIC_BODY_WORDS = _words(
    "government ministry agency party council committee commission army military navy police court parliament "
    "congress senate house kremlin pentagon office department administration authorities cabinet forces"
)
"""Words of a public body's name ("the White House", "the Senate"): no company a company description stands for."""


def _people(items: list[_Item], clusters: UnionFind) -> set[int]:
    """Clusters that are no company: a person (a title, a person's description, a name of two words or more that
    reads as a person's in a cluster with no acronym or company word: not "Automaker GM"), a country, its
    government or another public body."""
    companies = {
        clusters.find(i)
        for i, item in enumerate(items)
        if _acronym(item.core) or _company_base(item.key) or any(w in _ORG_WORDS for w in item.key.split())
    }
    people: set[int] = set()
    for i, item in enumerate(items):
        root = clusters.find(i)
        named = _person_like(item) and len(item.key.split()) >= 2 and root not in companies
        public = (
            item.key in _COUNTRY_KEYS or _government_of(item.key) or not _PUBLIC_BODY_WORDS.isdisjoint(item.key.split())
        )
        if named or public or item.title or item.description:
            people.add(root)
    return people


def _company_names_in_text(
    items: list[_Item], clusters: UnionFind, text: str, people: set[int]
) -> list[tuple[int, int]]:
    """(offset, cluster) of each occurrence in the text of a mention's name that may be a company's: written
    like a name (capitalised, no digits: not "A320"), in a cluster that is not ``people``."""
    agents = {clusters.find(i) for i, item in enumerate(items) if item.agentive}
    cores: dict[str, int] = {}
    for i, item in enumerate(items):
        root = clusters.find(i)
        if root in agents and root not in people and not item.description and _written_like_a_name(item.core):
            cores.setdefault(item.core, root)
    return sorted((at, root) for core, root in cores.items() for at in _word_occurrences(core, text))


def _company_before(surface: str, named: list[tuple[int, int]], text: str) -> set[int]:
    """The company most occurrences of ``surface`` stand for (ties: the earliest occurrence's), as a set, empty
    when none is named before it: the company named last before it in its own sentence ("On the Airbus website,
    the company said"), else the first the article names (what it is about: "GM ... the firm")."""
    sentences = _sentence_bounds(text)
    starts = [start for start, _ in sentences]
    offsets = [at for at, _ in named]
    votes: dict[int, int] = {}
    for match in re.finditer(rf"(?i)(?<!\w){re.escape(surface)}(?!\w)", text):
        opens = sentences[bisect_right(starts, match.start()) - 1][0]
        last = bisect_left(offsets, match.start()) - 1  # the last name before the occurrence
        if last >= 0:
            chosen = named[last][1] if offsets[last] >= opens else named[0][1]
            votes[chosen] = votes.get(chosen, 0) + 1
    return {max(votes, key=lambda r: votes[r])} if votes else set()


def _roots_for_name(name: str, items: list[_Item], clusters: UnionFind, index: _NameIndex) -> set[int]:
    """Clusters the name belongs to; a new evidence item when the text's name matches no mention."""
    key = _name_key(name)
    roots = {clusters.find(index.first[key])} if key in index.first else set()
    if not roots:
        roots = {clusters.find(index.person[k]) for k in [*index.holding(key), *index.held(key)]}
    if not roots:
        items.append(_Item(name, name, None, False, key, None, False, len(items), virtual=True))
        index.add(items[-1], len(items) - 1)
        roots = {clusters.add()}
    return roots


# Descriptions by their neighbouring sentences --------------------------------------------------------------


def _link_by_neighbours(items: list[_Item], clusters: UnionFind, text: str) -> None:
    """A person's description that no name is set beside joins the one person its neighbouring sentence names,
    as news writes them: a statement signed by a description followed by one signed by a person named there for
    the first time, bare ("... the Japanese government spokesman said. '...' added Hirokazu Matsuno": a newcomer
    would be introduced with a role); or a sentence that opens with the description after one that names one
    person ("Kim Jong-un visits a factory. The North Korean leader toured ..."), whose own title, if any, is the
    description's. Never a description that already has a name."""
    sentences = _sentence_bounds(text)
    people = _named_people(items, clusters, text, sentences)
    seen: set[str] = set()
    for i, item in enumerate(items):
        if not item.description or item.virtual or item.surface in seen or _has_name(i, items, clusters):
            continue
        seen.add(item.surface)
        for match in re.finditer(rf"(?i)(?<!\w){re.escape(item.surface)}(?!\w)", text):
            found = _neighbour(item.key, match, text, sentences, people)
            if found is not None:
                clusters.union(i, found)
                break


@dataclass
class _Named:
    """A person named in the text: the sentences naming it, the first of them, the description key of a title."""

    sentences: set[int]
    first: int
    titles: set[str]


@dataclass
class _People:
    """The persons the text names (cluster -> ``_Named``), filed by sentence."""

    named: dict[int, _Named]
    in_sentence: dict[int, list[int]]
    first_in: dict[int, list[int]]


def _named_people(
    items: list[_Item], clusters: UnionFind, text: str, sentences: tuple[tuple[int, int], ...]
) -> _People:
    """Where the text names each cluster with a person's name of two words or more."""
    starts = [start for start, _ in sentences]
    people: dict[int, _Named] = {}
    cores: dict[str, int] = {}
    for i, item in enumerate(items):
        if not item.virtual and not item.description and _person_like(item) and len(item.key.split()) >= 2:
            cores.setdefault(item.core, clusters.find(i))
    for core, root in cores.items():
        found = _word_occurrences(core, text)
        where = {bisect_right(starts, at) - 1 for at in found}
        if where:
            named = people.setdefault(root, _Named(set(), min(where), set()))
            named.sentences |= where
            named.first = min(named.first, *where)
            if any(_APPOSED_ROLE.match(text, at + len(core)) for at in found):
                named.titles.add(_SOME_ROLE)
    for i, item in enumerate(items):
        if item.title and not _honorific(item.title) and (root := clusters.find(i)) in people:
            people[root].titles.add(_description_key(_strip_article(item.title)))
    in_sentence: dict[int, list[int]] = {}
    first_in: dict[int, list[int]] = {}
    for root, named in people.items():
        first_in.setdefault(named.first, []).append(root)
        for at in named.sentences:
            in_sentence.setdefault(at, []).append(root)
    return _People(people, in_sentence, first_in)


_APPOSED_ROLE = re.compile(r",\s+(?:a|an|the)\s")
"""A role set after a name: "Ann Lee, an economist"."""
_SOME_ROLE = "\x00role"
"""The title key of a person introduced with a role the mentions do not give."""


def _neighbour(
    key: str, match: re.Match[str], text: str, sentences: tuple[tuple[int, int], ...], people: _People
) -> int | None:
    """The one person the sentence after (a signed statement) or before (an opening description) names."""
    at = bisect_right(sentences, (match.start(), len(text) + 1)) - 1
    start, end = sentences[at]
    named = people.named
    if _SIGNS.match(text, match.end(), end):
        found = [r for r in people.first_in.get(at + 1, []) if not named[r].titles]
    elif not text[start : match.start()].strip(" \"“'‘"):
        found = [r for r in people.in_sentence.get(at - 1, []) if named[r].titles <= {key}]
    else:
        return None
    return found[0] if len(found) == 1 else None


_SIGNS = re.compile(r"\s+(?:" + "|".join(sorted(SAID_AFTER_NAME)) + r")\W*$")
"""A description that signs its sentence's statement: "..., the spokesman said." (nothing after but punctuation)."""


@lru_cache(maxsize=8)
def _sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """[start, end) of each sentence: ends at a full stop, question or exclamation mark (closing quotes kept) before
    a space and a capital or an opening quote, and at every line break."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"[.!?][\"”’']*(?=\s+[\"“‘A-Z])|\n+", text):
        if match.end() > start and text[start : match.end()].strip():
            bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return tuple(bounds)


def _has_name(i: int, items: list[_Item], clusters: UnionFind) -> bool:
    root = clusters.find(i)
    return any(not other.description and clusters.find(j) == root for j, other in enumerate(items))


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
            forms = (member.surface,) if member.title is None else (member.title, member.core)
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


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _honorific(form: str) -> bool:
    return _fold(form).strip(".") in {"mr", "mrs", "ms", "dr", "prof"}


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


_WORD_CHAR = re.compile(r"\w")


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
