// SPDX-License-Identifier: MIT
// Fuzzes the strict HTML parser (htmlToNodes) with arbitrary bytes read as UTF-8. Besides not
// crashing: an error names a place, and successful output nests within MaxNodeDepth and survives
// a JSON round trip.
#include "content/htmlparser.h"
#include "fuzzcheck.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString html =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const tg::HtmlParseResult result = tg::htmlToNodes(html);
    if (!result.ok()) {
        TG_FUZZ_CHECK(!result.error->message.isEmpty(), "an error without a message");
        TG_FUZZ_CHECK(result.error->line >= 1 && result.error->column >= 1,
                      "an error without a line and column");
        return 0;
    }
    TG_FUZZ_CHECK(tg::fuzz::elementDepth(result.nodes) <= tg::MaxNodeDepth,
                  "parsed nodes nest deeper than MaxNodeDepth");
    tg::fuzz::checkJsonRoundTrip(result.nodes);
    return 0;
}
