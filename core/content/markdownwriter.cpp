// SPDX-License-Identifier: MIT
#include "content/markdownwriter.h"

#include "content/embeds.h"
#include "content/htmlimportdetail.h"
#include "content/markdown.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace tg {

namespace {

bool isAsciiPunct(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x21 && u <= 0x2F) || (u >= 0x3A && u <= 0x40) || (u >= 0x5B && u <= 0x60) ||
           (u >= 0x7B && u <= 0x7E);
}

bool isInline(const Node &n)
{
    if (n.isText())
        return true;
    const QString t = n.tag();
    return t == QLatin1String("a") || t == QLatin1String("b") || t == QLatin1String("strong") ||
           t == QLatin1String("i") || t == QLatin1String("em") || t == QLatin1String("s") ||
           t == QLatin1String("u") || t == QLatin1String("code") || t == QLatin1String("br") ||
           t == QLatin1String("img");
}

bool allInline(const NodeList &nodes)
{
    for (const Node &n : nodes) {
        if (!isInline(n))
            return false;
    }
    return true;
}

bool containsBr(const NodeList &nodes, int depth = 0)
{
    for (const Node &n : nodes) {
        if (n.tag() == QLatin1String("br"))
            return true;
        if (depth < MaxNodeDepth && containsBr(n.children(), depth + 1))
            return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// Raw HTML, for what Markdown cannot say. Kept on one line (newlines as &#10;) so that a raw
// HTML block never ends early at a blank line.

QString htmlEscape(const QString &s, bool attribute)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        switch (c.unicode()) {
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '"':
            out += attribute ? QStringLiteral("&quot;") : QStringLiteral("\"");
            break;
        case '\n':
            out += QStringLiteral("&#10;");
            break;
        case '\r':
            out += QStringLiteral("&#13;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

void writeHtml(const Node &n, QString &out, int depth)
{
    if (n.isText()) {
        out += htmlEscape(n.textValue(), false);
        return;
    }
    const QString tag = n.tag();
    out += QLatin1Char('<') + tag;
    for (const auto &a : n.attrs())
        out += QLatin1Char(' ') + a.first + QStringLiteral("=\"") + htmlEscape(a.second, true) +
               QLatin1Char('"');
    out += QLatin1Char('>');
    if (isVoidTag(tag) && n.children().isEmpty())
        return;
    // The HTML parser drops a newline right after <pre>: give it one to drop.
    if (tag == QLatin1String("pre") && n.plainText().startsWith(QLatin1Char('\n')))
        out += QStringLiteral("&#10;");
    if (depth < MaxNodeDepth) {
        for (const Node &c : n.children())
            writeHtml(c, out, depth + 1);
    }
    out += QStringLiteral("</") + tag + QLatin1Char('>');
}

/// A raw HTML block. Tags CommonMark knows as block-level start a block on their own; others need
/// their start tag alone on the first line.
QString htmlBlock(const Node &n)
{
    static const QStringList blockTags = {QStringLiteral("aside"),  QStringLiteral("blockquote"),
                                          QStringLiteral("figure"), QStringLiteral("figcaption"),
                                          QStringLiteral("hr"),     QStringLiteral("li"),
                                          QStringLiteral("ol"),     QStringLiteral("p"),
                                          QStringLiteral("ul"),     QStringLiteral("pre")};
    QString html;
    writeHtml(n, html, 0);
    if (n.isText() || blockTags.contains(n.tag()))
        return html;
    // md4c 0.4.8 does not start an HTML block at <h1>..<h6>: a div around it does.
    if (n.tag() == QLatin1String("h3") || n.tag() == QLatin1String("h4"))
        return QStringLiteral("<div>") + html + QStringLiteral("</div>");
    const qsizetype close = html.indexOf(QLatin1Char('>'));
    if (close < 0 || close + 1 == html.size())
        return html;
    return html.left(close + 1) + QLatin1Char('\n') + html.mid(close + 1);
}

// ---------------------------------------------------------------------------------------------
// Markdown

class Writer
{
public:
    QString blocks(const NodeList &nodes, int depth);

private:
    QString block(const Node &n, int depth);
    QString listBlock(const Node &n, int depth, bool alternate);
    QString inlines(const NodeList &nodes, int depth);
    void inlineNode(const Node &n, QString &out, int depth);
    void text(const QString &s, QString &out);
    bool simpleDelimited(const Node &n) const;

    bool m_lineStart = true;
};

QString destination(const QString &url)
{
    bool angle = false;
    for (QChar c : url) {
        if (c.isSpace() || c == QLatin1Char('(') || c == QLatin1Char(')') ||
            c == QLatin1Char('<') || c == QLatin1Char('>') || c.unicode() < 0x20)
            angle = true;
    }
    QString out;
    for (QChar c : url) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            out += c == QLatin1Char('\n') ? QStringLiteral("%0A") : QStringLiteral("%0D");
        else if (c == QLatin1Char('\\') || c == QLatin1Char('&') || c == QLatin1Char('<') ||
                 c == QLatin1Char('>'))
            out += QLatin1Char('\\') + c;
        else
            out += c;
    }
    return angle ? QLatin1Char('<') + out + QLatin1Char('>') : out;
}

QString titlePart(const QString &title)
{
    if (title.isEmpty())
        return {};
    QString out = QStringLiteral(" \"");
    for (QChar c : title) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\') || c == QLatin1Char('&'))
            out += QLatin1Char('\\');
        out += c.isSpace() ? QLatin1Char(' ') : c;
    }
    return out + QLatin1Char('"');
}

/// Whether text() writes c as it is wherever it stands after a line start: not whitespace and
/// none of the characters it escapes or looks around.
inline bool isPlainTextChar(char16_t c)
{
    if (c < 0x80) {
        if (c <= 0x20 || c == 0x7F)
            return c > 0x20; // controls go through the careful path (0x7F is kept as is there)
        switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '~':
        case '|':
        case '&':
        case ':':
        case '@':
        case '.':
            return false;
        default:
            return true;
        }
    }
    return !QChar::isSpace(c);
}

void Writer::text(const QString &s, QString &out)
{
    const char16_t *data = reinterpret_cast<const char16_t *>(s.constData());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (!m_lineStart && isPlainTextChar(data[i])) {
            // A run of characters that need nothing: one append.
            qsizetype j = i + 1;
            while (j < s.size() && isPlainTextChar(data[j]))
                ++j;
            out.append(s.constData() + i, j - i);
            i = j - 1;
            continue;
        }
        QChar c = s.at(i);
        if (c.isSpace()) {
            // Whitespace carries no meaning here; one space, none at a line start.
            if (!m_lineStart && !out.endsWith(QLatin1Char(' ')))
                out += QLatin1Char(' ');
            continue;
        }
        if (m_lineStart) {
            m_lineStart = false;
            if (c == QLatin1Char('#') || c == QLatin1Char('>') || c == QLatin1Char('-') ||
                c == QLatin1Char('+') || c == QLatin1Char('=')) {
                out += QLatin1Char('\\') + c;
                continue;
            }
            if (c.isDigit()) {
                qsizetype j = i;
                while (j < s.size() && s.at(j).isDigit() && s.at(j).unicode() < 128)
                    ++j;
                if (j < s.size() && (s.at(j) == QLatin1Char('.') || s.at(j) == QLatin1Char(')'))) {
                    out += s.mid(i, j - i) + QLatin1Char('\\') + s.at(j);
                    i = j;
                    continue;
                }
            }
        }
        switch (c.unicode()) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '~':
        case '|':
        case '&':
            out += QLatin1Char('\\') + c;
            continue;
        case ':': // keep "https://" from becoming a link
            if (s.mid(i + 1, 2) == QLatin1String("//")) {
                out += QStringLiteral("\\:");
                continue;
            }
            break;
        case '@': // and "a@b.c"
            if (i > 0 && i + 1 < s.size() && s.at(i - 1).isLetterOrNumber() &&
                s.at(i + 1).isLetterOrNumber()) {
                out += QStringLiteral("\\@");
                continue;
            }
            break;
        case '.': // and "www.example.org"
            if (i >= 3 && s.mid(i - 3, 3).compare(QLatin1String("www"), Qt::CaseInsensitive) == 0 &&
                (i == 3 || !s.at(i - 4).isLetterOrNumber())) {
                out += QStringLiteral("\\.");
                continue;
            }
            break;
        default:
            break;
        }
        out += c;
    }
}

/// Whether `**x**`-style delimiters around this element's content are sure to parse back.
bool Writer::simpleDelimited(const Node &n) const
{
    const NodeList &kids = n.children();
    if (kids.isEmpty() || !kids.first().isText() || !kids.last().isText())
        return false;
    const QString first = kids.first().textValue();
    const QString last = kids.last().textValue();
    if (first.isEmpty() || last.isEmpty())
        return false;
    const QChar a = first.front();
    const QChar b = last.back();
    return !a.isSpace() && !b.isSpace() && !isAsciiPunct(a) && !isAsciiPunct(b) && !a.isPunct() &&
           !b.isPunct();
}

void Writer::inlineNode(const Node &n, QString &out, int depth)
{
    if (n.isText()) {
        text(n.textValue(), out);
        return;
    }
    const QString tag = n.tag();
    const auto wrapped = [&](const QString &open, const QString &close) {
        out += open;
        m_lineStart = false;
        if (depth < MaxNodeDepth) {
            for (const Node &c : n.children())
                inlineNode(c, out, depth + 1);
        }
        out += close;
    };
    const auto htmlTags = [&]() {
        wrapped(QLatin1Char('<') + tag + QLatin1Char('>'),
                QStringLiteral("</") + tag + QLatin1Char('>'));
    };
    if (tag == QLatin1String("br")) {
        out += QStringLiteral("\\\n");
        m_lineStart = true;
    } else if (tag == QLatin1String("strong")) {
        simpleDelimited(n) ? wrapped(QStringLiteral("**"), QStringLiteral("**")) : htmlTags();
    } else if (tag == QLatin1String("em")) {
        simpleDelimited(n) ? wrapped(QStringLiteral("*"), QStringLiteral("*")) : htmlTags();
    } else if (tag == QLatin1String("s")) {
        simpleDelimited(n) ? wrapped(QStringLiteral("~~"), QStringLiteral("~~")) : htmlTags();
    } else if (tag == QLatin1String("b") || tag == QLatin1String("i") ||
               tag == QLatin1String("u")) {
        htmlTags();
    } else if (tag == QLatin1String("code")) {
        if (!allInline(n.children()) || n.children().size() != 1 ||
            !n.children().first().isText()) {
            htmlTags();
            return;
        }
        QString code = n.plainText();
        for (QChar &c : code) {
            if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
                c = QLatin1Char(' ');
        }
        int longest = 0;
        int run = 0;
        for (QChar c : code) {
            run = c == QLatin1Char('`') ? run + 1 : 0;
            longest = qMax(longest, run);
        }
        const QString fence(longest + 1, QLatin1Char('`'));
        const bool pad = code.startsWith(QLatin1Char('`')) || code.endsWith(QLatin1Char('`')) ||
                         (code.startsWith(QLatin1Char(' ')) && code.endsWith(QLatin1Char(' ')) &&
                          !code.trimmed().isEmpty());
        out += fence + (pad ? QStringLiteral(" ") : QString()) + code +
               (pad ? QStringLiteral(" ") : QString()) + fence;
        m_lineStart = false;
    } else if (tag == QLatin1String("a")) {
        if (!n.hasAttr(u"href")) {
            for (const Node &c : n.children())
                inlineNode(c, out, depth + 1);
            return;
        }
        out += QLatin1Char('[');
        m_lineStart = false;
        if (depth < MaxNodeDepth) {
            for (const Node &c : n.children())
                inlineNode(c, out, depth + 1);
        }
        out += QStringLiteral("](") + destination(n.attr(u"href")) + QLatin1Char(')');
    } else if (tag == QLatin1String("img")) {
        out += QStringLiteral("![](") + destination(n.attr(u"src")) + QLatin1Char(')');
        m_lineStart = false;
    } else {
        writeHtml(n, out, depth);
        m_lineStart = false;
    }
}

QString Writer::inlines(const NodeList &nodes, int depth)
{
    QString out;
    m_lineStart = true;
    for (const Node &n : nodes)
        inlineNode(n, out, depth);
    while (out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    return out;
}

QString indentLines(const QString &text, const QString &first, const QString &rest)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    QString out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            out += QLatin1Char('\n');
        const QString &prefix = i == 0 ? first : rest;
        out += lines.at(i).isEmpty()
                   ? QString(prefix).remove(QRegularExpression(QStringLiteral("\\s+$")))
                   : prefix + lines.at(i);
    }
    return out;
}

bool startsOrEndsWithBr(const NodeList &kids)
{
    return !kids.isEmpty() &&
           (kids.first().tag() == QLatin1String("br") || kids.last().tag() == QLatin1String("br"));
}

QString Writer::listBlock(const Node &n, int depth, bool alternate)
{
    const bool ordered = n.tag() == QLatin1String("ol");
    bool loose = false;
    for (const Node &li : n.children()) {
        for (const Node &c : li.children()) {
            if (c.isElement() && !isInline(c) && c.tag() != QLatin1String("ul") &&
                c.tag() != QLatin1String("ol"))
                loose = true;
        }
    }
    QStringList items;
    int number = 1;
    for (const Node &li : n.children()) {
        const QString marker = ordered
                                   ? QString::number(number++) +
                                         (alternate ? QStringLiteral(") ") : QStringLiteral(". "))
                                   : (alternate ? QStringLiteral("* ") : QStringLiteral("- "));
        const QString indent(marker.size(), QLatin1Char(' '));
        if (li.tag() != QLatin1String("li")) {
            items.append(indentLines(block(li, depth + 1), marker, indent));
            continue;
        }
        // Leading inline content is the item's text, the rest are its blocks.
        NodeList lead;
        NodeList rest;
        for (const Node &c : li.children()) {
            if (rest.isEmpty() && isInline(c))
                lead.append(c);
            else
                rest.append(c);
        }
        QStringList parts;
        if (!lead.isEmpty()) {
            if (startsOrEndsWithBr(lead))
                parts.append(htmlBlock(Node::element(QStringLiteral("p"), {}, lead)));
            else
                parts.append(inlines(lead, depth + 1));
        }
        if (!rest.isEmpty())
            parts.append(blocks(rest, depth + 1));
        const QString body = parts.join(loose ? QStringLiteral("\n\n") : QStringLiteral("\n"));
        items.append(indentLines(body, body.isEmpty() ? marker.trimmed() : marker, indent));
    }
    return items.join(loose ? QStringLiteral("\n\n") : QStringLiteral("\n"));
}

QString Writer::block(const Node &n, int depth)
{
    if (depth > MaxNodeDepth)
        return {};
    if (n.isText() || isInline(n))
        return inlines({n}, depth);
    const QString tag = n.tag();
    const NodeList &kids = n.children();
    if (tag == QLatin1String("p")) {
        if (!allInline(kids) || startsOrEndsWithBr(kids))
            return htmlBlock(n);
        return inlines(kids, depth);
    }
    if (tag == QLatin1String("h3") || tag == QLatin1String("h4")) {
        if (!allInline(kids) || containsBr(kids))
            return htmlBlock(n);
        const QString body = inlines(kids, depth);
        if (body.isEmpty())
            return {};
        return (tag == QLatin1String("h3") ? QStringLiteral("## ") : QStringLiteral("### ")) + body;
    }
    if (tag == QLatin1String("pre")) {
        bool textOnly = true;
        for (const Node &c : kids)
            textOnly = textOnly && c.isText();
        if (!textOnly)
            return htmlBlock(n);
        const QString code = n.plainText();
        if (code.isEmpty())
            return {};
        int longest = 0;
        int run = 0;
        for (QChar c : code) {
            run = c == QLatin1Char('`') ? run + 1 : 0;
            longest = qMax(longest, run);
        }
        const QString fence(qMax(3, longest + 1), QLatin1Char('`'));
        return fence + QLatin1Char('\n') + code + QLatin1Char('\n') + fence;
    }
    if (tag == QLatin1String("blockquote")) {
        QString body;
        if (allInline(kids)) {
            if (startsOrEndsWithBr(kids))
                return htmlBlock(n);
            body = inlines(kids, depth + 1);
        } else {
            bool anyInline = false;
            for (const Node &c : kids)
                anyInline = anyInline || isInline(c);
            if (anyInline)
                return htmlBlock(n);
            body = blocks(kids, depth + 1);
        }
        if (body.isEmpty())
            return {};
        return indentLines(body, QStringLiteral("> "), QStringLiteral("> "));
    }
    if (tag == QLatin1String("hr"))
        return QStringLiteral("---");
    if (tag == QLatin1String("figure")) {
        const Node media = kids.value(0);
        const Node caption = kids.value(1);
        const bool captionOk =
            kids.size() == 1 ||
            (kids.size() == 2 && caption.tag() == QLatin1String("figcaption") &&
             caption.children().size() == 1 && caption.children().first().isText());
        const QString captionText = kids.size() == 2 ? caption.plainText().simplified() : QString();
        if (captionOk && media.tag() == QLatin1String("img") && media.attrs().size() == 1 &&
            media.hasAttr(u"src") && media.children().isEmpty())
            return QStringLiteral("![](") + destination(media.attr(u"src")) +
                   titlePart(captionText) + QLatin1Char(')');
        if (captionOk && media.tag() == QLatin1String("iframe") && media.attrs().size() == 1) {
            const QString src = media.attr(u"src");
            const Embed e = embedForUrl(src);
            if (e.isValid()) {
                const QString url = QUrlQuery(QUrl(QStringLiteral("https://telegra.ph") + src))
                                        .queryItemValue(QStringLiteral("url"), QUrl::FullyDecoded);
                bool plain = !captionText.isEmpty() ? false : true;
                for (QChar c : url) {
                    if (c.isSpace() || c == QLatin1Char('<') || c == QLatin1Char('>') ||
                        c == QLatin1Char('&') || c == QLatin1Char('\\'))
                        plain = false;
                }
                if (plain)
                    return QLatin1Char('<') + url + QLatin1Char('>');
                QString label;
                m_lineStart = false;
                text(url, label);
                return QLatin1Char('[') + label + QStringLiteral("](") + destination(url) +
                       titlePart(captionText) + QLatin1Char(')');
            }
        }
        return htmlBlock(n);
    }
    if (tag == QLatin1String("ul") || tag == QLatin1String("ol"))
        return listBlock(n, depth, false);
    return htmlBlock(n);
}

QString Writer::blocks(const NodeList &nodes, int depth)
{
    QStringList parts;
    QString previousList;
    bool alternate = false;
    for (const Node &n : nodes) {
        QString part;
        const QString tag = n.tag();
        if (tag == QLatin1String("ul") || tag == QLatin1String("ol")) {
            // Adjacent lists of one kind would merge: switch the marker to keep them apart.
            alternate = previousList == tag ? !alternate : false;
            part = listBlock(n, depth, alternate);
            previousList = tag;
        } else {
            part = block(n, depth);
            previousList.clear();
        }
        if (!part.isEmpty())
            parts.append(part);
    }
    return parts.join(QStringLiteral("\n\n"));
}

// ---------------------------------------------------------------------------------------------
// Round-trip comparison

QString webEditorId(const QString &text)
{
    return text.simplified().replace(QLatin1Char(' '), QLatin1Char('-'));
}

NodeList canonical(const NodeList &nodes, bool inPre, int depth);

Node canonicalNode(const Node &n, bool inPre, int depth)
{
    if (n.isText())
        return n;
    const QString tag = n.tag();
    Attributes attrs;
    for (const auto &a : n.attrs()) {
        if (tag == QLatin1String("a") &&
            (a.first == QLatin1String("target") || a.first == QLatin1String("rel")))
            continue;
        if ((tag == QLatin1String("h3") || tag == QLatin1String("h4")) &&
            a.first == QLatin1String("id") &&
            (a.second == webEditorId(n.plainText()) || a.second == n.plainText()))
            continue;
        if (tag == QLatin1String("iframe") && a.first == QLatin1String("src")) {
            const Embed e = embedForUrl(a.second);
            if (e.isValid() && a.second.startsWith(QLatin1String("/embed/"))) {
                const QString url = QUrlQuery(QUrl(QStringLiteral("https://telegra.ph") + a.second))
                                        .queryItemValue(QStringLiteral("url"), QUrl::FullyDecoded);
                attrs.append({a.first, embedSource(Embed{e.provider, url})});
                continue;
            }
        }
        attrs.append(a);
    }
    const bool pre = inPre || tag == QLatin1String("pre");
    NodeList kids = depth < MaxNodeDepth ? canonical(n.children(), pre, depth + 1) : NodeList{};
    return Node::element(tag, attrs, kids);
}

NodeList canonical(const NodeList &nodes, bool inPre, int depth)
{
    NodeList out;
    NodeList run;
    const auto flush = [&]() {
        if (!run.isEmpty())
            out.append(detail::normalizeInlineRun(run));
        run.clear();
    };
    for (const Node &n : nodes) {
        const Node c = canonicalNode(n, inPre, depth);
        if (inPre) {
            if (c.isText() && !out.isEmpty() && out.last().isText())
                out.last().setText(out.last().textValue() + c.textValue());
            else if (!c.isText() || !c.textValue().isEmpty())
                out.append(c);
        } else if (isInline(c)) {
            run.append(c);
        } else {
            flush();
            out.append(c);
        }
    }
    flush();
    return out;
}

QString describe(const Node &n)
{
    if (n.isText()) {
        QString t = n.textValue();
        if (t.size() > 40)
            t = t.left(37) + QStringLiteral("...");
        return QLatin1Char('"') + t + QLatin1Char('"');
    }
    return n.tag();
}

QString pathString(const QList<qsizetype> &path)
{
    QString out;
    for (qsizetype i : path)
        out += QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
    return out;
}

/// First difference between an original (canonical) list and its round-tripped form.
QString firstDifference(const NodeList &a, const NodeList &b, QList<qsizetype> &path,
                        const QString &parent)
{
    const qsizetype common = qMin(a.size(), b.size());
    for (qsizetype i = 0; i < common; ++i) {
        path.append(i);
        const Node &x = a.at(i);
        const Node &y = b.at(i);
        const QString at = QStringLiteral(" (at ") + pathString(path) + QLatin1Char(')');
        if (x.isText() != y.isText() || x.tag() != y.tag()) {
            if (parent.isEmpty() && (x.isText() || isInline(x)) && y.tag() == QLatin1String("p"))
                return QStringLiteral("top-level ") + describe(x) +
                       QStringLiteral(" would be wrapped in a paragraph") + at;
            return describe(x) + QStringLiteral(" would become ") + describe(y) + at;
        }
        if (x.isText()) {
            if (x.textValue() != y.textValue())
                return QStringLiteral("text ") + describe(x) + QStringLiteral(" would become ") +
                       describe(y) + at;
        } else {
            for (const auto &attr : x.attrs()) {
                if (!y.hasAttr(attr.first))
                    return QStringLiteral("attribute '") + attr.first + QStringLiteral("' on ") +
                           x.tag() + QStringLiteral(" would be lost") + at;
                if (y.attr(attr.first) != attr.second)
                    return QStringLiteral("attribute '") + attr.first + QStringLiteral("' on ") +
                           x.tag() + QStringLiteral(" would change to \"") + y.attr(attr.first) +
                           QLatin1Char('"') + at;
            }
            if (x.attrs() != y.attrs())
                return QStringLiteral("attributes of ") + x.tag() +
                       QStringLiteral(" would change") + at;
            if (path.size() < MaxNodeDepth) {
                const QString d = firstDifference(x.children(), y.children(), path, x.tag());
                if (!d.isEmpty())
                    return d;
            }
        }
        path.removeLast();
    }
    const QString where =
        parent.isEmpty() ? QStringLiteral("the page")
                         : parent + QStringLiteral(" (at ") + pathString(path) + QLatin1Char(')');
    if (a.size() > b.size())
        return describe(a.at(common)) + QStringLiteral(" in ") + where +
               QStringLiteral(" would be lost");
    if (b.size() > a.size())
        return describe(b.at(common)) + QStringLiteral(" would appear in ") + where;
    return {};
}

/// Elements that cannot survive even as raw HTML, named before comparing for a clearer reason.
QString unsupported(const NodeList &nodes, int depth)
{
    for (const Node &n : nodes) {
        if (!n.isElement())
            continue;
        if (!isAllowedTag(n.tag()))
            return n.tag() + QStringLiteral(" is not a Telegraph tag and has no Markdown form");
        if (depth >= MaxNodeDepth)
            return QStringLiteral("nesting deeper than ") + QString::number(MaxNodeDepth) +
                   QStringLiteral(" levels would be flattened");
        const QString inner = unsupported(n.children(), depth + 1);
        if (!inner.isEmpty())
            return inner;
    }
    return {};
}

} // namespace

QString nodesToMarkdown(const NodeList &nodes)
{
    Writer w;
    QString out = w.blocks(nodes, 0);
    if (!out.isEmpty())
        out += QLatin1Char('\n');
    return out;
}

bool markdownRoundTrips(const NodeList &nodes, QString *why)
{
    const QString reason = unsupported(nodes, 0);
    if (!reason.isEmpty()) {
        if (why)
            *why = reason;
        return false;
    }
    const NodeList original = canonical(nodes, false, 0);
    const NodeList back = canonical(markdownToNodes(nodesToMarkdown(nodes)).nodes, false, 0);
    if (original == back) {
        if (why)
            why->clear();
        return true;
    }
    QList<qsizetype> path;
    QString d = firstDifference(original, back, path, QString());
    if (d.isEmpty())
        d = QStringLiteral("the content would change");
    if (why)
        *why = d;
    return false;
}

} // namespace tg
