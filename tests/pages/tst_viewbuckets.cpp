// SPDX-License-Identifier: MIT
#include "pages/viewbuckets.h"
#include "testmain.h"

#include <QTest>

using namespace tg;

Q_DECLARE_METATYPE(tg::ViewRange)

class TestViewBuckets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buckets_ofRange_haveCountAndEndWithCurrent_data();
    void buckets_ofRange_haveCountAndEndWithCurrent();
    void buckets_areContiguousAndOldestFirst();
    void hourBuckets_acrossMidnightAndYear_carryDate();
    void monthBuckets_acrossYear_wrap();
    void key_andLabel_areStable();
    void isClosed_onlyAfterEnd();
    void rangeName_roundTrips_andRejectsUnknown();
};

void TestViewBuckets::buckets_ofRange_haveCountAndEndWithCurrent_data()
{
    QTest::addColumn<ViewRange>("range");
    QTest::addColumn<int>("count");
    QTest::newRow("48h") << ViewRange::Hours48 << 48;
    QTest::newRow("30d") << ViewRange::Days30 << 30;
    QTest::newRow("90d") << ViewRange::Days90 << 90;
    QTest::newRow("12m") << ViewRange::Months12 << 12;
    QTest::newRow("24m") << ViewRange::Months24 << 24;
}

void TestViewBuckets::buckets_ofRange_haveCountAndEndWithCurrent()
{
    QFETCH(ViewRange, range);
    QFETCH(int, count);
    const QDateTime now(QDate(2026, 3, 1), QTime(0, 30), Qt::UTC);
    const QList<ViewBucket> b = viewBuckets(range, now);
    QCOMPARE(b.size(), count);
    QCOMPARE(viewBucketCount(range), count);
    QVERIFY(b.last().start <= now);
    QVERIFY(now < b.last().end);
    QVERIFY(!b.last().isClosed(now));
    QVERIFY(b.first().isClosed(now));
}

void TestViewBuckets::buckets_areContiguousAndOldestFirst()
{
    const QDateTime now(QDate(2024, 3, 10), QTime(5, 59, 59), Qt::UTC);
    for (ViewRange r : {ViewRange::Hours48, ViewRange::Days90, ViewRange::Months24}) {
        const QList<ViewBucket> b = viewBuckets(r, now);
        for (int i = 1; i < b.size(); ++i)
            QCOMPARE(b.at(i).start, b.at(i - 1).end);
    }
}

void TestViewBuckets::hourBuckets_acrossMidnightAndYear_carryDate()
{
    const QDateTime now(QDate(2026, 1, 1), QTime(1, 5), Qt::UTC);
    const QList<ViewBucket> b = viewBuckets(ViewRange::Hours48, now);
    QCOMPARE(b.last().year, 2026);
    QCOMPARE(b.last().hour, 1);
    QCOMPARE(b.at(46).hour, 0);
    QCOMPARE(b.at(45).year, 2025);
    QCOMPARE(b.at(45).month, 12);
    QCOMPARE(b.at(45).day, 31);
    QCOMPARE(b.at(45).hour, 23);
    QCOMPARE(b.first().start, QDateTime(QDate(2025, 12, 30), QTime(2, 0), Qt::UTC));
}

void TestViewBuckets::monthBuckets_acrossYear_wrap()
{
    const QDateTime now(QDate(2026, 2, 14), QTime(12, 0), Qt::UTC);
    const QList<ViewBucket> b = viewBuckets(ViewRange::Months12, now);
    QCOMPARE(b.first().year, 2025);
    QCOMPARE(b.first().month, 3);
    QCOMPARE(b.first().day, 0);
    QCOMPARE(b.first().hour, -1);
    QCOMPARE(b.last().month, 2);
    QCOMPARE(b.last().end, QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC));
}

void TestViewBuckets::key_andLabel_areStable()
{
    const QDateTime now(QDate(2026, 11, 5), QTime(7, 0), Qt::UTC);
    QCOMPARE(viewBuckets(ViewRange::Hours48, now).last().key(), QStringLiteral("2026-11-05T07"));
    QCOMPARE(viewBuckets(ViewRange::Hours48, now).last().label(), QStringLiteral("07:00"));
    QCOMPARE(viewBuckets(ViewRange::Days30, now).last().key(), QStringLiteral("2026-11-05"));
    QCOMPARE(viewBuckets(ViewRange::Days30, now).last().label(), QStringLiteral("5 Nov"));
    QCOMPARE(viewBuckets(ViewRange::Months24, now).last().key(), QStringLiteral("2026-11"));
    QCOMPARE(viewBuckets(ViewRange::Months24, now).last().label(), QStringLiteral("Nov 2026"));
}

void TestViewBuckets::isClosed_onlyAfterEnd()
{
    const QDateTime now(QDate(2026, 11, 5), QTime(7, 0), Qt::UTC);
    const ViewBucket b = viewBuckets(ViewRange::Days30, now).last();
    QVERIFY(!b.isClosed(now));
    QVERIFY(!b.isClosed(b.end.addSecs(-1)));
    QVERIFY(b.isClosed(b.end));
}

void TestViewBuckets::rangeName_roundTrips_andRejectsUnknown()
{
    for (ViewRange r : {ViewRange::Hours48, ViewRange::Days30, ViewRange::Days90,
                        ViewRange::Months12, ViewRange::Months24}) {
        ViewRange back = ViewRange::Days30;
        QVERIFY(viewRangeFromName(viewRangeName(r), &back));
        QCOMPARE(back, r);
    }
    QVERIFY(!viewRangeFromName(QStringLiteral("7d"), nullptr));
    QVERIFY(!viewRangeFromName(QString(), nullptr));
}

TG_TEST_MAIN_CORE(TestViewBuckets)
#include "tst_viewbuckets.moc"
