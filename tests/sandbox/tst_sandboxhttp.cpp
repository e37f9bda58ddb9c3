// SPDX-License-Identifier: MIT
// telegraph-sandbox under stress: flood control, uploads, faults, limits, bad input, slow
// clients, persistence across restarts and 200 concurrent connections.
#include "keepaliveclient.h"
#include "sandboxfixture.h"
#include "sandboxtest.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>

using namespace tg::test;

namespace {

QByteArray pngBytes()
{
    return QByteArray(
        "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1F\x15\xC4\x89", 33);
}
QByteArray jpegBytes()
{
    return QByteArray("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xFF\xD9", 22);
}
QByteArray gifBytes()
{
    return QByteArray("GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xFF\xFF\xFF!\xF9\x04\x01\0\0\0\0,"
                      "\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;",
                      43);
}
QByteArray mp4Bytes()
{
    return QByteArray("\0\0\0\x18"
                      "ftypmp42\0\0\0\0mp42isom\0\0\0\x08"
                      "free",
                      32);
}

/// A multipart/form-data body with one file part per entry.
QByteArray multipartBody(const QList<QByteArray> &files, const QByteArray &boundary)
{
    QByteArray body;
    for (qsizetype i = 0; i < files.size(); ++i) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file" +
                QByteArray::number(i) +
                "\"; filename=\"blob\"\r\nContent-Type: application/octet-stream\r\n\r\n" +
                files.at(i) + "\r\n";
    }
    return body + "--" + boundary + "--\r\n";
}

/// Sends raw bytes over a fresh socket and collects everything until the server closes or the
/// timeout passes (keeping the event loop, and so the in-process server, running).
QByteArray rawExchange(quint16 port, const QByteArray &request, int timeoutMs = 5000,
                       bool *closed = nullptr)
{
    QTcpSocket socket;
    QByteArray out;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { out += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::connected, &socket, [&] { socket.write(request); });
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    const bool gone = QTest::qWaitFor(
        [&] { return socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    out += socket.readAll();
    if (closed)
        *closed = gone;
    return out;
}

/// Test defaults: flood control off.
tg::sandbox::ServerSettings quietSettings()
{
    tg::sandbox::ServerSettings s;
    s.flood.burst = 0;
    return s;
}

} // namespace

class TestSandboxHttp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<RawHttp> m_http;
    QDateTime m_now;

    void start(tg::sandbox::ServerSettings s = quietSettings());
    QString newToken();
    RawReply createPage(const QString &token, const QByteArray &title = "Page");
    RawReply setFaults(const QByteArray &json)
    {
        return m_http->postJson(QStringLiteral("/_sandbox/faults"), json);
    }

private Q_SLOTS:
    void cleanup();

    void flood_burstThenHonestWaitSeconds();

    void flood_controlEndpointTurnsItOff();

    void upload_acceptsSniffedTypesAndServesThem_data();
    void upload_acceptsSniffedTypesAndServesThem();

    void upload_refusals_data();
    void upload_refusals();

    void upload_exactlyFiveMegabytes_isAccepted();

    void upload_disabled_answersLikeTodaysTelegraph();

    void faults_eachKind_data();
    void faults_eachKind();

    void faults_rateAppliesToAShareOfCalls();

    void faults_pageSaveFailedRate();

    void faults_latencyDelaysAnswers();

    void limits_hugeBody_is413();

    void limits_hugeHeaderAndLongUrl_areRefused();

    void badInput_answersWithErrorCodes_data();
    void badInput_answersWithErrorCodes();

    void deepNesting_isRefusedWithoutCrashing_data();
    void deepNesting_isRefusedWithoutCrashing();

    void http_keepAliveAndChunkedBodies();

    void http_slowClientTimesOut();

    void persistence_survivesRestart();
    void listen_preferredPort_usedWhenFree_elseAnotherKeepingThePublicUrl();

    void concurrency_200ConnectionsDoingMixedCalls();
};

void TestSandboxHttp::start(tg::sandbox::ServerSettings s)
{
    m_now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
    s.clock = [this] {
        return m_now;
    };
    m_sandbox = std::make_unique<SandboxFixture>(s);
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_http = std::make_unique<RawHttp>(m_sandbox->url());
}

QString TestSandboxHttp::newToken()
{
    return m_http->api(QStringLiteral("createAccount"), R"({"short_name":"S"})")
        .result()[QStringLiteral("access_token")]
        .toString();
}

RawReply TestSandboxHttp::createPage(const QString &token, const QByteArray &title)
{
    return m_http->api(QStringLiteral("createPage"), "{\"access_token\":\"" + token.toLatin1() +
                                                         "\",\"title\":\"" + title +
                                                         "\",\"content\":[\"x\"]}");
}

void TestSandboxHttp::cleanup()
{
    m_http.reset();
    m_sandbox.reset();
}

void TestSandboxHttp::flood_burstThenHonestWaitSeconds()
{
    tg::sandbox::ServerSettings s;
    s.flood = {3, 3.0};
    start(s);
    const QString token = newToken();
    for (int i = 0; i < 3; ++i)
        QVERIFY(createPage(token).json()[QStringLiteral("ok")].toBool());
    TG_COMPARE_JSON(createPage(token).body, R"({"ok":false,"error":"FLOOD_WAIT_3"})");
    m_now = m_now.addMSecs(1500);
    TG_COMPARE_JSON(createPage(token).body, R"({"ok":false,"error":"FLOOD_WAIT_2"})");
    m_now = m_now.addMSecs(1000);
    TG_COMPARE_JSON(createPage(token).body, R"({"ok":false,"error":"FLOOD_WAIT_1"})");
    m_now = m_now.addMSecs(500);
    QVERIFY(createPage(token).json()[QStringLiteral("ok")].toBool());
    // Edits and account changes are writes too; reads never count.
    TG_COMPARE_JSON(
        m_http
            ->api(QStringLiteral("editAccountInfo"),
                  "{\"access_token\":\"" + token.toLatin1() + "\",\"author_name\":\"x\"}")
            .body,
        R"({"ok":false,"error":"FLOOD_WAIT_3"})");
    for (int i = 0; i < 30; ++i)
        QVERIFY(m_http
                    ->api(QStringLiteral("getPageList"),
                          "{\"access_token\":\"" + token.toLatin1() + "\"}")
                    .json()[QStringLiteral("ok")]
                    .toBool());
    // Another account has its own budget.
    QVERIFY(createPage(newToken()).json()[QStringLiteral("ok")].toBool());
}

void TestSandboxHttp::flood_controlEndpointTurnsItOff()
{
    tg::sandbox::ServerSettings s;
    s.flood = {1, 60.0};
    start(s);
    const QString token = newToken();
    QVERIFY(createPage(token).json()[QStringLiteral("ok")].toBool());
    TG_COMPARE_JSON(createPage(token).body, R"({"ok":false,"error":"FLOOD_WAIT_60"})");
    const RawReply r = m_http->postJson(QStringLiteral("/_sandbox/flood"), R"({"burst":0})");
    QCOMPARE(r.result()[QStringLiteral("flood_burst")].toInt(), 0);
    for (int i = 0; i < 25; ++i)
        QVERIFY(createPage(token).json()[QStringLiteral("ok")].toBool());
    QCOMPARE(m_http->postJson(QStringLiteral("/_sandbox/flood"), R"({"burst":-1})").status, 400);
}

void TestSandboxHttp::upload_acceptsSniffedTypesAndServesThem_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("mime");
    QTest::addColumn<QString>("ext");
    QTest::newRow("png") << pngBytes() << QByteArray("image/png") << "png";
    QTest::newRow("jpeg") << jpegBytes() << QByteArray("image/jpeg") << "jpg";
    QTest::newRow("gif") << gifBytes() << QByteArray("image/gif") << "gif";
    QTest::newRow("mp4") << mp4Bytes() << QByteArray("video/mp4") << "mp4";
}

void TestSandboxHttp::upload_acceptsSniffedTypesAndServesThem()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, mime);
    QFETCH(QString, ext);
    start();
    const RawReply r = m_http->post(QStringLiteral("/upload"), multipartBody({bytes}, "b0undary"),
                                    "multipart/form-data; boundary=b0undary");
    QCOMPARE(r.status, 200);
    const QJsonArray list = QJsonDocument::fromJson(r.body).array();
    QCOMPARE(list.size(), 1);
    const QString src = list.at(0)[QStringLiteral("src")].toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^/file/[0-9a-f]{21}\\.") + ext + u'$')
                 .match(src)
                 .hasMatch(),
             qPrintable(src));
    const RawReply file = m_http->get(src);
    QCOMPARE(file.status, 200);
    QCOMPARE(file.contentType, mime);
    QCOMPARE(file.body, bytes);
}

void TestSandboxHttp::upload_refusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("text file") << multipartBody({"hello"}, "b")
                               << QByteArray("multipart/form-data; boundary=b")
                               << QByteArray(R"({"error":"File type invalid"})");
    QTest::newRow("one good one bad") << multipartBody({pngBytes(), "<svg/>"}, "b")
                                      << QByteArray("multipart/form-data; boundary=b")
                                      << QByteArray(R"({"error":"File type invalid"})");
    QTest::newRow("no parts") << QByteArray("--b--\r\n")
                              << QByteArray("multipart/form-data; boundary=b")
                              << QByteArray(R"({"error":"No files passed"})");
    QTest::newRow("not multipart")
        << QByteArray("a=b") << QByteArray("application/x-www-form-urlencoded")
        << QByteArray(R"({"error":"No files passed"})");
    QByteArray big = pngBytes() + QByteArray(5 * 1024 * 1024, '\0');
    QTest::newRow("over 5 MB") << multipartBody({big}, "b")
                               << QByteArray("multipart/form-data; boundary=b")
                               << QByteArray(R"({"error":"File too big"})");
}

void TestSandboxHttp::upload_refusals()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, expected);
    start();
    TG_COMPARE_JSON(m_http->post(QStringLiteral("/upload"), body, contentType).body, expected);
}

void TestSandboxHttp::upload_exactlyFiveMegabytes_isAccepted()
{
    start();
    const QByteArray file = pngBytes() + QByteArray(5 * 1024 * 1024 - 33, '\0');
    QCOMPARE(file.size(), 5 * 1024 * 1024);
    const RawReply r = m_http->post(QStringLiteral("/upload"), multipartBody({file}, "b"),
                                    "multipart/form-data; boundary=b");
    QVERIFY2(QJsonDocument::fromJson(r.body).isArray(), r.body.constData());
}

void TestSandboxHttp::upload_disabled_answersLikeTodaysTelegraph()
{
    start();
    QCOMPARE(m_http->postJson(QStringLiteral("/_sandbox/upload"), R"({"mode":"disabled"})").status,
             200);
    TG_COMPARE_JSON(m_http
                        ->post(QStringLiteral("/upload"), multipartBody({pngBytes()}, "b"),
                               "multipart/form-data; boundary=b")
                        .body,
                    R"({"error":"Unknown error"})");
    QCOMPARE(m_http->postJson(QStringLiteral("/_sandbox/upload"), R"({"mode":"maybe"})").status,
             400);
}

void TestSandboxHttp::faults_eachKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("http500") << "http500";
    QTest::newRow("html") << "html";
    QTest::newRow("truncate") << "truncate";
    QTest::newRow("reset") << "reset";
    QTest::newRow("stall") << "stall";
}

void TestSandboxHttp::faults_eachKind()
{
    QFETCH(QString, kind);
    start();
    const QString token = newToken();
    QVERIFY(setFaults("{\"rate\":1,\"kinds\":[\"" + kind.toLatin1() + "\"]}")
                .json()[QStringLiteral("ok")]
                .toBool());
    QNetworkRequest request(m_http->url(QStringLiteral("/createPage"), {}));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setTransferTimeout(700);
    const RawReply r = RawHttp::wait(m_http->manager().post(
        request, "{\"access_token\":\"" + token.toLatin1() + R"(","title":"F","content":["x"]})"));
    QVERIFY(r.finished);
    if (kind == u"http500") {
        QCOMPARE(r.status, 500);
        QVERIFY(QJsonDocument::fromJson(r.body).isNull());
    } else if (kind == u"html") {
        QCOMPARE(r.status, 502);
        QVERIFY(r.contentType.startsWith("text/html"));
        QVERIFY(r.body.contains("<html>"));
    } else if (kind == u"truncate") {
        QVERIFY(r.error != QNetworkReply::NoError || QJsonDocument::fromJson(r.body).isNull());
    } else if (kind == u"reset") {
        QVERIFY2(r.error == QNetworkReply::RemoteHostClosedError ||
                     r.error == QNetworkReply::UnknownNetworkError,
                 qPrintable(QString::number(r.error)));
    } else {
        QCOMPARE(r.error, QNetworkReply::OperationCanceledError); // transfer timeout
    }
    // Control calls are never faulted; turning faults off restores normal answers.
    QVERIFY(setFaults(R"({"rate":0})").json()[QStringLiteral("ok")].toBool());
    const int pages =
        m_http
            ->api(QStringLiteral("getAccountInfo"),
                  "{\"access_token\":\"" + token.toLatin1() + "\",\"fields\":[\"page_count\"]}")
            .result()[QStringLiteral("page_count")]
            .toInt();
    // Only a truncated answer comes from a request that took effect.
    QCOMPARE(pages, kind == u"truncate" ? 1 : 0);
}

void TestSandboxHttp::faults_rateAppliesToAShareOfCalls()
{
    tg::sandbox::ServerSettings s = quietSettings();
    s.faults.rate = 0.5;
    s.faults.kinds = {tg::sandbox::FaultKind::Http500};
    s.randomSeed = 42;
    start(s);
    int failed = 0;
    for (int i = 0; i < 60; ++i)
        failed += m_http->get(QStringLiteral("/getPage/x")).status == 500;
    QVERIFY2(failed > 10 && failed < 50, qPrintable(QString::number(failed)));
}

void TestSandboxHttp::faults_pageSaveFailedRate()
{
    start();
    const QString token = newToken();
    QVERIFY(setFaults(R"({"page_save_failed_rate":1})").json()[QStringLiteral("ok")].toBool());
    TG_COMPARE_JSON(createPage(token).body, R"({"ok":false,"error":"PAGE_SAVE_FAILED"})");
    QVERIFY(setFaults(R"({"page_save_failed_rate":0})").json()[QStringLiteral("ok")].toBool());
    TG_COMPARE_JSON(
        m_http
            ->api(QStringLiteral("getPageList"), "{\"access_token\":\"" + token.toLatin1() + "\"}")
            .body,
        R"({"ok":true,"result":{"total_count":0,"pages":[]}})");
    QCOMPARE(setFaults(R"({"rate":2})").status, 400);
    QCOMPARE(setFaults(R"({"kinds":["meteor"]})").status, 400);
}

void TestSandboxHttp::faults_latencyDelaysAnswers()
{
    start();
    QVERIFY(setFaults(R"({"latency_ms":300})").json()[QStringLiteral("ok")].toBool());
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(m_http->get(QStringLiteral("/getPage/x")).apiError(),
             QStringLiteral("PAGE_NOT_FOUND"));
    QVERIFY(timer.elapsed() >= 290);
    const RawReply settings = m_http->get(QStringLiteral("/_sandbox/settings"));
    QCOMPARE(settings.result()[QStringLiteral("latency_ms")].toInt(), 300);
}

void TestSandboxHttp::limits_hugeBody_is413()
{
    tg::sandbox::ServerSettings s = quietSettings();
    s.limits.maxBodyBytes = 1024 * 1024;
    start(s);
    bool closed = false;
    const QByteArray answer = rawExchange(m_sandbox->server()->port(),
                                          "POST /createPage HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                          "application/json\r\nContent-Length: 1048577\r\n\r\n{",
                                          3000, &closed);
    QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());
    QVERIFY(closed);
    // At the limit it is read and answered normally.
    const RawReply r = m_http->post(QStringLiteral("/createAccount"), QByteArray(1024 * 1024, ' '),
                                    "application/json");
    TG_COMPARE_JSON(r.body, R"({"ok":false,"error":"SHORT_NAME_REQUIRED"})");
    // A chunked body that grows past the limit, too.
    const QByteArray chunk =
        QByteArray::number(600 * 1024, 16) + "\r\n" + QByteArray(600 * 1024, 'a') + "\r\n";
    const QByteArray chunked = rawExchange(
        m_sandbox->server()->port(),
        "POST /createAccount HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk +
            chunk,
        3000);
    QVERIFY2(chunked.startsWith("HTTP/1.1 413 "), chunked.left(100).constData());
}

void TestSandboxHttp::limits_hugeHeaderAndLongUrl_areRefused()
{
    start();
    const QByteArray header =
        rawExchange(m_sandbox->server()->port(),
                    "GET / HTTP/1.1\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n");
    QVERIFY2(header.startsWith("HTTP/1.1 431 "), header.left(100).constData());
    const QByteArray url =
        rawExchange(m_sandbox->server()->port(),
                    "GET /getPage?path=" + QByteArray(5000, 'a') + " HTTP/1.1\r\n\r\n");
    QVERIFY2(url.startsWith("HTTP/1.1 400 "), url.left(100).constData());
    const QByteArray garbage = rawExchange(m_sandbox->server()->port(), "NONSENSE\r\n\r\n");
    QVERIFY2(garbage.startsWith("HTTP/1.1 400 "), garbage.left(100).constData());
}

void TestSandboxHttp::badInput_answersWithErrorCodes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("error");
    QTest::newRow("malformed JSON")
        << QByteArray(R"({"short_name": )") << QByteArray("application/json") << "JSON_INVALID";
    QTest::newRow("JSON array body")
        << QByteArray(R"(["short_name"])") << QByteArray("application/json") << "JSON_INVALID";
    QTest::newRow("trailing garbage") << QByteArray(R"({"short_name":"a"} x)")
                                      << QByteArray("application/json") << "JSON_INVALID";
    QTest::newRow("invalid UTF-8 in JSON") << QByteArray("{\"short_name\":\"\xC3\x28\"}")
                                           << QByteArray("application/json") << "UTF8_INVALID";
    QTest::newRow("invalid UTF-8 in form")
        << QByteArray("short_name=%C3%28") << QByteArray("application/x-www-form-urlencoded")
        << "UTF8_INVALID";
    QTest::newRow("overlong UTF-8")
        << QByteArray("short_name=%C0%AF") << QByteArray("application/x-www-form-urlencoded")
        << "UTF8_INVALID";
}

void TestSandboxHttp::badInput_answersWithErrorCodes()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, error);
    start();
    const RawReply r = m_http->post(QStringLiteral("/createAccount"), body, contentType);
    QCOMPARE(r.status, 200);
    TG_COMPARE_JSON(r.body, QByteArray(R"({"ok":false,"error":")" + error.toLatin1() + "\"}"));
}

void TestSandboxHttp::deepNesting_isRefusedWithoutCrashing_data()
{
    QTest::addColumn<bool>("asString");
    QTest::newRow("content as real array") << false;
    QTest::newRow("content as JSON string") << true;
}

void TestSandboxHttp::deepNesting_isRefusedWithoutCrashing()
{
    QFETCH(bool, asString);
    start();
    const QString token = newToken();
    QByteArray content;
    for (int i = 0; i < 10000; ++i)
        content += R"({"tag":"b","children":[)";
    content += "\"x\"";
    for (int i = 0; i < 10000; ++i)
        content += "]}";
    content = '[' + content + ']';
    RawReply r;
    if (asString) {
        r = m_http->postForm(QStringLiteral("/createPage"),
                             {{QStringLiteral("access_token"), token},
                              {QStringLiteral("title"), QStringLiteral("Deep")},
                              {QStringLiteral("content"), QString::fromLatin1(content)}});
    } else {
        r = m_http->api(QStringLiteral("createPage"),
                        "{\"access_token\":\"" + token.toLatin1() +
                            "\",\"title\":\"Deep\",\"content\":" + content + '}');
    }
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()[QStringLiteral("ok")].toBool(), false);
    const QString error = r.apiError();
    QVERIFY2(error == u"CONTENT_FORMAT_INVALID" || error == u"CONTENT_TOO_BIG", qPrintable(error));
    // The server is still fine.
    QVERIFY(createPage(token).json()[QStringLiteral("ok")].toBool());
}

void TestSandboxHttp::http_keepAliveAndChunkedBodies()
{
    start();
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_sandbox->server()->port());
    QVERIFY(socket.waitForConnected(3000));
    const QByteArray body = "short_name=Chunky";
    const QByteArray request = "POST /createAccount HTTP/1.1\r\nHost: x\r\nContent-Type: "
                               "application/x-www-form-urlencoded\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n5\r\n" +
                               body.left(5) + "\r\n" + QByteArray::number(body.size() - 5, 16) +
                               ";ext=1\r\n" + body.mid(5) + "\r\n0\r\n\r\n";
    // Two requests pipelined on one connection, then a third after the answers.
    socket.write(request + "GET /getPage/none HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += socket.readAll()).count("HTTP/1.1 200 OK") == 2, 5000);
    QVERIFY(got.contains("\"short_name\":\"Chunky\""));
    QVERIFY(got.contains("PAGE_NOT_FOUND"));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    socket.write("GET /getViews HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    got.clear();
    QTRY_VERIFY_WITH_TIMEOUT((got += socket.readAll()).contains("PATH_REQUIRED"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
}

void TestSandboxHttp::http_slowClientTimesOut()
{
    tg::sandbox::ServerSettings s = quietSettings();
    s.limits.requestTimeoutMs = 300;
    s.limits.idleTimeoutMs = 400;
    start(s);
    bool closed = false;
    const QByteArray partial = rawExchange(
        m_sandbox->server()->port(),
        "POST /createAccount HTTP/1.1\r\nContent-Length: 50\r\n\r\nshort", 3000, &closed);
    QVERIFY2(partial.startsWith("HTTP/1.1 408 "), partial.constData());
    QVERIFY(closed);
    // An idle keep-alive connection is closed quietly.
    const QByteArray idle = rawExchange(m_sandbox->server()->port(), QByteArray(), 3000, &closed);
    QVERIFY(idle.isEmpty());
    QVERIFY(closed);
}

void TestSandboxHttp::listen_preferredPort_usedWhenFree_elseAnotherKeepingThePublicUrl()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    tg::sandbox::ServerSettings s = quietSettings();
    s.preferredPort = port;
    {
        tg::sandbox::Server free(s);
        QVERIFY2(free.listen(), qPrintable(free.errorString()));
        QCOMPARE(free.port(), port);
    }
    // Taken: another port, while page URLs keep the public URL of the first start.
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, port));
    s.publicUrl = QUrl(QStringLiteral("http://127.0.0.1:") + QString::number(port));
    tg::sandbox::Server taken(s);
    QVERIFY2(taken.listen(), qPrintable(taken.errorString()));
    QVERIFY(taken.port() > 0);
    QVERIFY(taken.port() != port);
    QCOMPARE(taken.publicUrl(), s.publicUrl);
    RawHttp http(taken.url());
    const QString token = http.api(QStringLiteral("createAccount"), R"({"short_name":"P"})")
                              .result()[QStringLiteral("access_token")]
                              .toString();
    const QByteArray publicImage = s.publicUrl.toString().toUtf8() + "/file/a.png";
    const RawReply created = http.api(
        QStringLiteral("createPage"),
        "{\"access_token\":\"" + token.toLatin1() +
            "\",\"title\":\"Port\",\"content\":[\"x\",{\"tag\":\"img\",\"attrs\":{\"src\":\"" +
            publicImage + "\"}}]}");
    const QString url = created.result()[QStringLiteral("url")].toString();
    QVERIFY2(url.startsWith(s.publicUrl.toString() + u'/'), created.body.constData());
    // The content keeps the public URL; the page as served names where the server is now.
    const QString path = created.result()[QStringLiteral("path")].toString();
    QCOMPARE(http.get(QStringLiteral("/getPage/") + path, "return_content=true")
                 .result()[QStringLiteral("content")]
                 .toArray()
                 .at(1)[QStringLiteral("attrs")][QStringLiteral("src")]
                 .toString()
                 .toUtf8(),
             publicImage);
    const QByteArray page = http.get(u'/' + path).body;
    const QByteArray liveImage = taken.url().toString().toUtf8() + "/file/a.png";
    QVERIFY2(page.contains(liveImage), page.constData());
    QVERIFY(!page.contains(publicImage));
}

void TestSandboxHttp::persistence_survivesRestart()
{
    start();
    const QString token = newToken();
    const QString path =
        createPage(token, "Persistent").result()[QStringLiteral("path")].toString();
    QCOMPARE(m_http->get(u'/' + path).status, 200);
    QVERIFY(m_sandbox->server()->seedViews(path, QDateTime(QDate(2024, 1, 2), QTime(3, 0), Qt::UTC),
                                           5));
    const QString src = QJsonDocument::fromJson(m_http
                                                    ->post(QStringLiteral("/upload"),
                                                           multipartBody({pngBytes()}, "b"),
                                                           "multipart/form-data; boundary=b")
                                                    .body)
                            .array()
                            .at(0)[QStringLiteral("src")]
                            .toString();
    QVERIFY(!src.isEmpty());
    const quint16 oldPort = m_sandbox->server()->port();

    // Two Server instances on the same folder: the second sees everything.
    QVERIFY(m_sandbox->restart());
    m_http = std::make_unique<RawHttp>(m_sandbox->url());
    Q_UNUSED(oldPort);
    TG_COMPARE_JSON(m_http
                        ->api(QStringLiteral("getAccountInfo"),
                              "{\"access_token\":\"" + token.toLatin1() +
                                  "\",\"fields\":[\"short_name\",\"page_count\"]}")
                        .body,
                    R"({"ok":true,"result":{"short_name":"S","page_count":1}})");
    QCOMPARE(
        m_http->get(QStringLiteral("/getPage/") + path).result()[QStringLiteral("views")].toInt(),
        6);
    TG_COMPARE_JSON(
        m_http->get(QStringLiteral("/getViews/") + path, "year=2024&month=1&day=2&hour=3").body,
        R"({"ok":true,"result":{"views":5}})");
    QCOMPARE(m_http->get(src).body, pngBytes());
    // New pages still get fresh paths.
    QCOMPARE(createPage(token, "Persistent").result()[QStringLiteral("path")].toString(),
             path + QStringLiteral("-2"));
}

void TestSandboxHttp::concurrency_200ConnectionsDoingMixedCalls()
{
    start();
    const QString token = newToken();
    const QString path = createPage(token, "Shared").result()[QStringLiteral("path")].toString();
    constexpr int Connections = 200;
    constexpr int CallsEach = 10;
    const QList<QPair<QByteArray, QByteArray>> calls = {
        {"/createAccount", R"({"short_name":"c"})"},
        {"/getPage/" + QUrl::toPercentEncoding(path), {}},
        {"/createPage",
         "{\"access_token\":\"" + token.toLatin1() + R"(","title":"Load","content":["x"]})"},
        {"/getViews/" + QUrl::toPercentEncoding(path) + "?year=2025", {}},
        {"/getAccountInfo", "{\"access_token\":\"" + token.toLatin1() + "\"}"},
        {"/getPageList?limit=5&access_token=" + token.toLatin1(), {}},
    };
    int ok = 0;
    int bad = 0;
    QList<KeepAliveClient *> clients;
    for (int i = 0; i < Connections; ++i) {
        auto *c = new KeepAliveClient(this);
        clients.append(c);
        auto sent = std::make_shared<int>(0);
        connect(c, &KeepAliveClient::answered, this,
                [&, c, sent, i](const KeepAliveClient::Answer &a) {
                    if (a.status == 200 &&
                        QJsonDocument::fromJson(a.body)[QStringLiteral("ok")].toBool())
                        ++ok;
                    else
                        ++bad;
                    if (++*sent < CallsEach) {
                        const auto &call = calls.at((i + *sent) % calls.size());
                        c->send(call.first, call.second);
                    }
                });
        connect(c, &KeepAliveClient::failed, this, [&bad] { ++bad; });
        connect(&c->socket(), &QTcpSocket::connected, c, [c, &calls, i] {
            const auto &call = calls.at(i % calls.size());
            c->send(call.first, call.second);
        });
        c->connectTo(m_sandbox->server()->port());
    }
    QTRY_VERIFY_WITH_TIMEOUT(ok + bad == Connections * CallsEach, 30000);
    QCOMPARE(bad, 0);
    qDeleteAll(clients);
}

TG_TEST_MAIN_CORE(TestSandboxHttp)
#include "tst_sandboxhttp.moc"
