// SPDX-License-Identifier: MIT
#include "content/flatdoc.h"
#include "content/flathtml.h"
#include "content/htmlparser.h"
#include "content/htmlwriter.h"
#include "content/node.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>

namespace {

/// A realistic Telegraph article: headings, paragraphs with inline markup, links and entities,
/// lists, a quote, a figure and a code block, mixing Latin and Cyrillic text; repeated until it
/// reaches `size` bytes of UTF-8.
QByteArray makeArticle(qsizetype size)
{
    static const char *const section =
        "<h3>Section %1: on the shape of things</h3>\n"
        "<p>Lorem ipsum dolor sit amet, <b>consectetur</b> adipiscing elit, sed do eiusmod "
        "tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis "
        "nostrud <a href=\"https://example.org/articles/%1?ref=tg&amp;lang=en\">exercitation "
        "ullamco</a> laboris nisi ut aliquip ex ea commodo consequat.</p>\n"
        "<p>Съешь же ещё этих мягких французских булок, да выпей чаю. <i>Широкая электрификация"
        "</i> южных губерний даст мощный толчок подъёму сельского хозяйства &mdash; "
        "&laquo;цитата&raquo; и&nbsp;неразрывный пробел.</p>\n"
        "<figure><img src=\"/file/6c2ecfdfd6881d37913fa%1.png\"/><figcaption>Figure %1: a "
        "picture worth a thousand words</figcaption></figure>\n"
        "<ul><li>First point, with <code>inline_code(%1)</code></li><li>Second point &amp; a "
        "<strong>strong</strong> claim</li><li>Third point<br/>on two lines</li></ul>\n"
        "<blockquote>Simplicity is prerequisite for reliability. <em>&#8212; E. W. "
        "Dijkstra</em></blockquote>\n"
        "<pre>int main()\n{\n    return %1 &lt; 42 ? 0 : 1;\n}\n</pre>\n"
        "<p>Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu "
        "fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa "
        "qui officia deserunt mollit anim id est laborum. <s>Struck</s> and <u>underlined</u>."
        "</p>\n<hr/>\n";
    QByteArray out;
    out.reserve(size + 4096);
    for (int k = 1; out.size() < size; ++k)
        out += QString::fromUtf8(section).arg(k).toUtf8();
    return out;
}

const QByteArray &article()
{
    static const QByteArray a = makeArticle(64 * 1024);
    return a;
}

const QByteArray &document()
{
    static const QByteArray d = makeArticle(8 * 1024 * 1024);
    return d;
}

void htmlToNodesFromUtf8(benchmark::State &state, const QByteArray &input)
{
    for (auto _ : state) {
        const tg::HtmlParseResult r = tg::htmlToNodes(QString::fromUtf8(input));
        if (!r.ok()) {
            state.SkipWithError("conversion failed");
            break;
        }
        benchmark::DoNotOptimize(r.nodes.constData());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * input.size());
}

void BM_HtmlToNodes_Article64K(benchmark::State &state)
{
    htmlToNodesFromUtf8(state, article());
}
BENCHMARK(BM_HtmlToNodes_Article64K);

void BM_HtmlToNodes_Document8M(benchmark::State &state)
{
    htmlToNodesFromUtf8(state, document());
}
BENCHMARK(BM_HtmlToNodes_Document8M)->Unit(benchmark::kMillisecond);

/// The tokenizer and tree building alone, on an already decoded QString.
void BM_HtmlToNodes_Article64K_ParseOnly(benchmark::State &state)
{
    const QString html = QString::fromUtf8(article());
    for (auto _ : state) {
        const tg::HtmlParseResult r = tg::htmlToNodes(html);
        benchmark::DoNotOptimize(r.nodes.constData());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * article().size());
}
BENCHMARK(BM_HtmlToNodes_Article64K_ParseOnly);

/// Nodes to HTML, counted in bytes of the UTF-8 HTML written (encoding included).
void nodesToHtmlUtf8(benchmark::State &state, const QByteArray &source)
{
    const tg::NodeList nodes = tg::htmlToNodes(QString::fromUtf8(source)).nodes;
    const qsizetype outBytes = tg::nodesToHtml(nodes).toUtf8().size();
    for (auto _ : state) {
        const QByteArray html = tg::nodesToHtml(nodes).toUtf8();
        benchmark::DoNotOptimize(html.constData());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * outBytes);
}

void BM_NodesToHtml_Article64K(benchmark::State &state)
{
    nodesToHtmlUtf8(state, article());
}
BENCHMARK(BM_NodesToHtml_Article64K);

void BM_NodesToHtml_Document8M(benchmark::State &state)
{
    nodesToHtmlUtf8(state, document());
}
BENCHMARK(BM_NodesToHtml_Document8M)->Unit(benchmark::kMillisecond);

/// The flat path: strict HTML (UTF-8) to a flat document and on to compact JSON, as the CLI
/// does it, counted in bytes of HTML read.
void BM_FlatHtmlToJson_Document8M(benchmark::State &state)
{
    const QByteArray &input = document();
    for (auto _ : state) {
        const tg::FlatHtmlResult r = tg::htmlToFlat(input);
        if (!r.ok()) {
            state.SkipWithError("conversion failed");
            break;
        }
        const QByteArray json = tg::flatToJson(r.doc);
        benchmark::DoNotOptimize(json.constData());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * input.size());
}
BENCHMARK(BM_FlatHtmlToJson_Document8M)->Unit(benchmark::kMillisecond);

/// The flat strict parser alone.
void BM_FlatHtml_Document8M_ParseOnly(benchmark::State &state)
{
    const QByteArray &input = document();
    for (auto _ : state) {
        const tg::FlatHtmlResult r = tg::htmlToFlat(input);
        benchmark::DoNotOptimize(r.doc.nodes().data());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * input.size());
}
BENCHMARK(BM_FlatHtml_Document8M_ParseOnly)->Unit(benchmark::kMillisecond);

/// Nodes JSON to HTML on the flat path, counted in bytes of JSON read.
void BM_FlatJsonToHtml_Document8M(benchmark::State &state)
{
    const QByteArray json = tg::flatToJson(tg::htmlToFlat(document()).doc);
    for (auto _ : state) {
        const tg::FlatJsonResult r = tg::flatFromJson(json);
        const QByteArray html = tg::flatToHtml(r.doc);
        benchmark::DoNotOptimize(html.constData());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * json.size());
}
BENCHMARK(BM_FlatJsonToHtml_Document8M)->Unit(benchmark::kMillisecond);

/// The flat JSON writer alone, counted in bytes of JSON written.
void BM_FlatToJson_Document8M_WriteOnly(benchmark::State &state)
{
    const tg::FlatHtmlResult r = tg::htmlToFlat(document());
    const qsizetype size = tg::flatJsonSize(r.doc);
    for (auto _ : state) {
        const QByteArray json = tg::flatToJson(r.doc);
        benchmark::DoNotOptimize(json.constData());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * size);
}
BENCHMARK(BM_FlatToJson_Document8M_WriteOnly)->Unit(benchmark::kMillisecond);

/// Kibibytes of a field of /proc/self/status (VmRSS, VmHWM), or -1.
long statusKiB(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').first().toLong();
    }
    return -1;
}

/// Converts the 8 MiB document once (UTF-8 in, nodes out) and reports the memory it took above
/// what the process held with the input loaded.
int peakMemory()
{
    const QByteArray &input = document();
    const long before = statusKiB("VmRSS");
    long peak;
    qsizetype nodes;
    {
        const tg::HtmlParseResult r = tg::htmlToNodes(QString::fromUtf8(input));
        nodes = r.nodes.size();
        peak = statusKiB("VmHWM");
    }
    const double inputKiB = double(input.size()) / 1024.0;
    std::printf("input: %.0f KiB (%lld top-level nodes)\n", inputKiB,
                static_cast<long long>(nodes));
    std::printf("resident before: %ld KiB, peak: %ld KiB\n", before, peak);
    std::printf("conversion used %.0f KiB = %.2fx the input\n", double(peak - before),
                double(peak - before) / inputKiB);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    for (int k = 1; k < argc; ++k) {
        if (std::strcmp(argv[k], "--peak-memory") == 0)
            return peakMemory();
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
