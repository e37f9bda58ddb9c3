// SPDX-License-Identifier: MIT
#include "desktop/accountsetup.h"

#include "accounts/accountpanel.h"
#include "accounts/accountworkspace.h"
#include "accounts/secretstorechoice.h"
#include "api/accountstore.h"
#include "api/filesecretstore.h"
#include "api/keychainsecretstore.h"
#include "api/sharedsecretstore.h"
#include "api/telegraphclient.h"
#include "desktop/connection.h"
#include "storage/privatefiles.h"
#include "window/mainwindow.h"
#include "window/publishbar.h"
#include "workflow/accountmanager.h"
#include "workflow/settingssecrets.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

namespace tg {

AccountSetup::AccountSetup(const Context &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

AccountSetup::~AccountSetup() = default;

void AccountSetup::tearDown()
{
    m_workspace.reset();
    m_manager.reset();
    m_secretChoice.reset();
    m_context.secrets->setPrimary(nullptr);
    m_fileSecrets.reset();
}

void AccountSetup::setUp()
{
    if (!m_context.connection->client() || m_workspace || m_secretChoice)
        return;
    if (m_context.connection->sandboxServer()) {
        // The sandbox's accounts are worthless anywhere else: they and their tokens stay in the
        // sandbox's folder (tokens in a 0600 file), away from the real accounts.
        const QString dir = QDir(m_context.dataDir).filePath(QStringLiteral("sandbox-accounts"));
        makePrivateDir(dir);
        m_fileSecrets =
            std::make_unique<FileSecretStore>(QDir(dir).filePath(AccountStore::tokenFileName()));
        openWorkspace(m_fileSecrets.get());
        // The settings' secrets: with --sandbox in its token file like its tokens (the sandbox
        // never touches the keychain); with the sandbox chosen in the real settings, in the
        // keychain when one works.
        if (m_context.sandboxMode) {
            onSecretStoreChosen(m_context.secrets->file());
            return;
        }
        QPointer<SharedSecretStore> secrets = m_context.secrets;
        m_context.secrets->keychain()->checkAvailable(
            [this, secrets](const SecretStore::Result &r) {
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
    m_secretChoice = std::make_unique<SecretStoreChoice>(m_context.secrets->keychain(), dir);
    const QString rememberedKey = QStringLiteral("accounts/tokenStore");
    m_secretChoice->setAsker([this, rememberedKey](const QString &reason, const QString &file)
                                 -> std::optional<SecretStoreChoiceDialog::Choice> {
        // A file chosen before stays chosen (the user can delete it to be asked again).
        if (m_context.settings->value(rememberedKey).toString() == QLatin1String("file") &&
            QFileInfo::exists(file))
            return SecretStoreChoiceDialog::Choice::File;
        SecretStoreChoiceDialog dialog(reason, file, m_context.window);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        m_context.settings->setValue(rememberedKey,
                                     dialog.choice() == SecretStoreChoiceDialog::Choice::File
                                         ? QStringLiteral("file")
                                         : QStringLiteral("session"));
        return dialog.choice();
    });
    connect(m_secretChoice.get(), &SecretStoreChoice::chosen, this, [this](SecretStore *store) {
        // Reads still find what the `telegraph` tool saved elsewhere; writes go where chosen.
        onSecretStoreChosen(store);
        openWorkspace(m_context.secrets);
    });
    connect(m_secretChoice.get(), &SecretStoreChoice::declined, this, [this](const QString &why) {
        m_context.window->publishBar()->showMessage(
            tr("Accounts cannot be saved (%1). Restart the app to choose where to keep tokens.")
                .arg(why),
            true);
    });
    QTimer::singleShot(0, this, [this] {
        if (m_secretChoice)
            m_secretChoice->resolve(m_context.window);
    });
}

void AccountSetup::openWorkspace(SecretStore *secrets)
{
    AccountWorkspace::Config config;
    const bool sandbox = m_context.connection->sandboxServer() != nullptr;
    TelegraphClient *client = m_context.connection->client();
    QString accountsDir;
    if (sandbox) {
        accountsDir = QDir(m_context.dataDir).filePath(QStringLiteral("sandbox-accounts"));
        config.cachePrefix = QStringLiteral("sandbox:");
        config.legacyToken = m_context.settings->value(QStringLiteral("sandbox/token")).toString();
        config.legacyName = QStringLiteral("sandbox");
        config.createIfNone = true;
    } else {
        accountsDir = AccountStore::sharedDirectory();
        config.cachePrefix = client->settings().apiUrl.host() + QLatin1Char(':');
        config.legacyToken = m_context.settings->value(QStringLiteral("account/token")).toString();
        config.legacyName = QStringLiteral("default");
    }
    config.cacheFile = QDir(m_context.dataDir).filePath(QStringLiteral("pages.sqlite"));
    makePrivateFile(config.cacheFile);
    QDir().mkpath(accountsDir);
    m_manager = std::make_unique<AccountManager>(client, secrets, accountsDir, m_context.settings);
    m_workspace = std::make_unique<AccountWorkspace>(m_manager.get(), m_context.drafts,
                                                     m_context.settings, m_context.window, config);
    connect(m_workspace.get(), &AccountWorkspace::message, this,
            [this](const QString &text, bool error) {
                m_context.window->publishBar()->showMessage(text, error);
            });
    connect(m_workspace.get(), &AccountWorkspace::messageWithdrawn, this,
            [this](const QString &text) {
                // The message area has no call to take one message back: the general line's
                // own close button dismisses it, as the writer would, while it still says this.
                MessageLine *line = m_context.window->messages()->generalLine();
                if (!line->isHidden() && line->text() == text)
                    line->closeButton()->click();
            });
    connect(m_workspace.get(), &AccountWorkspace::legacyTokenSaved, this, [this, sandbox] {
        m_context.settings->remove(sandbox ? QStringLiteral("sandbox/token")
                                           : QStringLiteral("account/token"));
    });
    connect(m_workspace.get(), &AccountWorkspace::currentAccountChanged, this,
            [this](const QString &name) {
                if (!name.isEmpty())
                    m_context.window->statusBar()->showMessage(tr("Account: %1").arg(name), 5000);
            });
    QString error;
    if (!m_workspace->open(&error))
        m_context.window->publishBar()->showMessage(error, true);
    if (sandbox && m_workspace->accountPanel())
        m_workspace->accountPanel()->setLocalSandbox(true);
    Q_EMIT workspaceOpened(m_workspace.get());
}

void AccountSetup::onSecretStoreChosen(SecretStore *store)
{
    m_context.secrets->setPrimary(store);
    if (!store || !store->isPersistent())
        return; // secrets in settings.ini would be lost at the end of the session
    auto *migration = new settingssecrets::Migration(m_context.settings, m_context.secrets, this);
    connect(migration, &settingssecrets::Migration::finished, this,
            [this, migration](int moved, const QStringList &problems) {
                migration->deleteLater();
                // Later uploads read the moved keys from the store.
                if (moved > 0)
                    m_context.connection->renewImageHost();
                if (!problems.isEmpty())
                    m_context.window->publishBar()->showMessage(
                        tr("Some secrets are still in the settings file: %1")
                            .arg(problems.join(QStringLiteral("; "))),
                        true);
            });
    migration->start();
}

} // namespace tg
