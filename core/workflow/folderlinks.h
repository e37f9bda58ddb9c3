// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"

#include <QString>
#include <QStringView>

#include <functional>
#include <optional>

namespace tg {

/// Links between the files of a published folder: Markdown wiki links, relative links to other
/// files and local images, found and rewritten in converted content. Pure functions, safe on any
/// thread; every loop is bounded by its input.
class FolderLinks
{
public:
    /// Longest `[[...]]` taken as a wiki link (characters between the brackets).
    static constexpr int MaxWikiLinkLength = 512;

    /// Turns `[[target]]`, `[[target|text]]` and `[[target#part|text]]` into Markdown links
    /// `[text](/path/of/file.md#part)`, `resolve` giving the file's path from the folder's root
    /// (empty: the text is kept without the brackets). Fenced code blocks and code spans are left
    /// alone. `*count` (optional) gets the number of links made.
    static QString expandWikiLinks(QStringView markdown,
                                   const std::function<QString(const QString &target)> &resolve,
                                   int *count = nullptr);

    /// The folder-relative path a link or image address points to, when it is a local file
    /// reference (no scheme, no "//"): resolved against `fromFile`'s folder (a leading '/' starts
    /// at the folder's root), percent-decoded, cleaned. Empty when it is not local or leaves the
    /// folder. `*fragment` gets what follows '#' (without it).
    static QString resolve(const QString &fromFile, const QString &href,
                           QString *fragment = nullptr);

    /// What rewrite() asks for each address: the new value, or nullopt to keep it.
    using Mapper = std::function<std::optional<QString>(const QString &address, bool image)>;
    /// A copy of `content` whose `a` hrefs (image = false) and `img`/`video` srcs (image = true)
    /// went through `map`.
    static NodeList rewrite(const NodeList &content, const Mapper &map);
    /// Calls `visit` with every address rewrite() would pass to the mapper.
    static void visit(const NodeList &content,
                      const std::function<void(const QString &address, bool image)> &visit);
};

} // namespace tg
