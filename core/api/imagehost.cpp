// SPDX-License-Identifier: MIT
#include "api/imagehost.h"

#include "api/clientsettings.h"
#include "api/replyerrors.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

#include <memory>

namespace tg {

ImageHost::ImageHost(QObject *parent)
    : QObject(parent)
    , m_acceptedTypes(knownMediaTypes())
{}

std::optional<MediaFileInfo> ImageHost::prepare(UploadJob *job)
{
    ApiError error;
    auto info = checkMediaFile(job->filePath(), m_maxFileSize, m_acceptedTypes, &error);
    if (!info) {
        job->failLater(error);
        return std::nullopt;
    }
    job->setMimeType(info->mimeType);
    return info;
}

void ImageHost::postMultipart(QNetworkAccessManager *manager, QNetworkRequest request,
                              const QString &fieldName,
                              const QList<QPair<QString, QString>> &textFields,
                              const MediaFileInfo &info, UploadJob *job, int timeoutMs,
                              std::function<void(QNetworkReply *)> onFinished,
                              qint64 maxAnswerBytes)
{
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    for (const auto &field : textFields) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"%1\"").arg(field.first));
        part.setBody(field.second.toUtf8());
        multi->append(part);
    }
    auto *file = new QFile(job->filePath(), multi);
    if (!file->open(QIODevice::ReadOnly)) {
        delete multi;
        job->failLater(
            ApiError::make(ApiError::Category::Validation,
                           tr("Cannot read %1: %2").arg(job->filePath(), file->errorString()),
                           QStringLiteral("FILE_UNREADABLE")));
        return;
    }
    QString fileName = QFileInfo(job->filePath()).fileName();
    fileName.replace(QLatin1Char('"'), QLatin1Char('_'));
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentTypeHeader, info.mimeType);
    part.setHeader(
        QNetworkRequest::ContentDispositionHeader,
        QStringLiteral("form-data; name=\"%1\"; filename=\"%2\"").arg(fieldName, fileName));
    part.setBodyDevice(file);
    multi->append(part);

    request.setTransferTimeout(timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("telegraph-desktop/" TG_VERSION));
    // API keys in the headers must not follow a redirect to another host.
    guardRequest(request);
    QNetworkReply *reply = manager->post(request, multi);
    guardReply(reply,
               maxAnswerBytes > 0 ? maxAnswerBytes : ClientSettings::DefaultMaxResponseBytes);
    multi->setParent(reply);
    job->markRunning();
    QPointer<QNetworkReply> guard(reply);
    auto cancelled = std::make_shared<bool>(false);
    job->setAbortHandler([guard, cancelled] {
        *cancelled = true;
        if (guard)
            guard->abort();
    });
    connect(job, &QObject::destroyed, reply, [reply](QObject *dying) {
        QObject::disconnect(reply, nullptr, dying, nullptr);
        reply->abort();
        reply->deleteLater();
    });
    connect(reply, &QNetworkReply::uploadProgress, job, &UploadJob::reportProgress);
    QPointer<const ImageHost> self(this);
    connect(reply, &QNetworkReply::finished, job,
            [self, job, reply, cancelled, timeoutMs, onFinished = std::move(onFinished)] {
                reply->deleteLater();
                const bool wasCancelled = *cancelled;
                job->setAbortHandler(nullptr);
                if (wasCancelled || job->isFinished())
                    return;
                const ApiError err = transportError(reply, false, timeoutMs);
                if (err.isError()) {
                    job->failWith(self ? self->describeTransportError(err) : err);
                    return;
                }
                onFinished(reply);
            });
}

} // namespace tg
