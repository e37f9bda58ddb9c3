#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds everything and runs the whole test suite headless. This is the README's test command
# and exactly what CI runs.
#   scripts/test.sh            install what is missing, build (preset "ci"), run every test
#   TG_PRESET=dev scripts/test.sh   the same with another CMake preset
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${TG_PRESET:-ci}"
bash scripts/install-deps.sh

cmake --preset "$preset"
cmake --build --preset "$preset" -j "$(nproc)"

# Headless: Qt renders offscreen (WebEngine too); tests set the rest at their entry point.
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export QTWEBENGINE_DISABLE_SANDBOX="${QTWEBENGINE_DISABLE_SANDBOX:-1}"
# One session bus for the run, so the keychain tests can start a real Secret Service.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
  TG_PRIVATE_BUS=1 exec dbus-run-session -- bash scripts/run-tests.sh "$preset"
fi
exec bash scripts/run-tests.sh "$preset"
