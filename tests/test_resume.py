"""Resume keeps its settings and its finished work: real `summarise run` processes, killed with SIGKILL at several
points, resumed in a shell whose environment differs, then with a changed flag without and with --redo.

At every point the run store and the JSONL file hold each finished article exactly once, and no finished summary
is replaced by an error record. (The file may lag the store by the record being written when the kill came: the
store is written first, and a resume rebuilds the file from it.)
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fakeserver import FakeServer, Reply, last_user, plain_answer

NAMES = [f"Art{i:02d}" for i in range(8)]
TEXT = "{name} Corp said on Monday it would open a plant in Leeds. The mayor welcomed it. Work starts soon.\n"
DEAD = "http://127.0.0.1:9/v1"  # nothing listens: a run that goes there fails every article


@dataclass(frozen=True)
class Stored:
    status: str
    settings_hash: str
    line: dict[str, Any]


def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"id": n, "text": TEXT.format(name=n)}) + "\n" for n in NAMES), "utf-8")
    return path


def store(home: Path) -> dict[str, Stored]:
    with sqlite3.connect(home / "runs.sqlite") as con:
        rows = con.execute("SELECT article_id, status, settings_hash, line FROM records WHERE run_id = 's'").fetchall()
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), ids
    return {r[0]: Stored(r[1], r[2], json.loads(r[3])) for r in rows}


def started(home: Path) -> bool:
    """The run store exists with its tables (the process may be creating it)."""
    try:
        store(home)
    except sqlite3.OperationalError:
        return False
    return True


def jsonl(path: Path) -> dict[str, dict[str, Any]]:
    """The file's whole lines: a line the run is still writing (no newline yet) is not a record, as for any reader
    of a file being appended to; a long line reaches the file in more than one write."""
    data = path.read_bytes() if path.exists() else b""
    records = [json.loads(line) for line in data[: data.rfind(b"\n") + 1].decode("utf-8").splitlines()]
    ids = [r["article"]["id"] if "article" in r else r["id"] for r in records]
    assert len(ids) == len(set(ids)), f"duplicated records: {ids}"
    return dict(zip(ids, records, strict=True))


def check(home: Path, out: Path, good_before: dict[str, Stored]) -> dict[str, Stored]:
    """Each finished article once in store and file; no good record replaced by an error; the file's records are
    the store's (it may lack the one in flight)."""
    held, written = store(home), jsonl(out)
    assert set(written) <= set(held) and len(held) - len(written) <= 1, (sorted(held), sorted(written))
    for name, record in held.items():
        if name in written and written[name] != record.line:
            # only while --redo replaces it: the old summary stands in the file until it is rewritten
            assert "summary" in written[name] and record.status == "ok", (name, written[name])
    for name in good_before:
        assert held[name].status == "ok", f"{name}: a finished summary became {held[name].status}"
    return {n: r for n, r in held.items() if r.status == "ok"}


def cli(argv: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "summarise.cli", "run", *argv],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def kill_when(proc: subprocess.Popen[bytes], ready: Callable[[], bool], watch: Callable[[], None]) -> None:
    """SIGKILL ``proc`` once ``ready()``; ``watch()`` runs at every poll (the invariants hold all the time)."""
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline and proc.poll() is None and not ready():
            watch()
            time.sleep(0.02)
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "finished before the kill"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)


def asked(server: FakeServer, since: int) -> set[str]:
    return {n for s in server.chats[since:] for n in NAMES if n in last_user(s.body)}


def test_scripted_session_kill_resume_other_env_changed_flag_redo(tmp_path: Path) -> None:
    home, out, articles = tmp_path / "home", tmp_path / "r.jsonl", feed(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARISE_"))}
    env.update(SUMMARISE_HOME=str(home), PYTHONUNBUFFERED="1")
    # The resumes run in a shell that would pick another backend, endpoint and strategy if they read it.
    other_env = {**env, "OPENAI_API_KEY": "sk-other-shell", "OPENAI_BASE_URL": DEAD, "SUMMARISE_STRATEGY": "single"}
    # lifetime_s: the whole session takes minutes on a busy machine
    with FakeServer(answer=plain_answer, latency=0.1, lifetime_s=900) as server:
        # 1. the run, killed after two records
        proc = cli(
            [str(articles), "--base-url", server.url, "-f", "jsonl", "-o", str(out), "--run", "s", "-c", "1", "-q"], env
        )
        kill_when(proc, lambda: started(home) and len(store(home)) >= 2, lambda: None)
        good = check(home, out, {})
        assert len(good) >= 2

        # 2. resumed in the other shell, killed again: the run's own endpoint, strategy and settings are used
        before, finished = len(server.chats), set(good)
        proc = cli(["--resume", "s", "-q"], other_env)
        kill_when(proc, lambda: len(store(home)) >= len(good) + 2, lambda: check(home, out, good))
        good = check(home, out, good)
        assert not asked(server, before) & finished, "finished work asked again"
        hashes = {r.settings_hash for r in store(home).values()}
        assert len(hashes) == 1, "the resume ran under other settings"

        # 3. resumed to the end in the other shell: every article once, nothing finished asked again
        finished = set(store(home))
        before = len(server.chats)
        proc = cli(["--resume", "s", "-q"], other_env)
        assert proc.wait(timeout=120) == 0, proc.stderr.read().decode() if proc.stderr else ""
        good = check(home, out, good)
        assert set(good) == set(NAMES) == set(jsonl(out)) and not asked(server, before) & finished
        (first_hash,) = {r.settings_hash for r in store(home).values()}
        info = sqlite3.connect(home / "runs.sqlite").execute("SELECT settings FROM runs WHERE id = 's'").fetchone()
        stored_settings = json.loads(info[0])
        assert stored_settings["backend"] == "openai" and stored_settings["strategy"] == "windows"
        assert stored_settings["base_url"] == server.url

        # 4. a changed flag without --redo: finished work stands, nothing is asked
        before = len(server.chats)
        proc = cli(["--resume", "s", "--strict", "-q"], other_env)
        assert proc.wait(timeout=120) == 0
        err = proc.stderr.read().decode() if proc.stderr else ""
        assert len(server.chats) == before and "settings changed" in err and "--redo" in err
        assert {r.settings_hash for r in store(home).values()} == {first_hash} and set(jsonl(out)) == set(NAMES)

        # 5. the changed flag with --redo against an endpoint that refuses every request: every good record stands
        with FakeServer(lambda _n, _body: Reply.error(400), answer=plain_answer) as refusing:
            proc = cli(["--resume", "s", "--strict", "--redo", "--base-url", refusing.url, "-q"], other_env)
            assert proc.wait(timeout=120) == 1
            assert refusing.chats, "the redo did not ask"
        good = check(home, out, good)
        assert set(good) == set(NAMES) == set(jsonl(out))

        # 6. --redo for real, killed half-way: old records stand until their replacements exist
        def redone() -> int:
            return sum(r.settings_hash != first_hash for r in store(home).values())

        def whole() -> None:
            check(home, out, good)
            assert set(jsonl(out)) == set(NAMES), "the output file lost finished records"

        proc = cli(["--resume", "s", "--strict", "--redo", "--base-url", server.url, "-q"], other_env)
        kill_when(proc, lambda: redone() >= 3, whole)
        whole()
        assert 3 <= redone() < len(NAMES)

        # 7. and carried on to the end with the same flags: everything under the new settings, once
        proc = cli(["--resume", "s", "--strict", "--redo", "--base-url", server.url, "-q"], other_env)
        assert proc.wait(timeout=120) == 0, proc.stderr.read().decode() if proc.stderr else ""
        whole()
        assert redone() == len(NAMES)
