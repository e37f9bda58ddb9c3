#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds everything and runs the whole test suite headless. This is the README's test command
# and exactly what CI runs.
#   scripts/test.sh            install what is missing, build (preset "ci"), run every test; then
#                              the same with the "asan" preset (clang, ASan + UBSan) and every
#                              fuzzer for TG_FUZZ_SECONDS (default 20) seconds
#   TG_PRESET=dev scripts/test.sh   the first part with another CMake preset
#   TG_SKIP_ASAN=1 scripts/test.sh  without the asan build, its tests and the fuzzers
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${TG_PRESET:-ci}"
bash scripts/install-deps.sh

# Headless: Qt renders offscreen (WebEngine too); tests set the rest at their entry point.
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export QTWEBENGINE_DISABLE_SANDBOX="${QTWEBENGINE_DISABLE_SANDBOX:-1}"

# Runs the tests of a built preset, in a session bus of their own when none is there, so the
# keychain tests can start a real Secret Service.
run_suite() {
  if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
    TG_PRIVATE_BUS=1 dbus-run-session -- bash scripts/run-tests.sh "$1"
  else
    bash scripts/run-tests.sh "$1"
  fi
}

cmake --preset "$preset"
cmake --build --preset "$preset" -j "$(nproc)"
run_suite "$preset"

if [ "${TG_SKIP_ASAN:-0}" != 1 ]; then
  cmake --preset asan
  cmake --build --preset asan -j "$(nproc)"
  # A sanitizer build is not a package.
  TG_SKIP_PACKAGE_CHECK=1 run_suite asan
  bash scripts/fuzz.sh "${TG_FUZZ_SECONDS:-20}"
fi
