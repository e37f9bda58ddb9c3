# SPDX-License-Identifier: MIT
# No Widgets or Gui below the UI, no server in the UI, no arrow back up in what targets link.
#
#   cmake -DLINKS_FILE=<build>/tests/layers/links.txt -P check_links.cmake
#
# LINKS_FILE holds one line per library, "target: everything it links", written at configure
# time by tests/layers/CMakeLists.txt.

cmake_minimum_required(VERSION 3.25)

if(NOT LINKS_FILE OR NOT EXISTS "${LINKS_FILE}")
    message(FATAL_ERROR "usage: cmake -DLINKS_FILE=... -P check_links.cmake")
endif()

# What a library must never link, directly or through another.
set(gui_modules Qt6::Gui Qt6::Widgets Qt6::WebEngineWidgets Qt6::WebEngineCore Qt6::WebChannel
    Qt6::Charts Qt6::Svg Qt6::OpenGL)
set(forbidden_tg_content ${gui_modules} tg_client tg_storage tg_sandbox tg_pages tg_workflow tg_cli tg_ui tg_desktop)
set(forbidden_tg_client ${gui_modules} Qt6::Concurrent tg_storage tg_sandbox tg_pages tg_workflow tg_cli tg_ui tg_desktop)
set(forbidden_tg_storage ${gui_modules} tg_client tg_sandbox tg_pages tg_workflow tg_cli tg_ui tg_desktop)
set(forbidden_tg_sandbox ${gui_modules} tg_client tg_storage tg_pages tg_workflow tg_cli tg_ui tg_desktop)
set(forbidden_tg_pages ${gui_modules} tg_sandbox tg_workflow tg_cli tg_ui tg_desktop)
set(forbidden_tg_workflow ${gui_modules} tg_sandbox tg_cli tg_ui tg_desktop)
set(forbidden_tg_cli ${gui_modules} tg_sandbox tg_ui tg_desktop)
# The app and its widgets never link QtWebEngine: the preview module brings it after start-up.
set(forbidden_tg_ui tg_sandbox tg_cli tg_desktop Qt6::WebEngineWidgets Qt6::WebEngineCore)
set(forbidden_tg_desktop tg_cli Qt6::WebEngineWidgets Qt6::WebEngineCore)

file(STRINGS "${LINKS_FILE}" lines)
set(violations 0)
set(checked 0)
foreach(line IN LISTS lines)
    if(NOT line MATCHES "^([A-Za-z0-9_]+): ?(.*)$")
        continue()
    endif()
    set(target "${CMAKE_MATCH_1}")
    string(REPLACE " " ";" links "${CMAKE_MATCH_2}")
    math(EXPR checked "${checked} + 1")
    foreach(bad IN LISTS forbidden_${target})
        if(bad IN_LIST links)
            message("${target} links ${bad}")
            math(EXPR violations "${violations} + 1")
        endif()
    endforeach()
endforeach()
if(checked LESS 7)
    message(FATAL_ERROR "only ${checked} libraries in ${LINKS_FILE}")
endif()
if(violations GREATER 0)
    message(FATAL_ERROR "${violations} link(s) point up the layers")
endif()
message("links: ${checked} libraries, none links a layer above it or a GUI module below the UI")
