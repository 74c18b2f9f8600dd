"""An event's time as a span of days, for telling whether two reports can be of one event, and for ordering.

TimeML values become closed day ranges: 2023-09-13 one day, 2023-09 the month, 2023-W37 the week, 2023-Q3 the
quarter, 2023 the year, ``a/b`` from a's first day to b's last. Values that name no calendar span (PRESENT_REF,
XXXX-09-13, P2W, seasons) give None: unknown, compatible with anything.

A report bounds its event even without a time: what an article says happened, happened by its publication
date; what it says is planned has not happened before it (``bounds``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..schema import Event

Days = tuple[date, date]
"""First and last day, both included."""

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")


def _month_span(year: int, first: int, last: int) -> Days:
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def _one(value: str) -> Days | None:
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(value):
            return _month_span(int(m[1]), int(m[2]), int(m[2]))
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := _QUARTER.match(value):
            q = int(m[2])
            return _month_span(int(m[1]), 3 * q - 2, 3 * q)
        if m := _HALF.match(value):
            h = int(m[2])
            return _month_span(int(m[1]), 6 * h - 5, 6 * h)
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:  # 2023-02-30, week 54: not a calendar span
        return None
    return None


def days(value: str | None) -> Days | None:
    """The days a TimeML value covers, or None when it names no calendar span."""
    if not value:
        return None
    if "/" in value:
        left, right = (_one(part.strip()) for part in value.split("/", 1))
        if left is None or right is None or right[1] < left[0]:
            return None
        return left[0], right[1]
    return _one(value.strip())


def event_days(event: Event) -> Days | None:
    return days(event.time.value) if event.time else None


def bounds(event: Event, published: date | None) -> Days | None:
    """The days the event can lie in, from its own time, else from its status and the report's date."""
    own = event_days(event)
    if own is not None or published is None:
        return own
    if event.status in ("happened", "negated"):
        return date.min, published
    if event.status == "planned":  # a plan told on day D without a time is for after D
        return published + timedelta(days=1), date.max
    return None


def overlap(a: Days | None, b: Days | None) -> tuple[bool, Days | None]:
    """Whether two spans can be one (unknown fits anything), and the days both allow (None: unknown)."""
    if a is None or b is None:
        return True, a if b is None else b
    first, last = max(a[0], b[0]), min(a[1], b[1])
    return (True, (first, last)) if first <= last else (False, None)


def width(span: Days | None) -> int:
    """Days in a span; unknown is widest."""
    return (span[1] - span[0]).days + 1 if span is not None else 10**7
