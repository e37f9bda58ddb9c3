// SPDX-License-Identifier: MIT
#include "api/requestscheduler.h"

#include "api/apijob.h"
#include "api/apilog.h"
#include "api/replyerrors.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace tg {

namespace {

/// Asks the operating system for the proxy of each request.
class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        return systemProxyForQuery(query);
    }
};

/// Connections Qt opens per host and manager over HTTP/1.1.
constexpr int ConnectionsPerManager = 6;
/// How much of a request or answer body the debug log shows.
constexpr int LoggedBodyChars = 300;

/// A body for the log: cut to LoggedBodyChars, tokens replaced.
QString bodyForLog(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(LoggedBodyChars * 2)).left(LoggedBodyChars);
    if (body.size() > LoggedBodyChars)
        text += QStringLiteral("…");
    return redactTokens(text);
}

} // namespace

RequestScheduler::RequestScheduler(const ClientSettings &settings, QNetworkAccessManager *manager,
                                   QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_pauseTimer(new QTimer(this))
{
    m_pauseTimer->setSingleShot(true);
    m_pauseTimer->setTimerType(Qt::PreciseTimer);
    connect(m_pauseTimer, &QTimer::timeout, this, &RequestScheduler::pump);
    if (manager)
        m_managers.push_back(Slot{manager, false, 0});
    ensureManagers();
}

RequestScheduler::~RequestScheduler()
{
    // Jobs outlive nothing here: abort what runs so no reply calls back into a dead scheduler.
    for (const QPointer<ApiJob> &job : m_queue) {
        if (job)
            job->m_scheduler = nullptr;
    }
    for (Slot &s : m_managers) {
        if (s.owned)
            delete s.manager;
    }
}

void RequestScheduler::setSettings(const ClientSettings &settings)
{
    const bool proxyChanged = settings.proxy.mode != m_settings.proxy.mode ||
                              settings.proxy.host != m_settings.proxy.host ||
                              settings.proxy.port != m_settings.proxy.port ||
                              settings.proxy.user != m_settings.proxy.user ||
                              settings.proxy.password != m_settings.proxy.password;
    m_settings = settings;
    if (proxyChanged) {
        for (Slot &s : m_managers) {
            if (s.owned)
                applyProxy(s.manager);
        }
    }
    ensureManagers();
    schedulePump();
}

QNetworkAccessManager *RequestScheduler::networkManager()
{
    ensureManagers();
    return m_managers.front().manager;
}

qint64 RequestScheduler::floodPauseRemainingMs(const QString &token) const
{
    const auto it = m_pausedTokens.constFind(token);
    if (it == m_pausedTokens.cend() || it->hasExpired())
        return 0;
    return it->remainingTime();
}

void RequestScheduler::applyProxy(QNetworkAccessManager *manager) const
{
    if (m_settings.proxy.mode == ProxySettings::Mode::System) {
        manager->setProxyFactory(new SystemProxyFactory);
    } else {
        manager->setProxyFactory(nullptr);
        manager->setProxy(m_settings.proxy.toProxy());
    }
}

void RequestScheduler::ensureManagers()
{
    const int needed =
        std::max(1, (m_settings.concurrency + ConnectionsPerManager - 1) / ConnectionsPerManager);
    while (int(m_managers.size()) < needed) {
        auto *manager = new QNetworkAccessManager;
        applyProxy(manager);
        m_managers.push_back(Slot{manager, true, 0});
    }
}

int RequestScheduler::pickManager()
{
    const int needed =
        std::max(1, (m_settings.concurrency + ConnectionsPerManager - 1) / ConnectionsPerManager);
    int best = 0;
    for (int i = 1; i < std::min(needed, int(m_managers.size())); ++i) {
        if (m_managers[i].active < m_managers[best].active)
            best = i;
    }
    return best;
}

int RequestScheduler::backoffMs(int retry) const
{
    const RetryPolicy &p = m_settings.retry;
    const double base = p.initialBackoffMs * std::pow(p.backoffFactor, std::clamp(retry, 0, 30));
    const double jitter = std::clamp(p.jitter, 0.0, 1.0);
    const double r =
        std::clamp(m_random ? m_random() : QRandomGenerator::global()->generateDouble(), 0.0, 1.0);
    // Spread over [base * (1 - jitter), base * (1 + jitter)].
    const double ms = base * (1.0 + jitter * (2.0 * r - 1.0));
    return int(std::clamp(ms, 0.0, 3600.0 * 1000.0));
}

void RequestScheduler::submit(ApiJob *job)
{
    job->m_scheduler = this;
    job->m_state = ApiJob::State::Queued;
    m_queue.push_back(job);
    schedulePump();
}

void RequestScheduler::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_pumpScheduled = false;
            pump();
        },
        Qt::QueuedConnection);
}

bool RequestScheduler::canStart(const ApiJob *job) const
{
    if (!job->m_write || job->m_token.isEmpty())
        return true;
    const auto paused = m_pausedTokens.constFind(job->m_token);
    if (paused != m_pausedTokens.cend() && !paused->hasExpired())
        return false;
    return job->m_holdsToken || !m_busyTokens.contains(job->m_token);
}

void RequestScheduler::pump()
{
    if (m_pumping)
        return;
    m_pumping = true;
    bool pauseEnded = false;
    for (auto it = m_pausedTokens.begin(); it != m_pausedTokens.end();) {
        if (it->hasExpired()) {
            it = m_pausedTokens.erase(it);
            pauseEnded = true;
        } else {
            ++it;
        }
    }
    for (auto it = m_queue.begin(); it != m_queue.end() && m_inFlight < m_settings.concurrency;) {
        ApiJob *job = *it;
        if (!job) {
            it = m_queue.erase(it);
            continue;
        }
        if (!canStart(job)) {
            ++it;
            continue;
        }
        it = m_queue.erase(it);
        start(job);
    }
    // Wake up when the next flood pause ends (a precise timer: a coarse one may fire early).
    qint64 next = -1;
    for (const QDeadlineTimer &d : std::as_const(m_pausedTokens)) {
        const qint64 left = std::max<qint64>(d.remainingTime(), 0);
        next = next < 0 ? left : std::min(next, left);
    }
    if (next >= 0)
        m_pauseTimer->start(int(next) + 1);
    else
        m_pauseTimer->stop();
    m_pumping = false;
    if (pauseEnded) {
        qCDebug(lcApi) << "flood pause over: writes resume";
        Q_EMIT floodWaitFinished();
    }
}

void RequestScheduler::start(ApiJob *job)
{
    job->m_state = ApiJob::State::Running;
    ++job->m_attempts;
    if (job->m_write && !job->m_token.isEmpty()) {
        m_busyTokens.insert(job->m_token);
        job->m_holdsToken = true;
    }
    const int mi = pickManager();
    Slot &slot = m_managers[mi];
    ++slot.active;
    job->m_managerIndex = mi;

    const QUrl url = m_settings.methodUrl(job->m_method, job->m_path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("telegraph-desktop/" TG_VERSION));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    request.setTransferTimeout(m_settings.timeoutMs);
    // The body carries the access token: never let a redirect take it to another host.
    guardRequest(request);
    qCDebug(lcApi).noquote() << "POST" << job->m_method
                             << redactTokens(url.toDisplayString(QUrl::RemoveUserInfo)) << "attempt"
                             << job->m_attempts << (job->m_write ? "write" : "read") << "body"
                             << bodyForLog(job->m_body);
    job->m_sent.start();
    QNetworkReply *reply = slot.manager->post(request, job->m_body);
    guardReply(reply, m_settings.maxResponseBytes);
    job->m_reply = reply;
    ++m_inFlight;
    m_peak = std::max(m_peak, m_inFlight);
    QPointer<ApiJob> guard(job);
    connect(reply, &QNetworkReply::finished, this, [this, guard, reply] {
        if (guard)
            onReplyFinished(guard, reply);
        else
            reply->deleteLater();
    });
}

void RequestScheduler::release(ApiJob *job)
{
    if (job->m_holdsToken) {
        m_busyTokens.remove(job->m_token);
        job->m_holdsToken = false;
    }
}

void RequestScheduler::onReplyFinished(ApiJob *job, QNetworkReply *reply)
{
    using C = ApiError::Category;
    reply->deleteLater();
    --m_inFlight;
    if (job->m_managerIndex >= 0 && job->m_managerIndex < int(m_managers.size()))
        --m_managers[job->m_managerIndex].active;
    job->m_managerIndex = -1;
    job->m_reply = nullptr;

    ApiError err = transportError(reply, job->m_cancelRequested, m_settings.timeoutMs);
    QByteArray result;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const qint64 tookMs = job->m_sent.isValid() ? job->m_sent.elapsed() : -1;
    if (!err.isError()) {
        const QByteArray answer = reply->readAll();
        err = judgeEnvelope(status, answer, &result);
        if (err.isError())
            qCDebug(lcApi).noquote() << job->m_method << "answer" << bodyForLog(answer);
    }
    if (!err.isError()) {
        QString why;
        if (!job->acceptResult(result, &why))
            err = ApiError::make(C::Protocol, tr("The server's answer is invalid: %1").arg(why));
    }
    qCDebug(lcApi).noquote() << job->m_method + (job->m_path.isEmpty()
                                                     ? QString()
                                                     : QLatin1Char('/') + redactTokens(job->m_path))
                             << "HTTP" << status << "in" << tookMs << "ms:"
                             << (err.isError() ? redactTokens(err.toString())
                                               : QStringLiteral("ok"));
    if (!err.isError()) {
        release(job);
        job->setResultJson(result);
        schedulePump();
        job->finishSuccess();
        return;
    }

    const FloodPolicy &flood = m_settings.flood;
    const RetryPolicy &retry = m_settings.retry;
    if (err.category == C::FloodWait && flood.waitAndRetry &&
        err.floodSeconds <= flood.maxWaitSeconds && job->m_floodRetries < flood.maxRetries) {
        ++job->m_floodRetries;
        const int ms = err.floodSeconds * 1000 + flood.marginMs;
        qCDebug(lcApi).noquote() << job->m_method << "hit a flood wait of" << err.floodSeconds
                                 << "s: pausing"
                                 << (job->m_write ? "the account's writes" : "the request") << "for"
                                 << ms << "ms, flood retry" << job->m_floodRetries << "of"
                                 << flood.maxRetries;
        if (job->m_write && !job->m_token.isEmpty()) {
            m_pausedTokens.insert(job->m_token, QDeadlineTimer(ms));
            release(job);
            job->m_state = ApiJob::State::Queued;
            m_queue.push_front(job);
            Q_EMIT floodWaitStarted(err.floodSeconds, QDateTime::currentDateTimeUtc().addMSecs(ms));
        } else {
            Q_EMIT floodWaitStarted(err.floodSeconds, QDateTime::currentDateTimeUtc().addMSecs(ms));
            retryLater(job, ms, true);
        }
        schedulePump();
        return;
    }
    const bool saveFailed = err.category == C::Api &&
                            err.code == QLatin1String("PAGE_SAVE_FAILED") && job->m_retrySaveFailed;
    // A refused redirect or an oversized answer would only repeat.
    const bool refused = err.code == QLatin1String("REDIRECT_REFUSED") ||
                         err.code == QLatin1String("RESPONSE_TOO_LARGE") ||
                         err.code == QLatin1String("TOO_MANY_REDIRECTS");
    const bool transient =
        (err.category == C::Network || err.category == C::Timeout || err.category == C::Protocol) &&
        job->m_idempotent && !refused;
    if ((saveFailed || transient) && job->m_retries < retry.maxRetries) {
        const int delay = backoffMs(job->m_retries);
        ++job->m_retries;
        qCDebug(lcApi).noquote() << job->m_method << "retry" << job->m_retries << "of"
                                 << retry.maxRetries << "in" << delay << "ms";
        retryLater(job, delay, true);
        schedulePump();
        return;
    }
    if (err.category != C::Cancelled && err.category != C::Api)
        qCDebug(lcApi).noquote() << job->m_method << "failed after" << job->m_attempts
                                 << "attempts:" << redactTokens(err.toString());
    release(job);
    schedulePump();
    job->finishError(err);
}

void RequestScheduler::retryLater(ApiJob *job, int delayMs, bool front)
{
    job->m_state = ApiJob::State::Queued;
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    job->m_retryTimer = timer;
    connect(timer, &QTimer::timeout, this, [this, job, timer, front] {
        job->m_retryTimer = nullptr;
        timer->deleteLater();
        if (front)
            m_queue.push_front(job);
        else
            m_queue.push_back(job);
        pump();
    });
    timer->start(delayMs);
}

void RequestScheduler::cancel(ApiJob *job)
{
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        if (*it == job) {
            m_queue.erase(it);
            break;
        }
    }
    if (job->m_retryTimer) {
        delete job->m_retryTimer;
        job->m_retryTimer = nullptr;
    }
    if (QNetworkReply *reply = job->m_reply) {
        job->m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
        --m_inFlight;
        if (job->m_managerIndex >= 0 && job->m_managerIndex < int(m_managers.size()))
            --m_managers[job->m_managerIndex].active;
        job->m_managerIndex = -1;
    }
    release(job);
    job->m_scheduler = nullptr;
    schedulePump();
}

void RequestScheduler::forget(ApiJob *job)
{
    cancel(job);
}

} // namespace tg
