"""The test-wide network guard really blocks non-loopback connections and lets loopback through."""

from __future__ import annotations

import socket
import threading

import pytest
from conftest import NetworkBlocked


def test_non_loopback_connections_fail() -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("93.184.216.34", 80), timeout=1)
    sock = socket.socket()
    try:
        with pytest.raises(NetworkBlocked):
            sock.connect(("10.0.0.1", 443))
    finally:
        sock.close()


def test_loopback_connections_work() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    accepted: list[bytes] = []

    def serve() -> None:
        conn, _ = server.accept()
        accepted.append(conn.recv(4))
        conn.close()

    thread = threading.Thread(target=serve)
    thread.start()
    with socket.create_connection(("127.0.0.1", port), timeout=2) as client:
        client.sendall(b"ping")
    thread.join(timeout=2)
    server.close()
    assert accepted == [b"ping"]
