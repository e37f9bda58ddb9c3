// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace tg {

/// Log messages of the desktop app's widgets ("tg.ui"): only warnings are shown unless enabled,
/// e.g. QT_LOGGING_RULES="tg.ui.debug=true". Never logs a token or a secret.
Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace tg
