#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Refreshes translations/telegraph-desktop_<lang>.ts from the tr() strings in ui/ and core/.
# New strings arrive as unfinished, strings gone from the sources are dropped (-no-obsolete), and
# no source locations are written (-locations none) so diffs show only real text changes.
#
#   scripts/update-translations.sh            # every language
#   scripts/update-translations.sh de fa      # only these
#   LUPDATE=/path/to/lupdate scripts/update-translations.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
languages=(ru uk fa es pt_BR de)
if [[ $# -gt 0 ]]; then
    languages=("$@")
fi

lupdate="${LUPDATE:-}"
if [[ -z "$lupdate" ]]; then
    for candidate in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" \
        "$(command -v lupdate || true)"; do
        if [[ -n "$candidate" && -x "$candidate" ]]; then
            lupdate="$candidate"
            break
        fi
    done
fi
if [[ -z "$lupdate" ]]; then
    echo "update-translations: lupdate not found (install qt6-l10n-tools or set LUPDATE)" >&2
    exit 1
fi

cd "$root"
for lang in "${languages[@]}"; do
    ts="translations/telegraph-desktop_${lang}.ts"
    "$lupdate" -silent -no-obsolete -locations none -source-language en \
        -target-language "$lang" -extensions cpp,h ui core app -ts "$ts"
    echo "updated $ts"
done
