# SPDX-License-Identifier: MIT
# The page list with 10,000 cached pages (time to first rows, memory); the model lives in tg_ui.
if(TARGET tg_ui)
    tg_add_benchmark(bench_pagelist SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_pagelist.cpp
        LIBS tg_ui)
endif()
