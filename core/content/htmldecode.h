// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tg {

/// The text of an HTML document read from bytes, and how it was read.
struct HtmlDecodeResult
{
    /// Where the encoding came from, in the order a browser looks.
    enum class Source
    {
        Bom,         ///< a UTF-8, UTF-16 or UTF-32 byte order mark
        ContentType, ///< the charset of the Content-Type hint (an HTTP header)
        Meta,        ///< <meta charset> or <meta http-equiv content="…charset=…">
        Utf8,        ///< no label, and the bytes are valid UTF-8
        Fallback     ///< no usable label and not UTF-8: windows-1252, as browsers do
    };
    QString text;         ///< the document (without the byte order mark)
    QString encodingName; ///< the decoder used ("UTF-8", "KOI8-R", "windows-1252"…)
    Source source = Source::Utf8;
    bool lossy = false;   ///< some bytes were not valid in that encoding and were replaced
    QStringList warnings; ///< sentences naming what was not as expected (unknown labels, …)
};

/// Decodes an HTML document the way a browser picks its encoding: a byte order mark first, then
/// the charset of `contentTypeHint` ("text/html; charset=koi8-r", empty for files), then a
/// <meta> charset within the first 1024 bytes (Qt's QStringDecoder::decoderForHtml), then
/// UTF-8 when the bytes are valid UTF-8, else windows-1252. Labels follow the HTML standard's
/// overrides (a UTF-16 label without a BOM means UTF-8; ISO-8859-1 and US-ASCII mean
/// windows-1252). An unknown label falls through to the next step with a warning naming it.
/// Never fails; the work is linear in the input.
HtmlDecodeResult decodeHtml(const QByteArray &data, const QString &contentTypeHint = {});

/// The charset label in a Content-Type value ("text/html; charset=\"utf-8\"" → "utf-8"), or the
/// label after the first "charset" within the first `limit` bytes of a document; empty if none.
/// At most 64 characters are read.
QByteArray charsetLabel(const QByteArray &text, qsizetype limit);

} // namespace tg
