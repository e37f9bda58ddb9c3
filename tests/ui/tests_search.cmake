# SPDX-License-Identifier: MIT
# Find Everywhere in the real main window over a real drafts database and page cache (FTS5).
tg_add_test(tst_searchdialog SOURCES tst_searchdialog.cpp LIBS tg_ui LABELS ui storage TIMEOUT 120)
