// SPDX-License-Identifier: MIT
// Benchmark harness (run on demand, never by ctest):
//  1. `telegraph page list --all --views` on an account of N pages (default 2,000) against an
//     in-process sandbox with 20 ms injected latency, at concurrency 16 and 100, compared with
//     the ideal requests x latency / concurrency; also the same walk in-process.
//  2. Peak memory (/usr/bin/time -v) of `telegraph page list --all --json` over 10,000 pages.
// Usage: bench_client_list [--pages N] [--memory-pages M] [--latency MS] [--concurrency a,b]
#include "api/pagelistwalker.h"
#include "api/requestscheduler.h"
#include "api/telegraphclient.h"
#include "sandbox/httpmessage.h"
#include "sandbox/server.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace {

QTextStream out(stdout);

QByteArray call(tg::sandbox::Server &server, const QByteArray &method, const QByteArray &body)
{
    tg::sandbox::HttpRequest r;
    r.method = "POST";
    r.target = r.path = "/" + method;
    r.version = "HTTP/1.1";
    r.headers = {{"content-type", "application/json"}};
    r.body = body;
    return server.handle(r).body;
}

/// A new account with n pages, created straight through the server's handler.
QString seedAccount(tg::sandbox::Server &server, int n)
{
    const QByteArray answer = call(server, "createAccount", "{\"short_name\":\"bench\"}");
    const QString token = QJsonDocument::fromJson(answer)
                              .object()
                              .value(QLatin1String("result"))
                              .toObject()
                              .value(QLatin1String("access_token"))
                              .toString();
    for (int i = 0; i < n; ++i) {
        call(server, "createPage",
             "{\"access_token\":\"" + token.toLatin1() + "\",\"title\":\"Benchmark page " +
                 QByteArray::number(i) +
                 "\",\"content\":[{\"tag\":\"p\",\"children\":[\"Some text of the page\"]}]}");
    }
    return token;
}

struct CliRun
{
    int exitCode = -1;
    qint64 ms = 0;
    QByteArray out;
    QByteArray err;
};

/// Runs the CLI while this thread's event loop keeps serving the sandbox.
CliRun runCli(const QString &program, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("TELEGRAPH_ACCESS_TOKEN"));
    p.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {};
    loop.exec();
    CliRun r;
    r.ms = t.elapsed();
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int pages = 2000;
    int memoryPages = 10000;
    int latency = 20;
    QList<int> concurrencies = {16, 100};
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--pages"))
            pages = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--memory-pages"))
            memoryPages = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--latency"))
            latency = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--concurrency")) {
            concurrencies.clear();
            for (const QString &c : args.at(i + 1).split(QLatin1Char(',')))
                concurrencies.append(c.toInt());
        }
    }

    tg::sandbox::ServerSettings settings; // in memory
    settings.flood.burst = 0;
    tg::sandbox::Server server(settings);
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        out << "cannot start the sandbox: " << server.errorString() << '\n';
        return 1;
    }
    const QString api = server.url().toString();
    QElapsedTimer seedTimer;
    seedTimer.start();
    const QString token = seedAccount(server, pages);
    out << "seeded " << pages << " pages in " << seedTimer.elapsed() << " ms\n";

    tg::sandbox::FaultSettings faults;
    faults.latencyMs = latency;
    server.setFaults(faults);
    const int requests = (pages + 199) / 200 + pages;
    out << "page list --all --views: " << pages << " pages, " << requests << " requests, "
        << latency << " ms latency per request\n";
    out << "concurrency   ideal ms   CLI ms  ratio   in-process ms  ratio  peak in flight\n";
    for (int c : concurrencies) {
        const double ideal = double(requests) * latency / c;
        const CliRun cli =
            runCli(QStringLiteral(TG_CLI_PATH),
                   {QStringLiteral("--api-url"), api, QStringLiteral("--token"), token,
                    QStringLiteral("--concurrency"), QString::number(c), QStringLiteral("--json"),
                    QStringLiteral("page"), QStringLiteral("list"), QStringLiteral("--all"),
                    QStringLiteral("--views")});
        const int listed = QJsonDocument::fromJson(cli.out)
                               .object()
                               .value(QLatin1String("pages"))
                               .toArray()
                               .size();
        if (cli.exitCode != 0 || listed != pages) {
            out << "CLI failed (exit " << cli.exitCode << ", " << listed
                << " pages): " << QString::fromUtf8(cli.err) << '\n';
            return 1;
        }

        tg::ClientSettings s;
        s.apiUrl = server.url();
        s.proxy.mode = tg::ProxySettings::Mode::None;
        s.concurrency = c;
        tg::TelegraphClient client(s);
        client.setAccessToken(token);
        tg::PageWalkOptions w;
        w.withViews = true;
        tg::PageListWalker walker(&client, w);
        QEventLoop loop;
        QObject::connect(&walker, &tg::PageListWalker::finished, &loop, &QEventLoop::quit);
        QElapsedTimer t;
        t.start();
        walker.start();
        loop.exec();
        const qint64 inProcess = t.elapsed();
        if (walker.error().isError() || walker.pages().size() != pages) {
            out << "walk failed: " << walker.error().toString() << '\n';
            return 1;
        }
        out << qSetFieldWidth(11) << c << qSetFieldWidth(11) << qRound(ideal) << qSetFieldWidth(9)
            << cli.ms << qSetFieldWidth(7) << QString::number(cli.ms / ideal, 'f', 2)
            << qSetFieldWidth(16) << inProcess << qSetFieldWidth(7)
            << QString::number(inProcess / ideal, 'f', 2) << qSetFieldWidth(16)
            << client.scheduler()->peakInFlight() << qSetFieldWidth(0) << '\n';
        out.flush();
    }

    // Peak memory of the CLI listing many pages (no latency).
    server.setFaults({});
    if (memoryPages > 0 && QFile::exists(QStringLiteral("/usr/bin/time"))) {
        const QString bigToken = seedAccount(server, memoryPages);
        const CliRun mem =
            runCli(QStringLiteral("/usr/bin/time"),
                   {QStringLiteral("-v"), QStringLiteral(TG_CLI_PATH), QStringLiteral("--api-url"),
                    api, QStringLiteral("--token"), bigToken, QStringLiteral("--json"),
                    QStringLiteral("page"), QStringLiteral("list"), QStringLiteral("--all")});
        const QRegularExpression rss(
            QStringLiteral("Maximum resident set size \\(kbytes\\): (\\d+)"));
        const auto m = rss.match(QString::fromUtf8(mem.err));
        out << "page list --all --json over " << memoryPages << " pages: exit " << mem.exitCode
            << ", " << mem.ms << " ms, " << mem.out.size() / 1024 << " KiB of output, peak RSS "
            << (m.hasMatch() ? m.captured(1) + QStringLiteral(" KiB") : QStringLiteral("unknown"))
            << '\n';
    }
    return 0;
}
