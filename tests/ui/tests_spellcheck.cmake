# SPDX-License-Identifier: MIT
# Spell-checking as you type in the real main window, with real Hunspell dictionaries.
tg_add_test(tst_spellcheck SOURCES tst_spellcheck.cpp LIBS tg_ui LABELS ui spelling TIMEOUT 120)
