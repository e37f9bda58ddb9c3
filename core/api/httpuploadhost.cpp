// SPDX-License-Identifier: MIT
#include "api/httpuploadhost.h"

#include "api/clientsettings.h"
#include "api/replyerrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace tg {

namespace {

/// The start of an answer for an error message: one line, at most 120 characters, quoted.
QString excerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(480)).simplified();
    if (text.size() > 120)
        text = text.left(119) + QChar(0x2026);
    return QChar(0x201C) + text + QChar(0x201D);
}

} // namespace

HttpUploadHost::HttpUploadHost(QNetworkAccessManager *manager, const HttpUploadSettings &settings,
                               QObject *parent)
    : ImageHost(parent)
    , m_manager(manager)
    , m_settings(settings)
{}

QJsonValue HttpUploadHost::valueAt(const QJsonValue &root, const QString &path)
{
    QStringList parts;
    if (path.startsWith(QLatin1Char('/'))) {
        parts = path.mid(1).split(QLatin1Char('/'));
        for (QString &p : parts)
            p.replace(QLatin1String("~1"), QLatin1String("/"))
                .replace(QLatin1String("~0"), QLatin1String("~"));
    } else if (!path.isEmpty()) {
        parts = path.split(QLatin1Char('.'));
    }
    QJsonValue v = root;
    for (const QString &p : parts) {
        if (v.isObject()) {
            v = v.toObject().value(p);
        } else if (v.isArray()) {
            bool ok = false;
            const int i = p.toInt(&ok);
            if (!ok || i < 0 || i >= v.toArray().size())
                return QJsonValue(QJsonValue::Undefined);
            v = v.toArray().at(i);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return v;
}

ApiError HttpUploadHost::parseAnswer(int httpStatus, const QByteArray &body,
                                     const HttpUploadSettings &settings, QUrl *url)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    bool json = pe.error == QJsonParseError::NoError;
    QJsonValue root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    if (!json) {
        // A bare JSON string or number answer.
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + body + ']', &pe);
        if (pe.error == QJsonParseError::NoError) {
            json = true;
            root = wrapped.array().at(0);
        }
    }
    if (httpStatus >= 400) {
        // Show the host's own words when it gives any.
        QString words;
        if (json && doc.isObject()) {
            for (const char *key : {"error", "message", "msg", "detail"}) {
                const QJsonValue v = valueAt(doc.object(), QLatin1String(key));
                if (v.isString()) {
                    words = v.toString();
                    break;
                }
                if (v.isObject() && v.toObject().value(QLatin1String("message")).isString()) {
                    words = v.toObject().value(QLatin1String("message")).toString();
                    break;
                }
            }
        }
        const QByteArray text = body.trimmed();
        if (words.isEmpty() && !json && !text.isEmpty() && !text.startsWith('<') &&
            text.size() <= 200 && !text.contains('\n'))
            words = QString::fromUtf8(text); // catbox.moe and 0x0.st explain in plain text
        if (words.isEmpty() && httpStatus >= 500) {
            ApiError e = protocolError(httpStatus, body, tr("an upload answer"));
            e.message = settings.url.host() + QStringLiteral(": ") + e.message;
            return e;
        }
        ApiError e = ApiError::make(
            ApiError::Category::Api,
            tr("%1 refused the upload (HTTP %2)%3")
                .arg(settings.url.host())
                .arg(httpStatus)
                .arg(words.isEmpty() ? QString() : QStringLiteral(": ") + words),
            words.isEmpty() ? QStringLiteral("HTTP_%1").arg(httpStatus) : words, httpStatus);
        return e;
    }
    const QString host = settings.url.host();
    const QByteArray trimmed = body.trimmed();
    auto fail = [&](const QString &message, const QString &code) {
        return ApiError::make(ApiError::Category::Protocol, message, code, httpStatus);
    };
    if (trimmed.startsWith('<'))
        return fail(tr("%1 answered with an HTML page (HTTP %2) instead of the image URL")
                        .arg(host)
                        .arg(httpStatus),
                    QStringLiteral("HTML_ANSWER"));
    if (trimmed.isEmpty())
        return fail(tr("%1 sent an empty answer (HTTP %2) instead of the image URL")
                        .arg(host)
                        .arg(httpStatus),
                    QStringLiteral("NOT_A_URL"));
    QString found;
    if (json) {
        const QJsonValue v = valueAt(root, settings.urlPath);
        if (v.isString()) {
            found = v.toString().trimmed();
        } else if (!settings.urlPath.isEmpty()) {
            return fail(tr("The answer of %1 has no URL at “%2”: %3")
                            .arg(host, settings.urlPath, excerpt(body)),
                        QStringLiteral("NO_URL_AT_PATH"));
        }
    } else if (settings.urlPath.isEmpty()) {
        found = QString::fromUtf8(trimmed);
    } else {
        return fail(tr("%1 answered with text, not the JSON where the URL is expected at “%2”: "
                       "%3")
                        .arg(host, settings.urlPath, excerpt(body)),
                    QStringLiteral("NOT_JSON"));
    }
    // Only a path on the host itself is resolved ("/file/a.png"); anything else must be a
    // whole http(s) address with a host, in one piece.
    bool whole = !found.isEmpty();
    for (const QChar c : std::as_const(found)) {
        if (c.isSpace() || c.category() == QChar::Other_Control) {
            whole = false;
            break;
        }
    }
    const QUrl parsed(found, QUrl::StrictMode);
    const QUrl candidate =
        found.startsWith(QLatin1Char('/')) ? settings.url.resolved(parsed) : parsed;
    const QString scheme = candidate.scheme().toLower();
    if (!whole || !candidate.isValid() || candidate.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return fail(tr("%1 answered with something that is not an image URL: %2")
                        .arg(host, excerpt(json && !found.isEmpty() ? found.toUtf8() : body)),
                    QStringLiteral("NOT_A_URL"));
    *url = candidate;
    return {};
}

ApiError HttpUploadHost::describeTransportError(const ApiError &error) const
{
    ApiError e = error;
    if (e.category != ApiError::Category::Cancelled && !m_settings.url.host().isEmpty())
        e.message = m_settings.url.host() + QStringLiteral(": ") + e.message;
    return e;
}

UploadJob *HttpUploadHost::upload(const QString &filePath)
{
    auto *job = new UploadJob(filePath, name(), this);
    const auto info = prepare(job);
    if (!info)
        return job;
    const QString urlError = ClientSettings::checkUrl(m_settings.url);
    if (!urlError.isEmpty()) {
        job->failLater(ApiError::make(
            ApiError::Category::Validation,
            tr("The image host's address cannot be used: %1 (keys and images would be sent in "
               "clear text)")
                .arg(urlError),
            QStringLiteral("INSECURE_URL")));
        return job;
    }
    if (m_settings.secretHeaders.isEmpty() && m_settings.secretFormFields.isEmpty()) {
        post(job, *info, m_settings);
        return job;
    }
    if (!m_secrets) {
        job->failLater(ApiError::make(ApiError::Category::Validation,
                                      tr("The image host's key is kept in the keychain, which "
                                         "is not available yet"),
                                      QStringLiteral("SECRET_UNAVAILABLE")));
        return job;
    }
    // Read from the event loop: the caller connects to the job first.
    QPointer<UploadJob> guard(job);
    const MediaFileInfo copy = *info;
    QMetaObject::invokeMethod(
        this, [this, guard, copy] { resolveSecrets(guard, copy, m_settings, 0); },
        Qt::QueuedConnection);
    return job;
}

void HttpUploadHost::resolveSecrets(QPointer<UploadJob> job, const MediaFileInfo &info,
                                    HttpUploadSettings settings, int next)
{
    if (!job || job->isFinished())
        return;
    const qsizetype headers = settings.secretHeaders.size();
    if (next >= headers + settings.secretFormFields.size()) {
        settings.secretHeaders.clear();
        settings.secretFormFields.clear();
        post(job, info, settings);
        return;
    }
    if (!m_secrets) {
        job->failWith(ApiError::make(ApiError::Category::Validation,
                                     tr("The image host's key is kept in the keychain, which is "
                                        "not available"),
                                     QStringLiteral("SECRET_UNAVAILABLE")));
        return;
    }
    const bool header = next < headers;
    const QString key = header ? settings.secretHeaders.at(next).second
                               : settings.secretFormFields.at(next - headers).second;
    const QString what = header ? QString::fromUtf8(settings.secretHeaders.at(next).first)
                                : settings.secretFormFields.at(next - headers).first;
    QPointer<HttpUploadHost> self(this);
    m_secrets->readSecret(
        key, [self, job, info, settings, next, header, what](const SecretStore::Result &r) mutable {
            if (!self || !job || job->isFinished())
                return;
            if (!r.ok()) {
                job->failWith(ApiError::make(
                    ApiError::Category::Validation,
                    tr("The value of %1 for the image host could not be read from the %2: %3")
                        .arg(what,
                             self->m_secrets ? self->m_secrets->backendName()
                                             : QStringLiteral("keychain"),
                             r.message),
                    QStringLiteral("SECRET_UNAVAILABLE")));
                return;
            }
            if (header &&
                (r.secret.contains(QLatin1Char('\n')) || r.secret.contains(QLatin1Char('\r')))) {
                // A line break would start another header line.
                job->failWith(ApiError::make(
                    ApiError::Category::Validation,
                    tr("The stored value of %1 for the image host has a line break").arg(what),
                    QStringLiteral("SECRET_INVALID")));
                return;
            }
            if (header)
                settings.headers.append({what.toUtf8(), r.secret.toUtf8()});
            else
                settings.formFields.append({what, r.secret});
            self->resolveSecrets(job, info, settings, next + 1);
        });
}

void HttpUploadHost::post(UploadJob *job, const MediaFileInfo &info,
                          const HttpUploadSettings &settings)
{
    QNetworkRequest request(settings.url);
    for (const auto &h : settings.headers)
        request.setRawHeader(h.first, h.second);
    // The answer is judged without the secrets.
    HttpUploadSettings judged = settings;
    judged.headers.clear();
    judged.formFields.clear();
    postMultipart(
        m_manager, request, settings.fieldName, settings.formFields, info, job, settings.timeoutMs,
        [job, judged](QNetworkReply *reply) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            QUrl result;
            const ApiError e = parseAnswer(status, reply->readAll(), judged, &result);
            if (e.isError())
                job->failWith(e);
            else
                job->succeedWith(result);
        },
        settings.maxAnswerBytes);
}

} // namespace tg
