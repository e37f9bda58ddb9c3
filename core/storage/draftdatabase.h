// SPDX-License-Identifier: MIT
#pragma once

#include "draft.h"
#include "revision.h"

#include <QList>
#include <QString>

#include <optional>

namespace tg {

/// Synchronous access to the drafts database (SQLite): drafts, the trash, per-page revisions and
/// the session flag that tells a crash from a clean quit. Every write is one transaction.
/// Not thread-safe: use it from the thread that opened it (DraftStore runs it on a worker).
class DraftDatabase
{
public:
    DraftDatabase();
    ~DraftDatabase();
    DraftDatabase(const DraftDatabase &) = delete;
    DraftDatabase &operator=(const DraftDatabase &) = delete;

    /// Opens (creating when needed) the database file and its schema. False with lastError() on
    /// failure.
    bool open(const QString &path);
    bool isOpen() const;
    void close();
    QString lastError() const { return m_error; }
    /// The name of the SQL connection (valid on the thread that opened it), for pragmas and
    /// checks from outside.
    QString connectionName() const { return m_connection; }

    /// Inserts or replaces the draft (all fields); keeps its trash state as given.
    bool saveDraft(const Draft &draft);
    /// Inserts or replaces several drafts in one transaction.
    bool saveDrafts(const QList<Draft> &drafts);
    std::optional<Draft> draft(const QString &id) const;
    /// Drafts by last modification, newest first; trashed ones only when asked.
    QList<Draft> drafts(bool trashed = false) const;
    bool setTrashed(const QString &id, bool trashed);
    bool rename(const QString &id, const QString &title);
    /// A copy with a new id, unpublished; nullopt when the source is missing.
    std::optional<Draft> duplicate(const QString &id, const QString &newTitle);
    /// Removes the draft and its revisions for good.
    bool remove(const QString &id);

    /// Stores a revision; returns its id (0 on failure).
    qint64 addRevision(const Revision &revision);
    /// Revisions of a draft, newest first.
    QList<Revision> revisions(const QString &draftId) const;
    std::optional<Revision> revision(qint64 id) const;

    /// Marks a session as running. Returns true when the previous session did not end with
    /// endSession() (a crash or kill), so the app can say it restored the drafts.
    bool beginSession();
    /// Marks the running session as ended cleanly.
    bool endSession();

    QString meta(const QString &key) const;
    bool setMeta(const QString &key, const QString &value);

private:
    bool exec(const QString &sql);
    bool writeDraft(const Draft &draft);

    QString m_connection;
    mutable QString m_error;
};

} // namespace tg
