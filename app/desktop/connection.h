// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>
#include <vector>

class QNetworkAccessManager;
class QSettings;

namespace tg {

class ImageDropHandler;
class ImageHost;
class ImageUploadQueue;
class MainWindow;
class OriginMap;
class SharedSecretStore;
class TelegraphClient;
namespace sandbox {
class Server;
}

/// The desktop app's connection to a Telegraph server: the server chosen in the settings (with
/// its proxy and the proxy password from the secret store) or an in-app sandbox server, the
/// client, the publishers the window uses, and the upload of images dropped or pasted into the
/// editor to the host chosen in the settings (switched when the settings change).
///
/// The sandbox keeps one address per data folder: the port of its first start is remembered
/// there and used again; when it is taken, the sandbox listens elsewhere but keeps the first
/// address as its public origin (in page URLs and image sources), and the window's OriginMap
/// and the image uploads send that origin to the live address.
class Connection : public QObject
{
    Q_OBJECT
public:
    /// None of the pointers is owned; all must outlive this object. The sandbox keeps its
    /// server's files under `dataDir`.
    Connection(QSettings *settings, MainWindow *window, SharedSecretStore *secrets,
               const QString &dataDir, QObject *parent = nullptr);
    ~Connection() override;

    /// Connects to the server in the settings (the sandbox when they say so).
    void setUpServer();
    /// Starts an in-app sandbox server (on the address remembered in its data folder when that
    /// is free) and connects to it.
    void setUpSandbox();
    /// Uploads images dropped or pasted into the editor to the host chosen in the settings.
    void setUpImages();
    /// New uploads go to a host made from the settings and the secret store as they are now.
    void renewImageHost();
    /// Drops the client and everything built on it (before switching servers).
    void tearDown();

    /// Null when there is no connection (e.g. the sandbox did not start).
    TelegraphClient *client() const { return m_client.get(); }
    /// The in-app sandbox server (null when connected elsewhere).
    sandbox::Server *sandboxServer() const { return m_sandbox.get(); }
    /// The file in the sandbox's folder `serverDir` that remembers its public origin.
    static QString originFile(const QString &serverDir);

private:
    /// The image host the settings describe (the legacy upload, with a message, when they are
    /// not usable).
    std::unique_ptr<ImageHost> makeImageHost();
    /// Reads the proxy password from the secret store into the client's settings.
    void applyProxyPassword();
    /// The sandbox's origin remembered in `serverDir` (invalid when none is).
    static QUrl rememberedOrigin(const QString &serverDir);
    /// Remembers `origin` in `serverDir`; false (with a message shown) when it cannot.
    bool rememberOrigin(const QString &serverDir, const QUrl &origin);
    /// Sends requests for the sandbox's public origin to its live address (image uploads and
    /// the window's OriginMap); clears the mapping without a sandbox.
    void mapSandboxOrigin();

    QSettings *m_settings;
    MainWindow *m_window;
    SharedSecretStore *m_secrets;
    QString m_dataDir;
    std::unique_ptr<sandbox::Server> m_sandbox;
    std::unique_ptr<TelegraphClient> m_client;
    std::unique_ptr<QNetworkAccessManager> m_imageNetwork;
    std::unique_ptr<ImageHost> m_imageHost;
    /// Hosts replaced while the app runs; kept so uploads they started can finish.
    std::vector<std::unique_ptr<ImageHost>> m_retiredHosts;
    std::unique_ptr<ImageUploadQueue> m_imageQueue;
    std::unique_ptr<ImageDropHandler> m_imageDrop;
    /// The sandbox's public origin → its live address (the uploads' network asks it too).
    QPointer<OriginMap> m_originMap;
};

} // namespace tg
