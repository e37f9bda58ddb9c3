// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QSettings;

namespace tg {

class ImageHost;

/// Where dropped and pasted images are uploaded, as the user set it: the legacy Telegraph upload
/// (refused by telegra.ph since September 2024; works with the local sandbox), a generic HTTP
/// multipart host, or a command (PicGo, a script) that prints the URL.
struct ImageHostConfig
{
    Q_DECLARE_TR_FUNCTIONS(tg::ImageHostConfig)

public:
    enum class Kind
    {
        Telegraph,
        Http,
        Command
    };
    Kind kind = Kind::Telegraph;
    // HTTP multipart host
    QUrl httpUrl;
    QString httpField = QStringLiteral("file");
    QStringList httpHeaders;    ///< "Name: value"
    QStringList httpFormFields; ///< "name=value"
    QString httpUrlPath;        ///< where the URL is in the JSON answer ("data.url", "/0/src")
    // Command host
    QString command; ///< program and arguments; "{file}" stands for the image
    int timeoutSeconds = 120;

    static ImageHostConfig load(const QSettings &settings);
    void save(QSettings &settings) const;
    /// "telegraph", "http" or "command" (the settings' spelling).
    static QString kindName(Kind kind);

    /// Empty when usable, else what is wrong, naming the field ("The upload URL must start with
    /// http:// or https://.").
    QString validate() const;
};

/// Builds the configured host; null with *error when the configuration is not usable.
/// `telegraphSiteUrl` is where the legacy upload goes (the server's site, e.g. the sandbox).
std::unique_ptr<ImageHost> createImageHost(const ImageHostConfig &config,
                                           QNetworkAccessManager *network,
                                           const QUrl &telegraphSiteUrl, QString *error);

} // namespace tg
