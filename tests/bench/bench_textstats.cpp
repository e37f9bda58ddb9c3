// SPDX-License-Identifier: MIT
// bench_textstats: the status bar's writing figures (tg::TextStats::of) on a 64 KiB Markdown
// article, the same size of HTML, and 64 KiB to 4 MiB of Markdown (time per byte must stay flat
// as the size doubles), in bytes/s of UTF-16 input.
#include "content/textstats.h"

#include <QString>

#include <benchmark/benchmark.h>

namespace {

/// About 700 characters of typical Markdown, mixed Latin, Cyrillic and Chinese text.
QString section(int i)
{
    const QString n = QString::number(i);
    return QStringLiteral("## Section ") + n +
           QStringLiteral("\n\nThe *opening* paragraph, with **strong words**, a "
                          "[link](https://example.org/page/") +
           n +
           QStringLiteral(" \"Title\") and `inline code`. Путешествие продолжается: дорога и "
                          "~~старый~~ новый маршрут. 你好世界，这是一个测试。\n\n- first item\n"
                          "- second item with <b>html</b> &amp; an entity\n\n> A quotation.\n\n"
                          "```\ncode block\n```\n\n![A photo](/file/photo.jpg)\n\n");
}

QString markdown(qsizetype chars)
{
    QString md;
    for (int i = 0; md.size() < chars; ++i)
        md += section(i);
    return md;
}

QString html(qsizetype chars)
{
    QString out;
    for (int i = 0; out.size() < chars; ++i)
        out += QStringLiteral("<h3>Section ") + QString::number(i) +
               QStringLiteral("</h3><p>The <i>opening</i> paragraph, with <b>strong words</b>, "
                              "a <a href=\"https://example.org/\">link</a> &amp; more. "
                              "Путешествие продолжается. 你好世界。</p><ul><li>one</li>"
                              "<li>two</li></ul><figure><img src=\"/file/a.jpg\"><figcaption>"
                              "A caption</figcaption></figure>");
    return out;
}

void run(benchmark::State &state, const QString &text, tg::TextMarkup markup)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(tg::TextStats::of(text, markup, -1));
    state.SetBytesProcessed(state.iterations() * text.size() * qsizetype(sizeof(QChar)));
}

void BM_Markdown64KiB(benchmark::State &state)
{
    run(state, markdown(32 * 1024), tg::TextMarkup::Markdown); // 32 Ki UTF-16 units: 64 KiB
}
BENCHMARK(BM_Markdown64KiB);

void BM_Html64KiB(benchmark::State &state)
{
    run(state, html(32 * 1024), tg::TextMarkup::Html);
}
BENCHMARK(BM_Html64KiB);

void BM_Markdown_Scaling(benchmark::State &state)
{
    run(state, markdown(state.range(0) / 2), tg::TextMarkup::Markdown);
}
BENCHMARK(BM_Markdown_Scaling)->RangeMultiplier(4)->Range(64 * 1024, 4 * 1024 * 1024);

} // namespace

BENCHMARK_MAIN();
