#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the test suite of an already built preset (called by scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-ci}"
ctest --preset "$preset" -j "$(nproc)" --output-on-failure
if [ -x scripts/package-check.sh ] && [ "${TG_SKIP_PACKAGE_CHECK:-0}" != 1 ]; then
  bash scripts/package-check.sh "build/$preset"
fi
