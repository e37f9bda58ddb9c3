// SPDX-License-Identifier: MIT
// The writer's window: a new draft from a template, a draft saved as a template and managed in
// the template dialog, the private link of a first publish (against the in-process sandbox,
// also when its second step fails) and the Instant View note after an update.
#include "api/accountjob.h"
#include "api/apirequests.h"
#include "api/pagejob.h"
#include "api/pagelistjob.h"
#include "api/telegraphclient.h"
#include "drafts/templatedialog.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "sandbox/server.h"
#include "sandboxfixture.h"
#include "settings/uisettings.h"
#include "testmain.h"
#include "uipublishrig.h"
#include "uitestwindow.h"
#include "window/messagearea.h"
#include "window/privatelinkoption.h"
#include "window/publishnotes.h"
#include "window/templateactions.h"
#include "workflow/draftpublishflow.h"
#include "workflow/draftsession.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QToolButton>

using namespace tg;

class TestTemplatesUi : public QObject
{
    Q_OBJECT

    using Rig = test::UiPublishRig;

    /// The window, and unless `withServer` is false, a sandbox account it publishes to.
    static bool setUp(Rig &rig, bool withServer = true)
    {
        return withServer ? rig.connect(QStringLiteral("Writer")) : rig.ui.open();
    }

    static int pageCount(TelegraphClient *client)
    {
        PageListJob *job = client->getPageList({0, 200, client->accessToken()});
        QSignalSpy done(job, &ApiJob::finished);
        done.wait(10000);
        const int n = job->isSucceeded() ? int(job->pageList().totalCount) : -1;
        delete job;
        return n;
    }

    static QAction *action(MainWindow *w, const char *name)
    {
        return w->findChild<QAction *>(QLatin1String(name));
    }

    /// The message area lines showing the Instant View note.
    static QList<MessageLine *> noteLines(MainWindow *w)
    {
        QList<MessageLine *> out;
        for (MessageLine *line : w->messages()->visibleLines()) {
            if (line->text().contains(QLatin1String("@WebpageBot")))
                out.append(line);
        }
        return out;
    }

    /// The message area line showing the Instant View note, if one does.
    static MessageLine *noteLine(MainWindow *w)
    {
        const QList<MessageLine *> lines = noteLines(w);
        return lines.isEmpty() ? nullptr : lines.first();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void newFromTemplate_opensANewDraftWithTheTemplatesBody()
    {
        Rig rig;
        QVERIFY(setUp(rig, false));
        MainWindow *w = rig.ui.window.get();
        test::writeDraft(w, QStringLiteral("Before"), QStringLiteral("the draft open before"));
        const QString before = w->session()->draft().id;
        QAction *a = action(w, "newFromTemplateAction");
        QVERIFY(a);
        QCOMPARE(a->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
        a->trigger();
        TemplateDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w->findChild<TemplateDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->list()->count(), 3);
        QVERIFY(dialog->selectTemplate(QStringLiteral("builtin:changelog")));
        const DraftTemplate changelog = *dialog->selected();
        QCOMPARE(dialog->preview()->toPlainText(), changelog.body);
        QVERIFY(!dialog->renameButton()->isEnabled());
        QVERIFY(!dialog->deleteButton()->isEnabled());
        dialog->createButton()->click();
        QTRY_VERIFY(!w->findChild<TemplateDialog *>());

        QVERIFY(w->session()->draft().id != before);
        QCOMPARE(w->editorPane()->body(), changelog.body);
        QVERIFY(w->editorPane()->title().isEmpty());
        QCOMPARE(w->editorPane()->format(), DraftFormat::Markdown);
        // Stored at once, and the draft open before keeps its text.
        QVERIFY(rig.ui.store->flush());
        QCOMPARE(rig.ui.store->draft(w->session()->draft().id)->body, changelog.body);
        QCOMPARE(rig.ui.store->draft(before)->body, QStringLiteral("the draft open before"));
    }

    void saveAsTemplate_throughThePrompt_thenRenameAndDeleteInTheDialog()
    {
        Rig rig;
        QVERIFY(setUp(rig, false));
        MainWindow *w = rig.ui.window.get();
        test::writeDraft(w, QStringLiteral("Weekly digest"),
                         QStringLiteral("### This week\n\n- one\n"));
        TemplateActions *templates = w->templateActions();
        QSignalSpy saved(templates, &TemplateActions::templateSaved);
        action(w, "saveAsTemplateAction")->trigger();
        QInputDialog *ask = nullptr;
        QTRY_VERIFY((ask = w->findChild<QInputDialog *>(QStringLiteral("templateNameDialog"))) &&
                    ask->isVisible());
        QCOMPARE(ask->textValue(), QStringLiteral("Weekly digest")); // the title is proposed
        ask->setTextValue(QStringLiteral("Digest"));
        ask->accept();
        QVERIFY(saved.wait(10000));
        QVERIFY2(saved.first().at(0).toBool(), qPrintable(saved.first().at(1).toString()));

        // The same name again is refused, with the reason in the message area.
        QVERIFY(templates->saveAsTemplate(QStringLiteral("digest")));
        QVERIFY(saved.wait(10000));
        QVERIFY(!saved.last().at(0).toBool());
        QVERIFY2(w->messages()->text().contains(QStringLiteral("“Digest” exists")),
                 qPrintable(w->messages()->text()));

        TemplateDialog *dialog = templates->showNewFromTemplate();
        QCOMPARE(dialog->list()->count(), 4);
        dialog->list()->setCurrentRow(3);
        QCOMPARE(dialog->selected()->name, QStringLiteral("Digest"));
        QCOMPARE(dialog->selected()->title, QStringLiteral("Weekly digest"));
        QCOMPARE(dialog->preview()->toPlainText(), QStringLiteral("### This week\n\n- one\n"));
        QVERIFY(dialog->renameButton()->isEnabled());
        QVERIFY(!dialog->renameSelected(QStringLiteral("Article")));
        QVERIFY2(dialog->errorText().contains(QLatin1String("exists")),
                 qPrintable(dialog->errorText()));
        QVERIFY(dialog->renameSelected(QStringLiteral("Digest of the week")));
        QVERIFY(dialog->errorText().isEmpty());
        QCOMPARE(dialog->selected()->name, QStringLiteral("Digest of the week"));
        QVERIFY(dialog->deleteSelected());
        QCOMPARE(dialog->list()->count(), 3);
        dialog->reject();
        QCOMPARE(templates->templates()->templates().size(), 3);
    }

    void saveAsTemplate_overThePageLimit_isRefusedWithTheReason()
    {
        Rig rig;
        QVERIFY(setUp(rig, false));
        MainWindow *w = rig.ui.window.get();
        QString big;
        for (int i = 0; i < 100; ++i)
            big += QString(700, QLatin1Char('x')) + QStringLiteral("\n\n");
        test::writeDraft(w, QStringLiteral("Huge"), big);
        QSignalSpy saved(w->templateActions(), &TemplateActions::templateSaved);
        QVERIFY(w->templateActions()->saveAsTemplate(QStringLiteral("Huge")));
        QVERIFY(saved.wait(20000));
        QVERIFY(!saved.first().at(0).toBool());
        QVERIFY2(saved.first().at(1).toString().contains(QLatin1String("at most 64 KiB")),
                 qPrintable(saved.first().at(1).toString()));
        QCOMPARE(w->templateActions()->templates()->templates().size(), 3);
    }

    void privateLink_isOfferedWithoutAPage_rememberedPerDraft_andHidesTheTitle()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.ui.window.get();
        test::writeDraft(w, QStringLiteral("Surprise Party"),
                         QStringLiteral("Do not tell *anyone*."));
        PrivateLinkOption *option = w->privateLinkOption();
        QVERIFY(option->isOffered());
        QVERIFY(option->checkBox());
        QVERIFY(option->checkBox()->isVisible());
        QVERIFY(!option->checkBox()->isChecked());
        option->checkBox()->click();
        QVERIFY(option->action()->isChecked());
        const QString id = w->session()->draft().id;
        QCOMPARE(rig.ui.store->option(id, DraftPublishFlow::privateLinkOption()),
                 QStringLiteral("1"));
        // Remembered per draft: another draft does not have it, this one still does.
        w->newDraft();
        QVERIFY(!option->action()->isChecked());
        QVERIFY(w->openDraft(id));
        QVERIFY(option->checkBox()->isChecked());

        const PublishResult r = test::publishAndWait(w);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY2(!r.path.contains(QLatin1String("Surprise"), Qt::CaseInsensitive) &&
                     !r.path.contains(QLatin1String("Party"), Qt::CaseInsensitive),
                 qPrintable(r.path));
        QCOMPARE(test::fetchPage(rig.client.get(), r.path).title, QStringLiteral("Surprise Party"));
        QCOMPARE(w->session()->draft().pagePath, r.path);
        QVERIFY(rig.ui.store->flush());
        QCOMPARE(rig.ui.store->draft(id)->pagePath, r.path);
        QCOMPARE(pageCount(rig.client.get()), 1);
        // The draft has its page now: the choice is gone, and no note after a first publish.
        QVERIFY(!option->isOffered());
        QVERIFY(!option->checkBox()->isVisible());
        QVERIFY(!noteLine(w));
    }

    void privateLink_failedTitleStep_keepsThePage_andPublishingAgainFinishesIt()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.ui.window.get();
        test::writeDraft(w, QStringLiteral("Quiet Launch"), QStringLiteral("Soon."));
        w->privateLinkOption()->action()->trigger();
        sandbox::FloodSettings flood;
        flood.burst = 1;
        flood.intervalSec = 3600; // longer than the app waits out
        rig.sandbox.server()->setFlood(flood);
        const PublishResult failed = test::publishAndWait(w);
        QVERIFY(!failed.ok);
        QVERIFY(failed.titlePending);
        QVERIFY(!failed.path.isEmpty());
        QCOMPARE(w->session()->draft().pagePath, failed.path);
        QVERIFY2(w->messages()->text().contains(QLatin1String("Publish again")),
                 qPrintable(w->messages()->text()));
        QCOMPARE(w->messages()->url(), failed.url);
        QCOMPARE(pageCount(rig.client.get()), 1);

        rig.sandbox.server()->setFlood(sandbox::FloodSettings{0, 1.0});
        const PublishResult r = test::publishAndWait(w);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.path, failed.path);
        QCOMPARE(test::fetchPage(rig.client.get(), r.path).title, QStringLiteral("Quiet Launch"));
        QCOMPARE(pageCount(rig.client.get()), 1);
        QVERIFY(!noteLine(w)); // finishing the first publish is not an update
    }

    void instantViewNote_afterAnUpdateOnly_andNotAgainAfterDontShowAgain()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        MainWindow *w = rig.ui.window.get();
        test::writeDraft(w, QStringLiteral("News"), QStringLiteral("first"));
        const PublishResult first = test::publishAndWait(w);
        QVERIFY2(first.ok, qPrintable(first.message));
        QVERIFY(!noteLine(w));

        test::writeDraft(w, QStringLiteral("News"), QStringLiteral("second"));
        QVERIFY(test::publishAndWait(w).ok);
        MessageLine *note = noteLine(w);
        QVERIFY(note);
        QCOMPARE(note->text(), PublishNotes::instantViewText());
        QVERIFY(!note->isError());
        QVERIFY(note->closeButton()->isVisible()); // dismissable
        QCOMPARE(note->actionButton()->text(), QStringLiteral("Don't Show Again"));
        QVERIFY(PublishNoteSettings::load(*rig.ui.settings).instantViewNote);
        // Another update says it once: the note is not repeated below itself.
        test::writeDraft(w, QStringLiteral("News"), QStringLiteral("second, again"));
        QVERIFY(test::publishAndWait(w).ok);
        QCOMPARE(noteLines(w).size(), 1);
        note = noteLine(w);
        note->actionButton()->click();
        QTRY_VERIFY(!noteLine(w));
        QVERIFY(!PublishNoteSettings::load(*rig.ui.settings).instantViewNote);

        test::writeDraft(w, QStringLiteral("News"), QStringLiteral("third"));
        QVERIFY(test::publishAndWait(w).ok);
        QVERIFY(!noteLine(w));
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestTemplatesUi tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_templates_ui.moc"
