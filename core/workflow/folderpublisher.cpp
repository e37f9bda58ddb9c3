// SPDX-License-Identifier: MIT
#include "workflow/folderpublisher.h"

#include "api/imagehost.h"
#include "api/telegraphclient.h"
#include "content/validation.h"
#include "workflow/folderlinks.h"
#include "workflow/frontmatter.h"
#include "workflow/seriessplitter.h"

#include <QDateTime>
#include <QFileInfo>
#include <QRegularExpression>

namespace tg {

FolderPublisher::FolderPublisher(TelegraphClient *client, ImageHost *images, QObject *parent)
    : PublishFlow(client, parent)
    , m_images(images)
{}

FolderPublisher::~FolderPublisher() = default;

QString FolderPublisher::title() const
{
    return tr("Publishing the folder");
}

bool FolderPublisher::publish(const FolderPlan &plan, const FolderPublishOptions &options)
{
    if (!begin())
        return false;
    m_plan = plan;
    m_mapping = plan.mapping;
    m_options = options;
    m_summary = {};
    m_created.clear();
    m_updated.clear();
    m_steps.clear();
    m_done = 0;
    m_total = 0;
    if (!plan.ok()) {
        end(false, ApiError::make(ApiError::Category::Validation, plan.error));
        return true;
    }
    planSteps();
    Q_EMIT stepProgress(0, m_total);
    next();
    return true;
}

void FolderPublisher::planSteps()
{
    QList<int> selected;
    bool needAuthor = false;
    for (const FolderPlanItem &item : std::as_const(m_plan.items)) {
        if (item.source < 0)
            continue;
        selected.append(item.source);
        if (m_plan.sources.at(item.source).authorName.isEmpty())
            needAuthor = true;
    }
    // The account's author for files that name none (a read, not a write).
    if (needAuthor && !selected.isEmpty()) {
        m_steps.append(
            Step{QString(), [this] {
                     Q_EMIT progress(tr("Reading the account…"));
                     AccountInfoRequest r;
                     r.fields = {QStringLiteral("author_name"), QStringLiteral("author_url")};
                     AccountJob *job = client()->getAccountInfo(r);
                     run(
                         job,
                         [this, job] {
                             m_accountAuthor = job->account().authorName;
                             m_accountAuthorUrl = job->account().authorUrl;
                             next();
                         },
                         [this](const ApiError &error) { end(false, error); });
                 }});
    }
    // 1. Images not in the cache, once per content.
    QSet<QString> hashes;
    for (const int i : std::as_const(selected)) {
        const FolderSource &s = m_plan.sources.at(i);
        FolderLinks::visit(s.content, [&](const QString &address, bool image) {
            if (!image)
                return;
            const QString file = FolderLinks::resolve(s.file, address);
            const auto it = m_plan.images.constFind(file);
            if (it == m_plan.images.constEnd() || m_mapping.images.contains(it->hash) ||
                hashes.contains(it->hash))
                return;
            hashes.insert(it->hash);
            const FolderImage img = *it;
            ++m_total;
            m_steps.append(Step{QString(), [this, img] {
                                    uploadImage(img);
                                }});
        });
    }
    // 2. Pages of new files, those whose links are all known first (fewer second edits).
    QList<int> toCreate;
    QStringList pending;
    for (const int i : std::as_const(selected)) {
        const QString &file = m_plan.sources.at(i).file;
        const auto entry = m_mapping.pages.constFind(file);
        if (entry == m_mapping.pages.constEnd() || entry->isPending())
            toCreate.append(i);
        if (entry != m_mapping.pages.constEnd() && entry->isPending())
            pending.append(file);
    }
    if (!pending.isEmpty()) {
        // A run killed while creating these may have made their pages: look for them first.
        m_steps.append(Step{QString(), [this, pending] {
                                Q_EMIT progress(tr("Looking for pages of an interrupted run…"));
                                PageListRequest r;
                                r.limit = 200;
                                PageListJob *job = client()->getPageList(r);
                                run(
                                    job,
                                    [this, job, pending] {
                                        adopt(job->pageList().pages, pending);
                                        if (saveMapping())
                                            next();
                                    },
                                    [this](const ApiError &error) { end(false, error); });
                            }});
    }
    QSet<QString> known;
    for (auto it = m_mapping.pages.constBegin(); it != m_mapping.pages.constEnd(); ++it) {
        if (!it->isPending())
            known.insert(it.key());
    }
    QList<int> ordered;
    while (!toCreate.isEmpty()) {
        qsizetype pick = 0;
        for (qsizetype k = 0; k < toCreate.size(); ++k) {
            const QStringList &links = m_plan.sources.at(toCreate.at(k)).links;
            if (std::all_of(links.begin(), links.end(),
                            [&known](const QString &l) { return known.contains(l); })) {
                pick = k;
                break;
            }
        }
        const int chosen = toCreate.takeAt(pick);
        known.insert(m_plan.sources.at(chosen).file);
        ordered.append(chosen);
    }
    for (const int i : std::as_const(ordered)) {
        ++m_total;
        m_steps.append(Step{QString(), [this, i] {
                                createPage(i);
                            }});
    }
    // 3. Every selected page with its links resolved, edited where it differs.
    for (const int i : std::as_const(selected)) {
        ++m_total;
        m_steps.append(Step{QString(), [this, i] {
                                checkPage(i);
                            }});
    }
    // 4. Pages of deleted files, only when asked.
    if (m_options.unpublishRemoved) {
        for (const FolderPlanItem &item : std::as_const(m_plan.items)) {
            if (item.action != FolderAction::Removed)
                continue;
            ++m_total;
            const QString file = item.file;
            m_steps.append(Step{QString(), [this, file] {
                                    unpublish(file);
                                }});
        }
    }
}

void FolderPublisher::adopt(const QList<Page> &pages, const QStringList &pending)
{
    QSet<QString> known;
    for (const FolderPageRecord &r : std::as_const(m_mapping.pages)) {
        known.insert(r.path);
        for (const QString &p : r.partPaths)
            known.insert(p);
    }
    static const QRegularExpression datePattern(QStringLiteral("-(\\d{2})-(\\d{2})(?:-\\d+)?$"));
    for (const QString &file : pending) {
        const int index = m_plan.sourceIndex.value(file, -1);
        if (index < 0)
            continue;
        const QString title = m_plan.sources.at(index).title.left(FrontMatter::MaxTitleLength);
        const QDate since =
            QDate::fromString(m_mapping.pages.value(file).pendingSince, Qt::ISODate);
        for (const Page &page : pages) {
            if (page.title != title || known.contains(page.path))
                continue;
            const QRegularExpressionMatch m = datePattern.match(page.path);
            if (!m.hasMatch())
                continue;
            const int month = m.captured(1).toInt();
            const int day = m.captured(2).toInt();
            const QDate next = since.addDays(1);
            if (!((month == since.month() && day == since.day()) ||
                  (month == next.month() && day == next.day())))
                continue;
            FolderPageRecord r;
            r.path = page.path;
            r.url = page.url; // no hashes: the page is edited to the file's content
            m_mapping.pages.insert(file, r);
            known.insert(page.path);
            break;
        }
    }
}

void FolderPublisher::next()
{
    if (!isBusy())
        return;
    if (m_steps.isEmpty()) {
        end(true, ApiError());
        return;
    }
    const Step step = m_steps.takeFirst();
    step.run();
}

void FolderPublisher::stepDone()
{
    ++m_done;
    Q_EMIT stepProgress(m_done, m_total);
    next();
}

bool FolderPublisher::saveMapping()
{
    QString error;
    if (m_mapping.save(m_plan.directory, &error))
        return true;
    end(false, ApiError::make(ApiError::Category::Validation, error, QStringLiteral("MAPPING")));
    return false;
}

PageRequest FolderPublisher::request(const FolderSource &source, const QString &path,
                                     const QString &title, const NodeList &content) const
{
    PageRequest r;
    r.path = path;
    r.title = title.left(FrontMatter::MaxTitleLength);
    const QString author = source.authorName.isEmpty() ? m_accountAuthor : source.authorName;
    const QString authorUrl = source.authorName.isEmpty() && source.authorUrl.isEmpty()
                                  ? m_accountAuthorUrl
                                  : source.authorUrl;
    if (!author.isEmpty())
        r.authorName = author;
    if (!authorUrl.isEmpty())
        r.authorUrl = authorUrl;
    r.content = content;
    return r;
}

void FolderPublisher::sendPage(const QString &file, bool edit, const PageRequest &request,
                               std::function<void(const Page &)> done)
{
    PageJob *job = edit ? client()->editPage(request) : client()->createPage(request);
    run(
        job,
        [this, job, done] {
            ++m_summary.writes;
            done(job->page());
        },
        [this, file](const ApiError &error) {
            if (error.category == ApiError::Category::Validation) {
                if (m_mapping.pages.value(file).isPending()) {
                    m_mapping.pages.remove(file);
                    if (!saveMapping())
                        return;
                }
                // Refused before sending: this file fails, the others go on.
                m_summary.failures << file + QStringLiteral(": ") + error.message;
                // The rest of this file's series steps go too.
                while (!m_steps.isEmpty() && m_steps.first().subOf == file)
                    m_steps.removeFirst();
                stepDone();
                return;
            }
            end(false, error);
        });
}

void FolderPublisher::uploadImage(const FolderImage &image)
{
    if (!m_images) {
        end(false,
            ApiError::make(ApiError::Category::Validation,
                           tr("%1 needs uploading, but no image host is set up").arg(image.file)));
        return;
    }
    Q_EMIT progress(tr("Uploading %1…").arg(image.file));
    UploadJob *job = m_images->upload(image.absolutePath);
    run(
        job,
        [this, job, image] {
            m_mapping.images.insert(image.hash, job->url().toString());
            ++m_summary.imagesUploaded;
            if (saveMapping())
                stepDone();
        },
        [this, image](const ApiError &error) {
            ApiError e = error;
            e.message = tr("%1: %2").arg(image.file, error.message);
            end(false, e);
        });
}

void FolderPublisher::createPage(int index)
{
    const FolderSource &s = m_plan.sources.at(index);
    if (const auto entry = m_mapping.pages.constFind(s.file);
        entry != m_mapping.pages.constEnd() && !entry->isPending()) {
        stepDone(); // found as made by an interrupted run
        return;
    }
    Q_EMIT progress(tr("Creating the page of %1…").arg(s.file));
    NodeList content;
    QString hash;
    if (s.tooBig) {
        // The contents page comes first so that links to the series have a URL; the parts and
        // the real contents follow when the page is checked.
        content = {Node::element(QStringLiteral("p"), {},
                                 {Node::text(tr("This series is being published."))})};
    } else {
        content = FolderPlanner::resolvedContent(m_plan, s, m_mapping, QString());
        hash = FolderPlanner::contentHash(s, content);
    }
    const QString file = s.file;
    const QString sourceHash = s.sourceHash;
    // Remembered before sending, so a run killed before the answer can find the page later.
    FolderPageRecord pending;
    pending.pendingSince = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    m_mapping.pages.insert(file, pending);
    if (!saveMapping())
        return;
    sendPage(file, false, request(s, {}, s.title, content), [=](const Page &page) {
        FolderPageRecord r;
        r.path = page.path;
        r.url = page.url;
        r.sourceHash = sourceHash;
        r.contentHash = hash;
        m_mapping.pages.insert(file, r);
        m_created.insert(file);
        ++m_summary.created;
        if (!saveMapping())
            return;
        Q_EMIT pagePublished(file, page.url);
        stepDone();
    });
}

void FolderPublisher::checkPage(int index)
{
    const FolderSource &s = m_plan.sources.at(index);
    const auto entry = m_mapping.pages.constFind(s.file);
    if (entry == m_mapping.pages.constEnd() || entry->isPending()) {
        stepDone(); // its creation was refused (counted as a failure)
        return;
    }
    const NodeList content = FolderPlanner::resolvedContent(m_plan, s, m_mapping, QString());
    const QString hash = FolderPlanner::contentHash(s, content);
    const bool forced = m_options.force && !m_created.contains(s.file);
    if (!forced && hash == entry->contentHash) {
        if (entry->sourceHash != s.sourceHash) {
            // The file changed in a way the page does not show: remember it, send nothing.
            m_mapping.pages[s.file].sourceHash = s.sourceHash;
            if (!saveMapping())
                return;
        }
        if (!m_created.contains(s.file))
            ++m_summary.unchanged;
        stepDone();
        return;
    }
    if (s.tooBig || jsonSize(content) > MaxContentBytes || entry->isSeries()) {
        publishSeries(index, content, hash);
        return;
    }
    Q_EMIT progress(tr("Updating the page of %1…").arg(s.file));
    const QString file = s.file;
    const QString sourceHash = s.sourceHash;
    sendPage(file, true, request(s, entry->path, s.title, content), [=](const Page &) {
        FolderPageRecord &r = m_mapping.pages[file];
        r.sourceHash = sourceHash;
        r.contentHash = hash;
        if (!m_created.contains(file) && !m_updated.contains(file)) {
            m_updated.insert(file);
            ++m_summary.updated;
        }
        if (!saveMapping())
            return;
        Q_EMIT pagePublished(file, r.url);
        stepDone();
    });
}

void FolderPublisher::publishSeries(int index, const NodeList &content, const QString &hash)
{
    const FolderSource &s = m_plan.sources.at(index);
    const QString file = s.file;
    const bool fits = jsonSize(content) <= MaxContentBytes;
    QList<NodeList> parts;
    if (!fits) {
        const SeriesSplitter::Result split = SeriesSplitter::split(content);
        if (!split.ok()) {
            m_summary.failures << file + QStringLiteral(": ") + split.error;
            stepDone();
            return;
        }
        parts = split.parts;
    }
    const int count = int(parts.size());
    const QString title = s.title;
    const QString placeholder = tr("This part of the series is being published.");
    QList<std::function<void()>> steps;
    auto record = [this, file]() -> FolderPageRecord & {
        return m_mapping.pages[file];
    };
    auto then = [this] {
        next();
    };
    // Parts that do not exist yet.
    const int existing = int(m_mapping.pages.value(file).partPaths.size());
    for (int i = existing; i < count; ++i) {
        steps.append([=] {
            Q_EMIT progress(tr("Creating part %1 of %2 of %3…").arg(i + 1).arg(count).arg(file));
            const NodeList body = {
                Node::element(QStringLiteral("p"), {}, {Node::text(placeholder)})};
            sendPage(file, false,
                     request(s, {}, SeriesSplitter::partTitle(title, i + 1, count), body),
                     [=](const Page &p) {
                         record().partPaths.append(p.path);
                         record().partUrls.append(p.url);
                         if (saveMapping())
                             then();
                     });
        });
    }
    // The contents page (or the whole content, when it fits on one page again).
    steps.append([=] {
        Q_EMIT progress(tr("Publishing the contents page of %1…").arg(file));
        NodeList body = content;
        if (!fits) {
            QStringList titles;
            for (int i = 0; i < count; ++i)
                titles << SeriesSplitter::partTitle(title, i + 1, count);
            body = SeriesSplitter::indexContent(titles, record().partUrls.mid(0, count));
        }
        sendPage(file, true, request(s, record().path, title, body), [=](const Page &) { then(); });
    });
    // Every part with its content and navigation; parts beyond the current count point to the
    // contents page.
    const int total = qMax(count, existing);
    for (int i = 0; i < total; ++i) {
        steps.append([=] {
            const FolderPageRecord &r = record();
            if (i >= r.partPaths.size()) {
                then();
                return;
            }
            NodeList body;
            QString partTitle = title;
            if (i < count) {
                Q_EMIT progress(tr("Linking part %1 of %2 of %3…").arg(i + 1).arg(count).arg(file));
                body = SeriesSplitter::withNavigation(
                    parts.at(i), r.url, i > 0 ? r.partUrls.at(i - 1) : QString(),
                    i + 1 < count ? r.partUrls.at(i + 1) : QString());
                partTitle = SeriesSplitter::partTitle(title, i + 1, count);
            } else {
                body = SeriesSplitter::withNavigation(
                    {Node::element(QStringLiteral("p"), {},
                                   {Node::text(tr("This part is no longer in the series."))})},
                    r.url, {}, {});
            }
            sendPage(file, true, request(s, r.partPaths.at(i), partTitle, body),
                     [=](const Page &) { then(); });
        });
    }
    const QString sourceHash = s.sourceHash;
    steps.append([=] {
        FolderPageRecord &r = record();
        r.partPaths = r.partPaths.mid(0, count);
        r.partUrls = r.partUrls.mid(0, count);
        r.sourceHash = sourceHash;
        r.contentHash = hash;
        if (!m_created.contains(file) && !m_updated.contains(file)) {
            m_updated.insert(file);
            ++m_summary.updated;
        }
        if (!saveMapping())
            return;
        Q_EMIT pagePublished(file, r.url);
        stepDone();
    });
    for (qsizetype k = steps.size() - 1; k >= 0; --k)
        m_steps.prepend(Step{file, steps.at(k)});
    next();
}

void FolderPublisher::unpublish(const QString &file)
{
    const FolderPageRecord r = m_mapping.pages.value(file);
    Q_EMIT progress(tr("Marking the page of %1 as removed…").arg(file));
    PageRequest req;
    req.path = r.path;
    req.title = QFileInfo(file).completeBaseName().left(FrontMatter::MaxTitleLength);
    if (req.title.trimmed().isEmpty())
        req.title = file.left(FrontMatter::MaxTitleLength);
    req.content = {
        Node::element(QStringLiteral("p"), {},
                      {Node::text(tr("This page was removed; its file is no longer published."))})};
    sendPage(file, true, req, [this, file](const Page &) {
        m_mapping.pages.remove(file);
        ++m_summary.removed;
        if (saveMapping())
            stepDone();
    });
}

void FolderPublisher::cancelIdle()
{
    end(false, ApiError::make(ApiError::Category::Cancelled, tr("Cancelled")));
}

void FolderPublisher::end(bool ok, const ApiError &error)
{
    if (!isBusy())
        return;
    m_steps.clear();
    PublishResult r;
    if (!ok)
        r = failure(error, tr("The folder was not fully published: %1"));
    r.ok = ok;
    if (ok) {
        r.message = tr("Folder published: %1 created, %2 updated, %3 unchanged.")
                        .arg(m_summary.created)
                        .arg(m_summary.updated)
                        .arg(m_summary.unchanged);
        if (!m_summary.failures.isEmpty())
            r.message += u' ' + tr("%n file(s) could not be published: %1", nullptr,
                                   int(m_summary.failures.size()))
                                    .arg(m_summary.failures.join(QStringLiteral("; ")));
    }
    finish(r);
}

} // namespace tg
