"""Which verbs outside the cue lexicon report a statement: a logistic model over the parse, learned on PolNeAR.

PolNeAR's annotators mark attributions led by a long tail of verbs ("talked about", "pushed for", "regards …
as", "continued to portray"), each a cue in some uses and not others: no word list reaches them (half the
rules' misses on the training split, the most missed verb 1% of them; evals/CLAIMS-ANALYSIS.md). The parse
proposes every other verb with a subject-and-content frame as a candidate, cut like a learned cue
(``attribution.sentence_attributions``), and this model keeps those whose features say "attribution":
the verb's lemma, its relation and tag, its dependents, who its subject is, how its content starts, and their
pairings. Weights and threshold are data (``cue_model.json``), trained by ``scripts/train_cue_model.py`` from
PolNeAR's training split (no corpus text in it: feature names are lemmas and parse labels), read here only
when its SHA-256 is the pinned one.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ModelNotAvailable

MODEL_FILE = Path(__file__).with_name("cue_model.json")
MODEL_SHA256 = "7f01bba94fdcf8f8d1f07850c6071e7724920939ae0c9e9680f0f3e821988b4c"
"""SHA-256 of ``cue_model.json`` as trained (``scripts/train_cue_model.py`` prints it)."""
FEATURES_VERSION = 1
"""Bumped whenever ``features`` changes: a model trained on other features is refused."""
FRAME_DEPS = (
    "ccomp",
    "xcomp",
    "dobj",
    "prep",
    "parataxis",
    "agent",
    "prt",
    "dative",
    "oprd",
    "neg",
    "aux",
    "auxpass",
    "advmod",
)
"""The verb's dependents that say what frame it is used in."""
PAIRED_DEPS = ("ccomp", "xcomp", "dobj", "prep")
"""Dependents paired with the lemma: "talk" with a "prep" is a cue more often than "talk" alone."""


Judge = Callable[..., bool]
"""(cue token, subject token or None, content tokens, content words, source=kind) -> keep it: ``CueModel.keep``."""


def _length(words: int) -> str:
    return "1" if words <= 1 else "2" if words <= 2 else "3-5" if words <= 5 else "6-15" if words <= 15 else "16+"


def features(cue: Any, subject: Any | None, content: Sequence[Any], words: int, source: str) -> list[str]:
    """The candidate's features: ``cue`` its verb token, ``subject`` the source's token (or None), ``content``
    the content's tokens, ``source`` 'none', 'pron' or 'src', ``words`` the content's length in words."""
    lemma = cue.lemma_.lower()
    kids = {c.dep_ for c in cue.children}
    frame = [d for d in FRAME_DEPS if d in kids]
    who = "none" if subject is None else subject.lower_ if subject.pos_ == "PRON" else subject.ent_type_ or subject.pos_
    head = cue.head.lemma_.lower() if cue.dep_ in ("xcomp", "conj", "advcl") else ""
    first_pos, first_dep = (content[0].pos_, content[0].dep_) if content else ("-", "-")
    quoted = any(ch in cue.doc.text for ch in '"“')
    return [
        f"lemma={lemma}",
        f"dep={cue.dep_}",
        f"tag={cue.tag_}",
        f"source={source}",
        f"words={_length(words)}",
        f"dep|source={cue.dep_}|{source}",
        *(f"kid={d}" for d in frame),
        *(f"lemma|kid={lemma}|{d}" for d in frame if d in PAIRED_DEPS),
        f"lemma|source={lemma}|{source}",
        f"subject={who}",
        f"head={head}",
        f"content_pos={first_pos}",
        f"content_dep={first_dep}",
        f"quoted={quoted}",
        f"lemma|content_dep={lemma}|{first_dep}",
    ]


@dataclass(frozen=True)
class CueModel:
    weights: dict[str, float]
    bias: float
    threshold: float
    """Candidates at or above this probability are kept."""

    def probability(self, names: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(n, 0.0) for n in names)
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def keep(self, cue: Any, subject: Any | None, content: Sequence[Any], words: int, *, source: str) -> bool:
        return self.probability(features(cue, subject, content, words, source)) >= self.threshold


def model_sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def from_json(raw: bytes) -> CueModel:
    data = json.loads(raw)
    if data.get("features_version") != FEATURES_VERSION:
        raise ModelNotAvailable(f"{MODEL_FILE.name} was trained on other features; retrain it")
    return CueModel(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))


@lru_cache(maxsize=1)
def shipped() -> CueModel:
    """The model shipped with the package, once per process, checked against its pinned SHA-256."""
    try:
        raw = MODEL_FILE.read_bytes()
    except OSError as exc:
        raise ModelNotAvailable(f"the cue model is missing ({MODEL_FILE}): {exc}") from None
    if (found := model_sha256(raw)) != MODEL_SHA256:
        raise ModelNotAvailable(f"{MODEL_FILE.name} does not match its pinned SHA-256 ({found[:12]}…)")
    return from_json(raw)
