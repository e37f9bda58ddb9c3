// SPDX-License-Identifier: MIT
#pragma once
// Stand-in for markdownwriter.h while the shared Markdown writer is not in the tree: pages then
// open as HTML and pasted rich text goes in as HTML.

#include "htmlwriter.h"
#include "node.h"

namespace tg {

inline QString nodesToMarkdown(const NodeList &nodes)
{
    return nodesToHtml(nodes);
}

inline bool markdownRoundTrips(const NodeList &, QString *why)
{
    if (why)
        *why = QStringLiteral("the Markdown writer is not available");
    return false;
}

} // namespace tg
