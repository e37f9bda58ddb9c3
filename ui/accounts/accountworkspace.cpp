// SPDX-License-Identifier: MIT
#include "accounts/accountworkspace.h"

#include "accounts/accountpanel.h"
#include "accounts/backupdialog.h"
#include "api/apirequests.h"
#include "api/apitypes.h"
#include "api/telegraphclient.h"
#include "pages/pagecache.h"
#include "pages/pagelistmodel.h"
#include "pages/pagelistsync.h"
#include "pages/pagelistwidget.h"
#include "pages/statswidget.h"
#include "pages/unpublishdialog.h"
#include "pages/viewstatsfetcher.h"
#include "storage/draftstore.h"
#include "window/mainwindow.h"
#include "window/publishbar.h"
#include "workflow/unpublishflow.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <utility>

namespace tg {

namespace {

/// A cached page list older than this is refreshed in the background when shown.
constexpr qint64 StaleAfterSeconds = 10 * 60;

} // namespace

AccountWorkspace::AccountWorkspace(AccountManager *manager, DraftStore *drafts, QSettings *settings,
                                   MainWindow *window, const Config &config, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_client(manager->client())
    , m_drafts(drafts)
    , m_settings(settings)
    , m_window(window)
    , m_config(config)
    , m_cache(std::make_unique<PageCache>())
{}

AccountWorkspace::~AccountWorkspace()
{
    if (m_sync)
        m_sync->cancel();
    if (m_fetcher)
        m_fetcher->cancel();
    // The backup dialog and the docks point into the objects below: remove them first.
    delete m_backupDialog.data();
    for (const QPointer<QDockWidget> &dock : std::as_const(m_docks))
        delete dock.data();
    // The page list's actions went with its dock; the menu's separators and the backup action
    // are this object's.
    if (QMenu *menu = m_window->accountMenu()) {
        for (QAction *a : menu->actions()) {
            if (a->isSeparator())
                menu->removeAction(a);
        }
    }
    delete m_backup.data();
    m_window->setAccountAuthor(QString(), QString());
}

AccountPanel *AccountWorkspace::accountPanel() const
{
    return m_panel;
}

PageListWidget *AccountWorkspace::pageList() const
{
    return m_pageList;
}

StatsWidget *AccountWorkspace::stats() const
{
    return m_stats;
}

QAction *AccountWorkspace::backupAction() const
{
    return m_backup;
}

BackupDialog *AccountWorkspace::backupDialog() const
{
    return m_backupDialog;
}

QAction *AccountWorkspace::refreshAction() const
{
    return m_refresh;
}

QString AccountWorkspace::cacheKey(const QString &accountName) const
{
    return accountName.isEmpty() ? QString() : m_config.cachePrefix + accountName;
}

bool AccountWorkspace::open(QString *error)
{
    QDir().mkpath(QFileInfo(m_config.cacheFile).absolutePath());
    const bool cacheOk = m_cache->open(m_config.cacheFile);
    if (!cacheOk && error)
        *error = tr("The page list cache %1 cannot be used: %2")
                     .arg(m_config.cacheFile, m_cache->lastError());
    m_sync = std::make_unique<PageListSync>(m_client, m_cache.get());
    m_model = std::make_unique<PageListModel>(m_cache.get(), m_sync.get());
    m_fetcher = std::make_unique<ViewStatsFetcher>(m_client, cacheOk ? m_cache.get() : nullptr);
    m_unpublisher = std::make_unique<UnpublishFlow>(m_client, m_drafts);
    buildPanels();
    selectInitialAccount();
    return cacheOk;
}

void AccountWorkspace::buildPanels()
{
    m_panel = new AccountPanel(m_manager);
    m_panel->setObjectName(QStringLiteral("accountPanel"));
    m_pageList = new PageListWidget(m_model.get(), m_sync.get());
    m_pageList->setObjectName(QStringLiteral("pageList"));
    m_stats = new StatsWidget(m_fetcher.get(), m_model.get());
    m_stats->setObjectName(QStringLiteral("stats"));
    m_docks << m_window->addPanel(tr("Accounts"), m_panel, Qt::LeftDockWidgetArea);
    m_docks << m_window->addPanel(tr("Pages"), m_pageList, Qt::BottomDockWidgetArea);
    m_docks << m_window->addPanel(tr("Statistics"), m_stats, Qt::BottomDockWidgetArea);
    if (!m_settings->contains(QStringLiteral("window/state"))) {
        // First start: the editor keeps most of the height (once the window has its size).
        QTimer::singleShot(0, this, [this] {
            if (m_pageList && m_window)
                m_window->resizeDocks({qobject_cast<QDockWidget *>(m_pageList->parentWidget())},
                                      {qMax(160, m_window->height() / 4)}, Qt::Vertical);
        });
    }

    connect(m_manager, &AccountManager::currentAccountChanged, this,
            &AccountWorkspace::onAccountChanged);
    connect(m_manager, &AccountManager::operationFinished, this,
            [this](AccountManager::Operation operation, bool ok, const QString &text) {
                // The panel shows why the details could not be refreshed.
                if (!ok && operation != AccountManager::Operation::Refresh)
                    Q_EMIT message(text, true);
            });
    connect(m_pageList, &PageListWidget::currentPageChanged, m_stats, &StatsWidget::setPage);
    connect(m_pageList, &PageListWidget::openInEditorRequested, this, [this](const Page &page) {
        m_window->editPage(page.url.isEmpty() ? page.path : page.url);
    });
    connect(m_pageList, &PageListWidget::unpublishRequested, this, &AccountWorkspace::unpublish);
    connect(m_sync.get(), &PageListSync::refreshFinished, m_stats,
            &StatsWidget::updateAccountSummary);
    connect(m_model.get(), &PageListModel::totalCountChanged, m_stats,
            &StatsWidget::updateAccountSummary);
    // A page (or the pages of a series, even one stopped half-way) just published shows at the
    // top of the list.
    connect(m_window, &MainWindow::publishFinished, this, [this](const PublishResult &o) {
        if ((!o.ok && o.series.isEmpty()) || m_manager->currentName().isEmpty())
            return;
        if (!m_sync->isRefreshing())
            m_sync->fetchBatch(0);
        m_manager->refreshInfo(); // the page count
    });

    // Its progress, countdown, Cancel and outcome show on its own line of the message area.
    m_window->publishBar()->track(m_unpublisher.get());
    connect(m_unpublisher.get(), &PublishFlow::finished, this, [this](const PublishResult &r) {
        if (r.ok && !m_sync->isRefreshing())
            m_sync->fetchBatch(0);
    });

    QMenu *menu = m_window->accountMenu();
    m_refresh = m_pageList->refreshAction();
    m_refresh->setText(tr("&Refresh Page List"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    menu->addAction(m_refresh);
    m_pageList->cancelAction()->setText(tr("&Cancel Refresh"));
    menu->addAction(m_pageList->cancelAction());
    menu->addSeparator();
    // The selected page's actions, reachable from the keyboard through the menu bar too.
    menu->addAction(m_pageList->openInEditorAction());
    menu->addAction(m_pageList->openInBrowserAction());
    menu->addAction(m_pageList->copyUrlAction());
    m_unpublishAction = m_pageList->unpublishAction();
    menu->addAction(m_unpublishAction);
    menu->addSeparator();
    menu->addAction(m_pageList->exportCsvAction());
    m_backup = new QAction(tr("&Back Up Account…"), this);
    connect(m_backup, &QAction::triggered, this, &AccountWorkspace::showBackupDialog);
    menu->addAction(m_backup);
    m_backup->setEnabled(false);
}

void AccountWorkspace::selectInitialAccount()
{
    if (m_manager->restoreCurrent())
        return;
    if (!m_config.legacyToken.isEmpty()) {
        // Older versions kept one token in the settings: it becomes a saved account.
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = connect(m_manager, &AccountManager::operationFinished, this,
                        [this, conn](AccountManager::Operation operation, bool ok) {
                            if (operation != AccountManager::Operation::Import)
                                return;
                            disconnect(*conn);
                            if (ok)
                                Q_EMIT legacyTokenSaved();
                        });
        m_manager->importAccount(m_config.legacyName, m_config.legacyToken);
        return;
    }
    if (m_config.createIfNone) {
        CreateAccountRequest req;
        req.shortName = QStringLiteral("Sandbox");
        req.authorName = m_window->newDraftAuthor().name;
        m_manager->createAccount(m_config.createName, req);
        return;
    }
    m_noAccountMessage = tr("No Telegraph account yet: create one or import yours by its access "
                            "token in the Accounts panel.");
    Q_EMIT message(m_noAccountMessage, false);
}

void AccountWorkspace::onAccountChanged(const SavedAccount &account)
{
    const QString key = cacheKey(account.name);
    m_sync->setAccount(key, QString()); // the client's token: the manager sets it
    m_model->setAccount(key);
    m_stats->setPage(Page());
    m_stats->updateAccountSummary();
    m_window->setAccountAuthor(account.authorName, account.authorUrl);
    m_backup->setEnabled(!account.name.isEmpty());
    Q_EMIT currentAccountChanged(account.name);
    if (account.name.isEmpty())
        return;
    if (!m_noAccountMessage.isEmpty())
        Q_EMIT messageWithdrawn(std::exchange(m_noAccountMessage, QString()));
    const QDateTime refreshed = m_cache->isOpen() ? m_cache->refreshedAt(key) : QDateTime();
    if (!refreshed.isValid() ||
        refreshed.secsTo(QDateTime::currentDateTimeUtc()) > StaleAfterSeconds)
        m_pageList->refresh();
}

void AccountWorkspace::unpublish(const Page &page)
{
    if (page.path.isEmpty())
        return;
    if (m_unpublisher->isBusy()) {
        Q_EMIT message(tr("Another page is being changed; try again when it is done."), true);
        return;
    }
    QString notice;
    if (m_askNotice) {
        notice = m_askNotice(page);
    } else {
        UnpublishDialog dialog(page, m_window);
        if (dialog.exec() == QDialog::Accepted)
            notice = dialog.notice();
    }
    if (notice.trimmed().isEmpty())
        return; // cancelled
    m_unpublisher->unpublish(page.path, notice);
}

void AccountWorkspace::showBackupDialog()
{
    const QString current = m_manager->currentName();
    if (current.isEmpty()) {
        Q_EMIT message(tr("Choose an account to back up first."), true);
        return;
    }
    QString base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    const QString suggested = QDir(base).filePath(tr("Telegraph backup of %1").arg(current));
    // The backup uses the client's token, which follows the current account.
    auto *dialog = new BackupDialog(m_client, current, suggested, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_backupDialog = dialog;
    dialog->open();
}

} // namespace tg
