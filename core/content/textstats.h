// SPDX-License-Identifier: MIT
#pragma once

#include <QStringView>
#include <QtGlobal>

namespace tg {

/// The language a text to count is written in; its markup is not counted.
enum class TextMarkup
{
    Plain,
    Markdown,
    Html
};

/// Word and character counts and a reading time of what a reader sees of a Markdown or HTML
/// source (or plain text).
///
/// What is counted:
/// - Markup is skipped: Markdown's block markers (`#`, `>`, list markers, fences, rules), its
///   emphasis marks, brackets and link and image targets; HTML tags, comments and attribute
///   values. Character references (`&amp;`) count as the character they stand for. Code keeps
///   its text.
/// - A word is a run of non-space characters holding a letter, a digit or a pictograph (an
///   emoji counts; a lone dash or plus sign does not), as word processors count. Each Chinese or
///   Japanese character (Han, Hiragana, Katakana) is a word of its own, as Word and Pages count
///   them; Korean, Thai and right-to-left scripts are counted by their spaces.
/// - Characters are grapheme-ish: a code point counts once (a surrogate pair is one character),
///   combining marks, variation selectors, emoji modifiers, the parts of a ZWJ emoji sequence and
///   the second half of a flag are part of the character before them, and invisible format
///   characters (bidi marks, ZWNJ, soft hyphen) count nothing. A run of spaces between words
///   counts as one character; line breaks and the spaces around them count nothing.
struct TextStats
{
    qsizetype words = 0;
    qsizetype characters = 0;
    qsizetype ideographs = 0; ///< the words that are Chinese or Japanese characters
    bool truncated = false;   ///< the text was longer than the limit: only its start was counted

    /// Reading speeds behind readingSeconds().
    static constexpr int WordsPerMinute = 230;
    static constexpr int IdeographsPerMinute = 500;
    /// The most UTF-16 code units of() looks at by default (4 MiB of text).
    static constexpr qsizetype DefaultLimit = 2 * 1024 * 1024;

    /// Estimated reading time in whole seconds (rounded down): words at WordsPerMinute, Chinese
    /// and Japanese characters at IdeographsPerMinute. Under 60 reads as "less than a minute".
    qint64 readingSeconds() const;
    /// The reading time rounded up to whole minutes (0 only when there is nothing to read).
    qint64 readingMinutes() const;

    /// Counts `text`. O(n) in the text's length, without allocating per character; only the first
    /// `limit` code units are looked at (then `truncated` is set).
    static TextStats of(QStringView text, TextMarkup markup, qsizetype limit = DefaultLimit);
};

} // namespace tg
