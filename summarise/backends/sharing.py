"""The embedded model on a machine it shares: how many threads to start, and one generation at a time.

llama.cpp's threads wait on each other at every step; when they outnumber the cores actually free (another
summarise, a test run, a parse of a long file), each step waits for the slowest thread and a 20 s article takes
minutes. So the model starts as many threads as there are cores this process may use (its CPU affinity) less
those already busy (the one-minute load average), never fewer than half of them (a passing spike must not
condemn a long run to one thread); ``SUMMARISE_THREADS`` overrides. And processes sharing a home take turns:
each generation holds an exclusive lock on ``<home>/locks/embedded-model.lock`` (``fcntl.flock``: released by
the kernel if the process dies, so a killed run never leaves it held).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = Path("locks") / "embedded-model.lock"


def usable_cores() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 2


def free_threads(cores: int | None = None, load: float | None = None) -> int:
    """Threads for llama.cpp: the usable cores less the busy ones (load average), at least half the cores."""
    cores = usable_cores() if cores is None else cores
    if load is None:
        try:
            load = os.getloadavg()[0]
        except (AttributeError, OSError):
            load = 0.0
    free = cores - math.floor(load)
    return max(1, (cores + 1) // 2, min(cores, free))


@contextmanager
def generation_lock(home: Path) -> Iterator[None]:
    """Hold the machine's embedded-model lock under ``home`` while the block runs (waits for other processes)."""
    try:
        import fcntl
    except ImportError:  # no flock (Windows): generations are not coordinated across processes
        yield
        return
    path = home / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
