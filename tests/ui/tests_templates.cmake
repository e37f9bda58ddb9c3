# SPDX-License-Identifier: MIT
# Templates, the private link of a first publish and the Instant View note, in the real main
# window over a real drafts database and the in-process sandbox.
tg_add_test(tst_templates_ui SOURCES tst_templates_ui.cpp LIBS tg_ui tg_sandbox
    LABELS ui TIMEOUT 120)
