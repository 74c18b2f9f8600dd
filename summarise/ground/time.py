"""Time expressions: resolve them against the publication date (``summarise.lexicon`` spots them in sentences).

The resolver knows the patterns news copy uses (weekdays, today/yesterday, last/this/next week, month, year,
"N days ago", explicit dates and day ranges, "since X") and returns a null value for anything else: it never
invents a date the text does not support. A bare weekday is the most recent one on or before publication
("on Monday" in a Wednesday story is two days earlier), or the next one when the sentence speaks of the future
("will meet on Friday"). A month (and day) without a year is the last one on or before publication, unless the
sentence speaks of the future or the next one is nearer and within three months ("in November" in September).
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ..lexicon import MONTHS as _MONTHS
from ..lexicon import NUMBER_WORDS as _NUMBERS
from ..lexicon import WEEKDAYS as _WEEKDAYS
from ..lexicon import find_time_expressions as find_time_expressions
from ..schema import Granularity, TimeExpr

_AHEAD_DAYS = 92
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(_WEEKDAYS)
_PART_OF_DAY = r"(?: (?:morning|afternoon|evening|night))?"
_COUNT_RE = r"\d+|" + "|".join(_NUMBERS)

# Modifiers that do not change the resolved value (they only make it vaguer within its granularity).
_LEADING = re.compile(
    r"^(?:(?:late|early|earlier|later|mid|around|about|at|on|in|during|by|until|till|of|from|the|"
    r"end of|start of|beginning of|middle of)[ -])+"
)
_TRAILING = re.compile(r"(?:'s|,| alone| local time)+$")
_CLOCK = re.compile(
    r"(?:at )?\d{1,2}(?::\d\d)? ?(?:a\.?m\.?|p\.?m\.?)(?: [a-z]{2,4})?(?: |$)|(?:at )?(?:noon|midnight) "
)
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|going to|(?:is|are) (?:due|expected|scheduled|set|slated|to)|plans? to|"
    r"planned|upcoming)\b"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(pattern))
    for name, pattern in (
        ("today", rf"(?:today|tonight|this (?:morning|afternoon|evening)){_PART_OF_DAY}"),
        ("yesterday", rf"yesterday{_PART_OF_DAY}|last night"),
        ("tomorrow", rf"tomorrow{_PART_OF_DAY}"),
        ("day_before", r"day before yesterday"),
        ("weekday", rf"(?:(?P<mod>last|next|this|coming|past) )?(?P<wd>{_WEEKDAY_RE}){_PART_OF_DAY}"),
        ("weekend", r"(?P<mod>last|next|this|past|coming) weekend"),
        ("relative", r"(?P<mod>last|next|this|previous|coming) (?P<unit>week|month|year)"),
        ("ago", rf"(?P<count>{_COUNT_RE}) (?P<unit>day|week|month|year)s? ago"),
        ("iso", r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"),
        (
            "range",
            rf"(?:between )?(?P<mon>{_MONTH_RE})\.? (?P<d1>\d{{1,2}})(?: ?[-–] ?| and )(?P<d2>\d{{1,2}})"
            rf"(?:,? (?P<y>\d{{4}}))?",
        ),
        ("month_day", rf"(?P<mon>{_MONTH_RE})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>\d{{4}}))?"),
        (
            "day_month",
            rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<mon>{_MONTH_RE})\.?(?:,? (?P<y>\d{{4}}))?",
        ),
        ("month", rf"(?P<mon>{_MONTH_RE})\.?(?:,? (?P<y>\d{{4}}))?"),
        ("year", r"(?P<y>1[89]\d\d|20\d\d)"),
    )
]


Tense = Literal["past", "future", "any"]
"""What the sentence implies: "past" (after "since"), "future" (will, is due to ...), or "any"."""


@dataclass(frozen=True)
class _Value:
    value: str
    granularity: Granularity
    start: date


def resolve_time(text: str, published: date | None, *, context: str | None = None) -> TimeExpr:
    """Resolve a time expression as written against the publication date; value None when unresolvable.

    ``context`` is the sentence the expression comes from: future tense there ("will visit on Friday") makes a
    bare weekday or month point forward.
    """
    written = text.strip()
    cleaned = _clean(written)
    since = cleaned.startswith("since ")
    core = _strip_modifiers(cleaned[len("since ") :] if since else cleaned)
    tense: Tense = "past" if since else "future" if _is_future(written, context) else "any"
    resolved = _resolve(core, published, tense)
    if resolved is None:
        return TimeExpr(text=written, value=None, granularity="unknown")
    if since:
        if published is None or resolved.start > published:
            return TimeExpr(text=written, value=None, granularity="unknown")
        return TimeExpr(text=written, value=f"{resolved.start}/{published}", granularity="interval")
    return TimeExpr(text=written, value=resolved.value, granularity=resolved.granularity)


def _clean(text: str) -> str:
    text = text.casefold()
    text = re.sub(r"[‘’ʼ`´]", "'", text)
    text = re.sub(r"[\"“”«»„]", "", text)
    text = re.sub(r"[–—]", "-", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;:!?()")
    return _CLOCK.sub("", text).strip()


def _strip_modifiers(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _TRAILING.sub("", _LEADING.sub("", text)).strip()
    return text


def _is_future(written: str, context: str | None) -> bool:
    if not context:
        return False
    lowered = context.casefold().replace("’", "'")
    at = lowered.find(written.casefold().replace("’", "'"))
    window = lowered[max(0, at - 80) : at] if at >= 0 else lowered
    return bool(_FUTURE.search(window))


def _resolve(core: str, published: date | None, tense: Tense) -> _Value | None:
    for name, pattern in _PATTERNS:
        match = pattern.fullmatch(core)
        if match:
            return _RESOLVERS[name](match, published, tense)
    return None


def _day(d: date) -> _Value:
    return _Value(d.isoformat(), "day", d)


def _today(_: re.Match[str], published: date | None, __: Tense) -> _Value | None:
    return _day(published) if published else None


def _yesterday(_: re.Match[str], published: date | None, __: Tense) -> _Value | None:
    return _day(published - timedelta(days=1)) if published else None


def _tomorrow(_: re.Match[str], published: date | None, __: Tense) -> _Value | None:
    return _day(published + timedelta(days=1)) if published else None


def _day_before(_: re.Match[str], published: date | None, __: Tense) -> _Value | None:
    return _day(published - timedelta(days=2)) if published else None


def _weekday(match: re.Match[str], published: date | None, tense: Tense) -> _Value | None:
    if published is None:
        return None
    target = _WEEKDAYS.index(match["wd"])
    mod = match["mod"]
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if mod in ("last", "past"):
        return _day(published - timedelta(days=back or 7))
    if mod in ("next", "coming"):
        return _day(published + timedelta(days=ahead or 7))
    if mod == "this":
        return _day(published + timedelta(days=target - published.weekday()))
    return _day(published + timedelta(days=ahead) if tense == "future" else published - timedelta(days=back))


def _weekend(match: re.Match[str], published: date | None, _: Tense) -> _Value | None:
    """This week's Saturday and Sunday; last weekend's is the one before; next weekend is the coming one."""
    if published is None:
        return None
    saturday = published + timedelta(days=5 - published.weekday())
    mod = match["mod"]
    if mod in ("last", "past"):
        saturday -= timedelta(days=7)
    elif mod in ("next", "coming") and published.weekday() >= 5:
        saturday += timedelta(days=7)
    sunday = saturday + timedelta(days=1)
    return _Value(f"{saturday}/{sunday}", "interval", saturday)


def _relative(match: re.Match[str], published: date | None, _: Tense) -> _Value | None:
    if published is None:
        return None
    step = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[match["mod"]]
    unit = match["unit"]
    if unit == "week":
        return _week(published + timedelta(weeks=step))
    if unit == "month":
        return _month(*_add_months(published.year, published.month, step))
    return _year(published.year + step)


def _ago(match: re.Match[str], published: date | None, _: Tense) -> _Value | None:
    if published is None:
        return None
    raw = match["count"]
    count = int(raw) if raw.isdigit() else _NUMBERS[raw]
    unit = match["unit"]
    if unit == "day":
        return _day(published - timedelta(days=count))
    if unit == "week":
        return _week(published - timedelta(weeks=count))
    if unit == "month":
        return _month(*_add_months(published.year, published.month, -count))
    return _year(published.year - count)


def _iso(match: re.Match[str], _: date | None, __: Tense) -> _Value | None:
    return _safe_day(int(match["y"]), int(match["m"]), int(match["d"]))


def _range(match: re.Match[str], published: date | None, tense: Tense) -> _Value | None:
    month = _MONTHS[match["mon"]]
    first, last = int(match["d1"]), int(match["d2"])
    year = _year_of(match["y"], month, first, published, tense)
    if year is None or first >= last:
        return None
    start, end = _safe_day(year, month, first), _safe_day(year, month, last)
    if start is None or end is None:
        return None
    return _Value(f"{start.value}/{end.value}", "interval", start.start)


def _month_day(match: re.Match[str], published: date | None, tense: Tense) -> _Value | None:
    month, day = _MONTHS[match["mon"]], int(match["d"])
    year = _year_of(match["y"], month, day, published, tense)
    return None if year is None else _safe_day(year, month, day)


def _month_only(match: re.Match[str], published: date | None, tense: Tense) -> _Value | None:
    month = _MONTHS[match["mon"]]
    if match["y"]:
        return _month(int(match["y"]), month)
    if published is None:
        return None
    year = _year_of(None, month, 1, published.replace(day=1), tense)
    return None if year is None else _month(year, month)


def _year_only(match: re.Match[str], _: date | None, __: Tense) -> _Value | None:
    return _year(int(match["y"]))


_RESOLVERS = {
    "today": _today,
    "yesterday": _yesterday,
    "tomorrow": _tomorrow,
    "day_before": _day_before,
    "weekday": _weekday,
    "weekend": _weekend,
    "relative": _relative,
    "ago": _ago,
    "iso": _iso,
    "range": _range,
    "month_day": _month_day,
    "day_month": _month_day,
    "month": _month_only,
    "year": _year_only,
}


def _year_of(written: str | None, month: int, day: int, published: date | None, tense: Tense) -> int | None:
    """The year of a month and day: as written; else the next one on or after publication for the future, or
    for "any" tense when it is nearer and at most ``_AHEAD_DAYS`` away ("in November" in a September story);
    else the last one on or before publication. None without a publication date."""
    if written:
        return int(written)
    if published is None:
        return None
    year = published.year
    if day > monthrange(2000, month)[1]:
        return None
    this_year = date(year, month, min(day, monthrange(year, month)[1]))
    past = year if this_year <= published else year - 1
    ahead = year if this_year >= published else year + 1
    if tense != "any":
        return ahead if tense == "future" else past
    gap_ahead = (date(ahead, month, min(day, monthrange(ahead, month)[1])) - published).days
    gap_past = (published - date(past, month, min(day, monthrange(past, month)[1]))).days
    return ahead if gap_ahead < gap_past and gap_ahead <= _AHEAD_DAYS else past


def _safe_day(year: int, month: int, day: int) -> _Value | None:
    try:
        return _day(date(year, month, day))
    except ValueError:
        return None


def _week(day: date) -> _Value:
    monday = day - timedelta(days=day.weekday())
    return _Value(f"{monday}/{monday + timedelta(days=6)}", "week", monday)


def _month(year: int, month: int) -> _Value:
    return _Value(f"{year:04d}-{month:02d}", "month", date(year, month, 1))


def _year(year: int) -> _Value:
    return _Value(f"{year:04d}", "year", date(year, 1, 1))


def _add_months(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + step
    return index // 12, index % 12 + 1
