"""The library logs through ``logging`` and prints nothing itself: instructor's messages about failed attempts
reach stderr only when the application configures logging."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import logging, sys
if sys.argv[1] == "configured":
    logging.basicConfig(level=logging.INFO, format="LOG %(name)s: %(message)s")
from summarise import summarise
from summarise.backends.fake import FakeBackend
from summarise.errors import ExtractionError
valid = {"summary": "The mayor said the bridge would reopen in May."}
answers = [{"summary": 5}, {"summary": 6}, {"summary": 7} if sys.argv[2] == "failing" else valid]
try:
    summarise("The mayor said on Monday the bridge would reopen in May after repairs. Residents welcomed it.",
              backend=FakeBackend(answers), strategy="hybrid")
except ExtractionError:
    pass
print("done")
"""


def run(logs: str, answers: str) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-c", SCRIPT, logs, answers]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120)


def test_library_prints_nothing_on_stderr_by_itself() -> None:
    for answers in ("failing", "repaired"):  # instructor logs every failed attempt, and "max retries exceeded"
        done = run("plain", answers)
        assert done.returncode == 0 and done.stdout.strip() == "done"
        assert done.stderr == "", done.stderr


def test_the_application_decides_what_to_show() -> None:
    done = run("configured", "repaired")
    assert done.returncode == 0
    assert "LOG summarise.backends.base: fake: 2 re-ask(s)" in done.stderr, done.stderr
    failing = run("configured", "failing")
    assert "LOG instructor" in failing.stderr, failing.stderr
