"""CPU work off the event loop: a pool of worker processes for an article's dependency parse and its grounding.

An endpoint batch keeps many articles waiting on the network at once, all driven by one event loop. An article's
parse (about 40-50 ms) or grounding run on that loop stops every other article meanwhile: their answers wait to
be read and their next requests to be sent, so a batch of one model call per article ran at 7.5 x its ideal
time. ``many.summarise_many`` therefore runs remote batches with a process pool (one process per usable core,
started once per process and reused; each worker loads the parser once, in its initializer) and makes it the
current pool for the articles it runs; the pipeline hands its CPU steps to ``run_cpu``, which runs them in the
current pool, or inline where there is none (the embedded model, a single article, a library call). The steps
are pure functions of picklable values, so where they run changes nothing in the result (tested).

Workers are started with ``spawn``: a fork of a process that runs an event loop and threads (HTTP clients, a
progress bar) can inherit a lock held by a thread that does not exist in the child.
"""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Timed(Generic[R]):
    """A worker's result and the CPU seconds the worker spent on it."""

    value: R
    cpu_s: float


def _timed(fn: Callable[..., R], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Timed[R]:
    started = time.process_time()
    value = fn(*args, **kwargs)
    return Timed(value, time.process_time() - started)


_MEETING: Any = None
"""In a worker: the barrier ``CpuPool.start`` uses to have every worker take one call."""


def _init(warm: Callable[[], None] | None, meeting: Any) -> None:
    global _MEETING
    _MEETING = meeting
    # Ctrl-C is the batch's to handle (it records where it stopped); a worker would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if warm is not None:
        warm()


def _meet() -> int:
    """A worker's pid, once every worker has one of these calls in hand (so no worker takes two)."""
    _MEETING.wait(timeout=120)
    return os.getpid()


class CpuPool:
    """Worker processes for CPU steps, with the CPU time they spent (for benchmarks: the work, beside the wall)."""

    def __init__(self, processes: int, warm: Callable[[], None] | None = None) -> None:
        self.processes = processes
        self.cpu_s = 0.0
        """CPU seconds the workers spent in the steps they ran."""
        self.pids: list[int] = []
        context = multiprocessing.get_context("spawn")
        self._executor = ProcessPoolExecutor(
            max_workers=processes, mp_context=context, initializer=_init, initargs=(warm, context.Barrier(processes))
        )

    async def run(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        loop = asyncio.get_running_loop()
        done: Timed[R] = await loop.run_in_executor(self._executor, _timed, fn, args, kwargs)
        self.cpu_s += done.cpu_s
        return done.value

    def start(self) -> None:
        """Start every worker now (each runs its initializer), so the first articles do not wait for them."""
        self.pids = sorted({f.result() for f in [self._executor.submit(_meet) for _ in range(self.processes)]})

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


_POOLS: dict[tuple[int, Callable[[], None] | None], CpuPool] = {}
_CURRENT: ContextVar[CpuPool | None] = ContextVar("summarise_cpu_pool", default=None)


def cpu_pool(processes: int, warm: Callable[[], None] | None = None) -> CpuPool:
    """This process's pool of ``processes`` workers that ran ``warm`` (a module-level function) when they started:
    made at the first call, reused after, shut down when the process exits."""
    key = (processes, warm)
    if key not in _POOLS:
        pool = CpuPool(processes, warm)
        pool.start()  # once per process: a second or two while the workers import and warm
        _POOLS[key] = pool
    return _POOLS[key]


def pools() -> list[CpuPool]:
    """This process's pools, as made so far."""
    return list(_POOLS.values())


@atexit.register
def _close_pools() -> None:
    for pool in _POOLS.values():
        pool.close()
    _POOLS.clear()


@contextmanager
def using(pool: CpuPool | None) -> Iterator[None]:
    """Make ``pool`` the current one for the code run inside (and the asyncio tasks it starts)."""
    token = _CURRENT.set(pool)
    try:
        yield
    finally:
        _CURRENT.reset(token)


async def run_cpu(fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """``fn(*args)`` in the current pool, or here when there is none."""
    pool = _CURRENT.get()
    if pool is None:
        return fn(*args, **kwargs)
    return await pool.run(fn, *args, **kwargs)
