"""ECB+ reader: the corpus's XML documents as texts with gold event and entity mentions and their clusters.

ECB+ (Cybulska and Vossen 2014) is tokenised XML: ``<token t_id sentence number>`` elements, then markables
anchored to tokens, then coreference relations. Only the sentences that ``ECBplus_coreference_sentences.csv``
lists were annotated fully, and the usual evaluation (and this one) keeps only those: a document's text is its
listed sentences, each rebuilt from its tokens (``cat.rebuild_text``: light detokenisation, Penn Treebank
quotes as plain quotes) and standing as a paragraph of its own (a blank line between sentences), so every
token keeps its character interval and every mention is an exact span. A document the list names no sentence
of is left out. The corpus has no publication dates.

Gold mentions: ``ACTION_*`` and ``NEG_ACTION_*`` markables are event mentions; ``HUMAN_PART_*``,
``NON_HUMAN_PART_*`` and ``LOC_*`` are entity mentions (the pipeline's entities are people, organisations,
groups, places and things; ``TIME_*`` mentions are left out, the pipeline reports times apart). A mention's
cluster is the instance its ``CROSS_DOC_COREF`` relation names (``note``: one id across documents), else its
document's ``INTRA_DOC_COREF`` chain, else the mention alone. Markables without tokens are the instances
relations point at, not mentions. A mention stands in its first token's sentence; one outside the listed
sentences is dropped, as is a second markable of the same kind over the same tokens.

Topics and sub-topics come from the file name: ``<topic>_<n>ecb.xml`` and ``<topic>_<n>ecbplus.xml`` are two
sub-topics of one topic (the same kind of event, two different real-world events), e.g. ``1ecb`` and
``1ecbplus``.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import EvalError
from .cat import rebuild_text

DEFAULT_CORPUS = Path("..") / "shared" / "data" / "ecbplus-dev"
SENTENCES_CSV = "ECBplus_coreference_sentences.csv"
SENTENCE_BREAK = "\n\n"
"""Between two kept sentences: each stands as a paragraph, so the pipeline's sentence splitter keeps them apart
(an ECB+ headline sentence has no full stop)."""
EVENT_TAGS = ("ACTION_", "NEG_ACTION_")
ENTITY_TAGS = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_")
_NAME = re.compile(r"^(?P<topic>\d+)_(?P<n>\d+)(?P<kind>ecbplus|ecb)$")

Kind = Literal["event", "entity"]


@dataclass(frozen=True)
class GoldMention:
    id: str
    """``<document>/<m_id>``: unique in the corpus."""
    doc: str
    kind: Kind
    tag: str
    start: int
    end: int
    tokens: tuple[tuple[int, int], ...]
    """Each token's [start, end) in the document's text (a mention may skip tokens: "checked ... into")."""
    cluster: str
    """The cross-document instance id, the in-document chain, or the mention itself."""
    text: str


@dataclass(frozen=True)
class EcbDoc:
    name: str
    """The file stem, e.g. ``1_10ecb``: the article id the pipeline gets."""
    topic: str
    subtopic: str
    """Topic and corpus half: ``1ecb`` or ``1ecbplus``."""
    text: str
    mentions: tuple[GoldMention, ...]

    def of_kind(self, kind: Kind) -> list[GoldMention]:
        return [m for m in self.mentions if m.kind == kind]


def default_corpus() -> Path | None:
    return DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else None


def read_sentences(path: Path) -> dict[str, set[int]]:
    """The listed sentence numbers by document name (``1_10ecbplus``)."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc}") from None
    listed: dict[str, set[int]] = {}
    for n, row in enumerate(rows[1:], start=2):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if len(cells) < 3 or not cells[0].isdigit() or not cells[2].isdigit():
            raise EvalError(f"{path}:{n}: expected Topic,File,Sentence Number, got {row!r}")
        listed.setdefault(f"{cells[0]}_{cells[1]}", set()).add(int(cells[2]))
    return listed


def _kind(tag: str) -> Kind | None:
    if tag.startswith(EVENT_TAGS):
        return "event"
    if tag.startswith(ENTITY_TAGS):
        return "entity"
    return None


def _clusters(root: ET.Element, name: str) -> dict[str, str]:
    """m_id -> cluster id, from CROSS_DOC_COREF (the instance in ``note``) and INTRA_DOC_COREF (its target)."""
    found: dict[str, str] = {}
    for tag in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
        for rel in root.iter(tag):
            target = next((t.get("m_id", "") for t in rel.findall("target")), "")
            cluster = rel.get("note") or f"{name}/{target}"
            for source in rel.findall("source"):
                found.setdefault(source.get("m_id", ""), cluster)
    return found


def parse_document(raw: bytes | str, name: str, sentences: set[int], *, where: str = "ECB+") -> EcbDoc:
    """One ECB+ document, cut down to ``sentences``."""
    match = _NAME.match(name)
    if match is None:
        raise EvalError(f"{where}: not an ECB+ document name: {name!r} (want <topic>_<n>ecb or ..ecbplus)")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise EvalError(f"{where}: bad ECB+ XML: {exc}") from None
    by_sentence: dict[int, list[ET.Element]] = {}
    for node in root.iter("token"):
        written = node.get("sentence", "")
        by_sentence.setdefault(int(written) if written.isdigit() else -1, []).append(node)
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    at = 0
    for number in sorted(sentences & set(by_sentence)):
        nodes = by_sentence[number]
        text, offsets = rebuild_text([(n.text or "", 0) for n in nodes])
        if parts:
            parts.append(SENTENCE_BREAK)
            at += len(SENTENCE_BREAK)
        parts.append(text)
        spans.update({n.get("t_id", ""): (at + a, at + b) for n, (a, b) in zip(nodes, offsets, strict=True)})
        at += len(text)
    text = "".join(parts)
    return EcbDoc(
        name=name,
        topic=match["topic"],
        subtopic=match["topic"] + match["kind"],
        text=text,
        mentions=tuple(_mentions(root, name, text, spans)),
    )


def _mentions(root: ET.Element, name: str, text: str, spans: dict[str, tuple[int, int]]) -> list[GoldMention]:
    clusters = _clusters(root, name)
    markables = root.find("Markables")
    out: list[GoldMention] = []
    seen: set[tuple[Kind, tuple[tuple[int, int], ...]]] = set()
    for node in markables if markables is not None else []:
        kind = _kind(node.tag)
        anchors = [a.get("t_id", "") for a in node.iter("token_anchor")]
        if kind is None or not anchors or anchors[0] not in spans:
            continue  # not a mention of ours, an instance (no tokens) or outside the kept sentences
        tokens = tuple(sorted(spans[t] for t in anchors if t in spans))
        if (kind, tokens) in seen:
            continue
        seen.add((kind, tokens))
        m_id = node.get("m_id", "")
        start, end = tokens[0][0], tokens[-1][1]
        out.append(
            GoldMention(
                id=f"{name}/{m_id}",
                doc=name,
                kind=kind,
                tag=node.tag,
                start=start,
                end=end,
                tokens=tokens,
                cluster=clusters.get(m_id, f"{name}/{m_id}"),
                text=text[start:end],
            )
        )
    return out


def corpus_files(root: Path) -> dict[str, Path]:
    """ECB+ XML files under ``root`` by document name, skipping ``upstream/``."""
    found = {
        p.stem: p
        for p in sorted(root.rglob("*.xml"))
        if "upstream" not in p.relative_to(root).parts and _NAME.match(p.stem)
    }
    return dict(sorted(found.items(), key=lambda kv: _order(kv[0])))


def _order(name: str) -> tuple[int, int, str]:
    match = _NAME.match(name)
    assert match is not None
    return int(match["topic"]), int(match["n"]), match["kind"]


def load_corpus(root: Path, *, topics: Sequence[str] | None = None, limit: int | None = None) -> list[EcbDoc]:
    """The documents of an ECB+ folder (its XML searched recursively, ``ECBplus_coreference_sentences.csv`` at
    its top) that the list names sentences of; only ``topics`` when given, the first ``limit`` when given."""
    if not root.is_dir():
        raise EvalError(f"not an ECB+ corpus directory: {root}")
    listed_path = root / SENTENCES_CSV
    if not listed_path.is_file():
        raise EvalError(f"{root}: no {SENTENCES_CSV}", hint="the ECB+ release's list of annotated sentences")
    listed = read_sentences(listed_path)
    files = corpus_files(root)
    wanted = set(topics) if topics is not None else None
    names = [n for n in files if n in listed and (wanted is None or n.split("_", 1)[0] in wanted)]
    names = names[:limit] if limit is not None else names
    if not names:
        raise EvalError(f"{root}: no ECB+ documents selected")
    docs = []
    for name in names:
        try:
            raw = files[name].read_bytes()
        except OSError as exc:
            raise EvalError(f"cannot read {files[name]}: {exc}") from None
        docs.append(parse_document(raw, name, listed[name], where=str(files[name])))
    return docs
