// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"

#include <QStringList>
#include <QStringView>

namespace tg {

/// Outcome of a lenient HTML import: Telegraph-valid nodes and what had to change to get them.
struct HtmlImportResult
{
    NodeList nodes;
    /// Human-readable changes ("h1 became h3", "table turned into text", "script removed"),
    /// deduplicated in order of first appearance, with " (N times)" when one happened repeatedly.
    QStringList warnings;
};

/// Converts any real-world HTML (a whole document or a fragment) into Telegraph content.
///
/// The input is parsed by a real HTML5 parser (gumbo) and mapped to Telegraph's 24 tags:
/// h1/h2 → h3, h5/h6 → h4, del/strike → s, ins → u, kbd/samp/tt → code; div-like containers
/// (div, section, article, header, footer, main, …) become paragraphs where they hold text and
/// never nest; span and other unknown inline wrappers are unwrapped; script, style, head, template,
/// noscript, forms, svg and unknown media are dropped; table rows become paragraphs with cells
/// separated by " | " (header cells in strong); images and videos are wrapped in figure (caption
/// from a real figcaption, else the image's title, else its alt text); YouTube/Vimeo/Twitter/X/
/// Telegram iframes, widgets and links that stand alone in a paragraph become Telegraph embed
/// figures (`/embed/<provider>?url=…`); attributes are reduced to href/src and javascript:,
/// vbscript: and data: URLs are dropped. Whitespace outside pre follows the strict parser's rules,
/// except that whitespace at the end of a block is trimmed as well.
///
/// Never fails: garbage, invalid text and arbitrarily deep nesting are handled without unbounded
/// recursion; elements deeper than tg::MaxNodeDepth are flattened into their ancestors.
HtmlImportResult importHtml(QStringView html);

} // namespace tg
