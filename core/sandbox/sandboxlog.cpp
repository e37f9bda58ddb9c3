// SPDX-License-Identifier: MIT
#include "sandbox/sandboxlog.h"

namespace tg {

Q_LOGGING_CATEGORY(lcSandbox, "tg.sandbox", QtWarningMsg)

} // namespace tg
