// SPDX-License-Identifier: MIT
#include "api/telegraphclient.h"
#include "pages/pagecache.h"
#include "pages/pagelistsync.h"
#include "sandboxfixture.h"
#include "sandboxseed.h"
#include "testmain.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tg;

class TestPageListSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void refresh_1000Pages_fillsCacheNewestFirstWithProgress();
    void refresh_fewerPagesThanCached_dropsTheRest();
    void fetchBatch_atOffset_storesOnlyThatBatch();
    void refresh_cancelled_endsWithCancelledAndKeepsWhatArrived();
    void refresh_badToken_failsWithApiError();

private:
    ClientSettings settings() const;

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    QString m_token; ///< the account with 1,000 pages
    QStringList m_paths;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PageCache> m_cache;
    std::unique_ptr<TelegraphClient> m_client;
};

ClientSettings TestPageListSync::settings() const
{
    ClientSettings s;
    s.apiUrl = m_sandbox->url();
    s.proxy.mode = ProxySettings::Mode::None;
    s.timeoutMs = 10000;
    return s;
}

void TestPageListSync::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<test::SandboxFixture>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("many"));
    QVERIFY(!m_token.isEmpty());
    m_paths = test::seedSandboxPages(m_sandbox->server(), m_token, 1000);
    QVERIFY(!m_paths.contains(QString()));
}

void TestPageListSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_cache = std::make_unique<PageCache>();
    QVERIFY(m_cache->open(m_dir->filePath(PageCache::defaultFileName())));
    m_client = std::make_unique<TelegraphClient>(settings());
    m_client->setAccessToken(m_token);
}

void TestPageListSync::cleanup()
{
    m_client.reset();
    m_cache.reset();
    m_dir.reset();
}

void TestPageListSync::refresh_1000Pages_fillsCacheNewestFirstWithProgress()
{
    PageListSync sync(m_client.get(), m_cache.get());
    sync.setAccount(QStringLiteral("acc"), {});
    sync.setMaxConcurrent(3);
    QSignalSpy progress(&sync, &PageListSync::progress);
    QSignalSpy stored(&sync, &PageListSync::batchStored);
    QSignalSpy done(&sync, &PageListSync::refreshFinished);
    sync.refresh();
    QVERIFY(sync.isRefreshing());
    QVERIFY(done.wait(30000));
    QVERIFY2(!sync.lastError().isError(), qPrintable(sync.lastError().toString()));
    QCOMPARE(stored.size(), 5);
    QCOMPARE(progress.last().at(0).toInt(), 5);
    QCOMPARE(progress.last().at(1).toInt(), 5);
    QCOMPARE(m_cache->cachedCount(QStringLiteral("acc")), 1000);
    QCOMPARE(m_cache->totalCount(QStringLiteral("acc")), 1000);
    QVERIFY(m_cache->refreshedAt(QStringLiteral("acc")).isValid());
    const QList<Page> pages = m_cache->pages(QStringLiteral("acc"));
    QCOMPARE(pages.size(), 1000);
    for (int i = 0; i < pages.size(); ++i)
        QCOMPARE(pages.at(i).path, m_paths.at(999 - i));
    QCOMPARE(pages.first().title, QStringLiteral("Page 999"));
}

void TestPageListSync::refresh_fewerPagesThanCached_dropsTheRest()
{
    const QString other = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("few"));
    test::seedSandboxPages(m_sandbox->server(), other, 3);
    Page stale;
    stale.path = QStringLiteral("Stale");
    QVERIFY(m_cache->storePages(QStringLiteral("few"), 0, QList<Page>(10, stale), 10));
    PageListSync sync(m_client.get(), m_cache.get());
    sync.setAccount(QStringLiteral("few"), other);
    QSignalSpy done(&sync, &PageListSync::refreshFinished);
    sync.refresh();
    QVERIFY(done.wait(10000));
    QVERIFY(!sync.lastError().isError());
    const QList<Page> pages = m_cache->pages(QStringLiteral("few"));
    QCOMPARE(pages.size(), 3);
    QCOMPARE(pages.first().title, QStringLiteral("Page 2"));
}

void TestPageListSync::fetchBatch_atOffset_storesOnlyThatBatch()
{
    PageListSync sync(m_client.get(), m_cache.get());
    sync.setAccount(QStringLiteral("acc"), m_token);
    sync.setBatchSize(50);
    QSignalSpy stored(&sync, &PageListSync::batchStored);
    sync.fetchBatch(100);
    sync.fetchBatch(100); // already running: no second request
    QVERIFY(stored.wait(10000));
    QCOMPARE(stored.first().at(0).toInt(), 100);
    QCOMPARE(stored.first().at(1).toInt(), 50);
    QCOMPARE(stored.first().at(2).toLongLong(), 1000);
    QTest::qWait(0);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(m_cache->cachedCount(QStringLiteral("acc")), 50);
    QCOMPARE(m_cache->pages(QStringLiteral("acc"), 100, 1).first().path, m_paths.at(899));
}

void TestPageListSync::refresh_cancelled_endsWithCancelledAndKeepsWhatArrived()
{
    PageListSync sync(m_client.get(), m_cache.get());
    sync.setAccount(QStringLiteral("acc"), {});
    sync.setBatchSize(20);
    sync.setMaxConcurrent(1);
    QSignalSpy stored(&sync, &PageListSync::batchStored);
    QSignalSpy done(&sync, &PageListSync::refreshFinished);
    sync.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(stored.size() >= 2, 10000);
    sync.cancel();
    QCOMPARE(done.size(), 1);
    QCOMPARE(sync.lastError().category, ApiError::Category::Cancelled);
    QVERIFY(!sync.isRefreshing());
    const int cached = m_cache->cachedCount(QStringLiteral("acc"));
    QVERIFY(cached >= 40 && cached < 1000);
    QVERIFY(!m_cache->refreshedAt(QStringLiteral("acc")).isValid());
    QTest::qWait(50);
    QCOMPARE(m_cache->cachedCount(QStringLiteral("acc")), cached); // nothing arrives later
}

void TestPageListSync::refresh_badToken_failsWithApiError()
{
    PageListSync sync(m_client.get(), m_cache.get());
    sync.setAccount(QStringLiteral("bad"), QString(60, QLatin1Char('0')));
    QSignalSpy done(&sync, &PageListSync::refreshFinished);
    sync.refresh();
    QVERIFY(done.wait(10000));
    QCOMPARE(sync.lastError().category, ApiError::Category::Api);
    QCOMPARE(sync.lastError().code, QStringLiteral("ACCESS_TOKEN_INVALID"));
    QCOMPARE(m_cache->cachedCount(QStringLiteral("bad")), 0);
}

TG_TEST_MAIN_CORE(TestPageListSync)
#include "tst_pagelistsync.moc"
