# SPDX-License-Identifier: MIT
tg_add_test(tst_publishfolderdialog SOURCES tst_publishfolderdialog.cpp LIBS tg_ui tg_sandbox
    LABELS ui TIMEOUT 180)
