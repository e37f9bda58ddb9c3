// SPDX-License-Identifier: MIT
#include "workflow/foldermapping.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace tg {

namespace {

constexpr int FormatVersion = 1;

bool boundedString(const QJsonValue &v, QString *out, bool required)
{
    if (v.isUndefined() || v.isNull()) {
        out->clear();
        return !required;
    }
    if (!v.isString())
        return false;
    *out = v.toString();
    return out->size() <= FolderMapping::MaxStringLength && (!required || !out->isEmpty());
}

bool stringList(const QJsonValue &v, QStringList *out)
{
    out->clear();
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray())
        return false;
    const QJsonArray a = v.toArray();
    if (a.size() > FolderMapping::MaxParts)
        return false;
    for (const QJsonValue &item : a) {
        QString s;
        if (!boundedString(item, &s, true))
            return false;
        out->append(s);
    }
    return true;
}

/// A source path as the mapping may hold it: relative, '/'-separated, no "..", no control
/// characters.
bool validSourcePath(const QString &p)
{
    if (p.isEmpty() || p.size() > FolderMapping::MaxStringLength || p.startsWith(u'/') ||
        p.contains(u'\\'))
        return false;
    for (const QChar c : p) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    const QStringList parts = p.split(u'/');
    for (const QString &part : parts) {
        if (part.isEmpty() || part == u"." || part == u"..")
            return false;
    }
    return true;
}

} // namespace

bool FolderMapping::isHash(const QString &s)
{
    if (s.size() != 64)
        return false;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')))
            return false;
    }
    return true;
}

std::optional<FolderMapping> FolderMapping::fromJson(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<FolderMapping> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (json.size() > MaxFileBytes)
        return fail(tr("it is larger than %1 MiB").arg(MaxFileBytes / (1024 * 1024)));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(
            tr("it is not valid JSON (%1 at byte %2)").arg(pe.errorString()).arg(pe.offset));
    if (!doc.isObject())
        return fail(tr("it is not a JSON object"));
    const QJsonObject root = doc.object();
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!version.isDouble() || version.toDouble() != FormatVersion)
        return fail(tr("its \"version\" is not %1").arg(FormatVersion));

    FolderMapping m;
    const QJsonValue pagesValue = root.value(QLatin1String("pages"));
    if (!pagesValue.isUndefined() && !pagesValue.isObject())
        return fail(tr("\"pages\" is not an object"));
    const QJsonObject pages = pagesValue.toObject();
    if (pages.size() > MaxEntries)
        return fail(tr("\"pages\" has more than %1 entries").arg(MaxEntries));
    for (auto it = pages.begin(); it != pages.end(); ++it) {
        const QString source = it.key();
        if (!validSourcePath(source))
            return fail(tr("\"pages\" has an entry that is not a relative file path: \"%1\"")
                            .arg(source.left(80)));
        if (!it.value().isObject())
            return fail(tr("the entry of \"%1\" is not an object").arg(source));
        const QJsonObject o = it.value().toObject();
        FolderPageRecord r;
        if (!boundedString(o.value(QLatin1String("pending")), &r.pendingSince, false) ||
            (r.isPending() && !QDate::fromString(r.pendingSince, Qt::ISODate).isValid()))
            return fail(tr("the entry of \"%1\" has a \"pending\" that is not a date").arg(source));
        const bool pending = r.isPending();
        if (!boundedString(o.value(QLatin1String("path")), &r.path, !pending) ||
            r.path.contains(u'/'))
            return fail(tr("the entry of \"%1\" has no valid \"path\"").arg(source));
        if (!boundedString(o.value(QLatin1String("url")), &r.url, !pending))
            return fail(tr("the entry of \"%1\" has no valid \"url\"").arg(source));
        if (!boundedString(o.value(QLatin1String("hash")), &r.sourceHash, false) ||
            (!r.sourceHash.isEmpty() && !isHash(r.sourceHash)))
            return fail(tr("the entry of \"%1\" has a \"hash\" that is not a SHA-256").arg(source));
        if (!boundedString(o.value(QLatin1String("content")), &r.contentHash, false) ||
            (!r.contentHash.isEmpty() && !isHash(r.contentHash)))
            return fail(
                tr("the entry of \"%1\" has a \"content\" that is not a SHA-256").arg(source));
        if (!stringList(o.value(QLatin1String("parts")), &r.partPaths) ||
            !stringList(o.value(QLatin1String("part_urls")), &r.partUrls) ||
            r.partPaths.size() != r.partUrls.size())
            return fail(tr("the entry of \"%1\" has damaged series parts").arg(source));
        m.pages.insert(source, r);
    }

    const QJsonValue imagesValue = root.value(QLatin1String("images"));
    if (!imagesValue.isUndefined() && !imagesValue.isObject())
        return fail(tr("\"images\" is not an object"));
    const QJsonObject images = imagesValue.toObject();
    if (images.size() > MaxEntries)
        return fail(tr("\"images\" has more than %1 entries").arg(MaxEntries));
    for (auto it = images.begin(); it != images.end(); ++it) {
        QString url;
        if (!isHash(it.key()) || !boundedString(it.value(), &url, true))
            return fail(tr("\"images\" has an entry that is not a SHA-256 and a URL"));
        m.images.insert(it.key(), url);
    }
    return m;
}

QByteArray FolderMapping::toJson() const
{
    QJsonObject pagesObject;
    for (auto it = pages.begin(); it != pages.end(); ++it) {
        const FolderPageRecord &r = it.value();
        QJsonObject o{{QLatin1String("path"), r.path}, {QLatin1String("url"), r.url}};
        if (r.isPending())
            o.insert(QLatin1String("pending"), r.pendingSince);
        if (!r.sourceHash.isEmpty())
            o.insert(QLatin1String("hash"), r.sourceHash);
        if (!r.contentHash.isEmpty())
            o.insert(QLatin1String("content"), r.contentHash);
        if (!r.partPaths.isEmpty()) {
            o.insert(QLatin1String("parts"), QJsonArray::fromStringList(r.partPaths));
            o.insert(QLatin1String("part_urls"), QJsonArray::fromStringList(r.partUrls));
        }
        pagesObject.insert(it.key(), o);
    }
    QJsonObject imagesObject;
    for (auto it = images.begin(); it != images.end(); ++it)
        imagesObject.insert(it.key(), it.value());
    const QJsonObject root{{QLatin1String("version"), FormatVersion},
                           {QLatin1String("pages"), pagesObject},
                           {QLatin1String("images"), imagesObject}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<FolderMapping> FolderMapping::load(const QString &dir, QString *error)
{
    const QString path = QDir(dir).filePath(fileName());
    QFile f(path);
    if (!f.exists())
        return FolderMapping();
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The mapping file %1 cannot be read: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    const QByteArray data = f.read(MaxFileBytes + 1);
    QString why;
    std::optional<FolderMapping> m = fromJson(data, &why);
    if (!m && error)
        *error = tr("The mapping file %1 is damaged: %2. It was left as it is; repair it or move "
                    "it away (then every page is created anew).")
                     .arg(path, why);
    return m;
}

bool FolderMapping::save(const QString &dir, QString *error) const
{
    const QString path = QDir(dir).filePath(fileName());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(toJson()) < 0 || !f.commit()) {
        if (error)
            *error = tr("The mapping file %1 cannot be written: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace tg
