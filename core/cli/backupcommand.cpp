// SPDX-License-Identifier: MIT
// `telegraph backup DIR`: every page of an account with its content into a folder, resumable.
#include "api/telegraphclient.h"
#include "cli/cli.h"
#include "cli/clicommon.h"
#include "pages/accountbackup.h"

#include <QEventLoop>

namespace tg::cli {

namespace {

QString backupUsage()
{
    return QStringLiteral("usage: telegraph [--token TOKEN | --account NAME] backup DIR\n");
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
    int code = ExitOk;
    const std::unique_ptr<TelegraphClient> client = makeClient(ctx, true, &code);
    if (!client)
        return code;

    BackupOptions options;
    options.directory = dir;
    options.maxConcurrent = qMax(1, ctx.global.concurrency);
    AccountBackup backup(client.get(), options);
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
