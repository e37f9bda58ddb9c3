// SPDX-License-Identifier: MIT
// Fuzzes the spell-check tokenizer with arbitrary bytes read as UTF-8, as Markdown and as HTML:
// every token lies in the text, in order, without overlap, no longer than MaxSpellWordLength,
// starts with a letter and holds no whitespace; the line state stays in its documented range,
// and the first byte doubles as a hostile incoming state.
#include "content/spelltokens.h"
#include "fuzzcheck.h"

#include <QString>

#include <cstddef>
#include <cstdint>

namespace {

void check(const QString &text, tg::SpellSyntax syntax)
{
    const QList<tg::SpellToken> tokens = tg::spellTokens(text, syntax);
    int end = 0;
    for (const tg::SpellToken &t : tokens) {
        TG_FUZZ_CHECK(t.start >= end, "tokens are in order and do not overlap");
        TG_FUZZ_CHECK(t.length > 0 && t.length <= tg::MaxSpellWordLength, "tokens are bounded");
        TG_FUZZ_CHECK(t.start + t.length <= text.size(), "tokens lie in the text");
        const QStringView word = QStringView(text).mid(t.start, t.length);
        TG_FUZZ_CHECK(word.toUcs4().value(0) != 0 && QChar::isLetter(word.toUcs4().first()),
                      "a token starts with a letter");
        for (const QChar c : word)
            TG_FUZZ_CHECK(!c.isSpace(), "a token holds no whitespace");
        end = t.start + t.length;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    check(text, tg::SpellSyntax::Markdown);
    check(text, tg::SpellSyntax::Html);

    // Line by line from a state made of the input's first bytes (a highlighter's stored state).
    int state = 0;
    for (size_t i = 0; i < size && i < 4; ++i)
        state = (state << 8) | data[i];
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        const QList<tg::SpellToken> tokens = tg::spellTokensInLine(
            line, (state & 1) ? tg::SpellSyntax::Html : tg::SpellSyntax::Markdown, state);
        TG_FUZZ_CHECK(state >= 0 && state < (1 << 20), "the state stays in range");
        for (const tg::SpellToken &t : tokens)
            TG_FUZZ_CHECK(t.start >= 0 && t.start + t.length <= line.size(),
                          "line tokens lie in the line");
    }
    return 0;
}
