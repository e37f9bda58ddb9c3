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
  # Check that the keyring answers and takes a secret (the daemon may still be registering).
  keyring_ok=0
  if command -v secret-tool >/dev/null; then
    for _ in $(seq 1 25); do
      if printf probe | secret-tool store --label=tg-probe tg-test-probe 1 >/dev/null 2>&1 &&
        [ "$(secret-tool lookup tg-test-probe 1 2>/dev/null)" = probe ]; then
        secret-tool clear tg-test-probe 1 >/dev/null 2>&1 || true
        keyring_ok=1
        break
      fi
      sleep 0.2
    done
  fi
  if [ "$keyring_ok" = 1 ]; then
    echo "run-tests: an unlocked gnome-keyring answers on the private session bus"
  else
    echo "run-tests: warning: the private gnome-keyring does not answer; keychain tests will" \
      "skip (and fail under CI=true)" >&2
  fi
fi

ctest --preset "$preset" -j "$(nproc)" --output-on-failure
if [ -x scripts/package-check.sh ] && [ "${TG_SKIP_PACKAGE_CHECK:-0}" != 1 ]; then
  bash scripts/package-check.sh "build/$preset"
fi
