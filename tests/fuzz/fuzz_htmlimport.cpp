// SPDX-License-Identifier: MIT
// Fuzzes the lenient HTML import (importHtml) with arbitrary bytes read as UTF-8: it never fails,
// and what it gives is valid Telegraph content (see tg::fuzz::checkImported).
#include "content/htmlimport.h"
#include "fuzzcheck.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString html =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const tg::HtmlImportResult result = tg::importHtml(html);
    tg::fuzz::checkImported(result.nodes);
    return 0;
}
