// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace tg {

/// Name of the environment variable that moves all local data (drafts, settings of a sandbox)
/// elsewhere; tests and the crash test point it at a temporary folder.
inline constexpr char DataDirEnvVar[] = "TELEGRAPH_DESKTOP_DATA_DIR";

/// The folder for the app's local data: $TELEGRAPH_DESKTOP_DATA_DIR when set, otherwise the
/// platform's AppDataLocation. Created (0700) when missing.
QString dataDirectory();

} // namespace tg
