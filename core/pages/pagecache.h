// SPDX-License-Identifier: MIT
#pragma once

#include "api/apitypes.h"
#include "storage/searchhit.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlDatabase;

namespace tg {

/// The local cache of page lists and view counts, in its own SQLite file next to the drafts
/// database, so the page list shows at once on start and offline. Pages are kept per account key
/// at their position in getPageList order (newest first); view counts per page path and bucket
/// key (see ViewBucket::key(), "total" for the all-time count).
/// Not thread-safe: use it from the thread that opened it.
class PageCache
{
public:
    PageCache();
    ~PageCache();
    PageCache(const PageCache &) = delete;
    PageCache &operator=(const PageCache &) = delete;

    /// File name of the cache inside the data directory.
    static QString defaultFileName();

    /// Opens (creating when needed) the cache file and its schema; false with lastError().
    /// Where SQLite has FTS5, the pages' titles and descriptions are kept in a search index
    /// (built from the cached pages the first time).
    bool open(const QString &path);
    /// Acts as if SQLite had no FTS5 in caches opened from now on (tests of that case).
    static void setFts5DisabledForTesting(bool disabled);
    /// True when the cache file on this connection has a search index kept up to date.
    static bool isIndexed(const QSqlDatabase &db);
    /// Cached pages of every account whose title or description match the FTS5 expression
    /// (see SearchQuery::matchExpression()), best first, at most `limit`; works on any
    /// connection to the file. False with *error on an SQL error.
    static bool search(const QSqlDatabase &db, const QString &match, int limit,
                       QList<SearchHit> *hits, QString *error = nullptr);
    bool isOpen() const;
    void close();
    QString lastError() const { return m_error; }

    /// Stores pages fetched at `offset` of the account's list (positions offset, offset+1, ...)
    /// and the server's total count, in one transaction. Content is not stored. The cached view
    /// counts of a stored page whose views differ from its cached "total" are dropped: it got
    /// views since, maybe in buckets already closed, so its statistics are fetched afresh.
    bool storePages(const QString &account, int offset, const QList<Page> &pages,
                    qint64 totalCount);
    /// Forgets positions >= count, after a full refresh found fewer pages than cached.
    bool truncate(const QString &account, qint64 count);
    /// Cached pages by position; limit < 0 means all from offset.
    QList<Page> pages(const QString &account, int offset = 0, int limit = -1) const;
    /// Number of cached positions.
    int cachedCount(const QString &account) const;
    /// The server's total count at the last store, or -1 when never fetched.
    qint64 totalCount(const QString &account) const;
    /// When a full refresh of the account's list last completed (invalid when never).
    QDateTime refreshedAt(const QString &account) const;
    bool setRefreshedAt(const QString &account, const QDateTime &when);
    /// Replaces the cached fields of the page with this path (after an edit).
    bool updatePage(const QString &account, const Page &page);
    /// Forgets an account's list (its view counts stay: they belong to paths).
    bool removeAccount(const QString &account);

    /// Stores a fetched view count. A closed bucket never changes again and stays valid for good.
    bool storeViews(const QString &path, const QString &bucketKey, qint64 views,
                    const QDateTime &fetchedAt, bool closed);
    /// Stores several counts of one page in one transaction (key → views).
    bool storeViewsBatch(const QString &path, const QHash<QString, qint64> &views,
                         const QSet<QString> &closedKeys, const QDateTime &fetchedAt);
    /// Cached counts of a page for these keys that are still valid at `now`: closed buckets
    /// always, open ones when fetched at most maxAgeSeconds ago (never when it is 0 or less).
    QHash<QString, qint64> cachedViews(const QString &path, const QStringList &bucketKeys,
                                       const QDateTime &now, int maxAgeSeconds) const;

private:
    bool exec(const QString &sql) const;

    QString m_connection;
    mutable QString m_error;
};

} // namespace tg
