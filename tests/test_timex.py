"""The time tagger on hand-written sentences: each kind of expression, its extent, type and TimeML value; what it
must not tag; and events' times taken from the same tagger."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from summarise.schema import TimeMention
from summarise.timex import date_range, event_time, tag_times, time_phrases

WED = date(2023, 9, 6)  # seed 000: Wednesday 6 September 2023
FRI = date(2023, 9, 15)  # seed 002: Friday 15 September 2023
THU = date(1989, 10, 26)  # an earnings-season Thursday


def tags(text: str, published: date | None = WED) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_times(text, published)]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # weekdays: the last one on or before publication, the next one in a future clause
        ("The US warned North Korea late on Tuesday.", WED, ("Tuesday", "DATE", "2023-09-05")),
        ("The talks ended on Wednesday.", FRI, ("Wednesday", "DATE", "2023-09-13")),
        ("Kim will meet Putin on Friday.", WED, ("Friday", "DATE", "2023-09-08")),
        ("Wednesday's ruling stands.", FRI, ("Wednesday", "DATE", "2023-09-13")),
        ("But Thursday's ruling stands.", FRI, ("Thursday", "DATE", "2023-09-14")),  # "But" names nothing
        ("Two flights leave on Monday and Tuesday nights.", WED, ("Monday", "SET", "XXXX-WXX-1TNI")),
        (
            "She would bring aid to the victims of the Aug. 7 blasts.",
            date(1998, 8, 18),
            ("Aug. 7", "DATE", "1998-08-07"),
        ),
        ("In Sunday's debate he attacked.", WED, ("Sunday", "DATE", "2023-09-03")),
        ("They met last Wednesday.", WED, ("last Wednesday", "DATE", "2023-08-30")),
        (
            "It fell Friday, 4% below the previous Friday.",
            date(1989, 10, 30),
            ("the previous Friday", "DATE", "1989-10-20"),
        ),
        ("The vote is set for next Monday.", WED, ("next Monday", "DATE", "2023-09-11")),
        # days relative to publication
        ("Officials said so today.", FRI, ("today", "DATE", "2023-09-15")),
        ("Officials said so yesterday.", WED, ("yesterday", "DATE", "2023-09-05")),
        ("The rally is tomorrow.", WED, ("tomorrow", "DATE", "2023-09-07")),
        ("He left two days ago.", FRI, ("two days ago", "DATE", "2023-09-13")),
        # calendar dates
        ("Talks began on September 12.", FRI, ("September 12", "DATE", "2023-09-12")),
        ("The summit is on April 24 and 25.", date(1999, 2, 10), ("25", "DATE", "1999-04-25")),  # shares the month
        ("It opened on Aug. 7, 1998.", WED, ("Aug. 7, 1998", "DATE", "1998-08-07")),
        ("It opened on 7 August 1998.", WED, ("7 August 1998", "DATE", "1998-08-07")),
        ("The filing is dated 2023-08-30.", WED, ("2023-08-30", "DATE", "2023-08-30")),
        ("Sales fell in July 1997.", WED, ("July 1997", "DATE", "1997-07")),
        ("Prices rose in 2022 alone.", FRI, ("2022", "DATE", "2022")),
        ("Growth slowed in the 1990s.", WED, ("the 1990s", "DATE", "199")),
        ("Hate groups shrank through the nineties.", WED, ("the nineties", "DATE", "199")),
        ("It was the worst crash of the 20th century.", WED, ("the 20th century", "DATE", "19")),
        ("They restored an 11th century temple.", WED, ("11th century", "DATE", "10")),
        ("Rates rose in late June.", WED, ("late June", "DATE", "2023-06")),
        ("The ratification began in February this year.", WED, ("February this year", "DATE", "2023-02")),
        # weeks, months, quarters, seasons, years relative to publication
        ("Russia discussed the sale last week.", WED, ("last week", "DATE", "2023-W35")),
        ("Prices fell in the last week.", date(2013, 3, 22), ("the last week", "DATE", "2013-W11")),
        ("Kim could travel to Russia this month.", WED, ("this month", "DATE", "2023-09")),
        ("Profit doubled last year.", WED, ("last year", "DATE", "2022")),
        ("It happened earlier this year.", WED, ("earlier this year", "DATE", "2023")),
        ("Net rose in the third quarter.", THU, ("the third quarter", "DATE", "1989-Q3")),
        ("Third-quarter net rose.", THU, ("Third-quarter", "DATE", "1989-Q3")),
        ("Sales fell in the quarter.", THU, ("the quarter", "DATE", "1989-Q3")),
        ("It bodes ill for coming quarters.", THU, ("coming quarters", "DATE", "FUTURE_REF")),
        ("We don't minimise the challenges of the near term.", THU, ("the near term", "DATE", "FUTURE_REF")),
        ("It will raise the money at a later date.", THU, ("a later date", "DATE", "FUTURE_REF")),
        ("The economy will slow in the coming months.", THU, ("the coming months", "DATE", "FUTURE_REF")),
        ("In the second quarter ended Oct. 31, it lost $5.", THU, ("the second quarter", "DATE", "1988-Q2")),
        ("Islam will one day be the second religion.", WED, ("one day", "DATE", "FUTURE_REF")),  # some day
        ("He had been in the job one day.", WED, ("one day", "DURATION", "P1D")),
        ("In the quarter ended Oct. 31, it lost $5.", THU, ("Oct. 31", "DATE", "1988-10-31")),  # over: not ahead
        ("Earnings will fall for the fiscal year.", THU, ("the fiscal year", "DATE", "1989")),
        ("In the fiscal year ended Jan. 31, sales rose.", THU, ("the fiscal year", "DURATION", "P1Y")),
        ("It rose for eight trading days.", THU, ("eight trading days", "DURATION", "P8D")),
        ("Shares rose at mid-afternoon yesterday.", THU, ("mid-afternoon yesterday", "TIME", "1989-10-25TAF")),
        ("Net fell from the year-ago third quarter.", THU, ("the year-ago third quarter", "DATE", "1988-Q3")),
        ("For the quarter a year ago, net was $5.", THU, ("the quarter a year ago", "DATE", "1988-Q3")),
        (
            "Third-quarter net was $5, up from the corresponding period last year.",
            THU,
            ("the corresponding period last year", "DATE", "1988-Q3"),
        ),
        ("Net for the year-earlier nine months rose.", THU, ("the year-earlier nine months", "DURATION", "P9M")),
        ("The plant opens this summer.", WED, ("this summer", "DATE", "2023-SU")),
        ("Crowds gathered over the weekend.", date(2023, 9, 4), ("the weekend", "DATE", "2023-W35-WE")),
        # references to the present, past and future
        ("Prices are now falling.", WED, ("now", "DATE", "PRESENT_REF")),
        ("Prices have recently fallen.", WED, ("recently", "DATE", "PAST_REF")),
        ("Prices may fall in the future.", WED, ("the future", "DATE", "FUTURE_REF")),
        ("In the past it considered a bid.", WED, ("the past", "DATE", "PAST_REF")),
        # times of day
        ("The blast came at 10:35 a.m.", WED, ("10:35 a.m.", "TIME", "2023-09-06T10:35")),  # not "at"
        ("Polls close at 10 p.m. Wednesday.", date(2023, 9, 8), ("10 p.m. Wednesday", "TIME", "2023-09-06T22:00")),
        ("Leaders spoke this morning.", WED, ("this morning", "TIME", "2023-09-06TMO")),
        ("Troops moved Tuesday night.", WED, ("Tuesday night", "TIME", "2023-09-05TNI")),
        ("The take-off, at 08:30 UTC, was normal.", WED, ("08:30 UTC", "TIME", "2023-09-06T08:30")),  # a zone
        # a month or quarter of a year named relative to publication, and a quarter called financial
        ("It bought a stake in April of last year.", WED, ("April of last year", "DATE", "2022-04")),
        ("Makers reported their January sales.", WED, ("January", "DATE", "2023-01")),  # an owner's month
        ("In the first quarter of last year, it lost.", WED, ("the first quarter of last year", "DATE", "2022-Q1")),
        ("Sales rose in the current financial quarter.", WED, ("the current financial quarter", "DATE", "2023-Q3")),
        # durations
        ("The siege lasted two weeks.", WED, ("two weeks", "DURATION", "P2W")),
        ("Shares hit a five-year low.", WED, ("five-year", "DURATION", "P5Y")),
        ("It took a decade.", WED, ("a decade", "DURATION", "P10Y")),
        ("It lasted for decades.", WED, ("decades", "DURATION", "PXY")),
        ("Sales rose in the past two months.", WED, ("the past two months", "DURATION", "P2M")),
        ("Earnings for the first nine months rose.", WED, ("the first nine months", "DURATION", "P9M")),
        ("Talks went on for years.", WED, ("years", "DURATION", "PXY")),
        ("They waited 2 1/2 years.", WED, ("2 1/2 years", "DURATION", "P2Y6M")),
        ("The vote took three hours.", WED, ("three hours", "DURATION", "PT3H")),
        # sets
        ("The ferry runs daily.", WED, ("daily", "SET", "P1D")),
        ("Fees are paid each year.", WED, ("each year", "SET", "P1Y")),
        ("The club meets every Friday.", WED, ("every Friday", "SET", "XXXX-WXX-5")),
        # spelled-out years and holidays
        ("It was founded in nineteen ninety-six.", WED, ("nineteen ninety-six", "DATE", "1996")),
        ("Stores closed on Thanksgiving Day.", date(1999, 11, 26), ("Thanksgiving Day", "DATE", "1999-11-25")),
        ("Voters go out on Election Day.", date(2016, 9, 30), ("Election Day", "DATE", "2016-11-08")),
        ("The poll ran September 16-19.", date(2016, 9, 30), ("September 16-19", "DATE", "2016-09-16")),
        ("The form is dated 9/17/16.", date(2016, 9, 30), ("9/17/16", "DATE", "2016-09-17")),
        ("They rally this weekend.", date(2016, 9, 19), ("this weekend", "DATE", "2016-W38-WE")),
        ("Flights leave on Tuesday nights.", WED, ("Tuesday nights", "SET", "XXXX-WXX-2TNI")),
        # lengths with vague, large or extra counts
        ("The base is leased for at least 20 more years.", WED, ("at least 20 more years", "DURATION", "P20Y")),
        ("It has stood for almost a hundred years.", WED, ("almost a hundred years", "DURATION", "P100Y")),
        ("Over the next couple of years, sales will grow.", WED, ("the next couple of years", "DURATION", "P2Y")),
        # "the year": the report's year, unless a twelve-month period ending on a date
        ("For the year, volume was flat.", THU, ("the year", "DATE", "1989")),
        ("Revenue for the year ended March 31 rose.", THU, ("the year", "DURATION", "P1Y")),
        ("Sales for the full year will fall.", THU, ("the full year", "DATE", "1989")),
        ("He arrived later in the day.", WED, ("the day", "DATE", "2023-09-06")),
        # seasons, quarters and halves with their year
        ("Herbicide use rose in the summer.", THU, ("the summer", "DATE", "1989-SU")),
        ("The plant closed this past spring.", THU, ("this past spring", "DATE", "1989-SP")),
        ("Net rose in the 1988 second quarter.", THU, ("the 1988 second quarter", "DATE", "1988-Q2")),
        ("Earnings will fall in the last half of 1989.", THU, ("the last half of 1989", "DATE", "1989-H2")),
        # spelled years, with a month or season
        ("Unemployment will halve by the year two thousand says Kohl.", WED, ("the year two thousand", "DATE", "2000")),
        ("January nineteen ninety-seven. Atlanta again.", WED, ("January nineteen ninety-seven", "DATE", "1997-01")),
        # future clauses: "will be named" is no past form, nor is "succeed"
        (
            "Collins will be named commander for a mission in December.",
            date(1998, 3, 4),
            ("December", "DATE", "1998-12"),
        ),
        ("Mr. Schwarz will succeed Mr. Davison Feb. 1.", THU, ("Feb. 1", "DATE", "1990-02-01")),
        # the end of a year, the reporting period and the quarter last named
        ("The deal should close by year-end.", THU, ("year-end", "DATE", "1989")),
        ("Sales in the latest period rose.", THU, ("the latest period", "DATE", "1989-Q3")),
        ("In the 1988 period, net fell.", THU, ("the 1988 period", "DATE", "1988-QX")),
        ("A hearing is set for the week of March 6.", date(2000, 2, 24), ("the week of March 6", "DATE", "2000-W10")),
        # an abbreviated month with its day is one date, "last" or not
        ("He was shot last Oct. 23 at home.", date(1999, 4, 19), ("Oct. 23", "DATE", "1998-10-23")),
        # the month of publication is this year's, in a future clause too
        ("The offer is to expire in November.", date(1989, 11, 2), ("November", "DATE", "1989-11")),
        # a numbered quarter without its year: the last one begun, or the next in a future clause
        ("Profit fell in the fourth quarter.", date(1998, 1, 26), ("the fourth quarter", "DATE", "1997-Q4")),
        ("Profit will rise in the fourth quarter.", date(1998, 1, 26), ("the fourth quarter", "DATE", "1998-Q4")),
        # with no tense before it, the nearer of the two: the one about to begin, or the one just ended
        ("Ford cuts jobs in the fourth quarter.", date(2006, 8, 19), ("the fourth quarter", "DATE", "2006-Q4")),
        ("In the fourth quarter, profit fell.", date(1998, 1, 26), ("the fourth quarter", "DATE", "1997-Q4")),
        # lengths as adjectives in -long, a clock hour with its part of day, a year with pre-/post-
        ("They left their third day-long meeting.", WED, ("day-long", "DURATION", "P1D")),
        ("A two-week-long strike ended.", WED, ("two-week-long", "DURATION", "P2W")),
        ("He was taken at 4 in the morning.", WED, ("4 in the morning", "TIME", "2023-09-06T04:00")),
        ("The vote ends at 7 in the evening.", WED, ("7 in the evening", "TIME", "2023-09-06T19:00")),
        ("The vote ends at 4 in the afternoon.", WED, ("4 in the afternoon", "TIME", "2023-09-06T16:00")),
        ("The post-1959 politics split families.", WED, ("post-1959", "DATE", "1959")),
        # days, hours, minutes counted from an event: a length ("later" is TimeML's signal, not part of it)
        ("Three days later, he died.", WED, ("Three days", "DURATION", "P3D")),
        ("But a minute and a half later, a pilot called.", WED, ("a minute and a half", "DURATION", "PT1M30S")),
        ("Sales rose 5% from a year earlier.", WED, ("a year earlier", "DATE", "2022")),  # a reporting period
        # after a date and a comma, "the day" renames it and "before" is a signal; else the day before the last named
        ("Stocks fell on Oct. 12, the day before the plunge.", THU, ("the day", "DATE", "1989-10-12")),
        ("He died on Oct. 23. They met the day after his death.", THU, ("the day after", "DATE", "1989-10-24")),
        # Easter moves: the day by the Gregorian computus, its week the ISO week ending on it
        ("Protesters prayed as Easter week began.", date(2000, 4, 17), ("Easter week", "DATE", "2000-W16")),
        ("He will be home for Easter.", date(2024, 3, 1), ("Easter", "DATE", "2024-03-31")),
        ("They marched on Easter Sunday 1998.", WED, ("Easter Sunday 1998", "DATE", "1998-04-12")),
        ("In 1988 the venture grew.", WED, ("1988", "DATE", "1988")),  # after a function word: a year
        ("Around 1990, the venture grew.", WED, ("1990", "DATE", "1990")),  # opening a sentence: a year
        ("Sales rose in Sept 1998.", WED, ("Sept 1998", "DATE", "1998-09")),
        # "that same day": the day last named
        ("He left on Sept. 2. His page was closed that same day.", WED, ("that same day", "DATE", "2023-09-02")),
    ],
)
def test_each_kind_of_expression(sentence: str, published: date, expected: tuple[str, str, str]) -> None:
    assert expected in tags(sentence, published)


def test_anchored_on_the_last_named_time() -> None:
    """TimeML's reference time: "a year earlier" after a quarter is that quarter a year back; "the next day" after
    a date is the day after it."""
    found = tags("Net rose 5% in the third quarter from a year earlier.", THU)
    assert ("a year earlier", "DATE", "1988-Q3") in found
    found = tags("Talks opened on Aug. 3, 1998. The next day, they collapsed.", WED)
    assert ("The next day", "DATE", "1998-08-04") in found
    found = tags("He fled in June 1998 and returned later that year. The following year he left.", WED)
    assert ("later that year", "DATE", "1998") in found and ("The following year", "DATE", "1999") in found
    found = tags("Net fell in the third quarter. Last year's quarter was better.", THU)
    assert ("Last year's quarter", "DATE", "1988-Q3") in found
    found = tags("GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.", WED)
    assert ("the entire year", "DATE", "2005") in found  # the year just named, as "that year"


def test_later_and_earlier_count_from_the_last_named_date_but_ago_and_from_now_from_publication() -> None:
    published = date(2016, 9, 8)
    assert ("A year later", "DATE", "2016") in tags("The talks began in 2015. A year later, they ended.", published)
    assert ("two months from now", "DATE", "2016-11") in tags(
        "It began in May and ends two months from now.", published
    )
    # "the day" a clause defines is not the day in view
    assert tags("Kiribati buys land for the day that its land vanishes.", published) == [
        ("the day", "DATE", "XXXX-XX-XX")
    ]


def test_the_quarter_is_the_one_last_named() -> None:
    found = tags("Net fell in the second quarter ended June 30. In the quarter, sales rose; that quarter was odd.", THU)
    assert ("the quarter", "DATE", "1989-Q2") in found
    assert ("that quarter", "DATE", "1989-Q2") in found


def test_a_year_s_final_or_last_quarter_is_its_fourth() -> None:
    found = tags("For the final quarter of 2009, Ford made a profit. In the last quarter of 1988, it lost.", THU)
    assert ("the final quarter of 2009", "DATE", "2009-Q4") in found
    assert ("the last quarter of 1988", "DATE", "1988-Q4") in found
    assert ("last quarter", "DATE", "1989-Q3") in tags("Sales rose last quarter.", THU)  # no year: the one before


def test_the_following_month_counts_from_the_month_last_named() -> None:
    found = tags("Talks began in March. The following month, they collapsed.", THU)
    assert ("The following month", "DATE", "1989-04") in found


def test_a_wire_dateline_is_the_reference_date() -> None:
    """A story dated in its dateline the day before publication: its "today" and "Friday" are the dateline's."""
    text = "NATO grows\n\nWASHINGTON, March 12 (Xinhua) --\n\nPoland joined NATO today, officials said Friday."
    found = tags(text, date(1999, 3, 13))
    assert ("March 12", "DATE", "1999-03-12") in found
    assert ("today", "DATE", "1999-03-12") in found and ("Friday", "DATE", "1999-03-12") in found
    # a dateline far from publication is not the story's date: publication stays the reference
    assert ("today", "DATE", "1999-03-13") in tags(text.replace("March 12", "March 1"), date(1999, 3, 13))


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials say the rules May change.",  # "May" the verb
        "You may go now, she said May.",  # a name after a verb
        "Thousands joined the March on Washington.",  # "March" the protest
        "He ate at TGI Friday's before the match.",  # a name
        "The firm changed from a fiscal year to a calendar year.",  # kinds of year
        "Between 24 and 25 people came.",  # numbers with no date before them
        "Black Friday sales rose.",
        "A 40-year-old man was arrested.",  # an age, not a time
        "Shares rose 2,000 points to 1999.50.",  # numbers, not years
        "The score was 12:30 at the break.",  # a 24-hour clock needs its zone
        "The Security Council met.",
        "The Dallas Morning News said so.",  # a part of day inside a name
        "After the fall of the Berlin Wall, prices fell; the fall in prices went on.",  # "fall" not a season
        "The treaty was signed by Janos Martonyi and Jan Kavan.",  # "Jan" without its period: a name
        'Baker said on ABC\'s "This Week" that the embargo holds.',  # a quoted title
        "He told CBS's ``60 Minutes'' that he was innocent.",
        "The poster showed Gary Cooper in ``High Noon.'' For Poland, high noon has come.",  # a film, an idiom
        "Junk funds hold more than a quarter of the market.",  # a fraction
        "He told USA Today he would run. This is VOA Today.",  # a name
        "They set up a venture called Orion 1980 in Budapest.",  # a year in a name
        "Shares of Texas Eastern Corp. rose. He flew to Easter Island.",  # not Easter
    ],
)
def test_not_times(sentence: str) -> None:
    found = tags(sentence)
    names = ("may", "march", "friday", "40-year", "1999", "2,000", "morning", "the fall")
    assert not [t for t in found if t[0].casefold() in names], found


def test_a_quarter_of_something_is_a_fraction_with_a_comma_before_of_too() -> None:
    assert tags("Junk funds hold more than a quarter of the market.", WED) == []
    assert tags("Chrysler will shed 789, or about a quarter, of its 3,200 dealers.", WED) == []


def test_a_quotation_opening_with_a_time_is_still_a_time() -> None:
    assert tags('``Today, I am here,\'\' he said. "Two years later" was too late; "Jan. 6" was the date.', WED) == [
        ("Today", "DATE", "2023-09-06"),
        ("Two years later", "DATE", "2025"),
        ("Jan. 6", "DATE", "2023-01-06"),
    ]


def test_months_as_dates_with_a_preposition_or_a_day() -> None:
    assert ("May", "DATE", "2023-05") in tags("Talks stalled in May.")
    assert ("May 4", "DATE", "2023-05-04") in tags("Talks stalled on May 4.")
    assert ("March", "DATE", "2023-03") in tags("Prices have risen since March.")


def test_extent_excludes_prepositions_and_possessives_and_offsets_index_the_text() -> None:
    text = "On Monday, Friday’s meeting was set; since September 12 prices rose."
    found = tag_times(text, FRI)
    assert [t.text for t in found] == ["Monday", "Friday", "September 12"]
    assert all(text[t.start : t.end] == t.text for t in found)


def test_without_a_publication_date_values_stay_unknown() -> None:
    found = tags("He left on Tuesday and returns next week.", None)
    assert ("Tuesday", "DATE", "XXXX-WXX-2") in found
    assert all("20" not in value for _, _, value in found)


def test_relative_times_without_a_publication_date_are_unknown_dates() -> None:
    """Shifted from a date the text does not give: still a date (an event's time words), its value unknown."""
    assert tags("It began two years ago and ended later in the day.", None) == [
        ("two years ago", "DATE", "XXXX-XX-XX"),
        ("the day", "DATE", "XXXX-XX-XX"),
    ]
    assert tags("It passed Wal-Mart at the beginning of the year.", None) == [("the year", "DATE", "XXXX")]
    assert tags("It vowed to act in the year 2000.", WED) == [("2000", "DATE", "2000")]  # not "the year"'s
    assert [w for _, w in time_phrases("It began two years ago, a month later.")] == [
        "two years ago",
        "a month later",
    ]


def test_event_time_from_the_tagger() -> None:
    """The event's words keep its preposition or "since"; the value is the tagger's in the events' form."""
    sentence = "Prices have risen since September 12, and the US warned late on Tuesday."
    phrases = [words for _, words in time_phrases(sentence)]
    assert phrases == ["since September 12", "late on Tuesday"]
    assert [w for _, w in time_phrases("Polls close at 10 p.m. Wednesday.")] == ["at 10 p.m. Wednesday"]
    mentions = {m.text: m for m in tag_times(sentence, FRI)}
    since = event_time("since September 12", mentions["September 12"], FRI)
    assert (since.value, since.granularity) == ("2023-09-12/2023-09-15", "interval")
    week = event_time("last week", TimeMention(start=0, end=9, text="last week", type="DATE", value="2023-W35"), WED)
    assert (week.value, week.granularity) == ("2023-08-28/2023-09-03", "week")
    poll = tag_times("The poll ran September 16-19.", FRI)[0]
    assert event_time("September 16-19", poll, FRI).value == "2023-09-16/2023-09-19"
    # a length, a recurrence or "now" is not an event's time words
    assert [w for _, w in time_phrases("Now, after two weeks of talks held daily, they met on Monday.")] == [
        "on Monday"
    ]
    duration = TimeMention(start=0, end=9, text="two weeks", type="DURATION", value="P2W")
    assert event_time("for two weeks", duration, WED).value is None
    assert event_time("then", None, WED).value is None


def test_rules_run_near_their_words_and_find_what_a_full_scan_finds() -> None:
    """The speed-up (each rule runs only near its time words) must not change what the rules match."""
    from summarise.timex import _RULES, _candidates

    text = (
        "NAIROBI, Kenya (AP) _ Bombs exploded Friday, Aug. 7, 1998, at 10:35 a.m. Talks lasted the past two "
        "months; a year earlier, in the year-ago quarter, sales rose. The club meets every Friday, and since "
        "nineteen ninety-six prices have risen 2 1/2 years in a row. New Year's Day is Jan. 1. Now, in the 1990s."
    )
    full = {(m.start(), m.end(), i) for i, (p, _, _) in enumerate(_RULES) for m in p.finditer(text) if m.group()}
    assert {(c.start, c.end, c.rule) for c in _candidates(text)} == full


def test_pipeline_times_events_and_renderers_agree(tmp_path: Path) -> None:
    """One parse-strategy run: `times` is the tagger's, the event's value is the tagger's value for its words,
    and Markdown and the review page show the times."""
    from summarise.config import Settings
    from summarise.pipeline import summarise
    from summarise.render.html import render_summary_html
    from summarise.render.markdown import render_markdown

    text = "The United States warned North Korea late on Tuesday. Prices have risen since September 2."
    settings = Settings(backend="fake", strategy="parse", home=tmp_path, cache=False)
    result = summarise(text, published=WED, settings=settings)
    assert [(t.text, t.value) for t in result.times] == [("Tuesday", "2023-09-05"), ("September 2", "2023-09-02")]
    assert result.times == tag_times(text, WED)
    warned = next(e for e in result.events if "warned" in e.action)
    assert warned.time is not None and (warned.time.text, warned.time.value) == ("late on Tuesday", "2023-09-05")
    markdown = render_markdown(result)
    assert "## Times (2)" in markdown and "Tuesday · DATE `2023-09-05`" in markdown
    page = render_summary_html(result)
    assert "Times · 2" in page and "2023-09-02" in page


def _event_time(words: str, published: date | None, sentence: str | None = None) -> tuple[str | None, str]:
    """An event's time for its words, as the pipeline gives it: the tagger's mention inside the words."""
    sentence = sentence or words
    at = sentence.index(words)
    mention = next((m for m in tag_times(sentence, published) if at <= m.start and m.end <= at + len(words)), None)
    expr = event_time(words, mention, published)
    return expr.value, expr.granularity


@pytest.mark.parametrize(
    ("words", "published", "value", "granularity"),
    [
        ("on Wednesday", WED, "2023-09-06", "day"),
        ("late on Tuesday", WED, "2023-09-05", "day"),
        ("Late on Tuesday", WED, "2023-09-05", "day"),
        ("on Wednesday", FRI, "2023-09-13", "day"),
        ("Tuesday night", WED, "2023-09-05", "day"),
        ("last Wednesday", WED, "2023-08-30", "day"),
        ("next Monday", WED, "2023-09-11", "day"),
        ("at 10 a.m. on Tuesday", WED, "2023-09-05T10:00", "datetime"),
        ("tonight", FRI, "2023-09-15", "day"),
        ("yesterday morning", WED, "2023-09-05", "day"),
        ("the day before yesterday", FRI, "2023-09-13", "day"),
        ("tomorrow", WED, "2023-09-07", "day"),
        ("3 days ago", FRI, "2023-09-12", "day"),
        ("last week", WED, "2023-08-28/2023-09-03", "week"),
        ("earlier this week", FRI, "2023-09-11/2023-09-17", "week"),
        ("last weekend", WED, "2023-09-02/2023-09-03", "interval"),
        ("last month", date(2023, 1, 10), "2022-12", "month"),
        ("earlier this year", WED, "2023", "year"),
        ("in 2022 alone", FRI, "2022", "year"),
        ("since September 12", FRI, "2023-09-12/2023-09-15", "interval"),
        ("since September 20", FRI, "2022-09-20/2023-09-15", "interval"),  # "since": a time already begun
        ("since last week", FRI, "2023-09-04/2023-09-15", "interval"),
        ("since 2022", FRI, "2022-01-01/2023-09-15", "interval"),
        ("Sept. 12, 2023", FRI, "2023-09-12", "day"),
        ("12 September 2023", None, "2023-09-12", "day"),
        ("on 12th of September", FRI, "2023-09-12", "day"),
        ("December 28", date(2024, 1, 3), "2023-12-28", "day"),
        ("2023-09-12", None, "2023-09-12", "day"),
        ("mid-September", FRI, "2023-09", "month"),
        ("in November", FRI, "2023-11", "month"),  # nearer ahead, within three months
        ("in August", FRI, "2023-08", "month"),
        ("September 2022", None, "2022-09", "month"),
        ("in the first quarter of 2009", None, "2009-01-01/2009-03-31", "interval"),  # a quarter: its days
        ("the fourth quarter of 1988", None, "1988-10-01/1988-12-31", "interval"),
        ("in the second half of 1990", None, "1990-07-01/1990-12-31", "interval"),
        ("since the third quarter", FRI, "2023-07-01/2023-09-15", "interval"),
    ],
)
def test_events_times_from_their_words(words: str, published: date | None, value: str, granularity: str) -> None:
    assert _event_time(words, published) == (value, granularity)


@pytest.mark.parametrize(
    ("words", "published"),
    [
        ("hours later", WED),
        ("two days after the summit", FRI),
        ("recently", FRI),
        ("in the past", FRI),
        ("February 30", FRI),
        ("soon", FRI),
        ("since next week", FRI),  # "since" a time still to come: no interval
        # relative expressions need a publication date
        ("on Wednesday", None),
        ("today", None),
        ("last week", None),
        ("since September 12", None),
    ],
)
def test_events_times_never_invent_a_date(words: str, published: date | None) -> None:
    assert _event_time(words, published) == (None, "unknown")


def test_a_future_clause_points_weekdays_and_months_forward() -> None:
    assert _event_time("on Friday", WED, "Putin will meet Kim on Friday.") == ("2023-09-08", "day")
    assert _event_time("Friday", WED, "The summit is due to open Friday.") == ("2023-09-08", "day")
    assert _event_time("on Friday", WED, "Putin met Kim on Friday.") == ("2023-09-01", "day")
    assert _event_time("in January", FRI, "The vote will take place in January.") == ("2024-01", "month")
    june = date(2009, 6, 5)  # "should" speaks of the future, "should have" of the past
    assert _event_time("in October", june, "The sale should be completed in October.") == ("2009-10", "month")
    assert _event_time("in October", june, "The sale should have closed in October.") == ("2008-10", "month")
    # a future word after an expression does not move it
    assert _event_time("on Tuesday", WED, "Putin said on Tuesday that Kim will visit on Friday.") == (
        "2023-09-05",
        "day",
    )


def test_a_scheduled_present_points_a_weekday_forward() -> None:
    assert _event_time("on Friday", WED, "The trial begins on Friday.") == ("2023-09-08", "day")
    assert _event_time("Friday", WED, "The summit opens Friday.") == ("2023-09-08", "day")
    # a past cue nearer the weekday still wins, and a simple present of another verb does not look ahead
    assert _event_time("on Friday", WED, "The trial, which begins soon, was delayed on Friday.") == (
        "2023-09-01",
        "day",
    )
    assert _event_time("on Friday", WED, "Smith says he quit on Friday.") == ("2023-09-01", "day")


def test_this_weekend_in_a_past_sentence_is_the_one_just_gone() -> None:
    monday = date(2016, 9, 19)
    assert _event_time("this weekend", monday, "They rallied this weekend.") == (
        "2016-09-17/2016-09-18",
        "interval",
    )
    assert _event_time("this weekend", monday, "They will rally this weekend.") == (
        "2016-09-24/2016-09-25",
        "interval",
    )


def _range(sentence: str) -> str | None:
    times = tag_times(sentence, WED)
    found = date_range(sentence, times[0], times[1:]) if times else None
    return found.value if found else None


def test_a_range_of_two_dates_is_their_interval() -> None:
    assert _range("Sales rose from 2009 to 2011.") == "2009/2011"
    assert _range("Prices rose between 2014 and 2016.") == "2014/2016"
    assert _range("He led it from March 2009 until June 2011.") == "2009-03/2011-06"
    assert _range("Sales rose in 2009 and 2011.") is None  # two times, no range
    assert _range("It led from 2011 to 2009.") is None  # out of order
    assert _range("Sales rose from $5 in 2009 to $8 in 2011.") is None  # the range is of figures
