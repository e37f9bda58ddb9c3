#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the test suite of an already built preset (called by scripts/test.sh, inside a private
# D-Bus session when one could be started).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-ci}"

# A real Secret Service for the keychain tests: in our own session bus, start gnome-keyring with a
# throw-away login keyring, unlocked (without one, D-Bus activation starts a locked keyring that
# wants a password prompt, which a headless run cannot show).
if [ "${TG_PRIVATE_BUS:-0}" = 1 ] && command -v gnome-keyring-daemon >/dev/null; then
  XDG_DATA_HOME="$(mktemp -d)"
  export XDG_DATA_HOME
  trap 'chmod -R u+rwX "$XDG_DATA_HOME"; rm -rf "$XDG_DATA_HOME"' EXIT
  printf 'test-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
fi

ctest --preset "$preset" -j "$(nproc)" --output-on-failure
if [ -x scripts/package-check.sh ] && [ "${TG_SKIP_PACKAGE_CHECK:-0}" != 1 ]; then
  bash scripts/package-check.sh "build/$preset"
fi
