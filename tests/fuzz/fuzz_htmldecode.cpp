// SPDX-License-Identifier: MIT
// Fuzzes the HTML decoder (decodeHtml) with arbitrary bytes, the first line taken as the
// Content-Type hint: it never fails, its text is never longer than one character per byte (plus
// replacements), and when it read UTF-8 the bytes really were UTF-8.
#include "content/htmldecode.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray all(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype newline = all.indexOf('\n');
    const QString hint =
        newline > 0 && newline < 200 ? QString::fromLatin1(all.left(newline)) : QString();
    const QByteArray body = newline > 0 && newline < 200 ? all.mid(newline + 1) : all;
    const tg::HtmlDecodeResult r = tg::decodeHtml(body, hint);
    if (r.encodingName.isEmpty())
        std::abort();
    if (r.text.size() > 2 * body.size() + 2)
        std::abort();
    if (r.source == tg::HtmlDecodeResult::Source::Utf8 && r.text.toUtf8() != body)
        std::abort();
    return 0;
}
