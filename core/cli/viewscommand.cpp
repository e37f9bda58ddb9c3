// SPDX-License-Identifier: MIT
// `telegraph views PATH [--year Y [--month M [--day D [--hour H]]]]`.
#include "api/telegraphclient.h"
#include "cli/cli.h"
#include "cli/clicommon.h"

namespace tg::cli {

int runViews(Context &ctx)
{
    const QString usage =
        QStringLiteral("usage: telegraph views PATH [--year Y [--month M [--day D [--hour H]]]]\n");
    const CommandOptions o =
        parseCommandOptions(ctx.args, 1,
                            {QStringLiteral("--year"), QStringLiteral("--month"),
                             QStringLiteral("--day"), QStringLiteral("--hour")},
                            {});
    if (!o.error.isEmpty() || o.positional.size() != 1) {
        ctx.err << "error: "
                << (o.error.isEmpty() ? QStringLiteral("views needs one PATH") : o.error) << '\n'
                << usage;
        return ExitUsage;
    }
    ViewsRequest r;
    r.path = o.positional.first();
    struct Field
    {
        const char *name;
        int *target;
    };
    const Field fields[] = {
        {"--year", &r.year}, {"--month", &r.month}, {"--day", &r.day}, {"--hour", &r.hour}};
    for (const Field &f : fields) {
        const QString name = QLatin1String(f.name);
        if (!o.has(name))
            continue;
        bool ok = false;
        *f.target = o.value(name).toInt(&ok);
        if (!ok) {
            ctx.err << "error: " << name << " must be a number, not '" << o.value(name) << "'\n";
            return ExitUsage;
        }
    }
    int code = ExitOk;
    auto client = makeClient(ctx, false, &code);
    if (!client)
        return code;
    PageViewsJob *job = client->getViews(r);
    waitFor(job);
    if (job->error().isError())
        return reportError(ctx, job->error());
    if (ctx.global.json)
        ctx.out << QString::fromUtf8(job->resultJson()) << '\n';
    else
        ctx.out << job->pageViews().views << '\n';
    return ExitOk;
}

} // namespace tg::cli
