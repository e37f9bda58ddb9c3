// SPDX-License-Identifier: MIT
#include "api/telegraphclient.h"
#include "pages/pagecache.h"
#include "pages/viewstatsfetcher.h"
#include "sandboxfixture.h"
#include "sandboxseed.h"
#include "testmain.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tg;

Q_DECLARE_METATYPE(tg::ViewRange)

namespace {

/// The fetcher's "now": the views are seeded relative to it, whatever the real date.
const QDateTime Now(QDate(2026, 6, 15), QTime(12, 30), Qt::UTC);

struct Seed
{
    QDateTime when;
    qint64 count;
};

/// Views spread over two years, several in some buckets, none in others.
QList<Seed> seeds()
{
    QList<Seed> s;
    for (int h = 0; h < 60; h += 3)
        s.append({Now.addSecs(-3600LL * h), h + 1});
    s.append({Now.addSecs(-60), 5}); // the current hour again
    for (int d = 2; d < 100; d += 7)
        s.append({Now.addDays(-d).addSecs(-5 * 3600), 10 + d});
    for (int m = 1; m < 26; m += 2)
        s.append({Now.addMonths(-m), 100 + m});
    return s;
}

qint64 expectedViews(const QList<Seed> &seeds, const ViewBucket &b)
{
    qint64 sum = 0;
    for (const Seed &s : seeds) {
        if (s.when >= b.start && s.when < b.end)
            sum += s.count;
    }
    return sum;
}

} // namespace

class TestViewStats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fetch_seriesEqualsSeededViews_data();
    void fetch_seriesEqualsSeededViews();
    void fetch_again_answersClosedBucketsFromCache();
    void fetch_boundsRequestsInFlight();
    void fetch_newSelection_cancelsTheRunningOne();
    void fetch_unknownPage_failsWithPageNotFound();
    void fetch_again_asksTheBucketsThatCanStillChange();
    void pageListWithNewViews_dropsThePagesCachedDays();

private:
    ClientSettings settings() const;
    ViewStatsFetcher *newFetcher();
    /// Fetches and waits for the series, whether the cache or the server answers.
    bool fetchAndWait(const QString &path, ViewRange range);

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    QString m_path;
    QString m_otherPath;
    QString m_freshPath; ///< gets views while the tests run
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PageCache> m_cache;
    std::unique_ptr<TelegraphClient> m_client;
    std::unique_ptr<ViewStatsFetcher> m_fetcher;
};

ClientSettings TestViewStats::settings() const
{
    ClientSettings s;
    s.apiUrl = m_sandbox->url();
    s.proxy.mode = ProxySettings::Mode::None;
    s.timeoutMs = 10000;
    return s;
}

bool TestViewStats::fetchAndWait(const QString &path, ViewRange range)
{
    QSignalSpy ready(m_fetcher.get(), &ViewStatsFetcher::seriesReady);
    m_fetcher->fetch(path, range);
    return !ready.isEmpty() || ready.wait(30000);
}

void TestViewStats::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<test::SandboxFixture>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("stats"));
    const QStringList paths = test::seedSandboxPages(m_sandbox->server(), token, 3);
    m_path = paths.at(0);
    m_otherPath = paths.at(1);
    m_freshPath = paths.at(2);
    for (const Seed &s : seeds())
        QVERIFY(m_sandbox->server()->seedViews(m_path, s.when, s.count));
}

void TestViewStats::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_cache = std::make_unique<PageCache>();
    QVERIFY(m_cache->open(m_dir->filePath(PageCache::defaultFileName())));
    m_client = std::make_unique<TelegraphClient>(settings());
    m_fetcher = std::make_unique<ViewStatsFetcher>(m_client.get(), m_cache.get());
    m_fetcher->setClock([] { return Now; });
}

void TestViewStats::cleanup()
{
    m_fetcher.reset();
    m_client.reset();
    m_cache.reset();
    m_dir.reset();
}

void TestViewStats::fetch_seriesEqualsSeededViews_data()
{
    QTest::addColumn<ViewRange>("range");
    QTest::newRow("48 hours") << ViewRange::Hours48;
    QTest::newRow("30 days") << ViewRange::Days30;
    QTest::newRow("90 days") << ViewRange::Days90;
    QTest::newRow("12 months") << ViewRange::Months12;
    QTest::newRow("24 months") << ViewRange::Months24;
}

void TestViewStats::fetch_seriesEqualsSeededViews()
{
    QFETCH(ViewRange, range);
    QSignalSpy ready(m_fetcher.get(), &ViewStatsFetcher::seriesReady);
    QSignalSpy failed(m_fetcher.get(), &ViewStatsFetcher::failed);
    QSignalSpy progress(m_fetcher.get(), &ViewStatsFetcher::progress);
    m_fetcher->fetch(m_path, range);
    QVERIFY(m_fetcher->isRunning());
    QVERIFY(ready.wait(30000));
    QCOMPARE(failed.size(), 0);
    const ViewSeries s = ready.first().first().value<ViewSeries>();
    QCOMPARE(s.path, m_path);
    QCOMPARE(s.buckets.size(), viewBucketCount(range));
    QVERIFY(s.isComplete());
    const QList<Seed> all = seeds();
    qint64 total = 0;
    for (const Seed &seed : all)
        total += seed.count;
    QCOMPARE(s.total, total);
    qint64 nonZero = 0;
    for (int i = 0; i < s.buckets.size(); ++i) {
        QCOMPARE(s.views.at(i), expectedViews(all, s.buckets.at(i)));
        nonZero += s.views.at(i) > 0;
    }
    QVERIFY(nonZero > 3); // the seeds really land in this range
    QCOMPARE(progress.last().at(0).toInt(), s.buckets.size() + 1);
    QCOMPARE(m_fetcher->requestsSent(), s.buckets.size() + 1);
}

void TestViewStats::fetch_again_answersClosedBucketsFromCache()
{
    m_fetcher->setOpenBucketMaxAge(300); // by default the open bucket is always asked again
    QSignalSpy ready(m_fetcher.get(), &ViewStatsFetcher::seriesReady);
    m_fetcher->fetch(m_path, ViewRange::Days30);
    QVERIFY(ready.wait(30000));
    const ViewSeries first = m_fetcher->series();

    m_fetcher->fetch(m_path, ViewRange::Days30); // within the open bucket's max age
    QCOMPARE(ready.size(), 2);                   // answered at once, without requests
    QCOMPARE(m_fetcher->requestsSent(), 0);
    QCOMPARE(m_fetcher->series().views, first.views);

    m_fetcher->setOpenBucketMaxAge(-1); // the open bucket and the total expire
    m_fetcher->fetch(m_path, ViewRange::Days30);
    QVERIFY(ready.wait(30000));
    QCOMPARE(m_fetcher->requestsSent(), 2);
    QCOMPARE(m_fetcher->series().views, first.views);
    QCOMPARE(m_fetcher->series().total, first.total);
}

void TestViewStats::fetch_boundsRequestsInFlight()
{
    sandbox::FaultSettings faults;
    faults.latencyMs = 5;
    m_sandbox->server()->setFaults(faults);
    m_fetcher->setMaxConcurrent(3);
    QSignalSpy ready(m_fetcher.get(), &ViewStatsFetcher::seriesReady);
    m_fetcher->fetch(m_path, ViewRange::Days90);
    QVERIFY(ready.wait(30000));
    m_sandbox->server()->setFaults({});
    QCOMPARE(m_fetcher->peakInFlight(), 3);
    QCOMPARE(m_fetcher->requestsSent(), 91);
}

void TestViewStats::fetch_newSelection_cancelsTheRunningOne()
{
    QSignalSpy ready(m_fetcher.get(), &ViewStatsFetcher::seriesReady);
    QSignalSpy cancelled(m_fetcher.get(), &ViewStatsFetcher::cancelled);
    m_fetcher->fetch(m_path, ViewRange::Days90);
    m_fetcher->fetch(m_otherPath, ViewRange::Hours48);
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(ready.wait(30000));
    QTest::qWait(100);
    QCOMPARE(ready.size(), 1);
    const ViewSeries s = ready.first().first().value<ViewSeries>();
    QCOMPARE(s.path, m_otherPath);
    QCOMPARE(s.rangeSum(), 0);
    QCOMPARE(s.total, 0);

    m_fetcher->fetch(m_path, ViewRange::Days90);
    m_fetcher->cancel();
    QCOMPARE(cancelled.size(), 2);
    QVERIFY(!m_fetcher->isRunning());
    QTest::qWait(100);
    QCOMPARE(ready.size(), 1);
}

void TestViewStats::fetch_unknownPage_failsWithPageNotFound()
{
    QSignalSpy failed(m_fetcher.get(), &ViewStatsFetcher::failed);
    m_fetcher->fetch(QStringLiteral("No-Such-Page-01-01"), ViewRange::Hours48);
    QVERIFY(failed.wait(30000));
    const ApiError e = failed.first().first().value<ApiError>();
    QCOMPARE(e.code, QStringLiteral("PAGE_NOT_FOUND"));
    QVERIFY(!m_fetcher->isRunning());
}

void TestViewStats::fetch_again_asksTheBucketsThatCanStillChange()
{
    QVERIFY(fetchAndWait(m_freshPath, ViewRange::Days30));
    QCOMPARE(m_fetcher->series().views.last(), 0);
    const qint64 totalBefore = m_fetcher->series().total;

    // Views today: the next fetch, even at once, asks today and the total again (and only
    // them: the other days had ended when they were fetched).
    QVERIFY(m_sandbox->server()->seedViews(m_freshPath, Now, 5));
    QVERIFY(fetchAndWait(m_freshPath, ViewRange::Days30));
    QCOMPARE(m_fetcher->requestsSent(), 2);
    QCOMPARE(m_fetcher->series().views.last(), 5);
    QCOMPARE(m_fetcher->series().total, totalBefore + 5);

    // Another range of the same page shows the same total.
    QVERIFY(fetchAndWait(m_freshPath, ViewRange::Hours48));
    QCOMPARE(m_fetcher->series().total, totalBefore + 5);
    QCOMPARE(m_fetcher->series().rangeSum(), 5);
}

void TestViewStats::pageListWithNewViews_dropsThePagesCachedDays()
{
    QVERIFY(fetchAndWait(m_freshPath, ViewRange::Days90));
    const ViewSeries before = m_fetcher->series();
    QCOMPARE(before.views.at(80), 0); // nine days ago, read as zero and closed

    // Views land on that past day (the sandbox can do that): the day's cached zero stays
    // while nothing says the page changed...
    QVERIFY(m_sandbox->server()->seedViews(m_freshPath, Now.addDays(-9), 4));
    QVERIFY(fetchAndWait(m_freshPath, ViewRange::Days90));
    QCOMPARE(m_fetcher->series().views.at(80), 0);
    const qint64 total = m_fetcher->series().total;
    QCOMPARE(total, before.total + 4);

    // ...until the page list shows the page with views its cached counts do not know of.
    Page page;
    page.path = m_freshPath;
    page.views = total + 1;
    QVERIFY(m_cache->storePages(QStringLiteral("acc"), 0, {page}, 1));
    QVERIFY(m_sandbox->server()->seedViews(m_freshPath, Now, 1));
    QVERIFY(fetchAndWait(m_freshPath, ViewRange::Days90));
    QCOMPARE(m_fetcher->requestsSent(), 91);
    QCOMPARE(m_fetcher->series().views.at(80), 4);
    QCOMPARE(m_fetcher->series().total, total + 1);

    // A list that agrees with the cached total keeps the closed days cached.
    page.views = total + 1;
    QVERIFY(m_cache->storePages(QStringLiteral("acc"), 0, {page}, 1));
    QVERIFY(fetchAndWait(m_freshPath, ViewRange::Days90));
    QCOMPARE(m_fetcher->requestsSent(), 2);
}

TG_TEST_MAIN_CORE(TestViewStats)
#include "tst_viewstats.moc"
