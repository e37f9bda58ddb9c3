// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draft.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace tg {

class DraftStore;

/// The open draft and its autosave: every edit marks it dirty; it is queued for saving once
/// typing pauses (the autosave interval, at most 2 s) and at least every MaxWaitMs (1 s) while
/// typing goes on, so a crash loses at most the last 2 s even with the write's own time added.
/// Saving happens on the store's worker thread; the draft stays dirty until the store confirms the
/// write (a failed write is retried by the store).
class DraftSession : public QObject
{
    Q_OBJECT
public:
    /// Longest time an edit may stay unsaved, whatever the typing (the promise to the writer).
    static constexpr int MaxUnsavedMs = 2000;
    /// Longest time an edit waits to be queued for saving while the writer keeps typing (the
    /// debounce's max-wait); half the promise, leaving the rest for the write itself.
    static constexpr int MaxWaitMs = 1000;

    explicit DraftSession(DraftStore *store, QObject *parent = nullptr);

    const Draft &draft() const { return m_draft; }
    /// Makes this the open draft (saving the previous one first when it has changes).
    void open(const Draft &draft);
    /// Replaces the open draft's content after an edit and schedules a save.
    void update(const Draft &draft);
    /// Sets the page the draft publishes to, saving at once.
    void setPage(const QString &path, const QString &url);
    /// True until the open draft's newest text is confirmed on disk (queued, being written or
    /// failed to be written all count as unsaved).
    bool isDirty() const;
    /// Queues the open draft for saving now, when it has unsaved changes.
    void saveNow();
    /// Pause after typing before saving, in ms (clamped to 200..2000).
    void setAutosaveInterval(int ms);

Q_SIGNALS:
    /// Another draft was opened, or the open draft's page was set (see setPage()).
    void draftChanged();

private:
    DraftStore *m_store;
    Draft m_draft;
    bool m_dirty = false;
    int m_autosaveMs = 1000;
    QTimer m_idle;
    QElapsedTimer m_sinceFirstUnsaved;
};

} // namespace tg
