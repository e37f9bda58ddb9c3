// SPDX-License-Identifier: MIT
// `telegraph call METHOD [key=value | key:=json]... [--path PATH]`: any API method.
#include "api/telegraphclient.h"
#include "cli/cli.h"
#include "cli/clicommon.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tg::cli {

int runCall(Context &ctx)
{
    const QString usage = QStringLiteral(
        "usage: telegraph call METHOD [key=value | key:=json]... [--path PATH]\n"
        "  key=value sends a string, key:=json a raw JSON value (numbers, true, arrays);\n"
        "  the resolved access token is added unless access_token is given.\n");
    const CommandOptions o = parseCommandOptions(ctx.args, 1, {QStringLiteral("--path")}, {});
    if (!o.error.isEmpty() || o.positional.isEmpty()) {
        ctx.err << "error: "
                << (o.error.isEmpty() ? QStringLiteral("call needs a METHOD") : o.error) << '\n'
                << usage;
        return ExitUsage;
    }
    const QString method = o.positional.first();
    QByteArray body = "{";
    bool hasToken = false;
    bool first = true;
    for (qsizetype i = 1; i < o.positional.size(); ++i) {
        const QString &kv = o.positional.at(i);
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            ctx.err << "error: '" << kv << "' is not key=value or key:=json\n" << usage;
            return ExitUsage;
        }
        const bool raw = kv.at(eq - 1) == QLatin1Char(':');
        const QString key = kv.left(raw ? eq - 1 : eq);
        const QString value = kv.mid(eq + 1);
        QByteArray encoded;
        if (raw) {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson('[' + value.toUtf8() + ']', &pe);
            if (pe.error != QJsonParseError::NoError) {
                ctx.err << "error: the value of " << key << " is not JSON: " << pe.errorString()
                        << '\n';
                return ExitUsage;
            }
            encoded = value.toUtf8().trimmed();
        } else {
            const QByteArray a = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
            encoded = a.mid(1, a.size() - 2);
        }
        const QByteArray k = QJsonDocument(QJsonArray{key}).toJson(QJsonDocument::Compact);
        body += (first ? "" : ",") + k.mid(1, k.size() - 2) + ':' + encoded;
        first = false;
        hasToken = hasToken || key == QLatin1String("access_token");
    }
    int code = ExitOk;
    auto client = makeClient(ctx, false, &code);
    if (!client)
        return code;
    if (!hasToken && (!ctx.global.token.isEmpty() || !ctx.global.account.isEmpty())) {
        QString token;
        if (!resolveToken(ctx, token, &code))
            return code;
        const QByteArray t = QJsonDocument(QJsonArray{token}).toJson(QJsonDocument::Compact);
        body += QByteArray(first ? "" : ",") + "\"access_token\":" + t.mid(1, t.size() - 2);
    }
    body += '}';
    ApiJob *job = client->callMethodRaw(method, body, o.value(QStringLiteral("--path")));
    waitFor(job);
    if (job->error().isError())
        return reportError(ctx, job->error());
    printJson(ctx, job->resultJson());
    return ExitOk;
}

} // namespace tg::cli
