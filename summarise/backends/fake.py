"""A deterministic backend for tests, shipped in the library (like pydantic-ai's TestModel).

Without a script it answers every request with data generated from the response model's JSON schema: strings
take the ``fill`` text, lists hold one item, numbers their minimum, enums their first value. A script (a list of
answers, or a function of the request) replaces that; an answer may be a dict, a JSON string (use one that is
invalid to exercise re-asks) or an exception to raise. Answers go through instructor like every other backend's.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel

from .base import InstructorBackend, record_raw_usage

Answer = dict[str, Any] | str | BaseModel | Exception
Script = Sequence[Answer] | Callable[[list[dict[str, str]], type[BaseModel] | None], Answer]


def sample_from_schema(schema: dict[str, Any], *, fill: str = "fake", root: dict[str, Any] | None = None) -> Any:
    """A small value that validates against ``schema`` (object, array, string, number, enum, anyOf, $ref)."""
    root = root or schema
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return sample_from_schema(root.get("$defs", {})[name], fill=fill, root=root)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s.get("type") != "null"] or schema["anyOf"]
        return sample_from_schema(options[0], fill=fill, root=root)
    kind = schema.get("type", "object")
    if kind == "object":
        props = schema.get("properties", {})
        return {key: sample_from_schema(sub, fill=fill, root=root) for key, sub in props.items()}
    if kind == "array":
        count = max(schema.get("minItems", 0), min(1, schema.get("maxItems", 1)))
        return [sample_from_schema(schema.get("items", {}), fill=fill, root=root) for _ in range(count)]
    if kind == "string":
        return fill[: schema.get("maxLength", len(fill))].ljust(schema.get("minLength", 0), "x")
    if kind in ("integer", "number"):
        return schema.get("minimum", 0)
    if kind == "boolean":
        return False
    return None


class FakeBackend(InstructorBackend):
    name = "fake"

    def __init__(self, script: Script | None = None, *, model: str = "fake", fill: str = "fake") -> None:
        super().__init__(model)
        self.script = script
        self.fill = fill
        self.requests: list[dict[str, Any]] = []
        """Every raw request received (messages, response_format, …), for assertions in tests."""

    def _answer(self, messages: list[dict[str, str]], response_model: type[BaseModel] | None) -> Answer:
        if callable(self.script):
            return self.script(messages, response_model)
        if self.script is not None:
            index = len(self.requests) - 1
            if index >= len(self.script):
                raise IndexError(f"fake backend script has {len(self.script)} answers; call {index + 1} asked")
            return self.script[index]
        schema = response_model.model_json_schema() if response_model else {"type": "object"}
        answer: dict[str, Any] = sample_from_schema(schema, fill=self.fill)
        return answer

    def raw_create(self, **kwargs: Any) -> Any:
        from openai.types.chat import ChatCompletion

        started = time.perf_counter()
        self.requests.append(kwargs)
        fmt = kwargs.get("response_format") or {}
        schema = fmt.get("json_schema", {}).get("schema")
        model = _MODEL_BY_SCHEMA.get(json.dumps(schema, sort_keys=True)) if schema else None
        answer = self._answer(kwargs["messages"], model)
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, BaseModel):
            content = answer.model_dump_json()
        else:
            content = answer if isinstance(answer, str) else json.dumps(answer)
        prompt_tokens = sum(len(m.get("content", "").split()) for m in kwargs["messages"])
        completion = ChatCompletion.model_validate(
            {
                "id": f"fake-{len(self.requests)}",
                "object": "chat.completion",
                "created": 0,
                "model": self.model,
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": content},
                    }
                ],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": len(content.split()),
                    "total_tokens": prompt_tokens + len(content.split()),
                },
            }
        )
        record_raw_usage(completion, started)
        return completion

    async def raw_acreate(self, **kwargs: Any) -> Any:
        await asyncio.sleep(0)
        return self.raw_create(**kwargs)

    def complete(self, request: Any) -> Any:
        _remember(request.response_model)
        return super().complete(request)

    async def acomplete(self, request: Any) -> Any:
        _remember(request.response_model)
        return await super().acomplete(request)


# instructor hands the raw call only the JSON schema; map it back to the response model for scripted callables.
_MODEL_BY_SCHEMA: dict[str, type[BaseModel]] = {}


def _remember(model: type[BaseModel]) -> None:
    _MODEL_BY_SCHEMA.setdefault(json.dumps(model.model_json_schema(), sort_keys=True), model)
