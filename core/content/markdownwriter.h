// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"

#include <QString>

namespace tg {

/// Writes Telegraph nodes as Markdown that markdownToNodes() reads back, for editing existing
/// pages as text.
///
/// h3 → `##`, h4 → `###`, strong/em/s → `**`/`*`/`~~` (raw `<strong>` etc. where delimiters would
/// not parse), b/i/u → raw `<b>`/`<i>`/`<u>`, code → backticks, pre → fenced code, blockquote →
/// `>`, ul/ol → `-`/`1.` lists, hr → `---`, br → backslash line break, figure(img, figcaption)
/// → `![](src "caption")`, embed figures → the original URL alone (`[url](url "caption")` with a
/// caption). What has no Markdown form (aside, video, captions with markup, headings with line
/// breaks, …) is written as a raw HTML block, which markdownToNodes() imports again. Text is
/// escaped so that Markdown metacharacters and bare URLs stay literal.
QString nodesToMarkdown(const NodeList &nodes);

/// Whether markdownToNodes(nodesToMarkdown(nodes)) gives the same nodes, compared after the
/// normalisations that carry no meaning:
/// - whitespace outside pre, as the lenient rules normalise it (runs collapsed, trimmed at block
///   edges, empty texts dropped, adjacent texts merged);
/// - `target` and `rel` on links (the web editor adds target="_blank");
/// - `id` on h3/h4 when it is the one the web editor derives from the heading text;
/// - the percent-encoding of an `/embed/<provider>?url=` source.
/// Otherwise tags, attributes (in order), texts and structure must match. When they do not,
/// `why` receives the first difference, e.g. "attribute 'class' on p would be lost (at [2])".
bool markdownRoundTrips(const NodeList &nodes, QString *why = nullptr);

} // namespace tg
