// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace tg {

/// Turns what a writer types into a safe SQLite FTS5 MATCH expression and reads the marked text
/// that FTS5's snippet() and highlight() return. The expression is built from words only, each
/// quoted, so quotes, operators (AND, OR, NOT, NEAR), column filters, `*`, `^` and parentheses
/// in the input are searched as text, never parsed as query syntax.
class SearchQuery
{
public:
    /// Longest input read, in characters; the rest is ignored.
    static constexpr int MaxInput = 512;
    /// Most words used; later ones are ignored.
    static constexpr int MaxWords = 16;
    /// Longest word kept, in characters (longer ones are cut).
    static constexpr int MaxWordLength = 64;
    /// The characters snippet() and highlight() are asked to put around each match.
    static constexpr char16_t MarkOpen = 0x02;
    static constexpr char16_t MarkClose = 0x03;

    /// The words of the input: runs of letters, digits and combining marks, at most MaxWords.
    static QStringList words(const QString &input);
    /// The MATCH expression: every word quoted, all required (AND), the last one as a prefix
    /// when the input ends with it or with a `*` (not with a space). Empty when the input has no
    /// word.
    static QString matchExpression(const QString &input);
    /// HTML for text marked with MarkOpen/MarkClose: everything escaped, each marked run in
    /// <b>…</b>; stray or nested marks never leave an open tag. Other control characters are
    /// dropped. At most maxChars characters of text are kept (then "…"): a word can be long.
    static QString markedToHtml(const QString &marked, int maxChars = 400);
    /// Where the first marked run lies in the unmarked text: its start and length; false when
    /// there is no complete mark.
    static bool firstMark(const QString &marked, int *start, int *length);
    /// True when this SQLite connection can create FTS5 tables.
    static bool fts5Available(const QSqlDatabase &db);
    /// The tokenizer every search table uses: Unicode words, case and diacritics folded.
    static QString tokenizer();
};

} // namespace tg
