"""The output contract: what `summarise` returns, as Pydantic v2 models.

This module is the public contract. It imports nothing else of the package. Field names are stable: add fields
freely, rename none without bumping ``SCHEMA_VERSION``. Field descriptions are short on purpose: models read them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.5"

SpanStatus = Literal["exact", "fuzzy", "unverified"]
EntityType = Literal["person", "organization", "location", "group", "other"]
Speech = Literal["direct", "indirect", "mixed"]
Granularity = Literal["datetime", "day", "week", "month", "year", "interval", "unknown"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
EventStatus = Literal["happened", "planned", "possible", "conditional", "negated", "unknown"]
EventKind = Literal["act", "state"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of the input text that supports an item."""

    start: int = Field(ge=0, description="Code-point offset of the first character in the input text.")
    end: int = Field(ge=0, description="Code-point offset one past the last character.")
    text: str = Field(description="The input text between start and end.")
    status: SpanStatus = Field(
        default="unverified",
        description="exact: found verbatim (or after normalising quotes, dashes, spaces); fuzzy: found "
        "approximately; unverified: not found in the article.",
    )


class TimeExpr(_Model):
    """A time expression as written, with its resolved value."""

    text: str = Field(description="The expression as written, e.g. 'late on Tuesday'.")
    value: str | None = Field(
        default=None, description="ISO 8601 date, datetime or interval (start/end); null when unresolvable."
    )
    granularity: Granularity | None = Field(default=None, description="Precision of value.")


class TimeMention(_Model):
    """A time expression found in the article (TimeML TIMEX3): where it stands, its type and normalised value."""

    start: int = Field(ge=0, description="Code-point offset of the first character in the input text.")
    end: int = Field(ge=0, description="Code-point offset one past the last character.")
    text: str = Field(description="The expression as written, e.g. 'late on Tuesday'.")
    type: TimeType = Field(description="TimeML type: DATE, TIME (of day), DURATION or SET (a recurrence).")
    value: str = Field(
        description="TimeML value resolved against the publication date: 2023-09-05, 2023-W36, 2023-Q3, "
        "2023-09-05TNI, P2W, PXY, PRESENT_REF; X for parts the text leaves unknown (XXXX-09-05)."
    )


class Entity(_Model):
    id: str = Field(description="Stable id within this summary, e.g. 'e1'.")
    name: str = Field(description="Canonical name.")
    type: EntityType = "other"
    aliases: list[str] = Field(default_factory=list, description="Other names used for it in the article.")
    mentions: list[Span] = Field(
        default_factory=list, description="Where the article names it: each occurrence of its name or an alias."
    )


class Event(_Model):
    id: str = Field(description="Stable id within this summary, e.g. 'v1'.")
    actor: str | None = Field(default=None, description="Entity id of who acted; null when unknown.")
    action: str = Field(description="Short verb phrase.")
    targets: list[str] = Field(default_factory=list, description="Entity ids acted on or with.")
    time: TimeExpr | None = None
    location: str | None = Field(default=None, description="Where, as written; null when not stated.")
    evidence: list[Span] = Field(default_factory=list)
    status: EventStatus = Field(
        default="happened",
        description="How the article presents it: happened (as real, past or ongoing), planned (intended, "
        "scheduled, future), possible (could, may, likely, expected), conditional (if, unless, in case, would), "
        "negated (did not, refused to), unknown.",
    )
    reported_by: list[str] = Field(
        default_factory=list,
        description="Ids of the claims that carry it; empty when the article states it in its own voice.",
    )
    kind: EventKind = Field(
        default="act",
        description="act: something done or undergone; state: what a thing is, has or does as a rule (a "
        "description, 'the airport serves Bangkok').",
    )
    trigger: Span | None = Field(default=None, description="The word(s) naming the event: a verb or event noun.")
    retold: list[Span] = Field(
        default_factory=list,
        description="The word naming it where the article tells it again: the headline's, a later sentence's.",
    )
    key: bool = Field(default=False, description="True for the few events a reader needs first.")
    rank: int | None = Field(default=None, description="1 = most salient.")


class Claim(_Model):
    id: str = Field(description="Stable id within this summary, e.g. 'c1'.")
    claimant: str | None = Field(default=None, description="Entity id of who said it; null when unattributed.")
    cue: str = Field(description="Reporting verb as written: said, warned, claimed ...")
    content: str = Field(
        description="The claim as one self-contained sentence; words in [brackets] stand for a pronoun of the "
        "article's (the entity it names), `statement` keeps the exact words."
    )
    quote: str | None = Field(default=None, description="Verbatim quoted words when quoted directly, else null.")
    speech: Speech = "indirect"
    event_ids: list[str] = Field(default_factory=list, description="Events the claim is about.")
    evidence: list[Span] = Field(default_factory=list)
    statement: Span | None = Field(
        default=None, description="Where the claim's content stands in the article, when it is verbatim there."
    )
    key: bool = Field(default=False, description="True for the few claims a reader needs first.")
    rank: int | None = Field(default=None, description="1 = most salient.")


class ArticleMeta(_Model):
    id: str
    title: str | None = None
    source: str | None = Field(default=None, description="Publisher or path the article came from.")
    published: date | None = None
    text_sha256: str = Field(description="SHA-256 of `text` (UTF-8).")
    text: str | None = Field(
        default=None,
        description="The text every Span indexes: the input exactly as given, or for HTML input the text "
        "extracted from it. Null when the caller asked to omit it.",
    )
    language: str | None = None


class GroundingCounts(_Model):
    exact: int = 0
    fuzzy: int = 0
    unverified: int = 0
    quotes_verified: int = 0
    quotes_unverified: int = 0
    dropped: int = Field(default=0, description="Items removed by --strict.")


class Provenance(_Model):
    backend: str
    model: str
    strategy: str = "windows"
    prompt_id: str
    prompt_version: str
    prompt_sha256: str
    schema_sha256: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    retries: int = 0
    schema_reasks: int = Field(default=0, description="Answers that failed schema validation and were re-asked.")
    latency_s: float = 0.0
    cached: bool = False
    grounding: GroundingCounts = Field(default_factory=GroundingCounts)
    warnings: list[str] = Field(default_factory=list)
    summarise_version: str = ""


class ArticleSummary(_Model):
    schema_version: str = SCHEMA_VERSION
    article: ArticleMeta
    summary: str = Field(description="2-4 neutral sentences.")
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    times: list[TimeMention] = Field(
        default_factory=list, description="Every time expression in the article, in order (the time tagger's)."
    )
    provenance: Provenance

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)


def contract_schema(model: type[BaseModel], name: str, version: str) -> dict[str, Any]:
    """A contract's JSON Schema with its versioned ``$id``, as exported to ``schemas/<name>.schema.json``."""
    schema = model.model_json_schema()
    schema["$id"] = f"https://summarise.dev/schemas/{name}/{version}"
    return schema


def schema_text(schema: dict[str, Any]) -> str:
    """A schema as its exported file holds it (sorted keys, so the drift tests compare text)."""
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ArticleSummary, as exported to schemas/article_summary.schema.json."""
    return contract_schema(ArticleSummary, "article_summary", SCHEMA_VERSION)


def json_schema_text() -> str:
    return schema_text(json_schema())


@cache
def schema_sha256() -> str:
    return hashlib.sha256(json_schema_text().encode()).hexdigest()
