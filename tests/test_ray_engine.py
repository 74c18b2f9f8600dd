"""The Ray engine on a real local Ray cluster: started here (2 CPUs, loopback only), shut down after the module.

Against the fake backend and the loopback fault server: good and bad inputs give the local batch's records, an
actor that dies mid-run loses nothing, a re-run with the same output skips what is done. Select with ``-m ray``;
skipped without the ``ray`` extra.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fakeserver import FakeServer, Reply, last_user, plain_answer
from pydantic import BaseModel

from summarise.backends.base import Backend
from summarise.backends.fake import FakeBackend
from summarise.batch.runner import RunOptions, run_batch
from summarise.cli import main
from summarise.config import Settings
from summarise.schema import ArticleSummary

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")
pytestmark = pytest.mark.ray

from summarise.engines.ray_data import read_articles, summarise_dataset  # noqa: E402
from summarise.engines.ray_run import run_on_ray  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "{name} Corp said on Monday it would open a plant in Leeds. The mayor welcomed it. Work starts soon.\n"


@pytest.fixture(scope="module", autouse=True)
def cluster() -> Iterator[None]:
    """A local cluster whose workers import this checkout and this module (the backend factories below)."""
    saved = {name: os.environ.get(name) for name in ("PYTHONPATH", "RAY_ADDRESS")}
    os.environ.pop("RAY_ADDRESS", None)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), str(ROOT / "tests")] + ([saved["PYTHONPATH"]] if saved["PYTHONPATH"] else [])
    )
    ray.init(
        num_cpus=2,
        object_store_memory=100 * 2**20,
        include_dashboard=False,
        logging_level="WARNING",
        _node_ip_address="127.0.0.1",
    )
    try:
        yield
    finally:
        ray.shutdown()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# -- backends the actors build (module-level, so the workers import them by name) ---------------------------


def plain(messages: list[dict[str, str]], model: type[BaseModel] | None) -> Any:
    return plain_answer(messages, model.model_json_schema() if model else {})


def plain_backend(settings: Settings) -> Backend:
    return FakeBackend(plain, model="plain")


def dying_backend(settings: Settings) -> Backend:
    """Kills its own process (the actor) the first time it sees article Art07; the marker file says it did."""
    marker = settings.home / "killed"

    def answer(messages: list[dict[str, str]], model: type[BaseModel] | None) -> Any:
        if "Art07" in last_user({"messages": messages}) and not marker.exists():
            marker.write_text(str(os.getpid()))
            os._exit(1)
        return plain(messages, model)

    return FakeBackend(answer, model="plain")


def poison_backend(settings: Settings) -> Backend:
    """Kills its actor every time it sees article Art03, counting the deaths in a file."""
    deaths = settings.home / "deaths"

    def answer(messages: list[dict[str, str]], model: type[BaseModel] | None) -> Any:
        if "Art03" in last_user({"messages": messages}):
            with deaths.open("a") as out:
                out.write("x")
            os._exit(1)
        return plain(messages, model)

    return FakeBackend(answer, model="plain")


# -- helpers --------------------------------------------------------------------------------------------------


def write_articles(directory: Path, count: int, start: int = 0) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = directory / f"art{i:02d}.txt"
        path.write_text(ARTICLE.format(name=f"Art{i:02d}"), encoding="utf-8")
        paths.append(path)
    return paths


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def source_of(record: dict[str, Any]) -> str:
    return str(record["article"]["source"] if "article" in record else record["source"])


def bad_inputs(directory: Path) -> list[str]:
    """Three good files, an empty one, one that is binary, and a JSONL file with two good and two bad lines."""
    write_articles(directory / "docs", 3)
    (directory / "docs" / "empty.txt").write_text("   \n", encoding="utf-8")
    (directory / "docs" / "binary.txt").write_bytes(b"abc\x00def")
    feed = directory / "feed.jsonl"
    rows = [
        json.dumps({"id": "j1", "text": ARTICLE.format(name="Jay01"), "published": "2024-03-05"}),
        "{not json",
        json.dumps({"id": "j2", "text": ARTICLE.format(name="Jay02")}),
        json.dumps({"id": "j3", "text": 42}),
    ]
    feed.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return [str(directory / "docs"), str(feed), str(directory / "missing.txt")]


def comparable(record: dict[str, Any]) -> Any:
    """What must agree between the engines: the summary without timings, or the error's kind."""
    if "article" not in record:
        return ("error", record["kind"])
    summary = ArticleSummary.model_validate(record)
    return ("ok", summary.article.id, summary.summary, summary.model_dump(include={"claims", "events", "entities"}))


# -- tests ----------------------------------------------------------------------------------------------------


def test_good_and_bad_inputs_give_the_local_batchs_records(tmp_path: Path) -> None:
    inputs = bad_inputs(tmp_path)
    settings = Settings(backend="fake", home=tmp_path / "home")
    local = run_batch(inputs, settings, RunOptions(out=tmp_path / "local.jsonl", progress=False))
    result = run_on_ray(inputs, settings, RunOptions(out=tmp_path / "ray.jsonl", progress=False))

    assert result.inputs == local.inputs == 10
    assert (result.totals.ok, result.totals.failed) == (local.totals.ok, local.totals.failed) == (5, 5)
    ray_records, local_records = records(tmp_path / "ray.jsonl"), records(tmp_path / "local.jsonl")
    assert len(ray_records) == 10
    # JSONL lines name their file; records from the same file are told apart by their content
    assert sorted(map(str, map(comparable, ray_records))) == sorted(map(str, map(comparable, local_records)))
    errors = {Path(source_of(r)).name: r["error"] for r in ray_records if "error" in r}
    local_errors = sorted(r["error"] for r in local_records if "error" in r)
    assert sorted(r["error"] for r in ray_records if "error" in r) == local_errors  # the same reasons, word for word
    assert errors["empty.txt"].endswith("file contains only whitespace")
    assert "binary" in errors["binary.txt"]
    assert errors["missing.txt"].endswith("missing.txt: no such file or directory")
    assert sum(1 for r in ray_records if "error" in r and source_of(r).endswith("feed.jsonl")) == 2
    assert len(result.records) == 10 and {r.status for r in result.records} == {"ok", "error"}


def test_endpoint_faults_are_recorded_like_the_local_batch(tmp_path: Path) -> None:
    """Against the loopback server, one article's requests always fail with 500: the same status, both ways."""
    inputs = [str(p) for p in write_articles(tmp_path / "docs", 6)]

    def script(index: int, body: dict[str, Any]) -> Reply:
        return Reply.error(500) if "Art03" in last_user(body) else Reply.answer()

    with FakeServer(script=script, answer=plain_answer) as server:
        settings = Settings(base_url=server.url, transient_retries=0, strategy="hybrid", home=tmp_path / "home")
        local = run_batch(inputs, settings, RunOptions(out=tmp_path / "local.jsonl", progress=False))
        result = run_on_ray(inputs, settings, RunOptions(out=tmp_path / "ray.jsonl", progress=False))

    statuses = {Path(source_of(json.loads(r.line))).name: r.status for r in result.records}
    assert statuses == {Path(source_of(json.loads(r.line))).name: r.status for r in local.records}
    assert len(statuses) == 6 and statuses["art03.txt"] != "ok"
    assert [Path(source_of(r)).name for r in records(tmp_path / "ray.jsonl")].count("art03.txt") == 1


def test_an_actor_killed_mid_run_loses_nothing(tmp_path: Path) -> None:
    inputs = [str(p) for p in write_articles(tmp_path / "docs", 12)]
    settings = Settings(backend="fake", strategy="hybrid", home=tmp_path / "home")
    options = RunOptions(out=tmp_path / "out.jsonl", progress=False)
    result = run_on_ray(inputs, settings, options, backend_factory=dying_backend, actors=2)

    killed = int((tmp_path / "home" / "killed").read_text())
    assert killed != os.getpid()  # an actor's process died, not this one
    sources = sorted(Path(source_of(r)).name for r in records(tmp_path / "out.jsonl"))
    assert sources == sorted(Path(p).name for p in inputs)  # every input once
    assert result.totals.ok == 12 and result.totals.failed == 0


def test_an_article_that_kills_every_actor_fails_the_run_and_keeps_the_rest(tmp_path: Path) -> None:
    from summarise.engines.ray_data import RETRIES
    from summarise.errors import SummariseError

    inputs = [str(p) for p in write_articles(tmp_path / "docs", 8)]
    settings = Settings(backend="fake", strategy="hybrid", home=tmp_path / "home")
    (tmp_path / "home").mkdir()
    with pytest.raises(SummariseError, match="the Ray job failed"):
        options = RunOptions(out=tmp_path / "out.jsonl", progress=False)
        run_on_ray(inputs, settings, options, backend_factory=poison_backend, actors=1, batch_size=1)
    assert len((tmp_path / "home" / "deaths").read_text()) == RETRIES + 1  # tried, retried, then given up
    kept = records(tmp_path / "out.jsonl")
    assert "art03.txt" not in {Path(source_of(r)).name for r in kept}
    assert len({source_of(r) for r in kept}) == len(kept)  # what finished is recorded once


def test_a_rerun_with_the_same_output_skips_finished_work(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_articles(docs, 6)
    failing = {"on": True}

    def script(index: int, body: dict[str, Any]) -> Reply:
        return Reply.error(500) if failing["on"] and "Art02" in last_user(body) else Reply.answer()

    out = tmp_path / "out.jsonl"
    with FakeServer(script=script, answer=plain_answer) as server:
        settings = Settings(base_url=server.url, transient_retries=0, strategy="hybrid", home=tmp_path / "home")
        first = run_on_ray([str(docs)], settings, RunOptions(out=out, progress=False))
        assert first.totals.ok == 5 and len(records(out)) == 6
        failing["on"] = False
        (docs / "art05.txt").unlink()  # gone from the run: its record leaves the output
        write_articles(docs, 1, start=6)  # new: done this time
        before = len(server.chats)
        second = run_on_ray([str(docs)], settings, RunOptions(out=out, progress=False))
        asked = [last_user(s.body) for s in server.chats[before:]]

    assert second.run_id == first.run_id
    assert second.totals.skipped == 4 and second.totals.ok == 2 and second.totals.failed == 0
    assert sorted(next(w for w in text.split() if w.startswith("Art")) for text in asked) == ["Art02", "Art06"]
    names = sorted(Path(source_of(r)).name for r in records(out))
    assert names == [f"art{i:02d}.txt" for i in (0, 1, 2, 3, 4, 6)]
    assert all("article" in r for r in records(out))


def test_the_cli_writes_jsonl_and_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import pyarrow.parquet as pq

    docs = tmp_path / "docs"
    write_articles(docs, 3)
    common = ["--engine", "ray", "--backend", "fake", "--home", str(tmp_path / "home")]
    out = tmp_path / "out.jsonl"
    assert main(["run", str(docs), *common, "-f", "jsonl", "-o", str(out)]) == 0
    assert len(records(out)) == 3 and "on Ray: 3 inputs" in capsys.readouterr().err
    table = tmp_path / "out.parquet"
    assert main(["run", str(docs), *common, "-f", "parquet", "-o", str(table)]) == 0
    rows = pq.read_table(table).to_pylist()
    assert sorted(r["id"] for r in rows) == sorted(r["article"]["id"] for r in records(out))
    assert all(r["status"] == "ok" and ArticleSummary.model_validate_json(r["record"]) for r in rows)
    assert main(["run", str(docs), "--backend", "fake", "-f", "parquet", "-o", str(table)]) == 2
    assert "--format parquet needs --engine ray" in capsys.readouterr().err


def test_library_reads_parquet_and_returns_a_dataset(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "id": ["p1", "p2", "p3"],
            "text": [ARTICLE.format(name="Par01"), ARTICLE.format(name="Par02"), ""],
            "published": pa.array([date(2024, 3, 5), None, None], pa.date32()),
        }
    )
    pq.write_table(table, tmp_path / "in.parquet")
    settings = Settings(backend="fake", home=tmp_path / "home")
    rows = summarise_dataset(read_articles([str(tmp_path / "in.parquet")]), settings, actors=1).take_all()

    by_id = {row["id"]: row for row in rows}
    assert len(rows) == 3 and {by_id["p1"]["status"], by_id["p2"]["status"]} == {"ok"}
    first = ArticleSummary.model_validate_json(by_id["p1"]["record"])
    assert first.article.published == date(2024, 3, 5)
    (failed,) = [row for row in rows if row["status"] == "error"]  # no Document, so no id: as in the local batch
    assert json.loads(failed["record"])["error"].endswith("input is empty")
    skipped = summarise_dataset(
        read_articles([str(tmp_path / "in.parquet")]), settings, actors=1, skip=[by_id["p1"]["input_key"]]
    ).take_all()
    assert sorted(r["status"] for r in skipped) == ["error", "ok", "skipped"]


@pytest.mark.parametrize("cpus", [1.0, 2.0, 3.0, 16.0, 64.0])
@pytest.mark.parametrize("backend", ["fake", "local"])
def test_the_pool_never_reserves_the_cpu_its_read_tasks_need(cpus: float, backend: str) -> None:
    from summarise.engines.ray_data import FREE_CPUS, pool_for

    pool = pool_for(Settings(backend=backend), cpus)
    assert pool.actors >= 1
    assert pool.actors * pool.cpus_per_actor <= max(0.0, cpus - FREE_CPUS) + 1e-9
    if backend == "local":  # each embedded actor runs 2 llama.cpp threads: one actor per 2 CPUs
        assert pool.actors == max(1, int(cpus // 2))
