"""The summary cache: what the key covers, what a hit looks like, and `summarise cache stats|clear`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fakeserver import plain_answer
from pydantic import BaseModel
from typer.testing import CliRunner

from summarise.backends.fake import FakeBackend
from summarise.batch.runner import RunOptions, run_batch
from summarise.cache import CACHE_FILE, Cache, cache_key, cacheable, lookup
from summarise.cli.cache import app as cache_app
from summarise.config import Settings
from summarise.pipeline import summarise
from summarise.prompts import load_prompt

TEXT = "Acme Corp said on Monday it would open a plant in Leeds. The mayor welcomed the news.\n"
BASE: dict[str, Any] = {
    "backend": "openai",
    "model": "m",
    "endpoint": "http://host:8080/v1",
    "prompt": "p",
    "schema": "s",
    "strategy": "windows",
    "params": {"temperature": 0.0, "seed": 7},
}


def plain(messages: list[dict[str, str]], model: type[BaseModel] | None) -> Any:
    return plain_answer(messages, model.model_json_schema() if model else {})


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("backend", "local"),
        ("model", "m2"),
        ("endpoint", "http://other:8080/v1"),
        ("prompt", "p2"),
        ("schema", "s2"),
        ("strategy", "single"),
        ("params", {"temperature": 0.5, "seed": 7}),
        ("params", {"temperature": 0.0, "seed": 8}),
    ],
)
def test_key_changes_with_every_setting_that_changes_the_answer(field: str, value: Any) -> None:
    from summarise.ingest import load_text

    doc = load_text(TEXT, published="2024-01-02", title="T")
    assert cache_key(BASE, doc) != cache_key({**BASE, field: value}, doc)
    assert cache_key(BASE, doc) == cache_key(dict(BASE), doc)


@pytest.mark.parametrize("change", [{"text": TEXT + "More."}, {"published": None}, {"title": None}])
def test_key_changes_with_the_article(change: dict[str, Any]) -> None:
    from summarise.ingest import load_text

    article: dict[str, Any] = {"text": TEXT, "published": "2024-01-02", "title": "T"}
    assert cache_key(BASE, load_text(**article)) != cache_key(BASE, load_text(**{**article, **change}))
    assert cache_key(BASE, load_text(**article)) == cache_key(BASE, load_text(**article, id="other", source="x"))


def test_the_run_store_hashes_the_caches_fingerprint() -> None:
    """One description of "asked the same way": what changes a cache key changes a run's settings hash."""
    from summarise.batch.runner import settings_hash

    backend, base = FakeBackend(), Settings(backend="fake", base_url="http://me:pw@host:8080/v1")
    hashes = {
        settings_hash(base.with_(**change), backend, True)
        for change in (
            {},
            {"temperature": 0.3},
            {"strict": True},
            {"base_url": "http://other/v1"},
            {"strategy": "single"},
        )
    }
    assert len(hashes | {settings_hash(base, backend, False)}) == 6
    # credentials and what does not change the answer do not change it
    same = base.with_(base_url="http://you:other@host:8080/v1?key=k", api_key="sk-x", concurrency=9, cache=True)
    assert settings_hash(same, backend, True) == settings_hash(base, backend, True)


def test_every_generation_setting_is_in_the_key(tmp_path: Path) -> None:
    from summarise.cache import key_for
    from summarise.ingest import load_text

    doc, prompt, backend = load_text(TEXT), load_prompt(), FakeBackend()
    base = Settings(backend="fake")
    changes = {"temperature": 0.3, "seed": 1, "max_retries": 0, "max_retry_tokens": 1, "strict": True}
    changes |= {"fuzzy_threshold": 50.0, "context_chars": 100}
    keys = {key_for(doc, base.with_(**{k: v}), backend, prompt, "windows") for k, v in changes.items()}
    assert len(keys | {key_for(doc, base, backend, prompt, "windows")}) == len(changes) + 1
    # what does not change the answer does not change the key
    same = base.with_(api_key="sk-x", timeout_s=5.0, concurrency=9, cache=True, home=tmp_path)
    assert key_for(doc, same, backend, prompt, "windows") == key_for(doc, base, backend, prompt, "windows")


def test_get_put_stats_clear(tmp_path: Path) -> None:
    cache = Cache(tmp_path / CACHE_FILE)
    summary = summarise(TEXT, settings=Settings(backend="fake"), backend=FakeBackend(plain))
    assert cache.get("k") is None
    cache.put("k", summary)
    hit = cache.get("k")
    assert hit is not None and hit.provenance.cached and not summary.provenance.cached
    assert hit.model_dump(exclude={"provenance"}) == summary.model_dump(exclude={"provenance"})
    st = cache.stats()
    assert (st.entries, st.hits, st.by_model) == (1, 1, [("fake", "fake", 1, 1)]) and st.bytes > 0
    assert cache.clear() == 1 and cache.get("k") is None


def test_results_degraded_by_the_endpoint_are_not_cacheable() -> None:
    summary = summarise(TEXT, settings=Settings(backend="fake"), backend=FakeBackend(plain))

    def warned(*warnings: str) -> Any:
        return summary.model_copy(update={"provenance": summary.provenance.model_copy(update={"warnings": warnings})})

    assert cacheable(summary)
    assert cacheable(warned("window 2: the model's answer stayed invalid after 3 attempt(s): x"))
    assert cacheable(warned("summary: the model gave none; the article's opening sentences stand in"))
    assert not cacheable(warned("window 1: openai: HTTP 503: overloaded"))
    assert not cacheable(warned("summary: local: generation passed its 120s deadline"))


def test_cache_is_off_by_default(tmp_path: Path) -> None:
    settings = Settings(backend="fake", home=tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    run_batch([str(tmp_path / "a.txt")], settings, RunOptions(progress=False), backend=FakeBackend(plain))
    assert not (tmp_path / CACHE_FILE).exists()
    assert lookup(load_doc(), settings, FakeBackend(), load_prompt(), "windows") is None


def load_doc() -> Any:
    from summarise.ingest import load_text

    return load_text(TEXT, id="x")


def test_warm_run_is_served_from_the_cache_under_the_asking_id(tmp_path: Path) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    second.write_text(json.dumps({"id": "b", "text": TEXT}) + "\n", encoding="utf-8")
    backend = FakeBackend(plain)
    settings = Settings(backend="fake", home=tmp_path / "home", cache=True)
    cold = run_batch([str(first)], settings, RunOptions(out=tmp_path / "o1.jsonl", progress=False), backend=backend)
    calls = len(backend.requests)
    warm = run_batch([str(second)], settings, RunOptions(out=tmp_path / "o2.jsonl", progress=False), backend=backend)
    assert len(backend.requests) == calls and (cold.totals.cached, warm.totals.cached) == (0, 1)
    hit = json.loads((tmp_path / "o2.jsonl").read_text())
    made = json.loads((tmp_path / "o1.jsonl").read_text())
    assert hit["article"]["id"] == "b" and hit["article"]["source"] == str(second)
    assert hit["article"]["text"] == TEXT and hit["provenance"]["cached"] is True
    assert hit["summary"] == made["summary"] and hit["claims"] == made["claims"]
    nothing = run_batch(
        [str(second)], settings, RunOptions(include_text=False, progress=False, fmt="json"), backend=backend
    )
    assert json.loads(nothing.records[0].line)["article"]["text"] is None
    assert len(backend.requests) == calls


def test_cache_cli_stats_and_clear(tmp_path: Path) -> None:
    runner = CliRunner()
    home = ["--home", str(tmp_path)]
    assert "no cache yet" in runner.invoke(cache_app, ["stats", *home]).output
    Cache(tmp_path / CACHE_FILE).put(
        "k", summarise(TEXT, settings=Settings(backend="fake"), backend=FakeBackend(plain))
    )
    shown = runner.invoke(cache_app, ["stats", *home])
    assert shown.exit_code == 0 and "1 entries" in shown.output and "fake" in shown.output
    cleared = runner.invoke(cache_app, ["clear", *home])
    assert cleared.exit_code == 0 and "cleared 1" in cleared.output
    assert Cache(tmp_path / CACHE_FILE).stats().entries == 0


def test_unreadable_cache_is_reported_and_clear_removes_it(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    with pytest.raises(Exception, match="unreadable"):
        Cache(tmp_path / CACHE_FILE)
    result = CliRunner().invoke(cache_app, ["clear", "--home", str(tmp_path)])
    assert "removed unreadable" in result.output and not (tmp_path / CACHE_FILE).exists()
