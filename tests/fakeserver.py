"""A fake OpenAI-compatible server on 127.0.0.1, scriptable per request, for fault tests and benchmarks.

Serves ``GET /v1/models`` and ``POST /v1/chat/completions``. Each chat request takes the next ``Reply`` of
the script (a list, or a function of the request index and body); past the script's end, or for
``Reply.answer()``, it answers with JSON valid for the request's ``response_format`` schema, made by the
``answer`` callable given (default: ``sample_from_schema``). Faults: HTTP errors with or without Retry-After,
a hang past the client's timeout, a connection closed mid-response, a truncated body, schema-invalid content,
empty choices, latency.

Bounded: it serves from daemon threads, refuses work past ``max_requests``, and shuts itself down after
``lifetime_s``; a hang ends early when the server stops. Every request is recorded with its arrival time.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from summarise.backends.fake import sample_from_schema

Answer = Callable[[list[dict[str, Any]], dict[str, Any]], Any]
"""(messages, JSON schema of the wanted answer) -> a JSON-able value or a string (sent as the content)."""


@dataclass(frozen=True)
class Reply:
    kind: str = "answer"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: str | None = None
    delay: float = 0.0
    content: str | None = None

    @classmethod
    def answer(cls, delay: float = 0.0) -> Reply:
        return cls("answer", delay=delay)

    @classmethod
    def error(cls, status: int, *, retry_after: float | str | None = None, body: str | None = None) -> Reply:
        headers = () if retry_after is None else (("Retry-After", str(retry_after)),)
        return cls("status", status=status, headers=headers, body=body)

    @classmethod
    def hang(cls, seconds: float = 30.0) -> Reply:
        return cls("hang", delay=seconds)

    @classmethod
    def drop(cls) -> Reply:
        """Send the headers and half the body, then close the connection."""
        return cls("drop")

    @classmethod
    def truncated(cls) -> Reply:
        """A 200 whose JSON body is cut short (Content-Length matches what is sent)."""
        return cls("truncated")

    @classmethod
    def invalid(cls, content: str = '{"unexpected": true}') -> Reply:
        """A well-formed completion whose content does not fit the schema."""
        return cls("answer", content=content)

    @classmethod
    def empty(cls) -> Reply:
        """A 200 with no choices."""
        return cls("empty")


@dataclass(frozen=True)
class Seen:
    index: int
    path: str
    arrived: float
    """time.monotonic() at arrival."""
    body: dict[str, Any]
    headers: dict[str, str]
    """Header names in lower case."""

    @property
    def text(self) -> str:
        """All message contents, joined (for matching an article's marker)."""
        return "\n".join(str(m.get("content", "")) for m in self.body.get("messages", []))


Script = Sequence[Reply] | Callable[[int, dict[str, Any]], Reply]


@dataclass
class FakeServer:
    script: Script = ()
    answer: Answer | None = None
    latency: float = 0.0
    """Added before every answer."""
    lifetime_s: float = 120.0
    max_requests: int = 20_000
    model: str = "fake-model"
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._chats = 0
        self._in_flight = 0
        self.max_in_flight = 0
        """Most chat requests being handled at once."""
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._timer = threading.Timer(self.lifetime_s, self.stop)
        self._timer.daemon = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    @property
    def chats(self) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.path.endswith("/chat/completions")]

    def start(self) -> FakeServer:
        self._thread.start()
        self._timer.start()
        return self

    def stop(self) -> None:
        if self._stopped.is_set():
            return
        self._stopped.set()
        self._timer.cancel()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- called from handler threads -------------------------------------------------------------------

    def _record(self, path: str, body: dict[str, Any], headers: dict[str, str]) -> tuple[int, Reply]:
        with self._lock:
            index = len(self.seen)
            lower = {k.lower(): v for k, v in headers.items()}
            self.seen.append(Seen(index, path, time.monotonic(), body, lower))
            if not path.endswith("/chat/completions"):
                return index, Reply.answer()
            n = self._chats
            self._chats += 1
        if n >= self.max_requests:
            return n, Reply.error(503, body="fake server: request budget spent")
        if callable(self.script):
            return n, self.script(n, body)
        return n, self.script[n] if n < len(self.script) else Reply.answer()

    def completion(self, body: dict[str, Any], reply: Reply) -> dict[str, Any]:
        fmt = body.get("response_format") or {}
        schema = fmt.get("json_schema", {}).get("schema") or fmt.get("schema") or {"type": "object"}
        if reply.content is not None:
            content = reply.content
        else:
            value = (self.answer or (lambda _m, s: sample_from_schema(s)))(body.get("messages", []), schema)
            content = value if isinstance(value, str) else json.dumps(value)
        prompt = sum(len(str(m.get("content", ""))) for m in body.get("messages", [])) // 4
        return {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", self.model),
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
            "usage": {
                "prompt_tokens": prompt,
                "completion_tokens": len(content) // 4,
                "total_tokens": prompt,
            },
        }


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    fake: FakeServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that go away (timeouts, killed processes) are part of the game: no tracebacks."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # The head and the body go out in two writes: with Nagle's algorithm the body waits for the client's delayed
    # ACK of the head (~40 ms on Linux), which real servers (uvicorn under vLLM) do not add; measured here, it
    # put 40-50 ms on every 200 ms answer at concurrency 32.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def _send(self, status: int, payload: bytes, headers: Sequence[tuple[str, str]] = ()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self) -> None:
        fake = self.server.fake
        fake._record(self.path, {}, dict(self.headers.items()))
        if self.path.rstrip("/").endswith("/_stats"):  # for a server in another process (benchmarks)
            stats = {"chats": len(fake.chats), "max_in_flight": fake.max_in_flight}
            self._send(200, json.dumps(stats).encode())
        elif self.path.rstrip("/").endswith("/models"):
            data = {
                "object": "list",
                "data": [{"id": fake.model, "object": "model", "created": 0, "owned_by": "fake"}],
            }
            self._send(200, json.dumps(data).encode())
        else:
            self._send(404, b'{"error": {"message": "not found"}}')

    def do_POST(self) -> None:
        fake = self.server.fake
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            self._send(400, b'{"error": {"message": "bad JSON"}}')
            return
        if not self.path.rstrip("/").endswith("/chat/completions"):
            fake._record(self.path, body, dict(self.headers.items()))
            self._send(404, b'{"error": {"message": "not found"}}')
            return
        _, reply = fake._record(self.path, body, dict(self.headers.items()))
        with fake._lock:
            fake._in_flight += 1
            fake.max_in_flight = max(fake.max_in_flight, fake._in_flight)
        try:
            self._reply(fake, body, reply)
        finally:
            with fake._lock:
                fake._in_flight -= 1

    def _reply(self, fake: FakeServer, body: dict[str, Any], reply: Reply) -> None:
        wait = reply.delay + (fake.latency if reply.kind == "answer" else 0.0)
        if wait and fake._stopped.wait(wait):
            self.close_connection = True
            return
        if reply.kind == "hang":
            self.close_connection = True
            return
        if reply.kind == "status":
            message = reply.body or f"fake server says {reply.status}"
            error = json.dumps({"error": {"message": message, "type": "fake", "code": reply.status}})
            self._send(reply.status, error.encode(), reply.headers)
            return
        if reply.kind == "empty":
            data = fake.completion(body, Reply.answer())
            data["choices"] = []
            self._send(200, json.dumps(data).encode())
            return
        payload = json.dumps(fake.completion(body, reply)).encode()
        if reply.kind == "truncated":
            self._send(200, payload[: len(payload) // 2])
            return
        if reply.kind == "drop":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload[: len(payload) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self._send(200, payload)


def plain_answer(messages: list[dict[str, Any]], schema: dict[str, Any]) -> Any:
    """A minimal valid answer for the pipeline's parts: no claims or events for a window (so no grounding
    re-ask), one sentence for the overview; any other schema gets a sample."""
    props = schema.get("properties", {})
    if "summary" in props:  # a restatement, as the summary check wants: the article's first sentence
        body = last_user({"messages": messages}).partition("<article>")[2].partition("</article>")[0]
        first = " ".join(body.split()).split(". ")[0].rstrip(".")
        return {"summary": f"{first}." if len(first.split()) >= 4 else "A short neutral summary of the article."}
    if "claims" in props and "events" in props:
        return {"claims": [], "events": []}
    return sample_from_schema(schema)


def last_user(body: dict[str, Any]) -> str:
    """The request's last user message: the part that names the article (the head is shared by all)."""
    users = [m for m in body.get("messages", []) if m.get("role") == "user"]
    return str(users[-1].get("content", "")) if users else ""


def serve_forever_in_this_process() -> None:
    """``python tests/fakeserver.py [latency] [lifetime_s]``: serve plain answers, print the URL, stop by itself
    (benchmarks run the server in its own process, so its work does not share the client's interpreter)."""
    import sys

    latency = float(sys.argv[1]) if len(sys.argv) > 1 else 0.0
    lifetime = float(sys.argv[2]) if len(sys.argv) > 2 else 600.0
    server = FakeServer(answer=plain_answer, latency=latency, lifetime_s=lifetime).start()
    print(server.url, flush=True)
    server._stopped.wait(lifetime + 1)


if __name__ == "__main__":
    serve_forever_in_this_process()
