"""Where articles come from: files, directories, globs, JSONL files and standard input."""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from .decode import decode_bytes
from .document import Document, load_text

TEXT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
JSONL_SUFFIX = ".jsonl"
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_GLOB_CHARS = frozenset("*?[")
STDIN = "-"


def load_path(path: Path, *, published: date | str | None = None, id: str | None = None) -> Document:
    """A Document from one file; ``.html``/``.htm`` files are read as HTML, others detected."""
    source = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from None
    html = True if path.suffix.lower() in _HTML_SUFFIXES else None
    return load_text(decode_bytes(data, source=source), id=id, source=source, published=published, html=html)


def iter_jsonl(path: Path) -> Iterator[Document]:
    """Documents from a JSONL file, one object per line; the first bad line raises InputError."""
    for item in _jsonl_items(path):
        if isinstance(item, InputError):
            raise item
        yield item


def iter_inputs(specs: list[str]) -> Iterator[Document | InputError]:
    """Documents from files, directories (recursive), globs, JSONL files and "-" (stdin), in a stable order.

    Failures are yielded, not raised, so one bad input does not stop a batch; a file reached twice is read
    once.
    """
    seen: set[Path] = set()
    for spec in specs:
        if spec == STDIN:
            yield _from_stdin()
            continue
        paths = expand(spec)
        if isinstance(paths, InputError):
            yield paths
            continue
        for path in paths:
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            if path.suffix.lower() == JSONL_SUFFIX:
                yield from _jsonl_items(path)
            else:
                try:
                    yield load_path(path)
                except InputError as exc:
                    yield exc


def expand(spec: str) -> list[Path] | InputError:
    """The files a file, directory (recursive, supported and not hidden) or glob names, sorted; an InputError when
    it names none."""
    path = Path(spec).expanduser()
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if _wanted(p, path))
        return found or InputError("directory has no .txt, .md, .html, .htm or .jsonl files", source=spec)
    if path.exists():
        return [path]
    if _GLOB_CHARS & set(spec):
        matches = sorted(Path(m) for m in glob.glob(str(path), recursive=True))
        files = [m for m in matches if m.is_file()]
        for directory in (m for m in matches if m.is_dir()):
            files.extend(sorted(p for p in directory.rglob("*") if _wanted(p, directory)))
        return files or InputError("no files match this pattern", source=spec)
    return InputError("no such file or directory", source=spec)


def _wanted(path: Path, root: Path) -> bool:
    """A supported file under ``root`` that is not hidden (nor inside a hidden directory)."""
    suffix = path.suffix.lower()
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and path.is_file() and (suffix in TEXT_SUFFIXES or suffix == JSONL_SUFFIX)


def _from_stdin() -> Document | InputError:
    try:
        return load_text(decode_bytes(sys.stdin.buffer.read(), source="stdin"), source="stdin")
    except InputError as exc:
        return exc


def _jsonl_items(path: Path) -> Iterator[Document | InputError]:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", source=source)
        return
    try:
        content = decode_bytes(data, source=source)
    except InputError as exc:
        yield exc
        return
    for number, line in enumerate(content.splitlines(), start=1):
        if line.strip():
            try:
                yield jsonl_document(line, source)
            except InputError as exc:
                yield InputError(f"line {number}: {exc.message}", source=source, hint=exc.hint, id=_line_id(line))


def _line_id(line: str) -> str | None:
    """A bad line's ``id``, when the line is a JSON object with one: its error record keeps it."""
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError:
        return None
    value = record.get("id") if isinstance(record, dict) else None
    return str(value) if isinstance(value, str | int) else None


def jsonl_document(line: str, source: str) -> Document:
    """The Document one JSONL line holds (``text``, optional ``id``/``title``/``source``/``published``); InputError
    (without a line number: the caller knows it) for a line that is not one."""
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError("expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError('"text" must be a string')
    fields: dict[str, str | None] = {}
    for key in ("id", "title", "source", "published"):
        value = record.get(key)
        if value is not None and not isinstance(value, str | int):
            raise InputError(f'"{key}" must be a string')
        fields[key] = None if value is None else str(value)
    document = load_text(text, id=fields["id"], published=fields["published"], title=fields["title"])
    return replace(document, source=fields["source"] or source)
