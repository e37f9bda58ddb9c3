// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStringView>

namespace tg {

/// The language of the source being spell-checked.
enum class SpellSyntax
{
    Markdown,
    Html
};

/// One word worth spell-checking: its place in the line (or text) in UTF-16 code units.
struct SpellToken
{
    int start = 0;
    int length = 0;
    friend bool operator==(const SpellToken &a, const SpellToken &b)
    {
        return a.start == b.start && a.length == b.length;
    }
};

/// Words longer than this (in UTF-16 code units) are never checked.
inline constexpr int MaxSpellWordLength = 100;

/// The words of one line of Markdown or HTML source that are prose and should be spell-checked.
/// Left out: Markdown syntax (marks, link targets `](url)`, reference labels and definitions,
/// escapes), inline code, fenced and indented code blocks, HTML tags with their attributes,
/// comments, entities and the content of code elements (pre, code, kbd, samp, script, style),
/// URLs, e-mail addresses and paths, and words with digits, underscores or inner dots (names,
/// identifiers, domains). Apostrophes (don't, l'homme, ’, ʼ) and hyphens between letters stay
/// inside a word. Words over MaxSpellWordLength are dropped.
///
/// `state` carries what spans lines (fences, comments, open tags, code elements) from one line to
/// the next: 0 at the start of a document, then the value this function left. It is a small
/// non-negative number (below 2^20), so it can live in a QSyntaxHighlighter's block state; an
/// out-of-range value is treated as 0. Linear in the line's length.
QList<SpellToken> spellTokensInLine(QStringView line, SpellSyntax syntax, int &state);

/// spellTokensInLine() over every line of text (split at '\n'); positions are in text.
QList<SpellToken> spellTokens(QStringView text, SpellSyntax syntax);

} // namespace tg
