// SPDX-License-Identifier: MIT
#include "content/htmlparser.h"
#include "content/htmlwriter.h"
#include "content/node.h"
#include "testdata.h"
#include "testmain.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace tg;

namespace {

/// The raw JSON text of "nodes" in a writer vector (`{"id", "nodes", "html"}`), keeping
/// attribute order. A raw `, "html": ` cannot occur inside a JSON string.
QByteArray rawNodes(const QByteArray &line)
{
    const QByteArray key = QByteArrayLiteral("\"nodes\": ");
    const qsizetype start = line.indexOf(key);
    const qsizetype end = line.lastIndexOf(QByteArrayLiteral(", \"html\": "));
    if (start < 0 || end < 0)
        return {};
    return line.mid(start + key.size(), end - start - key.size());
}

} // namespace

/// Nodes to HTML: byte-exact with the reference writer, and safe at any depth.
class TestHtmlWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodesToHtml_matchesReferenceVector_data()
    {
        QTest::addColumn<QByteArray>("nodesJson");
        QTest::addColumn<QString>("html");
        const QList<QByteArray> lines =
            test::readJsonLines(QStringLiteral("vectors/nodes_to_html.jsonl"));
        QCOMPARE(lines.size(), 400);
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QByteArray id = o.value(QLatin1String("id")).toString().toUtf8();
            QTest::newRow(id.constData())
                << rawNodes(line) << o.value(QLatin1String("html")).toString();
        }
    }

    void nodesToHtml_matchesReferenceVector()
    {
        QFETCH(QByteArray, nodesJson);
        QFETCH(QString, html);
        const NodeParseResult nodes = nodesFromJson(nodesJson);
        QVERIFY2(nodes.ok(), qPrintable(nodes.error));
        QCOMPARE(nodesToHtml(nodes.nodes).toUtf8(), html.toUtf8());
    }

    void nodesToHtml_escapesAndShapes_data()
    {
        QTest::addColumn<NodeList>("nodes");
        QTest::addColumn<QString>("html");
        QTest::newRow("empty") << NodeList{} << QString();
        QTest::newRow("text escapes")
            << NodeList{Node::text(QStringLiteral("<a href=\"x\">'&'</a>"))}
            << QStringLiteral("&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
        QTest::newRow("attribute order and escapes")
            << NodeList{Node::element(QStringLiteral("a"),
                                      {{QStringLiteral("z"), QStringLiteral("1&2")},
                                       {QStringLiteral("a"), QStringLiteral("\"'")}},
                                      {Node::text(QStringLiteral("t"))})}
            << QStringLiteral("<a z=\"1&amp;2\" a=\"&quot;&#x27;\">t</a>");
        QTest::newRow("void without children")
            << NodeList{Node::element(QStringLiteral("img"), {{QStringLiteral("src"), QString()}})}
            << QStringLiteral("<img src=\"\"/>");
        QTest::newRow("void with children")
            << NodeList{Node::element(QStringLiteral("br"), {}, {Node::text(QStringLiteral("x"))})}
            << QStringLiteral("<br>x</br>");
        QTest::newRow("empty non-void")
            << NodeList{Node::element(QStringLiteral("p"))} << QStringLiteral("<p></p>");
        QTest::newRow("non-ASCII kept")
            << NodeList{Node::text(QStringLiteral("Привет 😀"))} << QStringLiteral("Привет 😀");
    }

    void nodesToHtml_escapesAndShapes()
    {
        QFETCH(NodeList, nodes);
        QFETCH(QString, html);
        QCOMPARE(nodesToHtml(nodes), html);
    }

    void nodesToHtml_deepTree_isWrittenWithoutRecursion()
    {
        constexpr int depth = 10000; // far beyond MaxNodeDepth; the writer has no limit
        Node node = Node::text(QStringLiteral("x"));
        for (int k = 0; k < depth; ++k)
            node = Node::element(QStringLiteral("b"), {}, {node});
        const QString html = nodesToHtml({node});
        QCOMPARE(html.size(), qsizetype(depth) * 7 + 1);
        QVERIFY(html.startsWith(QStringLiteral("<b><b><b>")));
        QCOMPARE(html.indexOf(QLatin1Char('x')), qsizetype(depth) * 3);
        QVERIFY(html.endsWith(QStringLiteral("</b></b>")));
        // Unwind the chain from the top so the test does not recurse in ~Node either.
        while (node.isElement() && !node.children().isEmpty()) {
            Node child = node.children().first();
            node = child;
        }
    }

    void nodesToHtml_hostileNames_neverBecomeMarkup_data()
    {
        QTest::addColumn<NodeList>("nodes");
        QTest::addColumn<QString>("html");
        const auto p = [](const Attributes &attrs) {
            return NodeList{
                Node::element(QStringLiteral("p"), attrs, {Node::text(QStringLiteral("t"))})};
        };
        QTest::newRow("attribute name with markup")
            << p({{QStringLiteral("x><script>alert(1)</script><b y"), QStringLiteral("1")}})
            << QStringLiteral("<p>t</p>");
        QTest::newRow("attribute name with quote and equals")
            << p({{QStringLiteral("a\"=b"), QStringLiteral("1")},
                  {QStringLiteral("id"), QStringLiteral("k")}})
            << QStringLiteral("<p id=\"k\">t</p>");
        QTest::newRow("attribute name with space, slash, control")
            << p({{QStringLiteral("a b"), {}},
                  {QStringLiteral("a/b"), {}},
                  {QString(QStringLiteral("a") + QChar(1)), {}},
                  {QString(), {}}})
            << QStringLiteral("<p>t</p>");
        QTest::newRow("harmless names kept")
            << p({{QStringLiteral("target"), QStringLiteral("_blank")},
                  {QStringLiteral("data-x.y_z:w"), QStringLiteral("1")}})
            << QStringLiteral("<p target=\"_blank\" data-x.y_z:w=\"1\">t</p>");
        QTest::newRow("attribute value escaped")
            << p({{QStringLiteral("title"), QStringLiteral("\"><script>alert(1)</script>")}})
            << QStringLiteral("<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">t</p>");
        QTest::newRow("tag with markup written as its children")
            << NodeList{Node::element(QStringLiteral("b><script>alert(1)</script"), {},
                                      {Node::text(QStringLiteral("t"))})}
            << QStringLiteral("t");
    }

    void nodesToHtml_hostileNames_neverBecomeMarkup()
    {
        QFETCH(NodeList, nodes);
        QFETCH(QString, html);
        const QString out = nodesToHtml(nodes);
        QCOMPARE(out, html);
        QVERIFY(!out.contains(QLatin1String("<script")));
    }

    void nodesToDisplayHtml_dropsWhatRunsScript_data()
    {
        QTest::addColumn<NodeList>("nodes");
        QTest::addColumn<QString>("html");
        const auto a = [](const QString &href) {
            return NodeList{Node::element(QStringLiteral("a"), {{QStringLiteral("href"), href}},
                                          {Node::text(QStringLiteral("t"))})};
        };
        QTest::newRow("javascript link")
            << a(QStringLiteral("javascript:alert(1)")) << QStringLiteral("<a>t</a>");
        QTest::newRow("mixed case, spaces, tab, newline, controls")
            << a(QString(QStringLiteral(" \x01 JaVa\tScR\nipt:alert(1)")))
            << QStringLiteral("<a>t</a>");
        QTest::newRow("vbscript") << a(QStringLiteral("VBScript:x")) << QStringLiteral("<a>t</a>");
        QTest::newRow("data image")
            << NodeList{Node::element(
                   QStringLiteral("img"),
                   {{QStringLiteral("src"), QStringLiteral("data:image/png,x")}})}
            << QStringLiteral("<img/>");
        QTest::newRow("ordinary links kept")
            << NodeList{Node::element(QStringLiteral("a"),
                                      {{QStringLiteral("href"), QStringLiteral("https://x.org/")},
                                       {QStringLiteral("target"), QStringLiteral("_blank")}},
                                      {Node::text(QStringLiteral("t"))}),
                        Node::element(QStringLiteral("a"),
                                      {{QStringLiteral("href"), QStringLiteral("/data:x")}},
                                      {Node::text(QStringLiteral("u"))})}
            << QStringLiteral("<a href=\"https://x.org/\" target=\"_blank\">t</a>"
                              "<a href=\"/data:x\">u</a>");
        QTest::newRow("event handler and srcdoc")
            << NodeList{Node::element(QStringLiteral("iframe"),
                                      {{QStringLiteral("onload"), QStringLiteral("alert(1)")},
                                       {QStringLiteral("srcdoc"), QStringLiteral("<script>")},
                                       {QStringLiteral("src"), QStringLiteral("/embed/x")}})}
            << QStringLiteral("<iframe src=\"/embed/x\"></iframe>");
        QTest::newRow("tag outside Telegraph's written as its children")
            << NodeList{Node::element(QStringLiteral("script"), {},
                                      {Node::text(QStringLiteral("alert(1)"))})}
            << QStringLiteral("alert(1)");
    }

    void nodesToDisplayHtml_dropsWhatRunsScript()
    {
        QFETCH(NodeList, nodes);
        QFETCH(QString, html);
        QCOMPARE(nodesToDisplayHtml(nodes), html);
    }

    void nodesToDisplayHtml_ordinaryContent_isTheReferenceHtml()
    {
        const QList<QByteArray> lines =
            test::readJsonLines(QStringLiteral("vectors/nodes_to_html.jsonl"));
        QVERIFY(!lines.isEmpty());
        for (const QByteArray &line : lines) {
            const NodeParseResult nodes = nodesFromJson(rawNodes(line));
            QVERIFY2(nodes.ok(), qPrintable(nodes.error));
            QCOMPARE(nodesToDisplayHtml(nodes.nodes), nodesToHtml(nodes.nodes));
        }
    }

    void nodesToHtml_thenHtmlToNodes_roundTripsParserOutput()
    {
        const QString html =
            QStringLiteral("<p>Hello, <b>bold</b> &amp; <a href=\"/x?a=1&amp;b='2'\">link</a></p>"
                           "<figure><img src=\"/file/a.png\"/><figcaption>cap</figcaption></figure>"
                           "<pre>  keep\n  this </pre><ul><li>one</li><li>two<br/>lines</li></ul>");
        const HtmlParseResult first = htmlToNodes(html);
        QVERIFY(first.ok());
        const HtmlParseResult second = htmlToNodes(nodesToHtml(first.nodes));
        QVERIFY(second.ok());
        QCOMPARE(second.nodes, first.nodes);
    }
};

TG_TEST_MAIN_CORE(TestHtmlWriter)
#include "tst_htmlwriter.moc"
