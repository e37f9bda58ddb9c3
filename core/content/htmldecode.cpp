// SPDX-License-Identifier: MIT
#include "content/htmldecode.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <algorithm>

namespace tg {

namespace {

constexpr qsizetype PrescanBytes = 1024; // what browsers and decoderForHtml look at
constexpr qsizetype MaxLabel = 64;

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/// Case-insensitive search for an ASCII lower-case `what` in text[from, end).
qsizetype find(const QByteArray &text, const char *what, qsizetype from, qsizetype end)
{
    const qsizetype n = qsizetype(qstrlen(what));
    for (qsizetype i = from; i + n <= end; ++i) {
        qsizetype k = 0;
        while (k < n && lower(text.at(i + k)) == what[k])
            ++k;
        if (k == n)
            return i;
    }
    return -1;
}

/// The label after "charset" at `at` (skipping spaces, '=' and one quote), bounded by `end`.
QByteArray labelAt(const QByteArray &text, qsizetype at, qsizetype end)
{
    qsizetype i = at + 7; // "charset"
    while (i < end && isSpace(text.at(i)))
        ++i;
    if (i >= end || text.at(i) != '=')
        return {};
    ++i;
    while (i < end && isSpace(text.at(i)))
        ++i;
    if (i < end && (text.at(i) == '"' || text.at(i) == '\''))
        ++i;
    QByteArray label;
    while (i < end && label.size() < MaxLabel) {
        const char c = text.at(i);
        if (isSpace(c) || c == '"' || c == '\'' || c == ';' || c == '>' || c == '/')
            break;
        label += c;
        ++i;
    }
    return label;
}

/// A decoder for `label`, with the HTML standard's overrides of what the label means; invalid
/// when the label is unknown. `bomless` applies the rule that a UTF-16/32 label found in the
/// bytes themselves means UTF-8 (the label could only be read because the bytes are ASCII).
QStringDecoder decoderFor(const QByteArray &label, bool bomless)
{
    const auto flags = QStringConverter::Flag::Stateless;
    // Encoding labels are ASCII letters, digits and . _ : - ; anything else is no label at all
    // (ICU would otherwise match it loosely, and some of its converters have no name).
    const bool plain = std::all_of(label.cbegin(), label.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '_' || c == ':' || c == '-';
    });
    if (label.isEmpty() || !plain)
        return QStringDecoder();
    QStringDecoder d(label.constData(), flags);
    if (!d.isValid() || !d.name() || !*d.name())
        return QStringDecoder();
    const QByteArray name = QByteArray(d.name()).toUpper();
    if (bomless && (name.startsWith("UTF-16") || name.startsWith("UTF-32")))
        return QStringDecoder(QStringConverter::Utf8, flags);
    if (name == "ISO-8859-1" || name == "US-ASCII" || name == "LATIN1") {
        QStringDecoder w("windows-1252", flags);
        if (w.isValid())
            return w;
    }
    return d;
}

QStringDecoder windows1252()
{
    QStringDecoder w("windows-1252", QStringConverter::Flag::Stateless);
    if (w.isValid())
        return w;
    return QStringDecoder(QStringConverter::Latin1, QStringConverter::Flag::Stateless);
}

/// Decodes `bytes` with `d` into `r`.
void run(QStringDecoder &d, QByteArrayView bytes, HtmlDecodeResult &r)
{
    r.text = d.decode(bytes);
    r.encodingName = QString::fromLatin1(d.name());
    r.lossy = d.hasError();
    if (r.lossy)
        r.warnings << QCoreApplication::translate(
                          "tg::HtmlDecode", "Some bytes are not valid %1 and were replaced with �.")
                          .arg(r.encodingName);
}

} // namespace

QByteArray charsetLabel(const QByteArray &text, qsizetype limit)
{
    const qsizetype end = qMin(text.size(), limit);
    const bool isContentType = find(text, "<meta", 0, end) < 0;
    if (isContentType) {
        const qsizetype at = find(text, "charset", 0, end);
        return at < 0 ? QByteArray() : labelAt(text, at, end);
    }
    // Each <meta …> tag in turn: the first with a charset wins.
    qsizetype from = 0;
    while (from < end) {
        const qsizetype meta = find(text, "<meta", from, end);
        if (meta < 0)
            break;
        qsizetype close = text.indexOf('>', meta);
        if (close < 0 || close > end)
            close = end;
        for (qsizetype at = find(text, "charset", meta, close); at >= 0;
             at = find(text, "charset", at + 7, close)) {
            const QByteArray label = labelAt(text, at, close);
            if (!label.isEmpty())
                return label;
        }
        from = close + 1;
    }
    return {};
}

HtmlDecodeResult decodeHtml(const QByteArray &data, const QString &contentTypeHint)
{
    HtmlDecodeResult r;
    const auto flags = QStringConverter::Flag::Stateless;

    // 1. A byte order mark (UTF-32LE's starts like UTF-16LE's, so it is tested first).
    struct Bom
    {
        const char *bytes;
        qsizetype size;
        QStringConverter::Encoding encoding;
    };
    static const Bom boms[] = {
        {"\xEF\xBB\xBF", 3, QStringConverter::Utf8},
        {"\xFF\xFE\0\0", 4, QStringConverter::Utf32LE},
        {"\0\0\xFE\xFF", 4, QStringConverter::Utf32BE},
        {"\xFE\xFF", 2, QStringConverter::Utf16BE},
        {"\xFF\xFE", 2, QStringConverter::Utf16LE},
    };
    for (const Bom &bom : boms) {
        if (data.startsWith(QByteArrayView(bom.bytes, bom.size))) {
            QStringDecoder d(bom.encoding, flags);
            r.source = HtmlDecodeResult::Source::Bom;
            const QByteArrayView rest = QByteArrayView(data).sliced(bom.size);
            run(d, rest, r);
            // A cut-off last UTF-16/32 unit is dropped silently by the decoder: mark it.
            const qsizetype unit = bom.encoding == QStringConverter::Utf8 ? 1 : bom.size;
            if (rest.size() % unit != 0 && !r.lossy) {
                r.text += QChar(QChar::ReplacementCharacter);
                r.lossy = true;
                r.warnings << QCoreApplication::translate(
                                  "tg::HtmlDecode",
                                  "Some bytes are not valid %1 and were replaced with �.")
                                  .arg(r.encodingName);
            }
            return r;
        }
    }

    // 2. The transport's word (a Content-Type header).
    if (!contentTypeHint.isEmpty()) {
        const QByteArray label = charsetLabel(contentTypeHint.toLatin1(), MaxLabel * 4);
        if (!label.isEmpty()) {
            QStringDecoder d = decoderFor(label, false);
            if (d.isValid()) {
                r.source = HtmlDecodeResult::Source::ContentType;
                run(d, data, r);
                return r;
            }
            r.warnings << QCoreApplication::translate(
                              "tg::HtmlDecode",
                              "The content type names the unknown encoding “%1”; it was ignored.")
                              .arg(QString::fromLatin1(label));
        }
    }

    // 3. A <meta> charset near the start: Qt's prescan decides, our scan names the label.
    const QByteArray label = charsetLabel(data, PrescanBytes);
    if (!label.isEmpty()) {
        QStringDecoder qt = QStringDecoder::decoderForHtml(
            QByteArrayView(data).first(qMin<qsizetype>(data.size(), PrescanBytes)));
        QStringDecoder ours = decoderFor(label, true);
        // Qt's prescan wins unless it saw nothing (UTF-8) where ours found another label.
        const bool qtSawIt = qt.isValid() && (qstrcmp(qt.name(), "UTF-8") != 0 || !ours.isValid() ||
                                              qstrcmp(ours.name(), "UTF-8") == 0);
        QStringDecoder d = qtSawIt ? decoderFor(QByteArray(qt.name()), true) : std::move(ours);
        if (d.isValid()) {
            r.source = HtmlDecodeResult::Source::Meta;
            run(d, data, r);
            return r;
        }
        r.warnings << QCoreApplication::translate(
                          "tg::HtmlDecode",
                          "The document declares the unknown encoding “%1”; it was read as "
                          "UTF-8 if valid, else as windows-1252.")
                          .arg(QString::fromLatin1(label));
    }

    // 4. Valid UTF-8, else 5. windows-1252.
    QStringDecoder utf8(QStringConverter::Utf8, flags);
    const QString text = utf8.decode(data);
    if (!utf8.hasError()) {
        r.text = text;
        r.encodingName = QStringLiteral("UTF-8");
        r.source = HtmlDecodeResult::Source::Utf8;
        return r;
    }
    QStringDecoder fallback = windows1252();
    r.source = HtmlDecodeResult::Source::Fallback;
    run(fallback, data, r);
    if (label.isEmpty())
        r.warnings << QCoreApplication::translate(
                          "tg::HtmlDecode",
                          "The document names no encoding and is not valid UTF-8; it was read "
                          "as %1.")
                          .arg(r.encodingName);
    return r;
}

} // namespace tg
