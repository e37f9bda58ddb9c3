# SPDX-License-Identifier: MIT
tg_add_test(tst_desktopapp SOURCES tst_desktopapp.cpp sandboxapp.h LIBS tg_ui tg_sandbox LABELS ui accounts
    TIMEOUT 240)
