// SPDX-License-Identifier: MIT
// Fuzzes the readers of a published folder with arbitrary bytes: the mapping file
// (.telegraph.json), the front matter and the wiki links of a Markdown file. A mapping is read or
// refused with a reason, and a mapping read back from what it writes is the same; front matter
// stays within its bounds; wiki-link expansion ends and keeps text without "[[" as it is.
#include "fuzzcheck.h"
#include "workflow/folderlinks.h"
#include "workflow/foldermapping.h"
#include "workflow/frontmatter.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QString error;
    const std::optional<tg::FolderMapping> m = tg::FolderMapping::fromJson(bytes, &error);
    if (!m) {
        TG_FUZZ_CHECK(!error.isEmpty(), "a refused mapping without a reason");
    } else {
        QString again;
        const std::optional<tg::FolderMapping> back =
            tg::FolderMapping::fromJson(m->toJson(), &again);
        TG_FUZZ_CHECK(back.has_value(), "a written mapping is not read back");
        TG_FUZZ_CHECK(back->pages == m->pages && back->images == m->images,
                      "a mapping changes when written and read back");
    }

    const QString text = QString::fromUtf8(bytes);
    const tg::FrontMatter fm = tg::FrontMatter::parse(text);
    TG_FUZZ_CHECK(fm.bodyStart >= 0 && fm.bodyStart <= text.size(), "bodyStart outside the text");
    TG_FUZZ_CHECK(fm.title.size() <= tg::FrontMatter::MaxTitleLength, "title over its bound");
    TG_FUZZ_CHECK(fm.author.size() <= tg::FrontMatter::MaxAuthorLength, "author over its bound");
    TG_FUZZ_CHECK(fm.present || fm.bodyStart == 0, "a body start without front matter");

    int count = 0;
    const QString expanded = tg::FolderLinks::expandWikiLinks(
        text, [](const QString &t) { return t.size() % 2 ? QStringLiteral("/a b.md") : QString(); },
        &count);
    if (!text.contains(QStringLiteral("[[")))
        TG_FUZZ_CHECK(expanded == text, "text without wiki links was changed");
    TG_FUZZ_CHECK(count >= 0, "a negative link count");
    (void)tg::FolderLinks::resolve(QStringLiteral("d/x.md"), text.left(4096));
    return 0;
}
