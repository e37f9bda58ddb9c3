// SPDX-License-Identifier: MIT
#include "content/markdown.h"
#include "content/markdownwriter.h"

#include "testdata.h"
#include "testmain.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace tg;

namespace {

NodeList nodes(const char *json)
{
    const NodeParseResult r = nodesFromJson(QByteArray(json));
    if (!r.ok())
        qFatal("bad test JSON: %s", qPrintable(r.error));
    return r.nodes;
}

int maxDepth(const NodeList &list)
{
    int deepest = 0;
    QList<QPair<const NodeList *, qsizetype>> stack{{&list, 0}};
    while (!stack.isEmpty()) {
        auto &[l, i] = stack.last();
        if (i >= l->size()) {
            stack.removeLast();
            continue;
        }
        const Node &n = l->at(i++);
        if (!n.isElement())
            continue;
        deepest = qMax(deepest, int(stack.size()));
        if (!n.children().isEmpty())
            stack.append({&n.children(), 0});
    }
    return deepest;
}

QString repeated(const QString &s, int n)
{
    QString out;
    out.reserve(s.size() * n);
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

QByteArray repeatedBytes(QByteArrayView s, int n)
{
    QByteArray out;
    out.reserve(s.size() * n);
    for (int i = 0; i < n; ++i)
        out.append(s);
    return out;
}

/// The deepest element nesting of a flat document (as maxDepth() counts it).
int flatDepth(const FlatDoc &doc)
{
    int deepest = 0;
    std::vector<quint32> ends;
    const auto count = quint32(doc.nodes().size());
    for (quint32 i = 0; i < count; ++i) {
        while (!ends.empty() && ends.back() <= i)
            ends.pop_back();
        const FlatNode &n = doc.nodes()[i];
        if (!n.isElement())
            continue;
        deepest = qMax(deepest, int(ends.size()) + 1);
        ends.push_back(n.end);
    }
    return deepest;
}

/// markdownToFlat(utf8) gives what markdownToNodes(utf8) gives: the same nodes (compared as
/// JSON and as trees), JSON size and warnings.
void compareFlatWithTree(QByteArrayView utf8)
{
    const MarkdownResult tree = markdownToNodes(utf8);
    const FlatMarkdownResult flat = markdownToFlat(utf8);
    QVERIFY2(flat.ok(), qPrintable(flat.error));
    const QByteArray json = toJson(tree.nodes);
    QCOMPARE(flatToJson(flat.doc), json);
    QCOMPARE(flatJsonSize(flat.doc), json.size());
    QCOMPARE(toNodes(flat.doc), tree.nodes);
    QCOMPARE(flat.warnings, tree.warnings);
}

/// Every file below a folder of tests/data, by path relative to it.
QList<QPair<QString, QByteArray>> dataFiles(const QString &folder)
{
    QList<QPair<QString, QByteArray>> out;
    QDirIterator it(test::dataPath(folder), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            out.append({folder + u'/' + it.fileName(), f.readAll()});
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

/// Markdown → nodes (md4c), nodes → Markdown, and the round-trip check.
class TestMarkdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markdownToNodes_mapsToTelegraphContent_data();
    void markdownToNodes_mapsToTelegraphContent();
    void markdownToNodes_utf8Input_mapsLikeUtf16Input_data();
    void markdownToNodes_utf8Input_mapsLikeUtf16Input();
    void markdownToNodes_unicodeWhitespaceAndInvalidUtf8_data();
    void markdownToNodes_unicodeWhitespaceAndInvalidUtf8();
    void markdownToNodes_hostileInput_isBoundedAndQuick_data();
    void markdownToNodes_hostileInput_isBoundedAndQuick();
    void markdownToFlat_mappingRows_givesTheSameNodes_data();
    void markdownToFlat_mappingRows_givesTheSameNodes();
    void markdownToFlat_unicodeAndInvalidUtf8_givesTheSameNodes_data();
    void markdownToFlat_unicodeAndInvalidUtf8_givesTheSameNodes();
    void markdownToFlat_hostileInput_isBoundedLikeMarkdownToNodes_data();
    void markdownToFlat_hostileInput_isBoundedLikeMarkdownToNodes();
    void markdownToFlat_testDataAndOddBytes_givesTheSameNodes_data();
    void markdownToFlat_testDataAndOddBytes_givesTheSameNodes();
    void markdownToFlat_document_outlivesItsInput();
    void nodesToMarkdown_writesReadableMarkdown_data();
    void nodesToMarkdown_writesReadableMarkdown();
    void markdownRoundTrips_lossless_data();
    void markdownRoundTrips_lossless();
    void markdownRoundTrips_webEditorFixture_isLossless();
    void markdownRoundTrips_lossy_namesFirstDifference_data();
    void markdownRoundTrips_lossy_namesFirstDifference();
};

void TestMarkdown::markdownToNodes_mapsToTelegraphContent_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("headingsMapToH3AndH4")
        << QStringLiteral("# One\n## Two\n### Three\n###### Six")
        << QByteArray(
               R"J([{"tag":"h3","children":["One"]},{"tag":"h3","children":["Two"]},{"tag":"h4","children":["Three"]},{"tag":"h4","children":["Six"]}])J")
        << QStringList{};
    QTest::newRow("inlineFormatting")
        << QStringLiteral(
               "Hello *em* _em2_ **strong** `co`de`` ~~gone~~ [link](https://e.org/ \"t\")")
        << QByteArray(
               R"J([{"tag":"p","children":["Hello ",{"tag":"em","children":["em"]}," ",{"tag":"em","children":["em2"]}," ",{"tag":"strong","children":["strong"]}," ",{"tag":"code","children":["co"]},"de`` ",{"tag":"s","children":["gone"]}," ",{"tag":"a","attrs":{"href":"https://e.org/"},"children":["link"]}]}])J")
        << QStringList{};
    QTest::newRow("rawInlineHtmlFormatting")
        << QStringLiteral("<u>u</u> <ins>i</ins> <b>b</b> <i>i</i> <s>s</s> <del>d</del> "
                          "<span>x</span> <!-- c -->")
        << QByteArray(
               R"J([{"tag":"p","children":[{"tag":"u","children":["u"]}," ",{"tag":"u","children":["i"]}," ",{"tag":"b","children":["b"]}," ",{"tag":"i","children":["i"]}," ",{"tag":"s","children":["s"]}," ",{"tag":"s","children":["d"]}," x"]}])J")
        << QStringList{QStringLiteral("ins became u"), QStringLiteral("del became s"),
                       QStringLiteral("span unwrapped")};
    QTest::newRow("hardAndSoftBreaks")
        << QStringLiteral("one\ntwo  \nthree\\\nfour")
        << QByteArray(
               R"J([{"tag":"p","children":["one two",{"tag":"br"},"three",{"tag":"br"},"four"]}])J")
        << QStringList{};
    QTest::newRow("tightListHasNoParagraphs")
        << QStringLiteral("- a\n- b\n  - nested\n\n1. x\n2. y")
        << QByteArray(
               R"J([{"tag":"ul","children":[{"tag":"li","children":["a"]},{"tag":"li","children":["b",{"tag":"ul","children":[{"tag":"li","children":["nested"]}]}]}]},{"tag":"ol","children":[{"tag":"li","children":["x"]},{"tag":"li","children":["y"]}]}])J")
        << QStringList{};
    QTest::newRow("looseListKeepsParagraphs")
        << QStringLiteral("- a\n\n- b")
        << QByteArray(
               R"J([{"tag":"ul","children":[{"tag":"li","children":[{"tag":"p","children":["a"]}]},{"tag":"li","children":[{"tag":"p","children":["b"]}]}]}])J")
        << QStringList{};
    QTest::newRow("orderedListStartWarns")
        << QStringLiteral("3. three\n4. four")
        << QByteArray(
               R"J([{"tag":"ol","children":[{"tag":"li","children":["three"]},{"tag":"li","children":["four"]}]}])J")
        << QStringList{QStringLiteral("numbered list starting at 3 now starts at 1")};
    QTest::newRow("blockquoteSingleParagraphUnwrapped")
        << QStringLiteral("> quote\n> more\n\n> p1\n>\n> p2")
        << QByteArray(
               R"J([{"tag":"blockquote","children":["quote more"]},{"tag":"blockquote","children":[{"tag":"p","children":["p1"]},{"tag":"p","children":["p2"]}]}])J")
        << QStringList{};
    QTest::newRow("fencedAndIndentedCode")
        << QStringLiteral("```python\nx = 1\n  y\n```\n\n    indented\n\n~~~\n~~~")
        << QByteArray(
               R"J([{"tag":"pre","children":["x = 1\n  y"]},{"tag":"pre","children":["indented"]}])J")
        << QStringList{};
    QTest::newRow("thematicBreak")
        << QStringLiteral("a\n\n---\n\nb\n\n***")
        << QByteArray(
               R"J([{"tag":"p","children":["a"]},{"tag":"hr"},{"tag":"p","children":["b"]},{"tag":"hr"}])J")
        << QStringList{};
    QTest::newRow("imageAloneBecomesFigure")
        << QStringLiteral(
               "![Alt text](/file/a.jpg \"The caption\")\n\n![only alt](b.png)\n\n![](c.png)")
        << QByteArray(
               R"J([{"tag":"figure","children":[{"tag":"img","attrs":{"src":"/file/a.jpg"}},{"tag":"figcaption","children":["The caption"]}]},{"tag":"figure","children":[{"tag":"img","attrs":{"src":"b.png"}},{"tag":"figcaption","children":["only alt"]}]},{"tag":"figure","children":[{"tag":"img","attrs":{"src":"c.png"}}]}])J")
        << QStringList{};
    QTest::newRow("inlineImageStaysInline")
        << QStringLiteral("text ![x](a.png) more")
        << QByteArray(
               R"J([{"tag":"p","children":["text ",{"tag":"img","attrs":{"src":"a.png"}}," more"]}])J")
        << QStringList{};
    QTest::newRow("embedsFromLoneLinks")
        << QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n<https://vimeo.com/"
                          "76979871>\n\n[https://t.me/durov/43](https://t.me/durov/43 "
                          "\"Post\")\n\n[watch](https://youtu.be/dQw4w9WgXcQ)")
        << QByteArray(
               R"J([{"tag":"figure","children":[{"tag":"iframe","attrs":{"src":"/embed/youtube?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DdQw4w9WgXcQ"}}]},{"tag":"figure","children":[{"tag":"iframe","attrs":{"src":"/embed/vimeo?url=https%3A%2F%2Fvimeo.com%2F76979871"}}]},{"tag":"figure","children":[{"tag":"iframe","attrs":{"src":"/embed/telegram?url=https%3A%2F%2Ft.me%2Fdurov%2F43"}},{"tag":"figcaption","children":["Post"]}]},{"tag":"p","children":[{"tag":"a","attrs":{"href":"https://youtu.be/dQw4w9WgXcQ"},"children":["watch"]}]}])J")
        << QStringList{};
    QTest::newRow("tableBecomesText")
        << QStringLiteral("| Name | Value |\n|------|------:|\n| a    | *1*   |\n| b    | 2     |")
        << QByteArray(
               R"J([{"tag":"p","children":[{"tag":"strong","children":["Name"]}," | ",{"tag":"strong","children":["Value"]}]},{"tag":"p","children":["a | ",{"tag":"em","children":["1"]}]},{"tag":"p","children":["b | 2"]}])J")
        << QStringList{QStringLiteral("table turned into text")};
    QTest::newRow("rawHtmlBlockImported")
        << QStringLiteral(
               "<aside>Side "
               "note</aside>\n\n<div>\n<h1>Big</h1>\n</div>\n\n<table><tr><td>x</td></tr></table>")
        << QByteArray(
               R"J([{"tag":"aside","children":["Side note"]},{"tag":"h3","children":["Big"]},{"tag":"p","children":["x"]}])J")
        << QStringList{QStringLiteral("h1 became h3"), QStringLiteral("table turned into text")};
    QTest::newRow("rawHtmlHeadingsHoisted")
        << QStringLiteral("<h1>Big <b>x</b></h1>\n\ntext <h2>mid</h2> more")
        << QByteArray(
               R"J([{"tag":"h3","children":["Big ",{"tag":"b","children":["x"]}]},{"tag":"p","children":["text mid more"]}])J")
        << QStringList{QStringLiteral("h1 became h3"), QStringLiteral("h2 became h3")};
    QTest::newRow("javascriptLinkDropped")
        << QStringLiteral("[bad](javascript:alert(1)) ok")
        << QByteArray(R"J([{"tag":"p","children":["bad ok"]}])J")
        << QStringList{QStringLiteral("javascript: link removed")};
    QTest::newRow("scriptLinkWithTabDropped")
        << QStringLiteral("[bad](java&#9;script:alert(1)) ok")
        << QByteArray(R"J([{"tag":"p","children":["bad ok"]}])J")
        << QStringList{QStringLiteral("javascript: link removed")};
    QTest::newRow("vbscriptAutolinkDropped")
        << QStringLiteral("<vbscript:/b> ok")
        << QByteArray(R"J([{"tag":"p","children":["vbscript:/b ok"]}])J")
        << QStringList{QStringLiteral("vbscript: link removed")};
    QTest::newRow("dataImageDropped")
        << QStringLiteral("![x](data:text/html,hi) ok")
        << QByteArray(R"J([{"tag":"p","children":["ok"]}])J")
        << QStringList{QStringLiteral("image without a usable source removed")};
    QTest::newRow("entitiesDecoded")
        << QStringLiteral("&copy; &amp; &#x41; &nbsp;x")
        << QByteArray(R"J([{"tag":"p","children":["© & A x"]}])J") << QStringList{};
    QTest::newRow("autolinksKept")
        << QStringLiteral("see www.example.org and https://e.org/a and mail@example.org")
        << QByteArray(
               R"J([{"tag":"p","children":["see ",{"tag":"a","attrs":{"href":"http://www.example.org"},"children":["www.example.org"]}," and ",{"tag":"a","attrs":{"href":"https://e.org/a"},"children":["https://e.org/a"]}," and ",{"tag":"a","attrs":{"href":"mailto:mail@example.org"},"children":["mail@example.org"]}]}])J")
        << QStringList{};
    QTest::newRow("escapedCharsLiteral")
        << QStringLiteral("\\*not em\\* \\# \\[x\\]")
        << QByteArray(R"J([{"tag":"p","children":["*not em* # [x]"]}])J") << QStringList{};
}

void TestMarkdown::markdownToNodes_mapsToTelegraphContent()
{
    QFETCH(QString, markdown);
    QFETCH(QByteArray, json);
    QFETCH(QStringList, warnings);

    const MarkdownResult result = markdownToNodes(markdown);
    QCOMPARE(toJson(result.nodes), json);
    QCOMPARE(result.warnings, warnings);
}

void TestMarkdown::markdownToNodes_utf8Input_mapsLikeUtf16Input_data()
{
    markdownToNodes_mapsToTelegraphContent_data();
}

void TestMarkdown::markdownToNodes_utf8Input_mapsLikeUtf16Input()
{
    QFETCH(QString, markdown);
    QFETCH(QByteArray, json);
    QFETCH(QStringList, warnings);

    const QByteArray utf8 = markdown.toUtf8();
    const MarkdownResult result = markdownToNodes(QByteArrayView(utf8));
    QCOMPARE(toJson(result.nodes), json);
    QCOMPARE(result.warnings, warnings);
    const detail::MarkdownFlatStats flat = detail::markdownFlatStats(utf8);
    QCOMPARE(flat.warnings, warnings.size());
}

void TestMarkdown::markdownToNodes_unicodeWhitespaceAndInvalidUtf8_data()
{
    QTest::addColumn<QByteArray>("utf8");
    QTest::addColumn<QByteArray>("json");

    // No-break, em, ideographic and line-separator spaces collapse like ASCII spaces (as
    // QChar::isSpace() sees them); zero-width space (U+200B) and U+180E are not whitespace.
    QTest::newRow("unicodeSpacesCollapse")
        << QByteArray("\xC2\xA0"
                      "a\xC2\xA0\xC2\xA0"
                      "b\xE2\x80\x83 c\xE3\x80\x80\xE2\x80\xA8"
                      "d "
                      "\xE1\x9A\x80"
                      "e\xE2\x81\x9F\xC2\x85"
                      "f\xE2\x80\xAF\xE2\x80\x8B\xE1\xA0\x8Eg"
                      "\xE2\x80\x8A")
        << QByteArray("[{\"tag\":\"p\",\"children\":[\"a b c d e f "
                      "\xE2\x80\x8B\xE1\xA0\x8Eg\"]}]");
    QTest::newRow("invalidBytesReadAsReplacementCharacter")
        << QByteArray("a\xFF b \xC3 *\xED\xA0\x80*")
        << QByteArray(
               "[{\"tag\":\"p\",\"children\":[\"a\xEF\xBF\xBD b \xEF\xBF\xBD "
               "\",{\"tag\":\"em\",\"children\":[\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"]}]}]");
    QTest::newRow("trailingUnicodeSpaceTrimmed")
        << QByteArray("# Title\xE3\x80\x80\n\n```\ncode\xC2\xA0\xC2\xA0\n```")
        << QByteArray("[{\"tag\":\"h3\",\"children\":[\"Title\"]},{\"tag\":\"pre\","
                      "\"children\":[\"code\xC2\xA0\xC2\xA0\"]}]");
}

void TestMarkdown::markdownToNodes_unicodeWhitespaceAndInvalidUtf8()
{
    QFETCH(QByteArray, utf8);
    QFETCH(QByteArray, json);

    QCOMPARE(toJson(markdownToNodes(QByteArrayView(utf8)).nodes), json);
    // The UTF-16 entry point reads the same text the same way.
    QCOMPARE(toJson(markdownToNodes(QString::fromUtf8(utf8)).nodes), json);
}

void TestMarkdown::markdownToNodes_hostileInput_isBoundedAndQuick_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<bool>("flattened");

    QTest::newRow("100k quote levels")
        << repeated(QStringLiteral(">"), 100000) + QStringLiteral(" deep text") << true;
    QString list;
    for (int i = 0; i < 2000; ++i)
        list += QString(i * 2, QLatin1Char(' ')) + QStringLiteral("- deep text\n");
    QTest::newRow("2000 list levels") << list << true;
    QTest::newRow("100k emphasis")
        << repeated(QStringLiteral("*"), 100000) + QStringLiteral("deep text") +
               repeated(QStringLiteral("*"), 100000)
        << true;
    QTest::newRow("100k brackets")
        << repeated(QStringLiteral("["), 100000) + QStringLiteral("deep text") +
               repeated(QStringLiteral("]"), 100000)
        << false;
    QTest::newRow("100k html tags")
        << QStringLiteral("<div>\n") + repeated(QStringLiteral("<blockquote>"), 100000) +
               QStringLiteral("deep text")
        << true;
    QTest::newRow("100k inline html")
        << QStringLiteral("x ") + repeated(QStringLiteral("<b>"), 100000) +
               QStringLiteral("deep text")
        << true;
    QTest::newRow("invalid utf-8") << QString::fromUtf8("\xff\xfe deep text \xc0\xaf") << false;
}

void TestMarkdown::markdownToNodes_hostileInput_isBoundedAndQuick()
{
    QFETCH(QString, markdown);
    QFETCH(bool, flattened);

    // Speed is measured by bench_markdown; here only the structure.
    const MarkdownResult result = markdownToNodes(markdown);
    QVERIFY(maxDepth(result.nodes) <= MaxNodeDepth);
    QString text;
    for (const Node &n : result.nodes)
        text += n.plainText();
    QVERIFY2(text.contains(QStringLiteral("deep text")), qPrintable(text.left(200)));
    QCOMPARE(result.warnings.contains(QStringLiteral("deep nesting flattened")), flattened);
}

void TestMarkdown::markdownToFlat_mappingRows_givesTheSameNodes_data()
{
    markdownToNodes_mapsToTelegraphContent_data();
}

void TestMarkdown::markdownToFlat_mappingRows_givesTheSameNodes()
{
    QFETCH(QString, markdown);
    QFETCH(QByteArray, json);
    QFETCH(QStringList, warnings);

    const QByteArray utf8 = markdown.toUtf8();
    const FlatMarkdownResult flat = markdownToFlat(utf8);
    QCOMPARE(flatToJson(flat.doc), json);
    QCOMPARE(flat.warnings, warnings);
    compareFlatWithTree(utf8);
}

void TestMarkdown::markdownToFlat_unicodeAndInvalidUtf8_givesTheSameNodes_data()
{
    markdownToNodes_unicodeWhitespaceAndInvalidUtf8_data();
}

void TestMarkdown::markdownToFlat_unicodeAndInvalidUtf8_givesTheSameNodes()
{
    QFETCH(QByteArray, utf8);
    QFETCH(QByteArray, json);

    QCOMPARE(flatToJson(markdownToFlat(utf8).doc), json);
    compareFlatWithTree(utf8);
}

void TestMarkdown::markdownToFlat_hostileInput_isBoundedLikeMarkdownToNodes_data()
{
    markdownToNodes_hostileInput_isBoundedAndQuick_data();
}

void TestMarkdown::markdownToFlat_hostileInput_isBoundedLikeMarkdownToNodes()
{
    QFETCH(QString, markdown);
    QFETCH(bool, flattened);

    const QByteArray utf8 = markdown.toUtf8();
    const FlatMarkdownResult flat = markdownToFlat(utf8);
    QVERIFY(flatDepth(flat.doc) <= MaxNodeDepth);
    QCOMPARE(flat.warnings.contains(QStringLiteral("deep nesting flattened")), flattened);
    compareFlatWithTree(utf8);
}

void TestMarkdown::markdownToFlat_testDataAndOddBytes_givesTheSameNodes_data()
{
    QTest::addColumn<QByteArray>("utf8");

    // Markdown written from every conformance vector's nodes, and each vector's HTML read as
    // Markdown (raw HTML blocks and inline HTML).
    int vectors = 0;
    for (const QString &file : {QStringLiteral("vectors/html_to_nodes.jsonl"),
                                QStringLiteral("vectors/nodes_to_html.jsonl")}) {
        for (const QByteArray &line : test::readJsonLines(file)) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QByteArray id = o.value(QLatin1String("id")).toString().toUtf8();
            if (const QByteArray raw = test::rawJsonMember(line, "nodes"); !raw.isEmpty()) {
                const NodeParseResult parsed = nodesFromJson(raw);
                if (parsed.ok()) {
                    QTest::addRow("nodes %s", id.constData())
                        << nodesToMarkdown(parsed.nodes).toUtf8();
                    ++vectors;
                }
            }
            if (o.contains(QLatin1String("html"))) {
                QTest::addRow("html %s", id.constData())
                    << o.value(QLatin1String("html")).toString().toUtf8();
                ++vectors;
            }
        }
    }
    QVERIFY(vectors > 1000);

    const QJsonDocument page =
        QJsonDocument::fromJson(test::readData(QStringLiteral("fixtures/web-editor-page.json")));
    const NodeParseResult fixture =
        nodesFromJson(QJsonDocument(page.object().value(QStringLiteral("content")).toArray())
                          .toJson(QJsonDocument::Compact));
    QVERIFY(fixture.ok());
    QTest::newRow("web editor fixture") << nodesToMarkdown(fixture.nodes).toUtf8();

    // Inputs that once crashed a Markdown fuzz target.
    for (const QString &folder : {QStringLiteral("fuzz-regressions/markdown"),
                                  QStringLiteral("fuzz-regressions/markdown_utf8"),
                                  QStringLiteral("fuzz-regressions/markdown_flat")}) {
        for (const auto &[name, bytes] : dataFiles(folder))
            QTest::newRow(qPrintable(name)) << bytes;
    }

    // A U+FEFF that starts a text, a link or the input.
    const QByteArray bom("\xEF\xBB\xBF");
    QTest::newRow("bom at start") << QByteArray(bom + "# Title\n\ntext");
    QTest::newRow("two boms") << QByteArray(bom + bom + "x");
    QTest::newRow("bom starts paragraph") << QByteArray("a\n\n" + bom + "b");
    QTest::newRow("bom after emphasis") << QByteArray("*a*" + bom + "b");
    QTest::newRow("bom starts href") << QByteArray("[x](" + bom + "https://e.org/)");
    QTest::newRow("bom in code") << QByteArray("```\n" + bom + "code\n```");
    QTest::newRow("bom in html block") << QByteArray("<div>" + bom + "x</div>");
    QTest::newRow("bom in image title")
        << QByteArray("![" + bom + "alt](a.png \"" + bom + "title\")");
    // Bytes md4c and the reader treat specially.
    QTest::newRow("nul characters") << QByteArray("a\0b *\0* [\0](x\0y)\n\n```\n\0\n```", 27);
    QTest::newRow("crlf and cr") << QByteArray("# a\r\n\r\nb\rc\r\n- d\r\n- e\r\n");
    QTest::newRow("entities everywhere")
        << QByteArray("&#0; &#xD800; &#x110000; &bogus; [&amp;](/a&amp;b \"&quot;\") "
                      "![&lt;](x&#x20;y.png)");
    QTest::newRow("invalid utf-8 of every kind")
        << QByteArray("\x80 \xBF \xC0\xAF \xC1\xBF \xE0\x80\x80 \xED\xA0\x80 \xF4\x90\x80\x80 "
                      "\xF5 \xFF *\xE2\x82* [\xF0\x9F](\xC3) ```\n\xE2\n```\n\n<b>\xFE</b>");
    QTest::newRow("cut sequence at the end") << QByteArray("text \xE2\x82");
    QTest::newRow("tags outside telegraph")
        << QByteArray("<table><tr><td>x</td></tr></table>\n\n<span>a</span> <kbd>k</kbd> "
                      "<custom-tag>c</custom-tag>\n\n<div><script>x</script><p>p</p></div>");
    QTest::newRow("headings in paragraphs")
        << QByteArray("<h1>a</h1>\n\nx <h2>b</h2> <h4>c <h5>d</h5></h4>\n\n<h6>e");
    QTest::newRow("embeds and captions")
        << QByteArray("[https://youtu.be/dQw4w9WgXcQ](https://youtu.be/dQw4w9WgXcQ \"  a\tb  \")"
                      "\n\n<https://twitter.com/jack/status/20>\n\n[](https://vimeo.com/1)\n\n"
                      "https://t.me/durov/43\n\n![](/embed/youtube?url=x)");
    QTest::newRow("table with inline content")
        << QByteArray("| a | *b* | `c` |\n|---|:-:|--:|\n| [l](x) | ![i](y.png) | <b>z</b> |\n"
                      "| 1 |");
    QTest::newRow("html in deep quote") << QByteArray(repeatedBytes("> ", 600) + "<div>\n" +
                                                      repeatedBytes("<blockquote>", 600) + "deep");
    QTest::newRow("inline html in deep list")
        << QByteArray(repeatedBytes("* ", 600) + repeatedBytes("<b>", 600) + "x <img src=a.png> y");
    QTest::newRow("embed in deep quote")
        << QByteArray(repeatedBytes("> ", 600) + "https://youtu.be/dQw4w9WgXcQ");
    QTest::newRow("image in deep emphasis") << QByteArray(
        repeatedBytes("*", 2000) + "![a *b* ![c](d)](e.png \"t\")" + repeatedBytes("*", 2000));
    QTest::newRow("100k table cells") << QByteArray("|a|\n|-|\n" + repeatedBytes("|x", 100000));
    QTest::newRow("50k links") << repeatedBytes("[a](https://e.org/x \"t\") ", 50000);
    QTest::newRow("8 MiB of paragraphs")
        << repeatedBytes("Some *text* with **words**, `code` and a [link](/x).\n\n", 150000);
}

void TestMarkdown::markdownToFlat_testDataAndOddBytes_givesTheSameNodes()
{
    QFETCH(QByteArray, utf8);
    compareFlatWithTree(utf8);
}

void TestMarkdown::markdownToFlat_document_outlivesItsInput()
{
    FlatMarkdownResult flat;
    {
        const QByteArray input = QByteArrayLiteral("# Title\n\nSome *text* [link](/x)");
        flat = markdownToFlat(input);
        QVERIFY(flat.doc.input().data() != input.constData());
    }
    QCOMPARE(
        flatToJson(flat.doc),
        QByteArray(
            R"J([{"tag":"h3","children":["Title"]},{"tag":"p","children":["Some ",{"tag":"em","children":["text"]}," ",{"tag":"a","attrs":{"href":"/x"},"children":["link"]}]}])J"));
}

void TestMarkdown::nodesToMarkdown_writesReadableMarkdown_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("markdown");

    QTest::newRow("headings")
        << QByteArray(R"J([{"tag":"h3","children":["Big"]},{"tag":"h4","children":["Small"]}])J")
        << QStringLiteral("## Big\n\n### Small\n");
    QTest::newRow("inline")
        << QByteArray(
               R"J([{"tag":"p","children":["a ",{"tag":"strong","children":["b"]}," ",{"tag":"em","children":["c"]}," ",{"tag":"s","children":["d"]}," ",{"tag":"u","children":["e"]}," ",{"tag":"code","children":["f`g"]}," ",{"tag":"a","attrs":{"href":"https://e.org/x_(y)"},"children":["l"]}]}])J")
        << QStringLiteral("a **b** *c* ~~d~~ <u>e</u> ``f`g`` [l](<https://e.org/x_(y)>)\n");
    QTest::newRow("escaping")
        << QByteArray(
               R"J([{"tag":"p","children":["# 1. *a* _b_ [c] <d> & | ~ https://e.org www.e.org a@b.org"]}])J")
        << QStringLiteral("\\# 1. \\*a\\* \\_b\\_ \\[c\\] \\<d\\> \\& \\| \\~ https\\://e.org "
                          "www\\.e.org a\\@b.org\n");
    QTest::newRow("line start after break")
        << QByteArray(R"J([{"tag":"p","children":["a",{"tag":"br"},"- b",{"tag":"br"},"2) c"]}])J")
        << QStringLiteral("a\\\n\\- b\\\n2\\) c\n");
    QTest::newRow("lists and quote")
        << QByteArray(
               R"J([{"tag":"ul","children":[{"tag":"li","children":["a",{"tag":"ol","children":[{"tag":"li","children":["b"]}]}]}]},{"tag":"blockquote","children":["q",{"tag":"br"},"r"]}])J")
        << QStringLiteral("- a\n  1. b\n\n> q\\\n> r\n");
    QTest::newRow("code block with fence inside")
        << QByteArray(R"J([{"tag":"pre","children":["x\n```\ny"]}])J")
        << QStringLiteral("````\nx\n```\ny\n````\n");
    QTest::newRow("figure and embed")
        << QByteArray(
               R"J([{"tag":"figure","children":[{"tag":"img","attrs":{"src":"/file/a b.jpg"}},{"tag":"figcaption","children":["Cap \"q\""]}]},{"tag":"figure","children":[{"tag":"iframe","attrs":{"src":"/embed/youtube?url=https%3A%2F%2Fyoutu.be%2FdQw4w9WgXcQ"}}]}])J")
        << QStringLiteral(
               "![](</file/a b.jpg> \"Cap \\\"q\\\"\")\n\n<https://youtu.be/dQw4w9WgXcQ>\n");
    QTest::newRow("no markdown form: raw html")
        << QByteArray(
               R"J([{"tag":"aside","children":["x ",{"tag":"b","children":["y"]}]},{"tag":"h3","children":["a",{"tag":"br"},"b"]},{"tag":"p","children":[{"tag":"br"}]}])J")
        << QStringLiteral(
               "<aside>x <b>y</b></aside>\n\n<div><h3>a<br>b</h3></div>\n\n<p><br></p>\n");
    QTest::newRow("empty") << QByteArray("[]") << QString();
}

void TestMarkdown::nodesToMarkdown_writesReadableMarkdown()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, markdown);
    QCOMPARE(nodesToMarkdown(nodes(json.constData())), markdown);
}

void TestMarkdown::markdownRoundTrips_lossless_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("all inline tags") << QByteArray(
        R"J([{"tag":"p","children":["a ",{"tag":"b","children":["b"]}," ",{"tag":"i","children":["i"]}," ",{"tag":"u","children":["u"]}," ",{"tag":"s","children":["s"]}," ",{"tag":"code","children":["c`d"]}," ",{"tag":"strong","children":["x"]},{"tag":"em","children":["y"]}," ",{"tag":"a","attrs":{"href":"https://e.org/a b"},"children":["l ",{"tag":"em","children":["m"]}]}]}])J");
    QTest::newRow("metacharacters") << QByteArray(
        R"J([{"tag":"p","children":["*not* _em_ [x](y) <b> &amp; https://e.org/ www.x.org a@b.org | ~~z~~ \\ `"]}])J");
    QTest::newRow("line starts") << QByteArray(
        R"J([{"tag":"p","children":["# h"]},{"tag":"p","children":["1. l"]},{"tag":"p","children":["- l"]},{"tag":"p","children":["> q"]},{"tag":"p","children":["+ x"]},{"tag":"p","children":["=== "]},{"tag":"p","children":["a",{"tag":"br"},"- b",{"tag":"br"},"# c"]}])J");
    QTest::newRow("emphasis at punctuation") << QByteArray(
        R"J([{"tag":"p","children":[{"tag":"strong","children":["\"quoted\""]},"x",{"tag":"em","children":[" spaced "]},"y",{"tag":"strong","children":[{"tag":"em","children":["both"]}]}]}])J");
    QTest::newRow("lists") << QByteArray(
        R"J([{"tag":"ul","children":[{"tag":"li","children":["a",{"tag":"ul","children":[{"tag":"li","children":["b"]}]}]},{"tag":"li","children":["c"]}]},{"tag":"ul","children":[{"tag":"li","children":["separate list"]}]},{"tag":"ol","children":[{"tag":"li","children":[{"tag":"p","children":["p1"]},{"tag":"p","children":["p2"]}]},{"tag":"li","children":[{"tag":"p","children":["p3"]}]}]},{"tag":"ol","children":[{"tag":"li","children":["another"]}]}])J");
    QTest::newRow("quotes") << QByteArray(
        R"J([{"tag":"blockquote","children":["one",{"tag":"br"},"two"]},{"tag":"blockquote","children":[{"tag":"p","children":["p1"]},{"tag":"p","children":["p2"]}]}])J");
    QTest::newRow("code blocks") << QByteArray(
        R"J([{"tag":"pre","children":["\nleading newline\n\n\nblank lines ``` and trailing\n"]},{"tag":"pre","children":["    indented"]}])J");
    QTest::newRow("media") << QByteArray(
        R"J([{"tag":"figure","children":[{"tag":"img","attrs":{"src":"/file/a (1).jpg"}},{"tag":"figcaption","children":["Cap"]}]},{"tag":"figure","children":[{"tag":"img","attrs":{"src":"b.png"}},{"tag":"figcaption","children":["Rich ",{"tag":"b","children":["cap"]}]}]},{"tag":"figure","children":[{"tag":"video","attrs":{"src":"/file/v.mp4"}},{"tag":"figcaption","children":["Video"]}]},{"tag":"figure","children":[{"tag":"iframe","attrs":{"src":"/embed/twitter?url=https%3A%2F%2Ftwitter.com%2Fjack%2Fstatus%2F20"}},{"tag":"figcaption","children":["Tweet & co"]}]}])J");
    QTest::newRow("no markdown form") << QByteArray(
        R"J([{"tag":"aside","children":["Side ",{"tag":"em","children":["note"]}]},{"tag":"h4","children":["two",{"tag":"br"},"lines"]},{"tag":"p","children":[{"tag":"br"}]},{"tag":"hr"}])J");
    QTest::newRow("web editor attributes") << QByteArray(
        R"J([{"tag":"h3","attrs":{"id":"Два-слова"},"children":["Два слова"]},{"tag":"p","children":[{"tag":"a","attrs":{"href":"https://e.org/","target":"_blank"},"children":["x"]}]}])J");
    QTest::newRow("whitespace only differs")
        << QByteArray(R"J([{"tag":"p","children":["  lots   of\n space  "]}])J");
}

void TestMarkdown::markdownRoundTrips_lossless()
{
    QFETCH(QByteArray, json);
    QString why = QStringLiteral("unset");
    const NodeList content = nodes(json.constData());
    QVERIFY2(markdownRoundTrips(content, &why),
             qPrintable(why + QStringLiteral("\n") + nodesToMarkdown(content)));
    QCOMPARE(why, QString());
}

void TestMarkdown::markdownRoundTrips_webEditorFixture_isLossless()
{
    const QJsonDocument page =
        QJsonDocument::fromJson(test::readData(QStringLiteral("fixtures/web-editor-page.json")));
    const QByteArray content =
        QJsonDocument(page.object().value(QStringLiteral("content")).toArray())
            .toJson(QJsonDocument::Compact);
    const NodeParseResult parsed = nodesFromJson(content);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.nodes.size(), 15);

    QString why;
    QVERIFY2(markdownRoundTrips(parsed.nodes, &why), qPrintable(why));
    const QString markdown = nodesToMarkdown(parsed.nodes);
    QVERIFY(markdown.contains(QStringLiteral("## Вылет\n")));
    QVERIFY(markdown.contains(
        QStringLiteral("Текст с **жирным**, *курсивом* и [ссылкой](https://example.org/).")));
    QVERIFY(markdown.contains(QStringLiteral("<aside>Выноска крупным шрифтом.</aside>")));
}

void TestMarkdown::markdownRoundTrips_lossy_namesFirstDifference_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");

    QTest::newRow("extra attribute")
        << QByteArray(R"J([{"tag":"p","attrs":{"class":"x"},"children":["a"]}])J")
        << QStringLiteral("attribute 'class' on p would be lost (at [0])");
    QTest::newRow("custom heading id")
        << QByteArray(
               R"J([{"tag":"p","children":["a"]},{"tag":"h3","attrs":{"id":"custom"},"children":["Title"]}])J")
        << QStringLiteral("attribute 'id' on h3 would be lost (at [1])");
    QTest::newRow("top-level text")
        << QByteArray(R"J(["loose text"])J")
        << QStringLiteral("top-level \"loose text\" would be wrapped in a paragraph (at [0])");
    QTest::newRow("tag outside telegraph")
        << QByteArray(R"J([{"tag":"p","children":[{"tag":"table"}]}])J")
        << QStringLiteral("table is not a Telegraph tag and has no Markdown form");
    QTest::newRow("lone video link")
        << QByteArray(
               R"J([{"tag":"p","children":[{"tag":"a","attrs":{"href":"https://youtu.be/dQw4w9WgXcQ"},"children":["https://youtu.be/dQw4w9WgXcQ"]}]}])J")
        << QStringLiteral("p would become figure (at [0])");
    QTest::newRow("single paragraph in quote")
        << QByteArray(R"J([{"tag":"blockquote","children":[{"tag":"p","children":["q"]}]}])J")
        << QStringLiteral("p would become \"q\" (at [0][0])");
    QTest::newRow("empty paragraph")
        << QByteArray(R"J([{"tag":"p"},{"tag":"p","children":["x"]}])J")
        << QStringLiteral("\"x\" would appear in p (at [0])");
}

void TestMarkdown::markdownRoundTrips_lossy_namesFirstDifference()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    QString why;
    QVERIFY(!markdownRoundTrips(nodes(json.constData()), &why));
    QCOMPARE(why, reason);
}

TG_TEST_MAIN_CORE(TestMarkdown)
#include "tst_markdown.moc"
