"""Several processes sharing one SUMMARISE_HOME: the run store and the cache under concurrent writers (real
processes), a lock that is waited for rather than taken for damage, a damaged file that is named as such, and
the embedded model's machine-wide generation lock (which a Ray actor does not take) and thread count."""

from __future__ import annotations

import itertools
import json
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarise.backends.sharing import LOCK_FILE, free_threads
from summarise.batch.store import RUNS_FILE, RunStore
from summarise.cache import CACHE_FILE, Cache
from summarise.errors import StateUnreadable

ROOT = Path(__file__).resolve().parent.parent

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from summarise.batch.store import NewRecord, RunStore
    from summarise.cache import Cache
    from summarise.schema import ArticleSummary

    home, name, count, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    summary = ArticleSummary.model_validate_json(Path(sys.argv[5]).read_text())
    while time.time() < go:  # both writers start together
        time.sleep(0.005)
    store = RunStore(home / "runs.sqlite")
    store.start(name, inputs=[], out=None, fmt="jsonl", settings={}, settings_hash="h", resume=False)
    cache = Cache(home / "cache.sqlite")
    for i in range(count):
        store.put(name, NewRecord(f"k{i}", i, str(i), None, "ok", None, "h", f'{{"n": {i}}}'))
        cache.put(f"{name}-{i}", summary)
        assert cache.get(f"{name}-{i}") is not None
        store.records(name)
    store.finish(name, "done")
    print("ok", name)
    """
)


def a_summary(tmp_path: Path) -> Path:
    from summarise import summarise
    from summarise.backends.fake import FakeBackend
    from summarise.config import Settings

    text = "Acme Corp said on Monday it would open a plant in Leeds. The mayor welcomed it."
    summary = summarise(text, settings=Settings(backend="fake", home=tmp_path), backend=FakeBackend())
    path = tmp_path / "summary.json"
    path.write_text(summary.model_dump_json(), encoding="utf-8")
    return path


def test_two_processes_write_one_store_and_one_cache_at_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    summary = a_summary(tmp_path)
    go = time.time() + 3.0  # time for both interpreters to import
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(home), name, "60", str(go), str(summary)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("one", "two")
    ]
    results = [p.communicate(timeout=180) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0 and out.startswith("ok"), err
        assert "is busy" not in err and "unreadable" not in err
    store = RunStore(home / RUNS_FILE)
    for name in ("one", "two"):
        info = store.get(name)
        assert info is not None and info.status == "done"
        assert [json.loads(r.line)["n"] for r in store.records(name)] == list(range(60))
    assert Cache(home / CACHE_FILE).stats().entries == 120
    with sqlite3.connect(home / RUNS_FILE) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_lock_held_by_another_process_is_waited_for(tmp_path: Path) -> None:
    path = tmp_path / RUNS_FILE
    RunStore(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"con = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
            "con.execute('BEGIN EXCLUSIVE'); print('held', flush=True); time.sleep(1.5); con.execute('COMMIT')",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    store = RunStore(path)  # opening and writing wait for the other's transaction to end
    store.start("r", inputs=[], out=None, fmt="jsonl", settings={}, settings_hash="h", resume=False)
    waited = time.monotonic() - started
    holder.wait(timeout=30)
    assert store.get("r") is not None and waited > 0.5


@pytest.mark.parametrize(
    ("make", "name", "advice"), [(RunStore, RUNS_FILE, "move it aside"), (Cache, CACHE_FILE, "cache clear")]
)
def test_a_damaged_file_is_named_unreadable_with_advice(tmp_path: Path, make: type, name: str, advice: str) -> None:
    (tmp_path / name).write_bytes(b"this is not a database, " * 200)
    with pytest.raises(StateUnreadable, match="is unreadable") as caught:
        make(tmp_path / name)
    assert advice in str(caught.value)


def test_threads_fit_the_free_cores() -> None:
    assert free_threads(cores=8, load=0.2) == 8  # a quiet machine: every core
    assert free_threads(cores=8, load=3.0) == 5  # three busy: the rest
    assert free_threads(cores=8, load=20.0) == 4  # swamped: never below half
    assert free_threads(cores=2, load=1.5) == 1
    assert free_threads(cores=1, load=5.0) == 1


LOCKER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from summarise.backends.sharing import generation_lock

    home, log = Path(sys.argv[1]), Path(sys.argv[2])
    for _ in range(3):
        with generation_lock(home):
            start = time.time()
            time.sleep(0.2)
            with log.open("a") as f:
                f.write(f"{start} {time.time()}\\n")
    """
)


def test_generation_lock_lets_one_process_generate_at_a_time(tmp_path: Path) -> None:
    log = tmp_path / "turns.log"
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    procs = [subprocess.Popen([sys.executable, "-c", LOCKER, str(tmp_path), str(log)], env=env) for _ in range(2)]
    assert all(p.wait(timeout=60) == 0 for p in procs)
    turns = sorted(tuple(map(float, line.split())) for line in log.read_text().splitlines())
    assert len(turns) == 6 and (tmp_path / LOCK_FILE).exists()
    assert all(end <= nxt_start for (_, end), (nxt_start, _) in itertools.pairwise(turns))


class StubLlama:
    """Stands in for llama.cpp: answers ``{}`` at once."""

    n_tokens = 5

    def create_chat_completion(self, **kwargs: object) -> Iterator[dict[str, object]]:
        yield {"choices": [{"delta": {"content": "{}"}, "finish_reason": "stop"}]}


@pytest.mark.parametrize("actor", [False, True])
def test_a_ray_actor_does_not_wait_for_its_homes_turn_at_the_model(tmp_path: Path, actor: bool) -> None:
    from summarise.backends.local import LocalBackend
    from summarise.backends.sharing import generation_lock
    from summarise.config import Settings
    from summarise.engines.ray_data import actor_settings

    model = tmp_path / "tiny.gguf"
    model.write_bytes(b"GGUF")
    settings = Settings(model=str(model), home=tmp_path)
    backend = LocalBackend(actor_settings(settings) if actor else settings)
    backend._llama = StubLlama()
    done = threading.Event()

    def generate() -> None:
        backend.raw_create(messages=[{"role": "user", "content": "hi"}])
        done.set()

    with generation_lock(tmp_path):  # another process of the same home is generating
        thread = threading.Thread(target=generate, daemon=True)
        thread.start()
        while_held = done.wait(timeout=30 if actor else 0.5)  # a lone process must still be waiting
    thread.join(timeout=30)
    assert done.is_set()  # and it ran once the turn was free
    assert while_held == actor
