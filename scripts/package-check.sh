#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the packages with CPack, installs the .deb and checks the installed programs for real:
#   scripts/package-check.sh BUILD_DIR
# BUILD_DIR is used as it is when it holds a configured build; otherwise it is configured here
# (Release, without tests and benchmarks). Needs root or sudo (apt-get install), curl, lintian,
# appstream and desktop-file-utils (scripts/install-deps.sh). Prints one PASS/FAIL/SKIP line per
# check and exits non-zero when any check failed.
set -uo pipefail

if [ $# -ne 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi

src_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$1" || exit 2
build_dir=$(cd "$1" && pwd)
pkg_dir="$build_dir/packages"
jobs=${JOBS:-2}

failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
skip() { echo "SKIP: $*"; }
step() { echo "---- $*"; }
# Shows the last lines of a log after a failed step.
show_log() { sed -e 's/^/    | /' "$1" | tail -n "${2:-25}"; }

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo_cmd=(sudo); else echo "FAIL: need root or sudo" >&2; exit 1; fi
fi

logs=$(mktemp -d)
sandbox_pid=""
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  if [ -n "$sandbox_pid" ] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill "$sandbox_pid" 2>/dev/null
    wait "$sandbox_pid" 2>/dev/null
  fi
  rm -rf "$logs"
}
trap cleanup EXIT

# --- configure and build ------------------------------------------------------------------------
step "build in $build_dir"
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  if cmake -S "$src_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
       -DTG_BUILD_TESTS=OFF -DTG_BUILD_BENCHMARKS=OFF >"$logs/configure.log" 2>&1; then
    pass "configure"
  else
    fail "configure"; show_log "$logs/configure.log"; exit 1
  fi
fi
if cmake --build "$build_dir" -j"$jobs" >"$logs/build.log" 2>&1; then
  pass "build"
else
  fail "build"; show_log "$logs/build.log"; exit 1
fi

cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$build_dir/CMakeCache.txt"; }
with_ui=$(cache_value TG_BUILD_UI)
app_id="io.github.telegraph_desktop.TelegraphDesktop"
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build_dir/CPackConfig.cmake")
package=$(sed -n 's/^set(CPACK_PACKAGE_NAME "\(.*\)")$/\1/p' "$build_dir/CPackConfig.cmake")

# --- packages -----------------------------------------------------------------------------------
step "cpack"
rm -rf "$pkg_dir"
if cpack --config "$build_dir/CPackConfig.cmake" -B "$pkg_dir" >"$logs/cpack.log" 2>&1; then
  pass "cpack: $(find "$pkg_dir" -maxdepth 1 -type f \( -name '*.deb' -o -name '*.tar.gz' -o -name '*.rpm' \) -printf '%f ')"
else
  fail "cpack"; show_log "$logs/cpack.log"; exit 1
fi
deb=$(find "$pkg_dir" -maxdepth 1 -name "${package}_${version}_*.deb" | head -n 1)
if [ -z "$deb" ]; then
  fail "no ${package}_${version}_*.deb in $pkg_dir"; exit 1
fi

expected_files=(
  /usr/bin/telegraph /usr/bin/telegraph-sandbox
  /usr/share/man/man1/telegraph.1.gz /usr/share/man/man1/telegraph-sandbox.1.gz
  "/usr/share/doc/$package/copyright" "/usr/share/doc/$package/changelog.gz"
)
if [ "$with_ui" = "ON" ]; then
  expected_files+=(
    /usr/bin/telegraph-desktop /usr/share/man/man1/telegraph-desktop.1.gz
    "/usr/share/applications/$app_id.desktop" "/usr/share/metainfo/$app_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
  )
  for size in 16 22 24 32 48 64 128 256 512; do
    expected_files+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
  done
fi
dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$logs/contents"
missing=()
for f in "${expected_files[@]}"; do
  grep -qxF "$f" "$logs/contents" || missing+=("$f")
done
if [ ${#missing[@]} -eq 0 ]; then
  pass "the .deb holds all ${#expected_files[@]} expected files"
else
  fail "the .deb lacks: ${missing[*]}"
fi
echo "    Depends: $(dpkg-deb --field "$deb" Depends)"

# --- lintian ------------------------------------------------------------------------------------
step "lintian"
if command -v lintian >/dev/null; then
  lintian --fail-on error --display-level ">=warning" "$deb" >"$logs/lintian.log" 2>&1
  status=$?
  errors=$(grep -c '^E: ' "$logs/lintian.log")
  warnings=$(grep -c '^W: ' "$logs/lintian.log")
  sed -e 's/^/    /' "$logs/lintian.log"
  if [ "$status" -eq 0 ] && [ "$errors" -eq 0 ]; then
    pass "lintian: 0 errors, $warnings warnings"
  else
    fail "lintian: $errors errors, $warnings warnings (exit $status)"
  fi
else
  fail "lintian is not installed (scripts/install-deps.sh)"
fi

# --- install ------------------------------------------------------------------------------------
step "install $deb"
export DEBIAN_FRONTEND=noninteractive
# --reinstall: the same version from an earlier run is replaced by this build.
if "${sudo_cmd[@]}" apt-get install -y --reinstall --no-install-recommends "$deb" >"$logs/apt.log" 2>&1 ||
   { "${sudo_cmd[@]}" apt-get update -qq >>"$logs/apt.log" 2>&1 &&
     "${sudo_cmd[@]}" apt-get install -y --reinstall --no-install-recommends "$deb" >>"$logs/apt.log" 2>&1; }; then
  pass "apt-get install"
else
  fail "apt-get install"; show_log "$logs/apt.log"; exit 1
fi
installed=$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null)
if [ "$installed" = "$version" ]; then
  pass "dpkg reports $package $installed installed"
else
  fail "dpkg reports '$installed' installed, expected $version"
fi

# --- the installed programs ---------------------------------------------------------------------
step "installed programs"
out=$(/usr/bin/telegraph --version 2>&1)
if [ "$out" = "telegraph $version" ]; then
  pass "telegraph --version: $out"
else
  fail "telegraph --version printed '$out', expected 'telegraph $version'"
fi
if /usr/bin/telegraph --help 2>&1 | grep -q "Exit codes"; then
  pass "telegraph --help"
else
  fail "telegraph --help lacks the exit codes"
fi

# The sandbox prints "listening on http://HOST:PORT" as its first line.
/usr/bin/telegraph-sandbox --listen 127.0.0.1:0 --memory >"$logs/sandbox.out" 2>"$logs/sandbox.err" &
sandbox_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(head -n 1 "$logs/sandbox.out" 2>/dev/null | sed -n 's|^listening on \(http://[^ ]*\)$|\1|p')
  [ -n "$url" ] && break
  kill -0 "$sandbox_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -n "$url" ]; then
  pass "telegraph-sandbox listening on $url"
  answer=$(curl -sS -m 10 --data-urlencode "short_name=PackageCheck" "$url/createAccount" 2>&1)
  if printf '%s' "$answer" | grep -q '"ok":true'; then
    pass "createAccount against the installed sandbox: ${answer:0:80}..."
  else
    fail "createAccount answered: $answer"
  fi
  kill -TERM "$sandbox_pid"
  wait "$sandbox_pid"
  status=$?
  sandbox_pid=""
  if [ "$status" -eq 0 ]; then
    pass "telegraph-sandbox stops cleanly on SIGTERM"
  else
    fail "telegraph-sandbox exited with $status on SIGTERM"
  fi
else
  fail "telegraph-sandbox did not print 'listening on http://HOST:PORT'"
  show_log "$logs/sandbox.out" 5
  show_log "$logs/sandbox.err" 10
fi

if [ "$with_ui" = "ON" ]; then
  webengine_env=()
  [ "$(id -u)" -eq 0 ] && webengine_env=(QTWEBENGINE_DISABLE_SANDBOX=1)
  out=$(env QT_QPA_PLATFORM=offscreen "${webengine_env[@]}" timeout 60 /usr/bin/telegraph-desktop --version 2>&1)
  if printf '%s\n' "$out" | grep -qx "telegraph-desktop $version"; then
    pass "telegraph-desktop --version (offscreen): $out"
  else
    fail "telegraph-desktop --version (offscreen) printed '$out', expected 'telegraph-desktop $version'"
  fi
  # Without any display and without QT_QPA_PLATFORM, --version should still answer.
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM timeout 60 /usr/bin/telegraph-desktop --version 2>&1)
  if printf '%s\n' "$out" | grep -qx "telegraph-desktop $version"; then
    pass "telegraph-desktop --version without a display"
  else
    fail "telegraph-desktop --version without a display printed '${out:0:200}'"
  fi

  if desktop-file-validate "/usr/share/applications/$app_id.desktop" >"$logs/dfv.log" 2>&1; then
    pass "desktop-file-validate"
  else
    fail "desktop-file-validate"; show_log "$logs/dfv.log"
  fi
  if appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" >"$logs/as.log" 2>&1; then
    pass "appstreamcli validate --no-net"
  else
    fail "appstreamcli validate --no-net"; show_log "$logs/as.log"
  fi
  if grep -q "x-scheme-handler/telegraph-desktop=.*$app_id.desktop" /usr/share/applications/mimeinfo.cache 2>/dev/null; then
    pass "the desktop database lists the telegraph-desktop:// handler"
  else
    skip "the desktop database (update-desktop-database) does not list the scheme handler yet"
  fi
else
  skip "desktop app checks (TG_BUILD_UI is OFF in $build_dir)"
fi

for page in telegraph telegraph-sandbox; do
  if man --warnings -l "/usr/share/man/man1/$page.1.gz" >/dev/null 2>"$logs/man.log" && [ ! -s "$logs/man.log" ]; then
    pass "man page $page(1) formats without warnings"
  else
    fail "man page $page(1)"; show_log "$logs/man.log"
  fi
done

echo
if [ "$failures" -eq 0 ]; then
  echo "package-check: all checks passed"
  exit 0
fi
echo "package-check: $failures check(s) failed"
exit 1
