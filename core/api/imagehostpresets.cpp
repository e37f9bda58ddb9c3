// SPDX-License-Identifier: MIT
#include "api/imagehostpresets.h"

namespace tg {

namespace {

QString fieldName(const QString &line)
{
    const qsizetype eq = line.indexOf(QLatin1Char('='));
    return (eq < 0 ? line : line.left(eq)).trimmed();
}

QString fieldValue(const QString &line)
{
    const qsizetype eq = line.indexOf(QLatin1Char('='));
    return eq < 0 ? QString() : line.mid(eq + 1).trimmed();
}

/// The value of form field `name` in `lines`, or a null string when the field is absent.
QString valueOf(const QStringList &lines, const QString &name)
{
    for (const QString &l : lines) {
        if (l.contains(QLatin1Char('=')) && fieldName(l) == name)
            return fieldValue(l);
    }
    return QString();
}

} // namespace

QList<ImageHostPreset> imageHostPresets()
{
    QList<ImageHostPreset> out;
    {
        ImageHostPreset p;
        p.id = QStringLiteral("catbox");
        p.name = QStringLiteral("catbox.moe");
        p.description = ImageHostPreset::tr(
            "Free, no account needed; files stay until removed. Put your catbox.moe user hash "
            "after userhash= to find the uploads in your account (kept in the keychain).");
        p.url = QUrl(QStringLiteral("https://catbox.moe/user/api.php"));
        p.fileField = QStringLiteral("fileToUpload");
        p.formFields = {QStringLiteral("reqtype=fileupload"), QStringLiteral("userhash=")};
        out << p;
    }
    {
        ImageHostPreset p;
        p.id = QStringLiteral("imgbb");
        p.name = QStringLiteral("ImgBB");
        p.description = ImageHostPreset::tr(
            "Needs a free API key from api.imgbb.com: put it after key= (it is kept in the "
            "keychain and sent in the form, not in the address). Chevereto sites answer alike.");
        p.url = QUrl(QStringLiteral("https://api.imgbb.com/1/upload"));
        p.fileField = QStringLiteral("image");
        p.formFields = {QStringLiteral("key=")};
        p.urlPath = QStringLiteral("data.url");
        p.requiredFields = {QStringLiteral("key")};
        out << p;
    }
    {
        ImageHostPreset p;
        p.id = QStringLiteral("0x0");
        p.name = QStringLiteral("0x0.st");
        p.description = ImageHostPreset::tr(
            "No account needed; files expire after a time that depends on their size.");
        p.url = QUrl(QStringLiteral("https://0x0.st"));
        p.fileField = QStringLiteral("file");
        out << p;
    }
    return out;
}

const ImageHostPreset *findImageHostPreset(const QString &id)
{
    static const QList<ImageHostPreset> presets = imageHostPresets();
    for (const ImageHostPreset &p : presets) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

QString imageHostPresetFor(const ImageHostConfig &config)
{
    if (config.kind != ImageHostConfig::Kind::Http)
        return QString();
    for (const ImageHostPreset &p : imageHostPresets()) {
        if (config.httpUrl.adjusted(QUrl::StripTrailingSlash) ==
                p.url.adjusted(QUrl::StripTrailingSlash) &&
            config.httpField.trimmed() == p.fileField)
            return p.id;
    }
    return QString();
}

ImageHostConfig ImageHostPreset::applyTo(ImageHostConfig config) const
{
    const QStringList before = config.httpFormFields;
    config.kind = ImageHostConfig::Kind::Http;
    config.httpUrl = url;
    config.httpField = fileField;
    config.httpHeaders.clear();
    config.httpUrlPath = urlPath;
    config.httpFormFields.clear();
    for (const QString &line : formFields) {
        const QString name = fieldName(line);
        const QString kept = valueOf(before, name);
        config.httpFormFields << (fieldValue(line).isEmpty() && !kept.isEmpty()
                                      ? name + QLatin1Char('=') + kept
                                      : line);
    }
    return config;
}

QString ImageHostPreset::missingValue(const ImageHostConfig &config) const
{
    for (const QString &name : requiredFields) {
        if (valueOf(config.httpFormFields, name).isEmpty())
            return tr("%1 needs a value for the form field “%2”: %3")
                .arg(this->name, name, description);
    }
    return QString();
}

} // namespace tg
