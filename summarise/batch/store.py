"""The run store: every batch run and every record it produced, in SQLite (``<home>/runs.sqlite``).

``runs`` holds one row a run: its name, status, inputs, output path and settings (API key dropped, endpoint
credentials redacted) with their hash. ``records`` holds one row per (run, input key): the exact JSONL line
written for that input, its status (ok | partial | error) and the settings hash it was made under. Each
record is written in one short transaction, so a killed process leaves whole records or none; the store, not
the JSONL file, is the truth, and ``--resume`` rebuilds the file from it. Several processes may share the file
(WAL, busy timeout: see ``statedb``); a lock held by another is waited for, never taken for damage.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import ConfigError
from ..statedb import connect, state_error, transaction

RUNS_FILE = "runs.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    status TEXT NOT NULL,
    pid INTEGER,
    inputs TEXT NOT NULL,
    out TEXT,
    format TEXT NOT NULL,
    settings TEXT NOT NULL,
    settings_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    input_key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    article_id TEXT,
    source TEXT,
    status TEXT NOT NULL,
    kind TEXT,
    settings_hash TEXT NOT NULL,
    line TEXT NOT NULL,
    done_at REAL NOT NULL,
    PRIMARY KEY (run_id, input_key)
);
"""
_RANK = "(CASE {0}.status WHEN 'ok' THEN 2 WHEN 'partial' THEN 1 ELSE 0 END)"
"""A record's worth: a later attempt replaces an earlier record only when it is at least as good."""
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


@dataclass(frozen=True)
class RunInfo:
    id: str
    status: str
    pid: int | None
    inputs: list[str]
    out: str | None
    format: str
    settings: dict[str, Any]
    settings_hash: str
    created: float
    updated: float


@dataclass(frozen=True)
class NewRecord:
    """A finished input, as ``put`` stores it (the fields in the order of the ``records`` columns)."""

    input_key: str
    seq: int
    article_id: str | None
    source: str | None
    status: str
    kind: str | None
    settings_hash: str
    line: str


@dataclass(frozen=True)
class StoredRecord:
    input_key: str
    seq: int
    status: str
    kind: str | None
    settings_hash: str
    line: str


def _alive(pid: int | None) -> bool:
    if not pid or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class RunStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        with self._guard():
            self._con = connect(path, _SCHEMA)
            self._con.execute("PRAGMA foreign_keys=ON")

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """SQLite's errors as ours: busy (another process) apart from unreadable (a damaged file)."""
        try:
            yield
        except sqlite3.Error as exc:
            hint = "move it aside: summarise starts a new one (runs recorded in it are then not resumable)"
            raise state_error("run store", self.path, exc, unreadable_hint=hint) from exc

    @classmethod
    def for_settings(cls, settings: Settings) -> RunStore:
        return cls(settings.home / RUNS_FILE)

    def get(self, run_id: str) -> RunInfo | None:
        with self._lock, self._guard():
            row = self._con.execute(
                "SELECT id, status, pid, inputs, out, format, settings, settings_hash, created, updated "
                "FROM runs WHERE id = ?",
                (run_id,),
            ).fetchone()
        if row is None:
            return None
        rid, status, pid, inputs, out, fmt, settings, shash, created, updated = row
        return RunInfo(rid, status, pid, json.loads(inputs), out, fmt, json.loads(settings), shash, created, updated)

    def runs(self) -> list[RunInfo]:
        with self._lock, self._guard():
            ids = [r[0] for r in self._con.execute("SELECT id FROM runs ORDER BY created").fetchall()]
        return [info for rid in ids if (info := self.get(rid)) is not None]

    def start(
        self,
        run_id: str,
        *,
        inputs: list[str],
        out: str | None,
        fmt: str,
        settings: dict[str, Any],
        settings_hash: str,
        resume: bool,
    ) -> RunInfo:
        """Create a run, or (``resume``) take over an existing one that no live process is running."""
        if not _NAME.match(run_id):
            raise ConfigError(f"bad run name {run_id!r}: use letters, digits, '.', '_' and '-'")
        now = time.time()
        with self._lock, self._guard(), transaction(self._con):
            row = self._con.execute("SELECT status, pid FROM runs WHERE id = ?", (run_id,)).fetchone()
            if resume and row is None:
                raise ConfigError(f"no run named {run_id!r} in {self.path}")
            if not resume and row is not None:
                raise ConfigError(
                    f"a run named {run_id!r} exists",
                    hint=f"--resume {run_id} to carry it on, or pick another name",
                )
            if row is not None and row[0] == "running" and _alive(row[1]):
                raise ConfigError(f"run {run_id!r} is being run by process {row[1]}")
            values = {
                "id": run_id,
                "now": now,
                "pid": os.getpid(),
                "inputs": json.dumps(inputs),
                "out": out,
                "format": fmt,
                "settings": json.dumps(settings),
                "hash": settings_hash,
            }
            self._con.execute(
                "INSERT INTO runs (id, created, updated, status, pid, inputs, out, format, settings,"
                " settings_hash) VALUES (:id, :now, :now, 'running', :pid, :inputs, :out, :format,"
                " :settings, :hash) ON CONFLICT(id) DO UPDATE SET updated = :now, status = 'running',"
                " pid = :pid, inputs = :inputs, out = :out, format = :format, settings = :settings,"
                " settings_hash = :hash",
                values,
            )
        info = self.get(run_id)
        assert info is not None
        return info

    def finish(self, run_id: str, status: str) -> None:
        with self._lock, self._guard():
            self._con.execute(
                "UPDATE runs SET status = ?, updated = ?, pid = NULL WHERE id = ?",
                (status, time.time(), run_id),
            )

    def records(self, run_id: str) -> list[StoredRecord]:
        """A run's records, in input order."""
        with self._lock, self._guard():
            rows = self._con.execute(
                "SELECT input_key, seq, status, kind, settings_hash, line FROM records WHERE run_id = ? ORDER BY seq",
                (run_id,),
            ).fetchall()
        return [StoredRecord(*row) for row in rows]

    def put(self, run_id: str, record: NewRecord) -> bool:
        """Write one record in one transaction, replacing an earlier record for the same input unless the
        earlier one is better (ok over partial over error): a finished summary is never replaced by an error.
        Whether the record was written."""
        with self._lock, self._guard(), transaction(self._con):
            cur = self._con.execute(
                "INSERT INTO records (run_id, input_key, seq, article_id, source, status, kind, settings_hash,"
                " line, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(run_id, input_key) DO UPDATE"
                " SET seq = excluded.seq, article_id = excluded.article_id, source = excluded.source,"
                " status = excluded.status, kind = excluded.kind, settings_hash = excluded.settings_hash,"
                f" line = excluded.line, done_at = excluded.done_at WHERE {_RANK.format('excluded')}"
                f" >= {_RANK.format('records')}",
                (run_id, *astuple(record), time.time()),
            )
            written = cur.rowcount > 0
            self._con.execute("UPDATE runs SET updated = ? WHERE id = ?", (time.time(), run_id))
        return written

    def forget(self, run_id: str, keys: Iterable[str]) -> int:
        """Drop records (inputs no longer in the run, or about to be redone); how many were dropped."""
        count = 0
        with self._lock, self._guard(), transaction(self._con):
            for key in list(keys):
                cur = self._con.execute("DELETE FROM records WHERE run_id = ? AND input_key = ?", (run_id, key))
                count += cur.rowcount
        return count

    def renumber(self, run_id: str, positions: Iterable[tuple[str, int]]) -> None:
        """Set records' places in the input order (for outputs written in input order)."""
        with self._lock, self._guard(), transaction(self._con):
            self._con.executemany(
                "UPDATE records SET seq = ? WHERE run_id = ? AND input_key = ?",
                [(seq, run_id, key) for key, seq in positions],
            )

    def close(self) -> None:
        with self._lock:
            self._con.close()
