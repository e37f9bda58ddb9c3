// SPDX-License-Identifier: MIT
#include "content/htmlentities.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace tg::html {

namespace {

struct NamedReference
{
    const char *name;
    char32_t first;
    char32_t second; // 0 when the reference expands to one code point
};

constexpr NamedReference kNamedReferences[] = {
#include "htmlentities_table.inc"
};

/// Longest name in the table, in characters (all names are ASCII).
constexpr qsizetype kMaxNameLength = 32;

void appendCodePoint(QString &out, char32_t cp)
{
    if (cp < 0x10000) {
        out.append(QChar(char16_t(cp)));
    } else {
        out.append(QChar(QChar::highSurrogate(cp)));
        out.append(QChar(QChar::lowSurrogate(cp)));
    }
}

/// Three-way comparison of an ASCII table name with a UTF-16 name.
int compareName(const char *tableName, QStringView name)
{
    qsizetype i = 0;
    for (; tableName[i] != 0 && i < name.size(); ++i) {
        const char16_t a = char16_t(uchar(tableName[i]));
        const char16_t b = name[i].unicode();
        if (a != b)
            return a < b ? -1 : 1;
    }
    if (tableName[i] == 0)
        return i == name.size() ? 0 : -1;
    return 1;
}

const NamedReference *findNamedReference(QStringView name)
{
    if (name.isEmpty() || name.size() > kMaxNameLength)
        return nullptr;
    const auto *begin = std::begin(kNamedReferences);
    const auto *end = std::end(kNamedReferences);
    const auto *it = std::lower_bound(begin, end, name, [](const NamedReference &r, QStringView n) {
        return compareName(r.name, n) < 0;
    });
    if (it != end && compareName(it->name, name) == 0)
        return it;
    return nullptr;
}

/// Replacements for numeric references to C1 controls and a few others (HTML5 tokenizer table).
char32_t invalidCharrefReplacement(char32_t cp, bool &found)
{
    static constexpr char32_t c1[32] = {
        0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178,
    };
    found = true;
    if (cp == 0)
        return 0xFFFD;
    if (cp == 0x0D)
        return 0x0D;
    if (cp >= 0x80 && cp <= 0x9F)
        return c1[cp - 0x80];
    found = false;
    return 0;
}

/// Code points that a numeric reference drops entirely.
bool isDroppedCodePoint(char32_t cp)
{
    if ((cp >= 0x1 && cp <= 0x8) || cp == 0xB || (cp >= 0xE && cp <= 0x1F))
        return true;
    if (cp >= 0x7F && cp <= 0x9F)
        return true;
    if (cp >= 0xFDD0 && cp <= 0xFDEF)
        return true;
    return (cp & 0xFFFE) == 0xFFFE; // U+xFFFE and U+xFFFF in every plane
}

bool isAsciiDigit(char16_t c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiHexDigit(char16_t c)
{
    return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char16_t c)
{
    if (c <= '9')
        return c - '0';
    if (c >= 'a')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

/// Characters that end a named reference candidate.
bool endsName(char16_t c)
{
    return c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '<' || c == '&' || c == '#' ||
           c == ';';
}

void appendNumeric(QString &out, char32_t cp)
{
    bool replaced = false;
    const char32_t r = invalidCharrefReplacement(cp, replaced);
    if (replaced) {
        appendCodePoint(out, r);
        return;
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        out.append(QChar(0xFFFD));
        return;
    }
    if (isDroppedCodePoint(cp))
        return;
    appendCodePoint(out, cp);
}

/// Decodes one reference starting at in[i] == '&'. Returns the index after what was consumed,
/// or i when nothing there is a reference (the caller then copies the '&' literally).
qsizetype decodeAt(QStringView in, qsizetype i, QString &out)
{
    const qsizetype n = in.size();
    qsizetype p = i + 1;
    if (p < n && in[p] == u'#') {
        ++p;
        const bool hex = p < n && (in[p] == u'x' || in[p] == u'X');
        if (hex)
            ++p;
        const qsizetype digitsStart = p;
        char32_t value = 0;
        constexpr char32_t kSaturated = 0x110000; // anything above 0x10FFFF behaves the same
        while (p < n && (hex ? isAsciiHexDigit(in[p].unicode()) : isAsciiDigit(in[p].unicode()))) {
            const char32_t d = hex ? hexValue(in[p].unicode()) : char32_t(in[p].unicode() - '0');
            value = std::min<char32_t>(value * (hex ? 16 : 10) + d, kSaturated);
            ++p;
        }
        if (p == digitsStart)
            return i; // "&#" or "&#x" without digits: no reference
        if (p < n && in[p] == u';')
            ++p;
        appendNumeric(out, value);
        return p;
    }
    // Named: up to 32 characters (code points) that cannot end a name, then an optional ';'.
    qsizetype count = 0;
    qsizetype firstNonAscii = -1;
    while (p < n && count < kMaxNameLength && !endsName(in[p].unicode())) {
        const char16_t c = in[p].unicode();
        if (c >= 0x80 && firstNonAscii < 0)
            firstNonAscii = p;
        if (QChar::isHighSurrogate(c) && p + 1 < n && QChar::isLowSurrogate(in[p + 1].unicode()))
            ++p;
        ++p;
        ++count;
    }
    if (count == 0)
        return i;
    if (p < n && in[p] == u';') {
        ++p;
        ++count;
    }
    const QStringView name = in.sliced(i + 1, p - i - 1);
    if (const NamedReference *r = findNamedReference(name)) {
        appendCodePoint(out, r->first);
        if (r->second)
            appendCodePoint(out, r->second);
        return p;
    }
    // The longest prefix of at least two characters that is a (legacy) name, shorter than the
    // whole; prefixes reaching a non-ASCII character cannot be names.
    qsizetype longest = count - 1;
    if (firstNonAscii >= 0)
        longest = std::min(longest, firstNonAscii - (i + 1));
    for (qsizetype x = longest; x >= 2; --x) {
        if (const NamedReference *r = findNamedReference(name.first(x))) {
            appendCodePoint(out, r->first);
            if (r->second)
                appendCodePoint(out, r->second);
            out.append(name.sliced(x));
            return p;
        }
    }
    out.append(in.sliced(i, p - i));
    return p;
}

// UTF-8 forms of the above, for the flat parser.

void appendCodePointUtf8(QByteArray &out, char32_t cp)
{
    char b[4];
    int n;
    if (cp < 0x80) {
        b[0] = char(cp);
        n = 1;
    } else if (cp < 0x800) {
        b[0] = char(0xC0 | (cp >> 6));
        b[1] = char(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = char(0xE0 | (cp >> 12));
        b[1] = char(0x80 | ((cp >> 6) & 0x3F));
        b[2] = char(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = char(0xF0 | (cp >> 18));
        b[1] = char(0x80 | ((cp >> 12) & 0x3F));
        b[2] = char(0x80 | ((cp >> 6) & 0x3F));
        b[3] = char(0x80 | (cp & 0x3F));
        n = 4;
    }
    out.append(b, n);
}

int compareNameUtf8(const char *tableName, QByteArrayView name)
{
    qsizetype i = 0;
    for (; tableName[i] != 0 && i < name.size(); ++i) {
        const auto a = uchar(tableName[i]);
        const auto b = uchar(name[i]);
        if (a != b)
            return a < b ? -1 : 1;
    }
    if (tableName[i] == 0)
        return i == name.size() ? 0 : -1;
    return 1;
}

const NamedReference *findNamedReferenceUtf8(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > kMaxNameLength)
        return nullptr;
    const auto *begin = std::begin(kNamedReferences);
    const auto *end = std::end(kNamedReferences);
    const auto *it =
        std::lower_bound(begin, end, name, [](const NamedReference &r, QByteArrayView n) {
            return compareNameUtf8(r.name, n) < 0;
        });
    if (it != end && compareNameUtf8(it->name, name) == 0)
        return it;
    return nullptr;
}

void appendNumericUtf8(QByteArray &out, char32_t cp)
{
    bool replaced = false;
    const char32_t r = invalidCharrefReplacement(cp, replaced);
    if (replaced) {
        appendCodePointUtf8(out, r);
        return;
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        appendCodePointUtf8(out, 0xFFFD);
        return;
    }
    if (isDroppedCodePoint(cp))
        return;
    appendCodePointUtf8(out, cp);
}

void appendReferenceUtf8(QByteArray &out, const NamedReference *r)
{
    appendCodePointUtf8(out, r->first);
    if (r->second)
        appendCodePointUtf8(out, r->second);
}

/// decodeAt() on UTF-8; names are counted in code points as there.
qsizetype decodeAtUtf8(QByteArrayView in, qsizetype i, QByteArray &out)
{
    const qsizetype n = in.size();
    qsizetype p = i + 1;
    if (p < n && in[p] == '#') {
        ++p;
        const bool hex = p < n && (in[p] == 'x' || in[p] == 'X');
        if (hex)
            ++p;
        const qsizetype digitsStart = p;
        char32_t value = 0;
        constexpr char32_t kSaturated = 0x110000;
        while (p < n && (hex ? isAsciiHexDigit(uchar(in[p])) : isAsciiDigit(uchar(in[p])))) {
            const char32_t d = hex ? hexValue(uchar(in[p])) : char32_t(in[p] - '0');
            value = std::min<char32_t>(value * (hex ? 16 : 10) + d, kSaturated);
            ++p;
        }
        if (p == digitsStart)
            return i;
        if (p < n && in[p] == ';')
            ++p;
        appendNumericUtf8(out, value);
        return p;
    }
    qsizetype count = 0;
    qsizetype firstNonAscii = -1;
    while (p < n && count < kMaxNameLength && !endsName(uchar(in[p]))) {
        if (uchar(in[p]) >= 0x80) {
            if (firstNonAscii < 0)
                firstNonAscii = p;
            ++p;
            while (p < n && (uchar(in[p]) & 0xC0) == 0x80)
                ++p;
        } else {
            ++p;
        }
        ++count;
    }
    if (count == 0)
        return i;
    if (p < n && in[p] == ';') {
        ++p;
        ++count;
    }
    const QByteArrayView name = in.sliced(i + 1, p - i - 1);
    if (const NamedReference *r = findNamedReferenceUtf8(name)) {
        appendReferenceUtf8(out, r);
        return p;
    }
    qsizetype longest = count - 1;
    if (firstNonAscii >= 0)
        longest = std::min(longest, firstNonAscii - (i + 1));
    for (qsizetype x = longest; x >= 2; --x) {
        if (const NamedReference *r = findNamedReferenceUtf8(name.first(x))) {
            appendReferenceUtf8(out, r);
            out.append(name.sliced(x).data(), name.size() - x);
            return p;
        }
    }
    out.append(in.data() + i, p - i);
    return p;
}

} // namespace

bool appendNamedReference(QStringView name, QString &out)
{
    const NamedReference *r = findNamedReference(name);
    if (!r)
        return false;
    appendCodePoint(out, r->first);
    if (r->second)
        appendCodePoint(out, r->second);
    return true;
}

void appendUnescaped(QStringView in, QString &out)
{
    const qsizetype n = in.size();
    qsizetype start = 0;
    qsizetype i = 0;
    while (i < n) {
        const qsizetype amp = in.indexOf(u'&', i);
        if (amp < 0)
            break;
        if (amp > start)
            out.append(in.sliced(start, amp - start));
        const qsizetype next = decodeAt(in, amp, out);
        if (next == amp) {
            out.append(QLatin1Char('&'));
            i = amp + 1;
        } else {
            i = next;
        }
        start = i;
    }
    if (start < n)
        out.append(in.sliced(start));
}

QString unescape(QStringView in)
{
    QString out;
    out.reserve(in.size());
    appendUnescaped(in, out);
    return out;
}

void appendUnescapedUtf8(QByteArrayView in, QByteArray &out)
{
    const qsizetype n = in.size();
    qsizetype start = 0;
    qsizetype i = 0;
    while (i < n) {
        const void *hit = std::memchr(in.data() + i, '&', size_t(n - i));
        if (!hit)
            break;
        const qsizetype amp = static_cast<const char *>(hit) - in.data();
        if (amp > start)
            out.append(in.data() + start, amp - start);
        const qsizetype next = decodeAtUtf8(in, amp, out);
        if (next == amp) {
            out.append('&');
            i = amp + 1;
        } else {
            i = next;
        }
        start = i;
    }
    if (start < n)
        out.append(in.data() + start, n - start);
}

} // namespace tg::html
