// SPDX-License-Identifier: MIT
#pragma once

#include "api/accountstore.h"
#include "api/apirequests.h"

#include <QUrl>
#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QPushButton;

namespace tg {

class TelegraphClient;

/// The accounts panel: the saved Telegraph accounts (one per channel or pen name), with
/// create, import by token (checked with getAccountInfo), edit, page count, "log in on
/// telegra.ph" (a fresh auth_url opened in the browser), revoke (after a confirmation; the
/// stored token is replaced) and local removal. Selecting an account makes it current.
class AccountPanel : public QWidget
{
    Q_OBJECT
public:
    /// Neither is owned.
    AccountPanel(TelegraphClient *client, AccountStore *store, QWidget *parent = nullptr);

    /// How URLs are opened (default: QDesktopServices); tests replace it.
    void setUrlOpener(std::function<void(const QUrl &)> opener) { m_openUrl = std::move(opener); }
    /// How a yes/no confirmation is asked (default: a QMessageBox); tests replace it.
    void setConfirmer(std::function<bool(const QString &)> confirm)
    {
        m_confirm = std::move(confirm);
    }

    QListWidget *list() const { return m_list; }
    QLabel *infoLabel() const { return m_info; }
    QString currentName() const { return m_current; }
    QString currentToken() const { return m_token; }

    /// Re-reads the saved accounts.
    void reload();
    /// Makes an account current: reads its token, then currentAccountChanged().
    void selectAccount(const QString &name);

    /// Creates a Telegraph account and saves it under `name`.
    void createAccount(const QString &name, const CreateAccountRequest &request);
    /// Checks a token with getAccountInfo and saves the account under `name`.
    void importAccount(const QString &name, const QString &token);
    /// Changes the current account's short name, author name or URL.
    void editCurrent(const EditAccountRequest &request);
    /// Fetches the current account's fields and page count.
    void refreshInfo();
    /// Gets a fresh auth_url for the current account and opens it.
    void openLogin();
    /// Revokes the current token after a confirmation and stores the new one.
    void revokeCurrent();
    /// Forgets the current account on this computer after a confirmation.
    void removeCurrent();

Q_SIGNALS:
    /// Another account is current (an empty name: none); the page list and the author defaults
    /// of new drafts follow it.
    void currentAccountChanged(const tg::SavedAccount &account, const QString &token);
    /// An operation ended; `message` says what happened (shown in the panel too).
    void operationFinished(bool ok, const QString &message);

private:
    void finish(bool ok, const QString &message);
    void showCreateDialog();
    void showImportDialog();
    void showEditDialog();
    void updateButtons();

    TelegraphClient *m_client;
    AccountStore *m_store;
    QString m_current;
    QString m_token;
    QListWidget *m_list;
    QLabel *m_info;
    QLabel *m_status;
    QPushButton *m_create;
    QPushButton *m_import;
    QPushButton *m_edit;
    QPushButton *m_login;
    QPushButton *m_revoke;
    QPushButton *m_remove;
    std::function<void(const QUrl &)> m_openUrl;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace tg
