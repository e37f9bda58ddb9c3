// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace tg {

/// Log messages of the pages library ("tg.pages"): only warnings are shown unless enabled, e.g.
/// QT_LOGGING_RULES="tg.pages.debug=true". Never logs a token or a secret.
Q_DECLARE_LOGGING_CATEGORY(lcPages)

} // namespace tg
