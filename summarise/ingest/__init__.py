"""Ingest: turn files, JSONL records, HTML pages or strings into Documents with body, paragraph and sentence
offsets into the text as given."""

from __future__ import annotations

from .document import Document, load_text, parse_date
from .sources import iter_inputs, iter_jsonl, load_path

__all__ = ["Document", "iter_inputs", "iter_jsonl", "load_path", "load_text", "parse_date"]
