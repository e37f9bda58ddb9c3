# SPDX-License-Identifier: MIT
# The app and the real telegraph executable sharing secrets through a private keyring.
tg_add_test(tst_secretsharing SOURCES tst_secretsharing.cpp LIBS tg_ui tg_sandbox
    LABELS ui accounts secrets TIMEOUT 300)
target_compile_definitions(tst_secretsharing PRIVATE TG_CLI_PATH="$<TARGET_FILE:telegraph>")
add_dependencies(tst_secretsharing telegraph)
