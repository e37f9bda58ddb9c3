// SPDX-License-Identifier: MIT
#include "content/markdown.h"

#include "content/embeds.h"
#include "content/htmlentities.h"
#include "content/htmlimport.h"
#include "content/htmlimportdetail.h"
#include "content/htmlimportwarnings.h"
#include "content/htmlwriter.h"

#include <QHash>

#include <md4c.h>

#include <vector>

namespace tg {

namespace {

using detail::ImportWarnings;

// Temporary attributes carried on img/a while building, removed before returning.
const QString &tmpTitle()
{
    static const QString s = QStringLiteral("tg-md-title");
    return s;
}
/// Marks a heading opened by inline raw HTML: md4c 0.4.8 does not start an HTML block at
/// <h1>..<h6>, so such headings arrive inside a paragraph and are hoisted out of it.
const QString &tmpInlineHeading()
{
    static const QString s = QStringLiteral("tg-md-heading");
    return s;
}
const QString &tmpAlt()
{
    static const QString s = QStringLiteral("tg-md-alt");
    return s;
}

QString attributeText(const MD_ATTRIBUTE &a)
{
    if (!a.text || a.size == 0)
        return {};
    QString out;
    for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
        const MD_OFFSET from = a.substr_offsets[i];
        const MD_OFFSET to = a.substr_offsets[i + 1];
        const QString part = QString::fromUtf8(a.text + from, qsizetype(to - from));
        switch (a.substr_types[i]) {
        case MD_TEXT_ENTITY:
            out += html::unescape(part);
            break;
        case MD_TEXT_NULLCHAR:
            out += QChar(0xFFFD);
            break;
        default:
            out += part;
        }
    }
    return out;
}

bool isBlockTag(QStringView t)
{
    return t == u"p" || t == u"h3" || t == u"h4" || t == u"ul" || t == u"ol" || t == u"li" ||
           t == u"pre" || t == u"blockquote" || t == u"aside" || t == u"figure" || t == u"hr" ||
           t == u"figcaption";
}

/// Normalises whitespace in every maximal run of inline nodes, leaving blocks as they are.
NodeList normalizeMixed(const NodeList &children)
{
    NodeList out;
    NodeList run;
    const auto flush = [&]() {
        if (!run.isEmpty())
            out.append(detail::normalizeInlineRun(run));
        run.clear();
    };
    for (const Node &c : children) {
        if (c.isElement() && isBlockTag(c.tag())) {
            flush();
            out.append(c);
        } else {
            run.append(c);
        }
    }
    flush();
    return out;
}

/// Drops the builder's temporary attributes from direct children, copying only those that have
/// them. Every element's children pass through here when it is finished.
void stripTemporary(NodeList &kids)
{
    for (qsizetype i = 0; i < kids.size(); ++i) {
        const Node &c = std::as_const(kids).at(i);
        if (!c.isElement() || c.attrs().isEmpty() ||
            (!c.hasAttr(tmpTitle()) && !c.hasAttr(tmpAlt()) && !c.hasAttr(tmpInlineHeading())))
            continue;
        Attributes kept;
        for (const auto &a : c.attrs()) {
            if (a.first != tmpTitle() && a.first != tmpAlt() && a.first != tmpInlineHeading())
                kept.append(a);
        }
        kids[i].attrs() = kept;
    }
}

/// stripTemporary() over a whole tree, without recursion: the last guard that no builder
/// attribute reaches the output, whichever way a node was moved after its parent was finished.
void stripTemporaryEverywhere(NodeList &nodes)
{
    std::vector<NodeList *> pending{&nodes};
    while (!pending.empty()) {
        NodeList *kids = pending.back();
        pending.pop_back();
        stripTemporary(*kids);
        for (qsizetype i = 0; i < kids->size(); ++i) {
            if (std::as_const(*kids).at(i).isElement() &&
                !std::as_const(*kids).at(i).children().isEmpty())
                pending.push_back(&(*kids)[i].children());
        }
    }
}

class MarkdownBuilder
{
public:
    MarkdownBuilder() { m_stack.append(Node::element(QStringLiteral("div"))); }

    MarkdownResult run(const QByteArray &utf8);

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
        QString htmlTag;        ///< for inline raw HTML frames: the Telegraph tag it opened
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

    void push(FrameKind kind, const Node &node, const QString &htmlTag = {});
    void pushTransparent(FrameKind kind) { appendFrame(Frame{kind, false, {}}); }
    void appendFrame(Frame frame);
    /// Pops frames up to and including the innermost one of `kind`.
    void popUntil(FrameKind kind);
    void popOne();
    Node finish(Node node);
    Node finishElement(Node node);
    void appendText(const QString &text);
    /// Texts arrive in many small pieces; they are gathered here and added as one node.
    void flushText();
    void appendNode(const Node &node)
    {
        flushText();
        m_stack.last().appendChild(node);
    }
    void inlineHtml(const QString &fragment);

    NodeList m_stack;
    QList<Frame> m_frames;
    QHash<QString, QList<qsizetype>> m_htmlOpen; ///< indexes of raw-HTML frames by tag
    ImportWarnings m_warnings;
    bool m_flattenWarned = false;
    int m_imageDepth = 0;
    QString m_imageAlt;
    bool m_inHtmlBlock = false;
    QString m_html;
    QList<int> m_rowCells;
    QString m_pending;
};

void MarkdownBuilder::push(FrameKind kind, const Node &node, const QString &htmlTag)
{
    flushText();
    if (m_stack.size() >= MaxNodeDepth - 8) {
        if (!m_flattenWarned)
            m_warnings.add(QStringLiteral("deep nesting flattened"));
        m_flattenWarned = true;
        appendFrame(Frame{kind, false, htmlTag});
        return;
    }
    m_stack.append(node);
    appendFrame(Frame{kind, true, htmlTag});
}

void MarkdownBuilder::appendFrame(Frame frame)
{
    const qsizetype index = m_frames.size();
    frame.barrier = frame.kind != FrameKind::Html ? index
                    : m_frames.isEmpty()          ? -1
                                                  : m_frames.last().barrier;
    if (frame.kind == FrameKind::Html)
        m_htmlOpen[frame.htmlTag].append(index);
    m_frames.append(std::move(frame));
}

void MarkdownBuilder::popOne()
{
    flushText();
    const Frame f = m_frames.takeLast();
    if (f.kind == FrameKind::Html)
        m_htmlOpen[f.htmlTag].removeLast();
    if (!f.pushed)
        return;
    Node node = finish(m_stack.takeLast());
    NodeList &parent = m_stack.last().children();
    if (node.isElement() && node.tag().isEmpty()) { // finish() asked to splice the children
        parent.append(node.children());
        return;
    }
    if (node.isElement())
        parent.append(std::move(node));
}

void MarkdownBuilder::popUntil(FrameKind kind)
{
    while (!m_frames.isEmpty()) {
        const bool last = m_frames.last().kind == kind;
        popOne();
        if (last)
            return;
    }
}

void MarkdownBuilder::appendText(const QString &text)
{
    if (m_imageDepth > 0) {
        m_imageAlt += text;
        return;
    }
    m_pending += text;
}

void MarkdownBuilder::flushText()
{
    if (m_pending.isEmpty())
        return;
    NodeList &kids = m_stack.last().children();
    if (!kids.isEmpty() && kids.last().isText())
        kids.last().appendText(m_pending);
    else
        kids.append(Node::text(m_pending));
    m_pending.clear();
}

/// Post-processes a finished element. Returns an element with an empty tag to splice its
/// children into the parent, or a text node (never appended) to drop it.
Node MarkdownBuilder::finish(Node node)
{
    Node done = finishElement(std::move(node));
    if (!done.isElement() || done.children().isEmpty())
        return done;
    bool inlineHeading = false;
    for (const Node &c : std::as_const(done.children()))
        inlineHeading = inlineHeading || (c.isElement() && c.hasAttr(tmpInlineHeading()));
    if (inlineHeading) {
        // A heading that does not stand alone in its paragraph cannot be kept: unwrap it.
        NodeList kids;
        for (const Node &c : std::as_const(done.children())) {
            const NodeList parts =
                c.isElement() && c.hasAttr(tmpInlineHeading()) ? c.children() : NodeList{c};
            for (const Node &part : parts) {
                if (part.isText() && !kids.isEmpty() && kids.last().isText())
                    kids.last().appendText(part.textValue());
                else
                    kids.append(part);
            }
        }
        done.children() = kids;
    }
    stripTemporary(done.children());
    return done;
}

Node MarkdownBuilder::finishElement(Node node)
{
    const QString tag = node.tag();
    if (tag == QLatin1String("pre")) {
        QString text = node.plainText();
        if (text.endsWith(QLatin1Char('\n')))
            text.chop(1);
        if (text.isEmpty())
            return Node();
        return Node::element(tag, {}, {Node::text(text)});
    }
    if (tag == QLatin1String("p") || tag == QLatin1String("h3") || tag == QLatin1String("h4")) {
        NodeList kids = detail::normalizeInlineRun(node.children());
        if (kids.isEmpty())
            return Node();
        if (tag == QLatin1String("p") && kids.size() == 1 && kids.first().isElement()) {
            const Node &only = kids.first();
            if (only.hasAttr(tmpInlineHeading()))
                return Node::element(only.tag(), {}, only.children());
            if (only.tag() == QLatin1String("img")) {
                QString caption = only.attr(tmpTitle());
                if (caption.isEmpty())
                    caption = only.attr(tmpAlt());
                Node fig = Node::element(QStringLiteral("figure"));
                fig.appendChild(Node::element(QStringLiteral("img"),
                                              {{QStringLiteral("src"), only.attr(u"src")}}));
                caption = detail::normalizeInlineRun({Node::text(caption)}).value(0).textValue();
                if (!caption.isEmpty())
                    fig.appendChild(
                        Node::element(QStringLiteral("figcaption"), {}, {Node::text(caption)}));
                return fig;
            }
            if (only.tag() == QLatin1String("a")) {
                const QString href = only.attr(u"href");
                const QString text = only.plainText();
                const Embed e = embedForUrl(href);
                if (e.isValid() && !href.startsWith(QLatin1String("/embed/")) &&
                    (text == href || text.isEmpty()))
                    return embedFigure(e, only.attr(tmpTitle()).simplified());
            }
        }
        node.children() = kids;
        return node;
    }
    if (tag == QLatin1String("li")) {
        node.children() = normalizeMixed(node.children());
        return node;
    }
    if (tag == QLatin1String("blockquote")) {
        NodeList kids = normalizeMixed(node.children());
        if (kids.isEmpty())
            return Node();
        if (kids.size() == 1 && kids.first().tag() == QLatin1String("p"))
            kids = kids.first().children();
        node.children() = kids;
        return node;
    }
    if (tag == QLatin1String("ul") || tag == QLatin1String("ol")) {
        if (node.children().isEmpty())
            return Node();
        return node;
    }
    if (tag == QLatin1String("a") || tag == QLatin1String("img"))
        return node;
    // Inline formatting: drop when empty.
    if (node.children().isEmpty() && tag != QLatin1String("br"))
        return Node();
    return node;
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
        push(FrameKind::Block, Node::element(QStringLiteral("blockquote")));
        break;
    case MD_BLOCK_UL:
        push(FrameKind::Block, Node::element(QStringLiteral("ul")));
        break;
    case MD_BLOCK_OL: {
        const auto *d = static_cast<const MD_BLOCK_OL_DETAIL *>(detail);
        if (d && d->start != 1)
            m_warnings.add(QStringLiteral("numbered list starting at ") +
                           QString::number(d->start) + QStringLiteral(" now starts at 1"));
        push(FrameKind::Block, Node::element(QStringLiteral("ol")));
        break;
    }
    case MD_BLOCK_LI:
        push(FrameKind::Block, Node::element(QStringLiteral("li")));
        break;
    case MD_BLOCK_HR:
        appendNode(Node::element(QStringLiteral("hr")));
        pushTransparent(FrameKind::Block);
        break;
    case MD_BLOCK_H: {
        const auto *d = static_cast<const MD_BLOCK_H_DETAIL *>(detail);
        push(FrameKind::Block,
             Node::element(d && d->level <= 2 ? QStringLiteral("h3") : QStringLiteral("h4")));
        break;
    }
    case MD_BLOCK_CODE:
        push(FrameKind::Block, Node::element(QStringLiteral("pre")));
        break;
    case MD_BLOCK_HTML:
        m_inHtmlBlock = true;
        m_html.clear();
        pushTransparent(FrameKind::Block);
        break;
    case MD_BLOCK_P:
        push(FrameKind::Block, Node::element(QStringLiteral("p")));
        break;
    case MD_BLOCK_TR:
        m_rowCells.append(0);
        push(FrameKind::Block, Node::element(QStringLiteral("p")));
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        if (!m_rowCells.isEmpty() && m_rowCells.last()++ > 0)
            appendText(QStringLiteral(" | "));
        if (type == MD_BLOCK_TH)
            push(FrameKind::Block, Node::element(QStringLiteral("strong")));
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
        const HtmlImportResult imported = importHtml(m_html);
        for (const Node &n : imported.nodes)
            appendNode(n);
        m_warnings.addAll(imported.warnings);
        return 0;
    }
    if (type == MD_BLOCK_TR && !m_rowCells.isEmpty())
        m_rowCells.removeLast();
    popUntil(FrameKind::Block);
    return 0;
}

int MarkdownBuilder::onEnterSpan(MD_SPANTYPE type, void *detail)
{
    if (m_imageDepth > 0) {
        if (type == MD_SPAN_IMG)
            ++m_imageDepth;
        return 0;
    }
    switch (type) {
    case MD_SPAN_EM:
        push(FrameKind::Span, Node::element(QStringLiteral("em")));
        break;
    case MD_SPAN_STRONG:
        push(FrameKind::Span, Node::element(QStringLiteral("strong")));
        break;
    case MD_SPAN_DEL:
        push(FrameKind::Span, Node::element(QStringLiteral("s")));
        break;
    case MD_SPAN_U:
        push(FrameKind::Span, Node::element(QStringLiteral("u")));
        break;
    case MD_SPAN_CODE:
        push(FrameKind::Span, Node::element(QStringLiteral("code")));
        break;
    case MD_SPAN_A: {
        const auto *d = static_cast<const MD_SPAN_A_DETAIL *>(detail);
        Attributes attrs{{QStringLiteral("href"), attributeText(d->href)}};
        const QString title = attributeText(d->title);
        if (!title.isEmpty())
            attrs.append({tmpTitle(), title});
        if (const QString scheme = scriptUrlScheme(attrs.first().second); !scheme.isEmpty()) {
            m_warnings.add(scheme + QStringLiteral(" link removed"));
            pushTransparent(FrameKind::Span);
            break;
        }
        push(FrameKind::Span, Node::element(QStringLiteral("a"), attrs));
        break;
    }
    case MD_SPAN_IMG: {
        const auto *d = static_cast<const MD_SPAN_IMG_DETAIL *>(detail);
        Attributes attrs{{QStringLiteral("src"), attributeText(d->src)}};
        if (isScriptUrl(attrs.first().second)) {
            // Its text only ever becomes alt text: it goes with the image.
            m_warnings.add(QStringLiteral("image without a usable source removed"));
            pushTransparent(FrameKind::Span);
            m_imageDepth = 1;
            m_imageAlt.clear();
            break;
        }
        const QString title = attributeText(d->title);
        if (!title.isEmpty())
            attrs.append({tmpTitle(), title});
        push(FrameKind::Span, Node::element(QStringLiteral("img"), attrs));
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
        if (!m_frames.isEmpty() && m_frames.last().pushed && !m_imageAlt.trimmed().isEmpty())
            m_stack.last().setAttr(tmpAlt(), m_imageAlt);
    }
    popUntil(FrameKind::Span);
    return 0;
}

void MarkdownBuilder::inlineHtml(const QString &fragment)
{
    const QString f = fragment.trimmed();
    if (f.startsWith(QLatin1String("<!")) || f.startsWith(QLatin1String("<?")))
        return; // comments, declarations, CDATA
    const bool closing = f.startsWith(QLatin1String("</"));
    qsizetype i = closing ? 2 : 1;
    QString name;
    while (i < f.size() && (f.at(i).isLetterOrNumber() || f.at(i) == QLatin1Char('-')))
        name.append(f.at(i++).toLower());
    static const QHash<QString, QString> mapped = {
        {QStringLiteral("u"), QStringLiteral("u")},
        {QStringLiteral("ins"), QStringLiteral("u")},
        {QStringLiteral("b"), QStringLiteral("b")},
        {QStringLiteral("strong"), QStringLiteral("strong")},
        {QStringLiteral("i"), QStringLiteral("i")},
        {QStringLiteral("em"), QStringLiteral("em")},
        {QStringLiteral("s"), QStringLiteral("s")},
        {QStringLiteral("del"), QStringLiteral("s")},
        {QStringLiteral("strike"), QStringLiteral("s")},
        {QStringLiteral("code"), QStringLiteral("code")},
        {QStringLiteral("kbd"), QStringLiteral("code")},
        {QStringLiteral("a"), QStringLiteral("a")},
        {QStringLiteral("h1"), QStringLiteral("h3")},
        {QStringLiteral("h2"), QStringLiteral("h3")},
        {QStringLiteral("h3"), QStringLiteral("h3")},
        {QStringLiteral("h4"), QStringLiteral("h4")},
        {QStringLiteral("h5"), QStringLiteral("h4")},
        {QStringLiteral("h6"), QStringLiteral("h4")}};
    if (name == QLatin1String("br")) {
        if (!closing)
            appendNode(Node::element(QStringLiteral("br")));
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
                img.setAttr(tmpTitle(), n.children().at(1).plainText());
            appendNode(img);
        }
        return;
    }
    const QString tag = mapped.value(name);
    if (tag.isEmpty()) {
        if (!closing && !name.isEmpty())
            m_warnings.add(name + QStringLiteral(" unwrapped"));
        return;
    }
    if (closing) {
        // Close the innermost matching raw-HTML element, and whatever raw HTML opened inside it,
        // unless Markdown opened something in between. Found without scanning the frames.
        const auto open = m_htmlOpen.constFind(tag);
        if (open == m_htmlOpen.cend() || open->isEmpty() || m_frames.isEmpty())
            return;
        const qsizetype k = open->last();
        if (k < m_frames.last().barrier)
            return;
        while (m_frames.size() > k)
            popOne();
        return;
    }
    if (tag == QLatin1String("a")) {
        const HtmlImportResult r = importHtml(QString(f + QStringLiteral("x</a>")));
        QString href;
        if (!r.nodes.isEmpty() && !r.nodes.first().children().isEmpty())
            href = r.nodes.first().children().first().attr(u"href");
        if (href.isEmpty()) {
            m_warnings.addAll(r.warnings);
            appendFrame(Frame{FrameKind::Html, false, tag});
            return;
        }
        push(FrameKind::Html, Node::element(tag, {{QStringLiteral("href"), href}}), tag);
        return;
    }
    if (name != tag)
        m_warnings.add(name + QStringLiteral(" became ") + tag);
    const bool heading = tag == QLatin1String("h3") || tag == QLatin1String("h4");
    push(FrameKind::Html,
         heading ? Node::element(tag, {{tmpInlineHeading(), QString()}}) : Node::element(tag), tag);
}

int MarkdownBuilder::onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
{
    const QString s = QString::fromUtf8(text, qsizetype(size));
    if (m_inHtmlBlock) {
        m_html += s;
        return 0;
    }
    switch (type) {
    case MD_TEXT_NULLCHAR:
        appendText(QString(QChar(0xFFFD)));
        break;
    case MD_TEXT_BR:
        if (m_imageDepth > 0)
            appendText(QStringLiteral(" "));
        else
            appendNode(Node::element(QStringLiteral("br")));
        break;
    case MD_TEXT_SOFTBR:
        appendText(QStringLiteral(" "));
        break;
    case MD_TEXT_ENTITY:
        appendText(html::unescape(s));
        break;
    case MD_TEXT_HTML:
        if (m_imageDepth > 0)
            break;
        inlineHtml(s);
        break;
    default:
        appendText(s);
        break;
    }
    return 0;
}

MarkdownResult MarkdownBuilder::run(const QByteArray &utf8)
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
    md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, this);
    while (!m_frames.isEmpty())
        popOne();
    flushText();

    MarkdownResult result;
    result.nodes = std::move(m_stack.first().children());
    stripTemporaryEverywhere(result.nodes);
    result.warnings = m_warnings.toStringList();
    return result;
}

} // namespace

MarkdownResult markdownToNodes(QStringView markdown)
{
    MarkdownBuilder builder;
    return builder.run(markdown.toUtf8());
}

} // namespace tg
