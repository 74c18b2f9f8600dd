"""Act nouns with a doer of their own (extract.event_nouns), on hand-made text."""

from __future__ import annotations

import pytest

from summarise.config import Settings
from summarise.extract.article_events import find_events
from summarise.extract.attribution import find_attributions, parse_article
from summarise.ingest import load_text
from summarise.pipeline import summarise


def nouns(text: str) -> list[tuple[str, str, tuple[str, ...], str]]:
    """The events whose trigger is a noun: (actor, action, targets, status)."""
    doc = load_text(text)
    article = parse_article(doc)
    found = find_events(doc, article, find_attributions(doc, article))
    ends = {start + t.idx + len(t.text): t.pos_ for _, start, p, _ in article.sentences for t in p}
    words = [e.trigger for e in found if e.trigger and " " not in doc.text[e.trigger[0] : e.trigger[1]]]  # "Pre-orders"
    return [
        (e.actor, e.action, e.targets, e.status) for e in found if e.trigger in words and ends[e.trigger[1]] == "NOUN"
    ]


def test_an_act_noun_with_a_named_doer_is_an_event_done_to_its_of_phrase() -> None:
    assert nouns("Acme Corp.'s acquisition of Harbour Mills surprised analysts.") == [
        ("Acme Corp.", "acquisition of Harbour Mills", ("Harbour Mills",), "happened")
    ]
    # a "by" phrase names the doer too, and a name before the noun ("Ford Motor Company sales")
    assert nouns("The acquisition of Harbour Mills by Acme Corp. was completed in May.")[0][0] == "Acme Corp."
    assert nouns("Ford Motor Company sales fell 41% in March.") == [("Ford Motor Company", "sales", (), "happened")]


def test_a_passive_denied_of_an_act_negates_it_only_when_it_is_the_act_s_carrying_out() -> None:
    merger = "Fiat's merger with Chrysler was not {}."
    assert nouns(merger.format("completed")) == [("Fiat", "merger", ("Chrysler",), "negated")]
    assert nouns(merger.format("reported")) == [("Fiat", "merger", ("Chrysler",), "happened")]
    assert nouns("The decline in sales has not been limited to US makers.")[0][3] == "happened"


def test_the_status_is_the_governing_words() -> None:
    assert nouns("Acme Corp.'s planned acquisition of Harbour Mills angered workers.")[0][3] == "planned"


def test_a_possessive_pronoun_in_the_noun_s_clause_is_that_clause_s_named_subject() -> None:
    # the resolver's nearest earlier name would be Fiat
    text = "In 2005, GM bought a stake in Fiat and has since doubled its investment."
    assert nouns(text) == [("GM", "investment", (), "happened")]
    # a subject that speaks for a named owner stands for that owner ("Williams' publicist"), not the name beside it
    text = "Actress Esther Williams died on Thursday. Williams' publicist, Harlan Boll, confirmed her death."
    assert nouns(text) == [("Williams", "death", (), "happened")]


@pytest.mark.parametrize(
    "text",
    [
        "Monday's announcement surprised analysts.",  # a date owns nothing
        "The companies' sale of the plant surprised analysts.",  # a plural description: a group no one name gives
        "Carmakers saw their production fall.",  # "their": a group no name gives
        "Apple unveiled Spotlight. You can find the photos of your summer vacation.",  # "your": the reader
        'Northrop won the contract. "We will make a decision," Boeing said.',  # "we": a side the quote rarely names
        "US president Jane Roux's decision surprised analysts.",  # a possessor no name gives: "US president"
        "Their losses widened.",  # a theme noun whose own doer no name gives is not one of nobody named
        "GM reported a 49% decline.",  # a verb's object is that verb's event, doer or not
        "Kim visited two factories for the production of aircraft.",  # what something is for
        "Ford's decision to close the plant surprised workers.",  # it frames its infinitive's act, told as planned
        "Mayor Jane Roux gave a speech in Lyon.",  # the light verb's event is the speech
        "The Dreamliner made its maiden flight on Tuesday.",
        "The sale price of the plant rose.",  # a noun modifying another names a kind of thing
        "Daimler could part ways with the loss-making business.",  # part of an adjective: a kind of business
    ],
)
def test_an_act_noun_proposes_nothing_without_a_named_doer_or_when_another_event_tells_it(text: str) -> None:
    assert nouns(text) == []


def test_a_light_verb_and_its_act_noun_are_one_event_with_the_verb_s_doer_and_time() -> None:
    doc = load_text("Prime Minister Lee made a speech at the ceremony on Monday.")
    article = parse_article(doc)
    found = find_events(doc, article, find_attributions(doc, article))
    assert [(e.actor, e.action, e.when) for e in found] == [("Prime Minister Lee", "made a speech", "on Monday")]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Apple Corps has filed a lawsuit against Apple Computer.", "filed a lawsuit"),
        ("In the first quarter, GM had reported a loss of $381 million.", "reported a loss"),
        ("Some buyers had difficulty finishing their orders online.", "finishing their orders"),
        # the noun's own event ("its first annual loss": GM's) keeps its word; another's act is the verb's alone
        ("General Motors has posted its first annual loss since 1992.", "posted"),
        ("Apple received criticism last month.", "received"),
        ("Apple has plans to import more features.", "import"),
    ],
)
def test_a_light_or_aspectual_verb_s_trigger_runs_through_the_act_noun_its_object_is(text: str, trigger: str) -> None:
    doc = load_text(text)
    article = parse_article(doc)
    found = find_events(doc, article, find_attributions(doc, article))
    assert trigger in [doc.text[e.trigger[0] : e.trigger[1]] for e in found if e.trigger is not None]
    assert len({e.action for e in found}) == len(found)  # one event for the two words, not two


def test_an_act_noun_takes_a_time_among_its_own_modifiers() -> None:
    doc = load_text("Obama spoke after the 12:00 UTC announcement by General Motors.")
    article = parse_article(doc)
    found = find_events(doc, article, find_attributions(doc, article))
    assert [(e.action, e.when) for e in found if e.action == "announcement"] == [("announcement", "12:00 UTC")]


def test_an_act_noun_in_apposition_takes_the_time_of_the_noun_it_restates() -> None:
    doc = load_text(
        "The ban followed a string of accidents in the country, including two major disasters this year - "
        "the losses of Adam Air Flight 574 and Garuda Indonesia Flight 200."
    )
    article = parse_article(doc)
    found = find_events(doc, article, find_attributions(doc, article))
    assert [e.when for e in found if e.action == "losses"] == ["this year"]  # the disasters' time: the same crashes
    assert [e.when for e in found if e.action.startswith("followed")] == [""]  # not the following's


def test_a_theme_noun_tells_an_event_of_nobody_named_and_its_clause_gives_its_status() -> None:
    # what undergoes it is its "of" phrase, or the thing named before it; a place only says where
    assert nouns("US sales rose in March.") == [("", "US sales", (), "happened")]
    assert nouns("A test flight of the A380 was delayed today.") == [
        ("", "test flight of the A380", ("A380",), "negated")  # delayed: it did not take place
    ]
    assert nouns("The first flight of the A380 will take off from Singapore.")[0][3] == "planned"
    text = "Airbus will cut 10,000 jobs. About half of those job cuts will be made among subcontractors."
    assert nouns(text) == [("", "job cuts", (), "planned")]
    # a verb that does not tell it take place keeps its modal to itself: the loss is told as fact
    assert nouns("GM lost $8.6 billion. GM admitted that the annual loss could swell further.")[0][3] == "happened"
    # a bare noun of nobody, with no words of its own, tells a reader nothing
    assert nouns("GM lost $8.6 billion. GM admitted that the loss could swell further.") == []


def test_the_clause_names_the_doer_the_noun_leaves_unsaid() -> None:
    # the giver after a verb of receiving, wherever the parse hangs "from"
    assert nouns("Airbus has won an order from Qatar Airways for 60 jets.") == [
        ("Qatar Airways", "order", (), "happened")
    ]
    # the subject of the verb the noun is the means of; not a saying verb's setting
    assert nouns("Boeing challenged the award in a formal protest before the GAO.")[0][0] == "Boeing"
    assert nouns("Hirokazu Matsuno said in a press conference that Tokyo was concerned.") == []
    # a negotiated act is its subject's, and not yet done
    assert nouns("Aeroflot has negotiated the purchase of 22 Boeing jets.") == [
        ("Aeroflot", "purchase of 22 Boeing jets", ("Boeing",), "possible")
    ]


def test_a_singular_description_is_a_doer_as_a_verb_s_subject_is() -> None:
    # grounding joins "the automaker" to the name it stands for, as it does a verb's subject
    text = "Analysts had forecast the automaker's losses to be over $6.7 billion."
    assert nouns(text) == [("the automaker", "losses", (), "possible")]


def test_a_plan_or_operations_with_a_named_doer_is_an_act_one_framing_an_infinitive_gives_way() -> None:
    assert nouns("GM's plan surprised analysts.") == [("GM", "plan", (), "happened")]
    assert nouns("The aid will secure Ford's manufacturing operations.")[0][:2] == ("Ford", "manufacturing operations")
    assert nouns("GM's plan to close the plant surprised analysts.") == []


def test_a_theme_noun_a_verb_causes_prevents_or_changes_is_an_event_besides_the_verb_s() -> None:
    assert nouns("The statement caused a sharp decrease of Apple share prices.")[0][1:] == (
        "sharp decrease of share prices",
        ("Apple",),
        "happened",
    )
    assert nouns("The government acted to prevent a collapse of the automakers.")[0][3] == "negated"
    # the sales are under way; the improving is ahead
    assert nouns("Ford hopes the new model will improve the lackluster sales of the Taurus.")[0][3] == "happened"
    # delayed: it will not take place when it was due, whatever the tense
    assert nouns("The delivery of the A380 will be delayed until October.")[0][3] == "negated"


def test_an_act_noun_after_be_in_or_on_is_the_subject_s_with_the_being_s_status() -> None:
    # "he": Steve Jobs, the name met before; "would be" is not yet under way
    # named by both words: "be" supports the act as a light verb does
    doc = load_text("Steve Jobs said on Monday that he would be on medical leave for six months.")
    article = parse_article(doc)
    found = find_events(doc, article, find_attributions(doc, article))
    leave = [e for e in found if e.trigger and doc.text[e.trigger[0] : e.trigger[1]] == "be on medical leave"]
    assert [(e.actor, e.action) for e in leave] == [("Steve Jobs", "medical leave")]
    assert leave[0].status != "happened"
    # a theme noun's subject undergoes it: the car is sold, it sells nothing
    assert all(actor != "The Ford Focus" for actor, _, _, _ in nouns("The Ford Focus is on sale in Britain."))


def test_an_act_done_together_whose_verb_tells_how_it_turned_out_is_an_event_with_its_partners() -> None:
    text = "Chrysler filed for bankruptcy on Thursday, however a deal with the carmaker Fiat went through."
    assert [(actor, targets) for actor, _, targets, _ in nouns(text)] == [("", ("Fiat",))]
    assert "however" not in nouns(text)[0][1]
    # the parties it came up between do it
    assert nouns("The dispute has come up between Apple Inc. and Cisco Systems.")[0][0] == "Apple Inc."


def test_an_act_noun_announced_or_unveiled_is_the_subject_s_an_announced_plan_is_made() -> None:
    assert nouns("Airbus unveiled plans for the A380 in Toulouse.")[0][:2] == ("Airbus", "plans for the A380")
    assert nouns("General Motors announced plans on Friday.")[0][3] == "happened"


def test_a_theme_noun_a_plan_includes_is_an_event_of_its_own_planned() -> None:
    text = "GM must finish a restructuring plan that includes plant closures by June 1."
    assert ("GM", "plant closures", (), "planned") in nouns(text)  # the plan's doer: GM finishes it
    assert ("", "plant closures", (), "planned") in nouns("A restructuring plan includes plant closures.")


def test_a_possessive_pronoun_before_any_name_stands_for_the_named_subject_of_its_clause() -> None:
    # no name comes before "its" for the resolver to find: the event would be lost
    text = "Five years after its launch, Apple Computer's iTunes music service passed Wal-Mart in February."
    assert [(actor, action) for actor, action, _, _ in nouns(text)] == [("Apple Computer", "launch")]


def test_a_definite_act_noun_with_no_doer_is_the_act_told_before_by_the_same_doer() -> None:
    text = "Airbus has won an order from Qatar Airways. The order, which is worth $15 billion, gave Airbus a boost."
    assert [actor for actor, action, _, _ in nouns(text) if action == "order"] == ["Qatar Airways", "Qatar Airways"]
    # its status too, when its own words tell none
    text = "Penske Automotive Group agreed to purchase Saturn. The purchase is awaiting approval."
    assert nouns(text)[-1][::3] == ("Penske Automotive Group", "planned")
    # not an act told with no doer ("was released"), nor one never told
    assert nouns("A preview was released. The release surprised analysts.") == []
    assert nouns("The order surprised analysts.") == []
    # nor one done to another than the act told before
    text = "Ford Motor Company sales rose 5% in March. The sales of Toyota fell."
    assert [actor for actor, action, _, _ in nouns(text) if "Toyota" in action] == [""]


def test_a_definite_act_noun_made_from_a_verb_is_the_act_that_verb_told_one_event_with_its_time() -> None:
    text = (
        "The first Airbus A380 landed at Changi Airport at 6:40 p.m. on Tuesday. The Prime Minister greeted the "
        "aircraft. He said that the landing was a milestone for Singapore Airlines."
    )
    summary = summarise(text, settings=Settings(backend="fake", strategy="parse", cache=False), published="2007-10-17")
    landed = [e for e in summary.events if e.trigger is not None and e.trigger.text == "landed"]
    assert [[r.text for r in e.retold] for e in landed] == [["landing"]]  # no second line of nobody's landing
    assert landed[0].time is not None and landed[0].time.value == "2007-10-16T18:40"  # the time it was told with
    # any suffix of doing: the agreement is the agreeing, told once
    text = "Chinese officials have agreed to purchase 60 jets. The preliminary agreement was welcomed by Boeing."
    summary = summarise(text, settings=Settings(backend="fake", strategy="parse", cache=False))
    assert [[r.text for r in e.retold] for e in summary.events if e.action.startswith("agreed")] == [["agreement"]]
    # an act never told by its verb stays none to recall
    text = "The first Airbus A380 arrived at Changi Airport on Tuesday. He said that the landing was a milestone."
    assert nouns(text) == []


def test_a_definite_deal_named_by_other_words_is_the_act_told_before_by_a_pronoun_or_description() -> None:
    # "signed a contract" told by "it" (resolved later), "the agreement" and "the deal" name that contract again
    text = (
        "China Eastern Airlines stated on Thursday that it had signed a contract to purchase ten jets. "
        "The airline signed the agreement in Paris on June 15. The deal was approved by the board."
    )
    found = [(actor, action) for actor, action, _, _ in nouns(text)]
    assert ("China Eastern Airlines", "agreement in Paris") in found
    assert ("The airline", "deal") in found  # the description, which grounding joins to its name
    # an act that nobody does is still none to recall
    assert nouns("A contract was signed. The deal surprised analysts.") == []


def test_an_act_noun_a_verb_tells_began_turned_out_or_was_called_off_is_an_event_whoever_does_it() -> None:
    # the verb selects an act as its subject: the act took place (or not), no doer named
    assert nouns("Pre-orders of the new iPhone began on Tuesday.") == [("", "orders of the new iPhone", (), "happened")]
    text = "A $14 billion bailout deal for the automakers was rejected in the Senate."
    assert nouns(text) == [("", "$ 14 billion bailout deal", (), "negated")]
    # not an infinitive, which tells what another expects, nor a verb taking a clause
    assert nouns("Kim expects the arms deal negotiations to continue.") == []
    assert nouns("The resignation will not begin to affect Apple.") == []
    # with no words of its own the line would be a bare "deal"
    assert nouns("The deal has been rejected.") == []


def test_a_theme_noun_s_possessor_that_no_one_party_gives_is_what_undergoes_it() -> None:
    assert nouns("The new jets' delivery will be delayed until October.") == [
        ("", "delivery of new jets", (), "negated")
    ]
    # a singular description is a party's, and beside an "of" phrase the possessor does the act
    assert nouns("The automaker's losses widened in March.")[0][0] == "The automaker"
    assert nouns("The companies' sale of the plant surprised analysts.") == []


def test_a_noun_other_annotators_tag_as_an_event_is_an_act_with_a_named_doer() -> None:
    # "cancellation", "use", "move": no hand list holds them; TimeBank tags them as events (TIMEBANK_NOUNS)
    text = "Politicians in Germany expressed disappointment at GM's cancellation of the Magna deal."
    assert nouns(text)[0] == ("GM", "cancellation of the Magna deal", ("Magna",), "happened")
    assert nouns("Apple Corps sued Apple Computer over its use of the Apple name.") == [
        ("Apple Corps", "use of the Apple name", (), "happened")
    ]
    # as a subject, when its verb tells that it took place
    assert nouns("GM's move comes a day after Chrysler filed for bankruptcy.") == [("GM", "move", (), "happened")]


@pytest.mark.parametrize(
    "text",
    [
        "The Russian government said Kim's move is aimed at cooperation with North Korea.",  # the verb's act
        "Tokyo warned of the risk of violating U.N. sanctions.",  # a verb's object: the verb's act
        "The UK government welcomed Ford's decision.",
        "Singapore will remain the airliner's first stop.",  # what a copula says a thing is
    ],
)
def test_a_noun_only_timebank_lists_is_no_act_of_its_own_as_a_verb_s_subject_or_object(text: str) -> None:
    assert nouns(text) == []


def test_an_act_a_deal_or_plan_includes_is_done_by_whoever_does_the_whole() -> None:
    assert nouns("The Air Canada deal includes firm orders for 18 777s.")[1] == (
        "Air Canada",
        "firm orders for 18 777s",
        (),
        "happened",
    )
    assert nouns("GM's restructuring plan includes the sale of Saab.")[1] == (
        "GM",
        "sale of Saab",
        ("Saab",),
        "planned",
    )
    assert nouns("The deal includes firm orders for 18 777s.") == []  # a whole no one is named doing


def test_acts_a_quantity_counts_are_done_by_the_quantity_s_possessor() -> None:
    text = "This brings Ryanair's total number of outstanding orders to 230."
    assert nouns(text) == [("Ryanair", "outstanding orders", (), "happened")]
    assert nouns("Boeing now has a total of 237 orders for the 787.") == []  # orders Boeing received, not placed
