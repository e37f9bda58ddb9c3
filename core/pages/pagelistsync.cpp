// SPDX-License-Identifier: MIT
#include "pages/pagelistsync.h"

#include "api/telegraphclient.h"
#include "pages/pagecache.h"
#include "pages/pageslog.h"

namespace tg {

PageListSync::PageListSync(TelegraphClient *client, PageCache *cache, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cache(cache)
{}

PageListSync::~PageListSync()
{
    ++m_generation;
    cancelJobs();
}

void PageListSync::setAccount(const QString &cacheKey, const QString &accessToken)
{
    cancel();
    m_account = cacheKey;
    m_token = accessToken;
    m_total = -1;
}

void PageListSync::cancelJobs()
{
    const auto jobs = m_jobs;
    m_jobs.clear();
    for (const QPointer<PageListJob> &job : jobs) {
        if (job)
            job->cancel();
    }
    m_inFlight.clear();
}

void PageListSync::cancel()
{
    ++m_generation;
    cancelJobs();
    if (m_refreshing)
        endRefresh(ApiError::make(ApiError::Category::Cancelled,
                                  QStringLiteral("The refresh was cancelled.")));
}

void PageListSync::fetchBatch(int offset)
{
    if (offset < 0 || m_inFlight.contains(offset))
        return;
    startBatch(offset);
}

void PageListSync::startBatch(int offset)
{
    PageListRequest request;
    request.offset = offset;
    request.limit = m_batchSize;
    request.accessToken = m_token;
    PageListJob *job = m_client->getPageList(request);
    job->setAutoDelete(true);
    m_jobs.append(job);
    m_inFlight.insert(offset);
    const quint64 generation = m_generation;
    connect(job, &ApiJob::finished, this,
            [this, job, offset, generation] { onBatchDone(job, offset, generation); });
}

void PageListSync::refresh()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    m_error = ApiError();
    m_refreshQueue.clear();
    m_refreshOffsets = {0};
    m_refreshDone = 0;
    m_refreshTotal = 1;
    Q_EMIT progress(0, 1);
    if (!m_inFlight.contains(0))
        startBatch(0);
}

void PageListSync::onBatchDone(PageListJob *job, int offset, quint64 generation)
{
    if (generation != m_generation)
        return;
    m_jobs.removeAll(job);
    m_inFlight.remove(offset);
    const bool forRefresh = m_refreshing && m_refreshOffsets.contains(offset);
    if (!job->isSucceeded()) {
        qCWarning(lcPages) << "fetching the page list at offset" << offset
                           << "failed:" << redactTokens(job->error().toString());
        if (forRefresh) {
            ++m_generation;
            cancelJobs();
            endRefresh(job->error());
        } else {
            Q_EMIT batchFailed(offset, job->error());
        }
        return;
    }
    const PageList &list = job->pageList();
    m_total = list.totalCount;
    if (m_cache && !m_cache->storePages(m_account, offset, list.pages, list.totalCount)) {
        const ApiError error = ApiError::make(
            ApiError::Category::Validation,
            QStringLiteral("The page cache could not be written: %1").arg(m_cache->lastError()));
        qCWarning(lcPages) << "storing the page list at offset" << offset
                           << "failed:" << m_cache->lastError();
        if (forRefresh)
            endRefresh(error);
        else
            Q_EMIT batchFailed(offset, error);
        return;
    }
    Q_EMIT batchStored(offset, int(list.pages.size()), list.totalCount);
    if (!forRefresh)
        return;

    ++m_refreshDone;
    if (offset == 0) {
        // The first answer tells how many batches follow.
        for (qint64 o = m_batchSize; o < list.totalCount; o += m_batchSize) {
            m_refreshQueue.append(int(o));
            m_refreshOffsets.insert(int(o));
        }
        m_refreshTotal = 1 + int(m_refreshQueue.size());
    }
    Q_EMIT progress(m_refreshDone, m_refreshTotal);
    if (m_refreshDone >= m_refreshTotal) {
        if (m_cache) {
            m_cache->truncate(m_account, m_total);
            m_cache->setRefreshedAt(m_account, QDateTime::currentDateTimeUtc());
        }
        endRefresh(ApiError());
        return;
    }
    pumpRefresh();
}

void PageListSync::pumpRefresh()
{
    while (m_refreshing && !m_refreshQueue.isEmpty() && m_inFlight.size() < m_maxConcurrent) {
        const int offset = m_refreshQueue.takeFirst();
        if (m_inFlight.contains(offset))
            continue; // an on-demand fetch of the same batch is running; it counts
        startBatch(offset);
    }
}

void PageListSync::endRefresh(const ApiError &error)
{
    m_refreshing = false;
    m_refreshQueue.clear();
    m_refreshOffsets.clear();
    m_error = error;
    if (!error.isError())
        qCDebug(lcPages) << "page list refreshed:" << m_total << "pages";
    Q_EMIT refreshFinished();
}

} // namespace tg
