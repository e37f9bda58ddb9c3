// SPDX-License-Identifier: MIT
#include "workflow/workflowlog.h"

namespace tg {

Q_LOGGING_CATEGORY(lcWorkflow, "tg.workflow", QtWarningMsg)

} // namespace tg
