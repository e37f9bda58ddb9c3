// SPDX-License-Identifier: MIT
#include "workflow/unpublisher.h"

#include "api/apierror.h"
#include "api/apirequests.h"
#include "api/pagejob.h"
#include "api/telegraphclient.h"
#include "content/node.h"
#include "storage/draftstore.h"
#include "workflow/contentconverter.h"
#include "workflow/publisher.h"

#include <QJsonDocument>

namespace tg {

Unpublisher::Unpublisher(TelegraphClient *client, DraftStore *drafts, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_drafts(drafts)
{}

Unpublisher::~Unpublisher()
{
    cancel();
}

QString Unpublisher::defaultNotice()
{
    return tr("This page has been unpublished by its author.");
}

void Unpublisher::cancel()
{
    if (m_job)
        m_job->cancel();
}

void Unpublisher::fail(const QString &what, const ApiError &error)
{
    QString reason;
    switch (error.category) {
    case ApiError::Category::Network:
    case ApiError::Category::Timeout:
    case ApiError::Category::Tls:
        reason = tr("the server could not be reached (%1)").arg(error.message);
        break;
    case ApiError::Category::FloodWait:
        reason =
            tr("Telegraph asks to wait %n second(s); try again then", nullptr, error.floodSeconds);
        break;
    case ApiError::Category::Api:
        reason = error.code == QLatin1String("PAGE_NOT_FOUND")
                     ? tr("there is no such page")
                     : tr("the server refused: %1").arg(error.code);
        break;
    case ApiError::Category::Cancelled:
        reason = tr("cancelled");
        break;
    default:
        reason = error.message.isEmpty() ? error.toString() : error.message;
        break;
    }
    Q_EMIT failed(what.arg(reason));
}

bool Unpublisher::unpublish(const QString &pathOrUrl, const QString &notice)
{
    const QString path = pagePathFrom(pathOrUrl);
    const QString text = notice.trimmed();
    if (isBusy()) {
        Q_EMIT failed(tr("Another page is being changed; try again when it is done."));
        return false;
    }
    if (path.isEmpty()) {
        Q_EMIT failed(tr("No page was given to unpublish."));
        return false;
    }
    if (text.isEmpty()) {
        Q_EMIT failed(tr("Write the notice the page should show instead of its content."));
        return false;
    }
    if (text.size() > MaxNoticeLength) {
        Q_EMIT failed(tr("The notice is %1 characters long; keep it under %2.")
                          .arg(text.size())
                          .arg(MaxNoticeLength));
        return false;
    }
    GetPageRequest req;
    req.path = path;
    req.returnContent = true;
    req.accessToken = m_client->accessToken();
    Q_EMIT progress(tr("Fetching %1 to keep its content…").arg(path));
    PageJob *job = m_client->getPage(req);
    job->setAutoDelete(true);
    m_job = job;
    connect(job, &ApiJob::failed, this, [this, path](const ApiError &error) {
        m_job.clear();
        fail(tr("%1 was not unpublished and is unchanged: %2").arg(path, QStringLiteral("%1")),
             error);
    });
    connect(job, &ApiJob::succeeded, this, [this, job, text] {
        m_job.clear();
        const Page page = job->page();
        // Keep the current content before anything on the server changes.
        Draft draft;
        bool found = false;
        m_drafts->flush();
        for (const Draft &d : m_drafts->drafts()) {
            if (d.pagePath == page.path) {
                draft = d;
                found = true;
                break;
            }
        }
        const EditableSource source = editableSource(page.content);
        if (!found) {
            draft = Draft::create(source.format);
            draft.title = page.title;
            draft.authorName = page.authorName;
            draft.authorUrl = page.authorUrl;
            draft.body = source.body;
            draft.pagePath = page.path;
            draft.pageUrl = page.url;
            m_drafts->save(draft);
            m_drafts->flush();
        }
        Revision r;
        r.draftId = draft.id;
        r.pagePath = page.path;
        r.pageUrl = page.url;
        r.created = QDateTime::currentDateTimeUtc();
        r.title = page.title;
        r.authorName = page.authorName;
        r.authorUrl = page.authorUrl;
        r.body = source.body;
        r.format = source.format;
        r.contentJson = toJson(page.content);
        const qint64 revisionId = m_drafts->addRevision(r);
        if (revisionId <= 0) {
            Q_EMIT failed(tr("%1 was not unpublished and is unchanged: its content could not be "
                             "kept in the drafts database.")
                              .arg(page.path));
            return;
        }
        PageRequest edit;
        edit.path = page.path;
        edit.title = page.title;
        edit.authorName = page.authorName;
        edit.authorUrl = page.authorUrl;
        edit.content.append(Node::element(QStringLiteral("p"), {}, {Node::text(text)}));
        edit.accessToken = m_client->accessToken();
        Q_EMIT progress(tr("Replacing the content of %1 with the notice…").arg(page.path));
        PageJob *editJob = m_client->editPage(edit);
        editJob->setAutoDelete(true);
        m_job = editJob;
        const QString draftId = draft.id;
        const QString path = page.path;
        connect(editJob, &ApiJob::failed, this, [this, path](const ApiError &error) {
            m_job.clear();
            fail(tr("%1 was not unpublished and is unchanged (its content is kept as a local "
                    "revision all the same): %2")
                     .arg(path, QStringLiteral("%1")),
                 error);
        });
        connect(editJob, &ApiJob::succeeded, this, [this, path, draftId, revisionId] {
            m_job.clear();
            Q_EMIT unpublished(path, draftId, revisionId);
        });
    });
    return true;
}

bool Unpublisher::restore(qint64 revisionId)
{
    if (isBusy()) {
        Q_EMIT failed(tr("Another page is being changed; try again when it is done."));
        return false;
    }
    const std::optional<Revision> r = m_drafts->revision(revisionId);
    if (!r || r->pagePath.isEmpty()) {
        Q_EMIT failed(tr("There is no kept revision %1 of a published page.").arg(revisionId));
        return false;
    }
    const NodeParseResult content = nodesFromJson(r->contentJson);
    if (!content.ok()) {
        Q_EMIT failed(
            tr("The kept content of %1 cannot be read: %2").arg(r->pagePath, content.error));
        return false;
    }
    PageRequest edit;
    edit.path = r->pagePath;
    edit.title = r->title;
    edit.authorName = r->authorName;
    edit.authorUrl = r->authorUrl;
    edit.content = content.nodes;
    edit.accessToken = m_client->accessToken();
    Q_EMIT progress(tr("Publishing the kept content of %1 again…").arg(r->pagePath));
    PageJob *job = m_client->editPage(edit);
    job->setAutoDelete(true);
    m_job = job;
    const QString path = r->pagePath;
    connect(job, &ApiJob::failed, this, [this, path](const ApiError &error) {
        m_job.clear();
        fail(tr("%1 was not published again: %2").arg(path, QStringLiteral("%1")), error);
    });
    connect(job, &ApiJob::succeeded, this, [this, path] {
        m_job.clear();
        Q_EMIT restored(path);
    });
    return true;
}

} // namespace tg
