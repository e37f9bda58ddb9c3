// SPDX-License-Identifier: MIT
// Image hosts: file checks before sending, the legacy upload against the sandbox (with
// progress and the server's refusal), the HTTP host against the sandbox and a tiny local
// endpoint, and the command host with a small shell script.
#include "api/commanduploadhost.h"
#include "api/httpuploadhost.h"
#include "api/imagehostconfig.h"
#include "api/imagehostpresets.h"
#include "api/memorysecretstore.h"
#include "api/telegraphclient.h"
#include "api/telegraphuploadhost.h"
#include "sandboxfixture.h"
#include "scriptedserver.h"
#include "testmain.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

using C = tg::ApiError::Category;

namespace {

bool finish(tg::ApiJob *job, int timeoutMs = 20000)
{
    if (job->isFinished())
        return true;
    QSignalSpy spy(job, &tg::ApiJob::finished);
    return spy.wait(timeoutMs) || job->isFinished();
}

const QByteArray PngMagic("\x89PNG\r\n\x1A\n", 8);

/// A one-shot HTTP endpoint: records the request and answers with a fixed response.
class TinyEndpoint : public QObject
{
public:
    TinyEndpoint(int status, const QByteArray &body)
        : m_status(status)
        , m_body(body)
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = m_server.nextPendingConnection();
            QObject::connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
        });
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/api/upload").arg(m_server.serverPort()));
    }
    QByteArray request;

private:
    void onRead(QTcpSocket *s)
    {
        request += s->readAll();
        const qsizetype end = request.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : request.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (request.size() < end + 4 + length)
            return;
        s->write("HTTP/1.1 " + QByteArray::number(m_status) +
                 " X\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                 QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body);
        s->disconnectFromHost();
    }

    QTcpServer m_server;
    int m_status;
    QByteArray m_body;
};

} // namespace

class TestImageHosts : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tg::test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QNetworkAccessManager> m_nam;

    QString writeFile(const QString &name, const QByteArray &data, bool executable = false)
    {
        const QString path = m_dir->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(data);
        f.close();
        if (executable)
            f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_sandbox = std::make_unique<tg::test::SandboxFixture>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_nam->setProxy(QNetworkProxy::NoProxy);
    }

    void cleanup()
    {
        m_nam.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    void sniffMediaType_byContent_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("type");
        QTest::newRow("jpeg") << QByteArray("\xFF\xD8\xFF\xE0rest") << "image/jpeg";
        QTest::newRow("png") << (PngMagic + "IHDR") << "image/png";
        QTest::newRow("gif") << QByteArray("GIF89a....") << "image/gif";
        QTest::newRow("webp") << QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16) << "image/webp";
        QTest::newRow("mp4") << QByteArray("\0\0\0\x18"
                                           "ftypmp42",
                                           12)
                             << "video/mp4";
        QTest::newRow("text named png") << QByteArray("hello world") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }
    void sniffMediaType_byContent()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, type);
        QCOMPARE(tg::sniffMediaType(head), type);
    }

    void telegraphHost_badFile_failsBeforeSending_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("code");
        QTest::newRow("missing") << QByteArray() << "FILE_NOT_FOUND";
        QTest::newRow("text") << QByteArray("not an image") << "FILE_TYPE_INVALID";
        QTest::newRow("webp not accepted")
            << QByteArray("RIFF\x10\0\0\0WEBPVP8 data", 20) << "FILE_TYPE_INVALID";
        QTest::newRow("over 5 MB")
            << (PngMagic + QByteArray(5 * 1024 * 1024, 'x')) << "FILE_TOO_BIG";
    }
    void telegraphHost_badFile_failsBeforeSending()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, code);
        const QString path = data.isEmpty() ? m_dir->filePath(QStringLiteral("nothing.png"))
                                            : writeFile(QStringLiteral("file.png"), data);
        QSignalSpy handled(m_sandbox->server(), &tg::sandbox::Server::requestHandled);
        tg::TelegraphUploadHost host(m_nam.get(), m_sandbox->url());
        tg::UploadJob *job = host.upload(path);
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Validation);
        QVERIFY2(job->error().code == code, qPrintable(job->error().toString()));
        QCOMPARE(handled.count(), 0);
    }

    void telegraphHost_upload_streamsWithProgress()
    {
        const QByteArray data = PngMagic + QByteArray(2 * 1024 * 1024, 'd');
        const QString path = writeFile(QStringLiteral("big.png"), data);
        tg::ClientSettings s;
        s.apiUrl = m_sandbox->url();
        s.proxy.mode = tg::ProxySettings::Mode::None;
        tg::TelegraphClient client(s);
        tg::UploadJob *job = client.upload(path);
        QSignalSpy progress(job, &tg::ApiJob::progress);
        QSignalSpy ok(job, &tg::ApiJob::succeeded);
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QCOMPARE(ok.count(), 1);
        QCOMPARE(job->mimeType(), QStringLiteral("image/png"));
        QVERIFY(job->url().toString().startsWith(m_sandbox->url().toString() +
                                                 QStringLiteral("/file/")));
        // Bytes moved in steps up to the whole multipart body (file plus part headers).
        QVERIFY(progress.count() >= 2);
        qint64 maxDone = 0;
        qint64 total = 0;
        for (const QList<QVariant> &p : std::as_const(progress)) {
            maxDone = std::max(maxDone, p.at(0).toLongLong());
            total = std::max(total, p.at(1).toLongLong());
        }
        QVERIFY(total > data.size());
        QCOMPARE(maxDone, total);
    }

    void telegraphHost_disabled_showsServerRefusalVerbatim()
    {
        m_sandbox->server()->setUploadEnabled(false);
        const QString path = writeFile(QStringLiteral("a.png"), PngMagic + "data");
        tg::TelegraphUploadHost host(m_nam.get(), m_sandbox->url());
        tg::UploadJob *job = host.upload(path);
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Api);
        QCOMPARE(job->error().code, QStringLiteral("Unknown error"));
        QVERIFY(job->error().message.contains(QLatin1String("Unknown error")));
    }

    void telegraphHost_parseAnswer_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("url");
        QTest::newRow("array") << QByteArray("[{\"src\":\"/file/abc.png\"}]") << int(C::None)
                               << "https://telegra.ph/file/abc.png";
        QTest::newRow("refusal") << QByteArray("{\"error\":\"File type invalid\"}") << int(C::Api)
                                 << QString();
        QTest::newRow("flood") << QByteArray("{\"error\":\"FLOOD_WAIT_3\"}") << int(C::FloodWait)
                               << QString();
        QTest::newRow("html") << QByteArray("<html>502</html>") << int(C::Protocol) << QString();
        QTest::newRow("empty array") << QByteArray("[]") << int(C::Protocol) << QString();
    }
    void telegraphHost_parseAnswer()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, category);
        QFETCH(QString, url);
        QUrl out;
        const tg::ApiError e = tg::TelegraphUploadHost::parseAnswer(
            200, body, QUrl(QStringLiteral("https://telegra.ph")), &out);
        QCOMPARE(int(e.category), category);
        QCOMPARE(out.toString(), url);
    }

    void httpHost_sandboxUpload_findsUrlByPointer_data()
    {
        QTest::addColumn<QString>("urlPath");
        QTest::newRow("json pointer") << "/0/src";
        QTest::newRow("dot path") << "0.src";
    }
    void httpHost_sandboxUpload_findsUrlByPointer()
    {
        QFETCH(QString, urlPath);
        const QString path = writeFile(QStringLiteral("a.gif"), QByteArray("GIF89a") + "gifdata");
        tg::HttpUploadSettings s;
        s.url = QUrl(m_sandbox->url().toString() + QStringLiteral("/upload"));
        s.urlPath = urlPath;
        tg::HttpUploadHost host(m_nam.get(), s);
        tg::UploadJob *job = host.upload(path);
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QVERIFY(job->url().toString().startsWith(m_sandbox->url().toString() +
                                                 QStringLiteral("/file/")));
    }

    void httpHost_localEndpoint_sendsFieldHeadersAndReadsUrl()
    {
        TinyEndpoint endpoint(200,
                              "{\"status\":true,\"data\":{\"url\":\"https://img.example/a.jpg\"}}");
        const QString path = writeFile(QStringLiteral("a.jpg"), "\xFF\xD8\xFF\xE0jpegdata");
        tg::HttpUploadSettings s;
        s.url = endpoint.url();
        s.fieldName = QStringLiteral("image");
        s.headers = {{"X-Api-Key", "k1"}};
        s.formFields = {{QStringLiteral("album"), QStringLiteral("blog")}};
        s.urlPath = QStringLiteral("data.url");
        tg::HttpUploadHost host(m_nam.get(), s);
        tg::UploadJob *job = host.upload(path);
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->url(), QUrl(QStringLiteral("https://img.example/a.jpg")));
        QVERIFY(endpoint.request.contains("X-Api-Key: k1"));
        QVERIFY(endpoint.request.contains("name=\"image\"; filename=\"a.jpg\""));
        QVERIFY(endpoint.request.contains("name=\"album\""));
        QVERIFY(endpoint.request.contains("jpegdata"));
    }

    void httpHost_storedSecrets_areReadFromTheStoreAtUpload()
    {
        TinyEndpoint endpoint(200, "{\"url\":\"https://img.example/s.jpg\"}");
        const QString path = writeFile(QStringLiteral("s.jpg"), "\xFF\xD8\xFF\xE0jpegdata");
        tg::MemorySecretStore secrets;
        QVERIFY(secrets
                    .writeSecretSync(QStringLiteral("imagehost/header/x-api-key"),
                                     QStringLiteral("stored-k1"))
                    .ok());
        QVERIFY(
            secrets.writeSecretSync(QStringLiteral("imagehost/field/key"), QStringLiteral("fk2"))
                .ok());
        tg::HttpUploadSettings s;
        s.url = endpoint.url();
        s.urlPath = QStringLiteral("url");
        s.secretHeaders = {{"X-Api-Key", QStringLiteral("imagehost/header/x-api-key")}};
        s.secretFormFields = {{QStringLiteral("key"), QStringLiteral("imagehost/field/key")}};
        tg::HttpUploadHost host(m_nam.get(), s);
        host.setSecretStore(&secrets);
        tg::UploadJob *job = host.upload(path);
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QVERIFY(endpoint.request.contains("X-Api-Key: stored-k1"));
        QVERIFY(endpoint.request.contains("name=\"key\"\r\n\r\nfk2"));
    }

    void httpHost_missingStoredSecret_failsNamingItAndSendsNothing()
    {
        TinyEndpoint endpoint(200, "{\"url\":\"https://img.example/s.jpg\"}");
        const QString path = writeFile(QStringLiteral("s.jpg"), "\xFF\xD8\xFF\xE0jpegdata");
        tg::MemorySecretStore secrets;
        tg::HttpUploadSettings s;
        s.url = endpoint.url();
        s.secretHeaders = {{"X-Api-Key", QStringLiteral("imagehost/header/x-api-key")}};
        tg::HttpUploadHost host(m_nam.get(), s);
        host.setSecretStore(&secrets);
        tg::UploadJob *job = host.upload(path);
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Validation);
        QVERIFY2(job->error().message.contains(QLatin1String("X-Api-Key")),
                 qPrintable(job->error().message));
        QVERIFY(endpoint.request.isEmpty());
    }

    void httpHost_storedHeaderWithLineBreak_isRefusedBeforeSending()
    {
        TinyEndpoint endpoint(200, "{\"url\":\"https://img.example/s.jpg\"}");
        const QString path = writeFile(QStringLiteral("n.png"), PngMagic + "x");
        tg::MemorySecretStore secrets;
        QVERIFY(
            secrets.writeSecretSync(QStringLiteral("k"), QStringLiteral("a\r\nX-Evil: 1")).ok());
        tg::HttpUploadSettings s;
        s.url = endpoint.url();
        s.secretHeaders = {{"X-Api-Key", QStringLiteral("k")}};
        tg::HttpUploadHost host(m_nam.get(), s);
        host.setSecretStore(&secrets);
        tg::UploadJob *job = host.upload(path);
        QVERIFY(finish(job));
        QCOMPARE(job->error().code, QStringLiteral("SECRET_INVALID"));
        QVERIFY(endpoint.request.isEmpty());
    }

    void httpHost_plainHttpToAnotherHost_isRefusedBeforeSending()
    {
        const QString path = writeFile(QStringLiteral("p.png"), PngMagic + "x");
        tg::HttpUploadSettings s;
        s.url = QUrl(QStringLiteral("http://img.example/upload"));
        s.headers = {{"X-Api-Key", "k1"}};
        tg::HttpUploadHost host(m_nam.get(), s);
        tg::UploadJob *job = host.upload(path);
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Validation);
        QVERIFY2(job->error().message.contains(QLatin1String("clear text")),
                 qPrintable(job->error().message));
    }

    void httpHost_redirectToAnotherHost_keysNeverLeave()
    {
        tg::test::ScriptedServer host;
        tg::test::ScriptedServer other;
        QVERIFY(host.start() && other.start());
        host.script = {
            {307, "Location: " + other.url(QStringLiteral("/up")).toEncoded() + "\r\n", {}}};
        other.script = {{200, {}, "{\"url\":\"https://img.example/r.png\"}"}};
        const QString path = writeFile(QStringLiteral("r.png"), PngMagic + "x");
        tg::HttpUploadSettings s;
        s.url = host.url(QStringLiteral("/upload"));
        s.headers = {{"X-Api-Key", "redirect-secret"}};
        s.urlPath = QStringLiteral("url");
        tg::HttpUploadHost upload(m_nam.get(), s);
        tg::UploadJob *job = upload.upload(path);
        QVERIFY(finish(job));
        QCOMPARE(job->error().code, QStringLiteral("REDIRECT_REFUSED"));
        QVERIFY(host.received().contains("redirect-secret"));
        QVERIFY(other.requests.isEmpty());
    }

    void httpHost_refusal_showsHostsMessage()
    {
        TinyEndpoint endpoint(401, "{\"error\":{\"message\":\"Invalid API key\"}}");
        const QString path = writeFile(QStringLiteral("a.png"), PngMagic + "x");
        tg::HttpUploadSettings s;
        s.url = endpoint.url();
        s.urlPath = QStringLiteral("data.url");
        tg::HttpUploadHost host(m_nam.get(), s);
        tg::UploadJob *job = host.upload(path);
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Api);
        QCOMPARE(job->error().httpStatus, 401);
        QVERIFY(job->error().message.contains(QLatin1String("Invalid API key")));
    }

    void httpHost_answerWithoutUrl_failsWithProtocol()
    {
        TinyEndpoint endpoint(200, "{\"data\":{}}");
        const QString path = writeFile(QStringLiteral("a.png"), PngMagic + "x");
        tg::HttpUploadSettings s;
        s.url = endpoint.url();
        s.urlPath = QStringLiteral("data.url");
        tg::HttpUploadHost host(m_nam.get(), s);
        tg::UploadJob *job = host.upload(path);
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Protocol);
    }

    void preset_againstLookalikeServer_uploadsAndReadsTheUrl_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QList<QByteArray>>("sent");
        QTest::addColumn<QUrl>("expected");
        QTest::newRow("catbox.moe: plain-text URL")
            << QStringLiteral("catbox") << QByteArray("https://files.catbox.moe/ab12cd.png\n")
            << QList<QByteArray>{"name=\"fileToUpload\"; filename=\"p.png\"",
                                 "name=\"reqtype\"\r\n\r\nfileupload",
                                 "name=\"userhash\"\r\n\r\nhash-from-keychain"}
            << QUrl(QStringLiteral("https://files.catbox.moe/ab12cd.png"));
        QTest::newRow("ImgBB: JSON data.url")
            << QStringLiteral("imgbb")
            << QByteArray("{\"data\":{\"id\":\"x\",\"url\":\"https://i.ibb.co/x/p.png\","
                          "\"delete_url\":\"https://ibb.co/x/d\"},\"success\":true,\"status\":200}")
            << QList<QByteArray>{"name=\"image\"; filename=\"p.png\"",
                                 "name=\"key\"\r\n\r\nkey-from-keychain"}
            << QUrl(QStringLiteral("https://i.ibb.co/x/p.png"));
        QTest::newRow("0x0.st: plain-text URL")
            << QStringLiteral("0x0") << QByteArray("https://0x0.st/XyZ.png")
            << QList<QByteArray>{"name=\"file\"; filename=\"p.png\""}
            << QUrl(QStringLiteral("https://0x0.st/XyZ.png"));
    }
    void preset_againstLookalikeServer_uploadsAndReadsTheUrl()
    {
        QFETCH(QString, preset);
        QFETCH(QByteArray, answer);
        QFETCH(QList<QByteArray>, sent);
        QFETCH(QUrl, expected);
        tg::test::ScriptedServer server;
        QVERIFY(server.start());
        server.script = {{200, {}, answer}};
        const tg::ImageHostPreset *p = tg::findImageHostPreset(preset);
        QVERIFY(p);
        tg::ImageHostConfig config = p->applyTo({});
        QCOMPARE(tg::imageHostPresetFor(config), preset);
        // What the user types into the form, then what saving the settings does with secrets.
        for (QString &line : config.httpFormFields) {
            if (line == QLatin1String("key="))
                line += QStringLiteral("key-from-keychain");
            if (line == QLatin1String("userhash="))
                line += QStringLiteral("hash-from-keychain");
        }
        tg::MemorySecretStore secrets;
        QStringList keys;
        for (const auto &secret : config.plainSecrets()) {
            QVERIFY(secrets.writeSecretSync(secret.key, secret.value).ok());
            keys << secret.key;
        }
        config = config.withStored(keys);
        QVERIFY(!config.httpFormFields.join(QLatin1Char('\n')).contains(QLatin1String("-from-")));
        config.httpUrl = server.url(config.httpUrl.path());
        QString error;
        auto host = tg::createImageHost(config, m_nam.get(), {}, &error, &secrets);
        QVERIFY2(host, qPrintable(error));
        tg::UploadJob *job = host->upload(writeFile(QStringLiteral("p.png"), PngMagic + "img"));
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->url(), expected);
        QCOMPARE(server.requests.size(), 1);
        for (const QByteArray &part : sent)
            QVERIFY2(server.received().contains(part), part.constData());
    }

    void preset_malformedAnswer_failsNamingHostAndProblem_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        const QString plain = QStringLiteral("catbox");
        const QString json = QStringLiteral("imgbb");
        QTest::newRow("HTML error page with 200")
            << plain << 200
            << QByteArray("<!DOCTYPE html><html><body><h1>Cloudflare</h1></body></html>")
            << QStringLiteral("HTML_ANSWER") << QStringLiteral("HTML page");
        QTest::newRow("huge body")
            << plain << 200 << QByteArray(400 * 1024, 'h') << QStringLiteral("RESPONSE_TOO_LARGE")
            << QStringLiteral("limit");
        QTest::newRow("text that is not a URL")
            << plain << 200 << QByteArray("File type not allowed.") << QStringLiteral("NOT_A_URL")
            << QStringLiteral("File type not allowed.");
        QTest::newRow("a word, not a path") << plain << 200 << QByteArray("ok")
                                            << QStringLiteral("NOT_A_URL") << QStringLiteral("ok");
        QTest::newRow("URL without a host")
            << plain << 200 << QByteArray("https:///a.png") << QStringLiteral("NOT_A_URL")
            << QStringLiteral("https:///a.png");
        QTest::newRow("javascript URL")
            << plain << 200 << QByteArray("javascript:alert(1)") << QStringLiteral("NOT_A_URL")
            << QStringLiteral("javascript");
        QTest::newRow("two lines")
            << plain << 200 << QByteArray("https://files.catbox.moe/a.png\nhttps://x.y/b")
            << QStringLiteral("NOT_A_URL") << QStringLiteral("a.png");
        QTest::newRow("empty answer") << plain << 200 << QByteArray(" \n")
                                      << QStringLiteral("NOT_A_URL") << QStringLiteral("empty");
        QTest::newRow("plain-text refusal")
            << plain << 412 << QByteArray("No request type given.")
            << QStringLiteral("No request type given.") << QStringLiteral("No request type given.");
        QTest::newRow("JSON without data.url")
            << json << 200 << QByteArray("{\"data\":{\"id\":\"x\"},\"success\":true}")
            << QStringLiteral("NO_URL_AT_PATH") << QStringLiteral("data.url");
        QTest::newRow("text where JSON is expected")
            << json << 200 << QByteArray("https://i.ibb.co/x/p.png") << QStringLiteral("NOT_JSON")
            << QStringLiteral("data.url");
        QTest::newRow("JSON URL that is not http")
            << json << 200 << QByteArray("{\"data\":{\"url\":\"ftp://i.ibb.co/p.png\"}}")
            << QStringLiteral("NOT_A_URL") << QStringLiteral("ftp://i.ibb.co/p.png");
        QTest::newRow("ImgBB refusal")
            << json << 400
            << QByteArray("{\"status_code\":400,\"error\":{\"message\":\"Invalid API v1 key.\","
                          "\"code\":100},\"status_txt\":\"Bad Request\"}")
            << QStringLiteral("Invalid API v1 key.") << QStringLiteral("Invalid API v1 key.");
    }
    void preset_malformedAnswer_failsNamingHostAndProblem()
    {
        QFETCH(QString, preset);
        QFETCH(int, status);
        QFETCH(QByteArray, answer);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        tg::test::ScriptedServer server;
        QVERIFY(server.start());
        server.script = {{status, {}, answer}};
        tg::ImageHostConfig config = tg::findImageHostPreset(preset)->applyTo({});
        config.httpFormFields.replaceInStrings(QStringLiteral("key="), QStringLiteral("key=k"));
        config.httpUrl = server.url(config.httpUrl.path());
        QString error;
        auto host = tg::createImageHost(config, m_nam.get(), {}, &error);
        QVERIFY2(host, qPrintable(error));
        tg::UploadJob *job = host->upload(writeFile(QStringLiteral("m.png"), PngMagic + "img"));
        QVERIFY(finish(job));
        QVERIFY(!job->isSucceeded());
        QVERIFY2(job->error().code == code, qPrintable(job->error().toString()));
        const QString message = job->error().message;
        QVERIFY2(message.contains(QLatin1String("127.0.0.1")), qPrintable(message));
        QVERIFY2(message.contains(mentions), qPrintable(message));
    }

    void preset_apply_keepsGivenValuesAndNamesWhatIsMissing()
    {
        const tg::ImageHostPreset *imgbb = tg::findImageHostPreset(QStringLiteral("imgbb"));
        QVERIFY(imgbb);
        tg::ImageHostConfig custom;
        custom.kind = tg::ImageHostConfig::Kind::Command;
        custom.httpHeaders = {QStringLiteral("X-Api-Key: old")};
        const tg::ImageHostConfig empty = imgbb->applyTo(custom);
        QCOMPARE(empty.kind, tg::ImageHostConfig::Kind::Http);
        QVERIFY(empty.httpHeaders.isEmpty());
        QCOMPARE(empty.httpUrlPath, QStringLiteral("data.url"));
        QVERIFY(empty.validate().isEmpty());
        QVERIFY2(imgbb->missingValue(empty).contains(QLatin1String("key")),
                 qPrintable(imgbb->missingValue(empty)));
        tg::ImageHostConfig stored = empty;
        stored.httpFormFields = {QStringLiteral("key=") + tg::ImageHostConfig::storedMarker()};
        const tg::ImageHostConfig again = imgbb->applyTo(stored);
        QCOMPARE(again.httpFormFields,
                 QStringList{QStringLiteral("key=") + tg::ImageHostConfig::storedMarker()});
        QVERIFY(imgbb->missingValue(again).isEmpty());
        // catbox's user hash is a credential too; its empty default means anonymous.
        QVERIFY(tg::ImageHostConfig::isSecretFormField(QStringLiteral("userhash")));
        const tg::ImageHostPreset *catbox = tg::findImageHostPreset(QStringLiteral("catbox"));
        QVERIFY(catbox && catbox->missingValue(catbox->applyTo({})).isEmpty());
        QVERIFY(tg::imageHostPresetFor(custom).isEmpty());
        QVERIFY(!tg::findImageHostPreset(QStringLiteral("nope")));
    }

    void commandHost_script_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("expected");
        QTest::newRow("prints url last")
            << QByteArray("#!/bin/sh\necho \"Uploading $1\"\necho\n"
                          "echo \"https://cdn.example/$(basename \"$1\")\"\necho\n")
            << int(C::None) << "https://cdn.example/pic.png";
        QTest::newRow("fails") << QByteArray("#!/bin/sh\necho 'quota exceeded' >&2\nexit 3\n")
                               << int(C::Api) << "quota exceeded";
        QTest::newRow("no url") << QByteArray("#!/bin/sh\necho done\n") << int(C::Protocol)
                                << "done";
    }
    void commandHost_script()
    {
        QFETCH(QByteArray, script);
        QFETCH(int, category);
        QFETCH(QString, expected);
        const QString program = writeFile(QStringLiteral("upload.sh"), script, true);
        const QString path = writeFile(QStringLiteral("pic.png"), PngMagic + "x");
        tg::CommandUploadHost host(tg::CommandUploadHost::fromCommandLine(program));
        tg::UploadJob *job = host.upload(path);
        QSignalSpy progress(job, &tg::ApiJob::progress);
        QVERIFY(finish(job));
        QCOMPARE(int(job->error().category), category);
        if (category == int(C::None)) {
            QCOMPARE(job->url().toString(), expected);
            QVERIFY(progress.count() >= 1);
        } else {
            QVERIFY2(job->error().message.contains(expected), qPrintable(job->error().message));
        }
    }

    void commandHost_placeholderAndMissingProgram()
    {
        const QString program = writeFile(
            QStringLiteral("up.sh"), "#!/bin/sh\necho \"https://x.example/?a=$1&b=$2\"\n", true);
        const QString path = writeFile(QStringLiteral("pic.png"), PngMagic + "x");
        tg::CommandUploadSettings s;
        s.program = program;
        s.arguments = {QStringLiteral("{file}"), QStringLiteral("second")};
        tg::CommandUploadHost host(s);
        tg::UploadJob *job = host.upload(path);
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QVERIFY(job->url().toString().endsWith(QLatin1String("&b=second")));

        tg::CommandUploadHost missing(
            tg::CommandUploadHost::fromCommandLine(m_dir->filePath(QStringLiteral("nope"))));
        tg::UploadJob *failed = missing.upload(path);
        QVERIFY(finish(failed));
        QCOMPARE(failed->error().category, C::Validation);
    }

    void cancel_runningUpload_failsWithCancelledOnly()
    {
        const QString program = writeFile(QStringLiteral("slow.sh"),
                                          "#!/bin/sh\nsleep 5\necho https://x.example/a\n", true);
        const QString path = writeFile(QStringLiteral("pic.png"), PngMagic + "x");
        tg::CommandUploadHost host(tg::CommandUploadHost::fromCommandLine(program));
        tg::UploadJob *job = host.upload(path);
        QSignalSpy ok(job, &tg::ApiJob::succeeded);
        QSignalSpy failed(job, &tg::ApiJob::failed);
        QTRY_COMPARE(job->state(), tg::ApiJob::State::Running);
        job->cancel();
        QCOMPARE(job->error().category, C::Cancelled);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(ok.count(), 0);

        const QString big =
            writeFile(QStringLiteral("big.png"), PngMagic + QByteArray(4 << 20, 'b'));
        tg::TelegraphUploadHost legacy(m_nam.get(), m_sandbox->url());
        tg::UploadJob *upload = legacy.upload(big);
        QSignalSpy uploadOk(upload, &tg::ApiJob::succeeded);
        QTRY_COMPARE(upload->state(), tg::ApiJob::State::Running);
        upload->cancel();
        QCOMPARE(upload->error().category, C::Cancelled);
        QTest::qWait(200);
        QCOMPARE(uploadOk.count(), 0);
    }
};

TG_TEST_MAIN_CORE(TestImageHosts)
#include "tst_imagehosts.moc"
