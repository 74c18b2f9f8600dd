"""Event.kind: a description the parse tells as an event (a state) is kept, marked and shown apart from the acts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import BaseModel

from summarise.backends.fake import FakeBackend
from summarise.config import Settings
from summarise.extract.answers import Overview, WindowAnswer
from summarise.pipeline import summarise
from summarise.render.html import render_summary_html
from summarise.render.markdown import render_markdown
from summarise.schema import ArticleSummary, json_schema

PARSE = Settings(backend="fake", strategy="parse", cache=False)
"""The parse strategy alone, uncached: the rules under test, no model."""


def _kinds(text: str, published: str = "2010-06-08") -> dict[str, str]:
    """Each event's trigger word -> its kind."""
    result = summarise(text, published=published, settings=PARSE)
    return {e.trigger.text: e.kind for e in result.events if e.trigger}


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # a thing doing something in the simple present, in the article's own voice: a description
        ("Thai Airways flew the jet to Bangkok. It landed at Suvarnabhumi Airport, which serves Bangkok.",
         "serves", "state"),
        ("Apple unveiled the iPhone 4 on Monday. Its retina display displays images at high resolution.",
         "displays", "state"),
        # a verb of having that MEANTIME counts as an event: a description in any tense
        ("Apple released the Macbook Pro on Tuesday. The Macbook Pro features a 13.3 inch widescreen display.",
         "features", "state"),
        ("Martin Mann bought an iPod in May. Martin Mann owned an iPod before.", "owned", "state"),
        # the same verb in the past, of a party, dated, or in a speaker's words: an act
        ("The airport served 40 million passengers last year.", "served", "act"),
        ("Apple sells the phone in 88 countries, the company said on Monday.", "sells", "act"),
        ("Apple launched its service in May. The new advertising service goes live on July 1.", "goes", "act"),
        ("Apple demanded that the record labels lower their prices in the UK.", "lower", "act"),
        ("Ford saw its car sales slip.", "slip", "act"),
        # a speaker's description is one too
        ("Apple released an update on Monday. According to Apple, the update adds over 250 new features.", "adds",
         "state"),
    ],
)  # fmt: skip
def test_a_description_told_as_an_event_is_a_state(text: str, word: str, kind: str) -> None:
    assert _kinds(text)[word] == kind


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # people named by a common noun doing something in the simple present: people acting, an act
        ("Boeing delayed the 787 on Monday. Industry analysts predict further delays.", "predict", "act"),
        ("The hospital released her on Monday. The woman disputes the idea that she was ill.", "disputes", "act"),
        # a relative clause on them, or its conjunct, tells what kind of people they are: a description
        ("GM offers protection for customers who lose their job for economic reasons.", "lose", "state"),
        ("Jennifer McClellan, a corporate attorney who led the team and advises Kaine on policy, spoke.",
         "advises", "state"),
        # what they amount to is a measure of how things stand
        ("Apple sold 600,000 phones. iPhone users account for over half of those browsing the web.", "account",
         "state"),
        ("Saturn has 350 dealers. The dealers employ more than 13,000 workers.", "employ", "state"),
        # people counted are a statistic; having is no act, whoever has
        ("About 9.9 million single mothers with young children live in the United States.", "live", "state"),
        ("Mike Pence spoke on Monday. The American people have an enormously important choice to make.",
         "have an enormously important choice", "state"),
        # a singular verb is not a plural noun's: the parse hung the phone's description on the users
        ("The Motorola ROKR pauses music when users take a call and offers the ability to listen to music.",
         "offers", "state"),
    ],
)  # fmt: skip
def test_people_acting_in_the_present_act(text: str, word: str, kind: str) -> None:
    assert _kinds(text)[word] == kind


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # a share of a group, in any tense: a statistic
        ("About 60 percent of the children are born to single mothers, the report found.", "born", "state"),
        ("One in five residents lived in poor neighborhoods in 2012.", "lived", "state"),
        # holding a possession, a rank or an amount; not holding a meeting
        ("The government holds a 30 percent stake in the bank.", "holds", "state"),
        ("Before joining Apple, Cook held a senior position at IBM.", "held", "state"),
        ("The company held a meeting with its lenders on Friday.", "held a meeting", "act"),
        # a condition: facing or suffering from a thing, being stuck; not suffering a stroke
        ("The city faces a budget crisis this year.", "faces", "state"),
        ("His father suffered from lung disease for years.", "suffered", "state"),
        ("Two hikers were stuck on Mount Rainier for three days.", "stuck", "state"),
        ("His father suffered a stroke on Monday.", "suffered", "act"),
        # a standing rule, and what it requires; not an authority's order on a day
        ("The agency requires banks to report large transfers.", "requires", "state"),
        ("Section 4 required the states to consult the tribes.", "consult", "state"),
        ("The board required him to resign on Monday.", "required", "act"),
        # a participle that names a thing or says what it is for
        ("Ford sued a man named Tom Clarke on Monday.", "named", "state"),
        ("Senators drafted a bill designed to curb the agency.", "designed", "state"),
        ("The police arrested a man wanted for robbery on Monday.", "arrested", "act"),
        # living in a place; not living up to a promise
        ("Many residents lived in poor neighborhoods.", "lived", "state"),
        ("The group will live up to its promise.", "live", "act"),
        # how a thing stands to another, with no agent; not a party linking them
        ("The agency said the suspect was connected to the gang.", "connected", "state"),
        ("Police linked the suspect to the gang on Monday.", "linked", "act"),
        # a past form on a bare quantifier, which the parse takes for its act: "some [who are] affiliated"
        ("Some affiliated with the campaign said the plan failed.", "affiliated", "state"),
    ],
)  # fmt: skip
def test_statistics_holdings_conditions_rules_and_labels_are_states(text: str, word: str, kind: str) -> None:
    assert _kinds(text)[word] == kind


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # the writer's judgement of what a thing stands for, in any tense; a person doing it acts
        ("The vote marked a turning point for the party.", "marked", "state"),
        ("The crisis highlighted deep differences among the members.", "highlighted", "state"),
        ("Trump highlighted the issue in a speech on Monday.", "highlighted", "act"),
        ("A small shift could represent a serious setback for the campaign.", "represent", "state"),
        # "represent" and its kind in the simple present, whoever: what one stands for
        ("The senator represents everything the town dislikes.", "represents", "state"),
        # a verdict: "prove" or "sound" with a complement; not a proof of a clause, not a call sounded
        ("The strategy proved costly for the campaign.", "proved", "state"),
        ("The council has proved to be ineffective.", "proved", "state"),
        ("The mayor sounded a warning on Monday.", "sounded", "act"),
        # a habit: a verb of tending, or a simple present with an adverb of how often; not a past of a period
        ("Voters tend to favour incumbents.", "tend", "state"),
        ("Candidates usually avoid such questions.", "avoid", "state"),
        ("The senator frequently mocked his rival in 2012.", "mocked", "act"),
    ],
)  # fmt: skip
def test_judgements_verdicts_and_habits_are_states(text: str, word: str, kind: str) -> None:
    assert _kinds(text)[word] == kind


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # a condition reached or kept: "become" with an adjective, or a noun in the perfect; "stay" with an adjective
        ("The air pollution there had become so bad by then.", "become", "state"),
        ("The video has become a focal point for demonstrators.", "become", "state"),
        ("The campaign stayed intentionally vague on the details.", "stayed", "state"),
        # a change told as an act: a noun in the past, another verb of change
        ("Maurice Cheeks became the fifth coach fired this season.", "became", "act"),
        ("Some demonstrations turned violent on Monday.", "turned", "act"),
    ],
)  # fmt: skip
def test_a_condition_reached_or_kept_is_a_state(text: str, word: str, kind: str) -> None:
    assert _kinds(text)[word] == kind


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # a measure or a relation, in any tense: what a thing costs, lasts, amounts to, comprises, turns on
        ("The test flight lasted four hours over the bay.", "lasted", "state"),
        ("Trump's plans would cost $150 billion.", "cost", "state"),
        ("Polish Americans comprise 5% of Ohio's population.", "comprise", "state"),
        ("Control of the chamber could hinge on the Virginia seat.", "hinge", "state"),
        # a passive is an act done to the thing
        ("The new planes will be fitted with blended winglets.", "fitted", "act"),
    ],
)  # fmt: skip
def test_a_measure_or_relation_is_a_state(text: str, word: str, kind: str) -> None:
    assert _kinds(text)[word] == kind


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # a stative verb of mind in the simple present, a verb of worth in any tense, "justify" in the passive
        ("Readers may not follow editorials, but they care enough to respond.", "care", "state"),
        ("The competition deserved an airing.", "deserved", "state"),
        ("How can that vote be justified to our daughters?", "justified", "state"),
        ("The senator justified his vote in a speech on Monday.", "justified", "act"),
    ],
)  # fmt: skip
def test_a_stance_or_a_worth_is_a_state(text: str, word: str, kind: str) -> None:
    assert _kinds(text)[word] == kind


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # a relative clause in the simple present, undated: what its noun is or does as a rule, whoever does it
        ("Luis Rubio, who heads the Center of Research for Development, spoke on Monday.", "heads", "state"),
        ("Schultz likened RT to the BBC, which receives some government funding.", "receives", "state"),
        # dated, it is an act to come; in the past, an act done
        ("The justices may not hear it during the court term that begins next Monday.", "begins", "act"),
        ("Ford sold the unit to Tata, which bought Jaguar in 2008.", "bought", "act"),
    ],
)  # fmt: skip
def test_a_relative_clause_in_the_simple_present_describes_its_noun(text: str, word: str, kind: str) -> None:
    assert _kinds(text)[word] == kind


def test_a_mention_told_as_an_act_makes_the_merged_event_an_act() -> None:
    text = "Suvarnabhumi Airport serves Bangkok. Suvarnabhumi Airport served Bangkok in 2006."
    result = summarise(text, published="2010-06-08", settings=PARSE)
    assert [(e.action, e.kind, len(e.evidence)) for e in result.events] == [("serves Bangkok", "act", 2)]


ARTICLE = (
    "Apple unveiled the iPhone 4 on Monday in San Francisco. Steve Jobs showed the phone to developers. "
    "The new phone features a retina display. The retina display displays images sharply. "
    "Apple sold 600,000 phones on Tuesday."
)


@pytest.fixture(scope="module")
def described() -> ArticleSummary:
    result = summarise(ARTICLE, published="2010-06-08", settings=PARSE)
    assert {e.trigger.text for e in result.events if e.kind == "state" and e.trigger} == {"features", "displays"}
    return result


def test_markdown_lists_the_states_last_under_described(described: ArticleSummary) -> None:
    md = render_markdown(described)
    events = md[md.index("## Events") : md.index("## Entities")]
    happened = events[events.index("### Happened") : events.index("### Described")]
    last = events[events.index("### Described") :]
    assert last.startswith("### Described (2)")
    assert "features a retina display" in last and "displays images" in last
    assert "features" not in happened and "displays" not in happened
    assert "unveiled" in happened and "sold" in happened


def test_a_state_is_never_a_key_point_and_ranks_after_every_act(described: ArticleSummary) -> None:
    acts = [e for e in described.events if e.kind == "act"]
    states = [e for e in described.events if e.kind == "state"]
    assert not any(e.key for e in states)
    assert max(e.rank or 0 for e in acts) < min(e.rank or 0 for e in states)
    md = render_markdown(described)
    key_points = md[md.index("## Key points") : md.index("## Claims")]
    assert "features" not in key_points and "displays" not in key_points


def test_the_review_page_shows_the_states_apart(described: ArticleSummary) -> None:
    page = render_summary_html(described, text=ARTICLE)
    timeline = page[page.index("<h2>Events") : page.index("<h2>Claims")]
    apart = timeline[timeline.index(">Described</li>") :]
    assert "displays images" in apart and "features a retina display" in apart
    assert "unveiled" not in apart and "description" in apart


def test_the_schema_exports_kind_with_act_as_default() -> None:
    kind = json_schema()["$defs"]["Event"]["properties"]["kind"]
    assert kind["enum"] == ["act", "state"] and kind["default"] == "act"


def test_a_model_s_event_is_an_act_unless_its_verb_is_one_of_having() -> None:
    text = "Ryanair owns a 25 percent share in Aer Lingus. The board rejected the bid on Monday."

    def script(messages: list[dict[str, str]], model: type[BaseModel] | None) -> dict[str, Any]:
        if model is Overview:
            return {"summary": "The board rejected the bid."}
        assert model is WindowAnswer
        first = int(re.findall(r"^\[(\d+)\] ", messages[-1]["content"], re.M)[0])
        return {
            "claims": [],
            "events": [
                {"s": first, "actor": "Ryanair", "action": "owns a 25 percent share", "when": "", "where": None},
                {"s": first + 1, "actor": "board", "action": "rejected the bid", "when": "", "where": None},
            ],
        }

    result = summarise(text, backend=FakeBackend(script), settings=Settings(strategy="windows", cache=False))
    assert [(e.action, e.kind) for e in result.events] == [
        ("owns a 25 percent share", "state"),
        ("rejected the bid", "act"),
    ]
