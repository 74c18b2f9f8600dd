"""The HTTP retry policy for model endpoints: which failures are worth another try, and how long to wait.

Transient: dropped connections and timeouts, 408/409/429 and 5xx, and 200 answers that carry nothing usable
(no choices, a body that is not the JSON it announced). The wait honours the server's Retry-After (seconds,
milliseconds or an HTTP date, capped at ``MAX_RETRY_AFTER_S``), else full-jitter exponential backoff.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import openai
from tenacity import RetryCallState

MAX_RETRY_AFTER_S = 60.0


class EmptyAnswer(Exception):
    """The endpoint answered 200 with no choices."""


class UnreadableAnswer(Exception):
    """The endpoint answered 200 with a body that is not the JSON it announced (cut short, garbled)."""


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, openai.APIConnectionError | EmptyAnswer | UnreadableAnswer):  # includes timeouts
        return True
    return isinstance(exc, openai.APIStatusError) and (exc.status_code in (408, 409, 429) or exc.status_code >= 500)


def retry_after_s(exc: BaseException | None) -> float | None:
    """Seconds from a Retry-After (or retry-after-ms) header on the error's response, if any."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return min(float(ms) / 1000, MAX_RETRY_AFTER_S)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return min(max(float(value), 0.0), MAX_RETRY_AFTER_S)
    except ValueError:
        pass
    try:  # an HTTP date
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max((when - datetime.now(UTC)).total_seconds(), 0.0), MAX_RETRY_AFTER_S)


def backoff(base: float = 0.5, cap: float = 20.0) -> Callable[[RetryCallState], float]:
    """tenacity wait: Retry-After when the server sent one, else full-jitter exponential backoff."""

    def wait(state: RetryCallState) -> float:
        outcome = state.outcome
        header = retry_after_s(outcome.exception() if outcome else None)
        if header is not None:
            return header
        return random.uniform(0, min(cap, base * 2 ** (state.attempt_number - 1)))

    return wait
