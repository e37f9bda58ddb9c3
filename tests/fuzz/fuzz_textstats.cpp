// SPDX-License-Identifier: MIT
// Fuzzes the writing statistics (tg::TextStats::of) with arbitrary bytes read as UTF-8; the first
// byte picks the markup (P plain, M Markdown, anything else HTML). The counts stay within what the
// text can hold: no more characters than UTF-16 code units, no more words than characters, the
// Chinese and Japanese words among the words, and a limit cuts the count short but never grows it.
#include "content/textstats.h"
#include "fuzzcheck.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const tg::TextMarkup markup = data[0] == 'P'   ? tg::TextMarkup::Plain
                                  : data[0] == 'M' ? tg::TextMarkup::Markdown
                                                   : tg::TextMarkup::Html;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1),
                                           static_cast<qsizetype>(size - 1));
    const tg::TextStats stats = tg::TextStats::of(text, markup);
    TG_FUZZ_CHECK(!stats.truncated, "short input is counted whole");
    TG_FUZZ_CHECK(stats.characters >= 0 && stats.characters <= text.size(),
                  "characters are bounded by the text");
    TG_FUZZ_CHECK(stats.words <= stats.characters, "every word has a character");
    TG_FUZZ_CHECK(stats.ideographs <= stats.words, "ideographs are words");
    TG_FUZZ_CHECK(stats.readingMinutes() >= 0 &&
                      (stats.words == 0) == (stats.readingMinutes() == 0),
                  "a reading time exactly when there are words");

    const qsizetype limit = text.size() / 2;
    const tg::TextStats part = tg::TextStats::of(text, markup, limit);
    TG_FUZZ_CHECK(part.truncated == (text.size() > limit), "a cut says so");
    TG_FUZZ_CHECK(part.characters <= qMin(text.size(), limit + 1), "a cut bounds the characters");
    return 0;
}
