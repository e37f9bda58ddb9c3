// SPDX-License-Identifier: MIT
#include "content/markdown.h"

#include "content/embeds.h"
#include "content/htmlentities.h"
#include "content/htmlimport.h"
#include "content/htmlimportwarnings.h"
#include "content/htmlwriter.h"
#include "content/utf8.h"

#include <QHash>

#include <md4c.h>

#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace tg {

namespace {

using detail::ImportWarnings;

// ---------------------------------------------------------------------------------------------
// The builder's working tree: UTF-8 text in one arena, elements and attributes in flat arrays
// linked by index. Nothing is allocated per node or per text.
// ---------------------------------------------------------------------------------------------

/// Tags the builder knows by number; anything else (from imported HTML) is interned after them.
enum Tag : int
{
    TagRoot,
    TagP,
    TagH3,
    TagH4,
    TagUl,
    TagOl,
    TagLi,
    TagPre,
    TagBlockquote,
    TagAside,
    TagFigure,
    TagFigcaption,
    TagHr,
    TagBr,
    TagEm,
    TagStrong,
    TagS,
    TagU,
    TagB,
    TagI,
    TagCode,
    TagA,
    TagImg,
    TagIframe,
    TagVideo,
    TagFirstOther
};

const char *const kTagNames[TagFirstOther] = {
    "div",   "p",      "h3",         "h4", "ul",  "ol",     "li",     "pre", "blockquote",
    "aside", "figure", "figcaption", "hr", "br",  "em",     "strong", "s",   "u",
    "b",     "i",      "code",       "a",  "img", "iframe", "video"};

/// Attribute names by number; the three temporary ones never reach the output.
enum AttrName : int
{
    AttrHref,
    AttrSrc,
    AttrTmpTitle,   ///< a link's or image's title, for captions
    AttrTmpAlt,     ///< an image's alt text, for captions
    AttrTmpHeading, ///< a heading opened by inline raw HTML (md4c 0.4.8 starts no HTML block at
                    ///< <h1>..<h6>, so such headings arrive inside a paragraph)
    AttrFirstOther
};

const char *const kAttrNames[AttrFirstOther] = {"href", "src", "tg-md-title", "tg-md-alt",
                                                "tg-md-heading"};

bool isTemporary(int name)
{
    return name == AttrTmpTitle || name == AttrTmpAlt || name == AttrTmpHeading;
}

struct Slice
{
    qsizetype off = 0;
    qsizetype len = 0;
};

struct FNode
{
    bool text = false;
    /// Set once the parent is finished: temporary attributes are no longer seen from then on.
    bool stripped = false;
    int tag = TagRoot;
    Slice value; ///< the text of a text node
    int first = -1, last = -1, next = -1, prev = -1;
    int attrFirst = -1; ///< attributes of one element are a linked list too
    int attrLast = -1;
};

struct FAttr
{
    int name = 0;
    Slice value;
    int next = -1;
};

struct Chain
{
    int first = -1;
    int last = -1;
    bool isEmpty() const { return first < 0; }
};

/// Length in bytes of the whitespace character (as QChar::isSpace sees it) at p, or 0.
inline int spaceLength(const char *p, const char *end)
{
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x80)
        return c == 0x20 || (c >= 0x09 && c <= 0x0d) ? 1 : 0;
    const auto at = [&](qsizetype i) {
        return p + i < end ? static_cast<unsigned char>(p[i]) : 0u;
    };
    if (c == 0xC2)
        return at(1) == 0x85 || at(1) == 0xA0 ? 2 : 0;
    if (c == 0xE1)
        return at(1) == 0x9A && at(2) == 0x80 ? 3 : 0;
    if (c == 0xE2) {
        const unsigned b = at(1), d = at(2);
        if (b == 0x80 && ((d >= 0x80 && d <= 0x8A) || d == 0xA8 || d == 0xA9 || d == 0xAF))
            return 3;
        return b == 0x81 && d == 0x9F ? 3 : 0;
    }
    if (c == 0xE3)
        return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0;
    return 0;
}

/// Length of the whitespace character ending right before end (not before begin), or 0.
inline int spaceLengthBefore(const char *begin, const char *end)
{
    if (end <= begin)
        return 0;
    const auto c = static_cast<unsigned char>(end[-1]);
    if (c < 0x80)
        return spaceLength(end - 1, end);
    for (int n = 2; n <= 3; ++n) {
        if (end - begin >= n && spaceLength(end - n, end) == n)
            return n;
    }
    return 0;
}

inline bool hasNonSpace(std::string_view s)
{
    const char *p = s.data();
    const char *end = p + s.size();
    while (p < end) {
        const int n = spaceLength(p, end);
        if (n == 0)
            return true;
        p += n;
    }
    return false;
}

QString qstring(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

class FlatTree
{
public:
    FlatTree()
    {
        m_nodes.reserve(256);
        m_arena.reserve(4096);
        m_nodes.push_back(FNode{}); // the root, index 0
    }

    std::vector<FNode> m_nodes;
    std::vector<FAttr> m_attrs;
    QByteArray m_arena; ///< shared, not copied, by the flat document toFlat() gives
    std::vector<std::string> m_otherTags;
    std::vector<std::string> m_otherAttrs;
    bool pendingText = false; ///< for the assertion in store()

    FNode &at(int i) { return m_nodes[size_t(i)]; }
    const FNode &at(int i) const { return m_nodes[size_t(i)]; }

    std::string_view view(Slice s) const
    {
        return std::string_view(m_arena.constData() + s.off, size_t(s.len));
    }
    std::string_view textOf(int i) const { return view(at(i).value); }

    Slice store(std::string_view s)
    {
        Q_ASSERT(!pendingText); // the builder settles gathered text first
        const Slice out{qsizetype(m_arena.size()), qsizetype(s.size())};
        m_arena.append(s.data(), qsizetype(s.size()));
        return out;
    }
    Slice store(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        return store(std::string_view(utf8.constData(), size_t(utf8.size())));
    }

    int element(int tag)
    {
        FNode n;
        n.tag = tag;
        m_nodes.push_back(n);
        return int(m_nodes.size() - 1);
    }
    int text(Slice value)
    {
        FNode n;
        n.text = true;
        n.value = value;
        m_nodes.push_back(n);
        return int(m_nodes.size() - 1);
    }

    void addAttr(int node, int name, Slice value)
    {
        m_attrs.push_back(FAttr{name, value, -1});
        const int a = int(m_attrs.size() - 1);
        FNode &n = at(node);
        if (n.attrLast >= 0)
            m_attrs[size_t(n.attrLast)].next = a;
        else
            n.attrFirst = a;
        n.attrLast = a;
    }
    /// Index of the first attribute of this name, or -1; temporary ones once stripped are gone.
    int findAttr(int node, int name) const
    {
        const FNode &n = at(node);
        if (n.text || (n.stripped && isTemporary(name)))
            return -1;
        for (int a = n.attrFirst; a >= 0; a = m_attrs[size_t(a)].next) {
            if (m_attrs[size_t(a)].name == name)
                return a;
        }
        return -1;
    }
    bool hasAttr(int node, int name) const { return findAttr(node, name) >= 0; }
    std::string_view attr(int node, int name) const
    {
        const int a = findAttr(node, name);
        return a < 0 ? std::string_view() : view(m_attrs[size_t(a)].value);
    }

    bool isElement(int i, int tag) const { return !at(i).text && at(i).tag == tag; }

    static void link(std::vector<FNode> &nodes, Chain &chain, int id)
    {
        FNode &n = nodes[size_t(id)];
        n.next = -1;
        n.prev = chain.last;
        if (chain.last >= 0)
            nodes[size_t(chain.last)].next = id;
        else
            chain.first = id;
        chain.last = id;
    }
    void append(Chain &chain, int id) { link(m_nodes, chain, id); }
    void appendChild(int parent, int id)
    {
        Chain c{at(parent).first, at(parent).last};
        append(c, id);
        setChildren(parent, c);
    }
    void setChildren(int parent, Chain c)
    {
        at(parent).first = c.first;
        at(parent).last = c.last;
    }
    Chain children(int parent) const { return Chain{at(parent).first, at(parent).last}; }
    void removeLast(Chain &chain)
    {
        const int l = chain.last;
        chain.last = at(l).prev;
        if (chain.last >= 0)
            at(chain.last).next = -1;
        else
            chain.first = -1;
    }
    int childCount(int parent) const
    {
        int n = 0;
        for (int c = at(parent).first; c >= 0; c = at(c).next)
            ++n;
        return n;
    }

    /// Appends text to the end of chain, merged into a text node that ends it.
    void appendMerged(Chain &chain, int textNode)
    {
        if (chain.last >= 0 && at(chain.last).text) {
            Slice &prev = at(chain.last).value;
            const Slice add = at(textNode).value;
            if (prev.off + prev.len == add.off) {
                prev.len += add.len;
                return;
            }
            if (prev.off + prev.len != qsizetype(m_arena.size())) {
                const std::string copy(view(prev));
                prev = store(copy);
            }
            const std::string addCopy(view(add));
            m_arena.append(addCopy.data(), qsizetype(addCopy.size()));
            prev.len += add.len;
            return;
        }
        append(chain, textNode);
    }

    /// All text below node, concatenated (br contributes nothing, as in Node::plainText()).
    void plainText(int node, std::string &out, int depth = 0) const
    {
        if (at(node).text) {
            out.append(textOf(node));
            return;
        }
        if (depth > 2 * MaxNodeDepth + 64)
            return;
        for (int c = at(node).first; c >= 0; c = at(c).next)
            plainText(c, out, depth + 1);
    }

    std::string_view tagName(int tag) const
    {
        return tag < TagFirstOther ? std::string_view(kTagNames[tag])
                                   : std::string_view(m_otherTags[size_t(tag - TagFirstOther)]);
    }
    std::string_view attrName(int name) const
    {
        return name < AttrFirstOther
                   ? std::string_view(kAttrNames[name])
                   : std::string_view(m_otherAttrs[size_t(name - AttrFirstOther)]);
    }
    int internTag(const QString &tag)
    {
        const QByteArray utf8 = tag.toUtf8();
        const std::string_view v(utf8.constData(), size_t(utf8.size()));
        for (int t = 0; t < TagFirstOther; ++t) {
            if (v == kTagNames[t])
                return t;
        }
        for (size_t i = 0; i < m_otherTags.size(); ++i) {
            if (m_otherTags[i] == v)
                return TagFirstOther + int(i);
        }
        m_otherTags.emplace_back(v);
        return TagFirstOther + int(m_otherTags.size() - 1);
    }
    int internAttr(const QString &name)
    {
        const QByteArray utf8 = name.toUtf8();
        const std::string_view v(utf8.constData(), size_t(utf8.size()));
        for (int t = 0; t < AttrFirstOther; ++t) {
            if (v == kAttrNames[t])
                return t;
        }
        for (size_t i = 0; i < m_otherAttrs.size(); ++i) {
            if (m_otherAttrs[i] == v)
                return AttrFirstOther + int(i);
        }
        m_otherAttrs.emplace_back(v);
        return AttrFirstOther + int(m_otherAttrs.size() - 1);
    }

    /// Copies a tg::Node tree (from the HTML importer) in; depth is bounded by the importer.
    int fromNode(const Node &n, int depth = 0)
    {
        const int e = shallowFromNode(n);
        if (n.isText() || depth > 2 * MaxNodeDepth + 64)
            return e;
        for (const Node &c : n.children())
            appendChild(e, fromNode(c, depth + 1));
        return e;
    }

    /// A copy of a text node, or of an element with its attributes but without its children.
    int shallowFromNode(const Node &n)
    {
        if (n.isText())
            return text(store(n.textValue()));
        const int e = element(internTag(n.tag()));
        for (const auto &a : n.attrs())
            addAttr(e, internAttr(a.first), store(a.second));
        return e;
    }

    QString qtext(Slice s) const { return QString::fromUtf8(m_arena.constData() + s.off, s.len); }

    /// The tree below root as tg::Node values, temporary attributes left out.
    NodeList toNodes(int parent, int depth = 0) const
    {
        static const std::array<QString, TagFirstOther> tags = [] {
            std::array<QString, TagFirstOther> out;
            for (int t = 0; t < TagFirstOther; ++t)
                out[size_t(t)] = QString::fromLatin1(kTagNames[t]);
            return out;
        }();
        static const QString href = QStringLiteral("href");
        static const QString src = QStringLiteral("src");
        NodeList out;
        if (depth > 2 * MaxNodeDepth + 64)
            return out;
        out.reserve(childCount(parent));
        for (int c = at(parent).first; c >= 0; c = at(c).next) {
            const FNode &n = at(c);
            if (n.text) {
                out.append(Node::text(qtext(n.value)));
                continue;
            }
            Attributes attrs;
            for (int a = n.attrFirst; a >= 0; a = m_attrs[size_t(a)].next) {
                const FAttr &fa = m_attrs[size_t(a)];
                if (isTemporary(fa.name))
                    continue;
                attrs.append({fa.name == AttrHref  ? href
                              : fa.name == AttrSrc ? src
                                                   : qstring(attrName(fa.name)),
                              qtext(fa.value)});
            }
            out.append(
                Node::element(n.tag < TagFirstOther ? tags[size_t(n.tag)] : qstring(tagName(n.tag)),
                              attrs, toNodes(c, depth + 1)));
        }
        return out;
    }

    /// The same nodes as toNodes(0), as a flat document whose texts are slices of the arena (which
    /// it shares). Iterative; an element the builder refuses to nest is left out with its subtree.
    FlatDoc toFlat() const
    {
        static const std::array<FlatTag, TagFirstOther> tags = [] {
            std::array<FlatTag, TagFirstOther> out;
            for (int t = 0; t < TagFirstOther; ++t)
                out[size_t(t)] = flatTagFromName(QByteArrayView(kTagNames[t]));
            return out;
        }();
        FlatBuilder b(m_arena);
        b.reserve(qsizetype(m_nodes.size()), 256);
        std::vector<int> resume; // per open element: the sibling that follows it
        int c = at(0).first;
        for (;;) {
            if (c < 0) {
                if (resume.empty())
                    break;
                b.close();
                c = resume.back();
                resume.pop_back();
                continue;
            }
            const FNode &n = at(c);
            if (n.text) {
                b.text(asRead(view(n.value)), false);
                c = n.next;
                continue;
            }
            const QByteArrayView name = asRead(tagName(n.tag));
            if (!b.open(n.tag < TagFirstOther ? tags[size_t(n.tag)] : flatTagFromName(name),
                        name)) {
                c = n.next;
                continue;
            }
            for (int a = n.attrFirst; a >= 0; a = m_attrs[size_t(a)].next) {
                const FAttr &fa = m_attrs[size_t(a)];
                if (!isTemporary(fa.name))
                    b.attribute(asRead(attrName(fa.name)), asRead(view(fa.value)));
            }
            resume.push_back(n.next);
            c = resume.size() > size_t(2 * MaxNodeDepth + 64) ? -1 : n.first;
        }
        FlatDoc doc = b.finish();
        doc.keepInput(m_arena);
        return doc;
    }

private:
    /// A string as toNodes() keeps it: QString::fromUtf8() drops a leading U+FEFF.
    static QByteArrayView asRead(std::string_view s)
    {
        const QByteArrayView v(s.data(), qsizetype(s.size()));
        return v.startsWith("\xEF\xBB\xBF") ? v.sliced(3) : v;
    }
};

// ---------------------------------------------------------------------------------------------
// The lenient importer's whitespace rule (detail::normalizeInlineRun), on the flat tree: runs of
// whitespace become one space, spaces at the start (and after a br) and at the end are dropped,
// empty texts and empty inline elements disappear, adjacent texts merge.
// ---------------------------------------------------------------------------------------------

bool isVoidTagId(const FlatTree &t, int tag)
{
    if (tag == TagBr || tag == TagHr || tag == TagImg)
        return true;
    if (tag < TagFirstOther)
        return false;
    const std::string_view n = t.tagName(tag);
    return isVoidTag(QString::fromUtf8(n.data(), qsizetype(n.size())));
}

/// Collapses the whitespace of a text node in place (the result is never longer).
void collapseSpaces(FlatTree &t, int node, bool &prevSpace)
{
    Slice &s = t.at(node).value;
    char *begin = t.m_arena.data() + s.off;
    const char *p = begin;
    const char *end = begin + s.len;
    // The common case: printable ASCII and single spaces, nothing to move yet. Eight bytes at a
    // time while none is a control, a space or non-ASCII.
    while (end - p >= 8) {
        uint64_t word;
        std::memcpy(&word, p, 8);
        if (((word - 0x2121212121212121ull) | word) & 0x8080808080808080ull)
            break;
        p += 8;
        prevSpace = false;
    }
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c > 0x20 && c < 0x80) {
            prevSpace = false;
        } else if (c == 0x20 && !prevSpace) {
            prevSpace = true;
        } else {
            break;
        }
        ++p;
    }
    char *out = begin + (p - begin);
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c > 0x20 && c < 0x80) {
            *out++ = char(c);
            ++p;
            prevSpace = false;
            continue;
        }
        const int n = spaceLength(p, end);
        if (n > 0) {
            if (!prevSpace)
                *out++ = ' ';
            prevSpace = true;
            p += n;
        } else {
            *out++ = char(c);
            ++p;
            // Continuation bytes of a non-space character follow as they are.
            while (p < end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80)
                *out++ = *p++;
            prevSpace = false;
        }
    }
    s.len = qsizetype(out - begin);
}

/// cleanInline() over a chain of siblings: returns the cleaned chain, reusing the nodes.
Chain cleanInline(FlatTree &t, Chain in, bool &prevSpace, int depth)
{
    Chain out;
    for (int n = in.first; n >= 0;) {
        const int next = t.at(n).next;
        FNode &node = t.at(n);
        if (node.text) {
            collapseSpaces(t, n, prevSpace);
            if (t.at(n).value.len > 0)
                t.appendMerged(out, n);
        } else if (node.tag == TagBr) {
            node.first = node.last = -1;
            t.append(out, n);
            prevSpace = true;
        } else if (isVoidTagId(t, node.tag) || depth > 2 * MaxNodeDepth + 64) {
            t.append(out, n);
            prevSpace = false;
        } else {
            const Chain kids = cleanInline(t, t.children(n), prevSpace, depth + 1);
            if (!kids.isEmpty()) {
                t.setChildren(n, kids);
                t.append(out, n);
            }
        }
        n = next;
    }
    return out;
}

void trimTrailing(FlatTree &t, Chain &run, int depth)
{
    while (!run.isEmpty()) {
        const int l = run.last;
        FNode &last = t.at(l);
        if (last.text) {
            const char *begin = t.m_arena.constData() + last.value.off;
            const char *end = begin + last.value.len;
            while (const int n = spaceLengthBefore(begin, end))
                end -= n;
            last.value.len = qsizetype(end - begin);
            if (last.value.len > 0)
                return;
            t.removeLast(run);
        } else if (isVoidTagId(t, last.tag) || depth > 2 * MaxNodeDepth + 64) {
            return;
        } else {
            Chain kids = t.children(l);
            trimTrailing(t, kids, depth + 1);
            t.setChildren(l, kids);
            if (!kids.isEmpty())
                return;
            t.removeLast(run);
        }
    }
}

Chain cleanRun(FlatTree &t, Chain run)
{
    bool prevSpace = true;
    Chain out = cleanInline(t, run, prevSpace, 0);
    trimTrailing(t, out, 0);
    return out;
}

bool isBlockTagId(int tag)
{
    switch (tag) {
    case TagP:
    case TagH3:
    case TagH4:
    case TagUl:
    case TagOl:
    case TagLi:
    case TagPre:
    case TagBlockquote:
    case TagAside:
    case TagFigure:
    case TagHr:
    case TagFigcaption:
        return true;
    default:
        return false;
    }
}

/// Normalises whitespace in every maximal run of inline children, leaving blocks as they are.
Chain normalizeMixed(FlatTree &t, Chain children)
{
    Chain out;
    Chain run;
    const auto flush = [&]() {
        if (run.isEmpty())
            return;
        const Chain cleaned = cleanRun(t, run);
        for (int c = cleaned.first; c >= 0;) {
            const int next = t.at(c).next;
            t.append(out, c);
            c = next;
        }
        run = Chain{};
    };
    for (int c = children.first; c >= 0;) {
        const int next = t.at(c).next;
        if (!t.at(c).text && isBlockTagId(t.at(c).tag)) {
            flush();
            t.append(out, c);
        } else {
            t.append(run, c);
        }
        c = next;
    }
    flush();
    return out;
}

/// A caption's text as normalizeInlineRun would leave it: collapsed and trimmed.
std::string normalizedText(std::string_view in)
{
    std::string out;
    out.reserve(in.size());
    bool prevSpace = true;
    const char *p = in.data();
    const char *end = p + in.size();
    while (p < end) {
        const int n = spaceLength(p, end);
        if (n > 0) {
            if (!prevSpace)
                out.push_back(' ');
            prevSpace = true;
            p += n;
        } else {
            out.push_back(*p++);
            while (p < end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80)
                out.push_back(*p++);
            prevSpace = false;
        }
    }
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

/// Text of an md4c attribute (a link's href or title), entities and NUL characters resolved.
void attributeText(const MD_ATTRIBUTE &a, std::string &out)
{
    out.clear();
    if (!a.text || a.size == 0)
        return;
    for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
        const MD_OFFSET from = a.substr_offsets[i];
        const MD_OFFSET to = a.substr_offsets[i + 1];
        switch (a.substr_types[i]) {
        case MD_TEXT_ENTITY: {
            const QByteArray u =
                html::unescape(QString::fromUtf8(a.text + from, qsizetype(to - from))).toUtf8();
            out.append(u.constData(), size_t(u.size()));
            break;
        }
        case MD_TEXT_NULLCHAR:
            out.append("\xEF\xBF\xBD");
            break;
        default:
            out.append(a.text + from, size_t(to - from));
        }
    }
}

class MarkdownBuilder
{
public:
    MarkdownBuilder() { m_stack.push_back(0); }

    /// Parses valid UTF-8 into the flat tree; warnings land in warnings().
    void run(const char *utf8, qsizetype size);
    FlatTree &tree() { return m_tree; }
    QStringList warnings() const { return m_warnings.toStringList(); }

private:
    enum class FrameKind
    {
        Block,
        Span,
        Html
    };
    struct Frame
    {
        FrameKind kind = FrameKind::Block;
        bool pushed = false;
        int htmlTag = -1;       ///< for inline raw HTML frames: the Telegraph tag it opened
        qsizetype barrier = -1; ///< the innermost frame that is not raw HTML, at or below this
    };

    static int enterBlock(MD_BLOCKTYPE type, void *detail, void *self)
    {
        return static_cast<MarkdownBuilder *>(self)->onEnterBlock(type, detail);
    }
    static int leaveBlock(MD_BLOCKTYPE type, void *, void *self)
    {
        return static_cast<MarkdownBuilder *>(self)->onLeaveBlock(type);
    }
    static int enterSpan(MD_SPANTYPE type, void *detail, void *self)
    {
        return static_cast<MarkdownBuilder *>(self)->onEnterSpan(type, detail);
    }
    static int leaveSpan(MD_SPANTYPE type, void *, void *self)
    {
        return static_cast<MarkdownBuilder *>(self)->onLeaveSpan(type);
    }
    static int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self)
    {
        return static_cast<MarkdownBuilder *>(self)->onText(type, text, size);
    }

    int onEnterBlock(MD_BLOCKTYPE type, void *detail);
    int onLeaveBlock(MD_BLOCKTYPE type);
    int onEnterSpan(MD_SPANTYPE type, void *detail);
    int onLeaveSpan(MD_SPANTYPE type);
    int onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size);

    void push(FrameKind kind, int node, int htmlTag = -1);
    void pushElement(FrameKind kind, int tag) { push(kind, m_tree.element(tag)); }
    void pushTransparent(FrameKind kind) { appendFrame(Frame{kind, false, -1, -1}); }
    void appendFrame(Frame frame);
    /// Pops frames up to and including the innermost one of `kind`.
    void popUntil(FrameKind kind);
    void popOne();
    /// Post-processes a finished element: the node to append to its parent, or -1 to drop it.
    int finish(int node);
    int finishElement(int node);
    void appendText(std::string_view text);
    /// Texts arrive in many small pieces; they are gathered here and added as one node.
    void flushText();
    void appendNode(int node)
    {
        flushText();
        m_tree.appendChild(m_stack.back(), node);
    }
    void appendImported(const NodeList &nodes)
    {
        flushText();
        // Imported elements nest below the open ones (the root aside), within MaxNodeDepth.
        const int room = MaxNodeDepth - int(m_stack.size() - 1);
        for (const Node &n : nodes)
            appendImported(n, m_stack.back(), room);
    }
    /// Appends a copy of n to parent; an element that would nest deeper than room allows is
    /// flattened (its children take its place). The importer bounds the recursion.
    void appendImported(const Node &n, int parent, int room)
    {
        if (n.isElement() && room <= 0) {
            if (!m_flattenWarned)
                m_warnings.add(QStringLiteral("deep nesting flattened"));
            m_flattenWarned = true;
            for (const Node &c : n.children())
                appendImported(c, parent, room);
            return;
        }
        const int copy = m_tree.shallowFromNode(n);
        m_tree.appendChild(parent, copy);
        for (const Node &c : n.children())
            appendImported(c, copy, room - 1);
    }
    void inlineHtml(const QString &fragment);

    FlatTree m_tree;
    std::vector<int> m_stack;
    std::vector<Frame> m_frames;
    QHash<int, std::vector<qsizetype>> m_htmlOpen; ///< indexes of raw-HTML frames by tag
    ImportWarnings m_warnings;
    bool m_flattenWarned = false;
    int m_imageDepth = 0;
    std::string m_imageAlt;
    bool m_inHtmlBlock = false;
    std::string m_html;
    std::vector<int> m_rowCells;
    qsizetype m_pendingOff = -1; ///< start of gathered text at the end of the arena, or -1
    std::string m_scratch;
};

void MarkdownBuilder::push(FrameKind kind, int node, int htmlTag)
{
    flushText();
    if (m_stack.size() >= size_t(MaxNodeDepth - 8)) {
        if (!m_flattenWarned)
            m_warnings.add(QStringLiteral("deep nesting flattened"));
        m_flattenWarned = true;
        appendFrame(Frame{kind, false, htmlTag, -1});
        return;
    }
    m_stack.push_back(node);
    appendFrame(Frame{kind, true, htmlTag, -1});
}

void MarkdownBuilder::appendFrame(Frame frame)
{
    const qsizetype index = qsizetype(m_frames.size());
    frame.barrier = frame.kind != FrameKind::Html ? index
                    : m_frames.empty()            ? -1
                                                  : m_frames.back().barrier;
    if (frame.kind == FrameKind::Html)
        m_htmlOpen[frame.htmlTag].push_back(index);
    m_frames.push_back(frame);
}

void MarkdownBuilder::popOne()
{
    flushText();
    const Frame f = m_frames.back();
    m_frames.pop_back();
    if (f.kind == FrameKind::Html)
        m_htmlOpen[f.htmlTag].pop_back();
    if (!f.pushed)
        return;
    const int node = m_stack.back();
    m_stack.pop_back();
    const int done = finish(node);
    if (done >= 0)
        m_tree.appendChild(m_stack.back(), done);
}

void MarkdownBuilder::popUntil(FrameKind kind)
{
    while (!m_frames.empty()) {
        const bool last = m_frames.back().kind == kind;
        popOne();
        if (last)
            return;
    }
}

void MarkdownBuilder::appendText(std::string_view text)
{
    if (m_imageDepth > 0) {
        m_imageAlt.append(text);
        return;
    }
    if (m_pendingOff < 0) {
        m_pendingOff = qsizetype(m_tree.m_arena.size());
        m_tree.pendingText = true;
    }
    m_tree.m_arena.append(text.data(), qsizetype(text.size()));
}

void MarkdownBuilder::flushText()
{
    if (m_pendingOff < 0)
        return;
    const Slice pending{m_pendingOff, qsizetype(m_tree.m_arena.size()) - m_pendingOff};
    m_pendingOff = -1;
    m_tree.pendingText = false;
    if (pending.len == 0)
        return;
    const int top = m_stack.back();
    Chain c = m_tree.children(top);
    m_tree.appendMerged(c, m_tree.text(pending));
    m_tree.setChildren(top, c);
}

int MarkdownBuilder::finish(int node)
{
    const int done = finishElement(node);
    if (done < 0 || m_tree.at(done).first < 0)
        return done;
    bool inlineHeading = false;
    for (int c = m_tree.at(done).first; c >= 0 && !inlineHeading; c = m_tree.at(c).next)
        inlineHeading = m_tree.hasAttr(c, AttrTmpHeading);
    if (inlineHeading) {
        // A heading that does not stand alone in its paragraph cannot be kept: unwrap it.
        Chain kids;
        for (int c = m_tree.at(done).first; c >= 0;) {
            const int next = m_tree.at(c).next;
            if (m_tree.hasAttr(c, AttrTmpHeading)) {
                for (int g = m_tree.at(c).first; g >= 0;) {
                    const int gnext = m_tree.at(g).next;
                    if (m_tree.at(g).text)
                        m_tree.appendMerged(kids, g);
                    else
                        m_tree.append(kids, g);
                    g = gnext;
                }
            } else if (m_tree.at(c).text) {
                m_tree.appendMerged(kids, c);
            } else {
                m_tree.append(kids, c);
            }
            c = next;
        }
        m_tree.setChildren(done, kids);
    }
    for (int c = m_tree.at(done).first; c >= 0; c = m_tree.at(c).next)
        m_tree.at(c).stripped = true;
    return done;
}

int MarkdownBuilder::finishElement(int node)
{
    FlatTree &t = m_tree;
    const int tag = t.at(node).tag;
    switch (tag) {
    case TagPre: {
        const int first = t.at(node).first;
        Slice text;
        if (first >= 0 && first == t.at(node).last && t.at(first).text) {
            text = t.at(first).value;
        } else {
            m_scratch.clear();
            t.plainText(node, m_scratch);
            text = t.store(m_scratch);
        }
        if (text.len > 0 && t.m_arena.at(text.off + text.len - 1) == '\n')
            --text.len;
        if (text.len == 0)
            return -1;
        const int pre = t.element(TagPre);
        t.appendChild(pre, t.text(text));
        return pre;
    }
    case TagP:
    case TagH3:
    case TagH4: {
        const Chain kids = cleanRun(t, t.children(node));
        if (kids.isEmpty())
            return -1;
        t.setChildren(node, kids);
        if (tag == TagP && kids.first == kids.last && !t.at(kids.first).text) {
            const int only = kids.first;
            if (t.hasAttr(only, AttrTmpHeading)) {
                const int h = t.element(t.at(only).tag);
                t.setChildren(h, t.children(only));
                return h;
            }
            if (t.at(only).tag == TagImg) {
                std::string_view caption = t.attr(only, AttrTmpTitle);
                if (caption.empty())
                    caption = t.attr(only, AttrTmpAlt);
                const std::string captionText = normalizedText(caption);
                const std::string src(t.attr(only, AttrSrc));
                const int fig = t.element(TagFigure);
                const int img = t.element(TagImg);
                t.addAttr(img, AttrSrc, t.store(src));
                t.appendChild(fig, img);
                if (!captionText.empty()) {
                    const int cap = t.element(TagFigcaption);
                    t.appendChild(cap, t.text(t.store(captionText)));
                    t.appendChild(fig, cap);
                }
                return fig;
            }
            if (t.at(only).tag == TagA) {
                const std::string_view href = t.attr(only, AttrHref);
                m_scratch.clear();
                t.plainText(only, m_scratch);
                if (m_scratch == href || m_scratch.empty()) {
                    const QString qhref = qstring(href);
                    const Embed e = embedForUrl(qhref);
                    if (e.isValid() && !startsWith(href, "/embed/"))
                        return t.fromNode(
                            embedFigure(e, qstring(t.attr(only, AttrTmpTitle)).simplified()));
                }
            }
        }
        return node;
    }
    case TagLi:
        t.setChildren(node, normalizeMixed(t, t.children(node)));
        return node;
    case TagBlockquote: {
        Chain kids = normalizeMixed(t, t.children(node));
        if (kids.isEmpty())
            return -1;
        if (kids.first == kids.last && t.isElement(kids.first, TagP))
            kids = t.children(kids.first);
        t.setChildren(node, kids);
        return node;
    }
    case TagUl:
    case TagOl:
        return t.at(node).first < 0 ? -1 : node;
    case TagA:
    case TagImg:
        return node;
    default:
        // Inline formatting: drop when empty.
        if (t.at(node).first < 0 && tag != TagBr)
            return -1;
        return node;
    }
}

int MarkdownBuilder::onEnterBlock(MD_BLOCKTYPE type, void *detail)
{
    switch (type) {
    case MD_BLOCK_DOC:
    case MD_BLOCK_TABLE:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
        if (type == MD_BLOCK_TABLE)
            m_warnings.add(QStringLiteral("table turned into text"));
        pushTransparent(FrameKind::Block);
        break;
    case MD_BLOCK_QUOTE:
        pushElement(FrameKind::Block, TagBlockquote);
        break;
    case MD_BLOCK_UL:
        pushElement(FrameKind::Block, TagUl);
        break;
    case MD_BLOCK_OL: {
        const auto *d = static_cast<const MD_BLOCK_OL_DETAIL *>(detail);
        if (d && d->start != 1)
            m_warnings.add(QStringLiteral("numbered list starting at ") +
                           QString::number(d->start) + QStringLiteral(" now starts at 1"));
        pushElement(FrameKind::Block, TagOl);
        break;
    }
    case MD_BLOCK_LI:
        pushElement(FrameKind::Block, TagLi);
        break;
    case MD_BLOCK_HR:
        appendNode(m_tree.element(TagHr));
        pushTransparent(FrameKind::Block);
        break;
    case MD_BLOCK_H: {
        const auto *d = static_cast<const MD_BLOCK_H_DETAIL *>(detail);
        pushElement(FrameKind::Block, d && d->level <= 2 ? TagH3 : TagH4);
        break;
    }
    case MD_BLOCK_CODE:
        pushElement(FrameKind::Block, TagPre);
        break;
    case MD_BLOCK_HTML:
        m_inHtmlBlock = true;
        m_html.clear();
        pushTransparent(FrameKind::Block);
        break;
    case MD_BLOCK_P:
        pushElement(FrameKind::Block, TagP);
        break;
    case MD_BLOCK_TR:
        m_rowCells.push_back(0);
        pushElement(FrameKind::Block, TagP);
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        if (!m_rowCells.empty() && m_rowCells.back()++ > 0)
            appendText(" | ");
        if (type == MD_BLOCK_TH)
            pushElement(FrameKind::Block, TagStrong);
        else
            pushTransparent(FrameKind::Block);
        break;
    }
    return 0;
}

int MarkdownBuilder::onLeaveBlock(MD_BLOCKTYPE type)
{
    if (type == MD_BLOCK_HTML) {
        m_inHtmlBlock = false;
        popUntil(FrameKind::Block);
        const HtmlImportResult imported =
            importHtml(QString::fromUtf8(m_html.data(), qsizetype(m_html.size())));
        appendImported(imported.nodes);
        m_warnings.addAll(imported.warnings);
        return 0;
    }
    if (type == MD_BLOCK_TR && !m_rowCells.empty())
        m_rowCells.pop_back();
    popUntil(FrameKind::Block);
    return 0;
}

int MarkdownBuilder::onEnterSpan(MD_SPANTYPE type, void *detail)
{
    // Gathered text lives at the end of the arena: settle it before anything else is stored.
    // It goes to the same node either way, as no element opens or closes in between.
    flushText();
    if (m_imageDepth > 0) {
        if (type == MD_SPAN_IMG)
            ++m_imageDepth;
        return 0;
    }
    switch (type) {
    case MD_SPAN_EM:
        pushElement(FrameKind::Span, TagEm);
        break;
    case MD_SPAN_STRONG:
        pushElement(FrameKind::Span, TagStrong);
        break;
    case MD_SPAN_DEL:
        pushElement(FrameKind::Span, TagS);
        break;
    case MD_SPAN_U:
        pushElement(FrameKind::Span, TagU);
        break;
    case MD_SPAN_CODE:
        pushElement(FrameKind::Span, TagCode);
        break;
    case MD_SPAN_A: {
        const auto *d = static_cast<const MD_SPAN_A_DETAIL *>(detail);
        attributeText(d->href, m_scratch);
        if (m_scratch.find(':') != std::string::npos) {
            if (const QString scheme = scriptUrlScheme(qstring(m_scratch)); !scheme.isEmpty()) {
                m_warnings.add(scheme + QStringLiteral(" link removed"));
                pushTransparent(FrameKind::Span);
                break;
            }
        }
        const int a = m_tree.element(TagA);
        m_tree.addAttr(a, AttrHref, m_tree.store(m_scratch));
        attributeText(d->title, m_scratch);
        if (!m_scratch.empty())
            m_tree.addAttr(a, AttrTmpTitle, m_tree.store(m_scratch));
        push(FrameKind::Span, a);
        break;
    }
    case MD_SPAN_IMG: {
        const auto *d = static_cast<const MD_SPAN_IMG_DETAIL *>(detail);
        attributeText(d->src, m_scratch);
        if (m_scratch.find(':') != std::string::npos && isScriptUrl(qstring(m_scratch))) {
            // Its text only ever becomes alt text: it goes with the image.
            m_warnings.add(QStringLiteral("image without a usable source removed"));
            pushTransparent(FrameKind::Span);
            m_imageDepth = 1;
            m_imageAlt.clear();
            break;
        }
        const int img = m_tree.element(TagImg);
        m_tree.addAttr(img, AttrSrc, m_tree.store(m_scratch));
        attributeText(d->title, m_scratch);
        if (!m_scratch.empty())
            m_tree.addAttr(img, AttrTmpTitle, m_tree.store(m_scratch));
        push(FrameKind::Span, img);
        m_imageDepth = 1;
        m_imageAlt.clear();
        break;
    }
    default: // wiki links and LaTeX are not enabled
        pushTransparent(FrameKind::Span);
        break;
    }
    return 0;
}

int MarkdownBuilder::onLeaveSpan(MD_SPANTYPE type)
{
    if (m_imageDepth > 0) {
        // Spans inside an image's text only contribute to its alt text.
        if (type != MD_SPAN_IMG || --m_imageDepth > 0)
            return 0;
        if (!m_frames.empty() && m_frames.back().pushed && hasNonSpace(m_imageAlt)) {
            flushText();
            const int img = m_stack.back();
            const int existing = m_tree.findAttr(img, AttrTmpAlt);
            const Slice value = m_tree.store(m_imageAlt);
            if (existing >= 0)
                m_tree.m_attrs[size_t(existing)].value = value;
            else
                m_tree.addAttr(img, AttrTmpAlt, value);
        }
    }
    popUntil(FrameKind::Span);
    return 0;
}

void MarkdownBuilder::inlineHtml(const QString &fragment)
{
    flushText();
    const QString f = fragment.trimmed();
    if (f.startsWith(QLatin1String("<!")) || f.startsWith(QLatin1String("<?")))
        return; // comments, declarations, CDATA
    const bool closing = f.startsWith(QLatin1String("</"));
    qsizetype i = closing ? 2 : 1;
    QString name;
    while (i < f.size() && (f.at(i).isLetterOrNumber() || f.at(i) == QLatin1Char('-')))
        name.append(f.at(i++).toLower());
    static const QHash<QString, int> mapped = {
        {QStringLiteral("u"), TagU},      {QStringLiteral("ins"), TagU},
        {QStringLiteral("b"), TagB},      {QStringLiteral("strong"), TagStrong},
        {QStringLiteral("i"), TagI},      {QStringLiteral("em"), TagEm},
        {QStringLiteral("s"), TagS},      {QStringLiteral("del"), TagS},
        {QStringLiteral("strike"), TagS}, {QStringLiteral("code"), TagCode},
        {QStringLiteral("kbd"), TagCode}, {QStringLiteral("a"), TagA},
        {QStringLiteral("h1"), TagH3},    {QStringLiteral("h2"), TagH3},
        {QStringLiteral("h3"), TagH3},    {QStringLiteral("h4"), TagH4},
        {QStringLiteral("h5"), TagH4},    {QStringLiteral("h6"), TagH4}};
    if (name == QLatin1String("br")) {
        if (!closing)
            appendNode(m_tree.element(TagBr));
        return;
    }
    if (name == QLatin1String("img") && !closing) {
        const HtmlImportResult r = importHtml(f);
        m_warnings.addAll(r.warnings);
        for (const Node &n : r.nodes) {
            if (n.tag() != QLatin1String("figure") || n.children().isEmpty())
                continue;
            Node img = n.children().first();
            if (img.tag() != QLatin1String("img"))
                continue;
            if (n.children().size() > 1)
                img.setAttr(QString::fromLatin1(kAttrNames[AttrTmpTitle]),
                            n.children().at(1).plainText());
            appendNode(m_tree.fromNode(img));
        }
        return;
    }
    const int tag = mapped.value(name, -1);
    if (tag < 0) {
        if (!closing && !name.isEmpty())
            m_warnings.add(name + QStringLiteral(" unwrapped"));
        return;
    }
    if (closing) {
        // Close the innermost matching raw-HTML element, and whatever raw HTML opened inside it,
        // unless Markdown opened something in between. Found without scanning the frames.
        const auto open = m_htmlOpen.constFind(tag);
        if (open == m_htmlOpen.cend() || open->empty() || m_frames.empty())
            return;
        const qsizetype k = open->back();
        if (k < m_frames.back().barrier)
            return;
        while (qsizetype(m_frames.size()) > k)
            popOne();
        return;
    }
    if (tag == TagA) {
        const HtmlImportResult r = importHtml(QString(f + QStringLiteral("x</a>")));
        QString href;
        if (!r.nodes.isEmpty() && !r.nodes.first().children().isEmpty())
            href = r.nodes.first().children().first().attr(u"href");
        if (href.isEmpty()) {
            m_warnings.addAll(r.warnings);
            appendFrame(Frame{FrameKind::Html, false, tag, -1});
            return;
        }
        const int a = m_tree.element(TagA);
        m_tree.addAttr(a, AttrHref, m_tree.store(href));
        push(FrameKind::Html, a, tag);
        return;
    }
    const QString tagName = QString::fromLatin1(kTagNames[tag]);
    if (name != tagName)
        m_warnings.add(name + QStringLiteral(" became ") + tagName);
    const int e = m_tree.element(tag);
    if (tag == TagH3 || tag == TagH4)
        m_tree.addAttr(e, AttrTmpHeading, Slice{});
    push(FrameKind::Html, e, tag);
}

int MarkdownBuilder::onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
{
    const std::string_view s(text, size_t(size));
    if (m_inHtmlBlock) {
        m_html.append(s);
        return 0;
    }
    switch (type) {
    case MD_TEXT_NULLCHAR:
        appendText("\xEF\xBF\xBD");
        break;
    case MD_TEXT_BR:
        if (m_imageDepth > 0)
            appendText(" ");
        else
            appendNode(m_tree.element(TagBr));
        break;
    case MD_TEXT_SOFTBR:
        appendText(" ");
        break;
    case MD_TEXT_ENTITY: {
        const QByteArray u = html::unescape(qstring(s)).toUtf8();
        appendText(std::string_view(u.constData(), size_t(u.size())));
        break;
    }
    case MD_TEXT_HTML:
        if (m_imageDepth > 0)
            break;
        inlineHtml(qstring(s));
        break;
    default:
        appendText(s);
        break;
    }
    return 0;
}

void MarkdownBuilder::run(const char *utf8, qsizetype size)
{
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_PERMISSIVEWWWAUTOLINKS |
                   MD_FLAG_PERMISSIVEEMAILAUTOLINKS | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = &MarkdownBuilder::enterBlock;
    parser.leave_block = &MarkdownBuilder::leaveBlock;
    parser.enter_span = &MarkdownBuilder::enterSpan;
    parser.leave_span = &MarkdownBuilder::leaveSpan;
    parser.text = &MarkdownBuilder::text;
    m_tree.m_arena.reserve(size + size / 4 + 64);
    m_tree.m_nodes.reserve(size_t(size) / 16 + 16);
    md_parse(utf8, MD_SIZE(size), &parser, this);
    while (!m_frames.empty())
        popOne();
    flushText();
}

} // namespace

MarkdownResult markdownToNodes(QStringView markdown)
{
    const QByteArray utf8 = markdown.toUtf8();
    MarkdownBuilder builder;
    builder.run(utf8.constData(), utf8.size());
    MarkdownResult result;
    result.nodes = builder.tree().toNodes(0);
    result.warnings = builder.warnings();
    return result;
}

namespace {

void runUtf8(MarkdownBuilder &builder, QByteArrayView utf8)
{
    if (utf8::invalidOffset(utf8) < 0) {
        builder.run(utf8.data(), utf8.size());
    } else {
        // Invalid sequences read as U+FFFD, exactly as QString::fromUtf8() reads them.
        const QByteArray clean = QString::fromUtf8(utf8).toUtf8();
        builder.run(clean.constData(), clean.size());
    }
}

} // namespace

detail::MarkdownFlatStats detail::markdownFlatStats(QByteArrayView utf8)
{
    MarkdownBuilder builder;
    runUtf8(builder, utf8);
    MarkdownFlatStats stats;
    // Walks what is reachable from the root, the way any consumer of the flat tree would.
    std::vector<int> todo{0};
    while (!todo.empty()) {
        const int n = todo.back();
        todo.pop_back();
        ++stats.nodes;
        const FNode &node = builder.tree().at(n);
        if (node.text)
            stats.textBytes += node.value.len;
        for (int c = node.first; c >= 0; c = builder.tree().at(c).next)
            todo.push_back(c);
    }
    --stats.nodes; // the root
    stats.warnings = builder.warnings().size();
    return stats;
}

MarkdownResult markdownToNodes(QByteArrayView utf8)
{
    MarkdownBuilder builder;
    runUtf8(builder, utf8);
    MarkdownResult result;
    result.nodes = builder.tree().toNodes(0);
    result.warnings = builder.warnings();
    return result;
}

FlatMarkdownResult markdownToFlat(QByteArrayView utf8)
{
    FlatMarkdownResult result;
    // Slices of a flat document address fewer than 2^31 bytes.
    constexpr qsizetype limit = 0x7fffffff;
    if (utf8.size() >= limit) {
        result.error = QStringLiteral("input is 2 GiB or larger");
        return result;
    }
    MarkdownBuilder builder;
    runUtf8(builder, utf8);
    result.warnings = builder.warnings();
    if (builder.tree().m_arena.size() >= limit) {
        result.error = QStringLiteral("text is 2 GiB or larger");
        return result;
    }
    result.doc = builder.tree().toFlat();
    if (result.doc.arenaSize() >= limit) {
        result.doc = FlatDoc();
        result.error = QStringLiteral("text is 2 GiB or larger");
    }
    return result;
}

} // namespace tg
