// SPDX-License-Identifier: MIT
// `telegraph page create|edit|get|list`.
#include "api/pagelistwalker.h"
#include "api/telegraphclient.h"
#include "cli/cli.h"
#include "cli/clicommon.h"
#include "content/htmlimport.h"
#include "content/htmlparser.h"
#include "content/markdown.h"
#include "storage/draftstore.h"
#include "workflow/contentconverter.h"
#include "workflow/draftpublishflow.h"

#include <QEventLoop>

namespace tg::cli {

namespace {

QString pageUsage()
{
    return QStringLiteral(
        "usage: telegraph page create --title T (--html F [--lenient] | --markdown F | --nodes F)\n"
        "                 [--author-name N] [--author-url U] [--return-content]\n"
        "       telegraph page edit PATH --title T (--html F | --markdown F | --nodes F) [...]\n"
        "       telegraph page get PATH [--content]\n"
        "       telegraph page list [--offset N] [--limit N] [--all] [--views]\n");
}

int usageError(Context &ctx, const QString &message)
{
    ctx.err << "error: " << message << '\n' << pageUsage();
    return ExitUsage;
}

/// Reads the page content from exactly one of --html, --markdown, --nodes; `draft` gets the
/// source as a draft's body and format.
bool loadContent(Context &ctx, const CommandOptions &o, NodeList &nodes, Draft &draft, int *code)
{
    const QStringList sources = {QStringLiteral("--html"), QStringLiteral("--markdown"),
                                 QStringLiteral("--nodes")};
    QString source;
    for (const QString &s : sources) {
        if (o.values.value(s).size() > 1 || (o.has(s) && !source.isEmpty())) {
            *code = usageError(ctx, QStringLiteral("give one of --html, --markdown or --nodes"));
            return false;
        }
        if (o.has(s))
            source = s;
    }
    if (source.isEmpty()) {
        *code = usageError(ctx, QStringLiteral("the content is missing: --html, --markdown or "
                                               "--nodes FILE"));
        return false;
    }
    QByteArray data;
    QString error;
    if (!readInput(ctx, o.value(source), data, &error)) {
        ctx.err << "error: " << error << '\n';
        *code = ExitUsage;
        return false;
    }
    if (source == QLatin1String("--nodes")) {
        const NodeParseResult r = nodesFromJson(data);
        if (!r.ok()) {
            ctx.err << "error: " << o.value(source) << ": " << r.error << '\n';
            *code = ExitUsage;
            return false;
        }
        nodes = r.nodes;
        const EditableSource editable = editableSource(nodes);
        draft.body = editable.body;
        draft.format = editable.format;
        return true;
    }
    draft.body = QString::fromUtf8(data);
    draft.format = DraftFormat::Html;
    if (source == QLatin1String("--markdown")) {
        draft.format = DraftFormat::Markdown;
        const MarkdownResult r = markdownToNodes(QString::fromUtf8(data));
        for (const QString &w : r.warnings)
            ctx.err << "warning: " << w << '\n';
        nodes = r.nodes;
    } else if (o.flags.contains(QStringLiteral("--lenient"))) {
        const HtmlImportResult r = importHtml(QString::fromUtf8(data));
        for (const QString &w : r.warnings)
            ctx.err << "warning: " << w << '\n';
        nodes = r.nodes;
    } else {
        const HtmlParseResult r = htmlToNodes(QString::fromUtf8(data));
        if (!r.ok()) {
            ctx.err << "error: " << r.error->kindName() << ": " << r.error->message
                    << " (--lenient imports any HTML)\n";
            *code = ExitUsage;
            return false;
        }
        nodes = r.nodes;
    }
    return true;
}

void printPage(Context &ctx, const Page &p)
{
    ctx.out << p.url << '\n';
    ctx.out << "title:  " << p.title << '\n';
    ctx.out << "path:   " << p.path << '\n';
    if (!p.authorName.isEmpty())
        ctx.out << "author: " << p.authorName << '\n';
    if (!p.description.isEmpty())
        ctx.out << "description: " << p.description << '\n';
    ctx.out << "views:  " << p.views << '\n';
    if (p.hasContent)
        ctx.out << "content: " << QString::fromUtf8(toJson(p.content)) << '\n';
}

int pageWrite(Context &ctx, bool edit)
{
    const CommandOptions o =
        parseCommandOptions(ctx.args, 2,
                            {QStringLiteral("--title"), QStringLiteral("--html"),
                             QStringLiteral("--markdown"), QStringLiteral("--nodes"),
                             QStringLiteral("--author-name"), QStringLiteral("--author-url")},
                            {QStringLiteral("--return-content"), QStringLiteral("--lenient")});
    if (!o.error.isEmpty())
        return usageError(ctx, o.error);
    if (o.positional.size() != (edit ? 1 : 0))
        return usageError(ctx, edit ? QStringLiteral("page edit needs one PATH")
                                    : QStringLiteral("page create takes no operands"));
    if (!o.has(QStringLiteral("--title")))
        return usageError(ctx, QStringLiteral("--title is required"));
    int code = ExitOk;
    NodeList content;
    Draft source;
    if (!loadContent(ctx, o, content, source, &code))
        return code;
    auto client = makeClient(ctx, true, &code);
    if (!client)
        return code;
    // With --drafts the page's draft is kept and the publish recorded, as in the app.
    std::unique_ptr<DraftStore> store;
    if (!ctx.global.drafts.isEmpty()) {
        store = std::make_unique<DraftStore>();
        if (!store->open(ctx.global.drafts)) {
            ctx.err << "error: cannot use the drafts database " << ctx.global.drafts << ": "
                    << store->lastError() << '\n';
            return ExitUsage;
        }
    }
    const QString path = edit ? o.positional.first() : QString();
    Draft draft = Draft::create(source.format);
    if (store && edit) {
        // The page's most recently edited draft (drafts() is newest first) is updated.
        for (const Draft &d : store->drafts()) {
            if (d.pagePath == path) {
                draft = d;
                break;
            }
        }
    }
    draft.title = o.value(QStringLiteral("--title"));
    draft.authorName = o.value(QStringLiteral("--author-name"));
    draft.authorUrl = o.value(QStringLiteral("--author-url"));
    draft.body = source.body;
    draft.format = source.format;
    draft.pagePath = path;
    draft.modified = QDateTime::currentDateTimeUtc();

    PublishInput input;
    input.draft = draft;
    input.content = content;
    input.returnContent = o.flags.contains(QStringLiteral("--return-content"));
    DraftPublishFlow flow(client.get(), store.get());
    PublishResult result;
    QEventLoop loop;
    QObject::connect(&flow, &PublishFlow::finished, &loop, [&](const PublishResult &r) {
        result = r;
        loop.quit();
    });
    flow.publish(input);
    if (flow.isBusy())
        loop.exec();
    if (store)
        store->flush();
    if (!result.ok)
        return reportError(ctx, result.error);
    if (store && result.revisionId == 0)
        ctx.err << "warning: the revision could not be recorded in " << ctx.global.drafts << ": "
                << store->lastError() << '\n';
    if (ctx.global.json)
        ctx.out << QString::fromUtf8(result.resultJson) << '\n';
    else
        printPage(ctx, result.page);
    return ExitOk;
}

int pageGet(Context &ctx)
{
    const CommandOptions o = parseCommandOptions(ctx.args, 2, {}, {QStringLiteral("--content")});
    if (!o.error.isEmpty())
        return usageError(ctx, o.error);
    if (o.positional.size() != 1)
        return usageError(ctx, QStringLiteral("page get needs one PATH"));
    int code = ExitOk;
    auto client = makeClient(ctx, false, &code);
    if (!client)
        return code;
    GetPageRequest r;
    r.path = o.positional.first();
    r.returnContent = o.flags.contains(QStringLiteral("--content"));
    r.accessToken = client->accessToken();
    PageJob *job = client->getPage(r);
    waitFor(job);
    if (job->error().isError())
        return reportError(ctx, job->error());
    if (ctx.global.json)
        ctx.out << QString::fromUtf8(job->resultJson()) << '\n';
    else
        printPage(ctx, job->page());
    return ExitOk;
}

bool parseCount(const CommandOptions &o, const QString &name, int min, int max, int &out,
                QString *error)
{
    if (!o.has(name))
        return true;
    bool ok = false;
    const int v = o.value(name).toInt(&ok);
    if (!ok || v < min || v > max) {
        *error =
            QStringLiteral("%1 must be a whole number from %2 to %3").arg(name).arg(min).arg(max);
        return false;
    }
    out = v;
    return true;
}

int pageList(Context &ctx)
{
    const CommandOptions o =
        parseCommandOptions(ctx.args, 2, {QStringLiteral("--offset"), QStringLiteral("--limit")},
                            {QStringLiteral("--all"), QStringLiteral("--views")});
    if (!o.error.isEmpty())
        return usageError(ctx, o.error);
    if (!o.positional.isEmpty())
        return usageError(ctx, QStringLiteral("page list takes no operands"));
    const bool all = o.flags.contains(QStringLiteral("--all"));
    const bool views = o.flags.contains(QStringLiteral("--views"));
    if (all && (o.has(QStringLiteral("--offset")) || o.has(QStringLiteral("--limit"))))
        return usageError(ctx,
                          QStringLiteral("--all walks every page; leave out --offset/--limit"));
    int offset = 0;
    int limit = 50;
    QString error;
    if (!parseCount(o, QStringLiteral("--offset"), 0, 1000000000, offset, &error) ||
        !parseCount(o, QStringLiteral("--limit"), 0, 200, limit, &error))
        return usageError(ctx, error);
    int code = ExitOk;
    auto client = makeClient(ctx, true, &code);
    if (!client)
        return code;

    QList<Page> pages;
    QList<qint64> viewCounts;
    qint64 total = 0;
    if (all || views) {
        if (!all) {
            // One page of the list, with views: a walker over just that window.
            PageListRequest r{offset, limit, {}};
            PageListJob *job = client->getPageList(r);
            waitFor(job);
            if (job->error().isError())
                return reportError(ctx, job->error());
            total = job->pageList().totalCount;
            pages = job->pageList().pages;
            QList<ApiJob *> jobs;
            for (const Page &p : std::as_const(pages))
                jobs.append(client->getViews({p.path, 0, 0, 0, -1}));
            for (ApiJob *j : std::as_const(jobs)) {
                waitFor(j);
                if (j->error().isError())
                    return reportError(ctx, j->error());
                viewCounts.append(static_cast<PageViewsJob *>(j)->pageViews().views);
            }
        } else {
            PageWalkOptions w;
            w.withViews = views;
            PageListWalker walker(client.get(), w);
            QEventLoop loop;
            QObject::connect(&walker, &PageListWalker::finished, &loop, &QEventLoop::quit);
            walker.start();
            if (!walker.isFinished())
                loop.exec();
            if (walker.error().isError())
                return reportError(ctx, walker.error());
            total = walker.totalCount();
            pages = walker.pages();
            viewCounts = walker.views();
        }
    } else {
        PageListJob *job = client->getPageList({offset, limit, {}});
        waitFor(job);
        if (job->error().isError())
            return reportError(ctx, job->error());
        if (ctx.global.json) {
            ctx.out << QString::fromUtf8(job->resultJson()) << '\n';
            return ExitOk;
        }
        total = job->pageList().totalCount;
        pages = job->pageList().pages;
    }
    if (views) {
        for (qsizetype i = 0; i < pages.size() && i < viewCounts.size(); ++i)
            pages[i].views = viewCounts.at(i);
    }
    if (ctx.global.json) {
        ctx.out << "{\"total_count\":" << total << ",\"pages\":[";
        for (qsizetype i = 0; i < pages.size(); ++i) {
            if (i)
                ctx.out << ',';
            ctx.out << QString::fromUtf8(pageToJson(pages.at(i)));
        }
        ctx.out << "]}\n";
        return ExitOk;
    }
    for (const Page &p : std::as_const(pages))
        ctx.out << qSetFieldWidth(8) << Qt::right << p.views << qSetFieldWidth(0) << Qt::left
                << "  " << p.path << "  " << p.title << '\n';
    ctx.out << pages.size() << " of " << total << " pages\n";
    return ExitOk;
}

} // namespace

int runPage(Context &ctx)
{
    const QString sub = ctx.args.value(1);
    if (sub == QLatin1String("create"))
        return pageWrite(ctx, false);
    if (sub == QLatin1String("edit"))
        return pageWrite(ctx, true);
    if (sub == QLatin1String("get"))
        return pageGet(ctx);
    if (sub == QLatin1String("list"))
        return pageList(ctx);
    return usageError(ctx, sub.isEmpty() ? QStringLiteral("page needs a subcommand")
                                         : QStringLiteral("unknown page subcommand '%1'").arg(sub));
}

} // namespace tg::cli
