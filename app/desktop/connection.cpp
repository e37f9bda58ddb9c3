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
#include "sandbox/server.h"
#include "storage/privatefiles.h"
#include "window/mainwindow.h"
#include "window/publishbar.h"
#include "workflow/appsettings.h"
#include "workflow/publishflow.h"

#include <QDir>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSettings>
#include <QUrl>

namespace tg {

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
    m_imageNetwork = std::make_unique<QNetworkAccessManager>();
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

void Connection::setUpSandbox()
{
    sandbox::ServerSettings ss;
    ss.dataDir = QDir(m_dataDir).filePath(QStringLiteral("server"));
    makePrivateDir(ss.dataDir);
    m_sandbox = std::make_unique<sandbox::Server>(ss);
    if (!m_sandbox->listen()) {
        m_window->publishBar()->showMessage(
            tr("The local sandbox could not start: %1").arg(m_sandbox->errorString()), true);
        return;
    }
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
}

} // namespace tg
