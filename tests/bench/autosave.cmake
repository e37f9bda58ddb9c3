# SPDX-License-Identifier: MIT
# Autosave under continuous typing: the worst age of text not yet on disk (needs the window).
if(TG_BUILD_UI)
    tg_add_bench_harness(bench_autosave SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_autosave.cpp
        LIBS tg_ui tg_testsupport Qt6::Test)
endif()
