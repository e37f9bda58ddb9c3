// SPDX-License-Identifier: MIT
#include "workflow/seriespublisher.h"

#include "api/apierror.h"
#include "api/apirequests.h"
#include "api/pagejob.h"
#include "api/telegraphclient.h"
#include "workflow/seriessplitter.h"

#include <QSettings>

namespace tg {

SeriesRecord SeriesRecord::load(const QSettings &settings, const QString &draftId)
{
    const QString g = QStringLiteral("series/") + draftId + QLatin1Char('/');
    SeriesRecord r;
    r.indexPath = settings.value(g + QStringLiteral("indexPath")).toString();
    r.indexUrl = settings.value(g + QStringLiteral("indexUrl")).toString();
    r.partPaths = settings.value(g + QStringLiteral("partPaths")).toStringList();
    r.partUrls = settings.value(g + QStringLiteral("partUrls")).toStringList();
    if (r.partUrls.size() != r.partPaths.size())
        r.partUrls = r.partPaths;
    return r;
}

void SeriesRecord::save(QSettings &settings, const QString &draftId) const
{
    const QString g = QStringLiteral("series/") + draftId + QLatin1Char('/');
    settings.setValue(g + QStringLiteral("indexPath"), indexPath);
    settings.setValue(g + QStringLiteral("indexUrl"), indexUrl);
    settings.setValue(g + QStringLiteral("partPaths"), partPaths);
    settings.setValue(g + QStringLiteral("partUrls"), partUrls);
}

SeriesPublisher::SeriesPublisher(TelegraphClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &SeriesPublisher::tick);
}

bool SeriesPublisher::publish(const Request &request)
{
    if (m_busy)
        return false;
    const SeriesSplitter::Result split = SeriesSplitter::split(request.content);
    if (!split.ok()) {
        m_busy = true;
        fail(split.error);
        return true;
    }
    m_busy = true;
    m_request = request;
    m_parts = split.parts;
    m_record = request.previous;
    m_steps.clear();
    const int count = int(m_parts.size());

    auto pageRequest = [this](const QString &path, const QString &title, const NodeList &content) {
        PageRequest r;
        r.path = path;
        r.title = title.left(256);
        if (!m_request.authorName.isEmpty())
            r.authorName = m_request.authorName;
        if (!m_request.authorUrl.isEmpty())
            r.authorUrl = m_request.authorUrl;
        r.content = content;
        return r;
    };
    // Runs a job and continues with the next step once it succeeded.
    auto run = [this](PageJob *job, std::function<void(const Page &)> done) {
        connect(job, &ApiJob::finished, this, [this, job, done] {
            if (!job->isSucceeded()) {
                const ApiError &e = job->error();
                if (e.category == ApiError::Category::FloodWait &&
                    e.floodSeconds <= m_maxFloodWait) {
                    waitThenRetry(e.floodSeconds); // the same step again, after the wait
                    return;
                }
                fail(e.message);
                return;
            }
            done(job->page());
            next();
        });
    };
    const QString placeholderText = tr("This part of the series is being published.");

    // 1. Create the parts that have no page yet (their links come later).
    for (int i = int(m_record.partPaths.size()); i < count; ++i) {
        m_steps.append([=] {
            Q_EMIT progress(tr("Creating part %1 of %2…").arg(i + 1).arg(count));
            const NodeList content = {
                Node::element(QStringLiteral("p"), {}, {Node::text(placeholderText)})};
            run(m_client->createPage(pageRequest(
                    {}, SeriesSplitter::partTitle(m_request.title, i + 1, count), content)),
                [this](const Page &p) {
                    m_record.partPaths.append(p.path);
                    m_record.partUrls.append(p.url);
                });
        });
    }
    // 2. The index, now that every part has a URL.
    m_steps.append([=] {
        Q_EMIT progress(tr("Publishing the contents page…"));
        QStringList titles;
        for (int i = 0; i < count; ++i)
            titles << SeriesSplitter::partTitle(m_request.title, i + 1, count);
        const NodeList content =
            SeriesSplitter::indexContent(titles, m_record.partUrls.mid(0, count));
        const PageRequest r = pageRequest(m_record.indexPath, m_request.title, content);
        PageJob *job =
            m_record.indexPath.isEmpty() ? m_client->createPage(r) : m_client->editPage(r);
        run(job, [this](const Page &p) {
            m_record.indexPath = p.path;
            m_record.indexUrl = p.url;
        });
    });
    // 3. Every part with its content and navigation.
    for (int i = 0; i < count; ++i) {
        m_steps.append([=] {
            Q_EMIT progress(tr("Linking part %1 of %2…").arg(i + 1).arg(count));
            const NodeList content = SeriesSplitter::withNavigation(
                m_parts[i], m_record.indexUrl, i > 0 ? m_record.partUrls[i - 1] : QString(),
                i + 1 < count ? m_record.partUrls[i + 1] : QString());
            run(m_client->editPage(
                    pageRequest(m_record.partPaths[i],
                                SeriesSplitter::partTitle(m_request.title, i + 1, count), content)),
                [](const Page &) {});
        });
    }
    // 4. Parts left over from a longer earlier version point to the contents.
    for (int i = count; i < m_record.partPaths.size(); ++i) {
        m_steps.append([=] {
            const NodeList content = SeriesSplitter::withNavigation(
                {Node::element(QStringLiteral("p"), {},
                               {Node::text(tr("This part is no longer in the series."))})},
                m_record.indexUrl, {}, {});
            run(m_client->editPage(pageRequest(m_record.partPaths[i], m_request.title, content)),
                [](const Page &) {});
        });
    }
    next();
    return true;
}

void SeriesPublisher::next()
{
    if (m_steps.isEmpty()) {
        // Forget pages beyond the current parts only after they were edited.
        m_record.partPaths = m_record.partPaths.mid(0, m_parts.size());
        m_record.partUrls = m_record.partUrls.mid(0, m_parts.size());
        m_busy = false;
        Q_EMIT finished(true, QString());
        return;
    }
    m_current = m_steps.takeFirst();
    m_current();
}

void SeriesPublisher::waitThenRetry(int seconds)
{
    m_waitLeft = qMax(1, seconds);
    Q_EMIT floodWait(m_waitLeft);
    Q_EMIT progress(
        tr("Telegraph asks to wait %n second(s); the series continues then.", nullptr, m_waitLeft));
    m_countdown.start();
}

void SeriesPublisher::tick()
{
    --m_waitLeft;
    Q_EMIT floodWait(qMax(0, m_waitLeft));
    if (m_waitLeft > 0) {
        Q_EMIT progress(tr("Telegraph asks to wait %n second(s); the series continues then.",
                           nullptr, m_waitLeft));
        return;
    }
    m_countdown.stop();
    if (m_busy && m_current)
        m_current();
}

void SeriesPublisher::fail(const QString &error)
{
    m_countdown.stop();
    m_current = nullptr;
    m_steps.clear();
    m_busy = false;
    Q_EMIT finished(false, error);
}

} // namespace tg
