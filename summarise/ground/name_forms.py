"""How one name is read on its own: its surface, title, core and key (``_Item``), and the tables behind the
keys (countries with their abbreviations, demonyms and capitals; international bodies; role words). The
first step of ``entities.canonicalise``."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import FUNCTION_WORDS, PERSON_ROLES, SAID_AFTER_NAME, WEEKDAYS
from ..lexicon import word_set as _words
from ..schema import EntityType


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


# Parsing --------------------------------------------------------------------------------------------------


def _parse(name: str, type_hint: str | None, role: str | None, order: int) -> _Item | None:
    surface = _TIME_OPENER.sub("", _unbracketed(" ".join(name.split())).strip(' ,;:"“”‘'))
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


_DAY_WORDS = _words("today yesterday tomorrow tonight") | frozenset(WEEKDAYS)
"""Words that name a day, not a party."""
_TIME_OPENER = re.compile(rf"^(?i:{'|'.join(sorted(_DAY_WORDS))})\s+(?=[A-Z])")
"""A day word that opens the sentence before a name the parse read as one ("Today Apple also released"): the
name is what follows it."""


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


def _written_like_a_name(core: str) -> bool:
    """A person's name as written: capitalised words (or particles), no digits, no possessive inside; not
    "Airbus A350", "Chrysler administrators", "Boeing's European" (a company's name holds no short name)."""
    words = core.split()
    return (
        bool(words)
        and all((w[:1].isupper() or _fold(w) in _PARTICLES) and not _has_digit(w) for w in words)
        and not any(re.search(r"['’]s$", w) for w in words[:-1])
    )


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _honorific(form: str) -> bool:
    return _fold(form).strip(".") in {"mr", "mrs", "ms", "dr", "prof"}


_WORD_CHAR = re.compile(r"\w")
