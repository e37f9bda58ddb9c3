# SPDX-License-Identifier: MIT
tg_add_test(tst_singleinstance SOURCES tst_singleinstance.cpp LIBS tg_ui LABELS ui TIMEOUT 180)
target_compile_definitions(tst_singleinstance PRIVATE
    TG_DESKTOP_EXE="$<TARGET_FILE:telegraph-desktop>")
add_dependencies(tst_singleinstance telegraph-desktop)
