// SPDX-License-Identifier: MIT
#include "api/sharedsecretstore.h"

#include "api/accountstore.h"
#include "api/filesecretstore.h"
#include "api/keychainsecretstore.h"

#include <QDir>

#include <algorithm>

namespace tg {

SharedSecretStore::SharedSecretStore(const QString &directory, const QString &service,
                                     QObject *parent)
    : SecretStore(parent)
    , m_keychain(new KeychainSecretStore(service, this))
    , m_file(new FileSecretStore(QDir(directory).filePath(AccountStore::tokenFileName()), this))
{}

SharedSecretStore::~SharedSecretStore() = default;

QString SharedSecretStore::backendName() const
{
    return m_primary ? m_primary->backendName() : QStringLiteral("none");
}

bool SharedSecretStore::isPersistent() const
{
    return m_primary && m_primary->isPersistent();
}

namespace {

/// Whether two stores keep their secrets in the same place (e.g. two objects on one file).
bool samePlace(const SecretStore *a, const SecretStore *b)
{
    if (a == b)
        return true;
    const auto *fa = qobject_cast<const FileSecretStore *>(a);
    const auto *fb = qobject_cast<const FileSecretStore *>(b);
    return fa && fb && QDir::cleanPath(fa->filePath()) == QDir::cleanPath(fb->filePath());
}

} // namespace

QList<SecretStore *> SharedSecretStore::layers() const
{
    QList<SecretStore *> out;
    if (m_primary)
        out << m_primary.data();
    for (SecretStore *s :
         {static_cast<SecretStore *>(m_keychain), static_cast<SecretStore *>(m_file)}) {
        if (std::none_of(out.cbegin(), out.cend(),
                         [s](const SecretStore *o) { return samePlace(o, s); }))
            out << s;
    }
    return out;
}

bool SharedSecretStore::isProblem(const SecretStore *store, const Result &r) const
{
    if (r.ok() || r.status == Status::NotFound || r.status == Status::NoBackend)
        return false;
    if (store == m_keychain && store != m_primary)
        return r.status == Status::AccessDenied;
    return true;
}

SecretStore::Result SharedSecretStore::noPrimary() const
{
    Result r;
    r.status = Status::Error;
    r.message = tr("No place to keep secrets has been chosen yet");
    return r;
}

void SharedSecretStore::readSecret(const QString &key, Callback callback)
{
    Result none;
    none.status = Status::NotFound;
    none.message = tr("No secret is stored for %1").arg(key);
    readFrom(places(), key, none, std::move(callback));
}

SharedSecretStore::Places SharedSecretStore::places() const
{
    Places out;
    for (SecretStore *s : layers())
        out << QPointer<SecretStore>(s);
    return out;
}

void SharedSecretStore::readFrom(Places rest, const QString &key, Result firstProblem,
                                 Callback callback)
{
    while (!rest.isEmpty() && !rest.first())
        rest.removeFirst(); // a place that went away meanwhile
    if (rest.isEmpty()) {
        deliver(std::move(callback), firstProblem);
        return;
    }
    QPointer<SecretStore> store = rest.takeFirst();
    QPointer<SharedSecretStore> self(this);
    store->readSecret(key, [self, store, rest, key, firstProblem,
                            callback = std::move(callback)](const Result &r) mutable {
        if (!self)
            return; // the store is gone, and with it whoever asked
        if (r.ok()) {
            callback(r);
            return;
        }
        // A real problem (denied, a damaged file, the chosen store failing) is reported when no
        // other place has the secret; "not found" is not, nor is a keychain that does not
        // work here (it fails with a generic error without a Secret Service).
        if (self->isProblem(store, r) && firstProblem.status == Status::NotFound)
            firstProblem = r;
        self->readFrom(rest, key, firstProblem, std::move(callback));
    });
}

void SharedSecretStore::writeSecret(const QString &key, const QString &secret, Callback callback)
{
    if (!m_primary) {
        deliver(std::move(callback), noPrimary());
        return;
    }
    QPointer<SecretStore> primary = m_primary;
    primary->writeSecret(
        key, secret,
        [self = QPointer<SharedSecretStore>(this), key, primary,
         callback = std::move(callback)](const Result &r) mutable {
            if (!self)
                return; // the store is gone, and with it whoever asked
            if (!r.ok()) {
                callback(r);
                return;
            }
            // Older copies elsewhere would shadow or outlive the new value: drop them (not for a
            // session-only primary, whose value is gone when the program ends).
            Places others = self->places();
            others.removeAll(primary);
            if (!primary || !primary->isPersistent())
                others.clear();
            // A copy that cannot be dropped is read after the primary's: the write stands.
            self->removeFrom(others, key, r,
                             [r, callback = std::move(callback)](const Result &) { callback(r); });
        });
}

void SharedSecretStore::removeSecret(const QString &key, Callback callback)
{
    removeFrom(places(), key, Result{}, std::move(callback));
}

void SharedSecretStore::removeFrom(Places rest, const QString &key, Result outcome,
                                   Callback callback)
{
    while (!rest.isEmpty() && !rest.first())
        rest.removeFirst();
    if (rest.isEmpty()) {
        deliver(std::move(callback), outcome);
        return;
    }
    QPointer<SecretStore> store = rest.takeFirst();
    QPointer<SharedSecretStore> self(this);
    store->removeSecret(key, [self, store, rest, key, outcome,
                              callback = std::move(callback)](const Result &r) mutable {
        if (!self)
            return;
        if (self->isProblem(store, r) && outcome.ok())
            outcome = r;
        self->removeFrom(rest, key, outcome, std::move(callback));
    });
}

void SharedSecretStore::checkAvailable(Callback callback)
{
    if (!m_primary) {
        deliver(std::move(callback), noPrimary());
        return;
    }
    m_primary->checkAvailable(std::move(callback));
}

} // namespace tg
