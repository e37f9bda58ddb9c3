// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace tg {

/// Why strict HTML could not be turned into Telegraph nodes, and where.
struct HtmlParseError
{
    enum class Kind
    {
        NotAllowedTag, ///< a start tag outside the 24 tags Telegraph accepts
        InvalidHTML,   ///< misnested, unclosed or unopened elements, or nesting too deep
    };
    Kind kind = Kind::InvalidHTML;
    QString
        message; ///< names the tag and the place, e.g. "'h1' tag is not allowed (line 3, column 5)"
    QString tag; ///< the tag the error is about (lower case); empty when there is none
    int line = 0;   ///< 1-based line of the offending markup
    int column = 0; ///< 1-based column, in Unicode code points
    /// "NotAllowedTag" or "InvalidHTML", the names the reference client uses.
    QString kindName() const;
};

/// The nodes of a successful conversion, or the first error met.
struct HtmlParseResult
{
    NodeList nodes;
    std::optional<HtmlParseError> error;
    bool ok() const { return !error.has_value(); }
};

/// Strict HTML to Telegraph nodes, behaving exactly like the reference Python client
/// (`telegraph` 2.2.0 `html_to_nodes` over Python's html.parser): the same tokenizing, character
/// references, whitespace rules and errors. Additionally refuses nesting deeper than
/// MaxNodeDepth (InvalidHTML) and turns lone surrogates into U+FFFD. Single pass, no recursion.
HtmlParseResult htmlToNodes(QStringView html);

/// A tag as Python's repr() writes it, the way the reference's error messages quote tags
/// ('y\\xa0' for a tag holding a no-break space).
QString quotedTagName(QStringView tag);

} // namespace tg
