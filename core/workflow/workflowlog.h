// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace tg {

/// Log messages of the workflow library ("tg.workflow"): only warnings are shown unless enabled,
/// e.g. QT_LOGGING_RULES="tg.workflow.debug=true". Never logs a token or a secret.
Q_DECLARE_LOGGING_CATEGORY(lcWorkflow)

} // namespace tg
