// SPDX-License-Identifier: MIT
// Publishing from the real main window against the in-process sandbox: publish, update, open,
// flood wait countdown, revisions diff and restore, offline failure, and the message area's
// Cancel stopping a series and an unpublish.
#include "api/accountjob.h"
#include "api/apirequests.h"
#include "api/pagejob.h"
#include "api/telegraphclient.h"
#include "drafts/revisionsdialog.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "sandbox/server.h"
#include "sandboxfixture.h"
#include "testmain.h"
#include "uipublishrig.h"
#include "uitestwindow.h"
#include "window/messagearea.h"
#include "window/publishcontroller.h"
#include "workflow/draftpublishflow.h"
#include "workflow/draftsession.h"
#include "workflow/seriesflow.h"
#include "workflow/unpublishflow.h"

#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QToolButton>

using namespace tg;

class TestPublish : public QObject
{
    Q_OBJECT

    using Rig = test::UiPublishRig;

    static bool setUp(Rig &rig, const QUrl &apiOverride = {})
    {
        return rig.connect(QStringLiteral("Tester"), apiOverride);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void publish_thenUpdate_keepsPathAndStoresRevisions()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.ui.window.get();
        test::writeDraft(w, QStringLiteral("First page"), QStringLiteral("Hello **sandbox**."));
        const PublishResult first = test::publishAndWait(w);
        QVERIFY2(first.ok, qPrintable(first.message));
        QVERIFY(!first.path.isEmpty());
        QVERIFY(w->publishBar()->text().contains(first.url));
        QCOMPARE(w->session()->draft().pagePath, first.path);

        test::writeDraft(w, QStringLiteral("First page"), QStringLiteral("Hello again."));
        const PublishResult second = test::publishAndWait(w);
        QVERIFY2(second.ok, qPrintable(second.message));
        QCOMPARE(second.path, first.path);
        const QList<Revision> revisions = rig.ui.store->revisions(w->session()->draft().id);
        QVERIFY2(revisions.size() == 2, qPrintable(rig.ui.store->lastError()));
        // The newest revision holds exactly what the server stores.
        QCOMPARE(revisions.first().id, second.revisionId);
        QCOMPARE(revisions.first().contentJson,
                 toJson(test::fetchPage(rig.client.get(), first.path, true).content));

        GetPageRequest get;
        get.path = first.path;
        get.returnContent = true;
        PageJob *job = rig.client->getPage(get);
        QSignalSpy done(job, &ApiJob::finished);
        QVERIFY(done.wait(10000));
        QVERIFY(job->isSucceeded());
        QString text;
        for (const Node &n : job->page().content)
            text += n.plainText();
        QCOMPARE(text, QStringLiteral("Hello again."));
    }

    void revisions_diffAndRestore()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.ui.window.get();
        test::writeDraft(w, QStringLiteral("Versions"), QStringLiteral("line one\nold line"));
        QVERIFY(test::publishAndWait(w).ok);
        test::writeDraft(w, QStringLiteral("Versions"), QStringLiteral("line one\nnew line"));
        QVERIFY(test::publishAndWait(w).ok);
        test::writeDraft(w, QStringLiteral("Versions"), QStringLiteral("line one\nnewest line"));

        RevisionsDialog dialog(rig.ui.store.get(), w->session()->draft().id,
                               w->editorPane()->body(), w);
        QCOMPARE(dialog.list()->count(), 2);
        dialog.list()->setCurrentRow(1); // the older one
        QVERIFY(dialog.diffText().contains(QLatin1String("- old line")));
        QVERIFY(dialog.diffText().contains(QLatin1String("+ newest line")));
        connect(&dialog, &RevisionsDialog::restoreRequested, w, &MainWindow::restoreRevision);
        dialog.restoreSelected();
        QCOMPARE(w->editorPane()->body(), QStringLiteral("line one\nold line"));
        // Restoring is an ordinary edit: undo brings the newer text back.
        w->editorPane()->editor()->undo();
        QCOMPARE(w->editorPane()->body(), QStringLiteral("line one\nnewest line"));
    }

    void openPage_byUrl_opensItAsADraft()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.ui.window.get();
        test::writeDraft(w, QStringLiteral("To open"), QStringLiteral("Some text to read back."));
        const PublishResult published = test::publishAndWait(w);
        QVERIFY(published.ok);
        const QString firstDraft = w->session()->draft().id;

        QSignalSpy spy(w, &MainWindow::pageOpened);
        w->openPage(published.url);
        QVERIFY(spy.wait(15000));
        QVERIFY(spy.first().first().value<PublishResult>().ok);
        QVERIFY(w->session()->draft().id != firstDraft);
        QCOMPARE(w->session()->draft().pagePath, published.path);
        QCOMPARE(w->editorPane()->title(), QStringLiteral("To open"));
        QVERIFY(w->editorPane()->body().contains(QLatin1String("Some text to read back.")));
    }

    void openPage_unknownPath_saysSo()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.ui.window.get();
        QSignalSpy spy(w, &MainWindow::pageOpened);
        w->openPage(QStringLiteral("No-Such-Page-01-01"));
        QVERIFY(spy.wait(15000));
        const PublishResult o = spy.first().first().value<PublishResult>();
        QVERIFY(!o.ok);
        QCOMPARE(o.error.code, QStringLiteral("PAGE_NOT_FOUND"));
        QVERIFY(w->publishBar()->text().contains(QLatin1String("no such page")));
    }

    void floodWait_countsDownThenPublishes()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.ui.window.get();
        sandbox::FloodSettings flood;
        flood.burst = 1;
        flood.intervalSec = 2.0;
        rig.sandbox.server()->setFlood(flood);
        test::writeDraft(w, QStringLiteral("Flood one"), QStringLiteral("one"));
        QVERIFY(test::publishAndWait(w).ok);
        test::writeDraft(w, QStringLiteral("Flood two"), QStringLiteral("two"));
        QSignalSpy countdown(w->publishing()->publishFlow(), &PublishFlow::floodCountdown);
        const PublishResult o = test::publishAndWait(w);
        QVERIFY2(o.ok, qPrintable(o.message));
        QVERIFY(countdown.count() >= 2);
        QCOMPARE(countdown.last().first().toInt(), 0);
        // The draft stayed editable while waiting.
        QVERIFY(!w->editorPane()->editor()->isReadOnly());
    }

    void invalidContent_isRefusedBeforeSending()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.ui.window.get();
        test::writeDraft(w, QString(), QStringLiteral("No title here."));
        const PublishResult o = test::publishAndWait(w);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.category, ApiError::Category::Validation);
        QVERIFY2(w->publishBar()->text().startsWith(QLatin1String("Not published")),
                 qPrintable(w->publishBar()->text()));
        QVERIFY(!w->publishing()->publishFlow()->isBusy());
        QVERIFY(rig.ui.store->revisions(w->session()->draft().id).isEmpty());
        QVERIFY(w->session()->draft().pagePath.isEmpty());
    }

    void offline_failsPlainlyAndKeepsTheDraft()
    {
        Rig rig;
        QVERIFY(setUp(rig, QUrl(QStringLiteral("http://127.0.0.1:1"))));
        MainWindow *w = rig.ui.window.get();
        rig.client->setAccessToken(QString(60, QLatin1Char('a')));
        test::writeDraft(w, QStringLiteral("Offline"), QStringLiteral("Every word stays."));
        const PublishResult o = test::publishAndWait(w);
        QVERIFY(!o.ok);
        QVERIFY2(o.offline, qPrintable(o.message));
        QCOMPARE(w->editorPane()->body(), QStringLiteral("Every word stays."));
        w->saveNow();
        rig.ui.store->flush();
        QCOMPARE(rig.ui.store->draft(w->session()->draft().id)->body,
                 QStringLiteral("Every word stays."));
    }

    void messageAreaCancel_stopsASeries()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.ui.window.get();
        QString text;
        for (int s = 0; s < 10; ++s) {
            text += QStringLiteral("### Chapter %1\n\n").arg(s + 1);
            for (int p = 0; p < 4; ++p)
                text += QString(4000, QLatin1Char('w')) + QStringLiteral("\n\n");
        }
        test::writeDraft(w, QStringLiteral("Big book"), text);
        sandbox::FaultSettings slow;
        slow.latencyMs = 300;
        rig.sandbox.server()->setFaults(slow);
        SeriesFlow *series = w->publishing()->seriesFlow();
        QSignalSpy done(series, &PublishFlow::finished);
        w->publishAsSeries();
        MessageLine *line = w->messages()->lineOf(series);
        QVERIFY(line);
        QVERIFY(!line->cancelButton()->accessibleName().isEmpty());
        // Pressed as soon as part 1 exists and part 2 is about to be created.
        bool wasVisible = false;
        connect(series, &PublishFlow::progress, line, [&](const QString &text) {
            if (!text.startsWith(QLatin1String("Creating part 2")))
                return;
            wasVisible = line->cancelButton()->isVisible();
            line->cancelButton()->click();
        });
        QVERIFY(done.wait(30000));
        QVERIFY(wasVisible);
        QCOMPARE(done.count(), 1);
        const PublishResult r = done.first().first().value<PublishResult>();
        QCOMPARE(r.error.category, ApiError::Category::Cancelled);
        QCOMPARE(r.series.partPaths.size(), 1);
        QVERIFY(!series->isBusy());
        QVERIFY(!line->cancelButton()->isVisible());
        // Nothing after part 1 went out: the server has that one page.
        rig.sandbox.server()->setFaults(sandbox::FaultSettings());
        PageListJob *list = rig.client->getPageList({0, 50, {}});
        QSignalSpy listed(list, &ApiJob::finished);
        QVERIFY(listed.wait(10000));
        QCOMPARE(list->pageList().totalCount, 1);
        delete list;
        QVERIFY(line->text().contains(QLatin1String("cancelled")));
    }

    void messageAreaCancel_stopsAnUnpublish()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.ui.window.get();
        test::writeDraft(w, QStringLiteral("Keep me"), QStringLiteral("Still here."));
        const PublishResult published = test::publishAndWait(w);
        QVERIFY(published.ok);
        // As the account workspace does: its unpublish flow has a line in the message area.
        UnpublishFlow unpublish(rig.client.get(), rig.ui.store.get());
        w->messages()->track(&unpublish);
        sandbox::FaultSettings slow;
        slow.latencyMs = 3000;
        rig.sandbox.server()->setFaults(slow);
        QSignalSpy done(&unpublish, &PublishFlow::finished);
        QVERIFY(unpublish.unpublish(published.path, QStringLiteral("Gone.")));
        MessageLine *line = w->messages()->lineOf(&unpublish);
        QVERIFY(line);
        QVERIFY(line->cancelButton()->isVisible());
        // Each operation has its own Cancel: the publish line's is not shown.
        QVERIFY(
            !w->messages()->lineOf(w->publishing()->publishFlow())->cancelButton()->isVisible());
        line->cancelButton()->click();
        QCOMPARE(done.count(), 1);
        QCOMPARE(done.first().first().value<PublishResult>().error.category,
                 ApiError::Category::Cancelled);
        QVERIFY(w->publishBar()->text().contains(QLatin1String("unchanged")));
        rig.sandbox.server()->setFaults(sandbox::FaultSettings());
        QCOMPARE(
            test::fetchPage(rig.client.get(), published.path, true).content.first().plainText(),
            QStringLiteral("Still here."));
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestPublish tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_publish.moc"
