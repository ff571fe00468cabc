#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine, then run it.
# Used verbatim by the README ("bash scripts/test.sh") and by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: chromium for the JupyterLab browser test, postgresql for the gradebook tests, bubblewrap for
# the grading sandbox (grading as root refuses to run trainee code without it).
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  if ! command -v chromium >/dev/null || [ ! -x /usr/lib/postgresql/15/bin/initdb ] || ! command -v bwrap >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q chromium postgresql bubblewrap >/dev/null
  fi
  # Node and npm for JupyterHub's proxy (the course hub test).
  if ! command -v npm >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q nodejs npm >/dev/null
  fi
fi

python -m pip install -q --disable-pip-version-check -e ".[test]"

# JupyterHub's proxy, configurable-http-proxy, from npm into deploy/node_modules (tests/test_hub_e2e.py).
if command -v npm >/dev/null; then
  npm ci --prefix deploy --no-audit --no-fund --silent
  export PATH="$PWD/deploy/node_modules/.bin:$PATH"
fi

# A throw-away PostgreSQL server on localhost for the gradebook tests; stopped on exit.
source scripts/postgres.sh
start_test_postgres || echo "PostgreSQL not available: postgres-marked tests will fail in CI"
trap stop_test_postgres EXIT

python -m ruff check ipt_training tests benchmarks
# Two pytest-xdist workers (the machine has 2 cores and most of the time goes to nbgrader, kernels and servers in
# subprocesses). Each file runs whole on one worker, tests that must not overlap share a group and the longest groups
# start first (tests/conftest.py); IPT_TEST_WORKERS=0 runs everything in one process. The 25 slowest steps are listed
# at the end, to keep an eye on growth. pytest-benchmark, where a machine has it, would stop the run with a warning
# under xdist; the suite has no pytest benchmarks (benchmarks/ holds scripts).
python -m pytest tests course source --nbval-lax --nbval-sanitize-with course/nbval_sanitize.cfg -p no:benchmark \
  -n "${IPT_TEST_WORKERS:-2}" --dist loadgroup --no-loadscope-reorder --durations=25 "$@"
