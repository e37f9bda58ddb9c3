// SPDX-License-Identifier: MIT
#pragma once

#include "pages/viewbuckets.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace tg {

/// The views of one page over a range: one count per bucket (oldest first) and the page's
/// all-time total. Counts of buckets that could not be fetched are -1.
struct ViewSeries
{
    QString path;
    ViewRange range = ViewRange::Days30;
    QList<ViewBucket> buckets;
    QList<qint64> views; ///< parallel to buckets
    qint64 total = -1;   ///< all-time views, -1 when unknown

    /// Sum of the fetched bucket counts.
    qint64 rangeSum() const
    {
        qint64 sum = 0;
        for (qint64 v : views)
            sum += v > 0 ? v : 0;
        return sum;
    }
    /// Whether every bucket has a count.
    bool isComplete() const
    {
        for (qint64 v : views) {
            if (v < 0)
                return false;
        }
        return views.size() == buckets.size();
    }
};

} // namespace tg

Q_DECLARE_METATYPE(tg::ViewSeries)
