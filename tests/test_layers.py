"""The package's import direction (docs/ARCHITECTURE.md): data flows one way; nothing points back up."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "summarise"

# For each part of the package: the parts it may import. A part missing from its own list may not import itself
# beyond its own modules (always allowed).
ALLOWED: dict[str, set[str]] = {
    "schema": set(),
    "errors": set(),
    "lexicon": set(),
    "timex": {"schema", "lexicon"},
    "redact": set(),
    "workers": set(),
    "unionfind": set(),
    "statedb": {"errors"},
    "config": {"errors", "redact"},
    "prompts": {"errors"},
    "ingest": {"schema", "errors", "lexicon"},
    "backends": {"config", "errors", "redact"},
    "extract": {"backends", "config", "errors", "ingest", "lexicon", "prompts", "schema", "timex", "workers"},
    "ground": {"schema", "errors", "extract", "ingest", "lexicon", "timex", "unionfind"},
    "cache": {"config", "errors", "schema", "prompts", "backends", "ingest", "redact", "statedb"},
    "pipeline": {
        "backends",
        "cache",
        "config",
        "errors",
        "extract",
        "ground",
        "ingest",
        "prompts",
        "schema",
        "workers",
    },
    "many": {"backends", "cache", "config", "errors", "ingest", "pipeline", "schema", "workers"},
    "render": {"schema", "errors", "stories"},
    "batch": {
        "backends",
        "cache",
        "config",
        "errors",
        "ingest",
        "many",
        "pipeline",
        "prompts",
        "redact",
        "render",
        "schema",
        "statedb",
    },
    # Batches on a Ray cluster: the local batch's keys, records and run store, actors that call the pipeline.
    "engines": {
        "backends",
        "batch",
        "cache",
        "config",
        "errors",
        "ingest",
        "many",
        "pipeline",
        "prompts",
        "redact",
        "schema",
    },
    "evals": {
        "backends",
        "stories",
        "cache",
        "config",
        "errors",
        "extract",
        "ground",
        "ingest",
        "many",
        "pipeline",
        "prompts",
        "render",
        "schema",
        "timex",
    },
    # Stories over many summaries: above the pipeline (which never imports them); ground's name keys link
    # entities across articles as within one.
    "stories": {"config", "errors", "ground", "ingest", "lexicon", "many", "pipeline", "schema", "unionfind"},
    "__main__": {"cli"},
    "cli": {
        "backends",
        "batch",
        "cache",
        "config",
        "engines",
        "errors",
        "evals",
        "extract",
        "ground",
        "ingest",
        "many",
        "pipeline",
        "prompts",
        "redact",
        "render",
        "schema",
        "stories",
    },
}


def _part(module: Path) -> str:
    rel = module.relative_to(PKG)
    return rel.parts[0].removesuffix(".py")


def _imports(module: Path) -> set[str]:
    """Parts of summarise that a module imports (absolute or relative)."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    depth_of_pkg = len(module.relative_to(PKG).parts) - 1
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("summarise.")]
            found |= {n.split(".")[1] for n in names}
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module and node.module.startswith("summarise"):
                parts = node.module.split(".")
                found |= {parts[1]} if len(parts) > 1 else {a.name for a in node.names}
            elif node.level > 0:
                up = node.level - 1  # levels above the module's own package
                if up == depth_of_pkg:  # relative to the package root
                    found |= {node.module.split(".")[0]} if node.module else {a.name for a in node.names}
    return found


def test_every_part_is_known() -> None:
    parts = {_part(p) for p in PKG.rglob("*.py") if p.name != "__init__.py" or p.parent != PKG}
    assert parts <= set(ALLOWED), f"add {parts - set(ALLOWED)} to ALLOWED"


def test_imports_follow_the_layers() -> None:
    bad = []
    for module in sorted(PKG.rglob("*.py")):
        if module.parent == PKG and module.name == "__init__.py":
            continue  # the package front re-exports
        part = _part(module)
        for used in _imports(module) - {part, "__version__"}:
            if used not in ALLOWED[part]:
                bad.append(f"{module.relative_to(PKG.parent)} ({part}) imports {used}")
    assert not bad, "\n".join(bad)


def test_the_checker_sees_violations(tmp_path: Path) -> None:
    """The import reader must catch relative and absolute imports, or the test above proves nothing."""
    probe = PKG / "ground" / "_probe_layers.py"
    probe.write_text("from ..evals import score\nimport summarise.cli\nfrom summarise.batch import x\n")
    try:
        assert _imports(probe) == {"evals", "cli", "batch"}
    finally:
        probe.unlink()


def test_the_layers_have_no_cycle() -> None:
    """ALLOWED itself must be a ladder: no part may reach itself through the parts it may import."""
    for start in ALLOWED:
        seen: set[str] = set()
        todo = list(ALLOWED[start] - {start})
        while todo:
            part = todo.pop()
            assert part != start, f"{start} can reach itself through {sorted(seen)}"
            if part not in seen:
                seen.add(part)
                todo += ALLOWED.get(part, set())
