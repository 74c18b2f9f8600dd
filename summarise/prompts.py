"""Versioned prompt files (``prompts/<id>.v<version>.toml``), loaded as data with their SHA-256.

A prompt file holds a ``system`` text and worked ``examples`` shared by all its parts, and named parts (e.g.
``extract``, ``overview``), each a ``user`` template. Templates use ``{name}`` placeholders, filled verbatim.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import ConfigError

DEFAULT_PROMPT = "news"


def prompts_dir() -> Path:
    """Prompts inside an installed wheel (``summarise/_data/prompts``), else the source tree's ``prompts/``."""
    packaged = Path(str(resources.files("summarise"))) / "_data" / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "prompts"


@dataclass(frozen=True)
class Prompt:
    """A prompt file: shared system text and worked examples, and named parts with their user templates."""

    id: str
    version: str
    sha256: str
    system: str
    examples: tuple[tuple[str, str], ...]
    parts: dict[str, str]

    def messages(self, part: str, **values: str) -> list[dict[str, str]]:
        """System text, worked examples as user/assistant turns, then the part's filled user template."""
        if part not in self.parts:
            raise ConfigError(f"prompt {self.id} v{self.version} has no part {part!r}")
        out = [{"role": "system", "content": self.system}]
        for user, assistant in self.examples:
            out += [{"role": "user", "content": user}, {"role": "assistant", "content": assistant}]
        out.append({"role": "user", "content": fill(self.parts[part], values)})
        return out


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(template: str, values: dict[str, str]) -> str:
    """Replace ``{name}`` placeholders in one pass, so braces inside values are never re-interpreted."""

    def sub(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise ConfigError(f"prompt template needs a value for {{{key}}}")
        return values[key]

    return _PLACEHOLDER.sub(sub, template)


@cache
def load_prompt(prompt_id: str = DEFAULT_PROMPT, version: str | None = None) -> Prompt:
    """The prompt with this id, at ``version`` or the highest version present."""
    directory = prompts_dir()
    candidates = {
        m.group(1): p
        for p in directory.glob(f"{prompt_id}.v*.toml")
        if (m := re.fullmatch(rf"{re.escape(prompt_id)}\.v(\d+)\.toml", p.name))
    }
    if not candidates:
        raise ConfigError(f"no prompt {prompt_id!r} in {directory}")
    chosen = version or max(candidates, key=int)
    if chosen not in candidates:
        raise ConfigError(f"prompt {prompt_id!r} has no version {chosen}; have {', '.join(sorted(candidates))}")
    path = candidates[chosen]
    raw = path.read_bytes()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    if data.get("id") != prompt_id or str(data.get("version")) != chosen:
        raise ConfigError(f"{path}: id/version inside the file do not match its name")
    try:
        examples = tuple((ex["user"], ex["assistant"]) for ex in data.get("examples", []))
        parts = {k: v["user"] for k, v in data.items() if isinstance(v, dict)}
        system = data["system"]
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: malformed prompt file (missing {exc})") from None
    return Prompt(prompt_id, chosen, hashlib.sha256(raw).hexdigest(), system, examples, parts)
