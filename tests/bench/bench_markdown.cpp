// SPDX-License-Identifier: MIT
// bench_markdown: Markdown -> nodes on a realistic 64 KiB article (as tg::Node and as a flat
// document, with and without compact JSON), nodes -> Markdown on its result, and the lenient
// HTML import of a realistic 1 MiB web page (scripts, styles, layout
// divs, spans, tables, images, embeds). Throughput is reported in bytes/s of input.
//
// BM_ImportHtml_Scaling and BM_MarkdownRawHtml_Scaling time the same conversions on 100, 200,
// 400 and 800 KiB of ordinary and of hostile input (nesting tricks, hidden tags, attribute and
// text floods); time per byte must stay flat as the size doubles.
#include "content/flatdoc.h"
#include "content/htmlimport.h"
#include "content/markdown.h"
#include "content/markdownwriter.h"
#include "workflow/contentconverter.h"

#include <benchmark/benchmark.h>

namespace {

/// One section of an article in typical blog Markdown; ~1.3 KiB, mixed Latin and Cyrillic text.
QString markdownSection(int i)
{
    const QString n = QString::number(i);
    return QStringLiteral("## Section ") + n +
           QStringLiteral("\n\nThis is the *opening* paragraph of section ") + n +
           QStringLiteral(", with **strong words**, a [link](https://example.org/page/") + n +
           QStringLiteral(" \"Title\") and `inline code`. Путешествие продолжается: дорога, "
                          "палатки, костёр и ~~старый~~ новый маршрут.\nA soft break continues "
                          "the paragraph & mentions https://example.com/x as a bare URL.\n\n"
                          "- first item with *emphasis*\n- second item\n  - nested item\n"
                          "- third item\n\n1. step one\n2. step two\n\n> A quotation that spans\n"
                          "> two lines of the source.\n\n![A photo](/file/photo") +
           n +
           QStringLiteral(".jpg \"Caption for the photo\")\n\n```cpp\nint main()\n{\n    return "
                          "0;\n}\n```\n\n### Details\n\nClosing paragraph with a hard break\\\n"
                          "and a final line.\n\n---\n\n");
}

QString article(qsizetype bytes)
{
    QString md = QStringLiteral("# A realistic article\n\n");
    for (int i = 0; md.toUtf8().size() < bytes; ++i)
        md += markdownSection(i);
    return md;
}

QString htmlChunk(int i)
{
    const QString n = QString::number(i);
    return QStringLiteral("<div class=\"post-block\" data-id=\"") + n +
           QStringLiteral("\"><section><h2 id=\"s") + n + QStringLiteral("\">Heading ") + n +
           QStringLiteral("</h2><p class=\"lead\">Some <span style=\"color:#333\">styled</span> "
                          "text with <a href=\"https://example.org/") +
           n +
           QStringLiteral("\" target=\"_blank\" rel=\"noopener\">a link</a>, <b>bold</b>, "
                          "<em>emphasis</em> and <del>removed</del> words. Путешествие по "
                          "пустыне&nbsp;&mdash; день первый.</p>\n  <div><div><p>Nested "
                          "<font>layout</font> paragraph<br>with a break.</p></div></div>\n"
                          "<ul><li>One</li><li><p>Two</p><ul><li>Two and a half</li></ul></li>"
                          "</ul><figure><img src=\"/img/") +
           n +
           QStringLiteral(".jpg\" alt=\"Photo\" width=\"640\"><figcaption>Caption "
                          "<i>here</i></figcaption></figure><table class=\"data\"><tr><th>Key"
                          "</th><th>Value</th></tr><tr><td>a</td><td>1</td></tr><tr><td>b</td>"
                          "<td>2</td></tr></table><blockquote><p>Quoted text.</p></blockquote>"
                          "<pre><code>let x = ") +
           n + QStringLiteral(";\n  x += 1;</code></pre><script>track(") + n +
           QStringLiteral(");</script><iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\">"
                          "</iframe></section></div>\n");
}

QString webPage(qsizetype bytes)
{
    QString html = QStringLiteral(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Page</title><style>body{margin:"
        "0}.post-block{padding:1em}</style><script src=\"/app.js\"></script></head><body><nav "
        "class=\"menu\"><a href=\"/\">Home</a> | <a href=\"/about\">About</a></nav><main>");
    for (int i = 0; html.toUtf8().size() < bytes - 64; ++i)
        html += htmlChunk(i);
    return html + QStringLiteral("</main><footer>© Example</footer></body></html>");
}

void BM_MarkdownToNodes_Article64K(benchmark::State &state)
{
    const QString md = article(64 * 1024);
    const qsizetype bytes = md.toUtf8().size();
    for (auto _ : state) {
        tg::MarkdownResult r = tg::markdownToNodes(md);
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["input_bytes"] = double(bytes);
}
BENCHMARK(BM_MarkdownToNodes_Article64K)->Unit(benchmark::kMicrosecond);

/// Markdown -> nodes on a 4 MiB document (the same sections repeated), through the tree API.
void BM_MarkdownToNodes_Document4M(benchmark::State &state)
{
    const QString md = article(4 * 1024 * 1024);
    const qsizetype bytes = md.toUtf8().size();
    for (auto _ : state) {
        tg::MarkdownResult r = tg::markdownToNodes(md);
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["input_bytes"] = double(bytes);
}
BENCHMARK(BM_MarkdownToNodes_Document4M)->Unit(benchmark::kMillisecond);

/// The UTF-8 entry point: no UTF-16 step on the way in.
void BM_MarkdownUtf8ToNodes_Article64K(benchmark::State &state)
{
    const QByteArray md = article(64 * 1024).toUtf8();
    for (auto _ : state) {
        tg::MarkdownResult r = tg::markdownToNodes(QByteArrayView(md));
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(state.iterations() * md.size());
}
BENCHMARK(BM_MarkdownUtf8ToNodes_Article64K)->Unit(benchmark::kMicrosecond);

/// Markdown (UTF-8) -> the reader's flat tree, without the tg::Node step: the conversion itself.
void BM_MarkdownToFlat(benchmark::State &state)
{
    const QByteArray md = article(state.range(0)).toUtf8();
    for (auto _ : state) {
        tg::detail::MarkdownFlatStats s = tg::detail::markdownFlatStats(md);
        benchmark::DoNotOptimize(s);
    }
    state.SetBytesProcessed(state.iterations() * md.size());
    state.counters["input_bytes"] = double(md.size());
}
BENCHMARK(BM_MarkdownToFlat)->Arg(64 * 1024)->Arg(4 * 1024 * 1024)->Unit(benchmark::kMicrosecond);

/// Times convert(markdown) on an article of state.range(0) bytes, in bytes/s of Markdown.
template<typename Convert> void timeOnArticle(benchmark::State &state, Convert convert)
{
    const QByteArray md = article(state.range(0)).toUtf8();
    for (auto _ : state) {
        auto r = convert(md);
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(state.iterations() * md.size());
    state.counters["input_bytes"] = double(md.size());
}

/// Markdown (UTF-8) -> a flat document: the nodes markdownToNodes gives, as tg::FlatDoc, without
/// tg::Node values or a QString per text.
void BM_MarkdownToFlatDoc(benchmark::State &state)
{
    timeOnArticle(state, [](const QByteArray &md) { return tg::markdownToFlat(md); });
}
BENCHMARK(BM_MarkdownToFlatDoc)
    ->Arg(64 * 1024)
    ->Arg(4 * 1024 * 1024)
    ->Unit(benchmark::kMicrosecond);

/// Markdown (UTF-8) -> tg::Node on the same sizes, for comparison.
void BM_MarkdownUtf8ToNodes(benchmark::State &state)
{
    timeOnArticle(state,
                  [](const QByteArray &md) { return tg::markdownToNodes(QByteArrayView(md)); });
}
BENCHMARK(BM_MarkdownUtf8ToNodes)
    ->Arg(64 * 1024)
    ->Arg(4 * 1024 * 1024)
    ->Unit(benchmark::kMicrosecond);

/// Markdown -> compact nodes JSON through the flat document (convert markdown-to-nodes).
void BM_MarkdownToJson_Flat(benchmark::State &state)
{
    timeOnArticle(state,
                  [](const QByteArray &md) { return tg::flatToJson(tg::markdownToFlat(md).doc); });
}
BENCHMARK(BM_MarkdownToJson_Flat)
    ->Arg(64 * 1024)
    ->Arg(4 * 1024 * 1024)
    ->Unit(benchmark::kMicrosecond);

/// The same through tg::Node (markdownToNodes, then tg::toJson), for comparison.
void BM_MarkdownToJson_Tree(benchmark::State &state)
{
    timeOnArticle(state, [](const QByteArray &md) {
        return tg::toJson(tg::markdownToNodes(QByteArrayView(md)).nodes);
    });
}
BENCHMARK(BM_MarkdownToJson_Tree)
    ->Arg(64 * 1024)
    ->Arg(4 * 1024 * 1024)
    ->Unit(benchmark::kMicrosecond);

/// A flat document (the article's) -> compact JSON alone, in bytes/s of JSON written.
void BM_FlatDocToJson(benchmark::State &state)
{
    const tg::FlatMarkdownResult r = tg::markdownToFlat(article(state.range(0)).toUtf8());
    const qsizetype bytes = tg::flatJsonSize(r.doc);
    for (auto _ : state) {
        QByteArray json = tg::flatToJson(r.doc);
        benchmark::DoNotOptimize(json);
    }
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["json_bytes"] = double(bytes);
}
BENCHMARK(BM_FlatDocToJson)->Arg(64 * 1024)->Arg(4 * 1024 * 1024)->Unit(benchmark::kMicrosecond);

/// What one keystroke costs the preview off the GUI thread on a 64 KiB article: the editor's
/// text converted to nodes, preview HTML (per block), size and validation (convertContent).
void BM_KeystrokeToPreviewHtml_Article64K(benchmark::State &state)
{
    tg::ConversionInput in;
    in.title = QStringLiteral("A realistic article");
    in.body = article(64 * 1024);
    in.format = tg::DraftFormat::Markdown;
    const qsizetype bytes = in.body.toUtf8().size();
    for (auto _ : state) {
        ++in.serial;
        tg::ConversionResult r = tg::convertContent(in);
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["input_bytes"] = double(bytes);
}
BENCHMARK(BM_KeystrokeToPreviewHtml_Article64K)->Unit(benchmark::kMicrosecond);

void BM_NodesToMarkdown_Article64K(benchmark::State &state)
{
    const tg::NodeList nodes = tg::markdownToNodes(article(64 * 1024)).nodes;
    for (auto _ : state) {
        QString md = tg::nodesToMarkdown(nodes);
        benchmark::DoNotOptimize(md);
    }
    state.counters["nodes_json_bytes"] = double(tg::jsonSize(nodes));
}
BENCHMARK(BM_NodesToMarkdown_Article64K)->Unit(benchmark::kMicrosecond);

void BM_ImportHtml_Page1M(benchmark::State &state)
{
    const QString html = webPage(1024 * 1024);
    const qsizetype bytes = html.toUtf8().size();
    for (auto _ : state) {
        tg::HtmlImportResult r = tg::importHtml(html);
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["input_bytes"] = double(bytes);
}
BENCHMARK(BM_ImportHtml_Page1M)->Unit(benchmark::kMillisecond);

/// Input of about `bytes` bytes: `head`, then `unit` repeated (unit(i) for the i-th copy).
template<typename Unit> QString repeatedInput(qsizetype bytes, const QString &head, Unit unit)
{
    QString out = head;
    out.reserve(bytes + 64);
    for (int i = 0; out.size() < bytes; ++i)
        out.append(unit(i));
    return out;
}

QString constant(qsizetype bytes, const QString &head, const QString &unit)
{
    return repeatedInput(bytes, head, [&unit](int) { return unit; });
}

enum HtmlFamily
{
    Ordinary,
    DivUnmatchedEnd,       // <div></b>
    FormattingAroundBlock, // <b><div></b>
    SpanAroundBlock,       // <span><div></span>
    QuoteHidesTags,        // <b x"> then <div>s
    ShortCommentHidesTags, // <!--> then <div>s
    NoscriptHidesTags,     // <noscript> then <div>s
    Reconstruction,        // many open formatting elements reopened in every block
    AttributeFlood,        // one tag with thousands of attributes
    TextMerge,             // x<wbr> (texts merged around dropped elements)
    FamilyCount
};

const char *const htmlFamilyNames[] = {"ordinary",
                                       "div_unmatched_end",
                                       "formatting_around_block",
                                       "span_around_block",
                                       "quote_hides_tags",
                                       "short_comment_hides_tags",
                                       "noscript_hides_tags",
                                       "reconstruction",
                                       "attribute_flood",
                                       "text_merge"};

QString hostileHtml(int family, qsizetype bytes)
{
    switch (family) {
    case Ordinary:
        return webPage(bytes);
    case DivUnmatchedEnd:
        return constant(bytes, QString(), QStringLiteral("<div></b>"));
    case FormattingAroundBlock:
        return constant(bytes, QString(), QStringLiteral("<b><div></b>"));
    case SpanAroundBlock:
        return constant(bytes, QString(), QStringLiteral("<span><div></span>"));
    case QuoteHidesTags:
        return constant(bytes, QStringLiteral("<b x\">"), QStringLiteral("<div>"));
    case ShortCommentHidesTags:
        return constant(bytes, QStringLiteral("<!-->"), QStringLiteral("<div>"));
    case NoscriptHidesTags:
        return constant(bytes, QStringLiteral("<p>x</p><noscript>"), QStringLiteral("<div>"));
    case Reconstruction: {
        QString head = QStringLiteral("<div>");
        for (int i = 0; i < 2000; ++i)
            head += QStringLiteral("<b x=") + QString::number(i) + u'>';
        head += QStringLiteral("</div>");
        return constant(bytes, head, QStringLiteral("<div>x</div>"));
    }
    case AttributeFlood: {
        QString flood = repeatedInput(bytes, QStringLiteral("<p>x<b"), [](int i) {
            return QString(QStringLiteral(" a") + QString::number(i));
        });
        flood += u'>';
        return flood;
    }
    default:
        return constant(bytes, QString(), QStringLiteral("x<wbr>"));
    }
}

void BM_ImportHtml_Scaling(benchmark::State &state)
{
    const int family = int(state.range(0));
    const QString html = hostileHtml(family, state.range(1) * 1024);
    const qsizetype bytes = html.toUtf8().size();
    state.SetLabel(htmlFamilyNames[family]);
    for (auto _ : state) {
        tg::HtmlImportResult r = tg::importHtml(html);
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["input_bytes"] = double(bytes);
    state.counters["ns_per_byte"] = benchmark::Counter(
        double(bytes), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_ImportHtml_Scaling)
    ->ArgsProduct({benchmark::CreateDenseRange(0, FamilyCount - 1, 1), {100, 200, 400, 800}})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(0.2);

enum MarkdownFamily
{
    MarkdownOrdinary,
    InlineHtmlUnmatchedEnds, // <i> many times, then </b> many times
    HtmlBlockNesting,        // an HTML block of <div></b>
    InlineHtmlTextMerge,     // a<b></b> (texts merged around dropped elements)
    MarkdownFamilyCount
};

const char *const markdownFamilyNames[] = {"ordinary", "inline_html_unmatched_ends",
                                           "html_block_nesting", "inline_html_text_merge"};

QString hostileMarkdown(int family, qsizetype bytes)
{
    switch (family) {
    case MarkdownOrdinary:
        return article(bytes);
    case InlineHtmlUnmatchedEnds: {
        QString md = QStringLiteral("Text *em ");
        const qsizetype half = bytes / 2;
        while (md.size() < half)
            md += QStringLiteral("<i>");
        while (md.size() < bytes)
            md += QStringLiteral("</b>");
        return md + QStringLiteral(" end*");
    }
    case HtmlBlockNesting:
        return constant(bytes, QStringLiteral("<div>\n"), QStringLiteral("<div></b>"));
    default:
        return constant(bytes, QStringLiteral("Text "), QStringLiteral("a<b></b>"));
    }
}

void BM_MarkdownRawHtml_Scaling(benchmark::State &state)
{
    const int family = int(state.range(0));
    const QString md = hostileMarkdown(family, state.range(1) * 1024);
    const qsizetype bytes = md.toUtf8().size();
    state.SetLabel(markdownFamilyNames[family]);
    for (auto _ : state) {
        tg::MarkdownResult r = tg::markdownToNodes(md);
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["input_bytes"] = double(bytes);
    state.counters["ns_per_byte"] = benchmark::Counter(
        double(bytes), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_MarkdownRawHtml_Scaling)
    ->ArgsProduct({benchmark::CreateDenseRange(0, MarkdownFamilyCount - 1, 1),
                   {100, 200, 400, 800}})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(0.2);

} // namespace

BENCHMARK_MAIN();
