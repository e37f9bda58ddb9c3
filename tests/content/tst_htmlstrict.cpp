// SPDX-License-Identifier: MIT
#include "content/htmlparser.h"
#include "content/node.h"
#include "testdata.h"
#include "testmain.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace tg;

namespace {

/// The raw JSON text of the "nodes" value, the last key of a vector line, so that attribute
/// order survives (QJsonObject would sort it). A raw `"nodes": ` cannot occur inside a string.
QByteArray rawNodes(const QByteArray &line)
{
    const QByteArray key = QByteArrayLiteral("\"nodes\": ");
    const qsizetype at = line.lastIndexOf(key);
    if (at < 0)
        return {};
    const qsizetype end = line.lastIndexOf('}');
    return line.mid(at + key.size(), end - at - key.size());
}

/// The message without the " (line L, column C)" the project adds to the reference wording.
QString withoutPosition(const QString &message)
{
    const qsizetype at = message.lastIndexOf(QLatin1String(" (line "));
    return at < 0 ? message : message.left(at);
}

QString nested(const QString &open, const QString &close, int depth, const QString &inner)
{
    return open.repeated(depth) + inner + close.repeated(depth);
}

int depthOf(const NodeList &nodes)
{
    int depth = 0;
    const NodeList *level = &nodes;
    while (!level->isEmpty() && level->first().isElement()) {
        ++depth;
        level = &level->first().children();
    }
    return depth;
}

} // namespace

/// Strict HTML to nodes: the reference client's behaviour (conformance vectors) and bad input.
class TestHtmlStrict : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void htmlToNodes_matchesReferenceVector_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QByteArray>("expectedNodes");
        QTest::addColumn<QString>("expectedKind");
        QTest::addColumn<QString>("expectedMessage");
        const QList<QByteArray> lines =
            test::readJsonLines(QStringLiteral("vectors/html_to_nodes.jsonl"));
        QCOMPARE(lines.size(), 467);
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QJsonObject error = o.value(QLatin1String("error")).toObject();
            const QByteArray id = o.value(QLatin1String("id")).toString().toUtf8();
            QTest::newRow(id.constData()) << o.value(QLatin1String("html")).toString()
                                          << (error.isEmpty() ? rawNodes(line) : QByteArray())
                                          << error.value(QLatin1String("kind")).toString()
                                          << error.value(QLatin1String("message")).toString();
        }
    }

    void htmlToNodes_matchesReferenceVector()
    {
        QFETCH(QString, html);
        QFETCH(QByteArray, expectedNodes);
        QFETCH(QString, expectedKind);
        QFETCH(QString, expectedMessage);
        const HtmlParseResult r = htmlToNodes(html);
        if (expectedKind.isEmpty()) {
            QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message : QString()));
            const NodeParseResult expected = nodesFromJson(expectedNodes);
            QVERIFY2(expected.ok(), qPrintable(expected.error));
            QCOMPARE(toJson(r.nodes), toJson(expected.nodes));
            QCOMPARE(r.nodes, expected.nodes);
        } else {
            QVERIFY(!r.ok());
            QCOMPARE(r.error->kindName(), expectedKind);
            QCOMPARE(withoutPosition(r.error->message), expectedMessage);
            QVERIFY(r.error->line >= 1);
            QVERIFY(r.error->column >= 1);
        }
    }

    void htmlToNodes_badMarkup_reportsKindTagAndPosition_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("not allowed on line 3")
            << QStringLiteral("<p>a</p>\n<p>b\n    <h1>") << QStringLiteral("NotAllowedTag")
            << QStringLiteral("h1") << 3 << 5
            << QStringLiteral("'h1' tag is not allowed (line 3, column 5)");
        QTest::newRow("unclosed points at its start tag")
            << QStringLiteral("<p>\n  <b>x</b>\n  <i>y") << QStringLiteral("InvalidHTML")
            << QStringLiteral("i") << 3 << 3
            << QStringLiteral("'i' tag is not closed (line 3, column 3)");
        QTest::newRow("misnested")
            << QStringLiteral("<p>\n<b>x</p></b>") << QStringLiteral("InvalidHTML")
            << QStringLiteral("p") << 2 << 5
            << QStringLiteral("'p' tag closed instead of 'b' (line 2, column 5)");
        QTest::newRow("end tag without start")
            << QStringLiteral("ok\n\n  </B >") << QStringLiteral("InvalidHTML")
            << QStringLiteral("b") << 3 << 3
            << QStringLiteral("'b' missing start tag (line 3, column 3)");
        QTest::newRow("columns count code points")
            << QStringLiteral("😀😀<div>") << QStringLiteral("NotAllowedTag") << QStringLiteral("div")
            << 1 << 3 << QStringLiteral("'div' tag is not allowed (line 1, column 3)");
        QTest::newRow("invisible characters are escaped")
            << QStringLiteral("<x\u00a0y>") << QStringLiteral("NotAllowedTag")
            << QStringLiteral("x\u00a0y") << 1 << 1
            << QStringLiteral("'x\\xa0y' tag is not allowed (line 1, column 1)");
        QTest::newRow("script is refused before its raw text")
            << QStringLiteral("<p>x</p><script>if (a<b) {}</script>")
            << QStringLiteral("NotAllowedTag") << QStringLiteral("script") << 1 << 9
            << QStringLiteral("'script' tag is not allowed (line 1, column 9)");
        QTest::newRow("earlier nesting error wins")
            << QStringLiteral("<p></b><h1>") << QStringLiteral("InvalidHTML") << QStringLiteral("b")
            << 1 << 4 << QStringLiteral("'b' tag closed instead of 'p' (line 1, column 4)");
        QTest::newRow("unknown marked section")
            << QStringLiteral("<p><![foo[x]]></p>") << QStringLiteral("InvalidHTML") << QString()
            << 1 << 4 << QStringLiteral("unknown marked section '<![foo' (line 1, column 4)");
    }

    void htmlToNodes_badMarkup_reportsKindTagAndPosition()
    {
        QFETCH(QString, html);
        QFETCH(QString, kind);
        QFETCH(QString, tag);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const HtmlParseResult r = htmlToNodes(html);
        QVERIFY(!r.ok());
        QVERIFY(r.nodes.isEmpty());
        QCOMPARE(r.error->kindName(), kind);
        QCOMPARE(r.error->tag, tag);
        QCOMPARE(r.error->line, line);
        QCOMPARE(r.error->column, column);
        QCOMPARE(r.error->message, message);
    }

    void htmlToNodes_edgeCases_matchReference_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("legacy name as prefix")
            << QStringLiteral("&ampx &notit; &AElig end") << QByteArray("[\"&x ¬it; Æ end\"]");
        QTest::newRow("numeric fix-ups")
            << QStringLiteral("<p>&#128;&#1;&#x110000;&#0</p>")
            << QByteArray("[{\"tag\":\"p\",\"children\":[\"€\xEF\xBF\xBD\xEF\xBF\xBD\"]}]");
        QTest::newRow("trailing text with a cut reference is dropped")
            << QStringLiteral("<p>a</p>x &amp")
            << QByteArray("[{\"tag\":\"p\",\"children\":[\"a\"]}]");
        QTest::newRow("unterminated tag is dropped")
            << QStringLiteral("a<b") << QByteArray("[\"a\"]");
        QTest::newRow("cdata section is dropped")
            << QStringLiteral("<p>a<![CDATA[x<y]]>b</p>")
            << QByteArray("[{\"tag\":\"p\",\"children\":[\"ab\"]}]");
        QTest::newRow("repeated attribute keeps first place, last value")
            << QStringLiteral("<a href=1 title=t HREF='2'>x</a>")
            << QByteArray("[{\"tag\":\"a\",\"attrs\":{\"href\":\"2\",\"title\":\"t\"},\"children\":"
                          "[\"x\"]}]");
        QTest::newRow("unclosed quote backtracks to an empty value")
            << QStringLiteral("<a href= \"x>y</a>")
            << QByteArray("[{\"tag\":\"a\",\"attrs\":{\"href\":\"\",\"\\\"x\":\"\"},"
                          "\"children\":[\"y\"]}]");
        QTest::newRow("pre path outlives a void element")
            << QStringLiteral("<pre><br></pre>  a  b")
            << QByteArray("[{\"tag\":\"pre\",\"children\":[{\"tag\":\"br\"}]},\"  a  b\"]");
    }

    void htmlToNodes_edgeCases_matchReference()
    {
        QFETCH(QString, html);
        QFETCH(QByteArray, json);
        const HtmlParseResult r = htmlToNodes(html);
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message : QString()));
        QCOMPARE(toJson(r.nodes), json);
    }

    void htmlToNodes_hundredThousandLevels_failsCleanly()
    {
        const QString html =
            nested(QStringLiteral("<b>"), QStringLiteral("</b>"), 100000, QStringLiteral("x"));
        const HtmlParseResult r = htmlToNodes(html);
        QVERIFY(!r.ok());
        QCOMPARE(r.error->kindName(), QStringLiteral("InvalidHTML"));
        QVERIFY2(r.error->message.contains(QString::number(MaxNodeDepth)),
                 qPrintable(r.error->message));
        QCOMPARE(r.error->tag, QStringLiteral("b"));
        QCOMPARE(r.error->column, 3 * MaxNodeDepth + 1);
    }

    void htmlToNodes_depthLimit_isExact_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<bool>("ok");
        QTest::newRow("512 elements") << nested(QStringLiteral("<i>"), QStringLiteral("</i>"),
                                                MaxNodeDepth, QStringLiteral("x"))
                                      << true;
        QTest::newRow("513 elements") << nested(QStringLiteral("<i>"), QStringLiteral("</i>"),
                                                MaxNodeDepth + 1, QStringLiteral("x"))
                                      << false;
        QTest::newRow("void element at 513")
            << nested(QStringLiteral("<i>"), QStringLiteral("</i>"), MaxNodeDepth,
                      QStringLiteral("<br>"))
            << false;
    }

    void htmlToNodes_depthLimit_isExact()
    {
        QFETCH(QString, html);
        QFETCH(bool, ok);
        const HtmlParseResult r = htmlToNodes(html);
        QCOMPARE(r.ok(), ok);
        if (ok) {
            QCOMPARE(depthOf(r.nodes), MaxNodeDepth);
            // What the parser accepts, the JSON reader accepts back.
            const NodeParseResult back = nodesFromJson(toJson(r.nodes));
            QVERIFY2(back.ok(), qPrintable(back.error));
            QCOMPARE(back.nodes, r.nodes);
        }
    }

    void htmlToNodes_loneSurrogates_becomeReplacementCharacter()
    {
        QString html = QStringLiteral("<p title=\"t\">a</p>");
        html.insert(11, QChar(0xDC00)); // inside the attribute value
        html.insert(15, QChar(0xD800)); // after "a"
        const HtmlParseResult r = htmlToNodes(html);
        QVERIFY(r.ok());
        QCOMPARE(r.nodes.size(), 1);
        QCOMPARE(r.nodes.first().attr(u"title"), QStringLiteral("t\uFFFD"));
        QCOMPARE(r.nodes.first().children().first().textValue(), QStringLiteral("a\uFFFD"));
    }

    void htmlToNodes_invalidUtf8DecodedLossily_keepsReplacementCharacters()
    {
        const QString html = QString::fromUtf8("<p>\xff\xfe x</p>");
        const HtmlParseResult r = htmlToNodes(html);
        QVERIFY(r.ok());
        QCOMPARE(r.nodes.first().plainText(), QStringLiteral("\uFFFD\uFFFD x"));
    }

    void htmlToNodes_binaryGarbage_neverCrashesAndRoundTrips()
    {
        QRandomGenerator rng(20261125);
        static const char *const pieces[] = {
            "<p>", "</p>", "<b>", "</b>", "<pre>", "</pre>", "<br/>", "<",   ">", "&",  "&amp",
            "&#",  "\"",   "'",   "=",    "<!--",  "-->",    "<![",   "]]>", " ", "\n", "/"};
        int ok = 0;
        int failed = 0;
        for (int round = 0; round < 400; ++round) {
            QByteArray bytes;
            const int parts = int(rng.bounded(1, 60));
            for (int k = 0; k < parts; ++k) {
                if (rng.bounded(3) == 0)
                    bytes += pieces[rng.bounded(int(std::size(pieces)))];
                else
                    bytes += char(rng.bounded(256));
            }
            const HtmlParseResult r = htmlToNodes(QString::fromUtf8(bytes));
            if (r.ok()) {
                ++ok;
                const NodeParseResult back = nodesFromJson(toJson(r.nodes));
                QVERIFY2(back.ok(), bytes.toHex().constData());
                QCOMPARE(back.nodes, r.nodes);
            } else {
                ++failed;
                QVERIFY(r.nodes.isEmpty());
                QVERIFY(!r.error->message.isEmpty());
                QVERIFY(r.error->line >= 1 && r.error->column >= 1);
            }
        }
        QVERIFY(ok > 0);
        QVERIFY(failed > 0);
    }
};

TG_TEST_MAIN_CORE(TestHtmlStrict)
#include "tst_htmlstrict.moc"
