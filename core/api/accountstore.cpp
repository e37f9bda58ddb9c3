// SPDX-License-Identifier: MIT
#include "api/accountstore.h"

#include "api/ownerfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace tg {

QString AccountStore::sharedDirectory()
{
    const QString env = qEnvironmentVariable("TELEGRAPH_CONFIG_DIR");
    if (!env.isEmpty())
        return env;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("telegraph-desktop/telegraph"));
}

AccountStore::AccountStore(const QString &directory, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_dir(directory)
    , m_secrets(secrets)
{}

QString AccountStore::filePath() const
{
    return QDir(m_dir).filePath(QStringLiteral("accounts.json"));
}

bool AccountStore::isValidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return re.match(name).hasMatch();
}

QString AccountStore::secretKey(const QString &name)
{
    return QStringLiteral("account/") + name;
}

QList<SavedAccount> AccountStore::accounts(QString *error) const
{
    QList<SavedAccount> out;
    QFile f(filePath());
    if (!f.exists())
        return out;
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(filePath(), f.errorString());
        return out;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isObject()) {
        if (error)
            *error = tr("%1 is damaged (not a JSON object)").arg(filePath());
        return out;
    }
    const QJsonArray arr = doc.object().value(QLatin1String("accounts")).toArray();
    for (const QJsonValue &v : arr) {
        const QJsonObject o = v.toObject();
        SavedAccount a;
        a.name = o.value(QLatin1String("name")).toString();
        if (!isValidName(a.name))
            continue;
        a.shortName = o.value(QLatin1String("short_name")).toString();
        a.authorName = o.value(QLatin1String("author_name")).toString();
        a.authorUrl = o.value(QLatin1String("author_url")).toString();
        a.apiUrl = o.value(QLatin1String("api_url")).toString();
        a.secretBackend = o.value(QLatin1String("secret_backend")).toString();
        a.savedAt =
            QDateTime::fromString(o.value(QLatin1String("saved_at")).toString(), Qt::ISODate);
        out.append(a);
    }
    std::sort(out.begin(), out.end(),
              [](const SavedAccount &a, const SavedAccount &b) { return a.name < b.name; });
    return out;
}

std::optional<SavedAccount> AccountStore::account(const QString &name) const
{
    const auto all = accounts();
    for (const SavedAccount &a : all) {
        if (a.name == name)
            return a;
    }
    return std::nullopt;
}

bool AccountStore::writeAll(const QList<SavedAccount> &accounts, QString *error) const
{
    if (!makeOwnerOnlyPath(m_dir)) {
        *error = tr("Cannot create %1").arg(m_dir);
        return false;
    }
    QJsonArray arr;
    for (const SavedAccount &a : accounts) {
        QJsonObject o;
        o.insert(QLatin1String("name"), a.name);
        o.insert(QLatin1String("short_name"), a.shortName);
        o.insert(QLatin1String("author_name"), a.authorName);
        o.insert(QLatin1String("author_url"), a.authorUrl);
        if (!a.apiUrl.isEmpty())
            o.insert(QLatin1String("api_url"), a.apiUrl);
        o.insert(QLatin1String("secret_backend"), a.secretBackend);
        o.insert(QLatin1String("saved_at"), a.savedAt.toUTC().toString(Qt::ISODate));
        arr.append(o);
    }
    QJsonObject root;
    root.insert(QLatin1String("accounts"), arr);
    // The list names the accounts (not their tokens): still the owner's business only.
    return writeOwnerOnlyFile(filePath(), QJsonDocument(root).toJson(QJsonDocument::Indented),
                              error);
}

bool AccountStore::saveRecord(const SavedAccount &account, QString *error)
{
    if (!isValidName(account.name)) {
        *error = tr("'%1' is not a valid account name (letters, digits, '.', '_', '-')")
                     .arg(account.name);
        return false;
    }
    QString readError;
    QList<SavedAccount> all = accounts(&readError);
    if (!readError.isEmpty()) {
        *error = readError;
        return false;
    }
    all.removeIf([&](const SavedAccount &a) { return a.name == account.name; });
    SavedAccount copy = account;
    if (!copy.savedAt.isValid())
        copy.savedAt = QDateTime::currentDateTimeUtc();
    all.append(copy);
    return writeAll(all, error);
}

void AccountStore::save(const SavedAccount &account, const QString &token,
                        SecretStore::Callback callback)
{
    if (!isValidName(account.name)) {
        SecretStore::Result r;
        r.status = SecretStore::Status::Error;
        r.message = tr("'%1' is not a valid account name (letters, digits, '.', '_', '-')")
                        .arg(account.name);
        QMetaObject::invokeMethod(
            this, [callback, r] { callback(r); }, Qt::QueuedConnection);
        return;
    }
    SavedAccount record = account;
    record.secretBackend = m_secrets->backendName();
    m_secrets->writeSecret(secretKey(account.name), token,
                           [this, record, callback](const SecretStore::Result &r) {
                               if (!r.ok()) {
                                   callback(r);
                                   return;
                               }
                               SecretStore::Result out;
                               if (!saveRecord(record, &out.message))
                                   out.status = SecretStore::Status::Error;
                               callback(out);
                           });
}

void AccountStore::readToken(const QString &name, SecretStore::Callback callback)
{
    m_secrets->readSecret(secretKey(name), std::move(callback));
}

void AccountStore::remove(const QString &name, SecretStore::Callback callback)
{
    QString error;
    QList<SavedAccount> all = accounts(&error);
    SecretStore::Result r;
    if (error.isEmpty()) {
        all.removeIf([&](const SavedAccount &a) { return a.name == name; });
        if (!writeAll(all, &error)) {
            r.status = SecretStore::Status::Error;
            r.message = error;
        }
    } else {
        r.status = SecretStore::Status::Error;
        r.message = error;
    }
    m_secrets->removeSecret(secretKey(name), [callback, r](const SecretStore::Result &sr) {
        callback(r.ok() ? sr : r);
    });
}

} // namespace tg
