"""Test-wide guards: no network beyond loopback, state in a temporary SUMMARISE_HOME, no env leakage."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_create_connection = socket.create_connection


def _is_loopback(address: Any) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0]
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class NetworkBlocked(RuntimeError):
    pass


def _guard(address: Any) -> None:
    if not _is_loopback(address):
        raise NetworkBlocked(f"tests may not connect beyond loopback (tried {address!r})")


def _connect(self: socket.socket, address: Any) -> None:
    _guard(address)
    return _real_connect(self, address)


def _connect_ex(self: socket.socket, address: Any) -> int:
    _guard(address)
    return _real_connect_ex(self, address)


def _create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
    _guard(address)
    return _real_create_connection(address, *args, **kwargs)


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    socket.socket.connect = _connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]
    socket.create_connection = _create_connection  # type: ignore[assignment]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _real_connect_ex  # type: ignore[method-assign]
    socket.create_connection = _real_create_connection


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test sees no user configuration: no keys, no endpoint, state in a temp home."""
    for var in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "SUMMARISE_MODEL",
        "SUMMARISE_BACKEND",
        "SUMMARISE_STRATEGY",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("SUMMARISE_HOME", str(tmp_path_factory.mktemp("home")))


# The user's state directory, captured before tests isolate SUMMARISE_HOME: model tests reuse its assembled model.
USER_HOME = Path(os.environ.get("SUMMARISE_HOME") or Path.home() / ".cache" / "summarise").expanduser()
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seed000() -> str:
    return (SEEDS / "000_ef4bc445b1a14fa2.txt").read_text(encoding="utf-8")


@pytest.fixture
def seed002() -> str:
    return (SEEDS / "002_74635596341c1c7a.txt").read_text(encoding="utf-8")
