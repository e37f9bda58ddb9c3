// SPDX-License-Identifier: MIT
// Gives tg_ui a translation unit while it has no other.
namespace tg::ui {
void uiAnchor() {}
} // namespace tg::ui
