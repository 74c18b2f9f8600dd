import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from summarise.schema import (
    SCHEMA_VERSION,
    ArticleSummary,
    Span,
    json_schema,
    json_schema_text,
    schema_sha256,
)

ROOT = Path(__file__).resolve().parent.parent


def test_exported_schema_matches_the_models() -> None:
    exported = (ROOT / "schemas" / "article_summary.schema.json").read_text(encoding="utf-8")
    assert exported == json_schema_text(), (
        "schema drifted: run `summarise schema -o schemas/article_summary.schema.json`"
    )


def test_schema_names_the_public_contract() -> None:
    schema = json_schema()
    assert set(schema["required"]) >= {"article", "summary", "provenance"}
    defs = schema["$defs"]
    assert set(defs["Claim"]["properties"]) >= {
        "id",
        "claimant",
        "cue",
        "content",
        "quote",
        "speech",
        "event_ids",
        "evidence",
    }
    assert set(defs["Event"]["properties"]) >= {
        "id",
        "actor",
        "action",
        "targets",
        "time",
        "location",
        "evidence",
    }
    assert set(defs["Span"]["properties"]) == {"start", "end", "text", "status"}
    assert defs["Span"]["properties"]["status"]["enum"] == ["exact", "fuzzy", "unverified"]
    assert SCHEMA_VERSION in schema["$id"]


def test_schema_hash_is_stable_and_content_based() -> None:
    assert schema_sha256() == schema_sha256()
    assert len(schema_sha256()) == 64


def test_unknown_fields_and_bad_values_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Span.model_validate({"start": 0, "end": 3, "text": "abc", "status": "maybe"})
    with pytest.raises(ValidationError):
        Span.model_validate({"start": -1, "end": 3, "text": "abc"})
    minimal = {
        "article": {"id": "a", "text_sha256": "0" * 64},
        "summary": "x",
        "provenance": {
            "backend": "fake",
            "model": "m",
            "prompt_id": "p",
            "prompt_version": "1",
            "prompt_sha256": "",
            "schema_sha256": "",
        },
    }
    summary = ArticleSummary.model_validate(minimal)
    assert summary.schema_version == SCHEMA_VERSION
    with pytest.raises(ValidationError):
        ArticleSummary.model_validate({**minimal, "surprise": 1})
    assert json.loads(summary.model_dump_json())["claims"] == []
