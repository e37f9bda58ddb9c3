// SPDX-License-Identifier: MIT
// Publishing from the real main window against the in-process sandbox: publish, update, open,
// flood wait countdown, revisions diff and restore, offline failure.
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
#include "uitestwindow.h"
#include "window/publishbar.h"
#include "workflow/clientpublisher.h"
#include "workflow/draftsession.h"

#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace tg;

class TestPublish : public QObject
{
    Q_OBJECT

    struct Rig
    {
        test::SandboxFixture sandbox;
        std::unique_ptr<TelegraphClient> client;
        std::unique_ptr<ClientPublisher> publisher;
        test::UiTestWindow ui;
    };

    static bool setUp(Rig &rig, const QUrl &apiOverride = {})
    {
        if (apiOverride.isEmpty() && !rig.sandbox.start())
            return false;
        ClientSettings cs;
        cs.apiUrl = apiOverride.isEmpty() ? rig.sandbox.url() : apiOverride;
        cs.timeoutMs = 5000;
        rig.client = std::make_unique<TelegraphClient>(cs);
        if (apiOverride.isEmpty()) {
            CreateAccountRequest req;
            req.shortName = QStringLiteral("Tester");
            AccountJob *job = rig.client->createAccount(req);
            QSignalSpy done(job, &ApiJob::finished);
            if (!done.wait(10000) || !job->isSucceeded())
                return false;
        }
        rig.publisher = std::make_unique<ClientPublisher>(rig.client.get());
        if (!rig.ui.open())
            return false;
        rig.ui.window->setPublisher(rig.publisher.get());
        return true;
    }

    static void write(MainWindow *w, const QString &title, const QString &body)
    {
        w->editorPane()->titleEdit()->setText(title);
        w->editorPane()->editor()->setPlainText(body);
    }

    static PublishOutcome publishAndWait(MainWindow *w)
    {
        QSignalSpy spy(w, &MainWindow::publishFinished);
        w->publish();
        if (!spy.wait(30000))
            return {};
        return spy.first().first().value<PublishOutcome>();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void publish_thenUpdate_keepsPathAndStoresRevisions()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.ui.window.get();
        write(w, QStringLiteral("First page"), QStringLiteral("Hello **sandbox**."));
        const PublishOutcome first = publishAndWait(w);
        QVERIFY2(first.ok, qPrintable(first.error));
        QVERIFY(!first.path.isEmpty());
        QVERIFY(w->publishBar()->text().contains(first.url));
        QCOMPARE(w->session()->draft().pagePath, first.path);

        write(w, QStringLiteral("First page"), QStringLiteral("Hello again."));
        const PublishOutcome second = publishAndWait(w);
        QVERIFY2(second.ok, qPrintable(second.error));
        QCOMPARE(second.path, first.path);
        QVERIFY2(rig.ui.store->revisions(w->session()->draft().id).size() == 2,
                 qPrintable(rig.ui.store->lastError()));

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
        write(w, QStringLiteral("Versions"), QStringLiteral("line one\nold line"));
        QVERIFY(publishAndWait(w).ok);
        write(w, QStringLiteral("Versions"), QStringLiteral("line one\nnew line"));
        QVERIFY(publishAndWait(w).ok);
        write(w, QStringLiteral("Versions"), QStringLiteral("line one\nnewest line"));

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
        write(w, QStringLiteral("To open"), QStringLiteral("Some text to read back."));
        const PublishOutcome published = publishAndWait(w);
        QVERIFY(published.ok);
        const QString firstDraft = w->session()->draft().id;

        QSignalSpy spy(w, &MainWindow::pageOpened);
        w->openPage(published.url);
        QVERIFY(spy.wait(15000));
        QVERIFY(spy.first().first().value<PublishOutcome>().ok);
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
        const PublishOutcome o = spy.first().first().value<PublishOutcome>();
        QVERIFY(!o.ok);
        QVERIFY(o.error.contains(QLatin1String("PAGE_NOT_FOUND")));
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
        write(w, QStringLiteral("Flood one"), QStringLiteral("one"));
        QVERIFY(publishAndWait(w).ok);
        write(w, QStringLiteral("Flood two"), QStringLiteral("two"));
        QSignalSpy countdown(rig.publisher.get(), &Publisher::floodWait);
        const PublishOutcome o = publishAndWait(w);
        QVERIFY2(o.ok, qPrintable(o.error));
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
        write(w, QString(), QStringLiteral("No title here."));
        QSignalSpy spy(w, &MainWindow::publishFinished);
        w->publish();
        QVERIFY(w->publishBar()->text().startsWith(QLatin1String("Not published")));
        QVERIFY(!spy.wait(500));
        QVERIFY(!rig.publisher->isBusy());
    }

    void offline_failsPlainlyAndKeepsTheDraft()
    {
        Rig rig;
        QVERIFY(setUp(rig, QUrl(QStringLiteral("http://127.0.0.1:1"))));
        MainWindow *w = rig.ui.window.get();
        rig.client->setAccessToken(QString(60, QLatin1Char('a')));
        write(w, QStringLiteral("Offline"), QStringLiteral("Every word stays."));
        const PublishOutcome o = publishAndWait(w);
        QVERIFY(!o.ok);
        QVERIFY2(o.offline, qPrintable(o.error));
        QCOMPARE(w->editorPane()->body(), QStringLiteral("Every word stays."));
        w->saveNow();
        rig.ui.store->flush();
        QCOMPARE(rig.ui.store->draft(w->session()->draft().id)->body,
                 QStringLiteral("Every word stays."));
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
