// SPDX-License-Identifier: MIT
#pragma once

#include "workflow/accountmanager.h"

#include <QUrl>
#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QPushButton;

namespace tg {

/// The accounts panel, a view of an AccountManager: the saved Telegraph accounts (one per
/// channel or pen name), with create, import by token, edit, page count, "log in on
/// telegra.ph" (a fresh auth_url opened in the browser), revoke (after a confirmation) and local
/// removal (after a confirmation). Selecting an account makes it current. Holds no token.
class AccountPanel : public QWidget
{
    Q_OBJECT
public:
    /// `manager` is not owned.
    explicit AccountPanel(AccountManager *manager, QWidget *parent = nullptr);

    /// How URLs are opened (default: QDesktopServices); tests replace it.
    void setUrlOpener(std::function<void(const QUrl &)> opener) { m_openUrl = std::move(opener); }
    /// How a yes/no confirmation is asked (default: a QMessageBox); tests replace it.
    void setConfirmer(std::function<bool(const QString &)> confirm)
    {
        m_confirm = std::move(confirm);
    }

    /// The accounts are of the in-app local sandbox: telegra.ph does not know them, so logging
    /// in there is not offered (the button stays disabled, its tooltip says why).
    void setLocalSandbox(bool local);
    bool isLocalSandbox() const { return m_localSandbox; }

    AccountManager *manager() const { return m_manager; }
    QListWidget *list() const { return m_list; }
    QLabel *infoLabel() const { return m_info; }
    QLabel *statusLabel() const { return m_status; }
    QString currentName() const { return m_manager->currentName(); }

    /// Shows the outcome of the last operation under the account details, above the buttons (the
    /// whole text also as the tooltip); the buttons never move for it.
    void showStatus(const QString &text);
    /// Re-reads the saved accounts.
    void reload();
    /// Asks for a fresh login link and opens it.
    void openLogin();
    /// Revokes the current token after a confirmation.
    void revokeCurrent();
    /// Forgets the current account on this computer after a confirmation.
    void removeCurrent();
    /// Asks for a name and an access token, then imports that account (as Import… does).
    void showImportDialog();

private:
    void onFinished(AccountManager::Operation operation, bool ok, const QString &message);
    void showInfo();
    void showCreateDialog();
    void showEditDialog();
    void updateButtons();

    AccountManager *m_manager;
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
    bool m_localSandbox = false;
};

} // namespace tg
