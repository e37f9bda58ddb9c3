// SPDX-License-Identifier: MIT
#pragma once

#include "api/accountstore.h"
#include "workflow/accountmanager.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QAction;
class QDockWidget;
class QSettings;

namespace tg {

class AccountPanel;
class BackupDialog;
class DraftStore;
class MainWindow;
class PageCache;
class PageListModel;
class PageListSync;
class PageListWidget;
class StatsWidget;
class TelegraphClient;
class UnpublishFlow;
class ViewStatsFetcher;
struct Page;

/// The account side of the main window for one server: the account panel over an AccountManager
/// (which owns the saved accounts, the current one and its token), the page list with its cache
/// and background refresh, the view statistics, unpublish and backup. When the manager's
/// current account changes, the page list, the statistics and the author of new drafts follow.
/// Adds its panels to the window as docks and removes them when destroyed (e.g. when the server
/// changes).
class AccountWorkspace : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QString cacheFile; ///< the page-list cache (SQLite)
        /// Prefixed to account names for the cache, so accounts of different servers with the
        /// same name do not share cached pages.
        QString cachePrefix;
        /// A token to save as an account when there is none yet (from older settings), and the
        /// account name to save it under.
        QString legacyToken;
        QString legacyName;
        /// Create an account by itself when there is none (the local sandbox).
        bool createIfNone = false;
        QString createName = QStringLiteral("sandbox");
    };

    /// None of the pointers is owned; `manager` (and its client) must outlive this object.
    AccountWorkspace(AccountManager *manager, DraftStore *drafts, QSettings *settings,
                     MainWindow *window, const Config &config, QObject *parent = nullptr);
    ~AccountWorkspace() override;

    /// Opens the cache, builds and docks the panels and makes the remembered account current
    /// (or saves the legacy token, or creates an account, as configured). False with *error when
    /// the cache cannot be opened (the panels work without it, from the server only).
    bool open(QString *error = nullptr);

    AccountManager *manager() const { return m_manager; }
    AccountPanel *accountPanel() const;
    PageListWidget *pageList() const;
    StatsWidget *stats() const;
    PageListModel *pageModel() const { return m_model.get(); }
    PageListSync *pageSync() const { return m_sync.get(); }
    /// Unpublishes pages and restores them; its line in the window's message area can cancel it.
    UnpublishFlow *unpublisher() const { return m_unpublisher.get(); }
    QAction *backupAction() const;
    QAction *refreshAction() const;
    /// The current account's name (empty: none).
    QString currentAccount() const { return m_manager->currentName(); }
    /// The cache key of an account.
    QString cacheKey(const QString &accountName) const;

    /// How a confirmation with an editable notice is asked before unpublishing (default: an
    /// UnpublishDialog); return an empty string to cancel. Tests replace it.
    using NoticeAsker = std::function<QString(const Page &page)>;
    void setNoticeAsker(NoticeAsker asker) { m_askNotice = std::move(asker); }

    /// Asks for the notice, then unpublishes the page (see UnpublishFlow).
    void unpublish(const Page &page);
    /// Opens the backup dialog for the current account.
    void showBackupDialog();
    /// The open backup dialog, if any.
    BackupDialog *backupDialog() const;

Q_SIGNALS:
    /// Another account is current (empty name: none).
    void currentAccountChanged(const QString &name);
    /// Something to tell the user in the window's message area.
    void message(const QString &text, bool error);
    /// A message sent with message() no longer applies (e.g. "no account yet" once there is
    /// one): the caller takes it away if it still shows.
    void messageWithdrawn(const QString &text);
    /// The legacy token was saved as an account (the caller may forget it now).
    void legacyTokenSaved();

private:
    void buildPanels();
    void onAccountChanged(const SavedAccount &account);
    void selectInitialAccount();

    AccountManager *m_manager;
    TelegraphClient *m_client;
    DraftStore *m_drafts;
    QSettings *m_settings;
    MainWindow *m_window;
    Config m_config;
    std::unique_ptr<PageCache> m_cache;
    std::unique_ptr<PageListSync> m_sync;
    std::unique_ptr<PageListModel> m_model;
    std::unique_ptr<ViewStatsFetcher> m_fetcher;
    std::unique_ptr<UnpublishFlow> m_unpublisher;
    QPointer<AccountPanel> m_panel;
    QPointer<PageListWidget> m_pageList;
    QPointer<StatsWidget> m_stats;
    QList<QPointer<QDockWidget>> m_docks;
    QPointer<QAction> m_backup;
    QPointer<BackupDialog> m_backupDialog;
    QPointer<QAction> m_refresh;
    QPointer<QAction> m_unpublishAction;
    NoticeAsker m_askNotice;
    QString m_noAccountMessage; ///< shown while there is no account yet
};

} // namespace tg
