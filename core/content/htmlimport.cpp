// SPDX-License-Identifier: MIT
#include "content/htmlimport.h"

#include "content/embeds.h"
#include "content/htmlimportdetail.h"
#include "content/htmlimportwarnings.h"
#include "content/htmlwriter.h"

#include <QHash>
#include <QSet>
#include <QUrl>

#include <gumbo.h>

#include <cstdlib>
#include <cstring>
#include <vector>

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

bool isInlineTag(QStringView t)
{
    return t == u"a" || t == u"b" || t == u"strong" || t == u"i" || t == u"em" || t == u"s" ||
           t == u"u" || t == u"code" || t == u"br";
}

void appendMerged(NodeList &list, const QString &text)
{
    if (!list.isEmpty() && list.last().isText())
        list.last().appendText(text);
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
// Nesting guard. Gumbo's tree construction scans the stack of open elements and the list of
// active formatting elements for many tags, so its cost grows with the nesting: unbounded nesting
// makes it quadratic. A linear pre-scan follows the tree construction closely enough to know how
// deep gumbo's stack can get: it tokenizes tags as the HTML tokenizer does (quoted attribute
// values, short comments, raw text), keeps its own stack of open elements, closes an element only
// where the parser would (an unmatched or blocked end tag changes nothing), and counts formatting
// elements that the parser would reopen. Tags that would take the stack beyond NestingCap, or
// keep more than FormattingCap formatting elements active, are removed with their end tags (their
// text stays), as are the attributes of a tag beyond MaxAttributes. Ordinary documents pass
// through untouched. The scan over-estimates where it is unsure, never under-estimates.

constexpr int NestingCap = 2 * MaxNodeDepth;
constexpr int FormattingCap = 12;
constexpr int MaxAttributes = 64;

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isTagSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

enum TagFlag : unsigned
{
    Special = 1u << 0,    ///< the parser's "special" category: stops end tag matching
    Scope = 1u << 1,      ///< bounds "has an element in scope"
    Formatting = 1u << 2, ///< kept in the list of active formatting elements
    Marker = 1u << 3,     ///< puts a marker on that list
    ClosesP = 1u << 4,    ///< a start tag that closes an open p
    Button = 1u << 5,     ///< bounds "in button scope" besides Scope
    NotPushed = 1u << 6,  ///< void, implied or structural: never on the scan's stack
    RawText = 1u << 7,    ///< content is text up to the matching end tag (outside svg/math)
    SpecialADP = 1u << 8, ///< special, but not address, div or p (ends the li/dd search)
};

struct TagInfo
{
    QByteArray key; ///< h1..h6 share "h", dd and dt share "dd", td and th share "td"
    unsigned flags = 0;
};

TagInfo tagInfo(const QByteArray &name)
{
    static const QHash<QByteArray, unsigned> table = [] {
        QHash<QByteArray, unsigned> t;
        const auto add = [&t](std::initializer_list<const char *> names, unsigned flags) {
            for (const char *n : names)
                t[QByteArray(n)] |= flags;
        };
        add({"address",
             "applet",
             "area",
             "article",
             "aside",
             "base",
             "basefont",
             "bgsound",
             "blockquote",
             "body",
             "br",
             "button",
             "caption",
             "center",
             "col",
             "colgroup",
             "dd",
             "details",
             "dir",
             "div",
             "dl",
             "dt",
             "embed",
             "fieldset",
             "figcaption",
             "figure",
             "footer",
             "form",
             "frame",
             "frameset",
             "h1",
             "h2",
             "h3",
             "h4",
             "h5",
             "h6",
             "head",
             "header",
             "hgroup",
             "hr",
             "html",
             "iframe",
             "img",
             "input",
             "keygen",
             "li",
             "link",
             "listing",
             "main",
             "marquee",
             "menu",
             "meta",
             "nav",
             "noembed",
             "noframes",
             "noscript",
             "object",
             "ol",
             "p",
             "param",
             "plaintext",
             "pre",
             "script",
             "section",
             "select",
             "source",
             "style",
             "summary",
             "table",
             "tbody",
             "td",
             "template",
             "textarea",
             "tfoot",
             "th",
             "thead",
             "title",
             "tr",
             "track",
             "ul",
             "wbr",
             "xmp",
             "mi",
             "mo",
             "mn",
             "ms",
             "mtext",
             "annotation-xml",
             "foreignobject",
             "desc"},
            Special);
        for (auto it = t.begin(); it != t.end(); ++it) {
            if (it.key() != "address" && it.key() != "div" && it.key() != "p")
                it.value() |= SpecialADP;
        }
        add({"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
             "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc"},
            Scope);
        add({"button"}, Button);
        add({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong",
             "tt", "u"},
            Formatting);
        add({"applet", "marquee", "object", "td", "th", "caption"}, Marker);
        add({"address",   "article", "aside", "blockquote", "center",     "details", "dialog",
             "dir",       "div",     "dl",    "fieldset",   "figcaption", "figure",  "footer",
             "header",    "hgroup",  "main",  "menu",       "nav",        "ol",      "p",
             "section",   "summary", "ul",    "h1",         "h2",         "h3",      "h4",
             "h5",        "h6",      "pre",   "listing",    "form",       "hr",      "xmp",
             "plaintext", "li",      "dd",    "dt"},
            ClosesP); // not table: in quirks mode it leaves the p open
        add({"area", "base",     "basefont", "bgsound",  "br",     "col",     "embed",
             "hr",   "img",      "image",    "input",    "keygen", "link",    "menuitem",
             "meta", "param",    "source",   "track",    "wbr",    "frame",   "html",
             "head", "body",     "option",   "optgroup", "rb",     "rt",      "rtc",
             "rp",   "template", "thead",    "tbody",    "tfoot",  "colgroup"},
            NotPushed);
        add({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
             "plaintext"},
            RawText);
        return t;
    }();
    TagInfo info;
    info.flags = table.value(name);
    if (name.size() == 2 && name.at(0) == 'h' && name.at(1) >= '1' && name.at(1) <= '6')
        info.key = QByteArrayLiteral("h");
    else if (name == "dt")
        info.key = QByteArrayLiteral("dd");
    else if (name == "th")
        info.key = QByteArrayLiteral("td");
    else
        info.key = name;
    return info;
}

/// The pre-scan's model of gumbo's stack of open elements and list of active formatting elements.
class NestingScan
{
public:
    explicit NestingScan(const QByteArray &in)
        : m_in(in)
    {}

    /// The input without the tags and attributes beyond the caps; `limited` tells whether any
    /// were removed (otherwise the input itself is returned).
    QByteArray run(bool *limited);

private:
    struct Entry
    {
        QByteArray key;
        unsigned flags;
        int afl;         ///< index in m_afl, or -1
        int lastSpecial; ///< topmost Special at or below this entry, -1 if none
        int lastScope;   ///< topmost Scope at or below
        int lastButton;  ///< topmost Scope or Button at or below
        int lastSpecialAdp;
    };
    struct Active
    {
        QByteArray key;
        bool marker = false;
        bool live = true;
        bool onStack = true;
    };

    int depth() const { return int(m_stack.size()) + m_offStack; }
    int topmost(const QByteArray &key) const
    {
        const auto it = m_positions.constFind(key);
        return it == m_positions.cend() || it->isEmpty() ? -1 : it->last();
    }
    int top(int Entry::*tracker) const { return m_stack.empty() ? -1 : m_stack.back().*tracker; }
    bool inForeign() const { return topmost("svg") >= 0 || topmost("math") >= 0; }

    void push(const TagInfo &info);
    void popTop(bool removeActive);
    /// Pops down to and including the entry at index.
    void popTo(int index, bool removeActive = false);
    /// Pops every entry above index.
    void popAbove(int index)
    {
        while (int(m_stack.size()) > index + 1)
            popTop(false);
    }
    void clearToMarker();
    /// Applies a start tag; false when it must be removed.
    bool start(const QByteArray &name, bool selfClosing);
    /// Applies an end tag; false when it must be removed (it closes a removed start tag).
    bool end(const QByteArray &name);
    void drop(qsizetype from, qsizetype to);

    const QByteArray &m_in;
    QByteArray m_out;
    qsizetype m_copied = 0;
    bool m_limited = false;
    std::vector<Entry> m_stack;
    QHash<QByteArray, QList<int>> m_positions;
    std::vector<Active> m_afl;
    QHash<QByteArray, QList<int>> m_offStackByKey; ///< live, not on the stack, by key
    int m_offStack = 0;
    int m_formattingSinceMarker = 0;
    QList<QPair<int, int>> m_markers; ///< (index in m_afl, m_formattingSinceMarker before it)
    QHash<QByteArray, int> m_dropped; ///< removed start tags whose end tag is still to come
};

void NestingScan::push(const TagInfo &info)
{
    const int index = int(m_stack.size());
    const auto tracker = [&](int Entry::*t, unsigned flags) {
        return (info.flags & flags) ? index : top(t);
    };
    Entry e{info.key,
            info.flags,
            -1,
            tracker(&Entry::lastSpecial, Special),
            tracker(&Entry::lastScope, Scope),
            tracker(&Entry::lastButton, Scope | Button),
            tracker(&Entry::lastSpecialAdp, SpecialADP)};
    if (info.flags & Formatting) {
        e.afl = int(m_afl.size());
        m_afl.push_back({info.key});
        ++m_formattingSinceMarker;
    }
    if (info.flags & Marker) {
        m_markers.append({int(m_afl.size()), m_formattingSinceMarker});
        m_afl.push_back({QByteArray(), true});
        m_formattingSinceMarker = 0;
    }
    m_stack.push_back(std::move(e));
    m_positions[info.key].append(index);
}

void NestingScan::popTop(bool removeActive)
{
    const Entry e = std::move(m_stack.back());
    m_stack.pop_back();
    m_positions[e.key].removeLast();
    if (e.afl >= 0 && m_afl[size_t(e.afl)].live) {
        Active &a = m_afl[size_t(e.afl)];
        if (removeActive) {
            a.live = false;
            --m_formattingSinceMarker;
        } else {
            a.onStack = false;
            m_offStackByKey[e.key].append(e.afl);
            ++m_offStack;
        }
    }
    if (e.flags & Marker)
        clearToMarker();
}

void NestingScan::popTo(int index, bool removeActive)
{
    if (index < 0)
        return;
    popAbove(index);
    if (int(m_stack.size()) == index + 1)
        popTop(removeActive);
}

void NestingScan::clearToMarker()
{
    while (!m_afl.empty()) {
        const Active a = m_afl.back();
        m_afl.pop_back();
        if (a.marker) {
            if (!m_markers.isEmpty())
                m_formattingSinceMarker = m_markers.takeLast().second;
            return;
        }
        if (a.live && !a.onStack) {
            m_offStackByKey[a.key].removeLast();
            --m_offStack;
        }
    }
}

bool NestingScan::start(const QByteArray &name, bool selfClosing)
{
    const TagInfo info = tagInfo(name);
    if (info.flags & ClosesP) {
        // The li/dd search, then "close a p element in button scope".
        if (info.key == "li" || info.key == "dd") {
            const int at = topmost(info.key);
            if (at >= 0 && top(&Entry::lastSpecialAdp) == at)
                popTo(at);
        }
        const int p = topmost("p");
        if (p >= 0 && top(&Entry::lastButton) < p)
            popTo(p);
        if (info.key == "h" && !m_stack.empty() && m_stack.back().key == "h")
            popTop(false);
    }
    if ((info.flags & NotPushed) || (selfClosing && inForeign()))
        return true;
    if (info.key == "td" || info.key == "tr" || info.key == "caption") {
        const int table = topmost("table");
        if (table < 0)
            return true; // ignored outside a table
        const int row = topmost("tr");
        popAbove(info.key == "td" && row > table ? row : table);
    }
    if ((info.flags & RawText) && !inForeign())
        return true; // its text is skipped, its end tag ignored
    if (depth() >= NestingCap ||
        ((info.flags & Formatting) && m_formattingSinceMarker >= FormattingCap)) {
        ++m_dropped[info.key];
        return false;
    }
    push(info);
    return true;
}

bool NestingScan::end(const QByteArray &name)
{
    const TagInfo info = tagInfo(name);
    auto dropped = m_dropped.find(info.key);
    if (dropped != m_dropped.end() && *dropped > 0) {
        --*dropped;
        return false;
    }
    if (info.flags & NotPushed)
        return true;
    const int at = topmost(info.key);
    if (info.key == "td" || info.key == "tr" || info.key == "caption" || info.key == "table") {
        if (at >= 0 && at >= topmost("table"))
            popTo(at); // cells, rows and captions of the innermost table
        return true;
    }
    if (info.flags & Formatting) {
        if (at >= 0) {
            if (top(&Entry::lastSpecial) <= at)
                popTo(at, true); // otherwise the adoption agency keeps the depth as it is
            return true;
        }
        // Not open: the parser forgets its entry in the active formatting list.
        auto off = m_offStackByKey.find(info.key);
        const int lastMarker = m_markers.isEmpty() ? -1 : m_markers.last().first;
        if (off != m_offStackByKey.end() && !off->isEmpty() && off->last() > lastMarker) {
            m_afl[size_t(off->takeLast())].live = false;
            --m_offStack;
            --m_formattingSinceMarker;
        }
        return true;
    }
    if (at < 0)
        return true;
    if (info.key == "p") {
        if (top(&Entry::lastButton) <= at)
            popTo(at);
        return true;
    }
    // Special elements close when in scope; others when no special element is in between.
    const int barrier = (info.flags & Special) ? top(&Entry::lastScope) : top(&Entry::lastSpecial);
    if (barrier <= at)
        popTo(at);
    return true;
}

void NestingScan::drop(qsizetype from, qsizetype to)
{
    if (!m_limited) {
        m_limited = true;
        m_out.reserve(m_in.size());
    }
    m_out.append(m_in.constData() + m_copied, from - m_copied);
    m_copied = to;
}

QByteArray NestingScan::run(bool *limited)
{
    const char *d = m_in.constData();
    const qsizetype n = m_in.size();
    qsizetype i = 0;
    const auto skipTo = [&](qsizetype from, const char *needle) {
        const qsizetype at = m_in.indexOf(needle, from);
        return at < 0 ? n : at + qsizetype(std::strlen(needle));
    };
    while (i < n) {
        const qsizetype lt = m_in.indexOf('<', i);
        if (lt < 0)
            break;
        i = lt;
        if (i + 3 < n && d[i + 1] == '!' && d[i + 2] == '-' && d[i + 3] == '-') {
            // A comment ends at the first of `<!-->`, `<!--->`, `-->` and `--!>`.
            qsizetype k = i + 4;
            while (true) {
                const qsizetype gt = m_in.indexOf('>', k);
                if (gt < 0) {
                    k = n;
                    break;
                }
                const bool abrupt = gt == i + 4 || (gt == i + 5 && d[i + 4] == '-');
                const bool dashes = gt >= i + 6 && d[gt - 1] == '-' && d[gt - 2] == '-';
                const bool bang =
                    gt >= i + 7 && d[gt - 1] == '!' && d[gt - 2] == '-' && d[gt - 3] == '-';
                if (abrupt || dashes || bang) {
                    k = gt + 1;
                    break;
                }
                k = gt + 1;
            }
            i = k;
            continue;
        }
        if (i + 1 < n && (d[i + 1] == '!' || d[i + 1] == '?')) {
            i = skipTo(i + 2, ">");
            continue;
        }
        const bool isEnd = i + 1 < n && d[i + 1] == '/';
        const qsizetype nameAt = i + (isEnd ? 2 : 1);
        if (nameAt >= n || !isAsciiAlpha(d[nameAt])) {
            ++i;
            continue;
        }
        qsizetype j = nameAt;
        while (j < n && d[j] != '>' && d[j] != '/' && !isTagSpace(d[j]))
            ++j;
        const QByteArray name = QByteArray(d + nameAt, j - nameAt).toLower();

        // Attributes, tokenized as the HTML tokenizer does.
        int attributes = 0;
        qsizetype cutFrom = -1; // where the attributes beyond MaxAttributes start
        bool selfClosing = false;
        qsizetype gt = -1;
        while (j < n) {
            const bool slash = d[j] == '/';
            if (slash || isTagSpace(d[j])) {
                selfClosing = slash && j + 1 < n && d[j + 1] == '>';
                ++j;
                continue;
            }
            if (d[j] == '>') {
                gt = j;
                break;
            }
            selfClosing = false;
            if (++attributes > MaxAttributes && cutFrom < 0)
                cutFrom = j;
            ++j; // the first character of a name may be '='
            while (j < n && d[j] != '>' && d[j] != '/' && d[j] != '=' && !isTagSpace(d[j]))
                ++j;
            qsizetype k = j;
            while (k < n && isTagSpace(d[k]))
                ++k;
            if (k >= n || d[k] != '=')
                continue;
            j = k + 1;
            while (j < n && isTagSpace(d[j]))
                ++j;
            if (j < n && (d[j] == '"' || d[j] == '\'')) {
                const qsizetype close = m_in.indexOf(d[j], j + 1);
                j = close < 0 ? n : close + 1;
            } else {
                while (j < n && d[j] != '>' && !isTagSpace(d[j]))
                    ++j;
            }
        }
        if (gt < 0)
            break; // a tag cut off by the end of the input is dropped by the parser
        const qsizetype tagEnd = gt + 1;

        const bool keep = isEnd ? end(name) : start(name, selfClosing);
        if (!keep)
            drop(i, tagEnd);
        else if (cutFrom >= 0)
            drop(cutFrom, gt);
        i = tagEnd;

        if (!isEnd && keep && (tagInfo(name).flags & RawText) && !inForeign()) {
            if (name == "plaintext")
                break;
            // Text up to the matching end tag, which the loop then reads as a tag.
            const QByteArray close = "</" + name;
            qsizetype k = i;
            while (k < n) {
                const qsizetype at = m_in.indexOf('<', k);
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
        }
    }
    *limited = m_limited;
    if (!m_limited)
        return m_in;
    m_out.append(d + m_copied, n - m_copied);
    return m_out;
}

QByteArray limitNesting(const QByteArray &in, bool *limited)
{
    NestingScan scan(in);
    return scan.run(limited);
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
    /// Nodes the search for embedded tweets may still visit, for the whole document: nested
    /// widget markup must not make the import quadratic.
    int m_embedSearchBudget = 100000;
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
    while (!todo.isEmpty() && m_embedSearchBudget-- > 0) {
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
        if (src.isEmpty() || isScriptUrl(src)) {
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
        if (src.isEmpty() || isScriptUrl(src)) {
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
        const QString scheme = scriptUrlScheme(href);
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

namespace {

/// Runs gumbo on the guarded input; the tree lives as long as the arena.
GumboOutput *parseGuarded(const QByteArray &utf8, GumboArena *arena)
{
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = arenaAllocate;
    options.deallocator = arenaDeallocate;
    options.userdata = arena;
    options.max_errors = 0;
    return gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size()));
}

} // namespace

int detail::parsedNestingDepth(QStringView html)
{
    bool limited = false;
    const QByteArray utf8 = limitNesting(html.toUtf8(), &limited);
    GumboArena arena;
    const GumboOutput *output = parseGuarded(utf8, &arena);
    if (!output)
        return 0;
    int deepest = 0;
    QList<QPair<const GumboNode *, int>> todo{{output->document, 0}};
    while (!todo.isEmpty()) {
        const auto [node, depth] = todo.takeLast();
        deepest = qMax(deepest, depth);
        const GumboVector *kids =
            node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
            : node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE
                ? &node->v.element.children
                : nullptr;
        for (unsigned i = 0; kids && i < kids->length; ++i) {
            const auto *kid = static_cast<const GumboNode *>(kids->data[i]);
            if (kid->type == GUMBO_NODE_ELEMENT || kid->type == GUMBO_NODE_TEMPLATE)
                todo.append({kid, depth + 1});
        }
    }
    return deepest;
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
    const GumboOutput *output = parseGuarded(utf8, &arena);
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
