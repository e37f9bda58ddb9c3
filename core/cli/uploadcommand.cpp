// SPDX-License-Identifier: MIT
// `telegraph upload FILE...`: the legacy telegra.ph upload, an HTTP image host or a command.
#include "api/commanduploadhost.h"
#include "api/httpuploadhost.h"
#include "api/jobgroup.h"
#include "api/telegraphclient.h"
#include "api/telegraphuploadhost.h"
#include "cli/cli.h"
#include "cli/clicommon.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tg::cli {

int runUpload(Context &ctx)
{
    const QString usage = QStringLiteral(
        "usage: telegraph upload FILE... [--host telegraph|http|command]\n"
        "         http:    --upload-url URL [--field NAME] [--header 'Name: value']... "
        "[--url-path data.url]\n"
        "         command: --command 'program [args] [{file}]'\n");
    const CommandOptions o = parseCommandOptions(
        ctx.args, 1,
        {QStringLiteral("--host"), QStringLiteral("--upload-url"), QStringLiteral("--field"),
         QStringLiteral("--header"), QStringLiteral("--url-path"), QStringLiteral("--command")},
        {});
    if (!o.error.isEmpty() || o.positional.isEmpty()) {
        ctx.err << "error: "
                << (o.error.isEmpty() ? QStringLiteral("upload needs a FILE") : o.error) << '\n'
                << usage;
        return ExitUsage;
    }
    QString hostName = o.value(QStringLiteral("--host"));
    if (hostName.isEmpty()) {
        hostName = o.has(QStringLiteral("--command"))      ? QStringLiteral("command")
                   : o.has(QStringLiteral("--upload-url")) ? QStringLiteral("http")
                                                           : QStringLiteral("telegraph");
    }
    int code = ExitOk;
    auto client = makeClient(ctx, false, &code);
    if (!client)
        return code;
    std::unique_ptr<ImageHost> owned;
    ImageHost *host = nullptr;
    if (hostName == QLatin1String("telegraph")) {
        host = client->legacyUploadHost();
    } else if (hostName == QLatin1String("http")) {
        HttpUploadSettings s;
        s.url = QUrl(o.value(QStringLiteral("--upload-url")), QUrl::StrictMode);
        const QString urlError = ClientSettings::checkUrl(s.url);
        if (!urlError.isEmpty()) {
            ctx.err << "error: --upload-url: " << urlError << '\n';
            return ExitUsage;
        }
        if (o.has(QStringLiteral("--field")))
            s.fieldName = o.value(QStringLiteral("--field"));
        for (const QString &h : o.values.value(QStringLiteral("--header"))) {
            const qsizetype colon = h.indexOf(QLatin1Char(':'));
            if (colon <= 0) {
                ctx.err << "error: --header must be 'Name: value', not '" << h << "'\n";
                return ExitUsage;
            }
            s.headers.append(
                {h.left(colon).trimmed().toUtf8(), h.mid(colon + 1).trimmed().toUtf8()});
        }
        s.urlPath = o.value(QStringLiteral("--url-path"));
        s.timeoutMs = ctx.global.timeoutSeconds * 1000;
        owned = std::make_unique<HttpUploadHost>(client->networkManager(), s);
        host = owned.get();
    } else if (hostName == QLatin1String("command")) {
        CommandUploadSettings s =
            CommandUploadHost::fromCommandLine(o.value(QStringLiteral("--command")));
        if (s.program.isEmpty()) {
            ctx.err << "error: --command needs a program\n";
            return ExitUsage;
        }
        owned = std::make_unique<CommandUploadHost>(s);
        host = owned.get();
    } else {
        ctx.err << "error: unknown host '" << hostName << "' (telegraph, http or command)\n";
        return ExitUsage;
    }

    QList<UploadJob *> jobs;
    JobGroup group;
    for (const QString &file : o.positional) {
        UploadJob *job = host->upload(file);
        jobs.append(job);
        group.add(job);
    }
    QEventLoop loop;
    QObject::connect(&group, &JobGroup::finished, &loop, &QEventLoop::quit);
    loop.exec();
    int worst = ExitOk;
    QJsonArray results;
    for (UploadJob *job : jobs) {
        if (job->error().isError()) {
            ctx.err << job->filePath() << ": ";
            const int c = reportError(ctx, job->error());
            worst = std::max(worst, c == ExitApiError && worst == ExitUsage ? worst : c);
            results.append(QJsonObject{{QStringLiteral("file"), job->filePath()},
                                       {QStringLiteral("error"), job->error().message}});
            continue;
        }
        if (ctx.global.json)
            results.append(QJsonObject{{QStringLiteral("file"), job->filePath()},
                                       {QStringLiteral("url"), job->url().toString()}});
        else
            ctx.out << job->url().toString() << '\n';
    }
    if (ctx.global.json)
        ctx.out << QString::fromUtf8(QJsonDocument(results).toJson(QJsonDocument::Compact)) << '\n';
    return worst;
}

} // namespace tg::cli
