"""The eval harness: score predicted summaries against hand-labelled gold answers and compare runs.

Suites (``suite``) list articles with gold summaries; a run (``run``) holds every prediction or error plus
what re-scoring needs; ``report`` scores a run (alignment in ``align``, counts in ``score``, metrics and
bootstrap intervals in ``metrics``); ``compare`` diffs two runs; ``polnear`` scores claims against PolNeAR;
``meantime`` (CAT XML read by ``cat``) scores events, their fields and entity coreference against MEANTIME.
Nothing outside ``summarise.cli`` imports this package.
"""

from __future__ import annotations

from .compare import Comparison, compare_reports
from .metrics import bootstrap, paired_bootstrap, point
from .polnear import load_corpus, score_polnear_case
from .report import Report, build_report, render_json, render_markdown, render_table, sections
from .results import DocScore
from .run import EvalRun, RunCase, execute, new_run, suite_cases
from .score import score_case, score_document
from .suite import Suite, load_suite

__all__ = [
    "Comparison",
    "DocScore",
    "EvalRun",
    "Report",
    "RunCase",
    "Suite",
    "bootstrap",
    "build_report",
    "compare_reports",
    "execute",
    "load_corpus",
    "load_suite",
    "new_run",
    "paired_bootstrap",
    "point",
    "render_json",
    "render_markdown",
    "render_table",
    "score_case",
    "score_document",
    "score_polnear_case",
    "sections",
    "suite_cases",
]
