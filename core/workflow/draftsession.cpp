// SPDX-License-Identifier: MIT
#include "workflow/draftsession.h"

#include "storage/draftstore.h"

namespace tg {

DraftSession::DraftSession(DraftStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &DraftSession::saveNow);
}

bool DraftSession::isDirty() const
{
    return m_dirty || (!m_draft.id.isEmpty() && m_store->isUnsaved(m_draft.id));
}

void DraftSession::setAutosaveInterval(int ms)
{
    m_autosaveMs = qBound(200, ms, MaxUnsavedMs);
}

void DraftSession::open(const Draft &draft)
{
    saveNow();
    m_draft = draft;
    m_dirty = false;
    Q_EMIT draftChanged();
}

void DraftSession::update(const Draft &draft)
{
    m_draft = draft;
    m_draft.modified = QDateTime::currentDateTimeUtc();
    if (!m_dirty) {
        m_dirty = true;
        m_sinceFirstUnsaved.start();
    }
    // Typing without pause still saves every MaxWaitMs: the pause is not waited for forever.
    const qint64 left = MaxWaitMs - m_sinceFirstUnsaved.elapsed();
    if (left <= 0) {
        saveNow();
        return;
    }
    m_idle.start(int(qMin<qint64>(m_autosaveMs, left)));
}

void DraftSession::setPage(const QString &path, const QString &url)
{
    m_draft.pagePath = path;
    m_draft.pageUrl = url;
    m_dirty = true;
    saveNow();
    Q_EMIT draftChanged();
}

void DraftSession::saveNow()
{
    m_idle.stop();
    if (!m_dirty || m_draft.id.isEmpty())
        return;
    // Handed to the store, which keeps it until the write is confirmed (see isDirty()).
    m_dirty = false;
    m_store->save(m_draft);
}

} // namespace tg
