// SPDX-License-Identifier: MIT
// The Telegraph client against the in-process sandbox: every method, every error category,
// injected faults, retries, flood waits, cancellation, timeouts, concurrency and paging.
#include "api/jobgroup.h"
#include "api/jsonscan.h"
#include "api/pagelistwalker.h"
#include "api/replyerrors.h"
#include "api/requestscheduler.h"
#include "api/telegraphclient.h"
#include "sandbox/httpmessage.h"
#include "sandboxfixture.h"
#include "scriptedserver.h"
#include "testmain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>

using tg::ApiError;
using C = tg::ApiError::Category;

namespace {

/// Waits until the job has finished; false on timeout.
bool finish(tg::ApiJob *job, int timeoutMs = 15000)
{
    if (job->isFinished())
        return true;
    QSignalSpy spy(job, &tg::ApiJob::finished);
    return spy.wait(timeoutMs) || job->isFinished();
}

QByteArray callDirect(tg::sandbox::Server *server, const QByteArray &method, const QByteArray &body)
{
    tg::sandbox::HttpRequest r;
    r.method = "POST";
    r.target = "/" + method;
    r.path = r.target;
    r.version = "HTTP/1.1";
    r.headers = {{"content-type", "application/json"}, {"host", "127.0.0.1"}};
    r.body = body;
    return server->handle(r).body;
}

/// Creates an account straight through the server's handler (no sockets); returns its token.
QString seedAccount(tg::sandbox::Server *server, const QString &name = QStringLiteral("seed"))
{
    const QByteArray body =
        callDirect(server, "createAccount",
                   QJsonDocument(QJsonObject{{QStringLiteral("short_name"), name}}).toJson());
    return QJsonDocument::fromJson(body)
        .object()
        .value(QLatin1String("result"))
        .toObject()
        .value(QLatin1String("access_token"))
        .toString();
}

/// Creates n pages straight through the server's handler; returns their paths in order.
QStringList seedPages(tg::sandbox::Server *server, const QString &token, int n)
{
    QStringList paths;
    for (int i = 0; i < n; ++i) {
        const QByteArray body = "{\"access_token\":\"" + token.toLatin1() + "\",\"title\":\"Seed " +
                                QByteArray::number(i) +
                                "\",\"content\":[{\"tag\":\"p\",\"children\":[\"text " +
                                QByteArray::number(i) + "\"]}]}";
        const QByteArray answer = callDirect(server, "createPage", body);
        paths.append(QJsonDocument::fromJson(answer)
                         .object()
                         .value(QLatin1String("result"))
                         .toObject()
                         .value(QLatin1String("path"))
                         .toString());
    }
    return paths;
}

/// Messages of the tg.* categories while a LogCapture is alive.
QMutex g_logMutex;
QStringList *g_logged = nullptr;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (!context.category || !QByteArray(context.category).startsWith("tg."))
        return;
    QMutexLocker lock(&g_logMutex);
    if (g_logged)
        g_logged->append(QString::fromLatin1(context.category) + QLatin1Char(' ') + message);
}

/// Turns on every tg.* category at debug level and collects what they print.
class LogCapture
{
public:
    LogCapture()
    {
        {
            QMutexLocker lock(&g_logMutex);
            g_logged = &m_messages;
        }
        QLoggingCategory::setFilterRules(QStringLiteral("tg.*.debug=true"));
        m_previous = qInstallMessageHandler(captureMessage);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
        QMutexLocker lock(&g_logMutex);
        g_logged = nullptr;
    }
    QStringList messages() const
    {
        QMutexLocker lock(&g_logMutex);
        return m_messages;
    }

private:
    QStringList m_messages;
    QtMessageHandler m_previous = nullptr;
};

tg::NodeList paragraph(const QString &text)
{
    return {tg::Node::element(QStringLiteral("p"), {}, {tg::Node::text(text)})};
}

} // namespace

class TestTelegraphClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tg::test::SandboxFixture> m_sandbox;
    std::unique_ptr<tg::TelegraphClient> m_client;

    tg::ClientSettings settings() const
    {
        tg::ClientSettings s;
        s.apiUrl = m_sandbox->url();
        s.proxy.mode = tg::ProxySettings::Mode::None;
        s.timeoutMs = 5000;
        s.retry.maxRetries = 0;
        return s;
    }

    /// A client with its own account; returns the token.
    QString newAccount(const QString &name = QStringLiteral("tester"))
    {
        const QString token = seedAccount(m_sandbox->server(), name);
        m_client->setAccessToken(token);
        return token;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_sandbox = std::make_unique<tg::test::SandboxFixture>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_client = std::make_unique<tg::TelegraphClient>(settings());
    }

    void cleanup()
    {
        m_client.reset();
        m_sandbox.reset();
    }

    // --- settings, hosts, pure parsing ---------------------------------------------------

    void settings_checkUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << "https://api.telegra.ph" << true;
        QTest::newRow("http loopback v4") << "http://127.0.0.1:8080" << true;
        QTest::newRow("http loopback v6") << "http://[::1]:8080" << true;
        QTest::newRow("http localhost") << "http://localhost:1" << true;
        QTest::newRow("http remote") << "http://api.telegra.ph" << false;
        QTest::newRow("ftp") << "ftp://127.0.0.1" << false;
        QTest::newRow("garbage") << "not a url" << false;
    }
    void settings_checkUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QCOMPARE(tg::ClientSettings::checkUrl(QUrl(url)).isEmpty(), allowed);
    }

    void settings_forDomain_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("site");
        QTest::newRow("telegra.ph") << "telegra.ph"
                                    << "https://api.telegra.ph/getPage/Hey-01-17"
                                    << "https://telegra.ph";
        QTest::newRow("graph.org") << "graph.org"
                                   << "https://api.graph.org/getPage/Hey-01-17"
                                   << "https://graph.org";
        QTest::newRow("te.legra.ph") << "te.legra.ph"
                                     << "https://api.te.legra.ph/getPage/Hey-01-17"
                                     << "https://te.legra.ph";
    }
    void settings_forDomain()
    {
        QFETCH(QString, domain);
        QFETCH(QString, api);
        QFETCH(QString, site);
        const tg::ClientSettings s = tg::ClientSettings::forDomain(domain);
        QCOMPARE(s.methodUrl(QStringLiteral("getPage"), QStringLiteral("Hey-01-17")).toString(),
                 api);
        QCOMPARE(s.effectiveSiteUrl().toString(), site);
        QVERIFY(s.validate().isEmpty());
    }

    void settings_plainHttpRemote_failsValidationWithoutSending()
    {
        tg::ClientSettings s = settings();
        s.apiUrl = QUrl(QStringLiteral("http://api.telegra.ph"));
        m_client->setSettings(s);
        m_client->setAccessToken(QStringLiteral("x"));
        auto *job = m_client->getAccountInfo();
        QSignalSpy failed(job, &tg::ApiJob::failed);
        QVERIFY(finish(job));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(job->error().category, C::Validation);
        QVERIFY(job->error().message.contains(QLatin1String("loopback")));
    }

    void proxy_parse_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("mode");
        QTest::newRow("http") << "http://user:pw@proxy:3128" << true
                              << int(tg::ProxySettings::Mode::Http);
        QTest::newRow("socks") << "socks5://127.0.0.1:9050" << true
                               << int(tg::ProxySettings::Mode::Socks5);
        QTest::newRow("none") << "none" << true << int(tg::ProxySettings::Mode::None);
        QTest::newRow("system") << "system" << true << int(tg::ProxySettings::Mode::System);
        QTest::newRow("no port") << "http://proxy" << false << 0;
        QTest::newRow("bad scheme") << "ftp://proxy:1" << false << 0;
    }
    void proxy_parse()
    {
        QFETCH(QString, spec);
        QFETCH(bool, ok);
        QFETCH(int, mode);
        tg::ProxySettings p;
        QCOMPARE(tg::ProxySettings::parse(spec, p), ok);
        if (ok)
            QCOMPARE(int(p.mode), mode);
    }

    void envelope_judge_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("code");
        QTest::newRow("ok") << 200 << QByteArray("{\"ok\":true,\"result\":{\"views\":3}}")
                            << int(C::None) << QString();
        QTest::newRow("api error")
            << 200 << QByteArray("{\"ok\":false,\"error\":\"SOME_NEW_CODE\"}") << int(C::Api)
            << "SOME_NEW_CODE";
        QTest::newRow("api error on 400")
            << 400 << QByteArray("{\"ok\":false,\"error\":\"PAGE_NOT_FOUND\"}") << int(C::Api)
            << "PAGE_NOT_FOUND";
        QTest::newRow("flood") << 200 << QByteArray("{\"ok\":false,\"error\":\"FLOOD_WAIT_7\"}")
                               << int(C::FloodWait) << "FLOOD_WAIT_7";
        QTest::newRow("ok without result")
            << 200 << QByteArray("{\"ok\":true}") << int(C::Protocol) << QString();
        QTest::newRow("ok not bool")
            << 200 << QByteArray("{\"ok\":\"true\",\"result\":1}") << int(C::Protocol) << QString();
        QTest::newRow("array") << 200 << QByteArray("[1,2]") << int(C::Protocol) << QString();
        QTest::newRow("html") << 200 << QByteArray("<html><body>hi</body></html>")
                              << int(C::Protocol) << QString();
        QTest::newRow("empty") << 200 << QByteArray() << int(C::Protocol) << QString();
        QTest::newRow("truncated")
            << 200 << QByteArray("{\"ok\":true,\"result\":{\"vi") << int(C::Protocol) << QString();
        QTest::newRow("5xx with ok")
            << 503 << QByteArray("{\"ok\":true,\"result\":1}") << int(C::Protocol) << QString();
    }
    void envelope_judge()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, category);
        QFETCH(QString, code);
        QByteArray result;
        const ApiError e = tg::judgeEnvelope(status, body, &result);
        QCOMPARE(int(e.category), category);
        QCOMPARE(e.code, code);
        if (category == int(C::None))
            QCOMPARE(result, QByteArray("{\"views\":3}"));
    }

    void page_fromJson_keepsAttributeOrderAndRejectsBadBodies()
    {
        const QByteArray raw =
            "{\"path\":\"A-01-01\",\"url\":\"https:\\/\\/telegra.ph\\/A-01-01\","
            "\"title\":\"A\",\"content\":[{\"tag\":\"a\",\"attrs\":{\"target\":\"_blank\","
            "\"href\":\"\\/x\"},\"children\":[\"x\"]}],\"views\":2,\"can_edit\":true}";
        QString why;
        const auto page = tg::Page::fromJson(raw, &why);
        QVERIFY2(page, qPrintable(why));
        QCOMPARE(page->url, QStringLiteral("https://telegra.ph/A-01-01"));
        QCOMPARE(page->views, 2);
        QCOMPARE(page->canEdit, std::optional<bool>(true));
        QCOMPARE(page->content.size(), 1);
        QCOMPARE(page->content.first().attrs().first().first, QStringLiteral("target"));
        QVERIFY(!tg::Page::fromJson("{\"title\":\"no path\"}"));
        QVERIFY(!tg::Page::fromJson("{\"path\":\"A\",\"views\":\"many\"}"));
        QVERIFY(!tg::Page::fromJson(
            "{\"path\":\"A\",\"content\":[{\"tag\":\"p\",\"attrs\":{\"x\":1}}]}"));
        QVERIFY(!tg::PageList::fromJson("{\"pages\":[]}"));
        QVERIFY(!tg::PageViews::fromJson("{\"views\":null}"));
        QCOMPARE(tg::jsonscan::member("{\"a\\/b\":1,\"c\":[1,{\"d\":\"]\"}]}", "c"),
                 QByteArray("[1,{\"d\":\"]\"}]"));
    }

    void redactTokens_hidesTokens()
    {
        const QString token =
            QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef01234567");
        const QString text =
            QStringLiteral("POST {\"access_token\":\"%1\",\"x\":1} ?access_token=%1").arg(token);
        const QString out = tg::redactTokens(text);
        QVERIFY(!out.contains(token));
        QVERIFY(out.contains(QLatin1String("***")));
    }

    // --- account methods -------------------------------------------------------------------

    void createAccount_valid_returnsTokenAndReplacesClientToken()
    {
        QSignalSpy tokenChanged(m_client.get(), &tg::TelegraphClient::accessTokenChanged);
        tg::CreateAccountRequest r;
        r.shortName = QStringLiteral("Sandbox");
        r.authorName = QStringLiteral("Anna Кузнецова");
        auto *job = m_client->createAccount(r);
        QSignalSpy ok(job, &tg::ApiJob::succeeded);
        QSignalSpy failed(job, &tg::ApiJob::failed);
        QVERIFY(finish(job));
        QCOMPARE(ok.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(job->account().shortName, r.shortName);
        QCOMPARE(job->account().authorName, r.authorName);
        QCOMPARE(job->account().accessToken.size(), 60);
        QVERIFY(!job->account().authUrl.isEmpty());
        QCOMPARE(m_client->accessToken(), job->account().accessToken);
        QCOMPARE(tokenChanged.count(), 1);
    }

    void createAccount_invalid_failsValidationWithoutSending_data()
    {
        QTest::addColumn<QString>("shortName");
        QTest::addColumn<QString>("authorName");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString() << QString() << "SHORT_NAME_REQUIRED";
        QTest::newRow("33 chars") << QString(33, QLatin1Char('x')) << QString()
                                  << "SHORT_NAME_TOO_LONG";
        QTest::newRow("author 129")
            << "ok" << QString(129, QChar(0x4e2d)) << "AUTHOR_NAME_TOO_LONG";
    }
    void createAccount_invalid_failsValidationWithoutSending()
    {
        QFETCH(QString, shortName);
        QFETCH(QString, authorName);
        QFETCH(QString, code);
        QSignalSpy handled(m_sandbox->server(), &tg::sandbox::Server::requestHandled);
        tg::CreateAccountRequest r;
        r.shortName = shortName;
        r.authorName = authorName;
        auto *job = m_client->createAccount(r);
        QVERIFY(!job->isFinished()); // outcome arrives from the event loop
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Validation);
        QCOMPARE(job->error().code, code);
        QCOMPARE(handled.count(), 0);
    }

    void editAccountInfo_changesOnlyGivenFields()
    {
        newAccount(QStringLiteral("before"));
        tg::EditAccountRequest edit;
        edit.authorName = QStringLiteral("New Author");
        auto *job = m_client->editAccountInfo(edit);
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->account().authorName, QStringLiteral("New Author"));
        QCOMPARE(job->account().shortName, QStringLiteral("before"));
    }

    void getAccountInfo_fields_returnsRequestedFields()
    {
        newAccount();
        seedPages(m_sandbox->server(), m_client->accessToken(), 3);
        tg::AccountInfoRequest r;
        r.fields = {QStringLiteral("short_name"), QStringLiteral("page_count")};
        auto *job = m_client->getAccountInfo(r);
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->account().pageCount, 3);
        QCOMPARE(job->account().shortName, QStringLiteral("tester"));
        QVERIFY(job->account().authorUrl.isEmpty());
    }

    void getAccountInfo_unknownField_failsValidation()
    {
        newAccount();
        auto *job = m_client->getAccountInfo({{QStringLiteral("password")}, {}});
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Validation);
        QCOMPARE(job->error().code, QStringLiteral("FIELDS_FORMAT_INVALID"));
    }

    void getAccountInfo_badToken_failsWithServerCodeAndNoTokenInMessage()
    {
        const QString token = QString(60, QLatin1Char('a'));
        m_client->setAccessToken(token);
        auto *job = m_client->getAccountInfo();
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Api);
        QCOMPARE(job->error().code, QStringLiteral("ACCESS_TOKEN_INVALID"));
        QVERIFY(!job->error().message.contains(token));
        QVERIFY(!job->error().toString().contains(token));
    }

    void noToken_failsValidation()
    {
        auto *job = m_client->getPageList();
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Validation);
        QCOMPARE(job->error().code, QStringLiteral("ACCESS_TOKEN_REQUIRED"));
    }

    void revokeAccessToken_replacesTokenAndOldStopsWorking()
    {
        const QString old = newAccount();
        auto *job = m_client->revokeAccessToken();
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QVERIFY(!job->account().accessToken.isEmpty());
        QVERIFY(job->account().accessToken != old);
        QCOMPARE(m_client->accessToken(), job->account().accessToken);
        auto *info = m_client->getAccountInfo({{}, old});
        QVERIFY(finish(info));
        QCOMPARE(info->error().code, QStringLiteral("ACCESS_TOKEN_INVALID"));
        auto *fresh = m_client->getAccountInfo();
        QVERIFY(finish(fresh));
        QVERIFY(fresh->isSucceeded());
    }

    // --- page methods ----------------------------------------------------------------------

    void createPage_thenGetPage_keepsContentAndAttributeOrder()
    {
        newAccount();
        tg::PageRequest r;
        r.title = QStringLiteral("Привет, 世界");
        r.authorName = QStringLiteral("Me");
        r.content = {tg::Node::element(
            QStringLiteral("p"), {},
            {tg::Node::text(QStringLiteral("see ")),
             tg::Node::element(QStringLiteral("a"),
                               {{QStringLiteral("target"), QStringLiteral("_blank")},
                                {QStringLiteral("href"), QStringLiteral("https://example.com/")}},
                               {tg::Node::text(QStringLiteral("this"))})})};
        r.returnContent = true;
        auto *created = m_client->createPage(r);
        QVERIFY(finish(created));
        QVERIFY2(created->isSucceeded(), qPrintable(created->error().toString()));
        const tg::Page page = created->page();
        QVERIFY(!page.path.isEmpty());
        QCOMPARE(QUrl(page.url).path(), QStringLiteral("/") + page.path);
        QCOMPARE(page.title, r.title);

        auto *got = m_client->getPage({page.path, true, m_client->accessToken()});
        QVERIFY(finish(got));
        QVERIFY2(got->isSucceeded(), qPrintable(got->error().toString()));
        QVERIFY(got->page().hasContent);
        QCOMPARE(got->page().content, r.content);
        QCOMPARE(got->page().canEdit, std::optional<bool>(true));
    }

    void createPage_invalid_failsValidationWithoutSending_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<int>("textBytes");
        QTest::addColumn<QString>("code");
        QTest::newRow("no title") << QString() << 10 << "TITLE_REQUIRED";
        QTest::newRow("long title") << QString(257, QLatin1Char('t')) << 10 << "TITLE_TOO_LONG";
        QTest::newRow("no content") << "t" << 0 << "CONTENT_REQUIRED";
        QTest::newRow("over 64 KiB") << "t" << 70000 << "CONTENT_TOO_BIG";
        QTest::newRow("no text") << "t" << -1 << "CONTENT_TEXT_REQUIRED";
    }
    void createPage_invalid_failsValidationWithoutSending()
    {
        QFETCH(QString, title);
        QFETCH(int, textBytes);
        QFETCH(QString, code);
        newAccount();
        QSignalSpy handled(m_sandbox->server(), &tg::sandbox::Server::requestHandled);
        tg::PageRequest r;
        r.title = title;
        if (textBytes > 0)
            r.content = paragraph(QString(textBytes, QLatin1Char('x')));
        else if (textBytes < 0)
            r.content = paragraph(QStringLiteral("  "));
        auto *job = m_client->createPage(r);
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Validation);
        QCOMPARE(job->error().code, code);
        QCOMPARE(handled.count(), 0);
    }

    void createPage_serverRefusal_showsCodeVerbatim()
    {
        newAccount();
        tg::PageRequest r;
        r.title = QStringLiteral("Bad author link");
        r.authorUrl = QStringLiteral("not a link");
        r.content = paragraph(QStringLiteral("text"));
        auto *job = m_client->createPage(r);
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Api);
        QCOMPARE(job->error().code, QStringLiteral("AUTHOR_URL_INVALID"));
        QCOMPARE(job->error().message, QStringLiteral("AUTHOR_URL_INVALID"));
    }

    void editPage_changesTitleAndKeepsPath()
    {
        newAccount();
        const QString path = seedPages(m_sandbox->server(), m_client->accessToken(), 1).first();
        tg::PageRequest r;
        r.path = path;
        r.title = QStringLiteral("Edited");
        r.content = paragraph(QStringLiteral("new text"));
        auto *job = m_client->editPage(r);
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->page().path, path);
        QCOMPARE(job->page().title, QStringLiteral("Edited"));
    }

    void editPage_otherAccountsPage_failsWithAccessDenied()
    {
        const QString other = seedAccount(m_sandbox->server(), QStringLiteral("other"));
        const QString path = seedPages(m_sandbox->server(), other, 1).first();
        newAccount();
        tg::PageRequest r;
        r.path = path;
        r.title = QStringLiteral("Mine now?");
        r.content = paragraph(QStringLiteral("no"));
        auto *job = m_client->editPage(r);
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Api);
        QCOMPARE(job->error().code, QStringLiteral("PAGE_ACCESS_DENIED"));
    }

    void getPage_unknownPath_failsWithPageNotFound()
    {
        auto *job = m_client->getPage({QStringLiteral("No-Such-Page-01-01"), false, {}});
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Api);
        QCOMPARE(job->error().code, QStringLiteral("PAGE_NOT_FOUND"));
    }

    void getPageList_returnsNewestFirstWithTotal()
    {
        newAccount();
        const QStringList paths = seedPages(m_sandbox->server(), m_client->accessToken(), 5);
        auto *job = m_client->getPageList({1, 2, {}});
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->pageList().totalCount, 5);
        QCOMPARE(job->pageList().pages.size(), 2);
        QCOMPARE(job->pageList().pages.at(0).path, paths.at(3));
        QCOMPARE(job->pageList().pages.at(1).path, paths.at(2));
    }

    void getPageList_badLimit_failsValidation()
    {
        newAccount();
        auto *job = m_client->getPageList({0, 201, {}});
        QVERIFY(finish(job));
        QCOMPARE(job->error().code, QStringLiteral("LIMIT_INVALID"));
    }

    void pageListWalker_pagesThrough1000Pages()
    {
        newAccount();
        const QStringList paths = seedPages(m_sandbox->server(), m_client->accessToken(), 1000);
        tg::PageListWalker walker(m_client.get(), {});
        QSignalSpy done(&walker, &tg::PageListWalker::finished);
        walker.start();
        QVERIFY(done.wait(30000));
        QVERIFY2(!walker.error().isError(), qPrintable(walker.error().toString()));
        QCOMPARE(walker.totalCount(), 1000);
        QCOMPARE(walker.pages().size(), 1000);
        QCOMPARE(walker.requestCount(), 5);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(walker.pages().at(i).path, paths.at(999 - i));
    }

    void pageListWalker_withViews_fetchesEachPagesViews()
    {
        newAccount();
        const QStringList paths = seedPages(m_sandbox->server(), m_client->accessToken(), 30);
        const QDateTime when = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < paths.size(); ++i)
            QVERIFY(m_sandbox->server()->seedViews(paths.at(i), when, i + 1));
        tg::PageListWalker walker(m_client.get(), {{}, 7, true, false});
        QSignalSpy done(&walker, &tg::PageListWalker::finished);
        walker.start();
        QVERIFY(done.wait(30000));
        QVERIFY2(!walker.error().isError(), qPrintable(walker.error().toString()));
        QCOMPARE(walker.pages().size(), 30);
        QCOMPARE(walker.requestCount(), 5 + 30);
        for (int i = 0; i < 30; ++i)
            QCOMPARE(walker.views().at(i), qint64(30 - i));
    }

    void getViews_filtersByDate()
    {
        newAccount();
        const QString path = seedPages(m_sandbox->server(), m_client->accessToken(), 1).first();
        const QDateTime jan(QDate(2024, 1, 15), QTime(10, 0), Qt::UTC);
        const QDateTime feb(QDate(2024, 2, 3), QTime(8, 0), Qt::UTC);
        QVERIFY(m_sandbox->server()->seedViews(path, jan, 4));
        QVERIFY(m_sandbox->server()->seedViews(path, feb, 6));
        struct Case
        {
            tg::ViewsRequest request;
            qint64 views;
        };
        const QList<Case> cases = {{{path, 0, 0, 0, -1}, 10},
                                   {{path, 2024, 0, 0, -1}, 10},
                                   {{path, 2024, 1, 0, -1}, 4},
                                   {{path, 2024, 2, 3, 8}, 6},
                                   {{path, 2024, 2, 3, 9}, 0}};
        for (const Case &c : cases) {
            auto *job = m_client->getViews(c.request);
            QVERIFY(finish(job));
            QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
            QCOMPARE(job->pageViews().views, c.views);
        }
    }

    void getViews_invalidDate_failsValidation_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("month");
        QTest::addColumn<int>("day");
        QTest::addColumn<int>("hour");
        QTest::addColumn<QString>("code");
        QTest::newRow("hour 24") << 2024 << 1 << 1 << 24 << "HOUR_INVALID";
        QTest::newRow("month 13") << 2024 << 13 << 0 << -1 << "MONTH_INVALID";
        QTest::newRow("year 1999") << 1999 << 0 << 0 << -1 << "YEAR_INVALID";
        QTest::newRow("month without year") << 0 << 5 << 0 << -1 << "YEAR_REQUIRED";
        QTest::newRow("hour without day") << 2024 << 5 << 0 << 3 << "DAY_REQUIRED";
    }
    void getViews_invalidDate_failsValidation()
    {
        QFETCH(int, year);
        QFETCH(int, month);
        QFETCH(int, day);
        QFETCH(int, hour);
        QFETCH(QString, code);
        auto *job = m_client->getViews({QStringLiteral("A-01-01"), year, month, day, hour});
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Validation);
        QCOMPARE(job->error().code, code);
    }

    void callMethod_anyMethod_returnsRawResult()
    {
        const QString token = newAccount();
        const QString path = seedPages(m_sandbox->server(), token, 1).first();
        auto *job = m_client->callMethod(QStringLiteral("getPage"),
                                         {{QStringLiteral("return_content"), true}}, path);
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->result().toObject().value(QLatin1String("path")).toString(), path);
        QVERIFY(job->resultJson().contains("\"content\""));

        auto *unknown = m_client->callMethod(QStringLiteral("deletePage"), {});
        QVERIFY(finish(unknown));
        QCOMPARE(unknown->error().category, C::Api);
        QCOMPARE(unknown->error().code, QStringLiteral("UNKNOWN_METHOD"));

        auto *bad = m_client->callMethodRaw(QStringLiteral("getPage"), "[1]");
        QVERIFY(finish(bad));
        QCOMPARE(bad->error().category, C::Validation);
    }

    // --- faults, retries, timeouts, cancellation ------------------------------------------

    void fault_injected_mapsToCategory_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("category");
        QTest::addColumn<int>("status");
        QTest::newRow("http 500") << int(tg::sandbox::FaultKind::Http500) << int(C::Protocol)
                                  << 500;
        QTest::newRow("html page")
            << int(tg::sandbox::FaultKind::HtmlError) << int(C::Protocol) << 502;
        QTest::newRow("truncated json")
            << int(tg::sandbox::FaultKind::Truncate) << int(C::Protocol) << 200;
        QTest::newRow("reset") << int(tg::sandbox::FaultKind::Reset) << int(C::Network) << 0;
        QTest::newRow("stall") << int(tg::sandbox::FaultKind::Stall) << int(C::Timeout) << 0;
    }
    void fault_injected_mapsToCategory()
    {
        QFETCH(int, kind);
        QFETCH(int, category);
        QFETCH(int, status);
        const QString token = newAccount();
        const QString path = seedPages(m_sandbox->server(), token, 1).first();
        tg::ClientSettings s = settings();
        s.timeoutMs = 700;
        m_client->setSettings(s);
        tg::sandbox::FaultSettings f;
        f.rate = 1;
        f.kinds = {tg::sandbox::FaultKind(kind)};
        m_sandbox->server()->setFaults(f);
        auto *job = m_client->getPage({path, true, {}});
        QSignalSpy ok(job, &tg::ApiJob::succeeded);
        QSignalSpy failed(job, &tg::ApiJob::failed);
        QVERIFY(finish(job));
        QCOMPARE(ok.count(), 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(int(job->error().category), category);
        QCOMPARE(job->error().httpStatus, status);
        QVERIFY(!job->error().message.isEmpty());
        QVERIFY(!job->error().message.contains(token));
    }

    void redirect_toAnotherHost_isRefusedAndTheTokenStaysHome_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("301") << 301;
        QTest::newRow("302") << 302;
        QTest::newRow("303") << 303;
        QTest::newRow("307") << 307;
        QTest::newRow("308") << 308;
    }
    void redirect_toAnotherHost_isRefusedAndTheTokenStaysHome()
    {
        QFETCH(int, status);
        tg::test::ScriptedServer api;
        tg::test::ScriptedServer other;
        QVERIFY(api.start() && other.start());
        // Another port is another origin, just as another host is.
        api.script = {
            {status,
             "Location: " + other.url(QStringLiteral("/getAccountInfo")).toEncoded() + "\r\n",
             {}}};
        other.script = {{200, {}, "{\"ok\":true,\"result\":{\"short_name\":\"x\"}}"}};
        tg::ClientSettings s = settings();
        s.apiUrl = api.url();
        tg::TelegraphClient client(s);
        const QString token =
            QStringLiteral("b968da509bb76866c35425099bc0989a5ec3b32997d55286c657e6994bbb");
        client.setAccessToken(token);
        tg::AccountJob *job = client.getAccountInfo();
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Protocol);
        QCOMPARE(job->error().code, QStringLiteral("REDIRECT_REFUSED"));
        QVERIFY2(job->error().message.contains(QLatin1String("another host")),
                 qPrintable(job->error().message));
        QCOMPARE(api.requests.size(), 1);
        QVERIFY(api.received().contains(token.toLatin1()));
        QVERIFY(other.requests.isEmpty());
    }

    void redirect_sameOrigin_isFollowed()
    {
        tg::test::ScriptedServer api;
        QVERIFY(api.start());
        api.script = {{307, "Location: /moved/getAccountInfo\r\n", {}},
                      {200, {}, "{\"ok\":true,\"result\":{\"short_name\":\"moved\"}}"}};
        tg::ClientSettings s = settings();
        s.apiUrl = api.url();
        tg::TelegraphClient client(s);
        client.setAccessToken(QStringLiteral("t0ken"));
        tg::AccountJob *job = client.getAccountInfo();
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->account().shortName, QStringLiteral("moved"));
        QCOMPARE(api.requests.size(), 2);
        QVERIFY(api.requests.at(1).startsWith("POST /moved/getAccountInfo"));
    }

    void response_overTheLimit_failsNamingTheLimit_data()
    {
        QTest::addColumn<bool>("announced");
        QTest::newRow("Content-Length too large") << true;
        QTest::newRow("no Content-Length, body too long") << false;
    }
    void response_overTheLimit_failsNamingTheLimit()
    {
        QFETCH(bool, announced);
        tg::test::ScriptedServer api;
        QVERIFY(api.start());
        tg::test::ScriptedServer::Response big;
        big.body = "{\"ok\":true,\"result\":{\"short_name\":\"" + QByteArray(3 * 1024 * 1024, 'a') +
                   "\"}}";
        big.announceLength = announced;
        api.script = {big};
        tg::ClientSettings s = settings();
        s.apiUrl = api.url();
        s.maxResponseBytes = 1024 * 1024;
        s.retry.maxRetries = 2; // a cut-off answer is not retried
        tg::TelegraphClient client(s);
        client.setAccessToken(QStringLiteral("t0ken"));
        tg::AccountJob *job = client.getAccountInfo();
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Protocol);
        QCOMPARE(job->error().code, QStringLiteral("RESPONSE_TOO_LARGE"));
        QVERIFY2(job->error().message.contains(QLatin1String("1 MiB")),
                 qPrintable(job->error().message));
        QCOMPARE(api.requests.size(), 1);
    }

    void response_defaultLimit_is16MiB()
    {
        QCOMPARE(tg::ClientSettings().maxResponseBytes, qint64(16) * 1024 * 1024);
        tg::ClientSettings s = settings();
        s.maxResponseBytes = 10;
        QVERIFY(!s.validate().isEmpty());
    }

    void backoff_isExponentialWithInjectedJitter_data()
    {
        QTest::addColumn<double>("jitter");
        QTest::addColumn<double>("random");
        QTest::addColumn<int>("retry");
        QTest::addColumn<int>("expected");
        QTest::newRow("no jitter, first") << 0.0 << 0.9 << 0 << 300;
        QTest::newRow("no jitter, third") << 0.0 << 0.1 << 2 << 1200;
        QTest::newRow("lowest") << 0.5 << 0.0 << 0 << 150;
        QTest::newRow("middle") << 0.5 << 0.5 << 1 << 600;
        QTest::newRow("highest") << 0.5 << 1.0 << 2 << 1800;
        QTest::newRow("quarter") << 0.5 << 0.25 << 0 << 225;
    }
    void backoff_isExponentialWithInjectedJitter()
    {
        QFETCH(double, jitter);
        QFETCH(double, random);
        QFETCH(int, retry);
        QFETCH(int, expected);
        tg::ClientSettings s = settings();
        s.retry.initialBackoffMs = 300;
        s.retry.backoffFactor = 2.0;
        s.retry.jitter = jitter;
        tg::TelegraphClient client(s);
        client.scheduler()->setRandomSource([random] { return random; });
        QCOMPARE(client.scheduler()->backoffMs(retry), expected);
    }

    void backoff_defaultJitter_spreadsTheWaits()
    {
        tg::TelegraphClient client(settings());
        QCOMPARE(client.settings().retry.jitter, 0.5);
        QSet<int> seen;
        for (int i = 0; i < 50; ++i) {
            const int ms = client.scheduler()->backoffMs(1);
            QVERIFY(ms >= 300 && ms <= 900);
            seen.insert(ms);
        }
        QVERIFY(seen.size() > 1);
    }

    void retry_transientReadFailure_isRetriedAndSucceeds()
    {
        const QString path = seedPages(m_sandbox->server(), newAccount(), 1).first();
        tg::ClientSettings s = settings();
        s.retry.maxRetries = 2;
        s.retry.initialBackoffMs = 50;
        m_client->setSettings(s);
        tg::sandbox::FaultSettings f;
        f.rate = 1;
        f.kinds = {tg::sandbox::FaultKind::HtmlError};
        m_sandbox->server()->setFaults(f);
        tg::sandbox::Server *server = m_sandbox->server();
        connect(server, &tg::sandbox::Server::requestHandled, server,
                [server] { server->setFaults({}); });
        auto *job = m_client->getPage({path, false, {}});
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->attempts(), 2);
    }

    void retry_writesAreNotRetriedOnTransportFailure()
    {
        newAccount();
        tg::ClientSettings s = settings();
        s.retry.maxRetries = 3;
        s.retry.initialBackoffMs = 20;
        m_client->setSettings(s);
        tg::sandbox::FaultSettings f;
        f.rate = 1;
        f.kinds = {tg::sandbox::FaultKind::Http500};
        m_sandbox->server()->setFaults(f);
        tg::PageRequest r;
        r.title = QStringLiteral("once");
        r.content = paragraph(QStringLiteral("x"));
        auto *job = m_client->createPage(r);
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Protocol);
        QCOMPARE(job->attempts(), 1);
    }

    void pageSaveFailed_isRetriedWithBackoff_data()
    {
        QTest::addColumn<int>("maxRetries");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("with retries") << 3 << true;
        QTest::newRow("without retries") << 0 << false;
    }
    void pageSaveFailed_isRetriedWithBackoff()
    {
        QFETCH(int, maxRetries);
        QFETCH(bool, succeeds);
        newAccount();
        tg::ClientSettings s = settings();
        s.retry.maxRetries = maxRetries;
        s.retry.initialBackoffMs = 30;
        m_client->setSettings(s);
        tg::sandbox::FaultSettings f;
        f.pageSaveFailedRate = 1;
        m_sandbox->server()->setFaults(f);
        tg::sandbox::Server *server = m_sandbox->server();
        int seen = 0;
        connect(server, &tg::sandbox::Server::requestHandled, server, [server, &seen] {
            if (++seen == 2)
                server->setFaults({});
        });
        tg::PageRequest r;
        r.title = QStringLiteral("retry me");
        r.content = paragraph(QStringLiteral("x"));
        auto *job = m_client->createPage(r);
        QVERIFY(finish(job));
        QCOMPARE(job->isSucceeded(), succeeds);
        if (succeeds) {
            QCOMPARE(job->attempts(), 3);
        } else {
            QCOMPARE(job->error().category, C::Api);
            QCOMPARE(job->error().code, QStringLiteral("PAGE_SAVE_FAILED"));
        }
    }

    void timeout_slowServer_failsWithTimeout()
    {
        newAccount();
        tg::ClientSettings s = settings();
        s.timeoutMs = 300;
        m_client->setSettings(s);
        tg::sandbox::FaultSettings f;
        f.latencyMs = 2000;
        m_sandbox->server()->setFaults(f);
        auto *job = m_client->getAccountInfo();
        QVERIFY(finish(job));
        QCOMPARE(job->error().category, C::Timeout);
        // The client gave up on its one attempt (how soon is measured by bench_client_timing).
        QCOMPARE(job->attempts(), 1);
    }

    void cancel_queuedAndRunningJobs_failWithCancelledOnce()
    {
        newAccount();
        tg::ClientSettings s = settings();
        s.concurrency = 1;
        m_client->setSettings(s);
        tg::sandbox::FaultSettings f;
        f.latencyMs = 500;
        m_sandbox->server()->setFaults(f);
        QSignalSpy handled(m_sandbox->server(), &tg::sandbox::Server::requestHandled);
        auto *running = m_client->getAccountInfo();
        auto *queued = m_client->getAccountInfo();
        QSignalSpy runningFailed(running, &tg::ApiJob::failed);
        QSignalSpy runningOk(running, &tg::ApiJob::succeeded);
        QSignalSpy runningFinished(running, &tg::ApiJob::finished);
        QSignalSpy queuedFailed(queued, &tg::ApiJob::failed);
        QSignalSpy queuedFinished(queued, &tg::ApiJob::finished);
        QTRY_COMPARE(running->state(), tg::ApiJob::State::Running);
        QCOMPARE(queued->state(), tg::ApiJob::State::Queued);
        queued->cancel();
        QCOMPARE(queued->error().category, C::Cancelled);
        QTRY_COMPARE(handled.count(), 1);
        running->cancel();
        running->cancel(); // twice is harmless
        QCOMPARE(running->error().category, C::Cancelled);
        QCOMPARE(runningFailed.count(), 1);
        QCOMPARE(runningFinished.count(), 1);
        QCOMPARE(queuedFailed.count(), 1);
        QCOMPARE(queuedFinished.count(), 1);
        // Nothing else arrives later, and the cancelled queued job never reached the server.
        QTest::qWait(700);
        QCOMPARE(runningOk.count(), 0);
        QCOMPARE(runningFinished.count(), 1);
        QCOMPARE(handled.count(), 1);
        QCOMPARE(m_client->scheduler()->inFlight(), 0);
    }

    // --- flood control ---------------------------------------------------------------------

    void floodWait_withoutPolicy_failsWithSeconds()
    {
        tg::sandbox::FloodSettings fl;
        fl.burst = 2;
        fl.intervalSec = 1;
        m_sandbox->server()->setFlood(fl);
        newAccount();
        QList<tg::ApiJob *> jobs;
        for (int i = 0; i < 3; ++i) {
            tg::PageRequest r;
            r.title = QStringLiteral("Flood %1").arg(i);
            r.content = paragraph(QStringLiteral("x"));
            jobs.append(m_client->createPage(r));
        }
        tg::JobGroup group(jobs);
        QSignalSpy done(&group, &tg::JobGroup::finished);
        QVERIFY(done.wait(10000));
        QVERIFY(jobs.at(0)->isSucceeded());
        QVERIFY(jobs.at(1)->isSucceeded());
        QCOMPARE(jobs.at(2)->error().category, C::FloodWait);
        QVERIFY(jobs.at(2)->error().floodSeconds >= 1);
        QVERIFY(jobs.at(2)->error().code.startsWith(QLatin1String("FLOOD_WAIT_")));
        QCOMPARE(group.failedCount(), 1);
    }

    void floodWait_withPolicy_waitsPausesTokenAndRetries()
    {
        tg::sandbox::FloodSettings fl;
        fl.burst = 1;
        fl.intervalSec = 1;
        m_sandbox->server()->setFlood(fl);
        const QString token = newAccount();
        tg::ClientSettings s = settings();
        s.flood.waitAndRetry = true;
        s.flood.marginMs = 100;
        s.flood.maxWaitSeconds = 5;
        m_client->setSettings(s);
        QSignalSpy started(m_client.get(), &tg::TelegraphClient::floodWaitStarted);
        QSignalSpy ended(m_client.get(), &tg::TelegraphClient::floodWaitFinished);
        QList<tg::ApiJob *> jobs;
        for (int i = 0; i < 3; ++i) {
            tg::PageRequest r;
            r.title = QStringLiteral("Flood %1").arg(i);
            r.content = paragraph(QStringLiteral("x"));
            jobs.append(m_client->createPage(r));
        }
        QTRY_VERIFY_WITH_TIMEOUT(started.count() >= 1, 5000);
        QVERIFY(started.first().at(0).toInt() >= 1);
        QVERIFY(m_client->scheduler()->floodPauseRemainingMs(token) > 0);
        tg::JobGroup group(jobs);
        QSignalSpy done(&group, &tg::JobGroup::finished);
        QVERIFY(done.wait(20000));
        int attempts = 0;
        for (tg::ApiJob *job : jobs) {
            QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
            attempts += job->attempts();
        }
        // Two writes had to wait for the account's budget and were sent again.
        QVERIFY2(attempts >= 5, qPrintable(QString::number(attempts)));
        QVERIFY(started.count() >= 2);
        QVERIFY(ended.count() >= 1);
    }

    void floodWait_longerThanPolicyMax_failsImmediately()
    {
        tg::sandbox::FloodSettings fl;
        fl.burst = 1;
        fl.intervalSec = 30;
        m_sandbox->server()->setFlood(fl);
        newAccount();
        tg::ClientSettings s = settings();
        s.flood.waitAndRetry = true;
        s.flood.maxWaitSeconds = 2;
        m_client->setSettings(s);
        QList<tg::ApiJob *> jobs;
        for (int i = 0; i < 2; ++i) {
            tg::PageRequest r;
            r.title = QStringLiteral("Flood %1").arg(i);
            r.content = paragraph(QStringLiteral("x"));
            jobs.append(m_client->createPage(r));
        }
        QVERIFY(finish(jobs.at(1), 5000));
        QVERIFY(jobs.at(0)->isSucceeded());
        QCOMPARE(jobs.at(1)->error().category, C::FloodWait);
        QVERIFY(jobs.at(1)->error().floodSeconds > 2);
    }

    // --- concurrency -----------------------------------------------------------------------

    void concurrency_100PageCreationsAcross5Tokens_serializePerToken()
    {
        tg::ClientSettings s = settings();
        s.concurrency = 16;
        m_client->setSettings(s);
        tg::sandbox::FaultSettings f;
        f.latencyMs = 10;
        m_sandbox->server()->setFaults(f);
        QStringList tokens;
        for (int i = 0; i < 5; ++i)
            tokens.append(seedAccount(m_sandbox->server(), QStringLiteral("acc%1").arg(i)));
        QList<tg::ApiJob *> jobs;
        for (int i = 0; i < 100; ++i) {
            tg::PageRequest r;
            r.title = QStringLiteral("Page %1").arg(i);
            r.content = paragraph(QStringLiteral("body %1").arg(i));
            r.accessToken = tokens.at(i % 5);
            jobs.append(m_client->createPage(r));
        }
        tg::JobGroup group(jobs);
        QSignalSpy done(&group, &tg::JobGroup::finished);
        QVERIFY(done.wait(30000));
        QCOMPARE(group.failedCount(), 0);
        QCOMPARE(m_client->scheduler()->peakInFlight(), 5);
        QSet<QString> paths;
        for (tg::ApiJob *job : group.jobs())
            paths.insert(static_cast<tg::PageJob *>(job)->page().path);
        QCOMPARE(paths.size(), 100);
        for (const QString &token : tokens) {
            auto *info = m_client->getAccountInfo({{QStringLiteral("page_count")}, token});
            QVERIFY(finish(info));
            QCOMPARE(info->account().pageCount, 20);
        }
    }

    void concurrency_readsUseMoreThanSixConnections()
    {
        const QString token = newAccount();
        const QString path = seedPages(m_sandbox->server(), token, 1).first();
        tg::ClientSettings s = settings();
        s.concurrency = 16;
        m_client->setSettings(s);
        QCOMPARE(m_client->scheduler()->managerCount(), 3);
        tg::sandbox::FaultSettings f;
        f.latencyMs = 200;
        m_sandbox->server()->setFaults(f);
        // The server handles a request at once and holds its answer back for the latency, so
        // the requests it has received when the first answer arrives were all on the wire at
        // once; Qt's 6 connections per host and manager would cap that at 6.
        int handled = 0;
        int handledAtFirstAnswer = -1;
        connect(m_sandbox->server(), &tg::sandbox::Server::requestHandled, this,
                [&handled] { ++handled; });
        QList<tg::ApiJob *> jobs;
        for (int i = 0; i < 48; ++i) {
            tg::ApiJob *job = m_client->getViews({path, 0, 0, 0, -1});
            connect(job, &tg::ApiJob::finished, this, [&] {
                if (handledAtFirstAnswer < 0)
                    handledAtFirstAnswer = handled;
            });
            jobs.append(job);
        }
        tg::JobGroup group(jobs);
        QSignalSpy done(&group, &tg::JobGroup::finished);
        QVERIFY(done.wait(30000));
        disconnect(m_sandbox->server(), nullptr, this, nullptr);
        QCOMPARE(group.failedCount(), 0);
        QCOMPARE(handled, 48);
        QCOMPARE(m_client->scheduler()->peakInFlight(), 16);
        // The time it takes is measured by bench_client_timing.
        QVERIFY2(handledAtFirstAnswer > 6, qPrintable(QString::number(handledAtFirstAnswer)));
    }

    // --- logging ---------------------------------------------------------------------------

    void log_debugEnabled_namesMethodsAndStatusButNeverTheToken()
    {
        const QString token = newAccount();
        QString newToken;
        QStringList messages;
        {
            LogCapture capture;
            tg::PageRequest r;
            r.title = QStringLiteral("Logged");
            r.content = paragraph(QStringLiteral("x"));
            auto *created = m_client->createPage(r);
            QVERIFY(finish(created));
            QVERIFY2(created->isSucceeded(), qPrintable(created->error().toString()));
            tg::PageRequest edit = r;
            edit.path = QStringLiteral("Not-Mine-01-01");
            auto *refused = m_client->editPage(edit);
            QVERIFY(finish(refused));
            QCOMPARE(refused->error().category, C::Api);
            auto *revoked = m_client->revokeAccessToken();
            QVERIFY(finish(revoked));
            QVERIFY2(revoked->isSucceeded(), qPrintable(revoked->error().toString()));
            newToken = revoked->account().accessToken;
            auto *info = m_client->getAccountInfo({{QStringLiteral("page_count")}, token});
            QVERIFY(finish(info));
            QCOMPARE(info->error().category, C::Api);
            messages = capture.messages();
        }
        QVERIFY(!token.isEmpty());
        QVERIFY(!newToken.isEmpty());
        const QString all = messages.join(QLatin1Char('\n'));
        for (const char *method : {"createPage", "editPage", "revokeAccessToken", "getAccountInfo"})
            QVERIFY2(all.contains(QLatin1String(method)), method);
        QVERIFY2(all.contains(QLatin1String("HTTP 200")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("access_token\":\"***")), qPrintable(all));
        QVERIFY2(!all.contains(token), qPrintable(all));
        QVERIFY2(!all.contains(newToken), qPrintable(all));
    }

    // --- job group -------------------------------------------------------------------------

    void jobGroup_keepsOrderAndReportsFirstError()
    {
        const QString token = newAccount();
        const QStringList paths = seedPages(m_sandbox->server(), token, 3);
        QList<tg::ApiJob *> jobs;
        jobs.append(m_client->getPage({paths.at(2), false, {}}));
        jobs.append(m_client->getPage({QStringLiteral("Missing-01-01"), false, {}}));
        jobs.append(m_client->getPage({paths.at(0), false, {}}));
        tg::JobGroup group(jobs);
        QSignalSpy done(&group, &tg::JobGroup::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.count(), 1);
        QCOMPARE(group.finishedCount(), 3);
        QCOMPARE(static_cast<tg::PageJob *>(group.jobs().at(0))->page().path, paths.at(2));
        QCOMPARE(static_cast<tg::PageJob *>(group.jobs().at(2))->page().path, paths.at(0));
        QCOMPARE(group.firstError().code, QStringLiteral("PAGE_NOT_FOUND"));

        QCOMPARE(group.jobs().at(1)->error().code, QStringLiteral("PAGE_NOT_FOUND"));
        QCOMPARE(group.failedCount(), 1);

        tg::JobGroup empty;
        QSignalSpy emptyDone(&empty, &tg::JobGroup::finished);
        QVERIFY(emptyDone.wait(1000));
    }
};

TG_TEST_MAIN_CORE(TestTelegraphClient)
#include "tst_telegraphclient.moc"
