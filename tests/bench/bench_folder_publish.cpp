// SPDX-License-Identifier: MIT
// Benchmark harness (run on demand, never by ctest): publishing the generated folder of 31 files
// (tests/support/publishfolder.h: links both ways, a cycle, wiki links, two images, one file
// published as a series) to an in-process sandbox answering after 20 ms, then checking it
// unchanged (plan + a run that sends nothing).
// Usage: bench_folder_publish [--runs N] [--latency MS]
#include "api/telegraphclient.h"
#include "api/telegraphuploadhost.h"
#include "publishfolder.h"
#include "sandbox/httpmessage.h"
#include "sandbox/server.h"
#include "workflow/folderplan.h"
#include "workflow/folderpublisher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

namespace {

QTextStream out(stdout);

QString seedAccount(tg::sandbox::Server &server)
{
    tg::sandbox::HttpRequest r;
    r.method = "POST";
    r.target = r.path = "/createAccount";
    r.version = "HTTP/1.1";
    r.headers = {{"content-type", "application/json"}, {"host", "127.0.0.1"}};
    r.body = "{\"short_name\":\"bench\"}";
    return QJsonDocument::fromJson(server.handle(r).body)
        .object()
        .value(QLatin1String("result"))
        .toObject()
        .value(QLatin1String("access_token"))
        .toString();
}

/// Plans and publishes; the milliseconds taken (-1 on failure) and the writes sent.
qint64 publishOnce(tg::TelegraphClient &client, const QString &folder, tg::sandbox::Server &server,
                   qint64 *writes)
{
    const qint64 before = server.stats().writes;
    QElapsedTimer t;
    t.start();
    const tg::FolderPlan plan = tg::FolderPlanner::build(folder);
    tg::FolderPublisher publisher(&client, client.legacyUploadHost());
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&publisher, &tg::PublishFlow::finished, &loop,
                     [&](const tg::PublishResult &r) {
                         ok = r.ok;
                         loop.quit();
                     });
    publisher.publish(plan);
    if (publisher.isBusy())
        loop.exec();
    const qint64 ms = t.elapsed();
    *writes = server.stats().writes - before;
    return ok ? ms : -1;
}

qint64 median(QList<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? -1 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int runs = 3;
    int latency = 20;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"--runs")
            runs = qMax(1, args.at(i + 1).toInt());
        if (args.at(i) == u"--latency")
            latency = qMax(0, args.at(i + 1).toInt());
    }
    QList<qint64> first, again;
    qint64 firstWrites = 0, againWrites = 0;
    for (int run = 0; run < runs; ++run) {
        tg::sandbox::ServerSettings s;
        s.flood.burst = 0;
        s.faults.latencyMs = latency;
        tg::sandbox::Server server(s);
        if (!server.listen()) {
            out << "cannot start the sandbox: " << server.errorString() << '\n';
            return 1;
        }
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("vault"));
        tg::test::PublishFolder::create(folder);
        tg::ClientSettings cs;
        cs.apiUrl = server.url();
        cs.proxy.mode = tg::ProxySettings::Mode::None;
        tg::TelegraphClient client(cs);
        client.setAccessToken(seedAccount(server));
        first << publishOnce(client, folder, server, &firstWrites);
        again << publishOnce(client, folder, server, &againWrites);
    }
    out << "folder of 31 files at " << latency << " ms latency, median of " << runs << " runs\n";
    out << "  first publish:   " << median(first) << " ms (" << firstWrites << " writes)\n";
    out << "  check unchanged: " << median(again) << " ms (" << againWrites << " writes)\n";
    return 0;
}
