// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"
#include "storage/draft.h"
#include "workflow/foldermapping.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace tg {

/// One Markdown or HTML file of a folder, read and converted (links not yet rewritten).
struct FolderSource
{
    QString file;         ///< path relative to the folder, '/'-separated
    QString absolutePath; ///< where it is on disk
    qint64 size = 0;      ///< bytes
    QString sourceHash;   ///< SHA-256 (hex) of the bytes
    DraftFormat format = DraftFormat::Markdown;
    QString title;      ///< front matter title, else the first heading, else the file's name
    QString authorName; ///< from the front matter (empty: the account's)
    QString authorUrl;
    QString body;         ///< the source after the front matter (what the file's draft holds)
    NodeList content;     ///< converted; wiki links expanded, the title's heading taken out
    QStringList links;    ///< the folder's files it links to
    bool selected = true; ///< matched --only (unselected files only resolve links)
    bool tooBig = false;  ///< over the page limit: published as a series
};

/// A local image shown by the folder's files.
struct FolderImage
{
    QString file; ///< relative to the folder
    QString absolutePath;
    QString hash; ///< SHA-256 (hex) of the bytes: the key of the mapping's image cache
    qint64 size = 0;
};

/// What publishing does with one file.
enum class FolderAction
{
    Create,    ///< no page yet
    Update,    ///< the file or a page it links to changed
    Unchanged, ///< nothing to send
    Series,    ///< too big for one page: created or updated as a series
    Removed,   ///< the file is gone; its page is left alone unless asked
    Skipped,   ///< not published (unreadable, too large to read, a hostile name, …)
};

/// One line of the plan.
struct FolderPlanItem
{
    QString file;
    FolderAction action = FolderAction::Create;
    QString pageUrl; ///< known page (empty before creation)
    qint64 size = 0;
    int source = -1; ///< index into FolderPlan::sources (-1 for Removed and Skipped)
    QString reason;  ///< why (Update, Skipped), for display
};

/// The result of scanning a folder against its mapping file: every file's source and action.
struct FolderPlan
{
    Q_DECLARE_TR_FUNCTIONS(tg::FolderPlan)

public:
    QString directory;
    FolderMapping mapping;
    QList<FolderSource> sources;
    QHash<QString, int> sourceIndex;    ///< file → index into sources
    QHash<QString, FolderImage> images; ///< file → local image
    QList<FolderPlanItem> items;        ///< sorted by file
    QStringList warnings;               ///< broken links, missing images, skipped entries
    QString error; ///< why there is no plan (no such folder, damaged mapping file)

    bool ok() const { return error.isEmpty(); }
    int count(FolderAction action) const;
    /// "create", "update", "unchanged", "series", "removed", "skipped" (stable, for scripts).
    static QString actionName(FolderAction action);
    /// The action as the user reads it ("Create", "Too big: series", …), translated.
    static QString actionText(FolderAction action);
};

/// Limits and choices of a scan.
struct FolderPlanOptions
{
    bool force = false; ///< every selected file is updated
    QString only;       ///< a glob on the relative path (or the name when it has no '/')
    int maxFiles = 2000;
    int maxEntries = 100000; ///< directory entries looked at
    int maxDepth = 32;
    qint64 maxFileBytes = 8 * 1024 * 1024;
    qint64 maxTotalBytes = 256 * 1024 * 1024;
    qint64 maxImageBytes = 50 * 1024 * 1024;
};

/// Scans a folder (no widgets, no network; safe on a worker thread) and plans its publication.
class FolderPlanner
{
    Q_DECLARE_TR_FUNCTIONS(tg::FolderPlanner)
public:
    /// Reads every *.md, *.markdown, *.html and *.htm below `directory` (hidden entries and
    /// symbolic links to folders are skipped, links to files outside the folder too) and the
    /// mapping file, and decides each file's action.
    static FolderPlan build(const QString &directory, const FolderPlanOptions &options = {});

    /// The source's content as it would be sent with what `mapping` knows: links to the folder's
    /// files become their page URLs, local images their uploaded URLs. Addresses not known yet
    /// get `placeholder` (kept as written when it is null) and clear *complete.
    static NodeList resolvedContent(const FolderPlan &plan, const FolderSource &source,
                                    const FolderMapping &mapping, const QString &placeholder,
                                    bool *complete = nullptr);
    /// The hash the mapping keeps of what a page holds.
    static QString contentHash(const FolderSource &source, const NodeList &content);
    /// Whether `file` (relative) matches the --only glob (always when the glob is empty).
    static bool matchesGlob(const QString &file, const QString &glob);
};

} // namespace tg
