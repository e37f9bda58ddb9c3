// SPDX-License-Identifier: MIT
#include "content/node.h"
#include "testdata.h"
#include "testmain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace tg;

namespace {
/// Drops empty "children" arrays, which carry no meaning and which toJson leaves out.
QJsonValue withoutEmptyChildren(const QJsonValue &v)
{
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &x : v.toArray())
            out.append(withoutEmptyChildren(x));
        return out;
    }
    if (!v.isObject())
        return v;
    QJsonObject o = v.toObject();
    if (o.value(QLatin1String("children")).toArray().isEmpty())
        o.remove(QLatin1String("children"));
    else
        o.insert(QLatin1String("children"),
                 withoutEmptyChildren(o.value(QLatin1String("children"))));
    return o;
}
} // namespace

/// The node value type and its JSON form, which must match what the API expects byte for byte.
class TestNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toJson_isCompactUtf8AndKeepsAttributeOrder()
    {
        const NodeList nodes = {
            Node::element(QStringLiteral("p"), {},
                          {Node::text(QStringLiteral("Привет, \"мир\" 😀\n")),
                           Node::element(QStringLiteral("a"),
                                         {{QStringLiteral("href"), QStringLiteral("/x")},
                                          {QStringLiteral("target"), QStringLiteral("_blank")}},
                                         {Node::text(QStringLiteral("link"))})}),
            Node::element(QStringLiteral("br")),
        };
        const QByteArray expected =
            QStringLiteral(
                "[{\"tag\":\"p\",\"children\":[\"Привет, \\\"мир\\\" "
                "😀\\n\",{\"tag\":\"a\",\"attrs\":"
                "{\"href\":\"/"
                "x\",\"target\":\"_blank\"},\"children\":[\"link\"]}]},{\"tag\":\"br\"}]")
                .toUtf8();
        QCOMPARE(toJson(nodes), expected);
        QCOMPARE(jsonSize(nodes), expected.size());
    }

    void toJson_escapesControlCharactersLikeTheApi()
    {
        const NodeList nodes = {Node::text(QString(QChar(0x01)) + QStringLiteral("\t\\/"))};
        QCOMPARE(toJson(nodes), QByteArray("[\"\\u0001\\t\\\\/\"]"));
        QCOMPARE(jsonSize(nodes), toJson(nodes).size());
    }

    void toJson_loneSurrogateBecomesReplacementCharacter()
    {
        const NodeList nodes = {Node::text(QString(QChar(0xd800)) + QStringLiteral("x"))};
        QCOMPARE(toJson(nodes), QByteArray("[\"\xef\xbf\xbdx\"]"));
        QCOMPARE(jsonSize(nodes), toJson(nodes).size());
    }

    void vectors_roundTripThroughJson_data()
    {
        QTest::addColumn<QByteArray>("nodesJson");
        for (const QString &file : {QStringLiteral("vectors/html_to_nodes.jsonl"),
                                    QStringLiteral("vectors/nodes_to_html.jsonl")}) {
            const auto lines = test::readJsonLines(file);
            QVERIFY2(!lines.isEmpty(), qPrintable(file));
            for (const QByteArray &line : lines) {
                const QByteArray nodes = test::rawJsonMember(line, "nodes");
                if (nodes.isEmpty())
                    continue; // an error vector
                const QByteArray id =
                    QJsonDocument::fromJson(line)[QLatin1String("id")].toString().toUtf8();
                QTest::newRow(id.constData()) << nodes;
            }
        }
    }

    void vectors_roundTripThroughJson()
    {
        QFETCH(QByteArray, nodesJson);
        const NodeParseResult parsed = nodesFromJson(nodesJson);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        const QByteArray compact = toJson(parsed.nodes);
        QCOMPARE(jsonSize(parsed.nodes), compact.size());
        // Same value as the source (QJsonDocument compares; order is checked below).
        QCOMPARE(QJsonDocument::fromJson(compact).array(),
                 withoutEmptyChildren(QJsonDocument::fromJson(nodesJson).array()).toArray());
        const NodeParseResult again = nodesFromJson(compact);
        QVERIFY(again.ok());
        QCOMPARE(again.nodes, parsed.nodes);
    }

    void nodesFromJson_keepsAttributeOrder()
    {
        const auto r = nodesFromJson(
            "[{\"tag\":\"img\",\"attrs\":{\"src\":\"A\",\"alt\":\"B\",\"class\":\"c\"}}]");
        QVERIFY(r.ok());
        QCOMPARE(r.nodes.size(), 1);
        const Attributes expected = {{QStringLiteral("src"), QStringLiteral("A")},
                                     {QStringLiteral("alt"), QStringLiteral("B")},
                                     {QStringLiteral("class"), QStringLiteral("c")}};
        QCOMPARE(r.nodes.first().attrs(), expected);
    }

    void nodesFromJson_acceptsSingleNodeAndEscapes()
    {
        const auto r = nodesFromJson(" {\"children\":[\"a\\u00e9\\ud83d\\ude00\\/"
                                     "\"],\"tag\":\"p\",\"extra\":[1,{\"x\":null}]} ");
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.nodes.first().tag(), QStringLiteral("p"));
        QCOMPARE(r.nodes.first().children().first().textValue(), QStringLiteral("aé😀/"));
    }

    void nodesFromJson_badInput_failsWithSpecificError_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("empty input");
        QTest::newRow("number") << QByteArray("[1]") << QStringLiteral("string or an object");
        QTest::newRow("no tag") << QByteArray("[{\"children\":[]}]")
                                << QStringLiteral("without 'tag'");
        QTest::newRow("attr not string")
            << QByteArray("[{\"tag\":\"a\",\"attrs\":{\"href\":1}}]")
            << QStringLiteral("attribute 'href' must have a string value");
        QTest::newRow("unterminated")
            << QByteArray("[\"abc") << QStringLiteral("unterminated string");
        QTest::newRow("invalid utf8")
            << QByteArray("[\"a\xff\xfe\"]") << QStringLiteral("invalid UTF-8");
        QTest::newRow("trailing") << QByteArray("[] x") << QStringLiteral("after the end");
        QTest::newRow("bad escape") << QByteArray("[\"\\q\"]") << QStringLiteral("invalid escape");
        QByteArray deep;
        for (int i = 0; i < 100000; ++i)
            deep += "{\"tag\":\"b\",\"children\":[";
        QTest::newRow("100000 deep") << deep << QStringLiteral("deeper than 512");
        QTest::newRow("garbage") << QByteArray("\x00\x01\x02\x89PNG", 7)
                                 << QStringLiteral("string or an object");
    }

    void nodesFromJson_badInput_failsWithSpecificError()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, errorPart);
        const auto r = nodesFromJson(json);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(errorPart), qPrintable(r.error));
        QVERIFY(r.offset >= 0);
        QVERIFY(r.nodes.isEmpty());
    }

    void destructor_veryDeepTree_doesNotOverflowTheStack()
    {
        Node cur = Node::text(QStringLiteral("deep"));
        for (int i = 0; i < 300000; ++i)
            cur = Node::element(QStringLiteral("b"), {}, {cur});
        Node copy = cur; // a shared subtree must survive the other owner's destruction
        cur = Node();
        const Node *p = &copy;
        int depth = 0;
        while (p->isElement()) {
            p = &p->children().first();
            ++depth;
        }
        QCOMPARE(depth, 300000);
        QCOMPARE(p->textValue(), QStringLiteral("deep"));
    }

    void codePointCount_countsSurrogatePairsOnce()
    {
        QCOMPARE(codePointCount(QStringLiteral("a😀б")), 3);
        QCOMPARE(codePointCount(QString()), 0);
    }

    void allowedTags_areTheTwentyFour()
    {
        QCOMPARE(allowedTags().size(), 24);
        QVERIFY(isAllowedTag(u"figcaption"));
        QVERIFY(!isAllowedTag(u"h1"));
        QVERIFY(isVoidTag(u"br"));
        QVERIFY(isVoidTag(u"wbr"));
        QVERIFY(!isVoidTag(u"p"));
    }
};

TG_TEST_MAIN_CORE(TestNode)
#include "tst_node.moc"
