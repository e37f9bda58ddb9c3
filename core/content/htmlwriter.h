// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"

#include <QString>
#include <QStringView>

namespace tg {

/// Telegraph nodes to HTML, byte for byte as the reference client's nodes_to_html writes it:
/// `& < > " '` escaped as `&amp; &lt; &gt; &quot; &#x27;` in text and attribute values,
/// attributes in their order, `<br/>` for void elements without children and `<p></p>` for
/// other empty elements. Iterative, so any depth is safe.
///
/// Names never become markup: an attribute whose name is not tg::isValidAttributeName() is left
/// out, and an element whose tag is not tg::isValidTagName() is written as its children only.
QString nodesToHtml(const NodeList &nodes);

/// HTML for showing a page in a browser (the sandbox's page view, backup files): nodesToHtml()
/// without anything that could run script. Elements outside Telegraph's tags are written as their
/// children only; event handler attributes (`on…`) and `srcdoc` are left out, and so are URL
/// attributes (href, src, poster, …) holding a tg::isScriptUrl().
QString nodesToDisplayHtml(const NodeList &nodes);

/// Whether a browser would treat url as a `javascript:`, `vbscript:` or `data:` URL: the scheme
/// is compared case-insensitively after dropping whitespace and control characters, as browsers
/// strip leading spaces and controls and ignore tabs and newlines anywhere.
bool isScriptUrl(QStringView url);

/// The scheme that makes url a script URL (`"javascript:"`, `"vbscript:"` or `"data:"`), for
/// messages; empty when isScriptUrl(url) is false.
QString scriptUrlScheme(QStringView url);

} // namespace tg
