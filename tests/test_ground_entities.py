"""canonicalise(): merging the names a model produced for one article, with the article text as evidence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarise.ground import entities, name_evidence, name_forms
from summarise.ground.entities import EntityTable, Mention, canonicalise
from summarise.schema import Entity

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
WIRE = (SEEDS / "000_ef4bc445b1a14fa2.txt").read_text(encoding="utf-8")
WEB = (SEEDS / "002_74635596341c1c7a.txt").read_text(encoding="utf-8")


def entity(table: EntityTable, name: str) -> Entity:
    eid = table.id_for(name)
    assert eid is not None, name
    found = next(e for e in table.entities if e.id == eid)
    return found


def same(table: EntityTable, *names: str) -> bool:
    ids = {table.id_for(n) for n in names}
    return len(ids) == 1 and None not in ids


WIRE_MENTIONS = [
    Mention("The Japanese government", role="claimant"),
    Mention("Japanese government spokesperson Hirokazu Matsuno", role="claimant"),
    Mention("Kim Jong-un", role="actor"),
    Mention("Vladimir Putin", role="target"),
    Mention("North Korea", role="target"),
    Mention("Tokyo", role="claimant"),
    Mention("Japan", role="claimant"),
    Mention("US", role="claimant"),
    Mention("Pyongyang", role="target"),
    Mention("US National Security Advisor Jake Sullivan", role="claimant"),
    Mention("Washington", role="claimant"),
    Mention("Russia", role="target"),
    Mention("Moscow", role="target"),
    Mention("Kremlin", role="claimant"),
    Mention("Sullivan", role="claimant"),
    Mention("Kim", role="actor"),
    Mention("Putin", role="target"),
    Mention("New York Times", role="actor"),
    Mention("The Washington Post", role="actor"),
    Mention("the North Korean leader", role="actor"),
    Mention("the United States’ media", role="claimant"),
    Mention("United Nations Security Council"),
    Mention("UN"),
    Mention("UN Security Council"),
    Mention("Ukrainians", role="target"),
]


def test_wire_story_entities() -> None:
    table = canonicalise(WIRE_MENTIONS, WIRE)
    names = [e.name for e in table.entities]
    assert names[:4] == ["Japanese government", "Hirokazu Matsuno", "Kim Jong-un", "Vladimir Putin"]
    assert [e.id for e in table.entities] == [f"e{i}" for i in range(1, len(names) + 1)]

    japan = entity(table, "Tokyo")
    assert (japan.name, japan.type) == ("Japanese government", "organization")
    assert same(table, "The Japanese government", "Tokyo", "Japan")
    assert set(japan.aliases) == {"The Japanese government", "Tokyo", "Japan"}

    matsuno = entity(table, "Japanese government spokesperson Hirokazu Matsuno")
    assert (matsuno.name, matsuno.type, matsuno.aliases) == (
        "Hirokazu Matsuno",
        "person",
        ["Japanese government spokesperson"],
    )

    kim = entity(table, "Kim")
    assert (kim.name, kim.type) == ("Kim Jong-un", "person")
    assert same(table, "Kim", "Kim Jong-un", "the North Korean leader")

    sullivan = entity(table, "Sullivan")
    assert sullivan.name == "Jake Sullivan"
    assert "US National Security Advisor" in sullivan.aliases
    for each in table.entities:
        assert all(table.id_for(alias) == each.id for alias in [each.name, *each.aliases])

    assert same(table, "US", "Washington") and entity(table, "US").name == "United States"
    assert same(table, "Russia", "Moscow") and not same(table, "Russia", "Kremlin")
    assert same(table, "North Korea", "Pyongyang")
    assert entity(table, "Kremlin").type == "organization"
    assert entity(table, "The Washington Post").name == "Washington Post"
    assert not same(table, "The Washington Post", "Washington")
    assert entity(table, "New York Times").type == "organization"
    assert same(table, "UN Security Council", "United Nations Security Council")
    assert entity(table, "UN").name == "United Nations" and not same(table, "UN", "UN Security Council")
    assert entity(table, "the United States’ media").type == "group"
    assert entity(table, "Ukrainians").type == "group"


WEB_MENTIONS = [
    Mention("Japan", role="claimant"),
    Mention("Prime Minister Fumio Kishida", role="actor"),
    Mention("Kim Jong Un", role="target"),
    Mention("the Russian president", role="target"),
    Mention("the Japanese government spokesman", role="claimant"),
    Mention("Tokyo", role="target"),
    Mention("Hirokazu Matsuno", role="claimant"),
    Mention("Russia", role="location"),
    Mention("the North Korean leader", role="actor"),
    Mention("the Russian government", role="claimant"),
    Mention("Kim", role="actor"),
    Mention("Denis Manturov", role="claimant"),
    Mention("the Russian leader", role="claimant"),
    Mention("Putin", role="claimant"),
    Mention("Kim Jong-un", role="claimant"),
    Mention("the head of Ukrainian military intelligence", role="claimant"),
    Mention("Budanov"),
    Mention("the prime minister"),
    Mention("Kishida"),
    Mention("U.N."),
    Mention("Su-35", type_hint="other"),
    Mention("Khabarovsk region"),
]


def test_web_page_entities() -> None:
    table = canonicalise(WEB_MENTIONS, WEB)
    assert same(table, "Japan", "Tokyo") and entity(table, "Japan").type == "location"
    assert same(table, "Kishida", "Prime Minister Fumio Kishida", "the prime minister")
    assert entity(table, "Kishida").name == "Fumio Kishida"
    assert same(table, "Kim Jong Un", "Kim Jong-un", "Kim")
    # Text evidence: "Russian President Vladimir Putin"; a leader of a country matches its president.
    assert same(table, "Putin", "the Russian president", "the Russian leader")
    assert entity(table, "Putin").name == "Vladimir Putin"
    # "Kirilo Budánov" occurs in apposition to the description; the unaccented short form joins it.
    assert same(table, "Budanov", "the head of Ukrainian military intelligence")
    assert entity(table, "Budanov").name == "Kirilo Budánov"
    assert entity(table, "U.N.").name == "United Nations"
    assert entity(table, "Su-35").type == "other"
    assert entity(table, "Khabarovsk region").type == "location"


def test_descriptions_stay_apart_without_evidence() -> None:
    text = "Talks began in Moscow. The North Korean leader spoke first. Kim Jong Un and Vladimir Putin then met."
    names = ("The North Korean leader", "Kim Jong Un", "Vladimir Putin")
    table = canonicalise([Mention(n, role="actor") for n in names], text)
    assert not same(table, "The North Korean leader", "Kim Jong Un")  # no apposition, no one named next to it
    assert entity(table, "The North Korean leader").type == "person"


def test_a_titled_mention_links_a_description() -> None:
    mentions = [
        Mention("North Korean leader Kim Jong Un"),
        Mention("the North Korean leader"),
        Mention("Kim"),
    ]
    table = canonicalise(mentions, WEB)
    assert same(table, "North Korean leader Kim Jong Un", "the North Korean leader", "Kim")
    assert entity(table, "Kim").aliases == ["North Korean leader", "the North Korean leader", "Kim"]


def test_government_joins_its_country_only_when_the_country_acts() -> None:
    table = canonicalise(WEB_MENTIONS, WEB)
    assert not same(table, "Russia", "the Russian government")
    assert entity(table, "the Russian government").type == "organization"
    assert entity(table, "Russia").type == "location"

    text = "Russia said on Monday it would respond. The Russian government later denied it. Moscow was calm."
    acting = canonicalise(
        [Mention("Russia", role="claimant"), Mention("the Russian government"), Mention("Moscow")], text
    )
    assert same(acting, "Russia", "the Russian government", "Moscow")
    assert entity(acting, "Moscow").name == "Russian government"


def test_metonymy_can_be_turned_off() -> None:
    mentions = [
        Mention("Japan", role="claimant"),
        Mention("Tokyo", role="claimant"),
        Mention("Japanese government"),
    ]
    table = canonicalise(mentions, "Japan said so. Tokyo agreed. The Japanese government", metonymy=False)
    assert len(table.entities) == 3
    assert entity(table, "Tokyo").name == "Tokyo"


def test_case_diacritics_hyphens_and_abbreviations() -> None:
    text = "Budánov spoke. Kim Jong-un listened. The U.S. and the United States of America."
    table = canonicalise(
        [
            Mention("Budánov"),
            Mention("BUDANOV"),
            Mention("Kim Jong-un"),
            Mention("kim jong un"),
            Mention("U.S."),
            Mention("the United States"),
            Mention("USA"),
        ],
        text,
    )
    assert len(table.entities) == 3
    assert same(table, "U.S.", "the United States", "USA", "US", "America")
    assert table.id_for("Kim Jong Un") == table.id_for("kim jong-un")


def test_ambiguous_short_name_stays_apart() -> None:
    text = "Hillary Clinton spoke after Bill Clinton. Clinton smiled."
    table = canonicalise([Mention("Hillary Clinton"), Mention("Bill Clinton"), Mention("Clinton")], text)
    assert len(table.entities) == 3
    assert table.id_for("Clinton") == "e3"


def test_short_name_joins_full_name_found_only_in_text() -> None:
    table = canonicalise([Mention("Sullivan", role="claimant")], WIRE)
    (sullivan,) = table.entities
    assert (sullivan.name, sullivan.type, sullivan.aliases) == ("Jake Sullivan", "person", ["Sullivan"])
    assert table.id_for("Jake Sullivan") == "e1"


def test_middle_initials_do_not_split_a_person() -> None:
    text = "Donald J. Trump said it. Donald Trump repeated it. Trump left."
    table = canonicalise([Mention("Donald J. Trump"), Mention("Donald Trump"), Mention("Trump")], text)
    assert len(table.entities) == 1 and table.entities[0].name == "Donald J. Trump"


def test_appositive_after_the_name() -> None:
    text = "Dmitry Peskov, the Kremlin spokesman, declined to comment. The Kremlin spokesman said later."
    table = canonicalise([Mention("the Kremlin spokesman"), Mention("Dmitry Peskov")], text)
    assert same(table, "the Kremlin spokesman", "Dmitry Peskov")
    assert entity(table, "Peskov").name == "Dmitry Peskov"


def test_type_hints_win_and_are_normalised() -> None:
    text = "Grad launchers were used. Apple sued. The voters stayed home."
    table = canonicalise(
        [Mention("Grad", type_hint="ORG"), Mention("Apple", type_hint="organisation"), Mention("voters")],
        text,
    )
    assert [e.type for e in table.entities] == ["organization", "organization", "group"]


def test_type_heuristics() -> None:
    text = "Olena Kovalenko said. Kovalenko added. The Bank of Japan acted. Rome was quiet. Acme spoke."
    table = canonicalise(
        [
            Mention("Olena Kovalenko"),
            Mention("Bank of Japan"),
            Mention("Kyiv"),
            Mention("Acme"),
            Mention("the regime"),
        ],
        text,
    )
    assert [e.type for e in table.entities] == ["person", "organization", "location", "person", "other"]


def test_id_for_unknown_and_empty_names() -> None:
    table = canonicalise([Mention(""), Mention("  "), Mention("Kim Jong-un")], WIRE)
    assert [e.name for e in table.entities] == ["Kim Jong-un"]
    assert table.id_for("Kim Jong-un") == "e1"
    assert table.id_for("Jong-un") == "e1"
    assert table.id_for("Kimberly") is None
    assert table.id_for("") is None


def test_a_surname_joins_its_full_name_even_beside_a_pair_of_names() -> None:
    text = (
        "Kim met Russian President Vladimir Putin on Wednesday. The Russian leader added that ties were strong. "
        "Putin said he saw prospects for cooperation."
    )
    mentions = [
        Mention("the Russian leader", role="claimant"),
        Mention("Putin", role="claimant"),
        Mention("Putin and Kim", role="target"),  # a pair named by a model: not a longer name of Putin
    ]
    table = canonicalise(mentions, text)
    assert table.id_for("the Russian leader") == table.id_for("Putin")
    assert table.entities[0].name == "Vladimir Putin" and "Putin" in table.entities[0].aliases


def test_a_hyphen_between_two_names_the_article_writes_alone_names_a_pair() -> None:
    # "Boeing-Air Force contract discussions": a relation of two named parties, not a fuller name of either
    text = (
        "Internal emails expose Boeing-Air Force contract discussions. The Air Force leased tankers from Boeing. "
        "Boeing denied it."
    )
    table = canonicalise([Mention("Boeing-Air Force"), Mention("Air Force"), Mention("Boeing")], text)
    assert table.id_for("Boeing") != table.id_for("Air Force")
    assert table.id_for("Boeing-Air Force") not in (table.id_for("Boeing"), table.id_for("Air Force"))


def test_a_hyphenated_name_whose_parts_stand_nowhere_alone_is_one_name() -> None:
    # "Holtz-Eakin" is never written alone as "Holtz" or "Eakin": the surname joins the full name
    text = "Douglas Holtz-Eakin, a former director, said so. Holtz-Eakin added more."
    table = canonicalise([Mention("Douglas Holtz-Eakin"), Mention("Holtz-Eakin")], text)
    assert len(table.entities) == 1 and table.entities[0].name == "Douglas Holtz-Eakin"


def test_a_full_stop_ends_a_name_found_in_the_text() -> None:
    text = "Kim held a meeting with Putin. Kim left on Friday. Rep. G.K. Butterfield spoke."
    table = canonicalise([Mention("Putin"), Mention("Kim"), Mention("Butterfield")], text)
    assert entity(table, "Putin").name == "Putin"  # not "Putin Kim" across the sentence break
    assert entity(table, "Butterfield").name == "G.K. Butterfield"  # initials keep the run going


# The indexed searches (issue 12: linear in the article's length) against the whole-text searches they replace.


def _linked_names_by_whole_text_search(description: str, text: str) -> set[str]:
    """The apposition search as it was: every expression run over the whole text (the reference)."""
    words = description.split()
    heads = [description]
    if words and words[-1] == "leader":
        heads += [" ".join([*words[:-1], variant]) for variant in name_forms._LEADER_VARIANTS]
    canon = name_evidence._canonical_text(text)
    names: set[str] = set()
    for head in heads:
        phrase = r"[\s-]+".join(re.escape(w) for w in head.split())
        of_place = name_evidence._OF_PLACE
        honorific = name_evidence._HONORIFIC
        rest = r"(?P<rest>[^\n,.;:!?()“”\"]{1,80})"
        for match in re.finditer(rf"(?i)\b{phrase}{of_place},?[ \u00a0]+{honorific}{rest}", canon):
            names.add(name_evidence._name_prefix(match["rest"].split()))
        for match in re.finditer(
            rf"(?i)(?P<lead>[^\n,.;:!?()“”\"]{{1,80}}),[ \u00a0]+(?:the[ \u00a0]+)?{phrase}\b(?!{name_evidence._SAYS})",
            canon,
        ):
            names.add(" ".join(reversed(name_evidence._name_prefix(list(reversed(match["lead"].split()))).split())))
    return {name for name in names if len(name.split()) >= 1 and name_forms._is_person_name(name)}


APPOSITIONS = (
    "Ukrainian President Volodymyr Zelensky spoke. Olaf Scholz, the German chancellor, replied; Emmanuel Macron,"
    " THE French president, listened. The German Chancellor Olaf Scholz left. "
    "An aide, the German chancellor, waved.\n"
    "Kim Jong Un, the North Korean leader, met Putin. North Korean leader Kim Jong Un returned; "
    "Jane Doe,  the\u00a0head of military intelligence, spoke, and Head-of-military-intelligence Jane Doe agreed. "
    "A very long run of words without any stop that goes on and on for more than eighty characters Kate Lee, "
    "the German chancellor, nodded. German chancellor, the German chancellor, Olaf Scholz. "
    "Ümit Kaya, the Turkish president, spoke. The Turkish president Ümit Kaya; Turkish \u212aing Ali Veli, "
    "the Turkish king. Russian presidential aide Yuri Ushakov spoke, as did the Russian president Vladimir Putin."
)


@pytest.mark.parametrize(
    "description",
    [
        "german chancellor",
        "french president",
        "north korean leader",
        "head of military intelligence",
        "turkish president",
        "turkish king",
        "turkish leader",
        "russian president",
        "ümit",  # not an ASCII word: the whole text is searched
        "spokesperson",
    ],
)
def test_apposition_search_finds_what_a_whole_text_search_finds(description: str) -> None:
    found = name_evidence._linked_names(description, APPOSITIONS)
    assert found == _linked_names_by_whole_text_search(description, APPOSITIONS)
    assert list(found) == list(_linked_names_by_whole_text_search(description, APPOSITIONS))  # same order too


def test_apposition_search_on_the_seeds_matches_the_whole_text_search() -> None:
    for text in (WIRE, WEB):
        for description in ("north korean leader", "russian president", "japanese government spokesperson"):
            assert name_evidence._linked_names(description, text) == _linked_names_by_whole_text_search(
                description, text
            )


def test_appositions_link_descriptions_before_and_after_the_name() -> None:
    mentions = [
        Mention("the German chancellor", role="claimant"),
        Mention("Olaf Scholz"),
        Mention("the head of military intelligence"),
        Mention("Emmanuel Macron"),
        Mention("the French president"),
    ]
    text = (
        "Olaf Scholz, the German chancellor, replied; Emmanuel Macron, THE French president, listened. Jane Doe, "
        "the\u00a0head of military intelligence, spoke. German chancellor Olaf Scholz left."
    )
    table = canonicalise(mentions, text)
    assert same(table, "the German chancellor", "Olaf Scholz")
    assert same(table, "the French president", "Emmanuel Macron")  # ", THE French president": case ignored
    assert entity(table, "the head of military intelligence").name == "Jane Doe"  # a name only the text gives


@pytest.mark.parametrize(
    ("name", "text", "speaks"),
    [
        ("Kaya", "Ümit Kaya said it.", True),
        ("Kaya", "(Kaya said it.)", True),  # a word boundary inside the words before the verb
        ("aya", "Kaya said it.", False),  # not at a word boundary
        ("Kaya", "Kaya  \n  told reporters.", True),
        ("Kaya", "Kaya saidly.", False),
        ("Kaya", "Kaya, said the aide.", False),
        ("O'Neil", "O'Neil argued.", True),
        ("'Neil", "O'Neil argued.", True),  # a word boundary holds between a word character and an apostrophe
        ("Neil", "O'Neil argued.", True),
        ("'Neil", "'Neil argued.", False),  # no word character on either side of the boundary
        ("Kaya", "Kaya had said it.", False),
    ],
)
def test_speech_lookup_matches_the_whole_text_search(name: str, text: str, speaks: bool) -> None:
    assert entities._speaks(name, text) is speaks
    assert speaks is (re.search(rf"\b{re.escape(name)}{name_forms._SPEECH.pattern}", text) is not None)


def test_short_names_and_linked_names_through_the_index() -> None:
    text = (
        "Anna Kovacs met Boris Kovacs. The Iranian envoy, Carla Novak, spoke. Novak said talks went well. "
        "Dmitri Petrenko Novak arrived. Petrenko said he was glad."
    )
    mentions = [
        Mention("Kovacs"),  # two full names hold it: apart
        Mention("Anna Kovacs"),
        Mention("the Iranian envoy", role="claimant"),
        Mention("Petrenko"),  # only "Dmitri Petrenko Novak" holds it, as an inner run
        Mention("Carla Novak"),
        Mention("Novak"),  # Carla Novak and Dmitri Petrenko Novak: apart
    ]
    table = canonicalise(mentions, text)
    assert not same(table, "Kovacs", "Anna Kovacs")
    assert same(table, "the Iranian envoy", "Carla Novak")
    assert entity(table, "Petrenko").name == "Dmitri Petrenko Novak"
    assert not same(table, "Novak", "Carla Novak")
    assert table.id_for("Dmitri Petrenko") == table.id_for("Petrenko")  # an inner run of one person's key
    assert table.id_for("Kovacs") == entity(table, "Kovacs").id


def test_a_bare_role_joins_a_name_only_with_that_same_title() -> None:
    """ "the minister" is not "Prime Minister Jane Holm" (another office) but is "Minister Jane Holm"; a place
    before the role keeps the tie ("Russian President Vladimir Putin" ... "the president")."""
    text = "Prime Minister Jane Holm said the budget would pass. The minister said taxes would not rise.\n"
    table = canonicalise([Mention("Prime Minister Jane Holm", role="claimant"), Mention("The minister")], text)
    assert not same(table, "Prime Minister Jane Holm", "The minister")
    text = "Minister Jane Holm said the budget would pass. The minister said taxes would not rise.\n"
    table = canonicalise([Mention("Minister Jane Holm", role="claimant"), Mention("The minister")], text)
    assert same(table, "Minister Jane Holm", "The minister")
    text = "Russian President Vladimir Putin said talks would go on. The president said more.\n"
    table = canonicalise([Mention("Russian President Vladimir Putin"), Mention("The president")], text)
    assert same(table, "Vladimir Putin", "The president")


def test_company_names_descriptions_and_acronyms() -> None:
    text = (
        "US automaker General Motors (GM) said on Monday it would cut jobs. Aircraft maker Boeing and Airbus both "
        "report orders; the Airbus A350 flew. European Aeronautic Defence and Space Company (EADS) won. GM, EADS "
        "and aircraft manufacturer Boeing later confirmed it."
    )
    names = ["US automaker General Motors (GM", "GM", "Boeing", "aircraft manufacturer Boeing", "Airbus", "Airbus A350",
             "European Aeronautic Defence and Space Company", "EADS", "General David Petraeus"]  # fmt: skip
    table = canonicalise([Mention(n, role="actor") for n in names], text)
    assert entity(table, "GM").name == "General Motors"  # "General" starts a company name, not a rank
    assert same(table, "US automaker General Motors (GM", "GM")  # an acronym joins the name it abbreviates
    assert same(table, "EADS", "European Aeronautic Defence and Space Company")  # "Company" closes the name
    assert same(table, "Boeing", "aircraft manufacturer Boeing")  # a description before a name
    assert not same(table, "Airbus", "Airbus A350")  # a product's name holds its maker's, not the other way
    assert entity(table, "General David Petraeus").name == "David Petraeus"


def test_a_company_short_name_joins_its_one_full_name() -> None:
    text = "Apple Inc. said on Monday that Apple would sell more. Ford Motors Co. and Ford agreed."
    table = canonicalise([Mention(n, role="actor") for n in ("Apple Inc.", "Apple", "Ford Motors Co.", "Ford")], text)
    assert same(table, "Apple Inc.", "Apple") and same(table, "Ford Motors Co.", "Ford")
    assert entity(table, "Ford").type == "organization"
    text = "Singapore Airlines flew to Singapore. Apple Corps sued Apple Computer; Apple declined to comment."
    names = ["Singapore Airlines", "Singapore", "Apple Corps", "Apple Computer", "Apple"]
    table = canonicalise([Mention(n, role="actor") for n in names], text)
    assert not same(table, "Singapore Airlines", "Singapore")  # an airline is named after its place
    assert len(table.entities) == 5  # "Apple" fits two companies: it joins neither


def test_one_company_name_written_with_more_endings_is_one_company() -> None:
    text = "Ford Motors posts profit\n\nFord Motors Co. made a profit. Ford sold more. Apple Computer Inc., Apple Corps"
    names = ["Ford Motors", "Ford Motors Co.", "Ford", "Apple Computer", "Apple Computer Inc.", "Apple Corps", "Apple"]
    table = canonicalise([Mention(n, role="actor") for n in names], text)
    assert same(table, "Ford Motors", "Ford Motors Co.") and same(table, "Ford", "Ford Motors Co.")
    assert same(table, "Apple Computer", "Apple Computer Inc.") and not same(table, "Apple Computer", "Apple Corps")
    assert not same(table, "Apple", "Apple Corps") and not same(table, "Apple", "Apple Computer")  # still two fit


def test_a_capitalised_function_word_or_abbreviation_is_no_part_of_a_name() -> None:
    text = "Louis Gallois said so. Although Gallois hoped for more, talks in the U.S. Gallois called off failed."
    table = canonicalise([Mention("Louis Gallois", role="claimant"), Mention("Gallois", role="claimant")], text)
    assert same(table, "Louis Gallois", "Gallois")  # neither "Although Gallois" nor "U.S. Gallois" is a person


def test_a_company_description_joins_the_company_beside_it_or_named_first_before_it() -> None:
    text = (
        "Automaker GM to cut jobs at Opel\n\nThe US car manufacturer General Motors said it would cut jobs at its "
        "division, Opel. Opel said little. Tim Lee said the firm wanted lower costs."
    )
    names = ["GM", "The US car manufacturer", "General Motors", "Opel", "Tim Lee", "the firm"]
    table = canonicalise([Mention(n, role="actor") for n in names], text)
    assert same(table, "The US car manufacturer", "General Motors")  # set beside it
    assert same(table, "the firm", "GM", "General Motors")  # named first, before Opel
    assert entity(table, "the firm").name == "General Motors"  # a description never names the company
    assert not same(table, "the firm", "Tim Lee") and not same(table, "the firm", "Opel")
    text = "Tim Lee said the company won."
    table = canonicalise([Mention(n, role="actor") for n in ("Tim Lee", "the company")], text)
    assert not same(table, "Tim Lee", "the company")  # a person is no company


def test_a_description_joins_the_person_its_neighbouring_sentence_names() -> None:
    table = canonicalise([Mention(n, role="claimant") for n in ("the Japanese government spokesman", "Hirokazu Matsuno",
                          "the Russian leader", "Prime Minister Fumio Kishida", "The North Korean leader",
                          "Kim Jong-un", "the trade minister", "Ann Lee")], WEB)  # fmt: skip
    assert same(table, "the Japanese government spokesman", "Hirokazu Matsuno")  # "... added Hirokazu Matsuno"
    assert same(table, "The North Korean leader", "Kim Jong-un")  # a heading naming Kim, then the description
    assert not same(table, "the Japanese government spokesman", "Fumio Kishida")  # named before, with a title
    text = "Exports fell, the trade minister said. “Sales will recover,” said Ann Lee, an economist at a bank."
    table = canonicalise([Mention(n, role="claimant") for n in ("the trade minister", "Ann Lee")], text)
    assert not same(table, "the trade minister", "Ann Lee")  # a newcomer introduced with a role of her own
    text = (
        "Donald Trump spoke in Ohio. Hours later, Trump shamed Alicia Machado in a tweet. "
        "The Indiana governor said the media are to blame."
    )
    names = ("Donald Trump", "Alicia Machado", "Trump", "The Indiana governor")
    table = canonicalise([Mention(n, role="claimant") for n in names], text)
    assert not same(table, "The Indiana governor", "Alicia Machado")  # "Trump" is named there too: not the one
    text = "Dr. Ann Lee: Nominee for Health Chief\n\nThe President named his nominee, Dr. Ann Lee, at the White House."
    table = canonicalise([Mention(n, role="claimant") for n in ("Ann Lee", "The President")], text)
    assert not same(table, "The President", "Ann Lee")  # her own sentence names her: another person (after "Dr.")
    text = "Ann Lee spoke in Ohio. The Republican nominee said she was joking, which raised fears that Ann Lee erred."
    table = canonicalise([Mention(n, role="claimant") for n in ("Ann Lee", "The Republican nominee")], text)
    assert same(table, "The Republican nominee", "Ann Lee")  # named again in a clause of its own: further off
    text = "Tom Welch backs Sanders. The Vermont congressman plans to vote for Sanders, Welch said."
    table = canonicalise([Mention(n, role="claimant") for n in ("Tom Welch", "The Vermont congressman")], text)
    assert same(table, "The Vermont congressman", "Tom Welch")  # the signer: the description is in his words


def test_an_owner_before_a_name_and_another_one_of_a_kind() -> None:
    text = "The Beatles' Apple Corps sued. Apple Corps won. The A380 flew; a second A380 landed. Ford's profits rose."
    names = ["The Beatles' Apple Corps", "Apple Corps", "the A380", "a second A380", "Ford's profits", "Ford",
             "Russia's Foreign Minister Sergei Lavrov"]  # fmt: skip
    table = canonicalise([Mention(n, role="actor") for n in names], text)
    assert same(table, "The Beatles' Apple Corps", "Apple Corps")  # the owner is no part of the name
    assert not same(table, "the A380", "a second A380")
    assert not same(table, "Ford's profits", "Ford")  # a common noun after the owner: another thing
    assert entity(table, "Sergei Lavrov").aliases == ["Russia's Foreign Minister"]  # the country stays in the title


def test_an_acronym_joins_the_full_name_a_description_found_in_the_text() -> None:
    text = "The US car manufacturer General Motors said it would cut jobs. GM gave no details."
    table = canonicalise([Mention(n, role="actor") for n in ("The US car manufacturer", "GM")], text)
    assert same(table, "The US car manufacturer", "GM") and entity(table, "GM").name == "General Motors"


def test_a_description_signing_a_statement_is_no_apposition_and_a_company_is_read_in_its_sentence() -> None:
    text = "Ford will buy the plant Automobile Craiova, a Romanian official said Friday."
    table = canonicalise([Mention(n, role="actor") for n in ("a Romanian official", "Automobile Craiova")], text)
    assert not same(table, "a Romanian official", "Automobile Craiova")
    text = "Singapore Airlines will be paid by Airbus. On the Airbus website, the company said the fault was found."
    table = canonicalise([Mention(n, role="actor") for n in ("Singapore Airlines", "Airbus", "the company")], text)
    assert same(table, "the company", "Airbus")  # the company its own sentence names before it


def test_a_short_name_between_a_company_and_a_person_and_names_written_after_the() -> None:
    text = (
        "Ford Motor Company will cut jobs. Ford said so. Apple Inc. and Apple TV: Apple sells it. The Ford Taurus won."
    )
    names = ["Ford Motor Company", "Ford", "William Clay Ford Jr.", "Apple Inc.", "Apple TV", "Apple",
             "The Ford Taurus", "Ford Taurus"]  # fmt: skip
    table = canonicalise([Mention(n, role="actor") for n in names], text)
    assert not same(table, "Ford", "Ford Motor Company") and not same(table, "Ford", "William Clay Ford Jr.")
    assert same(table, "Apple", "Apple Inc.") and not same(table, "Apple", "Apple TV")  # "Apple TV" is no person
    assert same(table, "Ford Taurus", "The Ford Taurus") and entity(table, "Ford Taurus").type != "person"


def test_a_country_is_no_part_of_a_persons_name() -> None:
    text = "Ford Australia will get aid, the Australian government said. Australia will pay."
    table = canonicalise([Mention(n, role="actor") for n in ("Ford Australia", "Australia")], text)
    assert not same(table, "Ford Australia", "Australia") and entity(table, "Australia").type == "location"


def test_a_title_of_a_place_set_before_an_honoured_name() -> None:
    text = "Guests: the Prime Minister of Singapore, Mr. Lee Hsien Loong, at the terminal. The Prime Minister left."
    table = canonicalise([Mention(n, role="actor") for n in ("the Prime Minister", "Mr. Lee Hsien Loong")], text)
    assert same(table, "the Prime Minister", "Lee Hsien Loong") and entity(table, "Lee").name == "Lee Hsien Loong"


def test_a_headline_verb_cut_with_a_name_is_the_name_alone() -> None:
    """ "Apple releases" (the parse took the headline's verb into the name) is Apple when the body retells it in
    the past ("Apple released"); "Ford shares" stays apart (no "Ford shared")."""
    text = "Apple releases SDK, announces update\n\nApple released the SDK. Ford shares fell; Ford said so.\n"
    names = ("Apple releases", "Apple", "Ford shares", "Ford")
    table = canonicalise([Mention(n, role="claimant") for n in names], text)
    assert same(table, "Apple releases", "Apple") and entity(table, "Apple").aliases == []
    assert not same(table, "Ford shares", "Ford")
    text = "GM plans cuts\n\nGM planned the cuts in May.\n"
    table = canonicalise([Mention("GM plans", role="actor"), Mention("GM", role="actor")], text)
    assert same(table, "GM plans", "GM")


def test_a_bare_title_joins_the_person_the_article_gives_it() -> None:
    """ "CEO" is the "Chief Executive Officer" or "chief executive" set beside a name; "President" the one titled
    "President of the United States" before his name; the head "of Sony Pictures Television and ..." is no one
    named there."""
    text = "CEO of GM outlines plan\n\nFritz Henderson, the Chief Executive Officer of General Motors, spoke.\n"
    table = canonicalise([Mention("CEO", role="claimant"), Mention("Fritz Henderson", role="claimant")], text)
    assert same(table, "CEO", "Fritz Henderson")
    text = "GM sales rose, Mary Barra, the chief executive of GM, said. The CEO added more.\n"
    table = canonicalise([Mention("Mary Barra", role="claimant"), Mention("The CEO", role="claimant")], text)
    assert same(table, "Mary Barra", "The CEO")
    text = "In a speech today, President of the United States Barack Obama presented a plan. Obama spoke.\n"
    table = canonicalise([Mention("President", role="actor"), Mention("Obama", role="actor")], text)
    assert same(table, "President", "Obama")
    text = "The head of Sony Pictures Television and Oz's boss indicated as much.\n"
    table = canonicalise([Mention("The head", role="claimant"), Mention("Sony Pictures Television")], text)
    assert not same(table, "The head", "Sony Pictures Television")


def test_a_products_description_joins_the_product_named_before_it() -> None:
    """ "the aircraft" joins the product named last before it in its sentence, else the first the article names;
    a company, a count of people ("5,000 VIP guests"), "a new aircraft" and "the first jet" join nothing."""
    text = (
        "Airbus showed the A380 to 5,000 VIP guests. The new aircraft flew. Boeing flew the 787 and the aircraft "
        "landed. Later the first jet flew, and a new aircraft too.\n"
    )
    names = ("Airbus", "A380", "5,000 VIP guests", "The new aircraft", "Boeing", "787", "the aircraft")
    table = canonicalise([Mention(n, role="actor") for n in (*names, "the first jet", "a new aircraft")], text)
    assert same(table, "A380", "The new aircraft") and same(table, "787", "the aircraft")
    for name in ("Airbus", "5,000 VIP guests", "Boeing", "the first jet", "a new aircraft"):
        assert not same(table, name, "A380") and not same(table, name, "787")


def test_federal_government_acronym_after_a_country_and_a_company_introduced_as_a_firm() -> None:
    """ "the federal government" is the one country's government the article names; "USAF" the Air Force of the
    US; "The firm" the company introduced as "a market research firm", not the first company named."""
    text = "The Australian government said the federal government would pay Ford. The USAF thanked the Air Force.\n"
    names = ("Australian government", "the federal government", "Ford", "The USAF", "the Air Force")
    table = canonicalise([Mention(n, role="claimant") for n in names], text)
    assert same(table, "Australian government", "the federal government") and same(table, "The USAF", "Air Force")
    text = "Apple's iTunes grew, according to NPD Group, a market research firm. The firm said sales rose.\n"
    names = ("Apple", "NPD Group", "The firm")
    table = canonicalise([Mention(n, role="claimant") for n in names], text)
    assert same(table, "The firm", "NPD Group") and not same(table, "The firm", "Apple")


def test_a_name_found_late_in_the_text_is_no_fuller_name_of_an_earlier_short_one() -> None:
    """ "Michigan Ford" (a list's "of Dearborn, Michigan" run into "Ford's stock") and "Actual Airbus" (a sentence's
    first word, "actual" elsewhere) are found in the text only after the article has used the short name: not
    its fuller name; "Barack Obama" after "Obama" still is."""
    text = "Ford cuts jobs\n\nFord has cut jobs at the River Rouge Plant of Dearborn, Michigan Ford's stock fell.\n"
    table = canonicalise([Mention("Ford", role="claimant")], text)
    assert entity(table, "Ford").name == "Ford"
    text = "Airbus cuts jobs\n\nAirbus will cut jobs. Actual Airbus cuts are smaller; the actual figure is 5,000.\n"
    table = canonicalise([Mention("Airbus", role="claimant")], text)
    assert entity(table, "Airbus").name == "Airbus"
    text = "Obama spoke. Obama left. Later, Barack Obama said more; Jake Sullivan spoke and Sullivan left.\n"
    table = canonicalise([Mention("Obama", role="claimant"), Mention("Sullivan", role="claimant")], text)
    assert entity(table, "Obama").name == "Barack Obama" and entity(table, "Sullivan").name == "Jake Sullivan"


def test_a_ministers_field_reads_the_same_before_or_after_the_role() -> None:
    """ "Indonesia's transport minister" is the "minister of transport for Indonesia" set beside a name; "the
    Secretary of State" still finds "Secretary of State Antony Blinken", "the former secretary" "Clinton, the
    former secretary of state"; "of Singapore" is a place, no field."""
    text = "Jusman Syafii Djamal, minister of transport for Indonesia, has spoken. Djamal said more.\n"
    names = ("Indonesia's transport minister", "Jusman Syafii Djamal")
    table = canonicalise([Mention(n, role="claimant") for n in names], text)
    assert same(table, *names)
    text = "Secretary of State Antony Blinken arrived. The Secretary of State said talks went well.\n"
    table = canonicalise([Mention("Antony Blinken", role="actor"), Mention("The Secretary of State")], text)
    assert same(table, "Antony Blinken", "The Secretary of State")
    text = "Clinton, the former secretary of state, spoke. Later the former secretary of state talked.\n"
    table = canonicalise([Mention("Clinton", role="actor"), Mention("the former secretary", role="actor")], text)
    assert same(table, "Clinton", "the former secretary")
    assert name_forms._description_key("Prime Minister of Singapore") == "prime minister of singaporean"


def test_a_name_cut_through_a_bracket_or_typed_with_an_opening_quote_is_the_name_alone() -> None:
    text = "Del. Bob Price (D-Newport News) said Donald Trump‘s plan failed, and [Jake Sullivan] agreed."
    table = canonicalise(
        [
            Mention("Price (D-Newport News"),
            Mention("Donald Trump‘s"),
            Mention("[Jake Sullivan"),
            Mention("Apple (AAPL)"),
        ],
        text,
    )
    assert {e.name for e in table.entities} == {"Bob Price", "Donald Trump", "Jake Sullivan", "Apple"}
    assert same(table, "Price (D-Newport News", "Bob Price") and same(table, "[Jake Sullivan", "Jake Sullivan")


def test_a_products_short_name_joins_the_longer_names_that_say_what_it_is() -> None:
    """ "iTunes" is the "iTunes Music Store" and the "iTunes downloadable music service" (common words ending in
    a thing or a service); "iPod" is not the "iPod nano" (a model), nor "iPod owners"; "Apple" (no product's
    name) is not "Apple Computer Store"."""
    text = (
        "Apple sells films via the iTunes Music Store. iTunes is the largest. The iTunes downloadable music "
        "service grew. The iPod nano and iPod owners. The Apple Computer Store opened."
    )
    names = ("Apple", "iTunes Music Store", "iTunes", "iTunes downloadable music service", "iPod", "iPod nano")
    table = canonicalise([Mention(n, role="actor") for n in (*names, "iPod owners", "Apple Computer Store")], text)
    assert same(table, "iTunes", "iTunes Music Store") and same(table, "iTunes", "iTunes downloadable music service")
    assert not same(table, "iPod", "iPod nano") and not same(table, "iPod", "iPod owners")
    assert not same(table, "Apple", "Apple Computer Store")


def test_a_one_word_name_joins_the_one_longer_name_of_a_thing_that_ends_in_it() -> None:
    """ "the Taurus" is the "Ford Taurus" and keeps its bare form ("A380" once the entity is "Airbus A380"); a
    country is not "Air France", and "GM", already General Motors, is not the "New GM"."""
    text = (
        "The Ford Taurus is back. The Taurus sold well. The A380 flew Air France to France. The first Airbus A380 "
        "landed. General Motors (GM) plans a New GM."
    )
    names = ("Ford Taurus", "The Ford Taurus", "The Taurus", "The A380", "Airbus A380", "Air France", "France")
    table = canonicalise([Mention(n, role="actor") for n in (*names, "General Motors", "GM", "New GM")], text)
    assert same(table, "Ford Taurus", "The Taurus") and same(table, "Airbus A380", "The A380")
    assert "A380" in next(e for e in table.entities if e.name == "Airbus A380").aliases
    assert not same(table, "France", "Air France")
    assert same(table, "GM", "General Motors") and not same(table, "GM", "New GM")


def test_the_longer_name_a_short_one_ends_is_one_run_of_words() -> None:
    """ "CNN" is not "MSNBC, CNN" (two names); "O'Neill" is "NYPD Commissioner James O'Neill" (an apostrophe inside
    a name)."""
    text = "Both MSNBC, CNN aired it. CNN said so. NYPD Commissioner James O'Neill spoke."
    names = ("MSNBC, CNN", "CNN", "O'Neill", "NYPD Commissioner James O'Neill")
    table = canonicalise([Mention(n, role="actor") for n in names], text)
    assert not same(table, "CNN", "MSNBC, CNN") and same(table, "O'Neill", "NYPD Commissioner James O'Neill")


def test_a_day_word_opening_the_sentence_is_no_part_of_the_name() -> None:
    """ "Today Apple also released" names Apple (so "Apple" joins "Apple Inc." again); "Monday's debate" stays."""
    text = "Apple Inc. introduced the iPhone. Today Apple also released Apple TV. Monday's debate was long."
    table = canonicalise([Mention(n, role="actor") for n in ("Apple Inc.", "Today Apple", "Apple", "Apple TV")], text)
    assert same(table, "Apple Inc.", "Today Apple", "Apple")
    assert all("Today" not in form for e in table.entities for form in (e.name, *e.aliases))


def test_a_count_or_a_heading_is_no_longer_name_a_short_one_ends() -> None:
    """ "475 Republicans" counts Republicans; "FULL SPEECH" is a heading: neither is what the short name stands for."""
    text = "Some 475 Republicans voted. Republicans said so. FULL SPEECH: the speech ran long."
    names = ("475 Republicans", "Republicans", "FULL SPEECH", "Speech")
    table = canonicalise([Mention(n, role="actor") for n in names], text)
    assert not same(table, "Republicans", "475 Republicans") and not same(table, "Speech", "FULL SPEECH")


def test_a_title_case_headline_is_no_evidence_of_a_name() -> None:
    """A title-case headline capitalises every word: "Lindsey Graham Says" there is no fuller name of Lindsey
    Graham, nor does "Retired General Reveals" set a name "Reveals" beside the description; a sentence-case
    headline's names still count ("Beatles' Apple Corps sues Apple Computer")."""
    text = "Trump Could Address Clean Energy, Lindsey Graham Says.\n\nSen. Lindsey Graham spoke on Monday.\n"
    table = canonicalise([Mention("Lindsey Graham", role="claimant"), Mention("Graham", role="claimant")], text)
    assert entity(table, "Graham").name == "Lindsey Graham"
    text = "Retired General Reveals Experience Of Serving Under Obama.\n\nGen. Norman Ham spoke out on Monday.\n"
    table = canonicalise([Mention("Retired General", role="claimant")], text)
    assert entity(table, "Retired General").name == "Retired General"
    for line, title_case in ((text.splitlines()[0], True), ("Beatles' Apple Corps sues Apple Computer", False)):
        assert name_evidence._title_cased(line.split()) is title_case


def test_a_company_description_joins_no_common_noun_capitalised_to_open_a_sentence() -> None:
    """ "Bankruptcy" (a speaker a misparsed headline gave) is written lower case in the body: a common noun, no
    company "The automaker" can stand for, though the article names it first."""
    text = (
        "Bankruptcy for U.S. automaker GM becomes certain\n\nThe automaker General Motors said on Wednesday that "
        "its bondholders refused. The automaker has a June 1 deadline. GM may have to file for bankruptcy.\n"
    )
    names = ("Bankruptcy", "The automaker General Motors", "The automaker", "GM")
    table = canonicalise([Mention(n, role="claimant") for n in names], text)
    assert same(table, "The automaker", "GM") and not same(table, "Bankruptcy", "The automaker")
