// SPDX-License-Identifier: MIT
#include "draftstore.h"

#include "draftdatabase.h"

#include <QMutexLocker>
#include <QThread>

namespace tg {

DraftStore::DraftStore(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new QObject)
    , m_db(new DraftDatabase)
{
    m_thread->setObjectName(QStringLiteral("DraftStore"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

DraftStore::~DraftStore()
{
    flush();
    run([](DraftDatabase &db) { db.close(); });
    // The database object is only ever touched on the worker, so it is deleted there too.
    DraftDatabase *db = m_db;
    QMetaObject::invokeMethod(
        m_worker, [db] { delete db; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    delete m_thread;
}

void DraftStore::run(const std::function<void(DraftDatabase &)> &fn)
{
    DraftDatabase *db = m_db;
    QMetaObject::invokeMethod(
        m_worker, [db, &fn] { fn(*db); }, Qt::BlockingQueuedConnection);
}

bool DraftStore::open(const QString &path)
{
    bool ok = false;
    QString error;
    run([&](DraftDatabase &db) {
        ok = db.open(path);
        error = db.lastError();
    });
    QMutexLocker lock(&m_mutex);
    m_error = ok ? QString() : error;
    return ok;
}

QString DraftStore::lastError() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

void DraftStore::save(const Draft &draft)
{
    QMutexLocker lock(&m_mutex);
    if (!m_pending.contains(draft.id))
        m_order.append(draft.id);
    m_pending.insert(draft.id, draft);
    if (m_drainScheduled)
        return;
    m_drainScheduled = true;
    QMetaObject::invokeMethod(
        m_worker, [this] { drain(); }, Qt::QueuedConnection);
}

void DraftStore::drain()
{
    QList<Draft> batch;
    {
        QMutexLocker lock(&m_mutex);
        m_drainScheduled = false;
        for (const QString &id : std::as_const(m_order))
            batch.append(m_pending.value(id));
        m_pending.clear();
        m_order.clear();
    }
    if (batch.isEmpty())
        return;
    if (m_db->saveDrafts(batch)) {
        // Signals leave from the thread the store lives on, so receivers never see the worker.
        for (const Draft &d : std::as_const(batch)) {
            const QString id = d.id;
            QMetaObject::invokeMethod(
                this, [this, id] { Q_EMIT saved(id); }, Qt::QueuedConnection);
        }
        return;
    }
    const QString error = m_db->lastError();
    {
        QMutexLocker lock(&m_mutex);
        m_error = error;
        // Keep what failed unless a newer text arrived meanwhile; it goes with the next save.
        for (const Draft &d : std::as_const(batch)) {
            if (!m_pending.contains(d.id)) {
                m_pending.insert(d.id, d);
                m_order.append(d.id);
            }
        }
    }
    QMetaObject::invokeMethod(
        this, [this, error] { Q_EMIT saveFailed(error); }, Qt::QueuedConnection);
}

void DraftStore::flush()
{
    QMetaObject::invokeMethod(
        m_worker, [this] { drain(); }, Qt::BlockingQueuedConnection);
}

std::optional<Draft> DraftStore::draft(const QString &id)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_pending.contains(id))
            return m_pending.value(id);
    }
    std::optional<Draft> out;
    run([&](DraftDatabase &db) { out = db.draft(id); });
    return out;
}

QList<Draft> DraftStore::drafts(bool trashed)
{
    flush();
    QList<Draft> out;
    run([&](DraftDatabase &db) { out = db.drafts(trashed); });
    return out;
}

bool DraftStore::setTrashed(const QString &id, bool trashed)
{
    flush();
    bool ok = false;
    run([&](DraftDatabase &db) { ok = db.setTrashed(id, trashed); });
    return ok;
}

bool DraftStore::rename(const QString &id, const QString &title)
{
    flush();
    bool ok = false;
    run([&](DraftDatabase &db) { ok = db.rename(id, title); });
    return ok;
}

std::optional<Draft> DraftStore::duplicate(const QString &id, const QString &newTitle)
{
    flush();
    std::optional<Draft> out;
    run([&](DraftDatabase &db) { out = db.duplicate(id, newTitle); });
    return out;
}

bool DraftStore::remove(const QString &id)
{
    flush();
    bool ok = false;
    run([&](DraftDatabase &db) { ok = db.remove(id); });
    return ok;
}

qint64 DraftStore::addRevision(const Revision &revision)
{
    flush();
    qint64 id = 0;
    QString error;
    run([&](DraftDatabase &db) {
        id = db.addRevision(revision);
        error = db.lastError();
    });
    if (id == 0) {
        QMutexLocker lock(&m_mutex);
        m_error = error;
    }
    return id;
}

QList<Revision> DraftStore::revisions(const QString &draftId)
{
    QList<Revision> out;
    run([&](DraftDatabase &db) { out = db.revisions(draftId); });
    return out;
}

std::optional<Revision> DraftStore::revision(qint64 id)
{
    std::optional<Revision> out;
    run([&](DraftDatabase &db) { out = db.revision(id); });
    return out;
}

bool DraftStore::beginSession()
{
    bool crashed = false;
    run([&](DraftDatabase &db) { crashed = db.beginSession(); });
    return crashed;
}

void DraftStore::endSession()
{
    flush();
    run([](DraftDatabase &db) { db.endSession(); });
}

} // namespace tg
