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
    def write(self, key: str, line: str) -> None: ...

    def close(self) -> None: ...


class JsonlSink:
    """JSONL records, one per input key, to a file or stdout: lines flushed at once, the file fsynced each second
    and at close. The file is never truncated: it starts as a copy of ``lines`` written aside and renamed over
    the old one, a new input's line is appended, and a line for an input the file already holds replaces it by
    writing the whole file aside again (at most once a second, and at close; until then the old line stands, and
    the run store holds the new one for a resume). stdout cannot take a line back: every line is printed."""

    def __init__(self, path: Path | None, lines: Iterable[tuple[str, str]] = ()) -> None:
        self.path = path
        self._synced = time.monotonic()
        self._lines: dict[str, str] = dict(lines)
        self._stale = False
        if path is None:
            self._file: IO[str] = sys.stdout
            for line in self._lines.values():
                self._file.write(line + "\n")
            self._file.flush()
            return
        self._file = self._rewrite()

    def _rewrite(self) -> IO[str]:
        """Write every line aside, fsync, rename over the file; return it open for appending."""
        assert self.path is not None
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with tmp.open("w", encoding="utf-8") as out:
            for line in self._lines.values():
                out.write(line + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path)
        self._stale = False
        self._synced = time.monotonic()
        return self.path.open("a", encoding="utf-8")

    def write(self, key: str, line: str) -> None:
        replacing = key in self._lines
        self._lines[key] = line
        if self.path is None or not replacing:
            self._file.write(line + "\n")
            self._file.flush()
        else:
            self._stale = True
        if self.path is not None and time.monotonic() - self._synced >= FSYNC_EVERY_S:
            self._sync()

    def _sync(self) -> None:
        if self._stale:
            self._file.close()
            self._file = self._rewrite()
            return
        os.fsync(self._file.fileno())
        self._synced = time.monotonic()

    def close(self) -> None:
        if self.path is None:
            self._file.flush()
            return
        with contextlib.suppress(OSError, ValueError):
            self._file.flush()
            self._sync()
        self._file.close()


class NullSink:
    def write(self, key: str, line: str) -> None:
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
