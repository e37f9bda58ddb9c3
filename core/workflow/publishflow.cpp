// SPDX-License-Identifier: MIT
#include "workflow/publishflow.h"

#include "api/apijob.h"
#include "api/telegraphclient.h"
#include "workflow/errortext.h"

#include <QUrl>

#include <cmath>

namespace tg {

PublishFlow::PublishFlow(TelegraphClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    qRegisterMetaType<PublishResult>();
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &PublishFlow::tick);
}

PublishFlow::~PublishFlow()
{
    // The job outlives the flow (it deletes itself); nothing may call back into it.
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
    }
}

FloodPolicy PublishFlow::appFloodPolicy()
{
    FloodPolicy p;
    p.waitAndRetry = true;
    p.maxWaitSeconds = 600;
    return p;
}

bool PublishFlow::begin()
{
    if (m_busy)
        return false;
    m_busy = true;
    m_cancelled = false;
    ++m_generation;
    m_floodConnections << connect(m_client, &TelegraphClient::floodWaitStarted, this,
                                  [this](int, const QDateTime &until) { onFloodWait(until); });
    m_floodConnections << connect(m_client, &TelegraphClient::floodWaitFinished, this, [this] {
        if (m_countdown.isActive()) {
            m_countdown.stop();
            Q_EMIT floodCountdown(0);
        }
    });
    Q_EMIT started();
    return true;
}

void PublishFlow::finish(PublishResult result)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_job.clear();
    for (const QMetaObject::Connection &c : std::as_const(m_floodConnections))
        disconnect(c);
    m_floodConnections.clear();
    if (m_countdown.isActive()) {
        m_countdown.stop();
        Q_EMIT floodCountdown(0);
    }
    result.kind = kind();
    if (!result.ok)
        result.offline = isOffline(result.error);
    Q_EMIT finished(result);
}

void PublishFlow::run(ApiJob *job, std::function<void()> done,
                      std::function<void(const ApiError &)> failed)
{
    job->setAutoDelete(true);
    if (!m_busy) {
        job->cancel(); // cancelled while the step was being prepared: nothing more goes out
        return;
    }
    m_job = job;
    connect(job, &ApiJob::finished, this, [this, job, done, failed] {
        if (m_job == job)
            m_job.clear();
        if (!m_busy)
            return;
        if (job->isSucceeded() && !m_cancelled)
            done();
        else
            failed(m_cancelled ? ApiError::make(ApiError::Category::Cancelled, tr("Cancelled"))
                               : job->error());
    });
}

PublishResult PublishFlow::failure(const ApiError &error, const QString &what) const
{
    PublishResult r;
    r.error = error;
    r.message = what.arg(userMessage(error));
    return r;
}

void PublishFlow::cancel()
{
    if (!m_busy || m_cancelled)
        return;
    m_cancelled = true;
    ++m_generation;
    if (m_job) {
        m_job->cancel(); // its failure handler finishes with Cancelled
        return;
    }
    cancelIdle();
}

void PublishFlow::cancelIdle()
{
    finish(
        failure(ApiError::make(ApiError::Category::Cancelled, tr("Cancelled")), tr("Stopped: %1")));
}

void PublishFlow::onFloodWait(const QDateTime &until)
{
    m_floodUntil = until;
    m_countdown.start();
    tick();
}

void PublishFlow::tick()
{
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(m_floodUntil);
    const int seconds = int(std::ceil(qMax<qint64>(0, ms) / 1000.0));
    Q_EMIT floodCountdown(seconds);
    if (seconds <= 0)
        m_countdown.stop();
}

QString pagePathFrom(const QString &pathOrUrl)
{
    QString s = pathOrUrl.trimmed();
    if (s.contains(QLatin1String("://"))) {
        const QUrl url(s);
        s = url.path(QUrl::FullyDecoded);
    }
    while (s.startsWith(QLatin1Char('/')))
        s.remove(0, 1);
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    const qsizetype q = s.indexOf(QLatin1Char('?'));
    if (q >= 0)
        s.truncate(q);
    return s;
}

} // namespace tg
