// SPDX-License-Identifier: MIT
// Stored content cannot script the pages the sandbox serves: hostile attribute names are refused
// by createPage, and the page view drops script links and carries a strict Content-Security-Policy.
#include "sandboxfixture.h"
#include "sandboxtest.h"
#include "testmain.h"

using namespace tg::test;

class TestSandboxContent : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<RawHttp> m_http;
    QString m_token;

    RawReply createPage(const QByteArray &content)
    {
        return m_http->api(QStringLiteral("createPage"),
                           "{\"access_token\":\"" + m_token.toLatin1() +
                               "\",\"title\":\"Hostile\",\"content\":" + content + '}');
    }

private Q_SLOTS:
    void init();
    void cleanup();

    void createPage_invalidAttributeName_failsWithAttributeInvalid_data();
    void createPage_invalidAttributeName_failsWithAttributeInvalid();
    void createPage_webEditorAttributes_areKept();
    void pageView_dropsScriptUrlsAndSendsContentSecurityPolicy_data();
    void pageView_dropsScriptUrlsAndSendsContentSecurityPolicy();
};

void TestSandboxContent::init()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_http = std::make_unique<RawHttp>(m_sandbox->url());
    const RawReply r = m_http->api(QStringLiteral("createAccount"), R"({"short_name":"Sandbox"})");
    m_token = r.result().toObject().value(QStringLiteral("access_token")).toString();
    QVERIFY(!m_token.isEmpty());
}

void TestSandboxContent::cleanup()
{
    m_http.reset();
    m_sandbox.reset();
}

void TestSandboxContent::createPage_invalidAttributeName_failsWithAttributeInvalid_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("markup") << QByteArray(R"(x><script>alert(1)</script><b y)");
    QTest::newRow("quote") << QByteArray(R"(a\"b)");
    QTest::newRow("space") << QByteArray("a b");
    QTest::newRow("slash") << QByteArray("a/b");
    QTest::newRow("equals") << QByteArray("a=b");
    QTest::newRow("control") << QByteArray(R"(a\u0001)");
    QTest::newRow("leading digit") << QByteArray("1a");
    QTest::newRow("empty") << QByteArray("");
}

void TestSandboxContent::createPage_invalidAttributeName_failsWithAttributeInvalid()
{
    QFETCH(QByteArray, name);
    const RawReply r =
        createPage(R"([{"tag":"p","attrs":{")" + name + R"(":"1"},"children":["Hello"]}])");
    TG_COMPARE_JSON(r.body, R"({"ok":false,"error":"ATTRIBUTE_INVALID"})");
    const RawReply list = m_http->api(QStringLiteral("getPageList"),
                                      "{\"access_token\":\"" + m_token.toLatin1() + "\"}");
    QCOMPARE(list.result()[QStringLiteral("total_count")].toInt(), 0);
}

void TestSandboxContent::createPage_webEditorAttributes_areKept()
{
    const RawReply r = createPage(
        R"([{"tag":"h3","attrs":{"id":"Head"},"children":["Head"]},{"tag":"p","children":[{"tag":"a","attrs":{"href":"https://example.org/","target":"_blank","data-x.y_z:w":"1"},"children":["link"]}]}])");
    QVERIFY2(r.json().value(QStringLiteral("ok")).toBool(), r.body.constData());
    const QString path = r.result()[QStringLiteral("path")].toString();
    const RawReply view = m_http->get(u'/' + path);
    QCOMPARE(view.status, 200);
    const QByteArray heading = R"(<h3 id="Head">Head</h3>)";
    const QByteArray link =
        R"(<a href="https://example.org/" target="_blank" data-x.y_z:w="1">link</a>)";
    QVERIFY2(view.body.contains(heading), view.body.constData());
    QVERIFY2(view.body.contains(link), view.body.constData());
}

void TestSandboxContent::pageView_dropsScriptUrlsAndSendsContentSecurityPolicy_data()
{
    QTest::addColumn<QByteArray>("url");
    QTest::newRow("javascript") << QByteArray("javascript:alert(1)");
    QTest::newRow("upper case") << QByteArray("JavaScript:alert(1)");
    QTest::newRow("spaces and controls") << QByteArray(R"( \u0001java\tscr\nipt :alert(1))");
    QTest::newRow("vbscript") << QByteArray("vbscript:msgbox(1)");
    QTest::newRow("data") << QByteArray("data:text/html,<script>alert(1)</script>");
}

void TestSandboxContent::pageView_dropsScriptUrlsAndSendsContentSecurityPolicy()
{
    QFETCH(QByteArray, url);
    const RawReply created = createPage(
        R"([{"tag":"p","children":[{"tag":"a","attrs":{"href":")" + url +
        R"("},"children":["click"]}]},{"tag":"figure","children":[{"tag":"img","attrs":{"src":")" +
        url + R"("}}]}])");
    QVERIFY2(created.json().value(QStringLiteral("ok")).toBool(), created.body.constData());
    const QString path = created.result()[QStringLiteral("path")].toString();

    QNetworkReply *reply = m_http->manager().get(QNetworkRequest(m_http->url(u'/' + path, {})));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    const QByteArray body = reply->readAll();
    const QByteArray csp = reply->rawHeader("Content-Security-Policy");
    reply->deleteLater();

    QVERIFY(body.contains("<a>click</a>"));
    QVERIFY(body.contains("<img/>"));
    const QByteArray lower = body.toLower();
    QVERIFY(!lower.contains("javascript"));
    QVERIFY(!lower.contains("vbscript"));
    QVERIFY(!lower.contains("data:"));
    QVERIFY(!lower.contains("<script"));

    QVERIFY2(csp.contains("default-src 'none'"), csp.constData());
    QVERIFY(csp.contains("script-src 'none'"));
    QVERIFY(csp.contains("object-src 'none'"));
    QVERIFY(csp.contains("img-src *"));
    QVERIFY(!csp.contains("unsafe-inline"));
    const QByteArray embed = m_sandbox->url().toString().toLatin1() + "/embed/";
    QVERIFY2(csp.contains(QByteArray("frame-src " + embed)), csp.constData());
}

TG_TEST_MAIN_CORE(TestSandboxContent)
#include "tst_sandboxcontent.moc"
