"""Each event's status, trigger and claimant from the dependency parse (``extract.factuality``), on hand-made text."""

from __future__ import annotations

import pytest

from summarise.config import Settings
from summarise.extract.article_events import find_events
from summarise.extract.attribution import find_attributions, parse_article
from summarise.extract.event_nouns import noun_status
from summarise.extract.factuality import event_status
from summarise.extract.nlp import parser
from summarise.ingest import load_text
from summarise.pipeline import summarise


def statuses(text: str) -> list[tuple[str, str, str]]:
    """(trigger word, action, status) of each event found."""
    doc = load_text(text)
    article = parse_article(doc)
    out = []
    for e in find_events(doc, article, find_attributions(doc, article)):
        assert e.trigger is not None
        out.append((text[e.trigger[0] : e.trigger[1]], e.action, e.status))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apple released the iPod in Paris.", [("released", "released the iPod in Paris", "happened")]),
        # a modal is the status, not a word of the action
        ("Kim could travel to Russia.", [("travel", "travel to Russia", "possible")]),
        ("Boeing will deliver the plane.", [("deliver", "deliver the plane", "planned")]),
        ("Apple did not release the iPod.", [("release", "release the iPod", "negated")]),
        # a verb framing an infinitive gives way to it: the act is the event
        ("Fiat plans to buy a stake in Chrysler.", [("buy", "buy a stake in Chrysler", "planned")]),
        # unless the frame is an act itself: the refusal happened, the sale is negated
        (
            "Boeing refused to sell the plant.",
            [("refused", "refused to sell the plant", "happened"), ("sell", "sell the plant", "negated")],
        ),
        # an aspect verb's complement happens with it; both words name the event
        ("North Korea began supplying weapons.", [("began supplying", "began supplying weapons", "happened")]),
        # a condition, and its consequence
        (
            "The US warned that North Korea would pay a price in case it decided to supply weapons to Russia.",
            [("warned", "warned", "happened"), ("pay", "pay a price", "conditional"),
             ("supply", "supply weapons", "conditional")],
        ),
        ("Pyongyang will face consequences if it does.", [("face", "face consequences", "conditional")]),
        # a concession sets no condition: the colleges offer aid either way
        (
            "Many colleges offer merit aid to good students, even if their families don't qualify for other aid.",
            [("offer", "offer merit aid", "happened"), ("qualify", "qualify for other aid", "negated")],
        ),
        (
            "The Committee reported that the plans would cost $150 billion, even if his cost offsets materialized.",
            [("cost", "cost $150 billion", "planned"), ("materialized", "materialized", "conditional")],
        ),
        # a purpose clause and what it says lie ahead
        (
            "Japan sent envoys to ensure that Pyongyang complied with the resolutions.",
            [("sent", "sent envoys", "happened"), ("complied", "complied with the resolutions", "planned")],
        ),
        # what an attempt is for may not come about
        (
            "Steve Jobs attempted to address the reports.",
            [
                ("attempted", "attempted to address the reports", "happened"),
                ("address", "address the reports", "possible"),
            ],
        ),
        (
            "GM will close 1,100 dealerships in an effort to evade bankruptcy.",
            [("close", "close 1,100 dealerships", "planned"), ("evade", "evade bankruptcy", "possible")],
        ),
        # "would" in a conjunct of a report is the report's future
        (
            "Boeing said it had merged the team into another and would close the office.",
            [("merged", "merged the team", "happened"), ("close", "close the office", "planned")],
        ),
        # a headline infinitive: a plan
        ("Kim Jong-un to visit Russia next week.", [("visit", "visit Russia", "planned")]),
        # what is said keeps its own status; so does a clause with a tense of its own
        ("Peskov said Kim met Putin.", [("met", "met Putin", "happened")]),
        ("It should be mentioned that Apple's sales doubled in 2005.", [("doubled", "doubled in 2005", "happened")]),
        # an if-clause of comparison sets no condition
        (
            "Apple's profit marked a double increase if compared to last year.",
            [("marked", "marked a double increase", "happened"), ("compared", "compared to last year", "happened")],
        ),
        # a coordinated verb with a tense of its own keeps it; one without shares the first verb's modal
        (
            "The take-off, at 08:30 UTC, was apparently normal and took place exactly on time.",
            [("took", "took place", "happened")],
        ),
        (
            "Kim will visit Vladivostok and meet Putin.",
            [("visit", "visit Vladivostok", "planned"), ("meet", "meet Putin", "planned")],
        ),
        # what a saying verb's subject asserts of itself is as told; what it tells another to do lies ahead (the
        # urging itself is an act, ``ACT_CUES``)
        ("Cisco claims to possess the iPhone trademark.", [("possess", "possess the iPhone trademark", "happened")]),
        (
            "The US urged North Korea to stop the tests.",
            [("urged", "urged North Korea", "happened"), ("stop", "stop the tests", "planned")],
        ),
        # an infinitive on a noun lies ahead; on a ranked noun it is what the noun does, at its clause's time
        ("The 787 is the first model to be built out of plastic.", [("built", "be built out of plastic", "happened")]),
        ("The A380 will be the first jet to be built in Toulouse.", [("built", "be built in Toulouse", "planned")]),
        # a negation the adverb carries, and one inside a condition: negated, as the polarity is told
        (
            "Steve Jobs said that if he could no longer lead Apple, he would resign.",
            [("lead", "lead Apple", "negated"), ("resign", "resign", "conditional")],
        ),
        # a past time clause under a modal happened; one under a future in the past is still ahead
        (
            "Analysts said Apple shares could rise when Apple released the phone.",
            [("rise", "rise", "possible"), ("released", "released the phone", "happened")],
        ),
        (
            "Airbus said the engines would be replaced before Airbus launched the tour.",
            [("replaced", "the engines be replaced", "planned"), ("launched", "launched the tour", "planned")],
        ),
        # a time or purpose clause under an expected act lies ahead; only the main act is expected
        (
            "Ford is expected to launch a new model to improve its sales.",
            [("launch", "launch a new model", "possible"), ("improve", "improve its sales", "planned"),
             ("sales", "sales", "happened")],
        ),
        # a polite wish to thank is the thanks, given in saying it
        ("AirTran would like to thank the Boeing employees.", [("thank", "thank the Boeing employees", "happened")]),
        # what an act told as real is done for is told with it; "in order to" is still a plan
        (
            "The Air Force selected Northrop on February 29 to build the tankers.",
            [("selected", "selected Northrop", "happened"), ("build", "build the tankers", "happened")],
        ),
        (
            "Ryanair said it is exercising its options with Boeing to purchase five jets.",
            [("exercising", "exercising its options with Boeing", "happened"),
             ("purchase", "purchase five jets", "happened")],
        ),
        (
            "The Air Force selected Northrop in order to build the tankers.",
            [("selected", "selected Northrop", "happened"), ("build", "build the tankers", "planned")],
        ),
        # what a cancelled plan was for will not take place; a decision's measure is as the decision is
        (
            "McCain spoke against the now-cancelled deal to lease 100 tankers from Boeing.",
            [("spoke", "spoke against the now-cancelled deal", "happened"), ("lease", "lease 100 tankers", "negated")],
        ),
        ("The EU made the decision to ban Indonesian airlines.", [("ban", "ban Indonesian airlines", "happened")]),
        ("The EU will make a decision to ban Indonesian airlines.", [("ban", "ban Indonesian airlines", "planned")]),
        # what a design is aimed at lies ahead
        (
            "The 7E7 is aimed at a more efficient flight at 200 seats.",
            [("aimed", "The 7E7 is aimed at a more efficient flight", "happened"),
             ("flight", "more efficient flight at seats", "planned")],
        ),
    ],
)  # fmt: skip
def test_status_and_trigger_from_the_parse(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [s for s in statuses(text) if s[1] != s[0] or s[0] in {w for w, _, _ in expected}]
    assert got == expected


def test_events_told_in_a_claim_are_reported_by_it_and_the_article_s_own_are_not() -> None:
    text = "Kim Jong Un visited a factory on Tuesday. Ukraine said North Korea began supplying weapons."
    result = summarise(text, published="2023-09-15", settings=Settings(backend="fake", strategy="parse", cache=False))
    by_trigger = {e.trigger.text: e for e in result.events if e.trigger is not None}
    assert set(by_trigger) == {"visited", "began supplying"}
    assert by_trigger["visited"].reported_by == []
    claim = next(c for c in result.claims if c.cue == "said")
    assert by_trigger["began supplying"].reported_by == [claim.id]
    assert all(text[e.trigger.start : e.trigger.end] == e.trigger.text for e in by_trigger.values())


def test_an_act_told_in_indirect_speech_is_reported_by_its_claim_with_the_status_its_clause_gives() -> None:
    # "saw a drop": "see" with an act noun tells the act undergone, not a sight; "refused" is an act, not a report
    text = "GM announced that it saw a 45% drop in sales. The UAW said it refused to meet the demands."
    result = summarise(text, published="2009-04-01", settings=Settings(backend="fake", strategy="parse", cache=False))
    by_trigger = {e.trigger.text: e for e in result.events if e.trigger is not None}
    claims = {c.cue: c.id for c in result.claims}
    drop = by_trigger["saw a 45% drop"]  # the light verb with its act noun
    assert (drop.status, drop.reported_by) == ("happened", [claims["announced"]])
    assert (by_trigger["refused"].status, by_trigger["refused"].reported_by) == ("happened", [claims["said"]])
    assert (by_trigger["meet"].status, by_trigger["meet"].reported_by) == ("negated", [claims["said"]])


def test_markdown_keeps_what_happened_apart_from_plans_and_says_who_says_so() -> None:
    from summarise.render.markdown import render_markdown

    text = "Kim Jong Un visited a factory on Tuesday. Ukraine said Kim could travel to Moscow."
    result = summarise(text, published="2023-09-15", settings=Settings(backend="fake", strategy="parse", cache=False))
    md = render_markdown(result)
    events = md[md.index("## Events") : md.index("## Entities")]
    assert events.index("### Happened (1)") < events.index("visited a factory") < events.index("### Possible (1)")
    line = next(x for x in events.splitlines() if "travel to Moscow" in x)
    assert line.startswith("- _possible_:") and "according to Ukraine" in line


def test_an_act_noun_with_a_named_party_is_an_event_and_one_without_is_not() -> None:
    # "offer" names an act done by someone (a theme noun such as "decline" tells one of nobody named)
    got = statuses("The planned purchase of Chrysler by Fiat was announced. The offer was announced.")
    assert ("purchase", "purchase", "planned") in got  # "planned" is its status, not its action
    assert not any(word == "offer" for word, _, _ in got)


def test_an_act_noun_in_a_modal_verb_s_phrase_is_as_uncertain_but_not_as_planned() -> None:
    got = statuses("The Ravens could clinch the division with a win on Sunday or a Pittsburgh Steelers loss.")
    assert ("loss", "loss", "possible") in got
    got = statuses("Singapore Airlines will be compensated by Airbus for the delay in the delivery by Airbus.")
    assert ("delivery", "delivery", "negated") in got  # not the compensation's plan: a delay holds it back


def test_an_act_a_plan_would_end_or_keep_is_under_way_not_planned() -> None:
    got = statuses("The plan is to end Ford's losses by 2008.")
    assert ("end", "end Ford's losses", "planned") in got and ("losses", "losses", "happened") in got
    got = statuses("The injection will secure Ford's manufacturing operations in Australia.")
    assert ("operations", "manufacturing operations in Australia", "happened") in got


def test_an_act_in_an_embedded_question_is_left_open() -> None:
    assert statuses("It is unclear whether Ford sold the unit. Ford sold the plant.") == [
        ("sold", "sold the unit", "unknown"),  # the article does not say whether it did
        ("sold", "sold the plant", "happened"),
    ]
    # a question asked of what will come about leaves it open, whatever its own "will" says
    assert statuses("It is unclear whether Ford will sell the unit.") == [("sell", "sell the unit", "unknown")]


@pytest.mark.parametrize(
    "text",
    [
        "Will the strike at the plant ever stop?",
        "Reporters asked whether the scandal would hurt the senator.",
        "It is unclear whether the judges might rule against the mine owners.",
    ],
)
def test_a_question_of_what_will_come_about_is_left_open(text: str) -> None:
    doc = parser()(text)
    verb = next(t for t in doc if t.lower_ in ("stop", "hurt", "rule"))
    assert event_status(verb) == "unknown"


def test_a_question_of_what_ought_to_be_done_keeps_the_act_put_forward() -> None:
    # "should" asks what ought to be done: the approval is put forward, not foretold
    doc = parser()("A judge will determine whether the merger should be approved.")
    assert event_status(next(t for t in doc if t.lower_ == "approved")) == "planned"
    # a time clause of the verb asked about is not asked about
    doc = parser()("It is unclear whether the vote will be held before the senators take their break.")
    assert event_status(next(t for t in doc if t.lower_ == "take")) == "planned"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Many young voters may not vote in November.", "vote"),
        ("The new rules might not change the outcome.", "change"),
        ("The company may not have paid any taxes for years.", "paid"),
    ],
)
def test_a_possibility_that_an_act_will_not_happen_is_possible_not_denied(text: str, word: str) -> None:
    assert _word_status(text, word) == "possible"


def test_an_ability_denied_is_still_a_denial() -> None:
    doc = parser()("The reporters could not reach the senator.")
    assert event_status(next(t for t in doc if t.lower_ == "reach")) == "negated"


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        ("The senator wants to release his records but can't.", "release", "negated"),
        ("The pilot tried to land the plane but couldn't.", "land", "negated"),
        ("The pilot tried to land the plane but couldn't.", "tried", "happened"),
        ("The senator wants to release his records and will.", "release", "planned"),
    ],
)
def test_a_bare_negated_modal_denies_the_act_it_leaves_out(text: str, word: str, status: str) -> None:
    assert _word_status(text, word) == status


def test_a_conjunct_with_a_tense_of_its_own_is_asked_as_the_verb_it_joins() -> None:
    # "was forced out" cannot share "to leave"'s "to": it is the other answer to the question, left open
    got = statuses("It is unclear whether Papermaster decided to leave or was forced out.")
    assert ("forced", "Papermaster was forced out", "unknown") in got  # undergone by him, by nobody named
    # and a conjunct told as a fact beside a recommendation is one: he has been serving
    assert (
        _status_of(
            "Tim Cook was recommended by Jobs to take over as CEO and has been serving as interim CEO.", "serving"
        )
        == "happened"
    )


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Smith suggested raising the tax on fuel.", "raising"),
        ("The bill proposes allowing parents to deduct child care costs.", "deduct"),
        ("The workers demanded that the company raise their wages.", "raise"),
        ("Airbus had recommended that the pitot tubes be replaced on its jets.", "replaced"),
    ],
)
def test_an_act_put_forward_by_a_directive_lies_ahead(text: str, word: str) -> None:
    # the proposing happened; the act proposed did not (yet): planned, as "urged Pyongyang to stop" is
    assert _status_of(text, word) == "planned"


def test_an_act_told_under_a_directive_in_the_indicative_is_as_told() -> None:
    assert _status_of("The data suggested that sales fell in March.", "fell") == "happened"


def test_an_act_of_saying_hedged_by_an_if_clause_was_done() -> None:
    # the apology was made; the connection is the supposition
    got = statuses("The firm apologised if the fire was connected to its work.")
    assert ("apologised", "apologised", "happened") in got
    assert _status_of("The firm apologised if the fire was connected to its work.", "connected") == "conditional"
    # a would-apology on a condition is still conditional
    assert _status_of("The firm would apologise if the fire was connected to its work.", "apologise") == "conditional"


def _word_status(text: str, word: str) -> str:
    """The status the rules give the first token written ``word`` in ``text``, read alone (no pipeline)."""
    return event_status(next(t for t in parser()(text) if t.lower_ == word))


def _status_of(text: str, word: str) -> str:
    return next(status for trigger, _, status in statuses(text) if trigger == word)


def test_an_act_set_aside_for_another_is_not_done() -> None:
    text = "Rather than recall the devices, Apple will offer a free case to every buyer."
    assert _status_of(text, "recall") == "negated"  # not "happened": the recall is what Apple does not do
    assert _status_of(text, "offer") == "planned"  # the main clause keeps its own
    # the events keep no bare gerund ("instead of recalling the phones"): the rule read on the parse itself
    doc = parser()("Instead of recalling the phones, Apple offered free cases.")
    assert [event_status(t) for t in doc if t.lower_ in ("recalling", "offered")] == ["negated", "happened"]


def test_an_even_if_clause_is_a_supposition_whatever_the_main_clause_denies() -> None:
    text = "She should not have to sacrifice her privacy even if the court found an interest in his actions."
    assert _status_of(text, "found") == "conditional"  # not the main clause's "not"


def test_a_would_with_an_adverb_of_frequency_is_a_past_habit() -> None:
    text = "Consumers reported that reception would decrease and sometimes lead to dropped calls."
    assert _status_of(text, "lead") == "happened"  # not the report's future
    assert _status_of(text, "decrease") == "happened"
    # without one, "would" under a saying verb is still the report's future
    assert _status_of("GM said that it would close the plant.", "close") == "planned"


def test_a_wish_to_thank_is_the_thanks_and_a_ranked_copula_s_infinitive_is_done() -> None:
    assert _status_of("Airbus wants to thank its teams for their dedication.", "thank") == "happened"
    text = "Apple's response was first to recommend holding the phone in a different way."
    assert _status_of(text, "recommend") == "happened"  # it recommended; not "the plan is to …"
    assert _status_of("The plan is to end the losses by 2008.", "end") == "planned"


def test_no_before_a_comparative_is_a_bound_and_not_already_is_not_no_longer() -> None:
    text = "The test flight lasted four hours, with the aircraft flying no higher than 10,000 feet."
    assert _status_of(text, "flying") == "happened"
    assert _status_of("Steve Jobs could no longer lead Apple.", "lead") == "negated"


def test_a_passive_clause_with_a_tensed_auxiliary_keeps_its_own_status() -> None:
    # the parse hangs the first clause on the second ("…: That candidate would assume office")
    text = "The concerns are magnified by the challenge: that candidate would assume office in January."
    assert _status_of(text, "magnified") == "happened"
    assert _status_of(text, "assume") == "possible"


def test_an_act_noun_raised_to_the_subject_of_expected_takes_the_status_of_its_taking_place() -> None:
    text = "The first flight is expected to take place in August."
    assert _status_of(text, "flight") == "possible"  # not a flight told as done


def test_what_a_supposed_saying_says_is_supposed() -> None:
    text = "The United States would raise its target if the Chinese pledged to cap their emissions."
    assert _status_of(text, "cap") == "conditional"  # not the pledge's plan: the pledge itself is supposed
    assert _status_of("The Chinese pledged to cap their emissions.", "cap") == "planned"


def test_an_act_noun_after_a_verb_of_going_ahead_with_it_or_continuing_it() -> None:
    text = "Boeing was prepared to move forward with the production of 100 tankers."
    assert _status_of(text, "production") == "planned"  # as sure as the going ahead, not told as done
    assert _status_of("Airbus decided to continue the flight without the winglets.", "flight") == "happened"


def test_an_ability_is_told_as_can_is_and_announced_results_are_done() -> None:
    text = "The Motorola ROKR offers users the ability to listen to music while messaging."
    assert _status_of(text, "listen") == "happened"  # not a plan
    assert _status_of("Ford announced a $14.6 billion annual loss.", "loss") == "happened"
    assert _status_of("Ford announced 10,000 job cuts.", "cuts") == "planned"  # an act announced lies ahead


def test_an_indefinite_act_noun_under_a_hedged_verb_is_a_supposition_and_a_definite_one_is_told() -> None:
    text = "A collapse of the industry would have a severe impact on the economy."
    assert _status_of(text, "collapse") == "possible"
    assert _status_of("The collapse of the industry would have a severe impact.", "collapse") == "happened"


def test_a_yes_no_question_leaves_its_act_open_and_a_wh_question_presumes_it() -> None:
    assert _status_of("GM recalled 1,000 cars. Did GM fix the flaw in 2005?", "fix") == "unknown"
    assert _status_of("Why did GM fix the flaw so late?", "fix") == "happened"  # it did, the article asks why
    assert _status_of("Will GM fix the flaw?", "fix") == "unknown"  # asked whether it will come about


def test_a_clause_of_concession_grants_a_fact_whatever_the_main_clause_says() -> None:
    text = "GM will not close the plant, although it closed two others last year."
    assert _status_of(text, "closed") == "happened"  # not the main clause's "not"
    assert _status_of(text, "close") == "negated"


def _told(text: str, published: str) -> dict[str, str]:
    """Each event's trigger word -> its status, through grounding (which knows the publication date)."""
    result = summarise(text, published=published, settings=Settings(backend="fake", strategy="parse", cache=False))
    return {e.trigger.text: e.status for e in result.events if e.trigger}


def test_a_present_dated_after_publication_is_a_plan_and_one_dated_before_is_told_as_done() -> None:
    text = (
        "Apple unveiled the iPhone 4 on Monday. The new advertising service goes live on July 1. "
        "Boeing's contract to produce the aircraft expires in 2012. Mr. King is also speaking in Detroit "
        "on July 20. Steve Jobs unveils the phone on Monday in San Francisco. The store opens today. "
        "The union agreed to increase wage cuts by next year. "
        "Mr. Clarke is projecting big profits next year."
    )
    told = _told(text, "2010-06-08")
    assert told["goes"] == "planned"  # scheduled: July 1 lies ahead of June 8
    assert told["expires"] == "planned"
    assert told["speaking"] == "planned"  # a present progressive of an arrangement
    assert told["unveils"] == "happened"  # a story's present dated before publication
    assert told["opens"] == "happened"  # the day of writing: under way
    assert told["agreed"] == "happened"  # "by next year" dates the increase, not the agreeing
    assert told["projecting"] == "happened"  # a forecast: next year's are the profits, not the projecting


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        # an obligation or a need: the act is still to be done
        ("The city council must approve the budget.", "approve", "planned"),
        ("The new bridge must be inspected every year.", "inspected", "planned"),
        ("The bank has to raise its rates.", "raise", "planned"),
        ("The merger needs to be approved by regulators.", "approved", "planned"),
        ("The factory was required to pay a fine.", "pay", "planned"),
        # "must" before a perfect infers a past act: probable, not an obligation
        ("The mayor must have signed the order.", "signed", "possible"),
        # a prohibition is not told as done, nor as ahead
        ("Employees must not share the passwords.", "share", "negated"),
    ],
)
def test_an_act_obliged_or_needed_lies_ahead(text: str, word: str, status: str) -> None:
    assert _word_status(text, word) == status


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Repair crews are working to restore power to the valley.", "restore"),
        ("The charity struggles to raise enough money.", "raise"),
    ],
)
def test_what_an_effort_is_for_may_or_may_not_come_about(text: str, word: str) -> None:
    assert _word_status(text, word) == "possible"


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        # a permission granted to the doer leaves the act open
        ("The farmers were allowed to sell their grain abroad.", "sell", "possible"),
        ("Residents have been permitted to return to their homes.", "return", "possible"),
        # what a thing lets its users do is told as "can" is: with the enabling verb's status
        ("The new phone allows users to record video.", "record", "happened"),
        ("The update will allow drivers to unlock their cars remotely.", "unlock", "planned"),
    ],
)
def test_a_permission_makes_the_act_possible_and_an_enabling_tells_what_users_can_do(
    text: str, word: str, status: str
) -> None:
    assert _word_status(text, word) == status


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        # the content of a chance or a risk may or may not come about
        ("Analysts see a one-in-five chance that the Fed will raise rates in March.", "raise", "possible"),
        ("There is a risk that prices will rise.", "rise", "possible"),
        ("The risk that prices will rise worries investors.", "rise", "possible"),
        # a relative clause the parse marks with "that" tells what is
        ("That would end the speculation that the senator has generated.", "generated", "happened"),
        ("The striker has a chance to win the title.", "win", "possible"),
        # not a verb of fearing, nor a relative clause
        ("Investors fear that the bank failed.", "failed", "happened"),
    ],
)
def test_what_a_chance_or_risk_holds_is_possible(text: str, word: str, status: str) -> None:
    assert _word_status(text, word) == status


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        ("Acme withdrew its offer to buy Zenith last week.", "buy", "negated"),
        ("Acme may withdraw its offer to buy Zenith.", "buy", "planned"),
        ("Acme made an offer to buy Zenith.", "buy", "planned"),
    ],
)
def test_an_offer_taken_back_will_not_come_about(text: str, word: str, status: str) -> None:
    assert _word_status(text, word) == status


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        ("Congress would need to have the bill passed by Friday.", "passed", "possible"),
        ("The owner will have the roof repaired next week.", "repaired", "planned"),
        ("The owner had the roof repaired last week.", "repaired", "happened"),
        # a participle of relation is no act done
        ("He seems to have a set of rules opposed to the plan.", "opposed", "happened"),
    ],
)
def test_a_causative_s_participle_is_done_when_the_having_is(text: str, word: str, status: str) -> None:
    assert _word_status(text, word) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The mayor took the opportunity to thank the volunteers.", "happened"),
        ("The senator never missed an opportunity to remind the audience of his record.", "happened"),
        ("The senator missed an opportunity to remind the audience of his record.", "negated"),
    ],
)
def test_a_chance_taken_does_its_act_and_one_missed_does_not(text: str, status: str) -> None:
    doc = parser()(text)
    assert event_status(next(t for t in doc if t.lower_ in ("thank", "remind"))) == status


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("It is unclear whether a new investigation by the FBI would change the outcome.", "investigation"),
        ("Analysts asked whether a new strike by the union would hurt sales.", "strike"),
    ],
)
def test_an_indefinite_act_noun_in_a_question_is_left_open(text: str, word: str) -> None:
    doc = parser()(text)
    assert noun_status(next(t for t in doc if t.lower_ == word)) == "unknown"


def test_a_merger_offered_and_then_withdrawn_will_not_come_about() -> None:
    doc = parser()("The bank withdrew its offer of a merger with the insurer.")
    assert event_status(next(t for t in doc if t.lower_ == "merger")) == "negated"
