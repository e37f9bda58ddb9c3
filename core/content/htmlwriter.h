// SPDX-License-Identifier: MIT
#pragma once

#include "node.h"

#include <QString>

namespace tg {

/// Telegraph nodes to HTML, byte for byte as the reference client's nodes_to_html writes it:
/// `& < > " '` escaped as `&amp; &lt; &gt; &quot; &#x27;` in text and attribute values,
/// attributes in their order, `<br/>` for void elements without children and `<p></p>` for
/// other empty elements. Iterative, so any depth is safe.
QString nodesToHtml(const NodeList &nodes);

} // namespace tg
