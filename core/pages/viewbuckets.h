// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace tg {

/// The time windows the statistics chart offers. getViews buckets views by UTC year, month, day
/// and hour, so each window is a run of consecutive buckets ending with the current one.
enum class ViewRange
{
    Hours48,  ///< the last 48 hours, one bucket per hour
    Days30,   ///< the last 30 days, one bucket per day
    Days90,   ///< the last 90 days, one bucket per day
    Months12, ///< the last 12 months, one bucket per month
    Months24, ///< the last 24 months, one bucket per month
};

/// One getViews bucket: the request parameters (hour -1 for a whole day, day 0 for a whole month)
/// and the UTC interval [start, end) it covers.
struct ViewBucket
{
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = -1;
    QDateTime start; ///< UTC
    QDateTime end;   ///< UTC, exclusive

    /// A stable cache key: "2026-11-25T13", "2026-11-25" or "2026-11".
    QString key() const;
    /// A short axis label: "13:00", "25 Nov" or "Nov 2026".
    QString label() const;
    /// Whether no more views can land in the bucket at `nowUtc` (its end has passed), so a
    /// fetched value can be cached for good.
    bool isClosed(const QDateTime &nowUtc) const { return end <= nowUtc; }

    friend bool operator==(const ViewBucket &a, const ViewBucket &b)
    {
        return a.year == b.year && a.month == b.month && a.day == b.day && a.hour == b.hour;
    }
};

/// The buckets of a range, oldest first, the last one containing `nowUtc`.
QList<ViewBucket> viewBuckets(ViewRange range, const QDateTime &nowUtc);

/// Number of buckets in a range (48, 30, 90, 12 or 24).
int viewBucketCount(ViewRange range);

/// Stable lower-case name ("48h", "30d", "90d", "12m", "24m") for files and the command line.
QString viewRangeName(ViewRange range);
/// The range with that name; false when unknown.
bool viewRangeFromName(const QString &name, ViewRange *range);

} // namespace tg
