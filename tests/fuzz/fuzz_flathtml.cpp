// SPDX-License-Identifier: MIT
// Fuzzes the strict parser on UTF-8 (htmlToFlat) with arbitrary bytes and compares it with the
// tree parser (htmlToNodes) on the same text: invalid UTF-8 is refused with an offset inside the
// input; otherwise both give the same error (kind, message, tag, line, column) or the same nodes.
#include "content/flatdoc.h"
#include "content/flathtml.h"
#include "content/htmlparser.h"
#include "fuzzcheck.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray html(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const tg::FlatHtmlResult flat = tg::htmlToFlat(html);
    if (!flat.utf8Error.isEmpty()) {
        TG_FUZZ_CHECK(flat.utf8Offset >= 0 && flat.utf8Offset < html.size(),
                      "a UTF-8 error offset outside the input");
        return 0;
    }
    // QString::fromUtf8 drops a leading byte order mark, which htmlToFlat keeps as text.
    if (html.startsWith("\xEF\xBB\xBF"))
        return 0;
    const tg::HtmlParseResult tree = tg::htmlToNodes(QString::fromUtf8(html));
    TG_FUZZ_CHECK(flat.error.has_value() == tree.error.has_value(),
                  "flat and tree parsers disagree on success");
    if (tree.error) {
        TG_FUZZ_CHECK(flat.error->kind == tree.error->kind, "different error kinds");
        TG_FUZZ_CHECK(flat.error->message == tree.error->message, "different error messages");
        TG_FUZZ_CHECK(flat.error->tag == tree.error->tag, "different error tags");
        return 0;
    }
    TG_FUZZ_CHECK(tg::flatToJson(flat.doc) == tg::toJson(tree.nodes), "different nodes");
    TG_FUZZ_CHECK(tg::fuzz::elementDepth(tg::toNodes(flat.doc)) <= tg::MaxNodeDepth,
                  "nodes nest deeper than MaxNodeDepth");
    return 0;
}
