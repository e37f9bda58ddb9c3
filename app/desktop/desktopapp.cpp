// SPDX-License-Identifier: MIT
#include "desktop/desktopapp.h"

#include "accounts/accountworkspace.h"
#include "accounts/secretstorechoice.h"
#include "api/apirequests.h"
#include "api/filesecretstore.h"
#include "api/imagehost.h"
#include "api/imagehostconfig.h"
#include "api/keychainsecretstore.h"
#include "api/sharedsecretstore.h"
#include "api/telegraphclient.h"
#include "desktop/openrequest.h"
#include "editor/editorpane.h"
#include "editor/imagedrophandler.h"
#include "editor/imageuploadqueue.h"
#include "editor/sourceeditor.h"
#include "sandbox/server.h"
#include "settings/i18n.h"
#include "storage/datalocation.h"
#include "storage/draftdatabase.h"
#include "storage/draftstore.h"
#include "storage/privatefiles.h"
#include "window/mainwindow.h"
#include "window/publishbar.h"
#include "workflow/appsettings.h"
#include "workflow/publishflow.h"
#include "workflow/settingssecrets.h"
#include "workflow/updatechecker.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>

namespace tg {

DesktopApp::Options DesktopApp::parseArguments(const QStringList &arguments)
{
    Options o;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("--sandbox"))
            o.sandbox = true;
        else if (a == QLatin1String("--help") || a == QLatin1String("-h"))
            o.help = true;
        else if (a == QLatin1String("--version") || a == QLatin1String("-v"))
            o.version = true;
        else if (a == QLatin1String("-platform") || a == QLatin1String("-style"))
            ++i; // Qt's own options with a value
        else if (!a.startsWith(QLatin1Char('-')))
            o.openItems << a;
        else if (!a.startsWith(QLatin1String("-platform")) && a.startsWith(QLatin1Char('-')) &&
                 o.error.isEmpty())
            o.error = QStringLiteral("unknown option: ") + a;
    }
    return o;
}

QString DesktopApp::helpText()
{
    return QStringLiteral(
        "Usage: telegraph-desktop [--sandbox] [FILE | PAGE-URL]...\n"
        "Write, preview and publish Telegraph (telegra.ph) pages.\n\n"
        "  --sandbox   run a local Telegraph server inside the app, with its own data folder\n"
        "              and an account created for you: everything works offline\n"
        "  --help      show this help\n"
        "  --version   show the version\n\n"
        "FILE: a Markdown (.md) or HTML file (path or file:// URL), opened as a new draft.\n"
        "PAGE-URL: https://telegra.ph/PATH (also graph.org, te.legra.ph) or\n"
        "telegraph-desktop://telegra.ph/PATH, opened for editing.\n\n"
        "Environment: TELEGRAPH_DESKTOP_DATA_DIR moves drafts and settings to another folder.\n"
        "Without a display, run it under xvfb-run, or use the `telegraph` command-line tool\n"
        "(with `telegraph-sandbox` for a local server).\n");
}

QString DesktopApp::dataDirFor(const Options &options)
{
    const QString base = dataDirectory();
    return options.sandbox ? QDir(base).filePath(QStringLiteral("sandbox")) : base;
}

DesktopApp::DesktopApp(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{}

DesktopApp::~DesktopApp()
{
    shutdown();
    m_accounts.reset();
    m_window.reset();
    m_client.reset();
    m_sandbox.reset();
    m_store.reset();
}

bool DesktopApp::start(QString *error)
{
    // Everything created while starting (settings, databases, the sandbox's files) is the
    // owner's only; folders and files left looser by earlier versions are tightened.
    const PrivateUmask privateFiles;
    m_dataDir = dataDirFor(m_options);
    QString problem;
    if ((m_options.sandbox && !makePrivateDir(dataDirectory(), &problem)) ||
        !makePrivateDir(m_dataDir, &problem)) {
        *error = tr("Cannot create the data folder %1: %2").arg(m_dataDir, problem);
        return false;
    }
    tightenTree(m_dataDir);
    const QString settingsPath = QDir(m_dataDir).filePath(QStringLiteral("settings.ini"));
    makePrivateFile(settingsPath);
    m_settings = std::make_unique<QSettings>(settingsPath, QSettings::IniFormat);
    // The sandbox's data folder keeps its secrets apart from the real ones.
    m_secrets = m_options.sandbox
                    ? std::make_unique<SharedSecretStore>(
                          QDir(m_dataDir).filePath(QStringLiteral("sandbox-accounts")),
                          QStringLiteral("telegraph-desktop-sandbox"))
                    : std::make_unique<SharedSecretStore>(AccountStore::sharedDirectory());
    m_i18n = std::make_unique<I18n>();
    m_i18n->applyFromSettings(*m_settings);
    m_store = std::make_unique<DraftStore>();
    const QString dbPath = QDir(m_dataDir).filePath(QStringLiteral("drafts.sqlite"));
    QString recoveryNotice;
    if (!openDrafts(dbPath, &recoveryNotice, error))
        return false;
    m_recovered = m_store->beginSession();
    m_window = std::make_unique<MainWindow>(m_store.get(), m_settings.get());
    m_window->setSecretStore(m_secrets.get());
    if (m_options.sandbox)
        setUpSandbox();
    else
        setUpServer();
    setUpImages();
    m_window->openLastDraft();
    QStringList problems = openItems(m_options.openItems);
    m_window->show();
    m_window->activateWindow();
    if (m_recovered) {
        const int count = int(m_store->drafts().size());
        m_window->publishBar()->showMessage(
            tr("The app did not close normally last time. All %n draft(s) were restored as "
               "last saved.",
               nullptr, count),
            false);
    }
    if (!recoveryNotice.isEmpty())
        problems.prepend(recoveryNotice);
    if (!problems.isEmpty())
        m_window->publishBar()->showMessage(problems.join(QLatin1Char('\n')), true);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &DesktopApp::shutdown);
    if (!m_options.sandbox && !ServerChoice::load(*m_settings).chosen)
        QTimer::singleShot(0, this, &DesktopApp::offerServerChoice); // then the accounts
    else
        setUpAccounts();
    QTimer::singleShot(0, this, &DesktopApp::checkForUpdates);
    return true;
}

bool DesktopApp::openDrafts(const QString &path, QString *notice, QString *error)
{
    makePrivateFile(path);
    if (m_store->open(path))
        return true;
    switch (m_store->openFailure()) {
    case DraftDatabase::OpenFailure::TooNew:
        *error = tr("The drafts database %1 was written by a newer version of Telegraph Desktop "
                    "and this version cannot open it (%2). The file was left unchanged: use the "
                    "newer version, or move the file away to start with an empty one.")
                     .arg(QDir::toNativeSeparators(path), m_store->lastError());
        return false;
    case DraftDatabase::OpenFailure::Damaged: {
        // A damaged file is kept aside, never deleted: what it still holds is copied out.
        const DraftDatabase::Recovery r =
            DraftDatabase::recover(path, QDateTime::currentDateTime());
        if (!r.ok || !m_store->open(path)) {
            *error =
                tr("The drafts database %1 is damaged and could not be replaced: %2")
                    .arg(QDir::toNativeSeparators(path), r.ok ? m_store->lastError() : r.error);
            return false;
        }
        makePrivateFile(r.movedTo);
        *notice = tr("The drafts database was damaged. It was moved to %1; %n draft(s) were "
                     "recovered from it, with %2 revision(s), into a new database.",
                     nullptr, r.copied.drafts)
                      .arg(QDir::toNativeSeparators(r.movedTo))
                      .arg(r.copied.revisions);
        if (r.copied.skipped > 0)
            *notice += QLatin1Char(' ') +
                       tr("%n damaged row(s) could not be read.", nullptr, r.copied.skipped);
        return true;
    }
    case DraftDatabase::OpenFailure::None:
    case DraftDatabase::OpenFailure::Other:
        break;
    }
    *error = tr("Cannot open the drafts database %1: %2").arg(path, m_store->lastError());
    return false;
}

QStringList DesktopApp::openItems(const QStringList &items, const QString &workingDir)
{
    QStringList problems;
    for (const QString &item : items) {
        // An existing .html file is imported too (OpenRequest knows only Markdown files).
        const QUrl url(item);
        const QString local = url.isLocalFile() ? url.toLocalFile() : item;
        const QFileInfo info(workingDir.isEmpty() ? local
                                                  : QDir(workingDir).absoluteFilePath(local));
        const QString suffix = info.suffix().toLower();
        if (info.isFile() && (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))) {
            QString error;
            if (!m_window->importPath(info.absoluteFilePath(), &error))
                problems << error;
            continue;
        }
        const OpenRequest r = OpenRequest::parse(item, workingDir);
        switch (r.kind) {
        case OpenRequest::Kind::MarkdownFile: {
            QString error;
            if (!m_window->importPath(r.filePath, &error))
                problems << error;
            break;
        }
        case OpenRequest::Kind::Page:
            m_window->editPage(r.pageUrl().toString());
            break;
        case OpenRequest::Kind::Invalid:
            problems << r.error;
            break;
        }
    }
    return problems;
}

void DesktopApp::setUpServer()
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

void DesktopApp::setUpImages()
{
    if (!m_client)
        return;
    m_imageNetwork = std::make_unique<QNetworkAccessManager>();
    m_imageHost = makeImageHost();
    m_imageQueue = std::make_unique<ImageUploadQueue>(m_imageHost.get());
    connect(m_window.get(), &MainWindow::settingsSaved, m_imageQueue.get(), [this] {
        // New uploads and retries go to the host now chosen.
        if (m_imageHost)
            m_retiredHosts.push_back(std::move(m_imageHost));
        m_imageHost = makeImageHost();
        m_imageQueue->setHost(m_imageHost.get());
    });
    m_imageDrop =
        std::make_unique<ImageDropHandler>(m_window->editorPane()->editor(), m_imageQueue.get());
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

void DesktopApp::applyProxyPassword()
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

void DesktopApp::onSecretStoreChosen(SecretStore *store)
{
    m_secrets->setPrimary(store);
    if (!store || !store->isPersistent())
        return; // secrets in settings.ini would be lost at the end of the session
    auto *migration = new settingssecrets::Migration(m_settings.get(), m_secrets.get(), this);
    connect(migration, &settingssecrets::Migration::finished, this,
            [this, migration](int moved, const QStringList &problems) {
                migration->deleteLater();
                if (moved > 0 && m_imageQueue) {
                    // Later uploads read the moved keys from the store.
                    if (m_imageHost)
                        m_retiredHosts.push_back(std::move(m_imageHost));
                    m_imageHost = makeImageHost();
                    m_imageQueue->setHost(m_imageHost.get());
                }
                if (!problems.isEmpty())
                    m_window->publishBar()->showMessage(
                        tr("Some secrets are still in the settings file: %1")
                            .arg(problems.join(QStringLiteral("; "))),
                        true);
            });
    migration->start();
}

std::unique_ptr<ImageHost> DesktopApp::makeImageHost()
{
    const QUrl site = m_client->settings().effectiveSiteUrl();
    QString error;
    std::unique_ptr<ImageHost> host = createImageHost(
        ImageHostConfig::load(*m_settings), m_imageNetwork.get(), site, &error, m_secrets.get());
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

void DesktopApp::setUpSandbox()
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

void DesktopApp::setUpAccounts()
{
    if (!m_client || m_accounts || m_secretChoice)
        return;
    if (m_sandbox) {
        // The sandbox's accounts are worthless anywhere else: they and their tokens stay in the
        // sandbox's folder (tokens in a 0600 file), away from the real accounts.
        const QString dir = QDir(m_dataDir).filePath(QStringLiteral("sandbox-accounts"));
        makePrivateDir(dir);
        m_fileSecrets =
            std::make_unique<FileSecretStore>(QDir(dir).filePath(AccountStore::tokenFileName()));
        openAccountWorkspace(m_fileSecrets.get());
        // The settings' secrets: with --sandbox in its token file like its tokens (the sandbox
        // never touches the keychain); with the sandbox chosen in the real settings, in the
        // keychain when one works.
        if (m_options.sandbox) {
            onSecretStoreChosen(m_secrets->file());
            return;
        }
        QPointer<SharedSecretStore> secrets = m_secrets.get();
        m_secrets->keychain()->checkAvailable([this, secrets](const SecretStore::Result &r) {
            if (secrets && !secrets->primary() && r.ok())
                onSecretStoreChosen(secrets->keychain());
        });
        return;
    }
    // Real accounts: the system keychain, or the user's explicit choice when there is none.
    const QString dir = AccountStore::sharedDirectory();
    // The config folder the command-line tool shares is the owner's only, like the data folder.
    makePrivateDir(dir);
    tightenTree(dir, 1);
    m_secretChoice = std::make_unique<SecretStoreChoice>(m_secrets->keychain(), dir);
    const QString rememberedKey = QStringLiteral("accounts/tokenStore");
    m_secretChoice->setAsker([this, rememberedKey](const QString &reason, const QString &file)
                                 -> std::optional<SecretStoreChoiceDialog::Choice> {
        // A file chosen before stays chosen (the user can delete it to be asked again).
        if (m_settings->value(rememberedKey).toString() == QLatin1String("file") &&
            QFileInfo::exists(file))
            return SecretStoreChoiceDialog::Choice::File;
        SecretStoreChoiceDialog dialog(reason, file, m_window.get());
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        m_settings->setValue(rememberedKey, dialog.choice() == SecretStoreChoiceDialog::Choice::File
                                                ? QStringLiteral("file")
                                                : QStringLiteral("session"));
        return dialog.choice();
    });
    connect(m_secretChoice.get(), &SecretStoreChoice::chosen, this, [this](SecretStore *store) {
        // Reads still find what the `telegraph` tool saved elsewhere; writes go where chosen.
        onSecretStoreChosen(store);
        openAccountWorkspace(m_secrets.get());
    });
    connect(m_secretChoice.get(), &SecretStoreChoice::declined, this, [this](const QString &why) {
        m_window->publishBar()->showMessage(
            tr("Accounts cannot be saved (%1). Restart the app to choose where to keep tokens.")
                .arg(why),
            true);
    });
    QTimer::singleShot(0, this, [this] {
        if (m_secretChoice)
            m_secretChoice->resolve(m_window.get());
    });
}

void DesktopApp::openAccountWorkspace(SecretStore *secrets)
{
    AccountWorkspace::Config config;
    if (m_sandbox) {
        config.accountsDir = QDir(m_dataDir).filePath(QStringLiteral("sandbox-accounts"));
        config.cachePrefix = QStringLiteral("sandbox:");
        config.legacyToken = m_settings->value(QStringLiteral("sandbox/token")).toString();
        config.legacyName = QStringLiteral("sandbox");
        config.createIfNone = true;
    } else {
        config.accountsDir = AccountStore::sharedDirectory();
        config.cachePrefix = m_client->settings().apiUrl.host() + QLatin1Char(':');
        config.legacyToken = m_settings->value(QStringLiteral("account/token")).toString();
        config.legacyName = QStringLiteral("default");
    }
    config.cacheFile = QDir(m_dataDir).filePath(QStringLiteral("pages.sqlite"));
    makePrivateFile(config.cacheFile);
    m_accounts = std::make_unique<AccountWorkspace>(m_client.get(), secrets, m_store.get(),
                                                    m_settings.get(), m_window.get(), config);
    connect(m_accounts.get(), &AccountWorkspace::message, this,
            [this](const QString &text, bool error) {
                m_window->publishBar()->showMessage(text, error);
            });
    connect(m_accounts.get(), &AccountWorkspace::legacyTokenSaved, this, [this] {
        m_settings->remove(m_sandbox ? QStringLiteral("sandbox/token")
                                     : QStringLiteral("account/token"));
    });
    connect(m_accounts.get(), &AccountWorkspace::currentAccountChanged, this,
            [this](const QString &name) {
                if (!name.isEmpty())
                    m_window->statusBar()->showMessage(tr("Account: %1").arg(name), 5000);
            });
    QString error;
    if (!m_accounts->open(&error))
        m_window->publishBar()->showMessage(error, true);
}

void DesktopApp::checkForUpdates()
{
    UpdateSettings settings = UpdateSettings::load(*m_settings);
    if (!settings.isDue(QDateTime::currentDateTimeUtc()))
        return;
    m_updateNetwork = std::make_unique<QNetworkAccessManager>();
    m_updateChecker = std::make_unique<UpdateChecker>(m_updateNetwork.get(),
                                                      QCoreApplication::applicationVersion());
    connect(m_updateChecker.get(), &UpdateChecker::updateAvailable, this,
            [this](const UpdateInfo &info) {
                QString text = tr("Telegraph Desktop %1 is available.").arg(info.version);
                if (info.url.isValid())
                    text += QLatin1Char(' ') + tr("Get it from %1").arg(info.url.toString());
                m_window->publishBar()->showMessage(text, false);
            });
    connect(m_updateChecker.get(), &UpdateChecker::checkFailed, this,
            [this](const QString &message) {
                m_window->statusBar()->showMessage(tr("The update check failed: %1").arg(message),
                                                   10000);
            });
    if (m_updateChecker->checkIfDue(settings, QDateTime::currentDateTimeUtc()))
        settings.save(*m_settings);
}

void DesktopApp::tearDownConnection()
{
    m_accounts.reset();
    m_secretChoice.reset();
    m_secrets->setPrimary(nullptr);
    m_fileSecrets.reset();
    m_imageDrop.reset();
    m_imageQueue.reset();
    m_retiredHosts.clear();
    m_imageHost.reset();
    m_window->setClient(nullptr);
    m_client.reset();
    m_sandbox.reset();
}

void DesktopApp::offerServerChoice()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Where to publish?"),
                                tr("Publish to telegra.ph, or try everything offline with a "
                                   "local sandbox server first? You can change this later in "
                                   "the settings."),
                                QMessageBox::NoButton, m_window.get());
    QPushButton *telegraph = box->addButton(QStringLiteral("telegra.ph"), QMessageBox::AcceptRole);
    QPushButton *sandbox = box->addButton(tr("Local sandbox"), QMessageBox::ActionRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, telegraph, sandbox](QAbstractButton *b) {
        ServerChoice c = ServerChoice::load(*m_settings);
        c.chosen = true;
        if (b == sandbox) {
            c.server = QStringLiteral("sandbox");
            c.save(*m_settings);
            tearDownConnection();
            setUpSandbox();
            setUpImages();
        } else if (b == telegraph) {
            c.server = QStringLiteral("telegra.ph");
            c.save(*m_settings);
        }
    });
    // However the question ends, the accounts of the chosen server come next.
    connect(box, &QMessageBox::finished, this, [this] { setUpAccounts(); });
    box->open();
}

void DesktopApp::shutdown()
{
    if (m_shutDown || !m_store)
        return;
    m_shutDown = true;
    if (m_window)
        m_window->saveNow();
    // While a text is not on disk the session stays marked as running: the next start says so.
    m_store->endSession();
    if (m_settings)
        m_settings->sync();
    // Files other parts created after start (lock files, journals) are tightened too.
    tightenTree(m_dataDir);
}

} // namespace tg
