"""What the model fills: small, bounded answer schemas (distinct from the public output contract).

Quotations are not asked for: code takes them verbatim from the claim's sentence, which is cheaper and always
exact. Bounds (list lengths, string lengths) become grammar limits under constrained decoding, so an answer cannot
run on forever (measured here: string bounds cost no speed; the grammar itself costs about 40% of generation speed,
13.7 vs 22.9 tokens/s for the 1.5B model on 2 cores). Short keys keep answers cheap. Descriptions are brief: the
model reads them.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

MAX_CLAIMS_PER_WINDOW = 6
MAX_EVENTS_PER_WINDOW = 4


class ClaimItem(BaseModel):
    s: int = Field(ge=1, description="Sentence number.")
    who: str = Field(max_length=50, description="Speaker, fullest name in the article; '' if unattributed.")
    verb: str = Field(max_length=30, description="Reporting verb as written.")
    what: str = Field(max_length=200, description="The statement as one self-contained sentence.")


class EventItem(BaseModel):
    s: int = Field(ge=1, description="Sentence number.")
    actor: str = Field(max_length=50, description="Who did it.")
    action: str = Field(max_length=60, description="Short verb phrase.")
    targets: list[Annotated[str, Field(max_length=50)]] = Field(
        default_factory=list, max_length=3, description="Who or what it involved."
    )
    when: str | None = Field(default=None, max_length=40, description="Time words as written, or null.")
    where: str | None = Field(default=None, max_length=50, description="Place as written, or null.")


class WindowAnswer(BaseModel):
    events: list[EventItem] = Field(default_factory=list, max_length=MAX_EVENTS_PER_WINDOW)
    claims: list[ClaimItem] = Field(default_factory=list, max_length=MAX_CLAIMS_PER_WINDOW)


class Overview(BaseModel):
    summary: str = Field(max_length=700, description="2-4 neutral sentences.")
