// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QSettings;

namespace tg {

class AccountManager;
class AccountWorkspace;
class Connection;
class DraftStore;
class MainWindow;
class SecretStore;
class SecretStoreChoice;
class SharedSecretStore;

/// The accounts of the desktop app's connection: settles where tokens are kept (the system
/// keychain, or the user's explicit choice when there is none; the sandbox's own token file),
/// moves the settings' secrets there, then builds the AccountManager and the AccountWorkspace
/// (with the legacy token of older settings, and an account of its own for the sandbox).
class AccountSetup : public QObject
{
    Q_OBJECT
public:
    /// Dependencies shared with the rest of the app; none is owned.
    struct Context
    {
        bool sandboxMode = false; ///< --sandbox: the sandbox never touches the keychain
        QString dataDir;
        QSettings *settings = nullptr;
        MainWindow *window = nullptr;
        DraftStore *drafts = nullptr;
        SharedSecretStore *secrets = nullptr;
        Connection *connection = nullptr;
    };

    explicit AccountSetup(const Context &context, QObject *parent = nullptr);
    ~AccountSetup() override;

    /// Settles where tokens are kept, then builds the workspace (nothing without a client, or
    /// when already done or under way).
    void setUp();
    /// Drops the workspace, the manager and the choice (before switching servers).
    void tearDown();

    /// Null until the place for tokens is settled, and without a server.
    AccountWorkspace *workspace() const { return m_workspace.get(); }
    AccountManager *manager() const { return m_manager.get(); }

Q_SIGNALS:
    /// The workspace was built and opened (its panels are in the window).
    void workspaceOpened(tg::AccountWorkspace *workspace);

private:
    void openWorkspace(SecretStore *secrets);
    /// Writes go to `store` from now on; secrets still in settings.ini move there.
    void onSecretStoreChosen(SecretStore *store);

    Context m_context;
    std::unique_ptr<SecretStore> m_fileSecrets;
    std::unique_ptr<SecretStoreChoice> m_secretChoice;
    std::unique_ptr<AccountManager> m_manager;
    std::unique_ptr<AccountWorkspace> m_workspace;
};

} // namespace tg
