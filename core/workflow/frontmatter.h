// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

namespace tg {

/// The front matter of a Markdown or HTML file: a block between a first line `---` and a line
/// `---` (or `...`) with `key: value` lines. Only title, author and author_url are read; other
/// keys are ignored. Bounded: the block must close within MaxLines lines and MaxBytes
/// characters, else the file has no front matter (a leading `---` is then a thematic break).
struct FrontMatter
{
    static constexpr int MaxLines = 200;
    static constexpr int MaxChars = 16 * 1024;
    static constexpr int MaxTitleLength = 256;  ///< Telegraph's title limit
    static constexpr int MaxAuthorLength = 128; ///< Telegraph's author_name limit
    static constexpr int MaxUrlLength = 512;    ///< Telegraph's author_url limit

    bool present = false;    ///< a closed front matter block was found
    QString title;           ///< trimmed, unquoted, at most MaxTitleLength characters
    QString author;          ///< at most MaxAuthorLength characters
    QString authorUrl;       ///< at most MaxUrlLength characters
    qsizetype bodyStart = 0; ///< where the text after the block starts (0 without one)

    /// Reads the front matter at the start of `text` (a UTF-8 BOM before it is allowed).
    static FrontMatter parse(QStringView text);
};

} // namespace tg
