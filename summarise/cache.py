"""A summary cache in SQLite (``<home>/cache.sqlite``): an article asked the same way is answered once.

The key is a SHA-256 over everything that changes the answer: the settings' fingerprint (``fingerprint``:
backend name, model, endpoint without credentials, prompt SHA-256, schema SHA-256, strategy, the generation
settings ``GENERATION_FIELDS``; the run store hashes the same fingerprint) and the article's text SHA-256,
published date and title. Article id and source are not in it: a hit is re-stamped with the asking document's
id, source and text. API keys and endpoints' credentials never reach it. Off by default (``Settings.cache``).
Several processes may share the file (see ``statedb``).

The pipeline hooks in with two calls (``lookup`` before extraction, ``remember`` after assembling); both are
no-ops when ``settings.cache`` is off. Results degraded by endpoint failures (a window that got no answer
because the endpoint kept failing) are not cached, so a flaky endpoint never freezes a partial answer.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .backends.base import Backend
from .config import Settings
from .ingest import Document
from .prompts import Prompt
from .redact import redact_url
from .schema import ArticleSummary
from .schema import schema_sha256 as _schema_sha256
from .statedb import connect, state_error

schema_sha256 = cache(_schema_sha256)
"""The output schema's SHA-256, computed once a process (it takes ~20 ms: too slow for every article)."""

CACHE_FILE = "cache.sqlite"
KEY_VERSION = 2
"""2: the endpoint (without credentials) is part of the settings' fingerprint."""
GENERATION_FIELDS = (
    "temperature",
    "seed",
    "max_retries",
    "max_retry_tokens",
    "strict",
    "fuzzy_threshold",
    "context_chars",
)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS summaries (
    key TEXT PRIMARY KEY,
    backend TEXT NOT NULL,
    model TEXT NOT NULL,
    summary TEXT NOT NULL,
    created REAL NOT NULL,
    hits INTEGER NOT NULL DEFAULT 0,
    used REAL
);
"""


def generation_params(settings: Settings) -> dict[str, Any]:
    return {name: getattr(settings, name) for name in GENERATION_FIELDS}


def model_identity(backend: Backend) -> str:
    """The model as configured: stable even where the endpoint names its model only after the first call; for a
    model file (the embedded backend), its path and size, so two files of one name are told apart."""
    path = getattr(backend, "path", None)
    if isinstance(path, Path):
        try:
            return f"{backend.model}@{path.resolve()}:{path.stat().st_size}"
        except OSError:
            pass
    return str(getattr(backend, "cache_model", None) or backend.model)


def fingerprint(settings: Settings, backend: Backend, prompt: Prompt, strategy: str) -> dict[str, Any]:
    """Everything in the settings that changes a summary, as JSON-able values without credentials: the one
    description of "asked the same way" that the cache keys and the run store's settings hash both use."""
    return {
        "backend": backend.name,
        "model": model_identity(backend),
        "endpoint": redact_url(settings.base_url),
        "prompt": prompt.sha256,
        "schema": schema_sha256(),
        "strategy": strategy,
        "params": generation_params(settings),
    }


def digest(value: Any) -> str:
    """SHA-256 of a JSON-able value (keys sorted, so equal values digest alike)."""
    blob = json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def cache_key(settings_fingerprint: Mapping[str, Any], doc: Document) -> str:
    article = {"text": doc.text_sha256, "published": doc.published, "title": doc.title}
    return digest({"v": KEY_VERSION, **settings_fingerprint, **article})


def key_for(doc: Document, settings: Settings, backend: Backend, prompt: Prompt, strategy: str) -> str:
    return cache_key(fingerprint(settings, backend, prompt, strategy), doc)


@dataclass(frozen=True)
class CacheStats:
    path: Path
    entries: int
    hits: int
    bytes: int
    by_model: list[tuple[str, str, int, int]]
    """(backend, model, entries, hits), most entries first."""


class Cache:
    """One cache file; safe to share between threads, and between processes (WAL, busy timeout)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        with self._guard():
            self._con = connect(path, _SCHEMA)

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """SQLite's errors as ours: busy (another process) apart from unreadable (a damaged file)."""
        try:
            yield
        except sqlite3.Error as exc:
            hint = "run `summarise cache clear` to start afresh"
            raise state_error("cache", self.path, exc, unreadable_hint=hint) from exc

    @classmethod
    def for_settings(cls, settings: Settings) -> Cache:
        return open_cache(settings.home / CACHE_FILE)

    def get(self, key: str) -> ArticleSummary | None:
        """The summary stored under ``key`` (``provenance.cached`` set), or None."""
        with self._lock, self._guard():
            row = self._con.execute("SELECT summary FROM summaries WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            self._con.execute("UPDATE summaries SET hits = hits + 1, used = ? WHERE key = ?", (time.time(), key))
        try:
            summary = ArticleSummary.model_validate_json(row[0])
        except ValueError:  # written by an incompatible version: forget it
            with self._lock, self._guard():
                self._con.execute("DELETE FROM summaries WHERE key = ?", (key,))
            return None
        summary.provenance.cached = True
        return summary

    def put(self, key: str, summary: ArticleSummary) -> None:
        data = summary.model_copy(update={"provenance": summary.provenance.model_copy(update={"cached": False})})
        with self._lock, self._guard():
            self._con.execute(
                "INSERT OR REPLACE INTO summaries (key, backend, model, summary, created) VALUES (?, ?, ?, ?, ?)",
                (
                    key,
                    summary.provenance.backend,
                    summary.provenance.model,
                    data.model_dump_json(),
                    time.time(),
                ),
            )

    def stats(self) -> CacheStats:
        with self._lock, self._guard():
            entries, hits = self._con.execute("SELECT count(*), coalesce(sum(hits), 0) FROM summaries").fetchone()
            rows = self._con.execute(
                "SELECT backend, model, count(*), coalesce(sum(hits), 0) FROM summaries "
                "GROUP BY backend, model ORDER BY count(*) DESC"
            ).fetchall()
        size = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file())
        return CacheStats(self.path, int(entries), int(hits), size, [(b, m, int(n), int(h)) for b, m, n, h in rows])

    def clear(self) -> int:
        """Forget every entry; the number forgotten."""
        with self._lock, self._guard():
            count = int(self._con.execute("SELECT count(*) FROM summaries").fetchone()[0])
            self._con.execute("DELETE FROM summaries")
            self._con.execute("VACUUM")
        return count

    def close(self) -> None:
        with self._lock:
            self._con.close()
        _OPEN.pop(self.path, None)


_OPEN: dict[Path, Cache] = {}
_OPEN_LOCK = threading.Lock()


def open_cache(path: Path) -> Cache:
    """The process's one Cache for ``path``."""
    with _OPEN_LOCK:
        if path not in _OPEN:
            _OPEN[path] = Cache(path)
        return _OPEN[path]


# Warnings the extraction adds when a part got no answer: "window 3: <error>", "summary: <error>".
_FAILED_PART = re.compile(r"^(?:window \d+|summary)(?: re-ask)?: (.*)$", re.S)
_MODEL_FAULTS = ("the model's answer", "run-away answer", "the model gave none")


def cacheable(summary: ArticleSummary) -> bool:
    """False when some part of the article went unanswered for a reason other than the model's own answers
    (endpoint down, deadline passed): such a result is worth computing again, so it is not kept."""
    for warning in summary.provenance.warnings:
        match = _FAILED_PART.match(warning)
        if match and not match.group(1).startswith(_MODEL_FAULTS):
            return False
    return True


def restamp(hit: ArticleSummary, doc: Document, include_text: bool) -> ArticleSummary:
    """A cached summary presented as the answer for ``doc``: its id, source and (if wanted) text."""
    article = hit.article.model_copy(
        update={"id": doc.id, "source": doc.source, "text": doc.text if include_text else None}
    )
    return hit.model_copy(update={"article": article})


def lookup(
    doc: Document,
    settings: Settings,
    backend: Backend,
    prompt: Prompt,
    strategy: str,
    include_text: bool = True,
) -> ArticleSummary | None:
    """The cached summary for this article and these settings, or None (always None with the cache off)."""
    if not settings.cache:
        return None
    hit = Cache.for_settings(settings).get(key_for(doc, settings, backend, prompt, strategy))
    return None if hit is None else restamp(hit, doc, include_text)


def remember(
    doc: Document,
    settings: Settings,
    backend: Backend,
    prompt: Prompt,
    strategy: str,
    summary: ArticleSummary,
) -> None:
    """Keep ``summary`` for next time: a no-op with the cache off, or for a result degraded by endpoint
    failures. The article text is not stored: a hit gets it back from the asking document."""
    if not settings.cache or summary.provenance.cached or not cacheable(summary):
        return
    lean = summary.model_copy(update={"article": summary.article.model_copy(update={"text": None})})
    Cache.for_settings(settings).put(key_for(doc, settings, backend, prompt, strategy), lean)
