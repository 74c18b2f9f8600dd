"""CAT XML (the NewsReader annotation format MEANTIME ships in) read into a gold document.

A CAT file has no raw text, only tokens with sentence numbers; the text is rebuilt from them (light
detokenisation: no space before closing punctuation or after opening brackets and currency signs, Penn Treebank
quotes `` and '' written as "; the headline and the date line each end a paragraph, body sentences follow one
another in one paragraph) and every token keeps its character interval in that text, so every mention becomes an
exact span. Markables keep the attributes the scorer needs (event factuality, entity syntactic type, TIMEX3 value
and function); relations keep HAS_PARTICIPANT roles, REFERS_TO coreference (mention -> instance) and TLINKs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..errors import EvalError

_NO_SPACE_BEFORE = frozenset(
    {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ll", "'d", "'ve", "''"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "US$", "#", "£", "€", "``"})
_SHOWN = {"``": '"', "''": '"'}
"""Penn Treebank quote tokens, written as the plain quotes the pipeline's quote finder knows."""
PARAGRAPH_SENTENCES = 2
"""Sentences 0 (headline) and 1 (date line) stand on lines of their own."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Token(_Model):
    id: str = Field(description="t_id")
    sentence: int
    start: int
    end: int


class Mention(_Model):
    """A markable anchored to tokens: EVENT_MENTION, ENTITY_MENTION, TIMEX3, VALUE, SIGNAL ..."""

    id: str = Field(description="m_id")
    tag: str
    tokens: list[str] = Field(default_factory=list, description="t_ids, in document order.")
    start: int = 0
    end: int = 0
    sentence: int = -1
    attrs: dict[str, str] = Field(default_factory=dict, description="The markable's XML attributes.")


class Instance(_Model):
    """An ENTITY or EVENT instance that mentions refer to (no tokens)."""

    id: str
    tag: str
    descriptor: str = ""
    ent_type: str = ""


class Relation(_Model):
    """A HAS_PARTICIPANT (``role`` = sem_role) or TLINK (``role`` = reltype) between two markables."""

    tag: str
    source: str
    target: str
    role: str = ""


class CatDoc(_Model):
    id: str
    name: str
    text: str
    tokens: list[Token]
    mentions: list[Mention]
    instances: list[Instance] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    refers_to: dict[str, str] = Field(default_factory=dict, description="mention m_id -> instance m_id")
    creation_time: date | None = None

    def sentence_end(self, last: int) -> int:
        """Offset one past the last token of sentences 0..``last`` (the text's length past the end)."""
        ends = [t.end for t in self.tokens if t.sentence <= last]
        return max(ends, default=0)


def _separator(prev: str | None, token: str, prev_sentence: int, sentence: int, quote_open: bool) -> str:
    if prev is None:
        return ""
    if sentence != prev_sentence and prev_sentence < PARAGRAPH_SENTENCES:
        return "\n\n"
    if sentence != prev_sentence:
        return " "
    if token in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER:
        return ""
    if token == '"':
        return "" if quote_open else " "
    if prev == '"' and quote_open:
        return ""
    return " "


def rebuild_text(raw: list[tuple[str, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The text of (token, sentence) pairs and each token's [start, end) in it."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    prev: str | None = None
    prev_sentence = 0
    quote_open = False
    for token, sentence in raw:
        sep = _separator(prev, token, prev_sentence, sentence, quote_open)
        if sentence != prev_sentence:
            quote_open = False
        if token == '"':
            quote_open = not quote_open
        shown = _SHOWN.get(token, token)
        parts.append(sep + shown)
        pos += len(sep)
        spans.append((pos, pos + len(shown)))
        pos += len(shown)
        prev, prev_sentence = token, sentence
    return "".join(parts), spans


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _creation_time(mentions: list[Mention], text: str, tokens: list[Token]) -> date | None:
    """The document creation time (the TIMEX3 whose ``functionInDocument`` is CREATION_TIME); where it is
    missing or not an ISO date (two dev articles have none, one says "03-02-2009"), the date line's, which is
    Wikinews' publication date written out ("February 03, 2009")."""
    dct = next((m for m in mentions if m.tag == "TIMEX3" and m.attrs.get("functionInDocument") == "CREATION_TIME"),
               None)  # fmt: skip
    found = _date(dct.attrs.get("value")) if dct is not None else None
    line = [t for t in tokens if t.sentence == 1]
    if found is not None or not line:
        return found
    try:
        return datetime.strptime(text[line[0].start : line[-1].end], "%B %d, %Y").date()
    except ValueError:
        return None


def _mention(node: ET.Element, by_id: dict[str, Token]) -> Mention:
    ids = [a.get("t_id", "") for a in node.iter("token_anchor")]
    toks = sorted((by_id[i] for i in ids if i in by_id), key=lambda t: t.start)
    attrs = {k: v for k, v in node.attrib.items() if k not in {"m_id", "comment"}}
    mention = Mention(id=node.get("m_id", ""), tag=node.tag, tokens=[t.id for t in toks], attrs=attrs)
    if toks:
        mention.start, mention.end, mention.sentence = toks[0].start, toks[-1].end, toks[0].sentence
    return mention


def _relations(root: ET.Element) -> tuple[list[Relation], dict[str, str]]:
    relations: list[Relation] = []
    refers: dict[str, str] = {}
    for node in root.iter():
        targets = [t.get("m_id", "") for t in node.findall("target")]
        sources = [s.get("m_id", "") for s in node.findall("source")]
        if not targets:
            continue
        if node.tag == "REFERS_TO":
            refers.update({s: targets[0] for s in sources})
        elif node.tag in {"HAS_PARTICIPANT", "TLINK"}:
            role = node.get("sem_role" if node.tag == "HAS_PARTICIPANT" else "reltype", "")
            relations += [Relation(tag=node.tag, source=s, target=targets[0], role=role) for s in sources]
    return relations, refers


def parse_cat(raw: bytes | str, *, where: str = "CAT") -> CatDoc:
    """A CatDoc from the XML of one CAT document."""
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise EvalError(f"{where}: bad CAT XML: {exc}") from None
    nodes = list(root.iter("token"))
    text, spans = rebuild_text([(n.text or "", int(n.get("sentence", "0"))) for n in nodes])
    tokens = [
        Token(id=n.get("t_id", ""), sentence=int(n.get("sentence", "0")), start=a, end=b)
        for n, (a, b) in zip(nodes, spans, strict=True)
    ]
    by_id = {t.id: t for t in tokens}
    mentions: list[Mention] = []
    instances: list[Instance] = []
    markables = root.find("Markables")
    for node in markables if markables is not None else []:
        if node.tag in {"ENTITY", "EVENT"}:
            descriptor, kind = node.get("TAG_DESCRIPTOR", ""), node.get("ent_type", "")
            instances.append(Instance(id=node.get("m_id", ""), tag=node.tag, descriptor=descriptor, ent_type=kind))
        else:
            mentions.append(_mention(node, by_id))
    relations, refers = _relations(root)
    return CatDoc(
        id=root.get("doc_id", ""),
        name=root.get("doc_name", ""),
        text=text,
        tokens=tokens,
        mentions=mentions,
        instances=instances,
        relations=relations,
        refers_to=refers,
        creation_time=_creation_time(mentions, text, tokens),
    )


def read_cat(path: Path) -> CatDoc:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise EvalError(f"cannot read CAT file {path}: {exc}") from None
    return parse_cat(raw, where=str(path))
