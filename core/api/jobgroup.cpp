// SPDX-License-Identifier: MIT
#include "api/jobgroup.h"

#include <QTimer>

namespace tg {

JobGroup::JobGroup(QObject *parent)
    : QObject(parent)
{
    // An empty group, or one whose members had all finished before they were added, finishes
    // from the event loop, so callers can connect first.
    QTimer::singleShot(0, this, [this] {
        if (isFinished() && !m_emitted) {
            m_emitted = true;
            Q_EMIT finished();
        }
    });
}

JobGroup::JobGroup(const QList<ApiJob *> &jobs, QObject *parent)
    : JobGroup(parent)
{
    for (ApiJob *job : jobs)
        add(job);
}

void JobGroup::add(ApiJob *job)
{
    const qsizetype index = m_jobs.size();
    m_jobs.append(job);
    m_errors.append(ApiError{});
    if (job->isFinished()) {
        m_errors[index] = job->error();
        ++m_finished;
        if (job->error().isError())
            ++m_failed;
        if (isFinished())
            QTimer::singleShot(0, this, [this] {
                if (isFinished() && !m_emitted) {
                    m_emitted = true;
                    Q_EMIT finished();
                }
            });
        return;
    }
    connect(job, &ApiJob::finished, this, [this, index, job] { onMemberFinished(index, job); });
}

QList<ApiJob *> JobGroup::jobs() const
{
    QList<ApiJob *> out;
    out.reserve(m_jobs.size());
    for (const auto &j : m_jobs)
        out.append(j.data());
    return out;
}

ApiError JobGroup::firstError() const
{
    for (const ApiError &e : m_errors) {
        if (e.isError())
            return e;
    }
    return {};
}

void JobGroup::cancelAll()
{
    const auto members = m_jobs;
    for (const auto &j : members) {
        if (j && !j->isFinished())
            j->cancel();
    }
}

void JobGroup::onMemberFinished(qsizetype index, ApiJob *job)
{
    m_errors[index] = job->error();
    ++m_finished;
    if (job->error().isError())
        ++m_failed;
    Q_EMIT progress(m_finished, count());
    if (m_finished == count() && !m_emitted) {
        m_emitted = true;
        Q_EMIT finished();
    }
}

} // namespace tg
