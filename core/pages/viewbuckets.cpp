// SPDX-License-Identifier: MIT
#include "pages/viewbuckets.h"

#include <QLocale>

namespace tg {

namespace {

ViewBucket hourBucket(const QDateTime &start)
{
    ViewBucket b;
    const QDate d = start.date();
    b.year = d.year();
    b.month = d.month();
    b.day = d.day();
    b.hour = start.time().hour();
    b.start = start;
    b.end = start.addSecs(3600);
    return b;
}

ViewBucket dayBucket(const QDate &d)
{
    ViewBucket b;
    b.year = d.year();
    b.month = d.month();
    b.day = d.day();
    b.start = QDateTime(d, QTime(0, 0), Qt::UTC);
    b.end = QDateTime(d.addDays(1), QTime(0, 0), Qt::UTC);
    return b;
}

ViewBucket monthBucket(const QDate &firstOfMonth)
{
    ViewBucket b;
    b.year = firstOfMonth.year();
    b.month = firstOfMonth.month();
    b.start = QDateTime(firstOfMonth, QTime(0, 0), Qt::UTC);
    b.end = QDateTime(firstOfMonth.addMonths(1), QTime(0, 0), Qt::UTC);
    return b;
}

} // namespace

QString ViewBucket::key() const
{
    if (hour >= 0)
        return QString::asprintf("%04d-%02d-%02dT%02d", year, month, day, hour);
    if (day > 0)
        return QString::asprintf("%04d-%02d-%02d", year, month, day);
    return QString::asprintf("%04d-%02d", year, month);
}

QString ViewBucket::label() const
{
    const QLocale c = QLocale::c();
    if (hour >= 0)
        return QString::asprintf("%02d:00", hour);
    if (day > 0)
        return QString::number(day) + QLatin1Char(' ') + c.monthName(month, QLocale::ShortFormat);
    return c.monthName(month, QLocale::ShortFormat) + QLatin1Char(' ') + QString::number(year);
}

int viewBucketCount(ViewRange range)
{
    switch (range) {
    case ViewRange::Hours48:
        return 48;
    case ViewRange::Days30:
        return 30;
    case ViewRange::Days90:
        return 90;
    case ViewRange::Months12:
        return 12;
    case ViewRange::Months24:
        return 24;
    }
    return 0;
}

QList<ViewBucket> viewBuckets(ViewRange range, const QDateTime &nowUtc)
{
    const QDateTime now = nowUtc.toUTC();
    const int n = viewBucketCount(range);
    QList<ViewBucket> out;
    out.reserve(n);
    switch (range) {
    case ViewRange::Hours48: {
        const QDateTime thisHour(now.date(), QTime(now.time().hour(), 0), Qt::UTC);
        for (int i = n - 1; i >= 0; --i)
            out.append(hourBucket(thisHour.addSecs(-3600LL * i)));
        break;
    }
    case ViewRange::Days30:
    case ViewRange::Days90:
        for (int i = n - 1; i >= 0; --i)
            out.append(dayBucket(now.date().addDays(-i)));
        break;
    case ViewRange::Months12:
    case ViewRange::Months24: {
        const QDate first(now.date().year(), now.date().month(), 1);
        for (int i = n - 1; i >= 0; --i)
            out.append(monthBucket(first.addMonths(-i)));
        break;
    }
    }
    return out;
}

QString viewRangeName(ViewRange range)
{
    switch (range) {
    case ViewRange::Hours48:
        return QStringLiteral("48h");
    case ViewRange::Days30:
        return QStringLiteral("30d");
    case ViewRange::Days90:
        return QStringLiteral("90d");
    case ViewRange::Months12:
        return QStringLiteral("12m");
    case ViewRange::Months24:
        return QStringLiteral("24m");
    }
    return {};
}

bool viewRangeFromName(const QString &name, ViewRange *range)
{
    for (ViewRange r : {ViewRange::Hours48, ViewRange::Days30, ViewRange::Days90,
                        ViewRange::Months12, ViewRange::Months24}) {
        if (viewRangeName(r) == name) {
            if (range)
                *range = r;
            return true;
        }
    }
    return false;
}

} // namespace tg
