// SPDX-License-Identifier: MIT
#pragma once

#include "api/apijob.h"

#include <QUrl>

#include <functional>

namespace tg {

/// An image or video upload to an ImageHost; its result is the public URL of the file.
/// Progress reports bytes of the request body sent.
class UploadJob : public ApiJob
{
    Q_OBJECT
public:
    explicit UploadJob(const QString &filePath, const QString &hostName, QObject *parent = nullptr);

    QString filePath() const { return m_filePath; }
    /// The name of the host that uploads ("telegraph", "http", "command", ...).
    QString hostName() const { return m_hostName; }
    /// The URL of the uploaded file; valid once succeeded() was emitted.
    QUrl url() const { return m_url; }
    /// The media type found by content sniffing before the upload.
    QString mimeType() const { return m_mimeType; }

    // For ImageHost implementations.
    void setMimeType(const QString &mimeType) { m_mimeType = mimeType; }
    /// Called by cancel() while the upload runs.
    void setAbortHandler(std::function<void()> handler) { m_abort = std::move(handler); }
    void markRunning() { setRunning(); }
    void reportProgress(qint64 done, qint64 total) { Q_EMIT progress(done, total); }
    void succeedWith(const QUrl &url);
    void failWith(const ApiError &error) { finishError(error); }
    /// Fails from the event loop, so the caller can connect to the job first.
    void failLater(const ApiError &error) { finishErrorLater(error); }

protected:
    void abortWork() override;

private:
    QString m_filePath;
    QString m_hostName;
    QString m_mimeType;
    QUrl m_url;
    std::function<void()> m_abort;
};

} // namespace tg
