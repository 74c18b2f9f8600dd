"""One error root. Every failure a user can meet is a ``SummariseError`` subclass with a one-line message.

The CLI maps ``exit_code`` to the process exit status and prints ``str(error)``; no tracebacks for user mistakes.
"""

from __future__ import annotations


class SummariseError(Exception):
    """Root of all errors raised by summarise."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(SummariseError):
    """Bad input: missing, empty, binary or undecodable file; bad JSONL line; bad date."""

    exit_code = 2

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None) -> None:
        super().__init__(f"{source}: {message}" if source else message, hint=hint)
        self.source = source


class ConfigError(SummariseError):
    """Bad settings: unknown backend, missing API key, malformed URL, bad option value."""

    exit_code = 2


class StateBusy(ConfigError):
    """A state file (cache, run store) stayed locked by another process past the busy timeout."""


class StateUnreadable(ConfigError):
    """A state file is not a database SQLite can read (damaged, or something else under its name)."""


class ModelNotAvailable(SummariseError):
    """The embedded model or llama-cpp-python is missing, or the assembled weights fail their checksum."""

    exit_code = 3


class BackendError(SummariseError):
    """The model endpoint failed: unreachable, timed out, refused, or kept failing after retries."""

    exit_code = 4

    def __init__(
        self, message: str, *, backend: str | None = None, transient: bool = False, hint: str | None = None
    ) -> None:
        super().__init__(f"{backend}: {message}" if backend else message, hint=hint)
        self.backend = backend
        self.transient = transient


class ExtractionError(SummariseError):
    """The model's answer stayed invalid (schema, run-away, grounding) after the re-ask budget."""

    exit_code = 5

    def __init__(self, message: str, *, attempts: int = 0, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.attempts = attempts


class EvalError(SummariseError):
    """Bad suite, gold file, or run file; or a compare gate that failed."""

    exit_code = 6
