// SPDX-License-Identifier: MIT
// The whole app on its in-app sandbox: the statistics dock at its default size, the page list
// and the statistics agreeing after F5, the selection kept across it, and a series showing in
// the page list as soon as it is published.
#include "../ui/chartlabels.h"
#include "accounts/accountworkspace.h"
#include "api/telegraphclient.h"
#include "desktop/desktopapp.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "pages/pagelistmodel.h"
#include "pages/pagelistsync.h"
#include "pages/pagelistwidget.h"
#include "pages/statschart.h"
#include "pages/statswidget.h"
#include "sandboxapp.h"
#include "testmain.h"
#include "window/layoutmode.h"
#include "window/mainwindow.h"
#include "window/publishcontroller.h"
#include "workflow/accountmanager.h"
#include "workflow/publishflow.h"
#include "workflow/seriesflow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMouseEvent>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace tg;

namespace {

using test::SandboxApp;

/// Publishes the open draft with this title and text; its page path (empty on failure).
QString publishPage(MainWindow *w, const QString &title, const QString &text)
{
    w->newDraft();
    w->editorPane()->titleEdit()->setText(title);
    w->editorPane()->editor()->setPlainText(text);
    QSignalSpy spy(w, &MainWindow::publishFinished);
    w->publish();
    if (!spy.wait(20000) || !spy.first().first().value<PublishResult>().ok)
        return {};
    return spy.first().first().value<PublishResult>().path;
}

/// The proxy row of a page in the list, or -1.
int rowOf(PageListWidget *list, const QString &path)
{
    QSortFilterProxyModel *proxy = list->proxy();
    for (int r = 0; r < proxy->rowCount(); ++r) {
        if (proxy->index(r, 0).data(PageListModel::PathRole).toString() == path)
            return r;
    }
    return -1;
}

qint64 listViews(AccountWorkspace *ws, const QString &path)
{
    for (const Page &p : ws->pageModel()->pages()) {
        if (p.path == path)
            return p.views;
    }
    return -1;
}

/// Talks to the in-app sandbox over HTTP, as a reader's browser and a test script would.
class Http
{
public:
    Http() { m_nam.setProxy(QNetworkProxy::NoProxy); }
    bool get(const QUrl &url) { return finish(m_nam.get(QNetworkRequest(url))); }
    bool postJson(const QUrl &url, const QJsonObject &body)
    {
        QNetworkRequest r(url);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return finish(m_nam.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }

private:
    static bool finish(QNetworkReply *reply)
    {
        QSignalSpy done(reply, &QNetworkReply::finished);
        const bool ok =
            (reply->isFinished() || done.wait(10000)) && reply->error() == QNetworkReply::NoError;
        reply->deleteLater();
        return ok;
    }
    QNetworkAccessManager m_nam;
};

} // namespace

class TestStatsDock : public QObject
{
    Q_OBJECT

private:
    /// Starts the app and waits for its sandbox account and first page-list refresh.
    void start(SandboxApp &s)
    {
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        AccountWorkspace *ws = s.app->accounts();
        QVERIFY(ws);
        QTRY_COMPARE_WITH_TIMEOUT(ws->currentAccount(), QStringLiteral("sandbox"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!ws->pageSync()->isRefreshing(), 20000);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultDock_dateLabelsAreReadable_andHoverTellsTheViews()
    {
        QTemporaryDir dir;
        SandboxApp s(dir.filePath(QStringLiteral("data")));
        start(s);
        if (QTest::currentTestFailed())
            return;
        MainWindow *w = s.app->window();
        AccountWorkspace *ws = s.app->accounts();
        // The statistics are in the Library layout (the first start opens Write).
        w->layoutMode()->libraryAction()->trigger();
        const QString path = publishPage(w, QStringLiteral("Dock"), QStringLiteral("Text."));
        QVERIFY(!path.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(ws->pageList(), path), 0, 20000);
        ws->pageList()->view()->selectRow(0);
        StatsWidget *stats = ws->stats();
        QCOMPARE(stats->range(), ViewRange::Days30); // the default view
        QTRY_VERIFY_WITH_TIMEOUT(stats->hasSeries(), 20000);

        // At the dock's default size the dates on the axis are whole, not "...".
        StatsChart *chart = stats->chart();
        QTRY_VERIFY_WITH_TIMEOUT(test::allTickLabelsDrawn(chart), 5000);
        qInfo() << "statistics dock" << stats->parentWidget()->size() << "chart" << chart->size()
                << "plot" << chart->chart()->plotArea().size() << "labels" << chart->tickLabels();
        QVERIFY2(!test::anyLabelElided(chart),
                 qPrintable(test::drawnChartLabels(chart).join(QLatin1String(" | "))));
        QVERIFY(chart->tickLabels().size() >= 2);
        QVERIFY((chart->tickLabels().size() + 1) * chart->tickLabelWidth() <=
                chart->chart()->plotArea().width());
        // No views yet: the y axis goes 0–1 in whole steps.
        QCOMPARE(chart->valueTop(), 1.0);
        QCOMPARE(chart->valueTickCount(), 2);

        // Hovering today's bar names the day and its views.
        const QPoint today = chart->barCenter(29);
        QMouseEvent move(QEvent::MouseMove, today, chart->viewport()->mapToGlobal(today),
                         Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(chart->viewport(), &move);
        const QString day = QLocale().toString(QDateTime::currentDateTimeUtc().date(),
                                               QStringLiteral("d MMM yyyy"));
        QVERIFY2(chart->hoverText().startsWith(day), qPrintable(chart->hoverText()));
        QVERIFY2(chart->hoverText().contains(QLatin1String(": 0 ")),
                 qPrintable(chart->hoverText()));
    }

    void f5_listAndStatisticsAgree_andTheSelectionStays()
    {
        QTemporaryDir dir;
        SandboxApp s(dir.filePath(QStringLiteral("data")));
        start(s);
        if (QTest::currentTestFailed())
            return;
        MainWindow *w = s.app->window();
        AccountWorkspace *ws = s.app->accounts();
        const QString read = publishPage(w, QStringLiteral("Read"), QStringLiteral("Read me."));
        const QString other = publishPage(w, QStringLiteral("Other"), QStringLiteral("Not me."));
        QVERIFY(!read.isEmpty() && !other.isEmpty());
        PageListWidget *list = ws->pageList();
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(list, read), 1, 20000);
        list->view()->selectRow(1);
        StatsWidget *stats = ws->stats();
        QCOMPARE(stats->pagePath(), read);
        QTRY_VERIFY_WITH_TIMEOUT(stats->hasSeries(), 20000);
        QCOMPARE(stats->series().total, 0);

        // Five readers open the page; then F5.
        Http http;
        const QUrl url(ws->pageModel()
                           ->page(list->proxy()->mapToSource(list->proxy()->index(1, 0)).row())
                           .url);
        for (int i = 0; i < 5; ++i)
            QVERIFY(http.get(url));
        auto pressF5 = [&] {
            QCOMPARE(ws->refreshAction()->shortcut(), QKeySequence(QKeySequence::Refresh));
            ws->refreshAction()->trigger();
            QVERIFY(ws->pageSync()->isRefreshing());
            QTRY_VERIFY_WITH_TIMEOUT(!ws->pageSync()->isRefreshing(), 20000);
            QTRY_VERIFY_WITH_TIMEOUT(stats->hasSeries(), 20000);
        };
        pressF5();
        QCOMPARE(listViews(ws, read), 5);
        QCOMPARE(list->currentPage()->path, read); // the selection stayed on the page
        QCOMPARE(stats->pagePath(), read);
        QCOMPARE(stats->series().total, 5);
        QCOMPARE(stats->series().rangeSum(), 5);

        // Every period tells the same total.
        for (ViewRange range : {ViewRange::Hours48, ViewRange::Days90, ViewRange::Months12}) {
            stats->setRange(range);
            QTRY_VERIFY_WITH_TIMEOUT(stats->hasSeries(), 20000);
            QCOMPARE(stats->series().total, 5);
            QCOMPARE(stats->series().rangeSum(), 5);
        }

        // Views seeded three days ago show in the 30-day chart once the list is refreshed,
        // although that day was read as zero before.
        stats->setRange(ViewRange::Days30);
        QTRY_VERIFY_WITH_TIMEOUT(stats->hasSeries(), 20000);
        QCOMPARE(stats->series().views.at(26), 0);
        const QDateTime past = QDateTime::currentDateTimeUtc().addDays(-3);
        QUrl control = ws->manager()->client()->settings().apiUrl;
        control.setPath(QStringLiteral("/_sandbox/views"));
        QVERIFY(http.postJson(
            control, {{QStringLiteral("path"), read},
                      {QStringLiteral("timestamps"), QJsonArray{double(past.toSecsSinceEpoch())}},
                      {QStringLiteral("count"), 4}}));
        pressF5();
        QCOMPARE(listViews(ws, read), 9);
        QCOMPARE(list->currentPage()->path, read);
        QCOMPARE(stats->series().views.at(26), 4);
        QCOMPARE(stats->series().total, 9);
        QCOMPARE(stats->series().rangeSum(), 9);
        // The window and its statistics dock after these views, kept as test artifacts.
        QTest::qWait(300); // let the chart paint its new series
        const QString shots = QStringLiteral(TG_ARTIFACTS_DIR);
        QVERIFY(QDir().mkpath(shots));
        QVERIFY(w->grab().save(shots + QStringLiteral("/stats-30days-window-en.png"), "PNG"));
        QVERIFY(stats->parentWidget()->grab().save(
            shots + QStringLiteral("/stats-30days-dock-en.png"), "PNG"));
        stats->setRange(ViewRange::Days90);
        QTRY_VERIFY_WITH_TIMEOUT(stats->hasSeries(), 20000);
        QCOMPARE(stats->series().views.at(86), 4);
        QCOMPARE(stats->series().total, 9);
    }

    void seriesPublish_showsItsPagesInTheList()
    {
        QTemporaryDir dir;
        SandboxApp s(dir.filePath(QStringLiteral("data")));
        start(s);
        if (QTest::currentTestFailed())
            return;
        MainWindow *w = s.app->window();
        AccountWorkspace *ws = s.app->accounts();
        QString text;
        for (int c = 0; c < 6; ++c) {
            text += QStringLiteral("### Chapter %1\n\n").arg(c + 1);
            for (int p = 0; p < 4; ++p)
                text += QString(4000, QLatin1Char('w')) + QStringLiteral("\n\n");
        }
        w->newDraft();
        w->editorPane()->titleEdit()->setText(QStringLiteral("Long story"));
        w->editorPane()->editor()->setPlainText(text);
        QSignalSpy done(w->publishing()->seriesFlow(), &PublishFlow::finished);
        w->publishAsSeries();
        QVERIFY(done.wait(60000));
        const PublishResult r = done.first().first().value<PublishResult>();
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(r.series.partPaths.size() >= 2);

        // Without F5: the index page and every part are in the list.
        QStringList expected = r.series.partPaths;
        expected.append(r.series.indexPath);
        QTRY_COMPARE_WITH_TIMEOUT(ws->pageModel()->totalCount(), qint64(expected.size()), 20000);
        for (const QString &path : std::as_const(expected))
            QTRY_VERIFY_WITH_TIMEOUT(rowOf(ws->pageList(), path) >= 0, 5000);
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestStatsDock tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_statsdock.moc"
