// SPDX-License-Identifier: MIT
// What the app is asked to open: Markdown files, page links on the three Telegraph hosts and the
// app's own URL scheme, and the lookup of the account that owns a page.
#include "desktop/openrequest.h"
#include "pages/pagecache.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using tg::OpenRequest;
using Kind = tg::OpenRequest::Kind;

Q_DECLARE_METATYPE(tg::OpenRequest::Kind)

class TestOpenRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_pageLinks_data();
    void parse_pageLinks();
    void parse_markdownFiles_data();
    void parse_markdownFiles();
    void parse_badInput_isInvalidWithReason_data();
    void parse_badInput_isInvalidWithReason();
    void parse_unsupportedFile_namesWhatCanBeOpened();
    void parseAll_skipsOptions();
    void scheme_matchesDesktopEntry();
    void findPageOwner_returnsAccountWhoseListHasPage();

private:
    static void touch(const QString &path)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# Title\n");
    }
};

void TestOpenRequest::parse_pageLinks_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("url");

    QTest::newRow("telegra.ph") << u"https://telegra.ph/Sample-Page-12-15"_s << u"telegra.ph"_s
                                << u"Sample-Page-12-15"_s
                                << u"https://telegra.ph/Sample-Page-12-15"_s;
    QTest::newRow("graph.org") << u"https://graph.org/Sample-Page-12-15-2"_s << u"graph.org"_s
                               << u"Sample-Page-12-15-2"_s
                               << u"https://graph.org/Sample-Page-12-15-2"_s;
    QTest::newRow("te.legra.ph") << u"https://te.legra.ph/Hello-01-02"_s << u"te.legra.ph"_s
                                 << u"Hello-01-02"_s << u"https://te.legra.ph/Hello-01-02"_s;
    QTest::newRow("http-upgraded") << u"http://telegra.ph/Hello-01-02"_s << u"telegra.ph"_s
                                   << u"Hello-01-02"_s << u"https://telegra.ph/Hello-01-02"_s;
    QTest::newRow("host-case") << u"https://Telegra.PH/Hello-01-02"_s << u"telegra.ph"_s
                               << u"Hello-01-02"_s << u"https://telegra.ph/Hello-01-02"_s;
    QTest::newRow("query-fragment-slash")
        << u"https://telegra.ph/Hello-01-02/?x=1#part"_s << u"telegra.ph"_s << u"Hello-01-02"_s
        << u"https://telegra.ph/Hello-01-02"_s;
    QTest::newRow("percent-encoded")
        << u"https://telegra.ph/%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82-11-25"_s << u"telegra.ph"_s
        << QStringLiteral("Привет-11-25")
        << u"https://telegra.ph/%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82-11-25"_s;
    QTest::newRow("scheme") << u"telegraph-desktop://telegra.ph/Hello-01-02"_s << u"telegra.ph"_s
                            << u"Hello-01-02"_s << u"https://telegra.ph/Hello-01-02"_s;
    QTest::newRow("scheme-graph") << u"telegraph-desktop://graph.org/Hello-01-02"_s
                                  << u"graph.org"_s << u"Hello-01-02"_s
                                  << u"https://graph.org/Hello-01-02"_s;
    QTest::newRow("bare-host") << u"telegra.ph/Hello-01-02"_s << u"telegra.ph"_s << u"Hello-01-02"_s
                               << u"https://telegra.ph/Hello-01-02"_s;
    QTest::newRow("surrounding-space") << u"  https://telegra.ph/Hello-01-02\n"_s << u"telegra.ph"_s
                                       << u"Hello-01-02"_s << u"https://telegra.ph/Hello-01-02"_s;
}

void TestOpenRequest::parse_pageLinks()
{
    QFETCH(QString, argument);
    QFETCH(QString, host);
    QFETCH(QString, path);
    QFETCH(QString, url);
    const OpenRequest r = OpenRequest::parse(argument);
    QVERIFY2(r.isValid(), qPrintable(r.error));
    QCOMPARE(r.kind, Kind::Page);
    QCOMPARE(r.host, host);
    QCOMPARE(r.pagePath, path);
    QCOMPARE(r.pageUrl().toString(QUrl::FullyEncoded), url);
    QCOMPARE(r.argument, argument);
    QVERIFY(r.filePath.isEmpty());
}

void TestOpenRequest::parse_markdownFiles_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("form"); // how the argument names the file
    QTest::newRow("absolute") << u"note.md"_s << u"absolute"_s;
    QTest::newRow("relative") << u"note.md"_s << u"relative"_s;
    QTest::newRow("dot-relative") << u"note.md"_s << u"dot-relative"_s;
    QTest::newRow("markdown-suffix") << u"Long Note.markdown"_s << u"absolute"_s;
    QTest::newRow("upper-case-suffix") << u"README.MD"_s << u"absolute"_s;
    QTest::newRow("file-url") << u"note.md"_s << u"file-url"_s;
    QTest::newRow("file-url-spaces-unicode") << QStringLiteral("Заметка 1.md") << u"file-url"_s;
    // HTML opens too (through the lenient import).
    QTest::newRow("html") << u"page.html"_s << u"absolute"_s;
    QTest::newRow("htm-upper-case-relative") << u"PAGE.HTM"_s << u"relative"_s;
    QTest::newRow("html-file-url") << u"saved page.html"_s << u"file-url"_s;
}

void TestOpenRequest::parse_markdownFiles()
{
    QFETCH(QString, fileName);
    QFETCH(QString, form);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(fileName);
    touch(path);
    QString argument;
    if (form == QLatin1String("absolute"))
        argument = path;
    else if (form == QLatin1String("relative"))
        argument = fileName;
    else if (form == QLatin1String("dot-relative"))
        argument = QStringLiteral("./") + fileName;
    else
        argument = QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded);

    const OpenRequest r = OpenRequest::parse(argument, dir.path());
    QVERIFY2(r.isValid(), qPrintable(argument + QStringLiteral(": ") + r.error));
    QCOMPARE(r.kind, Kind::MarkdownFile);
    QCOMPARE(QFileInfo(r.filePath).canonicalFilePath(), QFileInfo(path).canonicalFilePath());
    QVERIFY(QFileInfo(r.filePath).isAbsolute());
    QVERIFY(r.pagePath.isEmpty());
    QVERIFY(r.pageUrl().isEmpty());
}

void TestOpenRequest::parse_badInput_isInvalidWithReason_data()
{
    QTest::addColumn<QString>("argument");
    QTest::newRow("empty") << u""_s;
    QTest::newRow("blank") << u"   "_s;
    QTest::newRow("other-host") << u"https://example.com/Hello-01-02"_s;
    QTest::newRow("lookalike-host") << u"https://telegra.ph.evil.example/Hello-01-02"_s;
    QTest::newRow("api-host") << u"https://api.telegra.ph/getPage/Hello-01-02"_s;
    QTest::newRow("host-root") << u"https://telegra.ph/"_s;
    QTest::newRow("host-only") << u"https://telegra.ph"_s;
    QTest::newRow("image-file-path") << u"https://telegra.ph/file/abc123.jpg"_s;
    QTest::newRow("user-info") << u"https://user@telegra.ph/Hello-01-02"_s;
    QTest::newRow("port") << u"https://telegra.ph:8443/Hello-01-02"_s;
    QTest::newRow("encoded-slash") << u"https://telegra.ph/a%2Fb"_s;
    QTest::newRow("dot-dot") << u"https://telegra.ph/.."_s;
    QTest::newRow("ftp") << u"ftp://telegra.ph/Hello-01-02"_s;
    QTest::newRow("javascript") << u"javascript://telegra.ph/%0Aalert(1)"_s;
    QTest::newRow("remote-file-url") << u"file://server/share/note.md"_s;
    QTest::newRow("missing-file") << u"/nonexistent/dir/note.md"_s;
    QTest::newRow("not-markdown") << u"/etc/hostname"_s;
    QTest::newRow("text-file") << u"notes.txt"_s;
    QTest::newRow("directory-named-md") << u"folder.md"_s;
    QTest::newRow("broken-url") << u"https://tele gra.ph/x"_s;
}

void TestOpenRequest::parse_badInput_isInvalidWithReason()
{
    QFETCH(QString, argument);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    touch(dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder.md")));
    const OpenRequest r = OpenRequest::parse(argument, dir.path());
    QVERIFY2(!r.isValid(), qPrintable(argument));
    QCOMPARE(r.kind, Kind::Invalid);
    QVERIFY(!r.error.isEmpty());
    QVERIFY(r.pageUrl().isEmpty());
}

void TestOpenRequest::parse_unsupportedFile_namesWhatCanBeOpened()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    touch(dir.filePath(QStringLiteral("notes.txt")));
    const OpenRequest r = OpenRequest::parse(QStringLiteral("notes.txt"), dir.path());
    QCOMPARE(r.kind, Kind::Invalid);
    QVERIFY2(r.error.contains(QStringLiteral(".md")) && r.error.contains(QStringLiteral(".html")),
             qPrintable(r.error));
}

void TestOpenRequest::parseAll_skipsOptions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    touch(dir.filePath(QStringLiteral("a.md")));
    const QList<OpenRequest> all = OpenRequest::parseAll(
        {QStringLiteral("--sandbox"), QStringLiteral("a.md"),
         QStringLiteral("https://graph.org/X-01-01"), QStringLiteral("b.txt")},
        dir.path());
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).kind, Kind::MarkdownFile);
    QCOMPARE(all.at(1).kind, Kind::Page);
    QCOMPARE(all.at(2).kind, Kind::Invalid);
}

void TestOpenRequest::scheme_matchesDesktopEntry()
{
    // The installers register the scheme; the parser must accept exactly that one.
    QFile desktop(QStringLiteral(TG_TEST_DATA_DIR
                                 "/../../packaging/linux/"
                                 "io.github.telegraph_desktop.TelegraphDesktop.desktop"));
    QVERIFY2(desktop.open(QIODevice::ReadOnly), qPrintable(desktop.fileName()));
    const QString text = QString::fromUtf8(desktop.readAll());
    QVERIFY2(text.contains(QStringLiteral("x-scheme-handler/") + OpenRequest::scheme()),
             "the desktop entry does not register the scheme the parser accepts");
    QVERIFY(text.contains(QStringLiteral("text/markdown")));
    QVERIFY(text.contains(QStringLiteral("%U")) || text.contains(QStringLiteral("%F")));
}

void TestOpenRequest::findPageOwner_returnsAccountWhoseListHasPage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    tg::PageCache cache;
    QVERIFY2(cache.open(dir.filePath(QStringLiteral("pages.sqlite"))),
             qPrintable(cache.lastError()));
    tg::Page a;
    a.path = QStringLiteral("Alpha-01-01");
    a.title = QStringLiteral("Alpha");
    tg::Page b;
    b.path = QStringLiteral("Beta-02-02");
    b.title = QStringLiteral("Beta");
    QVERIFY(cache.storePages(QStringLiteral("alice"), 0, {a}, 1));
    QVERIFY(cache.storePages(QStringLiteral("bob"), 0, {b}, 1));

    const QStringList accounts{QStringLiteral("alice"), QStringLiteral("bob")};
    const OpenRequest r = OpenRequest::parse(QStringLiteral("https://graph.org/Beta-02-02"));
    QCOMPARE(tg::findPageOwner(cache, accounts, r.pagePath), QStringLiteral("bob"));
    QCOMPARE(tg::findPageOwner(cache, accounts, QStringLiteral("Alpha-01-01")),
             QStringLiteral("alice"));
    QVERIFY(tg::findPageOwner(cache, accounts, QStringLiteral("alpha-01-01")).isEmpty());
    QVERIFY(tg::findPageOwner(cache, accounts, QStringLiteral("Other-03-03")).isEmpty());
    QVERIFY(tg::findPageOwner(cache, {}, QStringLiteral("Beta-02-02")).isEmpty());
    QVERIFY(tg::findPageOwner(cache, accounts, QString()).isEmpty());
}

TG_TEST_MAIN_CORE(TestOpenRequest)
#include "tst_openrequest.moc"
