// SPDX-License-Identifier: MIT
// Fuzzes the flat Markdown reader (markdownToFlat) with arbitrary bytes, invalid UTF-8 included,
// and compares it with the tree reader (markdownToNodes) on the same bytes: the same nodes (as
// JSON, with the JSON size the flat writer predicts) and the same warnings, nesting within
// MaxNodeDepth.
#include "content/flatdoc.h"
#include "content/markdown.h"
#include "fuzzcheck.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView utf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const tg::FlatMarkdownResult flat = tg::markdownToFlat(utf8);
    TG_FUZZ_CHECK(flat.ok(), "the flat reader refused a small input");
    const tg::MarkdownResult tree = tg::markdownToNodes(utf8);
    const QByteArray json = tg::flatToJson(flat.doc);
    TG_FUZZ_CHECK(json == tg::toJson(tree.nodes), "flat and tree readers give different nodes");
    TG_FUZZ_CHECK(tg::flatJsonSize(flat.doc) == json.size(), "flatJsonSize() is not the JSON size");
    TG_FUZZ_CHECK(flat.warnings == tree.warnings, "flat and tree readers warn differently");
    TG_FUZZ_CHECK(tg::fuzz::elementDepth(tg::toNodes(flat.doc)) <= tg::MaxNodeDepth,
                  "nodes nest deeper than MaxNodeDepth");
    return 0;
}
