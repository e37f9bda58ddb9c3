// SPDX-License-Identifier: MIT
#include "storage/draftstore.h"

#include "storage/draftdatabase.h"
#include "storage/storagelog.h"

#include <QMutexLocker>
#include <QThread>
#include <QTimer>

namespace tg {

DraftStore::DraftStore(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new QObject)
    , m_db(new DraftDatabase)
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &DraftStore::retryNow);
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
    DraftDatabase::OpenFailure failure = DraftDatabase::OpenFailure::None;
    run([&](DraftDatabase &db) {
        ok = db.open(path);
        error = db.lastError();
        failure = db.openFailure();
    });
    QMutexLocker lock(&m_mutex);
    m_error = ok ? QString() : error;
    m_openFailure = failure;
    if (ok)
        m_path = path;
    if (ok)
        qCDebug(lcStorage) << "opened the draft database" << path;
    else
        qCWarning(lcStorage) << "cannot open the draft database" << path << ":" << error;
    return ok;
}

QString DraftStore::lastError() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

DraftDatabase::OpenFailure DraftStore::openFailure() const
{
    QMutexLocker lock(&m_mutex);
    return m_openFailure;
}

QString DraftStore::path() const
{
    QMutexLocker lock(&m_mutex);
    return m_path;
}

bool DraftStore::isUnsaved(const QString &draftId) const
{
    QMutexLocker lock(&m_mutex);
    return m_pending.contains(draftId) || m_inFlight.contains(draftId);
}

bool DraftStore::hasUnsaved() const
{
    QMutexLocker lock(&m_mutex);
    return !m_pending.isEmpty() || !m_inFlight.isEmpty();
}

QList<Draft> DraftStore::unsavedDrafts() const
{
    QMutexLocker lock(&m_mutex);
    QList<Draft> out;
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        if (!m_pending.contains(it.key()))
            out.append(it.value());
    }
    for (const QString &id : m_order)
        out.append(m_pending.value(id));
    return out;
}

bool DraftStore::isFailing() const
{
    QMutexLocker lock(&m_mutex);
    return m_failing;
}

void DraftStore::retryNow()
{
    m_retry->stop();
    QMutexLocker lock(&m_mutex);
    if (m_drainScheduled || m_pending.isEmpty())
        return;
    m_drainScheduled = true;
    QMetaObject::invokeMethod(
        m_worker, [this] { drain(); }, Qt::QueuedConnection);
}

bool DraftStore::relocate(const QString &newPath, QString *error)
{
    if (newPath == path()) {
        if (error)
            *error = QStringLiteral("%1 is the database already in use").arg(newPath);
        return false;
    }
    flush();
    bool ok = false;
    QString message;
    const QString oldPath = path();
    DraftDatabase *fresh = nullptr;
    run([&](DraftDatabase &) {
        fresh = new DraftDatabase;
        ok = fresh->open(newPath);
        if (ok) {
            // Whatever the old file still gives (it may be read-only or full, not unreadable).
            fresh->copyFrom(oldPath);
            m_db->close();
            delete m_db;
            m_db = fresh;
        } else {
            message = fresh->lastError();
            delete fresh;
        }
    });
    if (!ok) {
        qCWarning(lcStorage) << "cannot move the drafts to" << newPath << ":" << message;
        if (error)
            *error = message;
        return false;
    }
    qCDebug(lcStorage) << "moved the drafts from" << oldPath << "to" << newPath;
    {
        QMutexLocker lock(&m_mutex);
        m_path = newPath;
    }
    flush();
    return true;
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
        for (const QString &id : std::as_const(m_order)) {
            batch.append(m_pending.value(id));
            m_inFlight.insert(id, m_pending.value(id));
        }
        m_pending.clear();
        m_order.clear();
    }
    if (batch.isEmpty())
        return;
    const bool ok = m_db->saveDrafts(batch);
    const QString error = ok ? QString() : m_db->lastError();
    {
        QMutexLocker lock(&m_mutex);
        m_inFlight.clear();
        m_failing = !ok;
        if (!ok) {
            m_error = error;
            // Keep what failed unless a newer text arrived meanwhile; it goes with the next try.
            for (const Draft &d : std::as_const(batch)) {
                if (!m_pending.contains(d.id)) {
                    m_pending.insert(d.id, d);
                    m_order.append(d.id);
                }
            }
        }
    }
    // Signals leave from the thread the store lives on, so receivers never see the worker.
    QStringList ids;
    for (const Draft &d : std::as_const(batch))
        ids << d.id;
    QMetaObject::invokeMethod(
        this,
        [this, ok, error, ids] {
            if (ok) {
                for (const QString &id : ids)
                    Q_EMIT saved(id);
            }
            onDrained(ok, error);
        },
        Qt::QueuedConnection);
}

void DraftStore::onDrained(bool ok, const QString &error)
{
    if (ok) {
        const bool recovered = m_failures > 0;
        m_failures = 0;
        if (recovered && !isFailing()) {
            qCDebug(lcStorage) << "saving works again";
            m_retry->stop();
            Q_EMIT saveRecovered();
        }
        return;
    }
    // Bounded backoff: 1 s, 2 s, 4 s … 30 s between automatic tries, for as long as it fails.
    m_failures = qMin(m_failures + 1, 16);
    const int retryMs = qMin(1000 << qMin(m_failures - 1, 5), 30000);
    qCWarning(lcStorage) << "saving drafts failed (" << m_failures << "in a row), next try in"
                         << retryMs << "ms:" << error;
    m_retry->start(retryMs);
    Q_EMIT saveFailed(error);
}

bool DraftStore::flush()
{
    QMetaObject::invokeMethod(
        m_worker, [this] { drain(); }, Qt::BlockingQueuedConnection);
    return !hasUnsaved();
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

QString DraftStore::option(const QString &draftId, const QString &key)
{
    QString out;
    run([&](DraftDatabase &db) { out = db.draftOption(draftId, key); });
    return out;
}

bool DraftStore::setOption(const QString &draftId, const QString &key, const QString &value)
{
    bool ok = false;
    run([&](DraftDatabase &db) { ok = db.setDraftOption(draftId, key, value); });
    return ok;
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

bool DraftStore::endSession()
{
    // The clean-quit record is written only when no text is left behind in memory.
    if (path().isEmpty() || !flush())
        return false;
    bool ok = false;
    run([&ok](DraftDatabase &db) { ok = db.endSession(); });
    return ok;
}

} // namespace tg
