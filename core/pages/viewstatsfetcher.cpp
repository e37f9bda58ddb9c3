// SPDX-License-Identifier: MIT
#include "pages/viewstatsfetcher.h"

#include "api/telegraphclient.h"
#include "pages/pagecache.h"
#include "pages/pageslog.h"

#include <QSet>

namespace tg {

namespace {

const QString TotalKey = QStringLiteral("total");

} // namespace

ViewStatsFetcher::ViewStatsFetcher(TelegraphClient *client, PageCache *cache, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cache(cache)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

ViewStatsFetcher::~ViewStatsFetcher()
{
    abandon();
}

void ViewStatsFetcher::abandon()
{
    ++m_generation;
    const auto jobs = m_jobs;
    m_jobs.clear();
    for (const QPointer<PageViewsJob> &job : jobs) {
        if (job)
            job->cancel();
    }
    m_queue.clear();
    m_inFlight = 0;
    m_running = false;
}

void ViewStatsFetcher::cancel()
{
    const bool wasRunning = m_running;
    abandon();
    if (wasRunning)
        Q_EMIT cancelled();
}

void ViewStatsFetcher::fetch(const QString &path, ViewRange range)
{
    cancel();
    m_now = m_clock().toUTC();
    m_series = ViewSeries();
    m_series.path = path;
    m_series.range = range;
    m_series.buckets = viewBuckets(range, m_now);
    m_series.views = QList<qint64>(m_series.buckets.size(), -1);
    m_done = 0;
    m_sent = 0;
    m_peak = 0;
    m_running = true;

    QStringList keys;
    keys.reserve(m_series.buckets.size() + 1);
    for (const ViewBucket &b : std::as_const(m_series.buckets))
        keys.append(b.key());
    keys.append(TotalKey);
    const QHash<QString, qint64> cached =
        m_cache ? m_cache->cachedViews(path, keys, m_now, m_maxAge) : QHash<QString, qint64>();
    for (int i = 0; i < m_series.buckets.size(); ++i) {
        const auto it = cached.constFind(keys.at(i));
        if (it != cached.cend()) {
            m_series.views[i] = it.value();
            ++m_done;
        } else {
            m_queue.append(i);
        }
    }
    const auto total = cached.constFind(TotalKey);
    if (total != cached.cend()) {
        m_series.total = total.value();
        ++m_done;
    } else {
        m_queue.prepend(-1); // the total first: the summary line shows before the chart fills
    }
    Q_EMIT progress(m_done, int(m_series.buckets.size()) + 1);
    if (m_queue.isEmpty()) {
        finishIfDone();
        return;
    }
    pump();
}

void ViewStatsFetcher::pump()
{
    const quint64 generation = m_generation;
    while (m_running && m_inFlight < m_maxConcurrent && !m_queue.isEmpty()) {
        const int index = m_queue.takeFirst();
        ViewsRequest request;
        request.path = m_series.path;
        if (index >= 0) {
            const ViewBucket &b = m_series.buckets.at(index);
            request.year = b.year;
            request.month = b.month;
            request.day = b.day;
            request.hour = b.hour;
        }
        PageViewsJob *job = m_client->getViews(request);
        job->setAutoDelete(true);
        m_jobs.append(job);
        ++m_inFlight;
        ++m_sent;
        m_peak = qMax(m_peak, m_inFlight);
        connect(job, &ApiJob::finished, this,
                [this, job, index, generation] { onJobDone(job, index, generation); });
    }
}

void ViewStatsFetcher::onJobDone(PageViewsJob *job, int index, quint64 generation)
{
    if (generation != m_generation)
        return; // an abandoned fetch
    m_jobs.removeAll(job);
    --m_inFlight;
    if (!job->isSucceeded()) {
        const ApiError error = job->error();
        qCWarning(lcPages) << "fetching view statistics failed:" << redactTokens(error.toString());
        abandon();
        Q_EMIT failed(error);
        return;
    }
    const qint64 views = job->pageViews().views;
    if (index >= 0) {
        m_series.views[index] = views;
        if (m_cache) {
            const ViewBucket &b = m_series.buckets.at(index);
            m_cache->storeViews(m_series.path, b.key(), views, m_now, b.isClosed(m_now));
        }
    } else {
        m_series.total = views;
        if (m_cache)
            m_cache->storeViews(m_series.path, TotalKey, views, m_now, false);
    }
    ++m_done;
    Q_EMIT progress(m_done, int(m_series.buckets.size()) + 1);
    if (m_queue.isEmpty() && m_inFlight == 0)
        finishIfDone();
    else
        pump();
}

void ViewStatsFetcher::finishIfDone()
{
    m_running = false;
    m_jobs.clear();
    Q_EMIT seriesReady(m_series);
}

} // namespace tg
