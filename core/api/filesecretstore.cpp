// SPDX-License-Identifier: MIT
#include "filesecretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace tg {

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

/// Creates the missing folders of `path`, each readable only by the user (existing ones are
/// left as they are).
bool makeOwnerOnlyPath(const QString &path)
{
    const QString clean = QDir::cleanPath(QDir(path).absolutePath());
    if (QFileInfo(clean).isDir())
        return true;
    const QString parent = QFileInfo(clean).absolutePath();
    if (parent != clean && !makeOwnerOnlyPath(parent))
        return false;
    return QDir().mkdir(clean, OwnerOnly | QFileDevice::ExeOwner) || QFileInfo(clean).isDir();
}

} // namespace

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
#ifdef Q_OS_UNIX
    // Created owner-only by open(2) itself: there is never a moment when another user could
    // open the file, then renamed over the old one (atomic, like QSaveFile).
    const QByteArray finalName = QFile::encodeName(m_path);
    const QByteArray tempName =
        finalName + ".tmp-" + QByteArray::number(QCoreApplication::applicationPid());
    // A temporary left behind by a crash may be open elsewhere: never reuse it.
    ::unlink(tempName.constData());
    const int fd = ::open(tempName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    int failure = fd < 0 ? errno : 0;
    qsizetype done = 0;
    while (failure == 0 && done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            failure = n < 0 ? errno : EIO;
        else
            done += n;
    }
    if (failure == 0 && ::fsync(fd) != 0)
        failure = errno;
    if (fd >= 0 && ::close(fd) != 0 && failure == 0)
        failure = errno;
    if (failure == 0 && ::rename(tempName.constData(), finalName.constData()) != 0)
        failure = errno;
    if (failure != 0) {
        *error = tr("Cannot write %1: %2").arg(m_path, QString::fromLocal8Bit(strerror(failure)));
        ::unlink(tempName.constData());
        return false;
    }
    return true;
#else
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(m_path, f.errorString());
        return false;
    }
    f.setPermissions(OwnerOnly);
    f.write(data);
    if (!f.commit()) {
        *error = tr("Cannot write %1: %2").arg(m_path, f.errorString());
        return false;
    }
    QFile::setPermissions(m_path, OwnerOnly);
    return true;
#endif
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
