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

A worker that dies (killed, out of memory, a crash in native code) breaks the whole executor: every step in it
fails with ``BrokenProcessPool``. The pool then starts a fresh executor for the steps to come, and each step that
failed is tried once more, alone, in a one-worker executor kept for retries: a step that kills its worker again
(an input that crashes whatever reads it) fails with ``WorkerDied``, which its article records as its error,
and takes no other step with it.
"""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing
import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
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


def _init(warm: Callable[[], None] | None) -> None:
    # Ctrl-C is the batch's to handle (it records where it stopped); a worker would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if warm is not None:
        warm()


def _started() -> None:
    """Nothing: a call that makes the executor start a worker (it starts one per call while none is idle)."""


class WorkerDied(RuntimeError):
    """A step's worker process died, and died again when the step was retried alone."""


class CpuPool:
    """Worker processes for CPU steps, with the CPU time they spent (for benchmarks: the work, beside the wall)."""

    def __init__(self, processes: int, warm: Callable[[], None] | None = None) -> None:
        self.processes = processes
        self.warm = warm
        self.cpu_s = 0.0
        """CPU seconds the workers spent in the steps they ran."""
        self.renewals = 0
        """Executors replaced after a worker died."""
        self._executor = self._new_executor(processes)
        self._retry_executor: ProcessPoolExecutor | None = None
        self._retry_gate: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None

    def _new_executor(self, processes: int) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(processes, mp_context=context, initializer=_init, initargs=(self.warm,))

    async def _call(self, executor: ProcessPoolExecutor, fn: Callable[..., R], args: Any, kwargs: Any) -> R:
        done: Timed[R] = await asyncio.get_running_loop().run_in_executor(executor, _timed, fn, args, kwargs)
        self.cpu_s += done.cpu_s
        return done.value

    async def run(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        executor = self._executor
        try:
            return await self._call(executor, fn, args, kwargs)
        except BrokenProcessPool:
            if self._executor is executor:  # the first of its steps to see it replaces it; the rest just retry
                self._executor = self._renewed(executor, self.processes)
        async with self._retry_lock():  # one retry at a time, in a worker of its own
            retry = self._retry_executor = self._retry_executor or self._new_executor(1)
            try:
                return await self._call(retry, fn, args, kwargs)
            except BrokenProcessPool:
                self._retry_executor = self._renewed(retry, 1)
                raise WorkerDied(f"a worker process died running {_name(fn)}, twice") from None

    def _renewed(self, broken: ProcessPoolExecutor, processes: int) -> ProcessPoolExecutor:
        broken.shutdown(wait=False, cancel_futures=True)
        self.renewals += 1
        return self._new_executor(processes)

    def _retry_lock(self) -> asyncio.Lock:
        """The retries' lock for the running event loop (a pool outlives the loops of successive batches)."""
        loop = asyncio.get_running_loop()
        if self._retry_gate is None or self._retry_gate[0] is not loop:
            self._retry_gate = (loop, asyncio.Lock())
        return self._retry_gate[1]

    def start(self) -> None:
        """Start every worker now, without waiting for them to import and warm (1-2 s): the first steps queue
        behind that, while the batch's first requests go out (waiting here would hold up the event loop)."""
        for _ in range(self.processes):
            self._executor.submit(_started)

    def close(self) -> None:
        for executor in (self._executor, self._retry_executor):
            if executor is not None:
                executor.shutdown(wait=True, cancel_futures=True)


def _name(fn: Callable[..., Any]) -> str:
    inner = getattr(fn, "func", fn)  # a functools.partial names its function
    return str(getattr(inner, "__qualname__", type(inner).__name__))


_POOLS: dict[tuple[int, Callable[[], None] | None], CpuPool] = {}
_CURRENT: ContextVar[CpuPool | None] = ContextVar("summarise_cpu_pool", default=None)


def cpu_pool(processes: int, warm: Callable[[], None] | None = None) -> CpuPool:
    """This process's pool of ``processes`` workers that ran ``warm`` (a module-level function) when they started:
    made at the first call, reused after, shut down when the process exits."""
    key = (processes, warm)
    if key not in _POOLS:
        pool = CpuPool(processes, warm)
        pool.start()
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
        # A coroutine collected unfinished is closed in the collector's context, not the one that set the token;
        # that context is gone with it, so there is nothing left to restore.
        with suppress(ValueError):
            _CURRENT.reset(token)


async def run_cpu(fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """``fn(*args)`` in the current pool, or here when there is none."""
    pool = _CURRENT.get()
    if pool is None:
        return fn(*args, **kwargs)
    return await pool.run(fn, *args, **kwargs)
