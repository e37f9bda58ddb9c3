// SPDX-License-Identifier: MIT
// The telegraph-sandbox executable under hostile clients: each attack runs against the real
// server process while a normal request on another connection must still be answered within
// a second and the process must stay under 200 MB.
#include "sandboxtest.h"
#include "testmain.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>

#include <memory>

using namespace tg::test;

namespace {

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TG_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define TG_UNDER_ASAN 1
#endif
#ifdef TG_UNDER_ASAN
// The server of a sanitizer build holds ASan's shadow memory and its 256 MiB quarantine of freed
// blocks on top of what it uses; the 200 MB bound itself is checked by the optimised builds.
constexpr qint64 MaxRssBytes = (200LL + 512) * 1024 * 1024;
#else
constexpr qint64 MaxRssBytes = 200LL * 1024 * 1024;
#endif
constexpr int ProbeTimeoutMs = 1000;

/// Counts occurrences of a needle in a byte stream that arrives in pieces.
class StreamCounter
{
public:
    explicit StreamCounter(QByteArray needle)
        : m_needle(std::move(needle))
    {}
    void feed(const QByteArray &data)
    {
        const QByteArray joined = m_tail + data;
        m_count += joined.count(m_needle);
        m_tail = joined.right(m_needle.size() - 1);
        if (m_head.size() < 256)
            m_head += data.left(256 - m_head.size());
    }
    qsizetype count() const { return m_count; }
    /// The first bytes seen, for failure messages.
    QByteArray head() const { return m_head; }

private:
    QByteArray m_needle;
    QByteArray m_tail;
    QByteArray m_head;
    qsizetype m_count = 0;
};

/// A raw attacking connection that collects (a bounded prefix of) what the server answers.
struct Attacker
{
    QTcpSocket socket;
    QByteArray received; ///< at most the first 64 KiB
    StreamCounter answers{"HTTP/1.1 "};

    explicit Attacker(quint16 port, qint64 readBufferSize = 0)
    {
        socket.setReadBufferSize(readBufferSize);
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { take(); });
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    }
    void take()
    {
        const QByteArray data = socket.readAll();
        answers.feed(data);
        if (received.size() < 64 * 1024)
            received += data.left(64 * 1024 - received.size());
    }
    bool closed() const { return socket.state() == QAbstractSocket::UnconnectedState; }
};

} // namespace

class TestSandboxAttacks : public QObject
{
    Q_OBJECT

private:
    /// Starts the executable; false when it did not print its URL.
    bool start(const QStringList &extraArguments = {});
    /// VmRSS of the server process in bytes (-1 when it is gone).
    qint64 serverRss() const;
    /// A normal API call on a fresh connection, answered within a second.
    RawReply probe();
    /// Sends raw bytes on a fresh connection (closing after the answer) and returns the answer.
    QByteArray exchange(const QByteArray &request);

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<RawHttp> m_http;
    QUrl m_url;
    quint16 m_port = 0;

private Q_SLOTS:
    void cleanup();

    void chunkSizeOverflow_isRefusedWhileOthersAreServed_data();
    void chunkSizeOverflow_isRefusedWhileOthersAreServed();
    void pipelinedFlood_isAnsweredInOrderWhileOthersAreServed();
    void unreadAnswers_stopTheConnectionInsteadOfFillingMemory();
    void endlessTrailers_areRefusedAtTheHeaderLimit();
    void control_foreignHostOrOrigin_isRefused_data();
    void control_foreignHostOrOrigin_isRefused();
    void control_nonFiniteOrOutOfRangeNumbers_areRefused_data();
    void control_nonFiniteOrOutOfRangeNumbers_areRefused();
    void connectionFlood_extraConnectionsGet503();
};

bool TestSandboxAttacks::start(const QStringList &extraArguments)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(QStringLiteral(TG_SANDBOX_EXE));
    m_process->setArguments(QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                        QStringLiteral("--memory"), QStringLiteral("--flood-burst"),
                                        QStringLiteral("0")} +
                            extraArguments);
    m_process->start();
    if (!m_process->waitForStarted(5000))
        return false;
    if (!QTest::qWaitFor([&] { return m_process->canReadLine(); }, 10000))
        return false;
    const QByteArray line = m_process->readLine().trimmed();
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:(\\d+))$"))
            .match(QString::fromUtf8(line));
    if (!m.hasMatch())
        return false;
    m_url = QUrl(m.captured(1));
    m_port = quint16(m.captured(2).toUInt());
    m_http = std::make_unique<RawHttp>(m_url);
    return m_port != 0;
}

void TestSandboxAttacks::cleanup()
{
    m_http.reset();
    if (m_process) {
        m_process->kill();
        m_process->waitForFinished(5000);
        m_process.reset();
    }
}

qint64 TestSandboxAttacks::serverRss() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(m_process->processId()));
    if (m_process->state() != QProcess::Running || !status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

RawReply TestSandboxAttacks::probe()
{
    // A new manager, so the request goes over a connection of its own.
    RawHttp http(m_url);
    return http.get(QStringLiteral("/getPage/Probe-01-01"), {}, ProbeTimeoutMs);
}

QByteArray TestSandboxAttacks::exchange(const QByteArray &request)
{
    Attacker a(m_port);
    QObject::connect(&a.socket, &QTcpSocket::connected, &a.socket,
                     [&] { a.socket.write(request); });
    [[maybe_unused]] const bool closed = QTest::qWaitFor([&] { return a.closed(); }, 5000);
    a.take();
    return a.received;
}

#define TG_VERIFY_SERVER_HEALTHY()                                                                 \
    do {                                                                                           \
        const RawReply tgProbe = probe();                                                          \
        QVERIFY2(tgProbe.finished, "a normal request was not answered within a second");           \
        QCOMPARE(tgProbe.status, 200);                                                             \
        QCOMPARE(tgProbe.apiError(), QStringLiteral("PAGE_NOT_FOUND"));                            \
        const qint64 tgRss = serverRss();                                                          \
        QVERIFY2(tgRss > 0, "the server process is gone");                                         \
        QVERIFY2(tgRss < MaxRssBytes,                                                              \
                 qPrintable(QStringLiteral("server RSS %1 MB").arg(tgRss / (1024 * 1024))));       \
    } while (false)

void TestSandboxAttacks::chunkSizeOverflow_isRefusedWhileOthersAreServed_data()
{
    QTest::addColumn<QByteArray>("tail");
    QTest::newRow("overflow alone") << QByteArray();
    QTest::newRow("overflow and 1 KB more") << QByteArray(1024, 'a');
}

void TestSandboxAttacks::chunkSizeOverflow_isRefusedWhileOthersAreServed()
{
    QFETCH(QByteArray, tail);
    QVERIFY(start());
    Attacker a(m_port);
    QVERIFY(a.socket.waitForConnected(5000));
    a.socket.write("POST /createAccount HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: "
                   "chunked\r\n\r\n1\r\na\r\n7fffffffffffffff\r\n" +
                   tail);
    QVERIFY(a.socket.waitForBytesWritten(5000));
    TG_VERIFY_SERVER_HEALTHY();
    QTRY_VERIFY_WITH_TIMEOUT(a.received.startsWith("HTTP/1.1 413 "), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(a.closed(), 5000);
    TG_VERIFY_SERVER_HEALTHY();
}

void TestSandboxAttacks::pipelinedFlood_isAnsweredInOrderWhileOthersAreServed()
{
    QVERIFY(start());
    constexpr int Count = 60000;
    Attacker a(m_port);
    QVERIFY(a.socket.waitForConnected(5000));
    a.socket.write(QByteArray("GET /x HTTP/1.1\r\n\r\n").repeated(Count));
    // While the flood is being answered, others are answered too.
    TG_VERIFY_SERVER_HEALTHY();
    QTRY_VERIFY_WITH_TIMEOUT(a.answers.count() >= Count || a.closed(), 60000);
    QVERIFY2(a.answers.count() == Count && !a.closed(),
             qPrintable(
                 QStringLiteral("%1 answers, closed: %2").arg(a.answers.count()).arg(a.closed())));
    QVERIFY(a.answers.head().startsWith("HTTP/1.1 200 OK"));
    TG_VERIFY_SERVER_HEALTHY();
}

void TestSandboxAttacks::unreadAnswers_stopTheConnectionInsteadOfFillingMemory()
{
    QVERIFY(start());
    // One 4 MiB upload...
    QByteArray png("\x89PNG\r\n\x1A\n", 8);
    png += QByteArray(4 * 1024 * 1024 - png.size(), '\0');
    const QByteArray body = "--b\r\nContent-Disposition: form-data; name=\"file\"; "
                            "filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n" +
                            png + "\r\n--b--\r\n";
    const RawReply upload =
        m_http->post(QStringLiteral("/upload"), body, "multipart/form-data; boundary=b");
    const QByteArray src = QJsonDocument::fromJson(upload.body)
                               .array()
                               .at(0)[QStringLiteral("src")]
                               .toString()
                               .toLatin1();
    QVERIFY2(src.startsWith("/file/"), upload.body.constData());
    // ...then ~16 KB of pipelined requests for it from a client that reads (almost) nothing.
    Attacker a(m_port, 64 * 1024);
    QVERIFY(a.socket.waitForConnected(5000));
    const QByteArray request = "GET " + src + " HTTP/1.1\r\n\r\n";
    a.socket.write(request.repeated(16 * 1024 / request.size()));
    QVERIFY(a.socket.waitForBytesWritten(5000));
    for (int i = 0; i < 5; ++i)
        TG_VERIFY_SERVER_HEALTHY();
    // Once the client reads, its answers flow again.
    a.socket.setReadBufferSize(0);
    a.take();
    QTRY_VERIFY_WITH_TIMEOUT(a.answers.count() >= 3, 20000);
    QVERIFY(a.received.startsWith("HTTP/1.1 200 OK"));
    a.socket.abort();
    TG_VERIFY_SERVER_HEALTHY();
}

void TestSandboxAttacks::endlessTrailers_areRefusedAtTheHeaderLimit()
{
    QVERIFY(start({QStringLiteral("--max-body"), QStringLiteral("1024")}));
    Attacker a(m_port);
    QVERIFY(a.socket.waitForConnected(5000));
    a.socket.write("POST /createAccount HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: "
                   "chunked\r\n\r\n0\r\n");
    // Up to 32 MiB of trailer fields, in 1 MiB writes as the server takes them.
    const QByteArray piece =
        QByteArray("X-Trailer: " + QByteArray(53, 'a') + "\r\n").repeated(1024 * 1024 / 66);
    int written = 0;
    auto more = [&] {
        if (written < 32 && !a.closed() && a.socket.bytesToWrite() < 2 * piece.size()) {
            ++written;
            a.socket.write(piece);
        }
    };
    QObject::connect(&a.socket, &QTcpSocket::bytesWritten, &a.socket, more);
    more();
    TG_VERIFY_SERVER_HEALTHY();
    QTRY_VERIFY_WITH_TIMEOUT(!a.received.isEmpty() || a.closed() || written >= 32, 20000);
    QVERIFY2(a.received.startsWith("HTTP/1.1 431 "), a.received.left(100).constData());
    QTRY_VERIFY_WITH_TIMEOUT(a.closed(), 5000);
    TG_VERIFY_SERVER_HEALTHY();
}

void TestSandboxAttacks::control_foreignHostOrOrigin_isRefused_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("error");
    // PORT stands for the server's port.
    QTest::newRow("loopback address")
        << QByteArray("Host: 127.0.0.1:PORT\r\n") << 200 << QByteArray();
    QTest::newRow("other loopback address")
        << QByteArray("Host: 127.1.2.3:PORT\r\n") << 200 << QByteArray();
    QTest::newRow("localhost") << QByteArray("Host: LocalHost:PORT\r\n") << 200 << QByteArray();
    QTest::newRow("IPv6 loopback") << QByteArray("Host: [::1]:PORT\r\n") << 200 << QByteArray();
    QTest::newRow("configured public host")
        << QByteArray("Host: graph.org\r\n") << 200 << QByteArray();
    QTest::newRow("same origin") << QByteArray(
                                        "Host: 127.0.0.1:PORT\r\nOrigin: http://127.0.0.1:PORT\r\n")
                                 << 200 << QByteArray();
    QTest::newRow("foreign host (DNS rebinding)")
        << QByteArray("Host: rebind.example:PORT\r\n") << 403 << QByteArray("HOST_NOT_ALLOWED");
    QTest::newRow("host that only starts like localhost")
        << QByteArray("Host: localhost.example\r\n") << 403 << QByteArray("HOST_NOT_ALLOWED");
    QTest::newRow("host that only starts like 127")
        << QByteArray("Host: 127.0.0.1.example\r\n") << 403 << QByteArray("HOST_NOT_ALLOWED");
    QTest::newRow("no host") << QByteArray() << 403 << QByteArray("HOST_NOT_ALLOWED");
    QTest::newRow("cross-origin page")
        << QByteArray("Host: 127.0.0.1:PORT\r\nOrigin: http://evil.example\r\n") << 403
        << QByteArray("ORIGIN_NOT_ALLOWED");
    QTest::newRow("loopback page on another port")
        << QByteArray("Host: 127.0.0.1:PORT\r\nOrigin: http://127.0.0.1:1\r\n") << 403
        << QByteArray("ORIGIN_NOT_ALLOWED");
    QTest::newRow("opaque origin") << QByteArray("Host: 127.0.0.1:PORT\r\nOrigin: null\r\n") << 403
                                   << QByteArray("ORIGIN_NOT_ALLOWED");
}

void TestSandboxAttacks::control_foreignHostOrOrigin_isRefused()
{
    QFETCH(QByteArray, headers);
    QFETCH(int, status);
    QFETCH(QByteArray, error);
    QVERIFY(start({QStringLiteral("--public-url"), QStringLiteral("https://graph.org")}));
    headers.replace("PORT", QByteArray::number(m_port));
    const QByteArray body = "mode=disabled";
    const QByteArray answer =
        exchange("POST /_sandbox/upload HTTP/1.1\r\n" + headers +
                 "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
             answer.constData());
    const QJsonObject json =
        QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
    if (error.isEmpty()) {
        QCOMPARE(json[QStringLiteral("result")][QStringLiteral("upload")].toString(),
                 QStringLiteral("disabled"));
    } else {
        QCOMPARE(json[QStringLiteral("error")].toString(), QString::fromLatin1(error));
        QVERIFY(!json[QStringLiteral("reason")].toString().isEmpty());
        // Nothing changed, and a refused read leaks nothing.
        const RawReply settings = m_http->get(QStringLiteral("/_sandbox/settings"));
        QCOMPARE(settings.result()[QStringLiteral("upload")].toString(), QStringLiteral("ok"));
        QVERIFY(!answer.contains("public_url"));
    }
    TG_VERIFY_SERVER_HEALTHY();
}

void TestSandboxAttacks::control_nonFiniteOrOutOfRangeNumbers_areRefused_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    const QString faults = QStringLiteral("faults");
    const QString flood = QStringLiteral("flood");
    const QString views = QStringLiteral("views");
    QTest::newRow("rate nan") << faults << QByteArray("rate=nan") << "RATE_INVALID";
    QTest::newRow("rate inf") << faults << QByteArray("rate=inf") << "RATE_INVALID";
    QTest::newRow("rate -inf") << faults << QByteArray("rate=-inf") << "RATE_INVALID";
    QTest::newRow("rate 1e400") << faults << QByteArray("rate=1e400") << "RATE_INVALID";
    QTest::newRow("page_save_failed_rate nan")
        << faults << QByteArray("page_save_failed_rate=NaN") << "RATE_INVALID";
    QTest::newRow("latency_ms inf") << faults << QByteArray("latency_ms=inf") << "LATENCY_INVALID";
    QTest::newRow("interval inf") << flood << QByteArray("interval=inf") << "INTERVAL_INVALID";
    QTest::newRow("interval nan") << flood << QByteArray("interval=nan") << "INTERVAL_INVALID";
    QTest::newRow("interval 1e309") << flood << QByteArray("interval=1e309") << "INTERVAL_INVALID";
    QTest::newRow("interval a century")
        << flood << QByteArray("interval=3153600000") << "INTERVAL_INVALID";
    QTest::newRow("interval zero") << flood << QByteArray("interval=0") << "INTERVAL_INVALID";
    QTest::newRow("burst nan") << flood << QByteArray("burst=nan") << "BURST_INVALID";
    QTest::newRow("views count huge")
        << views
        << QByteArray("path=PATH&timestamps=2025-01-01T00:00:00Z&count=1000000000000000000")
        << "COUNT_INVALID";
    QTest::newRow("views timestamp 1e300")
        << views << QByteArray("path=PATH&timestamps=%5B1e300%5D") << "TIMESTAMP_INVALID";
    QTest::newRow("views timestamp -1e300")
        << views << QByteArray("path=PATH&timestamps=%5B-1e300%5D") << "TIMESTAMP_INVALID";
}

void TestSandboxAttacks::control_nonFiniteOrOutOfRangeNumbers_areRefused()
{
    QFETCH(QString, action);
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QVERIFY(start());
    const QString token = m_http->get(QStringLiteral("/createAccount"), "short_name=N")
                              .result()[QStringLiteral("access_token")]
                              .toString();
    const RawReply page = m_http->postForm(
        QStringLiteral("/createPage"), {{QStringLiteral("access_token"), token},
                                        {QStringLiteral("title"), QStringLiteral("Numbers")},
                                        {QStringLiteral("content"), QStringLiteral("[\"x\"]")}});
    const QByteArray path = page.result()[QStringLiteral("path")].toString().toLatin1();
    QVERIFY2(!path.isEmpty(), page.body.constData());
    body.replace("PATH", path);
    const QByteArray before = m_http->get(QStringLiteral("/_sandbox/settings")).body;

    const RawReply r =
        m_http->post(u"/_sandbox/" + action, body, "application/x-www-form-urlencoded");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.apiError(), error);
    QCOMPARE(m_http->get(QStringLiteral("/_sandbox/settings")).body, before);
    const RawReply views = m_http->get(QStringLiteral("/getViews"), "path=" + path);
    QCOMPARE(views.result()[QStringLiteral("views")].toInteger(), 0);
    TG_VERIFY_SERVER_HEALTHY();
}

void TestSandboxAttacks::connectionFlood_extraConnectionsGet503()
{
    constexpr int Cap = 16;
    constexpr int Extra = 24;
    QVERIFY(start({QStringLiteral("--max-connections"), QString::number(Cap)}));
    std::vector<std::unique_ptr<Attacker>> attackers;
    for (int i = 0; i < Cap + Extra; ++i) {
        attackers.push_back(std::make_unique<Attacker>(m_port));
        // One at a time, so which ones are over the cap is known.
        QTRY_VERIFY_WITH_TIMEOUT(attackers.back()->socket.state() ==
                                         QAbstractSocket::ConnectedState ||
                                     attackers.back()->closed(),
                                 5000);
        if (i == Cap - 1) {
            // The server has taken the first ones in before the extra ones arrive.
            QTRY_VERIFY_WITH_TIMEOUT(probe().body.contains("Too many open connections"), 5000);
        }
    }
    for (int i = Cap; i < Cap + Extra; ++i) {
        Attacker &a = *attackers.at(size_t(i));
        QTRY_VERIFY_WITH_TIMEOUT(a.closed(), 5000);
        QVERIFY2(a.received.startsWith("HTTP/1.1 503 Service Unavailable\r\n"),
                 a.received.constData());
        QVERIFY(a.received.contains("Too many open connections (the limit is 16)"));
    }
    for (int i = 0; i < Cap; ++i)
        QVERIFY(!attackers.at(size_t(i))->closed());
    // Over the cap, a normal request is turned away at once rather than left waiting.
    const RawReply refused = probe();
    QVERIFY(refused.finished);
    QCOMPARE(refused.status, 503);
    // Once the flood is gone, the server serves again.
    attackers.clear();
    QTRY_VERIFY_WITH_TIMEOUT(probe().status == 200, 5000);
    TG_VERIFY_SERVER_HEALTHY();
}

TG_TEST_MAIN_CORE(TestSandboxAttacks)
#include "tst_sandboxattacks.moc"
