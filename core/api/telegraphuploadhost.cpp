// SPDX-License-Identifier: MIT
#include "api/telegraphuploadhost.h"

#include "api/clientsettings.h"
#include "api/replyerrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace tg {

TelegraphUploadHost::TelegraphUploadHost(QNetworkAccessManager *manager, const QUrl &siteUrl,
                                         QObject *parent)
    : ImageHost(parent)
    , m_manager(manager)
    , m_siteUrl(siteUrl)
{
    setMaxFileSize(5 * 1024 * 1024);
    setAcceptedTypes({QStringLiteral("image/jpeg"), QStringLiteral("image/png"),
                      QStringLiteral("image/gif"), QStringLiteral("video/mp4")});
}

ApiError TelegraphUploadHost::parseAnswer(int httpStatus, const QByteArray &body,
                                          const QUrl &siteUrl, QUrl *url)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonValue error = doc.object().value(QLatin1String("error"));
        if (error.isString()) {
            ApiError e = ApiError::fromServerCode(error.toString(), httpStatus);
            if (e.category == ApiError::Category::Api)
                e.message = tr("The upload was refused: %1").arg(error.toString());
            return e;
        }
    }
    if (pe.error == QJsonParseError::NoError && doc.isArray() && httpStatus < 300) {
        const QJsonValue src = doc.array().at(0).toObject().value(QLatin1String("src"));
        if (src.isString() && !src.toString().isEmpty()) {
            QUrl base = siteUrl;
            if (!base.path().endsWith(QLatin1Char('/')))
                base.setPath(base.path() + QLatin1Char('/'));
            *url = base.resolved(QUrl(src.toString()));
            return {};
        }
    }
    return protocolError(httpStatus, body, tr("an upload answer"));
}

UploadJob *TelegraphUploadHost::upload(const QString &filePath)
{
    auto *job = new UploadJob(filePath, name(), this);
    const auto info = prepare(job);
    if (!info)
        return job;
    QUrl url = m_siteUrl;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + QStringLiteral("upload"));
    const QString urlError = ClientSettings::checkUrl(url);
    if (!urlError.isEmpty()) {
        job->failLater(ApiError::make(ApiError::Category::Validation, urlError));
        return job;
    }
    const QUrl site = m_siteUrl;
    postMultipart(m_manager, QNetworkRequest(url), QStringLiteral("file"), {}, *info, job,
                  m_timeoutMs, [job, site](QNetworkReply *reply) {
                      const int status =
                          reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                      QUrl result;
                      const ApiError e = parseAnswer(status, reply->readAll(), site, &result);
                      if (e.isError())
                          job->failWith(e);
                      else
                          job->succeedWith(result);
                  });
    return job;
}

} // namespace tg
