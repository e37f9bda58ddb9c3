// SPDX-License-Identifier: MIT
#include "content/flatdoc.h"
#include "content/flathtml.h"
#include "content/htmlparser.h"
#include "content/htmlwriter.h"
#include "content/node.h"
#include "testdata.h"
#include "testmain.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>

using namespace tg;

namespace {

/// The vectors' nodes, as raw JSON (key order kept), with their ids.
QList<QPair<QByteArray, QByteArray>> vectorNodes(const QString &file)
{
    QList<QPair<QByteArray, QByteArray>> out;
    for (const QByteArray &line : test::readJsonLines(file)) {
        const QByteArray nodes = test::rawJsonMember(line, "nodes");
        if (nodes.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        out.append({o.value(QLatin1String("id")).toString().toUtf8(), nodes});
    }
    return out;
}

/// html as UTF-8, lone surrogates as U+FFFD (what htmlToNodes reads them as).
QByteArray flatToHtmlText(const QString &html)
{
    const FlatDoc d = fromNodes({Node::text(html)});
    return d.text(d.nodes().at(0)).toByteArray();
}

} // namespace

/// The flat node representation: building, trees, JSON both ways and HTML, against the tree
/// code on every conformance vector.
class TestFlatDoc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_everyVectorsNodes_matchesTreeCode_data()
    {
        QTest::addColumn<QByteArray>("json");
        int count = 0;
        for (const QString &file : {QStringLiteral("vectors/html_to_nodes.jsonl"),
                                    QStringLiteral("vectors/nodes_to_html.jsonl")}) {
            for (const auto &[id, nodes] : vectorNodes(file)) {
                QTest::newRow(id.constData()) << nodes;
                ++count;
            }
        }
        QVERIFY(count > 700);
    }

    void roundTrip_everyVectorsNodes_matchesTreeCode()
    {
        QFETCH(QByteArray, json);
        const NodeParseResult tree = nodesFromJson(json);
        QVERIFY2(tree.ok(), qPrintable(tree.error));
        const FlatJsonResult flat = flatFromJson(json);
        QVERIFY2(flat.ok(), qPrintable(flat.error));

        const QByteArray expected = toJson(tree.nodes);
        QCOMPARE(flatToJson(flat.doc), expected);
        QCOMPARE(flatJsonSize(flat.doc), jsonSize(tree.nodes));
        QCOMPARE(toNodes(flat.doc), tree.nodes);

        const FlatDoc back = fromNodes(tree.nodes);
        QCOMPARE(flatToJson(back), expected);
        QCOMPARE(toNodes(back), tree.nodes);
        QCOMPARE(flatToHtml(flat.doc), nodesToHtml(tree.nodes).toUtf8());
    }

    void flatToHtml_everyWriterVector_matchesByteForByte_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("html");
        const QList<QByteArray> lines =
            test::readJsonLines(QStringLiteral("vectors/nodes_to_html.jsonl"));
        QCOMPARE(lines.size(), 400);
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QTest::newRow(o.value(QLatin1String("id")).toString().toUtf8().constData())
                << test::rawJsonMember(line, "nodes")
                << o.value(QLatin1String("html")).toString().toUtf8();
        }
    }

    void flatToHtml_everyWriterVector_matchesByteForByte()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, html);
        const FlatJsonResult flat = flatFromJson(json);
        QVERIFY2(flat.ok(), qPrintable(flat.error));
        QCOMPARE(flatToHtml(flat.doc), html);
    }

    void htmlToFlat_everyStrictVector_matchesReference_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QByteArray>("expectedNodes");
        QTest::addColumn<QString>("expectedKind");
        const QList<QByteArray> lines =
            test::readJsonLines(QStringLiteral("vectors/html_to_nodes.jsonl"));
        QCOMPARE(lines.size(), 467);
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QJsonObject error = o.value(QLatin1String("error")).toObject();
            QTest::newRow(o.value(QLatin1String("id")).toString().toUtf8().constData())
                << o.value(QLatin1String("html")).toString()
                << (error.isEmpty() ? test::rawJsonMember(line, "nodes") : QByteArray())
                << error.value(QLatin1String("kind")).toString();
        }
    }

    void htmlToFlat_everyStrictVector_matchesReference()
    {
        QFETCH(QString, html);
        QFETCH(QByteArray, expectedNodes);
        QFETCH(QString, expectedKind);
        const HtmlParseResult tree = htmlToNodes(html);
        const QByteArray utf8 = flatToHtmlText(html);
        const FlatHtmlResult flat = htmlToFlat(utf8);
        QVERIFY2(flat.utf8Error.isEmpty(), qPrintable(flat.utf8Error));
        if (expectedKind.isEmpty()) {
            QVERIFY2(flat.ok(), qPrintable(flat.error ? flat.error->message : QString()));
            const NodeParseResult expected = nodesFromJson(expectedNodes);
            QVERIFY2(expected.ok(), qPrintable(expected.error));
            QCOMPARE(flatToJson(flat.doc), toJson(expected.nodes));
            QCOMPARE(toNodes(flat.doc), expected.nodes);
        } else {
            QVERIFY(flat.error.has_value());
            QCOMPARE(flat.error->kindName(), expectedKind);
        }
        // Same errors, messages and positions as the tree parser, on every vector.
        QCOMPARE(flat.error.has_value(), tree.error.has_value());
        if (tree.error) {
            QCOMPARE(flat.error->message, tree.error->message);
            QCOMPARE(flat.error->tag, tree.error->tag);
            QCOMPARE(flat.error->line, tree.error->line);
            QCOMPARE(flat.error->column, tree.error->column);
        }
    }

    void htmlToFlat_badOrTrickyInput_agreesWithTreeParser_data()
    {
        QTest::addColumn<QByteArray>("html");
        QTest::newRow("nbsp runs") << QByteArray("<p>a\xC2\xA0\xC2\xA0 b\xE2\x80\x83</p>");
        QTest::newRow("ideographic space") << QByteArray("\xE3\x80\x80x\xE3\x80\x80 y");
        QTest::newRow("nbsp before attr") << QByteArray("<a\xC2\xA0href=x>t</a>");
        QTest::newRow("nbsp after =") << QByteArray("<a href=\xC2\xA0\"x>t</a>");
        QTest::newRow("nbsp in value") << QByteArray("<a href=x\xC2\xA0y>t</a>");
        QTest::newRow("non-ascii tag") << QByteArray("<p>x</p><\xC3\xA9t>");
        QTest::newRow("non-ascii attr name")
            << QByteArray("<a \xC3\x89T=\"1\" HREF='&amp;&lt;' Href=2>t</a>");
        QTest::newRow("column counts code points")
            << QByteArray("<p>\xD0\xB6\xD0\xB6\xF0\x9F\x98\x80</b>");
        QTest::newRow("withheld reference") << QByteArray("<p>a</p>\xD0\xB6\xD0\xB6 &amp");
        QTest::newRow("entities") << QByteArray("&nLt;&notin;&ampx&#x1F600;&#xD800;&#128;&copy");
        QTest::newRow("lone lt") << QByteArray("a < b <");
        QTest::newRow("comments") << QByteArray("a<!-- x -- y --  >b<!---->c<?pi>d<!doctype x>e");
        QTest::newRow("marked sections") << QByteArray("a<![CDATA[x]]>b<![if x]>c");
        QTest::newRow("unknown marked section") << QByteArray("a<![foo[x]]>b");
        QTest::newRow("end tag forms") << QByteArray("<b>x</b ><i>y</i\n><u>z</u foo>");
        QTest::newRow("literal tag text") << QByteArray("<p>a <b c='d>x</b></p>");
        QTest::newRow("self closing") << QByteArray("<p/><br/><img src=x />");
        QTest::newRow("pre keeps space") << QByteArray("<pre>  a\xC2\xA0\xC2\xA0\n<br>  b</pre>");
        QTest::newRow("unclosed") << QByteArray("<p><b>x</b>");
        QTest::newRow("missing start") << QByteArray("x</p>");
        QTest::newRow("wrong close") << QByteArray("<p><b>x</i></p>");
        QTest::newRow("not allowed") << QByteArray("<p>\n  <h1>x</h1></p>");
        QTest::newRow("unterminated tag") << QByteArray("<p>x</p><a href='");
        QTest::newRow("deep") << QByteArray("<b>").repeated(MaxNodeDepth + 1);
        QTest::newRow("fuzz: byte order mark and nul in a tag")
            << QByteArray("<IMG [RC='' \xEF\xBB\xBF\0\0\0B>", 20);
    }

    void htmlToFlat_badOrTrickyInput_agreesWithTreeParser()
    {
        QFETCH(QByteArray, html);
        const HtmlParseResult tree = htmlToNodes(QString::fromUtf8(html));
        const FlatHtmlResult flat = htmlToFlat(html);
        QVERIFY(flat.utf8Error.isEmpty());
        QCOMPARE(flat.error.has_value(), tree.error.has_value());
        if (tree.error) {
            QCOMPARE(flat.error->message, tree.error->message);
            QCOMPARE(flat.error->kindName(), tree.error->kindName());
            QCOMPARE(flat.error->tag, tree.error->tag);
        } else {
            QCOMPARE(flatToJson(flat.doc), toJson(tree.nodes));
            QCOMPARE(toNodes(flat.doc), tree.nodes);
        }
    }

    void htmlToFlat_invalidUtf8_namesTheByteOffset_data()
    {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<qsizetype>("offset");
        QTest::newRow("cut sequence") << QByteArray("<p>ab\xD0") << qsizetype(5);
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << qsizetype(0);
        QTest::newRow("overlong") << QByteArray("abcdefghij\xC0\xAF") << qsizetype(10);
        QTest::newRow("lone continuation") << QByteArray("<p>\x80</p>") << qsizetype(3);
    }

    void htmlToFlat_invalidUtf8_namesTheByteOffset()
    {
        QFETCH(QByteArray, html);
        QFETCH(qsizetype, offset);
        const FlatHtmlResult flat = htmlToFlat(html);
        QVERIFY(!flat.ok());
        QCOMPARE(flat.utf8Offset, offset);
        QVERIFY(flat.utf8Error.contains(QString::number(offset)));
    }

    void htmlToFlat_plainTexts_areSlicesOfTheInput()
    {
        const QByteArray html = "<p>Hello <b>world</b>, all</p>";
        const FlatHtmlResult flat = htmlToFlat(html);
        QVERIFY(flat.ok());
        QCOMPARE(flat.doc.arenaSize(), qsizetype(0));
        QCOMPARE(flatToJson(flat.doc),
                 QByteArray("[{\"tag\":\"p\",\"children\":[\"Hello \",{\"tag\":\"b\","
                            "\"children\":[\"world\"]},\", all\"]}]"));
    }

    void flatFromJson_anyInput_agreesWithTreeReader_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("spaces") << QByteArray("  \n");
        QTest::newRow("single string") << QByteArray("\"hi\"");
        QTest::newRow("single object") << QByteArray("{\"tag\":\"p\"}");
        QTest::newRow("keys in any order")
            << QByteArray("[{\"children\":[\"a\",{\"tag\":\"b\",\"attrs\":{\"x\":\"1\"}}],"
                          "\"attrs\":{\"z\":\"2\",\"a\":\"3\"},\"tag\":\"p\"}]");
        QTest::newRow("repeated keys")
            << QByteArray("[{\"tag\":\"x\",\"attrs\":{\"a\":\"1\"},\"children\":[\"1\"],"
                          "\"tag\":\"p\",\"attrs\":{\"a\":\"2\"},\"children\":[\"2\"]}]");
        QTest::newRow("unknown keys skipped")
            << QByteArray("[{\"tag\":\"p\",\"x\":[1,2.5,-3e4,true,null,{\"k\":\"v\"}]}]");
        QTest::newRow("nulls") << QByteArray("[{\"tag\":\"p\",\"attrs\":null,\"children\":null}]");
        QTest::newRow("raw tag kept") << QByteArray("[{\"tag\":\"H1\",\"children\":[\"x\"]}]");
        QTest::newRow("escapes") << QByteArray(
            "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20ac\\ud83d\\ude00\"]");
        QTest::newRow("lone high surrogate") << QByteArray("[\"a\\ud800b\"]");
        QTest::newRow("high then non-low") << QByteArray("[\"\\ud800\\u0041\"]");
        QTest::newRow("lone low surrogate") << QByteArray("[\"\\udc00\"]");
        QTest::newRow("high then bad escape") << QByteArray("[\"\\ud800\\uzzzz\"]");
        QTest::newRow("byte order mark in a string") << QByteArray("[\"\xEF\xBB\xBFx\"]");
        QTest::newRow("fuzz: bom starts a bad attribute")
            << QByteArray("[{\"tag\":\"b\",\"attrs\":{\"\xEF\xBB\xBF"
                          "alt\":[]}}]");
        QTest::newRow("bom after escape") << QByteArray("[\"\\n\xEF\xBB\xBFx\"]");
        QTest::newRow("raw utf8") << QByteArray("[\"\xD0\xB6\xE2\x82\xAC\xF0\x9F\x98\x80\"]");
        QTest::newRow("invalid utf8") << QByteArray("[\"ab\xC3\"]");
        QTest::newRow("invalid utf8 after escape") << QByteArray("[\"\\nab\xED\xA0\x80\"]");
        QTest::newRow("control character") << QByteArray("[\"a\x01\"]");
        QTest::newRow("invalid escape") << QByteArray("[\"\\q\"]");
        QTest::newRow("truncated u") << QByteArray("[\"\\u12");
        QTest::newRow("unterminated string") << QByteArray("[\"abc");
        QTest::newRow("empty object") << QByteArray("[{}]");
        QTest::newRow("empty tag") << QByteArray("[{\"tag\":\"\"}]");
        QTest::newRow("tag not a string") << QByteArray("[{\"tag\":1}]");
        QTest::newRow("attr not a string") << QByteArray("[{\"tag\":\"a\",\"attrs\":{\"h\":1}}]");
        QTest::newRow("number node") << QByteArray("[1]");
        QTest::newRow("trailing data") << QByteArray("[] x");
        QTest::newRow("missing comma") << QByteArray("[\"a\" \"b\"]");
        QTest::newRow("unterminated array") << QByteArray("[\"a\",");
        QTest::newRow("bad literal") << QByteArray("[{\"tag\":\"p\",\"x\":nul}]");
        QTest::newRow("deep ok")
            << (QByteArray("[{\"tag\":\"b\",\"children\":[").repeated(MaxNodeDepth - 1) +
                "{\"tag\":\"b\"}" + QByteArray("]}").repeated(MaxNodeDepth - 1) + "]");
        QTest::newRow("too deep")
            << (QByteArray("[{\"tag\":\"b\",\"children\":[").repeated(MaxNodeDepth) +
                "{\"tag\":\"b\"}" + QByteArray("]}").repeated(MaxNodeDepth) + "]");
        QTest::newRow("skip too deep")
            << (QByteArray("[{\"tag\":\"p\",\"x\":") + QByteArray("[").repeated(2000) +
                QByteArray("]").repeated(2000) + "}]");
    }

    void flatFromJson_anyInput_agreesWithTreeReader()
    {
        QFETCH(QByteArray, json);
        const NodeParseResult tree = nodesFromJson(json);
        const FlatJsonResult flat = flatFromJson(json);
        QCOMPARE(flat.error, tree.error);
        QCOMPARE(flat.offset, tree.offset);
        if (tree.ok()) {
            QCOMPARE(toNodes(flat.doc), tree.nodes);
            QCOMPARE(flatToJson(flat.doc), toJson(tree.nodes));
        } else {
            QVERIFY(flat.doc.isEmpty());
        }
    }

    void flatFromJson_byteOrderMarkInString_isKept()
    {
        const FlatJsonResult flat = flatFromJson("[\"\xEF\xBB\xBFx\"]");
        QVERIFY(flat.ok());
        QCOMPARE(flat.doc.text(flat.doc.nodes().at(0)), QByteArrayView("\xEF\xBB\xBFx"));
        QCOMPARE(nodesFromJson("[\"\xEF\xBB\xBFx\"]").nodes.at(0).textValue(),
                 QString(QChar(0xFEFF)) + QLatin1Char('x'));
    }

    void flatFromJson_plainStrings_areSlicesOfTheInput()
    {
        const QByteArray json = "[{\"tag\":\"a\",\"attrs\":{\"href\":\"u\"},\"children\":[\"t\"]},"
                                "\"esc\\n\"]";
        const FlatJsonResult flat = flatFromJson(json);
        QVERIFY(flat.ok());
        const FlatDoc &d = flat.doc;
        QCOMPARE(d.nodes().size(), size_t(3));
        const QByteArrayView t = d.text(d.nodes()[1]);
        QVERIFY(t.data() >= json.constData() && t.data() < json.constData() + json.size());
        QCOMPARE(d.text(d.nodes()[2]), QByteArrayView("esc\n"));
        QCOMPARE(d.arenaSize(), qsizetype(4)); // only the escaped text was copied
    }

    void builder_adjacentTexts_mergeUnlessAskedNotTo()
    {
        const QByteArray input = "abcdef";
        FlatBuilder b(input);
        b.text(QByteArrayView(input).first(2));
        b.text(QByteArrayView(input).sliced(2, 2)); // contiguous: extends the slice
        b.text("!");                                // elsewhere: copied, merged
        b.open(FlatTag::B);
        b.close();
        b.text(QByteArrayView(input).sliced(4), false);
        b.text("x", false);
        const FlatDoc d = b.finish();
        QCOMPARE(flatToJson(d), QByteArray("[\"abcd!\",{\"tag\":\"b\"},\"ef\",\"x\"]"));
    }

    void builder_attributeReplace_keepsFirstPlaceLastValue()
    {
        FlatBuilder b;
        b.open(FlatTag::A);
        b.attribute("href", "1", true);
        b.attribute("title", "t", true);
        b.attribute("href", "2", true);
        b.open(FlatTag::B);
        b.attribute("x", "y");
        b.close();
        b.close();
        QCOMPARE(flatToJson(b.finish()),
                 QByteArray("[{\"tag\":\"a\",\"attrs\":{\"href\":\"2\",\"title\":\"t\"},"
                            "\"children\":[{\"tag\":\"b\",\"attrs\":{\"x\":\"y\"}}]}]"));
    }

    void builder_deeperThanLimit_refusesToOpen()
    {
        FlatBuilder b;
        for (int k = 0; k < MaxNodeDepth; ++k)
            QVERIFY(b.open(FlatTag::B));
        QVERIFY(!b.open(FlatTag::B));
        QCOMPARE(b.depth(), MaxNodeDepth);
        const FlatDoc d = b.finish();
        QCOMPARE(d.nodes().size(), size_t(MaxNodeDepth));
        QCOMPARE(d.nodes().front().end, quint32(MaxNodeDepth));
    }

    void fromNodes_deepTree_isCutAtTheLimit()
    {
        Node n = Node::element(QStringLiteral("b"));
        for (int k = 0; k < MaxNodeDepth + 10; ++k)
            n = Node::element(QStringLiteral("b"), {}, {n});
        const FlatDoc d = fromNodes({n});
        QCOMPARE(d.nodes().size(), size_t(MaxNodeDepth));
    }

    void fromNodes_loneSurrogate_becomesReplacementCharacter()
    {
        const NodeList nodes = {Node::text(QString(QChar(0xD800)) + QLatin1Char('x'))};
        QCOMPARE(flatToJson(fromNodes(nodes)), toJson(nodes));
        QCOMPARE(flatJsonSize(fromNodes(nodes)), jsonSize(nodes));
    }

    void byteSink_device_receivesEverythingInChunks()
    {
        QByteArray target;
        QBuffer buffer(&target);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        const QByteArray big(200 * 1024, 'x');
        {
            ByteSink sink(&buffer);
            sink.append('[');
            sink.append(big);
            sink.append(']');
            QCOMPARE(sink.total(), qint64(big.size() + 2));
        }
        QCOMPARE(target.size(), big.size() + 2);
        QVERIFY(target.startsWith("[xxx") && target.endsWith("xx]"));
    }
};

TG_TEST_MAIN_CORE(TestFlatDoc)
#include "tst_flatdoc.moc"
