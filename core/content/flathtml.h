// SPDX-License-Identifier: MIT
#pragma once

#include "content/flatdoc.h"
#include "content/htmlparser.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace tg {

/// The document of a successful strict conversion, or why there is none.
struct FlatHtmlResult
{
    FlatDoc doc;
    std::optional<HtmlParseError> error; ///< a strict-rule error, as htmlToNodes reports it
    QString utf8Error;         ///< "input is not valid UTF-8 (byte offset N)"; empty when valid
    qsizetype utf8Offset = -1; ///< byte offset of the first invalid UTF-8 sequence
    bool ok() const { return !error && utf8Error.isEmpty(); }
};

/// Strict HTML to a flat document, directly on UTF-8: the same rules, errors (kinds, messages,
/// lines and code point columns) and nodes as tg::htmlToNodes. Texts without references or
/// whitespace changes are slices of utf8 (keep it alive as long as the document); invalid UTF-8
/// is refused with its byte offset, as is input of 2 GiB or more. Single pass, no recursion.
FlatHtmlResult htmlToFlat(QByteArrayView utf8);

} // namespace tg
