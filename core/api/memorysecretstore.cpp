// SPDX-License-Identifier: MIT
#include "api/memorysecretstore.h"

namespace tg {

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{}

void MemorySecretStore::readSecret(const QString &key, Callback callback)
{
    Result r;
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend()) {
        r.status = Status::NotFound;
        r.message = tr("No secret is stored for %1").arg(key);
    } else {
        r.secret = *it;
    }
    deliver(std::move(callback), r);
}

void MemorySecretStore::writeSecret(const QString &key, const QString &secret, Callback callback)
{
    m_secrets.insert(key, secret);
    deliver(std::move(callback), Result{});
}

void MemorySecretStore::removeSecret(const QString &key, Callback callback)
{
    m_secrets.remove(key);
    deliver(std::move(callback), Result{});
}

void MemorySecretStore::checkAvailable(Callback callback)
{
    deliver(std::move(callback), Result{});
}

} // namespace tg
