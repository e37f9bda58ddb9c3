// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace tg {

/// Log messages of the sandbox library ("tg.sandbox"): only warnings are shown unless enabled, e.g.
/// QT_LOGGING_RULES="tg.sandbox.debug=true". Never logs a token or a secret.
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

} // namespace tg
