// SPDX-License-Identifier: MIT
#include "htmlimport.h"

#include "embeds.h"
#include "htmlimportdetail.h"
#include "htmlimportwarnings.h"

#include <QSet>
#include <QUrl>

#include <gumbo.h>

#include <cstdlib>
#include <cstring>

namespace tg {

namespace {

using detail::ImportWarnings;

// ---------------------------------------------------------------------------------------------
// Gumbo memory. gumbo_destroy_output() frees the tree recursively, which overflows the stack on
// deeply nested input. Every allocation is kept on an intrusive list instead, so the whole parse
// can be released in one flat loop without walking the tree.

struct alignas(16) AllocHeader
{
    AllocHeader *prev;
    AllocHeader *next;
};

struct GumboArena
{
    AllocHeader head{&head, &head};

    GumboArena() = default;
    GumboArena(const GumboArena &) = delete;
    GumboArena &operator=(const GumboArena &) = delete;
    ~GumboArena()
    {
        AllocHeader *h = head.next;
        while (h != &head) {
            AllocHeader *next = h->next;
            std::free(h);
            h = next;
        }
    }
};

void *arenaAllocate(void *userdata, size_t size)
{
    auto *arena = static_cast<GumboArena *>(userdata);
    auto *h = static_cast<AllocHeader *>(std::malloc(sizeof(AllocHeader) + size));
    if (!h)
        std::abort(); // gumbo does not handle allocation failure either
    h->prev = &arena->head;
    h->next = arena->head.next;
    arena->head.next->prev = h;
    arena->head.next = h;
    return h + 1;
}

void arenaDeallocate(void *, void *ptr)
{
    if (!ptr)
        return;
    AllocHeader *h = static_cast<AllocHeader *>(ptr) - 1;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    std::free(h);
}

// ---------------------------------------------------------------------------------------------
// Helpers

const QString &tagDiv()
{
    static const QString s = QStringLiteral("div"); // pseudo block container, never emitted
    return s;
}

QString attrValue(const GumboElement &el, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&el.attributes, name);
    return a ? QString::fromUtf8(a->value).trimmed() : QString();
}

QString tagName(const GumboNode *node)
{
    const GumboElement &el = node->v.element;
    if (el.tag != GUMBO_TAG_UNKNOWN)
        return QString::fromLatin1(gumbo_normalized_tagname(el.tag));
    GumboStringPiece piece = el.original_tag;
    gumbo_tag_from_original_text(&piece);
    bool plain = piece.data && piece.length > 0 && piece.length <= 40;
    for (size_t i = 0; plain && i < piece.length; ++i) {
        const char c = piece.data[i];
        plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || c == ':' || c == '.';
    }
    if (!plain)
        return QStringLiteral("unknown element");
    return QString::fromLatin1(piece.data, qsizetype(piece.length)).toLower();
}

/// javascript:, vbscript: and data: URLs never reach Telegraph content.
QString unsafeScheme(const QString &url)
{
    QString compact;
    for (QChar c : url) {
        if (!c.isSpace() && c.unicode() >= 0x20)
            compact.append(c.toLower());
        if (compact.size() > 12)
            break;
    }
    for (const char *scheme : {"javascript:", "vbscript:", "data:"}) {
        if (compact.startsWith(QLatin1String(scheme)))
            return QString::fromLatin1(scheme);
    }
    return {};
}

bool isInlineTag(QStringView t)
{
    return t == u"a" || t == u"b" || t == u"strong" || t == u"i" || t == u"em" || t == u"s" ||
           t == u"u" || t == u"code" || t == u"br";
}

void appendMerged(NodeList &list, const QString &text)
{
    if (!list.isEmpty() && list.last().isText())
        list.last().setText(list.last().textValue() + text);
    else
        list.append(Node::text(text));
}

/// Collapses whitespace the way the strict rules do; prevSpace carries across text nodes.
QString collapseSpaces(const QString &text, bool &prevSpace)
{
    // Fast path: most texts need no change, so share them instead of copying.
    bool change = false;
    bool space = prevSpace;
    for (QChar c : text) {
        const bool isSpace = c.isSpace();
        if (isSpace && (space || c != QLatin1Char(' '))) {
            change = true;
            break;
        }
        space = isSpace;
    }
    if (!change) {
        prevSpace = text.isEmpty() ? prevSpace : space;
        return text;
    }
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c.isSpace()) {
            if (!prevSpace)
                out.append(QLatin1Char(' '));
            prevSpace = true;
        } else {
            out.append(c);
            prevSpace = false;
        }
    }
    return out;
}

NodeList cleanInline(const NodeList &in, bool &prevSpace)
{
    NodeList out;
    for (const Node &n : in) {
        if (n.isText()) {
            const QString t = collapseSpaces(n.textValue(), prevSpace);
            if (!t.isEmpty())
                appendMerged(out, t);
        } else if (n.tag() == QLatin1String("br")) {
            out.append(Node::element(QStringLiteral("br")));
            prevSpace = true;
        } else {
            if (isVoidTag(n.tag())) {
                out.append(n);
                prevSpace = false;
                continue;
            }
            const NodeList kids = cleanInline(n.children(), prevSpace);
            if (!kids.isEmpty())
                out.append(Node::element(n.tag(), n.attrs(), kids));
        }
    }
    return out;
}

void trimTrailing(NodeList &run)
{
    while (!run.isEmpty()) {
        Node &last = run.last();
        if (last.isText()) {
            QString t = last.textValue();
            while (!t.isEmpty() && t.back().isSpace())
                t.chop(1);
            if (!t.isEmpty()) {
                last.setText(t);
                return;
            }
            run.removeLast();
        } else if (isVoidTag(last.tag())) {
            return;
        } else {
            trimTrailing(last.children());
            if (!last.children().isEmpty())
                return;
            run.removeLast();
        }
    }
}

/// Whether cleanInline() would leave this content unchanged (checked without copying).
bool isCleanInline(const NodeList &run, bool &prevSpace)
{
    bool previousWasText = false;
    for (const Node &n : run) {
        if (n.isText()) {
            const QString &t = n.textValue();
            if (t.isEmpty() || previousWasText)
                return false;
            for (QChar c : t) {
                const bool space = c.isSpace();
                if (space && (prevSpace || c != QLatin1Char(' ')))
                    return false;
                prevSpace = space;
            }
            previousWasText = true;
            continue;
        }
        previousWasText = false;
        if (isVoidTag(n.tag())) {
            prevSpace = n.tag() == QLatin1String("br");
            continue;
        }
        if (n.children().isEmpty() || !isCleanInline(n.children(), prevSpace))
            return false;
    }
    return true;
}

bool endsWithSpace(const NodeList &run)
{
    const NodeList *list = &run;
    while (!list->isEmpty()) {
        const Node &last = list->last();
        if (last.isText())
            return !last.textValue().isEmpty() && last.textValue().back().isSpace();
        list = &last.children();
    }
    return false;
}

/// Whitespace-normalised inline content of one block, without empty texts or empty elements.
NodeList cleanRun(const NodeList &run)
{
    bool clean = true;
    if (isCleanInline(run, clean) && !endsWithSpace(run))
        return run; // the common case: share, do not rebuild
    bool prevSpace = true;
    NodeList out = cleanInline(run, prevSpace);
    trimTrailing(out);
    return out;
}

QString preText(const Node &node)
{
    QString out;
    // Iterative: pre content can be as deep as the rest of the intermediate tree.
    QList<QPair<const Node *, qsizetype>> stack{{&node, 0}};
    while (!stack.isEmpty()) {
        auto &[n, i] = stack.last();
        if (i >= n->children().size()) {
            stack.removeLast();
            continue;
        }
        const Node &child = n->children().at(i++);
        if (child.isText())
            out += child.textValue();
        else if (child.tag() == QLatin1String("br"))
            out += QLatin1Char('\n');
        else
            stack.append({&child, 0});
    }
    return out;
}

QString providerName(const QString &provider)
{
    if (provider == QLatin1String("youtube"))
        return QStringLiteral("YouTube");
    if (provider == QLatin1String("vimeo"))
        return QStringLiteral("Vimeo");
    if (provider == QLatin1String("twitter"))
        return QStringLiteral("Twitter");
    return QStringLiteral("Telegram");
}

// ---------------------------------------------------------------------------------------------
// Nesting guard. Gumbo's tree construction scans the stack of open elements for many tags, which
// makes pathological nesting quadratic (100,000 nested divs take about a minute). A cheap scan
// estimates the nesting from the tags that are not void and are not closed implicitly; only when
// it exceeds the cap are the tags beyond it removed, their text kept. Ordinary documents pass
// through untouched.

constexpr int NestingCap = 2 * MaxNodeDepth;

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Tags that do not deepen the nesting in a way a naive count can follow: void elements, those
/// whose end tag is usually omitted, and raw-text elements (handled separately).
bool isUncountedTag(const QByteArray &name)
{
    static const QSet<QByteArray> names = {
        "area",  "base",   "br",      "col",      "embed",    "hr",        "img",      "input",
        "link",  "meta",   "param",   "source",   "track",    "wbr",       "keygen",   "p",
        "li",    "dt",     "dd",      "tr",       "td",       "th",        "option",   "optgroup",
        "thead", "tbody",  "tfoot",   "colgroup", "caption",  "rb",        "rt",       "rtc",
        "rp",    "html",   "head",    "body",     "script",   "style",     "textarea", "title",
        "xmp",   "iframe", "noembed", "noframes", "noscript", "plaintext", "template"};
    return names.contains(name);
}

bool isRawTextTag(const QByteArray &name)
{
    static const QSet<QByteArray> names = {"script", "style",   "textarea", "title",   "xmp",
                                           "iframe", "noembed", "noframes", "noscript"};
    return names.contains(name);
}

/// One pass over the markup. With `out` null it only measures the deepest naive nesting; with
/// `out` set it copies the input without the tags nested deeper than NestingCap.
int scanNesting(const QByteArray &in, QByteArray *out)
{
    const char *d = in.constData();
    const qsizetype n = in.size();
    int depth = 0;
    int maxDepth = 0;
    qsizetype copied = 0; // input up to here is already in out (or deliberately skipped)
    qsizetype i = 0;
    const auto skipTo = [&](qsizetype from, const char *needle) {
        const qsizetype at = in.indexOf(needle, from);
        return at < 0 ? n : at + qsizetype(std::strlen(needle));
    };
    const auto dropRange = [&](qsizetype from, qsizetype to) {
        if (out) {
            out->append(d + copied, from - copied);
            copied = to;
        }
    };
    while (i < n) {
        if (d[i] != '<') {
            ++i;
            continue;
        }
        if (i + 3 < n && d[i + 1] == '!' && d[i + 2] == '-' && d[i + 3] == '-') {
            i = skipTo(i + 4, "-->");
            continue;
        }
        if (i + 1 < n && (d[i + 1] == '!' || d[i + 1] == '?')) {
            i = skipTo(i + 2, ">");
            continue;
        }
        const bool end = i + 1 < n && d[i + 1] == '/';
        const qsizetype nameAt = i + (end ? 2 : 1);
        if (nameAt >= n || !isAsciiAlpha(d[nameAt])) {
            ++i;
            continue;
        }
        qsizetype j = nameAt;
        while (j < n && d[j] != '>' && d[j] != '/' && d[j] != ' ' && d[j] != '\t' && d[j] != '\n' &&
               d[j] != '\r' && d[j] != '\f')
            ++j;
        const QByteArray name = QByteArray(d + nameAt, j - nameAt).toLower();
        char quote = 0;
        while (j < n && (quote || d[j] != '>')) {
            if (quote && d[j] == quote)
                quote = 0;
            else if (!quote && (d[j] == '"' || d[j] == '\'') && !end)
                quote = d[j];
            ++j;
        }
        const qsizetype tagEnd = j < n ? j + 1 : n;
        if (name == "plaintext" && !end)
            break;
        if (!end && isRawTextTag(name)) {
            const QByteArray close = "</" + name;
            qsizetype k = tagEnd;
            while (k < n) {
                const qsizetype at = in.indexOf('<', k);
                if (at < 0 || at + close.size() > n) {
                    k = n;
                    break;
                }
                if (QByteArray(d + at, close.size()).toLower() == close) {
                    k = at;
                    break;
                }
                k = at + 1;
            }
            i = k;
            continue;
        }
        if (!isUncountedTag(name)) {
            if (end) {
                if (depth > NestingCap)
                    dropRange(i, tagEnd);
                depth = qMax(0, depth - 1);
            } else {
                ++depth;
                maxDepth = qMax(maxDepth, depth);
                if (depth > NestingCap)
                    dropRange(i, tagEnd);
            }
        }
        i = tagEnd;
    }
    if (out)
        out->append(d + copied, n - copied);
    return maxDepth;
}

QByteArray limitNesting(const QByteArray &in, bool *limited)
{
    *limited = scanNesting(in, nullptr) > NestingCap;
    if (!*limited)
        return in;
    QByteArray out;
    out.reserve(in.size());
    scanNesting(in, &out);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Stage 1: gumbo tree → intermediate tree of Telegraph tags plus the pseudo tag "div", built
// with an explicit stack. Elements are mapped, dropped or unwrapped; depth is capped.

class TreeBuilder
{
public:
    TreeBuilder(ImportWarnings &warnings, bool flattenWarned)
        : m_warnings(warnings)
        , m_flattenWarned(flattenWarned)
    {
        m_stack.append(Node::element(tagDiv()));
    }

    Node build(const GumboNode *document);

private:
    struct Frame
    {
        const GumboNode *node = nullptr;
        unsigned next = 0;
        bool pushed = false;
        bool pre = false;
        bool cell = false;
        bool row = false;
        int cells = 0;
    };

    void visit(const GumboNode *node);
    void enterElement(const GumboNode *node);
    void leave(const Frame &frame);
    void descend(const GumboNode *node, const QString &tag, const Attributes &attrs = {});
    void descendTransparent(const GumboNode *node);
    void appendText(const QString &text) { appendMerged(m_stack.last().children(), text); }
    void appendNode(const Node &node) { m_stack.last().appendChild(node); }
    void warnAttributes(const GumboElement &el, std::initializer_list<const char *> used);
    bool embedTwitterBlockquote(const GumboNode *node);
    void addEmbed(const Embed &embed, const QString &what);

    ImportWarnings &m_warnings;
    bool m_flattenWarned = false;
    NodeList m_stack;
    QList<Frame> m_frames;
    int m_preDepth = 0;
    int m_cellDepth = 0;
};

Node TreeBuilder::build(const GumboNode *document)
{
    m_frames.append(Frame{document});
    while (!m_frames.isEmpty()) {
        const qsizetype top = m_frames.size() - 1;
        const GumboNode *node = m_frames.at(top).node;
        const GumboVector &children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children
                                                                        : node->v.element.children;
        if (m_frames.at(top).next < children.length) {
            const unsigned i = m_frames[top].next++;
            visit(static_cast<const GumboNode *>(children.data[i]));
            continue;
        }
        const Frame frame = m_frames.takeLast();
        leave(frame);
    }
    return m_stack.first();
}

void TreeBuilder::visit(const GumboNode *node)
{
    switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
        appendText(QString::fromUtf8(node->v.text.text));
        break;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
        enterElement(node);
        break;
    default:
        break; // comments, documents
    }
}

void TreeBuilder::descend(const GumboNode *node, const QString &tag, const Attributes &attrs)
{
    Frame f{node};
    if (m_stack.size() >= MaxNodeDepth - 8) {
        if (!m_flattenWarned)
            m_warnings.add(QStringLiteral("deep nesting flattened"));
        m_flattenWarned = true;
    } else {
        m_stack.append(Node::element(tag, attrs));
        f.pushed = true;
    }
    m_frames.append(f);
}

void TreeBuilder::descendTransparent(const GumboNode *node)
{
    m_frames.append(Frame{node});
}

void TreeBuilder::leave(const Frame &frame)
{
    if (frame.pre)
        --m_preDepth;
    if (frame.cell)
        --m_cellDepth;
    if (frame.pushed) {
        const Node n = m_stack.takeLast();
        m_stack.last().appendChild(n);
    }
}

void TreeBuilder::warnAttributes(const GumboElement &el, std::initializer_list<const char *> used)
{
    for (unsigned i = 0; i < el.attributes.length; ++i) {
        const auto *a = static_cast<const GumboAttribute *>(el.attributes.data[i]);
        bool known = false;
        for (const char *u : used)
            known = known || std::strcmp(a->name, u) == 0;
        if (known)
            continue;
        QString name = QString::fromUtf8(a->name);
        if (name.startsWith(QLatin1String("data-")))
            name = QStringLiteral("data-*");
        m_warnings.add(QStringLiteral("attribute '") + name + QStringLiteral("' removed"));
    }
}

void TreeBuilder::addEmbed(const Embed &embed, const QString &what)
{
    appendNode(
        Node::element(QStringLiteral("iframe"), {{QStringLiteral("src"), embedSource(embed)}}));
    m_warnings.add(providerName(embed.provider) + QLatin1Char(' ') + what +
                   QStringLiteral(" became an embed"));
}

bool TreeBuilder::embedTwitterBlockquote(const GumboNode *node)
{
    // The widget markup ends with a link to the status; search the subtree without recursion.
    QList<const GumboNode *> todo{node};
    Embed found;
    int budget = 10000;
    while (!todo.isEmpty() && budget-- > 0) {
        const GumboNode *n = todo.takeLast();
        if (n->type != GUMBO_NODE_ELEMENT)
            continue;
        if (n->v.element.tag == GUMBO_TAG_A) {
            const Embed e = embedForUrl(attrValue(n->v.element, "href"));
            if (e.provider == QLatin1String("twitter"))
                found = e; // keep the last one in document order (pushed in reverse below)
            if (found.isValid())
                break;
        }
        const GumboVector &kids = n->v.element.children;
        for (unsigned i = kids.length; i > 0; --i)
            todo.append(static_cast<const GumboNode *>(kids.data[i - 1]));
    }
    if (!found.isValid())
        return false;
    addEmbed(found, QStringLiteral("widget"));
    return true;
}

void TreeBuilder::enterElement(const GumboNode *node)
{
    const GumboElement &el = node->v.element;
    if (el.tag_namespace == GUMBO_NAMESPACE_SVG || el.tag_namespace == GUMBO_NAMESPACE_MATHML) {
        m_warnings.add(tagName(node) + QStringLiteral(" removed"));
        return;
    }
    if (node->type == GUMBO_NODE_TEMPLATE) {
        m_warnings.add(QStringLiteral("template removed"));
        return;
    }

    const auto keep = [&](const char *tag) {
        warnAttributes(el, {});
        descend(node, QString::fromLatin1(tag));
    };
    const auto renamed = [&](const char *tag) {
        m_warnings.add(tagName(node) + QStringLiteral(" became ") + QString::fromLatin1(tag));
        keep(tag);
    };
    const auto unwrap = [&]() {
        m_warnings.add(tagName(node) + QStringLiteral(" unwrapped"));
        descendTransparent(node);
    };
    const auto dropped = [&]() {
        m_warnings.add(tagName(node) + QStringLiteral(" removed"));
    };

    // Inside a pre everything is text; inside a table cell blocks become spaces.
    if (m_preDepth > 0 && el.tag != GUMBO_TAG_BR && el.tag != GUMBO_TAG_SCRIPT &&
        el.tag != GUMBO_TAG_STYLE) {
        descendTransparent(node);
        return;
    }

    switch (el.tag) {
    // Never content.
    case GUMBO_TAG_HEAD: // may hold a widget script the parser moved there
        descendTransparent(node);
        return;
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_MAP:
        return;
    case GUMBO_TAG_SCRIPT: {
        const QString post = attrValue(el, "data-telegram-post");
        const Embed e =
            post.isEmpty() ? Embed{} : embedForUrl(QString(QStringLiteral("https://t.me/") + post));
        if (e.isValid())
            addEmbed(e, QStringLiteral("widget"));
        else
            dropped();
        return;
    }
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
        dropped();
        return;
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
        m_warnings.add(QStringLiteral("form field removed"));
        return;

    // Containers.
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
        descendTransparent(node);
        return;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
        if (m_cellDepth > 0) {
            appendText(QStringLiteral(" "));
            descendTransparent(node);
        } else {
            descend(node, tagDiv());
        }
        return;

    // Tables: a paragraph per row, cells separated by " | ".
    case GUMBO_TAG_TABLE:
        m_warnings.add(QStringLiteral("table turned into text"));
        descendTransparent(node);
        return;
    case GUMBO_TAG_CAPTION:
        if (m_cellDepth > 0)
            descendTransparent(node);
        else
            descend(node, QStringLiteral("p"));
        return;
    case GUMBO_TAG_TR:
        if (m_cellDepth > 0) {
            appendText(QStringLiteral(" "));
            descendTransparent(node);
        } else {
            descend(node, QStringLiteral("p"));
            m_frames.last().row = true;
        }
        return;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: {
        for (qsizetype i = m_frames.size() - 1; i >= 0; --i) {
            if (m_frames.at(i).row) {
                if (m_frames[i].cells++ > 0)
                    appendText(QStringLiteral(" | "));
                break;
            }
        }
        if (el.tag == GUMBO_TAG_TH && m_cellDepth == 0)
            descend(node, QStringLiteral("strong"));
        else
            descendTransparent(node);
        m_frames.last().cell = true;
        ++m_cellDepth;
        return;
    }

    // Blocks.
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
        if (m_cellDepth > 0) {
            appendText(QStringLiteral(" "));
            descendTransparent(node);
            return;
        }
        switch (el.tag) {
        case GUMBO_TAG_P:
            return keep("p");
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
            return renamed("h3");
        case GUMBO_TAG_H3:
            return keep("h3");
        case GUMBO_TAG_H4:
            return keep("h4");
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
            return renamed("h4");
        case GUMBO_TAG_BLOCKQUOTE: {
            const QString cls = attrValue(el, "class");
            if (cls.contains(QLatin1String("twitter-tweet")) && embedTwitterBlockquote(node))
                return;
            return keep("blockquote");
        }
        case GUMBO_TAG_ASIDE:
            return keep("aside");
        case GUMBO_TAG_UL:
            return keep("ul");
        case GUMBO_TAG_OL:
            return keep("ol");
        case GUMBO_TAG_LI:
            return keep("li");
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_DIR:
            return renamed("ul");
        case GUMBO_TAG_FIGURE:
            return keep("figure");
        default:
            return keep("figcaption");
        }
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
        if (m_cellDepth > 0) {
            descendTransparent(node);
            return;
        }
        if (el.tag == GUMBO_TAG_PRE)
            keep("pre");
        else
            renamed("pre");
        m_frames.last().pre = true;
        ++m_preDepth;
        return;
    case GUMBO_TAG_HR:
        if (m_cellDepth == 0)
            appendNode(Node::element(QStringLiteral("hr")));
        return;
    case GUMBO_TAG_BR:
        if (m_cellDepth > 0)
            appendText(QStringLiteral(" "));
        else if (m_preDepth > 0)
            appendText(QStringLiteral("\n"));
        else
            appendNode(Node::element(QStringLiteral("br")));
        return;

    // Media.
    case GUMBO_TAG_IMG: {
        QString src = attrValue(el, "src");
        if (src.isEmpty())
            src = attrValue(el, "data-src");
        if (src.isEmpty()) {
            const QString srcset = attrValue(el, "srcset");
            src = srcset.section(QLatin1Char(','), 0, 0).trimmed().section(QLatin1Char(' '), 0, 0);
        }
        if (src.isEmpty() || !unsafeScheme(src).isEmpty()) {
            m_warnings.add(QStringLiteral("image without a usable source removed"));
            return;
        }
        warnAttributes(el, {"src", "alt", "title", "data-src", "srcset"});
        Attributes attrs{{QStringLiteral("src"), src}};
        const QString title = attrValue(el, "title");
        const QString alt = attrValue(el, "alt");
        if (!title.isEmpty())
            attrs.append({QStringLiteral("title"), title});
        if (!alt.isEmpty())
            attrs.append({QStringLiteral("alt"), alt});
        appendNode(Node::element(QStringLiteral("img"), attrs));
        return;
    }
    case GUMBO_TAG_VIDEO: {
        QString src = attrValue(el, "src");
        for (unsigned i = 0; src.isEmpty() && i < el.children.length; ++i) {
            const auto *c = static_cast<const GumboNode *>(el.children.data[i]);
            if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_SOURCE)
                src = attrValue(c->v.element, "src");
        }
        if (src.isEmpty() || !unsafeScheme(src).isEmpty()) {
            m_warnings.add(QStringLiteral("video without a usable source removed"));
            return;
        }
        appendNode(Node::element(QStringLiteral("video"), {{QStringLiteral("src"), src}}));
        return;
    }
    case GUMBO_TAG_IFRAME: {
        const QString src = attrValue(el, "src");
        const Embed e = embedForUrl(src);
        if (e.isValid()) {
            if (src.startsWith(QLatin1String("/embed/")))
                appendNode(Node::element(QStringLiteral("iframe"),
                                         {{QStringLiteral("src"), embedSource(e)}}));
            else
                addEmbed(e, QStringLiteral("iframe"));
            return;
        }
        QString host =
            QUrl(src.startsWith(QLatin1String("//")) ? QStringLiteral("https:") + src : src).host();
        m_warnings.add(host.isEmpty()
                           ? QStringLiteral("iframe removed")
                           : QStringLiteral("iframe from ") + host + QStringLiteral(" removed"));
        return;
    }

    // Inline.
    case GUMBO_TAG_A: {
        const QString href = attrValue(el, "href");
        if (href.isEmpty()) {
            descendTransparent(node);
            return;
        }
        const QString scheme = unsafeScheme(href);
        if (!scheme.isEmpty()) {
            m_warnings.add(scheme + QStringLiteral(" link removed"));
            descendTransparent(node);
            return;
        }
        warnAttributes(el, {"href"});
        descend(node, QStringLiteral("a"), {{QStringLiteral("href"), href}});
        return;
    }
    case GUMBO_TAG_B:
        return keep("b");
    case GUMBO_TAG_STRONG:
        return keep("strong");
    case GUMBO_TAG_I:
        return keep("i");
    case GUMBO_TAG_EM:
        return keep("em");
    case GUMBO_TAG_S:
        return keep("s");
    case GUMBO_TAG_U:
        return keep("u");
    case GUMBO_TAG_CODE:
        return keep("code");
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_STRIKE:
        return renamed("s");
    case GUMBO_TAG_INS:
        return renamed("u");
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_TT:
        return renamed("code");
    default:
        if (tagName(node) == QLatin1String("picture")) // unknown to gumbo 0.10
            return descendTransparent(node);
        return unwrap();
    }
}

// ---------------------------------------------------------------------------------------------
// Stage 2: intermediate tree → Telegraph structure. Inline runs are wrapped in paragraphs, blocks
// never nest inside paragraphs, inline elements holding blocks are pushed down into them.
// Recursion here is bounded by the intermediate tree's depth (< MaxNodeDepth).

struct Segment
{
    bool isBlock = false;
    bool open = false; ///< an inline run that more inline content may still join
    Node block;
    NodeList run;
};
using Segments = QList<Segment>;

class Normalizer
{
public:
    explicit Normalizer(ImportWarnings &warnings)
        : m_warnings(warnings)
    {}

    NodeList document(const Node &root)
    {
        Segments segs;
        collect(root.children(), segs);
        return blocksFrom(segs, QStringLiteral("p"));
    }

private:
    static void appendInline(Segments &out, const Node &node)
    {
        if (!out.isEmpty() && !out.last().isBlock && out.last().open) {
            out.last().run.append(node);
            return;
        }
        Segment s;
        s.open = true;
        s.run.append(node);
        out.append(s);
    }
    static void closeRun(Segments &out)
    {
        if (!out.isEmpty())
            out.last().open = false;
    }
    static void appendBlock(Segments &out, const Node &node)
    {
        Segment s;
        s.isBlock = true;
        s.block = node;
        out.append(s);
    }

    void collect(const NodeList &children, Segments &out);
    NodeList normalizeBlock(const Node &n);
    NodeList blocksFrom(const Segments &segs, const QString &runTag);
    Node makeLi(const NodeList &children);
    NodeList figure(const Node &n);

    ImportWarnings &m_warnings;
};

void Normalizer::collect(const NodeList &children, Segments &out)
{
    for (const Node &c : children) {
        if (c.isText() || c.tag() == QLatin1String("br")) {
            appendInline(out, c);
        } else if (isInlineTag(c.tag())) {
            Segments sub;
            collect(c.children(), sub);
            if (sub.size() == 1 && !sub.first().isBlock) {
                appendInline(out, Node::element(c.tag(), c.attrs(), sub.first().run));
                if (!sub.first().open)
                    closeRun(out);
                continue;
            }
            for (const Segment &s : sub) {
                if (s.isBlock) {
                    Node b = s.block;
                    const QString t = b.tag();
                    if (t == QLatin1String("p") || t == QLatin1String("h3") ||
                        t == QLatin1String("h4"))
                        b.children() = {Node::element(c.tag(), c.attrs(), b.children())};
                    closeRun(out);
                    appendBlock(out, b);
                } else {
                    appendInline(out, Node::element(c.tag(), c.attrs(), s.run));
                    if (!s.open)
                        closeRun(out);
                }
            }
        } else if (c.tag() == tagDiv()) {
            closeRun(out);
            collect(c.children(), out);
            closeRun(out);
        } else {
            closeRun(out);
            for (const Node &b : normalizeBlock(c))
                appendBlock(out, b);
        }
    }
}

NodeList Normalizer::blocksFrom(const Segments &segs, const QString &runTag)
{
    NodeList blocks;
    for (const Segment &s : segs) {
        if (s.isBlock) {
            blocks.append(s.block);
            continue;
        }
        const NodeList run = cleanRun(s.run);
        if (run.isEmpty())
            continue;
        if (runTag == QLatin1String("p") && run.size() == 1) {
            // A lone link (or bare URL) to a post or video becomes an embed, as in the web editor.
            const Node &only = run.first();
            QString url;
            if (only.isText())
                url = only.textValue();
            else if (only.tag() == QLatin1String("a") &&
                     (only.plainText().trimmed() == only.attr(u"href") ||
                      only.plainText().trimmed().isEmpty()))
                url = only.attr(u"href");
            const Embed e = url.isEmpty() ? Embed{} : embedForUrl(url);
            if (e.isValid() && !url.startsWith(QLatin1String("/embed/"))) {
                blocks.append(embedFigure(e));
                m_warnings.add(providerName(e.provider) + QStringLiteral(" link became an embed"));
                continue;
            }
        }
        blocks.append(Node::element(runTag, {}, run));
    }
    return blocks;
}

Node Normalizer::makeLi(const NodeList &children)
{
    Segments segs;
    collect(children, segs);
    const NodeList blocks = blocksFrom(segs, QStringLiteral("p"));
    if (blocks.isEmpty())
        return Node::element(QStringLiteral("li"));
    bool tight = blocks.first().tag() == QLatin1String("p");
    for (qsizetype i = 1; tight && i < blocks.size(); ++i) {
        const QString t = blocks.at(i).tag();
        tight = t == QLatin1String("ul") || t == QLatin1String("ol");
    }
    if (!tight)
        return Node::element(QStringLiteral("li"), {}, blocks);
    NodeList kids = blocks.first().children();
    kids.append(blocks.mid(1));
    return Node::element(QStringLiteral("li"), {}, kids);
}

NodeList Normalizer::figure(const Node &n)
{
    NodeList rest;
    NodeList caption;
    bool hasCaption = false;
    for (const Node &c : n.children()) {
        if (c.tag() == QLatin1String("figcaption")) {
            Segments segs;
            collect(c.children(), segs);
            for (const Segment &s : segs) {
                if (!s.isBlock) {
                    if (!caption.isEmpty())
                        caption.append(Node::text(QStringLiteral(" ")));
                    caption.append(s.run);
                } else {
                    if (!caption.isEmpty())
                        caption.append(Node::text(QStringLiteral(" ")));
                    caption.append(Node::text(s.block.plainText()));
                }
            }
            hasCaption = true;
        } else {
            rest.append(c);
        }
    }
    caption = cleanRun(caption);

    Segments segs;
    collect(rest, segs);
    const NodeList blocks = blocksFrom(segs, QStringLiteral("p"));
    NodeList out;
    qsizetype mediaAt = -1;
    NodeList looseText;
    for (const Node &b : blocks) {
        const bool isMedia = b.tag() == QLatin1String("figure");
        if (isMedia && mediaAt < 0)
            mediaAt = out.size();
        if (!isMedia && b.tag() == QLatin1String("p") && mediaAt >= 0 && !hasCaption &&
            looseText.isEmpty()) {
            looseText = b.children(); // text after the image inside the figure reads as its caption
            continue;
        }
        out.append(b);
    }
    if (mediaAt < 0)
        return hasCaption && !caption.isEmpty()
                   ? out << Node::element(QStringLiteral("p"), {}, caption)
                   : out;
    if (!hasCaption)
        caption = looseText;
    if (!caption.isEmpty()) {
        Node &fig = out[mediaAt];
        NodeList kids;
        for (const Node &k : fig.children()) {
            if (k.tag() != QLatin1String("figcaption"))
                kids.append(k);
        }
        kids.append(Node::element(QStringLiteral("figcaption"), {}, caption));
        fig.children() = kids;
    }
    return out;
}

NodeList Normalizer::normalizeBlock(const Node &n)
{
    const QString tag = n.tag();
    if (tag == QLatin1String("p") || tag == QLatin1String("h3") || tag == QLatin1String("h4")) {
        Segments segs;
        collect(n.children(), segs);
        return blocksFrom(segs, tag);
    }
    if (tag == QLatin1String("figcaption")) {
        Segments segs;
        collect(n.children(), segs);
        return blocksFrom(segs, QStringLiteral("p"));
    }
    if (tag == QLatin1String("pre")) {
        const QString text = preText(n);
        if (text.isEmpty())
            return {};
        return {Node::element(tag, {}, {Node::text(text)})};
    }
    if (tag == QLatin1String("blockquote") || tag == QLatin1String("aside")) {
        Segments segs;
        collect(n.children(), segs);
        const NodeList blocks = blocksFrom(segs, QStringLiteral("p"));
        if (blocks.isEmpty())
            return {};
        if (blocks.size() == 1 && blocks.first().tag() == QLatin1String("p"))
            return {Node::element(tag, {}, blocks.first().children())};
        return {Node::element(tag, {}, blocks)};
    }
    if (tag == QLatin1String("ul") || tag == QLatin1String("ol")) {
        NodeList items;
        for (const Node &c : n.children()) {
            if (c.tag() == QLatin1String("li")) {
                const Node li = makeLi(c.children());
                if (!li.children().isEmpty())
                    items.append(li);
            } else if ((c.tag() == QLatin1String("ul") || c.tag() == QLatin1String("ol")) &&
                       !items.isEmpty()) {
                for (const Node &sub : normalizeBlock(c))
                    items.last().appendChild(sub);
            } else if (c.isText() && c.textValue().trimmed().isEmpty()) {
                continue;
            } else {
                const Node li = makeLi({c});
                if (!li.children().isEmpty())
                    items.append(li);
            }
        }
        if (items.isEmpty())
            return {};
        return {Node::element(tag, {}, items)};
    }
    if (tag == QLatin1String("li")) {
        const Node li = makeLi(n.children());
        if (li.children().isEmpty())
            return {};
        return {Node::element(QStringLiteral("ul"), {}, {li})};
    }
    if (tag == QLatin1String("figure"))
        return figure(n);
    if (tag == QLatin1String("img")) {
        bool prevSpace = true;
        QString caption = n.attr(u"title");
        if (caption.isEmpty())
            caption = n.attr(u"alt");
        caption = collapseSpaces(caption, prevSpace).trimmed();
        Node fig = Node::element(QStringLiteral("figure"));
        fig.appendChild(Node::element(tag, {{QStringLiteral("src"), n.attr(u"src")}}));
        if (!caption.isEmpty())
            fig.appendChild(Node::element(QStringLiteral("figcaption"), {}, {Node::text(caption)}));
        return {fig};
    }
    if (tag == QLatin1String("iframe") || tag == QLatin1String("video"))
        return {Node::element(QStringLiteral("figure"), {}, {n})};
    if (tag == QLatin1String("hr"))
        return {n};
    // The pseudo div and anything unexpected: its text in paragraphs.
    Segments segs;
    collect(n.children(), segs);
    return blocksFrom(segs, QStringLiteral("p"));
}

} // namespace

NodeList detail::normalizeInlineRun(const NodeList &run)
{
    return cleanRun(run);
}

HtmlImportResult importHtml(QStringView html)
{
    HtmlImportResult result;
    ImportWarnings warnings;
    bool limited = false;
    const QByteArray utf8 = limitNesting(html.toUtf8(), &limited);
    if (limited)
        warnings.add(QStringLiteral("deep nesting flattened"));

    GumboArena arena;
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = arenaAllocate;
    options.deallocator = arenaDeallocate;
    options.userdata = &arena;
    options.max_errors = 0;
    GumboOutput *output = gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size()));
    if (!output)
        return result;

    TreeBuilder builder(warnings, limited);
    const Node tree = builder.build(output->document);
    // The output is released with the arena, never through gumbo_destroy_output().

    Normalizer normalizer(warnings);
    result.nodes = normalizer.document(tree);
    result.warnings = warnings.toStringList();
    return result;
}

} // namespace tg
