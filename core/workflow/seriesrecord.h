// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

class QSettings;

namespace tg {

/// The pages of a published series: its index and its parts, in order. Kept per draft in the
/// settings, so a later publication of the same draft edits the same pages.
struct SeriesRecord
{
    QString indexPath;
    QString indexUrl;
    QStringList partPaths;
    QStringList partUrls;

    bool isEmpty() const { return indexPath.isEmpty() && partPaths.isEmpty(); }
    /// The series published from this draft, so a later update edits the same pages.
    static SeriesRecord load(const QSettings &settings, const QString &draftId);
    void save(QSettings &settings, const QString &draftId) const;
};

} // namespace tg
