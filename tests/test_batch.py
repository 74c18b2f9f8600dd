"""Batch runs: bad inputs, output formats, ordering and concurrency, the run store and resume."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fakeserver import FakeServer, last_user, plain_answer
from pydantic import BaseModel

from summarise.backends import register
from summarise.backends.fake import FakeBackend
from summarise.batch.runner import RunOptions, input_key, plan, run_batch
from summarise.batch.store import RunStore, StoredRecord
from summarise.cli import main
from summarise.config import Settings
from summarise.errors import ConfigError, InputError
from summarise.ingest import load_text

SENTENCES = "{name} Corp said on Monday it would open a plant in Leeds. The mayor welcomed it. Work starts soon.\n"


def plain(messages: list[dict[str, str]], model: type[BaseModel] | None) -> Any:
    return plain_answer(messages, model.model_json_schema() if model else {})


register("fake-plain", lambda s: FakeBackend(plain, model="plain"), description="test: minimal valid answers")


def write(directory: Path, names: list[str]) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = directory / f"{name}.txt"
        path.write_text(SENTENCES.format(name=name), encoding="utf-8")
        paths.append(path)
    return paths


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def by_source(path: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for record in lines(path):
        source = record["article"]["source"] if "article" in record else record["source"]
        out[Path(source).name] = record
    return out


def marker(messages: list[dict[str, str]]) -> str:
    text = last_user({"messages": messages})
    return next(w for w in text.split() if w.startswith("Art"))


# -- bad inputs through `summarise run` -------------------------------------------------------------------


def test_bad_inputs_each_get_a_record_and_the_batch_carries_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed"
    write(feed, ["good"])
    (feed / "empty.txt").write_bytes(b"")
    (feed / "blank.txt").write_bytes(b"  \n\t \r\n")
    (feed / "binary.txt").write_bytes(bytes(range(256)) * 8)
    french = "Le café a rouvert lundi, a déclaré le maire. «Nous sommes ravis», a-t-il dit. C’est la fête.\n"
    (feed / "cp1252.txt").write_bytes(french.encode("cp1252"))
    line = SENTENCES.format(name="Big")
    big = line * (1_000_000 // len(line) + 1)
    (feed / "big.txt").write_text(big, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    argv = [
        "run",
        str(feed),
        "--backend",
        "fake-plain",
        "--strategy",
        "single",
        "-f",
        "jsonl",
        "-o",
        str(out),
    ]
    assert main(argv) == 1
    got = by_source(out)
    assert set(got) == {"good.txt", "empty.txt", "blank.txt", "binary.txt", "cp1252.txt", "big.txt"}
    for name, words in (("empty.txt", "empty"), ("blank.txt", "whitespace"), ("binary.txt", "binary")):
        assert got[name]["kind"] == "InputError" and words in got[name]["error"], got[name]
    assert got["good.txt"]["summary"]
    text = got["cp1252.txt"]["article"]["text"]
    assert "café" in text and "«Nous" in text and "C’est" in text
    assert len(got["big.txt"]["article"]["text"]) >= 1_000_000
    err = capsys.readouterr().err
    assert err.count("empty.txt") == 1 and "3 of 6 inputs failed" in err


@pytest.mark.xfail(reason="charset detection reads short French cp1252 text as cp1250 (à -> ŕ); ingest's call")
def test_cp1252_letters_outside_cp1250_survive(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes("Les habitants étaient nombreux à célébrer l’événement à Orléans.\n".encode("cp1252"))
    out = tmp_path / "out.json"
    assert main(["run", str(path), "--backend", "fake-plain", "-o", str(out)]) == 0
    assert " à " in json.loads(out.read_text())["article"]["text"]


def test_file_that_vanishes_before_it_is_read_is_an_error_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, gone, c = write(tmp_path / "feed", ["Art1", "Art2", "Art3"])
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == gone.name:
            raise FileNotFoundError(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = tmp_path / "out.jsonl"
    assert main(["run", str(tmp_path / "feed"), "--backend", "fake-plain", "-f", "jsonl", "-o", str(out)]) == 1
    got = by_source(out)
    assert got[gone.name]["kind"] == "InputError" and "no such file" in got[gone.name]["error"]
    assert got[a.name]["summary"] and got[c.name]["summary"]


def test_file_deleted_mid_run_was_read_when_listed(tmp_path: Path) -> None:
    paths = write(tmp_path / "feed", ["Art1", "Art2", "Art3"])

    def script(messages: list[dict[str, str]], model: type[BaseModel] | None) -> Any:
        paths[2].unlink(missing_ok=True)  # while the first article is being summarised
        return plain(messages, model)

    settings = Settings(backend="fake", home=tmp_path / "home")
    result = run_batch(
        [str(tmp_path / "feed")], settings, RunOptions(fmt="json", progress=False), backend=FakeBackend(script)
    )
    assert not paths[2].exists()
    assert result.totals.ok == 3 and result.totals.failed == 0


# -- output formats ---------------------------------------------------------------------------------------


def test_single_input_json_is_one_object_and_md_is_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (path,) = write(tmp_path, ["Art1"])
    assert main(["run", str(path), "--backend", "fake-plain"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict) and data["article"]["source"] == str(path)
    assert main(["run", str(path), "--backend", "fake-plain", "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert "A short neutral summary of the article." in md and not md.lstrip().startswith("{")


def test_several_inputs_as_json_are_an_array_in_input_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = write(tmp_path / "feed", ["Art1", "Art2", "Art3"])
    assert main(["run", str(tmp_path / "feed"), "--backend", "fake-plain", "-q"]) == 0
    captured = capsys.readouterr()
    assert [d["article"]["source"] for d in json.loads(captured.out)] == [str(p) for p in paths]
    assert captured.err == ""  # --quiet


def test_single_input_failure_is_the_commands_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert main(["run", str(path), "--backend", "fake-plain"]) == InputError.exit_code
    assert capsys.readouterr().err.strip() == f"summarise: error: {path}: file is empty"


# -- how articles are scheduled ------------------------------------------------------------------------------


def test_embedded_path_runs_one_article_at_a_time_in_input_order(tmp_path: Path) -> None:
    seen: list[str] = []

    def script(messages: list[dict[str, str]], model: type[BaseModel] | None) -> Any:
        seen.append(marker(messages))
        return plain(messages, model)

    backend = FakeBackend(script)
    backend.name = "local"  # what the runner keys the embedded path on
    names = [f"Art{i}" for i in range(5)]
    write(tmp_path / "feed", names)
    settings = Settings(backend="fake", home=tmp_path / "home", concurrency=8, strategy="windows")  # as scripted
    result = run_batch([str(tmp_path / "feed")], settings, RunOptions(fmt="json", progress=False), backend=backend)
    assert result.totals.ok == 5
    assert [n for i, n in enumerate(seen) if i == 0 or seen[i - 1] != n] == names  # contiguous, in order


def test_remote_path_bounds_requests_in_flight(tmp_path: Path) -> None:
    write(tmp_path / "feed", [f"Art{i}" for i in range(8)])
    with FakeServer(answer=plain_answer, latency=0.1) as server:
        settings = Settings(base_url=server.url, home=tmp_path / "home", concurrency=3)
        result = run_batch([str(tmp_path / "feed")], settings, RunOptions(fmt="json", progress=False))
    assert result.totals.ok == 8
    assert 2 <= server.max_in_flight <= 3


# -- the run store and resume ---------------------------------------------------------------------------------


def record(key: str, status: str = "ok", shash: str = "h") -> StoredRecord:
    return StoredRecord(key, 0, status, None, shash, "{}")


def test_plan_skips_what_is_done_under_the_same_settings() -> None:
    docs = [load_text(SENTENCES.format(name=n), id=n) for n in ("a", "b", "c", "d")]
    bad = InputError("file is empty", source="e.txt")
    keys = [input_key(d) for d in docs]
    stored = [record(keys[0]), record(keys[1], "error"), record(keys[2], shash="other"), record("gone")]
    work = plan([*docs, bad, docs[0]], stored, "h")
    assert [r.input_key for r in work.kept] == [keys[0]]
    assert [i.key for i in work.pending] == [keys[1], keys[2], keys[3], input_key(bad)]
    assert work.stale == ["gone"] and work.duplicates == 1


def test_input_key_follows_content_not_place() -> None:
    a = load_text("Same words here.", id="x", source="one.txt")
    b = load_text("Same words here.", id="x", source="two.txt")
    assert input_key(a) == input_key(b)
    assert input_key(a) != input_key(load_text("Same words here.", id="x", published="2024-01-02"))


def test_run_names_are_unique_and_resume_needs_a_known_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (path,) = write(tmp_path, ["Art1"])
    base = ["run", str(path), "--backend", "fake-plain", "-q"]
    assert main([*base, "--run", "nightly"]) == 0
    assert main([*base, "--run", "nightly"]) == ConfigError.exit_code
    assert main(["run", "--resume", "nope", "--backend", "fake-plain"]) == ConfigError.exit_code
    err = capsys.readouterr().err
    assert "a run named 'nightly' exists" in err and "no run named 'nope'" in err


def test_resume_rebuilds_a_torn_jsonl_file_from_the_store(tmp_path: Path) -> None:
    write(tmp_path / "feed", ["Art1", "Art2", "Art3"])
    out = tmp_path / "out.jsonl"
    argv = ["run", str(tmp_path / "feed"), "--backend", "fake-plain", "-f", "jsonl", "-o", str(out), "-q"]
    assert main([*argv, "--run", "torn"]) == 0
    with out.open("a", encoding="utf-8") as f:
        f.write('{"schema_version": "1.0", "article": {"id": "half-writ')  # as a kill mid-write leaves it
    assert main(["run", "--resume", "torn", "--backend", "fake-plain", "-q"]) == 0
    assert len(lines(out)) == 3


def test_resume_under_other_settings_redoes_finished_inputs(tmp_path: Path) -> None:
    write(tmp_path / "feed", ["Art1", "Art2"])
    backend = FakeBackend(plain)
    settings = Settings(backend="fake", home=tmp_path / "home")
    run_batch([str(tmp_path / "feed")], settings, RunOptions(run_name="s", progress=False), backend=backend)
    calls = len(backend.requests)
    same = run_batch([], settings, RunOptions(resume="s", progress=False), backend=backend)
    assert len(backend.requests) == calls and same.totals.skipped == 2
    other = run_batch([], settings.with_(strict=True), RunOptions(resume="s", progress=False), backend=backend)
    assert len(backend.requests) == 2 * calls and other.totals.ok == 2 and other.totals.skipped == 0


def test_interrupted_run_is_marked_and_resumes(tmp_path: Path) -> None:
    write(tmp_path / "feed", ["Art1", "Art2", "Art3"])

    def script(messages: list[dict[str, str]], model: type[BaseModel] | None) -> Any:
        if marker(messages) == "Art2":
            raise KeyboardInterrupt
        return plain(messages, model)

    settings = Settings(backend="fake", home=tmp_path / "home", strategy="windows")  # as scripted
    backend = FakeBackend(script)
    backend.name = "local"
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(tmp_path / "feed")], settings, RunOptions(run_name="ctrl-c", progress=False), backend=backend)
    store = RunStore.for_settings(settings)
    info = store.get("ctrl-c")
    assert info is not None and info.status == "interrupted" and len(store.records("ctrl-c")) == 1
    again = FakeBackend(plain)
    again.name = "local"  # the same backend as before: the settings hash covers the backend that answers
    result = run_batch([], settings, RunOptions(resume="ctrl-c", progress=False), backend=again)
    assert (result.totals.skipped, result.totals.ok) == (1, 2)
    assert [r.status for r in store.records("ctrl-c")] == ["ok"] * 3


def test_store_keeps_settings_without_secrets(tmp_path: Path) -> None:
    settings = Settings(api_key="sk-secret-1234", base_url="http://me:pw@host:8080/v1?key=abc")
    public = settings.public()
    assert "api_key" not in public and public["base_url"] == "http://host:8080/v1"
    write(tmp_path / "feed", ["Art1"])
    run_batch([str(tmp_path / "feed")], settings.with_(home=tmp_path / "home"), backend=FakeBackend(plain))
    with sqlite3.connect(tmp_path / "home" / "runs.sqlite") as con:
        dump = "\n".join(con.iterdump())
    assert "sk-secret" not in dump and "pw@" not in dump and "key=abc" not in dump


@pytest.mark.parametrize("flag", ["--rpm", "--tpm"])
def test_rate_limits_must_be_positive(tmp_path: Path, flag: str) -> None:
    (path,) = write(tmp_path, ["Art1"])
    assert main(["run", str(path), "--backend", "fake-plain", flag, "0"]) == ConfigError.exit_code


def test_resume_writes_the_runs_format_to_the_runs_output(tmp_path: Path) -> None:
    write(tmp_path / "feed", ["Art1", "Art2"])
    out = tmp_path / "out.json"
    assert main(["run", str(tmp_path / "feed"), "--backend", "fake-plain", "-o", str(out), "--run", "j", "-q"]) == 0
    out.unlink()
    assert main(["run", "--resume", "j", "--backend", "fake-plain", "-q"]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 2


def test_one_article_goes_straight_through_without_the_run_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (path,) = write(tmp_path, ["Art1"])
    home = tmp_path / "home"
    assert main(["run", str(path), "--backend", "fake-plain", "--home", str(home), "-f", "jsonl"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["article"]["source"] == str(path) and not (home / "runs.sqlite").exists()
    # a named run of one article is a batch: recorded, so it can be resumed
    assert main(["run", str(path), "--backend", "fake-plain", "--home", str(home), "--run", "solo", "-q"]) == 0
    info = RunStore(home / "runs.sqlite").get("solo")
    assert info is not None and info.status == "done"
