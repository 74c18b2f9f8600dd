"""The story contract: many articles' summaries merged into stories (``StoryCollection``), as Pydantic v2 models.

Like ``summarise.schema`` this is a public contract, exported to ``schemas/story_collection.schema.json`` (a test
fails on drift). Ids: ``s1`` for a story, ``s1.e1`` / ``s1.v1`` / ``s1.c1`` for its entities, events and
claims (unique across the collection). Article ids are ``ArticleMeta.id``; an article's own item ids (``e1``,
``v2``, ``c3``) appear only in ``mentions``, always with their article.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..schema import EntityType, EventKind, EventStatus, SpanStatus, TimeExpr, contract_schema, schema_text

STORY_SCHEMA_VERSION = "1.1"

DateSource = Literal["event time", "published"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleSpan(_Model):
    """A stretch of one article's text (code-point offsets into that article's ``article.text``)."""

    article: str = Field(description="Article id.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    status: SpanStatus = "unverified"


class StoryArticle(_Model):
    """An article of the collection, as the stories cite it."""

    id: str
    title: str | None = None
    source: str | None = None
    published: date | None = None


class EntityMention(_Model):
    article: str = Field(description="Article id.")
    entity: str = Field(description="The entity's id within that article's summary.")


class StoryEntity(_Model):
    id: str = Field(description="Unique in the collection, e.g. 's1.e1'.")
    name: str = Field(description="Canonical name: the fullest name the articles use.")
    type: EntityType = "other"
    aliases: list[str] = Field(default_factory=list, description="Every other name or description used for it.")
    mentions: list[EntityMention] = Field(default_factory=list, description="The article entities it merges.")


class EventMention(_Model):
    article: str = Field(description="Article id.")
    event: str = Field(description="The event's id within that article's summary.")
    status: EventStatus = Field(description="How that article presents the event.")
    published: date | None = Field(default=None, description="That article's publication date.")
    time: TimeExpr | None = Field(default=None, description="The event's time as that article gives it.")
    trigger: ArticleSpan | None = Field(default=None, description="The word(s) naming the event in that article.")
    evidence: list[ArticleSpan] = Field(default_factory=list)


class StoryEvent(_Model):
    id: str = Field(description="Unique in the collection, e.g. 's1.v1'.")
    actor: str | None = Field(default=None, description="Story entity id of who acted; null when unknown.")
    action: str = Field(description="Short verb phrase, from the report that says most.")
    targets: list[str] = Field(default_factory=list, description="Story entity ids acted on or with.")
    time: TimeExpr | None = Field(default=None, description="The most precise resolved time the reports give.")
    status: EventStatus = Field(description="What the latest report says of it.")
    kind: EventKind = Field(
        default="act",
        description="act when any report tells it as something done or undergone; state when every report "
        "describes what a thing is, has or does as a rule ('the airport serves Bangkok').",
    )
    statuses: list[EventStatus] = Field(
        default_factory=list, description="Its status as reported over time (earliest report first), repeats dropped."
    )
    mentions: list[EventMention] = Field(default_factory=list, description="Every article's report of it.")
    earliest: date | None = Field(default=None, description="Publication date of the earliest report.")
    latest: date | None = Field(default=None, description="Publication date of the latest report.")


class ClaimMention(_Model):
    article: str = Field(description="Article id.")
    claim: str = Field(description="The claim's id within that article's summary.")
    published: date | None = None
    evidence: list[ArticleSpan] = Field(default_factory=list)


class StoryClaim(_Model):
    id: str = Field(description="Unique in the collection, e.g. 's1.c1'.")
    claimant: str | None = Field(default=None, description="Story entity id of who said it; null when unattributed.")
    content: str
    quote: str | None = None
    mentions: list[ClaimMention] = Field(
        default_factory=list, description="Every article that reports this statement (the same words, or nearly)."
    )


class TimelineEntry(_Model):
    date: str | None = Field(
        description="ISO 8601 date or period (2023-09-13, 2023-09) the entry is placed at; null when none is known."
    )
    date_source: DateSource = Field(
        description="event time: the event's own resolved time; published: the earliest report's publication date."
    )
    event: str = Field(description="Story event id.")
    status: EventStatus
    articles: list[str] = Field(default_factory=list, description="Ids of the articles that report it.")
    spans: list[ArticleSpan] = Field(default_factory=list, description="Each report's trigger (else first evidence).")


class Story(_Model):
    id: str = Field(description="e.g. 's1'.")
    title: str | None = Field(default=None, description="The earliest article's title, when it has one.")
    articles: list[str] = Field(description="Ids of its articles, earliest published first.")
    entities: list[StoryEntity] = Field(default_factory=list)
    events: list[StoryEvent] = Field(default_factory=list)
    claims: list[StoryClaim] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(
        default_factory=list,
        description="Its acts in date order; its states (descriptions) only when it has no act.",
    )


class StoryCollection(_Model):
    schema_version: str = STORY_SCHEMA_VERSION
    articles: list[StoryArticle] = Field(default_factory=list, description="Every article merged, in input order.")
    stories: list[Story] = Field(default_factory=list)

    def story_of(self, article_id: str) -> Story | None:
        """The story holding this article, or None."""
        return next((s for s in self.stories if article_id in s.articles), None)


def story_json_schema() -> dict[str, Any]:
    """The JSON Schema of StoryCollection, as exported to schemas/story_collection.schema.json."""
    return contract_schema(StoryCollection, "story_collection", STORY_SCHEMA_VERSION)


def story_json_schema_text() -> str:
    return schema_text(story_json_schema())
