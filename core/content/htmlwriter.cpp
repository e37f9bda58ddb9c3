// SPDX-License-Identifier: MIT
#include "htmlwriter.h"

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

} // namespace

QString nodesToHtml(const NodeList &nodes)
{
    QString out;
    out.reserve(256);
    struct Level
    {
        const NodeList *list;
        qsizetype next;
    };
    std::vector<Level> stack;
    stack.push_back({&nodes, 0});
    while (!stack.empty()) {
        Level &level = stack.back();
        if (level.next >= level.list->size()) {
            stack.pop_back();
            if (!stack.empty()) {
                const Node &parent = stack.back().list->at(stack.back().next - 1);
                out.append(QLatin1StringView("</"));
                out.append(parent.tag());
                out.append(QLatin1Char('>'));
            }
            continue;
        }
        const Node &node = level.list->at(level.next++);
        if (node.isText()) {
            appendEscaped(out, node.textValue());
            continue;
        }
        const QString tag = node.tag();
        out.append(QLatin1Char('<'));
        out.append(tag);
        for (const auto &attr : node.attrs()) {
            out.append(QLatin1Char(' '));
            out.append(attr.first);
            out.append(QLatin1StringView("=\""));
            appendEscaped(out, attr.second);
            out.append(QLatin1Char('"'));
        }
        if (!node.children().isEmpty()) {
            out.append(QLatin1Char('>'));
            stack.push_back({&node.children(), 0}); // `level` is not used after this
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

} // namespace tg
