// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draft.h"
#include "storage/draftdatabase.h"
#include "storage/revision.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QThread;
class QTimer;

namespace tg {

/// The drafts database behind a worker thread that owns its own SQLite connection, so saving
/// never blocks typing. Saves are coalesced per draft (only the newest text of each draft is
/// written) and each batch is one transaction. Reads block briefly on the worker; they are small.
class DraftStore : public QObject
{
    Q_OBJECT
public:
    explicit DraftStore(QObject *parent = nullptr);
    ~DraftStore() override;

    /// Opens the database file on the worker; false (see lastError() and openFailure()) when it
    /// cannot.
    bool open(const QString &path);
    QString lastError() const;
    DraftDatabase::OpenFailure openFailure() const;
    /// The database file in use.
    QString path() const;

    /// Queues the draft for saving and returns at once. A save that fails keeps the text in
    /// memory and is retried on its own, after 1 s and then doubling up to 30 s between tries.
    void save(const Draft &draft);
    /// Blocks until every queued write was tried; true when everything is on disk.
    bool flush();
    /// True while a text of this draft is queued, being written or failed to be written.
    bool isUnsaved(const QString &draftId) const;
    /// True while any text is not yet on disk.
    bool hasUnsaved() const;
    /// The texts not yet on disk (queued or failed), in the order they were first saved.
    QList<Draft> unsavedDrafts() const;
    /// True from a failed save until the next one that succeeds.
    bool isFailing() const;
    /// Tries the failed saves again now instead of waiting for the next automatic try.
    void retryNow();
    /// Continues in a new database file: what can be read from the current one is copied into
    /// it, then the unsaved texts are written there. False with a message when the new file
    /// cannot be used (the current one stays in use).
    bool relocate(const QString &newPath, QString *error = nullptr);

    std::optional<Draft> draft(const QString &id);
    QList<Draft> drafts(bool trashed = false);
    bool setTrashed(const QString &id, bool trashed);
    bool rename(const QString &id, const QString &title);
    std::optional<Draft> duplicate(const QString &id, const QString &newTitle);
    bool remove(const QString &id);
    /// A per-draft option, read from the database (empty when unset); see DraftDatabase.
    QString option(const QString &draftId, const QString &key);
    /// Writes a per-draft option at once (an empty value removes it); false on a write error.
    bool setOption(const QString &draftId, const QString &key, const QString &value);
    qint64 addRevision(const Revision &revision);
    QList<Revision> revisions(const QString &draftId);
    std::optional<Revision> revision(qint64 id);

    /// See DraftDatabase::beginSession(): true when the last session did not quit cleanly.
    bool beginSession();
    /// Marks the session as ended cleanly, but only once every text is on disk: false (and the
    /// session left marked as running) while a save fails.
    bool endSession();

    /// Runs a function on the worker with the database and waits for it.
    void run(const std::function<void(DraftDatabase &)> &fn);

Q_SIGNALS:
    /// A queued save of this draft reached the database.
    void saved(const QString &draftId);
    /// A save failed; the text is kept in memory and retried automatically.
    void saveFailed(const QString &message);
    /// Saving works again after one or more failures: everything queued is on disk.
    void saveRecovered();

private:
    void drain();
    void onDrained(bool ok, const QString &error);

    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr;   // lives on m_thread
    DraftDatabase *m_db = nullptr; // used only on m_thread
    mutable QMutex m_mutex;
    QHash<QString, Draft> m_pending;
    QList<QString> m_order;
    QHash<QString, Draft> m_inFlight; ///< taken by the worker, not yet confirmed
    bool m_drainScheduled = false;
    bool m_failing = false; ///< the last write failed
    QString m_error;
    QString m_path;
    DraftDatabase::OpenFailure m_openFailure = DraftDatabase::OpenFailure::None;
    QTimer *m_retry = nullptr; ///< next automatic try after a failure (lives on the store's thread)
    int m_failures = 0;        ///< failed tries in a row (only on the store's thread)
};

} // namespace tg
