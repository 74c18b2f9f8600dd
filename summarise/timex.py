"""The time tagger: every time expression in an article, with its exact span, TimeML type and normalised value.

Rules follow the TimeML (TIMEX3) annotation guidelines as TimeBank applies them, not any one corpus's examples:

- Extent: the expression with its modifiers and determiners ("the past two months", "late November", "earlier
  this year", "a year ago"), without the preposition before it ("on Friday" → "Friday") or a possessive 's.
- Type: DATE (a calendar period: day, week, month, quarter, season, year, decade, or PRESENT_REF, PAST_REF,
  FUTURE_REF for "now", "recently", "the future"), TIME (a time of day, or a part of a day), DURATION (a length:
  "two weeks", "a decade", "the first nine months"), SET (a recurrence: "daily", "each year", "every Friday").
- Value: ISO 8601 as TimeML writes it (``1998-08-07``, ``1998-W32``, ``1989-Q3``, ``1998-SU``, ``199`` for the
  1990s, ``19`` for the 20th century, ``1998-08-07TNI``, ``1998-08-07T15:00``, ``P2M``, ``PXY``, ``PT3H``),
  resolved against the publication date; a relative expression shifted from another time ("a year earlier", "the
  next day", "the year-ago quarter") is anchored on the last date the article named at that grain, as TimeML's
  reference time, else publication.
- Unknown parts stay unknown (``X``): nothing the text does not say is invented. Without a publication date,
  relative expressions keep their extent and type and get an underspecified value.

What is not tagged: a capitalised month or weekday that is a name or a verb ("May" the verb, "March" the
protest, "TGI Friday's"): a bare month needs a temporal preposition or modifier before it, or a day or year with
it; a weekday after another capitalised word is part of a name; a month's abbreviation without its period ("Jan
Kavan") is a name, as is a quotation opening with capitalised time words (ABC's "This Week"). Ages ("a
40-year-old") are not times.

Candidates from all rules are chosen leftmost-longest, so "late on Tuesday" gives "late on Tuesday" only when a
rule covers the whole and else "Tuesday". The whole article is tagged in one pass of compiled expressions.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from .lexicon import MONTHS as _MONTHS
from .lexicon import REPORTED_PAST
from .lexicon import WEEKDAYS as _WEEKDAYS
from .schema import TimeExpr, TimeMention, TimeType

# --- building blocks -------------------------------------------------------------------------------------------

_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_FINAL = {"final": 4}
"""A year's last quarter by name ("the final quarter of 2009"): its fourth, never the one before the present."""
_VAGUE = ("a few", "several", "few", "some", "many", "a number of")
_COUPLE = "a couple of"

_WORD_NUM = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_SMALL[1:10])}))?|{'|'.join(sorted(_SMALL, key=len, reverse=True))})"
)
_SPACED_VAGUE = "|".join(v.replace(" ", r"\s") for v in (_COUPLE, *_VAGUE))  # the patterns are verbose
_NUM = rf"""(?:(?:(?:\d+|{_WORD_NUM}|a)\s(?:hundred|thousand)(?:\s(?:and\s)?{_WORD_NUM})?)|\d+(?:\s1/2|\.\d+)?|
    {_WORD_NUM}|{_SPACED_VAGUE}|couple\sof|a|an)"""
_UNIT = r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|quarters?)"
_MONTH = "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True))
_MONTH_DOT = rf"(?-i:(?:{_MONTH}))(?:\.(?=\s))?"
_WEEKDAY = "|".join(w.capitalize() for w in _WEEKDAYS)
_PART = r"(?:morning|afternoon|evening|night)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_B = r"(?<![\w$.,-])"  # a word that does not continue a number or a word
_E = r"(?![\w%$-])"

_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
_SEASON_CODE = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_UNIT_CODE = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "hour": "H",
    "minute": "M",
    "second": "S",
    "quarter": "Q",
    "decade": "Y",  # written in years ("two decades" P20Y), so some decades are some years: PXY
    "century": "CE",
}
_TIME_UNITS = {"hour", "minute", "second"}
_BEFORE_MONTH = {
    "in", "since", "until", "till", "by", "from", "through", "during", "of", "before", "after", "to", "between",
    "and", "or", "for", "early", "late", "mid", "last", "next", "this", "that", "every", "each", "into",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[a-z0-9]{2,}[.!?][\"'”’]*\s+(?=[A-Z\"“`'])|\n")
_FUTURE = re.compile(
    r"\b(?:will|shall|should(?! have)|won't|'ll|would|going to|(?:is|are|was|were) (?:due|expected|set|slated|to)|"
    r"plans? to|(?:set|expected|slated) to|"
    r"planned|planning|scheduled|upcoming|effective|as (?:soon|early) as)\b"
)
_PAST = re.compile(
    r"\b(?:(?i:" + "|".join(REPORTED_PAST) + r"|was|were|had|did|ago|last)|"
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?!united\b)[a-z]{2,}[^e\W]ed)\b"
)
"""Past cues: a reporting verb, a past auxiliary, or a past form in -ed, but not a participle after "be" ("will be
named" is future), not a word in -eed ("succeed", "need", "proceed"), which is no past form, and not a name
("United", "Ted"): the -ed form is matched in lower case only."""


_SCHEDULED = re.compile(
    r"\b(?:begins|starts|opens|closes|ends|resumes|reopens|meets|convenes|votes|arrives|departs|returns|expires|"
    r"takes place|kicks off|gets under ?way|goes on trial)\b"
)
"""A scheduled present: the simple present of an act that is set for a day ("The trial begins on Wednesday", "the
summit opens Monday") speaks of one to come, as the future does; a bare weekday after one is the next."""


@dataclass
class _State:
    """What resolution needs besides the match: publication date, the text, and the last date named per grain."""

    published: date | None
    text: str
    last_day: date | None = None
    last_quarter: tuple[int, int] | None = None
    last_month: tuple[int, int] | None = None
    last_year: int | None = None
    spans: list[TimeMention] = field(default_factory=list)

    def ahead(self, start: int, end: int) -> bool:
        """Whether the expression's clause looks ahead: a future, or a scheduled present ("begins on Friday")."""
        return self.tense(start, end) in ("future", "scheduled")

    def tense(self, start: int, end: int) -> str:
        """The expression's clause's tense: the nearest tense cue before it in its sentence, a future one (will,
        would, is due to, plans to …), a past one (said, was, -ed) or a scheduled present ("begins": "scheduled");
        "any" without one. A possessive
        ("Wednesday's ruling") or a modifier after "the" ("the Aug. 7 blasts") dates a noun, not the clause:
        "any" there."""
        if self.text.startswith(("'s", "’s"), end) or _preceding_word(self.text, start) == "the":
            return "any"
        window = self.text[max(0, start - 100) : start]
        ends = list(_SENTENCE_END.finditer(window))
        if ends:
            window = window[ends[-1].end() :]
        window = window.replace("’", "'")
        future = [m.end() for m in _FUTURE.finditer(window.casefold())]
        past = [m.end() for m in _PAST.finditer(window)]
        scheduled = [m.end() for m in _SCHEDULED.finditer(window.casefold())]
        latest = max([*future, *past, *scheduled], default=None)
        if latest is None:
            return "any"
        if future and future[-1] == latest:
            return "future"
        return "past" if past and past[-1] == latest else "scheduled"

    @property
    def year(self) -> int | None:
        return self.published.year if self.published else None


Resolved = tuple[TimeType, str] | None
Rule = tuple[re.Pattern[str], Callable[[re.Match[str], _State], Resolved], str]
"""A pattern, its resolver, and the words (or a digit) every match of it holds: it runs only near them."""


# --- helpers ---------------------------------------------------------------------------------------------------


def _number(raw: str) -> float | None:
    """A count as written; None for vague ones ("several")."""
    word = raw.casefold().replace("-", " ")
    if word.endswith(" 1/2"):
        return float(word[:-4]) + 0.5
    if word in ("a", "an"):
        return 1
    if word in (_COUPLE, "couple of"):
        return 2
    scaled = re.fullmatch(r"(.+?) (hundred|thousand)(?: (?:and )?(.+))?", word)
    if scaled:  # "a hundred", "two thousand", "three hundred and fifty"
        head, rest = _number(scaled[1]), _number(scaled[3]) if scaled[3] else 0
        if head is None or rest is None:
            return None
        return head * (100 if scaled[2] == "hundred" else 1000) + rest
    if word in _VAGUE:
        return None
    try:
        return float(word)
    except ValueError:
        pass
    parts = word.split()
    total = 0
    for part in parts:
        if part in _TENS:
            total += _TENS[part]
        elif part in _SMALL:
            total += _SMALL.index(part)
        else:
            return None
    return total


def _unit(raw: str) -> str:
    word = raw.casefold()
    return "century" if word.startswith("centur") else word.rstrip("s")


def _duration(count: float | None, unit: str) -> str:
    code = _UNIT_CODE[unit]
    if count is None:
        amount = "X"
    else:
        if unit == "decade":
            count = count * 10
        elif unit == "century":
            count, code = count * 100, "Y"
        if not float(count).is_integer() and unit in ("year", "hour", "minute"):  # TimeML: P2Y6M, PT5H30M, PT1M30S
            minor = round((count % 1) * (12 if unit == "year" else 60))
            small = "S" if unit == "minute" else "M"
            return f"{'P' if unit == 'year' else 'PT'}{int(count)}{code}{minor}{small}"
        amount = str(int(count)) if float(count).is_integer() else str(count)
    return f"PT{amount}{code}" if unit in _TIME_UNITS else f"P{amount}{code}"


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + step
    return index // 12, index % 12 + 1


def _weekday_date(state: _State, name: str, mod: str | None, start: int, end: int) -> date | None:
    published = state.published
    if published is None:
        return None
    target = _WEEKDAYS.index(name.casefold())
    if mod in ("the previous", "the following"):  # from the day last named, TimeML's reference time
        base = state.last_day or published
        if mod == "the previous":
            return base - timedelta(days=(base.weekday() - target) % 7 or 7)
        return base + timedelta(days=(target - base.weekday()) % 7 or 7)
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if mod in ("last", "past"):
        return published - timedelta(days=back or 7)
    if mod in ("next", "coming"):
        return published + timedelta(days=ahead or 7)
    if mod == "this":
        return published + timedelta(days=target - published.weekday())
    return published + timedelta(days=ahead) if state.ahead(start, end) else published - timedelta(days=back)


def _year_of(state: _State, month: int, day: int, start: int, end: int) -> int | None:
    """The year of a month (and day) written without one: the last on or before publication (always after
    "since" or "ended"), or the next one when the sentence looks ahead (``_State.ahead``) or it is nearer and
    within about three months."""
    published = state.published
    if published is None:
        return None
    day = min(day, monthrange(published.year, month)[1])
    this = date(published.year, month, day)
    past = published.year if this <= published else published.year - 1
    ahead = published.year if this >= published else published.year + 1
    if _preceding_word(state.text, start) in ("since", "ended"):
        return past  # "since September 20": a time already begun; "the quarter ended Oct. 31": a time over
    if state.ahead(start, end):
        return ahead
    gap_ahead = (date(ahead, month, min(day, monthrange(ahead, month)[1])) - published).days
    gap_past = (published - date(past, month, min(day, monthrange(past, month)[1]))).days
    return ahead if gap_ahead < gap_past and gap_ahead <= 92 else past


def _day_value(state: _State, d: date, part: str | None = None) -> Resolved:
    state.last_day, state.last_year = d, d.year
    if part:
        return "TIME", f"{d.isoformat()}T{_PART_CODE[part.casefold()]}"
    return "DATE", d.isoformat()


def _month_value(state: _State, year: int, month: int) -> Resolved:
    state.last_month, state.last_year = (year, month), year
    return "DATE", f"{year:04d}-{month:02d}"


def _quarter_value(state: _State, year: int, quarter: int) -> Resolved:
    state.last_quarter, state.last_year = (year, quarter), year
    return "DATE", f"{year:04d}-Q{quarter}"


def _month_number(written: str) -> int:
    return _MONTHS[written.casefold().rstrip(".")]


def _preceding_word(text: str, start: int) -> str:
    match = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, start - 20) : start])
    return match.group(1).casefold() if match else ""


# --- rules -----------------------------------------------------------------------------------------------------


def _full_date(m: re.Match[str], state: _State) -> Resolved:
    """ "Aug. 7, 1998", "7 August 1998", "August 7" (year from context), "1998-08-07", "08/07/1998"."""
    if m["iso"]:
        year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
    elif m["slash"]:
        year, month, day = int(m["sy"]), int(m["sm"]), int(m["sd"])
        year += (2000 if year < 50 else 1900) if year < 100 else 0  # "9/17/16" is 2016
    else:
        month = _month_number(m["mon"] or m["mon2"])
        day = int(m["d"] or m["d2"])
        if not 1 <= day <= monthrange(2000, month)[1]:
            return None
        written = m["y"] or m["y2"]
        found = int(written) if written else _year_of(state, month, day, m.start(), m.end())
        if found is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}"
        year = found
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    if m["clock"]:
        return "TIME", f"{d.isoformat()}T{_clock(m['clock'])}"
    return _day_value(state, d)


def _clock(raw: str) -> str:
    """ "3 p.m." → 15:00, "10:35 a.m." → 10:35, "noon" → 12:00, "midnight" → 24:00."""
    word = raw.casefold()
    if re.search(r"\b(?:noon|midday)\b", word):  # not "4 in the afternoon"
        return "12:00"
    if "midnight" in word:
        return "24:00"
    match = re.match(r"(\d{1,2})(?:[:.](\d\d))?", word)
    if match is None:
        return "XX:XX"
    hour, minute = int(match[1]), int(match[2] or 0)
    if re.search(r"p|afternoon|evening", word[match.end() :]) and hour < 12:  # "4 in the afternoon" 16:00
        hour += 12
    if re.search(r"a\.?m", word) and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


_COORDINATED_DAY = re.compile(rf"(?P<mon>{_MONTH_DOT})\s\d{{1,2}}\s(?:and|or)\s$")


def _second_day(m: re.Match[str], state: _State) -> Resolved:
    """ "April 24 and 25": the second day number shares the month (and the year) of the date before it."""
    before = _COORDINATED_DAY.search(state.text, max(0, m.start() - 20), m.start())
    if before is None or state.last_day is None:
        return None
    written = _safe_date(state.last_day.year, _month_number(before["mon"]), int(m["d"]))
    return _day_value(state, written) if written else None


def _month_year(m: re.Match[str], state: _State) -> Resolved:
    month = _month_number(m["mon"])
    return _month_value(state, int(m["y"]), month)


def _month_context(text: str, start: int, end: int) -> bool:
    """A bare month is a date after a temporal preposition or modifier ("in May", "since March", "early June"),
    or as a modifier after "the" or an owner ("the October slaying", "their January sales"); not "the March on
    Washington", "May" the verb."""
    before = _preceding_word(text, start)
    if before in _BEFORE_MONTH:
        return True
    after = re.match(r"\s+([a-z]+)", text[end : end + 20])
    return before in _MODIFIED_AFTER and after is not None and after[1] not in _PREPOSITIONS


_MODIFIED_AFTER = {"the", "its", "their", "his", "her", "our"}


_PREPOSITIONS = {"on", "to", "in", "of", "for", "from", "at", "against", "by", "with", "through", "and", "or"}
_FULL_MONTHS = {"may", "june", "july"}  # the months whose names are no longer than their abbreviations


def _clipped_name(written: str) -> bool:
    """A month's abbreviation written without its period, alone ("Jan", "Dec"): a given name, not a month."""
    return not written.endswith(".") and len(written) <= 4 and written.casefold() not in _FULL_MONTHS


def _month_relative_year(m: re.Match[str], state: _State) -> Resolved:
    if state.published is None:
        return "DATE", f"XXXX-{_month_number(m['mon']):02d}"
    step = {"this": 0, "last": -1, "next": 1}[m["rel"].casefold()]
    return _month_value(state, state.published.year + step, _month_number(m["mon"]))


def _month_alone(m: re.Match[str], state: _State) -> Resolved:
    mod = (m["mod"] or "").casefold()
    if not mod and not _month_context(state.text, m.start(), m.end()):
        return None  # "May" the verb, "March" the protest, a name
    if not mod and _clipped_name(m["mon"]):
        return None  # "Jan Kavan": a month is shortened with its period ("Jan."), a name is not
    month = _month_number(m["mon"])
    if state.published is None:
        return "DATE", f"XXXX-{month:02d}"
    year = state.published.year
    if mod == "last":
        year = year if month < state.published.month else year - 1
    elif mod == "next":
        year = year if month > state.published.month else year + 1
    elif mod != "this":  # the month publication falls in is both the last begun and the next: this year's
        day = state.published.day if month == state.published.month else 1
        year = _year_of(state, month, day, m.start(), m.end()) or year
    return _month_value(state, year, month)


def _year(m: re.Match[str], state: _State) -> Resolved:
    if m["decade"]:  # TimeML writes a decade as its first three digits: "the 1990s" is 199
        return "DATE", m["decade"][:3]
    if m["short"]:
        century = "19" if int(m["short"]) > 30 else "20"
        return "DATE", f"{century}{m['short'][0]}"
    if _year_in_name(state.text, m.start()):
        return None
    state.last_year = int(m["y"])
    return "DATE", m["y"]


_CAPITALISED_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+) $")


def _year_in_name(text: str, start: int) -> bool:
    """ "called Orion 1980", "at Expo 2000": a year right after a capitalised word inside a sentence that is no
    month, season or function word ("in Sept 1998", "the Summer 1998 issue"; "Around 1990," opens a sentence)
    names a thing, not a time."""
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    if before is None or _SENTENCE_OPENS.search(text, max(0, before.start() - 5), before.start()):
        return False
    word = before[1]
    return not (
        word.casefold() in _MONTHS or re.fullmatch(_SEASON, word.casefold()) or _FUNCTION_WORD.match(word + " ")
    )


_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;\"“”`'(\n])\s*$")


_SPELLED_ORDINAL = (
    r"(?:twenty[\s-])?(?:eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth)"
)


def _ordinal(word: str) -> int | None:
    """ "20th" → 20, "nineteenth" → 19, "twenty-first" → 21."""
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits[0])
    words = word.casefold().replace("-", " ").split()
    tens = 20 if len(words) == 2 else 0
    last = {"first": "one", "twelfth": "twelve", "twentieth": "twenty"}.get(words[-1], words[-1].removesuffix("th"))
    number = _number(last)
    return None if number is None else tens + int(number)


def _century_or_decade(m: re.Match[str], _: _State) -> Resolved:
    """ "the 20th century" → 19 (TimeML writes a century as its first two digits), "the nineties" → 199."""
    if m["tens"]:
        return "DATE", f"19{_TENS[m['tens'].casefold().removesuffix('ies') + 'y'] // 10}"
    nth = _ordinal(m["nth"])
    return ("DATE", f"{nth - 1:02d}") if nth and 1 <= nth <= 30 else None


def _spelled_year(m: re.Match[str], state: _State) -> Resolved:
    """ "nineteen ninety-six" → 1996, "the year two thousand" → 2000, "two thousand and one" → 2001; with a month
    or season before it ("January nineteen ninety-seven", "the winter of nineteen ninety-four"), that period."""
    if m["century"]:
        rest = _number(m["rest"])
        if rest is None or not 10 <= rest <= 99:
            return None
        year = 1900 + int(rest)
    else:
        rest = _number(m["after"]) if m["after"] else 0
        if rest is None or rest > 99:
            return None
        year = 2000 + int(rest)
    if m["mon"]:
        return _month_value(state, year, _month_number(m["mon"]))
    if m["season"]:
        return "DATE", f"{year:04d}-{_SEASON_CODE[m['season'].casefold()]}"
    state.last_year = year
    return "DATE", f"{year:04d}"


def _weekday(m: re.Match[str], state: _State) -> Resolved:
    if _weekday_is_name(state.text, m.start(), m.end()):
        return None
    shared = _SHARED_PLURAL.match(state.text, m.end())  # "Monday and Tuesday nights": Monday nights too
    if m["every"] or m["plural"] or m["parts"] or (shared and not m["part"] and not m["clock"] and not m["mon"]):
        # "every Friday", "on Tuesdays", "Tuesday nights": a recurrence
        part = m["part"] or (shared["part"] if shared else None)
        suffix = f"T{_PART_CODE[part.casefold()]}" if part else ""
        return "SET", f"XXXX-WXX-{_WEEKDAYS.index(m['wd'].casefold()) + 1}{suffix}"
    if m["mon"]:  # "Friday, Oct. 23": the date written
        month, day = _month_number(m["mon"]), int(m["d"])
        year = int(m["y"]) if m["y"] else _year_of(state, month, min(day, 28), m.start(), m.end())
        written = _safe_date(year, month, day) if year else None
        return _day_value(state, written) if written else ("DATE", f"XXXX-{month:02d}-{day:02d}")
    d = _weekday_date(state, m["wd"], " ".join((m["mod"] or "").casefold().split()) or None, m.start(), m.end())
    if d is None:
        return "DATE", f"XXXX-WXX-{_WEEKDAYS.index(m['wd'].casefold()) + 1}"
    if m["clock"]:
        state.last_day = d
        return "TIME", f"{d.isoformat()}T{_clock(m['clock'])}"
    return _day_value(state, d, m["part"])


_SHARED_PLURAL = re.compile(rf"\s+(?:and|or)\s+(?-i:{_WEEKDAY})(?:s|\s(?P<part>{_PART})s)(?![\w-])", re.IGNORECASE)
_NAME_BEFORE_WEEKDAY = re.compile(r"(?:Good|Black|Cyber|Man|Girl|Casual|TGI|T\.G\.I\.)\s+$")


def _weekday_is_name(text: str, start: int, end: int) -> bool:
    """ "TGI Friday's", "Black Friday", "Good Friday", "Man Friday": a name, not a date. A weekday after another
    capitalised word ("Kenya Friday") is a date; with a possessive after it ("Ruby Friday's") it is a name."""
    before = text[max(0, start - 30) : start]
    if _NAME_BEFORE_WEEKDAY.search(before):
        return True
    capitalised = re.search(r"[A-Z][\w&'.-]*\s+$", before)
    possessive = text.startswith(("'s", "’s"), end)
    if capitalised is None or not possessive:
        return False
    word = capitalised.group().rstrip()
    # "… Martin Luther King. Monday's email": a word ending a sentence, not initials ("T.G.I."), names nothing here
    ends_sentence = word.endswith(".") and "." not in word[:-1]
    return not ends_sentence and not _FUNCTION_WORD.match(before[capitalised.start() :])


_FUNCTION_WORD = re.compile(
    r"(?:On|In|At|By|For|From|Since|Until|After|Before|During|Through|Of|And|But|Or|So|Also|Then|The|That|This|"
    r"Last|Next|Late|Early)\s"
)
"""Capitalised words that open a sentence without naming anything ("But Thursday's decision", "In Sunday's
debate"): a weekday after one is a date, not the end of a name."""


_NAME_BEFORE = re.compile(r"[A-Z][\w&'’-]* $")


def _deictic_day(m: re.Match[str], state: _State) -> Resolved:
    if m["day"] == "Today" and _NAME_BEFORE.search(state.text, max(0, m.start() - 30), m.start()):
        return None  # "USA Today", "VOA Today": a capital after a capitalised word inside a sentence is a name
    word = " ".join(m["day"].casefold().split())
    if state.published is None:
        return "DATE", "XXXX-XX-XX"
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1}
    if word.startswith("the day before yesterday"):
        d = state.published - timedelta(days=2)
    elif word.startswith("this"):
        d = state.published
        return _day_value(state, d, word.split()[-1])
    else:
        d = state.published + timedelta(days=offset.get(word.split()[0] if word != "last night" else word, 0))
    part = m["part"] or ("night" if word in ("tonight", "last night") else None)
    return _day_value(state, d, part)


def _reference(m: re.Match[str], _: _State) -> Resolved:
    word = " ".join(m.group(0).casefold().split())
    if word in ("now", "currently", "current", "right now", "at present", "the present", "nowadays", "these days",
                "present", "today's", "at the moment"):  # fmt: skip
        return "DATE", "PRESENT_REF"
    if any(key in word for key in ("future", "coming", "ahead", "term", "later")):  # "the near term", "a later date"
        return "DATE", "FUTURE_REF"
    return "DATE", "PAST_REF"


def _weekend_of(state: _State, mod: str, start: int) -> date:
    """A day in the weekend meant: "this weekend" is the one of this week, as "this week" is, unless the sentence
    tells of the past ("closed the plant this weekend" on a Monday: the one just gone); "the weekend" the last one
    begun by publication (the next one when the sentence speaks of the future); "last weekend" the one before that
    unless publication falls on one."""
    assert state.published is not None
    published = state.published
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    if mod == "this":
        if published.weekday() < 5 and state.tense(start, start) == "past":
            return saturday
        return published + timedelta(days=5 - published.weekday())
    if mod in ("next", "coming") or ((not mod and state.ahead(start, start)) and published.weekday() < 5):
        return saturday + timedelta(days=7)
    if mod in ("last", "past", "previous") and published.weekday() >= 5:
        return saturday - timedelta(days=7)
    return saturday


def _relative_period(m: re.Match[str], state: _State) -> Resolved:
    """ "last week", "this year", "earlier this month", "next spring", "the weekend", "the current quarter"."""
    mod = (m["mod"] or "").casefold()
    unit = m["unit"].casefold()
    published = state.published
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(mod, 0)
    if published is None:
        return "DATE", "XXXX"
    if unit == "weekend":
        return "DATE", f"{_week(_weekend_of(state, mod, m.start()))}-WE"
    if unit == "week":
        return "DATE", _week(published + timedelta(weeks=step))
    if unit == "month":
        return _month_value(state, *_add_months(published.year, published.month, step))
    if unit == "quarter":
        q = (published.month - 1) // 3 + step
        year = published.year + (q // 4)
        return _quarter_value(state, year, q % 4 + 1)
    if unit in _SEASON_CODE:
        code = _SEASON_CODE[unit]
        year = published.year + step
        season_start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        if step < 0:  # "last summer", "this past spring": the last one over by publication
            year = published.year - (season_start + 2 >= published.month)
        elif mod == "next" and season_start > published.month:
            year = published.year
        return "DATE", f"{year:04d}-{code}"
    return "DATE", f"{published.year + step:04d}"


_SEASON_AFTER = {"in", "during", "since", "until", "till", "by", "through", "throughout", "over", "before", "after",
                 "early", "late", "mid", "the", "this"}  # fmt: skip


def _season(m: re.Match[str], state: _State) -> Resolved:
    """ "in the summer", "the early summer", "summer of 1994": the season of the year written, else the last one
    begun by publication (the next one when the sentence speaks of the future). Only after a temporal preposition
    or "the", and not "the fall of Rome" or "the fall in prices": a season is a date only where it dates."""
    code = _SEASON_CODE[m["season"].casefold()]
    if m["y"]:
        return "DATE", f"{m['y']}-{code}"
    if _preceding_word(state.text, m.start("season")) not in _SEASON_AFTER or state.text.startswith(
        (" of", " in"), m.end()
    ):
        return None
    published = state.published
    if published is None:
        return "DATE", f"XXXX-{code}"
    begun = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code] <= published.month
    year = published.year - (not begun)
    if state.ahead(m.start(), m.end()) and begun:
        year += 1
    return "DATE", f"{year:04d}-{code}"


def _quarter(m: re.Match[str], state: _State) -> Resolved:
    """ "the third quarter", "third-quarter", "the fourth quarter of 1988", "the latest quarter", "the quarter"."""
    which = (m["nth"] or "").casefold()
    written = m["y"] or m["y0"]
    if m.group(0).casefold() == "quarter" and _FRACTION.match(state.text, m.end()):
        return None  # "more than a quarter of the market": a fraction
    year = int(written) if written else None
    relative = m["rel"] or m["rel_of"]  # "last year's fourth quarter", "the first quarter of last year"
    if year is None and relative and state.published is not None:
        year = state.published.year + {"this": 0, "last": -1, "next": 1}[relative.casefold()]
    if year is not None and (m["mod"] or "").casefold() == "last" and m["y"]:
        which = "final"  # "the last quarter of 2009": that year's last, as "the final quarter of 2009"
    if which:
        quarter = _ORDINALS.get(which) or _FINAL[which]
        if year is None:
            if state.published is None:
                return "DATE", f"XXXX-Q{quarter}"
            year = _ended_year(state, m.end()) or _quarter_year(state, quarter, m.start(), m.end())
        return _quarter_value(state, year, quarter)
    if year is not None:  # "last year's quarter": the quarter last named, in that year
        return "DATE", f"{year:04d}-Q{state.last_quarter[1]}" if state.last_quarter else f"{year:04d}-QX"
    if state.published is None:
        return "DATE", "XXXX-QX"
    current = (state.published.month - 1) // 3 + 1
    if (m["mod"] or "").casefold() == "current":
        return _quarter_value(state, state.published.year, current)
    if state.last_quarter is not None and (m["mod"] or "").casefold() in ("", "same"):
        named_year, named = state.last_quarter  # "the quarter", "the same quarter": the one last named
        return "DATE", f"{named_year:04d}-Q{named}"
    # "the quarter", "the latest quarter" in a news report: the last one that has ended
    return _quarter_value(state, *_last_ended_quarter(state.published))


_FRACTION = re.compile(r",?\s+of\s+(?!(?:fiscal\s)?(?:19|20)\d\d\b)")


def _last_ended_quarter(published: date) -> tuple[int, int]:
    current = (published.month - 1) // 3 + 1
    return (published.year, current - 1) if current > 1 else (published.year - 1, 4)


def _week_of(m: re.Match[str], state: _State) -> Resolved:
    """ "the week of March 6": the ISO week holding that day."""
    month, day = _month_number(m["mon"]), int(m["d"])
    year = int(m["y"]) if m["y"] else _year_of(state, month, day, m.start(), m.end())
    found = _safe_date(year, month, day) if year else None
    return ("DATE", _week(found)) if found else ("DATE", "XXXX-WXX")


def _year_end(m: re.Match[str], state: _State) -> Resolved:
    """ "by year-end", "year's end": TimeML dates the end of a year by the year itself; after "since", the last
    year-end passed, the previous year's."""
    if state.published is None:
        return "DATE", "XXXX"
    back = 1 if _preceding_word(state.text, m.start()) == "since" else 0
    return "DATE", f"{state.published.year - back:04d}"


_ENDED = re.compile(rf"\s+ended\s+(?P<mon>{_MONTH_DOT})\s(?P<d>\d{{1,2}})(?!\d)")


def _ended_year(state: _State, end: int) -> int | None:
    """The year of a period's end written after it ("the second quarter ended Oct. 31"): the last such day on or
    before publication (the period is over), which names the period's year; None without one."""
    written = _ENDED.match(state.text, end)
    if written is None or state.published is None:
        return None
    month, day = _month_number(written["mon"]), int(written["d"])
    if not 1 <= day <= monthrange(2000, month)[1]:
        return None
    last = date(state.published.year, month, min(day, monthrange(state.published.year, month)[1]))
    return state.published.year - (last > state.published)


def _quarter_year(state: _State, quarter: int, start: int, end: int) -> int:
    """The year of "the fourth quarter" written without one: the last such quarter begun by publication (a report
    in January speaks of the fourth quarter just ended), or the next one not yet over when the sentence speaks of
    the future. With no tense before it to say which, the nearer of the two: in August "the fourth quarter" is
    the one about to begin, not the one that ended eight months before; in February, the one just ended."""
    assert state.published is not None
    year, current = state.published.year, (state.published.month - 1) // 3 + 1
    if quarter <= current or state.ahead(start, end):
        return year
    if state.tense(start, end) == "any" and _coming_nearer(state.published, quarter):
        return year
    return year - 1


def _coming_nearer(published: date, quarter: int) -> bool:
    """Whether this year's quarter (not yet begun at ``published``) begins sooner than last year's ended."""
    begins = date(published.year, 3 * quarter - 2, 1)
    ended = date(published.year - 1, 3 * quarter, monthrange(published.year - 1, 3 * quarter)[1])
    return (begins - published).days < (published - ended).days


def _half(m: re.Match[str], state: _State) -> Resolved:
    half = 1 if m["nth"].casefold() == "first" else 2
    year = int(m["y"]) if m["y"] else state.year
    return "DATE", f"{year:04d}-H{half}" if year else f"XXXX-H{half}"


_EVENT_UNITS = {"day", "week", "hour", "minute", "second"}
"""Lengths a story counts from one of its events ("three days later", "an hour earlier"), unlike the reporting
periods it compares ("a year earlier", "a quarter earlier": the year-ago period, a date)."""


def _ago(m: re.Match[str], state: _State) -> Resolved:
    """ "two years ago", "a year earlier", "a month later", "three days ago": shifted from publication ("ago") or
    from the last date named at that grain ("earlier", "later"), else publication."""
    count = _number(m["n"])
    unit = _unit(m["unit"])
    if m["dir"].casefold() in ("later", "earlier") and unit in _EVENT_UNITS:
        return None  # "three days later": a length from an event, TimeML's DURATION ("later" its signal)
    sign = 1 if m["dir"].casefold() in ("later", "after", "from now", "hence") else -1
    anchored = m["dir"].casefold() in ("earlier", "later", "before", "after")  # not "ago", "from now", "hence"
    if unit == "year" and state.last_quarter is not None and count == 1 and state.published is not None:
        year, quarter = state.last_quarter
        return "DATE", f"{year + sign:04d}-Q{quarter}"
    published = state.published
    if count is None or not float(count).is_integer():
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if published is None:  # a date shifted from one the text does not give: unknown, but a date
        return ("TIME", "XXXX-XX-XXTXX:XX") if unit in _TIME_UNITS else ("DATE", "XXXX-XX-XX")
    n = int(count) * sign
    if unit == "year":
        year = state.last_year if anchored and state.last_year else published.year
        return "DATE", f"{year + n:04d}"
    if unit == "month":
        month = state.last_month if anchored and state.last_month else (published.year, published.month)
        return _month_value(state, *_add_months(*month, n))
    if unit == "week":
        return "DATE", _week(published + timedelta(weeks=n))
    if unit == "day":
        day = state.last_day if anchored and state.last_day else published
        return _day_value(state, day + timedelta(days=n))
    if unit == "decade":
        return "DATE", f"{(published.year + 10 * n) // 10}X"
    if unit == "quarter":
        index = published.year * 4 + (published.month - 1) // 3 + n
        return _quarter_value(state, index // 4, index % 4 + 1)
    return "TIME", "PAST_REF" if sign < 0 else "FUTURE_REF"


def _year_ago_adj(m: re.Match[str], state: _State) -> Resolved:
    """ "year-earlier", "the year-ago quarter", "the quarter a year ago", "the corresponding period last year": the
    last named quarter (or publication year) a year back; "the year-ago third quarter" that quarter a year back;
    "the year-earlier nine months" the length it names (TimeML values the length, not where it lies)."""
    if m["months"]:
        return "DURATION", _duration(_number(m["months"]), "month")
    if m["nth"] and state.published is not None:
        quarter = _ORDINALS[m["nth"].casefold()]
        return "DATE", f"{_quarter_year(state, quarter, m.start(), m.end()) - 1:04d}-Q{quarter}"
    if state.last_quarter is not None:
        year, quarter = state.last_quarter
        return "DATE", f"{year - 1:04d}-Q{quarter}"
    if state.published is None:
        return "DATE", "XXXX"
    if "quarter" in m.group(0).casefold():  # no quarter named: the last one ended, as "the quarter" is
        year, quarter = _last_ended_quarter(state.published)
        return "DATE", f"{year - 1:04d}-Q{quarter}"
    return "DATE", f"{state.published.year - 1:04d}"


_AFTER_A_DATE = re.compile(rf"(?:(?<![\d,.])\d{{1,2}}(?:,\s(?:19|20)\d\d)?|(?-i:{_WEEKDAY})),\s$")
"""A day named just before, then a comma: what follows renames it ("Oct. 12, the day before the plunge")."""


def _renames_a_date(text: str, start: int, end: int) -> bool:
    """A day and a comma before, words after (not the end of the clause): an apposition, not a shift."""
    return bool(_AFTER_A_DATE.search(text, max(0, start - 20), start)) and not re.match(
        r"\s*(?:[.,;:!?\"”]|$)", text[end:]
    )


def _next_day(m: re.Match[str], state: _State) -> Resolved:
    """ "the next day", "the day before", "the following week": from the last day named, else publication;
    "that year", "the following year": from the last year named (a day, month, quarter or year), else publication."""
    base = state.last_day or state.published
    word = " ".join(m.group(0).casefold().split())
    if word.startswith("the day ") and _renames_a_date(state.text, m.start(), m.end()):
        return None  # "Oct. 12, the day before the plunge": "the day" renames Oct. 12; "before" is a signal
    if base is None:
        return "DATE", "XXXX-XX-XX"
    if word.endswith("month"):  # "the following month", "that month": from the month last named
        year, month = state.last_month or (base.year, base.month)
        step = 1 if "following" in word else -1 if "previous" in word else 0
        return _month_value(state, *_add_months(year, month, step))
    if word.endswith("year"):
        year = state.last_year or base.year
        year += 1 if "following" in word else -1 if "previous" in word else 0
        return "DATE", f"{year:04d}"
    if "that" in word or "same" in word:
        return _day_value(state, base)
    sign = -1 if ("before" in word or "previous" in word) else 1
    if "week" in word:
        return "DATE", _week(base + timedelta(weeks=sign))
    return _day_value(state, base + timedelta(days=sign))


def _duration_rule(m: re.Match[str], state: _State) -> Resolved:
    unit = _unit(m["unit"])
    if not m["n"] and not m["unit"].casefold().endswith(("s", "ies")) and not m["det"] and not m["long"]:
        return None  # "day" in "Thanksgiving Day", "year" as a noun: not a length of time
    written = " ".join(m.group(0).casefold().split())
    if m["fiscal"] and written != "the fiscal year":
        return None  # "a fiscal year" is a kind of year, not a time
    if written == "the year" and re.match(r"\s+(?:19|20)\d\d\b", state.text[m.end() :]):
        return None  # "in the year 2000": the number is the date
    if written in ("the year", "the fiscal year") and not re.match(r"\s+(?:end|to\b)", state.text[m.end() :]):
        # "for the year", "earlier in the year": the year the report is in, a date (unknown without publication);
        # "the year ended June 30" is a twelve-month period, a length
        return "DATE", f"{state.published.year:04d}" if state.published else "XXXX"
    if written == "one day" and _preceding_word(state.text, m.start()) in _BEFORE_SOMEDAY:
        return "DATE", "FUTURE_REF"  # "will one day be": some day to come, not a length
    if written == "the day":  # "later in the day": the day last named, a date
        in_view = state.last_day or state.published
        if in_view is None or _DEFINED_BY_CLAUSE.match(state.text, m.end()):
            return "DATE", "XXXX-XX-XX"  # "the day that its land vanishes": the clause's day, unknown
        return "DATE", in_view.isoformat()
    count = _number(m["n"]) if m["n"] else (None if m["unit"].casefold().endswith("s") else 1)
    if m["half"]:
        count = (count or 0) + 0.5 if count is not None else None
    value = _duration(count, unit)
    return "DURATION", value


_DEFINED_BY_CLAUSE = re.compile(r"\s+(?:that|when|on\swhich)\b")

_BEFORE_SOMEDAY = {"will", "would", "could", "may", "might", "can", "shall", "should", "must", "i", "you", "he", "she",
                   "we", "they"}  # fmt: skip


def _set(m: re.Match[str], _: _State) -> Resolved:
    word = " ".join(m.group(0).casefold().split())
    for key, value in (
        ("hour", "PT1H"),
        ("dai", "P1D"),
        ("day", "P1D"),
        ("night", "P1D"),
        ("week", "P1W"),
        ("month", "P1M"),
        ("quarter", "P1Q"),
        ("annual", "P1Y"),
        ("year", "P1Y"),
    ):
        if key in word:
            return "SET", value
    season = next((c for s, c in _SEASON_CODE.items() if s in word), None)
    if season:
        return "SET", f"XXXX-{season}"
    month = next((n for s, n in _MONTHS.items() if re.search(rf"\b{s}\b", word)), None)
    if month:
        return "SET", f"XXXX-{month:02d}"
    return None


def _clock_time(m: re.Match[str], state: _State) -> Resolved:
    """ "3 p.m.", "10 p.m. Wednesday", "5 p.m. EST Nov. 9": the day written with it, else the day the article last
    named (its reference time), else publication."""
    base: date | None = state.last_day or state.published
    if m["wd"]:
        base = _weekday_date(state, m["wd"], None, m.start(), m.end())
    elif m["mon"]:
        month, day = _month_number(m["mon"]), int(m["d"])
        if not 1 <= day <= monthrange(2000, month)[1]:
            return None
        year = _year_of(state, month, day, m.start(), m.end())
        base = _safe_date(year, month, day) if year else None
    if base is None:
        return "TIME", f"XXXX-XX-XXT{_clock(m['clock'])}"
    state.last_day = base
    return "TIME", f"{base.isoformat()}T{_clock(m['clock'])}"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _holiday(m: re.Match[str], state: _State) -> Resolved:
    name = " ".join(m["name"].casefold().split())
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "independence day": (7, 4), "valentine's day": (2, 14),
             "halloween": (10, 31)}  # fmt: skip
    if name.startswith(("thanksgiving", "election day")):
        return _floating_holiday(state, name, m)
    if name.startswith("easter"):
        return _easter(state, name, m)
    if name not in fixed:
        return None
    month, day = fixed[name]
    year = int(m["y"]) if m["y"] else _year_of(state, month, day, m.start(), m.end())
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    return _day_value(state, date(year, month, day))


def _easter_sunday(year: int) -> date:
    """Western Easter: the anonymous Gregorian computus (Meeus, *Astronomical Algorithms*), ten lines rather than
    a dependency (python-dateutil has it, without type information for mypy --strict)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def _easter(state: _State, name: str, m: re.Match[str]) -> Resolved:
    """ "Easter", "Easter Sunday": the day; "Easter week": the (ISO) week that ends on it."""
    if m["y"]:
        year: int | None = int(m["y"])
    elif state.published is None:
        return "DATE", "XXXX-XX-XX"
    else:
        this = _easter_sunday(state.published.year)
        year = _year_of(state, this.month, this.day, m.start(), m.end())
    sunday = _easter_sunday(year or 1)
    if name.endswith("week"):
        state.last_year = sunday.year
        return "DATE", _week(sunday)
    return _day_value(state, sunday)


def _floating_holiday(state: _State, name: str, m: re.Match[str]) -> Resolved:
    """Thanksgiving (fourth Thursday of November), Election Day (the Tuesday after the first Monday of November)."""

    def day_in(year: int) -> date:
        first = date(year, 11, 1)
        if name.startswith("thanksgiving"):
            return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)

    if m["y"]:
        return _day_value(state, day_in(int(m["y"])))
    if state.published is None:
        return "DATE", "XXXX-11-XX"
    year = _year_of(state, 11, day_in(state.published.year).day, m.start(), m.end())
    return _day_value(state, day_in(year or state.published.year))


_CLOCK = (
    r"(?:\d{1,2}(?:[:.]\d\d)?\s?(?:a\.m\.?|p\.m\.?|am\b|pm\b)|(?<!high\s)noon|midnight|"
    r"\d{1,2}(?:[:.]\d\d)?\s(?:o'clock\s)?in\sthe\s(?:morning|afternoon|evening)|"
    r"[012]?\d:[0-5]\d(?=\s(?-i:UTC|GMT)\b))"  # a 24-hour clock is a time of day when a zone says so: "08:30 UTC"
    r"(?:\s(?:EST|EDT|GMT|UTC|CST|PST|local time))?"
)


def _rx(pattern: str, *, ignore_case: bool = True) -> re.Pattern[str]:
    return re.compile(pattern, (re.IGNORECASE if ignore_case else 0) | re.VERBOSE)


_RULES: list[Rule] = [
    (
        _rx(r"(?:(?<=\sand\s)|(?<=\sor\s))(?P<d>\d{1,2})(?![\w%$,:-]|\.\d|\s?(?:percent|cents|a\.m|p\.m))"),
        _second_day,
        r"\d",
    ),
    (
        _rx(
            rf"""{_B}(?:
              (?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d))
            | (?P<slash>(?P<sm>\d{{1,2}})/(?P<sd>\d{{1,2}})/(?P<sy>(?:19|20)?\d\d))
            | (?P<mon>{_MONTH_DOT})\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:\s?[-–]\s?\d{{1,2}}(?![\d:]))?
              (?:,?\s(?P<y>(?:19|20)\d\d)\b)?
            | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<mon2>{_MONTH_DOT})(?:,?\s(?P<y2>(?:19|20)\d\d)\b)?
            )(?:,?\s(?:at\s)?(?P<clock>{_CLOCK}))?{_E}"""
        ),
        _full_date,
        r"\d",
    ),
    (_rx(rf"{_B}(?P<mon>{_MONTH_DOT}),?\s(?:of\s)?(?P<y>(?:19|20)\d\d){_E}"), _month_year, r"\d"),
    (_rx(rf"{_B}(?P<mon>{_MONTH_DOT})\s(?:of\s)?(?P<rel>this|last|next)\syear{_E}"), _month_relative_year, r"year"),
    (
        _rx(
            rf"{_B}(?:(?P<mod>early|late|mid|last|next|this|(?:earlier|later)\sthis|the\s(?:end|beginning|middle)\s"
            rf"of)[\s-])?(?P<mon>{_MONTH_DOT}){_E}(?!\.?\s\d)"
        ),
        _month_alone,
        r"(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
    ),
    (
        _rx(
            r"""(?<![\w$.,'’-])(?:(?:early|late|mid|fiscal|calendar)[\s-]|(?:pre|post)-)?(?:
              (?:the\s)?(?:mid-)?(?P<decade>(?:1[89]|20)\d0)'?s
            | (?:the\s)?['’](?P<short>\d0)s
            | (?P<y>(?:1[89]|20)\d\d)(?![\w%$-]|,\d|\.\d|\s?(?:percent|shares|dollars|people|troops|yen|cents))
            )(?!-year)"""
        ),
        _year,
        r"\d|['’]\d",
    ),
    (
        _rx(
            rf"""(?<![\w-])(?:the\s)?(?:(?:early|late|mid)[\s-])?(?:
              (?P<nth>\d{{1,2}}(?:st|nd|rd|th)|(?:twenty[\s-])?first|{_SPELLED_ORDINAL})[\s-]century
            | (?<=the\s)(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)
            )(?![\w-])"""
        ),
        _century_or_decade,
        r"century|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties",
    ),
    (
        _rx(
            rf"""(?<![\w-])(?:(?P<mon>(?-i:{_MONTH}))\s|the\s(?P<season>{_SEASON})\sof\s)?
            (?:the\syear\s(?=two\sthousand))?(?P<year>the\syear\s)?
            (?:(?P<century>nineteen)[\s-](?P<rest>{_WORD_NUM})|two\sthousand(?:\s(?:and\s)?(?P<after>{_WORD_NUM}))?
            (?(year)|(?=\W*(?:$|[.,;]|\s(?:and|or|to|when|the|in)\b))))
            (?![\w-])"""
        ),
        _spelled_year,
        r"nineteen|thousand",
    ),
    (
        _rx(
            rf"""{_B}(?:(?P<every>every|each)\s|(?P<mod>last|next|this|coming|past|the\s(?:previous|following))\s)?
            (?P<wd>(?-i:{_WEEKDAY}))(?P<plural>s)?
            (?:\s(?P<part>{_PART})(?P<parts>s)?|,?\s(?:at\s)?(?P<clock>{_CLOCK})|,?\s(?P<mon>{_MONTH_DOT})\s(?P<d>\d{{1,2}})(?!\d)
            (?:,?\s(?P<y>(?:19|20)\d\d))?)?{_E}"""
        ),
        _weekday,
        r"(?-i:Mon|Tue|Wed|Thu|Fri|Sat|Sun)",
    ),
    (
        _rx(
            rf"{_B}(?P<day>the\sday\sbefore\syesterday|yesterday|tomorrow|today|tonight|last\snight|"
            rf"this\s(?:morning|afternoon|evening))(?:\s(?P<part>{_PART}))?(?![\w-])"
        ),
        _deictic_day,
        r"today|tonight|tomorrow|yesterday|night|morning|afternoon|evening",
    ),
    (
        _rx(
            r"""(?<![\w-])(?:now|currently|current(?!\s(?:account|affairs|events|assets|liabilities|ratio))|nowadays|
            (?:at|for)\s(?:the\s)?present(?!\s\w)|the\spresent|these\sdays|recently|recent\s(?:years|months|weeks|days)|
            lately|the\spast(?=[.,;])|(?<=\bin\s)the\spast|(?:the\s(?:near\s|distant\s)?)future|(?:the\s)?coming\s(?:weeks|months|years|quarters)|
            future\s(?:weeks|months|years|quarters)|the\syears\sahead|the\s(?:near|short)\sterm|a\slater\sdate)(?![\w-])"""
        ),
        _reference,
        r"now|current|present|days|recent|lately|past|future|years|coming|term|date",
    ),
    (
        _rx(
            rf"""{_B}(?:(?:earlier|later|early|late|mid)[\s-](?=(?:this|last|next)\s))?
            (?:(?:the\s(?=(?:last|past|previous)\s)|this\s(?=past\s))?(?P<mod>last|this|next|past|previous|coming|current)\s|the\s(?=weekend))
            (?P<unit>week(?:end)?|month|year|quarter|{_SEASON}){_E}(?!\s(?:old|ago|earlier))"""
        ),
        _relative_period,
        r"week|month|year|quarter|spring|summer|fall|autumn|winter",
    ),
    (
        _rx(rf"{_B}(?:the\s)?(?:(?:early|late|mid)[\s-])?(?P<season>{_SEASON})(?:\sof\s(?P<y>(?:19|20)\d\d))?{_E}"),
        _season,
        r"spring|summer|fall|autumn|winter",
    ),
    (
        _rx(rf"{_B}the\sweek\sof\s(?P<mon>{_MONTH_DOT})\s(?P<d>\d{{1,2}})(?:,?\s(?P<y>(?:19|20)\d\d))?{_E}"),
        _week_of,
        r"week",
    ),
    (
        _rx(r"(?<![\w-])(?:the\s)?(?:fiscal\s)?year(?:['’]s)?[\s-]end(?![\w-])"),
        _year_end,
        r"year",
    ),
    (
        _rx(
            rf"""{_B}(?:early|late|mid)[\s-](?P<unit>year|month|week){_E}(?=\s(?:of|in))|
            {_B}(?P<unit2>year|month)\s(?:to|-)\s?date{_E}|
            {_B}the\s(?:full|calendar|current)\s(?:fiscal\s)?year{_E}(?!\s+(?:end|to\b))"""
        ),
        lambda m, s: ("DATE", f"{s.year:04d}" if s.year else "XXXX"),
        r"year|month|week",
    ),
    (
        _rx(
            rf"""{_B}(?:(?:the|that(?=\squarter\b)|(?P<rel>this|last|next)\syear['’]s|its|their)\s)?(?:(?P<y0>(?:19|20)\d\d)\s)?
            (?:(?P<mod>latest|current|recent|same|previous|past|last|fiscal)[\s-])?
            (?:(?P<nth>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-])?
            (?:(?:fiscal|financial)[\s-])?(?:quarter(?!s)|(?:(?<=latest\s)|(?<=\d\d\s))period)
            (?:\sof\s(?:(?:fiscal\s)?(?P<y>(?:19|20)\d\d)|(?P<rel_of>this|last|next)\syear))?{_E}"""
        ),
        _quarter,
        r"quarter|period",
    ),
    (
        _rx(
            rf"{_B}(?:the\s)?(?P<nth>first|second|(?<=the\s)last)\shalf(?:\sof\s(?P<y>(?:19|20)\d\d))?{_E}(?!\s(?:of\s)?(?:the|a|an|its|their|his|her)\b)"
        ),
        _half,
        r"half",
    ),
    (
        _rx(
            rf"""{_B}(?:just\s|only\s|about\s|some\s|nearly\s|almost\s|more\sthan\s|less\sthan\s)?
            (?P<n>{_NUM})[\s-](?P<unit>{_UNIT})\s(?:and\sa\shalf\s|or\sso\s)?(?P<dir>ago|earlier|later|from\snow|hence|(?:before|after)(?=\s*(?:[.,;:!?"”]|$)))
            {_E}(?!\s(?:the|a|an|his|her|its|their|this|that)\b)"""
        ),
        _ago,
        r"ago|earlier|later|now|hence|before|after",
    ),
    (
        _rx(
            rf"""{_B}(?:(?:the|a)\s(?:(?:comparable|corresponding)\s)?)?(?:year[\s-](?:earlier|ago)|prior[\s-]year)
            (?:\s(?:(?P<nth>first|second|third|fourth)[\s-])?(?:quarter|period)|\s(?P<months>three|six|nine)\smonths)?{_E}|
            {_B}the\s(?:(?:same|comparable|corresponding)\s)?(?:quarter|period)\s(?:a\syear\s(?:ago|earlier)|last\syear){_E}"""
        ),
        _year_ago_adj,
        r"year",
    ),
    (
        _rx(
            rf"""{_B}(?:the\s(?:next|following|previous)\s(?:day|week)|the\s(?:following|previous)\s(?:month|year)|
            the\sday\s(?:before|after)|
            (?:(?:earlier|later)\s)?(?:the\ssame|that(?:\ssame)?)\s(?:day|month|year)|the\s(?:entire|whole)\syear){_E}"""
        ),
        _next_day,
        r"day|week|month|year",
    ),
    (
        _rx(
            rf"""{_B}(?P<det>(?:the|a|an)\s)?(?:(?:past|last|next|previous|first|coming|final|latest|initial|
            following|remaining)\s)?(?:(?:few|several|more\sthan|nearly|almost|about|some|over|at\sleast|
            up\sto|only|just)\s)?
            (?:(?P<n>{_NUM})[\s-](?:and[\s-]a[\s-]half[\s-])?(?:(?:more|additional|further|trading|business|working)\s)?)?
            (?P<fiscal>fiscal\s(?=year))?(?P<unit>years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies))
            (?P<half>\sand\sa\shalf)?(?P<long>-long)?{_E}(?![\s-]old)"""
        ),
        _duration_rule,
        r"year|month|week|day|hour|minute|decade|centur",
    ),
    (
        _rx(
            rf"""{_B}(?:daily|weekly|monthly|annually|yearly|hourly|nightly|
            (?:every|each)\s(?:other\s)?(?:day|week|month|quarter|year|night|morning|evening|{_SEASON}|
            (?-i:{_MONTH})))(?![\w-])"""
        ),
        _set,
        r"daily|weekly|monthly|annually|yearly|hourly|nightly|every|each",
    ),
    (
        _rx(
            rf"""{_B}(?:around\s|about\s)?(?P<clock>{_CLOCK})(?:,?\s(?:on\s)?(?:(?P<wd>(?-i:{_WEEKDAY}))|
            (?P<mon>{_MONTH_DOT})\s(?P<d>\d{{1,2}})(?!\d)))?{_E}"""
        ),
        _clock_time,
        r"\d|noon|midnight",
    ),
    (
        _rx(
            rf"""{_B}(?P<part>(?:mid[\s-]?)?(?:morning|afternoon)|midday|overnight|(?:later\s|earlier\s)?
            (?:this|the)\s(?:morning|afternoon|evening))(?:\s(?P<day>yesterday|today|tomorrow))?(?!\w)"""
        ),
        lambda m, s: _part_of_day_extent(m, s),
        r"morning|afternoon|midday|overnight|evening",
    ),
    (
        _rx(
            r"(?<![\w-])(?P<name>Christmas(?:\s(?:Day|Eve))?|New\sYear['’]s\s(?:Day|Eve)|Independence\sDay|"
            r"Thanksgiving(?:\sDay)?|Election\sDay|(?-i:Easter)(?!\s(?:Islands?|Rising|[Ee]ggs?|[Bb]unny))(?:\s(?:Sunday|[Ww]eek))?|"
            r"Valentine['’]s\sDay|Halloween)(?:,?\s(?P<y>(?:19|20)\d\d))?(?![\w-])"
        ),
        _holiday,
        r"christmas|year|independence|valentine|halloween|thanksgiving|election|easter",
    ),
]


def _part_of_day_extent(m: re.Match[str], state: _State) -> Resolved:
    """ "this morning", "the afternoon" (of the day last named), "overnight", "mid-afternoon yesterday" (of the day
    written after it)."""
    before = state.text[max(0, m.start() - 3) : m.start()]
    if m["part"][0].isupper() and before.strip() and not re.search(r"[.!?\"“”:]\s*$", before):
        return None  # "the Dallas Morning News": a name
    words = m["part"].casefold().split()
    part = words[-1] if words[-1] == "midday" else re.sub(r"^mid[\s-]?", "", words[-1])
    code = "12:00" if part == "midday" else _PART_CODE.get(part)
    if code is None:
        return None
    base = state.published
    if m["day"] and base is not None:
        base += timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[m["day"].casefold()])
        state.last_day = base
    elif "the" in words:
        base = state.last_day or base  # "the morning": of the day last named
    return "TIME", f"{base.isoformat() if base else 'XXXX-XX-XX'}T{code}"


# --- the tagger ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rule: int
    match: re.Match[str]


_MARGIN = 40
"""Characters a match reaches beyond the time words in it ("the past few", "just about", "later this")."""


_TOKEN = re.compile(r"[A-Za-z]+|\d")


def _trigger_table() -> dict[str, tuple[int, ...]]:
    """Each rule's time words (lower case; exact case where the rule wants capitals) → the rules they call for."""
    table: dict[str, list[int]] = {}
    for index, (_, _, words) in enumerate(_RULES):
        exact = words.startswith("(?-i:")
        for alt in words.removeprefix("(?-i:").removesuffix(")").split("|"):
            key = "0" if alt in (r"\d", r"['’]\d") else (alt if exact else alt.casefold())
            table.setdefault(key, []).append(index)
    return {k: tuple(v) for k, v in table.items()}


_TRIGGERS = _trigger_table()
_LENGTHS = sorted({len(k) for k in _TRIGGERS})


@lru_cache(maxsize=8192)
def _rules_for(token: str) -> tuple[int, ...]:
    """The rules a word calls for: those whose time words begin it ("year" begins "years"); a digit, the digit
    rules."""
    if token.isdigit():
        return _TRIGGERS["0"]
    folded = token.casefold()
    out: set[int] = set()
    for n in _LENGTHS:
        if n > len(token):
            break
        out.update(_TRIGGERS.get(folded[:n], ()))
        out.update(_TRIGGERS.get(token[:n], ()) if token[0].isupper() else ())
    return tuple(sorted(out))


def _windows(text: str) -> dict[int, list[tuple[int, int]]]:
    """Per rule, the stretches of the text around its time words, merged where they meet."""
    out: dict[int, list[tuple[int, int]]] = {}
    for match in _TOKEN.finditer(text):
        rules = _rules_for(match.group(0))
        if not rules:
            continue
        start, end = max(0, match.start() - _MARGIN), min(len(text), match.end() + _MARGIN)
        for rule in rules:
            spans = out.setdefault(rule, [])
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return out


def _candidates(text: str) -> list[_Candidate]:
    """Every rule's matches; a rule runs only near its time words (most of an article is far from any, and
    running twenty patterns over all of it would cost most of the tagger's time)."""
    found = []
    for index, spans in _windows(text).items():
        pattern = _RULES[index][0]
        for start, end in spans:
            for match in pattern.finditer(text, start, end):
                if match.end() > match.start():
                    found.append(_Candidate(match.start(), match.end(), index, match))
    return found


def _choose(candidates: list[_Candidate], state: _State) -> list[tuple[_Candidate, TimeType, str]]:
    """Leftmost-longest among candidates whose rule accepts the match (a rule may decline: "May" the verb)."""
    chosen: list[tuple[_Candidate, TimeType, str]] = []
    taken_to = 0
    for cand in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start), c.rule)):
        if cand.start < taken_to:
            continue
        if _quoted_title(state.text, cand.start, cand.end):
            taken_to = cand.end  # nor any time inside it ("Minutes" in "60 Minutes")
            continue
        resolved = _RULES[cand.rule][1](cand.match, state)
        if resolved is None:
            continue
        chosen.append((cand, *resolved))
        taken_to = cand.end
    return chosen


_QUOTE_OPEN = re.compile(r"(?:[\"“]|``|'')$")
_NAMED_TIMES = {*_WEEKDAYS, *_MONTHS, "day", "eve", "christmas", "thanksgiving", "halloween"}


def _quoted_title(text: str, start: int, end: int) -> bool:
    """A quotation that opens with time words all capitalised, the last a common noun, is a title, not a time:
    ABC's "This Week", CBS's "60 Minutes" (a quoted "Today", "Friday" or "Two weeks later" is still one)."""
    if not _QUOTE_OPEN.search(text, max(0, start - 2), start):
        return False
    words = text[start:end].split()
    capitalised = all(w[0].isupper() or w[0].isdigit() for w in words)
    last = words[-1].strip(".,")
    return len(words) > 1 and capitalised and last.isalpha() and last.casefold() not in _NAMED_TIMES


_ADJECTIVAL = re.compile(rf"(?i)(?:a|an)\s(?=\S+-{_UNIT}$|\S*{_UNIT}-long$)")


_DATELINE = re.compile(
    rf"(?m)^[A-Z][A-Z .'-]+,(?:\s[A-Z][\w.]*,?)*\s(?P<mon>{_MONTH_DOT})\s(?P<d>\d{{1,2}})(?:,\s(?P<y>\d{{4}}))?\s\("
)


def _dateline(text: str, published: date | None) -> date | None:
    """The date of a wire dateline at the article's head ("WASHINGTON, March 12 (Xinhua) --"), when it is the week
    before publication: the story's own date, which its "today" and "Friday" are relative to."""
    match = _DATELINE.search(text, 0, 400)
    if match is None or published is None:
        return None
    month, day = _month_number(match["mon"]), int(match["d"])
    year = int(match["y"]) if match["y"] else published.year - (month > published.month)
    written = _safe_date(year, month, day)
    return written if written and timedelta(0) < published - written <= timedelta(days=7) else None


def tag_times(text: str, published: date | None) -> list[TimeMention]:
    """Every time expression in ``text``, in order, with TimeML type and value resolved against ``published``
    (or against the article's own dateline, when it dates the story in the week before publication)."""
    state = _State(published=_dateline(text, published) or published, text=text)
    out = []
    for cand, kind, value in _choose(_candidates(text), state):
        start, end = cand.start, cand.end
        while end > start and text[end - 1] in " .,;:" and not text[start:end].endswith(("a.m.", "p.m.")):
            end -= 1
        adjectival = _ADJECTIVAL.match(text, start, end)
        if adjectival:  # "a five-year low": the length is "five-year", the article belongs to "low"
            start = adjectival.end()
        out.append(TimeMention(start=start, end=end, text=text[start:end], type=kind, value=value))
    return out


# --- events' times: the same tagger, in the TimeExpr form events carry -------------------------------------------

_PHRASE_PREFIX = re.compile(
    r"(?i)(?:\b(?:since|late|early|earlier|later)\s+(?:(?:on|in)\s+)?|\b(?:on|in|at|during|until|by|from)\s+)$"
)


def dates_an_event(mention: TimeMention) -> bool:
    """Whether a tagged time can say when an event happened: a date or time of day, not a length ("a 27-year
    contract"), a recurrence ("$28 an hour") or a reference TimeML leaves unvalued ("now", "recently")."""
    return mention.type in ("DATE", "TIME") and not mention.value.endswith("_REF")


def time_phrases(sentence: str) -> list[tuple[int, str]]:
    """The tagger's dates and times in a sentence as an event's time words (offset in the sentence, words): with
    the preposition or "since"/"late on" before them, which says how the event relates to the time."""
    out = []
    for mention in tag_times(sentence, None):
        if not dates_an_event(mention):
            continue
        prefix = _PHRASE_PREFIX.search(sentence[max(0, mention.start - 20) : mention.start])
        start = mention.start - (len(prefix.group(0)) if prefix else 0)
        out.append((start, sentence[start : mention.end]))
    return out


_RANGE_END = re.compile(r"\d\s?[-–]\s?(\d{1,2})(?:,?\s\d{4})?$")


def event_time(written: str, mention: TimeMention | None, published: date | None) -> TimeExpr:
    """An event's time: its words as written, valued by the tagger's mention of them (None: the tagger found no
    time there). "since X" is the interval from X to publication; a week is its Monday to Sunday, a quarter or a
    half its first to last day; a period TimeML names without a calendar date (a duration, PRESENT_REF, a season,
    an unknown X) stays unresolved."""
    unknown = TimeExpr(text=written, value=None, granularity="unknown")
    if mention is None or mention.type not in ("DATE", "TIME"):
        return unknown
    value = mention.value
    start = _calendar_start(value)
    if written.casefold().lstrip().startswith("since"):
        if start is None or published is None or start > published:
            return unknown
        return TimeExpr(text=written, value=f"{start}/{published}", granularity="interval")
    last_day = _RANGE_END.search(mention.text)
    if start is not None and last_day and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        end = _safe_date(start.year, start.month, int(last_day[1]))
        if end is not None and end > start:  # "September 16-19": the days it names
            return TimeExpr(text=written, value=f"{start}/{end}", granularity="interval")
    if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", value):
        return TimeExpr(text=written, value=value, granularity="datetime")
    if re.fullmatch(r"\d{4}-\d\d-\d\d(?:T[A-Z]{2})?", value):
        return TimeExpr(text=written, value=value[:10], granularity="day")
    if re.fullmatch(r"\d{4}-\d\d", value):
        return TimeExpr(text=written, value=value, granularity="month")
    if re.fullmatch(r"\d{4}", value):
        return TimeExpr(text=written, value=value, granularity="year")
    week = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
    if week:
        monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        if week[3]:
            saturday = monday + timedelta(days=5)
            return TimeExpr(text=written, value=f"{saturday}/{saturday + timedelta(days=1)}", granularity="interval")
        return TimeExpr(text=written, value=f"{monday}/{monday + timedelta(days=6)}", granularity="week")
    part = _part_of_year(value)
    if part is not None:  # "in the first quarter of 2009": the days it names
        return TimeExpr(text=written, value=f"{part[0]}/{part[1]}", granularity="interval")
    return unknown


_PART_OF_YEAR = re.compile(r"(\d{4})-(?:Q([1-4])|H([12]))")


def _part_of_year(value: str) -> tuple[date, date] | None:
    """The first and last day of a quarter ("2009-Q1") or a half ("1990-H2"), else None."""
    match = _PART_OF_YEAR.fullmatch(value)
    if match is None:
        return None
    year, months = int(match[1]), 3 if match[2] else 6
    first = (int(match[2] or match[3]) - 1) * months + 1
    last = _add_months(year, first + months - 1, 1)
    return date(year, first, 1), date(last[0], last[1], 1) - timedelta(days=1)


def calendar_days(value: str) -> tuple[date, date] | None:
    """The first and last day a TimeML calendar value names: a day (a time's too), an ISO week (its weekend's
    whole week), a month, a year, a quarter or a half; an interval "a/b" from a's first day to b's last. None for
    a value that names no stretch of the calendar (a season, a decade, an unknown X)."""
    if "/" in value:
        ends = [calendar_days(v) for v in value.split("/", 1)]
        return (ends[0][0], ends[1][1]) if ends[0] is not None and ends[1] is not None else None
    try:
        if m := re.match(r"(\d{4})-(\d\d)-(\d\d)", value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, monthrange(year, month)[1])
        if m := re.fullmatch(r"(\d{4})", value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        return _part_of_year(value)
    except ValueError:
        return None


def _calendar_start(value: str) -> date | None:
    """The first day of a TimeML calendar value (day, month, year, week, quarter, half), else None."""
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d.*", value):
            return date.fromisoformat(value[:10])
        if re.fullmatch(r"\d{4}-\d\d", value):
            return date(int(value[:4]), int(value[5:7]), 1)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1)
        week = re.fullmatch(r"(\d{4})-W(\d\d).*", value)
        if week:
            return date.fromisocalendar(int(week[1]), int(week[2]), 1)
    except ValueError:
        return None
    part = _part_of_year(value)
    return part[0] if part else None


_RANGE_LINKS = {"from": ("to", "until", "till", "through", "-", "–"), "between": ("and",)}
_RANGE_OPENER = re.compile(r"\b(from|between)\s+$", re.IGNORECASE)
_CALENDAR_VALUE = re.compile(r"\d{4}(?:-\d\d){0,2}")


@dataclass(frozen=True)
class DateRange:
    """Two calendar times joined as one stretch ("from 2009 to 2011"): its offsets in the text, opener included,
    and its value as an interval of the two ("2009/2011")."""

    start: int
    end: int
    value: str


def date_range(text: str, first: TimeMention, later: list[TimeMention]) -> DateRange | None:
    """The range that ``first`` opens, when a "from" or "between" stands just before it and the next tagged time
    follows it after only "to"/"until"/"through" (after "from") or "and" (after "between"): the act held over the
    whole stretch, not its first year ("rose from 2009 to 2011"). Both must be calendar dates, in order."""
    opener = _RANGE_OPENER.search(text[max(0, first.start - 10) : first.start])
    second = next((m for m in later if m.start >= first.end), None)
    if opener is None or second is None:
        return None
    if text[first.end : second.start].strip().casefold() not in _RANGE_LINKS[opener[1].casefold()]:
        return None
    if not (_CALENDAR_VALUE.fullmatch(first.value) and _CALENDAR_VALUE.fullmatch(second.value)):
        return None
    days = calendar_days(f"{first.value}/{second.value}")
    if days is None or second.value[: len(first.value)] <= first.value[: len(second.value)]:
        return None  # not in order ("from 2011 to 2009"), or one inside the other ("from 2009 to March 2009")
    return DateRange(start=first.start - len(opener[0]), end=second.end, value=f"{first.value}/{second.value}")
