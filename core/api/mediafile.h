// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace tg {

/// What content sniffing found out about a file to upload.
struct MediaFileInfo
{
    QString mimeType;  ///< image/jpeg, image/png, image/gif, image/webp or video/mp4
    QString extension; ///< jpg, png, gif, webp, mp4
    qint64 size = 0;
};

/// The media type of a file from its first bytes (magic numbers), or an empty string.
QString sniffMediaType(const QByteArray &head, QString *extension = nullptr);

/// Checks a file before any byte is sent: readable, not empty, at most maxBytes (0 = no limit),
/// and of one of the accepted media types by content. On failure returns nullopt and a
/// Validation error naming the problem.
std::optional<MediaFileInfo> checkMediaFile(const QString &path, qint64 maxBytes,
                                            const QStringList &acceptedTypes, ApiError *error);

/// All media types sniffMediaType() recognizes.
QStringList knownMediaTypes();

} // namespace tg
