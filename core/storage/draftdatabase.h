// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draft.h"
#include "storage/drafttemplate.h"
#include "storage/revision.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QSqlDatabase;

namespace tg {

/// Synchronous access to the drafts database (SQLite): drafts, the trash, per-page revisions and
/// the session flag that tells a crash from a clean quit. Every write is one transaction.
/// Not thread-safe: use it from the thread that opened it (DraftStore runs it on a worker).
class DraftDatabase
{
public:
    /// Why open() failed.
    enum class OpenFailure
    {
        None,
        Damaged, ///< not a database, or it fails the quick integrity check: recover it
        TooNew,  ///< written by a newer version of the app; left untouched
        Other    ///< cannot be read or written (permissions, a missing folder, …)
    };

    DraftDatabase();
    ~DraftDatabase();
    DraftDatabase(const DraftDatabase &) = delete;
    DraftDatabase &operator=(const DraftDatabase &) = delete;

    /// Opens (creating when needed) the database file and brings its schema to the current
    /// version, one migration per transaction. An existing file is first checked read-only
    /// (PRAGMA quick_check, the schema version): a damaged one or one with a newer schema is
    /// refused without a byte written. False with lastError() and openFailure() on failure.
    bool open(const QString &path);
    OpenFailure openFailure() const { return m_failure; }
    /// The schema version this code writes.
    static int schemaVersion();

    /// Rows read from another drafts database by copyFrom().
    struct CopyResult
    {
        int drafts = 0;
        int revisions = 0;
        int templates = 0;
        int skipped = 0; ///< rows that could not be read or written
        QString error;   ///< set when the source could not be read at all
    };
    /// Copies every draft and revision that can be read from the database file at sourcePath into
    /// this (open) database, row by row, skipping rows that cannot be read.
    CopyResult copyFrom(const QString &sourcePath);

    /// What recover() did with a damaged database file.
    struct Recovery
    {
        bool ok = false;   ///< a fresh database now stands at the original path
        QString movedTo;   ///< where the damaged file is now
        CopyResult copied; ///< what was read from it
        QString error;
    };
    /// Moves the damaged database at path (with its -wal, -shm and -journal files) aside to
    /// "<path>.corrupt-<yyyyMMdd-HHmmss>", creates a fresh database at path and copies into it
    /// what can still be read from the moved file.
    static Recovery recover(const QString &path, const QDateTime &now);
    bool isOpen() const;
    void close();
    /// True when the search index (SQLite FTS5) is kept in this database; false where SQLite
    /// lacks FTS5: drafts work as before, Find Everywhere says it is not available.
    bool searchAvailable() const { return m_searchAvailable; }
    /// Acts as if SQLite had no FTS5 in databases opened from now on (tests of that case).
    static void setFts5DisabledForTesting(bool disabled);
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

    /// A per-draft option (such as "wordGoal" or "spellLanguage"); empty when unset.
    QString draftOption(const QString &draftId, const QString &key) const;
    /// Sets a per-draft option; an empty value removes it. Removing the draft removes its options.
    bool setDraftOption(const QString &draftId, const QString &key, const QString &value);

    /// The writer's templates by name (case-insensitive), at most `limit`; templates whose text is
    /// longer than maxBodyChars are left out (they cannot be used).
    QList<StoredTemplate> templates(int limit, qsizetype maxBodyChars) const;
    /// Inserts or replaces a template (by id); false on a write error, also when another
    /// template has the same name (case-insensitive).
    bool saveTemplate(const StoredTemplate &t);
    /// Renames a template; false when it does not exist or the name is taken.
    bool renameTemplate(const QString &id, const QString &name);
    /// Removes a template for good; false when it does not exist.
    bool removeTemplate(const QString &id);

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
    bool probe(const QString &path);
    bool migrate();
    /// Creates (and fills) the search index where FTS5 is available and it is missing or stale;
    /// drops its triggers where FTS5 is not, so saves keep working.
    bool ensureSearchIndex();
    /// 0 for an empty file, -1 when unreadable.
    static int storedVersion(const QSqlDatabase &db);
    bool exec(const QString &sql);
    bool writeDraft(const Draft &draft);
    bool writeTemplate(const StoredTemplate &t);

    QString m_connection;
    mutable QString m_error;
    QString m_nativeError;
    OpenFailure m_failure = OpenFailure::None;
    bool m_searchAvailable = false;
};

} // namespace tg
