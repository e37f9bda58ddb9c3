// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace tg {

/// Creates the missing folders of \a path, each readable only by the user (existing ones are
/// left as they are). False when a folder cannot be made.
bool makeOwnerOnlyPath(const QString &path);

/// Writes \a data to \a path atomically (a temporary file renamed over the old one) as a file
/// only its owner can read: on Unix the temporary is created 0600 by open(2), so there is never
/// a moment when another user could open it. False with a message naming the file on failure;
/// the old file is then unchanged.
bool writeOwnerOnlyFile(const QString &path, const QByteArray &data, QString *error);

} // namespace tg
