"""The story contract: exported, versioned, strict (like tests/test_schema.py for ArticleSummary)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from summarise.stories.schema import (
    STORY_SCHEMA_VERSION,
    StoryCollection,
    story_json_schema,
    story_json_schema_text,
)

ROOT = Path(__file__).resolve().parent.parent


def test_exported_story_schema_matches_the_models() -> None:
    exported = (ROOT / "schemas" / "story_collection.schema.json").read_text(encoding="utf-8")
    assert exported == story_json_schema_text(), (
        "story schema drifted: run `summarise schema --story -o schemas/story_collection.schema.json`"
    )


def test_story_schema_names_the_contract() -> None:
    schema = story_json_schema()
    defs = schema["$defs"]
    assert set(defs["Story"]["properties"]) >= {"id", "articles", "entities", "events", "claims", "timeline"}
    assert set(defs["StoryEntity"]["properties"]) >= {"id", "name", "aliases", "mentions"}
    assert set(defs["EntityMention"]["properties"]) >= {"article", "entity"}
    assert set(defs["StoryEvent"]["properties"]) >= {
        "id", "actor", "action", "targets", "time", "mentions", "earliest", "latest"
    }  # fmt: skip
    assert set(defs["EventMention"]["properties"]) >= {"article", "event", "status"}
    assert set(defs["StoryClaim"]["properties"]) >= {"id", "claimant", "content", "mentions"}
    assert set(defs["ClaimMention"]["properties"]) >= {"article", "claim"}
    assert set(defs["TimelineEntry"]["properties"]) >= {"date", "date_source", "event", "articles", "spans"}
    assert defs["TimelineEntry"]["properties"]["date_source"]["enum"] == ["event time", "published"]
    assert STORY_SCHEMA_VERSION in schema["$id"]


def test_unknown_fields_are_rejected() -> None:
    assert StoryCollection.model_validate({}).schema_version == STORY_SCHEMA_VERSION
    with pytest.raises(ValidationError):
        StoryCollection.model_validate({"stories": [], "surprise": 1})
    with pytest.raises(ValidationError):
        StoryCollection.model_validate({"stories": [{"id": "s1"}]})  # a story names its articles
