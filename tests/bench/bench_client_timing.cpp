// SPDX-License-Identifier: MIT
// Benchmark harness (run on demand, never by ctest): how long the client's timing-bound paths
// take against an in-process sandbox, the figures the test suite checks only functionally.
//  1. A read with a 300 ms transfer timeout against a server that answers after 2,000 ms.
//  2. 48 reads with 200 ms latency at concurrency 16 (ideal 600 ms; 1,600 ms if Qt's six
//     connections per host and manager capped it).
//  3. Three writes of one account with a flood budget of one write a second (two flood waits).
// Usage: bench_client_timing [--runs N]
#include "api/jobgroup.h"
#include "api/requestscheduler.h"
#include "api/telegraphclient.h"
#include "sandbox/httpmessage.h"
#include "sandbox/server.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>

namespace {

QTextStream out(stdout);

QByteArray call(tg::sandbox::Server &server, const QByteArray &method, const QByteArray &body)
{
    tg::sandbox::HttpRequest r;
    r.method = "POST";
    r.target = r.path = "/" + method;
    r.version = "HTTP/1.1";
    r.headers = {{"content-type", "application/json"}, {"host", "127.0.0.1"}};
    r.body = body;
    return server.handle(r).body;
}

QJsonObject result(const QByteArray &answer)
{
    return QJsonDocument::fromJson(answer).object().value(QLatin1String("result")).toObject();
}

QString seedAccount(tg::sandbox::Server &server)
{
    return result(call(server, "createAccount", "{\"short_name\":\"bench\"}"))
        .value(QLatin1String("access_token"))
        .toString();
}

QString seedPage(tg::sandbox::Server &server, const QString &token)
{
    return result(call(server, "createPage",
                       "{\"access_token\":\"" + token.toLatin1() +
                           "\",\"title\":\"Bench\",\"content\":[{\"tag\":\"p\",\"children\":"
                           "[\"x\"]}]}"))
        .value(QLatin1String("path"))
        .toString();
}

tg::ClientSettings clientSettings(const tg::sandbox::Server &server)
{
    tg::ClientSettings s;
    s.apiUrl = server.url();
    s.proxy.mode = tg::ProxySettings::Mode::None;
    s.timeoutMs = 5000;
    s.retry.maxRetries = 0;
    return s;
}

/// Runs the event loop until the group has finished; the milliseconds it took from `t`.
qint64 wait(tg::JobGroup &group, const QElapsedTimer &t)
{
    if (!group.isFinished()) {
        QEventLoop loop;
        QObject::connect(&group, &tg::JobGroup::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return t.elapsed();
}

struct Figures
{
    QList<qint64> ms;
    void add(qint64 v) { ms.append(v); }
    QString summary() const
    {
        QList<qint64> s = ms;
        std::sort(s.begin(), s.end());
        return QStringLiteral("min %1  median %2  max %3 ms")
            .arg(s.first())
            .arg(s.at(s.size() / 2))
            .arg(s.last());
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int runs = 5;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--runs"))
            runs = std::max(1, args.at(i + 1).toInt());
    }

    QTemporaryDir dir;
    tg::sandbox::ServerSettings settings;
    settings.dataDir = dir.path();
    tg::sandbox::Server server(settings);
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        out << "cannot start the sandbox: " << server.errorString() << '\n';
        return 1;
    }

    Figures timeout, concurrency, flood;
    int peak = 0;
    for (int run = 0; run < runs; ++run) {
        // 1. Timeout.
        {
            server.setFlood({});
            tg::sandbox::FaultSettings f;
            f.latencyMs = 2000;
            server.setFaults(f);
            tg::ClientSettings s = clientSettings(server);
            s.timeoutMs = 300;
            tg::TelegraphClient client(s);
            client.setAccessToken(seedAccount(server));
            QElapsedTimer t;
            t.start();
            tg::JobGroup group(QList<tg::ApiJob *>{client.getAccountInfo()});
            timeout.add(wait(group, t));
            if (group.firstError().category != tg::ApiError::Category::Timeout) {
                out << "the slow read did not time out: " << group.firstError().toString() << '\n';
                return 1;
            }
        }
        // 2. Concurrency.
        {
            tg::sandbox::FaultSettings f;
            f.latencyMs = 200;
            server.setFaults({});
            tg::ClientSettings s = clientSettings(server);
            s.concurrency = 16;
            tg::TelegraphClient client(s);
            const QString token = seedAccount(server);
            client.setAccessToken(token);
            const QString path = seedPage(server, token);
            server.setFaults(f);
            QList<tg::ApiJob *> jobs;
            QElapsedTimer t;
            t.start();
            for (int i = 0; i < 48; ++i)
                jobs.append(client.getViews({path, 0, 0, 0, -1}));
            tg::JobGroup group(jobs);
            concurrency.add(wait(group, t));
            peak = std::max(peak, client.scheduler()->peakInFlight());
            if (group.failedCount() != 0) {
                out << "a read failed: " << group.firstError().toString() << '\n';
                return 1;
            }
        }
        // 3. Flood waits.
        {
            server.setFaults({});
            tg::sandbox::FloodSettings fl;
            fl.burst = 1;
            fl.intervalSec = 1;
            server.setFlood(fl);
            tg::ClientSettings s = clientSettings(server);
            s.flood.waitAndRetry = true;
            s.flood.marginMs = 100;
            s.flood.maxWaitSeconds = 5;
            tg::TelegraphClient client(s);
            client.setAccessToken(seedAccount(server));
            QList<tg::ApiJob *> jobs;
            QElapsedTimer t;
            t.start();
            for (int i = 0; i < 3; ++i) {
                tg::PageRequest r;
                r.title = QStringLiteral("Flood %1").arg(i);
                r.content = {tg::Node::element(QStringLiteral("p"), {},
                                               {tg::Node::text(QStringLiteral("x"))})};
                jobs.append(client.createPage(r));
            }
            tg::JobGroup group(jobs);
            flood.add(wait(group, t));
            if (group.failedCount() != 0) {
                out << "a write failed: " << group.firstError().toString() << '\n';
                return 1;
            }
        }
    }
    out << runs << " runs each\n";
    out << "read timing out after 300 ms (server answers after 2,000 ms): " << timeout.summary()
        << '\n';
    out << "48 reads x 200 ms at concurrency 16 (ideal 600, capped at 6: 1,600): "
        << concurrency.summary() << ", peak in flight " << peak << '\n';
    out << "3 writes, one allowed a second (two flood waits, ideal ~2,200): " << flood.summary()
        << '\n';
    return 0;
}
