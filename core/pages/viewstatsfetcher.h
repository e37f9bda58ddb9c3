// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "pages/viewseries.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace tg {

class PageCache;
class PageViewsJob;
class TelegraphClient;

/// Fetches the views of one page over a range: one getViews call per bucket plus one for the
/// all-time total, at most maxConcurrent() at a time, answered from the cache where it can:
/// a bucket that had ended when it was fetched for good; the buckets that can still change
/// (the current one, any fetched before its end) and the total are asked again every time, so
/// every range shows the same, current total. A new fetch() or cancel()
/// abandons the running one and cancels its requests, so a selection change never shows stale
/// numbers.
class ViewStatsFetcher : public QObject
{
    Q_OBJECT
public:
    /// `cache` may be null (no caching); neither is owned.
    ViewStatsFetcher(TelegraphClient *client, PageCache *cache, QObject *parent = nullptr);
    ~ViewStatsFetcher() override;

    /// Requests in flight at most (default 6).
    void setMaxConcurrent(int n) { m_maxConcurrent = qMax(1, n); }
    int maxConcurrent() const { return m_maxConcurrent; }
    /// How long a count of a still-open bucket (and the total) is reused; default 0: never.
    void setOpenBucketMaxAge(int seconds) { m_maxAge = seconds; }
    /// The clock used for the bucket ranges (default: the current UTC time); for tests.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    /// Starts fetching the views of `path` over `range`, abandoning any running fetch.
    void fetch(const QString &path, ViewRange range);
    /// Abandons the running fetch; emits cancelled() when one was running.
    void cancel();
    bool isRunning() const { return m_running; }

    /// The last series (complete after seriesReady(), partial while running).
    const ViewSeries &series() const { return m_series; }
    /// getViews requests sent by the last fetch (0 when the cache answered everything).
    int requestsSent() const { return m_sent; }
    /// The largest number of this fetcher's requests in flight at once during the last fetch.
    int peakInFlight() const { return m_peak; }

Q_SIGNALS:
    /// Buckets known so far (from cache or server) of all buckets plus the total.
    void progress(int done, int total);
    /// Every count of the series is known.
    void seriesReady(const tg::ViewSeries &series);
    /// A request failed; the fetch stopped and its other requests were cancelled.
    void failed(const tg::ApiError &error);
    /// The running fetch was abandoned by cancel() or a new fetch().
    void cancelled();

private:
    void pump();
    void onJobDone(PageViewsJob *job, int index, quint64 generation);
    void finishIfDone();
    void abandon();

    TelegraphClient *m_client;
    PageCache *m_cache;
    int m_maxConcurrent = 6;
    int m_maxAge = 0;
    std::function<QDateTime()> m_clock;

    ViewSeries m_series;
    QDateTime m_now;
    QList<int> m_queue; ///< bucket indexes still to request; -1 is the total
    QList<QPointer<PageViewsJob>> m_jobs;
    quint64 m_generation = 0;
    int m_inFlight = 0;
    int m_done = 0;
    int m_sent = 0;
    int m_peak = 0;
    bool m_running = false;
};

} // namespace tg
