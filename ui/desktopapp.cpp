// SPDX-License-Identifier: MIT
#include "desktopapp.h"

#include "accountjob.h"
#include "apirequests.h"
#include "clientpublisher.h"
#include "datalocation.h"
#include "draftstore.h"
#include "editorpane.h"
#include "i18n.h"
#include "imagedrophandler.h"
#include "imageuploadqueue.h"
#include "mainwindow.h"
#include "openrequest.h"
#include "publishbar.h"
#include "seriespublisher.h"
#include "server.h"
#include "sourceeditor.h"
#include "telegraphclient.h"
#include "telegraphuploadhost.h"
#include "uisettings.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
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
    m_window.reset();
    m_seriesPublisher.reset();
    m_publisher.reset();
    m_client.reset();
    m_sandbox.reset();
    m_store.reset();
}

bool DesktopApp::start(QString *error)
{
    m_dataDir = dataDirFor(m_options);
    if (!QDir().mkpath(m_dataDir)) {
        *error = tr("Cannot create the data folder %1.").arg(m_dataDir);
        return false;
    }
    m_settings = std::make_unique<QSettings>(
        QDir(m_dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_i18n = std::make_unique<I18n>();
    m_i18n->applyFromSettings(*m_settings);
    m_store = std::make_unique<DraftStore>();
    const QString dbPath = QDir(m_dataDir).filePath(QStringLiteral("drafts.sqlite"));
    if (!m_store->open(dbPath)) {
        *error = tr("Cannot open the drafts database %1: %2").arg(dbPath, m_store->lastError());
        return false;
    }
    m_recovered = m_store->beginSession();
    m_window = std::make_unique<MainWindow>(m_store.get(), m_settings.get());
    if (m_options.sandbox)
        setUpSandbox();
    else
        setUpServer();
    setUpImages();
    m_window->openLastDraft();
    const QStringList problems = openItems(m_options.openItems);
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
    if (!problems.isEmpty())
        m_window->publishBar()->showMessage(problems.join(QLatin1Char('\n')), true);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &DesktopApp::shutdown);
    if (!m_options.sandbox && !ServerChoice::load(*m_settings).chosen)
        QTimer::singleShot(0, this, &DesktopApp::offerServerChoice);
    return true;
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
            m_window->openPage(r.pageUrl().toString());
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
    m_publisher = std::make_unique<ClientPublisher>(m_client.get());
    m_window->setPublisher(m_publisher.get());
    m_seriesPublisher = std::make_unique<SeriesPublisher>(m_client.get());
    m_window->setSeriesPublisher(m_seriesPublisher.get());
}

void DesktopApp::setUpImages()
{
    if (!m_client)
        return;
    m_imageNetwork = std::make_unique<QNetworkAccessManager>();
    m_imageHost = std::make_unique<TelegraphUploadHost>(m_imageNetwork.get(),
                                                        m_client->settings().effectiveSiteUrl());
    m_imageQueue = std::make_unique<ImageUploadQueue>(m_imageHost.get());
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
    const QString editTitle = QCoreApplication::translate("tg::MainWindow", "&Edit");
    for (QAction *action : m_window->menuBar()->actions()) {
        if (action->menu() && action->text() == editTitle) {
            action->menu()->addSeparator();
            action->menu()->addAction(m_imageDrop->insertUrlAction());
            action->menu()->addAction(m_imageDrop->retryAction());
            break;
        }
    }
}

void DesktopApp::setUpSandbox()
{
    sandbox::ServerSettings ss;
    ss.dataDir = QDir(m_dataDir).filePath(QStringLiteral("server"));
    QDir().mkpath(ss.dataDir);
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
    m_publisher = std::make_unique<ClientPublisher>(m_client.get());
    m_window->setPublisher(m_publisher.get());
    m_seriesPublisher = std::make_unique<SeriesPublisher>(m_client.get());
    m_window->setSeriesPublisher(m_seriesPublisher.get());
    m_window->setWindowTitle(tr("Telegraph Desktop — local sandbox"));
    const QString token = m_settings->value(QStringLiteral("sandbox/token")).toString();
    if (!token.isEmpty()) {
        m_client->setAccessToken(token);
        return;
    }
    CreateAccountRequest req;
    req.shortName = QStringLiteral("Sandbox");
    req.authorName = AuthorDefaults::load(*m_settings).name;
    AccountJob *job = m_client->createAccount(req);
    job->setAutoDelete(true);
    connect(job, &ApiJob::succeeded, this, [this] {
        m_settings->setValue(QStringLiteral("sandbox/token"), m_client->accessToken());
        m_window->statusBar()->showMessage(tr("Local sandbox ready with a new account."), 5000);
    });
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
            m_window->setPublisher(nullptr);
            m_publisher.reset();
            m_client.reset();
            setUpSandbox();
        } else if (b == telegraph) {
            c.server = QStringLiteral("telegra.ph");
            c.save(*m_settings);
        }
    });
    box->open();
}

void DesktopApp::shutdown()
{
    if (m_shutDown || !m_store)
        return;
    m_shutDown = true;
    if (m_window)
        m_window->saveNow();
    m_store->flush();
    m_store->endSession();
    if (m_settings)
        m_settings->sync();
}

} // namespace tg
