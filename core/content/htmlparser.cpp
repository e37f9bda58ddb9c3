// SPDX-License-Identifier: MIT
#include "content/htmlparser.h"

#include "content/htmlentities.h"

#include <algorithm>
#include <array>
#include <climits>
#include <vector>

// The tokenizer reproduces Python's html.parser as the reference client drives it: one feed()
// and no close(), character references converted in text, so anything left incomplete at the
// end of the input (an unterminated tag, comment or declaration, or trailing text that might end
// in a cut reference) is silently dropped. Each regular expression of that parser is replaced by
// a hand-written matcher that gives the same match, including where the regex would backtrack.

namespace tg {

QString HtmlParseError::kindName() const
{
    return kind == Kind::NotAllowedTag ? QStringLiteral("NotAllowedTag")
                                       : QStringLiteral("InvalidHTML");
}

namespace {

/// Python's str.isspace() / regex \s for str patterns. All such characters are in the BMP.
inline bool isPySpace(char16_t c)
{
    if (c < 0x80)
        return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
    if (c < 0x1680)
        return c == 0x85 || c == 0xA0;
    return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

inline bool isAsciiAlpha(char16_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Python's str.lower() for tag and attribute names: ASCII fast path, Unicode otherwise.
QString lowerName(QStringView name)
{
    bool ascii = true;
    bool hasUpper = false;
    for (QChar c : name) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            hasUpper = true;
    }
    if (!ascii)
        return name.toString().toLower();
    QString out = name.toString();
    if (hasUpper) {
        for (QChar &c : out) {
            if (c.unicode() >= 'A' && c.unicode() <= 'Z')
                c = QChar(char16_t(c.unicode() + 32));
        }
    }
    return out;
}

/// The tag as Python's repr() writes it, as the reference's messages quote tags: in quotes,
/// with invisible and special characters escaped ('y\\xa0' for a tag holding a no-break space).
QString quoted(QStringView tag)
{
    const bool useDouble = tag.contains(u'\'') && !tag.contains(u'"');
    const char16_t quote = useDouble ? u'"' : u'\'';
    QString out;
    out.append(QChar(quote));
    const auto codePoints = tag.toUcs4();
    for (const char32_t c : codePoints) {
        if (c == quote || c == '\\') {
            out.append(QLatin1Char('\\'));
            out.append(QChar(char16_t(c)));
        } else if (c == '\t') {
            out.append(QLatin1StringView("\\t"));
        } else if (c == '\n') {
            out.append(QLatin1StringView("\\n"));
        } else if (c == '\r') {
            out.append(QLatin1StringView("\\r"));
        } else if (c < 0x20 || c == 0x7F) {
            out.append(QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0')));
        } else if (c < 0x7F) {
            out.append(QChar(char16_t(c)));
        } else {
            const QChar::Category cat = QChar::category(c);
            const bool printable =
                !(cat == QChar::Other_Control || cat == QChar::Other_Format ||
                  cat == QChar::Other_Surrogate || cat == QChar::Other_PrivateUse ||
                  cat == QChar::Other_NotAssigned || cat == QChar::Separator_Line ||
                  cat == QChar::Separator_Paragraph || cat == QChar::Separator_Space);
            if (printable)
                out.append(QString::fromUcs4(&c, 1));
            else if (c <= 0xFF)
                out.append(QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0')));
            else if (c <= 0xFFFF)
                out.append(QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0')));
            else
                out.append(QStringLiteral("\\U%1").arg(uint(c), 8, 16, QLatin1Char('0')));
        }
    }
    out.append(QChar(quote));
    return out;
}

/// A name lower-cased like Python's str.lower(), without allocating for short ASCII names
/// (nearly all tag and attribute names).
class LowerName
{
public:
    explicit LowerName(QStringView raw)
    {
        if (raw.size() <= kBufferSize) {
            bool ascii = true;
            for (qsizetype k = 0; k < raw.size(); ++k) {
                const char16_t c = raw[k].unicode();
                if (c >= 0x80) {
                    ascii = false;
                    break;
                }
                m_buffer[k] = (c >= 'A' && c <= 'Z') ? char16_t(c + 32) : c;
            }
            if (ascii) {
                m_view = QStringView(m_buffer, raw.size());
                return;
            }
        }
        m_owned = lowerName(raw);
        m_view = m_owned;
    }
    LowerName(const LowerName &) = delete;
    LowerName &operator=(const LowerName &) = delete;

    QStringView view() const { return m_view; }

private:
    static constexpr qsizetype kBufferSize = 32;
    char16_t m_buffer[kBufferSize];
    QString m_owned;
    QStringView m_view;
};

/// Equality of a name with an ASCII literal, length first (cheaper than the generic compare).
inline bool sameName(QStringView a, QLatin1StringView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype k = 0; k < a.size(); ++k) {
        if (a[k].unicode() != b[k].unicode())
            return false;
    }
    return true;
}

struct TagInfo
{
    QLatin1StringView name;
    bool isVoid;
    bool isBlock;
};

/// The tags Telegraph accepts, with the reference client's void and block-level flags.
constexpr std::array<TagInfo, 24> kAllowed = {{
    {QLatin1StringView("a"), false, false},      {QLatin1StringView("aside"), false, true},
    {QLatin1StringView("b"), false, false},      {QLatin1StringView("blockquote"), false, true},
    {QLatin1StringView("br"), true, false},      {QLatin1StringView("code"), false, false},
    {QLatin1StringView("em"), false, false},     {QLatin1StringView("figcaption"), false, true},
    {QLatin1StringView("figure"), false, true},  {QLatin1StringView("h3"), false, true},
    {QLatin1StringView("h4"), false, true},      {QLatin1StringView("hr"), true, true},
    {QLatin1StringView("i"), false, false},      {QLatin1StringView("iframe"), false, false},
    {QLatin1StringView("img"), true, false},     {QLatin1StringView("li"), false, true},
    {QLatin1StringView("ol"), false, true},      {QLatin1StringView("p"), false, true},
    {QLatin1StringView("pre"), false, true},     {QLatin1StringView("s"), false, false},
    {QLatin1StringView("strong"), false, false}, {QLatin1StringView("u"), false, false},
    {QLatin1StringView("ul"), false, true},      {QLatin1StringView("video"), false, true},
}};

constexpr int kPreIndex = 18; // "pre" in kAllowed

int allowedIndex(QStringView lowerTag)
{
    for (int i = 0; i < int(kAllowed.size()); ++i) {
        if (sameName(lowerTag, kAllowed[size_t(i)].name))
            return i;
    }
    return -1;
}

bool isBlockIndex(int index)
{
    return kAllowed[size_t(index)].isBlock;
}

/// Shared QString per allowed tag, so nodes share one tag string instead of allocating.
const QString &tagString(int index)
{
    static const std::array<QString, 24> strings = [] {
        std::array<QString, 24> s;
        for (size_t i = 0; i < kAllowed.size(); ++i)
            s[i] = QString(kAllowed[i].name);
        return s;
    }();
    return strings[size_t(index)];
}

/// The HTML void elements of the reference, whose end tags are ignored.
bool isReferenceVoid(QStringView lowerTag)
{
    static constexpr QLatin1StringView kVoid[] = {
        QLatin1StringView("area"),  QLatin1StringView("base"),     QLatin1StringView("br"),
        QLatin1StringView("col"),   QLatin1StringView("embed"),    QLatin1StringView("hr"),
        QLatin1StringView("img"),   QLatin1StringView("input"),    QLatin1StringView("keygen"),
        QLatin1StringView("link"),  QLatin1StringView("menuitem"), QLatin1StringView("meta"),
        QLatin1StringView("param"), QLatin1StringView("source"),   QLatin1StringView("track"),
        QLatin1StringView("wbr"),
    };
    return std::any_of(std::begin(kVoid), std::end(kVoid),
                       [lowerTag](QLatin1StringView v) { return sameName(lowerTag, v); });
}

/// A lower-cased attribute name; the common ones share one string instead of allocating.
QString attributeName(QStringView raw)
{
    static const QString common[] = {QStringLiteral("href"),  QStringLiteral("src"),
                                     QStringLiteral("alt"),   QStringLiteral("title"),
                                     QStringLiteral("class"), QStringLiteral("id")};
    const LowerName name(raw);
    for (const QString &c : common) {
        if (name.view() == c)
            return c;
    }
    return name.view().toString();
}

/// One attribute as the start-tag regex sees it.
struct AttrMatch
{
    qsizetype nameStart = 0, nameEnd = 0;
    bool hasValue = false;
    qsizetype valueStart = 0, valueEnd = 0;
    qsizetype end = 0; ///< after the trailing whitespace and slashes
};

class Parser
{
public:
    explicit Parser(QStringView s)
        : m_s(s)
        , m_n(s.size())
    {}

    HtmlParseResult run();

private:
    struct Frame
    {
        int tag;       // index into kAllowed
        qsizetype pos; // where its start tag begins
        Attributes attrs;
        size_t firstChild; // its children so far are m_children[firstChild...]
    };

    enum class LastText
    {
        None,
        Space,
        Other
    };

    char16_t at(qsizetype i) const { return m_s[i].unicode(); }
    bool startsWith(qsizetype i, QLatin1StringView what) const
    {
        return m_s.sliced(i).startsWith(what);
    }

    // Tokenizer (html.parser's goahead and its parse_* helpers); each returns the index after
    // what it consumed, or -1 when the construct is incomplete (parsing then stops).
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

    // Tree building (the reference's HtmlToNodesParser).
    void handleText(QStringView text);
    void handleStartTag(int index, QStringView tag, qsizetype pos, Attributes &&attrs,
                        bool selfClosing);
    void handleEndTag(QStringView tag, qsizetype pos);
    void flushText();
    /// Moves m_children[first...] into a list of exactly that size, one allocation.
    NodeList takeChildren(size_t first);
    void fail(HtmlParseError::Kind kind, QStringView tag, qsizetype pos, const QString &what);

    QStringView m_s;
    qsizetype m_n;
    // The finished children of every open element, innermost last: only the innermost element
    // receives nodes, so its children are always the tail. Lists are then built at their final
    // size instead of growing node by node.
    std::vector<Node> m_children;
    std::vector<Frame> m_stack;
    QString m_pending; // text of the innermost open element not yet made a node
    QString m_scratch; // reused for decoding character references
    std::vector<int> m_tagsPath;
    int m_preInPath = 0;
    LastText m_last = LastText::None;
    std::optional<HtmlParseError> m_error;
};

void Parser::fail(HtmlParseError::Kind kind, QStringView tag, qsizetype pos, const QString &what)
{
    if (m_error)
        return;
    HtmlParseError e;
    e.kind = kind;
    e.tag = tag.toString();
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype k = 0; k < pos && k < m_n; ++k) {
        if (at(k) == '\n') {
            ++line;
            lineStart = k + 1;
        }
    }
    qsizetype column = 1;
    for (qsizetype k = lineStart; k < pos && k < m_n; ++k) {
        if (!(QChar::isLowSurrogate(at(k)) && k > lineStart && QChar::isHighSurrogate(at(k - 1))))
            ++column;
    }
    e.line = line;
    e.column = int(std::min<qsizetype>(column, INT_MAX));
    e.message = QStringLiteral("%1 (line %2, column %3)").arg(what).arg(e.line).arg(e.column);
    m_error = std::move(e);
}

void Parser::flushText()
{
    if (m_pending.isEmpty())
        return;
    m_children.push_back(Node::text(m_pending));
    m_pending.clear();
}

void Parser::handleText(QStringView s)
{
    if (s.isEmpty())
        return;
    if (m_preInPath > 0) { // whitespace is kept inside <pre>
        m_pending.append(s);
        return;
    }
    const qsizetype m = s.size();
    qsizetype p = 0;
    if (m_last != LastText::Other) {
        while (p < m && isPySpace(s[p].unicode()))
            ++p;
        if (p == m) {
            m_last = LastText::None;
            return;
        }
    }
    // Every run of whitespace becomes one space; runs that already are one space are copied
    // along with the text around them.
    qsizetype segment = p;
    while (p < m) {
        const char16_t c = s[p].unicode();
        if (!isPySpace(c)) {
            ++p;
            continue;
        }
        qsizetype q = p + 1;
        while (q < m && isPySpace(s[q].unicode()))
            ++q;
        if (q == p + 1 && c == ' ') {
            p = q;
            continue;
        }
        m_pending.append(s.sliced(segment, p - segment));
        m_pending.append(QLatin1Char(' '));
        p = q;
        segment = q;
    }
    m_pending.append(s.sliced(segment, m - segment));
    m_last = isPySpace(s[m - 1].unicode()) ? LastText::Space : LastText::Other;
}

void Parser::handleStartTag(int index, QStringView tag, qsizetype pos, Attributes &&attrs,
                            bool selfClosing)
{
    if (index < 0) {
        fail(HtmlParseError::Kind::NotAllowedTag, tag.toString(), pos,
             QStringLiteral("%1 tag is not allowed").arg(quoted(tag.toString())));
        return;
    }
    if (m_stack.size() >= size_t(MaxNodeDepth)) {
        fail(HtmlParseError::Kind::InvalidHTML, tag, pos,
             QStringLiteral("%1 is nested deeper than %2 levels")
                 .arg(quoted(tag))
                 .arg(MaxNodeDepth));
        return;
    }
    if (isBlockIndex(index))
        m_last = LastText::None;
    m_tagsPath.push_back(index);
    if (index == kPreIndex)
        ++m_preInPath;
    flushText();
    if (kAllowed[size_t(index)].isVoid) {
        m_children.push_back(Node::element(tagString(index), attrs));
        return; // a void element's end tag, written or implied by "/>", is ignored
    }
    m_stack.push_back(Frame{index, pos, std::move(attrs), m_children.size()});
    if (selfClosing)
        handleEndTag(tag, pos);
}

void Parser::handleEndTag(QStringView tag, qsizetype pos)
{
    if (isReferenceVoid(tag))
        return;
    if (m_stack.empty()) {
        fail(HtmlParseError::Kind::InvalidHTML, tag.toString(), pos,
             QStringLiteral("%1 missing start tag").arg(quoted(tag.toString())));
        return;
    }
    Frame &top = m_stack.back();
    if (!sameName(tag, kAllowed[size_t(top.tag)].name)) {
        fail(HtmlParseError::Kind::InvalidHTML, tag.toString(), pos,
             QStringLiteral("%1 tag closed instead of %2")
                 .arg(quoted(tag.toString()), quoted(QString(kAllowed[size_t(top.tag)].name))));
        return;
    }
    // The reference keeps a path of every start tag, void ones included, and pops its last entry
    // here; so after a void element inside <pre> the "pre" entry outlives the element.
    if (m_tagsPath.back() == kPreIndex)
        --m_preInPath;
    m_tagsPath.pop_back();
    flushText();
    Node node = Node::element(tagString(top.tag), top.attrs, takeChildren(top.firstChild));
    m_stack.pop_back();
    m_children.push_back(std::move(node));
}

NodeList Parser::takeChildren(size_t first)
{
    NodeList list;
    list.reserve(qsizetype(m_children.size() - first));
    for (size_t k = first; k < m_children.size(); ++k)
        list.append(std::move(m_children[k]));
    m_children.resize(first);
    return list;
}

/// How far `<tag attrs...` reaches, as html.parser's locatestarttagend_tolerant regex matches.
qsizetype Parser::locateStartTagEnd(qsizetype i) const
{
    qsizetype q = i + 2; // "<" and the first letter
    while (q < m_n) {
        const char16_t c = at(q);
        if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' || c == '/' || c == '>' ||
            c == 0)
            break;
        ++q;
    }
    while (q < m_n && (isPySpace(at(q)) || at(q) == '/'))
        ++q;
    for (;;) {
        // An attribute name must follow a quote, whitespace or a slash.
        if (q >= m_n)
            break;
        const char16_t prev = at(q - 1);
        if (!(prev == '\'' || prev == '"' || prev == '/' || isPySpace(prev)))
            break;
        const char16_t c = at(q);
        if (isPySpace(c) || c == '/' || c == '>')
            break;
        ++q;
        while (q < m_n && !isPySpace(at(q)) && at(q) != '/' && at(q) != '=' && at(q) != '>')
            ++q;
        const qsizetype v = matchValue(q, true, nullptr, nullptr);
        if (v >= 0)
            q = v;
        while (q < m_n &&
               (isPySpace(at(q)) || (at(q) == '/' && !(q + 1 < m_n && at(q + 1) == '>'))))
            ++q;
    }
    while (q < m_n && isPySpace(at(q)))
        ++q;
    return q;
}

/// Matches `\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*)` (then `\s*` when trailingSpace) at q,
/// backtracking as the regex engine would when a quote is never closed. Returns the end, or -1.
qsizetype Parser::matchValue(qsizetype q, bool trailingSpace, qsizetype *valueStart,
                             qsizetype *valueEnd) const
{
    qsizetype a = q;
    while (a < m_n && isPySpace(at(a)))
        ++a;
    if (a >= m_n || at(a) != '=')
        return -1;
    const qsizetype eqStart = a;
    while (a < m_n && at(a) == '=')
        ++a;
    const qsizetype eqCount = a - eqStart;
    const qsizetype wsStart = a;
    while (a < m_n && isPySpace(at(a)))
        ++a;
    const qsizetype wsCount = a - wsStart;

    auto bare = [this](qsizetype from) {
        qsizetype e = from;
        while (e < m_n && at(e) != '>' && !isPySpace(at(e)))
            ++e;
        return e;
    };
    qsizetype vs = a;
    qsizetype ve = -1;
    if (a < m_n && (at(a) == '\'' || at(a) == '"')) {
        const qsizetype close = m_s.indexOf(m_s[a], a + 1);
        if (close >= 0) {
            ve = close + 1;
        } else if (wsCount > 0) {
            vs = a - 1; // give back one space: an empty bare value
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
    qsizetype end = ve;
    if (trailingSpace) {
        while (end < m_n && isPySpace(at(end)))
            ++end;
    }
    return end;
}

/// html.parser's attrfind_tolerant at k.
bool Parser::matchAttr(qsizetype k, AttrMatch &m) const
{
    if (k <= 0 || k >= m_n)
        return false;
    const char16_t prev = at(k - 1);
    if (!(prev == '\'' || prev == '"' || prev == '/' || isPySpace(prev)))
        return false;
    const char16_t c = at(k);
    if (isPySpace(c) || c == '/' || c == '>')
        return false;
    m.nameStart = k;
    qsizetype q = k + 1;
    while (q < m_n && !isPySpace(at(q)) && at(q) != '/' && at(q) != '=' && at(q) != '>')
        ++q;
    m.nameEnd = q;
    const qsizetype v = matchValue(q, false, &m.valueStart, &m.valueEnd);
    m.hasValue = v >= 0;
    if (m.hasValue)
        q = v;
    while (q < m_n && (isPySpace(at(q)) || (at(q) == '/' && !(q + 1 < m_n && at(q + 1) == '>'))))
        ++q;
    m.end = q;
    return true;
}

qsizetype Parser::parseStartTag(qsizetype i)
{
    // check_for_whole_start_tag
    const qsizetype j = locateStartTagEnd(i);
    qsizetype endpos;
    if (j >= m_n)
        return -1;
    const char16_t next = at(j);
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

    // The tag name and what follows it (tagfind_tolerant).
    qsizetype k = i + 2;
    while (k < m_n) {
        const char16_t c = at(k);
        if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' || c == '/' || c == '>' ||
            c == 0)
            break;
        ++k;
    }
    const LowerName tag(m_s.sliced(i + 1, k - i - 1));
    while (k < m_n && (isPySpace(at(k)) || (at(k) == '/' && !(k + 1 < m_n && at(k + 1) == '>'))))
        ++k;

    const int index = allowedIndex(tag.view());
    const bool allowed = index >= 0;
    Attributes attrs;
    AttrMatch m;
    while (k < endpos && matchAttr(k, m)) {
        if (allowed) {
            QString name = attributeName(m_s.sliced(m.nameStart, m.nameEnd - m.nameStart));
            QString value;
            if (m.hasValue) {
                QStringView raw = m_s.sliced(m.valueStart, m.valueEnd - m.valueStart);
                if (raw.size() >= 2 && (raw.front() == u'\'' || raw.front() == u'"') &&
                    raw.back() == raw.front())
                    raw = raw.sliced(1, raw.size() - 2);
                value = raw.contains(u'&') ? html::unescape(raw) : raw.toString();
            }
            // Like the reference's dict: a repeated name keeps its first place, last value.
            bool replaced = false;
            for (auto &a : attrs) {
                if (a.first == name) {
                    a.second = value;
                    replaced = true;
                    break;
                }
            }
            if (!replaced)
                attrs.append({std::move(name), std::move(value)});
        }
        k = m.end;
    }

    QStringView rest = k < endpos ? m_s.sliced(k, endpos - k) : QStringView();
    while (!rest.isEmpty() && isPySpace(rest.front().unicode()))
        rest = rest.sliced(1);
    while (!rest.isEmpty() && isPySpace(rest.back().unicode()))
        rest.chop(1);
    if (rest != QLatin1StringView(">") && rest != QLatin1StringView("/>")) {
        handleText(m_s.sliced(i, endpos - i)); // not a tag after all: literal text
        return endpos;
    }
    handleStartTag(index, tag.view(), i, std::move(attrs), rest.size() == 2);
    return endpos;
}

qsizetype Parser::parseEndTag(qsizetype i)
{
    const qsizetype gt = m_s.indexOf(u'>', i + 1);
    if (gt < 0)
        return -1;
    // endtagfind: "</" \s* name \s* ">" with name [a-zA-Z][-.a-zA-Z0-9:_]*
    qsizetype p = i + 2;
    while (p < m_n && isPySpace(at(p)))
        ++p;
    if (p < m_n && isAsciiAlpha(at(p))) {
        const qsizetype nameStart = p;
        ++p;
        while (p < m_n) {
            const char16_t c = at(p);
            if (isAsciiAlpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':' ||
                c == '_')
                ++p;
            else
                break;
        }
        const qsizetype nameEnd = p;
        while (p < m_n && isPySpace(at(p)))
            ++p;
        if (p == gt) {
            const LowerName tag(m_s.sliced(nameStart, nameEnd - nameStart));
            handleEndTag(tag.view(), i);
            return gt + 1;
        }
    }
    // tagfind_tolerant right after "</"
    if (i + 2 < m_n && isAsciiAlpha(at(i + 2))) {
        qsizetype k = i + 3;
        while (k < m_n) {
            const char16_t c = at(k);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' || c == '/' ||
                c == '>' || c == 0)
                break;
            ++k;
        }
        const LowerName tag(m_s.sliced(i + 2, k - i - 2));
        while (k < m_n &&
               (isPySpace(at(k)) || (at(k) == '/' && !(k + 1 < m_n && at(k + 1) == '>'))))
            ++k;
        const qsizetype close = m_s.indexOf(u'>', k);
        handleEndTag(tag.view(), i);
        return close + 1; // close >= 0: a '>' follows i + 1, and the name holds none
    }
    if (i + 2 < m_n && at(i + 2) == '>')
        return i + 3; // "</>" is dropped
    // A bogus comment up to the next '>' (one exists: gt).
    return m_s.indexOf(u'>', i + 2) + 1;
}

/// "<!--" ... "--" \s* ">"
qsizetype Parser::parseComment(qsizetype i) const
{
    qsizetype p = i + 4;
    for (;;) {
        p = m_s.indexOf(QLatin1StringView("--"), p);
        if (p < 0)
            return -1;
        qsizetype q = p + 2;
        while (q < m_n && isPySpace(at(q)))
            ++q;
        if (q < m_n && at(q) == '>')
            return q + 1;
        ++p;
    }
}

/// "<![name ... ]]>" or "<![if ... ]>": dropped; an unknown keyword is an error in the reference
/// (an AssertionError), reported here as InvalidHTML.
qsizetype Parser::parseMarkedSection(qsizetype i)
{
    qsizetype p = i + 3;
    if (p >= m_n)
        return -1;
    if (!isAsciiAlpha(at(p))) {
        fail(HtmlParseError::Kind::InvalidHTML, QString(), i,
             QStringLiteral("malformed marked section '<!['"));
        return -1;
    }
    const qsizetype nameStart = p;
    ++p;
    while (p < m_n && (isAsciiAlpha(at(p)) || (at(p) >= '0' && at(p) <= '9') || at(p) == '-' ||
                       at(p) == '_' || at(p) == '.'))
        ++p;
    const QString name = m_s.sliced(nameStart, p - nameStart).toString().toLower();
    while (p < m_n && isPySpace(at(p)))
        ++p;
    if (p >= m_n)
        return -1;
    int brackets;
    if (name == QLatin1StringView("temp") || name == QLatin1StringView("cdata") ||
        name == QLatin1StringView("ignore") || name == QLatin1StringView("include") ||
        name == QLatin1StringView("rcdata")) {
        brackets = 2;
    } else if (name == QLatin1StringView("if") || name == QLatin1StringView("else") ||
               name == QLatin1StringView("endif")) {
        brackets = 1;
    } else {
        fail(HtmlParseError::Kind::InvalidHTML, QString(), i,
             QStringLiteral("unknown marked section '<![%1'").arg(name));
        return -1;
    }
    // Search from i + 3 for "]" (\s* "]")? \s* ">"
    qsizetype s = i + 3;
    for (;;) {
        s = m_s.indexOf(u']', s);
        if (s < 0)
            return -1;
        qsizetype q = s + 1;
        bool ok = true;
        if (brackets == 2) {
            while (q < m_n && isPySpace(at(q)))
                ++q;
            if (q < m_n && at(q) == ']')
                ++q;
            else
                ok = false;
        }
        if (ok) {
            while (q < m_n && isPySpace(at(q)))
                ++q;
            if (q < m_n && at(q) == '>')
                return q + 1;
        }
        ++s;
    }
}

qsizetype Parser::parseDeclaration(qsizetype i)
{
    if (startsWith(i, QLatin1StringView("<![")))
        return parseMarkedSection(i);
    if (m_s.sliced(i).startsWith(QLatin1StringView("<!doctype"), Qt::CaseInsensitive)) {
        const qsizetype gt = m_s.indexOf(u'>', i + 9);
        return gt < 0 ? -1 : gt + 1;
    }
    const qsizetype gt = m_s.indexOf(u'>', i + 2); // bogus comment
    return gt < 0 ? -1 : gt + 1;
}

/// True when the text from i to the end would be held back by html.parser waiting for more
/// input: an '&' among the last 34 characters with no whitespace or ';' after it. Without a
/// close() call that text never arrives in the reference, so it is dropped.
bool Parser::textIsWithheld(qsizetype i) const
{
    // max(i, n - 34) with n counted in code points
    qsizetype from = m_n;
    for (int count = 0; count < 34 && from > i; ++count) {
        --from;
        if (from > i && QChar::isLowSurrogate(at(from)) && QChar::isHighSurrogate(at(from - 1)))
            --from;
    }
    const qsizetype amp = m_s.lastIndexOf(u'&');
    if (amp < from || amp < i)
        return false;
    for (qsizetype k = amp; k < m_n; ++k) {
        if (at(k) == ';' || isPySpace(at(k)))
            return false;
    }
    return true;
}

HtmlParseResult Parser::run()
{
    qsizetype i = 0;
    while (i < m_n && !m_error) {
        qsizetype j = m_s.indexOf(u'<', i);
        if (j < 0) {
            if (textIsWithheld(i))
                break;
            j = m_n;
        }
        if (i < j) {
            const QStringView text = m_s.sliced(i, j - i);
            if (text.contains(u'&')) {
                m_scratch.clear();
                html::appendUnescaped(text, m_scratch);
                handleText(m_scratch);
            } else {
                handleText(text);
            }
        }
        i = j;
        if (i == m_n)
            break;
        qsizetype k;
        const char16_t next = i + 1 < m_n ? at(i + 1) : 0;
        if (isAsciiAlpha(next)) {
            k = parseStartTag(i);
        } else if (next == '/') {
            k = parseEndTag(i);
        } else if (next == '!' && i + 3 < m_n && at(i + 2) == '-' && at(i + 3) == '-') {
            k = parseComment(i);
        } else if (next == '?') {
            const qsizetype gt = m_s.indexOf(u'>', i + 2);
            k = gt < 0 ? -1 : gt + 1;
        } else if (next == '!') {
            k = parseDeclaration(i);
        } else if (i + 1 < m_n) {
            handleText(u"<");
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
        const QString tag(kAllowed[size_t(top.tag)].name);
        fail(HtmlParseError::Kind::InvalidHTML, tag, top.pos,
             QStringLiteral("%1 tag is not closed").arg(quoted(tag)));
    }
    HtmlParseResult result;
    if (m_error) {
        result.error = std::move(m_error);
        return result;
    }
    flushText();
    result.nodes = takeChildren(0);
    return result;
}

/// The input with every lone surrogate replaced by U+FFFD; empty when there is none.
QString withoutLoneSurrogates(QStringView s)
{
    const qsizetype n = s.size();
    // Quick vectorizable test first: most input holds no surrogate at all.
    const char16_t *data = s.utf16();
    bool any = false;
    for (qsizetype k = 0; k < n; ++k)
        any |= (data[k] & 0xF800) == 0xD800;
    if (!any)
        return {};
    qsizetype first = -1;
    for (qsizetype k = 0; k < n; ++k) {
        const char16_t c = s[k].unicode();
        if (!QChar::isSurrogate(c))
            continue;
        if (QChar::isHighSurrogate(c) && k + 1 < n && QChar::isLowSurrogate(s[k + 1].unicode())) {
            ++k;
            continue;
        }
        first = k;
        break;
    }
    if (first < 0)
        return {};
    QString out = s.toString();
    for (qsizetype k = first; k < n; ++k) {
        const char16_t c = out[k].unicode();
        if (!QChar::isSurrogate(c))
            continue;
        if (QChar::isHighSurrogate(c) && k + 1 < n && QChar::isLowSurrogate(out[k + 1].unicode())) {
            ++k;
            continue;
        }
        out[k] = QChar(0xFFFD);
    }
    return out;
}

} // namespace

QString quotedTagName(QStringView tag)
{
    return quoted(tag);
}

HtmlParseResult htmlToNodes(QStringView html)
{
    const QString cleaned = withoutLoneSurrogates(html);
    Parser parser(cleaned.isNull() ? html : QStringView(cleaned));
    return parser.run();
}

} // namespace tg
