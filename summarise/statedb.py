"""SQLite state files under the home (the cache, the run store), shared safely by several processes.

Two ``summarise`` processes may share one ``SUMMARISE_HOME`` (two terminals, a cron job beside an eval). Every
state file is therefore opened in WAL mode (readers never wait for the writer), with a long busy timeout (a
writer waits for another's transaction instead of failing), and every write is one short transaction.

Errors are told apart, because the advice differs: a file held by another process past the timeout is *busy*
(wait, or find the process), and only a file SQLite cannot read as a database is *unreadable* — the one case
where moving it aside is the right advice.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ConfigError, StateBusy, StateUnreadable

BUSY_TIMEOUT_S = 60.0
"""How long a process waits for another's lock on a state file before giving up (transactions are short)."""
_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
_UNREADABLE = (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)


def is_busy(exc: sqlite3.Error) -> bool:
    """The error says another connection holds a lock (not that the file is damaged)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY
    return "locked" in str(exc) or "busy" in str(exc)


def is_unreadable(exc: sqlite3.Error) -> bool:
    """The file is not a SQLite database, or a damaged one."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _UNREADABLE
    return "not a database" in str(exc) or "malformed" in str(exc)


def state_error(what: str, path: Path, exc: sqlite3.Error, *, unreadable_hint: str) -> ConfigError:
    """One line for a state file that failed, with advice that fits the failure."""
    if is_busy(exc):
        return StateBusy(
            f"{what} {path} is busy: another process held it for over {BUSY_TIMEOUT_S:.0f}s",
            hint="wait for the other summarise process, or stop it",
        )
    if is_unreadable(exc):
        return StateUnreadable(f"{what} {path} is unreadable: {exc}", hint=unreadable_hint)
    return ConfigError(f"{what} {path} cannot be used: {exc}")


def _retry_busy(con: sqlite3.Connection, sql: str, deadline: float) -> None:
    """Run ``sql``, retrying while another process holds a lock SQLite does not wait for by itself (switching
    a new file to WAL, or recovering the WAL index, may answer busy at once)."""
    while True:
        try:
            con.execute(sql)
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def connect(path: Path, schema: str = "") -> sqlite3.Connection:
    """A connection to a state file: WAL, autocommit, busy timeout; ``schema`` (idempotent DDL) applied.

    Raises ``sqlite3.Error`` (the caller turns it into its own message with ``state_error``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    try:
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        _retry_busy(con, "PRAGMA journal_mode=WAL", deadline)
        con.execute("PRAGMA synchronous=NORMAL")  # durable across a killed process; a power cut may lose the tail
        if schema:
            with transaction(con):
                for statement in filter(str.strip, schema.split(";")):
                    con.execute(statement)
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def transaction(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One short write transaction, taken at once (BEGIN IMMEDIATE waits on other writers up to the timeout,
    and never fails half-way as a read that turns into a write can)."""
    con.execute("BEGIN IMMEDIATE")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
