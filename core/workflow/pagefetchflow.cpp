// SPDX-License-Identifier: MIT
#include "workflow/pagefetchflow.h"

#include "api/apirequests.h"
#include "api/pagejob.h"
#include "api/telegraphclient.h"
#include "storage/draftstore.h"
#include "workflow/contentconverter.h"

namespace tg {

PageFetchFlow::PageFetchFlow(TelegraphClient *client, DraftStore *store, QObject *parent)
    : PublishFlow(client, parent)
    , m_store(store)
{}

QString PageFetchFlow::title() const
{
    return tr("Opening a page");
}

bool PageFetchFlow::fetch(const QString &pathOrUrl)
{
    if (!begin())
        return false;
    GetPageRequest req;
    req.path = pagePathFrom(pathOrUrl);
    req.returnContent = true;
    req.accessToken = client()->accessToken();
    Q_EMIT progress(tr("Opening %1…").arg(pathOrUrl));
    PageJob *job = client()->getPage(req);
    run(
        job,
        [this, job] {
            const Page &p = job->page();
            PublishResult r;
            r.ok = true;
            r.path = p.path;
            r.url = p.url;
            r.page = p;
            Draft d = Draft::create();
            d.title = p.title;
            d.authorName = p.authorName;
            d.authorUrl = p.authorUrl;
            d.pagePath = p.path;
            d.pageUrl = p.url;
            const EditableSource source = editableSource(p.content);
            d.format = source.format;
            d.body = source.body;
            r.draft = d;
            r.draftId = d.id;
            r.message = source.format == DraftFormat::Markdown
                            ? tr("Opened %1 as Markdown.").arg(p.url)
                            : tr("Opened %1 as HTML: Markdown would lose something (%2).")
                                  .arg(p.url, source.why);
            if (m_store)
                m_store->save(d);
            finish(r);
        },
        [this](const ApiError &error) {
            finish(failure(error, tr("Could not open the page: %1")));
        });
    return true;
}

} // namespace tg
