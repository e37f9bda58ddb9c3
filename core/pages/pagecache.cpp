// SPDX-License-Identifier: MIT
#include "pages/pagecache.h"

#include "storage/searchquery.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace tg {

namespace {

// 1: pages, lists and views; 2: and the search index over the pages (where SQLite has FTS5).
constexpr int SchemaVersion = 2;

// Titles and descriptions are what the cache holds of a page (never its content). The index
// keeps its own copy keyed by the page row's rowid; triggers keep it in step with every write,
// including INSERT OR REPLACE, whose implied delete fires no delete trigger.
const char *const SearchSql[] = {
    "CREATE VIRTUAL TABLE IF NOT EXISTS page_search USING fts5(title, description, "
    "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    "CREATE TRIGGER IF NOT EXISTS page_search_replace BEFORE INSERT ON pages BEGIN "
    "DELETE FROM page_search WHERE rowid IN (SELECT rowid FROM pages WHERE account = "
    "new.account AND position = new.position); END",
    "CREATE TRIGGER IF NOT EXISTS page_search_insert AFTER INSERT ON pages BEGIN "
    "INSERT INTO page_search(rowid, title, description) VALUES (new.rowid, "
    "coalesce(new.title, ''), coalesce(new.description, '')); END",
    "CREATE TRIGGER IF NOT EXISTS page_search_update AFTER UPDATE ON pages BEGIN "
    "DELETE FROM page_search WHERE rowid = old.rowid; "
    "INSERT INTO page_search(rowid, title, description) VALUES (new.rowid, "
    "coalesce(new.title, ''), coalesce(new.description, '')); END",
    "CREATE TRIGGER IF NOT EXISTS page_search_delete AFTER DELETE ON pages BEGIN "
    "DELETE FROM page_search WHERE rowid = old.rowid; END",
    "DELETE FROM page_search",
    "INSERT INTO page_search(rowid, title, description) SELECT rowid, coalesce(title, ''), "
    "coalesce(description, '') FROM pages",
};
// Without FTS5 the triggers would make every store fail: they go, and the index is built again
// (user_version back to 1) where FTS5 is available.
const char *const SearchOffSql[] = {
    "DROP TRIGGER IF EXISTS page_search_replace",
    "DROP TRIGGER IF EXISTS page_search_insert",
    "DROP TRIGGER IF EXISTS page_search_update",
    "DROP TRIGGER IF EXISTS page_search_delete",
};

const QString PageSearchSql = QStringLiteral(
    "SELECT p.account, p.path, p.url, p.title, snippet(page_search, -1, char(2), char(3), '…', "
    "16), bm25(page_search, 4.0, 1.0) AS score FROM page_search JOIN pages p ON p.rowid = "
    "page_search.rowid WHERE page_search MATCH ? ORDER BY score LIMIT ?");

const char *const SchemaSql[] = {
    "CREATE TABLE IF NOT EXISTS pages ("
    " account TEXT NOT NULL, position INTEGER NOT NULL, path TEXT NOT NULL, url TEXT,"
    " title TEXT, description TEXT, author_name TEXT, author_url TEXT, image_url TEXT,"
    " views INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (account, position))",
    "CREATE INDEX IF NOT EXISTS pages_path ON pages (account, path)",
    "CREATE TABLE IF NOT EXISTS lists ("
    " account TEXT PRIMARY KEY, total_count INTEGER NOT NULL DEFAULT -1, refreshed INTEGER)",
    "CREATE TABLE IF NOT EXISTS views ("
    " path TEXT NOT NULL, bucket TEXT NOT NULL, views INTEGER NOT NULL, fetched INTEGER NOT NULL,"
    " closed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (path, bucket))",
};

bool g_fts5DisabledForTesting = false;

class Transaction
{
public:
    explicit Transaction(const QString &connection)
        : m_db(QSqlDatabase::database(connection, false))
    {
        m_active = m_db.transaction();
    }
    ~Transaction()
    {
        if (m_active)
            m_db.rollback();
    }
    bool ok() const { return m_active; }
    bool commit()
    {
        m_active = false;
        return m_db.commit();
    }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace

PageCache::PageCache()
    : m_connection(QStringLiteral("tg-pagecache-") +
                   QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

PageCache::~PageCache()
{
    close();
}

QString PageCache::defaultFileName()
{
    return QStringLiteral("pages.sqlite");
}

bool PageCache::open(const QString &path)
{
    close();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        m_error = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
        return false;
    }
    if (!exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
        !exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
        return false;
    for (const char *sql : SchemaSql) {
        if (!exec(QString::fromLatin1(sql)))
            return false;
    }
    QSqlQuery v(QSqlDatabase::database(m_connection, false));
    const int version =
        v.exec(QStringLiteral("PRAGMA user_version")) && v.next() ? v.value(0).toInt() : 0;
    v.finish();
    const bool fts5 = !g_fts5DisabledForTesting &&
                      SearchQuery::fts5Available(QSqlDatabase::database(m_connection, false));
    if (fts5 == (version >= 2))
        return true;
    Transaction t(m_connection);
    if (fts5) {
        for (const char *sql : SearchSql) {
            if (!exec(QString::fromLatin1(sql)))
                return false;
        }
    } else {
        for (const char *sql : SearchOffSql) {
            if (!exec(QString::fromLatin1(sql)))
                return false;
        }
    }
    return exec(QStringLiteral("PRAGMA user_version=%1").arg(fts5 ? SchemaVersion : 1)) &&
           t.commit();
}

void PageCache::setFts5DisabledForTesting(bool disabled)
{
    g_fts5DisabledForTesting = disabled;
}

bool PageCache::isIndexed(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() && q.value(0).toInt() >= 2;
}

bool PageCache::search(const QSqlDatabase &db, const QString &match, int limit,
                       QList<SearchHit> *hits, QString *error)
{
    if (match.isEmpty())
        return true;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(PageSearchSql);
    q.addBindValue(match);
    q.addBindValue(limit);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        SearchHit h;
        h.kind = SearchHit::Kind::Page;
        h.account = q.value(0).toString();
        h.pagePath = q.value(1).toString();
        h.pageUrl = q.value(2).toString();
        h.title = q.value(3).toString();
        h.snippetHtml = SearchQuery::markedToHtml(q.value(4).toString());
        h.score = q.value(5).toDouble();
        hits->append(h);
    }
    return true;
}

bool PageCache::isOpen() const
{
    return QSqlDatabase::contains(m_connection) &&
           QSqlDatabase::database(m_connection, false).isOpen();
}

void PageCache::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool PageCache::exec(const QString &sql) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql)) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool PageCache::storePages(const QString &account, int offset, const QList<Page> &pages,
                           qint64 totalCount)
{
    if (!isOpen()) {
        m_error = QStringLiteral("the page cache is not open");
        return false;
    }
    Transaction t(m_connection);
    if (!t.ok()) {
        m_error = QSqlDatabase::database(m_connection, false).lastError().text();
        return false;
    }
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO pages (account, position, path, url, title, description,"
        " author_name, author_url, image_url, views) VALUES (?,?,?,?,?,?,?,?,?,?)"));
    for (int i = 0; i < pages.size(); ++i) {
        const Page &p = pages.at(i);
        q.bindValue(0, account);
        q.bindValue(1, offset + i);
        q.bindValue(2, p.path);
        q.bindValue(3, p.url);
        q.bindValue(4, p.title);
        q.bindValue(5, p.description);
        q.bindValue(6, p.authorName);
        q.bindValue(7, p.authorUrl);
        q.bindValue(8, p.imageUrl);
        q.bindValue(9, p.views);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    // A page whose views differ from its cached all-time total got views since its counts were
    // cached, maybe in buckets that had closed (the sandbox seeds the past): its counts go.
    QSqlQuery stale(QSqlDatabase::database(m_connection, false));
    stale.prepare(QStringLiteral(
        "DELETE FROM views WHERE path IN (SELECT t.path FROM views t JOIN pages p"
        " ON p.path = t.path WHERE p.account = ? AND p.position >= ? AND p.position < ?"
        " AND t.bucket = 'total' AND t.views <> p.views)"));
    stale.addBindValue(account);
    stale.addBindValue(offset);
    stale.addBindValue(offset + int(pages.size()));
    if (!stale.exec()) {
        m_error = stale.lastError().text();
        return false;
    }
    QSqlQuery l(QSqlDatabase::database(m_connection, false));
    l.prepare(
        QStringLiteral("INSERT INTO lists (account, total_count) VALUES (?, ?)"
                       " ON CONFLICT(account) DO UPDATE SET total_count = excluded.total_count"));
    l.addBindValue(account);
    l.addBindValue(totalCount);
    if (!l.exec()) {
        m_error = l.lastError().text();
        return false;
    }
    return t.commit();
}

bool PageCache::truncate(const QString &account, qint64 count)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM pages WHERE account = ? AND position >= ?"));
    q.addBindValue(account);
    q.addBindValue(count);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

QList<Page> PageCache::pages(const QString &account, int offset, int limit) const
{
    QList<Page> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT path, url, title, description, author_name, author_url,"
                             " image_url, views FROM pages WHERE account = ? AND position >= ?"
                             " ORDER BY position LIMIT ?"));
    q.addBindValue(account);
    q.addBindValue(offset);
    q.addBindValue(limit < 0 ? -1 : limit);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    if (limit > 0)
        out.reserve(limit);
    while (q.next()) {
        Page p;
        p.path = q.value(0).toString();
        p.url = q.value(1).toString();
        p.title = q.value(2).toString();
        p.description = q.value(3).toString();
        p.authorName = q.value(4).toString();
        p.authorUrl = q.value(5).toString();
        p.imageUrl = q.value(6).toString();
        p.views = q.value(7).toLongLong();
        out.append(std::move(p));
    }
    return out;
}

int PageCache::cachedCount(const QString &account) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM pages WHERE account = ?"));
    q.addBindValue(account);
    if (!q.exec() || !q.next()) {
        m_error = q.lastError().text();
        return 0;
    }
    return q.value(0).toInt();
}

qint64 PageCache::totalCount(const QString &account) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT total_count FROM lists WHERE account = ?"));
    q.addBindValue(account);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QDateTime PageCache::refreshedAt(const QString &account) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT refreshed FROM lists WHERE account = ?"));
    q.addBindValue(account);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
}

bool PageCache::setRefreshedAt(const QString &account, const QDateTime &when)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO lists (account, refreshed) VALUES (?, ?)"
                             " ON CONFLICT(account) DO UPDATE SET refreshed = excluded.refreshed"));
    q.addBindValue(account);
    q.addBindValue(when.toMSecsSinceEpoch());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool PageCache::updatePage(const QString &account, const Page &page)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE pages SET url = ?, title = ?, description = ?,"
                             " author_name = ?, author_url = ?, image_url = ?, views = ?"
                             " WHERE account = ? AND path = ?"));
    q.addBindValue(page.url);
    q.addBindValue(page.title);
    q.addBindValue(page.description);
    q.addBindValue(page.authorName);
    q.addBindValue(page.authorUrl);
    q.addBindValue(page.imageUrl);
    q.addBindValue(page.views);
    q.addBindValue(account);
    q.addBindValue(page.path);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool PageCache::removeAccount(const QString &account)
{
    Transaction t(m_connection);
    for (const QString &sql : {QStringLiteral("DELETE FROM pages WHERE account = ?"),
                               QStringLiteral("DELETE FROM lists WHERE account = ?")}) {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        q.prepare(sql);
        q.addBindValue(account);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    return t.commit();
}

bool PageCache::storeViews(const QString &path, const QString &bucketKey, qint64 views,
                           const QDateTime &fetchedAt, bool closed)
{
    QSet<QString> closedKeys;
    if (closed)
        closedKeys.insert(bucketKey);
    return storeViewsBatch(path, {{bucketKey, views}}, closedKeys, fetchedAt);
}

bool PageCache::storeViewsBatch(const QString &path, const QHash<QString, qint64> &views,
                                const QSet<QString> &closedKeys, const QDateTime &fetchedAt)
{
    if (!isOpen()) {
        m_error = QStringLiteral("the page cache is not open");
        return false;
    }
    Transaction t(m_connection);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO views (path, bucket, views, fetched, closed)"
                             " VALUES (?,?,?,?,?)"));
    for (auto it = views.cbegin(); it != views.cend(); ++it) {
        q.bindValue(0, path);
        q.bindValue(1, it.key());
        q.bindValue(2, it.value());
        q.bindValue(3, fetchedAt.toMSecsSinceEpoch());
        q.bindValue(4, closedKeys.contains(it.key()) ? 1 : 0);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    return t.commit();
}

QHash<QString, qint64> PageCache::cachedViews(const QString &path, const QStringList &bucketKeys,
                                              const QDateTime &now, int maxAgeSeconds) const
{
    QHash<QString, qint64> out;
    if (bucketKeys.isEmpty())
        return out;
    const QSet<QString> wanted(bucketKeys.cbegin(), bucketKeys.cend());
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT bucket, views, fetched, closed FROM views WHERE path = ?"));
    q.addBindValue(path);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    const qint64 oldest = now.toMSecsSinceEpoch() - qint64(maxAgeSeconds) * 1000;
    while (q.next()) {
        const QString key = q.value(0).toString();
        if (!wanted.contains(key))
            continue;
        if (q.value(3).toInt() != 0 || (maxAgeSeconds > 0 && q.value(2).toLongLong() >= oldest))
            out.insert(key, q.value(1).toLongLong());
    }
    return out;
}

} // namespace tg
