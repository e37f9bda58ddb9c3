// SPDX-License-Identifier: MIT
#include "window/uilog.h"

namespace tg {

Q_LOGGING_CATEGORY(lcUi, "tg.ui", QtWarningMsg)

} // namespace tg
