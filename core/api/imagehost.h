// SPDX-License-Identifier: MIT
#pragma once

#include "api/mediafile.h"
#include "api/uploadjob.h"

#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPair>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace tg {

/// Where images go now that telegra.ph uploads are switched off: the interface the editor and
/// the command line use to turn a local file into a public URL. Every host checks the file
/// (type by content, size) before any byte is sent and streams it from disk with progress.
class ImageHost : public QObject
{
    Q_OBJECT
public:
    explicit ImageHost(QObject *parent = nullptr);

    /// A short identifier ("telegraph", "http", "command").
    virtual QString name() const = 0;
    /// Starts uploading one file. The job belongs to this host until deleted; it fails with a
    /// Validation error (from the event loop) when the file is refused before sending.
    virtual UploadJob *upload(const QString &filePath) = 0;

    /// Largest file accepted, in bytes (0 = no limit).
    qint64 maxFileSize() const { return m_maxFileSize; }
    void setMaxFileSize(qint64 bytes) { m_maxFileSize = bytes; }
    /// Media types accepted (see knownMediaTypes()).
    QStringList acceptedTypes() const { return m_acceptedTypes; }
    void setAcceptedTypes(const QStringList &types) { m_acceptedTypes = types; }

protected:
    /// Creates the job and checks the file; returns the info, or nullopt after making the job
    /// fail later with the check's error.
    std::optional<MediaFileInfo> prepare(UploadJob *job);

    /// Streams `job`'s file as one multipart/form-data part named `fieldName` (plus text fields)
    /// with progress and cancel wired to the job; `onFinished` judges the reply. An answer longer
    /// than `maxAnswerBytes` (0: the client's default limit) is cut off and fails the job.
    void postMultipart(QNetworkAccessManager *manager, QNetworkRequest request,
                       const QString &fieldName, const QList<QPair<QString, QString>> &textFields,
                       const MediaFileInfo &info, UploadJob *job, int timeoutMs,
                       std::function<void(QNetworkReply *)> onFinished, qint64 maxAnswerBytes = 0);
    /// The transport error (network, timeout, cut-off answer) as the job reports it; hosts
    /// override it to say which host it was.
    virtual ApiError describeTransportError(const ApiError &error) const { return error; }

private:
    qint64 m_maxFileSize = 0;
    QStringList m_acceptedTypes;
};

} // namespace tg
