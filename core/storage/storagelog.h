// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace tg {

/// Log messages of the storage library ("tg.storage"): only warnings are shown unless enabled, e.g.
/// QT_LOGGING_RULES="tg.storage.debug=true". Never logs a token or a secret.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)

} // namespace tg
