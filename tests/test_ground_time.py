"""resolve_time and find_time_expressions against the publication date; never a date the text lacks."""

from __future__ import annotations

from datetime import date

import pytest

from summarise.ground.time import find_time_expressions, resolve_time

WED = date(2023, 9, 6)  # seed 000
FRI = date(2023, 9, 15)  # seed 002


@pytest.mark.parametrize(
    ("text", "published", "value", "granularity"),
    [
        ("on Wednesday", WED, "2023-09-06", "day"),
        ("Wednesday", WED, "2023-09-06", "day"),
        ("late on Tuesday", WED, "2023-09-05", "day"),
        ("Late on Tuesday", WED, "2023-09-05", "day"),
        ("On Monday", WED, "2023-09-04", "day"),
        ("on Thursday", FRI, "2023-09-14", "day"),
        ("on Wednesday", FRI, "2023-09-13", "day"),
        ("Wednesday’s", FRI, "2023-09-13", "day"),
        ("Tuesday night", WED, "2023-09-05", "day"),
        ("on Saturday", WED, "2023-09-02", "day"),
        ("last Wednesday", WED, "2023-08-30", "day"),
        ("next Monday", WED, "2023-09-11", "day"),
        ("at 10 a.m. on Tuesday", WED, "2023-09-05", "day"),
        ("today", FRI, "2023-09-15", "day"),
        ("tonight", FRI, "2023-09-15", "day"),
        ("yesterday", WED, "2023-09-05", "day"),
        ("yesterday morning", WED, "2023-09-05", "day"),
        ("the day before yesterday", FRI, "2023-09-13", "day"),
        ("tomorrow", WED, "2023-09-07", "day"),
        ("two days ago", FRI, "2023-09-13", "day"),
        ("3 days ago", FRI, "2023-09-12", "day"),
        ("last week", WED, "2023-08-28/2023-09-03", "week"),
        ("this week", WED, "2023-09-04/2023-09-10", "week"),
        ("earlier this week", FRI, "2023-09-11/2023-09-17", "week"),
        ("last weekend", WED, "2023-09-02/2023-09-03", "interval"),
        ("this month", WED, "2023-09", "month"),
        ("next month", WED, "2023-10", "month"),
        ("last month", date(2023, 1, 10), "2022-12", "month"),
        ("earlier this year", WED, "2023", "year"),
        ("last year", WED, "2022", "year"),
        ("in 2022 alone", FRI, "2022", "year"),
        ("in 2022", FRI, "2022", "year"),
        ("since September 12", FRI, "2023-09-12/2023-09-15", "interval"),
        ("since last week", FRI, "2023-09-04/2023-09-15", "interval"),
        ("since 2022", FRI, "2022-01-01/2023-09-15", "interval"),
        ("September 12", FRI, "2023-09-12", "day"),
        ("Sept. 12, 2023", FRI, "2023-09-12", "day"),
        ("Sep 6", WED, "2023-09-06", "day"),
        ("12 September 2023", None, "2023-09-12", "day"),
        ("on 12th of September", FRI, "2023-09-12", "day"),
        ("December 28", date(2024, 1, 3), "2023-12-28", "day"),
        ("2023-09-12", None, "2023-09-12", "day"),
        ("September 16-19", date(2016, 9, 20), "2016-09-16/2016-09-19", "interval"),
        ("in September", FRI, "2023-09", "month"),
        ("mid-September", FRI, "2023-09", "month"),
        ("in November", FRI, "2023-11", "month"),
        ("on Nov. 8", date(2016, 9, 20), "2016-11-08", "day"),
        ("in January", FRI, "2023-01", "month"),
        ("in August", FRI, "2023-08", "month"),
        ("September 2022", None, "2022-09", "month"),
    ],
)
def test_resolves(text: str, published: date | None, value: str, granularity: str) -> None:
    expr = resolve_time(text, published)
    assert (expr.text, expr.value, expr.granularity) == (text, value, granularity)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("a month and a half ago", FRI),
        ("“a month and a half” ago", FRI),
        ("hours later", WED),
        ("two days after the summit", FRI),
        ("recently", FRI),
        ("in the past", FRI),
        ("the past week", FRI),
        ("February 30", FRI),
        ("soon", FRI),
        ("", FRI),
        # Relative expressions need a publication date.
        ("on Wednesday", None),
        ("today", None),
        ("last week", None),
        ("September 12", None),
        ("since September 12", None),
    ],
)
def test_unresolvable_gives_null_value(text: str, published: date | None) -> None:
    expr = resolve_time(text, published)
    assert expr.value is None and expr.granularity == "unknown"
    assert expr.text == text.strip()


def test_future_context_points_weekdays_and_months_forward() -> None:
    assert resolve_time("on Friday", WED, context="Putin will meet Kim on Friday.").value == "2023-09-08"
    assert resolve_time("Friday", WED, context="The summit is due to open Friday.").value == "2023-09-08"
    assert resolve_time("on Friday", WED, context="Putin met Kim on Friday.").value == "2023-09-01"
    assert resolve_time("in January", FRI, context="The vote will take place in January.").value == "2024-01"
    # Future words elsewhere in the sentence do not move an earlier expression.
    context = "Putin said on Tuesday that Kim will visit on Friday."
    assert resolve_time("on Tuesday", WED, context=context).value == "2023-09-05"


def test_since_a_future_date_is_unresolved() -> None:
    assert resolve_time("since September 20", FRI).value == "2022-09-20/2023-09-15"
    assert resolve_time("since next week", FRI).value is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Late on Tuesday, the US had warned North Korea.", ["Late on Tuesday"]),
        ("Kremlin on Tuesday refused to comment on the possible meeting.", ["on Tuesday"]),
        (
            "Washington had already claimed last week that talks went on this month.",
            ["last week", "this month"],
        ),
        (
            "On Thursday, Ukraine said North Korea began supplying weapons “a month and a half” ago, "
            "spending 10 million projectiles on the war in 2022 alone.",
            ["On Thursday", "“a month and a half” ago", "in 2022"],
        ),
        (
            "Kim has been visiting Russia since September 12, after meeting Putin on Wednesday.",
            ["since September 12", "on Wednesday"],
        ),
        ("Hours later, Sullivan said that Washington had information.", ["Hours later"]),
        ("The survey was conducted September 16-19, using a panel of 600 respondents.", ["September 16-19"]),
        ("During Wednesday’s meeting, Putin said he saw prospects.", ["Wednesday"]),
        ("The North Korean leader today visited two factories.", ["today"]),
        ("It may rain in May, said Mr. May on Sept. 26, 2016.", ["in May", "on Sept. 26, 2016"]),
        ("He bought 122mm shells and 2,000 rockets for $2022.", []),
        ("USA TODAY reported it on Monday.", ["on Monday"]),
        ("Prime Minister Fumio Kishida is willing to meet Kim Jong Un.", []),
    ],
)
def test_find_time_expressions(sentence: str, expected: list[str]) -> None:
    found = find_time_expressions(sentence)
    assert found == expected
    assert all(expression in sentence for expression in found)


def test_found_expressions_resolve() -> None:
    sentence = "Kim Jong Un has been visiting Russia since September 12, after meeting Putin on Wednesday."
    values = [resolve_time(e, FRI, context=sentence).value for e in find_time_expressions(sentence)]
    assert values == ["2023-09-12/2023-09-15", "2023-09-13"]
