// SPDX-License-Identifier: MIT
#include "workflow/unpublishflow.h"

#include "api/apirequests.h"
#include "api/pagejob.h"
#include "api/telegraphclient.h"
#include "storage/draftstore.h"
#include "workflow/contentconverter.h"

namespace tg {

UnpublishFlow::UnpublishFlow(TelegraphClient *client, DraftStore *drafts, QObject *parent)
    : PublishFlow(client, parent)
    , m_drafts(drafts)
{}

QString UnpublishFlow::defaultNotice()
{
    return tr("This page has been unpublished by its author.");
}

QString UnpublishFlow::title() const
{
    return m_kind == PublishResult::Kind::Restore ? tr("Restoring") : tr("Unpublishing");
}

void UnpublishFlow::refuse(const QString &message)
{
    PublishResult r;
    r.error = ApiError::make(ApiError::Category::Validation, message);
    r.message = message;
    finish(r);
}

bool UnpublishFlow::unpublish(const QString &pathOrUrl, const QString &notice)
{
    if (isBusy())
        return false;
    m_kind = PublishResult::Kind::Unpublish;
    begin();
    const QString path = pagePathFrom(pathOrUrl);
    const QString text = notice.trimmed();
    if (path.isEmpty()) {
        refuse(tr("No page was given to unpublish."));
        return true;
    }
    if (text.isEmpty()) {
        refuse(tr("Write the notice the page should show instead of its content."));
        return true;
    }
    if (text.size() > MaxNoticeLength) {
        refuse(tr("The notice is %n characters long; keep it under %1.", nullptr, int(text.size()))
                   .arg(MaxNoticeLength));
        return true;
    }
    GetPageRequest req;
    req.path = path;
    req.returnContent = true;
    req.accessToken = client()->accessToken();
    Q_EMIT progress(tr("Fetching %1 to keep its content…").arg(path));
    PageJob *job = client()->getPage(req);
    run(
        job, [this, job, text] { keepAndReplace(job->page(), text); },
        [this, path](const ApiError &error) {
            PublishResult r = failure(
                error,
                tr("%1 was not unpublished and is unchanged: %2").arg(path, QStringLiteral("%1")));
            r.path = path;
            finish(r);
        });
    return true;
}

void UnpublishFlow::keepAndReplace(const Page &page, const QString &text)
{
    // Keep the current content before anything on the server changes.
    Draft draft;
    bool found = false;
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
    Revision rev;
    rev.draftId = draft.id;
    rev.pagePath = page.path;
    rev.pageUrl = page.url;
    rev.created = QDateTime::currentDateTimeUtc();
    rev.title = page.title;
    rev.authorName = page.authorName;
    rev.authorUrl = page.authorUrl;
    rev.body = source.body;
    rev.format = source.format;
    rev.contentJson = toJson(page.content);
    const qint64 revisionId = m_drafts->addRevision(rev);
    if (revisionId <= 0) {
        refuse(tr("%1 was not unpublished and is unchanged: its content could not be kept in the "
                  "drafts database.")
                   .arg(page.path));
        return;
    }
    PublishResult kept;
    kept.path = page.path;
    kept.url = page.url;
    kept.draftId = draft.id;
    kept.revisionId = revisionId;
    kept.content = page.content;
    PageRequest edit;
    edit.path = page.path;
    edit.title = page.title;
    edit.authorName = page.authorName;
    edit.authorUrl = page.authorUrl;
    edit.content.append(Node::element(QStringLiteral("p"), {}, {Node::text(text)}));
    edit.accessToken = client()->accessToken();
    Q_EMIT progress(tr("Replacing the content of %1 with the notice…").arg(page.path));
    run(
        client()->editPage(edit),
        [this, kept] {
            PublishResult r = kept;
            r.ok = true;
            const std::optional<Draft> d = m_drafts->draft(kept.draftId);
            r.message = tr("%1 is unpublished. Its content is kept in the draft “%2”: "
                           "File → Revisions… restores it.")
                            .arg(kept.path, d ? d->title : QString());
            finish(r);
        },
        [this, kept](const ApiError &error) {
            PublishResult r = failure(
                error, tr("%1 was not unpublished and is unchanged (its content is kept as a local "
                          "revision all the same): %2")
                           .arg(kept.path, QStringLiteral("%1")));
            r.path = kept.path;
            r.draftId = kept.draftId;
            r.revisionId = kept.revisionId;
            finish(r);
        });
}

bool UnpublishFlow::restore(qint64 revisionId)
{
    if (isBusy())
        return false;
    m_kind = PublishResult::Kind::Restore;
    begin();
    const std::optional<Revision> rev = m_drafts->revision(revisionId);
    if (!rev || rev->pagePath.isEmpty()) {
        refuse(tr("There is no kept revision %1 of a published page.").arg(revisionId));
        return true;
    }
    const NodeParseResult content = nodesFromJson(rev->contentJson);
    if (!content.ok()) {
        refuse(tr("The kept content of %1 cannot be read: %2").arg(rev->pagePath, content.error));
        return true;
    }
    PageRequest edit;
    edit.path = rev->pagePath;
    edit.title = rev->title;
    edit.authorName = rev->authorName;
    edit.authorUrl = rev->authorUrl;
    edit.content = content.nodes;
    edit.accessToken = client()->accessToken();
    Q_EMIT progress(tr("Publishing the kept content of %1 again…").arg(rev->pagePath));
    const QString path = rev->pagePath;
    run(
        client()->editPage(edit),
        [this, path, revisionId] {
            PublishResult r;
            r.ok = true;
            r.path = path;
            r.revisionId = revisionId;
            r.message = tr("%1 is published again.").arg(path);
            finish(r);
        },
        [this, path](const ApiError &error) {
            PublishResult r = failure(
                error, tr("%1 was not published again: %2").arg(path, QStringLiteral("%1")));
            r.path = path;
            finish(r);
        });
    return true;
}

} // namespace tg
