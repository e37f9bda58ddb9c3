# SPDX-License-Identifier: MIT
# Dialogs wide enough for their text (in several languages) and the accounts panel's still buttons.
tg_add_test(tst_dialogfit SOURCES tst_dialogfit.cpp LIBS tg_ui tg_sandbox LABELS ui accounts pages
    i18n TIMEOUT 180)
