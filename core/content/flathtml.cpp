// SPDX-License-Identifier: MIT
// The strict parser of htmlparser.cpp (Python's html.parser as the reference client drives it)
// on UTF-8 bytes, feeding a FlatBuilder. Positions are byte offsets; every construct the
// tokenizer matches is ASCII except whitespace, which Python's \s takes from all of Unicode, so
// whitespace is matched as whole UTF-8 sequences and everything else byte by byte.
#include "content/flathtml.h"

#include "content/htmlentities.h"
#include "content/utf8.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>
#include <vector>

namespace tg {

namespace {

inline bool isAsciiAlpha(uchar c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Byte length of the Python whitespace character (str.isspace()) at p, or 0.
inline int spaceLenAt(const uchar *p, const uchar *end)
{
    const uchar c = *p;
    if (c < 0x80)
        return ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20)) ? 1 : 0;
    const qsizetype left = end - p;
    if (c == 0xC2)
        return left >= 2 && (p[1] == 0x85 || p[1] == 0xA0) ? 2 : 0;
    if (left < 3)
        return 0;
    if (c == 0xE1)
        return p[1] == 0x9A && p[2] == 0x80 ? 3 : 0; // U+1680
    if (c == 0xE2) {
        if (p[1] == 0x80) // U+2000..U+200A, U+2028, U+2029, U+202F
            return p[2] <= 0x8A || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF ? 3 : 0;
        return p[1] == 0x81 && p[2] == 0x9F ? 3 : 0; // U+205F
    }
    if (c == 0xE3)
        return p[1] == 0x80 && p[2] == 0x80 ? 3 : 0; // U+3000
    return 0;
}

/// Byte length of the whitespace character ending just before p (begin <= p), or 0.
inline int spaceLenBefore(const uchar *begin, const uchar *p)
{
    const qsizetype back = p - begin;
    if (back >= 1 && p[-1] < 0x80)
        return spaceLenAt(p - 1, p);
    if (back >= 2 && p[-2] == 0xC2)
        return spaceLenAt(p - 2, p) == 2 ? 2 : 0;
    if (back >= 3)
        return spaceLenAt(p - 3, p) == 3 ? 3 : 0;
    return 0;
}

/// Bytes that may start Python whitespace: the ASCII ones, and the lead bytes of U+0085, U+00A0,
/// U+1680, U+2000..U+205F and U+3000.
struct MaybeSpace
{
    bool of[256] = {};
    constexpr MaybeSpace()
    {
        for (int c = 0x09; c <= 0x0D; ++c)
            of[c] = true;
        for (int c = 0x1C; c <= 0x20; ++c)
            of[c] = true;
        of[0xC2] = of[0xE1] = of[0xE2] = of[0xE3] = true;
    }
};
constexpr MaybeSpace kMaybeSpace;

struct TagInfo
{
    QByteArrayView name;
    bool isVoid;
    bool isBlock;
};

/// The allowed tags in FlatTag order, with the reference client's void and block-level flags.
constexpr std::array<TagInfo, 24> kAllowed = {{
    {"a", false, false},         {"aside", false, true},      {"b", false, false},
    {"blockquote", false, true}, {"br", true, false},         {"code", false, false},
    {"em", false, false},        {"figcaption", false, true}, {"figure", false, true},
    {"h3", false, true},         {"h4", false, true},         {"hr", true, true},
    {"i", false, false},         {"iframe", false, false},    {"img", true, false},
    {"li", false, true},         {"ol", false, true},         {"p", false, true},
    {"pre", false, true},        {"s", false, false},         {"strong", false, false},
    {"u", false, false},         {"ul", false, true},         {"video", false, true},
}};

constexpr int kPreIndex = int(FlatTag::Pre);

int allowedIndex(QByteArrayView lowerTag)
{
    if (lowerTag.isEmpty() || lowerTag.size() > 10)
        return -1;
    const char first = lowerTag.front();
    for (int i = 0; i < int(kAllowed.size()); ++i) {
        const QByteArrayView name = kAllowed[size_t(i)].name;
        if (name.size() == lowerTag.size() && name.front() == first &&
            std::memcmp(name.data(), lowerTag.data(), size_t(name.size())) == 0)
            return i;
    }
    return -1;
}

bool isReferenceVoid(QByteArrayView lowerTag)
{
    static constexpr QByteArrayView kVoid[] = {
        "area",   "base", "br",       "col",  "embed", "hr",     "img",   "input",
        "keygen", "link", "menuitem", "meta", "param", "source", "track", "wbr",
    };
    if (lowerTag.size() < 2 || lowerTag.size() > 8)
        return false;
    return std::any_of(std::begin(kVoid), std::end(kVoid), [lowerTag](QByteArrayView v) {
        return v.size() == lowerTag.size() && v.front() == lowerTag.front() && v == lowerTag;
    });
}

using utf8::toQString;

/// raw lower-cased like Python's str.lower(): raw itself when it has no upper case, else a copy
/// in buf.
QByteArrayView lowerName(QByteArrayView raw, QByteArray &buf)
{
    bool ascii = true;
    bool upper = false;
    for (const char ch : raw) {
        const auto c = uchar(ch);
        if (c >= 0x80) {
            ascii = false;
            break;
        }
        upper |= c >= 'A' && c <= 'Z';
    }
    if (ascii && !upper)
        return raw;
    if (ascii) {
        buf = raw.toByteArray();
        for (char &c : buf) {
            if (c >= 'A' && c <= 'Z')
                c = char(c + 32);
        }
        return buf;
    }
    buf = toQString(raw).toLower().toUtf8();
    return buf;
}

/// One attribute as the start-tag regex sees it.
struct AttrMatch
{
    qsizetype nameStart = 0, nameEnd = 0;
    bool hasValue = false;
    qsizetype valueStart = 0, valueEnd = 0;
    qsizetype end = 0;
};

/// A string of a start tag being read: in the input, or at an offset of the attribute buffer.
struct Piece
{
    bool inBuf = false;
    qsizetype offset = 0, size = 0;
};

class FlatParser
{
public:
    explicit FlatParser(QByteArrayView s)
        : m_s(reinterpret_cast<const uchar *>(s.data()))
        , m_n(s.size())
        , m_b(s)
    {}

    FlatHtmlResult run();

private:
    struct Frame
    {
        int tag;
        qsizetype pos;
    };
    enum class LastText
    {
        None,
        Space,
        Other
    };

    uchar at(qsizetype i) const { return m_s[i]; }
    int sp(qsizetype i) const { return i < m_n ? spaceLenAt(m_s + i, m_s + m_n) : 0; }
    bool spaceBefore(qsizetype i) const { return spaceLenBefore(m_s, m_s + i) > 0; }
    QByteArrayView view(qsizetype from, qsizetype size) const
    {
        return QByteArrayView(reinterpret_cast<const char *>(m_s) + from, size);
    }
    qsizetype find(uchar c, qsizetype from) const
    {
        if (from >= m_n)
            return -1;
        const void *hit = std::memchr(m_s + from, c, size_t(m_n - from));
        return hit ? static_cast<const uchar *>(hit) - m_s : -1;
    }
    bool tagNameEnd(uchar c) const
    {
        return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' || c == '/' ||
               c == '>' || c == 0;
    }
    /// Skips whitespace and slashes not followed by '>' (the tail of tagfind/attrfind).
    qsizetype skipSpaceAndLoneSlashes(qsizetype q) const
    {
        while (q < m_n) {
            if (const int l = sp(q)) {
                q += l;
            } else if (at(q) == '/' && !(q + 1 < m_n && at(q + 1) == '>')) {
                ++q;
            } else {
                break;
            }
        }
        return q;
    }
    qsizetype skipSpace(qsizetype q) const
    {
        while (const int l = sp(q))
            q += l;
        return q;
    }
    bool attrMayStart(qsizetype q) const
    {
        const uchar prev = at(q - 1);
        return prev == '\'' || prev == '"' || prev == '/' || spaceBefore(q);
    }

    qsizetype parseStartTag(qsizetype i);
    qsizetype parseEndTag(qsizetype i);
    qsizetype parseComment(qsizetype i) const;
    qsizetype parseMarkedSection(qsizetype i);
    qsizetype parseDeclaration(qsizetype i);
    qsizetype locateStartTagEnd(qsizetype i) const;
    qsizetype matchValue(qsizetype q, bool trailingSpace, qsizetype *valueStart,
                         qsizetype *valueEnd) const;
    bool matchAttr(qsizetype k, AttrMatch &m) const;
    bool textIsWithheld(qsizetype i) const;

    void handleText(QByteArrayView text);
    void handleStartTag(int index, QByteArrayView tag, qsizetype pos, bool selfClosing);
    void handleEndTag(QByteArrayView tag, qsizetype pos);
    void fail(HtmlParseError::Kind kind, QByteArrayView tag, qsizetype pos, const QString &what);

    const uchar *m_s;
    qsizetype m_n;
    FlatBuilder m_b;
    std::vector<Frame> m_stack;
    std::vector<int> m_tagsPath;
    int m_preInPath = 0;
    LastText m_last = LastText::None;
    std::optional<HtmlParseError> m_error;
    QByteArray m_scratch; // decoded text
    QByteArray m_tagBuf;  // a lower-cased tag name
    QByteArray m_nameBuf; // a lower-cased attribute name
    QByteArray m_attrBuf; // lower-cased names and decoded values of the current start tag
    std::vector<std::pair<Piece, Piece>> m_attrs;
};

void FlatParser::fail(HtmlParseError::Kind kind, QByteArrayView tag, qsizetype pos,
                      const QString &what)
{
    if (m_error)
        return;
    HtmlParseError e;
    e.kind = kind;
    e.tag = toQString(tag);
    pos = std::min(pos, m_n);
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype k = 0; k < pos; ++k) {
        if (at(k) == '\n') {
            ++line;
            lineStart = k + 1;
        }
    }
    qsizetype column = 1;
    for (qsizetype k = lineStart; k < pos; ++k) {
        if ((at(k) & 0xC0) != 0x80)
            ++column;
    }
    e.line = line;
    e.column = int(std::min<qsizetype>(column, INT_MAX));
    e.message = QStringLiteral("%1 (line %2, column %3)").arg(what).arg(e.line).arg(e.column);
    m_error = std::move(e);
}

void FlatParser::handleText(QByteArrayView s)
{
    if (s.isEmpty())
        return;
    if (m_preInPath > 0) {
        m_b.text(s);
        return;
    }
    const auto *b = reinterpret_cast<const uchar *>(s.data());
    const auto *e = b + s.size();
    const uchar *p = b;
    if (m_last != LastText::Other) {
        while (p < e) {
            const int l = spaceLenAt(p, e);
            if (!l)
                break;
            p += l;
        }
        if (p == e) {
            m_last = LastText::None;
            return;
        }
    }
    const uchar *segment = p;
    auto piece = [this](const uchar *from, const uchar *to) {
        if (to > from)
            m_b.text(QByteArrayView(reinterpret_cast<const char *>(from), to - from));
    };
    while (p < e) {
        const uchar c = *p;
        if (!kMaybeSpace.of[c]) {
            ++p; // the common case: a byte that cannot start whitespace
            continue;
        }
        if (c == ' ' && (p + 1 == e || !kMaybeSpace.of[p[1]])) {
            ++p; // a single space between words stays as it is
            continue;
        }
        const int l = spaceLenAt(p, e);
        if (!l) {
            ++p;
            continue;
        }
        const uchar *q = p + l;
        int m;
        while (q < e && (m = spaceLenAt(q, e)) > 0)
            q += m;
        if (q == p + 1 && *p == ' ') {
            p = q;
            continue;
        }
        piece(segment, p);
        m_b.text(" ");
        p = q;
        segment = q;
    }
    piece(segment, e);
    m_last = spaceLenBefore(b, e) ? LastText::Space : LastText::Other;
}

void FlatParser::handleStartTag(int index, QByteArrayView tag, qsizetype pos, bool selfClosing)
{
    if (index < 0) {
        fail(HtmlParseError::Kind::NotAllowedTag, tag, pos,
             QStringLiteral("%1 tag is not allowed").arg(quotedTagName(toQString(tag))));
        return;
    }
    if (m_stack.size() >= size_t(MaxNodeDepth)) {
        fail(HtmlParseError::Kind::InvalidHTML, tag, pos,
             QStringLiteral("%1 is nested deeper than %2 levels")
                 .arg(quotedTagName(toQString(tag)))
                 .arg(MaxNodeDepth));
        return;
    }
    const TagInfo &info = kAllowed[size_t(index)];
    if (info.isBlock)
        m_last = LastText::None;
    m_tagsPath.push_back(index);
    if (index == kPreIndex)
        ++m_preInPath;
    m_b.open(FlatTag(index));
    auto resolve = [this](const Piece &p) {
        return p.inBuf ? QByteArrayView(m_attrBuf.constData() + p.offset, p.size)
                       : view(p.offset, p.size);
    };
    for (const auto &[name, value] : m_attrs)
        m_b.attribute(resolve(name), resolve(value), true);
    if (info.isVoid) {
        m_b.close();
        return; // a void element's end tag, written or implied by "/>", is ignored
    }
    m_stack.push_back(Frame{index, pos});
    if (selfClosing)
        handleEndTag(info.name, pos);
}

void FlatParser::handleEndTag(QByteArrayView tag, qsizetype pos)
{
    if (isReferenceVoid(tag))
        return;
    if (m_stack.empty()) {
        fail(HtmlParseError::Kind::InvalidHTML, tag, pos,
             QStringLiteral("%1 missing start tag").arg(quotedTagName(toQString(tag))));
        return;
    }
    const Frame top = m_stack.back();
    const QByteArrayView topName = kAllowed[size_t(top.tag)].name;
    if (tag != topName) {
        fail(HtmlParseError::Kind::InvalidHTML, tag, pos,
             QStringLiteral("%1 tag closed instead of %2")
                 .arg(quotedTagName(toQString(tag)), quotedTagName(toQString(topName))));
        return;
    }
    if (m_tagsPath.back() == kPreIndex)
        --m_preInPath;
    m_tagsPath.pop_back();
    m_b.close();
    m_stack.pop_back();
}

qsizetype FlatParser::locateStartTagEnd(qsizetype i) const
{
    qsizetype q = i + 2;
    while (q < m_n && !tagNameEnd(at(q)))
        ++q;
    while (q < m_n) {
        if (at(q) == '/')
            ++q;
        else if (const int l = sp(q))
            q += l;
        else
            break;
    }
    for (;;) {
        if (q >= m_n || !attrMayStart(q))
            break;
        const uchar c = at(q);
        if (sp(q) || c == '/' || c == '>')
            break;
        ++q;
        while (q < m_n && !sp(q) && at(q) != '/' && at(q) != '=' && at(q) != '>')
            ++q;
        const qsizetype v = matchValue(q, true, nullptr, nullptr);
        if (v >= 0)
            q = v;
        q = skipSpaceAndLoneSlashes(q);
    }
    return skipSpace(q);
}

qsizetype FlatParser::matchValue(qsizetype q, bool trailingSpace, qsizetype *valueStart,
                                 qsizetype *valueEnd) const
{
    qsizetype a = skipSpace(q);
    if (a >= m_n || at(a) != '=')
        return -1;
    const qsizetype eqStart = a;
    while (a < m_n && at(a) == '=')
        ++a;
    const qsizetype eqCount = a - eqStart;
    qsizetype lastSpace = -1;
    while (const int l = sp(a)) {
        lastSpace = a;
        a += l;
    }
    auto bare = [this](qsizetype from) {
        qsizetype e = from;
        while (e < m_n && at(e) != '>' && !sp(e))
            ++e;
        return e;
    };
    qsizetype vs = a;
    qsizetype ve = -1;
    if (a < m_n && (at(a) == '\'' || at(a) == '"')) {
        const qsizetype close = find(at(a), a + 1);
        if (close >= 0) {
            ve = close + 1;
        } else if (lastSpace >= 0) {
            vs = lastSpace; // give back one space: an empty bare value
            ve = vs;
        } else if (eqCount > 1) {
            vs = a - 1; // give back one '=': a bare value starting with it
            ve = bare(vs);
        } else {
            return -1;
        }
    } else {
        ve = bare(a);
    }
    if (valueStart)
        *valueStart = vs;
    if (valueEnd)
        *valueEnd = ve;
    return trailingSpace ? skipSpace(ve) : ve;
}

bool FlatParser::matchAttr(qsizetype k, AttrMatch &m) const
{
    if (k <= 0 || k >= m_n || !attrMayStart(k))
        return false;
    const uchar c = at(k);
    if (sp(k) || c == '/' || c == '>')
        return false;
    m.nameStart = k;
    qsizetype q = k + 1;
    while (q < m_n && !sp(q) && at(q) != '/' && at(q) != '=' && at(q) != '>')
        ++q;
    m.nameEnd = q;
    const qsizetype v = matchValue(q, false, &m.valueStart, &m.valueEnd);
    m.hasValue = v >= 0;
    if (m.hasValue)
        q = v;
    m.end = skipSpaceAndLoneSlashes(q);
    return true;
}

qsizetype FlatParser::parseStartTag(qsizetype i)
{
    const qsizetype j = locateStartTagEnd(i);
    qsizetype endpos;
    if (j >= m_n)
        return -1;
    const uchar next = at(j);
    if (next == '>') {
        endpos = j + 1;
    } else if (next == '/') {
        if (j + 1 < m_n && at(j + 1) == '>')
            endpos = j + 2;
        else
            return -1;
    } else if (isAsciiAlpha(next) || next == '=') {
        return -1;
    } else {
        endpos = j;
    }

    qsizetype k = i + 2;
    while (k < m_n && !tagNameEnd(at(k)))
        ++k;
    const QByteArrayView tag = lowerName(view(i + 1, k - i - 1), m_tagBuf);
    k = skipSpaceAndLoneSlashes(k);

    const int index = allowedIndex(tag);
    const bool allowed = index >= 0;
    m_attrs.clear();
    m_attrBuf.clear();
    AttrMatch m;
    while (k < endpos && matchAttr(k, m)) {
        if (allowed) {
            Piece name, value;
            const QByteArrayView rawName = view(m.nameStart, m.nameEnd - m.nameStart);
            const QByteArrayView lower = lowerName(rawName, m_nameBuf);
            if (lower.data() == rawName.data()) {
                name = Piece{false, m.nameStart, rawName.size()};
            } else {
                name = Piece{true, m_attrBuf.size(), lower.size()};
                m_attrBuf.append(lower.data(), lower.size());
            }
            if (m.hasValue) {
                qsizetype vs = m.valueStart, ve = m.valueEnd;
                if (ve - vs >= 2 && (at(vs) == '\'' || at(vs) == '"') && at(ve - 1) == at(vs)) {
                    ++vs;
                    --ve;
                }
                const QByteArrayView raw = view(vs, ve - vs);
                if (raw.contains('&')) {
                    const qsizetype from = m_attrBuf.size();
                    html::appendUnescapedUtf8(raw, m_attrBuf);
                    value = Piece{true, from, m_attrBuf.size() - from};
                } else {
                    value = Piece{false, vs, ve - vs};
                }
            }
            m_attrs.push_back({name, value});
        }
        k = m.end;
    }

    qsizetype rs = std::min(k, endpos), re = endpos;
    while (rs < re) {
        const int l = sp(rs);
        if (!l)
            break;
        rs += l;
    }
    while (re > rs) {
        const int l = spaceLenBefore(m_s + rs, m_s + re);
        if (!l)
            break;
        re -= l;
    }
    const QByteArrayView rest = view(rs, re - rs);
    if (rest != ">" && rest != "/>") {
        handleText(view(i, endpos - i)); // not a tag after all: literal text
        return endpos;
    }
    handleStartTag(index, tag, i, rest.size() == 2);
    return endpos;
}

qsizetype FlatParser::parseEndTag(qsizetype i)
{
    const qsizetype gt = find('>', i + 1);
    if (gt < 0)
        return -1;
    qsizetype p = skipSpace(i + 2);
    if (p < m_n && isAsciiAlpha(at(p))) {
        const qsizetype nameStart = p;
        ++p;
        while (p < m_n) {
            const uchar c = at(p);
            if (isAsciiAlpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':' ||
                c == '_')
                ++p;
            else
                break;
        }
        const qsizetype nameEnd = p;
        p = skipSpace(p);
        if (p == gt) {
            handleEndTag(lowerName(view(nameStart, nameEnd - nameStart), m_tagBuf), i);
            return gt + 1;
        }
    }
    if (i + 2 < m_n && isAsciiAlpha(at(i + 2))) {
        qsizetype k = i + 3;
        while (k < m_n && !tagNameEnd(at(k)))
            ++k;
        const QByteArrayView tag = lowerName(view(i + 2, k - i - 2), m_tagBuf);
        k = skipSpaceAndLoneSlashes(k);
        const qsizetype close = find('>', k);
        handleEndTag(tag, i);
        return close + 1;
    }
    if (i + 2 < m_n && at(i + 2) == '>')
        return i + 3;
    return find('>', i + 2) + 1;
}

qsizetype FlatParser::parseComment(qsizetype i) const
{
    qsizetype p = i + 4;
    for (;;) {
        if (p >= m_n)
            return -1;
        const void *hit = memmem(m_s + p, size_t(m_n - p), "--", 2);
        if (!hit)
            return -1;
        p = static_cast<const uchar *>(hit) - m_s;
        const qsizetype q = skipSpace(p + 2);
        if (q < m_n && at(q) == '>')
            return q + 1;
        ++p;
    }
}

qsizetype FlatParser::parseMarkedSection(qsizetype i)
{
    qsizetype p = i + 3;
    if (p >= m_n)
        return -1;
    if (!isAsciiAlpha(at(p))) {
        fail(HtmlParseError::Kind::InvalidHTML, {}, i,
             QStringLiteral("malformed marked section '<!['"));
        return -1;
    }
    const qsizetype nameStart = p;
    ++p;
    while (p < m_n && (isAsciiAlpha(at(p)) || (at(p) >= '0' && at(p) <= '9') || at(p) == '-' ||
                       at(p) == '_' || at(p) == '.'))
        ++p;
    QByteArray name = view(nameStart, p - nameStart).toByteArray().toLower();
    p = skipSpace(p);
    if (p >= m_n)
        return -1;
    int brackets;
    if (name == "temp" || name == "cdata" || name == "ignore" || name == "include" ||
        name == "rcdata") {
        brackets = 2;
    } else if (name == "if" || name == "else" || name == "endif") {
        brackets = 1;
    } else {
        fail(HtmlParseError::Kind::InvalidHTML, {}, i,
             QStringLiteral("unknown marked section '<![%1'").arg(QLatin1String(name)));
        return -1;
    }
    qsizetype s = i + 3;
    for (;;) {
        s = find(']', s);
        if (s < 0)
            return -1;
        qsizetype q = s + 1;
        bool ok = true;
        if (brackets == 2) {
            q = skipSpace(q);
            if (q < m_n && at(q) == ']')
                ++q;
            else
                ok = false;
        }
        if (ok) {
            q = skipSpace(q);
            if (q < m_n && at(q) == '>')
                return q + 1;
        }
        ++s;
    }
}

qsizetype FlatParser::parseDeclaration(qsizetype i)
{
    if (i + 2 < m_n && at(i + 2) == '[')
        return parseMarkedSection(i);
    if (m_n - i >= 9 && view(i, 9).compare("<!doctype", Qt::CaseInsensitive) == 0) {
        const qsizetype gt = find('>', i + 9);
        return gt < 0 ? -1 : gt + 1;
    }
    const qsizetype gt = find('>', i + 2);
    return gt < 0 ? -1 : gt + 1;
}

bool FlatParser::textIsWithheld(qsizetype i) const
{
    qsizetype from = m_n;
    for (int count = 0; count < 34 && from > i; ++count) {
        --from;
        while (from > i && (at(from) & 0xC0) == 0x80)
            --from;
    }
    qsizetype amp = -1;
    for (qsizetype k = m_n - 1; k >= from; --k) {
        if (at(k) == '&') {
            amp = k;
            break;
        }
    }
    if (amp < 0 || amp < i)
        return false;
    for (qsizetype k = amp; k < m_n; ++k) {
        if (at(k) == ';' || sp(k))
            return false;
    }
    return true;
}

FlatHtmlResult FlatParser::run()
{
    // Room for every node the input can give (at most two per '<', plus one), reserved but
    // touched only as used; the arena rarely needs more than a fraction of the input.
    qsizetype tags = 0;
    for (qsizetype k = find('<', 0); k >= 0; k = find('<', k + 1))
        ++tags;
    m_b.reserve(2 * tags + 1, m_n / 4 + 64);

    qsizetype i = 0;
    while (i < m_n && !m_error) {
        qsizetype j = find('<', i);
        if (j < 0) {
            if (textIsWithheld(i))
                break;
            j = m_n;
        }
        if (i < j) {
            const QByteArrayView text = view(i, j - i);
            if (text.contains('&')) {
                m_scratch.clear();
                html::appendUnescapedUtf8(text, m_scratch);
                handleText(m_scratch);
            } else {
                handleText(text);
            }
        }
        i = j;
        if (i == m_n)
            break;
        qsizetype k;
        const uchar next = i + 1 < m_n ? at(i + 1) : 0;
        if (isAsciiAlpha(next)) {
            k = parseStartTag(i);
        } else if (next == '/') {
            k = parseEndTag(i);
        } else if (next == '!' && i + 3 < m_n && at(i + 2) == '-' && at(i + 3) == '-') {
            k = parseComment(i);
        } else if (next == '?') {
            const qsizetype gt = find('>', i + 2);
            k = gt < 0 ? -1 : gt + 1;
        } else if (next == '!') {
            k = parseDeclaration(i);
        } else if (i + 1 < m_n) {
            handleText(view(i, 1)); // a lone '<'
            k = i + 1;
        } else {
            break;
        }
        if (k < 0)
            break;
        i = k;
    }
    if (!m_error && !m_stack.empty()) {
        const Frame &top = m_stack.back();
        const QByteArrayView tag = kAllowed[size_t(top.tag)].name;
        fail(HtmlParseError::Kind::InvalidHTML, tag, top.pos,
             QStringLiteral("%1 tag is not closed").arg(quotedTagName(toQString(tag))));
    }
    FlatHtmlResult result;
    if (m_error) {
        result.error = std::move(m_error);
        return result;
    }
    result.doc = m_b.finish();
    return result;
}

} // namespace

FlatHtmlResult htmlToFlat(QByteArrayView utf8)
{
    FlatHtmlResult result;
    if (utf8.size() >= qsizetype(0x7fffffff)) {
        result.utf8Error = QStringLiteral("input is 2 GiB or larger");
        result.utf8Offset = 0;
        return result;
    }
    const qsizetype bad = utf8::invalidOffset(utf8);
    if (bad >= 0) {
        result.utf8Error = QStringLiteral("input is not valid UTF-8 (byte offset %1)").arg(bad);
        result.utf8Offset = bad;
        return result;
    }
    return FlatParser(utf8).run();
}

} // namespace tg
