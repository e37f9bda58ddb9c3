#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Translation checks the lead can run by hand:
#  1. a report of user-visible text that bypasses tr(): QStringLiteral / QLatin1String / u""_s
#     literals with letters passed straight to setters that show text (setText, setWindowTitle,
#     setToolTip, addAction, showMessage, QMessageBox, new QLabel, …) in ui/ (or the folders
#     given). A report, not a failure, unless --strict is given.
#  2. with --build DIR: the completeness check (DIR/tests/i18n/tst_translations), which fails on
#     unfinished, empty, vanished or missing translations and names file and strings.
#
#   scripts/check-translations.sh                          # report on ui/
#   scripts/check-translations.sh --strict ui core/cli     # exit 1 when anything is found
#   scripts/check-translations.sh --build /work/build-x    # report + completeness check
# One-line calls only: a literal on the line after the setter is not seen.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
strict=0
build=""
dirs=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --strict) strict=1 ;;
        --build) build="$2"; shift ;;
        -h|--help) sed -n '3,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) dirs+=("$1") ;;
    esac
    shift
done
[[ ${#dirs[@]} -eq 0 ]] && dirs=(ui)

cd "$root"
setters='setText|setWindowTitle|setToolTip|setStatusTip|setWhatsThis|setPlaceholderText|setTitle'
setters+='|setLabelText|setAccessibleName|setAccessibleDescription|setWindowIconText|setSuffix'
setters+='|setPrefix|setSpecialValueText|setButtonText|setHeaderLabels?|setHorizontalHeaderLabels'
setters+='|addAction|addMenu|addTab|addItem|addButton|insertItem|setTabText|showMessage|setOkButtonText'
setters+='|setCancelButtonText|setInformativeText|setDetailedText|getText|getItem'
literal='(QStringLiteral\(|QLatin1String\(|QLatin1StringView\(|u)"[^"]*[[:alpha:]][^"]*"'
direct="\\b(${setters})\\(\\s*(this,\\s*)?${literal}"
constructed="new (QLabel|QPushButton|QToolButton|QCheckBox|QRadioButton|QGroupBox|QAction|QMenu|QDockWidget|QCommandLinkButton)\\(\\s*${literal}"
messagebox="QMessageBox(::[a-z]+)?\\([^;]*${literal}"

count=0
while IFS= read -r line; do
    # Object names, icon names, settings keys and URLs are not user-visible text.
    if [[ "$line" =~ setObjectName|fromTheme|QUrl\(|setProperty|QIcon\(|QKeySequence\( ]]; then
        continue
    fi
    [[ $count -eq 0 ]] && echo "User-visible literals without tr() (file:line: code):"
    echo "  $line"
    count=$((count + 1))
done < <(grep -rnE --include='*.cpp' --include='*.h' "${direct}|${constructed}|${messagebox}" \
    "${dirs[@]}" | sed -E 's/[[:space:]]+/ /g')

if [[ $count -eq 0 ]]; then
    echo "No user-visible literals without tr() found in: ${dirs[*]}"
else
    echo "$count line(s) to wrap in tr() (or mark as not user-visible)."
fi

status=0
if [[ -n "$build" ]]; then
    test_exe="$build/tests/i18n/tst_translations"
    if [[ ! -x "$test_exe" ]]; then
        echo "check-translations: $test_exe not built (cmake --build $build --target tst_translations)" >&2
        exit 2
    fi
    "$test_exe" || status=1
fi
if [[ $strict -eq 1 && $count -gt 0 ]]; then
    status=1
fi
exit $status
