// SPDX-License-Identifier: MIT
#include "pages/pageslog.h"

namespace tg {

Q_LOGGING_CATEGORY(lcPages, "tg.pages", QtWarningMsg)

} // namespace tg
