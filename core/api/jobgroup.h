// SPDX-License-Identifier: MIT
#pragma once

#include "api/apijob.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace tg {

/// Awaits many jobs together (the counterpart of gathering coroutines): finished() is emitted
/// once every member has finished, whatever their outcomes; jobs() keeps the order they were
/// added in. The group does not own its jobs.
class JobGroup : public QObject
{
    Q_OBJECT
public:
    explicit JobGroup(QObject *parent = nullptr);
    explicit JobGroup(const QList<ApiJob *> &jobs, QObject *parent = nullptr);

    /// Adds a job (also one that has already finished).
    void add(ApiJob *job);
    /// The members in the order they were added (null where a job was deleted).
    QList<ApiJob *> jobs() const;
    int count() const { return int(m_jobs.size()); }
    int finishedCount() const { return m_finished; }
    int failedCount() const { return m_failed; }
    bool isFinished() const { return m_finished == count(); }
    /// The first error in member order, or an error with category None.
    ApiError firstError() const;

public Q_SLOTS:
    /// Cancels every unfinished member.
    void cancelAll();

Q_SIGNALS:
    /// Emitted once when the last member has finished (for an empty group, from the event loop
    /// after creation).
    void finished();
    /// Members finished so far, after each one.
    void progress(int finished, int total);

private:
    void onMemberFinished(qsizetype index, ApiJob *job);

    QList<QPointer<ApiJob>> m_jobs;
    QList<ApiError> m_errors;
    int m_finished = 0;
    int m_failed = 0;
    bool m_emitted = false;
};

} // namespace tg
