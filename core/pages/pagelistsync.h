// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

namespace tg {

class PageCache;
class PageListJob;
class TelegraphClient;

/// Keeps an account's page list in the PageCache up to date: single batches on demand (as the
/// user scrolls) and a full background refresh with bounded concurrency, progress and cancel.
/// Each batch is written to the cache as soon as it arrives, so the list fills in while the
/// refresh runs.
class PageListSync : public QObject
{
    Q_OBJECT
public:
    /// Neither `client` nor `cache` is owned.
    PageListSync(TelegraphClient *client, PageCache *cache, QObject *parent = nullptr);
    ~PageListSync() override;

    /// The account to work on: its cache key and its token (empty: the client's). Cancels
    /// whatever runs for the previous account.
    void setAccount(const QString &cacheKey, const QString &accessToken);
    QString accountKey() const { return m_account; }

    /// Pages per getPageList request (1–200, default 200).
    void setBatchSize(int n) { m_batchSize = qBound(1, n, 200); }
    int batchSize() const { return m_batchSize; }
    /// getPageList requests in flight at most during a refresh (default 4).
    void setMaxConcurrent(int n) { m_maxConcurrent = qMax(1, n); }

    /// Fetches the batch starting at `offset` unless it is already being fetched.
    void fetchBatch(int offset);
    /// Re-fetches the whole list: the first batch tells the total, the others follow in
    /// parallel; at the end cached positions beyond the total are dropped.
    void refresh();
    /// Stops the refresh and any batch fetch; emits refreshFinished() with a Cancelled error
    /// when a refresh was running.
    void cancel();
    bool isRefreshing() const { return m_refreshing; }

    /// The error of the last refresh (category None on success).
    const ApiError &lastError() const { return m_error; }

Q_SIGNALS:
    /// A batch was stored in the cache at positions [offset, offset + count).
    void batchStored(int offset, int count, qint64 totalCount);
    /// Batches done and the number of batches of the running refresh.
    void progress(int done, int total);
    /// A refresh ended (see lastError()).
    void refreshFinished();
    /// A batch fetched on demand failed.
    void batchFailed(int offset, const tg::ApiError &error);

private:
    void startBatch(int offset);
    void onBatchDone(PageListJob *job, int offset, quint64 generation);
    void pumpRefresh();
    void endRefresh(const ApiError &error);
    void cancelJobs();

    TelegraphClient *m_client;
    PageCache *m_cache;
    QString m_account;
    QString m_token;
    int m_batchSize = 200;
    int m_maxConcurrent = 4;
    quint64 m_generation = 0;
    QSet<int> m_inFlight; ///< offsets being fetched
    QList<QPointer<PageListJob>> m_jobs;
    bool m_refreshing = false;
    QList<int> m_refreshQueue;
    QSet<int> m_refreshOffsets; ///< offsets belonging to the running refresh
    int m_refreshDone = 0;
    int m_refreshTotal = 0;
    qint64 m_total = -1;
    ApiError m_error;
};

} // namespace tg
