// SPDX-License-Identifier: MIT
#include "storage/storagelog.h"

namespace tg {

Q_LOGGING_CATEGORY(lcStorage, "tg.storage", QtWarningMsg)

} // namespace tg
