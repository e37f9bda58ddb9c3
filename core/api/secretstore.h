// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace tg {

/// What settings.ini keeps in place of a secret that lives in the secret store.
inline QString storedSecretMarker()
{
    return QStringLiteral("[stored in keychain]");
}

/// Where access tokens live. Asynchronous (the OS keychain answers later); the callback always
/// runs, from the event loop, exactly once. Implementations: KeychainSecretStore (the OS
/// keychain), MemorySecretStore (this session only), FileSecretStore (a 0600 file, opt-in).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Ok,
        NotFound,     ///< no secret under this key
        NoBackend,    ///< no keychain works on this system (QtKeychain error 7)
        AccessDenied, ///< the user or the system refused
        Error,        ///< anything else; see message
    };

    /// The outcome of one operation.
    struct Result
    {
        Status status = Status::Ok;
        QString secret;  ///< for reads
        QString message; ///< for errors, user-facing, never the secret
        bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(const Result &)>;

    explicit SecretStore(QObject *parent = nullptr);

    /// A short name for messages ("keychain", "memory", "file").
    virtual QString backendName() const = 0;
    /// Whether secrets survive the process (memory: no).
    virtual bool isPersistent() const = 0;

    virtual void readSecret(const QString &key, Callback callback) = 0;
    virtual void writeSecret(const QString &key, const QString &secret, Callback callback) = 0;
    virtual void removeSecret(const QString &key, Callback callback) = 0;
    /// Checks that the store works at all; NoBackend when no keychain is available.
    virtual void checkAvailable(Callback callback) = 0;

    /// Blocking forms for command-line use: run a local event loop until the callback.
    Result readSecretSync(const QString &key);
    Result writeSecretSync(const QString &key, const QString &secret);
    Result removeSecretSync(const QString &key);
    Result checkAvailableSync();

protected:
    /// Runs a callback from the event loop (the contract: never synchronously).
    void deliver(Callback callback, const Result &result);
};

} // namespace tg
