// SPDX-License-Identifier: MIT
#include "workflow/settingssecrets.h"

#include "api/secretstore.h"
#include "workflow/appsettings.h"

#include <QCoreApplication>
#include <QSettings>

#include <algorithm>

namespace tg::settingssecrets {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(tg::SettingsSecrets)
};

/// A name for a secret's key in messages ("the proxy password", "the image host's X-Api-Key").
QString describe(const QString &key)
{
    if (key == ServerChoice::proxyPasswordKey())
        return Text::tr("the proxy password");
    return Text::tr("the image host's %1").arg(key.section(QLatin1Char('/'), 2));
}

} // namespace

QList<Secret> plainSecrets(const QSettings &settings)
{
    QList<Secret> out = ImageHostConfig::load(settings).plainSecrets();
    const ServerChoice server = ServerChoice::load(settings);
    const QString password = server.plainProxyPassword();
    if (!password.isEmpty())
        out.append({ServerChoice::proxyPasswordKey(), password});
    return out;
}

bool storeNow(SecretStore *store, const QList<Secret> &secrets, QString *error)
{
    for (const Secret &s : secrets) {
        if (!store) {
            *error = Text::tr("Cannot keep %1: no keychain or token file has been chosen to "
                              "hold secrets.")
                         .arg(describe(s.key));
            return false;
        }
        SecretStore::Result r = store->writeSecretSync(s.key, s.value);
        if (r.ok()) {
            r = store->readSecretSync(s.key);
            if (r.ok() && r.secret != s.value) {
                r.status = SecretStore::Status::Error;
                r.message = Text::tr("the value read back differs");
            }
        }
        if (!r.ok()) {
            *error = Text::tr("Cannot keep %1 in the %2: %3")
                         .arg(describe(s.key), store->backendName(), r.message);
            return false;
        }
    }
    return true;
}

Migration::Migration(QSettings *settings, SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_store(store)
{}

void Migration::start()
{
    m_pending = plainSecrets(*m_settings);
    m_verified.clear();
    m_problems.clear();
    QMetaObject::invokeMethod(this, &Migration::next, Qt::QueuedConnection);
}

void Migration::next()
{
    if (m_pending.isEmpty() || !m_store) {
        apply();
        return;
    }
    const Secret s = m_pending.takeFirst();
    QPointer<Migration> self(this);
    m_store->writeSecret(s.key, s.value, [self, s](const SecretStore::Result &w) {
        if (!self)
            return;
        if (!w.ok() || !self->m_store) {
            self->m_problems
                << Text::tr("%1 stays in the settings file: %2").arg(describe(s.key), w.message);
            self->next();
            return;
        }
        self->m_store->readSecret(s.key, [self, s](const SecretStore::Result &r) {
            if (!self)
                return;
            if (r.ok() && r.secret == s.value)
                self->m_verified << s;
            else
                self->m_problems << Text::tr("%1 stays in the settings file: it could not be "
                                             "read back from the keychain (%2)")
                                        .arg(describe(s.key),
                                             r.ok() ? Text::tr("it differs") : r.message);
            self->next();
        });
    });
}

void Migration::apply()
{
    // Only values that are still the ones verified are replaced (the settings may have changed
    // meanwhile).
    const QList<Secret> now = plainSecrets(*m_settings);
    QStringList imageKeys;
    bool proxy = false;
    int moved = 0;
    for (const Secret &v : std::as_const(m_verified)) {
        const bool unchanged = std::any_of(now.cbegin(), now.cend(), [&v](const Secret &n) {
            return n.key == v.key && n.value == v.value;
        });
        if (!unchanged)
            continue;
        ++moved;
        if (v.key == ServerChoice::proxyPasswordKey())
            proxy = true;
        else
            imageKeys << v.key;
    }
    if (!imageKeys.isEmpty())
        ImageHostConfig::load(*m_settings).withStored(imageKeys).save(*m_settings);
    if (proxy)
        ServerChoice::load(*m_settings).withProxyPasswordStored().save(*m_settings);
    m_settings->sync();
    Q_EMIT finished(moved, m_problems);
}

} // namespace tg::settingssecrets
