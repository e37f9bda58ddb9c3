// SPDX-License-Identifier: MIT
#include "workflow/seriesrecord.h"

#include <QSettings>

namespace tg {

SeriesRecord SeriesRecord::load(const QSettings &settings, const QString &draftId)
{
    const QString g = QStringLiteral("series/") + draftId + QLatin1Char('/');
    SeriesRecord r;
    r.indexPath = settings.value(g + QStringLiteral("indexPath")).toString();
    r.indexUrl = settings.value(g + QStringLiteral("indexUrl")).toString();
    r.partPaths = settings.value(g + QStringLiteral("partPaths")).toStringList();
    r.partUrls = settings.value(g + QStringLiteral("partUrls")).toStringList();
    if (r.partUrls.size() != r.partPaths.size())
        r.partUrls = r.partPaths;
    return r;
}

void SeriesRecord::save(QSettings &settings, const QString &draftId) const
{
    const QString g = QStringLiteral("series/") + draftId + QLatin1Char('/');
    settings.setValue(g + QStringLiteral("indexPath"), indexPath);
    settings.setValue(g + QStringLiteral("indexUrl"), indexUrl);
    settings.setValue(g + QStringLiteral("partPaths"), partPaths);
    settings.setValue(g + QStringLiteral("partUrls"), partUrls);
}

} // namespace tg
