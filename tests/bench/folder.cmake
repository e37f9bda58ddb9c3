# SPDX-License-Identifier: MIT
# Publishing a folder of 31 files at 20 ms latency, then checking it unchanged.
tg_add_bench_harness(bench_folder_publish
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_folder_publish.cpp LIBS tg_workflow tg_sandbox)
target_include_directories(bench_folder_publish PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
