// SPDX-License-Identifier: MIT
#pragma once

#include "api/accountstore.h"
#include "api/apirequests.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QSettings;

namespace tg {

class AccountJob;
struct Account;
class TelegraphClient;

/// The saved Telegraph accounts of one server and the current one: the accounts (AccountStore
/// over a SecretStore), the current account and its token — the one copy besides the
/// TelegraphClient it sets — and the account operations: create, import by token (checked with
/// getAccountInfo), edit, a login link, revoke, remove and refresh. The current account is
/// remembered in the settings. Signals name accounts, never tokens. One operation runs at a
/// time (a refresh of the details aside): another one asked meanwhile is refused with a message.
class AccountManager : public QObject
{
    Q_OBJECT
public:
    /// What an operation was (operationFinished).
    enum class Operation
    {
        Select,
        Create,
        Import,
        Edit,
        Login,
        Revoke,
        Remove,
        Refresh
    };
    Q_ENUM(Operation)

    /// The current account's details as the server last reported them (refreshInfo).
    struct Info
    {
        bool known = false; ///< a refresh succeeded for the current account
        QString shortName;
        QString authorName;
        qint64 pageCount = -1;
        QString error; ///< why the last refresh failed (empty: it did not)
    };

    /// Neither `client` nor `secrets` nor `settings` is owned; accounts.json lives in
    /// `accountsDir`.
    AccountManager(TelegraphClient *client, SecretStore *secrets, const QString &accountsDir,
                   QSettings *settings, QObject *parent = nullptr);
    ~AccountManager() override;

    AccountStore *store() const { return m_store.get(); }
    TelegraphClient *client() const { return m_client; }
    /// The saved accounts sorted by name.
    QList<SavedAccount> accounts(QString *error = nullptr) const;
    /// The current account (an empty name: none).
    SavedAccount currentAccount() const { return m_current; }
    QString currentName() const { return m_current.name; }
    const Info &info() const { return m_info; }
    /// An operation other than a refresh is running.
    bool isBusy() const { return m_busy; }

    /// Makes the account remembered in the settings (else the first one) current; false when
    /// there is no saved account.
    bool restoreCurrent();
    /// Reads an account's token and makes it current.
    void selectAccount(const QString &name);
    /// Creates a Telegraph account, saves it under `name` and makes it current.
    void createAccount(const QString &name, const CreateAccountRequest &request);
    /// Checks a token with getAccountInfo, saves the account under `name`, makes it current.
    void importAccount(const QString &name, const QString &token);
    /// Changes the current account's short name, author name or URL.
    void editCurrent(const EditAccountRequest &request);
    /// Gets a fresh one-time login link (auth_url) for the current account: loginLinkReady().
    void requestLoginLink();
    /// Revokes the current token; the new one replaces it in the store and the client.
    void revokeCurrent();
    /// Forgets the current account on this computer (the account stays on Telegraph).
    void removeCurrent();
    /// Fetches the current account's details and page count (info()).
    void refreshInfo();

Q_SIGNALS:
    /// Another account is current, or the current one's fields changed (empty name: none).
    void currentAccountChanged(const tg::SavedAccount &account);
    /// An account was saved, changed or removed.
    void accountsChanged();
    /// An operation ended, once per call; `message` says what happened (may be empty for a
    /// successful selection or refresh).
    void operationFinished(tg::AccountManager::Operation operation, bool ok,
                           const QString &message);
    /// An operation started or ended (refreshes aside).
    void busyChanged(bool busy);
    /// The login link requestLoginLink() asked for (valid for 5 minutes; open it, do not keep
    /// it).
    void loginLinkReady(const QUrl &url);

private:
    bool begin(Operation operation, const QString &subject);
    void finish(Operation operation, bool ok, const QString &message);
    bool checkNewName(Operation operation, const QString &name);
    /// Saves a new account with its token, then makes it current; ends `operation`.
    void saveNew(Operation operation, const QString &name, const Account &account,
                 const QString &token, const QString &done);
    /// Makes an account current with its token (the client's token too).
    void adopt(const SavedAccount &account, const QString &token);
    /// The one place a revoked token is replaced: the client now, then the store.
    void replaceToken(const SavedAccount &account, const QString &fresh);
    void connectJob(AccountJob *job, std::function<void(AccountJob *)> done);

    TelegraphClient *m_client;
    QSettings *m_settings;
    std::unique_ptr<AccountStore> m_store;
    SavedAccount m_current;
    QString m_token;
    Info m_info;
    bool m_busy = false;
    quint64 m_generation = 0; ///< counts account changes; stale refreshes are recognised
};

} // namespace tg
