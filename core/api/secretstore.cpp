// SPDX-License-Identifier: MIT
#include "api/secretstore.h"

#include <QEventLoop>
#include <QTimer>

#include <memory>

namespace tg {

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{}

void SecretStore::deliver(Callback callback, const Result &result)
{
    QTimer::singleShot(0, this, [callback = std::move(callback), result] { callback(result); });
}

namespace {

template<typename Start> SecretStore::Result runSync(Start start)
{
    QEventLoop loop;
    auto result = std::make_shared<SecretStore::Result>();
    auto done = std::make_shared<bool>(false);
    start([&loop, result, done](const SecretStore::Result &r) {
        *result = r;
        *done = true;
        loop.quit();
    });
    if (!*done)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return *result;
}

} // namespace

SecretStore::Result SecretStore::readSecretSync(const QString &key)
{
    return runSync([&](Callback cb) { readSecret(key, std::move(cb)); });
}

SecretStore::Result SecretStore::writeSecretSync(const QString &key, const QString &secret)
{
    return runSync([&](Callback cb) { writeSecret(key, secret, std::move(cb)); });
}

SecretStore::Result SecretStore::removeSecretSync(const QString &key)
{
    return runSync([&](Callback cb) { removeSecret(key, std::move(cb)); });
}

SecretStore::Result SecretStore::checkAvailableSync()
{
    return runSync([&](Callback cb) { checkAvailable(std::move(cb)); });
}

} // namespace tg
