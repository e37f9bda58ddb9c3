// SPDX-License-Identifier: MIT
// The writer's draft and what the window says about it, in the real main window over a real
// drafts database, the real preview and the in-process sandbox: hints before errors, the drafts
// list following the typed title and an unpublish, messages that go with their draft, the format
// of new drafts and of pasted Markdown, and links inserted with Ctrl+K or left without an address.
#include "../pages/sandboxseed.h"
#include "api/accountjob.h"
#include "api/apirequests.h"
#include "api/telegraphclient.h"
#include "drafts/draftspanel.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "preview/contentmeter.h"
#include "sandboxfixture.h"
#include "testmain.h"
#include "uitestwindow.h"
#include "window/messagearea.h"
#include "window/publishcontroller.h"
#include "workflow/draftpublishflow.h"
#include "workflow/draftsession.h"
#include "workflow/pagefetchflow.h"
#include "workflow/unpublishflow.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QToolButton>

using namespace tg;

class TestDrafts : public QObject
{
    Q_OBJECT

    struct Rig
    {
        test::SandboxFixture sandbox;
        std::unique_ptr<TelegraphClient> client;
        test::UiTestWindow ui;
        MainWindow *w() const { return ui.window.get(); }
    };

    static bool setUp(Rig &rig)
    {
        if (!rig.sandbox.start())
            return false;
        ClientSettings cs;
        cs.apiUrl = rig.sandbox.url();
        cs.timeoutMs = 5000;
        rig.client = std::make_unique<TelegraphClient>(cs);
        CreateAccountRequest req;
        req.shortName = QStringLiteral("Writer");
        AccountJob *job = rig.client->createAccount(req);
        QSignalSpy done(job, &ApiJob::finished);
        if (!done.wait(10000) || !job->isSucceeded())
            return false;
        if (!rig.ui.open())
            return false;
        rig.ui.window->setClient(rig.client.get());
        return true;
    }

    static bool waitForPreview(MainWindow *w, int timeoutMs = 15000)
    {
        return QTest::qWaitFor(
            [w] {
                return w->preview()->isReady() && w->lastResult().serial == w->editSerial() &&
                       w->preview()->shownSerial() == w->editSerial();
            },
            timeoutMs);
    }

    static PublishResult publishAndWait(MainWindow *w)
    {
        QSignalSpy spy(w, &MainWindow::publishFinished);
        w->publish();
        if (!spy.wait(30000))
            return {};
        return spy.first().first().value<PublishResult>();
    }

    /// Types into a widget through real key events.
    static void type(QWidget *widget, const QString &text)
    {
        widget->setFocus();
        QTest::keyClicks(widget, text);
    }

    /// The window's action bound to this shortcut (as the menus build it).
    static QAction *actionFor(MainWindow *w, const QKeySequence &keys)
    {
        for (QAction *a : w->findChildren<QAction *>()) {
            if (a->shortcuts().contains(keys))
                return a;
        }
        return nullptr;
    }

    static QStringList shownTexts(MessageArea *area)
    {
        QStringList out;
        for (MessageLine *line : area->visibleLines())
            out.append(line->text());
        return out;
    }

    static bool anyShown(MessageArea *area, const QString &part)
    {
        for (const QString &t : shownTexts(area)) {
            if (t.contains(part))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void emptyDraft_showsHints_andErrorsOnlyAfterARefusedPublish()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.w();
        QVERIFY(waitForPreview(w));
        ContentMeter *meter = w->meter();
        // Nothing typed yet: what is missing is a hint, not an error.
        QVERIFY(!w->lastResult().publishable());
        QVERIFY(!meter->errorsAsked());
        QVERIFY2(!meter->summary().contains(QStringLiteral("error")), qPrintable(meter->summary()));
        QVERIFY(!meter->messages().isEmpty()); // still listed, as hints

        // The writer asks to publish: refused, and now they are errors.
        const PublishResult refused = publishAndWait(w);
        QVERIFY(!refused.ok);
        QCOMPARE(refused.error.category, ApiError::Category::Validation);
        QVERIFY(meter->errorsAsked());
        QVERIFY2(meter->summary().contains(QStringLiteral("2 error(s)")),
                 qPrintable(meter->summary()));

        // They stay errors while the draft is still invalid.
        type(w->editorPane()->titleEdit(), QStringLiteral("Morning"));
        QVERIFY(waitForPreview(w));
        QVERIFY(meter->errorsAsked());
        QVERIFY2(meter->summary().contains(QStringLiteral("1 error(s)")),
                 qPrintable(meter->summary()));

        // Valid: no errors asked for any more; emptied again it is a hint again.
        type(w->editorPane()->editor(), QStringLiteral("Some words."));
        QVERIFY(waitForPreview(w));
        QVERIFY(w->lastResult().publishable());
        QCOMPARE(meter->summary(), QStringLiteral("Ready to publish"));
        QVERIFY(!meter->errorsAsked());
        QLineEdit *title = w->editorPane()->titleEdit();
        title->setFocus();
        QTest::keyClick(title, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(title, Qt::Key_Backspace);
        QVERIFY(title->text().isEmpty());
        QVERIFY(waitForPreview(w));
        QVERIFY(!w->lastResult().publishable());
        QVERIFY2(!meter->summary().contains(QStringLiteral("error")), qPrintable(meter->summary()));

        // A refused publish, then another draft: that draft starts with hints.
        QVERIFY(!publishAndWait(w).ok);
        QVERIFY(meter->errorsAsked());
        w->newDraft();
        QVERIFY(waitForPreview(w));
        QVERIFY(!meter->errorsAsked());
        QVERIFY2(!meter->summary().contains(QStringLiteral("error")), qPrintable(meter->summary()));
    }

    void typedTitle_updatesItsRowInPlace_keepingTheSelection()
    {
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        MainWindow *w = ui.window.get();
        type(w->editorPane()->editor(), QStringLiteral("Body first."));
        const QString id = w->session()->draft().id;
        DraftsPanel *panel = w->draftsPanel();
        QTRY_VERIFY(panel->itemOf(id));
        QListWidget *list = panel->list();
        QCOMPARE(list->currentItem(), panel->itemOf(id));
        QSignalSpy reset(list->model(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(list->model(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(list->model(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(list->model(), &QAbstractItemModel::dataChanged);
        QListWidgetItem *row = panel->itemOf(id);

        type(w->editorPane()->titleEdit(), QStringLiteral("M"));
        QTRY_COMPARE_WITH_TIMEOUT(panel->itemOf(id)->text(), QStringLiteral("M"), 3000);
        type(w->editorPane()->titleEdit(), QStringLiteral("orning pages"));
        QTRY_COMPARE_WITH_TIMEOUT(panel->itemOf(id)->text(), QStringLiteral("Morning pages"), 3000);
        // Updated in place: the same row, no reload, the selection kept, and coalesced (far
        // fewer updates than keystrokes).
        QCOMPARE(panel->itemOf(id), row);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(list->currentItem(), row);
        QVERIFY2(changed.count() < 13, qPrintable(QString::number(changed.count())));
    }

    void newDraft_dropsThePreviousDraftsMessages_keepsGlobalOnes()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.w();
        MessageArea *area = w->messages();
        const int global = area->showMessage(QStringLiteral("No Telegraph account yet"), false);
        w->editorPane()->titleEdit()->setText(QStringLiteral("First"));
        w->editorPane()->editor()->setPlainText(QStringLiteral("Hello."));
        const PublishResult r = publishAndWait(w);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(anyShown(area, QStringLiteral("Published: ")));

        QAction *newDraft = actionFor(w, QKeySequence(QKeySequence::New));
        QVERIFY(newDraft);
        newDraft->trigger(); // Ctrl+N
        QVERIFY2(!anyShown(area, QStringLiteral("Published: ")),
                 qPrintable(shownTexts(area).join(u'|')));
        QVERIFY(area->lineOf(w->publishing()->publishFlow())->isHidden());
        // A message of the app, not of the draft, stays until its caller takes it back.
        QVERIFY(anyShown(area, QStringLiteral("No Telegraph account yet")));
        area->clearMessage(global);
        QVERIFY(!anyShown(area, QStringLiteral("No Telegraph account yet")));
        QVERIFY(area->lineOfMessage(global) == nullptr);
    }

    void messageIds_clearOnlyTheirOwnMessage()
    {
        MessageArea area;
        const int first = area.showMessage(QStringLiteral("one"), false);
        const int second = area.showMessage(QStringLiteral("two"), true); // same general line
        area.clearMessage(first); // already replaced: nothing happens
        QCOMPARE(area.text(), QStringLiteral("two"));
        const int draft = area.showMessage(QStringLiteral("about the draft"), false,
                                           MessageScope::Draft, QStringLiteral("k"));
        const int open = area.showMessage(QStringLiteral("could not open"), true,
                                          MessageScope::Operation, MessageArea::openOperation());
        QCOMPARE(area.visibleLines().size(), 3);
        area.clearScope(MessageScope::Draft);
        QVERIFY(!area.lineOfMessage(draft));
        QVERIFY(area.lineOfMessage(open));
        QVERIFY(area.lineOfMessage(second));
        area.clearOperation(MessageArea::openOperation());
        QVERIFY(!area.lineOfMessage(open));
        area.clearMessage(second);
        QVERIFY(area.visibleLines().isEmpty());
        QVERIFY(area.isHidden());
    }

    void failedPageOpen_isClearedByASuccessfulFileOpen()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.w();
        QSignalSpy opened(w, &MainWindow::pageOpened);
        w->openPage(QStringLiteral("No-Such-Page-01-01"));
        QVERIFY(opened.wait(20000));
        QVERIFY(!opened.first().first().value<PublishResult>().ok);
        MessageLine *fetchLine = w->messages()->lineOf(w->publishing()->fetchFlow());
        QVERIFY(fetchLine && !fetchLine->isHidden() && fetchLine->isError());

        const QString path = rig.ui.dir.filePath(QStringLiteral("note.md"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# Note\n\nWords.\n");
        f.close();
        QString error;
        QVERIFY2(w->importPath(path, &error), qPrintable(error));
        QVERIFY(fetchLine->isHidden());
    }

    void newDraft_startsInTheDefaultFormat_notThePreviousDrafts()
    {
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        MainWindow *w = ui.window.get();
        w->editorPane()->setFormat(DraftFormat::Html);
        type(w->editorPane()->editor(), QStringLiteral("<p>An HTML draft</p>"));
        QCOMPARE(w->session()->draft().format, DraftFormat::Html);
        QAction *newDraft = actionFor(w, QKeySequence(QKeySequence::New));
        QVERIFY(newDraft);
        newDraft->trigger();
        QCOMPARE(w->editorPane()->format(), DraftFormat::Markdown);
        QCOMPARE(w->session()->draft().format, DraftFormat::Markdown);

        // Chosen in the settings.
        ui.settings->setValue(QStringLiteral("editor/newDraftFormat"), QStringLiteral("html"));
        newDraft->trigger();
        QCOMPARE(w->editorPane()->format(), DraftFormat::Html);
    }

    void markdownPastedIntoHtml_offersToSwitch_andKeepsTheText()
    {
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        MainWindow *w = ui.window.get();
        w->editorPane()->titleEdit()->setText(QStringLiteral("Paste"));
        w->editorPane()->setFormat(DraftFormat::Html);
        const QString pasted =
            QStringLiteral("Some **strong** words and a [link](https://example.org).");
        QApplication::clipboard()->setText(pasted);
        w->editorPane()->editor()->setFocus();
        QTest::keyClick(w->editorPane()->editor(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(w->editorPane()->body(), pasted);
        QVERIFY(waitForPreview(w));
        QCOMPARE(test::evalInPreview(w->preview(),
                                     QStringLiteral("document.querySelectorAll('strong').length"))
                     .toInt(),
                 0); // shown verbatim, marks and all

        MessageLine *offer = nullptr;
        for (MessageLine *line : w->messages()->visibleLines()) {
            if (!line->actionButton()->isHidden())
                offer = line;
        }
        QVERIFY2(offer, qPrintable(shownTexts(w->messages()).join(u'|')));
        QCOMPARE(offer->actionButton()->text(), QStringLiteral("Switch to Markdown"));
        QVERIFY(!offer->isError());
        offer->actionButton()->click();
        QCOMPARE(w->editorPane()->format(), DraftFormat::Markdown);
        QCOMPARE(w->editorPane()->body(), pasted); // nothing lost
        QVERIFY(offer->isHidden());
        QVERIFY(waitForPreview(w));
        QCOMPARE(
            test::evalInPreview(
                w->preview(), QStringLiteral("(document.querySelector('strong')||{}).textContent"))
                .toString(),
            QStringLiteral("strong"));
        QTRY_COMPARE(w->session()->draft().format, DraftFormat::Markdown);

        // Plain prose pasted into an HTML draft offers nothing.
        w->newDraft();
        w->editorPane()->setFormat(DraftFormat::Html);
        QApplication::clipboard()->setText(QStringLiteral("Just a sentence, 2 * 3 = 6."));
        w->editorPane()->editor()->setFocus();
        QTest::keyClick(w->editorPane()->editor(), Qt::Key_V, Qt::ControlModifier);
        for (MessageLine *line : w->messages()->visibleLines())
            QVERIFY(line->actionButton()->isHidden());
    }

    void unpublish_refreshesTheDraftsRow()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.w();
        const QString path = test::seedSandboxPage(
            rig.sandbox.server(), rig.client->accessToken(), QStringLiteral("Old page"),
            QByteArrayLiteral("[{\"tag\":\"p\",\"children\":[\"Old words\"]}]"));
        QVERIFY(!path.isEmpty());
        // Started from the page list in the app: the account workspace tracks its flow here.
        UnpublishFlow flow(rig.client.get(), rig.ui.store.get());
        w->messages()->track(&flow);
        QSignalSpy done(&flow, &PublishFlow::finished);
        QVERIFY(flow.unpublish(path, QStringLiteral("Moved.")));
        QVERIFY(done.wait(20000));
        const PublishResult r = done.first().first().value<PublishResult>();
        QVERIFY2(r.ok, qPrintable(r.message));
        // The draft that keeps the old content is in the list at once.
        QListWidgetItem *row = w->draftsPanel()->itemOf(r.draftId);
        QVERIFY(row);
        QVERIFY2(row->text().startsWith(QStringLiteral("Old page")), qPrintable(row->text()));
    }

    void ctrlK_selectsThePlaceholderToTypeOver_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("selected"); // the text selected before Ctrl+K
        QTest::addColumn<QString>("placeholder");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("result");
        QTest::newRow("markdown, no selection")
            << int(DraftFormat::Markdown) << QString() << QStringLiteral("link text")
            << QStringLiteral("docs") << QStringLiteral("See [docs](https://)");
        QTest::newRow("markdown, selection")
            << int(DraftFormat::Markdown) << QStringLiteral("docs") << QStringLiteral("https://")
            << QStringLiteral("https://example.org")
            << QStringLiteral("See [docs](https://example.org)");
        QTest::newRow("html, no selection")
            << int(DraftFormat::Html) << QString() << QStringLiteral("link text")
            << QStringLiteral("docs") << QStringLiteral("See <a href=\"https://\">docs</a>");
        QTest::newRow("html, selection")
            << int(DraftFormat::Html) << QStringLiteral("docs") << QStringLiteral("https://")
            << QStringLiteral("https://example.org")
            << QStringLiteral("See <a href=\"https://example.org\">docs</a>");
    }

    void ctrlK_selectsThePlaceholderToTypeOver()
    {
        QFETCH(int, format);
        QFETCH(QString, selected);
        QFETCH(QString, placeholder);
        QFETCH(QString, typed);
        QFETCH(QString, result);
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        MainWindow *w = ui.window.get();
        w->editorPane()->setFormat(DraftFormat(format));
        SourceEditor *editor = w->editorPane()->editor();
        type(editor, QStringLiteral("See ") + selected);
        for (int i = 0; i < selected.size(); ++i)
            QTest::keyClick(editor, Qt::Key_Left, Qt::ShiftModifier);
        QCOMPARE(editor->textCursor().selectedText(), selected);
        // The editor leaves Ctrl+K to the window's Link action (whatever the key bindings).
        QKeyEvent override(QEvent::ShortcutOverride, Qt::Key_K, Qt::ControlModifier);
        QApplication::sendEvent(editor, &override);
        QVERIFY(!override.isAccepted());
        QTest::keyClick(editor, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(editor->textCursor().selectedText(), placeholder);
        QTest::keyClicks(editor, typed);
        QCOMPARE(editor->toPlainText(), result);
    }

    void publish_linkWithoutAddress_isHeldWithAWarning_andPublishAnywaySendsIt()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.w();
        w->editorPane()->titleEdit()->setText(QStringLiteral("Links"));
        w->editorPane()->editor()->setPlainText(
            QStringLiteral("Read [the docs](https://) and [this](https://example.org)."));
        QVERIFY(waitForPreview(w));
        QSignalSpy finished(w, &MainWindow::publishFinished);
        w->publish();
        // Not sent: the warning names the link without an address, with a way to go on.
        QVERIFY(!w->publishing()->publishFlow()->isBusy());
        QCOMPARE(finished.count(), 0);
        MessageLine *warning = nullptr;
        for (MessageLine *line : w->messages()->visibleLines()) {
            if (line->text().contains(QStringLiteral("the docs")))
                warning = line;
        }
        QVERIFY2(warning, qPrintable(shownTexts(w->messages()).join(u'|')));
        QVERIFY(!warning->text().contains(QStringLiteral("this")));
        QVERIFY(!warning->actionButton()->isHidden());
        QCOMPARE(PublishController::emptyLinks(w->lastResult().nodes),
                 QStringList{QStringLiteral("the docs")});

        warning->actionButton()->click(); // Publish Anyway
        QVERIFY(finished.wait(30000));
        const PublishResult r = finished.first().first().value<PublishResult>();
        QVERIFY2(r.ok, qPrintable(r.message));

        // With the address filled in, it publishes without asking.
        w->editorPane()->editor()->setPlainText(
            QStringLiteral("Read [the docs](https://example.org/docs)."));
        QVERIFY(waitForPreview(w));
        const PublishResult updated = publishAndWait(w);
        QVERIFY2(updated.ok, qPrintable(updated.message));
        QVERIFY(!anyShown(w->messages(), QStringLiteral("no address")));
    }

    void markdownGuess_readsASample_andHostilePastesEndQuickly()
    {
        QVERIFY(EditorPane::looksLikeMarkdown(QStringLiteral("See [the docs](https://x.org).")));
        QVERIFY(EditorPane::looksLikeMarkdown(QStringLiteral("# Title\n\ntext")));
        QVERIFY(!EditorPane::looksLikeMarkdown(QStringLiteral("<p>See <b>this</b></p>")));
        QVERIFY(!EditorPane::looksLikeMarkdown(QStringLiteral("Plain words, nothing else.")));
        // Two million brackets on one line: no link, and no scan from every bracket.
        QVERIFY(!EditorPane::looksLikeMarkdown(QString(2'000'000, QLatin1Char('['))));
        QVERIFY(!EditorPane::looksLikeMarkdown(QString(1'000'000, QLatin1Char('[')) +
                                               QStringLiteral("a](b)")));
        // Marks past the sample are not looked for.
        QVERIFY(!EditorPane::looksLikeMarkdown(
            QString(EditorPane::MarkdownSniffChars, QLatin1Char('a')) + QStringLiteral(" **b**")));
    }

    void publish_beforeThePreviewCaughtUp_stillHoldsALinkWithoutAddress()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.w();
        QVERIFY(waitForPreview(w));
        w->editorPane()->titleEdit()->setText(QStringLiteral("Fresh"));
        w->editorPane()->editor()->setPlainText(QStringLiteral("See [here](https://)."));
        // Published at once: the preview still shows the text before this edit, so the check
        // runs on the snapshot (converted off the GUI thread).
        QVERIFY(w->lastResult().serial != w->editSerial());
        QSignalSpy finished(w, &MainWindow::publishFinished);
        w->publish();
        w->publish(); // a second press while the check runs starts nothing more
        QTRY_VERIFY_WITH_TIMEOUT(anyShown(w->messages(), QStringLiteral("here")), 20000);
        QCOMPARE(finished.count(), 0);
        QVERIFY(!w->publishing()->publishFlow()->isBusy());
        // Filled in and published at once again: it goes out, exactly once.
        w->editorPane()->editor()->setPlainText(QStringLiteral("See [here](https://example.org)."));
        w->publish();
        QVERIFY(finished.wait(30000));
        const PublishResult r = finished.first().first().value<PublishResult>();
        QVERIFY2(r.ok, qPrintable(r.message));
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1);
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestDrafts tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_drafts.moc"
