// SPDX-License-Identifier: MIT
#include "workflow/seriesflow.h"

#include "api/apirequests.h"
#include "api/pagejob.h"
#include "api/telegraphclient.h"
#include "storage/draftstore.h"
#include "workflow/seriessplitter.h"

#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace tg {

SeriesFlow::SeriesFlow(TelegraphClient *client, QSettings *settings, DraftStore *store,
                       QObject *parent)
    : PublishFlow(client, parent)
    , m_settings(settings)
    , m_store(store)
{}

SeriesFlow::~SeriesFlow()
{
    m_watcher.waitForFinished();
}

QString SeriesFlow::title() const
{
    return tr("Publishing the series");
}

bool SeriesFlow::publish(const Draft &draft, const std::optional<NodeList> &content)
{
    if (!begin())
        return false;
    m_draft = draft;
    m_record = m_settings ? SeriesRecord::load(*m_settings, draft.id) : SeriesRecord();
    m_steps.clear();
    if (draft.title.trimmed().isEmpty()) {
        end(false, ApiError::make(ApiError::Category::Validation, tr("the title is empty")));
        return true;
    }
    if (content) {
        start(*content);
        return true;
    }
    Q_EMIT progress(tr("Preparing the content…"));
    const ConversionInput in{0,          draft.title, draft.authorName, draft.authorUrl,
                             draft.body, draft.format};
    const quint64 run = generation();
    disconnect(&m_watcher, nullptr, this, nullptr);
    connect(&m_watcher, &QFutureWatcher<ConversionResult>::finished, this, [this, run] {
        if (run == generation() && isBusy())
            start(m_watcher.result().nodes);
    });
    m_watcher.setFuture(QtConcurrent::run([in] { return convertContent(in); }));
    return true;
}

void SeriesFlow::start(const NodeList &content)
{
    const SeriesSplitter::Result split = SeriesSplitter::split(content);
    if (!split.ok()) {
        end(false, ApiError::make(ApiError::Category::Validation, split.error));
        return;
    }
    m_parts = split.parts;
    if (m_store)
        m_store->save(m_draft);
    buildSteps();
    next();
}

void SeriesFlow::buildSteps()
{
    const int count = int(m_parts.size());
    auto pageRequest = [this](const QString &path, const QString &title, const NodeList &content) {
        PageRequest r;
        r.path = path;
        r.title = title.left(256);
        if (!m_draft.authorName.isEmpty())
            r.authorName = m_draft.authorName;
        if (!m_draft.authorUrl.isEmpty())
            r.authorUrl = m_draft.authorUrl;
        r.content = content;
        return r;
    };
    // Runs a job and continues with the next step once it succeeded.
    auto step = [this](PageJob *job, std::function<void(const Page &)> done) {
        run(
            job,
            [this, job, done] {
                done(job->page());
                next();
            },
            [this](const ApiError &error) { end(false, error); });
    };
    const QString placeholderText = tr("This part of the series is being published.");
    const QString title = m_draft.title;

    // 1. Create the parts that have no page yet (their links come later).
    for (int i = int(m_record.partPaths.size()); i < count; ++i) {
        m_steps.append([=] {
            Q_EMIT progress(tr("Creating part %1 of %2…").arg(i + 1).arg(count));
            const NodeList content = {
                Node::element(QStringLiteral("p"), {}, {Node::text(placeholderText)})};
            step(client()->createPage(
                     pageRequest({}, SeriesSplitter::partTitle(title, i + 1, count), content)),
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
            titles << SeriesSplitter::partTitle(title, i + 1, count);
        const NodeList content =
            SeriesSplitter::indexContent(titles, m_record.partUrls.mid(0, count));
        const PageRequest r = pageRequest(m_record.indexPath, title, content);
        step(m_record.indexPath.isEmpty() ? client()->createPage(r) : client()->editPage(r),
             [this](const Page &p) {
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
            step(client()->editPage(pageRequest(m_record.partPaths[i],
                                                SeriesSplitter::partTitle(title, i + 1, count),
                                                content)),
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
            step(client()->editPage(pageRequest(m_record.partPaths[i], title, content)),
                 [](const Page &) {});
        });
    }
}

void SeriesFlow::next()
{
    if (!isBusy())
        return;
    if (m_steps.isEmpty()) {
        // Forget pages beyond the current parts only after they were edited.
        m_record.partPaths = m_record.partPaths.mid(0, m_parts.size());
        m_record.partUrls = m_record.partUrls.mid(0, m_parts.size());
        end(true, ApiError());
        return;
    }
    m_steps.takeFirst()();
}

void SeriesFlow::cancelIdle()
{
    end(false, ApiError::make(ApiError::Category::Cancelled, tr("Cancelled")));
}

void SeriesFlow::end(bool ok, const ApiError &error)
{
    m_steps.clear();
    // Remember even a partial run, so a retry edits the pages already created.
    if (m_settings && !m_record.isEmpty())
        m_record.save(*m_settings, m_draft.id);
    PublishResult r;
    if (!ok)
        r = failure(error, error.category == ApiError::Category::Validation
                               ? tr("Not published: %1")
                               : tr("The series was not fully published: %1"));
    r.ok = ok;
    r.series = m_record;
    r.draftId = m_draft.id;
    r.path = m_record.indexPath;
    r.url = m_record.indexUrl;
    if (ok)
        r.message =
            tr("Published as a series of %n part(s): %1", nullptr, int(m_record.partPaths.size()))
                .arg(m_record.indexUrl);
    finish(r);
}

} // namespace tg
