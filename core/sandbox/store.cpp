// SPDX-License-Identifier: MIT
#include "sandbox/store.h"

#include <QAtomicInteger>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tg::sandbox {

namespace {

/// A bindable text that is never NULL (a null QString would bind as SQL NULL).
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QAtomicInteger<quint64> s_connectionCounter;

StoredPage pageFromQuery(const QSqlQuery &q, bool withContent)
{
    StoredPage p;
    p.id = q.value(0).toLongLong();
    p.accountId = q.value(1).toLongLong();
    p.path = q.value(2).toString();
    p.title = q.value(3).toString();
    p.description = q.value(4).toString();
    p.authorName = q.value(5).toString();
    p.authorUrl = q.value(6).toString();
    p.imageUrl = q.value(7).toString();
    p.createdMs = q.value(8).toLongLong();
    p.views = q.value(9).toLongLong();
    if (withContent)
        p.content = q.value(10).toByteArray();
    return p;
}

const char PageColumns[] =
    "id, account_id, path, title, description, author_name, author_url, image_url, created_ms, "
    "views";

} // namespace

Store::Store()
    : m_connectionName(
          QStringLiteral("tg_sandbox_%1").arg(s_connectionCounter.fetchAndAddOrdered(1)))
{}

Store::~Store()
{
    close();
}

bool Store::open(const QString &dataDir, QString *error)
{
    close();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (dataDir.isEmpty()) {
        m_db.setDatabaseName(QStringLiteral(":memory:"));
    } else {
        if (!QDir().mkpath(dataDir)) {
            if (error)
                *error = QStringLiteral("cannot create data folder %1").arg(dataDir);
            return false;
        }
        m_db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("sandbox.sqlite")));
    }
    if (!m_db.open()) {
        if (error)
            *error = m_db.lastError().text();
        return false;
    }
    const char *const schema[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "PRAGMA foreign_keys=ON",
        "CREATE TABLE IF NOT EXISTS accounts (id INTEGER PRIMARY KEY, token TEXT NOT NULL UNIQUE, "
        "short_name TEXT NOT NULL, author_name TEXT NOT NULL, author_url TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS auth_codes (code TEXT PRIMARY KEY, account_id INTEGER NOT NULL "
        "REFERENCES accounts(id), expires_ms INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS pages (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL "
        "REFERENCES accounts(id), path TEXT NOT NULL UNIQUE, title TEXT NOT NULL, description "
        "TEXT NOT NULL, author_name TEXT NOT NULL, author_url TEXT NOT NULL, image_url TEXT NOT "
        "NULL, created_ms INTEGER NOT NULL, views INTEGER NOT NULL DEFAULT 0, content BLOB NOT "
        "NULL, base_path TEXT NOT NULL, suffix INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS pages_by_base ON pages(base_path, suffix)",
        "CREATE INDEX IF NOT EXISTS pages_by_account ON pages(account_id, created_ms, id)",
        "CREATE TABLE IF NOT EXISTS views (page_id INTEGER NOT NULL REFERENCES pages(id), "
        "hour_start INTEGER NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (page_id, hour_start))",
        "CREATE TABLE IF NOT EXISTS files (name TEXT PRIMARY KEY, mime TEXT NOT NULL, data BLOB "
        "NOT NULL)",
    };
    for (const char *sql : schema) {
        if (!exec(QString::fromLatin1(sql))) {
            if (error)
                *error = m_db.lastError().text();
            return false;
        }
    }
    return true;
}

void Store::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Store::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    return q.exec(sql);
}

bool Store::insertAccount(StoredAccount *account)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO accounts (token, short_name, author_name, author_url) "
                             "VALUES (?, ?, ?, ?)"));
    q.addBindValue(text(account->token));
    q.addBindValue(text(account->shortName));
    q.addBindValue(text(account->authorName));
    q.addBindValue(text(account->authorUrl));
    if (!q.exec())
        return false;
    account->id = q.lastInsertId().toLongLong();
    return true;
}

bool Store::updateAccount(const StoredAccount &account)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE accounts SET token = ?, short_name = ?, author_name = ?, "
                             "author_url = ? WHERE id = ?"));
    q.addBindValue(text(account.token));
    q.addBindValue(text(account.shortName));
    q.addBindValue(text(account.authorName));
    q.addBindValue(text(account.authorUrl));
    q.addBindValue(account.id);
    return q.exec() && q.numRowsAffected() == 1;
}

static std::optional<StoredAccount> accountFrom(QSqlQuery &q)
{
    if (!q.exec() || !q.next())
        return std::nullopt;
    StoredAccount a;
    a.id = q.value(0).toLongLong();
    a.token = q.value(1).toString();
    a.shortName = q.value(2).toString();
    a.authorName = q.value(3).toString();
    a.authorUrl = q.value(4).toString();
    return a;
}

std::optional<StoredAccount> Store::accountByToken(const QString &token)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, token, short_name, author_name, author_url FROM accounts "
                             "WHERE token = ?"));
    q.addBindValue(token);
    return accountFrom(q);
}

std::optional<StoredAccount> Store::accountById(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, token, short_name, author_name, author_url FROM accounts "
                             "WHERE id = ?"));
    q.addBindValue(id);
    return accountFrom(q);
}

bool Store::insertAuthCode(const QString &code, qint64 accountId, qint64 expiresMs)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO auth_codes (code, account_id, expires_ms) VALUES (?, ?, ?)"));
    q.addBindValue(code);
    q.addBindValue(accountId);
    q.addBindValue(expiresMs);
    return q.exec();
}

std::optional<qint64> Store::consumeAuthCode(const QString &code, qint64 nowMs)
{
    m_db.transaction();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT account_id, expires_ms FROM auth_codes WHERE code = ?"));
    q.addBindValue(code);
    if (!q.exec() || !q.next()) {
        m_db.rollback();
        return std::nullopt;
    }
    const qint64 accountId = q.value(0).toLongLong();
    const qint64 expires = q.value(1).toLongLong();
    q.finish();
    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM auth_codes WHERE code = ? OR expires_ms < ?"));
    del.addBindValue(code);
    del.addBindValue(nowMs);
    del.exec();
    m_db.commit();
    if (nowMs > expires)
        return std::nullopt;
    return accountId;
}

bool Store::pathExists(const QString &path)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM pages WHERE path = ?"));
    q.addBindValue(path);
    return q.exec() && q.next();
}

bool Store::insertPage(StoredPage *page, const QString &basePath, int suffix)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO pages (account_id, path, title, description, author_name, author_url, "
        "image_url, created_ms, views, content, base_path, suffix) VALUES (?, ?, ?, ?, ?, ?, ?, "
        "?, 0, ?, ?, ?)"));
    q.addBindValue(page->accountId);
    q.addBindValue(text(page->path));
    q.addBindValue(text(page->title));
    q.addBindValue(text(page->description));
    q.addBindValue(text(page->authorName));
    q.addBindValue(text(page->authorUrl));
    q.addBindValue(text(page->imageUrl));
    q.addBindValue(page->createdMs);
    q.addBindValue(page->content.isNull() ? QByteArray("") : page->content);
    q.addBindValue(text(basePath));
    q.addBindValue(suffix);
    if (!q.exec())
        return false;
    page->id = q.lastInsertId().toLongLong();
    page->views = 0;
    return true;
}

bool Store::updatePage(const StoredPage &page)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE pages SET title = ?, description = ?, author_name = ?, "
                             "author_url = ?, image_url = ?, content = ? WHERE id = ?"));
    q.addBindValue(text(page.title));
    q.addBindValue(text(page.description));
    q.addBindValue(text(page.authorName));
    q.addBindValue(text(page.authorUrl));
    q.addBindValue(text(page.imageUrl));
    q.addBindValue(page.content);
    q.addBindValue(page.id);
    return q.exec() && q.numRowsAffected() == 1;
}

std::optional<StoredPage> Store::pageByPath(const QString &path, bool withContent)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1%2 FROM pages WHERE path = ?")
                  .arg(QLatin1String(PageColumns),
                       withContent ? QStringLiteral(", content") : QString()));
    q.addBindValue(path);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return pageFromQuery(q, withContent);
}

int Store::lastSuffix(const QString &basePath)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT MAX(suffix) FROM pages WHERE base_path = ?"));
    q.addBindValue(basePath);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return 0;
    return q.value(0).toInt();
}

int Store::pageCount(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM pages WHERE account_id = ?"));
    q.addBindValue(accountId);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toInt();
}

QList<StoredPage> Store::pageList(qint64 accountId, int offset, int limit)
{
    QList<StoredPage> pages;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM pages WHERE account_id = ? ORDER BY created_ms DESC, "
                             "id DESC LIMIT ? OFFSET ?")
                  .arg(QLatin1String(PageColumns)));
    q.addBindValue(accountId);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return pages;
    while (q.next())
        pages.append(pageFromQuery(q, false));
    return pages;
}

bool Store::addViews(qint64 pageId, qint64 hourStartSec, qint64 count)
{
    if (!m_db.transaction())
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO views (page_id, hour_start, count) VALUES (?, ?, ?) "
                             "ON CONFLICT(page_id, hour_start) DO UPDATE SET count = count + "
                             "excluded.count"));
    q.addBindValue(pageId);
    q.addBindValue(hourStartSec);
    q.addBindValue(count);
    QSqlQuery total(m_db);
    total.prepare(QStringLiteral("UPDATE pages SET views = views + ? WHERE id = ?"));
    total.addBindValue(count);
    total.addBindValue(pageId);
    if (!q.exec() || !total.exec()) {
        m_db.rollback();
        return false;
    }
    return m_db.commit();
}

qint64 Store::viewsBetween(qint64 pageId, qint64 fromSec, qint64 toSec)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COALESCE(SUM(count), 0) FROM views WHERE page_id = ? AND "
                             "hour_start >= ? AND hour_start < ?"));
    q.addBindValue(pageId);
    q.addBindValue(fromSec);
    q.addBindValue(toSec);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool Store::insertFile(const QString &name, const StoredFile &file)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO files (name, mime, data) VALUES (?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(QString::fromLatin1(file.mimeType));
    q.addBindValue(file.data);
    return q.exec();
}

std::optional<StoredFile> Store::file(const QString &name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT mime, data FROM files WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return std::nullopt;
    StoredFile f;
    f.mimeType = q.value(0).toString().toLatin1();
    f.data = q.value(1).toByteArray();
    return f;
}

} // namespace tg::sandbox
