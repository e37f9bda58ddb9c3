// SPDX-License-Identifier: MIT
#pragma once

#include "draft.h"
#include "revision.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QThread;

namespace tg {

class DraftDatabase;

/// The drafts database behind a worker thread that owns its own SQLite connection, so saving
/// never blocks typing. Saves are coalesced per draft (only the newest text of each draft is
/// written) and each batch is one transaction. Reads block briefly on the worker; they are small.
class DraftStore : public QObject
{
    Q_OBJECT
public:
    explicit DraftStore(QObject *parent = nullptr);
    ~DraftStore() override;

    /// Opens the database file on the worker; false (see lastError()) when it cannot.
    bool open(const QString &path);
    QString lastError() const;

    /// Queues the draft for saving and returns at once.
    void save(const Draft &draft);
    /// Blocks until every queued write has reached the database.
    void flush();

    std::optional<Draft> draft(const QString &id);
    QList<Draft> drafts(bool trashed = false);
    bool setTrashed(const QString &id, bool trashed);
    bool rename(const QString &id, const QString &title);
    std::optional<Draft> duplicate(const QString &id, const QString &newTitle);
    bool remove(const QString &id);
    qint64 addRevision(const Revision &revision);
    QList<Revision> revisions(const QString &draftId);
    std::optional<Revision> revision(qint64 id);

    /// See DraftDatabase::beginSession(): true when the last session did not quit cleanly.
    bool beginSession();
    void endSession();

    /// Runs a function on the worker with the database and waits for it.
    void run(const std::function<void(DraftDatabase &)> &fn);

Q_SIGNALS:
    /// A queued save of this draft reached the database.
    void saved(const QString &draftId);
    /// A save failed; the text is kept in memory and retried with the next save.
    void saveFailed(const QString &message);

private:
    void drain();

    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr;   // lives on m_thread
    DraftDatabase *m_db = nullptr; // used only on m_thread
    mutable QMutex m_mutex;
    QHash<QString, Draft> m_pending;
    QList<QString> m_order;
    bool m_drainScheduled = false;
    QString m_error;
};

} // namespace tg
