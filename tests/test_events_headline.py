"""The headline tells the body's events again (``headlines.retell``): which body event each headline word joins, on
hand-made articles."""

from __future__ import annotations

from summarise.config import Settings
from summarise.pipeline import summarise
from summarise.schema import ArticleSummary

PARSE = Settings(backend="fake", strategy="parse", cache=False)


def retold(result: ArticleSummary) -> dict[str, list[str]]:
    """Each event's trigger word -> the words that tell it again."""
    text = result.article.text
    return {e.trigger.text: [text[w.start : w.end] for w in e.retold] for e in result.events if e.trigger}


def test_a_headline_in_other_words_beyond_the_lead_sentence_is_the_event_by_the_same_doer_to_the_same_target() -> None:
    text = (
        "Cisco sues Apple over trademark\n\nThe phone drew criticism on Monday. Critics praised its screen. "
        "Cisco filed a lawsuit against Apple Inc. on Wednesday."
    )
    got = retold(summarise(text, published="2007-01-11", settings=PARSE))
    assert got["filed a lawsuit"] == ["sues"]  # a support verb's trigger names its act noun too
    assert all(not words for trigger, words in got.items() if trigger != "filed a lawsuit")


def test_initials_name_the_same_doer() -> None:
    text = "GM to cut 10,000 jobs at Opel\n\nGeneral Motors will axe 10,000 jobs in Europe. Unions protested."
    got = retold(summarise(text, published="2009-09-10", settings=PARSE))
    assert got["axe"] == ["cut"]


def test_a_possessive_and_a_name_in_lower_case_first_still_name_the_same_doer() -> None:
    text = (
        "Apple's iTunes replaces Wal-Mart as top music seller\n\n"
        "Apple Computer's iTunes service passed Wal-Mart in February. Analysts were surprised."
    )
    got = retold(summarise(text, published="2008-04-04", settings=PARSE))
    assert got["passed"] == ["replaces"]


def test_the_lead_sentence_s_event_by_the_same_doer_comes_before_another_doer_s_of_the_same_verb() -> None:
    text = (
        "Fiat to buy stake in Chrysler\n\nFiat intends to purchase the six percent of Chrysler. "
        "The US Treasury will buy shares in Chrysler."
    )
    got = retold(summarise(text, published="2011-06-03", settings=PARSE))
    assert got["purchase"] == ["buy"]
    assert not got["buy"]


def test_a_headline_act_noun_joins_the_light_verb_s_event_but_not_another_verb_s_object() -> None:
    made = retold(
        summarise(
            "Boeing 787 makes first flight\n\nThe Boeing 787 made its first test flight on Tuesday. Crowds cheered.",
            published="2009-12-16",
            settings=PARSE,
        )
    )
    # the support verb and its act noun, each a word naming the act again, as the body names it by both
    assert made["made its first test flight"] == ["makes", "flight"]
    won = retold(
        summarise(
            "Airbus wins Qatar order\n\nAirbus won an order from Qatar Airways on Monday. Boeing lost.",
            published="2007-06-19",
            settings=PARSE,
        )
    )
    assert won["won"] == ["wins"]  # the order is the buyer's act, not the winning


def test_the_same_verb_word_tells_the_same_event_when_its_infinitives_differ() -> None:
    text = (
        "Penske Auto selected to buy Saturn unit\n\n"
        "The Penske Automotive Group was selected to purchase Saturn on Friday. Dealers were relieved."
    )
    got = retold(summarise(text, published="2009-06-06", settings=PARSE))
    assert got["selected"] == ["selected"]


def test_a_headline_word_beyond_the_lead_tells_only_an_event_done_by_a_party_the_headline_names() -> None:
    text = (
        "GM reports losses of $6 billion\n\nGeneral Motors lost US$6 billion last year. Its sales fell 30%. "
        "In the last quarter, GM reported a loss of $381 million."
    )
    got = retold(summarise(text, published="2007-02-07", settings=PARSE))
    assert got["reported a loss"] == ["reports"]
    other = (
        "Ford reports losses of $6 billion\n\nFord lost US$6 billion last year. Its sales fell 30%. "
        "In the last quarter, Toyota reported a loss of $381 million."
    )
    assert not retold(summarise(other, published="2007-02-07", settings=PARSE))["reported a loss"]


def test_a_shared_title_or_company_form_names_no_one_party() -> None:
    text = (
        "President Obama visits Berlin\n\nPresident Bush toured a factory in Ohio on Monday. "
        "Officials praised the plant."
    )
    assert not retold(summarise(text, published="2009-06-05", settings=PARSE))["toured"]


def test_a_headline_theme_noun_tells_again_the_lead_s_event_of_nobody_named() -> None:
    text = (
        "A380 test flight delayed after accident\n\nThe first test flight of the Airbus A380 was postponed on "
        "Monday. Engineers inspected the engines."
    )
    got = retold(summarise(text, published="2007-09-01", settings=PARSE))
    assert got["flight"] == ["flight"]


def test_a_headline_noun_naming_the_doing_of_an_act_tells_the_lead_s_light_verb_taking_it_by_a_named_party() -> None:
    text = (
        "Obama presents rescue plan after GM declaration of bankruptcy\n\nGeneral Motors filed for bankruptcy "
        "on Monday. Barack Obama presented a reorganization plan."
    )
    got = retold(summarise(text, published="2009-06-01", settings=PARSE))
    assert "declaration" in got["filed"]
    # not a party the headline does not name
    text = (
        "Obama presents rescue plan after GM declaration of bankruptcy\n\nChrysler filed for bankruptcy "
        "on Monday. Barack Obama presented a reorganization plan."
    )
    got = retold(summarise(text, published="2009-06-01", settings=PARSE))
    assert "declaration" not in got["filed"]


def test_a_headline_act_noun_tells_again_the_lead_s_act_of_nobody_named_its_verb_asserts() -> None:
    text = (
        "Apple swamped by iPhone 4 pre-orders\n\nPre-orders of the new iPhone 4 began on Tuesday. Apple said "
        "its website had crashed."
    )
    got = retold(summarise(text, published="2010-06-16", settings=PARSE))
    assert got["Pre-orders"] == ["pre-orders"]  # the words as written, though the parse splits them at the hyphen


def test_a_headline_act_noun_tells_again_the_lead_s_act_of_nobody_named_that_its_verb_tells() -> None:
    # the noun and the verb name one act: "delays", "will be delayed"
    text = (
        "Singapore Airlines to be compensated for A380 delays\n\nSingapore Airlines will be compensated by Airbus. "
        "The delivery of the new jets will be delayed until October 2007."
    )
    got = retold(summarise(text, published="2006-10-05", settings=PARSE))
    assert got["delayed"] == ["delays"]


def test_a_headline_saying_act_on_a_thing_retells_its_doer_s_act_on_that_thing_in_other_words() -> None:
    text = (
        "Apple announces Mac OS X Lion\n\nApple CEO Steve Jobs spoke at the conference on Monday. "
        "Apple unveiled Lion, the new version of its operating system. Microsoft announced a new phone."
    )
    got = retold(summarise(text, published="2011-06-07", settings=PARSE))
    assert got["unveiled"] == ["announces"]
    assert all(not words for trigger, words in got.items() if trigger != "unveiled")


def test_a_headline_in_other_words_retells_what_was_announced_not_the_announcing() -> None:
    text = (
        "Fiat plans to buy majority stake in Chrysler\n\n"
        "Fiat announced on Friday that it intends to purchase the six percent of Chrysler that the government owns."
    )
    got = retold(summarise(text, published="2011-05-29", settings=PARSE))
    assert got["purchase"] == ["buy"]
    assert got["announced"] == []


def test_a_headline_saying_act_retells_the_lead_s_act_not_one_far_into_the_body() -> None:
    text = (
        "Apple announces Mac OS X Lion\n\nApple unveiled Lion, the new version of its operating system, on Monday. "
        "The keynote ran for two hours. Developers cheered. Analysts were pleased. The shares rose. "
        "Apple announced no new hardware products."
    )
    got = retold(summarise(text, published="2011-06-07", settings=PARSE))
    assert got["unveiled"] == ["announces"]
    assert got["announced"] == []
