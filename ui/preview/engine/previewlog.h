// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace tg {

/// The preview engine module's messages (tg.ui.preview).
Q_DECLARE_LOGGING_CATEGORY(lcPreview)

} // namespace tg
