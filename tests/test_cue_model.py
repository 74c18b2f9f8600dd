"""The cue model is data: read only when its SHA-256 is the pinned one, and trained on the features it is fed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarise.errors import ModelNotAvailable
from summarise.extract import cue_model


def test_the_shipped_model_matches_its_pin_and_its_features() -> None:
    model = cue_model.shipped()
    assert 0 < model.threshold < 1 and model.weights
    assert cue_model.model_sha256(cue_model.MODEL_FILE.read_bytes()) == cue_model.MODEL_SHA256


def test_a_model_file_that_differs_from_its_pin_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    changed = tmp_path / "cue_model.json"
    changed.write_bytes(cue_model.MODEL_FILE.read_bytes().replace(b'"threshold": 0.', b'"threshold": 0.0'))
    monkeypatch.setattr(cue_model, "MODEL_FILE", changed)
    cue_model.shipped.cache_clear()
    try:
        with pytest.raises(ModelNotAvailable, match="pinned SHA-256"):
            cue_model.shipped()
    finally:
        cue_model.shipped.cache_clear()


def test_a_model_trained_on_other_features_is_refused() -> None:
    raw = json.dumps({"features_version": cue_model.FEATURES_VERSION + 1, "weights": {}, "bias": 0, "threshold": 1})
    with pytest.raises(ModelNotAvailable, match="other features"):
        cue_model.from_json(raw.encode())


def test_probability_adds_the_weights_of_the_features_present() -> None:
    model = cue_model.CueModel({"lemma=talk": 2.0, "kid=prep": 1.0}, bias=-1.0, threshold=0.8)
    assert model.probability(["lemma=talk", "kid=prep", "unknown"]) == pytest.approx(1 / (1 + 2.718281828**-2))
    assert model.probability([]) < 0.5
