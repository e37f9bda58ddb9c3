# SPDX-License-Identifier: MIT
# The writer's draft: hints and errors, the drafts list, its messages, formats and links.
tg_add_test(tst_drafts SOURCES tst_drafts.cpp LIBS tg_ui tg_sandbox LABELS ui TIMEOUT 180)
