# SPDX-License-Identifier: MIT
# bench_sandbox_load: 200 concurrent keep-alive connections against an in-process sandbox;
# reports requests/s and latency percentiles for getPage and createPage.
find_package(Qt6 REQUIRED COMPONENTS Network)
tg_add_bench_harness(bench_sandbox_load
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_sandbox_load.cpp
            ${CMAKE_SOURCE_DIR}/tests/sandbox/keepaliveclient.h
    LIBS tg_sandbox Qt6::Network)
target_include_directories(bench_sandbox_load PRIVATE ${CMAKE_SOURCE_DIR}/tests/sandbox)
