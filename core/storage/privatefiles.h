// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <sys/types.h>

namespace tg {

/// Sets the process umask to 077 for its lifetime and restores the previous one, so files and
/// folders created meanwhile (by SQLite, QSettings, the sandbox server) are the owner's only.
/// The umask is process-wide: keep the scope short and around the code that creates files.
class PrivateUmask
{
public:
    PrivateUmask();
    ~PrivateUmask();
    PrivateUmask(const PrivateUmask &) = delete;
    PrivateUmask &operator=(const PrivateUmask &) = delete;

private:
    mode_t m_previous;
};

/// Creates the folder (its missing parents with the usual mode) as 0700, or tightens it to 0700
/// when it exists with a looser mode. False with a message naming the folder on failure.
bool makePrivateDir(const QString &path, QString *error = nullptr);

/// Creates an empty file with mode 0600 before anything writes content into it, or tightens an
/// existing one to 0600. False with a message naming the file on failure.
bool makePrivateFile(const QString &path, QString *error = nullptr);

/// Takes the group and other permission bits off every folder and file under path (path
/// included), at most depth levels down and at most maxEntries entries; symbolic links are left
/// alone. Returns the number of entries changed.
int tightenTree(const QString &path, int depth = 4, int maxEntries = 10000);

} // namespace tg
