// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace tg {

/// Log messages of the api library ("tg.api"): only warnings are shown unless enabled, e.g.
/// QT_LOGGING_RULES="tg.api.debug=true". Never logs a token or a secret.
Q_DECLARE_LOGGING_CATEGORY(lcApi)

} // namespace tg
