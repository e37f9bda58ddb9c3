# SPDX-License-Identifier: MIT
tg_add_test(tst_savefailure SOURCES tst_savefailure.cpp sandboxapp.h LIBS tg_ui tg_sandbox LABELS ui storage
    TIMEOUT 240)
