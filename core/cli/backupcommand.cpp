// SPDX-License-Identifier: MIT
// `telegraph backup DIR`: every page of an account with its content into a folder, resumable.
#include "accountbackup.h"
#include "cli.h"
#include "telegraphclient.h"

#include <QEventLoop>
#include <QUrl>

namespace tg::cli {

namespace {

int exitCodeFor(const ApiError &error)
{
    switch (error.category) {
    case ApiError::Category::None:
        return ExitOk;
    case ApiError::Category::Api:
        return ExitApiError;
    case ApiError::Category::FloodWait:
        return ExitFloodWait;
    case ApiError::Category::Network:
    case ApiError::Category::Timeout:
    case ApiError::Category::Tls:
    case ApiError::Category::Protocol:
        return ExitNetwork;
    case ApiError::Category::Validation:
    case ApiError::Category::Cancelled:
        return ExitUsage;
    }
    return ExitUsage;
}

QString backupUsage()
{
    return QStringLiteral("usage: telegraph [--token TOKEN] backup DIR\n");
}

} // namespace

int runBackup(Context &ctx)
{
    QString dir;
    for (int i = 1; i < ctx.args.size(); ++i) {
        const QString &a = ctx.args.at(i);
        if (a == QLatin1String("--"))
            continue;
        if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            ctx.err << "error: unknown option '" << a << "'\n" << backupUsage();
            return ExitUsage;
        }
        if (!dir.isEmpty()) {
            ctx.err << "error: backup takes one folder\n" << backupUsage();
            return ExitUsage;
        }
        dir = a;
    }
    if (dir.isEmpty()) {
        ctx.err << "error: backup needs a folder\n" << backupUsage();
        return ExitUsage;
    }
    if (ctx.global.token.isEmpty()) {
        ctx.err << "error: backup needs an account: --token TOKEN or $TELEGRAPH_ACCESS_TOKEN\n";
        return ExitUsage;
    }

    ClientSettings settings;
    if (!ctx.global.domain.isEmpty())
        settings = ClientSettings::forDomain(ctx.global.domain);
    if (!ctx.global.apiUrl.isEmpty())
        settings.apiUrl = QUrl(ctx.global.apiUrl);
    settings.concurrency = ctx.global.concurrency;
    const QString invalid = settings.validate();
    if (!invalid.isEmpty()) {
        ctx.err << "error: " << invalid << '\n';
        return ExitUsage;
    }
    TelegraphClient client(settings);
    client.setAccessToken(ctx.global.token);

    BackupOptions options;
    options.directory = dir;
    options.maxConcurrent = qMax(1, ctx.global.concurrency);
    AccountBackup backup(&client, options);
    QEventLoop loop;
    QObject::connect(&backup, &AccountBackup::finished, &loop, &QEventLoop::quit);
    QObject::connect(&backup, &AccountBackup::listed, &loop, [&ctx](int total, int done) {
        ctx.err << total << " pages";
        if (done > 0)
            ctx.err << ", " << done << " already saved by an earlier run";
        ctx.err << '\n';
        ctx.err.flush();
    });
    int lastReported = 0;
    QObject::connect(&backup, &AccountBackup::progress, &loop,
                     [&ctx, &lastReported](int done, int total) {
                         if (done - lastReported >= 50 || done == total) {
                             lastReported = done;
                             ctx.err << done << '/' << total << '\n';
                             ctx.err.flush();
                         }
                     });
    backup.start();
    loop.exec();

    const ApiError &error = backup.error();
    if (error.isError()) {
        ctx.err << "error: " << error.toString() << '\n';
        if (backup.savedPages() + backup.skippedPages() > 0)
            ctx.err << "run the same command again to resume\n";
        return exitCodeFor(error);
    }
    if (ctx.global.json) {
        ctx.out << "{\"pages\":" << backup.totalPages() << ",\"saved\":" << backup.savedPages()
                << ",\"resumed\":" << backup.skippedPages() << ",\"html\":" << backup.htmlPages()
                << "}\n";
    } else {
        ctx.out << "backed up " << backup.totalPages() << " pages into " << dir;
        if (backup.skippedPages() > 0)
            ctx.out << " (" << backup.skippedPages() << " from an earlier run)";
        ctx.out << '\n';
    }
    return ExitOk;
}

} // namespace tg::cli
