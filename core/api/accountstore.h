// SPDX-License-Identifier: MIT
#pragma once

#include "api/secretstore.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace tg {

/// A saved account's non-secret fields (its token lives in a SecretStore).
struct SavedAccount
{
    QString name; ///< the user's name for it ("work", "blog")
    QString shortName;
    QString authorName;
    QString authorUrl;
    QString apiUrl;        ///< the server it belongs to (empty = default)
    QString secretBackend; ///< backendName() of the store holding the token
    QDateTime savedAt;
};

/// The registry of saved accounts: `accounts.json` in a directory for the non-secret fields,
/// tokens in the given SecretStore under "account/<name>". Shared by the app and the CLI.
class AccountStore : public QObject
{
    Q_OBJECT
public:
    AccountStore(const QString &directory, SecretStore *secrets, QObject *parent = nullptr);

    QString filePath() const;
    /// The folder the `telegraph` command-line tool and the desktop app share for saved
    /// accounts: $TELEGRAPH_CONFIG_DIR when set, else <config>/telegraph-desktop/telegraph.
    static QString sharedDirectory();
    /// File name of the 0600 token file used where no keychain works.
    static QString tokenFileName() { return QStringLiteral("tokens.json"); }
    SecretStore *secrets() const { return m_secrets; }

    /// The saved accounts sorted by name; empty when the file does not exist.
    QList<SavedAccount> accounts(QString *error = nullptr) const;
    std::optional<SavedAccount> account(const QString &name) const;

    /// Whether a name is usable: 1–64 letters, digits, '.', '_' or '-'.
    static bool isValidName(const QString &name);
    /// The key of an account's token in the SecretStore.
    static QString secretKey(const QString &name);

    /// Saves the token in the SecretStore first, then the record (atomically); the callback gets
    /// the first failure. The record's secretBackend is set to the store's backend.
    void save(const SavedAccount &account, const QString &token, SecretStore::Callback callback);
    /// Reads an account's token.
    void readToken(const QString &name, SecretStore::Callback callback);
    /// Removes the record and the token.
    void remove(const QString &name, SecretStore::Callback callback);

    /// Writes only the record (no token), e.g. after editAccountInfo.
    bool saveRecord(const SavedAccount &account, QString *error);

private:
    bool writeAll(const QList<SavedAccount> &accounts, QString *error) const;

    QString m_dir;
    SecretStore *m_secrets;
};

} // namespace tg
