# SPDX-License-Identifier: MIT
tg_add_test(tst_linkopener SOURCES tst_linkopener.cpp LIBS tg_ui tg_sandbox LABELS ui
    TIMEOUT 120)
