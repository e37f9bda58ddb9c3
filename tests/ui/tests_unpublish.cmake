# SPDX-License-Identifier: MIT
tg_add_test(tst_unpublish SOURCES tst_unpublish.cpp LIBS tg_ui tg_sandbox LABELS ui pages
    TIMEOUT 180)
