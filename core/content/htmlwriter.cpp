// SPDX-License-Identifier: MIT
#include "content/htmlwriter.h"

#include <QLatin1StringView>

#include <algorithm>
#include <vector>

namespace tg {

namespace {

/// The void elements of the reference writer: without children they are written as `<tag/>`.
bool isWriterVoid(const QString &tag)
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
                       [&tag](QLatin1StringView v) { return tag == v; });
}

/// Appends s with & < > " ' escaped (Python's html.escape with quote=True).
void appendEscaped(QString &out, const QString &s)
{
    const QChar *p = s.constData();
    const QChar *end = p + s.size();
    const QChar *run = p;
    for (; p != end; ++p) {
        QLatin1StringView rep;
        switch (p->unicode()) {
        case '&':
            rep = QLatin1StringView("&amp;");
            break;
        case '<':
            rep = QLatin1StringView("&lt;");
            break;
        case '>':
            rep = QLatin1StringView("&gt;");
            break;
        case '"':
            rep = QLatin1StringView("&quot;");
            break;
        case '\'':
            rep = QLatin1StringView("&#x27;");
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

/// Attributes whose value a browser loads or navigates to.
bool isUrlAttribute(QStringView name)
{
    static constexpr QLatin1StringView kUrl[] = {
        QLatin1StringView("href"),       QLatin1StringView("src"),
        QLatin1StringView("poster"),     QLatin1StringView("cite"),
        QLatin1StringView("action"),     QLatin1StringView("formaction"),
        QLatin1StringView("background"), QLatin1StringView("data"),
        QLatin1StringView("longdesc"),   QLatin1StringView("xlink:href"),
        QLatin1StringView("lowsrc"),     QLatin1StringView("dynsrc"),
    };
    return std::any_of(std::begin(kUrl), std::end(kUrl), [name](QLatin1StringView v) {
        return name.compare(v, Qt::CaseInsensitive) == 0;
    });
}

/// Whether the display writer keeps this attribute.
bool isDisplaySafe(const QString &name, const QString &value)
{
    if (name.startsWith(QLatin1StringView("on"), Qt::CaseInsensitive) ||
        name.compare(QLatin1StringView("srcdoc"), Qt::CaseInsensitive) == 0)
        return false;
    return !isUrlAttribute(name) || !isScriptUrl(value);
}

enum class Mode
{
    Reference,
    Display
};

QString writeHtml(const NodeList &nodes, Mode mode)
{
    QString out;
    out.reserve(256);
    struct Level
    {
        const NodeList *list;
        qsizetype next;
        QString closeTag; ///< written when the list ends; empty for an unwrapped element
    };
    std::vector<Level> stack;
    stack.push_back({&nodes, 0, {}});
    while (!stack.empty()) {
        Level &level = stack.back();
        if (level.next >= level.list->size()) {
            if (!level.closeTag.isEmpty()) {
                out.append(QLatin1StringView("</"));
                out.append(level.closeTag);
                out.append(QLatin1Char('>'));
            }
            stack.pop_back();
            continue;
        }
        const Node &node = level.list->at(level.next++);
        if (node.isText()) {
            appendEscaped(out, node.textValue());
            continue;
        }
        const QString tag = node.tag();
        const bool written = isValidTagName(tag) && (mode == Mode::Reference || isAllowedTag(tag));
        if (!written) {
            if (!node.children().isEmpty())
                stack.push_back({&node.children(), 0, {}}); // `level` is not used after this
            continue;
        }
        out.append(QLatin1Char('<'));
        out.append(tag);
        for (const auto &attr : node.attrs()) {
            if (!isValidAttributeName(attr.first) ||
                (mode == Mode::Display && !isDisplaySafe(attr.first, attr.second)))
                continue;
            out.append(QLatin1Char(' '));
            out.append(attr.first);
            out.append(QLatin1StringView("=\""));
            appendEscaped(out, attr.second);
            out.append(QLatin1Char('"'));
        }
        if (!node.children().isEmpty()) {
            out.append(QLatin1Char('>'));
            stack.push_back({&node.children(), 0, tag}); // `level` is not used after this
            continue;
        }
        if (isWriterVoid(tag)) {
            out.append(QLatin1StringView("/>"));
        } else {
            out.append(QLatin1StringView("></"));
            out.append(tag);
            out.append(QLatin1Char('>'));
        }
    }
    return out;
}

} // namespace

QString nodesToHtml(const NodeList &nodes)
{
    return writeHtml(nodes, Mode::Reference);
}

QString nodesToDisplayHtml(const NodeList &nodes)
{
    return writeHtml(nodes, Mode::Display);
}

QString scriptUrlScheme(QStringView url)
{
    // The scheme is what comes before the first colon, spaces and controls left out.
    QString scheme;
    bool colon = false;
    for (QChar c : url) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7F || c.isSpace())
            continue;
        if (c == QLatin1Char(':')) {
            colon = true;
            break;
        }
        scheme.append(c.toLower());
        if (scheme.size() > 10)
            return {};
    }
    if (colon && (scheme == QLatin1StringView("javascript") ||
                  scheme == QLatin1StringView("vbscript") || scheme == QLatin1StringView("data")))
        return scheme + QLatin1Char(':');
    return {};
}

bool isScriptUrl(QStringView url)
{
    return !scriptUrlScheme(url).isEmpty();
}

} // namespace tg
