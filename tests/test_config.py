from pathlib import Path

import pytest

from summarise.config import Settings
from summarise.errors import ConfigError


def test_from_env_reads_the_documented_variables() -> None:
    env = {
        "SUMMARISE_MODEL": "m.gguf",
        "OPENAI_BASE_URL": "http://127.0.0.1:9/v1",
        "OPENAI_API_KEY": "sk-secret",
        "SUMMARISE_HOME": "/tmp/h",
        "SUMMARISE_THREADS": "3",
    }
    s = Settings.from_env(env)
    assert (s.model, s.base_url, s.api_key, s.home, s.threads) == (
        "m.gguf",
        "http://127.0.0.1:9/v1",
        "sk-secret",
        Path("/tmp/h"),
        3,
    )
    assert "sk-secret" not in repr(s)


def test_flags_override_env_and_none_keeps_env() -> None:
    s = Settings.from_env({"SUMMARISE_MODEL": "a"}, model="b", base_url=None)
    assert s.model == "b" and s.base_url is None
    assert Settings.from_env({"SUMMARISE_MODEL": "a"}, model=None).model == "a"


def test_settings_are_frozen_and_hashable() -> None:
    s = Settings()
    with pytest.raises(AttributeError):
        s.model = "x"  # type: ignore[misc]
    assert hash(s) == hash(Settings())


@pytest.mark.parametrize(
    ("env", "overrides"),
    [
        ({"SUMMARISE_THREADS": "many"}, {}),
        ({}, {"base_url": "127.0.0.1:8080"}),
        ({}, {"concurrency": 0}),
        ({}, {"fuzzy_threshold": 150.0}),
        ({}, {"no_such_setting": 1}),
    ],
)
def test_bad_settings_raise_config_error(env: dict[str, str], overrides: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        Settings.from_env(env, **overrides)


def test_importing_the_package_reads_no_env_and_loads_no_model() -> None:
    import subprocess
    import sys

    code = (
        "import os, sys\n"
        "seen = []\n"
        "class Env(dict):\n"
        "    def get(self, k, d=None): seen.append(k); return super().get(k, d)\n"
        "    def __getitem__(self, k): seen.append(k); return super().__getitem__(k)\n"
        "os.environ = Env(os.environ)\n"
        "import summarise\n"
        "assert not [k for k in seen if k.startswith(('SUMMARISE', 'OPENAI'))], seen\n"
        "assert 'llama_cpp' not in sys.modules and 'openai' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
