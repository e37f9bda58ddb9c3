// SPDX-License-Identifier: MIT
#include "api/ownerfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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

} // namespace

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

bool writeOwnerOnlyFile(const QString &path, const QByteArray &data, QString *error)
{
#ifdef Q_OS_UNIX
    // Created owner-only by open(2) itself: there is never a moment when another user could
    // open the file, then renamed over the old one (atomic, like QSaveFile).
    const QByteArray finalName = QFile::encodeName(path);
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
        *error = QCoreApplication::translate("tg::FileSecretStore", "Cannot write %1: %2")
                     .arg(path, QString::fromLocal8Bit(strerror(failure)));
        ::unlink(tempName.constData());
        return false;
    }
    return true;
#else
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("tg::FileSecretStore", "Cannot write %1: %2")
                     .arg(path, f.errorString());
        return false;
    }
    f.setPermissions(OwnerOnly);
    f.write(data);
    if (!f.commit()) {
        *error = QCoreApplication::translate("tg::FileSecretStore", "Cannot write %1: %2")
                     .arg(path, f.errorString());
        return false;
    }
    QFile::setPermissions(path, OwnerOnly);
    return true;
#endif
}

} // namespace tg
