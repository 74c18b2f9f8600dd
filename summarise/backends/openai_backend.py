"""Any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, llama.cpp server) via the openai client + instructor.

Transient failures (429, 5xx, timeouts, dropped connections, empty or unreadable answers) retry with tenacity:
exponential backoff with jitter, honouring Retry-After (seconds, milliseconds or an HTTP date); a 429's
Retry-After pauses every call of the backend. Optional budgets a minute (``Settings.requests_per_minute``,
``tokens_per_minute``) are enforced before each HTTP request, retries included. The structured-output mode
suits the endpoint: tool calls on api.openai.com; JSON schema elsewhere, translated to ``json_object`` +
``schema`` for llama.cpp's server, which ignores ``json_schema`` (the server is recognised from
``/v1/models``; ``--mode`` overrides the guess).
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import instructor
import openai
from instructor import ResponseSchema, response_schema
from openai.types.chat import ChatCompletion
from pydantic import BaseModel
from tenacity import AsyncRetrying, RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from ..config import Settings
from ..errors import BackendError, ConfigError
from ..redact import redact_url, scrub
from .base import InstructorBackend, note_retry, record_raw_usage, translate_response_format
from .retry import EmptyAnswer, UnreadableAnswer, backoff, is_transient, retry_after_s

CHAT_PATH = "/chat/completions"
"""Posted to with the SDK's ``post``: ``chat.completions.create`` would first walk the whole body (messages and
JSON schema) through its TypedDict transform, ~3.5 ms of CPU a call that changes nothing in our plain-JSON body
and, at 32 requests in flight, keeps the event loop from keeping up."""


# -- rate limits: request and token budgets a minute, shared by a backend's threads and event loops ----------
#
# Each budget is a token bucket that may go into debt: a call *reserves* what it needs and is told how long to
# wait before sending, so concurrent callers queue up in arrival order without holding a lock while they wait.
# A 429 with Retry-After pauses every caller of the backend. The clock is injectable for tests.

BURST_S = 10.0
"""A bucket holds this many seconds' worth of its rate (at least one unit), so short bursts go through."""


@dataclass
class _Bucket:
    rate: float
    """Units a second."""
    capacity: float
    level: float
    stamp: float

    def refill(self, now: float) -> None:
        if now > self.stamp:
            self.level = min(self.capacity, self.level + (now - self.stamp) * self.rate)
            self.stamp = now

    def reserve(self, amount: float, now: float) -> float:
        """Take ``amount`` (going into debt if need be); seconds until the bucket could afford it."""
        self.refill(now)
        need = min(amount, self.capacity)
        wait = max(0.0, (need - self.level) / self.rate)
        self.level -= amount
        return wait


def _bucket(per_minute: float, now: float) -> _Bucket:
    if per_minute <= 0:
        raise ConfigError(f"rate limits must be > 0 a minute, got {per_minute:g}")
    rate = per_minute / 60.0
    capacity = max(1.0, rate * BURST_S)
    return _Bucket(rate, capacity, capacity, now)


def estimate_tokens(messages: Sequence[dict[str, str]], max_tokens: int | None) -> int:
    """Tokens a request may use, known before sending: ~4 characters a prompt token plus the answer budget."""
    chars = sum(len(m.get("content") or "") for m in messages)
    return chars // 4 + 8 * len(messages) + (max_tokens or 0)


class RateLimiter:
    """Requests and tokens a minute (either may be None) plus a shared pause after 429s."""

    def __init__(
        self,
        requests_per_minute: float | None = None,
        tokens_per_minute: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clock = clock
        now = clock()
        self._requests = _bucket(requests_per_minute, now) if requests_per_minute else None
        self._tokens = _bucket(tokens_per_minute, now) if tokens_per_minute else None
        self._paused_until = 0.0
        self._lock = threading.Lock()

    @property
    def limited(self) -> bool:
        return self._requests is not None or self._tokens is not None

    def reserve(self, tokens: int = 0) -> float:
        """Book one request of ``tokens``; the seconds to wait before sending it."""
        with self._lock:
            now = self.clock()
            wait = max(0.0, self._paused_until - now)
            if self._requests is not None:
                wait = max(wait, self._requests.reserve(1, now))
            if self._tokens is not None and tokens:
                wait = max(wait, self._tokens.reserve(tokens, now))
            return wait

    def settle(self, reserved: int, used: int) -> None:
        """Correct a reservation once the usage is known (refund or charge the difference)."""
        if self._tokens is None or used <= 0:
            return
        with self._lock:
            self._tokens.refill(self.clock())
            self._tokens.level = min(self._tokens.capacity, self._tokens.level + reserved - used)

    def pause(self, seconds: float) -> None:
        """Hold every caller back for ``seconds`` from now (a 429's Retry-After)."""
        with self._lock:
            self._paused_until = max(self._paused_until, self.clock() + seconds)

    def acquire(self, tokens: int = 0) -> None:
        wait = self.reserve(tokens)
        if wait > 0:
            time.sleep(wait)

    async def aacquire(self, tokens: int = 0) -> None:
        wait = self.reserve(tokens)
        if wait > 0:
            await asyncio.sleep(wait)


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


@cache
def prepared(model: type[BaseModel]) -> type[BaseModel]:
    """instructor's wrapper class for a response model, made once, with its JSON schema made once.

    Given a plain model, instructor builds a new wrapper class and its JSON schema on every call (~4 ms of CPU,
    which at 32 requests in flight is what keeps the event loop from keeping up); given its own wrapper, it uses
    it as is. Answers are instances of the wrapper either way (a subclass of ``model``).

    instructor has no public switch to reuse a schema, so the wrapper made here is subclassed once with
    pydantic's ``model_json_schema`` classmethod overridden (an ordinary override, no patching of instructor's
    class): asked without arguments, as instructor asks, it hands out a copy of the schema made here."""
    if issubclass(model, ResponseSchema):
        return model
    wrapper = response_schema(model)
    schema = json.dumps(wrapper.model_json_schema())

    def model_json_schema(cls: type[BaseModel], *args: Any, **kwargs: Any) -> dict[str, Any]:
        if args or kwargs:
            return wrapper.model_json_schema(*args, **kwargs)
        fresh: dict[str, Any] = json.loads(schema)  # a copy per caller, 3-4 x cheaper than deepcopy
        return fresh

    metaclass: Any = type(wrapper)  # pydantic's: the subclass is a model like the wrapper, under the same name
    namespace = {"__module__": wrapper.__module__, "__qualname__": wrapper.__qualname__}
    reused: type[BaseModel] = metaclass(
        wrapper.__name__, (wrapper,), {**namespace, "model_json_schema": classmethod(model_json_schema)}
    )
    return reused


class OpenAIBackend(InstructorBackend):
    name = "openai"
    bounds_requests = True
    """It holds its own requests in flight to ``settings.concurrency`` (a batch need not gate its calls)."""

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
        self._client: openai.OpenAI | None = None
        self._aclient: openai.AsyncOpenAI | None = None
        self._aclient_loop: asyncio.AbstractEventLoop | None = None
        self._in_flight = asyncio.Semaphore(settings.concurrency)
        """HTTP requests in flight (async), at most ``settings.concurrency`` across every caller of the backend;
        held only while a request is on the wire, so the CPU work around requests overlaps their waiting."""
        self._mode_lock = asyncio.Lock()
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
    def client(self) -> openai.OpenAI:
        """The sync client, made at its first use: an async batch never needs one (each client costs ~50 ms of
        CPU for its TLS context, even for a plain-HTTP endpoint)."""
        if self._client is None:
            self._client = openai.OpenAI(**self._common)
        return self._client

    @property
    def aclient(self) -> openai.AsyncOpenAI:
        """The async client of the running event loop (an httpx pool dies with its loop)."""
        loop = asyncio.get_running_loop()
        if self._aclient is None or self._aclient_loop is not loop:
            # Our own httpx client: the SDK's default one schedules its close on whatever loop runs when it is
            # collected, which fails noisily for a pool opened on a loop since closed.
            http = openai.DefaultAsyncHttpxClient(timeout=self.settings.timeout_s)
            self._aclient = openai.AsyncOpenAI(**self._common, http_client=http)
            self._aclient_loop = loop
            self._in_flight = asyncio.Semaphore(self.settings.concurrency)
            self._mode_lock = asyncio.Lock()
        return self._aclient

    async def aclose(self) -> None:
        """Close the async client of the running loop (call before the loop ends)."""
        if self._aclient is not None and self._aclient_loop is asyncio.get_running_loop():
            await self._aclient.close()
        self._aclient = self._aclient_loop = None

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
        client = self.aclient
        async with self._mode_lock:  # the first of many concurrent calls asks; the others wait for its answer
            if self._wire_mode is not None:
                return
            try:
                async for attempt in AsyncRetrying(**self._retrying()):
                    with attempt:
                        models = (await client.models.list()).data
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
        kwargs["stream"] = False
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
        """The error to raise once retries are spent: ours, one line, with no credential in it (an endpoint
        may echo the key it was sent; error text reaches logs, records and the terminal)."""
        if isinstance(exc, openai.AuthenticationError):
            return ConfigError("the endpoint rejected the API key (401)", hint="check OPENAI_API_KEY")
        if isinstance(exc, openai.NotFoundError):
            return BackendError(f"model {self.model!r} or endpoint not found (404)", backend=self.name)
        if isinstance(exc, openai.APIConnectionError):
            where = redact_url(self.settings.base_url) or "api.openai.com"
            message = f"cannot reach {where}: {self._clean(exc)}"
            return BackendError(message, backend=self.name, transient=True)
        if isinstance(exc, EmptyAnswer | UnreadableAnswer):
            what = "with no choices" if isinstance(exc, EmptyAnswer) else f"unreadably ({self._clean(exc)})"
            return BackendError(f"the endpoint kept answering {what}", backend=self.name, transient=True)
        if isinstance(exc, openai.APIStatusError):
            message = f"HTTP {exc.status_code}: {self._clean(exc.message)[:200]}"
            return BackendError(message, backend=self.name, transient=is_transient(exc))
        return exc

    def _clean(self, text: object) -> str:
        return scrub(str(text), [self.settings.api_key])

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
                        response = self._check(self.client.post(CHAT_PATH, body=kwargs, cast_to=ChatCompletion))
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
                    client = self.aclient
                    started = time.perf_counter()
                    try:
                        async with self._in_flight:
                            response = await client.post(CHAT_PATH, body=kwargs, cast_to=ChatCompletion)
                        response = self._check(response)
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
        return super().complete(replace(request, response_model=prepared(request.response_model)))

    async def acomplete(self, request: Any) -> Any:
        await self._aensure_mode()  # one cheap GET, once
        return await super().acomplete(replace(request, response_model=prepared(request.response_model)))

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
