// SPDX-License-Identifier: MIT
#pragma once

#include "imagehost.h"

#include <QJsonValue>
#include <QUrl>

namespace tg {

/// Settings of a generic multipart image host (Chevereto, Lsky, a self-hosted endpoint, ...).
struct HttpUploadSettings
{
    QUrl url;                                     ///< where the form is POSTed
    QString fieldName = QStringLiteral("file");   ///< the file part's name
    QList<QPair<QByteArray, QByteArray>> headers; ///< e.g. {"X-API-Key", "..."}
    QList<QPair<QString, QString>> formFields;    ///< extra text fields
    /// Where the image URL is in the JSON answer: a JSON pointer ("/data/url") or a dot path
    /// ("data.url", "0.src"); empty = the whole answer is the URL (a JSON string or plain text).
    QString urlPath;
    int timeoutMs = 60000;
};

/// Uploads with a configurable multipart/form-data POST and finds the URL in the JSON answer.
class HttpUploadHost : public ImageHost
{
    Q_OBJECT
public:
    HttpUploadHost(QNetworkAccessManager *manager, const HttpUploadSettings &settings,
                   QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("http"); }
    UploadJob *upload(const QString &filePath) override;

    const HttpUploadSettings &settings() const { return m_settings; }

    /// The value at a JSON pointer or dot path inside a JSON value (undefined when absent).
    static QJsonValue valueAt(const QJsonValue &root, const QString &path);
    /// Finds the URL in an answer; returns the error when there is none.
    static ApiError parseAnswer(int httpStatus, const QByteArray &body,
                                const HttpUploadSettings &settings, QUrl *url);

private:
    QNetworkAccessManager *m_manager;
    HttpUploadSettings m_settings;
};

} // namespace tg
