# SPDX-License-Identifier: MIT
# The include graph runs core → workflow → ui → app with no arrow back up.
#
#   cmake -DSOURCE_DIR=<repo> -DQT_INCLUDE_DIR=<qt6 include root> -P check_layers.cmake
#
# Every source file of a library may include headers of the libraries below it only (quoted
# includes are resolved against core/, ui/ and app/), and core and workflow files may include
# Qt headers of Core, Network, Sql and Concurrent only (an angle include is looked up in the Qt
# module folders to find its module). Prints every violation and fails when there is one.

cmake_minimum_required(VERSION 3.25)

if(NOT SOURCE_DIR OR NOT QT_INCLUDE_DIR)
    message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=... -DQT_INCLUDE_DIR=... -P check_layers.cmake")
endif()

# What each library may include (besides itself).
set(allowed_content "")
set(allowed_api "content")
set(allowed_storage "content")
set(allowed_sandbox "content")
set(allowed_pages "content;api;storage")
set(allowed_workflow "content;api;storage;pages")
set(allowed_cli "content;api;storage;pages;workflow")
set(allowed_ui "content;api;storage;pages;workflow")
set(allowed_desktop "content;api;storage;pages;workflow;sandbox;ui")
set(core_qt_modules "QtCore;QtNetwork;QtSql;QtConcurrent")

# Which library a resolved header belongs to.
function(layer_of path out)
    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${path}")
    string(REGEX MATCH "^(core|ui|app)/([^/]+)/" m "${rel}")
    if(NOT m)
        set(${out} "" PARENT_SCOPE)
        return()
    endif()
    if(CMAKE_MATCH_1 STREQUAL "ui")
        set(${out} "ui" PARENT_SCOPE)
    else()
        set(${out} "${CMAKE_MATCH_2}" PARENT_SCOPE)
    endif()
endfunction()

# The Qt module a header such as QImage or QtGui/QImage comes from (empty: not Qt's).
set(qt_module_cache "")
function(qt_module_of header out)
    if(header MATCHES "^(Qt[A-Za-z]+)/")
        set(${out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
        return()
    endif()
    if(NOT header MATCHES "^Q[A-Za-z0-9]+$")
        set(${out} "" PARENT_SCOPE)
        return()
    endif()
    file(GLOB hits LIST_DIRECTORIES false "${QT_INCLUDE_DIR}/Qt*/${header}")
    set(module "")
    foreach(hit IN LISTS hits)
        get_filename_component(dir "${hit}" DIRECTORY)
        get_filename_component(module "${dir}" NAME)
        break()
    endforeach()
    set(${out} "${module}" PARENT_SCOPE)
endfunction()

set(violations 0)
set(checked 0)
file(GLOB_RECURSE sources LIST_DIRECTORIES false
    "${SOURCE_DIR}/core/*.h" "${SOURCE_DIR}/core/*.cpp"
    "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/ui/*.cpp"
    "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/app/*.cpp")
foreach(file IN LISTS sources)
    layer_of("${file}" layer)
    if(NOT layer OR NOT DEFINED allowed_${layer})
        continue()
    endif()
    math(EXPR checked "${checked} + 1")
    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
    foreach(line IN LISTS lines)
        if(line MATCHES "include[ \t]*\"([^\"]+)\"")
            set(inc "${CMAKE_MATCH_1}")
            set(resolved "")
            get_filename_component(here "${file}" DIRECTORY)
            foreach(root IN ITEMS "${SOURCE_DIR}/core" "${SOURCE_DIR}/ui" "${SOURCE_DIR}/app"
                    "${here}")
                if(NOT resolved AND EXISTS "${root}/${inc}")
                    set(resolved "${root}/${inc}")
                endif()
            endforeach()
            if(NOT resolved)
                continue() # generated (moc) or a system header in quotes
            endif()
            layer_of("${resolved}" target)
            if(target AND NOT target STREQUAL layer AND NOT target IN_LIST allowed_${layer})
                message("${rel}: ${layer} must not include ${inc} (${target})")
                math(EXPR violations "${violations} + 1")
            endif()
        elseif(line MATCHES "include[ \t]*<([^>]+)>")
            set(inc "${CMAKE_MATCH_1}")
            if(layer STREQUAL "ui" OR layer STREQUAL "desktop")
                continue()
            endif()
            qt_module_of("${inc}" module)
            if(module AND NOT module IN_LIST core_qt_modules)
                message("${rel}: ${layer} must not use ${module} (<${inc}>); core and workflow "
                        "are Qt Core/Network/Sql/Concurrent only")
                math(EXPR violations "${violations} + 1")
            endif()
        endif()
    endforeach()
endforeach()

if(checked LESS 50)
    message(FATAL_ERROR "only ${checked} files found under ${SOURCE_DIR}: wrong SOURCE_DIR?")
endif()
if(violations GREATER 0)
    message(FATAL_ERROR "${violations} include(s) point up the layers or out of core's Qt modules")
endif()
message("layers: ${checked} files, every include points down")
