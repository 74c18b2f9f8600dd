"""The scripts under evals/tools/, loaded as modules for their tests (they are run as files, not imported)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

TOOLS = Path(__file__).resolve().parent.parent / "evals" / "tools"


def load_tool(name: str) -> ModuleType:
    """evals/tools/``name``.py as a module."""
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
