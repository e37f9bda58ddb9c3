# SPDX-License-Identifier: MIT
# Desktop app timings (needs an event loop and WebEngine, so a plain harness).
if(TG_BUILD_UI)
    tg_add_bench_harness(bench_ui_editor SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_ui_editor.cpp
        LIBS tg_ui tg_testsupport Qt6::Test)
endif()
