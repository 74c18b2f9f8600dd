"""Eval runs: call the pipeline on every case and keep everything needed to re-score without a model."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .. import __version__
from ..config import Settings
from ..errors import EvalError, InputError, SummariseError
from ..ingest import Document, load_text
from ..many import Finished, SummariseFn, summarise_many
from ..schema import ArticleSummary
from .brat import Attribution
from .cat import CatDoc
from .results import ErrorRecord
from .suite import Suite

RUN_FORMAT = "summarise-eval-run/1"
RunKind = Literal["suite", "polnear", "meantime"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SuiteInfo(_Model):
    name: str
    description: str = ""
    path: str


class RunCase(_Model):
    id: str
    article: str = Field(description="Path of the article file.")
    text: str = Field(description="The article text every span indexes.")
    published: date | None = None
    source: str | None = None
    gold: ArticleSummary | None = Field(default=None, description="Suite runs: the gold summary.")
    attributions: list[Attribution] = Field(default_factory=list, description="PolNeAR: every annotator's.")
    annotators: list[str] = Field(default_factory=list)
    meantime: CatDoc | None = Field(default=None, description="MEANTIME: the CAT gold document.")
    prediction: ArticleSummary | None = None
    error: ErrorRecord | None = None
    wall_s: float = 0.0


class EvalRun(_Model):
    format: str = RUN_FORMAT
    kind: RunKind
    created: datetime
    summarise_version: str = __version__
    suite: SuiteInfo
    settings: dict[str, Any] = Field(description="Settings of the run, without the API key.")
    cases: list[RunCase]
    wall_s: float = 0.0

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.model_dump(mode="json"), indent=1, sort_keys=True, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> EvalRun:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise EvalError(f"run file not found: {path}") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EvalError(f"{path}: bad run JSON: {exc}") from None
        if not isinstance(raw, dict) or raw.get("format") != RUN_FORMAT:
            found = raw.get("format") if isinstance(raw, dict) else None
            raise EvalError(f"{path}: not an eval run file (format {found!r}, expected {RUN_FORMAT!r})")
        try:
            return cls.model_validate(raw)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise EvalError(f"{path}: bad run file: {where}: {first['msg']}") from None


def settings_record(settings: Settings) -> dict[str, Any]:
    """Settings as JSON-able values, as a saved run keeps them: the run store's, without the API key or the
    endpoint's credentials (a saved run is a file people share)."""
    return settings.public()


def suite_cases(suite: Suite) -> list[RunCase]:
    return [
        RunCase(id=c.id, article=str(c.article), text=c.text, published=c.published, gold=c.gold) for c in suite.cases
    ]


def new_run(kind: RunKind, suite: SuiteInfo, settings: Settings, cases: list[RunCase]) -> EvalRun:
    return EvalRun(kind=kind, created=datetime.now(UTC), suite=suite, settings=settings_record(settings), cases=cases)


def pipeline_fn() -> SummariseFn:
    from ..pipeline import asummarise

    return asummarise


def error_record(exc: Exception) -> ErrorRecord:
    code = exc.exit_code if isinstance(exc, SummariseError) else None
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return ErrorRecord(type=type(exc).__name__, message=message, exit_code=code)


def _document(case: RunCase) -> Document | InputError:
    try:
        return load_text(case.text, id=case.id, source=case.source, published=case.published)
    except InputError as exc:
        return exc


async def execute_async(
    cases: Sequence[RunCase],
    settings: Settings,
    *,
    on_done: Callable[[RunCase], None] | None = None,
) -> list[RunCase]:
    """Predictions for every case (through ``many.summarise_many``, as batch runs go); a failing case records
    its error. Remote backends take ``settings.concurrency`` articles at a time, the embedded model one (so
    latencies stay per article)."""
    done: list[RunCase] = list(cases)

    def record(finished: Finished) -> None:
        update: dict[str, Any] = {"prediction": finished.summary, "error": None, "wall_s": finished.wall_s}
        if finished.error is not None:
            update["error"] = error_record(finished.error)
        done[finished.index] = cases[finished.index].model_copy(update=update)
        if on_done is not None:
            on_done(done[finished.index])

    docs = [_document(case) for case in cases]
    await summarise_many(docs, settings, on_done=record, include_text=False, summarise_fn=pipeline_fn())
    return done


def execute(run: EvalRun, settings: Settings, **kwargs: Any) -> EvalRun:
    """``run`` with its cases predicted, and its total wall time."""
    started = time.perf_counter()
    cases = asyncio.run(execute_async(run.cases, settings, **kwargs))
    return run.model_copy(update={"cases": cases, "wall_s": round(time.perf_counter() - started, 3)})


def regold(run: EvalRun, suite: Suite) -> tuple[EvalRun, list[str]]:
    """``run`` scored against the suite's current gold (by case id), and warnings for cases it lacks."""
    if run.kind != "suite":
        raise EvalError(f"only suite runs can take gold from a suite (this is a {run.kind} run)")
    golds = {c.id: c for c in suite.cases}
    cases, warnings = [], []
    for case in run.cases:
        fresh = golds.get(case.id)
        if fresh is None:
            warnings.append(f"case {case.id!r} is not in suite {suite.name!r}; its stored gold is kept")
            cases.append(case)
        elif fresh.text != case.text:
            raise EvalError(f"case {case.id!r}: the suite's article text differs from the run's")
        else:
            cases.append(case.model_copy(update={"gold": fresh.gold}))
    return run.model_copy(update={"cases": cases}), warnings
