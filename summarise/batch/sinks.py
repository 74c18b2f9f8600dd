"""Where a batch run's records go as they finish (a JSONL file or stdout), and its progress bar on stderr."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Protocol

FSYNC_EVERY_S = 1.0


class Sink(Protocol):
    def write(self, line: str) -> None: ...

    def close(self) -> None: ...


class JsonlSink:
    """JSONL records to a file or stdout: lines flushed at once, the file fsynced each second and at close."""

    def __init__(self, path: Path | None, lines: Iterable[str] = ()) -> None:
        """Start the file afresh with ``lines`` (atomically), then append."""
        self.path = path
        self._synced = time.monotonic()
        if path is None:
            self._file: IO[str] = sys.stdout
            for line in lines:
                self._file.write(line + "\n")
            self._file.flush()
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with tmp.open("w", encoding="utf-8") as out:
            for line in lines:
                out.write(line + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        self._file = path.open("a", encoding="utf-8")

    def write(self, line: str) -> None:
        self._file.write(line + "\n")
        self._file.flush()
        if self.path is not None and time.monotonic() - self._synced >= FSYNC_EVERY_S:
            os.fsync(self._file.fileno())
            self._synced = time.monotonic()

    def close(self) -> None:
        if self.path is None:
            self._file.flush()
            return
        with contextlib.suppress(OSError, ValueError):
            self._file.flush()
            os.fsync(self._file.fileno())
        self._file.close()


class NullSink:
    def write(self, line: str) -> None:
        return None

    def close(self) -> None:
        return None


class Progress:
    """A rich progress bar on stderr (done, failed, rate, ETA); silent when off."""

    def __init__(self, total: int, *, enabled: bool, done: int = 0) -> None:
        self.failed = 0
        self._bar: Any = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        self._bar = RichProgress(
            TextColumn("[bold]summarise[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("[red]{task.fields[failed]} failed[/]"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._started = time.monotonic()
        self._base = done
        self._task = self._bar.add_task("run", total=total, completed=done, failed=0, rate="")
        self._bar.start()

    def advance(self, failed: bool) -> None:
        self.failed += failed
        if self._bar is None:
            return
        task = self._bar.tasks[0]
        done = task.completed + 1 - self._base
        per_min = 60.0 * done / max(time.monotonic() - self._started, 1e-6)
        self._bar.update(self._task, advance=1, failed=self.failed, rate=f"{per_min:.1f}/min")

    def print(self, message: str) -> None:
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr, flush=True)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
