// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace tg {

/// What the mapping file remembers of one source file: its page (the contents page for a
/// series), the hash of the file as last published and the hash of what its page holds.
struct FolderPageRecord
{
    QString path; ///< the page's path (the index page for a series)
    QString url;
    QString sourceHash;    ///< SHA-256 (hex) of the file's bytes when last published
    QString contentHash;   ///< SHA-256 (hex) of the title, author and content the page holds
    QStringList partPaths; ///< a series' parts, in order (empty for a single page)
    QStringList partUrls;
    /// Set (the UTC date, ISO) while a createPage for the file is on its way: a run killed then
    /// finds the page it may have made by title and date instead of making a second one.
    QString pendingSince;

    bool isSeries() const { return !partPaths.isEmpty(); }
    bool isPending() const { return !pendingSince.isEmpty(); }
    friend bool operator==(const FolderPageRecord &a, const FolderPageRecord &b)
    {
        return a.path == b.path && a.url == b.url && a.sourceHash == b.sourceHash &&
               a.contentHash == b.contentHash && a.partPaths == b.partPaths &&
               a.partUrls == b.partUrls && a.pendingSince == b.pendingSince;
    }
};

/// The mapping file `.telegraph.json` of a published folder: source path (relative, with '/')
/// → page, and local images' content hashes → their uploaded URLs. Read with bounds (size,
/// entries, string lengths, hash shapes) and clear errors; written atomically (QSaveFile), so an
/// interrupted run leaves the last complete mapping.
class FolderMapping
{
    Q_DECLARE_TR_FUNCTIONS(tg::FolderMapping)
public:
    /// The file's name inside the folder.
    static QString fileName() { return QStringLiteral(".telegraph.json"); }
    /// Largest mapping file read (bytes), most entries of each kind, longest strings.
    static constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;
    static constexpr int MaxEntries = 20000;
    static constexpr int MaxParts = 1000;
    static constexpr int MaxStringLength = 4096;

    QMap<QString, FolderPageRecord> pages; ///< by source path relative to the folder
    QMap<QString, QString> images;         ///< image SHA-256 (hex) → URL

    /// Parses the file's content; nullopt with *error (naming what is wrong) when it is damaged.
    static std::optional<FolderMapping> fromJson(const QByteArray &json, QString *error);
    /// The file's content (stable, indented, keys sorted).
    QByteArray toJson() const;

    /// Reads `<dir>/.telegraph.json`: an empty mapping when there is none; nullopt with *error
    /// when it cannot be read or is damaged (the file is then left as it is).
    static std::optional<FolderMapping> load(const QString &dir, QString *error);
    /// Writes `<dir>/.telegraph.json` atomically; false with *error when it could not.
    bool save(const QString &dir, QString *error) const;

    /// Whether `s` is a SHA-256 in lower-case hex (64 characters).
    static bool isHash(const QString &s);
};

} // namespace tg
