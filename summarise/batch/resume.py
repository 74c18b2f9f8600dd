"""What a resumed run runs with: the settings it was started with, unless the user gives others explicitly.

A run's settings are part of the run. ``--resume NAME`` in another shell (another ``SUMMARISE_BACKEND``, an
``OPENAI_API_KEY`` that was not there before, another default) must carry on the same work the same way, so the
stored settings win over the environment and over defaults; only options given on the command line change them.
What is not stored stays with the process: the API key (never stored), the home, the thread count, whether the
embedded model takes turns with other processes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from ..config import Settings
from ..redact import redact_url

NOT_RESTORED = frozenset({"api_key", "home", "threads", "take_turns"})
"""Settings that belong to the process, not to the run: secrets, where state lives, how it shares the cores."""

PUBLISHED = "published"
INCLUDE_TEXT = "include_text"
"""Run options stored beside the settings (they change the records too)."""


@dataclass(frozen=True)
class Resumed:
    """The settings and run options a resume carries on with, and which stored ones the user changed."""

    settings: Settings
    published: date | None
    include_text: bool
    changed: tuple[str, ...]
    """Stored settings the user overrode on the command line with a different value."""


def stored_settings(
    settings: Settings, *, backend: str, strategy: str, published: date | None, include_text: bool
) -> dict[str, Any]:
    """The settings as a run stores them: public (no key, no URL credentials), the backend and strategy resolved
    (so a later resume does not pick them again from whatever the environment says then), and the run options
    that change records."""
    data = settings.public()
    data.update(backend=backend, strategy=strategy)
    data[PUBLISHED] = None if published is None else published.isoformat()
    data[INCLUDE_TEXT] = include_text
    return data


def _endpoint(stored: str | None, current: str | None) -> str | None:
    """The stored endpoint; the current one when it is the same endpoint with its credentials (never stored)."""
    if current is not None and stored is not None and redact_url(current) == stored:
        return current
    return stored


def resume_with(
    stored: Mapping[str, Any],
    current: Settings,
    given: Collection[str],
    *,
    published: date | None,
    include_text: bool,
) -> Resumed:
    """Merge a run's stored settings with the current ones: stored values win, except the settings named in
    ``given`` (Settings field names, plus ``published`` and ``include_text``), which the user set explicitly."""
    names = {f.name for f in fields(Settings)} - NOT_RESTORED
    changes: dict[str, Any] = {}
    changed: list[str] = []
    for name in sorted(names & set(stored)):
        value = stored[name]
        if name == "base_url":
            value = _endpoint(value, current.base_url)
        if name in given:
            if getattr(current, name) != value:
                changed.append(name)
            continue
        changes[name] = value
    settings = replace(current, **changes)
    settings.validate()
    stored_published = stored.get(PUBLISHED)
    old_date = date.fromisoformat(stored_published) if isinstance(stored_published, str) else None
    if PUBLISHED in given:
        if published != old_date:
            changed.append(PUBLISHED)
    else:
        published = old_date
    old_text = bool(stored.get(INCLUDE_TEXT, True))
    if INCLUDE_TEXT in given:
        if include_text != old_text:
            changed.append(INCLUDE_TEXT)
    else:
        include_text = old_text
    return Resumed(settings, published, include_text, tuple(changed))
