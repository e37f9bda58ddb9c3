// SPDX-License-Identifier: MIT
#include "workflow/searchservice.h"

#include "pages/pagecache.h"
#include "storage/draftsearch.h"
#include "storage/searchquery.h"

#include <QFileInfo>
#include <QMutexLocker>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVariant>

namespace tg {

/// The worker's side: read-only connections to the two files and an in-memory FTS5 table for
/// locating a match in a text about to be opened. Created, used and deleted on the worker.
class SearchService::Engine
{
public:
    Engine()
        : m_prefix(QStringLiteral("tg-search-") + QUuid::createUuid().toString(QUuid::Id128))
    {}
    ~Engine()
    {
        for (const QString &suffix :
             {QStringLiteral("-drafts"), QStringLiteral("-pages"), QStringLiteral("-locate")})
            closeConnection(m_prefix + suffix);
    }

    SearchOutcome search(const QString &text, const QString &draftsPath, const QString &pagesPath,
                         int limit)
    {
        SearchOutcome out;
        out.text = text;
        const QString match = SearchQuery::matchExpression(text);
        QSqlDatabase drafts = connection(QStringLiteral("-drafts"), draftsPath, &m_draftsPath);
        out.available = drafts.isOpen() && DraftSearch::isIndexed(drafts);
        if (!out.available || match.isEmpty())
            return out;
        QList<SearchHit> found;
        if (!DraftSearch::search(drafts, match, limit, &found, &out.error))
            return out;
        // Drafts first, then pages, then revisions (which repeat older texts of the drafts).
        QList<SearchHit> revisions;
        for (const SearchHit &h : std::as_const(found))
            (h.kind == SearchHit::Kind::Draft ? out.hits : revisions).append(h);
        QSqlDatabase pages = connection(QStringLiteral("-pages"), pagesPath, &m_pagesPath);
        if (pages.isOpen() && PageCache::isIndexed(pages))
            PageCache::search(pages, match, limit, &out.hits, &out.error);
        out.hits += revisions;
        return out;
    }

    SearchLocation locate(const QString &text, const QString &title, const QString &body)
    {
        SearchLocation out;
        QSqlDatabase db = memory();
        if (!db.isOpen())
            return out;
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("DELETE FROM locate")))
            return out;
        q.prepare(QStringLiteral("INSERT INTO locate(rowid, t) VALUES (?, ?), (?, ?)"));
        q.addBindValue(1);
        q.addBindValue(body);
        q.addBindValue(2);
        q.addBindValue(title);
        if (!q.exec())
            return out;
        // All the words in one field first; failing that, the first word found anywhere.
        QStringList tries{SearchQuery::matchExpression(text)};
        const QStringList words = SearchQuery::words(text);
        for (int i = 0; i < words.size(); ++i)
            tries.append(SearchQuery::matchExpression(
                i + 1 < words.size() ? words.at(i) + QLatin1Char(' ')
                                     : text.mid(text.lastIndexOf(words.at(i)))));
        for (const QString &match : std::as_const(tries)) {
            if (match.isEmpty())
                continue;
            q.prepare(QStringLiteral("SELECT rowid, highlight(locate, 0, char(2), char(3)) FROM "
                                     "locate WHERE locate MATCH ? ORDER BY rowid LIMIT 1"));
            q.addBindValue(match);
            if (!q.exec() || !q.next())
                continue;
            int start = 0;
            int length = 0;
            if (SearchQuery::firstMark(q.value(1).toString(), &start, &length)) {
                out.field = q.value(0).toInt() == 1 ? SearchLocation::Field::Body
                                                    : SearchLocation::Field::Title;
                out.start = start;
                out.length = length;
                return out;
            }
        }
        return out;
    }

private:
    static void closeConnection(const QString &name)
    {
        if (!QSqlDatabase::contains(name))
            return;
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }

    // A read-only connection to path, reopened when the path changed; closed when missing.
    QSqlDatabase connection(const QString &suffix, const QString &path, QString *openPath)
    {
        const QString name = m_prefix + suffix;
        if (*openPath != path || !QFileInfo::exists(path)) {
            closeConnection(name);
            openPath->clear();
        }
        if (QSqlDatabase::contains(name))
            return QSqlDatabase::database(name, false);
        if (path.isEmpty() || !QFileInfo::exists(path))
            return {};
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
            if (!db.open()) {
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(name);
                return {};
            }
        }
        *openPath = path;
        return QSqlDatabase::database(name, false);
    }

    QSqlDatabase memory()
    {
        const QString name = m_prefix + QStringLiteral("-locate");
        if (QSqlDatabase::contains(name))
            return QSqlDatabase::database(name, false);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(QStringLiteral(":memory:"));
            QSqlQuery q(db);
            if (!db.open() ||
                !q.exec(QStringLiteral("CREATE VIRTUAL TABLE locate USING fts5(t, tokenize='") +
                        SearchQuery::tokenizer() + QStringLiteral("')"))) {
                q = QSqlQuery();
                db.close();
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(name);
                return {};
            }
        }
        return QSqlDatabase::database(name, false);
    }

    QString m_prefix;
    QString m_draftsPath;
    QString m_pagesPath;
};

SearchService::SearchService(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new QObject)
{
    qRegisterMetaType<SearchOutcome>();
    qRegisterMetaType<SearchLocation>();
    m_thread->setObjectName(QStringLiteral("Search"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

SearchService::~SearchService()
{
    {
        QMutexLocker lock(&m_mutex);
        m_hasSearch = false;
        m_hasLocate = false;
    }
    // The engine's connections belong to the worker's thread: they are closed there.
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            delete m_engine;
            m_engine = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    delete m_thread;
}

void SearchService::setFiles(const QString &draftsPath, const QString &pageCachePath)
{
    QMutexLocker lock(&m_mutex);
    m_draftsPath = draftsPath;
    m_pagesPath = pageCachePath;
}

void SearchService::setLimit(int perKind)
{
    QMutexLocker lock(&m_mutex);
    m_limit = qBound(1, perKind, 500);
}

quint64 SearchService::search(const QString &text)
{
    Request r;
    r.text = text.left(SearchQuery::MaxInput);
    {
        QMutexLocker lock(&m_mutex);
        r.serial = ++m_serial;
        m_newestSearch = r.serial;
    }
    schedule(r);
    return r.serial;
}

quint64 SearchService::locate(const QString &text, const QString &title, const QString &body)
{
    Request r;
    r.locate = true;
    r.text = text.left(SearchQuery::MaxInput);
    r.title = title;
    r.body = body;
    {
        QMutexLocker lock(&m_mutex);
        r.serial = ++m_serial;
        m_newestLocate = r.serial;
    }
    schedule(r);
    return r.serial;
}

void SearchService::schedule(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    // A request still waiting is replaced: only the newest of each kind runs.
    if (request.locate) {
        m_locate = request;
        m_hasLocate = true;
    } else {
        m_search = request;
        m_hasSearch = true;
    }
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(
        m_worker, [this] { work(); }, Qt::QueuedConnection);
}

void SearchService::work()
{
    if (!m_engine)
        m_engine = new Engine;
    for (;;) {
        Request r;
        QString drafts;
        QString pages;
        int limit = 0;
        {
            QMutexLocker lock(&m_mutex);
            if (m_hasLocate) {
                r = m_locate;
                m_hasLocate = false;
            } else if (m_hasSearch) {
                r = m_search;
                m_hasSearch = false;
            } else {
                m_scheduled = false;
                return;
            }
            drafts = m_draftsPath;
            pages = m_pagesPath;
            limit = m_limit;
        }
        if (r.locate) {
            SearchLocation where = m_engine->locate(r.text, r.title, r.body);
            where.serial = r.serial;
            QMetaObject::invokeMethod(
                this,
                [this, where] {
                    if (where.serial == m_newestLocate)
                        Q_EMIT located(where);
                },
                Qt::QueuedConnection);
        } else {
            SearchOutcome out = m_engine->search(r.text, drafts, pages, limit);
            out.serial = r.serial;
            // Stale when a newer search arrived meanwhile: dropped here and on delivery.
            {
                QMutexLocker lock(&m_mutex);
                if (r.serial != m_newestSearch)
                    continue;
            }
            QMetaObject::invokeMethod(
                this,
                [this, out] {
                    if (out.serial == m_newestSearch)
                        Q_EMIT finished(out);
                },
                Qt::QueuedConnection);
        }
    }
}

void SearchService::waitIdle()
{
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace tg
