// SPDX-License-Identifier: MIT
#include "pages/csvexport.h"
#include "pages/pagecache.h"
#include "testmain.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tg;

namespace {

QList<Page> makePages(int first, int count)
{
    QList<Page> out;
    for (int i = first; i < first + count; ++i) {
        Page p;
        p.path = QStringLiteral("Page-%1-11-25").arg(i);
        p.url = QStringLiteral("https://telegra.ph/") + p.path;
        p.title = QStringLiteral("Page %1").arg(i);
        p.description = QStringLiteral("About \"%1\", with a comma").arg(i);
        p.views = i * 10;
        out.append(p);
    }
    return out;
}

} // namespace

class TestPageCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void open_badPath_failsWithError();
    void storePages_thenRead_keepsOrderAndFields();
    void storePages_twoAccounts_areSeparate();
    void storePages_laterBatchOverwritesPositions();
    void truncate_dropsPositionsBeyondCount();
    void reopen_keepsPages();
    void updatePage_changesOnlyThatPage();
    void removeAccount_forgetsListOnly();
    void cachedViews_closedBucketsStayValid_openOnesExpire();
    void csvField_quotesWhatNeedsQuoting_data();
    void csvField_quotesWhatNeedsQuoting();
    void csvPages_parsesBack();
    void csvViewSeries_hasRowPerBucketAndTotal();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPageCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestPageCache::open_badPath_failsWithError()
{
    PageCache c;
    QVERIFY(!c.open(m_dir->filePath(QStringLiteral("missing/dir/pages.sqlite"))));
    QVERIFY(!c.lastError().isEmpty());
    QVERIFY(!c.isOpen());
    QVERIFY(!c.storePages(QStringLiteral("a"), 0, makePages(0, 1), 1));
}

void TestPageCache::storePages_thenRead_keepsOrderAndFields()
{
    PageCache c;
    QVERIFY2(c.open(m_dir->filePath(PageCache::defaultFileName())), qPrintable(c.lastError()));
    QVERIFY(c.storePages(QStringLiteral("acc"), 0, makePages(0, 200), 1000));
    QVERIFY(c.storePages(QStringLiteral("acc"), 200, makePages(200, 50), 1000));
    QCOMPARE(c.cachedCount(QStringLiteral("acc")), 250);
    QCOMPARE(c.totalCount(QStringLiteral("acc")), 1000);
    const QList<Page> all = c.pages(QStringLiteral("acc"));
    QCOMPARE(all.size(), 250);
    QCOMPARE(all.at(0).path, QStringLiteral("Page-0-11-25"));
    QCOMPARE(all.at(249).title, QStringLiteral("Page 249"));
    QCOMPARE(all.at(7).views, 70);
    QCOMPARE(all.at(7).description, QStringLiteral("About \"7\", with a comma"));
    const QList<Page> slice = c.pages(QStringLiteral("acc"), 100, 10);
    QCOMPARE(slice.size(), 10);
    QCOMPARE(slice.first().path, QStringLiteral("Page-100-11-25"));
    QCOMPARE(c.totalCount(QStringLiteral("other")), -1);
}

void TestPageCache::storePages_twoAccounts_areSeparate()
{
    PageCache c;
    QVERIFY(c.open(m_dir->filePath(PageCache::defaultFileName())));
    QVERIFY(c.storePages(QStringLiteral("a"), 0, makePages(0, 3), 3));
    QVERIFY(c.storePages(QStringLiteral("b"), 0, makePages(10, 2), 2));
    QCOMPARE(c.pages(QStringLiteral("a")).size(), 3);
    QCOMPARE(c.pages(QStringLiteral("b")).first().path, QStringLiteral("Page-10-11-25"));
}

void TestPageCache::storePages_laterBatchOverwritesPositions()
{
    PageCache c;
    QVERIFY(c.open(m_dir->filePath(PageCache::defaultFileName())));
    QVERIFY(c.storePages(QStringLiteral("a"), 0, makePages(0, 5), 5));
    QVERIFY(c.storePages(QStringLiteral("a"), 0, makePages(100, 2), 6));
    const QList<Page> all = c.pages(QStringLiteral("a"));
    QCOMPARE(all.size(), 5);
    QCOMPARE(all.at(0).path, QStringLiteral("Page-100-11-25"));
    QCOMPARE(all.at(2).path, QStringLiteral("Page-2-11-25"));
    QCOMPARE(c.totalCount(QStringLiteral("a")), 6);
}

void TestPageCache::truncate_dropsPositionsBeyondCount()
{
    PageCache c;
    QVERIFY(c.open(m_dir->filePath(PageCache::defaultFileName())));
    QVERIFY(c.storePages(QStringLiteral("a"), 0, makePages(0, 10), 10));
    QVERIFY(c.truncate(QStringLiteral("a"), 4));
    QCOMPARE(c.cachedCount(QStringLiteral("a")), 4);
}

void TestPageCache::reopen_keepsPages()
{
    const QString file = m_dir->filePath(PageCache::defaultFileName());
    const QDateTime when = QDateTime::currentDateTimeUtc();
    {
        PageCache c;
        QVERIFY(c.open(file));
        QVERIFY(c.storePages(QStringLiteral("a"), 0, makePages(0, 3), 3));
        QVERIFY(c.setRefreshedAt(QStringLiteral("a"), when));
    }
    PageCache c;
    QVERIFY(c.open(file));
    QCOMPARE(c.pages(QStringLiteral("a")).size(), 3);
    QCOMPARE(c.refreshedAt(QStringLiteral("a")).toMSecsSinceEpoch(), when.toMSecsSinceEpoch());
    QVERIFY(!c.refreshedAt(QStringLiteral("b")).isValid());
}

void TestPageCache::updatePage_changesOnlyThatPage()
{
    PageCache c;
    QVERIFY(c.open(m_dir->filePath(PageCache::defaultFileName())));
    QVERIFY(c.storePages(QStringLiteral("a"), 0, makePages(0, 3), 3));
    Page p = makePages(1, 1).first();
    p.title = QStringLiteral("Renamed");
    p.views = 999;
    QVERIFY(c.updatePage(QStringLiteral("a"), p));
    const QList<Page> all = c.pages(QStringLiteral("a"));
    QCOMPARE(all.at(1).title, QStringLiteral("Renamed"));
    QCOMPARE(all.at(1).views, 999);
    QCOMPARE(all.at(0).title, QStringLiteral("Page 0"));
}

void TestPageCache::removeAccount_forgetsListOnly()
{
    PageCache c;
    QVERIFY(c.open(m_dir->filePath(PageCache::defaultFileName())));
    QVERIFY(c.storePages(QStringLiteral("a"), 0, makePages(0, 3), 3));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(c.storeViews(QStringLiteral("Page-0-11-25"), QStringLiteral("2026-11"), 5, now, true));
    QVERIFY(c.removeAccount(QStringLiteral("a")));
    QCOMPARE(c.cachedCount(QStringLiteral("a")), 0);
    QCOMPARE(c.totalCount(QStringLiteral("a")), -1);
    QCOMPARE(c.cachedViews(QStringLiteral("Page-0-11-25"), {QStringLiteral("2026-11")}, now, 0)
                 .value(QStringLiteral("2026-11")),
             5);
}

void TestPageCache::cachedViews_closedBucketsStayValid_openOnesExpire()
{
    PageCache c;
    QVERIFY(c.open(m_dir->filePath(PageCache::defaultFileName())));
    const QDateTime fetched(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC);
    const QString path = QStringLiteral("P");
    QVERIFY(c.storeViewsBatch(path, {{QStringLiteral("old"), 7}, {QStringLiteral("current"), 3}},
                              {QStringLiteral("old")}, fetched));
    const QStringList keys{QStringLiteral("old"), QStringLiteral("current"),
                           QStringLiteral("never")};
    QHash<QString, qint64> v = c.cachedViews(path, keys, fetched.addSecs(60), 300);
    QCOMPARE(v.size(), 2);
    QCOMPARE(v.value(QStringLiteral("current")), 3);
    v = c.cachedViews(path, keys, fetched.addSecs(3600), 300);
    QCOMPARE(v.size(), 1);
    QCOMPARE(v.value(QStringLiteral("old")), 7);
    QVERIFY(c.cachedViews(QStringLiteral("other"), keys, fetched, 300).isEmpty());
}

void TestPageCache::csvField_quotesWhatNeedsQuoting_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("abc");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("spaces") << QStringLiteral(" a ") << QStringLiteral("\" a \"");
    QTest::newRow("formula") << QStringLiteral("=SUM(A1)") << QStringLiteral("'=SUM(A1)");
    QTest::newRow("cyrillic") << QStringLiteral("Привет") << QStringLiteral("Привет");
}

void TestPageCache::csvField_quotesWhatNeedsQuoting()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(csv::field(in), out);
}

void TestPageCache::csvPages_parsesBack()
{
    QList<Page> pages = makePages(0, 3);
    pages[1].title = QStringLiteral("Line\nbreak, \"quoted\"");
    const QList<QStringList> rows = csv::parse(QString::fromUtf8(csv::pages(pages)));
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0),
             (QStringList{QStringLiteral("title"), QStringLiteral("path"), QStringLiteral("url"),
                          QStringLiteral("views"), QStringLiteral("description")}));
    QCOMPARE(rows.at(2).at(0), pages.at(1).title);
    QCOMPARE(rows.at(3).at(3), QStringLiteral("20"));
    QCOMPARE(rows.at(3).at(4), pages.at(2).description);
}

void TestPageCache::csvViewSeries_hasRowPerBucketAndTotal()
{
    ViewSeries s;
    s.path = QStringLiteral("P");
    s.range = ViewRange::Days30;
    s.buckets = viewBuckets(ViewRange::Days30, QDateTime(QDate(2026, 11, 25), QTime(), Qt::UTC));
    for (int i = 0; i < s.buckets.size(); ++i)
        s.views.append(i == 3 ? -1 : i);
    s.total = 1234;
    const QList<QStringList> rows = csv::parse(QString::fromUtf8(csv::viewSeries(s)));
    QCOMPARE(rows.size(), 32);
    QCOMPARE(rows.at(1).at(0), QStringLiteral("2026-10-27"));
    QCOMPARE(rows.at(1).at(1), QStringLiteral("2026-10-27T00:00:00Z"));
    QCOMPARE(rows.at(2).at(2), QStringLiteral("1"));
    QCOMPARE(rows.at(4).at(2), QString()); // unknown stays empty, not 0
    QCOMPARE(rows.last(),
             (QStringList{QStringLiteral("total"), QString(), QStringLiteral("1234")}));
}

TG_TEST_MAIN_CORE(TestPageCache)
#include "tst_pagecache.moc"
