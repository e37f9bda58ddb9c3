// SPDX-License-Identifier: MIT
#pragma once

#include "api/clientsettings.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <deque>
#include <functional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace tg {

class ApiJob;

/// Runs API jobs: a FIFO queue, at most `concurrency` requests in flight spread over a pool of
/// ceil(concurrency / 6) network managers (Qt opens at most 6 HTTP/1.1 connections per host per
/// manager; HTTP/2 over TLS multiplexes on one), writes of one token one at a time, flood waits
/// that pause a token's writes, and bounded retries with backoff.
class RequestScheduler : public QObject
{
    Q_OBJECT
public:
    /// Uses `manager` (may be null) as the first manager of the pool; more are created as the
    /// concurrency needs, with the same proxy.
    RequestScheduler(const ClientSettings &settings, QNetworkAccessManager *manager,
                     QObject *parent = nullptr);
    ~RequestScheduler() override;

    const ClientSettings &settings() const { return m_settings; }
    void setSettings(const ClientSettings &settings);

    /// Queues a prepared job and starts it when a slot and its token are free.
    void submit(ApiJob *job);
    /// Removes a job from the queue, aborts its request or ends its retry wait (no signal).
    void cancel(ApiJob *job);
    /// Like cancel(), for a job being destroyed.
    void forget(ApiJob *job);

    int inFlight() const { return m_inFlight; }
    int queued() const { return int(m_queue.size()); }
    /// The largest number of requests that were in flight at once.
    int peakInFlight() const { return m_peak; }
    /// The first manager of the pool (created when none was injected).
    QNetworkAccessManager *networkManager();
    int managerCount() const { return int(m_managers.size()); }
    /// The random source of the retry jitter, returning values in [0, 1) (default: the system's;
    /// tests pass a fixed one).
    void setRandomSource(std::function<double()> random) { m_random = std::move(random); }
    /// The wait before retry number `retry` (0-based): exponential, spread by the jitter.
    int backoffMs(int retry) const;
    /// Milliseconds until writes with this token may run again (0 when not paused).
    qint64 floodPauseRemainingMs(const QString &token) const;

Q_SIGNALS:
    /// Writes of one account are paused for `seconds` (plus the margin) after FLOOD_WAIT_n;
    /// the job is retried afterwards. `until` is when writes resume, for a countdown.
    void floodWaitStarted(int seconds, const QDateTime &until);
    /// A flood pause ended; paused writes resume.
    void floodWaitFinished();

private:
    struct Slot
    {
        QNetworkAccessManager *manager = nullptr;
        bool owned = false;
        int active = 0;
    };

    void pump();
    void schedulePump();
    bool canStart(const ApiJob *job) const;
    void start(ApiJob *job);
    void onReplyFinished(ApiJob *job, QNetworkReply *reply);
    void release(ApiJob *job);
    void retryLater(ApiJob *job, int delayMs, bool front);
    void ensureManagers();
    int pickManager();
    void applyProxy(QNetworkAccessManager *manager) const;

    ClientSettings m_settings;
    std::vector<Slot> m_managers;
    std::deque<QPointer<ApiJob>> m_queue;
    QSet<QString> m_busyTokens;
    QHash<QString, QDeadlineTimer> m_pausedTokens;
    QTimer *m_pauseTimer;
    int m_inFlight = 0;
    int m_peak = 0;
    bool m_pumping = false;
    bool m_pumpScheduled = false;
    std::function<double()> m_random;
};

} // namespace tg
