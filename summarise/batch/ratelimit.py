"""Request and token budgets per minute for one backend, shared by its threads and event loops alike.

Each budget is a token bucket that may go into debt: a call *reserves* what it needs and is told how long to wait
before sending, so concurrent callers queue up in arrival order without holding a lock while they wait. A 429
with Retry-After pauses every caller of the backend, not only the one that got it. The clock is injectable so
tests check the schedule without sleeping.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import ConfigError

BURST_S = 10.0
"""A bucket holds this many seconds' worth of its rate (at least one unit), so short bursts go through."""


@dataclass
class _Bucket:
    rate: float
    """Units a second."""
    capacity: float
    level: float
    stamp: float

    def refill(self, now: float) -> None:
        if now > self.stamp:
            self.level = min(self.capacity, self.level + (now - self.stamp) * self.rate)
            self.stamp = now

    def reserve(self, amount: float, now: float) -> float:
        """Take ``amount`` (going into debt if need be); seconds until the bucket could afford it."""
        self.refill(now)
        need = min(amount, self.capacity)
        wait = max(0.0, (need - self.level) / self.rate)
        self.level -= amount
        return wait


def _bucket(per_minute: float, now: float) -> _Bucket:
    if per_minute <= 0:
        raise ConfigError(f"rate limits must be > 0 a minute, got {per_minute:g}")
    rate = per_minute / 60.0
    capacity = max(1.0, rate * BURST_S)
    return _Bucket(rate, capacity, capacity, now)


def estimate_tokens(messages: Sequence[dict[str, str]], max_tokens: int | None) -> int:
    """Tokens a request may use, before sending it: about 4 characters a prompt token, plus the answer budget."""
    chars = sum(len(m.get("content") or "") for m in messages)
    return chars // 4 + 8 * len(messages) + (max_tokens or 0)


class RateLimiter:
    """Requests and tokens a minute (either may be None) plus a shared pause after 429s."""

    def __init__(
        self,
        requests_per_minute: float | None = None,
        tokens_per_minute: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clock = clock
        now = clock()
        self._requests = _bucket(requests_per_minute, now) if requests_per_minute else None
        self._tokens = _bucket(tokens_per_minute, now) if tokens_per_minute else None
        self._paused_until = 0.0
        self._lock = threading.Lock()

    @property
    def limited(self) -> bool:
        return self._requests is not None or self._tokens is not None

    def reserve(self, tokens: int = 0) -> float:
        """Book one request of ``tokens``; the seconds to wait before sending it."""
        with self._lock:
            now = self.clock()
            wait = max(0.0, self._paused_until - now)
            if self._requests is not None:
                wait = max(wait, self._requests.reserve(1, now))
            if self._tokens is not None and tokens:
                wait = max(wait, self._tokens.reserve(tokens, now))
            return wait

    def settle(self, reserved: int, used: int) -> None:
        """Correct a reservation once the usage is known (refund or charge the difference)."""
        if self._tokens is None or used <= 0:
            return
        with self._lock:
            self._tokens.refill(self.clock())
            self._tokens.level = min(self._tokens.capacity, self._tokens.level + reserved - used)

    def pause(self, seconds: float) -> None:
        """Hold every caller back for ``seconds`` from now (a 429's Retry-After)."""
        with self._lock:
            self._paused_until = max(self._paused_until, self.clock() + seconds)

    def acquire(self, tokens: int = 0) -> None:
        wait = self.reserve(tokens)
        if wait > 0:
            time.sleep(wait)

    async def aacquire(self, tokens: int = 0) -> None:
        wait = self.reserve(tokens)
        if wait > 0:
            await asyncio.sleep(wait)
