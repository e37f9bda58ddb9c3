# SPDX-License-Identifier: MIT
tg_add_test(tst_backupdialog SOURCES tst_backupdialog.cpp LIBS tg_ui tg_sandbox LABELS ui pages
    TIMEOUT 180)
