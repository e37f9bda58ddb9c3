// SPDX-License-Identifier: MIT
// Getting content in and out of the real main window: command-line open requests, importing
// Markdown and HTML files, exporting to Markdown, HTML and node JSON, rich paste from HTML, and
// renaming the open draft from the drafts list.
#include "content/htmlparser.h"
#include "content/markdown.h"
#include "content/node.h"
#include "desktop/desktopapp.h"
#include "drafts/draftspanel.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "testmain.h"
#include "uitestwindow.h"
#include "window/publishbar.h"
#include "workflow/draftsession.h"
#include "workflow/htmlsourceconverter.h"
#include "workflow/publishflow.h"
#include "workflow/seriesrecord.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QTimer>

using namespace tg;

namespace {

/// HTML of about `bytes` bytes: numbered paragraphs with some formatting, ending in "Last".
QString largeHtml(qsizetype bytes)
{
    QString html;
    for (int i = 0; html.size() < bytes; ++i)
        html += QStringLiteral("<p class=\"x\">Paragraph ") + QString::number(i) +
                QStringLiteral(" with <b>bold</b> and <span>plain</span> words.</p>");
    return html + QStringLiteral("<p>Last</p>");
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestImportExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parseArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("items");
        QTest::addColumn<bool>("version");
        QTest::addColumn<bool>("error");
        const QString exe = QStringLiteral("telegraph-desktop");
        QTest::newRow("none") << QStringList{exe} << QStringList{} << false << false;
        QTest::newRow("version") << QStringList{exe, QStringLiteral("--version")} << QStringList{}
                                 << true << false;
        QTest::newRow("file and link")
            << QStringList{exe, QStringLiteral("a.md"), QStringLiteral("--sandbox"),
                           QStringLiteral("https://telegra.ph/Page-01-01")}
            << QStringList{QStringLiteral("a.md"), QStringLiteral("https://telegra.ph/Page-01-01")}
            << false << false;
        QTest::newRow("qt platform value is no file")
            << QStringList{exe, QStringLiteral("-platform"), QStringLiteral("offscreen")}
            << QStringList{} << false << false;
        QTest::newRow("unknown option")
            << QStringList{exe, QStringLiteral("--frobnicate")} << QStringList{} << false << true;
    }

    void parseArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, items);
        QFETCH(bool, version);
        QFETCH(bool, error);
        const DesktopApp::Options o = DesktopApp::parseArguments(args);
        QCOMPARE(o.openItems, items);
        QCOMPARE(o.version, version);
        QCOMPARE(!o.error.isEmpty(), error);
    }

    void openItems_filesBecomeDraftsAndLinksOpenPages()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qputenv("TELEGRAPH_DESKTOP_DATA_DIR", dir.filePath(QStringLiteral("data")).toUtf8());
        const QString md = dir.filePath(QStringLiteral("Notes.md"));
        const QString html = dir.filePath(QStringLiteral("Old page.html"));
        QVERIFY(writeFile(md, "# Notes\n\nFrom the **command line**.\n"));
        QVERIFY(writeFile(html, "<p>Imported <b>HTML</b></p>"));

        DesktopApp::Options options;
        options.sandbox = true;
        DesktopApp app(options);
        QString error;
        QVERIFY2(app.start(&error), qPrintable(error));
        MainWindow *w = app.window();

        QCOMPARE(app.openItems({QUrl::fromLocalFile(md).toString()}), QStringList());
        QCOMPARE(w->editorPane()->title(), QStringLiteral("Notes"));
        QVERIFY(w->editorPane()->body().contains(QStringLiteral("**command line**")));

        QCOMPARE(app.openItems({QStringLiteral("Old page.html")}, dir.path()), QStringList());
        QCOMPARE(w->editorPane()->title(), QStringLiteral("Old page"));
        QCOMPARE(w->editorPane()->format(), DraftFormat::Html);
        QVERIFY(w->editorPane()->body().contains(QStringLiteral("<b>HTML</b>")));

        const QStringList bad = app.openItems(
            {dir.filePath(QStringLiteral("missing.md")), QStringLiteral("https://example.com/x")});
        QCOMPARE(bad.size(), 2);

        // A page link goes to the server (the in-app sandbox, which does not have this page).
        QSignalSpy opened(w, &MainWindow::pageOpened);
        QVERIFY(app.openItems({QStringLiteral("telegraph-desktop://telegra.ph/Some-Page-01-01")})
                    .isEmpty());
        QVERIFY(opened.wait(10000));
        QVERIFY(!opened.first().first().value<PublishResult>().ok);
        QVERIFY2(w->publishBar()->text().contains(QStringLiteral("Could not open")),
                 qPrintable(w->publishBar()->text()));
        app.shutdown();
        qunsetenv("TELEGRAPH_DESKTOP_DATA_DIR");
    }

    void publishAsSeries_fromTheWindow_thenUpdateKeepsPages()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qputenv("TELEGRAPH_DESKTOP_DATA_DIR", dir.filePath(QStringLiteral("data")).toUtf8());
        DesktopApp::Options options;
        options.sandbox = true;
        DesktopApp app(options);
        QString error;
        QVERIFY2(app.start(&error), qPrintable(error));
        MainWindow *w = app.window();
        QString text;
        for (int s = 0; s < 12; ++s) {
            text += QStringLiteral("### Chapter %1\n\n").arg(s + 1);
            for (int p = 0; p < 4; ++p)
                text += QString(3000, QLatin1Char('w')) + QStringLiteral("\n\n");
        }
        w->editorPane()->titleEdit()->setText(QStringLiteral("Big book"));
        w->editorPane()->editor()->setPlainText(text);
        // The in-app sandbox creates its account asynchronously; retry until it is there.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (w->publishBar()->text().contains(QStringLiteral("series of")))
                    return true;
                if (!w->publishBar()->text().startsWith(QStringLiteral("Linking")) &&
                    !w->publishBar()->text().startsWith(QStringLiteral("Creating")) &&
                    !w->publishBar()->text().startsWith(QStringLiteral("Publishing the")))
                    w->publishAsSeries();
                return false;
            }(),
            30000);
        QSettings settings(dir.filePath(QStringLiteral("data/sandbox/settings.ini")),
                           QSettings::IniFormat);
        const SeriesRecord first = SeriesRecord::load(settings, w->session()->draft().id);
        QVERIFY(first.partPaths.size() >= 2);
        w->publishBar()->showMessage(QString(), false);
        w->publishAsSeries();
        QTRY_VERIFY_WITH_TIMEOUT(w->publishBar()->text().contains(QStringLiteral("series of")),
                                 30000);
        settings.sync();
        const SeriesRecord second = SeriesRecord::load(settings, w->session()->draft().id);
        QCOMPARE(second.partPaths, first.partPaths);
        QCOMPARE(second.indexPath, first.indexPath);
        app.shutdown();
        qunsetenv("TELEGRAPH_DESKTOP_DATA_DIR");
    }

    void importPath_markdown_opensAsNewDraft()
    {
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        const QString path = ui.dir.filePath(QStringLiteral("Travel.md"));
        QVERIFY(writeFile(path, "## Day one\n\nWe *walked*.\n"));
        const QString before = ui.window->session()->draft().id;
        QString error;
        QVERIFY2(ui.window->importPath(path, &error), qPrintable(error));
        QVERIFY(ui.window->session()->draft().id != before);
        QCOMPARE(ui.window->editorPane()->title(), QStringLiteral("Travel"));
        QCOMPARE(ui.window->editorPane()->format(), DraftFormat::Markdown);
        QCOMPARE(ui.window->editorPane()->body(), QStringLiteral("## Day one\n\nWe *walked*.\n"));
        ui.store->flush();
        QCOMPARE(ui.store->draft(ui.window->session()->draft().id)->title,
                 QStringLiteral("Travel"));
    }

    void importPath_html_isCleanedAndWarningsShown()
    {
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        const QString path = ui.dir.filePath(QStringLiteral("Messy.html"));
        QVERIFY(writeFile(path, "<div><script>alert(1)</script><h1>Title</h1>"
                                "<p style=\"color:red\">Hello <font>world</font></p></div>"));
        QStringList warnings;
        QString error;
        QVERIFY2(ui.window->importPath(path, &error, &warnings), qPrintable(error));
        QVERIFY(!warnings.isEmpty());
        QVERIFY2(ui.window->publishBar()->text().contains(warnings.first()),
                 qPrintable(ui.window->publishBar()->text()));
        const QString body = ui.window->editorPane()->body();
        QVERIFY(!body.contains(QStringLiteral("script")));
        QVERIFY(!body.contains(QStringLiteral("font")));
        QVERIFY(body.contains(QStringLiteral("Hello")));
        // What the import produced is strict Telegraph HTML.
        QVERIFY(htmlToNodes(body).ok());
    }

    void importPath_koi8rHtml_showsTheCyrillicText()
    {
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        const QString text = QStringLiteral("Здравствуй, мир! Съешь ещё этих булок.");
        QStringEncoder koi("KOI8-R");
        QVERIFY(koi.isValid());
        const QString path = ui.dir.filePath(QStringLiteral("Старая страница.html"));
        QVERIFY(
            writeFile(path, QByteArray("<html><head><meta http-equiv=\"Content-Type\" "
                                       "content=\"text/html; charset=koi8-r\"></head><body><p>") +
                                QByteArray(koi.encode(text)) + "</p></body></html>"));
        QString error;
        QVERIFY2(ui.window->importPath(path, &error), qPrintable(error));
        QCOMPARE(ui.window->editorPane()->format(), DraftFormat::Html);
        QVERIFY2(ui.window->editorPane()->body().contains(text),
                 qPrintable(ui.window->editorPane()->body()));
        QCOMPARE(ui.window->editorPane()->title(), QStringLiteral("Старая страница"));
    }

    void importPath_unreadable_failsWithMessage()
    {
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        const QString before = ui.window->session()->draft().id;
        QString error;
        QVERIFY(!ui.window->importPath(ui.dir.filePath(QStringLiteral("nope.md")), &error));
        QVERIFY(error.contains(QStringLiteral("nope.md")));
        QCOMPARE(ui.window->session()->draft().id, before);
    }

    void exportTo_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::newRow("markdown") << QStringLiteral("out.md");
        QTest::newRow("html") << QStringLiteral("out.html");
        QTest::newRow("json") << QStringLiteral("out.json");
    }

    void exportTo()
    {
        QFETCH(QString, fileName);
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        const QString source = QStringLiteral("### Part\n\nSome **bold** and a "
                                              "[link](https://example.com).\n\n- one\n- two\n");
        ui.window->editorPane()->titleEdit()->setText(QStringLiteral("Export me"));
        ui.window->editorPane()->editor()->setPlainText(source);
        const NodeList expected = markdownToNodes(source).nodes;
        QVERIFY(!expected.isEmpty());

        const QString path = ui.dir.filePath(fileName);
        QString error;
        QVERIFY2(ui.window->exportTo(path, &error), qPrintable(error));
        const QByteArray data = readFile(path);
        QVERIFY(!data.isEmpty());
        NodeList back;
        if (fileName.endsWith(QLatin1String(".json"))) {
            const NodeParseResult r = nodesFromJson(data);
            QVERIFY2(r.ok(), qPrintable(r.error));
            back = r.nodes;
        } else if (fileName.endsWith(QLatin1String(".html"))) {
            const HtmlParseResult r = htmlToNodes(QString::fromUtf8(data));
            QVERIFY(r.ok());
            back = r.nodes;
        } else {
            back = markdownToNodes(QString::fromUtf8(data)).nodes;
        }
        QCOMPARE(toJson(back), toJson(expected));
    }

    void exportTo_unwritablePath_fails()
    {
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        ui.window->editorPane()->editor()->setPlainText(QStringLiteral("text"));
        QString error;
        QVERIFY(
            !ui.window->exportTo(ui.dir.filePath(QStringLiteral("no/such/dir/out.md")), &error));
        QVERIFY(!error.isEmpty());
    }

    void richPaste_data()
    {
        QTest::addColumn<int>("format"); // 0 Markdown, 1 HTML
        QTest::newRow("into markdown") << 0;
        QTest::newRow("into html") << 1;
    }

    void richPaste()
    {
        QFETCH(int, format);
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        auto *combo = ui.window->editorPane()->findChild<QComboBox *>();
        QVERIFY(combo);
        combo->setCurrentIndex(format);
        SourceEditor *editor = ui.window->editorPane()->editor();
        editor->clear();
        auto mime = std::make_unique<QMimeData>();
        mime->setHtml(QStringLiteral("<html><body><span style=\"font-weight:700\">x</span>"
                                     "<p class=\"c\">Pasted <b>bold</b> <i>text</i></p>"
                                     "<table><tr><td>cell</td></tr></table></body></html>"));
        mime->setText(QStringLiteral("Pasted bold text cell"));
        QSignalSpy cleaned(ui.window->editorPane(), &EditorPane::pasteCleaned);
        QGuiApplication::clipboard()->setMimeData(mime.release());
        editor->paste();
        QCOMPARE(cleaned.size(), 1);
        const QString body = editor->toPlainText();
        QVERIFY(!body.contains(QStringLiteral("style")));
        QVERIFY(!body.contains(QStringLiteral("<table")));
        QVERIFY(!body.contains(QStringLiteral("class=")));
        const NodeList nodes = format == 0 ? markdownToNodes(body).nodes : htmlToNodes(body).nodes;
        const QByteArray json = toJson(nodes);
        QVERIFY2(json.contains("\"b\"") || json.contains("\"strong\""), json.constData());
        QVERIFY2(json.contains("\"i\"") || json.contains("\"em\""), json.constData());
        QVERIFY(json.contains("cell"));
    }

    void richPaste_large_isConvertedWhileTheWindowKeepsRunning()
    {
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        auto *combo = ui.window->editorPane()->findChild<QComboBox *>();
        QVERIFY(combo);
        combo->setCurrentIndex(0); // Markdown
        SourceEditor *editor = ui.window->editorPane()->editor();
        editor->setPlainText(QStringLiteral("Intro\n\n"));
        editor->moveCursor(QTextCursor::End);
        const QString html = largeHtml(400 * 1024);
        QVERIFY(html.size() > HtmlSourceConverter::syncLimit());
        auto mime = std::make_unique<QMimeData>();
        mime->setHtml(html);
        QGuiApplication::clipboard()->setMimeData(mime.release());

        QSignalSpy cleaned(ui.window->editorPane(), &EditorPane::pasteCleaned);
        QSignalSpy converting(ui.window->editorPane(), &EditorPane::pasteConverting);
        int ticks = 0;
        QTimer timer;
        timer.setInterval(1);
        connect(&timer, &QTimer::timeout, &timer, [&ticks] { ++ticks; });
        timer.start();
        editor->paste();
        // paste() returned before the conversion ended: typing meanwhile is kept.
        QCOMPARE(cleaned.size(), 0);
        QCOMPARE(converting.size(), 1);
        QCOMPARE(converting.first().at(0).toBool(), true);
        QTextCursor typing(editor->document());
        typing.insertText(QStringLiteral("Typed "));

        QVERIFY(cleaned.wait(60000));
        QVERIFY2(ticks > 0, "the event loop did not run during the conversion");
        QCOMPARE(converting.last().at(0).toBool(), false);
        const QString body = editor->toPlainText();
        QVERIFY2(body.startsWith(QStringLiteral(
                     "Typed Intro\n\nParagraph 0 with <b>bold</b> and plain words.")),
                 qPrintable(QString(body.left(80)).replace(QLatin1Char('\n'), QLatin1Char('|'))));
        QVERIFY(body.trimmed().endsWith(QStringLiteral("Last")));
        QVERIFY(!body.contains(QStringLiteral("class=")));
        // The whole paste is one undo step.
        editor->undo();
        QCOMPARE(editor->toPlainText(), QStringLiteral("Typed Intro\n\n"));
    }

    void richPaste_large_whileAnotherDraftOpens_isNotApplied()
    {
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        SourceEditor *editor = ui.window->editorPane()->editor();
        auto mime = std::make_unique<QMimeData>();
        mime->setHtml(largeHtml(200 * 1024));
        QGuiApplication::clipboard()->setMimeData(mime.release());
        QSignalSpy converting(ui.window->editorPane(), &EditorPane::pasteConverting);
        editor->paste();
        QCOMPARE(converting.size(), 1);
        Draft other = Draft::create();
        other.body = QStringLiteral("Other draft");
        ui.window->editorPane()->loadDraft(other);
        QTRY_COMPARE_WITH_TIMEOUT(converting.size(), 2, 60000);
        QCOMPARE(editor->toPlainText(), QStringLiteral("Other draft"));
    }

    void importPath_largeHtml_isConvertedWhileTheWindowKeepsRunning()
    {
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        const QString path = ui.dir.filePath(QStringLiteral("Large.html"));
        QVERIFY(writeFile(path, largeHtml(400 * 1024).toUtf8()));
        int ticks = 0;
        QTimer timer;
        timer.setInterval(1);
        connect(&timer, &QTimer::timeout, &timer, [&ticks] { ++ticks; });
        timer.start();
        QString error;
        QVERIFY2(ui.window->importPath(path, &error), qPrintable(error));
        QVERIFY2(ticks > 0, "the event loop did not run during the import");
        const QString body = ui.window->editorPane()->body();
        QVERIFY(body.startsWith(QStringLiteral("<p>Paragraph 0 with <b>bold</b>")));
        QVERIFY(body.endsWith(QStringLiteral("<p>Last</p>")));
        QVERIFY(htmlToNodes(body).ok());
    }

    void renameInDraftsList_updatesOpenTitleAndSurvivesAutosave()
    {
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        MainWindow *w = ui.window.get();
        w->editorPane()->titleEdit()->setText(QStringLiteral("Old title"));
        QTest::keyClicks(w->editorPane()->editor(), QStringLiteral("Body"));
        w->saveNow();
        ui.store->flush();
        const QString id = w->session()->draft().id;
        QVERIFY(ui.store->draft(id).has_value());

        DraftsPanel *panel = w->draftsPanel();
        panel->refresh();
        QListWidget *list = panel->list();
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->data(Qt::UserRole + 1).toString() == id ||
                list->item(i)->text().contains(QStringLiteral("Old title")))
                list->setCurrentRow(i);
        }
        QVERIFY(list->currentItem());
        panel->renameSelected(QStringLiteral("New title"));
        QCOMPARE(w->editorPane()->title(), QStringLiteral("New title"));

        // Typing afterwards and autosaving keeps the new title.
        QTest::keyClicks(w->editorPane()->editor(), QStringLiteral(" more"));
        w->saveNow();
        ui.store->flush();
        QCOMPARE(ui.store->draft(id)->title, QStringLiteral("New title"));
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestImportExport tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_importexport.moc"
