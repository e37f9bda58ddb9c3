// SPDX-License-Identifier: MIT
// Fuzzes the node JSON reader (nodesFromJson) with arbitrary bytes. A refusal says what and where
// (an offset inside the input); accepted nodes nest within MaxNodeDepth and read back unchanged
// from what toJson writes for them.
#include "fuzzcheck.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const tg::NodeParseResult result = tg::nodesFromJson(json);
    if (!result.ok()) {
        TG_FUZZ_CHECK(result.offset >= 0 && result.offset <= json.size(),
                      "an error offset outside the input");
        return 0;
    }
    TG_FUZZ_CHECK(tg::fuzz::elementDepth(result.nodes) <= tg::MaxNodeDepth,
                  "read nodes nest deeper than MaxNodeDepth");
    tg::fuzz::checkJsonRoundTrip(result.nodes);
    return 0;
}
