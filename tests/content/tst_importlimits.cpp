// SPDX-License-Identifier: MIT
// Hostile HTML cannot make the lenient import (or Markdown's raw HTML) deep or slow: the
// nesting guard follows the parser's real stack, so every trick that used to slip past it ends
// with a bounded tree, and the text survives.
#include "content/htmlimport.h"
#include "content/htmlimportdetail.h"
#include "content/markdown.h"
#include "content/node.h"
#include "testmain.h"

#include <QTest>

using namespace tg;

namespace {

/// What the parser's tree may reach: the guard's cap plus the formatting elements it reopens.
constexpr int ParsedDepthBound = 2 * MaxNodeDepth + 32;

QString repeated(const QString &head, const QString &unit, qsizetype bytes)
{
    QString out = head;
    out.reserve(bytes + unit.size());
    while (out.size() < bytes)
        out += unit;
    return out;
}

/// Deepest element nesting of nodes, without recursion.
int depthOf(const NodeList &nodes)
{
    int deepest = 0;
    QList<QPair<const NodeList *, int>> todo{{&nodes, 0}};
    while (!todo.isEmpty()) {
        const auto [list, depth] = todo.takeLast();
        for (const Node &n : *list) {
            if (!n.isElement())
                continue;
            deepest = qMax(deepest, depth + 1);
            todo.append({&n.children(), depth + 1});
        }
    }
    return deepest;
}

qsizetype countOf(const NodeList &nodes, QChar c)
{
    qsizetype count = 0;
    for (const Node &n : nodes)
        count += n.plainText().count(c);
    return count;
}

} // namespace

class TestImportLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importHtml_hostileNesting_staysBounded_data();
    void importHtml_hostileNesting_staysBounded();
    void importHtml_ordinaryNesting_isKept();
    void importHtml_attributeFlood_keepsTheElement();
    void markdown_rawHtmlNesting_staysBounded();
    void markdown_unmatchedInlineHtml_keepsEveryText();
};

void TestImportLimits::importHtml_hostileNesting_staysBounded_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<qsizetype>("letters"); ///< the x's that must survive, -1 when not checked
    constexpr qsizetype size = 400 * 1024;
    const auto row = [](const char *name, const QString &html) {
        QTest::newRow(name) << html << html.count(QLatin1Char('x'));
    };
    row("div, unmatched end", repeated({}, QStringLiteral("<div>x</b>"), size));
    row("span around div", repeated({}, QStringLiteral("<span><div>x</span>"), size));
    row("b around div", repeated({}, QStringLiteral("<b><div>x</b>"), size));
    row("quote hides tags", repeated(QStringLiteral("<b y\">"), QStringLiteral("<div>x"), size));
    row("short comment hides tags",
        repeated(QStringLiteral("<!-->"), QStringLiteral("<div>x"), size));
    row("noscript hides tags",
        repeated(QStringLiteral("<noscript>"), QStringLiteral("<div>x"), size));
    row("svg style hides tags",
        repeated(QStringLiteral("<svg><style>"), QStringLiteral("<g>"), size));
    // Buttons are removed with what they hold, so only the depth is checked here.
    QTest::newRow("p in button") << repeated({}, QStringLiteral("<p><button><div>x"), size)
                                 << qsizetype(-1);
    QString reopened = QStringLiteral("<div>");
    for (int i = 0; i < 2000; ++i)
        reopened += QStringLiteral("<b id=") + QString::number(i) + u'>';
    reopened += QStringLiteral("</div>");
    row("reopened formatting", repeated(reopened, QStringLiteral("<div>x</div>"), size));
}

void TestImportLimits::importHtml_hostileNesting_staysBounded()
{
    QFETCH(QString, html);
    QFETCH(qsizetype, letters);
    const int parsed = detail::parsedNestingDepth(html);
    QVERIFY2(parsed <= ParsedDepthBound, qPrintable(QString::number(parsed)));
    const HtmlImportResult r = importHtml(html);
    QVERIFY(depthOf(r.nodes) <= MaxNodeDepth);
    if (letters > 0 && !html.contains(QLatin1String("<svg")))
        QCOMPARE(countOf(r.nodes, QLatin1Char('x')), letters);
}

void TestImportLimits::importHtml_ordinaryNesting_isKept()
{
    // Within the cap nothing is removed: 200 nested sections and quotes, misnested formatting.
    QString html;
    for (int i = 0; i < 200; ++i)
        html += QStringLiteral("<section><blockquote>");
    html += QStringLiteral("<p>deep <b>bold <i>both</b> italic</i></p>");
    for (int i = 0; i < 200; ++i)
        html += QStringLiteral("</blockquote></section>");
    QCOMPARE(detail::parsedNestingDepth(html), 2 + 400 + 3); // html, body, the nesting, p b i
    const HtmlImportResult r = importHtml(html);
    QVERIFY(!r.warnings.contains(QStringLiteral("deep nesting flattened")));
    QCOMPARE(r.nodes.size(), 1);
    QCOMPARE(r.nodes.first().plainText(), QStringLiteral("deep bold both italic"));
}

void TestImportLimits::importHtml_attributeFlood_keepsTheElement()
{
    QString html = QStringLiteral("<p>x<a href=\"https://example.org/\"");
    for (int i = 0; i < 50000; ++i)
        html += QStringLiteral(" a") + QString::number(i);
    html += QStringLiteral(">link</a></p>");
    const HtmlImportResult r = importHtml(html);
    QCOMPARE(r.nodes.size(), 1);
    const Node &p = r.nodes.first();
    QCOMPARE(p.children().size(), 2);
    QCOMPARE(p.children().at(1).attr(u"href"), QStringLiteral("https://example.org/"));
    QCOMPARE(p.plainText(), QStringLiteral("xlink"));
}

void TestImportLimits::markdown_rawHtmlNesting_staysBounded()
{
    const QString md =
        repeated(QStringLiteral("Intro\n\n<div>\n"), QStringLiteral("<div>x</b>"), 400 * 1024);
    const MarkdownResult r = markdownToNodes(md);
    QVERIFY(depthOf(r.nodes) <= MaxNodeDepth);
    QCOMPARE(countOf(r.nodes, QLatin1Char('x')), md.count(QLatin1Char('x')));
}

void TestImportLimits::markdown_unmatchedInlineHtml_keepsEveryText()
{
    QString md = QStringLiteral("Start *em ");
    for (int i = 0; i < 20000; ++i)
        md += QStringLiteral("<i>1");
    for (int i = 0; i < 20000; ++i)
        md += QStringLiteral("</b>2");
    md += QStringLiteral(" end*");
    const MarkdownResult r = markdownToNodes(md);
    QVERIFY(depthOf(r.nodes) <= MaxNodeDepth);
    QCOMPARE(countOf(r.nodes, QLatin1Char('1')), qsizetype(20000));
    QCOMPARE(countOf(r.nodes, QLatin1Char('2')), qsizetype(20000));
}

TG_TEST_MAIN_CORE(TestImportLimits)
#include "tst_importlimits.moc"
