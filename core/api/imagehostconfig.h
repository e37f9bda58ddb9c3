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
class SecretStore;

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
    /// Writes the configuration as it is: store secrets first (plainSecrets(), withStored()).
    void save(QSettings &settings) const;

    /// What settings.ini keeps instead of a value that lives in the secret store.
    static QString storedMarker();
    /// Whether a form field carries a credential (its name mentions a key, token, secret,
    /// password, signature, auth or hash, like catbox.moe's userhash): its value goes to the
    /// secret store. Header values always do.
    static bool isSecretFormField(const QString &name);
    /// The secret store's keys of a header's value and of a form field's value.
    static QString headerSecretKey(const QString &headerName);
    static QString formFieldSecretKey(const QString &fieldName);
    /// A secret value held in this configuration in plain text.
    struct PlainSecret
    {
        QString key;   ///< where it goes in the secret store
        QString value; ///< the secret
    };
    /// Header values and credential form fields given in plain text (not yet the marker).
    QList<PlainSecret> plainSecrets() const;
    /// Every secret store key the configuration refers to (values replaced by the marker).
    QStringList storedSecretKeys() const;
    /// A copy with the values of the given keys replaced by storedMarker().
    ImageHostConfig withStored(const QStringList &keys) const;
    /// "telegraph", "http" or "command" (the settings' spelling).
    static QString kindName(Kind kind);

    /// Empty when usable, else what is wrong, naming the field ("The upload URL must start with
    /// http:// or https://.").
    QString validate() const;
};

/// Builds the configured host; null with *error when the configuration is not usable.
/// `telegraphSiteUrl` is where the legacy upload goes (the server's site, e.g. the sandbox);
/// `secrets` is where the values shown as storedMarker() are read at upload time.
std::unique_ptr<ImageHost> createImageHost(const ImageHostConfig &config,
                                           QNetworkAccessManager *network,
                                           const QUrl &telegraphSiteUrl, QString *error,
                                           SecretStore *secrets = nullptr);

} // namespace tg
