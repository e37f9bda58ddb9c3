# SPDX-License-Identifier: MIT
tg_add_test(tst_rtleditor SOURCES tst_rtleditor.cpp LIBS tg_ui LABELS ui i18n)
target_compile_definitions(tst_rtleditor PRIVATE
    TG_ARTIFACTS_DIR="${CMAKE_BINARY_DIR}/artifacts/screenshots")
