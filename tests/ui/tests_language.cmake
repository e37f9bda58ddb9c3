# SPDX-License-Identifier: MIT
tg_add_test(tst_language SOURCES tst_language.cpp LIBS tg_ui LABELS ui i18n TIMEOUT 180)
