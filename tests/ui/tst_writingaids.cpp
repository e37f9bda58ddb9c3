// SPDX-License-Identifier: MIT
// The writing aids in the real main window over a real drafts database: focus mode (only the
// editor, the current paragraph emphasised, the layout of before restored), typewriter
// scrolling, full screen, the status bar's counts for the draft and the selection, and the
// per-draft word goal stored as a draft option.
#include "editor/editorpane.h"
#include "editor/paragraphfocus.h"
#include "editor/sourceeditor.h"
#include "editor/typewriterscroll.h"
#include "settings/i18n.h"
#include "testmain.h"
#include "uitestwindow.h"
#include "window/focusmode.h"
#include "window/layoutmode.h"
#include "window/shortcutsdialog.h"
#include "window/wordgoaldialog.h"
#include "window/writingstatus.h"
#include "workflow/draftsession.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTextBlock>
#include <QToolBar>

using namespace tg;

namespace {

QAction *action(QWidget *w, const char *name)
{
    return w->findChild<QAction *>(QLatin1String(name));
}

QLabel *label(QWidget *w, const char *name)
{
    return w->findChild<QLabel *>(QLatin1String(name));
}

/// Replaces the editor's text as the writer would (an edit the window stores and counts).
void type(MainWindow *w, const QString &text)
{
    w->editorPane()->editor()->selectAll();
    w->editorPane()->editor()->insertPlainText(text);
}

bool waitForCounts(MainWindow *w, const QString &start)
{
    QLabel *counts = label(w, "countsLabel");
    if (!counts)
        return false;
    if (QTest::qWaitFor([&] { return counts->text().startsWith(start); }, 5000))
        return true;
    qWarning("The counts read \"%s\"", qPrintable(counts->text()));
    return false;
}

/// A window that is active, so its keyboard shortcuts fire.
bool activate(MainWindow *w)
{
    w->activateWindow();
    w->editorPane()->editor()->setFocus();
    return QTest::qWaitForWindowActive(w);
}

} // namespace

class TestWritingAids : public QObject
{
    Q_OBJECT

    I18n m_i18n; // English plurals: "1 word", "2 words"

private Q_SLOTS:
    void initTestCase() { QCOMPARE(m_i18n.apply(QStringLiteral("en")), QStringLiteral("en")); }
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void focusMode_hidesAllButTheEditor_andEscRestoresTheLayout()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        QVERIFY(activate(w));
        auto *drafts = w->findChild<QDockWidget *>(QStringLiteral("draftsDock"));
        auto *toolbar = w->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        QVERIFY(drafts && toolbar);
        QVERIFY(drafts->isVisible() && toolbar->isVisible());
        const bool previewShown = w->preview()->isVisibleTo(w);
        QVERIFY(previewShown);
        const QByteArray before = w->saveState();
        SourceEditor *ed = w->editorPane()->editor();

        QTest::keyClick(ed, Qt::Key_F8);
        QTRY_VERIFY(w->focusMode()->isActive());
        QVERIFY(action(w, "focusModeAction")->isChecked());
        QVERIFY(!drafts->isVisible());
        QVERIFY(!toolbar->isVisible());
        QVERIFY(!w->preview()->isVisibleTo(w));
        QVERIFY(ed->isVisible());
        QVERIFY(!w->findChild<QLineEdit *>(QStringLiteral("authorEdit"))->isVisible());
        QVERIFY(w->editorPane()->titleEdit()->isVisible());
        // A centred column: equal margins on both sides, the text no wider than the column.
        QVERIFY(ed->maxTextWidth() > 0);
        QTRY_VERIFY(ed->viewport()->width() <= ed->maxTextWidth() + 1);
        const int left = ed->viewport()->geometry().left();
        const int right = ed->width() - ed->viewport()->geometry().right();
        QVERIFY2(qAbs(left - right) <= ed->verticalScrollBar()->width() + 4,
                 qPrintable(QStringLiteral("%1 %2").arg(left).arg(right)));
        // Zooming widens the column with the font.
        const int narrow = ed->maxTextWidth();
        ed->zoom(4);
        QVERIFY(ed->maxTextWidth() > narrow);
        QTRY_VERIFY(ed->viewport()->width() <= ed->maxTextWidth() + 1);
        ed->zoom(-4);
        QVERIFY(!action(w, "libraryLayoutAction")->isEnabled());
        // Docks and toolbars are in no dock area the writer sees.
        for (QDockWidget *dock : w->findChildren<QDockWidget *>())
            QVERIFY2(!dock->isVisible(), qPrintable(dock->objectName()));

        QTest::keyClick(ed, Qt::Key_Escape);
        QVERIFY(!w->focusMode()->isActive());
        QVERIFY(!action(w, "focusModeAction")->isChecked());
        QTRY_VERIFY(drafts->isVisible());
        QVERIFY(toolbar->isVisible());
        QCOMPARE(w->preview()->isVisibleTo(w), previewShown);
        QVERIFY(w->findChild<QLineEdit *>(QStringLiteral("authorEdit"))->isVisible());
        QCOMPARE(ed->maxTextWidth(), 0);
        QVERIFY(action(w, "libraryLayoutAction")->isEnabled());
        QCOMPARE(w->saveState(), before);

        // Ctrl+Shift+J is the other key for it.
        QTest::keyClick(ed, Qt::Key_J, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(w->focusMode()->isActive());
        QTest::keyClick(ed, Qt::Key_F8);
        QTRY_VERIFY(!w->focusMode()->isActive());
        QTRY_VERIFY(drafts->isVisible());
    }

    void focusMode_fromLibrary_writesThenReturnsToLibrary()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        w->layoutMode()->setMode(LayoutMode::Mode::Library);
        QVERIFY(!w->editorPane()->isVisibleTo(w));
        w->focusMode()->enter();
        QCOMPARE(w->layoutMode()->mode(), LayoutMode::Mode::Write);
        QVERIFY(w->editorPane()->isVisibleTo(w));
        w->focusMode()->leave();
        QCOMPARE(w->layoutMode()->mode(), LayoutMode::Mode::Library);
        QVERIFY(!w->editorPane()->isVisibleTo(w));
    }

    void focusMode_emphasisesTheCurrentParagraphOnly()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        SourceEditor *ed = w->editorPane()->editor();
        type(w, QStringLiteral("first paragraph\nsecond paragraph\nthird paragraph"));
        QTextCursor c = ed->textCursor();
        c.setPosition(ed->document()->findBlockByNumber(1).position() + 3);
        ed->setTextCursor(c);
        QVERIFY(ed->extraSelections().isEmpty());

        w->focusMode()->enter();
        const QColor dim = w->focusMode()->emphasis()->dimmedColor();
        QVERIFY(dim != ed->palette().color(QPalette::Text));
        const auto dimmedRanges = [ed] {
            QList<QPair<int, int>> out;
            for (const QTextEdit::ExtraSelection &s : ed->extraSelections())
                out.append({s.cursor.selectionStart(), s.cursor.selectionEnd()});
            return out;
        };
        const QTextBlock second = ed->document()->findBlockByNumber(1);
        const int docEnd = ed->document()->characterCount() - 1;
        QCOMPARE(dimmedRanges(),
                 (QList<QPair<int, int>>{{0, second.position()},
                                         {second.position() + second.length() - 1, docEnd}}));
        for (const QTextEdit::ExtraSelection &s : ed->extraSelections())
            QCOMPARE(s.format.foreground().color(), dim);

        // Moving to the last paragraph dims everything before it and nothing after.
        QTest::keyClick(ed, Qt::Key_Down);
        QCOMPARE(ed->textCursor().blockNumber(), 2);
        const QTextBlock third = ed->document()->findBlockByNumber(2);
        QCOMPARE(dimmedRanges(), (QList<QPair<int, int>>{{0, third.position()}}));

        // A new paragraph is the emphasised one.
        QTest::keyClick(ed, Qt::Key_End);
        QTest::keyClick(ed, Qt::Key_Return);
        QTest::keyClicks(ed, QStringLiteral("fourth"));
        const QTextBlock fourth = ed->document()->findBlockByNumber(3);
        QCOMPARE(dimmedRanges(), (QList<QPair<int, int>>{{0, fourth.position()}}));

        w->focusMode()->leave();
        QVERIFY(ed->extraSelections().isEmpty());
    }

    void focusMode_closingWhileOn_remembersTheLayoutOfBefore()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        t.window->focusMode()->enter();
        QVERIFY(t.window->close());
        t.window = std::make_unique<MainWindow>(t.store.get(), t.settings.get());
        t.window->openLastDraft();
        t.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(t.window.get()));
        QVERIFY(!t.window->focusMode()->isActive());
        auto *drafts = t.window->findChild<QDockWidget *>(QStringLiteral("draftsDock"));
        QTRY_VERIFY(drafts->isVisible());
        QVERIFY(t.window->findChild<QToolBar *>(QStringLiteral("mainToolBar"))->isVisible());
    }

    void typewriter_keepsTheCursorLineInTheMiddle()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        QVERIFY(activate(w));
        SourceEditor *ed = w->editorPane()->editor();
        QStringList lines;
        for (int i = 1; i <= 300; ++i)
            lines << QStringLiteral("line %1").arg(i);
        type(w, lines.join(u'\n'));
        ed->moveCursor(QTextCursor::Start);
        QAction *typewriter = action(w, "typewriterAction");
        QVERIFY(typewriter && typewriter->isCheckable() && !typewriter->isChecked());
        QTest::keyClick(ed, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(typewriter->isChecked());
        QVERIFY(w->typewriter()->isEnabled());

        const auto offCentre = [ed] {
            return qAbs(ed->cursorRect().center().y() - ed->viewport()->height() / 2);
        };
        const int line = ed->fontMetrics().lineSpacing();
        QVERIFY(ed->viewport()->height() > 10 * line);
        for (int i = 0; i < 200; ++i)
            QTest::keyClick(ed, Qt::Key_Down);
        QCOMPARE(ed->textCursor().blockNumber(), 200);
        QVERIFY2(offCentre() <= 2 * line, qPrintable(QString::number(offCentre())));
        // The last line can be centred too: the editor scrolls past its end.
        QTest::keyClick(ed, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(ed->textCursor().blockNumber(), 299);
        QVERIFY2(offCentre() <= 2 * line, qPrintable(QString::number(offCentre())));
        // Typing keeps it there.
        QTest::keyClick(ed, Qt::Key_Return);
        QTest::keyClicks(ed, QStringLiteral("one more"));
        QVERIFY2(offCentre() <= 2 * line, qPrintable(QString::number(offCentre())));

        // Remembered: the next window starts with it on.
        QCOMPARE(t.settings->value(QStringLiteral("editor/typewriterScrolling")).toBool(), true);
        {
            TypewriterScroll again(ed, t.settings.get());
            QVERIFY(again.isEnabled());
        }
        typewriter->trigger();
        QVERIFY(!w->typewriter()->isEnabled());
        QCOMPARE(t.settings->value(QStringLiteral("editor/typewriterScrolling")).toBool(), false);

        // Off, moving up does not centre: the cursor line reaches the top.
        ed->moveCursor(QTextCursor::End);
        for (int i = 0; i < 100; ++i)
            QTest::keyClick(ed, Qt::Key_Up);
        QVERIFY(ed->cursorRect().top() < line * 2);
    }

    void fullScreen_togglesTheWindowState_andRestoresMaximised()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        QAction *full = action(w, "fullScreenAction");
        QVERIFY(full && full->isCheckable());
        QVERIFY(full->shortcuts().contains(QKeySequence(Qt::Key_F11)));
        w->showMaximized();
        QTRY_VERIFY(w->isMaximized());
        full->trigger();
        QTRY_VERIFY(w->isFullScreen());
        QVERIFY(full->isChecked());
        full->trigger();
        QTRY_VERIFY(!w->isFullScreen());
        QVERIFY(w->isMaximized());
        QVERIFY(!full->isChecked());
    }

    void statusBar_countsTheDraftAndTheSelection_inTheLocalesDigits_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("counts");
        QTest::newRow("english") << QLocale(QLocale::English, QLocale::UnitedStates)
                                 << QStringLiteral("1,234 words · 6,169 characters · 6 min read");
        QTest::newRow("german") << QLocale(QLocale::German, QLocale::Germany)
                                << QStringLiteral("1.234 words · 6.169 characters · 6 min read");
    }

    void statusBar_countsTheDraftAndTheSelection_inTheLocalesDigits()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, counts);
        QLocale::setDefault(locale);
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        QVERIFY(w->statusBar()->isAncestorOf(label(w, "countsLabel")));
        type(w, QStringLiteral("word ").repeated(1234).trimmed());
        QVERIFY(waitForCounts(w, counts));
        QCOMPARE(label(w, "countsLabel")->text(), counts);

        QLabel *selection = label(w, "selectionCountsLabel");
        QVERIFY(!selection->isVisible());
        SourceEditor *ed = w->editorPane()->editor();
        QTextCursor c = ed->textCursor();
        c.setPosition(0);
        c.setPosition(14, QTextCursor::KeepAnchor); // "word word word"
        ed->setTextCursor(c);
        QVERIFY(selection->isVisible());
        QCOMPARE(selection->text(), QStringLiteral("Selection: 3 words · 14 characters"));
        c.clearSelection();
        ed->setTextCursor(c);
        QVERIFY(!selection->isVisible());
    }

    void statusBar_markupIsNotCounted_andEditsAreCountedAfterAPause()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        type(w, QStringLiteral("# Hello **world**\n\n[one](https://example.com/two) three"));
        QVERIFY(waitForCounts(w, QStringLiteral("4 words · 20 characters · < 1 min read")));
        QTest::keyClicks(w->editorPane()->editor(), QStringLiteral(" four"));
        QVERIFY(waitForCounts(w, QStringLiteral("5 words")));
        QTRY_VERIFY(!w->writingStatus()->isCounting());

        // An HTML draft: its tags are not words, its paragraphs are apart.
        w->editorPane()->setFormat(DraftFormat::Html);
        type(w, QStringLiteral("<p>one</p><p><a href=\"https://x.y/z\">two</a></p>"));
        QVERIFY(waitForCounts(w, QStringLiteral("2 words · 6 characters")));

        // The selection's figures follow the format too.
        SourceEditor *ed = w->editorPane()->editor();
        ed->selectAll();
        QCOMPARE(label(w, "selectionCountsLabel")->text(),
                 QStringLiteral("Selection: 2 words · 6 characters"));
    }

    void statusBar_draftOverTheSyncLimit_isCountedOffTheGuiThread()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        Draft big = Draft::create();
        big.title = QStringLiteral("Big");
        big.body = QStringLiteral("lorem ipsum ").repeated(10000); // 120,000 characters
        QVERIFY(big.body.size() > WritingStatus::DraftSyncLimit);
        t.store->save(big);
        QVERIFY(t.store->flush());
        QSignalSpy counted(t.window->writingStatus(), &WritingStatus::counted);
        QVERIFY(t.window->openDraft(big.id));
        QVERIFY(waitForCounts(t.window.get(), QStringLiteral("20,000 words · 119,999 characters · "
                                                             "87 min read")));
        QVERIFY(!counted.isEmpty());
        // A selection over the limit is counted with the draft.
        t.window->editorPane()->editor()->selectAll();
        QLabel *selection = label(t.window.get(), "selectionCountsLabel");
        QTRY_COMPARE(selection->text(),
                     QStringLiteral("Selection: 20,000 words · 119,999 characters"));
    }

    void wordGoal_isStoredPerDraft_andSurvivesReopeningTheStore()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        WritingStatus *status = w->writingStatus();
        QProgressBar *bar = w->findChild<QProgressBar *>(QStringLiteral("wordGoalBar"));
        QLabel *goalLabel = label(w, "wordGoalLabel");
        QVERIFY(bar && goalLabel);
        type(w, QStringLiteral("alpha beta gamma"));
        const QString first = w->session()->draft().id;
        QVERIFY(!bar->isVisible());
        QVERIFY(status->setWordGoal(1000));
        QVERIFY(waitForCounts(w, QStringLiteral("3 words")));
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->maximum(), 1000);
        QCOMPARE(bar->value(), 3);
        QCOMPARE(goalLabel->text(), QStringLiteral("3 / 1,000"));

        // A second draft, its goal set with the dialog (Edit → Set Word Goal…).
        w->newDraft();
        type(w, QStringLiteral("x"));
        const QString second = w->session()->draft().id;
        QVERIFY(second != first);
        QCOMPARE(status->wordGoal(), 0);
        QVERIFY(!bar->isVisible());
        action(w, "wordGoalAction")->trigger();
        auto *dialog = w->findChild<WordGoalDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        dialog->edit()->setText(QStringLiteral("1,500"));
        dialog->accept();
        QCOMPARE(status->wordGoal(), 1500);
        QVERIFY(bar->isVisible());
        QTRY_COMPARE(goalLabel->text(), QStringLiteral("1 / 1,500"));

        // Each draft shows its own goal.
        QVERIFY(w->openDraft(first));
        QCOMPARE(status->wordGoal(), 1000);
        QCOMPARE(goalLabel->text(), QStringLiteral("3 / 1,000"));
        QVERIFY(w->openDraft(second));
        QCOMPARE(status->wordGoal(), 1500);

        // In the database: a new store over the same file reads them back.
        const QString path = t.store->path();
        t.window.reset();
        t.store.reset();
        DraftStore reopened;
        QVERIFY(reopened.open(path));
        QCOMPARE(reopened.option(first, WritingStatus::goalKey()), QStringLiteral("1000"));
        QCOMPARE(reopened.option(second, WritingStatus::goalKey()), QStringLiteral("1500"));
        MainWindow again(&reopened, t.settings.get());
        QVERIFY(again.openDraft(first));
        QCOMPARE(again.writingStatus()->wordGoal(), 1000);
    }

    void wordGoal_reached_showsFullProgressAndSaysSo()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        type(w, QStringLiteral("one two three four five"));
        QVERIFY(waitForCounts(w, QStringLiteral("5 words")));
        QVERIFY(w->writingStatus()->setWordGoal(3));
        auto *bar = w->findChild<QProgressBar *>(QStringLiteral("wordGoalBar"));
        QLabel *goalLabel = label(w, "wordGoalLabel");
        QCOMPARE(bar->value(), bar->maximum());
        QCOMPARE(goalLabel->text(), QStringLiteral("5 / 3 · goal reached"));
        QVERIFY(goalLabel->property("reached").toBool());
        QVERIFY(w->writingStatus()->setWordGoal(10));
        QCOMPARE(bar->value(), 5);
        QCOMPARE(goalLabel->text(), QStringLiteral("5 / 10"));
        QVERIFY(!goalLabel->property("reached").toBool());
        // Writing up to it marks it as it is reached.
        QTest::keyClicks(w->editorPane()->editor(), QStringLiteral(" a b c d e"));
        QTRY_COMPARE(goalLabel->text(), QStringLiteral("10 / 10 · goal reached"));
    }

    void wordGoal_badValue_isRefusedWithAClearMessage_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("negative") << QStringLiteral("-5")
                                  << QStringLiteral("A word goal cannot be negative");
        QTest::newRow("huge negative") << QStringLiteral("-99999999999999999999")
                                       << QStringLiteral("A word goal cannot be negative");
        QTest::newRow("text") << QStringLiteral("abc")
                              << QStringLiteral("“abc” is not a whole number of words");
        QTest::newRow("fraction") << QStringLiteral("12.5")
                                  << QStringLiteral("“12.5” is not a whole number of words");
        QTest::newRow("over the limit") << QStringLiteral("2000000")
                                        << QStringLiteral("2,000,000 words is more than a goal "
                                                          "can be: at most 1,000,000.");
        QTest::newRow("beyond any counter")
            << QStringLiteral("99999999999999999999")
            << QStringLiteral("99999999999999999999 is more words than a goal can be");
    }

    void wordGoal_badValue_isRefusedWithAClearMessage()
    {
        QFETCH(QString, input);
        QFETCH(QString, message);
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        type(w, QStringLiteral("text"));
        const QString id = w->session()->draft().id;
        QVERIFY(w->writingStatus()->setWordGoal(7));
        WordGoalDialog *dialog = w->writingStatus()->askWordGoal();
        QCOMPARE(dialog->edit()->text(), QStringLiteral("7"));
        dialog->edit()->setText(input);
        dialog->accept();
        QVERIFY(dialog->isVisible()); // open until the value is one
        QVERIFY2(dialog->errorText().contains(message), qPrintable(dialog->errorText()));
        QCOMPARE(w->writingStatus()->wordGoal(), 7);
        QCOMPARE(t.store->option(id, WritingStatus::goalKey()), QStringLiteral("7"));

        // 0 removes the goal.
        dialog->edit()->setText(QStringLiteral("0"));
        dialog->accept();
        QTRY_VERIFY(!w->findChild<WordGoalDialog *>());
        QCOMPARE(w->writingStatus()->wordGoal(), 0);
        QCOMPARE(t.store->option(id, WritingStatus::goalKey()), QString());
        QVERIFY(!w->findChild<QProgressBar *>(QStringLiteral("wordGoalBar"))->isVisible());
    }

    void shortcuts_ofTheWritingAids_areListed()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        t.window->showShortcuts();
        ShortcutsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = t.window->findChild<ShortcutsDialog *>()));
        QStringList keys;
        for (int i = 0; i < dialog->table()->rowCount(); ++i)
            keys << dialog->table()->item(i, 2)->data(Qt::UserRole).toString();
        for (const char *key : {"F8", "Ctrl+Shift+T", "Ctrl+Shift+G", "F11"})
            QVERIFY2(keys.contains(QLatin1String(key)), key);
        dialog->reject();
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestWritingAids tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_writingaids.moc"
