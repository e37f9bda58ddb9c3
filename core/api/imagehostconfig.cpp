// SPDX-License-Identifier: MIT
#include "api/imagehostconfig.h"

#include "api/clientsettings.h"
#include "api/commanduploadhost.h"
#include "api/httpuploadhost.h"
#include "api/secretstore.h"
#include "api/telegraphuploadhost.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace tg {

namespace {

const QString KeyKind = QStringLiteral("images/host");
const QString KeyHttpUrl = QStringLiteral("images/httpUrl");
const QString KeyHttpField = QStringLiteral("images/httpField");
const QString KeyHttpHeaders = QStringLiteral("images/httpHeaders");
const QString KeyHttpForm = QStringLiteral("images/httpFormFields");
const QString KeyHttpUrlPath = QStringLiteral("images/httpUrlPath");
const QString KeyCommand = QStringLiteral("images/command");
const QString KeyTimeout = QStringLiteral("images/timeoutSeconds");

QStringList nonEmptyLines(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : lines) {
        if (!l.trimmed().isEmpty())
            out << l.trimmed();
    }
    return out;
}

} // namespace

QString ImageHostConfig::storedMarker()
{
    return storedSecretMarker();
}

bool ImageHostConfig::isSecretFormField(const QString &name)
{
    static const QRegularExpression credential(
        QStringLiteral("key|token|secret|pass|auth|sig|session|cred|hash"),
        QRegularExpression::CaseInsensitiveOption);
    return credential.match(name).hasMatch();
}

QString ImageHostConfig::headerSecretKey(const QString &headerName)
{
    return QStringLiteral("imagehost/header/") + headerName.trimmed().toLower();
}

QString ImageHostConfig::formFieldSecretKey(const QString &fieldName)
{
    return QStringLiteral("imagehost/field/") + fieldName.trimmed();
}

namespace {

/// Calls `f(name, value, key)` for each header line and credential form field line, with the
/// line's index and whether it is a header.
template<typename F> void forEachSecretLine(const ImageHostConfig &c, F f)
{
    for (const QString &h : nonEmptyLines(c.httpHeaders)) {
        const qsizetype colon = h.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        const QString name = h.left(colon).trimmed();
        f(name, h.mid(colon + 1).trimmed(), ImageHostConfig::headerSecretKey(name));
    }
    for (const QString &l : nonEmptyLines(c.httpFormFields)) {
        const qsizetype eq = l.indexOf(QLatin1Char('='));
        if (eq <= 0 || !ImageHostConfig::isSecretFormField(l.left(eq)))
            continue;
        const QString name = l.left(eq).trimmed();
        f(name, l.mid(eq + 1), ImageHostConfig::formFieldSecretKey(name));
    }
}

} // namespace

QList<ImageHostConfig::PlainSecret> ImageHostConfig::plainSecrets() const
{
    QList<PlainSecret> out;
    forEachSecretLine(*this, [&out](const QString &, const QString &value, const QString &key) {
        if (!value.trimmed().isEmpty() && value.trimmed() != storedMarker())
            out.append({key, value});
    });
    return out;
}

QStringList ImageHostConfig::storedSecretKeys() const
{
    QStringList out;
    forEachSecretLine(*this, [&out](const QString &, const QString &value, const QString &key) {
        if (value.trimmed() == storedMarker())
            out.append(key);
    });
    return out;
}

ImageHostConfig ImageHostConfig::withStored(const QStringList &keys) const
{
    ImageHostConfig c = *this;
    c.httpHeaders.clear();
    for (const QString &h : nonEmptyLines(httpHeaders)) {
        const qsizetype colon = h.indexOf(QLatin1Char(':'));
        const QString name = h.left(colon).trimmed();
        if (colon > 0 && keys.contains(headerSecretKey(name)))
            c.httpHeaders << name + QStringLiteral(": ") + storedMarker();
        else
            c.httpHeaders << h;
    }
    c.httpFormFields.clear();
    for (const QString &l : nonEmptyLines(httpFormFields)) {
        const qsizetype eq = l.indexOf(QLatin1Char('='));
        const QString name = l.left(eq).trimmed();
        if (eq > 0 && isSecretFormField(name) && keys.contains(formFieldSecretKey(name)))
            c.httpFormFields << name + QLatin1Char('=') + storedMarker();
        else
            c.httpFormFields << l;
    }
    return c;
}

QString ImageHostConfig::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Http:
        return QStringLiteral("http");
    case Kind::Command:
        return QStringLiteral("command");
    case Kind::Telegraph:
        break;
    }
    return QStringLiteral("telegraph");
}

ImageHostConfig ImageHostConfig::load(const QSettings &s)
{
    ImageHostConfig c;
    const QString kind = s.value(KeyKind).toString();
    if (kind == QLatin1String("http"))
        c.kind = Kind::Http;
    else if (kind == QLatin1String("command"))
        c.kind = Kind::Command;
    c.httpUrl = QUrl(s.value(KeyHttpUrl).toString());
    c.httpField = s.value(KeyHttpField, c.httpField).toString();
    c.httpHeaders = s.value(KeyHttpHeaders).toStringList();
    c.httpFormFields = s.value(KeyHttpForm).toStringList();
    c.httpUrlPath = s.value(KeyHttpUrlPath).toString();
    c.command = s.value(KeyCommand).toString();
    c.timeoutSeconds = qBound(5, s.value(KeyTimeout, c.timeoutSeconds).toInt(), 3600);
    return c;
}

void ImageHostConfig::save(QSettings &s) const
{
    s.setValue(KeyKind, kindName(kind));
    s.setValue(KeyHttpUrl, httpUrl.toString());
    s.setValue(KeyHttpField, httpField);
    s.setValue(KeyHttpHeaders, nonEmptyLines(httpHeaders));
    s.setValue(KeyHttpForm, nonEmptyLines(httpFormFields));
    s.setValue(KeyHttpUrlPath, httpUrlPath);
    s.setValue(KeyCommand, command);
    s.setValue(KeyTimeout, timeoutSeconds);
}

QString ImageHostConfig::validate() const
{
    switch (kind) {
    case Kind::Telegraph:
        return QString();
    case Kind::Http: {
        const QString scheme = httpUrl.scheme().toLower();
        if (!httpUrl.isValid() || httpUrl.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return tr("The upload URL must be a full address starting with http:// or https://.");
        // Keys and images would cross the network in clear text.
        if (!ClientSettings::checkUrl(httpUrl).isEmpty())
            return tr("The upload URL must start with https:// (plain http:// only for this "
                      "computer: localhost or 127.0.0.1), so keys and images are not sent in "
                      "clear text.");
        if (httpField.trimmed().isEmpty())
            return tr("The name of the file field is empty.");
        for (const QString &h : nonEmptyLines(httpHeaders)) {
            const qsizetype colon = h.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                return tr("The header line “%1” is not “Name: value”.").arg(h);
        }
        for (const QString &f : nonEmptyLines(httpFormFields)) {
            if (f.indexOf(QLatin1Char('=')) <= 0)
                return tr("The form field line “%1” is not “name=value”.").arg(f);
        }
        return QString();
    }
    case Kind::Command: {
        const CommandUploadSettings cs = CommandUploadHost::fromCommandLine(command);
        if (cs.program.isEmpty())
            return tr("The upload command is empty.");
        const bool isPath = cs.program.contains(QLatin1Char('/'));
        if (isPath ? !QFileInfo(cs.program).isExecutable()
                   : QStandardPaths::findExecutable(cs.program).isEmpty())
            return tr("The command “%1” was not found or cannot be run.").arg(cs.program);
        return QString();
    }
    }
    return QString();
}

std::unique_ptr<ImageHost> createImageHost(const ImageHostConfig &config,
                                           QNetworkAccessManager *network,
                                           const QUrl &telegraphSiteUrl, QString *error,
                                           SecretStore *secrets)
{
    const QString problem = config.validate();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return nullptr;
    }
    switch (config.kind) {
    case ImageHostConfig::Kind::Telegraph:
        return std::make_unique<TelegraphUploadHost>(network, telegraphSiteUrl);
    case ImageHostConfig::Kind::Http: {
        HttpUploadSettings s;
        s.url = config.httpUrl;
        s.fieldName = config.httpField.trimmed();
        for (const QString &h : nonEmptyLines(config.httpHeaders)) {
            const qsizetype colon = h.indexOf(QLatin1Char(':'));
            const QString name = h.left(colon).trimmed();
            const QString value = h.mid(colon + 1).trimmed();
            if (value == ImageHostConfig::storedMarker())
                s.secretHeaders.append({name.toUtf8(), ImageHostConfig::headerSecretKey(name)});
            else
                s.headers.append({name.toUtf8(), value.toUtf8()});
        }
        for (const QString &f : nonEmptyLines(config.httpFormFields)) {
            const qsizetype eq = f.indexOf(QLatin1Char('='));
            const QString name = f.left(eq).trimmed();
            if (f.mid(eq + 1).trimmed() == ImageHostConfig::storedMarker())
                s.secretFormFields.append({name, ImageHostConfig::formFieldSecretKey(name)});
            else
                s.formFields.append({name, f.mid(eq + 1)});
        }
        s.urlPath = config.httpUrlPath.trimmed();
        s.timeoutMs = config.timeoutSeconds * 1000;
        auto host = std::make_unique<HttpUploadHost>(network, s);
        host->setSecretStore(secrets);
        return host;
    }
    case ImageHostConfig::Kind::Command: {
        CommandUploadSettings s = CommandUploadHost::fromCommandLine(config.command);
        s.timeoutMs = config.timeoutSeconds * 1000;
        return std::make_unique<CommandUploadHost>(s);
    }
    }
    return nullptr;
}

} // namespace tg
