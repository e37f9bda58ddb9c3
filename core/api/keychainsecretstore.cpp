// SPDX-License-Identifier: MIT
#include "api/keychainsecretstore.h"

#include <qt6keychain/keychain.h>

namespace tg {

namespace {

SecretStore::Result resultOf(const QKeychain::Job *job)
{
    SecretStore::Result r;
    switch (job->error()) {
    case QKeychain::NoError:
        return r;
    case QKeychain::EntryNotFound:
        r.status = SecretStore::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        r.status = SecretStore::Status::NoBackend;
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        r.status = SecretStore::Status::AccessDenied;
        break;
    default:
        r.status = SecretStore::Status::Error;
        break;
    }
    r.message = r.status == SecretStore::Status::NoBackend
                    ? KeychainSecretStore::tr("No keychain is available on this system (%1)")
                          .arg(job->errorString())
                    : job->errorString();
    return r;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{}

// The jobs have no parent: the keychain answers asynchronously and must find its job alive even
// when this store is gone (the answer is then dropped, as the connections end with the store).

void KeychainSecretStore::readSecret(const QString &key, Callback callback)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this,
            [callback = std::move(callback)](QKeychain::Job *j) {
                Result r = resultOf(j);
                if (r.ok())
                    r.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
                callback(r);
            });
    job->start();
}

void KeychainSecretStore::writeSecret(const QString &key, const QString &secret, Callback callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this,
            [callback = std::move(callback)](QKeychain::Job *j) { callback(resultOf(j)); });
    job->start();
}

void KeychainSecretStore::removeSecret(const QString &key, Callback callback)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this,
            [callback = std::move(callback)](QKeychain::Job *j) {
                Result r = resultOf(j);
                if (r.status == Status::NotFound)
                    r = Result{};
                callback(r);
            });
    job->start();
}

void KeychainSecretStore::checkAvailable(Callback callback)
{
    // Reading a key that does not exist: "not found" means the keychain answers. Without a
    // Secret Service QtKeychain reports OtherError (7) rather than NoBackendAvailable, so any
    // other failure of this probe means that no keychain works.
    readSecret(QStringLiteral("availability-probe"), [callback = std::move(callback)](Result r) {
        if (r.status == Status::NotFound) {
            r = Result{};
        } else if (r.status == Status::Error) {
            r.status = Status::NoBackend;
            r.message = tr("No keychain is available on this system (%1)").arg(r.message);
        }
        r.secret.clear();
        callback(r);
    });
}

} // namespace tg
