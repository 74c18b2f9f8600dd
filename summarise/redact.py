"""Secrets kept out of what summarise writes: messages, records, logs, saved runs.

Two helpers every layer that reports or records may need (the batch's records, the eval's saved runs, the
endpoint backend's errors), so they live here, importing nothing of ours, rather than inside one backend.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

__all__ = ["redact_url", "scrub"]


def redact_url(url: str | None) -> str | None:
    """An endpoint URL without user:password or query string (where some providers put keys)."""
    if url is None:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def scrub(text: str, secrets: Iterable[str | None]) -> str:
    """``text`` with every secret (of 4 characters or more) replaced by ***."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return text
