// SPDX-License-Identifier: MIT
#pragma once

#include "api/imagehost.h"

#include <QUrl>

namespace tg {

/// The legacy telegra.ph `/upload` endpoint (switched off by Telegram since 2024-09; still served
/// by the sandbox). JPEG, PNG, GIF and MP4 up to 5 MB; the server's refusal is shown verbatim.
class TelegraphUploadHost : public ImageHost
{
    Q_OBJECT
public:
    /// `siteUrl` is the site host (https://telegra.ph), not the API host.
    TelegraphUploadHost(QNetworkAccessManager *manager, const QUrl &siteUrl,
                        QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("telegraph"); }
    UploadJob *upload(const QString &filePath) override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    /// Judges an /upload answer: [{"src":"/file/..."}] is the URL (resolved against siteUrl),
    /// {"error":"..."} a refusal shown verbatim (FLOOD_WAIT_n as a flood wait).
    static ApiError parseAnswer(int httpStatus, const QByteArray &body, const QUrl &siteUrl,
                                QUrl *url);

private:
    QNetworkAccessManager *m_manager;
    QUrl m_siteUrl;
    int m_timeoutMs = 60000;
};

} // namespace tg
