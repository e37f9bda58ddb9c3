// SPDX-License-Identifier: MIT
// Drafts to and from files without a window: Markdown as is, HTML through the lenient import,
// each export format read back, and failures that name the file and leave nothing behind.
#include "content/htmlparser.h"
#include "content/htmlwriter.h"
#include "content/markdown.h"
#include "content/node.h"
#include "testmain.h"
#include "workflow/draftfiles.h"
#include "workflow/htmlsourceconverter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTimer>

using namespace tg;

namespace {

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

Draft markdownDraft()
{
    Draft d = Draft::create();
    d.title = QStringLiteral("Export me");
    d.body = QStringLiteral("### Part\n\nSome **bold** and a [link](https://example.com).\n\n"
                            "- one\n- two\n");
    return d;
}

} // namespace

class TestDraftFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void importFile_markdown_isTakenAsIs()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Travel notes.md"));
        QVERIFY(writeFile(path, "## Day one\n\nWe *walked* <b>far</b>.\n"));
        const ImportResult r = DraftFiles::importFile(path);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.error.isEmpty());
        QVERIFY(!r.draft.id.isEmpty());
        QCOMPARE(r.draft.title, QStringLiteral("Travel notes"));
        QCOMPARE(r.draft.format, DraftFormat::Markdown);
        QCOMPARE(r.draft.body, QStringLiteral("## Day one\n\nWe *walked* <b>far</b>.\n"));
        QVERIFY(r.warnings.isEmpty());
    }

    void importFile_html_isCleanedAndReportsWhatChanged_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::newRow("html") << QStringLiteral("Messy.html");
        QTest::newRow("htm, upper case") << QStringLiteral("Messy.HTM");
    }

    void importFile_html_isCleanedAndReportsWhatChanged()
    {
        QFETCH(QString, fileName);
        QTemporaryDir dir;
        const QString path = dir.filePath(fileName);
        QVERIFY(writeFile(path, "<div><script>alert(1)</script><h1>Title</h1>"
                                "<p style=\"color:red\">Hello <font>world</font></p></div>"));
        const ImportResult r = DraftFiles::importFile(path);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.draft.title, QStringLiteral("Messy"));
        QCOMPARE(r.draft.format, DraftFormat::Html);
        QVERIFY(!r.warnings.isEmpty());
        QVERIFY(!r.draft.body.contains(QStringLiteral("script")));
        QVERIFY(!r.draft.body.contains(QStringLiteral("font")));
        QVERIFY(r.draft.body.contains(QStringLiteral("Hello")));
        QVERIFY(htmlToNodes(r.draft.body).ok());
    }

    void importFile_htmlInItsOwnEncoding_keepsTheText_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("warned");
        const QString russian = QStringLiteral("Привет, мир: съешь ещё булок");
        QStringEncoder koi("KOI8-R");
        QTest::newRow("KOI8-R meta") << QByteArray("<html><head><meta charset=\"koi8-r\"></head>"
                                                   "<body><p>") +
                                            QByteArray(koi.encode(russian)) + "</p></body></html>"
                                     << russian << false;
        QStringEncoder cp1251("windows-1251");
        QTest::newRow("windows-1251 http-equiv")
            << QByteArray("<meta http-equiv=\"content-type\" content=\"text/html; "
                          "charset=windows-1251\"><p>") +
                   QByteArray(cp1251.encode(russian)) + "</p>"
            << russian << false;
        QTest::newRow("no label, windows-1252")
            << QByteArray("<p>na\xefve caf\xe9</p>") << QStringLiteral("naïve café") << true;
    }
    void importFile_htmlInItsOwnEncoding_keepsTheText()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QFETCH(bool, warned);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Old page.html"));
        QVERIFY(writeFile(path, bytes));
        const ImportResult r = DraftFiles::importFile(path);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.draft.format, DraftFormat::Html);
        QVERIFY2(r.draft.body.contains(text), qPrintable(r.draft.body));
        QCOMPARE(r.warnings.join(QLatin1Char('\n')).contains(QLatin1String("windows-1252")),
                 warned);
    }

    void importFile_largeHtml_isBusyWhileTheEventLoopRuns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Large.html"));
        QString html;
        for (int i = 0; html.size() <= HtmlSourceConverter::syncLimit(); ++i)
            html += QStringLiteral("<p class=\"x\">Paragraph ") + QString::number(i) +
                    QStringLiteral(" with <b>bold</b> words.</p>");
        html += QStringLiteral("<p>Last</p>");
        QVERIFY(writeFile(path, html.toUtf8()));
        QList<bool> busy;
        int ticks = 0;
        QTimer timer;
        timer.setInterval(1);
        connect(&timer, &QTimer::timeout, &timer, [&ticks] { ++ticks; });
        timer.start();
        const ImportResult r = DraftFiles::importFile(path, [&busy](bool b) { busy.append(b); });
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(busy, (QList<bool>{true, false}));
        QVERIFY2(ticks > 0, "the event loop did not run during the import");
        QVERIFY(r.draft.body.endsWith(QStringLiteral("<p>Last</p>")));

        // A small file is converted at once, without a busy indicator.
        busy.clear();
        const QString small = dir.filePath(QStringLiteral("Small.html"));
        QVERIFY(writeFile(small, "<p>Hi</p>"));
        QVERIFY(DraftFiles::importFile(small, [&busy](bool b) { busy.append(b); }).ok);
        QVERIFY(busy.isEmpty());
    }

    void importFile_unreadable_failsNamingTheFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("isFolder");
        QTest::newRow("missing file") << QStringLiteral("nope.md") << false;
        QTest::newRow("a folder") << QStringLiteral("folder.md") << true;
    }

    void importFile_unreadable_failsNamingTheFile()
    {
        QFETCH(QString, name);
        QFETCH(bool, isFolder);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        if (isFolder)
            QVERIFY(QDir(dir.path()).mkdir(name));
        const ImportResult r = DraftFiles::importFile(path);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(path), qPrintable(r.error));
        // The cause follows the file name.
        QVERIFY2(r.error.size() > r.error.indexOf(path) + path.size() + 2, qPrintable(r.error));
        QVERIFY(r.draft.body.isEmpty());
    }

    void exportDraft_eachFormat_readsBackAsTheSameNodes_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<DraftFormat>("format");
        QTest::newRow("markdown from markdown")
            << QStringLiteral("out.md") << DraftFormat::Markdown;
        QTest::newRow("html from markdown") << QStringLiteral("out.html") << DraftFormat::Markdown;
        QTest::newRow("json from markdown") << QStringLiteral("out.json") << DraftFormat::Markdown;
        QTest::newRow("markdown from html") << QStringLiteral("out.md") << DraftFormat::Html;
        QTest::newRow("html from html") << QStringLiteral("out.htm") << DraftFormat::Html;
        QTest::newRow("json from html") << QStringLiteral("out.json") << DraftFormat::Html;
    }

    void exportDraft_eachFormat_readsBackAsTheSameNodes()
    {
        QFETCH(QString, fileName);
        QFETCH(DraftFormat, format);
        Draft d = markdownDraft();
        const NodeList expected = markdownToNodes(d.body).nodes;
        QVERIFY(!expected.isEmpty());
        if (format == DraftFormat::Html) {
            d.format = DraftFormat::Html;
            d.body = nodesToHtml(expected);
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(fileName);
        const QString error = DraftFiles::exportDraft(d, path);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QByteArray data = readFile(path);
        QVERIFY(!data.isEmpty());
        QCOMPARE(data, DraftFiles::exportData(d, path));
        NodeList back;
        if (fileName.endsWith(QLatin1String(".json"))) {
            const NodeParseResult r = nodesFromJson(data);
            QVERIFY2(r.ok(), qPrintable(r.error));
            back = r.nodes;
        } else if (fileName.contains(QLatin1String(".htm"))) {
            const HtmlParseResult r = htmlToNodes(QString::fromUtf8(data));
            QVERIFY(r.ok());
            back = r.nodes;
        } else {
            back = markdownToNodes(QString::fromUtf8(data)).nodes;
        }
        QCOMPARE(toJson(back), toJson(expected));
        // Only the file itself is left (no temporary file beside it).
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{fileName});
    }

    void exportDraft_existingFile_isReplaced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.md"));
        QVERIFY(writeFile(path, "old text that is longer than the new one ................"));
        const QString error = DraftFiles::exportDraft(markdownDraft(), path);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(readFile(path), DraftFiles::exportData(markdownDraft(), path));
    }

    void exportDraft_unwritableFolder_failsNamingThePathAndLeavesNoFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("read-only folder") << QStringLiteral("read-only");
        QTest::newRow("read-only file system") << QStringLiteral("proc");
        QTest::newRow("folder is a file") << QStringLiteral("file");
        QTest::newRow("missing folder") << QStringLiteral("missing");
    }

    void exportDraft_unwritableFolder_failsNamingThePathAndLeavesNoFile()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QString folder = dir.filePath(QStringLiteral("target"));
        if (kind == QLatin1String("read-only")) {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("target")));
            QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
            // The superuser writes into read-only folders anyway.
            if (writeFile(folder + QStringLiteral("/probe"), "x")) {
                QFile::remove(folder + QStringLiteral("/probe"));
                QFile::setPermissions(folder,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
                QSKIP("running as a user who may write into read-only folders");
            }
        } else if (kind == QLatin1String("proc")) {
            if (!QFileInfo(QStringLiteral("/proc/self")).isDir())
                QSKIP("no /proc here");
            folder = QStringLiteral("/proc");
        } else if (kind == QLatin1String("file")) {
            QVERIFY(writeFile(folder, "not a folder"));
        }
        const QString path = folder + QStringLiteral("/out.md");
        const QStringList before = QDir(folder).entryList(QDir::AllEntries | QDir::Hidden);
        const QString error = DraftFiles::exportDraft(markdownDraft(), path);
        if (kind == QLatin1String("read-only"))
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!QFileInfo::exists(path));
        if (kind != QLatin1String("proc")) // /proc lists processes, which come and go
            QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden), before);
    }
};

TG_TEST_MAIN_CORE(TestDraftFiles)
#include "tst_draftfiles.moc"
