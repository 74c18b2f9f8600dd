"""Per-document scoring results shared by the suite and PolNeAR scorers, reports and comparisons."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorRecord(_Model):
    """Why a case has no prediction."""

    type: str
    message: str
    exit_code: int | None = None


class Match(_Model):
    pred: str
    gold: str
    sim: float


class Alignment(_Model):
    matches: list[Match] = Field(default_factory=list)
    missed: list[str] = Field(default_factory=list, description="Gold ids left unmatched.")
    false_positives: list[str] = Field(default_factory=list, description="Predicted ids left unmatched.")


class FieldError(_Model):
    """A matched pair whose field disagrees."""

    item_type: str
    gold_id: str
    pred_id: str
    field: str
    gold: str | None
    pred: str | None


class DocScore(_Model):
    id: str
    error: ErrorRecord | None = None
    counts: dict[str, float] = Field(default_factory=dict, description="Additive; metrics derive from sums.")
    metrics: dict[str, float | None] = Field(default_factory=dict, description="This document's metrics.")
    alignments: dict[str, dict[str, Alignment]] = Field(default_factory=dict, description="mode -> type.")
    field_errors: list[FieldError] = Field(default_factory=list)
    gold_labels: dict[str, str] = Field(default_factory=dict, description="'type/id' -> short description.")
    pred_labels: dict[str, str] = Field(default_factory=dict)
