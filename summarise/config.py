"""Settings in one frozen object; environment variables are read in one function, ``Settings.from_env``.

Nothing here runs at import time. The library takes a ``Settings`` (or builds one from keyword arguments and the
environment when the caller passes none); the CLI builds one from its flags on top of the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .redact import redact_url

ENV_VARS = {
    "SUMMARISE_MODEL": "model",
    "SUMMARISE_BACKEND": "backend",
    "SUMMARISE_STRATEGY": "strategy",
    "OPENAI_BASE_URL": "base_url",
    "OPENAI_API_KEY": "api_key",
    "SUMMARISE_HOME": "home",
    "SUMMARISE_THREADS": "threads",
    "RAY_ADDRESS": "ray_address",
}


def _default_home() -> Path:
    return Path.home() / ".cache" / "summarise"


@dataclass(frozen=True)
class Settings:
    """Everything that changes what summarise does. Frozen: derive variants with ``with_(...)``."""

    backend: str | None = None
    """Backend name from the registry (local, openai, fake). None: chosen from the other settings."""
    model: str | None = None
    """Model name for remote endpoints, a .gguf path or a known local model name for the embedded backend."""
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    strategy: str | None = None
    """Extraction strategy; None picks the backend's default."""
    temperature: float = 0.0
    seed: int = 7
    max_retries: int = 2
    """Re-asks after a schema-invalid answer (instructor max_retries - 1)."""
    transient_retries: int = 4
    """Retries of transient endpoint errors (429, 5xx, timeouts, dropped connections)."""
    timeout_s: float = 120.0
    """HTTP timeout per request to a remote endpoint."""
    local_timeout_s: float = 600.0
    """Wall-clock cap on one embedded-model answer (a safety net; token limits bound answers first)."""
    max_retry_tokens: int = 4000
    """Token budget for grounding re-asks (quotes not found, claimants absent) per article."""
    strict: bool = False
    """Drop items that stay unverified instead of keeping them flagged."""
    fuzzy_threshold: float = 85.0
    """rapidfuzz partial_ratio score (0-100) needed for a fuzzy span."""
    context_chars: int = 6000
    """Articles longer than this are split into overlapping chunks."""
    threads: int | None = None
    take_turns: bool = True
    """Embedded model: one generation at a time among the processes that share the home (``backends.sharing``).
    Off in a Ray actor: the cluster reserved its CPUs for it, so actors on one machine run side by side."""
    n_ctx: int = 4096
    home: Path = field(default_factory=_default_home)
    """Where the cache, run store and assembled model live."""
    cache: bool = False
    concurrency: int = 4
    requests_per_minute: float | None = None
    """Remote endpoints: at most this many HTTP requests a minute (None: no limit). Retries count."""
    tokens_per_minute: float | None = None
    """Remote endpoints: at most this many tokens a minute (prompt estimate + max_tokens, then usage)."""
    ray_address: str | None = None
    """``--engine ray``: the Ray cluster to join (``ray://host:10001``, ``host:6379``, ``auto``); None starts a local
    one."""

    def with_(self, **changes: Any) -> Settings:
        """A copy with some fields changed; None values are ignored (so CLI flags left unset keep settings)."""
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def public(self) -> dict[str, Any]:
        """The settings as stored and shown (run store, saved eval runs): JSON-able, without the API key and
        without credentials in the endpoint URL."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "api_key"}
        data["base_url"] = redact_url(self.base_url)
        return {k: str(v) if isinstance(v, Path) else v for k, v in data.items()}

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from environment variables (``ENV_VARS``), then ``overrides`` on top. The one env reader."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for var, name in ENV_VARS.items():
            raw = env.get(var)
            if raw is None or raw.strip() == "":
                continue
            if name == "home":
                values[name] = Path(raw).expanduser()
            elif name == "threads":
                try:
                    values[name] = int(raw)
                except ValueError:
                    raise ConfigError(f"{var} must be an integer, got {raw!r}") from None
            else:
                values[name] = raw.strip()
        settings = cls(**values).with_(**overrides)
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.max_retries < 0 or self.transient_retries < 0:
            raise ConfigError("retry counts must be >= 0")
        if self.timeout_s <= 0:
            raise ConfigError("timeout must be > 0")
        if not 0 <= self.fuzzy_threshold <= 100:
            raise ConfigError("fuzzy threshold must be within 0..100")
        if self.concurrency < 1:
            raise ConfigError("concurrency must be >= 1")
        if self.base_url is not None and not self.base_url.startswith(("http://", "https://")):
            raise ConfigError(f"base URL must start with http:// or https://, got {self.base_url!r}")
