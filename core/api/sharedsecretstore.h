// SPDX-License-Identifier: MIT
#pragma once

#include "api/secretstore.h"

#include <QList>
#include <QPointer>

namespace tg {

class FileSecretStore;
class KeychainSecretStore;

/// The one secret store the desktop app and the `telegraph` tool share, keyed the same way:
/// reads ask the primary store (the one the user chose), then the OS keychain, then the 0600
/// token file, so a secret saved by either program is found by the other. Writes go to the
/// primary only (none until one is chosen: the file is used only after an explicit choice), and
/// remove stale copies of the key from the other places so one value is the truth.
class SharedSecretStore : public SecretStore
{
    Q_OBJECT
public:
    /// `directory` holds the token file (AccountStore::sharedDirectory() for the real ones);
    /// `service` names the keychain entries.
    explicit SharedSecretStore(const QString &directory,
                               const QString &service = QStringLiteral("telegraph-desktop"),
                               QObject *parent = nullptr);
    ~SharedSecretStore() override;

    KeychainSecretStore *keychain() const { return m_keychain; }
    FileSecretStore *file() const { return m_file; }
    /// Where writes go: the keychain, the file, a session-only store (not owned), or null.
    SecretStore *primary() const { return m_primary; }
    void setPrimary(SecretStore *store) { m_primary = store; }

    /// The primary's name ("keychain", "file", "memory"), or "none" before one is chosen.
    QString backendName() const override;
    bool isPersistent() const override;
    void readSecret(const QString &key, Callback callback) override;
    void writeSecret(const QString &key, const QString &secret, Callback callback) override;
    void removeSecret(const QString &key, Callback callback) override;
    /// The primary's check; an error before one is chosen.
    void checkAvailable(Callback callback) override;

private:
    using Places = QList<QPointer<SecretStore>>;
    /// The primary first, then the keychain, then the file, each once.
    QList<SecretStore *> layers() const;
    /// layers(), guarded: a place that goes away while a read or removal runs is passed over.
    Places places() const;
    void readFrom(Places rest, const QString &key, Result firstProblem, Callback callback);
    void removeFrom(Places rest, const QString &key, Result outcome, Callback callback);
    Result noPrimary() const;
    /// Whether a failed answer of one place should be reported rather than passed over.
    bool isProblem(const SecretStore *store, const Result &r) const;

    KeychainSecretStore *m_keychain;
    FileSecretStore *m_file;
    QPointer<SecretStore> m_primary;
};

} // namespace tg
