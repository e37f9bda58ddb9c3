// SPDX-License-Identifier: MIT
#include "datalocation.h"

#include <QDir>
#include <QStandardPaths>

namespace tg {

QString dataDirectory()
{
    QString dir = qEnvironmentVariable(DataDirEnvVar);
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir;
}

} // namespace tg
