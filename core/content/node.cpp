// SPDX-License-Identifier: MIT
#include "content/node.h"

#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <cctype>

namespace tg {

Node Node::text(const QString &text)
{
    Node n;
    n.m_kind = Kind::Text;
    n.m_value = text;
    return n;
}

Node Node::element(const QString &tag, const Attributes &attrs, const NodeList &children)
{
    Node n;
    n.m_kind = Kind::Element;
    n.m_value = tag;
    n.m_attrs = attrs;
    n.m_children = children;
    return n;
}

Node::~Node()
{
    if (m_children.isEmpty())
        return;
    // Unshared child lists are emptied onto a work list instead of being destroyed recursively;
    // shared ones only lose a reference, which never recurses.
    NodeList pending;
    NodeList kids = std::move(m_children);
    for (;;) {
        if (kids.isDetached()) {
            for (Node &kid : kids) {
                if (!kid.m_children.isEmpty())
                    pending.append(std::move(kid));
            }
        }
        kids = NodeList();
        if (pending.isEmpty())
            break;
        kids = std::move(pending.last().m_children);
        pending.removeLast();
    }
}

bool Node::hasAttr(QStringView name) const
{
    return std::any_of(m_attrs.cbegin(), m_attrs.cend(),
                       [name](const auto &a) { return a.first == name; });
}

QString Node::attr(QStringView name) const
{
    for (const auto &a : m_attrs) {
        if (a.first == name)
            return a.second;
    }
    return {};
}

void Node::setAttr(const QString &name, const QString &value)
{
    for (auto &a : m_attrs) {
        if (a.first == name) {
            a.second = value;
            return;
        }
    }
    m_attrs.append({name, value});
}

namespace {
void appendPlainText(const Node &node, QString &out)
{
    if (node.isText()) {
        out += node.textValue();
        return;
    }
    for (const Node &child : node.children())
        appendPlainText(child, out);
}
} // namespace

QString Node::plainText() const
{
    QString out;
    appendPlainText(*this, out);
    return out;
}

bool operator==(const Node &a, const Node &b)
{
    return a.m_kind == b.m_kind && a.m_value == b.m_value && a.m_attrs == b.m_attrs &&
           a.m_children == b.m_children;
}

const QStringList &allowedTags()
{
    static const QStringList tags = {
        QStringLiteral("a"),          QStringLiteral("aside"),      QStringLiteral("b"),
        QStringLiteral("blockquote"), QStringLiteral("br"),         QStringLiteral("code"),
        QStringLiteral("em"),         QStringLiteral("figcaption"), QStringLiteral("figure"),
        QStringLiteral("h3"),         QStringLiteral("h4"),         QStringLiteral("hr"),
        QStringLiteral("i"),          QStringLiteral("iframe"),     QStringLiteral("img"),
        QStringLiteral("li"),         QStringLiteral("ol"),         QStringLiteral("p"),
        QStringLiteral("pre"),        QStringLiteral("s"),          QStringLiteral("strong"),
        QStringLiteral("u"),          QStringLiteral("ul"),         QStringLiteral("video"),
    };
    return tags;
}

bool isAllowedTag(QStringView tag)
{
    const QStringList &tags = allowedTags();
    return std::any_of(tags.cbegin(), tags.cend(), [tag](const QString &t) { return t == tag; });
}

bool isVoidTag(QStringView tag)
{
    static constexpr std::array<QLatin1StringView, 14> voids = {
        QLatin1StringView("area"),  QLatin1StringView("base"),  QLatin1StringView("br"),
        QLatin1StringView("col"),   QLatin1StringView("embed"), QLatin1StringView("hr"),
        QLatin1StringView("img"),   QLatin1StringView("input"), QLatin1StringView("link"),
        QLatin1StringView("meta"),  QLatin1StringView("param"), QLatin1StringView("source"),
        QLatin1StringView("track"), QLatin1StringView("wbr"),
    };
    return std::any_of(voids.cbegin(), voids.cend(),
                       [tag](QLatin1StringView v) { return v == tag; });
}

namespace {

bool isAsciiLetter(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isSafeName(QStringView name, bool attribute)
{
    if (name.isEmpty() || name.size() > 64 || !isAsciiLetter(name.front().unicode()))
        return false;
    return std::all_of(name.begin(), name.end(), [attribute](QChar qc) {
        const char16_t c = qc.unicode();
        return isAsciiLetter(c) || (c >= u'0' && c <= u'9') || c == u'-' ||
               (attribute && (c == u'_' || c == u':' || c == u'.'));
    });
}

} // namespace

bool isValidAttributeName(QStringView name)
{
    return isSafeName(name, true);
}

bool isValidTagName(QStringView name)
{
    return isSafeName(name, false);
}

// ---------------------------------------------------------------------------------------------
// Writing

namespace {

/// Bytes a code unit sequence takes as an escaped JSON string body (without quotes), written the
/// way Python's json.dumps(ensure_ascii=False) writes it: \" \\ \n \r \t \b \f, other control
/// characters as \u00XX, everything else as raw UTF-8.
qsizetype escapedSize(QStringView s)
{
    qsizetype n = 0;
    const qsizetype len = s.size();
    for (qsizetype i = 0; i < len; ++i) {
        const char16_t c = s[i].unicode();
        if (c < 0x80) {
            if (c == u'"' || c == u'\\' || c == u'\n' || c == u'\r' || c == u'\t' || c == u'\b' ||
                c == u'\f')
                n += 2;
            else if (c < 0x20)
                n += 6;
            else
                n += 1;
        } else if (c < 0x800) {
            n += 2;
        } else if (QChar::isHighSurrogate(c) && i + 1 < len &&
                   QChar::isLowSurrogate(s[i + 1].unicode())) {
            n += 4;
            ++i;
        } else {
            n += 3; // BMP character, or a lone surrogate written as U+FFFD
        }
    }
    return n;
}

void appendEscaped(QByteArray &out, QStringView s)
{
    static const char hex[] = "0123456789abcdef";
    const qsizetype len = s.size();
    for (qsizetype i = 0; i < len; ++i) {
        const char16_t c = s[i].unicode();
        if (c < 0x80) {
            switch (c) {
            case u'"':
                out.append("\\\"", 2);
                break;
            case u'\\':
                out.append("\\\\", 2);
                break;
            case u'\n':
                out.append("\\n", 2);
                break;
            case u'\r':
                out.append("\\r", 2);
                break;
            case u'\t':
                out.append("\\t", 2);
                break;
            case u'\b':
                out.append("\\b", 2);
                break;
            case u'\f':
                out.append("\\f", 2);
                break;
            default:
                if (c < 0x20) {
                    const char esc[6] = {'\\', 'u', '0', '0', hex[(c >> 4) & 0xf], hex[c & 0xf]};
                    out.append(esc, 6);
                } else {
                    out.append(char(c));
                }
            }
        } else if (c < 0x800) {
            out.append(char(0xc0 | (c >> 6)));
            out.append(char(0x80 | (c & 0x3f)));
        } else if (QChar::isHighSurrogate(c) && i + 1 < len &&
                   QChar::isLowSurrogate(s[i + 1].unicode())) {
            const char32_t cp = QChar::surrogateToUcs4(c, s[i + 1].unicode());
            ++i;
            out.append(char(0xf0 | (cp >> 18)));
            out.append(char(0x80 | ((cp >> 12) & 0x3f)));
            out.append(char(0x80 | ((cp >> 6) & 0x3f)));
            out.append(char(0x80 | (cp & 0x3f)));
        } else {
            const char16_t u = QChar::isSurrogate(c) ? char16_t(0xfffd) : c;
            out.append(char(0xe0 | (u >> 12)));
            out.append(char(0x80 | ((u >> 6) & 0x3f)));
            out.append(char(0x80 | (u & 0x3f)));
        }
    }
}

qsizetype nodeSize(const Node &node);

qsizetype listSize(const NodeList &nodes)
{
    qsizetype n = 2; // []
    if (!nodes.isEmpty())
        n += nodes.size() - 1; // commas
    for (const Node &child : nodes)
        n += nodeSize(child);
    return n;
}

qsizetype nodeSize(const Node &node)
{
    if (node.isText())
        return 2 + escapedSize(node.textValue());
    qsizetype n = 2 + 6 + 2 + escapedSize(node.tag()); // {"tag":"…"}
    if (!node.attrs().isEmpty()) {
        n += 1 + 8 + 2 + (node.attrs().size() - 1); // ,"attrs":{ … }
        for (const auto &a : node.attrs())
            n += 2 + escapedSize(a.first) + 1 + 2 + escapedSize(a.second);
    }
    if (!node.children().isEmpty())
        n += 1 + 11 + listSize(node.children()); // ,"children":[…]
    return n;
}

void writeNode(QByteArray &out, const Node &node);

void writeList(QByteArray &out, const NodeList &nodes)
{
    out.append('[');
    bool first = true;
    for (const Node &child : nodes) {
        if (!first)
            out.append(',');
        first = false;
        writeNode(out, child);
    }
    out.append(']');
}

void writeNode(QByteArray &out, const Node &node)
{
    if (node.isText()) {
        out.append('"');
        appendEscaped(out, node.textValue());
        out.append('"');
        return;
    }
    out.append("{\"tag\":\"", 8);
    appendEscaped(out, node.tag());
    out.append('"');
    if (!node.attrs().isEmpty()) {
        out.append(",\"attrs\":{", 10);
        bool first = true;
        for (const auto &a : node.attrs()) {
            if (!first)
                out.append(',');
            first = false;
            out.append('"');
            appendEscaped(out, a.first);
            out.append("\":\"", 3);
            appendEscaped(out, a.second);
            out.append('"');
        }
        out.append('}');
    }
    if (!node.children().isEmpty()) {
        out.append(",\"children\":", 12);
        writeList(out, node.children());
    }
    out.append('}');
}

} // namespace

QByteArray toJson(const NodeList &nodes)
{
    QByteArray out;
    out.reserve(listSize(nodes));
    writeList(out, nodes);
    return out;
}

QByteArray toJson(const Node &node)
{
    QByteArray out;
    out.reserve(nodeSize(node));
    writeNode(out, node);
    return out;
}

qsizetype jsonSize(const NodeList &nodes)
{
    return listSize(nodes);
}

qsizetype codePointCount(QStringView s)
{
    qsizetype n = 0;
    const qsizetype len = s.size();
    for (qsizetype i = 0; i < len; ++i) {
        if (s[i].isHighSurrogate() && i + 1 < len && s[i + 1].isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}

// ---------------------------------------------------------------------------------------------
// Reading

namespace {

/// A small recursive-descent JSON reader specialised for node trees. It keeps attribute order,
/// validates UTF-8 and bounds nesting, and reports the byte offset of the first problem.
class NodeReader
{
public:
    explicit NodeReader(const QByteArray &json)
        : m_p(json.constData())
        , m_begin(json.constData())
        , m_end(json.constData() + json.size())
    {}

    NodeParseResult parse()
    {
        NodeParseResult result;
        skipSpace();
        if (m_p == m_end) {
            fail(QStringLiteral("empty input: expected a JSON array of nodes"));
        } else if (*m_p == '[') {
            parseList(result.nodes, 0);
        } else {
            Node n;
            if (parseNode(n, 0))
                result.nodes.append(n);
        }
        if (m_error.isEmpty()) {
            skipSpace();
            if (m_p != m_end)
                fail(QStringLiteral("unexpected data after the end of the JSON value"));
        }
        if (!m_error.isEmpty()) {
            result.nodes.clear();
            result.error = m_error;
            result.offset = m_errorOffset;
        }
        return result;
    }

private:
    bool fail(const QString &message)
    {
        if (m_error.isEmpty()) {
            m_error = message + QStringLiteral(" (at byte %1)").arg(m_p - m_begin);
            m_errorOffset = m_p - m_begin;
        }
        return false;
    }

    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool expect(char c, const char *what)
    {
        skipSpace();
        if (m_p == m_end || *m_p != c)
            return fail(QStringLiteral("expected %1").arg(QLatin1String(what)));
        ++m_p;
        return true;
    }

    bool parseList(NodeList &out, int depth)
    {
        if (!expect('[', "'['"))
            return false;
        skipSpace();
        if (m_p != m_end && *m_p == ']') {
            ++m_p;
            return true;
        }
        for (;;) {
            Node n;
            if (!parseNode(n, depth))
                return false;
            out.append(std::move(n));
            skipSpace();
            if (m_p == m_end)
                return fail(QStringLiteral("unterminated array"));
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == ']') {
                ++m_p;
                return true;
            }
            return fail(QStringLiteral("expected ',' or ']' in an array"));
        }
    }

    bool parseNode(Node &out, int depth)
    {
        skipSpace();
        if (m_p == m_end)
            return fail(QStringLiteral("unexpected end of input: expected a node"));
        if (*m_p == '"') {
            QString s;
            if (!parseString(s))
                return false;
            out = Node::text(s);
            return true;
        }
        if (*m_p != '{')
            return fail(QStringLiteral("a node must be a string or an object"));
        if (depth >= MaxNodeDepth)
            return fail(QStringLiteral("nodes nested deeper than %1 levels").arg(MaxNodeDepth));
        ++m_p;
        QString tag;
        bool haveTag = false;
        Attributes attrs;
        NodeList children;
        skipSpace();
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
            return fail(QStringLiteral("element node without 'tag'"));
        }
        for (;;) {
            skipSpace();
            QString key;
            if (m_p == m_end || *m_p != '"')
                return fail(QStringLiteral("expected a key in a node object"));
            if (!parseString(key) || !expect(':', "':'"))
                return false;
            skipSpace();
            if (key == QLatin1String("tag")) {
                if (m_p == m_end || *m_p != '"')
                    return fail(QStringLiteral("'tag' must be a string"));
                if (!parseString(tag))
                    return false;
                haveTag = true;
            } else if (key == QLatin1String("attrs")) {
                if (!parseAttrs(attrs))
                    return false;
            } else if (key == QLatin1String("children")) {
                if (m_p != m_end && *m_p == 'n') {
                    if (!skipValue(depth))
                        return false;
                } else if (!parseList(children, depth + 1)) {
                    return false;
                }
            } else if (!skipValue(depth)) {
                return false;
            }
            skipSpace();
            if (m_p == m_end)
                return fail(QStringLiteral("unterminated node object"));
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == '}') {
                ++m_p;
                break;
            }
            return fail(QStringLiteral("expected ',' or '}' in a node object"));
        }
        if (!haveTag || tag.isEmpty())
            return fail(QStringLiteral("element node without 'tag'"));
        out = Node::element(tag, attrs, children);
        return true;
    }

    bool parseAttrs(Attributes &attrs)
    {
        if (m_p != m_end && *m_p == 'n')
            return skipValue(0); // "attrs": null
        if (!expect('{', "'{' for attrs"))
            return false;
        skipSpace();
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
            return true;
        }
        for (;;) {
            skipSpace();
            QString key, value;
            if (m_p == m_end || *m_p != '"')
                return fail(QStringLiteral("expected an attribute name"));
            if (!parseString(key) || !expect(':', "':'"))
                return false;
            skipSpace();
            if (m_p == m_end || *m_p != '"')
                return fail(QStringLiteral("attribute '%1' must have a string value").arg(key));
            if (!parseString(value))
                return false;
            attrs.append({key, value});
            skipSpace();
            if (m_p == m_end)
                return fail(QStringLiteral("unterminated attrs object"));
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == '}') {
                ++m_p;
                return true;
            }
            return fail(QStringLiteral("expected ',' or '}' in attrs"));
        }
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool parseHex4(char16_t &out)
    {
        if (m_end - m_p < 4)
            return fail(QStringLiteral("truncated \\u escape"));
        int v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_p[i]);
            if (h < 0)
                return fail(QStringLiteral("invalid \\u escape"));
            v = v * 16 + h;
        }
        m_p += 4;
        out = char16_t(v);
        return true;
    }

    bool parseString(QString &out)
    {
        ++m_p; // opening quote
        const char *runStart = m_p;
        QString result;
        auto flushRun = [&](const char *runEnd) -> bool {
            if (runEnd == runStart)
                return true;
            // ConvertInitialBom: a U+FEFF at the start of a run is content, not a byte order mark.
            QStringDecoder decoder(QStringDecoder::Utf8,
                                   QStringDecoder::Flag::Stateless |
                                       QStringDecoder::Flag::ConvertInitialBom);
            result += decoder.decode(QByteArrayView(runStart, runEnd - runStart));
            if (decoder.hasError()) {
                m_p = runStart;
                return fail(QStringLiteral("invalid UTF-8 in a string"));
            }
            return true;
        };
        while (m_p != m_end) {
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                if (!flushRun(m_p))
                    return false;
                ++m_p;
                out = result;
                return true;
            }
            if (c < 0x20)
                return fail(QStringLiteral("control character in a string"));
            if (c != '\\') {
                ++m_p;
                continue;
            }
            if (!flushRun(m_p))
                return false;
            ++m_p;
            if (m_p == m_end)
                break;
            const char e = *m_p++;
            switch (e) {
            case '"':
                result += QLatin1Char('"');
                break;
            case '\\':
                result += QLatin1Char('\\');
                break;
            case '/':
                result += QLatin1Char('/');
                break;
            case 'b':
                result += QLatin1Char('\b');
                break;
            case 'f':
                result += QLatin1Char('\f');
                break;
            case 'n':
                result += QLatin1Char('\n');
                break;
            case 'r':
                result += QLatin1Char('\r');
                break;
            case 't':
                result += QLatin1Char('\t');
                break;
            case 'u': {
                char16_t u = 0;
                if (!parseHex4(u))
                    return false;
                if (QChar::isHighSurrogate(u) && m_end - m_p >= 6 && m_p[0] == '\\' &&
                    m_p[1] == 'u') {
                    const char *save = m_p;
                    m_p += 2;
                    char16_t low = 0;
                    if (!parseHex4(low))
                        return false;
                    if (QChar::isLowSurrogate(low)) {
                        result += QChar(u);
                        result += QChar(low);
                        break;
                    }
                    m_p = save;
                }
                result += QChar::isSurrogate(u) ? QChar(QChar::ReplacementCharacter) : QChar(u);
                break;
            }
            default:
                --m_p;
                return fail(QStringLiteral("invalid escape '\\%1'").arg(QLatin1Char(e)));
            }
            runStart = m_p;
        }
        return fail(QStringLiteral("unterminated string"));
    }

    /// Skips any JSON value (for keys the API may add later), with the same depth bound.
    bool skipValue(int depth)
    {
        skipSpace();
        if (m_p == m_end)
            return fail(QStringLiteral("unexpected end of input"));
        if (depth >= MaxNodeDepth * 2)
            return fail(QStringLiteral("JSON nested too deeply"));
        const char c = *m_p;
        if (c == '"') {
            QString ignored;
            return parseString(ignored);
        }
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_p;
            skipSpace();
            if (m_p != m_end && *m_p == close) {
                ++m_p;
                return true;
            }
            for (;;) {
                if (c == '{') {
                    skipSpace();
                    if (m_p == m_end || *m_p != '"')
                        return fail(QStringLiteral("expected a key"));
                    QString ignored;
                    if (!parseString(ignored) || !expect(':', "':'"))
                        return false;
                }
                if (!skipValue(depth + 1))
                    return false;
                skipSpace();
                if (m_p == m_end)
                    return fail(QStringLiteral("unterminated value"));
                if (*m_p == ',') {
                    ++m_p;
                    continue;
                }
                if (*m_p == close) {
                    ++m_p;
                    return true;
                }
                return fail(QStringLiteral("expected ',' or a closing bracket"));
            }
        }
        // literals and numbers
        const char *start = m_p;
        while (m_p != m_end && (std::isalnum(static_cast<unsigned char>(*m_p)) || *m_p == '-' ||
                                *m_p == '+' || *m_p == '.'))
            ++m_p;
        if (m_p == start)
            return fail(QStringLiteral("unexpected character"));
        const QByteArrayView word(start, m_p - start);
        if (word == "true" || word == "false" || word == "null")
            return true;
        bool ok = false;
        word.toByteArray().toDouble(&ok);
        if (!ok) {
            m_p = start;
            return fail(QStringLiteral("invalid literal"));
        }
        return true;
    }

    const char *m_p;
    const char *m_begin;
    const char *m_end;
    QString m_error;
    qsizetype m_errorOffset = -1;
};

} // namespace

NodeParseResult nodesFromJson(const QByteArray &json)
{
    return NodeReader(json).parse();
}

} // namespace tg
