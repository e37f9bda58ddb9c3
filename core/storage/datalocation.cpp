// SPDX-License-Identifier: MIT
#include "storage/datalocation.h"

#include "storage/privatefiles.h"

#include <QDir>
#include <QStandardPaths>

namespace tg {

QString dataDirectory()
{
    QString dir = qEnvironmentVariable(DataDirEnvVar);
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    makePrivateDir(dir); // the owner's only (0700)
    return dir;
}

} // namespace tg
