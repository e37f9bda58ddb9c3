// SPDX-License-Identifier: MIT
#include "content/htmlimport.h"
#include "content/validation.h"

#include "testmain.h"

#include <QRandomGenerator>
#include <QTest>

using namespace tg;

namespace {

/// Deepest element nesting, measured without recursion.
int maxDepth(const NodeList &nodes)
{
    int deepest = 0;
    QList<QPair<const NodeList *, qsizetype>> stack{{&nodes, 0}};
    while (!stack.isEmpty()) {
        auto &[list, i] = stack.last();
        if (i >= list->size()) {
            stack.removeLast();
            continue;
        }
        const Node &n = list->at(i++);
        if (!n.isElement())
            continue;
        deepest = qMax(deepest, int(stack.size()));
        if (!n.children().isEmpty())
            stack.append({&n.children(), 0});
    }
    return deepest;
}

/// Empty when the nodes are valid Telegraph content structure; else what is wrong.
QString structureProblem(const NodeList &nodes, const QString &parent = {})
{
    for (const Node &n : nodes) {
        if (!n.isElement())
            continue;
        const QString tag = n.tag();
        if (!isAllowedTag(tag))
            return QStringLiteral("tag not allowed: ") + tag;
        for (const auto &a : n.attrs()) {
            if (a.first != QLatin1String("href") && a.first != QLatin1String("src"))
                return QStringLiteral("attribute kept: ") + a.first;
            if (a.second.trimmed().startsWith(QLatin1String("javascript:"), Qt::CaseInsensitive))
                return QStringLiteral("javascript URL kept");
        }
        const bool paragraphLike = parent == QLatin1String("p") || parent == QLatin1String("h3") ||
                                   parent == QLatin1String("h4");
        if (paragraphLike && (tag == QLatin1String("p") || tag == QLatin1String("h3") ||
                              tag == QLatin1String("h4") || tag == QLatin1String("figure") ||
                              tag == QLatin1String("ul") || tag == QLatin1String("blockquote")))
            return tag + QStringLiteral(" nested in ") + parent;
        if (maxDepth(n.children()) < MaxNodeDepth) {
            const QString inner = structureProblem(n.children(), tag);
            if (!inner.isEmpty())
                return inner;
        }
    }
    return {};
}

QString nestedHtml(const QString &open, const QString &close, int levels)
{
    QString html;
    html.reserve((open.size() + close.size()) * levels + 8);
    for (int i = 0; i < levels; ++i)
        html += open;
    html += QStringLiteral("deep text");
    for (int i = 0; i < levels; ++i)
        html += close;
    return html;
}

} // namespace

/// Lenient HTML import: mappings, tables, media, embeds, warnings and hostile input.
class TestHtmlImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importHtml_mapsToTelegraphContent_data();
    void importHtml_mapsToTelegraphContent();
    void importHtml_webEditorContent_isKeptAsIs();
    void importHtml_invalidUtf8_neverFails_data();
    void importHtml_invalidUtf8_neverFails();
    void importHtml_binaryGarbage_givesValidContent();
    void importHtml_deepNesting_isFlattenedQuickly_data();
    void importHtml_deepNesting_isFlattenedQuickly();
    void importHtml_emptyInput_givesNothing_data();
    void importHtml_emptyInput_givesNothing();
};

void TestHtmlImport::importHtml_mapsToTelegraphContent_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("h1Becomesh3")
        << QStringLiteral("<h1>Title</h1><h2>Sub</h2>")
        << QByteArray(R"([{"tag":"h3","children":["Title"]},{"tag":"h3","children":["Sub"]}])")
        << QStringList{QStringLiteral("h1 became h3"), QStringLiteral("h2 became h3")};
    QTest::newRow("h5h6Becomeh4")
        << QStringLiteral("<h5>a</h5><h6>b</h6>")
        << QByteArray(R"([{"tag":"h4","children":["a"]},{"tag":"h4","children":["b"]}])")
        << QStringList{QStringLiteral("h5 became h4"), QStringLiteral("h6 became h4")};
    QTest::newRow("delStrikeInsMapped")
        << QStringLiteral("<p><del>d</del> <strike>s</strike> <ins>i</ins> <kbd>k</kbd></p>")
        << QByteArray(
               R"([{"tag":"p","children":[{"tag":"s","children":["d"]}," ",{"tag":"s","children":["s"]}," ",{"tag":"u","children":["i"]}," ",{"tag":"code","children":["k"]}]}])")
        << QStringList{QStringLiteral("del became s"), QStringLiteral("strike became s"),
                       QStringLiteral("ins became u"), QStringLiteral("kbd became code")};
    QTest::newRow("divsFlattenIntoParagraphs")
        << QStringLiteral("<div>a<div>b</div>c</div>")
        << QByteArray(
               R"([{"tag":"p","children":["a"]},{"tag":"p","children":["b"]},{"tag":"p","children":["c"]}])")
        << QStringList{};
    QTest::newRow("sectionWithParagraphsNeverNests")
        << QStringLiteral("<section><p>x</p><article><p>y</p></article></section>")
        << QByteArray(R"([{"tag":"p","children":["x"]},{"tag":"p","children":["y"]}])")
        << QStringList{};
    QTest::newRow("spanUnwrapped")
        << QStringLiteral("<p><span style=\"color:red\">red</span> <font>f</font></p>")
        << QByteArray(R"([{"tag":"p","children":["red f"]}])")
        << QStringList{QStringLiteral("span unwrapped"), QStringLiteral("font unwrapped")};
    QTest::newRow("scriptStyleHeadDropped")
        << QStringLiteral("<html><head><title>T</title><style>p{}</style></head><body><script>x()</"
                          "script><noscript>n</noscript><template><p>t</p></template><p>kept</p></"
                          "body></html>")
        << QByteArray(R"([{"tag":"p","children":["kept"]}])")
        << QStringList{QStringLiteral("style removed"), QStringLiteral("script removed"),
                       QStringLiteral("noscript removed"), QStringLiteral("template removed")};
    QTest::newRow("tableBecomesRows")
        << QStringLiteral(
               "<table><caption>Cap</caption><thead><tr><th>A</th><th>B</th></tr></"
               "thead><tbody><tr><td>1</td><td><p>2</p><p>3</p></td></tr></tbody></table>")
        << QByteArray(
               R"([{"tag":"p","children":["Cap"]},{"tag":"p","children":[{"tag":"strong","children":["A"]}," | ",{"tag":"strong","children":["B"]}]},{"tag":"p","children":["1 | 2 3"]}])")
        << QStringList{QStringLiteral("table turned into text")};
    QTest::newRow("imageSplitsParagraph")
        << QStringLiteral("<p>before <img src=\"a.png\" alt=\"A cat\"> after</p>")
        << QByteArray(
               R"([{"tag":"p","children":["before"]},{"tag":"figure","children":[{"tag":"img","attrs":{"src":"a.png"}},{"tag":"figcaption","children":["A cat"]}]},{"tag":"p","children":["after"]}])")
        << QStringList{};
    QTest::newRow("imageTitleBeatsAlt")
        << QStringLiteral("<img src=\"a.png\" alt=\"alt\" title=\"title\">")
        << QByteArray(
               R"([{"tag":"figure","children":[{"tag":"img","attrs":{"src":"a.png"}},{"tag":"figcaption","children":["title"]}]}])")
        << QStringList{};
    QTest::newRow("figcaptionBeatsAlt")
        << QStringLiteral("<figure><img src=\"a.png\" alt=\"alt\"><figcaption>Real "
                          "<b>caption</b></figcaption></figure>")
        << QByteArray(
               R"([{"tag":"figure","children":[{"tag":"img","attrs":{"src":"a.png"}},{"tag":"figcaption","children":["Real ",{"tag":"b","children":["caption"]}]}]}])")
        << QStringList{};
    QTest::newRow("imageWithoutSourceDropped")
        << QStringLiteral("<p>x<img alt=\"nothing\"></p>")
        << QByteArray(R"([{"tag":"p","children":["x"]}])")
        << QStringList{QStringLiteral("image without a usable source removed")};
    QTest::newRow("youtubeIframeBecomesEmbed")
        << QStringLiteral("<iframe width=\"560\" "
                          "src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?start=5\"></iframe>")
        << QByteArray(
               R"([{"tag":"figure","children":[{"tag":"iframe","attrs":{"src":"/embed/youtube?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DdQw4w9WgXcQ%26t%3D5"}}]}])")
        << QStringList{QStringLiteral("YouTube iframe became an embed")};
    QTest::newRow("vimeoPlayerBecomesEmbed")
        << QStringLiteral("<iframe src=\"https://player.vimeo.com/video/76979871\"></iframe>")
        << QByteArray(
               R"([{"tag":"figure","children":[{"tag":"iframe","attrs":{"src":"/embed/vimeo?url=https%3A%2F%2Fvimeo.com%2F76979871"}}]}])")
        << QStringList{QStringLiteral("Vimeo iframe became an embed")};
    QTest::newRow("telegraphEmbedKept")
        << QStringLiteral("<figure><iframe "
                          "src=\"/embed/youtube?url=https%3A%2F%2Fyoutu.be%2FdQw4w9WgXcQ\"></"
                          "iframe><figcaption>Video</figcaption></figure>")
        << QByteArray(
               R"([{"tag":"figure","children":[{"tag":"iframe","attrs":{"src":"/embed/youtube?url=https%3A%2F%2Fyoutu.be%2FdQw4w9WgXcQ"}},{"tag":"figcaption","children":["Video"]}]}])")
        << QStringList{};
    QTest::newRow("otherIframeDropped")
        << QStringLiteral("<p>a</p><iframe src=\"https://evil.example.com/x\"></iframe>")
        << QByteArray(R"([{"tag":"p","children":["a"]}])")
        << QStringList{QStringLiteral("iframe from evil.example.com removed")};
    QTest::newRow("loneLinkBecomesEmbed")
        << QStringLiteral("<p><a "
                          "href=\"https://x.com/jack/status/20\">https://x.com/jack/status/20</a></"
                          "p><p>see <a href=\"https://youtu.be/dQw4w9WgXcQ\">this</a></p>")
        << QByteArray(
               R"([{"tag":"figure","children":[{"tag":"iframe","attrs":{"src":"/embed/twitter?url=https%3A%2F%2Fx.com%2Fjack%2Fstatus%2F20"}}]},{"tag":"p","children":["see ",{"tag":"a","attrs":{"href":"https://youtu.be/dQw4w9WgXcQ"},"children":["this"]}]}])")
        << QStringList{QStringLiteral("Twitter link became an embed")};
    QTest::newRow("twitterWidgetBecomesEmbed")
        << QStringLiteral("<blockquote class=\"twitter-tweet\"><p>Hello</p>&mdash; Jack (@jack) <a "
                          "href=\"https://twitter.com/jack/status/20?ref_src=twsrc\">March 21, "
                          "2006</a></blockquote><script async "
                          "src=\"https://platform.twitter.com/widgets.js\"></script>")
        << QByteArray(
               R"([{"tag":"figure","children":[{"tag":"iframe","attrs":{"src":"/embed/twitter?url=https%3A%2F%2Ftwitter.com%2Fjack%2Fstatus%2F20"}}]}])")
        << QStringList{QStringLiteral("Twitter widget became an embed"),
                       QStringLiteral("script removed")};
    QTest::newRow("telegramWidgetBecomesEmbed")
        << QStringLiteral("<script async src=\"https://telegram.org/js/telegram-widget.js?22\" "
                          "data-telegram-post=\"durov/43\"></script>")
        << QByteArray(
               R"([{"tag":"figure","children":[{"tag":"iframe","attrs":{"src":"/embed/telegram?url=https%3A%2F%2Ft.me%2Fdurov%2F43"}}]}])")
        << QStringList{QStringLiteral("Telegram widget became an embed")};
    QTest::newRow("javascriptLinkUnwrapped")
        << QStringLiteral("<p><a href=\"  JavaScript:alert(1)\">click</a> <a "
                          "href=\"data:text/html,x\">d</a></p>")
        << QByteArray(R"([{"tag":"p","children":["click d"]}])")
        << QStringList{QStringLiteral("javascript: link removed"),
                       QStringLiteral("data: link removed")};
    QTest::newRow("attributesReducedToHrefSrc")
        << QStringLiteral("<p class=\"c\" style=\"s\"><a href=\"https://e.org/\" target=\"_blank\" "
                          "rel=\"noopener\">link</a></p>")
        << QByteArray(
               R"([{"tag":"p","children":[{"tag":"a","attrs":{"href":"https://e.org/"},"children":["link"]}]}])")
        << QStringList{QStringLiteral("attribute 'class' removed"),
                       QStringLiteral("attribute 'style' removed"),
                       QStringLiteral("attribute 'target' removed"),
                       QStringLiteral("attribute 'rel' removed")};
    QTest::newRow("whitespaceNormalised")
        << QStringLiteral("<p>  a \n\t b <b> c </b> </p>")
        << QByteArray(R"([{"tag":"p","children":["a b ",{"tag":"b","children":["c"]}]}])")
        << QStringList{};
    QTest::newRow("preKeepsWhitespace")
        << QStringLiteral("<pre><code>  x\n\n    y</code></pre>")
        << QByteArray(R"([{"tag":"pre","children":["  x\n\n    y"]}])") << QStringList{};
    QTest::newRow("listsRepaired")
        << QStringLiteral("<ul><li>a</li><ul><li>nested</li></ul><li><p>p1</p><p>p2</p></li></"
                          "ul><ol>text<li>one</ol>")
        << QByteArray(
               R"([{"tag":"ul","children":[{"tag":"li","children":["a",{"tag":"ul","children":[{"tag":"li","children":["nested"]}]}]},{"tag":"li","children":[{"tag":"p","children":["p1"]},{"tag":"p","children":["p2"]}]}]},{"tag":"ol","children":[{"tag":"li","children":["text"]},{"tag":"li","children":["one"]}]}])")
        << QStringList{};
    QTest::newRow("inlineAroundBlockPushedDown")
        << QStringLiteral("<b><p>bold para</p></b><a href=\"https://e.org/\"><div>linked</div></a>")
        << QByteArray(
               R"([{"tag":"p","children":[{"tag":"b","children":["bold para"]}]},{"tag":"p","children":[{"tag":"a","attrs":{"href":"https://e.org/"},"children":["linked"]}]}])")
        << QStringList{};
    QTest::newRow("emptyParagraphsDroppedButEditorBreakKept")
        << QStringLiteral("<p></p><p>   </p><p><br></p><div><b></b></div>")
        << QByteArray(R"([{"tag":"p","children":[{"tag":"br"}]}])") << QStringList{};
    QTest::newRow("topLevelTextWrapped")
        << QStringLiteral("plain <i>text</i>")
        << QByteArray(R"([{"tag":"p","children":["plain ",{"tag":"i","children":["text"]}]}])")
        << QStringList{};
    QTest::newRow("headingWithBlockSplits")
        << QStringLiteral("<h1>a<div>b</div></h1>")
        << QByteArray(R"([{"tag":"h3","children":["a"]},{"tag":"h3","children":["b"]}])")
        << QStringList{QStringLiteral("h1 became h3")};
    QTest::newRow("asideKept") << QStringLiteral("<aside>Note</aside>")
                               << QByteArray(R"([{"tag":"aside","children":["Note"]}])")
                               << QStringList{};
    QTest::newRow("videoWrapped")
        << QStringLiteral("<video controls><source src=\"/file/v.mp4\" type=\"video/mp4\"></video>")
        << QByteArray(
               R"([{"tag":"figure","children":[{"tag":"video","attrs":{"src":"/file/v.mp4"}}]}])")
        << QStringList{};
    QTest::newRow("svgAndFormsDropped")
        << QStringLiteral("<p>a<svg><text>t</text></svg><input value=\"x\"><button>b</button></p>")
        << QByteArray(R"([{"tag":"p","children":["a"]}])")
        << QStringList{QStringLiteral("svg removed"),
                       QStringLiteral("form field removed (2 times)")};
    QTest::newRow("warningsCounted") << QStringLiteral("<span>a</span><span>b</span><span>c</span>")
                                     << QByteArray(R"([{"tag":"p","children":["abc"]}])")
                                     << QStringList{QStringLiteral("span unwrapped (3 times)")};
}

void TestHtmlImport::importHtml_mapsToTelegraphContent()
{
    QFETCH(QString, html);
    QFETCH(QByteArray, json);
    QFETCH(QStringList, warnings);

    const HtmlImportResult result = importHtml(html);
    QCOMPARE(toJson(result.nodes), json);
    QCOMPARE(result.warnings, warnings);
    QCOMPARE(structureProblem(result.nodes), QString());
}

void TestHtmlImport::importHtml_webEditorContent_isKeptAsIs()
{
    // What Telegraph's own editor writes must come back unchanged (minus editor-only attributes).
    const QString html =
        QStringLiteral("<p><a href=\"https://t.me/c\" target=\"_blank\">Автор</a></p>"
                       "<h3 id=\"Вылет\">Вылет</h3>"
                       "<figure><img src=\"/file/a.jpg\"><figcaption>Подпись "
                       "🤷‍♂️</figcaption></figure>"
                       "<blockquote>Цитата</blockquote><aside>Выноска</aside>"
                       "<ul><li>один</li><li>два</li></ul><pre>код\n  отступ</pre><hr><p><br></p>");
    const HtmlImportResult result = importHtml(html);
    QCOMPARE(
        QString::fromUtf8(toJson(result.nodes)),
        QStringLiteral(
            R"([{"tag":"p","children":[{"tag":"a","attrs":{"href":"https://t.me/c"},"children":["Автор"]}]},)"
            R"({"tag":"h3","children":["Вылет"]},)"
            R"({"tag":"figure","children":[{"tag":"img","attrs":{"src":"/file/a.jpg"}},{"tag":"figcaption","children":["Подпись 🤷‍♂️"]}]},)"
            R"({"tag":"blockquote","children":["Цитата"]},{"tag":"aside","children":["Выноска"]},)"
            R"({"tag":"ul","children":[{"tag":"li","children":["один"]},{"tag":"li","children":["два"]}]},)"
            R"({"tag":"pre","children":["код\n  отступ"]},{"tag":"hr"},{"tag":"p","children":[{"tag":"br"}]}])"));
    QCOMPARE(result.warnings, (QStringList{QStringLiteral("attribute 'target' removed"),
                                           QStringLiteral("attribute 'id' removed")}));
}

void TestHtmlImport::importHtml_invalidUtf8_neverFails_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expectedText");

    QTest::newRow("lone continuation bytes")
        << QByteArray("<p>a\x80\x81z</p>") << QStringLiteral("a");
    QTest::newRow("truncated sequence") << QByteArray("<p>ok \xe2\x82</p>") << QStringLiteral("ok");
    QTest::newRow("overlong encoding") << QByteArray("<b>\xc0\xaf</b>x") << QStringLiteral("x");
    QTest::newRow("nul bytes") << QByteArray("<p>a\0b</p>", 10) << QStringLiteral("a");
    QTest::newRow("bytes inside a tag")
        << QByteArray("<p\xff class=\xfe>t</p>") << QStringLiteral("t");
}

void TestHtmlImport::importHtml_invalidUtf8_neverFails()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expectedText);

    const HtmlImportResult result = importHtml(QString::fromUtf8(bytes));
    QString text;
    for (const Node &n : result.nodes)
        text += n.plainText();
    QVERIFY2(text.contains(expectedText), qPrintable(text));
    QCOMPARE(structureProblem(result.nodes), QString());
}

void TestHtmlImport::importHtml_binaryGarbage_givesValidContent()
{
    QRandomGenerator rng(20261125);
    for (int round = 0; round < 8; ++round) {
        QByteArray bytes(128 * 1024, Qt::Uninitialized);
        for (char &c : bytes) {
            // Mostly markup characters, so the parser's tree building is exercised too.
            const quint32 r = rng.bounded(256);
            static const char markup[] = "<>/=\"' abdiplrtu-!&;#\n";
            c = r < 128 ? markup[r % (sizeof(markup) - 1)] : char(r);
        }
        const HtmlImportResult result = importHtml(QString::fromUtf8(bytes));
        QVERIFY(maxDepth(result.nodes) <= MaxNodeDepth);
        QCOMPARE(structureProblem(result.nodes), QString());
    }
}

void TestHtmlImport::importHtml_deepNesting_isFlattenedQuickly_data()
{
    QTest::addColumn<QString>("html");

    const int levels = 100000;
    QTest::newRow("div") << nestedHtml(QStringLiteral("<div>"), QStringLiteral("</div>"), levels);
    QTest::newRow("unclosed b") << nestedHtml(QStringLiteral("<b>"), QString(), levels);
    QTest::newRow("span and i") << nestedHtml(QStringLiteral("<span><i>"), QString(), levels);
    QTest::newRow("blockquote lists")
        << nestedHtml(QStringLiteral("<blockquote><ul><li>"), QString(), levels / 2);
    QTest::newRow("tables") << nestedHtml(QStringLiteral("<table><tr><td>"), QString(), levels / 4);
    QTest::newRow("links") << nestedHtml(QStringLiteral("<a href=\"https://e.org/\">"),
                                         QStringLiteral("</a>"), levels);
    QTest::newRow("pre") << nestedHtml(QStringLiteral("<pre><b>"), QString(), levels / 2);
}

void TestHtmlImport::importHtml_deepNesting_isFlattenedQuickly()
{
    QFETCH(QString, html);

    // Speed is measured by bench_markdown (BM_ImportHtml_Scaling); here only the structure.
    const HtmlImportResult result = importHtml(html);
    QVERIFY(maxDepth(result.nodes) <= MaxNodeDepth);
    QCOMPARE(structureProblem(result.nodes), QString());
    QString text;
    for (const Node &n : result.nodes)
        text += n.plainText();
    QVERIFY(text.contains(QStringLiteral("deep text")));
    QVERIFY(result.warnings.contains(QStringLiteral("deep nesting flattened")));
}

void TestHtmlImport::importHtml_emptyInput_givesNothing_data()
{
    QTest::addColumn<QString>("html");
    QTest::newRow("empty") << QString();
    QTest::newRow("whitespace") << QStringLiteral(" \n\t ");
    QTest::newRow("comment") << QStringLiteral("<!-- nothing -->");
    QTest::newRow("doctype and head")
        << QStringLiteral("<!DOCTYPE html><html><head><title>t</title></head></html>");
    QTest::newRow("stray end tags") << QStringLiteral("</p></div></b>");
}

void TestHtmlImport::importHtml_emptyInput_givesNothing()
{
    QFETCH(QString, html);
    const HtmlImportResult result = importHtml(html);
    QVERIFY(result.nodes.isEmpty());
    QVERIFY(result.warnings.isEmpty());
}

TG_TEST_MAIN_CORE(TestHtmlImport)
#include "tst_htmlimport.moc"
