"""Fault suite: the OpenAI backend, the pipeline and batch runs against a misbehaving loopback server."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from fakeserver import FakeServer, Reply, last_user, plain_answer
from pydantic import BaseModel, Field

from summarise.backends import Request
from summarise.backends.openai_backend import OpenAIBackend, RateLimiter, prepared
from summarise.backends.retry import retry_after_s
from summarise.batch.runner import RunOptions, run_batch
from summarise.cli import main
from summarise.config import Settings
from summarise.errors import BackendError, ConfigError, ExtractionError

EPS = 0.02


class Pick(BaseModel):
    label: str = Field(max_length=10)
    score: int = Field(ge=1)


def ask(server: FakeServer, **settings: Any) -> Any:
    options: dict[str, Any] = {"timeout_s": 0.5, "transient_retries": 3, **settings}
    backend = OpenAIBackend(Settings(base_url=server.url, **options))
    return backend.complete(Request([{"role": "user", "content": "go"}], Pick, max_retries=1))


def gaps(server: FakeServer) -> list[float]:
    times = [s.arrived for s in server.chats]
    return [b - a for a, b in itertools.pairwise(times)]


# -- the backend, one request at a time ----------------------------------------------------------------------


def test_429_retries_after_the_retry_after_header() -> None:
    with FakeServer([Reply.error(429, retry_after=0.4)]) as server:
        done = ask(server)
    assert done.value.label == "fake"
    assert len(server.chats) == 2 and done.usage.retries == 1
    assert gaps(server)[0] >= 0.4 - EPS


def test_retry_after_as_http_date_and_milliseconds() -> None:
    class Resp:
        def __init__(self, headers: dict[str, str]) -> None:
            self.headers = headers

    class Exc(Exception):
        def __init__(self, headers: dict[str, str]) -> None:
            self.response = Resp(headers)

    when = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 30))
    assert 25 <= (retry_after_s(Exc({"retry-after": when})) or 0) <= 30
    assert retry_after_s(Exc({"retry-after-ms": "250"})) == 0.25
    assert retry_after_s(Exc({"retry-after": "soon"})) is None


@pytest.mark.parametrize(
    "fault",
    [
        [Reply.error(500, retry_after=0.01), Reply.error(503, retry_after=0.01)],
        [Reply.hang(5.0)],
        [Reply.drop()],
        [Reply.truncated()],
        [Reply.empty()],
        [Reply.error(200, body="plain text, not a completion")],
    ],
    ids=[
        "5xx",
        "hang-past-timeout",
        "dropped-connection",
        "truncated-body",
        "empty-choices",
        "not-a-completion",
    ],
)
def test_transient_faults_are_retried(fault: list[Reply]) -> None:
    with FakeServer(fault) as server:
        done = ask(server, timeout_s=0.3)
    assert done.value.label == "fake"
    assert len(server.chats) == len(fault) + 1
    assert done.usage.retries == len(fault)


def test_schema_invalid_answer_is_reasked_with_the_error() -> None:
    with FakeServer([Reply.invalid('{"label": "far too long a label", "score": 0}')]) as server:
        done = ask(server)
    assert done.value.label == "fake" and done.usage.calls == 2
    reask = server.chats[1].body["messages"]
    assert len(reask) > 1 and "score" in json.dumps(reask[1:])


def test_answer_that_stays_invalid_is_an_extraction_error() -> None:
    with FakeServer([Reply.invalid()] * 5) as server, pytest.raises(ExtractionError, match="stayed invalid"):
        ask(server)
    assert len(server.chats) == 2  # max_retries=1: one re-ask


def test_transient_budget_spent_is_a_transient_backend_error() -> None:
    with (
        FakeServer([Reply.error(503, retry_after=0.01)] * 10) as server,
        pytest.raises(BackendError, match="HTTP 503") as caught,
    ):
        ask(server, transient_retries=2)
    assert caught.value.transient
    assert len(server.chats) == 3  # no second round of retries from instructor


@pytest.mark.parametrize(("status", "error"), [(400, BackendError), (401, ConfigError), (404, BackendError)])
def test_client_errors_are_not_retried(status: int, error: type[Exception]) -> None:
    with FakeServer([Reply.error(status)] * 3) as server, pytest.raises(error):
        ask(server)
    assert len(server.chats) == 1


def test_unreachable_endpoint_is_a_clear_error() -> None:
    with FakeServer() as server:
        url = server.url
    backend = OpenAIBackend(Settings(base_url=url, timeout_s=0.3, transient_retries=1))
    with pytest.raises(BackendError, match="cannot reach"):
        backend.complete(Request([{"role": "user", "content": "go"}], Pick))


def test_async_client_survives_successive_event_loops() -> None:
    with FakeServer() as server:
        backend = OpenAIBackend(Settings(base_url=server.url, timeout_s=1.0))
        request = Request([{"role": "user", "content": "go"}], Pick)
        first = asyncio.run(backend.acomplete(request))
        second = asyncio.run(backend.acomplete(request))  # the first loop and its connections are gone
    assert first.value.model_dump() == second.value.model_dump() and len(server.chats) == 2


def test_concurrent_first_calls_ask_the_endpoint_for_its_models_once() -> None:
    with FakeServer(latency=0.05) as server:
        backend = OpenAIBackend(Settings(base_url=server.url, timeout_s=2.0, concurrency=3))
        request = Request([{"role": "user", "content": "go"}], Pick)

        async def many() -> None:
            await asyncio.gather(*(backend.acomplete(request) for _ in range(8)))

        asyncio.run(many())
    assert sum(s.path.endswith("/models") for s in server.seen) == 1
    assert len(server.chats) == 8 and server.max_in_flight <= 3  # the backend's own bound on requests in flight


def test_response_models_are_prepared_once_and_sent_unchanged() -> None:
    wrapper = prepared(Pick)
    assert prepared(Pick) is wrapper and issubclass(wrapper, Pick) and wrapper.__name__ == "Pick"
    wrapper.model_json_schema()["title"] = "mutated"  # callers get copies
    with FakeServer() as server:
        ask(server)
    sent = server.chats[0].body["response_format"]["json_schema"]
    assert sent == {"name": "Pick", "schema": Pick.model_json_schema()}


# -- rate limits at the call level -----------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_request_budget_spaces_requests_after_the_burst() -> None:
    clock = Clock()
    limiter = RateLimiter(requests_per_minute=60, clock=clock)  # 1 a second, burst of 10
    waits = [limiter.reserve() for _ in range(12)]
    assert waits[:10] == [0.0] * 10
    assert waits[10:] == pytest.approx([1.0, 2.0])
    clock.now += 10
    assert limiter.reserve() == pytest.approx(0.0, abs=1e-9)


def test_token_budget_is_settled_on_real_usage() -> None:
    clock = Clock()
    limiter = RateLimiter(tokens_per_minute=600, clock=clock)  # 10 a second, burst of 100
    assert limiter.reserve(100) == 0.0
    assert limiter.reserve(50) == pytest.approx(5.0)  # in debt by 50
    limiter.settle(reserved=100, used=40)  # the first request used less: 60 back
    assert limiter.reserve(5) == pytest.approx(0.0, abs=1e-9)


def test_pause_holds_every_caller() -> None:
    clock = Clock()
    limiter = RateLimiter(clock=clock)
    assert not limiter.limited and limiter.reserve() == 0.0
    limiter.pause(3.0)
    assert limiter.reserve() == pytest.approx(3.0)
    clock.now += 3.0
    assert limiter.reserve() == 0.0


def test_backend_books_every_http_attempt_and_pauses_on_429() -> None:
    booked: list[int] = []

    class Recording(RateLimiter):
        def reserve(self, tokens: int = 0) -> float:
            booked.append(tokens)
            return super().reserve(tokens)

    script = [Reply.error(500, retry_after=0.01), Reply.error(429, retry_after=0.3)]
    with FakeServer(script) as server:
        settings = Settings(base_url=server.url, timeout_s=1.0, requests_per_minute=6000, tokens_per_minute=10**6)
        backend = OpenAIBackend(settings)
        backend.limiter = Recording(6000, 10**6)
        backend.complete(Request([{"role": "user", "content": "go"}], Pick, max_tokens=200))
    assert len(booked) == 3 == len(server.chats)  # retries are requests too
    assert all(t >= 200 for t in booked)  # the answer budget is booked up front
    assert backend.limiter._paused_until > 0  # the 429's Retry-After paused the backend


# -- the pipeline and batch runs ----------------------------------------------------------------------------

ARTICLE = "{name} Corp said on Monday it would open a plant in Leeds. The mayor welcomed the news. Work starts soon."


def articles(tmp_path: Path, names: list[str]) -> Path:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": n, "text": ARTICLE.format(name=n)}) for n in names]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def records(path: Path) -> dict[str, dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    out = [json.loads(line) for line in lines]
    ids = [r["article"]["id"] if "article" in r else r["id"] for r in out]
    assert len(ids) == len(set(ids)), f"duplicated records: {ids}"
    return dict(zip(ids, out, strict=True))


def test_batch_carries_on_after_an_article_fails_for_good(tmp_path: Path) -> None:
    def script(_n: int, body: dict[str, Any]) -> Reply:
        return Reply.error(503, retry_after=0.01) if "Bravo" in last_user(body) else Reply.answer()

    with FakeServer(script, answer=plain_answer) as server:
        settings = Settings(base_url=server.url, timeout_s=1.0, transient_retries=1, home=tmp_path / "home")
        out = tmp_path / "out.jsonl"
        result = run_batch(
            [str(articles(tmp_path, ["Alpha", "Bravo", "Charlie"]))], settings, RunOptions(out=out, progress=False)
        )
    got = records(out)
    assert set(got) == {"Alpha", "Bravo", "Charlie"}
    assert got["Bravo"]["kind"] == "BackendError" and "HTTP 503" in got["Bravo"]["error"]
    assert got["Bravo"]["source"] == str(tmp_path / "feed.jsonl")
    assert got["Alpha"]["summary"] and got["Charlie"]["summary"]
    assert result.totals.failed == 1 and result.totals.ok == 2
    assert sum("Bravo" in last_user(s.body) for s in server.chats) >= 2  # tried, retried, given up


def test_resume_redoes_what_failed_and_nothing_else(tmp_path: Path) -> None:
    healthy = {"on": False}

    def script(_n: int, body: dict[str, Any]) -> Reply:
        overview = body["response_format"]["json_schema"]["name"] == "Overview"
        if overview and "Bravo" in last_user(body) and not healthy["on"]:
            return Reply.error(500, retry_after=0.01)
        return Reply.answer()

    with FakeServer(script, answer=plain_answer) as server:
        settings = Settings(base_url=server.url, timeout_s=1.0, transient_retries=1, home=tmp_path / "home")
        feed, out = articles(tmp_path, ["Alpha", "Bravo"]), tmp_path / "out.jsonl"
        first = run_batch([str(feed)], settings, RunOptions(run_name="p", out=out, progress=False))
        assert (first.totals.ok, first.totals.failed) == (1, 1)
        assert records(out)["Bravo"]["kind"] == "BackendError"
        healthy["on"] = True
        before = len(server.chats)
        second = run_batch([], settings, RunOptions(resume="p", out=out, progress=False))
    assert (second.totals.ok, second.totals.skipped, second.totals.failed) == (1, 1, 0)
    assert all("Bravo" in last_user(s.body) for s in server.chats[before:])  # Alpha was not redone
    assert records(out)["Bravo"]["summary"]


def test_api_key_never_reaches_store_cache_outputs_or_messages(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    key = "sk-test-LEAKCHECK-0123456789"

    def script(_n: int, body: dict[str, Any]) -> Reply:
        if "Bravo" in last_user(body):  # a server that echoes the credentials it got
            return Reply.error(500, retry_after=0.01, body=f"bad request from key {key}")
        return Reply.answer()

    home = tmp_path / "home"
    monkeypatch.setenv("OPENAI_API_KEY", key)
    with FakeServer(script, answer=plain_answer) as server:
        feed, out = articles(tmp_path, ["Alpha", "Bravo", "Charlie"]), tmp_path / "out.jsonl"
        argv = ["run", str(feed), "--base-url", server.url, "-f", "jsonl", "-o", str(out), "--cache"]
        assert main([*argv, "--home", str(home)]) == 1
        assert main(["run", str(feed), "--base-url", server.url, "--cache", "--home", str(home)]) == 1
    assert all(s.headers.get("authorization") == f"Bearer {key}" for s in server.seen)  # it was sent
    assert "Bravo" in records(out) and "LEAKCHECK" not in out.read_text()
    captured = capsys.readouterr()
    assert "LEAKCHECK" not in captured.out + captured.err + caplog.text and "***" in captured.err
    assert "cannot reach" not in caplog.text, caplog.text
    files = [p for p in home.rglob("*") if p.is_file()]
    assert any(p.name == "runs.sqlite" for p in files) and any(p.name == "cache.sqlite" for p in files)
    for path in files:
        assert b"LEAKCHECK" not in path.read_bytes(), path


def test_kill_9_mid_run_then_resume_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    names = [f"Art{i:02d}" for i in range(12)]
    feed, out, home = articles(tmp_path, names), tmp_path / "out.jsonl", tmp_path / "home"
    env = {**os.environ, "SUMMARISE_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    with FakeServer(answer=plain_answer, latency=0.15) as server:
        argv = [sys.executable, "-m", "summarise.cli", "run", str(feed), "--base-url", server.url]
        argv += ["-f", "jsonl", "-o", str(out), "--run", "k9", "-c", "2", "-q"]
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        try:
            while time.monotonic() < deadline and proc.poll() is None:
                if out.exists() and len(out.read_bytes().splitlines()) >= 4:
                    break
                time.sleep(0.02)
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.wait(timeout=30)
        killed_at = len(server.chats)
        with sqlite3.connect(home / "runs.sqlite") as con:
            stored = {json.loads(line)["article"]["id"] for (line,) in con.execute("SELECT line FROM records")}
            status = con.execute("SELECT status FROM runs WHERE id = 'k9'").fetchone()[0]
        assert 4 <= len(stored) < len(names) and status == "running"
        assert main(["run", "--resume", "k9", "--base-url", server.url, "-q", "--home", str(home)]) == 0
        redone = {n for s in server.chats[killed_at:] for n in names if n in last_user(s.body)}
    got = records(out)  # asserts no duplicates
    assert sorted(got) == names and all("summary" in r for r in got.values())
    assert not redone & stored  # nothing finished before the kill was asked again
    assert redone == set(names) - stored
