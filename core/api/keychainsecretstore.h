// SPDX-License-Identifier: MIT
#pragma once

#include "api/secretstore.h"

namespace tg {

/// Secrets in the OS keychain through QtKeychain (Secret Service, macOS Keychain, Windows
/// Credential Manager). Never falls back to plain text: without a keychain every call reports
/// NoBackend, so callers can say so.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    /// `service` groups the entries (the application's name).
    explicit KeychainSecretStore(const QString &service = QStringLiteral("telegraph-desktop"),
                                 QObject *parent = nullptr);

    QString backendName() const override { return QStringLiteral("keychain"); }
    bool isPersistent() const override { return true; }
    void readSecret(const QString &key, Callback callback) override;
    void writeSecret(const QString &key, const QString &secret, Callback callback) override;
    void removeSecret(const QString &key, Callback callback) override;
    /// Reads a key that does not exist: "not found" means the keychain works.
    void checkAvailable(Callback callback) override;

private:
    QString m_service;
};

} // namespace tg
