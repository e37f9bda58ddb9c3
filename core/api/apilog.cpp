// SPDX-License-Identifier: MIT
#include "api/apilog.h"

namespace tg {

Q_LOGGING_CATEGORY(lcApi, "tg.api", QtWarningMsg)

} // namespace tg
