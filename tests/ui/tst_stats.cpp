// SPDX-License-Identifier: MIT
#include "../pages/sandboxseed.h"
#include "api/telegraphclient.h"
#include "chartlabels.h"
#include "pages/csvexport.h"
#include "pages/pagecache.h"
#include "pages/pagelistmodel.h"
#include "pages/pagelistsync.h"
#include "pages/statschart.h"
#include "pages/statswidget.h"
#include "pages/viewstatsfetcher.h"
#include "sandboxfixture.h"
#include "testmain.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <numeric>

using namespace tg;

Q_DECLARE_METATYPE(tg::ViewRange)

namespace {

const QDateTime Now(QDate(2026, 3, 10), QTime(8, 15), Qt::UTC);

struct Seed
{
    QDateTime when;
    qint64 count;
};

QList<Seed> seeds()
{
    QList<Seed> s;
    for (int h = 0; h < 50; h += 5)
        s.append({Now.addSecs(-3600LL * h - 60), 2 * h + 1});
    for (int d = 1; d < 95; d += 4)
        s.append({Now.addDays(-d), d});
    for (int m = 1; m < 25; m += 3)
        s.append({Now.addMonths(-m), 1000 + m});
    return s;
}

} // namespace

class TestStats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void chart_seriesEqualsSeededViews_data();
    void chart_seriesEqualsSeededViews();
    void selectionChange_cancelsAndShowsTheNewPage();
    void cancelButton_stopsTheFetch();
    void exportCsv_writesTheShownNumbers();
    void accountSummary_showsTotalAndTopPages();
    void chart_dateLabels_fitTheWidthWithoutEliding_data();
    void chart_dateLabels_fitTheWidthWithoutEliding();
    void chart_resize_relabels();
    void chart_valueAxis_niceScale_data();
    void chart_valueAxis_niceScale();
    void chart_oneView_wholeTicksUpToOne();
    void chart_hover_tellsTheDayAndItsViews();
    void totalLine_usesPluralForms();
    void listRefresh_showsTheListsNumbersForTheShownPage();

private:
    /// Shows a page's views over a range and waits for them.
    bool showPage(const QString &path, ViewRange range);

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    QString m_token;
    QStringList m_paths;
    QString m_onePath; ///< a page with a single view, today
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PageCache> m_cache;
    std::unique_ptr<TelegraphClient> m_client;
    std::unique_ptr<ViewStatsFetcher> m_fetcher;
    std::unique_ptr<PageListModel> m_model;
    std::unique_ptr<StatsWidget> m_widget;
};

void TestStats::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<test::SandboxFixture>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("stats"));
    m_paths = test::seedSandboxPages(m_sandbox->server(), m_token, 3);
    for (const Seed &s : seeds())
        QVERIFY(m_sandbox->server()->seedViews(m_paths.at(0), s.when, s.count));
    QVERIFY(m_sandbox->server()->seedViews(m_paths.at(1), Now, 7));
    m_onePath =
        test::seedSandboxPages(m_sandbox->server(), m_token, 1, QStringLiteral("One")).value(0);
    QVERIFY(m_sandbox->server()->seedViews(m_onePath, Now, 1));
}

void TestStats::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_cache = std::make_unique<PageCache>();
    QVERIFY(m_cache->open(m_dir->filePath(PageCache::defaultFileName())));
    ClientSettings s;
    s.apiUrl = m_sandbox->url();
    s.proxy.mode = ProxySettings::Mode::None;
    m_client = std::make_unique<TelegraphClient>(s);
    m_fetcher = std::make_unique<ViewStatsFetcher>(m_client.get(), m_cache.get());
    m_fetcher->setClock([] { return Now; });
    m_model = std::make_unique<PageListModel>(m_cache.get(), nullptr);
    m_widget = std::make_unique<StatsWidget>(m_fetcher.get(), m_model.get());
    m_widget->resize(700, 500);
    m_widget->show();
}

void TestStats::cleanup()
{
    m_widget.reset();
    m_model.reset();
    m_fetcher.reset();
    m_client.reset();
    m_cache.reset();
    m_dir.reset();
}

void TestStats::chart_seriesEqualsSeededViews_data()
{
    QTest::addColumn<ViewRange>("range");
    QTest::newRow("48 hours") << ViewRange::Hours48;
    QTest::newRow("30 days") << ViewRange::Days30;
    QTest::newRow("90 days") << ViewRange::Days90;
    QTest::newRow("12 months") << ViewRange::Months12;
    QTest::newRow("24 months") << ViewRange::Months24;
}

void TestStats::chart_seriesEqualsSeededViews()
{
    QFETCH(ViewRange, range);
    QSignalSpy ready(m_fetcher.get(), &ViewStatsFetcher::seriesReady);
    m_widget->setRange(range);
    Page page;
    page.path = m_paths.at(0);
    page.title = QStringLiteral("Page 0");
    m_widget->setPage(page);
    QVERIFY(m_widget->progressBar()->isVisible());
    QVERIFY(ready.wait(30000));
    const QList<ViewBucket> buckets = viewBuckets(range, Now);
    QList<qreal> expected;
    qint64 inRange = 0;
    for (const ViewBucket &b : buckets) {
        qint64 sum = 0;
        for (const Seed &s : seeds()) {
            if (s.when >= b.start && s.when < b.end)
                sum += s.count;
        }
        expected.append(qreal(sum));
        inRange += sum;
    }
    QCOMPARE(m_widget->chart()->barValues(), expected);
    QCOMPARE(m_widget->chart()->categories().size(), buckets.size());
    QVERIFY(m_widget->chart()->categories().last().endsWith(buckets.last().label()));
    QVERIFY(inRange > 0);
    qint64 total = 0;
    for (const Seed &s : seeds())
        total += s.count;
    const QLocale l;
    QVERIFY2(m_widget->totalLabel()->text().contains(l.toString(total)),
             qPrintable(m_widget->totalLabel()->text()));
    QVERIFY(m_widget->totalLabel()->text().contains(l.toString(inRange)));
    QVERIFY(!m_widget->progressBar()->isVisible());
    QVERIFY(m_widget->exportButton()->isEnabled());
}

void TestStats::selectionChange_cancelsAndShowsTheNewPage()
{
    m_widget->setRange(ViewRange::Days90);
    QSignalSpy cancelled(m_fetcher.get(), &ViewStatsFetcher::cancelled);
    QSignalSpy ready(m_fetcher.get(), &ViewStatsFetcher::seriesReady);
    Page first;
    first.path = m_paths.at(0);
    m_widget->setPage(first);
    Page second;
    second.path = m_paths.at(1);
    m_widget->setPage(second);
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(ready.wait(30000));
    QTest::qWait(50);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(m_widget->pagePath(), m_paths.at(1));
    const QList<qreal> bars = m_widget->chart()->barValues();
    QCOMPARE(bars.size(), 90);
    QCOMPARE(bars.last(), 7.0);
    QCOMPARE(std::accumulate(bars.cbegin(), bars.cend(), 0.0), 7.0);
}

void TestStats::cancelButton_stopsTheFetch()
{
    sandbox::FaultSettings slow;
    slow.latencyMs = 20;
    m_sandbox->server()->setFaults(slow);
    m_widget->setRange(ViewRange::Days90);
    Page page;
    page.path = m_paths.at(2);
    QSignalSpy cancelled(m_fetcher.get(), &ViewStatsFetcher::cancelled);
    m_widget->setPage(page);
    QVERIFY(m_widget->cancelButton()->isVisible());
    QTest::mouseClick(m_widget->cancelButton(), Qt::LeftButton);
    m_sandbox->server()->setFaults({});
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!m_fetcher->isRunning());
    QVERIFY(!m_widget->progressBar()->isVisible());
    QVERIFY(!m_widget->exportButton()->isEnabled());
}

void TestStats::exportCsv_writesTheShownNumbers()
{
    const QString file = m_dir->filePath(QStringLiteral("views.csv"));
    QString error;
    QVERIFY(!m_widget->exportCsv(file, &error)); // nothing shown yet
    QVERIFY(!error.isEmpty());
    m_widget->setRange(ViewRange::Hours48);
    QSignalSpy ready(m_fetcher.get(), &ViewStatsFetcher::seriesReady);
    Page page;
    page.path = m_paths.at(0);
    m_widget->setPage(page);
    QVERIFY(ready.wait(30000));
    QVERIFY2(m_widget->exportCsv(file, &error), qPrintable(error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = csv::parse(QString::fromUtf8(f.readAll()));
    QCOMPARE(rows.size(), 1 + 48 + 1);
    const QList<qreal> bars = m_widget->chart()->barValues();
    for (int i = 0; i < 48; ++i)
        QCOMPARE(rows.at(1 + i).at(2).toDouble(), bars.at(i));
}

void TestStats::accountSummary_showsTotalAndTopPages()
{
    QList<Page> pages;
    for (int i = 0; i < 15; ++i) {
        Page p;
        p.path = QStringLiteral("P-%1").arg(i);
        p.title = QStringLiteral("Title %1").arg(i);
        p.views = (i * 37) % 101;
        pages.append(p);
    }
    QVERIFY(m_cache->storePages(QStringLiteral("acc"), 0, pages, 15));
    m_widget->setTopCount(3);
    m_model->setAccount(QStringLiteral("acc"));
    qint64 total = 0;
    for (const Page &p : pages)
        total += p.views;
    QVERIFY2(m_widget->accountLabel()->text().contains(QLocale().toString(total)),
             qPrintable(m_widget->accountLabel()->text()));
    QCOMPARE(m_widget->topPages()->count(), 3);
    QCOMPARE(m_widget->topPages()->item(0)->data(Qt::UserRole).toString(),
             QStringLiteral("P-8")); // 8 * 37 % 101 = 94, the most viewed
    QCOMPARE(m_widget->topPages()->item(2)->data(Qt::UserRole).toString(), QStringLiteral("P-13"));
}

bool TestStats::showPage(const QString &path, ViewRange range)
{
    QSignalSpy ready(m_fetcher.get(), &ViewStatsFetcher::seriesReady);
    m_widget->setRange(range);
    Page page;
    page.path = path;
    m_widget->setPage(page);
    return ready.wait(30000);
}

void TestStats::chart_dateLabels_fitTheWidthWithoutEliding_data()
{
    QTest::addColumn<ViewRange>("range");
    QTest::addColumn<int>("width");
    QTest::newRow("30 days, narrow") << ViewRange::Days30 << 420;
    QTest::newRow("30 days, wide") << ViewRange::Days30 << 1400;
    QTest::newRow("90 days") << ViewRange::Days90 << 700;
    QTest::newRow("48 hours") << ViewRange::Hours48 << 700;
    QTest::newRow("24 months") << ViewRange::Months24 << 600;
}

void TestStats::chart_dateLabels_fitTheWidthWithoutEliding()
{
    QFETCH(ViewRange, range);
    QFETCH(int, width);
    m_widget->resize(width, 300);
    QVERIFY(showPage(m_paths.at(0), range));
    StatsChart *chart = m_widget->chart();
    // Once laid out, every label the x axis was given is drawn whole, none shortened to "...".
    QTRY_VERIFY_WITH_TIMEOUT(test::allTickLabelsDrawn(chart), 5000);
    QVERIFY2(!test::anyLabelElided(chart),
             qPrintable(test::drawnChartLabels(chart).join(QLatin1String(" | "))));
    const QStringList ticks = chart->tickLabels();
    QVERIFY(ticks.size() >= 2);
    QVERIFY(ticks.size() <= chart->categories().size());
    // The labels and their padding fit the plot; the newest bar is always labelled.
    QVERIFY((ticks.size() + 1) * chart->tickLabelWidth() <= chart->chart()->plotArea().width());
    QCOMPARE(chart->tickIndexes().last(), int(chart->categories().size()) - 1);
}

void TestStats::chart_resize_relabels()
{
    m_widget->resize(1400, 300);
    QVERIFY(showPage(m_paths.at(0), ViewRange::Days30));
    StatsChart *chart = m_widget->chart();
    QTRY_VERIFY_WITH_TIMEOUT(test::allTickLabelsDrawn(chart), 5000);
    const int wide = int(chart->tickLabels().size());
    m_widget->resize(450, 300);
    QTRY_VERIFY_WITH_TIMEOUT(chart->tickLabels().size() < wide && test::allTickLabelsDrawn(chart),
                             5000);
    QVERIFY(!test::anyLabelElided(chart));
    m_widget->resize(1400, 300);
    QTRY_COMPARE_WITH_TIMEOUT(int(chart->tickLabels().size()), wide, 5000);
}

void TestStats::chart_valueAxis_niceScale_data()
{
    QTest::addColumn<qint64>("max");
    QTest::addColumn<int>("intervals");
    QTest::addColumn<qint64>("top");
    QTest::addColumn<qint64>("step");
    QTest::newRow("none") << qint64(0) << 5 << qint64(1) << qint64(1);
    QTest::newRow("one") << qint64(1) << 5 << qint64(1) << qint64(1);
    QTest::newRow("two") << qint64(2) << 5 << qint64(2) << qint64(1);
    QTest::newRow("seven") << qint64(7) << 5 << qint64(8) << qint64(2);
    QTest::newRow("seven in two steps") << qint64(7) << 2 << qint64(10) << qint64(5);
    QTest::newRow("thirteen") << qint64(13) << 5 << qint64(15) << qint64(5);
    QTest::newRow("1234") << qint64(1234) << 5 << qint64(1500) << qint64(500);
    QTest::newRow("one step only") << qint64(3) << 1 << qint64(5) << qint64(5);
}

void TestStats::chart_valueAxis_niceScale()
{
    QFETCH(qint64, max);
    QFETCH(int, intervals);
    QFETCH(qint64, top);
    QFETCH(qint64, step);
    qint64 t = -1;
    qint64 s = -1;
    StatsChart::niceScale(max, intervals, &t, &s);
    QCOMPARE(t, top);
    QCOMPARE(s, step);
}

void TestStats::chart_oneView_wholeTicksUpToOne()
{
    m_widget->resize(700, 300);
    QVERIFY(showPage(m_onePath, ViewRange::Days30));
    StatsChart *chart = m_widget->chart();
    QCOMPARE(chart->barValues().last(), 1.0);
    QCOMPARE(chart->valueTop(), 1.0);
    QCOMPARE(chart->valueTickCount(), 2);
    // The drawn y labels are whole numbers: 0 and 1.
    QTRY_VERIFY_WITH_TIMEOUT(test::allTickLabelsDrawn(chart), 5000);
    QStringList numbers;
    for (const QString &t : test::drawnChartLabels(chart)) {
        if (!chart->tickLabels().contains(t))
            numbers.append(t);
    }
    numbers.sort();
    QCOMPARE(numbers, (QStringList{QStringLiteral("0"), QStringLiteral("1")}));
}

void TestStats::chart_hover_tellsTheDayAndItsViews()
{
    m_widget->resize(700, 300);
    QVERIFY(showPage(m_paths.at(1), ViewRange::Days30));
    StatsChart *chart = m_widget->chart();
    QTRY_VERIFY_WITH_TIMEOUT(test::allTickLabelsDrawn(chart), 5000);
    const QPoint today = chart->barCenter(29);
    QCOMPARE(chart->barAt(today), 29);
    QMouseEvent move(QEvent::MouseMove, today, chart->viewport()->mapToGlobal(today), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(chart->viewport(), &move);
    const QString expected = QLocale().toString(Now.date(), QStringLiteral("d MMM yyyy"));
    QVERIFY2(chart->hoverText().startsWith(expected), qPrintable(chart->hoverText()));
    QVERIFY2(chart->hoverText().contains(QLatin1String(": 7 ")), qPrintable(chart->hoverText()));
    QTRY_COMPARE_WITH_TIMEOUT(QToolTip::text(), chart->hoverText(), 5000);
    // A day without views says so too.
    const QPoint before = chart->barCenter(10);
    QMouseEvent move2(QEvent::MouseMove, before, chart->viewport()->mapToGlobal(before),
                      Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(chart->viewport(), &move2);
    QVERIFY2(chart->hoverText().startsWith(
                 QLocale().toString(Now.date().addDays(-19), QStringLiteral("d MMM yyyy"))),
             qPrintable(chart->hoverText()));
    QVERIFY2(chart->hoverText().contains(QLatin1String(": 0 ")), qPrintable(chart->hoverText()));
}

void TestStats::totalLine_usesPluralForms()
{
    QVERIFY(showPage(m_onePath, ViewRange::Days30));
    // One view is not "1 views": the count goes through Qt's plural forms.
    const QString expected = StatsWidget::tr("%Ln view(s) in this period", nullptr, 1) +
                             QStringLiteral(" · ") + StatsWidget::tr("%Ln in total", nullptr, 1);
    QCOMPARE(m_widget->totalLabel()->text(), expected);
    QVERIFY(!m_widget->totalLabel()->text().contains(QLatin1String("1 views")));
}

void TestStats::listRefresh_showsTheListsNumbersForTheShownPage()
{
    // The page list of an account of its own, refreshed from the server, beside the panel.
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("fresh"));
    const QString path =
        test::seedSandboxPages(m_sandbox->server(), token, 1, QStringLiteral("Fresh")).value(0);
    m_client->setAccessToken(token);
    PageListSync sync(m_client.get(), m_cache.get());
    sync.setAccount(QStringLiteral("fresh"), token);
    PageListModel model(m_cache.get(), &sync);
    model.setAccount(QStringLiteral("fresh"));
    StatsWidget widget(m_fetcher.get(), &model);
    QSignalSpy listed(&sync, &PageListSync::refreshFinished);
    sync.refresh();
    QVERIFY(listed.wait(30000));
    QSignalSpy ready(m_fetcher.get(), &ViewStatsFetcher::seriesReady);
    widget.setPage(model.page(0));
    QVERIFY(ready.wait(30000));
    QCOMPARE(m_fetcher->series().total, 0);

    // The page is read five times today; a refresh of the list shows it, and so does the
    // panel, without selecting the page again.
    QVERIFY(m_sandbox->server()->seedViews(path, Now, 5));
    ready.clear();
    sync.refresh();
    QVERIFY(listed.wait(30000));
    QCOMPARE(model.page(0).views, 5);
    QVERIFY(ready.wait(30000));
    const ViewSeries shown = ready.last().first().value<ViewSeries>();
    QCOMPARE(shown.path, path);
    QCOMPARE(shown.total, model.page(0).views);
    QCOMPARE(shown.rangeSum(), 5);
    QVERIFY2(widget.totalLabel()->text().contains(QLatin1String("5 in total")),
             qPrintable(widget.totalLabel()->text()));
}

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestStats tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_stats.moc"
