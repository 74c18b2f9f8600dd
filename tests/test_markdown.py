"""The Markdown rendering: an event's words where the article tells it again are cited with it."""

from __future__ import annotations

from summarise.config import Settings
from summarise.pipeline import summarise
from summarise.render.markdown import render_markdown

PARSE = Settings(backend="fake", strategy="parse", cache=False)


def _event_lines(md: str) -> list[str]:
    events = md[md.index("## Events") : md.index("## Entities")]
    return [line for line in events.splitlines() if line.startswith("- ")]


def test_the_headline_s_word_for_an_event_is_cited_as_told_again() -> None:
    text = (
        "Acme buys Harbour Mills for $2 billion\n\nAcme Corp. bought Harbour Mills on Monday. "
        "Acme also opened a store in Lyon. Unions protested."
    )
    lines = _event_lines(render_markdown(summarise(text, published="2021-05-04", settings=PARSE)))
    bought = next(line for line in lines if "bought" in line)
    assert bought.endswith(" · told again: “buys” [5–9]")
    assert [line for line in lines if "told again" in line] == [bought]


def test_each_merged_mention_s_word_is_cited() -> None:
    text = (
        "Officials fear a meeting between Kim and Putin. Kim will meet Putin in Vladivostok. "
        "Kim held a meeting with Putin on Friday. Kim also visited a factory."
    )
    lines = _event_lines(render_markdown(summarise(text, published="2023-09-13", settings=PARSE)))
    meet, held = text.index("meet "), text.index("held")
    meeting = next(line for line in lines if "meeting" in line)
    assert meeting.endswith(f" · told again: “meet” [{meet}–{meet + 4}], “held a meeting” [{held}–{held + 14}]")


def test_a_time_the_present_tense_gives_says_so() -> None:
    text = "Acme opened a store in Lyon on Monday. The store sells bread."
    lines = _event_lines(render_markdown(summarise(text, published="2021-05-04", settings=PARSE)))
    assert any("opened a store" in line and "· on Monday (2021-05-03)" in line for line in lines)
    assert any("sells bread · present tense (2021-05-04)" in line for line in lines)


def test_a_statement_the_present_perfect_dates_still_says_what_it_states() -> None:
    text = "Airbus has confirmed that there was a glitch on the plane."
    lines = _event_lines(render_markdown(summarise(text, published="2010-01-25", settings=PARSE)))
    assert any("confirmed “there was a glitch on the plane” · has confirmed (2010-01-25)" in line for line in lines)


def test_a_noun_event_the_verb_s_line_already_says_is_not_listed_again() -> None:
    text = "Toyota sales dropped 32%, and Honda sales dropped 28%. Sales of trucks in Canada rose."
    summary = summarise(text, published="2009-06-03", settings=PARSE)
    triggers = sorted(e.trigger.text for e in summary.events if e.trigger is not None)
    assert triggers == ["Sales", "dropped", "dropped", "rose", "sales", "sales"]  # the noun events stay events
    assert _event_lines(render_markdown(summary)) == [
        "- **Toyota sales** dropped [0–54]",
        "- **Honda sales** dropped [0–54]",
        "- Sales of trucks in Canada [55–86]",  # names what "Sales rose" leaves out
        "- **Sales** rose [55–86]",
    ]


def test_two_doers_of_one_verb_are_two_lines_though_one_name_holds_the_other() -> None:
    text = "Paris and Paris Saint-Germain signed a deal."
    assert _event_lines(render_markdown(summarise(text, settings=PARSE))) == [
        "- **Paris** signed a deal [0–44]",
        "- **Paris Saint-Germain** signed a deal [0–44]",
    ]


def test_an_act_of_saying_shows_what_it_said() -> None:
    # the announcement is the event, what it announced the claim: the line tells both, clipped (the Claims
    # section has the whole statement)
    text = (
        "GM announced on Wednesday that it will offer buyouts to 22,000 employees "
        "in an effort to reduce its costs this year."
    )
    lines = _event_lines(render_markdown(summarise(text, published="2009-02-05", settings=PARSE)))
    said = "“it will offer buyouts to 22,000 employees in an effort to reduce its costs …”"
    assert f"- **GM** announced {said} · on Wednesday (2009-02-04) [0–{len(text)}]" in lines
