// SPDX-License-Identifier: MIT
#include "api/filesecretstore.h"

#include "api/ownerfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace tg {

FileSecretStore::FileSecretStore(const QString &filePath, QObject *parent)
    : SecretStore(parent)
    , m_path(filePath)
{}

bool FileSecretStore::load(QJsonObject &out, QString *error) const
{
    QFile f(m_path);
    if (!f.exists()) {
        out = {};
        return true;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(m_path, f.errorString());
        return false;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isObject()) {
        *error = tr("%1 is not a secrets file").arg(m_path);
        return false;
    }
    out = doc.object();
    return true;
}

bool FileSecretStore::save(const QJsonObject &secrets, QString *error) const
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!makeOwnerOnlyPath(dir)) {
        *error = tr("Cannot create %1").arg(dir);
        return false;
    }
    const QByteArray data = QJsonDocument(secrets).toJson(QJsonDocument::Indented);
    return writeOwnerOnlyFile(m_path, data, error);
}

void FileSecretStore::readSecret(const QString &key, Callback callback)
{
    Result r;
    QJsonObject secrets;
    if (!load(secrets, &r.message)) {
        r.status = Status::Error;
    } else if (!secrets.value(key).isString()) {
        r.status = Status::NotFound;
        r.message = tr("No secret is stored for %1").arg(key);
    } else {
        r.secret = secrets.value(key).toString();
    }
    deliver(std::move(callback), r);
}

void FileSecretStore::writeSecret(const QString &key, const QString &secret, Callback callback)
{
    Result r;
    QJsonObject secrets;
    if (!load(secrets, &r.message)) {
        r.status = Status::Error;
    } else {
        secrets.insert(key, secret);
        if (!save(secrets, &r.message))
            r.status = Status::Error;
    }
    deliver(std::move(callback), r);
}

void FileSecretStore::removeSecret(const QString &key, Callback callback)
{
    Result r;
    QJsonObject secrets;
    if (!load(secrets, &r.message)) {
        r.status = Status::Error;
    } else if (secrets.contains(key)) {
        secrets.remove(key);
        if (!save(secrets, &r.message))
            r.status = Status::Error;
    }
    deliver(std::move(callback), r);
}

void FileSecretStore::checkAvailable(Callback callback)
{
    Result r;
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!makeOwnerOnlyPath(dir)) {
        r.status = Status::Error;
        r.message = tr("Cannot create %1").arg(dir);
    }
    deliver(std::move(callback), r);
}

} // namespace tg
