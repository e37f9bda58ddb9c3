// SPDX-License-Identifier: MIT
#include "desktop/desktopapp.h"

#include "accounts/accountpanel.h"
#include "accounts/accountworkspace.h"
#include "accounts/welcomeview.h"
#include "api/accountstore.h"
#include "api/sharedsecretstore.h"
#include "desktop/accountsetup.h"
#include "desktop/connection.h"
#include "desktop/draftsopener.h"
#include "desktop/openrequest.h"
#include "settings/i18n.h"
#include "storage/datalocation.h"
#include "storage/draftstore.h"
#include "storage/privatefiles.h"
#include "window/mainwindow.h"
#include "window/publishbar.h"
#include "workflow/appsettings.h"
#include "workflow/updatechecker.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace tg {

namespace {

/// Where the window opens when no size was saved: 1200×800, or most of a smaller screen,
/// centred on it.
void placeFirstWindow(QWidget *window)
{
    const QScreen *screen = window->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    // A sensible share of the screen, centred.
    const QSize size = available.size() * 0.8;
    window->resize(size);
    window->move(available.center() - QPoint(size.width() / 2, size.height() / 2));
}

} // namespace

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
    m_accountSetup.reset();
    m_window.reset();
    m_connection.reset();
    m_store.reset();
}

AccountWorkspace *DesktopApp::accounts() const
{
    return m_accountSetup ? m_accountSetup->workspace() : nullptr;
}

void DesktopApp::tearDownConnection()
{
    m_accountSetup->tearDown();
    m_connection->tearDown();
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
    if (!DraftsOpener::open(m_store.get(), dbPath, &recoveryNotice, error))
        return false;
    m_recovered = m_store->beginSession();
    m_window = std::make_unique<MainWindow>(m_store.get(), m_settings.get());
    if (m_settings->value(QStringLiteral("window/geometry")).toByteArray().isEmpty())
        placeFirstWindow(m_window.get());
    m_window->setSecretStore(m_secrets.get());
    m_connection =
        std::make_unique<Connection>(m_settings.get(), m_window.get(), m_secrets.get(), m_dataDir);
    AccountSetup::Context accounts;
    accounts.sandboxMode = m_options.sandbox;
    accounts.dataDir = m_dataDir;
    accounts.settings = m_settings.get();
    accounts.window = m_window.get();
    accounts.drafts = m_store.get();
    accounts.secrets = m_secrets.get();
    accounts.connection = m_connection.get();
    m_accountSetup = std::make_unique<AccountSetup>(accounts);
    if (m_options.sandbox)
        m_connection->setUpSandbox();
    else
        m_connection->setUpServer();
    m_connection->setUpImages();
    m_window->openLastDraft();
    QStringList problems = openItems(m_options.openItems);
    m_window->show();
    m_window->activateWindow();
    // Asked before the window is mapped, the activation can be lost (no window manager, or one
    // that ignores it): asked again once the window has painted.
    connect(m_window.get(), &MainWindow::firstPainted, m_window.get(),
            [w = m_window.get()] { w->activateWindow(); });
    if (m_recovered) {
        const int count = int(m_store->drafts().size());
        m_window->publishBar()->showMessage(
            tr("The app did not close normally last time. Drafts restored as last saved: %n.",
               nullptr, count),
            false);
    }
    if (!recoveryNotice.isEmpty())
        m_window->publishBar()->showMessage(recoveryNotice, true);
    // A failed open goes with the next successful one.
    if (!problems.isEmpty())
        m_window->publishBar()->showMessage(problems.join(QLatin1Char('\n')), true,
                                            MessageScope::Operation, MessageArea::openOperation());
    connect(qApp, &QCoreApplication::aboutToQuit, this, &DesktopApp::shutdown);
    if (!m_options.sandbox && !ServerChoice::load(*m_settings).chosen)
        offerServerChoice(); // then the accounts
    else
        m_accountSetup->setUp();
    QTimer::singleShot(0, this, &DesktopApp::checkForUpdates);
    return true;
}

QStringList DesktopApp::openItems(const QStringList &items, const QString &workingDir)
{
    QStringList problems;
    for (const QString &item : items) {
        const OpenRequest r = OpenRequest::parse(item, workingDir);
        switch (r.kind) {
        case OpenRequest::Kind::File: {
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

void DesktopApp::offerServerChoice()
{
    // Asked inside the window, over the editor, until answered.
    auto *welcome = new WelcomeView(m_window.get());
    connect(welcome, &WelcomeView::chosen, this, [this, welcome](WelcomeView::Choice choice) {
        welcome->deleteLater();
        ServerChoice c = ServerChoice::load(*m_settings);
        c.chosen = true;
        c.server = choice == WelcomeView::Choice::Sandbox ? QStringLiteral("sandbox")
                                                          : QStringLiteral("telegra.ph");
        c.save(*m_settings);
        if (choice == WelcomeView::Choice::Sandbox) {
            tearDownConnection();
            m_connection->setUpSandbox();
            m_connection->setUpImages();
        } else if (choice == WelcomeView::Choice::ImportToken) {
            // Once the place for tokens is settled, the account panel asks for the token.
            auto once = std::make_shared<QMetaObject::Connection>();
            *once = connect(m_accountSetup.get(), &AccountSetup::workspaceOpened, this,
                            [once](AccountWorkspace *workspace) {
                                disconnect(*once);
                                if (AccountPanel *panel = workspace->accountPanel())
                                    QTimer::singleShot(0, panel, &AccountPanel::showImportDialog);
                            });
        }
        // The accounts of the chosen server come next.
        m_accountSetup->setUp();
    });
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
