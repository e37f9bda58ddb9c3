// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/apitypes.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace tg {

class ApiJob;
class TelegraphClient;

/// What a PageListWalker fetches.
struct PageWalkOptions
{
    QString accessToken;      ///< empty = the client's token
    int pageSize = 200;       ///< getPageList limit per request (the API's maximum)
    bool withViews = false;   ///< also getViews for every page (total views)
    bool withContent = false; ///< also getPage with content for every page (backups)
};

/// Walks every page of an account: the first getPageList tells the total, the remaining list
/// requests and the per-page getViews/getPage calls are then all queued at once so the client's
/// concurrency is used in full. Stops at the first error.
class PageListWalker : public QObject
{
    Q_OBJECT
public:
    PageListWalker(TelegraphClient *client, const PageWalkOptions &options,
                   QObject *parent = nullptr);

    /// Starts the walk; finished() follows (from the event loop) in every case.
    void start();
    /// Cancels every outstanding request; finishes with a Cancelled error.
    void cancel();

    /// The pages, most recently created first (with content when withContent).
    const QList<Page> &pages() const { return m_pages; }
    /// Views per page (same order) when withViews; -1 where not fetched.
    const QList<qint64> &views() const { return m_views; }
    qint64 totalCount() const { return m_total; }
    /// Requests sent so far.
    int requestCount() const { return m_requests; }
    const ApiError &error() const { return m_error; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    /// Requests done so far and the total known so far.
    void progress(int done, int total);
    /// The walk ended; error() tells whether it failed.
    void finished();

private:
    void fetchList(int offset, bool first);
    void onListPage(int offset, const PageList &list, bool first);
    void fetchDetails(int index);
    void requestDone();
    void fail(const ApiError &error);
    void track(ApiJob *job);

    TelegraphClient *m_client;
    PageWalkOptions m_options;
    QList<Page> m_pages;
    QList<qint64> m_views;
    QList<QPointer<ApiJob>> m_running;
    qint64 m_total = 0;
    int m_requests = 0;
    int m_done = 0;
    int m_expected = 1;
    ApiError m_error;
    bool m_finished = false;
};

} // namespace tg
