// SPDX-License-Identifier: MIT
#include "content/flatdoc.h"
#include "content/utf8.h"

#include <QIODevice>

#include <algorithm>
#include <array>

namespace tg {

namespace {

constexpr std::array<QByteArrayView, 24> kTagNames = {
    "a",      "aside", "b",   "blockquote", "br",     "code",   "em",  "figcaption",
    "figure", "h3",    "h4",  "hr",         "i",      "iframe", "img", "li",
    "ol",     "p",     "pre", "s",          "strong", "u",      "ul",  "video",
};

} // namespace

QByteArrayView flatTagName(FlatTag tag)
{
    const auto i = size_t(tag);
    return i < kTagNames.size() ? kTagNames[i] : QByteArrayView();
}

FlatTag flatTagFromName(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > 10)
        return FlatTag::Raw;
    for (size_t i = 0; i < kTagNames.size(); ++i) {
        if (kTagNames[i] == name)
            return FlatTag(i);
    }
    return FlatTag::Raw;
}

QByteArrayView FlatDoc::tagName(quint32 i) const
{
    const FlatNode &n = m_nodes[i];
    if (n.tag != FlatTag::Raw)
        return flatTagName(n.tag);
    const auto it = std::lower_bound(m_rawTags.begin(), m_rawTags.end(), i,
                                     [](const auto &e, quint32 v) { return e.first < v; });
    if (it == m_rawTags.end() || it->first != i)
        return {};
    return str(it->second);
}

// ---------------------------------------------------------------------------------------------
// Building

FlatBuilder::FlatBuilder(QByteArrayView input)
    : m_inBegin(input.data())
    , m_inEnd(input.data() + input.size())
{
    m_doc.m_input = input;
}

void FlatBuilder::reserve(qsizetype nodes, qsizetype arenaBytes)
{
    m_doc.m_nodes.reserve(size_t(nodes));
    m_doc.m_arena.reserve(arenaBytes);
}

FlatStr FlatBuilder::store(QByteArrayView s)
{
    if (s.isEmpty())
        return FlatStr{};
    if (s.data() >= m_inBegin && s.data() + s.size() <= m_inEnd && m_inBegin)
        return FlatStr{quint32(s.data() - m_inBegin), quint32(s.size())};
    const qsizetype at = m_doc.m_arena.size();
    m_doc.m_arena.append(s.data(), s.size());
    return FlatStr{quint32(at) | FlatStr::ArenaBit, quint32(s.size())};
}

void FlatBuilder::flushText()
{
    if (!m_hasPending)
        return;
    m_hasPending = false;
    FlatStr s;
    if (m_pendingInBuf) {
        s = store(m_pendingBuf);
        m_pendingBuf.clear();
    } else {
        s = FlatStr{quint32(m_sliceBegin - m_inBegin), quint32(m_sliceEnd - m_sliceBegin)};
    }
    FlatNode n;
    n.kind = FlatNode::Text;
    n.a = s.offset;
    n.b = s.size;
    n.end = quint32(m_doc.m_nodes.size() + 1);
    m_doc.m_nodes.push_back(n);
}

void FlatBuilder::text(QByteArrayView utf8, bool merge)
{
    if (!merge) {
        flushText();
        const FlatStr s = store(utf8);
        FlatNode n;
        n.kind = FlatNode::Text;
        n.a = s.offset;
        n.b = s.size;
        n.end = quint32(m_doc.m_nodes.size() + 1);
        m_doc.m_nodes.push_back(n);
        return;
    }
    if (utf8.isEmpty())
        return;
    const bool inInput =
        m_inBegin && utf8.data() >= m_inBegin && utf8.data() + utf8.size() <= m_inEnd;
    if (!m_hasPending) {
        m_hasPending = true;
        if (inInput) {
            m_pendingInBuf = false;
            m_sliceBegin = utf8.data();
            m_sliceEnd = utf8.data() + utf8.size();
        } else {
            m_pendingInBuf = true;
            m_pendingBuf.append(utf8.data(), utf8.size());
        }
        return;
    }
    if (!m_pendingInBuf) {
        if (inInput && utf8.data() == m_sliceEnd) {
            m_sliceEnd += utf8.size();
            return;
        }
        m_pendingInBuf = true;
        m_pendingBuf.append(m_sliceBegin, m_sliceEnd - m_sliceBegin);
    }
    m_pendingBuf.append(utf8.data(), utf8.size());
}

bool FlatBuilder::open(FlatTag tag, QByteArrayView rawName)
{
    if (m_stack.size() >= size_t(MaxNodeDepth))
        return false;
    flushText();
    const auto index = quint32(m_doc.m_nodes.size());
    FlatNode n;
    n.kind = FlatNode::Element;
    n.tag = tag;
    n.end = index + 1;
    m_doc.m_nodes.push_back(n);
    if (tag == FlatTag::Raw)
        m_doc.m_rawTags.push_back({index, store(rawName)});
    if (m_attrPool.size() <= m_stack.size())
        m_attrPool.emplace_back();
    m_attrPool[m_stack.size()].clear();
    m_stack.push_back(Frame{index, m_stack.size()});
    return true;
}

void FlatBuilder::setTag(FlatTag tag, QByteArrayView rawName)
{
    if (m_stack.empty())
        return;
    const quint32 index = m_stack.back().node;
    m_doc.m_nodes[index].tag = tag;
    if (tag == FlatTag::Raw)
        m_doc.m_rawTags.push_back({index, store(rawName)}); // the last entry wins at finish()
}

void FlatBuilder::attribute(QByteArrayView name, QByteArrayView value, bool replace)
{
    if (m_stack.empty())
        return;
    std::vector<FlatAttr> &attrs = m_attrPool[m_stack.back().attrs];
    if (replace) {
        for (FlatAttr &a : attrs) {
            if (m_doc.str(a.name) == name) {
                a.value = store(value);
                return;
            }
        }
    }
    const FlatStr n = store(name);
    attrs.push_back(FlatAttr{n, store(value)});
}

void FlatBuilder::close()
{
    if (m_stack.empty())
        return;
    flushText();
    const Frame f = m_stack.back();
    m_stack.pop_back();
    FlatNode &n = m_doc.m_nodes[f.node];
    n.end = quint32(m_doc.m_nodes.size());
    n.a = quint32(m_doc.m_attrs.size());
    std::vector<FlatAttr> &attrs = m_attrPool[f.attrs];
    n.b = quint32(attrs.size());
    m_doc.m_attrs.insert(m_doc.m_attrs.end(), attrs.begin(), attrs.end());
    attrs.clear();
}

FlatDoc FlatBuilder::finish()
{
    flushText();
    while (!m_stack.empty())
        close();
    auto &raw = m_doc.m_rawTags;
    std::stable_sort(raw.begin(), raw.end(),
                     [](const auto &x, const auto &y) { return x.first < y.first; });
    // Keep the last entry per node (setTag after open), in place.
    size_t w = 0;
    for (size_t r = 0; r < raw.size(); ++r) {
        if (w > 0 && raw[w - 1].first == raw[r].first)
            raw[w - 1] = raw[r];
        else
            raw[w++] = raw[r];
    }
    raw.resize(w);
    FlatDoc out = std::move(m_doc);
    m_doc = FlatDoc();
    m_doc.m_input = out.m_input;
    return out;
}

// ---------------------------------------------------------------------------------------------
// Trees

namespace {

const QString &tagQString(FlatTag tag)
{
    return allowedTags().at(qsizetype(tag));
}

/// UTF-16 to UTF-8 with lone surrogates as U+FFFD, the way tg::toJson encodes.
void appendUtf8(QByteArray &out, QStringView s)
{
    const qsizetype len = s.size();
    for (qsizetype i = 0; i < len; ++i) {
        const char16_t c = s[i].unicode();
        if (c < 0x80) {
            out.append(char(c));
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

QString fromUtf8(QByteArrayView s)
{
    return utf8::toQString(s);
}

} // namespace

NodeList toNodes(const FlatDoc &doc)
{
    const std::vector<FlatNode> &nodes = doc.nodes();
    struct Frame
    {
        quint32 end;
        quint32 node;
        NodeList kids;
    };
    NodeList roots;
    std::vector<Frame> stack;
    auto element = [&doc](quint32 i, const NodeList &kids) {
        const FlatNode &n = doc.nodes()[i];
        Attributes attrs;
        attrs.reserve(n.b);
        for (quint32 k = 0; k < n.b; ++k) {
            const FlatAttr &a = doc.attrs()[n.a + k];
            attrs.append({fromUtf8(doc.str(a.name)), fromUtf8(doc.str(a.value))});
        }
        const QString tag = n.tag == FlatTag::Raw ? fromUtf8(doc.tagName(i)) : tagQString(n.tag);
        return Node::element(tag, attrs, kids);
    };
    auto closeTop = [&] {
        Frame f = std::move(stack.back());
        stack.pop_back();
        Node e = element(f.node, f.kids);
        f.kids = NodeList();
        (stack.empty() ? roots : stack.back().kids).append(std::move(e));
    };
    const auto count = quint32(nodes.size());
    for (quint32 i = 0; i < count; ++i) {
        while (!stack.empty() && stack.back().end <= i)
            closeTop();
        NodeList &target = stack.empty() ? roots : stack.back().kids;
        const FlatNode &n = nodes[i];
        if (n.isText())
            target.append(Node::text(fromUtf8(doc.text(n))));
        else if (!n.hasChildren(i))
            target.append(element(i, {}));
        else
            stack.push_back(Frame{n.end, i, {}});
    }
    while (!stack.empty())
        closeTop();
    return roots;
}

FlatDoc fromNodes(const NodeList &nodes)
{
    FlatBuilder b;
    QByteArray name, value;
    struct Level
    {
        const NodeList *list;
        qsizetype next;
    };
    std::vector<Level> stack{{&nodes, 0}};
    while (!stack.empty()) {
        Level &level = stack.back();
        if (level.next >= level.list->size()) {
            stack.pop_back();
            if (!stack.empty())
                b.close();
            continue;
        }
        const Node &n = level.list->at(level.next++);
        if (n.isText()) {
            value.clear();
            appendUtf8(value, n.textValue());
            b.text(value, false);
            continue;
        }
        name.clear();
        appendUtf8(name, n.tag());
        const FlatTag tag = flatTagFromName(name);
        if (!b.open(tag, name))
            continue; // deeper than MaxNodeDepth: cut off
        for (const auto &a : n.attrs()) {
            name.clear();
            value.clear();
            appendUtf8(name, a.first);
            appendUtf8(value, a.second);
            b.attribute(name, value);
        }
        stack.push_back({&n.children(), 0}); // `level` is not used after this
    }
    return b.finish();
}

// ---------------------------------------------------------------------------------------------
// Output

ByteSink::ByteSink(QByteArray *target)
    : m_bytes(target)
{}

ByteSink::ByteSink(QIODevice *device)
    : m_device(device)
{}

ByteSink::ByteSink(std::FILE *file)
    : m_file(file)
{}

ByteSink::~ByteSink()
{
    flush();
}

bool ByteSink::flush()
{
    if (m_used > 0) {
        if (m_bytes) {
            m_bytes->append(m_buf, m_used);
        } else if (m_device) {
            if (m_device->write(m_buf, m_used) != m_used)
                m_ok = false;
        } else if (m_file) {
            if (std::fwrite(m_buf, 1, size_t(m_used), m_file) != size_t(m_used))
                m_ok = false;
        }
        m_total += m_used;
        m_used = 0;
    }
    return m_ok;
}

void ByteSink::appendSlow(const char *data, qsizetype size)
{
    while (size > 0) {
        if (m_used == qsizetype(sizeof(m_buf)))
            flush();
        const qsizetype n = std::min(size, qsizetype(sizeof(m_buf)) - m_used);
        std::memcpy(m_buf + m_used, data, size_t(n));
        m_used += n;
        data += n;
        size -= n;
    }
}

namespace {

/// For each byte: 0 when JSON writes it as it is, else the letter of its two-character escape,
/// or 'u' for \u00XX (Python's json.dumps with ensure_ascii=False).
struct JsonEscapes
{
    char code[256] = {};
    constexpr JsonEscapes()
    {
        for (int c = 0; c < 0x20; ++c)
            code[c] = 'u';
        code[int('"')] = '"';
        code[int('\\')] = '\\';
        code[int('\n')] = 'n';
        code[int('\r')] = 'r';
        code[int('\t')] = 't';
        code[int('\b')] = 'b';
        code[int('\f')] = 'f';
    }
};
constexpr JsonEscapes kJson;

void writeJsonString(ByteSink &out, QByteArrayView s)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const auto *end = p + s.size();
    const auto *run = p;
    for (; p != end; ++p) {
        const char e = kJson.code[*p];
        if (!e)
            continue;
        out.append(reinterpret_cast<const char *>(run), p - run);
        if (e == 'u') {
            const char esc[6] = {'\\', 'u', '0', '0', hex[(*p >> 4) & 0xf], hex[*p & 0xf]};
            out.append(esc, 6);
        } else {
            const char esc[2] = {'\\', e};
            out.append(esc, 2);
        }
        run = p + 1;
    }
    out.append(reinterpret_cast<const char *>(run), end - run);
    out.append('"');
}

qsizetype jsonStringSize(QByteArrayView s)
{
    qsizetype n = 2 + s.size();
    for (const char c : s) {
        const char e = kJson.code[static_cast<unsigned char>(c)];
        if (e)
            n += e == 'u' ? 5 : 1;
    }
    return n;
}

} // namespace

void flatToJson(const FlatDoc &doc, ByteSink &out)
{
    const std::vector<FlatNode> &nodes = doc.nodes();
    std::vector<quint32> ends;
    bool first = true;
    out.append('[');
    const auto count = quint32(nodes.size());
    for (quint32 i = 0; i < count; ++i) {
        while (!ends.empty() && ends.back() <= i) {
            out.append("]}", 2);
            ends.pop_back();
        }
        if (!first)
            out.append(',');
        first = false;
        const FlatNode &n = nodes[i];
        if (n.isText()) {
            writeJsonString(out, doc.text(n));
            continue;
        }
        out.append("{\"tag\":", 7);
        writeJsonString(out, doc.tagName(i));
        if (n.b > 0) {
            out.append(",\"attrs\":{", 10);
            for (quint32 k = 0; k < n.b; ++k) {
                const FlatAttr &a = doc.attrs()[n.a + k];
                if (k)
                    out.append(',');
                writeJsonString(out, doc.str(a.name));
                out.append(':');
                writeJsonString(out, doc.str(a.value));
            }
            out.append('}');
        }
        if (n.hasChildren(i)) {
            out.append(",\"children\":[", 13);
            ends.push_back(n.end);
            first = true;
        } else {
            out.append('}');
        }
    }
    for (size_t k = 0; k < ends.size(); ++k)
        out.append("]}", 2);
    out.append(']');
}

QByteArray flatToJson(const FlatDoc &doc)
{
    QByteArray out;
    out.reserve(flatJsonSize(doc));
    {
        ByteSink sink(&out);
        flatToJson(doc, sink);
    }
    return out;
}

qsizetype flatJsonSize(const FlatDoc &doc)
{
    const std::vector<FlatNode> &nodes = doc.nodes();
    qsizetype n = 2; // [] of the top level
    const auto count = quint32(nodes.size());
    for (quint32 i = 0; i < count; ++i) {
        n += 1; // a comma before every node; one too many per non-empty list, taken back below
        const FlatNode &node = nodes[i];
        if (node.isText()) {
            n += jsonStringSize(doc.text(node));
            continue;
        }
        n += 2 + 6 + jsonStringSize(doc.tagName(i)); // {"tag":…}
        if (node.b > 0) {
            n += 11 + (node.b - 1); // ,"attrs":{…}
            for (quint32 k = 0; k < node.b; ++k) {
                const FlatAttr &a = doc.attrs()[node.a + k];
                n += jsonStringSize(doc.str(a.name)) + 1 + jsonStringSize(doc.str(a.value));
            }
        }
        if (node.hasChildren(i))
            n += 12 + 2 - 1; // ,"children":[…] less the extra comma of its list
    }
    if (count > 0)
        n -= 1; // the top-level list's extra comma
    return n;
}

// ---------------------------------------------------------------------------------------------
// HTML

namespace {

bool isWriterVoid(QByteArrayView tag)
{
    static constexpr QByteArrayView kVoid[] = {
        "area",   "base", "br",       "col",  "embed", "hr",     "img",   "input",
        "keygen", "link", "menuitem", "meta", "param", "source", "track", "wbr",
    };
    return std::any_of(std::begin(kVoid), std::end(kVoid),
                       [tag](QByteArrayView v) { return v == tag; });
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// tg::isValidAttributeName / isValidTagName on UTF-8 (both accept ASCII only).
bool isSafeName(QByteArrayView name, bool attribute)
{
    if (name.isEmpty() || name.size() > 64 || !isLetter(name.front()))
        return false;
    return std::all_of(name.begin(), name.end(), [attribute](char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '-' ||
               (attribute && (c == '_' || c == ':' || c == '.'));
    });
}

void writeHtmlEscaped(ByteSink &out, QByteArrayView s)
{
    const char *p = s.data();
    const char *end = p + s.size();
    const char *run = p;
    for (; p != end; ++p) {
        QByteArrayView rep;
        switch (*p) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#x27;";
            break;
        default:
            continue;
        }
        out.append(run, p - run);
        out.append(rep);
        run = p + 1;
    }
    out.append(run, end - run);
}

} // namespace

void flatToHtml(const FlatDoc &doc, ByteSink &out)
{
    const std::vector<FlatNode> &nodes = doc.nodes();
    struct Open
    {
        quint32 end;
        quint32 node;
    };
    std::vector<Open> stack;
    auto closeTop = [&] {
        out.append("</", 2);
        out.append(doc.tagName(stack.back().node));
        out.append('>');
        stack.pop_back();
    };
    const auto count = quint32(nodes.size());
    for (quint32 i = 0; i < count; ++i) {
        while (!stack.empty() && stack.back().end <= i)
            closeTop();
        const FlatNode &n = nodes[i];
        if (n.isText()) {
            writeHtmlEscaped(out, doc.text(n));
            continue;
        }
        const QByteArrayView tag = doc.tagName(i);
        if (n.tag == FlatTag::Raw && !isSafeName(tag, false))
            continue; // written as its children only, which follow in preorder
        out.append('<');
        out.append(tag);
        for (quint32 k = 0; k < n.b; ++k) {
            const FlatAttr &a = doc.attrs()[n.a + k];
            const QByteArrayView name = doc.str(a.name);
            if (!isSafeName(name, true))
                continue;
            out.append(' ');
            out.append(name);
            out.append("=\"", 2);
            writeHtmlEscaped(out, doc.str(a.value));
            out.append('"');
        }
        if (n.hasChildren(i)) {
            out.append('>');
            stack.push_back(Open{n.end, i});
        } else if (isWriterVoid(tag)) {
            out.append("/>", 2);
        } else {
            out.append("></", 3);
            out.append(tag);
            out.append('>');
        }
    }
    while (!stack.empty())
        closeTop();
}

QByteArray flatToHtml(const FlatDoc &doc)
{
    QByteArray out;
    {
        ByteSink sink(&out);
        flatToHtml(doc, sink);
    }
    return out;
}

} // namespace tg
