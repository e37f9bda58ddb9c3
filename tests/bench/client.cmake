# SPDX-License-Identifier: MIT
# Client benchmarks: `page list --all --views` against the ideal, and the CLI's peak memory.
tg_add_bench_harness(bench_client_list SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_client_list.cpp
    LIBS tg_client tg_sandbox)
target_compile_definitions(bench_client_list PRIVATE TG_CLI_PATH="$<TARGET_FILE:telegraph>")
add_dependencies(bench_client_list telegraph)

# The timing of the client's timeout, concurrency and flood-wait paths (the test suite checks
# them functionally).
tg_add_bench_harness(bench_client_timing
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_client_timing.cpp LIBS tg_client tg_sandbox)
