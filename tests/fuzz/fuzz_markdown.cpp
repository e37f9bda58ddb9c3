// SPDX-License-Identifier: MIT
// Fuzzes the Markdown import (markdownToNodes) with arbitrary bytes read as UTF-8: what it gives
// is valid Telegraph content (see tg::fuzz::checkImported).
#include "content/markdown.h"
#include "fuzzcheck.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString markdown =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const tg::MarkdownResult result = tg::markdownToNodes(markdown);
    tg::fuzz::checkImported(result.nodes);
    return 0;
}
