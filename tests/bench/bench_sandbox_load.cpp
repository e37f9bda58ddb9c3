// SPDX-License-Identifier: MIT
// Load harness for telegraph-sandbox: opens N concurrent connections (default 200) to an
// in-process server running on its own thread and reports requests/s and p50/p90/p99 latency
// for getPage and createPage over keep-alive connections, getPage pipelined (--depth requests
// in flight per connection) and getPage with a new connection per request (flood control off).
//
//   bench_sandbox_load [--connections 200] [--requests 50] [--depth 16] [--data DIR]
#include "keepaliveclient.h"
#include "sandbox/server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>

using tg::test::KeepAliveClient;

namespace {

struct PhaseResult
{
    int ok = 0;
    int failed = 0;
    double seconds = 0;
    QList<qint64> latenciesNs;
};

/// Runs `perConnection` requests on each of `connections` keep-alive sockets concurrently.
PhaseResult runPhase(quint16 port, int connections, int perConnection,
                     const std::function<QPair<QByteArray, QByteArray>(int, int)> &request)
{
    PhaseResult result;
    result.latenciesNs.reserve(connections * perConnection);
    QList<KeepAliveClient *> clients;
    QEventLoop loop;
    int outstanding = connections * perConnection;
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < connections; ++i) {
        auto *c = new KeepAliveClient;
        clients.append(c);
        auto sent = std::make_shared<int>(1);
        QObject::connect(
            c, &KeepAliveClient::answered, c, [&, c, i, sent](const KeepAliveClient::Answer &a) {
                const bool ok =
                    a.status == 200 &&
                    QJsonDocument::fromJson(a.body).object().value(QStringLiteral("ok")).toBool();
                ++(ok ? result.ok : result.failed);
                result.latenciesNs.append(a.latencyNs);
                if (--outstanding == 0)
                    loop.quit();
                if (*sent < perConnection) {
                    const auto r = request(i, (*sent)++);
                    c->send(r.first, r.second);
                }
            });
        QObject::connect(c, &KeepAliveClient::failed, c, [&, sent](const QString &) {
            const int lost = perConnection - *sent + 1;
            result.failed += lost;
            outstanding -= lost;
            *sent = perConnection;
            if (outstanding <= 0)
                loop.quit();
        });
        QObject::connect(&c->socket(), &QTcpSocket::connected, c, [&, c, i] {
            const auto r = request(i, 0);
            c->send(r.first, r.second);
        });
        c->connectTo(port);
    }
    loop.exec();
    result.seconds = wall.nsecsElapsed() / 1e9;
    qDeleteAll(clients);
    return result;
}

/// Like runPhase, but each connection keeps `depth` GETs of `path` in flight (pipelining); the
/// latency of a request is the time until the whole batch it was sent in is answered.
PhaseResult runPipelined(quint16 port, int connections, int perConnection, int depth,
                         const QByteArray &path)
{
    PhaseResult result;
    QList<KeepAliveClient *> clients;
    QEventLoop loop;
    int outstanding = connections * perConnection;
    const QByteArray one = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < connections; ++i) {
        auto *c = new KeepAliveClient;
        clients.append(c);
        struct Progress
        {
            int sent = 0;
            int pending = 0;
            QElapsedTimer batch;
        };
        auto state = std::make_shared<Progress>();
        auto sendBatch = [c, state, perConnection, depth, one] {
            const int n = std::min(depth, perConnection - state->sent);
            state->sent += n;
            state->pending = n;
            state->batch.start();
            c->socket().write(one.repeated(n));
        };
        QObject::connect(c, &KeepAliveClient::answered, c,
                         [&, state, sendBatch](const KeepAliveClient::Answer &a) {
                             ++(a.status == 200 ? result.ok : result.failed);
                             result.latenciesNs.append(state->batch.nsecsElapsed());
                             if (--outstanding == 0)
                                 loop.quit();
                             if (--state->pending == 0 && state->sent < perConnection)
                                 sendBatch();
                         });
        QObject::connect(c, &KeepAliveClient::failed, c, [&, state](const QString &) {
            const int lost = perConnection - state->sent + state->pending;
            result.failed += lost;
            outstanding -= lost;
            state->sent = perConnection;
            state->pending = 0;
            if (outstanding <= 0)
                loop.quit();
        });
        QObject::connect(&c->socket(), &QTcpSocket::connected, c, sendBatch);
        c->connectTo(port);
    }
    loop.exec();
    result.seconds = wall.nsecsElapsed() / 1e9;
    qDeleteAll(clients);
    return result;
}

/// Each of `connections` slots opens a connection, sends one `Connection: close` GET, reads the
/// answer to the server's close, and starts over, `perConnection` times.
PhaseResult runConnectionPerRequest(quint16 port, int connections, int perConnection,
                                    const QByteArray &path)
{
    PhaseResult result;
    QEventLoop loop;
    int outstanding = connections * perConnection;
    const QByteArray request =
        "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    QList<QObject *> holders;
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < connections; ++i) {
        auto *slot = new QObject;
        holders.append(slot);
        auto remaining = std::make_shared<int>(perConnection);
        auto start = std::make_shared<std::function<void()>>();
        *start = [&, slot, remaining, start] {
            auto *socket = new QTcpSocket(slot);
            auto received = std::make_shared<QByteArray>();
            auto timer = std::make_shared<QElapsedTimer>();
            QObject::connect(socket, &QTcpSocket::connected, socket,
                             [socket, &request] { socket->write(request); });
            QObject::connect(socket, &QTcpSocket::readyRead, socket,
                             [socket, received] { *received += socket->readAll(); });
            auto done = std::make_shared<bool>(false);
            auto finishOne = [&, socket, received, timer, remaining, start, done] {
                if (*done)
                    return;
                *done = true;
                *received += socket->readAll();
                ++(received->startsWith("HTTP/1.1 200 ") ? result.ok : result.failed);
                result.latenciesNs.append(timer->nsecsElapsed());
                socket->deleteLater();
                if (--outstanding == 0)
                    loop.quit();
                if (--*remaining > 0)
                    (*start)();
            };
            QObject::connect(socket, &QTcpSocket::disconnected, socket, finishOne);
            QObject::connect(socket, &QTcpSocket::errorOccurred, socket,
                             [socket, finishOne](QAbstractSocket::SocketError) {
                                 if (socket->state() == QAbstractSocket::UnconnectedState)
                                     finishOne();
                             });
            timer->start();
            socket->connectToHost(QStringLiteral("127.0.0.1"), port);
        };
        (*start)();
    }
    loop.exec();
    result.seconds = wall.nsecsElapsed() / 1e9;
    for (QObject *slot : std::as_const(holders))
        delete slot;
    return result;
}

void report(QTextStream &out, const char *name, int connections, PhaseResult r)
{
    std::sort(r.latenciesNs.begin(), r.latenciesNs.end());
    auto pct = [&r](double p) {
        if (r.latenciesNs.isEmpty())
            return 0.0;
        const qsizetype idx =
            std::min(r.latenciesNs.size() - 1, qsizetype(p * r.latenciesNs.size()));
        return r.latenciesNs.at(idx) / 1e6;
    };
    out << Qt::left << qSetFieldWidth(11) << name << qSetFieldWidth(0)
        << " connections=" << connections << " requests=" << (r.ok + r.failed)
        << " failed=" << r.failed
        << " req/s=" << QString::number((r.ok + r.failed) / r.seconds, 'f', 0)
        << " p50=" << QString::number(pct(0.50), 'f', 2) << "ms"
        << " p90=" << QString::number(pct(0.90), 'f', 2) << "ms"
        << " p99=" << QString::number(pct(0.99), 'f', 2) << "ms" << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("connections"), QStringLiteral("Concurrent connections."),
          QStringLiteral("N"), QStringLiteral("200")},
         {QStringLiteral("requests"), QStringLiteral("Requests per connection and phase."),
          QStringLiteral("N"), QStringLiteral("50")},
         {QStringLiteral("depth"), QStringLiteral("Requests in flight per pipelined connection."),
          QStringLiteral("N"), QStringLiteral("16")},
         {QStringLiteral("data"),
          QStringLiteral("Persist to DIR (default: a temporary folder; 'memory' for in-memory)."),
          QStringLiteral("DIR")}});
    parser.process(app);
    const int connections = std::max(1, parser.value(QStringLiteral("connections")).toInt());
    const int requests = std::max(1, parser.value(QStringLiteral("requests")).toInt());
    const int depth = std::max(1, parser.value(QStringLiteral("depth")).toInt());

    QTemporaryDir tmp;
    tg::sandbox::ServerSettings settings;
    settings.flood.burst = 0;
    const QString data = parser.value(QStringLiteral("data"));
    settings.dataDir = data == u"memory" ? QString() : data.isEmpty() ? tmp.path() : data;

    // The server gets its own thread and event loop, like a separate process would.
    QThread thread;
    tg::sandbox::Server *server = nullptr;
    QSemaphore ready;
    QObject::connect(&thread, &QThread::started, [&] {
        server = new tg::sandbox::Server(settings);
        if (!server->listen())
            qFatal("cannot listen: %s", qPrintable(server->errorString()));
        ready.release();
    });
    thread.start();
    ready.acquire();
    const quint16 port = server->port();

    // Setup: one account and one page to read.
    QByteArray token;
    QByteArray path;
    {
        KeepAliveClient c;
        QEventLoop loop;
        QByteArray body;
        QObject::connect(&c, &KeepAliveClient::answered, &loop,
                         [&](const KeepAliveClient::Answer &a) {
                             body = a.body;
                             loop.quit();
                         });
        QObject::connect(&c.socket(), &QTcpSocket::connected, &loop,
                         [&] { c.send("/createAccount", R"({"short_name":"bench"})"); });
        c.connectTo(port);
        loop.exec();
        token =
            QJsonDocument::fromJson(body)[QStringLiteral("result")][QStringLiteral("access_token")]
                .toString()
                .toLatin1();
        c.send(
            "/createPage",
            "{\"access_token\":\"" + token +
                R"(","title":"Bench page","content":[{"tag":"p","children":["Some text for the benchmark page."]}]})");
        loop.exec();
        path = QJsonDocument::fromJson(body)[QStringLiteral("result")][QStringLiteral("path")]
                   .toString()
                   .toUtf8();
    }

    QTextStream out(stdout);
    out << "telegraph-sandbox load: " << connections << " keep-alive connections x " << requests
        << " requests per phase, store: "
        << (settings.dataDir.isEmpty() ? QStringLiteral("memory") : QStringLiteral("SQLite file"))
        << Qt::endl;
    const QByteArray getPath = "/getPage/" + path + "?return_content=true";
    report(out, "getPage", connections, runPhase(port, connections, requests, [&](int, int) {
               return qMakePair(getPath, QByteArray());
           }));
    report(out, "pipelined", connections,
           runPipelined(port, connections, requests, depth, getPath));
    report(out, "conn/req", connections,
           runConnectionPerRequest(port, connections, requests, getPath));
    const QByteArray createBody =
        "{\"access_token\":\"" + token +
        R"(","title":"Load test","content":[{"tag":"p","children":["Hello from the benchmark."]}]})";
    report(out, "createPage", connections, runPhase(port, connections, requests, [&](int, int) {
               return qMakePair(QByteArray("/createPage"), createBody);
           }));

    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    return 0;
}
