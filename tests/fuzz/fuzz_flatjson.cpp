// SPDX-License-Identifier: MIT
// Fuzzes the flat nodes JSON reader (flatFromJson) with arbitrary bytes: it must agree with the
// tree reader (nodesFromJson) on acceptance, message and offset; what it accepts must write back
// exactly as toJson writes the tree, read back to the same document, and measure its own size.
#include "content/flatdoc.h"
#include "fuzzcheck.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const tg::FlatJsonResult flat = tg::flatFromJson(json);
    const tg::NodeParseResult tree = tg::nodesFromJson(json);
    TG_FUZZ_CHECK(flat.error == tree.error, "flat and tree readers disagree on the error");
    TG_FUZZ_CHECK(flat.offset == tree.offset, "flat and tree readers disagree on the offset");
    if (!flat.ok()) {
        TG_FUZZ_CHECK(flat.offset >= 0 && flat.offset <= json.size(),
                      "an error offset outside the input");
        return 0;
    }
    const QByteArray written = tg::flatToJson(flat.doc);
    TG_FUZZ_CHECK(written == tg::toJson(tree.nodes), "flat JSON differs from toJson");
    TG_FUZZ_CHECK(tg::flatJsonSize(flat.doc) == written.size(), "flatJsonSize is wrong");
    TG_FUZZ_CHECK(tg::toNodes(flat.doc) == tree.nodes, "toNodes differs from the tree reader");
    const tg::FlatJsonResult again = tg::flatFromJson(written);
    TG_FUZZ_CHECK(again.ok(), "flatFromJson refuses what flatToJson wrote");
    TG_FUZZ_CHECK(tg::flatToJson(again.doc) == written, "a JSON round trip changes the document");
    TG_FUZZ_CHECK(tg::flatToHtml(flat.doc) == tg::flatToHtml(tg::fromNodes(tree.nodes)),
                  "flat HTML depends on where the document came from");
    return 0;
}
