// SPDX-License-Identifier: MIT
#include "api/mediafile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include "api/translatedtext.h"

namespace tg {

QString sniffMediaType(const QByteArray &head, QString *extension)
{
    auto found = [extension](const char *mime, const char *ext) {
        if (extension)
            *extension = QLatin1String(ext);
        return QLatin1String(mime);
    };
    if (head.startsWith("\xFF\xD8\xFF"))
        return found("image/jpeg", "jpg");
    if (head.startsWith("\x89PNG\r\n\x1A\n"))
        return found("image/png", "png");
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return found("image/gif", "gif");
    if (head.size() >= 12 && head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return found("image/webp", "webp");
    if (head.size() >= 12 && head.mid(4, 4) == "ftyp")
        return found("video/mp4", "mp4");
    return {};
}

QStringList knownMediaTypes()
{
    return {QStringLiteral("image/jpeg"), QStringLiteral("image/png"), QStringLiteral("image/gif"),
            QStringLiteral("image/webp"), QStringLiteral("video/mp4")};
}

std::optional<MediaFileInfo> checkMediaFile(const QString &path, qint64 maxBytes,
                                            const QStringList &acceptedTypes, ApiError *error)
{
    auto fail = [error, &path](const QString &code, const QString &why) {
        if (error) {
            *error = ApiError::make(ApiError::Category::Validation,
                                    QFileInfo(path).fileName() + QStringLiteral(": ") + why, code);
        }
        return std::nullopt;
    };
    const QFileInfo fi(path);
    if (!fi.exists() || !fi.isFile())
        return fail(QStringLiteral("FILE_NOT_FOUND"), ImageHostText::tr("no such file"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("FILE_UNREADABLE"),
                    ImageHostText::tr("cannot read: %1").arg(f.errorString()));
    MediaFileInfo info;
    info.size = f.size();
    if (info.size == 0)
        return fail(QStringLiteral("FILE_EMPTY"), ImageHostText::tr("the file is empty"));
    if (maxBytes > 0 && info.size > maxBytes) {
        const QLocale c = QLocale::c();
        return fail(QStringLiteral("FILE_TOO_BIG"),
                    ImageHostText::tr("%1 is larger than the host's limit of %2")
                        .arg(c.formattedDataSize(info.size), c.formattedDataSize(maxBytes)));
    }
    info.mimeType = sniffMediaType(f.read(16), &info.extension);
    if (info.mimeType.isEmpty())
        return fail(
            QStringLiteral("FILE_TYPE_INVALID"),
            ImageHostText::tr("not a JPEG, PNG, GIF, WebP or MP4 file (checked by content)"));
    if (!acceptedTypes.isEmpty() && !acceptedTypes.contains(info.mimeType))
        return fail(QStringLiteral("FILE_TYPE_INVALID"),
                    ImageHostText::tr("this host does not accept %1 (accepted: %2)")
                        .arg(info.mimeType, acceptedTypes.join(QStringLiteral(", "))));
    return info;
}

} // namespace tg
