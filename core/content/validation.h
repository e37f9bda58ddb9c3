// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tg {

/// Telegraph's limits, in code points (texts) and serialized bytes (content).
constexpr qsizetype MaxTitleLength = 256;
constexpr qsizetype MaxAuthorNameLength = 128;
constexpr qsizetype MaxAuthorUrlLength = 512;
constexpr qsizetype MaxContentBytes = 64 * 1024; // serialized, tg::jsonSize

/// One reason why Telegraph would refuse a page, found before sending it.
struct ValidationIssue
{
    enum class Code
    {
        TitleRequired,
        TitleTooLong,
        AuthorNameTooLong,
        AuthorUrlTooLong,
        ContentRequired,
        ContentTooBig,
        ContentTextRequired,
        TagNotAllowed,
        AttributeInvalid,
        TooDeep
    };
    Code code;
    QString field;   ///< the API parameter: "title", "author_name", "author_url" or "content"
    QString message; ///< specific and user-facing, e.g. "Title is 300 characters; …"
    /// The values the message names, for a translated text built from the code: the length and
    /// the limit (…TooLong, ContentTooBig), the tag (TagNotAllowed), the attribute name and the
    /// tag (AttributeInvalid), the limit (TooDeep); empty otherwise.
    QStringList args = {};

    /// The server's error code for this issue (TITLE_TOO_LONG, CONTENT_TOO_BIG, …; TooDeep is
    /// CONTENT_FORMAT_INVALID, as the server cannot read such content).
    QString apiCode() const;
};

/// Checks a page's fields the way the server does for createPage/editPage: title 1–256 code
/// points (whitespace-only counts as missing), author name ≤ 128, author URL ≤ 512, content
/// non-empty, at most tg::MaxContentBytes when serialized, nesting at most tg::MaxNodeDepth,
/// only Telegraph's tags (each offending tag named once), only attribute names that are
/// tg::isValidAttributeName() (each offending name once), and some non-whitespace text. Returns
/// every issue in field order (title, author_name, author_url, content); empty when valid.
QList<ValidationIssue> validatePage(const QString &title, const QString &authorName,
                                    const QString &authorUrl, const NodeList &content);

} // namespace tg
