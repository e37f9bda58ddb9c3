// SPDX-License-Identifier: MIT
// Find Everywhere in the real main window over a real drafts database and page cache (SQLite
// FTS5): typing in the box shows drafts, revisions and pages with the match in bold, and opening
// a result opens the draft with the match selected in the editor (or in the title), or the
// revision in the revisions dialog.
#include "drafts/revisionsdialog.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "pages/pagecache.h"
#include "testmain.h"
#include "uitestwindow.h"
#include "window/searchdialog.h"
#include "window/searchresultdelegate.h"
#include "workflow/draftsession.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace tg;

class TestSearchDialog : public QObject
{
    Q_OBJECT

    static Draft makeDraft(const QString &title, const QString &body, const QString &path = {})
    {
        Draft d = Draft::create();
        d.title = title;
        d.body = body;
        d.pagePath = path;
        return d;
    }

    static SearchDialog *openSearch(MainWindow *w)
    {
        QAction *action = w->findChild<QAction *>(QStringLiteral("findEverywhereAction"));
        if (!action || action->shortcut() != QKeySequence(QStringLiteral("Ctrl+Shift+F")))
            return nullptr;
        action->trigger();
        return w->searchDialog();
    }

    static QString itemHtml(SearchDialog *s, int row)
    {
        return s->results()->item(row)->data(SearchResultDelegate::HtmlRole).toString();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void typing_showsResults_andOpeningOne_selectsTheMatchInTheEditor()
    {
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        MainWindow *w = ui.window.get();
        const Draft herons =
            makeDraft(QStringLiteral("Herons"),
                      QStringLiteral("A first line.\nBy the water the grey heron stood, <still>."));
        const Draft other = makeDraft(QStringLiteral("Other"), QStringLiteral("Nothing here."));
        const Draft lights =
            makeDraft(QStringLiteral("Lighthouses of Brittany"),
                      QStringLiteral("Text about lamps."), QStringLiteral("Lighthouses-12-01"));
        ui.store->save(herons);
        ui.store->save(other);
        ui.store->save(lights);
        QVERIFY(ui.store->flush());
        Revision r;
        r.draftId = other.id;
        r.pagePath = QStringLiteral("Other-12-01");
        r.title = QStringLiteral("Other");
        r.body = QStringLiteral("An older text about an egret.");
        r.created = QDateTime::currentDateTimeUtc().addSecs(-3600);
        QVERIFY(ui.store->addRevision(r) > 0);
        Revision newer = r;
        newer.created = QDateTime::currentDateTimeUtc();
        newer.body = QStringLiteral("The newer text.");
        QVERIFY(ui.store->addRevision(newer) > 0);
        {
            PageCache cache;
            QVERIFY(cache.open(ui.dir.filePath(PageCache::defaultFileName())));
            Page p;
            p.path = QStringLiteral("Lighthouses-12-01");
            p.url = QStringLiteral("https://telegra.ph/Lighthouses-12-01");
            p.title = QStringLiteral("Lighthouses of Brittany");
            p.description = QStringLiteral("Beacons on the western coast");
            QVERIFY(cache.storePages(QStringLiteral("sandbox:alice"), 0, {p}, 1));
        }

        SearchDialog *search = openSearch(w);
        QVERIFY(search);
        QTRY_VERIFY(search->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), search->searchBox());
        QSignalSpy shown(search, &SearchDialog::resultsShown);

        // As typed, letter by letter: the last word is a prefix, results follow the box.
        QTest::keyClicks(search->searchBox(), QStringLiteral("grey her"));
        QTRY_VERIFY(!shown.isEmpty() && search->results()->count() == 1);
        QVERIFY2(itemHtml(search, 0).contains(QStringLiteral("<b>heron</b>")),
                 qPrintable(itemHtml(search, 0)));
        QVERIFY2(itemHtml(search, 0).contains(QStringLiteral("&lt;still&gt;")),
                 qPrintable(itemHtml(search, 0)));
        QVERIFY(search->results()->item(0)->text().startsWith(QStringLiteral("Herons — Draft")));
        QCOMPARE(search->note()->text(), QStringLiteral("1 result(s)."));

        QSignalSpy selected(search, &SearchDialog::matchSelected);
        QTest::keyClick(search->searchBox(), Qt::Key_Return);
        QVERIFY(selected.wait(5000));
        QCOMPARE(w->session()->draft().id, herons.id);
        QTRY_VERIFY(!search->isVisible());
        const QTextCursor c = w->editorPane()->editor()->textCursor();
        QCOMPARE(c.selectedText(), QStringLiteral("grey"));
        QCOMPARE(c.selectionStart(), int(herons.body.indexOf(QStringLiteral("grey"))));

        // A revision: the draft opens with its revisions, the matching one selected.
        search = openSearch(w);
        QVERIFY(search);
        QTRY_VERIFY(search->isVisible());
        shown.clear();
        search->searchBox()->clear();
        QTest::keyClicks(search->searchBox(), QStringLiteral("egret"));
        // (The box's former text is searched again when the dialog comes back: wait for these.)
        QTRY_VERIFY(search->results()->count() == 1 &&
                    search->results()->item(0)->text().contains(QStringLiteral("Revision")));
        search->openResult(0);
        QCOMPARE(w->session()->draft().id, other.id);
        RevisionsDialog *revisions = w->findChild<RevisionsDialog *>();
        QVERIFY(revisions);
        QTRY_VERIFY(revisions->isVisible());
        QCOMPARE(revisions->list()->count(), 2);
        QCOMPARE(revisions->list()->currentRow(), 1); // newest first: the older one matched
        revisions->close();

        // A cached page of an account, matched by its description; its local draft opens with
        // the match in the title.
        search = openSearch(w);
        shown.clear();
        search->searchBox()->clear();
        QTest::keyClicks(search->searchBox(), QStringLiteral("lighthouses"));
        QTRY_VERIFY(search->results()->count() == 2);
        QVERIFY(search->results()->item(0)->text().contains(QStringLiteral("Draft")));
        QVERIFY2(
            search->results()->item(1)->text().contains(QStringLiteral("Page of alice on sandbox")),
            qPrintable(search->results()->item(1)->text()));
        selected.clear();
        search->openResult(1);
        QVERIFY(selected.wait(5000));
        QCOMPARE(w->session()->draft().id, lights.id);
        QLineEdit *title = w->editorPane()->titleEdit();
        QCOMPARE(title->selectedText(), QStringLiteral("Lighthouses"));
        QCOMPARE(title->selectionStart(), 0);

        // Hostile input is searched as words; nothing matches, nothing fails.
        search = openSearch(w);
        shown.clear();
        search->searchBox()->clear();
        QTest::keyClicks(search->searchBox(), QStringLiteral("\"NEAR( * OR"));
        QTRY_VERIFY(!shown.isEmpty() &&
                    search->note()->text().startsWith(QStringLiteral("No matches")));
        QCOMPARE(search->results()->count(), 0);
        search->hide();

        // Text just typed in the editor is found: the dialog writes it before searching.
        w->newDraft();
        QTest::keyClicks(w->editorPane()->editor(), QStringLiteral("A walk to Zanzibar"));
        search = openSearch(w);
        search->searchBox()->clear();
        QTest::keyClicks(search->searchBox(), QStringLiteral("zanz"));
        QTRY_VERIFY(search->results()->count() == 1);
        QVERIFY(search->results()->item(0)->text().startsWith(QStringLiteral("(untitled)")));
        selected.clear();
        search->openResult(0);
        QVERIFY(selected.wait(5000));
        QCOMPARE(w->editorPane()->editor()->textCursor().selectedText(),
                 QStringLiteral("Zanzibar"));
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestSearchDialog tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_searchdialog.moc"
