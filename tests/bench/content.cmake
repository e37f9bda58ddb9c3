# SPDX-License-Identifier: MIT
# bench_html: strict HTML -> nodes (64 KiB article, 8 MiB document, UTF-8 decoding included) and
# nodes -> HTML, in bytes/s. `bench_html --peak-memory` instead converts the 8 MiB document once
# and prints the resident memory it took (run it under /usr/bin/time -v as a cross-check).
tg_add_benchmark(bench_html SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_html.cpp LIBS tg_content)
# bench_markdown: Markdown -> nodes on a 64 KiB article, nodes -> Markdown, and the lenient HTML
# import of a 1 MiB web page, in bytes/s of input; a 4 MiB document; Markdown -> flat document
# and -> compact JSON (flat and tree paths side by side); the 64 KiB keystroke -> preview HTML
# conversion (convertContent).
tg_add_benchmark(bench_markdown SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_markdown.cpp LIBS tg_workflow tg_content)
# bench_textstats: the status bar's word, character and reading-time count of a 64 KiB Markdown
# or HTML draft, and of 64 KiB to 4 MiB of Markdown (time per byte stays flat).
tg_add_benchmark(bench_textstats SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_textstats.cpp LIBS tg_content)
