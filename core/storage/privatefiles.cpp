// SPDX-License-Identifier: MIT
#include "storage/privatefiles.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tg {

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Drops group and other bits; true when the mode was already private or could be made so.
bool tighten(const QByteArray &path, const struct stat &st, int *changed)
{
    if ((st.st_mode & 077) == 0)
        return true;
    if (::chmod(path.constData(), st.st_mode & 0700) != 0)
        return false;
    if (changed)
        ++*changed;
    return true;
}

void tightenBelow(const QString &path, int depth, int *budget, int *changed)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st;
    if (*budget <= 0 || ::lstat(native.constData(), &st) != 0 || S_ISLNK(st.st_mode))
        return;
    --*budget;
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
        return;
    tighten(native, st, changed);
    if (!S_ISDIR(st.st_mode) || depth <= 0)
        return;
    const QStringList entries =
        QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : entries) {
        if (*budget <= 0)
            return;
        tightenBelow(QDir(path).filePath(name), depth - 1, budget, changed);
    }
}

} // namespace

PrivateUmask::PrivateUmask()
    : m_previous(::umask(077))
{}

PrivateUmask::~PrivateUmask()
{
    ::umask(m_previous);
}

bool makePrivateDir(const QString &path, QString *error)
{
    const QString clean = QDir::cleanPath(path);
    const QString parent = QFileInfo(clean).absolutePath();
    if (!QDir().mkpath(parent)) {
        if (error)
            *error = QStringLiteral("cannot create the folder %1").arg(parent);
        return false;
    }
    const QByteArray native = QFile::encodeName(clean);
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST) {
        if (error)
            *error = QStringLiteral("cannot create the folder %1: %2").arg(clean, systemError());
        return false;
    }
    struct stat st;
    if (::stat(native.constData(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        if (error)
            *error = QStringLiteral("%1 is not a folder").arg(clean);
        return false;
    }
    if (!tighten(native, st, nullptr)) {
        if (error)
            *error =
                QStringLiteral("cannot make the folder %1 private: %2").arg(clean, systemError());
        return false;
    }
    return true;
}

bool makePrivateFile(const QString &path, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st;
    if (::lstat(native.constData(), &st) == 0) {
        if (S_ISREG(st.st_mode) && tighten(native, st, nullptr))
            return true;
        if (error)
            *error =
                S_ISREG(st.st_mode)
                    ? QStringLiteral("cannot make the file %1 private: %2").arg(path, systemError())
                    : QStringLiteral("%1 is not a regular file").arg(path);
        return false;
    }
    const int fd =
        ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (error)
            *error = QStringLiteral("cannot create the file %1: %2").arg(path, systemError());
        return false;
    }
    ::close(fd);
    return true;
}

int tightenTree(const QString &path, int depth, int maxEntries)
{
    int budget = maxEntries;
    int changed = 0;
    tightenBelow(path, depth, &budget, &changed);
    return changed;
}

} // namespace tg
