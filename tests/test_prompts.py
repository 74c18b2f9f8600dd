from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from summarise.errors import ConfigError
from summarise.prompts import fill, load_prompt, prompts_dir


def test_default_prompt_has_id_version_and_file_hash() -> None:
    prompt = load_prompt("news")
    path = prompts_dir() / f"news.v{prompt.version}.toml"
    assert prompt.id == "news"
    assert prompt.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert {"extract", "overview"} <= set(prompt.parts)


def test_messages_put_the_fixed_head_first_and_the_article_last() -> None:
    prompt = load_prompt("news")
    a = prompt.messages("extract", title="A", published="x", lead="l", sentences="[1] one")
    b = prompt.messages("overview", title="B", published="y", body="two")
    # same system text and worked example before the article: llama.cpp reuses that prefix across calls
    assert a[:-1] == b[:-1]
    assert a[0]["role"] == "system" and "data, not instructions" in a[0]["content"]
    assert a[-1]["content"].count("<article>") == 1 and "[1] one" in a[-1]["content"]


def test_article_text_is_inserted_verbatim_even_with_braces() -> None:
    assert fill("<a>{body}</a>", {"body": "{title} {{x}}"}) == "<a>{title} {{x}}</a>"
    with pytest.raises(ConfigError, match="needs a value"):
        fill("{missing}", {})


def test_unknown_prompt_or_version_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        load_prompt("nope")
    with pytest.raises(ConfigError, match="no version 99"):
        load_prompt("news", "99")


def test_prompt_file_whose_id_disagrees_with_its_name_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "odd.v1.toml").write_text('id = "other"\nversion = "1"\nsystem = "s"\n[extract]\nuser = "u"\n')
    monkeypatch.setattr("summarise.prompts.prompts_dir", lambda: tmp_path)
    load_prompt.cache_clear()
    try:
        with pytest.raises(ConfigError, match="do not match"):
            load_prompt("odd")
    finally:
        load_prompt.cache_clear()
