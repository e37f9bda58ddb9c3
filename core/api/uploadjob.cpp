// SPDX-License-Identifier: MIT
#include "api/uploadjob.h"

namespace tg {

UploadJob::UploadJob(const QString &filePath, const QString &hostName, QObject *parent)
    : ApiJob(QStringLiteral("upload"), parent)
    , m_filePath(filePath)
    , m_hostName(hostName)
{}

void UploadJob::succeedWith(const QUrl &url)
{
    m_url = url;
    setResultJson(QByteArray("\"") + url.toEncoded() + '"');
    finishSuccess();
}

void UploadJob::abortWork()
{
    if (m_abort) {
        auto abort = std::move(m_abort);
        m_abort = nullptr;
        abort();
    }
}

} // namespace tg
