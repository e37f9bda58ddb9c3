// SPDX-License-Identifier: MIT
#include "workflow/clientpublisher.h"

#include "api/apierror.h"
#include "api/apirequests.h"
#include "api/pagejob.h"
#include "api/telegraphclient.h"

namespace tg {

namespace {

/// A successful outcome carrying the page's identity and author fields.
PublishOutcome outcomeOf(const Page &p)
{
    PublishOutcome o;
    o.ok = true;
    o.path = p.path;
    o.url = p.url;
    o.title = p.title;
    o.authorName = p.authorName;
    o.authorUrl = p.authorUrl;
    return o;
}

} // namespace

ClientPublisher::ClientPublisher(TelegraphClient *client, QObject *parent)
    : Publisher(parent)
    , m_client(client)
{
    qRegisterMetaType<PublishOutcome>();
    ClientSettings s = client->settings();
    s.flood.waitAndRetry = false;
    client->setSettings(s);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ClientPublisher::tick);
}

QString ClientPublisher::siteUrl() const
{
    return m_client->settings().effectiveSiteUrl().toString();
}

bool ClientPublisher::isBusy() const
{
    return m_request.has_value() || m_job;
}

bool ClientPublisher::publish(const PublishRequest &request)
{
    if (isBusy())
        return false;
    m_request = request;
    send();
    return true;
}

void ClientPublisher::send()
{
    PageRequest req;
    req.path = m_request->path;
    req.title = m_request->title;
    req.authorName = m_request->authorName;
    req.authorUrl = m_request->authorUrl;
    req.content = m_request->content;
    const bool edit = !req.path.isEmpty();
    Q_EMIT progress(edit ? tr("Updating the page…") : tr("Publishing…"));
    PageJob *job = edit ? m_client->editPage(req) : m_client->createPage(req);
    job->setAutoDelete(true);
    m_job = job;
    // The job deletes itself later; it stops counting as running once it has an outcome.
    connect(job, &ApiJob::finished, this, [this] { m_job.clear(); });
    connect(job, &ApiJob::succeeded, this, [this, job] {
        m_job.clear();
        m_request.reset();
        Q_EMIT published(outcomeOf(job->page()));
    });
    connect(job, &ApiJob::failed, this, &ClientPublisher::onPublishFailed);
}

void ClientPublisher::onPublishFailed(const ApiError &error)
{
    m_job.clear();
    if (error.category == ApiError::Category::FloodWait && error.floodSeconds <= m_maxFloodWait &&
        m_request) {
        m_secondsLeft = qMax(1, error.floodSeconds);
        Q_EMIT floodWait(m_secondsLeft);
        m_countdown.start();
        return;
    }
    m_request.reset();
    Q_EMIT published(errorOutcome(error));
}

void ClientPublisher::tick()
{
    --m_secondsLeft;
    Q_EMIT floodWait(qMax(0, m_secondsLeft));
    if (m_secondsLeft > 0)
        return;
    m_countdown.stop();
    if (m_request)
        send();
}

void ClientPublisher::cancel()
{
    const bool waiting = m_countdown.isActive();
    m_countdown.stop();
    if (m_job) {
        m_job->cancel(); // ends with Cancelled through onPublishFailed or the fetch handler
        return;
    }
    if (waiting && m_request) {
        m_request.reset();
        Q_EMIT published(errorOutcome(
            ApiError::make(ApiError::Category::Cancelled, tr("Publishing was cancelled."))));
    }
}

bool ClientPublisher::fetch(const QString &pathOrUrl)
{
    if (isBusy())
        return false;
    GetPageRequest req;
    req.path = pagePathFrom(pathOrUrl);
    req.returnContent = true;
    req.accessToken = m_client->accessToken();
    Q_EMIT progress(tr("Opening the page…"));
    PageJob *job = m_client->getPage(req);
    job->setAutoDelete(true);
    m_job = job;
    // The job deletes itself later; it stops counting as running once it has an outcome.
    connect(job, &ApiJob::finished, this, [this] { m_job.clear(); });
    connect(job, &ApiJob::succeeded, this, [this, job] {
        m_job.clear();
        PublishOutcome o = outcomeOf(job->page());
        o.content = job->page().content;
        Q_EMIT fetched(o);
    });
    connect(job, &ApiJob::failed, this, [this](const ApiError &error) {
        m_job.clear();
        Q_EMIT fetched(errorOutcome(error));
    });
    return true;
}

PublishOutcome ClientPublisher::errorOutcome(const ApiError &error) const
{
    PublishOutcome o;
    o.errorCode = error.code;
    switch (error.category) {
    case ApiError::Category::Network:
    case ApiError::Category::Timeout:
    case ApiError::Category::Tls:
        o.offline = true;
        o.error = tr("Could not reach the server (%1). You seem to be offline; the draft is "
                     "kept and you can publish later.")
                      .arg(error.message);
        break;
    case ApiError::Category::Api:
        o.error =
            tr("The server refused: %1").arg(error.code.isEmpty() ? error.message : error.code);
        break;
    case ApiError::Category::FloodWait:
        o.error = tr("Telegraph asks to wait %n second(s) before publishing again.", nullptr,
                     error.floodSeconds);
        break;
    default:
        o.error = error.message.isEmpty() ? error.toString() : error.message;
        break;
    }
    return o;
}

} // namespace tg
