"""Any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, llama.cpp server) through the openai client + instructor.

Transient failures (429, 5xx, timeouts, dropped connections, empty or unreadable answers) retry with tenacity:
exponential backoff with jitter, honouring Retry-After (seconds, milliseconds or an HTTP date); a 429's
Retry-After pauses every call of the backend. Optional request and token budgets a minute
(``Settings.requests_per_minute`` / ``tokens_per_minute``) are enforced before each HTTP request, retries included. The structured-output mode suits the endpoint: tool calls on
api.openai.com; JSON schema elsewhere, translated to ``json_object`` + ``schema`` for llama.cpp's server, which
ignores ``json_schema`` (the server is recognised from ``/v1/models``; ``--mode`` overrides the guess).
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import instructor
import openai
from tenacity import AsyncRetrying, RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from ..batch.ratelimit import RateLimiter, estimate_tokens
from ..config import Settings
from ..errors import BackendError, ConfigError
from .base import InstructorBackend, note_retry, record_raw_usage
from .local import translate_response_format

MAX_RETRY_AFTER_S = 60.0


class EmptyAnswer(Exception):
    """The endpoint answered 200 with no choices."""


class UnreadableAnswer(Exception):
    """The endpoint answered 200 with a body that is not the JSON it announced (cut short, garbled)."""


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, openai.APIConnectionError | EmptyAnswer | UnreadableAnswer):  # includes timeouts
        return True
    return isinstance(exc, openai.APIStatusError) and (exc.status_code in (408, 409, 429) or exc.status_code >= 500)


def retry_after_s(exc: BaseException | None) -> float | None:
    """Seconds from a Retry-After (or retry-after-ms) header on the error's response, if any."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return min(float(ms) / 1000, MAX_RETRY_AFTER_S)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return min(max(float(value), 0.0), MAX_RETRY_AFTER_S)
    except ValueError:
        pass
    try:  # an HTTP date
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max((when - datetime.now(UTC)).total_seconds(), 0.0), MAX_RETRY_AFTER_S)


def backoff(base: float = 0.5, cap: float = 20.0) -> Any:
    """tenacity wait: Retry-After when the server sent one, else full-jitter exponential backoff."""

    def wait(state: RetryCallState) -> float:
        outcome = state.outcome
        header = retry_after_s(outcome.exception() if outcome else None)
        if header is not None:
            return header
        return random.uniform(0, min(cap, base * 2 ** (state.attempt_number - 1)))

    return wait


def guess_mode(base_url: str | None, owned_by: str | None) -> str:
    """Structured-output mode for an endpoint: tools | json_schema | json_object."""
    if base_url is None or "api.openai.com" in base_url:
        return "tools"
    if owned_by == "me":  # llama-cpp-python's server
        return "json_object"
    return "json_schema"


MODES = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "json_object": instructor.Mode.JSON_SCHEMA,  # sent as json_object + schema by raw_create
}


class OpenAIBackend(InstructorBackend):
    name = "openai"

    def __init__(self, settings: Settings, *, mode: str | None = None) -> None:
        api_key = settings.api_key
        if api_key is None:
            if settings.base_url is None:
                raise ConfigError(
                    "the openai backend needs OPENAI_API_KEY (or --base-url for a local server)",
                    hint="export OPENAI_API_KEY=… or pass --base-url http://127.0.0.1:8080/v1",
                )
            api_key = "not-needed"  # local servers accept any key
        super().__init__(settings.model or ("gpt-4o-mini" if settings.base_url is None else "default"))
        self.settings = settings
        common: dict[str, Any] = {
            "api_key": api_key,
            "base_url": settings.base_url,
            "timeout": settings.timeout_s,
            "max_retries": 0,  # tenacity retries, honouring Retry-After
        }
        self._common = common
        self.client = openai.OpenAI(**common)
        self._aclient: openai.AsyncOpenAI | None = None
        self._aclient_loop: asyncio.AbstractEventLoop | None = None
        self.limiter = RateLimiter(settings.requests_per_minute, settings.tokens_per_minute)
        self.cache_model = settings.model or (
            self.model if settings.base_url is None else f"default@{settings.base_url}"
        )
        """The model as configured (stable before the endpoint names its default model), for cache keys."""
        self._wire_mode = mode
        if mode is not None:
            if mode not in MODES:
                raise ConfigError(f"unknown mode {mode!r}; choose from {', '.join(MODES)}")
            self.mode = MODES[mode]

    @property
    def aclient(self) -> openai.AsyncOpenAI:
        """The async client of the running event loop (an httpx pool cannot outlive the loop that opened it)."""
        loop = asyncio.get_running_loop()
        if self._aclient is None or self._aclient_loop is not loop:
            self._aclient = openai.AsyncOpenAI(**self._common)
            self._aclient_loop = loop
        return self._aclient

    def _models_seen(self, models: list[Any]) -> None:
        owned_by = models[0].owned_by if models else None
        if self.model == "default" and models:
            self.model = models[0].id
        self._wire_mode = guess_mode(self.settings.base_url, owned_by)
        self.mode = MODES[self._wire_mode]

    def _ensure_mode(self) -> None:
        if self._wire_mode is not None:
            return
        if self.settings.base_url is None:
            return self._models_seen([])
        try:
            for attempt in Retrying(**self._retrying()):
                with attempt:
                    models = self.client.models.list().data
        except openai.APIError as exc:
            if isinstance(exc, openai.APIConnectionError):
                raise self._give_up(exc) from exc
            models = []  # the endpoint has no /models: guess from the URL alone
        self._models_seen(models)

    async def _aensure_mode(self) -> None:
        if self._wire_mode is not None:
            return
        if self.settings.base_url is None:
            return self._models_seen([])
        try:
            async for attempt in AsyncRetrying(**self._retrying()):
                with attempt:
                    models = (await self.aclient.models.list()).data
        except openai.APIError as exc:
            if isinstance(exc, openai.APIConnectionError):
                raise self._give_up(exc) from exc
            models = []
        self._models_seen(models)

    def _prepare(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        kwargs = {k: v for k, v in kwargs.items() if v is not None}
        if self._wire_mode == "json_object":
            kwargs["response_format"] = translate_response_format(kwargs.get("response_format"))
        kwargs.setdefault("temperature", self.settings.temperature)
        kwargs.setdefault("seed", self.settings.seed)
        return kwargs

    def _retrying(self) -> dict[str, Any]:
        return {
            "retry": retry_if_exception(is_transient),
            "stop": stop_after_attempt(self.settings.transient_retries + 1),
            "wait": backoff(),
            "reraise": True,
            "before_sleep": self._before_retry,
        }

    def _before_retry(self, state: RetryCallState) -> None:
        note_retry()
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, openai.RateLimitError) and (pause := retry_after_s(exc)):
            self.limiter.pause(pause)

    def _budget(self, kwargs: dict[str, Any]) -> int:
        return estimate_tokens(kwargs["messages"], kwargs.get("max_tokens")) if self.limiter.limited else 0

    def _settle(self, reserved: int, response: Any) -> None:
        usage = getattr(response, "usage", None)
        if reserved and usage is not None:
            self.limiter.settle(reserved, int(usage.prompt_tokens or 0) + int(usage.completion_tokens or 0))

    def _give_up(self, exc: Exception) -> Exception:
        if isinstance(exc, openai.AuthenticationError):
            return ConfigError("the endpoint rejected the API key (401)", hint="check OPENAI_API_KEY")
        if isinstance(exc, openai.NotFoundError):
            return BackendError(f"model {self.model!r} or endpoint not found (404)", backend=self.name)
        if isinstance(exc, openai.APIConnectionError):
            where = self.settings.base_url or "api.openai.com"
            return BackendError(f"cannot reach {where}: {exc}", backend=self.name, transient=True)
        if isinstance(exc, EmptyAnswer):
            return BackendError("the endpoint kept answering with no choices", backend=self.name, transient=True)
        if isinstance(exc, UnreadableAnswer):
            return BackendError(f"the endpoint kept sending unreadable answers ({exc})", backend=self.name, transient=True)
        if isinstance(exc, openai.APIStatusError):
            return BackendError(
                f"HTTP {exc.status_code}: {str(exc.message)[:200]}", backend=self.name, transient=is_transient(exc)
            )
        return exc

    @staticmethod
    def _check(response: Any) -> Any:
        if isinstance(response, str):  # the client hands back text it could not read as JSON
            raise UnreadableAnswer(f"not JSON: {response[:80]!r}")
        if not getattr(response, "choices", None):
            raise EmptyAnswer()
        return response

    def raw_create(self, **kwargs: Any) -> Any:
        kwargs = self._prepare(kwargs)
        budget = self._budget(kwargs)
        try:
            for attempt in Retrying(**self._retrying()):
                with attempt:
                    self.limiter.acquire(budget)
                    started = time.perf_counter()
                    try:
                        response = self._check(self.client.chat.completions.create(**kwargs))
                    except json.JSONDecodeError as exc:
                        raise UnreadableAnswer(f"body cut short or garbled: {exc}") from exc
                    self._settle(budget, response)
                    record_raw_usage(response, started)
                    return response
        except Exception as exc:
            raise self._give_up(exc) from exc
        raise AssertionError("unreachable")

    async def raw_acreate(self, **kwargs: Any) -> Any:
        kwargs = self._prepare(kwargs)
        budget = self._budget(kwargs)
        try:
            async for attempt in AsyncRetrying(**self._retrying()):
                with attempt:
                    await self.limiter.aacquire(budget)
                    started = time.perf_counter()
                    try:
                        response = self._check(await self.aclient.chat.completions.create(**kwargs))
                    except json.JSONDecodeError as exc:
                        raise UnreadableAnswer(f"body cut short or garbled: {exc}") from exc
                    self._settle(budget, response)
                    record_raw_usage(response, started)
                    return response
        except Exception as exc:
            raise self._give_up(exc) from exc
        raise AssertionError("unreachable")

    def complete(self, request: Any) -> Any:
        self._ensure_mode()
        return super().complete(request)

    async def acomplete(self, request: Any) -> Any:
        await self._aensure_mode()  # one cheap GET, once
        return await super().acomplete(request)

    def close(self) -> None:
        self.client.close()
