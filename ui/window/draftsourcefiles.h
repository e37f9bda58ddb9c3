// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QSettings;

namespace tg {

/// The file each draft was opened from (a Markdown or HTML file), kept in the settings by draft
/// id, so saving the draft also writes that file. Drafts not opened from a file have none.
class DraftSourceFiles
{
public:
    /// Reads and writes `settings` (not owned).
    explicit DraftSourceFiles(QSettings *settings);

    /// The file draft `id` came from; empty when none.
    QString path(const QString &id) const;
    void set(const QString &id, const QString &path);
    void remove(const QString &id);

private:
    QSettings *m_settings;
};

} // namespace tg
