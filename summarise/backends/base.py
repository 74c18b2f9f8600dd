"""The backend protocol: turn (messages, response model) into a validated object plus usage figures.

Backends know nothing of grounding, evals or the CLI. Every backend in this package drives instructor through one
raw ``create`` callable (``InstructorBackend``), so validation and re-asks behave the same everywhere; only the
raw call differs (openai client, in-process llama.cpp, scripted fake).
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

import instructor
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel, ValidationError

from ..errors import BackendError, ExtractionError, SummariseError

T = TypeVar("T", bound=BaseModel)

_PARSE_ERRORS = (ValidationError, json.JSONDecodeError, ValueError)

Message = dict[str, str]


@dataclass
class Usage:
    """Token and call counts, summed over re-asks and transient retries."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    retries: int = 0
    invalid: int = 0
    """Answers that failed schema validation and were re-asked (instructor's re-asks)."""
    latency_s: float = 0.0

    def add(self, other: Usage) -> None:
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.calls += other.calls
        self.retries += other.retries
        self.invalid += other.invalid
        self.latency_s += other.latency_s


@dataclass(frozen=True)
class Request(Generic[T]):
    messages: list[Message]
    response_model: type[T]
    max_tokens: int = 1024
    max_retries: int = 2
    """Re-asks after an invalid answer."""
    context: dict[str, Any] | None = None
    """Validation context handed to the response model's validators."""


@dataclass
class Completion(Generic[T]):
    value: T
    usage: Usage = field(default_factory=Usage)


@runtime_checkable
class Backend(Protocol):
    """What the pipeline needs from a model provider."""

    name: str
    model: str

    def complete(self, request: Request[T]) -> Completion[T]: ...

    async def acomplete(self, request: Request[T]) -> Completion[T]: ...

    def close(self) -> None: ...


# Usage of the raw calls made on behalf of one `complete` call; set per call so concurrent calls don't mix.
_current_usage: ContextVar[Usage | None] = ContextVar("summarise_usage", default=None)


def record_raw_usage(response: Any, started: float) -> None:
    """Add one raw chat completion's usage to the running `complete` call (called from raw create functions)."""
    usage = _current_usage.get()
    if usage is None:
        return
    raw = getattr(response, "usage", None)
    if raw is None and isinstance(response, dict):
        raw = response.get("usage")
    if raw is not None:
        get = raw.get if isinstance(raw, dict) else lambda k, d=0: getattr(raw, k, d)
        usage.prompt_tokens += int(get("prompt_tokens", 0) or 0)
        usage.completion_tokens += int(get("completion_tokens", 0) or 0)
    usage.calls += 1
    usage.latency_s += time.perf_counter() - started


def note_retry() -> None:
    """Count one transient retry against the running `complete` call."""
    usage = _current_usage.get()
    if usage is not None:
        usage.retries += 1


class InstructorBackend:
    """Shared machinery: instructor over a raw OpenAI-style ``create``; usage accounting; error mapping."""

    name = "base"
    mode: instructor.Mode = instructor.Mode.JSON_SCHEMA

    def __init__(self, model: str) -> None:
        self.model = model
        self._sync: Any = None
        self._async: Any = None

    # Subclasses provide the raw calls (OpenAI chat.completions.create signature and return shape).
    def raw_create(self, **kwargs: Any) -> Any:
        raise NotImplementedError

    async def raw_acreate(self, **kwargs: Any) -> Any:
        raise NotImplementedError

    def _kwargs(self, request: Request[Any]) -> dict[str, Any]:
        return {
            "model": self.model,
            "messages": request.messages,
            "response_model": request.response_model,
            "max_retries": request.max_retries,
            "max_tokens": request.max_tokens,
            "context": request.context,
        }

    @contextmanager
    def _accounting(self) -> Iterator[Usage]:
        """Collect the usage of every raw call made for one request; map failures to SummariseErrors."""
        usage = Usage()
        token = _current_usage.set(usage)
        try:
            yield usage
        except Exception as exc:
            raise self._map_error(exc, usage) from exc
        finally:
            _current_usage.reset(token)
        usage.invalid += max(usage.calls - 1, 0)  # each extra raw answer was a re-ask after an invalid one
        usage.retries += max(usage.calls - 1, 0)

    def complete(self, request: Request[T]) -> Completion[T]:
        if self._sync is None:
            self._sync = instructor.patch(create=self.raw_create, mode=self.mode)
        with self._accounting() as usage:
            value = self._sync(**self._kwargs(request))
        return Completion(value=value, usage=usage)

    async def acomplete(self, request: Request[T]) -> Completion[T]:
        if self._async is None:
            create: Callable[..., Awaitable[Any]] = self.raw_acreate
            self._async = instructor.patch(create=create, mode=self.mode)
        with self._accounting() as usage:
            value = await self._async(**self._kwargs(request))
        return Completion(value=value, usage=usage)

    def _map_error(self, exc: Exception, usage: Usage) -> SummariseError:
        if isinstance(exc, SummariseError):
            return exc
        if isinstance(exc, IncompleteOutputException):
            return ExtractionError(
                "the model's answer hit the token limit (run-away or too long an answer)",
                attempts=usage.calls,
                hint="retry with a larger --max-tokens or another strategy",
            )
        if isinstance(exc, InstructorRetryException):
            cause = exc.__cause__ or exc.__context__
            if isinstance(cause, SummariseError):
                return cause
            if cause is not None and not isinstance(cause, _PARSE_ERRORS):
                return BackendError(f"{type(cause).__name__}: {cause}", backend=self.name)
            attempts = getattr(exc, "n_attempts", None) or usage.calls
            last = str(exc).strip().splitlines()[-1:] or [""]
            return ExtractionError(
                f"the model's answer stayed invalid after {attempts} attempt(s): {last[0][:200]}",
                attempts=attempts,
            )
        return BackendError(f"{type(exc).__name__}: {exc}", backend=self.name)

    def close(self) -> None:
        return None


def translate_response_format(response_format: dict[str, Any] | None) -> dict[str, Any] | None:
    """OpenAI ``json_schema`` response format → llama-cpp-python's ``json_object`` + ``schema``."""
    if not response_format or response_format.get("type") != "json_schema":
        return response_format
    schema = response_format.get("json_schema", {}).get("schema")
    return {"type": "json_object", "schema": schema} if schema else {"type": "json_object"}
