// SPDX-License-Identifier: MIT
// Fuzzes the Markdown reader's UTF-8 path (markdownToNodes(QByteArrayView) and its flat tree,
// detail::markdownFlatStats) with arbitrary bytes, invalid UTF-8 included: the nodes are valid
// Telegraph content (tg::fuzz::checkImported), equal to what the UTF-16 entry point gives for
// the same text, and the flat tree holds exactly the texts the nodes end up with.
#include "content/markdown.h"
#include "fuzzcheck.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

qsizetype textBytes(const tg::NodeList &nodes)
{
    qsizetype total = 0;
    QList<const tg::NodeList *> todo{&nodes};
    while (!todo.isEmpty()) {
        const tg::NodeList *list = todo.takeLast();
        for (const tg::Node &n : *list) {
            if (n.isText())
                total += n.textValue().toUtf8().size();
            else
                todo.append(&n.children());
        }
    }
    return total;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView utf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const tg::MarkdownResult direct = tg::markdownToNodes(utf8);
    tg::fuzz::checkImported(direct.nodes);

    const tg::MarkdownResult viaUtf16 = tg::markdownToNodes(QString::fromUtf8(utf8));
    if (direct.nodes != viaUtf16.nodes || direct.warnings != viaUtf16.warnings)
        std::abort(); // both entry points read the same text

    const tg::detail::MarkdownFlatStats flat = tg::detail::markdownFlatStats(utf8);
    if (flat.textBytes != textBytes(direct.nodes) || flat.warnings != direct.warnings.size())
        std::abort();
    return 0;
}
