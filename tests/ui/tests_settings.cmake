# SPDX-License-Identifier: MIT
tg_add_test(tst_settingsdialog SOURCES tst_settingsdialog.cpp LIBS tg_ui tg_sandbox LABELS ui
    TIMEOUT 120)
