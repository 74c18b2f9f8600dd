"""The embedded backend: llama.cpp in-process through llama-cpp-python, loaded once per process and reused.

instructor's JSON_SCHEMA mode sends ``response_format={"type": "json_schema", "json_schema": {...}}``, which
llama-cpp-python 0.3.36's chat handlers silently ignore; they honour only ``{"type": "json_object", "schema": ...}``.
``raw_create`` translates at that one boundary, so decoding is grammar-constrained to the schema while instructor
still validates and re-asks. Generation streams token by token so a run-away answer (a block repeating itself) or
a call past its deadline is cut off at once instead of running to the token limit.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import ExtractionError, ModelNotAvailable
from .assets import resolve_model_path
from .base import InstructorBackend, record_raw_usage, translate_response_format
from .sharing import free_threads, generation_lock

_MODELS: dict[tuple[str, int, int], Any] = {}
_LOAD_LOCK = threading.Lock()


def load_llama(path: Path, *, n_ctx: int, threads: int) -> Any:
    """A shared ``llama_cpp.Llama`` for this file and settings (loaded on first use)."""
    key = (str(path), n_ctx, threads)
    with _LOAD_LOCK:
        if key not in _MODELS:
            try:
                from llama_cpp import Llama
            except ImportError:
                raise ModelNotAvailable(
                    "the embedded backend needs llama-cpp-python", hint="pip install 'summarise[local]'"
                ) from None
            try:
                with _safe_buffers():
                    _MODELS[key] = Llama(
                        model_path=str(path), n_ctx=n_ctx, n_threads=threads, n_batch=512, verbose=False, seed=7
                    )
            except (ValueError, RuntimeError, OSError) as exc:
                raise ModelNotAvailable(f"could not load {path}: {exc}") from exc
        return _MODELS[key]


def amx_compiled(system_info: bytes) -> bool:
    """True when llama.cpp was built with its AMX matrix kernels (``-march=native`` on a Xeon with AMX)."""
    return b"AMX_INT8 = 1" in system_info


@contextmanager
def _safe_buffers() -> Iterator[None]:
    """Load without llama.cpp's extra weight buffers when its AMX kernels are compiled in.

    Those kernels crash in ``ggml_backend_amx_mul_mat`` on Q4_K_M weights (the default model's), machine-dependently
    (ggml-org/llama.cpp#20824, open): measured here, a Xeon with AMX segfaulted on the first prompt of more than a
    few tokens, and ran once the weights stayed in plain CPU buffers. ``Llama`` takes no option for it, so its
    model defaults are adjusted for this one load (under ``_LOAD_LOCK``). scripts/setup.sh builds without AMX, so
    this is for a llama-cpp-python installed some other way; the cost is the weight repacking those buffers also do.
    """
    from llama_cpp import llama_cpp as low

    if not amx_compiled(low.llama_print_system_info()):
        yield
        return
    original = low.llama_model_default_params

    def without_extra_buffers() -> Any:
        params = original()
        params.use_extra_bufts = False
        return params

    low.llama_model_default_params = without_extra_buffers
    try:
        yield
    finally:
        low.llama_model_default_params = original


def repeating_tail(text: str, *, min_period: int = 12, max_period: int = 240, repeats: int = 3) -> bool:
    """True when the text ends with one block (of min..max_period chars) repeated ``repeats`` times."""
    n = len(text)
    for period in range(min_period, min(max_period, n // repeats) + 1):
        block = text[n - period :]
        if all(text[n - (k + 1) * period : n - k * period] == block for k in range(1, repeats)):
            return True
    return False


class LocalBackend(InstructorBackend):
    name = "local"

    def __init__(self, settings: Settings) -> None:
        model_name, path = resolve_model_path(settings.model, settings.home)
        super().__init__(model_name)
        self.path = path
        self.settings = settings
        self.threads = settings.threads or free_threads()
        self._llama: Any = None
        self._lock = threading.Lock()

    @property
    def llama(self) -> Any:
        if self._llama is None:
            self._llama = load_llama(self.path, n_ctx=self.settings.n_ctx, threads=self.threads)
        return self._llama

    def raw_create(self, **kwargs: Any) -> Any:
        from openai.types.chat import ChatCompletion

        cancelled: threading.Event | None = kwargs.pop("_cancelled", None)

        # One llama context: calls are serialised; and one generation at a time on the machine (other processes
        # sharing the home wait their turn, instead of fighting over the cores), unless the process's cores are
        # its own (a Ray actor: ``Settings.take_turns``).
        turn = generation_lock(self.settings.home) if self.settings.take_turns else nullcontext()
        with self._lock, turn:
            started = time.perf_counter()  # the cap counts from our turn, not from the wait for it
            deadline = started + self.settings.local_timeout_s
            llama = self.llama
            stream = llama.create_chat_completion(
                messages=kwargs["messages"],
                response_format=translate_response_format(kwargs.get("response_format")),
                max_tokens=kwargs.get("max_tokens"),
                temperature=self.settings.temperature,
                seed=self.settings.seed,
                stream=True,
            )
            parts: list[str] = []
            finish: str | None = None
            n_out = 0
            try:
                for chunk in stream:
                    if cancelled is not None and cancelled.is_set():
                        raise ExtractionError("cancelled: the caller stopped waiting for this answer")
                    choice = chunk["choices"][0]
                    piece = choice["delta"].get("content") or ""
                    if piece:
                        parts.append(piece)
                        n_out += 1
                    finish = choice.get("finish_reason") or finish
                    if n_out and n_out % 16 == 0 and repeating_tail("".join(parts)[-800:]):
                        raise ExtractionError(f"run-away answer: the model repeated itself after {n_out} tokens")
                    if time.perf_counter() > deadline:
                        raise ExtractionError(
                            f"the answer was still growing after {self.settings.local_timeout_s:.0f}s ({n_out} tokens)"
                        )
            finally:
                close = getattr(stream, "close", None)
                if close:
                    close()
            n_total = int(llama.n_tokens)
        content = "".join(parts)
        completion = ChatCompletion.model_validate(
            {
                "id": f"local-{int(started * 1000)}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": self.model,
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": finish or "stop",
                        "message": {"role": "assistant", "content": content},
                    }
                ],
                "usage": {
                    "prompt_tokens": max(n_total - n_out, 0),
                    "completion_tokens": n_out,
                    "total_tokens": n_total,
                },
            }
        )
        record_raw_usage(completion, started)
        return completion

    async def raw_acreate(self, **kwargs: Any) -> Any:
        # The generation runs in a thread, which a cancelled task (Ctrl-C in a batch) cannot stop: it is told to,
        # and stops at its next token instead of holding the model (and the machine's lock) to the end.
        cancelled = threading.Event()
        try:
            return await asyncio.to_thread(self.raw_create, _cancelled=cancelled, **kwargs)
        except asyncio.CancelledError:
            cancelled.set()
            raise
