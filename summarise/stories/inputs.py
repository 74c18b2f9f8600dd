"""What a story is made from: summaries already made (a JSON or JSONL output of ``summarise run``, a run in
the run store) or articles to summarise first. A ``.json`` file holds summaries; a ``.jsonl`` file holds
summaries when its first record is an ``ArticleSummary`` (it has ``article`` and ``provenance``), else articles
(``id``/``text``/``published``, as ``summarise run`` reads them)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError
from ..ingest import Document
from ..many import Finished, summarise_many
from ..schema import ArticleSummary


def _records(path: Path) -> list[Any]:
    """The JSON values a .json (one value: an object or an array) or .jsonl file (one a line) holds."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", source=str(path)) from None
    try:
        if path.suffix.lower() == ".json":
            value = json.loads(text)
            return value if isinstance(value, list) else [value]
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg}, line {exc.lineno})", source=str(path)) from None


def is_summary(record: Any) -> bool:
    return isinstance(record, dict) and "article" in record and "provenance" in record


def holds_summaries(path: Path) -> bool:
    """Whether a file holds summaries, not articles: a .json file always does (``summarise run``'s JSON output;
    anything else in it is an error when it is read), a .jsonl file when its first record is a summary."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return True
    if suffix != ".jsonl" or not path.is_file():
        return False
    with path.open(encoding="utf-8", errors="replace") as f:
        line = next((x for x in f if x.strip()), "")
    try:
        return is_summary(json.loads(line))
    except json.JSONDecodeError:
        return False


def load_summaries(path: Path) -> list[ArticleSummary]:
    """The summaries in a file written by ``summarise run`` (JSON or JSONL); error records are skipped."""
    out = []
    for n, record in enumerate(_records(path), start=1):
        if isinstance(record, dict) and "error" in record and not is_summary(record):
            continue  # a failed input's record: nothing to merge
        out.append(summary_from(record, f"{path} record {n}"))
    return out


def summary_from(record: Any, where: str) -> ArticleSummary:
    try:
        return ArticleSummary.model_validate(record)
    except ValueError as exc:
        raise InputError(f"not an ArticleSummary ({str(exc).splitlines()[0]})", source=where) from None


def dated(doc: Document, published: Sequence[tuple[str | None, date]]) -> Document:
    """The document with the publication date given for it: ``(None, d)`` gives every document ``d``;
    ``(name, d)`` the document whose file name, source or id is ``name``."""
    for name, day in published:
        source = doc.source or ""
        if name is None or name in (doc.id, source, Path(source).name):
            return replace(doc, published=day)
    return doc


def summarise_documents(
    docs: Sequence[Document | Exception], settings: Settings, on_done: Callable[[Finished], None] | None = None
) -> list[ArticleSummary]:
    """Summarise the articles (the pipeline, as a batch would); the first failure raises."""
    finished: list[Finished] = []

    def done(f: Finished) -> None:
        finished.append(f)
        if on_done is not None:
            on_done(f)

    asyncio.run(summarise_many(docs, settings, on_done=done))
    finished.sort(key=lambda f: f.index)
    for f in finished:
        if f.error is not None:
            raise f.error
    return [f.summary for f in finished if f.summary is not None]
