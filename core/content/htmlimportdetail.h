// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"

namespace tg::detail {

/// The lenient importer's whitespace rule for the inline content of one block: runs of
/// whitespace become one space, spaces at the start (and after a br) and at the end are dropped,
/// and empty texts and empty inline elements disappear. Shared by the Markdown reader.
NodeList normalizeInlineRun(const NodeList &run);

/// The deepest element nesting in the tree the HTML5 parser builds for html once the importer's
/// nesting guard has been applied: what the cost of an import grows with. The guard keeps it
/// within 2 × tg::MaxNodeDepth plus a few dozen reopened formatting elements on any input.
int parsedNestingDepth(QStringView html);

} // namespace tg::detail
