// SPDX-License-Identifier: MIT
#pragma once

#include "api/imagehost.h"
#include "api/secretstore.h"

#include <QJsonValue>
#include <QPointer>
#include <QUrl>

namespace tg {

/// Settings of a generic multipart image host (Chevereto, Lsky, a self-hosted endpoint, ...).
struct HttpUploadSettings
{
    QUrl url;                                     ///< where the form is POSTed
    QString fieldName = QStringLiteral("file");   ///< the file part's name
    QList<QPair<QByteArray, QByteArray>> headers; ///< e.g. {"X-API-Key", "..."}
    QList<QPair<QString, QString>> formFields;    ///< extra text fields
    /// Headers whose value is read from the secret store at upload time: {name, key}.
    QList<QPair<QByteArray, QString>> secretHeaders;
    /// Text fields whose value is read from the secret store at upload time: {name, key}.
    QList<QPair<QString, QString>> secretFormFields;
    /// Where the image URL is in the JSON answer: a JSON pointer ("/data/url") or a dot path
    /// ("data.url", "0.src"); empty = the whole answer is the URL (a JSON string or plain text).
    QString urlPath;
    int timeoutMs = 60000;
    /// Longest answer accepted: an upload answer is a URL or a small JSON object.
    qint64 maxAnswerBytes = 256 * 1024;
};

/// Uploads with a configurable multipart/form-data POST and finds the URL in the answer: at a
/// JSON path, or the whole answer when it is a bare URL (catbox.moe, 0x0.st). The URL must be
/// http or https with a host; every error names the host and what its answer was instead.
/// Secret header and field values come from a SecretStore just before each upload; the URL must
/// be https (plain http only to this computer), and redirects are followed only on the same
/// origin, so keys never reach another host.
class HttpUploadHost : public ImageHost
{
    Q_OBJECT
public:
    HttpUploadHost(QNetworkAccessManager *manager, const HttpUploadSettings &settings,
                   QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("http"); }
    UploadJob *upload(const QString &filePath) override;

    const HttpUploadSettings &settings() const { return m_settings; }
    /// Where secretHeaders and secretFormFields are read (not owned; may be null when none).
    void setSecretStore(SecretStore *store) { m_secrets = store; }

    /// The value at a JSON pointer or dot path inside a JSON value (undefined when absent).
    static QJsonValue valueAt(const QJsonValue &root, const QString &path);
    /// Finds the URL in an answer; returns the error when there is none (codes HTML_ANSWER,
    /// NOT_A_URL, NO_URL_AT_PATH, NOT_JSON, or the host's refusal).
    static ApiError parseAnswer(int httpStatus, const QByteArray &body,
                                const HttpUploadSettings &settings, QUrl *url);

protected:
    ApiError describeTransportError(const ApiError &error) const override;

private:
    /// Reads the secret values one after the other, then posts (or fails the job).
    void resolveSecrets(QPointer<UploadJob> job, const MediaFileInfo &info,
                        HttpUploadSettings settings, int next);
    void post(UploadJob *job, const MediaFileInfo &info, const HttpUploadSettings &settings);

    QNetworkAccessManager *m_manager;
    HttpUploadSettings m_settings;
    QPointer<SecretStore> m_secrets;
};

} // namespace tg
