// SPDX-License-Identifier: MIT
#pragma once

#include "node.h"

namespace tg::detail {

/// The lenient importer's whitespace rule for the inline content of one block: runs of
/// whitespace become one space, spaces at the start (and after a br) and at the end are dropped,
/// and empty texts and empty inline elements disappear. Shared by the Markdown reader.
NodeList normalizeInlineRun(const NodeList &run);

} // namespace tg::detail
