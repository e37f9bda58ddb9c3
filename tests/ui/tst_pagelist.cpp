// SPDX-License-Identifier: MIT
#include "../pages/sandboxseed.h"
#include "api/telegraphclient.h"
#include "pages/pagecache.h"
#include "pages/pagelistmodel.h"
#include "pages/pagelistsync.h"
#include "pages/pagelistwidget.h"
#include "sandboxfixture.h"
#include "testmain.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace tg;

class TestPageList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void scrolling_pagesThrough1000Pages_inServerOrder();
    void cache_showsRowsAtOnceWithoutNetwork();
    void filter_coversWholeCachedList_data();
    void filter_coversWholeCachedList();
    void sort_byViews_putsMostViewedFirst();
    void refresh_showsProgressAndEnds();
    void refresh_cancel_stopsAndSaysSo();
    void actions_openCopyAndEdit_useSelectedPage();
    void exportCsv_writesShownRows();
    void offline_failedBatch_doesNotRetryOnEveryScroll();
    void refresh_keepsTheSelectedPage_data();
    void refresh_keepsTheSelectedPage();

private:
    ClientSettings settings() const;
    void fillCache();

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    QString m_token;
    QStringList m_paths;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PageCache> m_cache;
    std::unique_ptr<TelegraphClient> m_client;
    std::unique_ptr<PageListSync> m_sync;
    std::unique_ptr<PageListModel> m_model;
    std::unique_ptr<PageListWidget> m_widget;
};

ClientSettings TestPageList::settings() const
{
    ClientSettings s;
    s.apiUrl = m_sandbox->url();
    s.proxy.mode = ProxySettings::Mode::None;
    s.timeoutMs = 10000;
    return s;
}

void TestPageList::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<test::SandboxFixture>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("list"));
    m_paths = test::seedSandboxPages(m_sandbox->server(), m_token, 1000);
    QVERIFY(m_sandbox->server()->seedViews(m_paths.at(123), QDateTime::currentDateTimeUtc(), 500));
    QVERIFY(m_sandbox->server()->seedViews(m_paths.at(7), QDateTime::currentDateTimeUtc(), 300));
}

void TestPageList::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_cache = std::make_unique<PageCache>();
    QVERIFY(m_cache->open(m_dir->filePath(PageCache::defaultFileName())));
    m_client = std::make_unique<TelegraphClient>(settings());
    m_client->setAccessToken(m_token);
    m_sync = std::make_unique<PageListSync>(m_client.get(), m_cache.get());
    m_sync->setAccount(QStringLiteral("acc"), {});
    m_model = std::make_unique<PageListModel>(m_cache.get(), m_sync.get());
    m_widget = std::make_unique<PageListWidget>(m_model.get(), m_sync.get());
    m_widget->setUrlOpener([](const QUrl &) { QFAIL("no opener set by the test"); });
    m_widget->resize(800, 400);
    m_widget->show();
}

void TestPageList::cleanup()
{
    m_widget.reset();
    m_model.reset();
    m_sync.reset();
    m_client.reset();
    m_cache.reset();
    m_dir.reset();
}

void TestPageList::fillCache()
{
    QSignalSpy done(m_sync.get(), &PageListSync::refreshFinished);
    m_sync->refresh();
    QVERIFY(done.wait(30000));
    QVERIFY(!m_sync->lastError().isError());
}

void TestPageList::scrolling_pagesThrough1000Pages_inServerOrder()
{
    m_sync->setBatchSize(100);
    m_model->setAccount(QStringLiteral("acc"));
    QCOMPARE(m_model->rowCount(), 0);
    QTableView *view = m_widget->view();
    // Each scroll to the bottom asks for the next batch, until all pages are there.
    for (int round = 0; round < 30 && m_model->rowCount() < 1000; ++round) {
        const int before = m_model->rowCount();
        view->scrollToBottom();
        if (m_model->canFetchMore())
            m_model->fetchMore(); // what the view does when its scroll bar reaches the end
        QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount() > before, 10000);
    }
    QCOMPARE(m_model->rowCount(), 1000);
    QCOMPARE(m_model->totalCount(), 1000);
    QVERIFY(!m_model->canFetchMore());
    for (int row = 0; row < 1000; ++row)
        QCOMPARE(m_model->page(row).path, m_paths.at(999 - row));
    QCOMPARE(m_model->data(m_model->index(0, PageListModel::CreatedColumn)).toLongLong(), 1000);
    QCOMPARE(m_model->data(m_model->index(999, PageListModel::CreatedColumn)).toLongLong(), 1);
    QCOMPARE(m_cache->cachedCount(QStringLiteral("acc")), 1000);
}

void TestPageList::cache_showsRowsAtOnceWithoutNetwork()
{
    fillCache();
    // A fresh model without any client, as at start-up offline.
    PageListModel offline(m_cache.get(), nullptr);
    offline.setCacheChunk(300);
    offline.setAccount(QStringLiteral("acc"));
    QCOMPARE(offline.rowCount(), 300);
    QCOMPARE(offline.totalCount(), 1000);
    QCOMPARE(offline.page(0).title, QStringLiteral("Page 999"));
    QVERIFY(offline.canFetchMore());
    offline.loadAllCached();
    QCOMPARE(offline.rowCount(), 1000);
    QVERIFY(!offline.canFetchMore());
}

void TestPageList::filter_coversWholeCachedList_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::newRow("title prefix") << QStringLiteral("Page 99") << 11;
    QTest::newRow("case") << QStringLiteral("page 5") << 111;
    QTest::newRow("description") << QStringLiteral("text 1000") << 0;
    QTest::newRow("path") << QStringLiteral("Page-12-") << 1;
    QTest::newRow("all") << QString() << 1000;
}

void TestPageList::filter_coversWholeCachedList()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    fillCache();
    m_model->setCacheChunk(200);
    m_model->setAccount(QStringLiteral("acc"));
    QCOMPARE(m_model->rowCount(), 200);
    QTest::keyClicks(m_widget->filterEdit(), text);
    if (text.isEmpty()) {
        m_widget->setFilterText(text);
        m_model->loadAllCached();
    }
    QCOMPARE(m_widget->proxy()->rowCount(), rows);
}

void TestPageList::sort_byViews_putsMostViewedFirst()
{
    fillCache();
    m_model->setAccount(QStringLiteral("acc"));
    m_model->loadAllCached();
    m_widget->view()->sortByColumn(PageListModel::ViewsColumn, Qt::DescendingOrder);
    QSortFilterProxyModel *proxy = m_widget->proxy();
    QCOMPARE(proxy->index(0, 0).data(PageListModel::PathRole).toString(), m_paths.at(123));
    QCOMPARE(proxy->index(1, 0).data(PageListModel::PathRole).toString(), m_paths.at(7));
    QCOMPARE(proxy->index(0, PageListModel::ViewsColumn).data().toLongLong(), 500);
}

void TestPageList::refresh_showsProgressAndEnds()
{
    m_sync->setBatchSize(50);
    m_model->setAccount(QStringLiteral("acc"));
    QSignalSpy done(m_sync.get(), &PageListSync::refreshFinished);
    m_widget->refreshAction()->trigger();
    QVERIFY(m_widget->progressBar()->isVisible());
    QVERIFY(m_widget->cancelAction()->isEnabled());
    QVERIFY(!m_widget->refreshAction()->isEnabled());
    QVERIFY(done.wait(30000));
    QVERIFY(!m_widget->progressBar()->isVisible());
    QVERIFY(m_widget->refreshAction()->isEnabled());
    QCOMPARE(m_model->totalCount(), 1000);
    QVERIFY(m_model->rowCount() >= 50); // the rows shown so far were updated and grown
    QCOMPARE(m_cache->cachedCount(QStringLiteral("acc")), 1000);
}

void TestPageList::refresh_cancel_stopsAndSaysSo()
{
    m_sync->setBatchSize(10);
    m_sync->setMaxConcurrent(1);
    m_model->setAccount(QStringLiteral("acc"));
    QSignalSpy stored(m_sync.get(), &PageListSync::batchStored);
    QSignalSpy done(m_sync.get(), &PageListSync::refreshFinished);
    m_widget->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(stored.size() >= 2, 10000);
    m_widget->cancelAction()->trigger();
    QCOMPARE(done.size(), 1);
    QCOMPARE(m_sync->lastError().category, ApiError::Category::Cancelled);
    QVERIFY(!m_widget->progressBar()->isVisible());
    QVERIFY(m_widget->findChild<QLabel *>() != nullptr);
}

void TestPageList::actions_openCopyAndEdit_useSelectedPage()
{
    fillCache();
    m_model->setAccount(QStringLiteral("acc"));
    QVERIFY(!m_widget->openInBrowserAction()->isEnabled());
    QList<QUrl> opened;
    m_widget->setUrlOpener([&opened](const QUrl &url) { opened.append(url); });
    QSignalSpy current(m_widget.get(), &PageListWidget::currentPageChanged);
    QSignalSpy edit(m_widget.get(), &PageListWidget::openInEditorRequested);
    m_widget->view()->setCurrentIndex(m_widget->proxy()->index(2, 0));
    QCOMPARE(current.size(), 1);
    const Page page = current.first().first().value<Page>();
    QCOMPARE(page.path, m_paths.at(997));
    QVERIFY(m_widget->openInBrowserAction()->isEnabled());
    m_widget->openInBrowserAction()->trigger();
    QCOMPARE(opened, QList<QUrl>{QUrl(page.url)});
    m_widget->copyUrlAction()->trigger();
    QCOMPARE(QApplication::clipboard()->text(), page.url);
    m_widget->openInEditorAction()->trigger();
    QCOMPARE(edit.size(), 1);
    QCOMPARE(edit.first().first().value<Page>().path, page.path);
}

void TestPageList::exportCsv_writesShownRows()
{
    fillCache();
    m_model->setAccount(QStringLiteral("acc"));
    m_widget->setFilterText(QStringLiteral("Page 99"));
    const QString file = m_dir->filePath(QStringLiteral("pages.csv"));
    QString error;
    QVERIFY2(m_widget->exportCsv(file, &error), qPrintable(error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().count("\r\n"), 12);
    QVERIFY(!m_widget->exportCsv(m_dir->filePath(QStringLiteral("no/such/dir.csv")), &error));
    QVERIFY(!error.isEmpty());
}

void TestPageList::offline_failedBatch_doesNotRetryOnEveryScroll()
{
    m_sync->setAccount(QStringLiteral("acc"), QString(60, QLatin1Char('c'))); // refused token
    m_model->setAccount(QStringLiteral("acc"));
    QSignalSpy failed(m_sync.get(), &PageListSync::batchFailed);
    QVERIFY(m_model->canFetchMore());
    m_model->fetchMore();
    QVERIFY(failed.wait(10000));
    QVERIFY(!m_model->canFetchMore());
    QCOMPARE(m_model->rowCount(), 0);
}

void TestPageList::refresh_keepsTheSelectedPage_data()
{
    QTest::addColumn<int>("column"); // the column the list is sorted by
    QTest::newRow("newest first") << int(PageListModel::CreatedColumn);
    QTest::newRow("most viewed first") << int(PageListModel::ViewsColumn);
}

void TestPageList::refresh_keepsTheSelectedPage()
{
    QFETCH(int, column);
    // An account of its own: this test adds pages.
    const QString token = test::seedSandboxAccount(
        m_sandbox->server(), QStringLiteral("keep%1").arg(QTest::currentDataTag()[0]));
    const QStringList paths =
        test::seedSandboxPages(m_sandbox->server(), token, 40, QStringLiteral("Keep"));
    m_client->setAccessToken(token);
    m_sync->setAccount(QStringLiteral("keep"), token);
    m_model->setAccount(QStringLiteral("keep"));
    fillCache();
    m_widget->resize(800, 200); // a few rows visible: the selected one must be scrolled to
    m_widget->view()->sortByColumn(column, Qt::DescendingOrder);
    QSortFilterProxyModel *proxy = m_widget->proxy();
    const int row = 12;
    m_widget->view()->selectRow(row);
    const QString selected = proxy->index(row, 0).data(PageListModel::PathRole).toString();
    QCOMPARE(m_widget->currentPage()->path, selected);
    QSignalSpy changed(m_widget.get(), &PageListWidget::currentPageChanged);

    // Meanwhile pages were published and the selected page was read: every row moves.
    test::seedSandboxPages(m_sandbox->server(), token, 3, QStringLiteral("Newer"));
    QVERIFY(m_sandbox->server()->seedViews(selected, QDateTime::currentDateTimeUtc(), 9));
    QSignalSpy done(m_sync.get(), &PageListSync::refreshFinished);
    m_widget->refreshAction()->trigger();
    QVERIFY(done.wait(30000));
    QCOMPARE(m_model->totalCount(), 43);

    // The selection, the current row and the statistics' page are still that page, in view.
    QCOMPARE(m_widget->currentPage()->path, selected);
    QCOMPARE(m_widget->currentPage()->views, 9);
    const QModelIndexList rows = m_widget->view()->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().data(PageListModel::PathRole).toString(), selected);
    const QModelIndex current = m_widget->view()->currentIndex();
    QCOMPARE(current.data(PageListModel::PathRole).toString(), selected);
    QVERIFY(m_widget->view()->viewport()->rect().intersects(m_widget->view()->visualRect(current)));
    for (const QList<QVariant> &args : std::as_const(changed))
        QCOMPARE(args.first().value<Page>().path, selected);
}

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestPageList tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_pagelist.moc"
