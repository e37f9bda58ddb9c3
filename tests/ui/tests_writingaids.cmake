# SPDX-License-Identifier: MIT
# Focus mode, typewriter scrolling, full screen, the status bar's counts and the per-draft word
# goal in the real main window over a real drafts database.
tg_add_test(tst_writingaids SOURCES tst_writingaids.cpp LIBS tg_ui LABELS ui storage TIMEOUT 120)
