// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

class QSettings;

namespace tg {

/// File → Recent Files: the last files opened or imported, newest first, kept in the settings
/// (at most maxFiles(), each once).
class RecentFiles
{
public:
    /// Reads and writes `settings` (not owned).
    explicit RecentFiles(QSettings *settings);

    static int maxFiles() { return 8; }
    QStringList files() const;
    /// Puts `path` (made absolute) first.
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

private:
    void store(const QStringList &files);
    QSettings *m_settings;
};

} // namespace tg
