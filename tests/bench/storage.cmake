# SPDX-License-Identifier: MIT
# Opening the drafts database (with its integrity check) and recovering a damaged one.
tg_add_benchmark(bench_drafts_open SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_drafts_open.cpp
    LIBS tg_storage)
# Find Everywhere: indexing and querying 2000 drafts with SQLite FTS5.
tg_add_benchmark(bench_search SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_search.cpp
    LIBS tg_storage)
