// SPDX-License-Identifier: MIT
#include "workflow/draftpublishflow.h"

#include "api/apirequests.h"
#include "api/pagejob.h"
#include "api/telegraphclient.h"
#include "content/validation.h"
#include "storage/draftstore.h"
#include "workflow/errortext.h"

#include <QRandomGenerator>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace tg {

DraftPublishFlow::DraftPublishFlow(TelegraphClient *client, DraftStore *store, QObject *parent)
    : PublishFlow(client, parent)
    , m_store(store)
{
    qRegisterMetaType<ConversionResult>();
}

DraftPublishFlow::~DraftPublishFlow()
{
    m_watcher.waitForFinished();
}

QString DraftPublishFlow::randomTitle()
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    QString out;
    out.reserve(20);
    QRandomGenerator *random = QRandomGenerator::system();
    for (int i = 0; i < 20; ++i)
        out.append(QLatin1Char(alphabet[random->bounded(32)]));
    return out;
}

QString DraftPublishFlow::title() const
{
    return tr("Publishing");
}

bool DraftPublishFlow::publish(const PublishInput &input)
{
    if (!begin())
        return false;
    m_input = input;
    if (input.content) {
        // Converted by the caller: validated the way the server would.
        const QList<ValidationIssue> issues = validatePage(
            input.draft.title, input.draft.authorName, input.draft.authorUrl, *input.content);
        m_nodes = *input.content;
        if (issues.isEmpty()) {
            onConverted(*input.content, ContentIssue(), false);
        } else {
            ApiError e = ApiError::make(ApiError::Category::Validation, issues.first().message);
            e.code = issues.first().apiCode();
            PublishResult r = failure(e, tr("Not published: %1"));
            r.tooLong = e.code == QLatin1String("CONTENT_TOO_BIG");
            r.content = m_nodes;
            finish(r);
        }
        return true;
    }
    Q_EMIT progress(tr("Preparing the content…"));
    const Draft &d = input.draft;
    const ConversionInput in{0, d.title, d.authorName, d.authorUrl, d.body, d.format};
    const quint64 run = generation();
    disconnect(&m_watcher, nullptr, this, nullptr);
    connect(&m_watcher, &QFutureWatcher<ConversionResult>::finished, this, [this, run] {
        if (run != generation() || !isBusy())
            return; // cancelled meanwhile
        const ConversionResult result = m_watcher.result();
        m_nodes = result.nodes;
        onConverted(result.nodes, result.publishable() ? ContentIssue() : result.firstErrorIssue(),
                    result.bytes > contentLimitBytes());
    });
    m_watcher.setFuture(QtConcurrent::run([in] { return convertContent(in); }));
    return true;
}

void DraftPublishFlow::cancelIdle()
{
    PublishResult r = failure(ApiError::make(ApiError::Category::Cancelled, tr("Cancelled")),
                              tr("Not published: %1"));
    r.draftId = m_input.draft.id;
    finish(r);
}

void DraftPublishFlow::onConverted(const NodeList &nodes, const ContentIssue &error, bool tooLong)
{
    if (tooLong || !error.message.isEmpty()) {
        PublishResult r =
            failure(ApiError::make(ApiError::Category::Validation,
                                   error.message.isEmpty() ? tr("the text is too long for one page")
                                                           : error.message),
                    tr("Not published: %1"));
        r.tooLong = tooLong;
        if (!error.message.isEmpty()) {
            r.validationCode = error.validationCode;
            r.validationArgs = error.args;
        }
        r.content = nodes;
        r.draftId = m_input.draft.id;
        finish(r);
        return;
    }
    if (m_store)
        m_store->save(m_input.draft);
    send();
}

void DraftPublishFlow::send()
{
    const Draft &d = m_input.draft;
    PageRequest req;
    req.path = d.pagePath;
    req.title = d.title;
    req.authorName = d.authorName;
    req.authorUrl = d.authorUrl;
    req.content = m_nodes;
    req.returnContent = m_input.returnContent;
    const bool edit = !req.path.isEmpty();
    if (!edit && m_input.privateLink) {
        sendPrivate();
        return;
    }
    // Finishing a private link's title edits a page nobody was given yet: not an update.
    m_updating =
        edit && !(m_store && m_store->option(d.id, titlePendingOption()) == QLatin1String("1"));
    Q_EMIT progress(edit ? tr("Updating the page…") : tr("Publishing…"));
    PageJob *job = edit ? client()->editPage(req) : client()->createPage(req);
    run(
        job, [this, job] { onSent(job->page(), job->resultJson()); },
        [this](const ApiError &error) {
            PublishResult r = failure(error, tr("Not published: %1"));
            r.draftId = m_input.draft.id;
            finish(r);
        });
}

void DraftPublishFlow::sendPrivate()
{
    const Draft &d = m_input.draft;
    PageRequest req;
    req.title = randomTitle();
    req.authorName = d.authorName;
    req.authorUrl = d.authorUrl;
    req.content = m_nodes;
    m_updating = false;
    Q_EMIT progress(tr("Creating the page at a private link…"));
    PageJob *job = client()->createPage(req);
    run(
        job, [this, job] { onPrivateCreated(job->page()); },
        [this](const ApiError &error) {
            PublishResult r = failure(error, tr("Not published: %1"));
            r.draftId = m_input.draft.id;
            finish(r);
        });
}

void DraftPublishFlow::onPrivateCreated(const Page &created)
{
    // The page exists from now on: the draft keeps it whatever the next step does.
    if (m_store) {
        m_store->setOption(m_input.draft.id, titlePendingOption(), QStringLiteral("1"));
        recordPage(created.path, created.url);
    }
    m_input.draft.pagePath = created.path;
    m_input.draft.pageUrl = created.url;
    Q_EMIT pageCreated(m_input.draft.id, created.path, created.url);

    const Draft &d = m_input.draft;
    PageRequest req;
    req.path = created.path;
    req.title = d.title;
    req.authorName = d.authorName;
    req.authorUrl = d.authorUrl;
    req.content = m_nodes;
    req.returnContent = m_input.returnContent;
    Q_EMIT progress(tr("Setting the page's title…"));
    PageJob *job = client()->editPage(req);
    run(
        job, [this, job] { onSent(job->page(), job->resultJson()); },
        [this, created](const ApiError &error) {
            PublishResult r = failure(
                error, tr("The page was created at a private link, but its title is not set "
                          "yet: %1. Publish again to set it."));
            r.draftId = m_input.draft.id;
            r.path = created.path;
            r.url = created.url;
            r.page = created;
            r.titlePending = true;
            finish(r);
        });
}

void DraftPublishFlow::recordPage(const QString &path, const QString &url)
{
    // The newest text of the draft (it may have been edited meanwhile) gets the page.
    Draft current = m_store->draft(m_input.draft.id).value_or(m_input.draft);
    current.pagePath = path;
    current.pageUrl = url;
    m_store->save(current);
}

void DraftPublishFlow::onSent(const Page &page, const QByteArray &json)
{
    PublishResult r;
    r.ok = true;
    r.updated = m_updating;
    r.path = page.path;
    r.url = page.url;
    r.page = page;
    r.resultJson = json;
    r.content = m_nodes;
    r.draftId = m_input.draft.id;
    // Readable for non-Latin titles (the link itself stays exactly the server's).
    r.message = tr("Published: %1").arg(QUrl(page.url).toDisplayString());
    if (m_store) {
        const Draft &d = m_input.draft;
        Revision rev;
        rev.draftId = d.id;
        rev.pagePath = page.path;
        rev.pageUrl = page.url;
        rev.created = QDateTime::currentDateTimeUtc();
        rev.title = d.title;
        rev.authorName = d.authorName;
        rev.authorUrl = d.authorUrl;
        rev.body = d.body;
        rev.format = d.format;
        rev.contentJson = toJson(m_nodes); // what was sent: the one conversion
        r.revisionId = m_store->addRevision(rev);
        if (r.revisionId == 0)
            r.message += QLatin1Char(' ') +
                         tr("The revision could not be stored: %1").arg(m_store->lastError());
        recordPage(page.path, page.url);
        m_store->setOption(d.id, titlePendingOption(), QString());
    }
    finish(r);
}

} // namespace tg
