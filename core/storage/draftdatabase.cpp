// SPDX-License-Identifier: MIT
#include "storage/draftdatabase.h"

#include "storage/searchquery.h"
#include "storage/storagelog.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace tg {

namespace {

constexpr int SchemaVersion = 5;

// The search index (schema 3 → 4): FTS5 tables over the drafts' and the revisions' titles and
// texts that read their content from those tables, kept in step by triggers in the same
// transaction as every write, and filled from what is stored when created. Only created where
// SQLite has FTS5; see ensureSearchIndex().
#define TG_SEARCH_TOKENIZE "tokenize='unicode61 remove_diacritics 2', prefix='2 3'"
const char *const SearchIndexSql[] = {
    "CREATE VIRTUAL TABLE IF NOT EXISTS draft_search USING fts5(title, body, "
    "content='drafts', " TG_SEARCH_TOKENIZE ")",
    "CREATE VIRTUAL TABLE IF NOT EXISTS revision_search USING fts5(title, body, "
    "content='revisions', content_rowid='id', " TG_SEARCH_TOKENIZE ")",
    "CREATE TRIGGER IF NOT EXISTS draft_search_insert AFTER INSERT ON drafts BEGIN "
    "INSERT INTO draft_search(rowid, title, body) VALUES (new.rowid, new.title, new.body); END",
    "CREATE TRIGGER IF NOT EXISTS draft_search_update AFTER UPDATE OF title, body ON drafts "
    "WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN "
    "INSERT INTO draft_search(draft_search, rowid, title, body) VALUES ('delete', old.rowid, "
    "old.title, old.body); "
    "INSERT INTO draft_search(rowid, title, body) VALUES (new.rowid, new.title, new.body); END",
    "CREATE TRIGGER IF NOT EXISTS draft_search_delete AFTER DELETE ON drafts BEGIN "
    "INSERT INTO draft_search(draft_search, rowid, title, body) VALUES ('delete', old.rowid, "
    "old.title, old.body); END",
    "CREATE TRIGGER IF NOT EXISTS revision_search_insert AFTER INSERT ON revisions BEGIN "
    "INSERT INTO revision_search(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER IF NOT EXISTS revision_search_update AFTER UPDATE OF title, body ON "
    "revisions BEGIN "
    "INSERT INTO revision_search(revision_search, rowid, title, body) VALUES ('delete', old.id, "
    "old.title, old.body); "
    "INSERT INTO revision_search(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER IF NOT EXISTS revision_search_delete AFTER DELETE ON revisions BEGIN "
    "INSERT INTO revision_search(revision_search, rowid, title, body) VALUES ('delete', old.id, "
    "old.title, old.body); END",
    "INSERT INTO draft_search(draft_search) VALUES ('rebuild')",
    "INSERT INTO revision_search(revision_search) VALUES ('rebuild')",
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index', 'on')",
};
#undef TG_SEARCH_TOKENIZE

// Without FTS5 the triggers would make every save fail: they go, and the index is rebuilt when
// the database is next opened where FTS5 is available.
const char *const SearchIndexOffSql[] = {
    "DROP TRIGGER IF EXISTS draft_search_insert",
    "DROP TRIGGER IF EXISTS draft_search_update",
    "DROP TRIGGER IF EXISTS draft_search_delete",
    "DROP TRIGGER IF EXISTS revision_search_insert",
    "DROP TRIGGER IF EXISTS revision_search_update",
    "DROP TRIGGER IF EXISTS revision_search_delete",
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index', 'off')",
};

bool g_fts5DisabledForTesting = false;

// SQLITE_CORRUPT and SQLITE_NOTADB: the file is damaged or not a database at all.
bool isDamagedError(const QString &nativeCode)
{
    return nativeCode == QLatin1String("11") || nativeCode == QLatin1String("26");
}

QDateTime fromMs(const QVariant &v)
{
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// SQLite binds a null QString as NULL; the columns are NOT NULL text.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

Draft readDraft(const QSqlQuery &q)
{
    Draft d;
    d.id = q.value(0).toString();
    d.title = q.value(1).toString();
    d.authorName = q.value(2).toString();
    d.authorUrl = q.value(3).toString();
    d.body = q.value(4).toString();
    d.format = q.value(5).toInt() == 1 ? DraftFormat::Html : DraftFormat::Markdown;
    d.pagePath = q.value(6).toString();
    d.pageUrl = q.value(7).toString();
    d.created = fromMs(q.value(8));
    d.modified = fromMs(q.value(9));
    d.trashed = q.value(10).toBool();
    return d;
}

Revision readRevision(const QSqlQuery &q)
{
    Revision r;
    r.id = q.value(0).toLongLong();
    r.draftId = q.value(1).toString();
    r.pagePath = q.value(2).toString();
    r.pageUrl = q.value(3).toString();
    r.created = fromMs(q.value(4));
    r.title = q.value(5).toString();
    r.authorName = q.value(6).toString();
    r.authorUrl = q.value(7).toString();
    r.body = q.value(8).toString();
    r.format = q.value(9).toInt() == 1 ? DraftFormat::Html : DraftFormat::Markdown;
    r.contentJson = q.value(10).toByteArray();
    return r;
}

const QString DraftColumns = QStringLiteral(
    "id, title, author_name, author_url, body, format, page_path, page_url, created, modified, "
    "trashed");
const QString TemplateColumns = QStringLiteral("id, name, title, body, format, created");

StoredTemplate readTemplate(const QSqlQuery &q)
{
    StoredTemplate t;
    t.id = q.value(0).toString();
    t.name = q.value(1).toString();
    t.title = q.value(2).toString();
    t.body = q.value(3).toString();
    t.format = q.value(4).toInt() == 1 ? DraftFormat::Html : DraftFormat::Markdown;
    t.created = fromMs(q.value(5));
    return t;
}

const QString RevisionColumns = QStringLiteral(
    "id, draft_id, page_path, page_url, created, title, author_name, author_url, body, format, "
    "content_json");

} // namespace

DraftDatabase::DraftDatabase()
    : m_connection(QStringLiteral("tg-drafts-") + QUuid::createUuid().toString(QUuid::Id128))
{}

DraftDatabase::~DraftDatabase()
{
    close();
}

bool DraftDatabase::open(const QString &path)
{
    close();
    m_failure = OpenFailure::None;
    m_error.clear();
    m_nativeError.clear();
    // An existing file is checked read-only first: a damaged file or a newer schema is refused
    // before anything (not even the journal mode) is written into it.
    if (QFileInfo(path).size() > 0 && !probe(path))
        return false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            m_error = db.lastError().text();
            m_failure = OpenFailure::Other;
            return false;
        }
    }
    // WAL keeps every committed transaction across a process kill and lets saves run without
    // blocking readers.
    bool ok = exec(QStringLiteral("PRAGMA journal_mode=WAL")) &&
              exec(QStringLiteral("PRAGMA synchronous=NORMAL")) &&
              exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    m_searchAvailable = !g_fts5DisabledForTesting &&
                        SearchQuery::fts5Available(QSqlDatabase::database(m_connection));
    if (ok)
        ok = migrate();
    if (!ok) {
        m_failure = isDamagedError(m_nativeError) ? OpenFailure::Damaged : OpenFailure::Other;
        close();
        return false;
    }
    return true;
}

int DraftDatabase::schemaVersion()
{
    return SchemaVersion;
}

bool DraftDatabase::probe(const QString &path)
{
    const QString name = m_connection + QStringLiteral("-probe");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (QFileInfo::exists(path + QStringLiteral("-wal"))) {
            // Committed pages may wait in the log: read through it (it exists, nothing new).
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        } else {
            // Immutable: not even a -wal or -shm file is created next to it.
            QUrl uri = QUrl::fromLocalFile(path);
            uri.setQuery(QStringLiteral("immutable=1"));
            db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        }
        if (!db.open()) {
            m_error = db.lastError().text();
            m_failure = OpenFailure::Other;
            ok = false;
        }
        QSqlQuery q(db);
        if (ok && (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())) {
            m_error = q.lastError().text();
            m_failure = isDamagedError(q.lastError().nativeErrorCode()) ? OpenFailure::Damaged
                                                                        : OpenFailure::Other;
            ok = false;
        } else if (ok && q.value(0).toString() != QLatin1String("ok")) {
            m_error = QStringLiteral("the integrity check failed: %1")
                          .arg(q.value(0).toString().left(200));
            m_failure = OpenFailure::Damaged;
            ok = false;
        }
        q.finish();
        if (ok) {
            const int version = storedVersion(db);
            if (version < 0) {
                m_error = QStringLiteral("the schema version cannot be read");
                m_failure = OpenFailure::Other;
                ok = false;
            } else if (version > SchemaVersion) {
                m_error = QStringLiteral("it was written by a newer version of the app (schema "
                                         "%1; this version knows up to %2). Nothing was "
                                         "changed in it; use the newer version")
                              .arg(version)
                              .arg(SchemaVersion);
                m_failure = OpenFailure::TooNew;
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

int DraftDatabase::storedVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type='table' AND name IN "
                               "('meta','drafts')")))
        return -1;
    bool meta = false;
    bool drafts = false;
    while (q.next()) {
        meta = meta || q.value(0).toString() == QLatin1String("meta");
        drafts = drafts || q.value(0).toString() == QLatin1String("drafts");
    }
    if (meta) {
        q.prepare(QStringLiteral("SELECT value FROM meta WHERE key='schema'"));
        if (!q.exec())
            return -1;
        if (q.next()) {
            bool isNumber = false;
            const int version = q.value(0).toString().toInt(&isNumber);
            return isNumber && version > 0 ? version : -1;
        }
    }
    // The first schema wrote its version right after creating its tables.
    return drafts ? 1 : 0;
}

bool DraftDatabase::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const int version = storedVersion(db);
    if (version < 0) {
        m_error = QStringLiteral("the schema version cannot be read");
        return false;
    }
    if (version > SchemaVersion) {
        m_error = QStringLiteral("newer schema %1 than this version knows (%2)")
                      .arg(version)
                      .arg(SchemaVersion);
        m_failure = OpenFailure::TooNew;
        return false;
    }
    // Step n takes the schema from version n to n + 1; version 0 is an empty file.
    static const char *const steps[][8] = {
        {"CREATE TABLE IF NOT EXISTS drafts (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', "
         "author_name TEXT NOT NULL DEFAULT '', author_url TEXT NOT NULL DEFAULT '', body TEXT NOT "
         "NULL DEFAULT '', format INTEGER NOT NULL DEFAULT 0, page_path TEXT NOT NULL DEFAULT '', "
         "page_url TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL, modified INTEGER NOT NULL, "
         "trashed INTEGER NOT NULL DEFAULT 0)",
         "CREATE TABLE IF NOT EXISTS revisions (id INTEGER PRIMARY KEY AUTOINCREMENT, draft_id "
         "TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE, page_path TEXT NOT NULL, "
         "page_url TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL, title TEXT NOT NULL, "
         "author_name TEXT NOT NULL, author_url TEXT NOT NULL, body TEXT NOT NULL, format "
         "INTEGER NOT NULL, content_json BLOB)",
         "CREATE INDEX IF NOT EXISTS revisions_by_draft ON revisions(draft_id, created)",
         "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)", nullptr},
        // 1 → 2: the drafts list (by trash state, newest first) reads an index, not the table.
        {"CREATE INDEX IF NOT EXISTS drafts_by_modified ON drafts(trashed, modified)", nullptr},
        // 2 → 3: per-draft options (word goal, spelling language, ...), a key-value list.
        {"CREATE TABLE IF NOT EXISTS draft_options (draft_id TEXT NOT NULL, key TEXT NOT NULL, "
         "value TEXT NOT NULL, PRIMARY KEY (draft_id, key))",
         nullptr},
        // 3 → 4: the full-text search index (SearchIndexSql), where SQLite has FTS5; the step
        // itself only records the version, ensureSearchIndex() creates and repairs the index.
        {nullptr},
        // 4 → 5: the writer's templates (a draft saved as a template), named uniquely.
        {"CREATE TABLE IF NOT EXISTS templates (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE "
         "COLLATE NOCASE, title TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '', format "
         "INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL)",
         nullptr},
    };
    static_assert(sizeof(steps) / sizeof(steps[0]) == SchemaVersion);
    for (int from = version; from < SchemaVersion; ++from) {
        if (!db.transaction()) {
            m_error = db.lastError().text();
            m_nativeError = db.lastError().nativeErrorCode();
            return false;
        }
        bool ok = true;
        for (const char *const *sql = steps[from]; ok && *sql; ++sql)
            ok = exec(QString::fromLatin1(*sql));
        if (ok && from == 3 && m_searchAvailable) {
            for (const char *sql : SearchIndexSql)
                ok = ok && exec(QString::fromLatin1(sql));
        }
        ok = ok && setMeta(QStringLiteral("schema"), QString::number(from + 1));
        if (!ok || !db.commit()) {
            if (ok)
                m_error = db.lastError().text();
            db.rollback();
            return false;
        }
    }
    return ensureSearchIndex();
}

bool DraftDatabase::ensureSearchIndex()
{
    const bool on = meta(QStringLiteral("search_index")) == QLatin1String("on");
    if (on == m_searchAvailable)
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return false;
    }
    bool ok = true;
    if (m_searchAvailable) {
        // Created here, or written by a build without FTS5 since: indexed afresh.
        ok = exec(QStringLiteral("DROP TABLE IF EXISTS draft_search")) &&
             exec(QStringLiteral("DROP TABLE IF EXISTS revision_search"));
        for (const char *sql : SearchIndexSql)
            ok = ok && exec(QString::fromLatin1(sql));
    } else {
        for (const char *sql : SearchIndexOffSql)
            ok = ok && exec(QString::fromLatin1(sql));
    }
    if (!ok || !db.commit()) {
        if (ok)
            m_error = db.lastError().text();
        db.rollback();
        return false;
    }
    qCDebug(lcStorage) << (m_searchAvailable ? "built the search index"
                                             : "SQLite has no FTS5: the search index is off");
    return true;
}

void DraftDatabase::setFts5DisabledForTesting(bool disabled)
{
    g_fts5DisabledForTesting = disabled;
}

namespace {

/// Row ids of a table, read forwards and, when the scan stops at a damaged page, backwards from
/// the end, so rows on both sides of the damage are found.
QList<qint64> readableRowIds(const QSqlDatabase &db, const QString &table, int limit)
{
    QList<qint64> ids;
    QSet<qint64> seen;
    for (const char *order : {"ASC", "DESC"}) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT rowid FROM %1 ORDER BY rowid %2")
                        .arg(table, QLatin1String(order))))
            continue;
        bool complete = true;
        while (ids.size() < limit) {
            if (!q.next()) {
                complete = !q.lastError().isValid();
                break;
            }
            const qint64 id = q.value(0).toLongLong();
            if (seen.contains(id))
                break; // met the forward scan
            seen.insert(id);
            ids.append(id);
        }
        if (complete)
            break;
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

constexpr int MaxRecoveredRows = 1000000;

} // namespace

DraftDatabase::CopyResult DraftDatabase::copyFrom(const QString &sourcePath)
{
    CopyResult result;
    const QString name = m_connection + QStringLiteral("-source");
    {
        QSqlDatabase src = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        src.setDatabaseName(sourcePath);
        src.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!src.open()) {
            result.error = src.lastError().text();
        } else {
            // Written in transactions of up to 256 rows: one per row would take seconds.
            QSqlDatabase dst = QSqlDatabase::database(m_connection);
            int drafts = 0;
            int revisions = 0;
            int inBatch = 0;
            auto commit = [&] {
                if (inBatch > 0 && !dst.commit()) {
                    result.error = dst.lastError().text();
                    dst.rollback();
                    result.skipped += drafts + revisions;
                } else {
                    result.drafts += drafts;
                    result.revisions += revisions;
                }
                drafts = revisions = inBatch = 0;
            };
            auto begin = [&] {
                if (inBatch == 256)
                    commit();
                if (inBatch++ == 0)
                    dst.transaction();
            };
            QSqlQuery q(src);
            q.setForwardOnly(true);
            q.prepare(QStringLiteral("SELECT ") + DraftColumns +
                      QStringLiteral(" FROM drafts WHERE rowid=?"));
            for (const qint64 rowid :
                 readableRowIds(src, QStringLiteral("drafts"), MaxRecoveredRows)) {
                q.addBindValue(rowid);
                begin();
                const bool ok = q.exec() && q.next() && writeDraft(readDraft(q));
                q.finish();
                if (ok)
                    ++drafts;
                else
                    ++result.skipped;
            }
            commit();
            q.finish();
            q.prepare(QStringLiteral("SELECT ") + RevisionColumns +
                      QStringLiteral(" FROM revisions WHERE rowid=?"));
            for (const qint64 rowid :
                 readableRowIds(src, QStringLiteral("revisions"), MaxRecoveredRows)) {
                q.addBindValue(rowid);
                begin();
                // A revision whose draft was lost is refused by the foreign key: skipped.
                const bool ok = q.exec() && q.next() && addRevision(readRevision(q)) != 0;
                q.finish();
                if (ok)
                    ++revisions;
                else
                    ++result.skipped;
            }
            commit();
            q.finish();
            // Templates (schema 5 on): a source without the table has none.
            if (src.tables().contains(QStringLiteral("templates"))) {
                q.prepare(QStringLiteral("SELECT ") + TemplateColumns +
                          QStringLiteral(" FROM templates WHERE rowid=?"));
                for (const qint64 rowid :
                     readableRowIds(src, QStringLiteral("templates"), MaxRecoveredRows)) {
                    q.addBindValue(rowid);
                    const bool ok = q.exec() && q.next() && writeTemplate(readTemplate(q));
                    q.finish();
                    if (ok)
                        ++result.templates;
                    else
                        ++result.skipped;
                }
            }
            if (result.drafts == 0 && result.revisions == 0 && src.lastError().isValid())
                result.error = src.lastError().text();
            src.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

DraftDatabase::Recovery DraftDatabase::recover(const QString &path, const QDateTime &now)
{
    Recovery r;
    const QString base =
        path + QStringLiteral(".corrupt-") + now.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    r.movedTo = base;
    for (int i = 2; QFileInfo::exists(r.movedTo) && i < 100; ++i)
        r.movedTo = base + QLatin1Char('-') + QString::number(i);
    if (QFileInfo::exists(r.movedTo) || !QFile::rename(path, r.movedTo)) {
        r.error = QStringLiteral("cannot move %1 aside").arg(path);
        qCWarning(lcStorage) << "recovery:" << r.error;
        r.movedTo.clear();
        return r;
    }
    // The write-ahead log holds committed pages: it moves along under the name SQLite looks for.
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        const QString from = path + QLatin1String(suffix);
        if (QFileInfo::exists(from))
            QFile::rename(from, r.movedTo + QLatin1String(suffix));
    }
    DraftDatabase fresh;
    if (!fresh.open(path)) {
        r.error = fresh.lastError();
        qCWarning(lcStorage) << "recovery: cannot create a new database" << path << ":" << r.error;
        return r;
    }
    r.copied = fresh.copyFrom(r.movedTo);
    r.ok = true;
    qCDebug(lcStorage) << "recovery: moved the damaged database to" << r.movedTo << "and copied"
                       << r.copied.drafts << "drafts and" << r.copied.revisions << "revisions";
    return r;
}

bool DraftDatabase::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection).isOpen();
}

void DraftDatabase::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool DraftDatabase::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql)) {
        m_error = q.lastError().text();
        m_nativeError = q.lastError().nativeErrorCode();
        return false;
    }
    return true;
}

bool DraftDatabase::writeDraft(const Draft &d)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    // An upsert, not INSERT OR REPLACE: a replace deletes the row first, and the cascade would
    // take the draft's revisions with it.
    q.prepare(QStringLiteral("INSERT INTO drafts (") + DraftColumns +
              QStringLiteral(
                  ") VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                  "title=excluded.title, author_name=excluded.author_name, "
                  "author_url=excluded.author_url, body=excluded.body, format=excluded.format, "
                  "page_path=excluded.page_path, page_url=excluded.page_url, "
                  "modified=excluded.modified, trashed=excluded.trashed"));
    q.addBindValue(text(d.id));
    q.addBindValue(text(d.title));
    q.addBindValue(text(d.authorName));
    q.addBindValue(text(d.authorUrl));
    q.addBindValue(text(d.body));
    q.addBindValue(static_cast<int>(d.format));
    q.addBindValue(text(d.pagePath));
    q.addBindValue(text(d.pageUrl));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    q.addBindValue((d.created.isValid() ? d.created : now).toMSecsSinceEpoch());
    q.addBindValue((d.modified.isValid() ? d.modified : now).toMSecsSinceEpoch());
    q.addBindValue(d.trashed ? 1 : 0);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool DraftDatabase::saveDraft(const Draft &draft)
{
    return saveDrafts({draft});
}

bool DraftDatabase::saveDrafts(const QList<Draft> &drafts)
{
    if (!isOpen()) {
        m_error = QStringLiteral("database not open");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return false;
    }
    for (const Draft &d : drafts) {
        if (d.id.isEmpty() || !writeDraft(d)) {
            if (d.id.isEmpty())
                m_error = QStringLiteral("draft without id");
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        m_error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

std::optional<Draft> DraftDatabase::draft(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT ") + DraftColumns + QStringLiteral(" FROM drafts WHERE id=?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readDraft(q);
}

QList<Draft> DraftDatabase::drafts(bool trashed) const
{
    QList<Draft> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT ") + DraftColumns +
              QStringLiteral(" FROM drafts WHERE trashed=? ORDER BY modified DESC, id"));
    q.addBindValue(trashed ? 1 : 0);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append(readDraft(q));
    return out;
}

bool DraftDatabase::setTrashed(const QString &id, bool trashed)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE drafts SET trashed=? WHERE id=?"));
    q.addBindValue(trashed ? 1 : 0);
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() == 1;
}

bool DraftDatabase::rename(const QString &id, const QString &title)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE drafts SET title=?, modified=? WHERE id=?"));
    q.addBindValue(title);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() == 1;
}

std::optional<Draft> DraftDatabase::duplicate(const QString &id, const QString &newTitle)
{
    std::optional<Draft> src = draft(id);
    if (!src)
        return std::nullopt;
    Draft copy = Draft::create(src->format);
    copy.title = newTitle;
    copy.authorName = src->authorName;
    copy.authorUrl = src->authorUrl;
    copy.body = src->body;
    if (!saveDraft(copy))
        return std::nullopt;
    return copy;
}

bool DraftDatabase::remove(const QString &id)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM revisions WHERE draft_id=?"));
    q.addBindValue(id);
    bool ok = q.exec();
    q.prepare(QStringLiteral("DELETE FROM draft_options WHERE draft_id=?"));
    q.addBindValue(id);
    ok = ok && q.exec();
    q.prepare(QStringLiteral("DELETE FROM drafts WHERE id=?"));
    q.addBindValue(id);
    ok = ok && q.exec();
    if (!ok) {
        m_error = q.lastError().text();
        db.rollback();
        return false;
    }
    return db.commit();
}

QString DraftDatabase::draftOption(const QString &draftId, const QString &key) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT value FROM draft_options WHERE draft_id=? AND key=?"));
    q.addBindValue(draftId);
    q.addBindValue(key);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return {};
    }
    return q.next() ? q.value(0).toString() : QString();
}

bool DraftDatabase::setDraftOption(const QString &draftId, const QString &key, const QString &value)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (value.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM draft_options WHERE draft_id=? AND key=?"));
        q.addBindValue(draftId);
        q.addBindValue(key);
    } else {
        q.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO draft_options (draft_id, key, value) VALUES (?,?,?)"));
        q.addBindValue(draftId);
        q.addBindValue(key);
        q.addBindValue(value);
    }
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

QList<StoredTemplate> DraftDatabase::templates(int limit, qsizetype maxBodyChars) const
{
    QList<StoredTemplate> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + TemplateColumns +
              QStringLiteral(" FROM templates WHERE length(body) <= ? ORDER BY name COLLATE "
                             "NOCASE, id LIMIT ?"));
    q.addBindValue(qint64(maxBodyChars));
    q.addBindValue(qMax(0, limit));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append(readTemplate(q));
    return out;
}

bool DraftDatabase::writeTemplate(const StoredTemplate &t)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO templates (") + TemplateColumns +
              QStringLiteral(") VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                             "name=excluded.name, title=excluded.title, body=excluded.body, "
                             "format=excluded.format"));
    q.addBindValue(text(t.id));
    q.addBindValue(text(t.name));
    q.addBindValue(text(t.title));
    q.addBindValue(text(t.body));
    q.addBindValue(static_cast<int>(t.format));
    q.addBindValue(
        (t.created.isValid() ? t.created : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool DraftDatabase::saveTemplate(const StoredTemplate &t)
{
    if (t.id.isEmpty() || t.name.isEmpty()) {
        m_error = QStringLiteral("template without id or name");
        return false;
    }
    return writeTemplate(t);
}

bool DraftDatabase::renameTemplate(const QString &id, const QString &name)
{
    if (name.isEmpty()) {
        m_error = QStringLiteral("template without name");
        return false;
    }
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE templates SET name=? WHERE id=?"));
    q.addBindValue(name);
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        m_error = QStringLiteral("no such template");
        return false;
    }
    return true;
}

bool DraftDatabase::removeTemplate(const QString &id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM templates WHERE id=?"));
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        m_error = QStringLiteral("no such template");
        return false;
    }
    return true;
}

qint64 DraftDatabase::addRevision(const Revision &r)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO revisions (draft_id, page_path, page_url, created, "
                             "title, author_name, author_url, body, format, content_json) VALUES "
                             "(?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(text(r.draftId));
    q.addBindValue(text(r.pagePath));
    q.addBindValue(text(r.pageUrl));
    q.addBindValue(
        (r.created.isValid() ? r.created : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    q.addBindValue(text(r.title));
    q.addBindValue(text(r.authorName));
    q.addBindValue(text(r.authorUrl));
    q.addBindValue(text(r.body));
    q.addBindValue(static_cast<int>(r.format));
    q.addBindValue(r.contentJson);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

QList<Revision> DraftDatabase::revisions(const QString &draftId) const
{
    QList<Revision> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT ") + RevisionColumns +
              QStringLiteral(" FROM revisions WHERE draft_id=? ORDER BY created DESC, id DESC"));
    q.addBindValue(draftId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append(readRevision(q));
    return out;
}

std::optional<Revision> DraftDatabase::revision(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT ") + RevisionColumns +
              QStringLiteral(" FROM revisions WHERE id=?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readRevision(q);
}

bool DraftDatabase::beginSession()
{
    const bool crashed = meta(QStringLiteral("session_open")) == QLatin1String("1");
    setMeta(QStringLiteral("session_open"), QStringLiteral("1"));
    return crashed;
}

bool DraftDatabase::endSession()
{
    return setMeta(QStringLiteral("session_open"), QStringLiteral("0"));
}

QString DraftDatabase::meta(const QString &key) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key=?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

bool DraftDatabase::setMeta(const QString &key, const QString &value)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace tg
