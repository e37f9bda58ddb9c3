#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Launch → first visible window of Telegraph Desktop against ghostwriter, on the same Markdown
# file and the same X server (Xvfb), in alternating runs; prints each median of RUNS runs
# (5 by default) and the ratio. The same external method times both: the clock starts just
# before the process is launched and stops when a window of that process is viewable (polling
# `xdotool search --onlyvisible --pid`).
#
#   tests/bench/startup/startup.sh [path/to/telegraph-desktop]   (default: build/ci/app/desktop/)
#
# Needs Xvfb, xdotool and ghostwriter (Debian: apt-get install -y xvfb xdotool ghostwriter); not
# part of ctest.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
app=${1:-$root/build/ci/app/desktop/telegraph-desktop}
runs=${RUNS:-5}
screen=${SCREEN:-1400x900}

for tool in Xvfb xdotool ghostwriter; do
    if ! command -v "$tool" >/dev/null; then
        echo "error: $tool is missing; install it with: apt-get install -y xvfb xdotool ghostwriter" >&2
        exit 2
    fi
done
if [[ ! -x $app ]]; then
    echo "error: $app is not built (ninja -C build/ci telegraph-desktop)" >&2
    exit 2
fi

work=$(mktemp -d)
xvfb_pid=
cleanup() {
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A free display number.
display=99
while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do
    display=$((display + 1))
done
Xvfb ":$display" -screen 0 "${screen}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 100); do
    xdotool getdisplaygeometry >/dev/null 2>&1 && break
    sleep 0.05
done

# The same article for both.
file=$work/article.md
{
    echo "# A first article"
    echo
    for i in $(seq 40); do
        echo "Paragraph $i: the quick brown fox jumps over the lazy dog, *again* and **again**."
        echo
    done
} >"$file"

export QTWEBENGINE_DISABLE_SANDBOX=1 # root in containers; the same for both

now_ms() { date +%s%3N; }

# Prints the ms from launch to the first viewable window of the launched process.
measure() {
    local start pid elapsed
    start=$(now_ms)
    "$@" >/dev/null 2>&1 &
    pid=$!
    elapsed=
    for _ in $(seq 20000); do
        if xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; then
            elapsed=$(($(now_ms) - start))
            break
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            break
        fi
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [[ -z $elapsed ]]; then
        echo "error: no window from $1" >&2
        return 1
    fi
    echo "$elapsed"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

ours=()
theirs=()
for run in $(seq "$runs"); do
    # Each run starts like a returning user: its own data and config folders, the file opened.
    data=$work/tg-$run
    mkdir -p "$data"
    t=$(TELEGRAPH_DESKTOP_DATA_DIR=$data/data TELEGRAPH_CONFIG_DIR=$data/config \
        measure "$app" --sandbox "$file")
    ours+=("$t")
    g=$(HOME=$work/gw-$run XDG_CONFIG_HOME=$work/gw-$run/config measure ghostwriter "$file")
    theirs+=("$g")
    echo "run $run: telegraph-desktop ${t} ms, ghostwriter ${g} ms"
done

m_ours=$(median "${ours[@]}")
m_theirs=$(median "${theirs[@]}")
echo "telegraph-desktop median: ${m_ours} ms"
echo "ghostwriter median:       ${m_theirs} ms"
awk -v a="$m_ours" -v b="$m_theirs" 'BEGIN { printf "ratio: %.2f (goal <= 0.50)\n", a / b }'
