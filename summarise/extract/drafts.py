"""What the model fills: small, bounded answer schemas (distinct from the public output contract).

Bounds (list lengths, string lengths) become grammar limits under constrained decoding, so an answer cannot run
on forever; short keys keep the answers cheap in tokens. Descriptions are brief: the model reads them.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

MAX_CLAIMS_PER_WINDOW = 8
MAX_EVENTS_PER_WINDOW = 6


class ClaimItem(BaseModel):
    s: int = Field(ge=1, description="Sentence number.")
    who: str = Field(max_length=80, description="Speaker, fullest name in the article; '' if unattributed.")
    verb: str = Field(max_length=40, description="Reporting verb as written.")
    quote: str | None = Field(default=None, max_length=400, description="Quoted words copied exactly, or null.")
    what: str = Field(max_length=300, description="The statement as one self-contained sentence.")


class EventItem(BaseModel):
    s: int = Field(ge=1, description="Sentence number.")
    actor: str = Field(max_length=80, description="Who did it.")
    action: str = Field(max_length=80, description="Short verb phrase.")
    targets: list[str] = Field(default_factory=list, max_length=3, description="Who or what it involved.")
    when: str | None = Field(default=None, max_length=60, description="Time words as written, or null.")
    where: str | None = Field(default=None, max_length=80, description="Place as written, or null.")


class WindowAnswer(BaseModel):
    claims: list[ClaimItem] = Field(default_factory=list, max_length=MAX_CLAIMS_PER_WINDOW)
    events: list[EventItem] = Field(default_factory=list, max_length=MAX_EVENTS_PER_WINDOW)


class Overview(BaseModel):
    summary: str = Field(max_length=700, description="2-4 neutral sentences.")
