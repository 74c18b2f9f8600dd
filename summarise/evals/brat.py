"""brat standoff attribution annotations (PolNeAR style): Source / Cue / Content text-bound spans tied by
``Attribution`` (or ``Attribution-no-source``) events. Other labels (Discard, Discuss, notes) are ignored."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from ..errors import EvalError
from ..schema import Span

ATTRIBUTION_TYPES = frozenset({"Attribution", "Attribution-no-source"})
ROLES = {"Source": "source", "Cue": "cue", "Content": "content"}
_SEGMENT = re.compile(r"^(\d+) (\d+)$")
_ENTRY = re.compile(r"^[A-Z#]\d*\t")
"""A brat line starts with its id and a tab; any other line continues the one before (a span whose text runs
over a line break is written with the break: PolNeAR train has a few)."""


def _entries(ann: str) -> list[tuple[int, str]]:
    """(first line number, entry) of each brat entry, continuation lines joined to theirs with their break."""
    entries: list[tuple[int, str]] = []
    for n, line in enumerate(ann.replace("\r\n", "\n").split("\n"), 1):
        if entries and not _ENTRY.match(line) and entries[-1][1].startswith("T"):
            entries[-1] = (entries[-1][0], entries[-1][1] + "\n" + line)
        elif line.strip():
            entries.append((n, line))
    return entries


class Attribution(BaseModel):
    """One annotated attribution: who (source) said (cue) what (content); each role may be discontinuous."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="'<annotator>:<event id>', unique within an article.")
    annotator: str
    source: list[Span] = Field(default_factory=list)
    cue: list[Span] = Field(default_factory=list)
    content: list[Span] = Field(default_factory=list)

    @property
    def source_text(self) -> str:
        return " ".join(s.text for s in self.source)

    @property
    def cue_text(self) -> str:
        return " ".join(s.text for s in self.cue)

    @property
    def content_text(self) -> str:
        return " ".join(s.text for s in self.content)


def parse_ann(ann: str, text: str, *, annotator: str, where: str = "<ann>") -> list[Attribution]:
    """Attributions of one annotator's ``.ann`` file; offsets are checked against the article ``text``."""
    spans: dict[str, list[Span]] = {}
    events: list[tuple[int, str, list[str]]] = []
    for n, line in _entries(ann):
        if line.startswith("T"):
            spans[line.split("\t", 1)[0]] = _text_bound(line, text, f"{where}:{n}")
        elif line.startswith("E"):
            fields = line.split("\t")
            if len(fields) < 2:
                raise EvalError(f"{where}:{n}: bad event line")
            events.append((n, fields[0], fields[1].split()))
    out: list[Attribution] = []
    for n, event_id, args in events:
        roles: dict[str, list[Span]] = {"source": [], "cue": [], "content": []}
        kind = args[0].split(":", 1)[0] if args else ""
        if kind not in ATTRIBUTION_TYPES:
            continue
        for arg in args[1:]:
            role, _, ref = arg.partition(":")
            name = ROLES.get(role.rstrip("0123456789"))
            if name is None:
                continue
            if ref not in spans:
                raise EvalError(f"{where}:{n}: {event_id} refers to undefined {ref!r}")
            roles[name].extend(spans[ref])
        for segments in roles.values():
            segments.sort(key=lambda s: s.start)
        out.append(Attribution(id=f"{annotator}:{event_id}", annotator=annotator, **roles))
    return out


def _text_bound(line: str, text: str, where: str) -> list[Span]:
    fields = line.split("\t", 2)
    if len(fields) != 3 or " " not in fields[1]:
        raise EvalError(f"{where}: bad text-bound line")
    _, offsets = fields[1].split(" ", 1)
    segments: list[Span] = []
    for piece in offsets.split(";"):
        m = _SEGMENT.match(piece.strip())
        if not m:
            raise EvalError(f"{where}: bad offsets {offsets!r}")
        start, end = int(m.group(1)), int(m.group(2))
        if not start <= end <= len(text):
            raise EvalError(f"{where}: offsets {start}:{end} are outside the article")
        segments.append(Span(start=start, end=end, text=text[start:end], status="exact"))
    if " ".join(s.text for s in segments).rstrip("\n") != fields[2].rstrip("\n"):  # a blank line may follow
        raise EvalError(f"{where}: span text does not match the article at {offsets}")
    return segments
