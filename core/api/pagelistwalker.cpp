// SPDX-License-Identifier: MIT
#include "api/pagelistwalker.h"

#include "api/telegraphclient.h"

#include <QTimer>

namespace tg {

PageListWalker::PageListWalker(TelegraphClient *client, const PageWalkOptions &options,
                               QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(options)
{
    m_options.pageSize = std::clamp(m_options.pageSize, 1, 200);
}

void PageListWalker::start()
{
    fetchList(0, true);
}

void PageListWalker::cancel()
{
    fail(ApiError::make(ApiError::Category::Cancelled, tr("Cancelled")));
}

void PageListWalker::track(ApiJob *job)
{
    ++m_requests;
    job->setAutoDelete(true);
    m_running.append(job);
}

void PageListWalker::fetchList(int offset, bool first)
{
    PageListRequest request;
    request.offset = offset;
    request.limit = m_options.pageSize;
    request.accessToken = m_options.accessToken;
    PageListJob *job = m_client->getPageList(request);
    track(job);
    connect(job, &ApiJob::failed, this, &PageListWalker::fail);
    connect(job, &ApiJob::succeeded, this,
            [this, job, offset, first] { onListPage(offset, job->pageList(), first); });
}

void PageListWalker::onListPage(int offset, const PageList &list, bool first)
{
    if (m_finished)
        return;
    if (first) {
        m_total = list.totalCount;
        const qsizetype total = std::max<qint64>(m_total, list.pages.size());
        m_pages.resize(total);
        m_views.fill(-1, total);
        const int lists = int((total + m_options.pageSize - 1) / m_options.pageSize);
        const int perPage = (m_options.withViews ? 1 : 0) + (m_options.withContent ? 1 : 0);
        m_expected = std::max(lists, 1) + int(total) * perPage;
        for (qint64 o = m_options.pageSize; o < total; o += m_options.pageSize)
            fetchList(int(o), false);
    }
    for (qsizetype i = 0; i < list.pages.size(); ++i) {
        const qsizetype index = offset + i;
        if (index >= m_pages.size()) {
            // More pages than total_count said (created meanwhile): keep them anyway.
            m_pages.append(list.pages.at(i));
            m_views.append(-1);
        } else {
            m_pages[index] = list.pages.at(i);
        }
        fetchDetails(int(index));
    }
    requestDone();
}

void PageListWalker::fetchDetails(int index)
{
    const QString path = m_pages.at(index).path;
    if (m_options.withViews) {
        ViewsRequest request;
        request.path = path;
        PageViewsJob *job = m_client->getViews(request);
        track(job);
        connect(job, &ApiJob::failed, this, &PageListWalker::fail);
        connect(job, &ApiJob::succeeded, this, [this, job, index] {
            if (index < m_views.size())
                m_views[index] = job->pageViews().views;
            requestDone();
        });
    }
    if (m_options.withContent) {
        GetPageRequest request;
        request.path = path;
        request.returnContent = true;
        PageJob *job = m_client->getPage(request);
        track(job);
        connect(job, &ApiJob::failed, this, &PageListWalker::fail);
        connect(job, &ApiJob::succeeded, this, [this, job, index] {
            if (index < m_pages.size())
                m_pages[index] = job->page();
            requestDone();
        });
    }
}

void PageListWalker::requestDone()
{
    if (m_finished)
        return;
    ++m_done;
    Q_EMIT progress(m_done, std::max(m_expected, m_done));
    if (m_done >= m_expected && m_done >= m_requests) {
        m_finished = true;
        m_running.clear();
        Q_EMIT finished();
    }
}

void PageListWalker::fail(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    const auto running = m_running;
    m_running.clear();
    for (const auto &j : running) {
        if (j && !j->isFinished())
            j->cancel();
    }
    QTimer::singleShot(0, this, &PageListWalker::finished);
}

} // namespace tg
