// SPDX-License-Identifier: MIT
#include "desktop/connection.h"

#include "api/imagehost.h"
#include "api/imagehostconfig.h"
#include "api/sharedsecretstore.h"
#include "api/telegraphclient.h"
#include "editor/editorpane.h"
#include "editor/imagedrophandler.h"
#include "editor/imageuploadqueue.h"
#include "editor/sourceeditor.h"
#include "preview/originmap.h"
#include "sandbox/server.h"
#include "storage/privatefiles.h"
#include "window/mainwindow.h"
#include "window/publishbar.h"
#include "workflow/appsettings.h"
#include "workflow/publishflow.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>
#include <QSaveFile>
#include <QSettings>
#include <QUrl>

#include <functional>

namespace tg {

namespace {

/// The image uploads' network: a request is sent where `map` says, so uploads to the sandbox's
/// public origin (`<site>/upload`) reach the address it listens on now, while the answer's image
/// URL is still resolved against the public origin.
class MappedNetwork : public QNetworkAccessManager
{
public:
    explicit MappedNetwork(std::function<QUrl(const QUrl &)> map)
        : m_map(std::move(map))
    {}

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *data) override
    {
        const QUrl mapped = m_map(request.url());
        if (mapped == request.url())
            return QNetworkAccessManager::createRequest(op, request, data);
        QNetworkRequest redirected(request);
        redirected.setUrl(mapped);
        return QNetworkAccessManager::createRequest(op, redirected, data);
    }

private:
    std::function<QUrl(const QUrl &)> m_map;
};

} // namespace

Connection::Connection(QSettings *settings, MainWindow *window, SharedSecretStore *secrets,
                       const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_window(window)
    , m_secrets(secrets)
    , m_dataDir(dataDir)
{}

Connection::~Connection() = default;

void Connection::setUpServer()
{
    const ServerChoice choice = ServerChoice::load(*m_settings);
    if (choice.server == QLatin1String("sandbox")) {
        setUpSandbox();
        return;
    }
    ClientSettings cs = choice.server == QLatin1String("custom")
                            ? ClientSettings()
                            : ClientSettings::forDomain(choice.server);
    if (choice.server == QLatin1String("custom"))
        cs.apiUrl = QUrl(choice.customUrl);
    ProxySettings proxy;
    if (!choice.proxy.isEmpty() && ProxySettings::parse(choice.proxy, proxy))
        cs.proxy = proxy;
    m_client = std::make_unique<TelegraphClient>(cs);
    m_client->setAccessToken(m_settings->value(QStringLiteral("account/token")).toString());
    if (choice.proxyPasswordStored && choice.proxyHasUser())
        applyProxyPassword();
    ClientSettings withFlood = m_client->settings(); // flood waits are waited out, counted down
    withFlood.flood = PublishFlow::appFloodPolicy();
    m_client->setSettings(withFlood);
    m_window->setClient(m_client.get());
}

void Connection::setUpImages()
{
    if (!m_client)
        return;
    m_imageNetwork = std::make_unique<MappedNetwork>(
        [this](const QUrl &url) { return m_originMap ? m_originMap->map(url) : url; });
    m_imageHost = makeImageHost();
    m_imageQueue = std::make_unique<ImageUploadQueue>(m_imageHost.get());
    // New uploads and retries go to the host now chosen.
    connect(m_window, &MainWindow::settingsSaved, m_imageQueue.get(), [this] { renewImageHost(); });
    m_imageDrop =
        std::make_unique<ImageDropHandler>(m_window->editorPane()->editor(), m_imageQueue.get());
    m_window->setImageDropHandler(m_imageDrop.get()); // File → Insert Image… uploads the same way
    connect(m_imageDrop.get(), &ImageDropHandler::rejected, this,
            [this](const QString &message) { m_window->publishBar()->showMessage(message, true); });
    connect(m_imageDrop.get(), &ImageDropHandler::uploadFailed, this,
            [this](const QString &message) {
                m_window->publishBar()->showMessage(
                    tr("An image was not uploaded: %1").arg(message), true);
            });
    // Offer "Insert image by URL" and "Retry image uploads" in the Edit menu.
    QMenu *edit = m_window->editMenu();
    edit->addSeparator();
    edit->addAction(m_imageDrop->insertUrlAction());
    edit->addAction(m_imageDrop->retryAction());
}

void Connection::applyProxyPassword()
{
    QPointer<TelegraphClient> client = m_client.get();
    m_secrets->readSecret(ServerChoice::proxyPasswordKey(), [this,
                                                             client](const SecretStore::Result &r) {
        if (!client)
            return;
        if (!r.ok()) {
            m_window->publishBar()->showMessage(tr("The proxy password could not be read from the "
                                                   "keychain: %1")
                                                    .arg(r.message),
                                                true);
            return;
        }
        ClientSettings cs = client->settings();
        cs.proxy.password = r.secret;
        client->setSettings(cs);
    });
}

std::unique_ptr<ImageHost> Connection::makeImageHost()
{
    const QUrl site = m_client->settings().effectiveSiteUrl();
    QString error;
    std::unique_ptr<ImageHost> host = createImageHost(
        ImageHostConfig::load(*m_settings), m_imageNetwork.get(), site, &error, m_secrets);
    if (host)
        return host;
    m_window->publishBar()->showMessage(
        tr("The image host in the settings cannot be used (%1); images go to the Telegraph "
           "upload until it is fixed in Settings → Images.")
            .arg(error),
        true);
    ImageHostConfig legacy;
    return createImageHost(legacy, m_imageNetwork.get(), site, &error);
}

QString Connection::originFile(const QString &serverDir)
{
    return QDir(serverDir).filePath(QStringLiteral("origin.txt"));
}

QUrl Connection::rememberedOrigin(const QString &serverDir)
{
    QFile file(originFile(serverDir));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QUrl origin(QString::fromUtf8(file.read(1024)).trimmed(), QUrl::StrictMode);
    const bool usable = origin.isValid() && origin.scheme() == QLatin1String("http") &&
                        origin.port() > 0 && QHostAddress(origin.host()).isLoopback() &&
                        origin.path().isEmpty();
    return usable ? origin : QUrl();
}

bool Connection::rememberOrigin(const QString &serverDir, const QUrl &origin)
{
    QSaveFile file(originFile(serverDir));
    if (file.open(QIODevice::WriteOnly) &&
        file.write(QByteArray(origin.toString().toUtf8() + '\n')) > 0 && file.commit())
        return true;
    m_window->publishBar()->showMessage(
        tr("The local sandbox's address could not be saved (%1): after a restart its page "
           "links and images may not be found.")
            .arg(file.errorString()),
        true);
    return false;
}

void Connection::mapSandboxOrigin()
{
    if (!m_originMap)
        m_originMap = OriginMap::of(m_window);
    if (!m_originMap)
        m_originMap = new OriginMap(m_window);
    m_originMap->clear();
    if (m_sandbox && m_sandbox->isListening())
        m_originMap->setMapping(m_sandbox->publicUrl(), m_sandbox->url());
}

void Connection::setUpSandbox()
{
    sandbox::ServerSettings ss;
    ss.dataDir = QDir(m_dataDir).filePath(QStringLiteral("server"));
    makePrivateDir(ss.dataDir);
    // The address of the first start stays the sandbox's public origin: page URLs and image
    // sources carry it. Its port is used again when free; else the map sends it elsewhere.
    const QUrl remembered = rememberedOrigin(ss.dataDir);
    if (remembered.isValid()) {
        ss.publicUrl = remembered;
        ss.preferredPort = quint16(remembered.port());
    }
    m_sandbox = std::make_unique<sandbox::Server>(ss);
    if (!m_sandbox->listen()) {
        m_window->publishBar()->showMessage(
            tr("The local sandbox could not start: %1").arg(m_sandbox->errorString()), true);
        return;
    }
    if (!remembered.isValid())
        rememberOrigin(ss.dataDir, m_sandbox->url());
    mapSandboxOrigin();
    ClientSettings cs;
    cs.apiUrl = m_sandbox->url();
    cs.siteUrl = m_sandbox->publicUrl();
    m_client = std::make_unique<TelegraphClient>(cs);
    ClientSettings withFlood = m_client->settings(); // flood waits are waited out, counted down
    withFlood.flood = PublishFlow::appFloodPolicy();
    m_client->setSettings(withFlood);
    m_window->setClient(m_client.get());
    m_window->setWindowTitle(tr("Telegraph Desktop — local sandbox"));
}

void Connection::renewImageHost()
{
    if (!m_imageQueue)
        return;
    if (m_imageHost)
        m_retiredHosts.push_back(std::move(m_imageHost));
    m_imageHost = makeImageHost();
    m_imageQueue->setHost(m_imageHost.get());
}

void Connection::tearDown()
{
    m_imageDrop.reset();
    m_imageQueue.reset();
    m_retiredHosts.clear();
    m_imageHost.reset();
    m_window->setClient(nullptr);
    m_client.reset();
    m_sandbox.reset();
    mapSandboxOrigin();
}

} // namespace tg
