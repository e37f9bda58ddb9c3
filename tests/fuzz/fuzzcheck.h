// SPDX-License-Identifier: MIT
// Checks shared by the fuzz targets: properties every converter's output must have whatever the
// input. A failed check prints what broke and aborts, which libFuzzer reports as a crash (and the
// regression runner as a failed test), in every build type.
#pragma once

#include "content/node.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringView>

#include <cstdio>
#include <cstdlib>

#define TG_FUZZ_CHECK(cond, what)                                                                  \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            std::fprintf(stderr, "fuzz check failed: %s (%s) at %s:%d\n", what, #cond, __FILE__,   \
                         __LINE__);                                                                \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace tg::fuzz {

/// The deepest element nesting in nodes (1 for a top-level element, 0 for text only).
inline int elementDepth(const NodeList &nodes)
{
    int deepest = 0;
    QList<QPair<const NodeList *, qsizetype>> stack{{&nodes, 0}};
    while (!stack.isEmpty()) {
        auto &[list, index] = stack.last();
        if (index >= list->size()) {
            stack.removeLast();
            continue;
        }
        const Node &n = list->at(index++);
        if (!n.isElement())
            continue;
        deepest = qMax(deepest, int(stack.size()));
        if (!n.children().isEmpty())
            stack.append({&n.children(), 0});
    }
    return deepest;
}

/// Calls f(node) for every node below nodes, iteratively.
template<typename F> void forEachNode(const NodeList &nodes, F f)
{
    QList<QPair<const NodeList *, qsizetype>> stack{{&nodes, 0}};
    while (!stack.isEmpty()) {
        auto &[list, index] = stack.last();
        if (index >= list->size()) {
            stack.removeLast();
            continue;
        }
        const Node &n = list->at(index++);
        f(n);
        if (n.isElement() && !n.children().isEmpty())
            stack.append({&n.children(), 0});
    }
}

/// The scheme a browser would see in url, lower case, or an empty string when it has none: as the
/// URL standard reads it, leading and trailing C0 controls and spaces are ignored and tabs and
/// newlines anywhere are removed.
inline QString browserScheme(const QString &url)
{
    QString s;
    for (QChar c : url) {
        if (c == u'\t' || c == u'\n' || c == u'\r')
            continue;
        if (s.isEmpty() && c.unicode() <= 0x20)
            continue;
        s.append(c.toLower());
        if (s.size() > 16)
            break;
    }
    const qsizetype colon = s.indexOf(u':');
    if (colon <= 0)
        return {};
    for (qsizetype i = 0; i < colon; ++i) {
        const QChar c = s.at(i);
        const bool ok =
            (c >= u'a' && c <= u'z') ||
            (i > 0 && ((c >= u'0' && c <= u'9') || c == u'+' || c == u'-' || c == u'.'));
        if (!ok)
            return {};
    }
    return s.left(colon);
}

/// Nodes survive the JSON writer and reader unchanged, and jsonSize() is the writer's size.
inline void checkJsonRoundTrip(const NodeList &nodes)
{
    const QByteArray json = toJson(nodes);
    TG_FUZZ_CHECK(jsonSize(nodes) == json.size(), "jsonSize() differs from toJson().size()");
    const NodeParseResult back = nodesFromJson(json);
    TG_FUZZ_CHECK(back.ok(), "toJson() output is not read back by nodesFromJson()");
    TG_FUZZ_CHECK(back.nodes == nodes, "nodes change in a JSON round trip");
}

/// What a lenient conversion (HTML or Markdown import) promises: only Telegraph's tags, nesting
/// within MaxNodeDepth, attributes reduced to href/src, no javascript:/vbscript:/data: URL, and
/// nodes that serialize and read back unchanged.
inline void checkImported(const NodeList &nodes)
{
    TG_FUZZ_CHECK(elementDepth(nodes) <= MaxNodeDepth, "imported nodes nest too deep");
    forEachNode(nodes, [](const Node &n) {
        if (!n.isElement())
            return;
        TG_FUZZ_CHECK(isAllowedTag(n.tag()), "imported nodes hold a tag Telegraph refuses");
        for (const auto &attr : n.attrs()) {
            TG_FUZZ_CHECK(attr.first == u"href" || attr.first == u"src",
                          "imported nodes keep an attribute other than href/src");
            const QString scheme = browserScheme(attr.second);
            TG_FUZZ_CHECK(scheme != u"javascript" && scheme != u"vbscript" && scheme != u"data",
                          "imported nodes keep a javascript:/vbscript:/data: URL");
        }
    });
    checkJsonRoundTrip(nodes);
}

} // namespace tg::fuzz
