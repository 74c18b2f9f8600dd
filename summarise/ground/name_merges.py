"""The merge rules of ``entities.canonicalise`` (rules 1 and 3-6 of its docstring): equal keys, governments
and their countries, short names and acronyms, descriptions joined to the names the text links them to."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..ingest.sentences import split_sentences
from ..lexicon import COMPANY_NOUNS, PERSON_ROLES, RELATIVE, SAID_AFTER_NAME
from ..lexicon import word_set as _words
from ..unionfind import UnionFind
from .name_evidence import _apposed_names, _canonical_text, _linked_names, _word_occurrences
from .name_forms import (
    _ANOTHER,
    _CONNECTORS,
    _COUNTRY_KEYS,
    _DAY_WORDS,
    _KNOWN_NAMES,
    _ORG_WORDS,
    _PLACE_WORDS,
    COUNTRIES,
    _description_key,
    _fold,
    _government_of,
    _has_digit,
    _honorific,
    _is_place_word,
    _Item,
    _name_key,
    _split_title,
    _strip_article,
    _written_like_a_name,
)

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
            people = [j for k in index.holding(item.key) if not _pair_of_names(items[j := index.person[k]].core, text)]
            if len(people) == 1 and not _fuller(items[people[0]], item, text):
                people = []
            roots |= {clusters.find(j) for j in people if not (roots and items[j].virtual)}
        if len(roots) == 1:
            clusters.union(i, roots.pop())


_HYPHEN_BEFORE_CAPITAL = re.compile(r"(?<=\w)-(?=[A-Z])")


def _pair_of_names(core: str, text: str) -> bool:
    """Whether a hyphen joins two names the article also writes on their own: "Boeing-Air Force" (in "Boeing-Air
    Force contract discussions", with "Boeing" and "the Air Force" elsewhere) names a pair, not a fuller name of
    either part; a name whose parts the article never writes alone ("Jean-Claude", "Mercedes-Benz") is one name,
    and a hyphen before a lower-case word is inside one ("Kim Jong-un")."""
    parts = _HYPHEN_BEFORE_CAPITAL.split(core)
    return len(parts) >= 2 and all(_written_alone(part, text) for part in parts)


def _written_alone(name: str, text: str) -> bool:
    """Whether the text writes ``name`` as whole words with no hyphen gluing it to another word."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


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
    if not 1 <= len(words) <= 5 or _fold(words[-1]) not in COMPANY_NOUNS:
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
    return all(_name_word(w) for w in words) and any(_has_digit(w) or _camel(w) for w in words)


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


_KIND_NOUNS = _THING_NOUNS | _words("service")
"""Head nouns that say what a product's longer name names ("iTunes Music Store", "iTunes downloadable music
service"): a thing or a service."""


def _merge_product_forms(items: list[_Item], clusters: UnionFind) -> None:
    """A product's one-word name joins the longer names that begin with it and end in what it is: "iTunes" with
    "iTunes Music Store", "iTunes store" and "iTunes downloadable music service". The words added are common
    words, capitalised or not, the last a thing or a service (``_KIND_NOUNS``); never a model ("iPod nano",
    "iPhone 3GS": a word that is not a kind, or a digit), the product's owners or sales ("iPod owners"), nor a
    company's or a country's name ("Apple", "Qatar": not written as a product, ``_product_name``)."""
    short: dict[str, int] = {}
    for i, item in enumerate(items):
        if not item.description and len(item.key.split()) == 1 and _product_name(item.core):
            short.setdefault(item.key, i)
    for i, item in enumerate(items):
        words = item.key.split()
        if item.description or len(words) < 2 or words[0] not in short or words[-1] not in _KIND_NOUNS:
            continue
        added = item.core.split()[1:]
        if len(added) == len(words) - 1 and all(w.isalpha() and not _camel(w) and not _acronym(w) for w in added):
            clusters.union(short[words[0]], i)


def _merge_last_words(items: list[_Item], clusters: UnionFind) -> None:
    """A one-word name joins the one longer name of a thing that ends in it: "the Taurus" is the "Ford Taurus",
    "Lion" the "OS X Lion" (a maker or a line before a model's name). The longer name is written as a name
    throughout, one run of words (no comma or possessive inside: "World Trade Center, Santilli", "Ted Cruz's
    Super Tuesday"), and is no person's (a person's short name is ``_merge_short_names``'s); a country ("France"
    in "Air France"), a body the tables know or a day is never such a short name."""
    ending: dict[str, set[int]] = {}
    for i, item in enumerate(items):
        words = item.core.split()
        if item.description or len(words) < 2 or _person_like(item) or _company_description(item) is not None:
            continue
        if words[0].isdigit() or _shouted(item.core):
            continue  # a count before a name ("475 Republicans", "2 Salma Hayek"), a heading ("FULL SPEECH")
        if all(_name_word(w) and _ONE_WORD.fullmatch(w) for w in words):
            ending.setdefault(item.key.split()[-1], set()).add(i)
    longer = {clusters.find(i) for i, item in enumerate(items) if not item.description and len(item.key.split()) > 1}
    for i, item in enumerate(items):
        if item.description or len(item.key.split()) != 1 or item.key in _KNOWN_NAMES:  # countries too
            continue
        if item.key in _DAY_WORDS or clusters.find(i) in longer:
            continue  # already a longer name's short form ("GM" is General Motors, not the "New GM")
        roots = {clusters.find(j) for j in ending.get(item.key, ())}
        if len(roots) == 1:
            clusters.union(i, roots.pop())


_ONE_WORD = re.compile(r"(?:[\w.&-]|['’](?!s\b)(?=\w))+")
"""A word of a name: no comma after it, an apostrophe only inside it and not a possessive ("O’Neill", not
"Cruz’s")."""


def _shouted(core: str) -> bool:
    """Words in capitals throughout, one of them no acronym's length: a heading or a shout, not a name ("FULL
    SPEECH"; "IBM PC" is a name)."""
    return core.isupper() and any(len(w) > 4 for w in core.split())


def _name_word(word: str) -> bool:
    """A word written as a name's: capitalised, a number, or lower-case first with a capital inside ("iPod")."""
    return word[:1].isupper() or word[:1].isdigit() or _camel(word)


def _camel(word: str) -> bool:
    """A word written lower-case first with a capital inside ("iPod")."""
    return word[:1].islower() and word[1:] != word[1:].lower()


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
        if root not in agents or root in people or item.description or not _written_like_a_name(item.core):
            continue
        if not _common_noun(item.core, text):
            cores.setdefault(item.core, root)
    return sorted((at, root) for core, root in cores.items() for at in _word_occurrences(core, text))


def _common_noun(core: str, text: str) -> bool:
    """Whether a capitalised name is a common noun the text writes in lower case elsewhere ("Bankruptcy for U.S.
    automaker GM …" over "… file for bankruptcy"): capitalised only to open its sentence, no company a
    description stands for (a claim misread from the headline gave it as a speaker)."""
    lower = core.lower()
    return lower != core and bool(_word_occurrences(lower, text))


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
    """A person named in the text: the sentences naming it, the first of them, the description key of a title,
    where its names stand ([start, end))."""

    sentences: set[int]
    first: int
    titles: set[str]
    at: set[tuple[int, int]] = field(default_factory=set)


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
    named_roots = set(cores.values())
    for i, item in enumerate(items):  # and by the other forms of their names ("Trump" for "Donald Trump")
        if not item.virtual and not item.description and clusters.find(i) in named_roots:
            cores.setdefault(item.core, clusters.find(i))
    for core, root in cores.items():
        found = _word_occurrences(core, text)
        where = {bisect_right(starts, at) - 1 for at in found}
        if where:
            named = people.setdefault(root, _Named(set(), min(where), set()))
            named.sentences |= where
            named.first = min(named.first, *where)
            named.at.update((at, at + len(core)) for at in found)
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
        if any(_named_again(named[r], match.end(), text, end) for r in found):
            return None
    else:
        return None
    return found[0] if len(found) == 1 else None


def _named_again(person: _Named, after: int, text: str, end: int) -> bool:
    """Whether the description's own clause names the person again after it: then it is someone else ("The
    President announced his nominee, Dr. Regina Benjamin" after a headline naming her). Not a name in a clause
    of its own ("…, which raised concerns that Trump was urging": the writer names him again further off), nor
    the statement's signer ("The congressman plans to vote …, Welch said": the description is in his words)."""
    clause = _CLAUSE_OPENS.search(text, after, end)
    stop = clause.start() if clause is not None else end
    return any(after <= a < stop and not _SIGNS_AFTER.match(text, b, end) for a, b in person.at)


_CLAUSE_OPENS = re.compile(r"(?i)\b(?:" + "|".join(sorted(RELATIVE)) + r")\b")
"""Where a relative or complement clause opens: the end of the description's own clause, as near as text tells."""
_SIGNS_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(SAID_AFTER_NAME)) + r")\b")
"""A saying verb right after a name: the name signs the statement."""


_SIGNS = re.compile(r"\s+(?:" + "|".join(sorted(SAID_AFTER_NAME)) + r")\W*$")
"""A description that signs its sentence's statement: "..., the spokesman said." (nothing after but punctuation)."""


@lru_cache(maxsize=8)
def _sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """[start, end) of each sentence, end to end over the whole text (a sentence runs on to where the next one
    starts): the ingest layer's splitter within each line, so that an initial or a title ("U. S. Surgeon
    General", "Dr. Regina Benjamin") does not end one; every line break ends one."""
    starts = [start for line in re.finditer(r"[^\n]+", text) for start, _ in split_sentences(text, *line.span())]
    if not starts:
        return ((0, len(text)),)
    starts[0] = 0
    return tuple(zip(starts, [*starts[1:], len(text)], strict=True))


def _has_name(i: int, items: list[_Item], clusters: UnionFind) -> bool:
    root = clusters.find(i)
    return any(not other.description and clusters.find(j) == root for j, other in enumerate(items))
