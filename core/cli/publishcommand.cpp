// SPDX-License-Identifier: MIT
// `telegraph publish DIR`: a folder of Markdown and HTML files as linked pages, kept in sync.
#include "api/telegraphclient.h"
#include "api/telegraphuploadhost.h"
#include "cli/cli.h"
#include "cli/clicommon.h"
#include "workflow/folderplan.h"
#include "workflow/folderpublisher.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tg::cli {

namespace {

QString publishUsage()
{
    return QStringLiteral("usage: telegraph [--token TOKEN | --account NAME] publish DIR "
                          "[--dry-run] [--force] [--only GLOB] [--unpublish-removed]\n");
}

QString sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return QString::number(bytes) + QStringLiteral(" B");
    return QString::number(double(bytes) / 1024.0, 'f', 1) + QStringLiteral(" KiB");
}

void printPlan(Context &ctx, const FolderPlan &plan)
{
    if (ctx.global.json) {
        QJsonArray items;
        for (const FolderPlanItem &i : plan.items) {
            QJsonObject o{{QStringLiteral("file"), i.file},
                          {QStringLiteral("action"), FolderPlan::actionName(i.action)},
                          {QStringLiteral("size"), i.size}};
            if (!i.pageUrl.isEmpty())
                o.insert(QStringLiteral("url"), i.pageUrl);
            if (!i.reason.isEmpty())
                o.insert(QStringLiteral("reason"), i.reason);
            items.append(o);
        }
        ctx.out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("plan"), items}})
                                         .toJson(QJsonDocument::Compact))
                << '\n';
        return;
    }
    for (const FolderPlanItem &i : plan.items) {
        ctx.out << FolderPlan::actionName(i.action).leftJustified(10) << ' ' << i.file;
        if (i.size > 0)
            ctx.out << "  (" << sizeText(i.size) << ')';
        if (!i.pageUrl.isEmpty())
            ctx.out << "  " << i.pageUrl;
        if (!i.reason.isEmpty() && i.action != FolderAction::Update)
            ctx.out << "  [" << i.reason << ']';
        ctx.out << '\n';
    }
    ctx.out << plan.count(FolderAction::Create) << " to create, "
            << plan.count(FolderAction::Update) << " to update, "
            << plan.count(FolderAction::Series) << " too big (series), "
            << plan.count(FolderAction::Unchanged) << " unchanged, "
            << plan.count(FolderAction::Removed) << " removed";
    if (plan.count(FolderAction::Skipped) > 0)
        ctx.out << ", " << plan.count(FolderAction::Skipped) << " skipped";
    ctx.out << '\n';
    ctx.out.flush();
}

} // namespace

int runPublish(Context &ctx)
{
    const CommandOptions o =
        parseCommandOptions(ctx.args, 1, {QStringLiteral("--only")},
                            {QStringLiteral("--dry-run"), QStringLiteral("--force"),
                             QStringLiteral("--unpublish-removed")});
    if (!o.error.isEmpty()) {
        ctx.err << "error: " << o.error << '\n' << publishUsage();
        return ExitUsage;
    }
    if (o.positional.size() != 1) {
        ctx.err << "error: "
                << (o.positional.isEmpty() ? "publish needs a folder" : "publish takes one folder")
                << '\n'
                << publishUsage();
        return ExitUsage;
    }
    FolderPlanOptions options;
    options.force = o.has(QStringLiteral("--force"));
    options.only = o.value(QStringLiteral("--only"));
    const FolderPlan plan = FolderPlanner::build(o.positional.first(), options);
    if (!plan.ok()) {
        ctx.err << "error: " << plan.error << '\n';
        return ExitUsage;
    }
    for (const QString &w : plan.warnings)
        ctx.err << "warning: " << w << '\n';
    printPlan(ctx, plan);
    if (o.has(QStringLiteral("--dry-run")))
        return ExitOk;

    int code = ExitOk;
    const std::unique_ptr<TelegraphClient> client = makeClient(ctx, true, &code);
    if (!client)
        return code;
    FolderPublishOptions publishOptions;
    publishOptions.force = options.force;
    publishOptions.unpublishRemoved = o.has(QStringLiteral("--unpublish-removed"));
    // Local images go to the server's legacy upload (the local sandbox takes them).
    FolderPublisher publisher(client.get(), client->legacyUploadHost());
    QEventLoop loop;
    PublishResult result;
    QObject::connect(&publisher, &PublishFlow::finished, &loop,
                     [&loop, &result](const PublishResult &r) {
                         result = r;
                         loop.quit();
                     });
    QObject::connect(&publisher, &FolderPublisher::pagePublished, &loop,
                     [&ctx](const QString &file, const QString &url) {
                         ctx.err << "published " << file << " -> " << url << '\n';
                         ctx.err.flush();
                     });
    int lastCountdown = -1;
    QObject::connect(&publisher, &PublishFlow::floodCountdown, &loop,
                     [&ctx, &lastCountdown](int seconds) {
                         if (seconds > 0 && (seconds % 10 == 0 || lastCountdown < 0)) {
                             ctx.err << "flood control: retrying in " << seconds << " s\n";
                             ctx.err.flush();
                         }
                         lastCountdown = seconds > 0 ? seconds : -1;
                     });
    publisher.publish(plan, publishOptions);
    if (publisher.isBusy())
        loop.exec();

    const FolderPublishSummary &s = publisher.summary();
    for (const QString &f : s.failures)
        ctx.err << "error: " << f << '\n';
    if (!result.ok) {
        reportError(ctx, result.error);
        ctx.err << "the mapping file keeps what was published; run the same command again to "
                   "resume\n";
        return exitCodeFor(result.error);
    }
    if (ctx.global.json) {
        ctx.out << "{\"created\":" << s.created << ",\"updated\":" << s.updated
                << ",\"unchanged\":" << s.unchanged << ",\"removed\":" << s.removed
                << ",\"images\":" << s.imagesUploaded << ",\"writes\":" << s.writes
                << ",\"failed\":" << s.failures.size() << "}\n";
    } else {
        ctx.out << s.created << " created, " << s.updated << " updated, " << s.unchanged
                << " unchanged, " << s.removed << " unpublished, " << s.imagesUploaded
                << " images uploaded\n";
    }
    return s.failures.isEmpty() ? ExitOk : ExitUsage;
}

} // namespace tg::cli
