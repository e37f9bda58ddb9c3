// SPDX-License-Identifier: MIT
// The nine API methods of telegraph-sandbox, pinned with literal JSON over raw HTTP.
#include "sandboxfixture.h"
#include "sandboxtest.h"
#include "testmain.h"

#include <QRegularExpression>
#include <QUrlQuery>

using namespace tg::test;

class TestSandboxApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<RawHttp> m_http;
    QDateTime m_now;

    /// Creates an account and returns its token.
    QString newToken(const QByteArray &shortName = "Sandbox");
    /// Creates a page (JSON body) and returns the whole reply.
    RawReply newPage(const QString &token, const QString &title,
                     const QByteArray &content = "[{\"tag\":\"p\",\"children\":[\"Hello\"]}]")
    {
        return m_http->api(
            QStringLiteral("createPage"),
            "{\"access_token\":\"" + token.toUtf8() + "\",\"title\":" +
                QJsonDocument(QJsonArray{title}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
                ",\"content\":" + content + '}');
    }
    QString pathOf(const RawReply &r)
    {
        return r.result().toObject().value(QStringLiteral("path")).toString();
    }

private Q_SLOTS:
    void init();
    void cleanup();

    void createAccount_returnsAccountWithTokenAndOneTimeAuthUrl();

    void createAccount_limits_data();
    void createAccount_limits();

    void parameters_acceptEveryEncoding_data();
    void parameters_acceptEveryEncoding();

    void editAccountInfo_changesOnlyWhatIsSent();

    void getAccountInfo_returnsExactlyTheRequestedFields_data();
    void getAccountInfo_returnsExactlyTheRequestedFields();

    void getAccountInfo_authUrlIsFreshEachTime();

    void authUrl_worksOnceWithinFiveMinutes();

    void revokeAccessToken_replacesTokenAndInvalidatesOld();

    void createPage_answersPageInTelegraphFieldOrder();

    void createPage_rules_data();
    void createPage_rules();

    void createPage_withoutValidToken_failsWithAccessTokenInvalid_data();
    void createPage_withoutValidToken_failsWithAccessTokenInvalid();

    void createPage_contentLimitIsOnReceivedBytes_data();
    void createPage_contentLimitIsOnReceivedBytes();

    void createPage_escapedCjkCountsEscapes_rawUtf8FitsTwiceAsMuch();

    void createPage_pathFromTitleAndDate_data();
    void createPage_pathFromTitleAndDate();

    void editPage_keepsPathAndChecksOwnership();

    void getPage_canEditOnlyWithToken();

    void getPageList_newestFirstWithOffsetAndLimit_data();
    void getPageList_newestFirstWithOffsetAndLimit();

    void getPageList_literalShape();

    void getViews_bucketsSeededViews_data();
    void getViews_bucketsSeededViews();

    void getViews_unknownPageOrNoPath_fails();

    void controlEndpoint_seedsViewsWithTimestamps();

    void pageView_isCountedInTheCurrentHourBucket();

    void pageView_rendersEscapedReadableHtml();

    void unknownMethod_failsWithUnknownMethod_data();
    void unknownMethod_failsWithUnknownMethod();

    void description_isDerivedFromTheStartOfTheText();
};

QString TestSandboxApi::newToken(const QByteArray &shortName)
{
    const RawReply r =
        m_http->api(QStringLiteral("createAccount"),
                    "{\"short_name\":\"" + shortName + "\",\"author_name\":\"Anonymous\"}");
    return r.result().toObject().value(QStringLiteral("access_token")).toString();
}

void TestSandboxApi::init()
{
    m_now = QDateTime(QDate(2024, 12, 15), QTime(10, 20, 30), Qt::UTC);
    tg::sandbox::ServerSettings s;
    s.publicUrl = QUrl(QStringLiteral("https://telegra.ph"));
    s.flood.burst = 0;
    s.clock = [this] {
        return m_now;
    };
    m_sandbox = std::make_unique<SandboxFixture>(s);
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_http = std::make_unique<RawHttp>(m_sandbox->url());
}

void TestSandboxApi::cleanup()
{
    m_http.reset();
    m_sandbox.reset();
}

void TestSandboxApi::createAccount_returnsAccountWithTokenAndOneTimeAuthUrl()
{
    const RawReply r =
        m_http->get(QStringLiteral("/createAccount"), "short_name=Sandbox&author_name=Anonymous");
    QCOMPARE(r.status, 200);
    QVERIFY(r.contentType.startsWith("application/json"));
    QJsonObject result = r.result().toObject();
    const QString token = result.take(QStringLiteral("access_token")).toString();
    const QString authUrl = result.take(QStringLiteral("auth_url")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{60}$")).match(token).hasMatch(),
             qPrintable(token));
    QVERIFY2(
        QRegularExpression(QStringLiteral("^https://edit\\.telegra\\.ph/auth/[A-Za-z0-9]{42}$"))
            .match(authUrl)
            .hasMatch(),
        qPrintable(authUrl));
    TG_COMPARE_JSON(
        QJsonDocument(result).toJson(),
        R"({"short_name":"Sandbox","author_name":"Anonymous","author_url":"","page_count":0})");
    // Field order as the real server writes it.
    QVERIFY(r.body.indexOf("short_name") < r.body.indexOf("access_token"));
    QVERIFY(r.body.indexOf("access_token") < r.body.indexOf("auth_url"));
}

void TestSandboxApi::createAccount_limits_data()
{
    QTest::addColumn<QString>("shortName");
    QTest::addColumn<QString>("authorName");
    QTest::addColumn<QString>("authorUrl");
    QTest::addColumn<QString>("error");
    const QString x = QStringLiteral("x");
    QTest::newRow("short_name missing")
        << QString() << QString() << QString() << "SHORT_NAME_REQUIRED";
    QTest::newRow("short_name blank")
        << QStringLiteral("  ") << QString() << QString() << "SHORT_NAME_REQUIRED";
    QTest::newRow("short_name 32") << x.repeated(32) << QString() << QString() << QString();
    QTest::newRow("short_name 33")
        << x.repeated(33) << QString() << QString() << "SHORT_NAME_TOO_LONG";
    QTest::newRow("short_name 32 CJK code points")
        << QStringLiteral("漢").repeated(32) << QString() << QString() << QString();
    QTest::newRow("short_name 32 emoji (surrogate pairs)")
        << QStringLiteral("😀").repeated(32) << QString() << QString() << QString();
    QTest::newRow("short_name 33 emoji")
        << QStringLiteral("😀").repeated(33) << QString() << QString() << "SHORT_NAME_TOO_LONG";
    QTest::newRow("author_name 128") << x << x.repeated(128) << QString() << QString();
    QTest::newRow("author_name 129") << x << x.repeated(129) << QString() << "AUTHOR_NAME_TOO_LONG";
    const QString urlBase = QStringLiteral("https://e.com/");
    QTest::newRow("author_url 512")
        << x << QString() << urlBase + x.repeated(512 - urlBase.size()) << QString();
    QTest::newRow("author_url 513")
        << x << QString() << urlBase + x.repeated(513 - urlBase.size()) << "AUTHOR_URL_TOO_LONG";
    QTest::newRow("author_url not a URL")
        << x << QString() << QStringLiteral("not a url") << "AUTHOR_URL_INVALID";
    QTest::newRow("author_url javascript")
        << x << QString() << QStringLiteral("javascript:alert(1)") << "AUTHOR_URL_INVALID";
}

void TestSandboxApi::createAccount_limits()
{
    QFETCH(QString, shortName);
    QFETCH(QString, authorName);
    QFETCH(QString, authorUrl);
    QFETCH(QString, error);
    QList<QPair<QString, QString>> fields;
    if (!shortName.isNull())
        fields.append({QStringLiteral("short_name"), shortName});
    if (!authorName.isNull())
        fields.append({QStringLiteral("author_name"), authorName});
    if (!authorUrl.isNull())
        fields.append({QStringLiteral("author_url"), authorUrl});
    const RawReply r = m_http->postForm(QStringLiteral("/createAccount"), fields);
    QCOMPARE(r.status, 200);
    if (error.isEmpty()) {
        QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(r.result().toObject().value(QStringLiteral("short_name")).toString(), shortName);
    } else {
        TG_COMPARE_JSON(r.body, QByteArray(R"({"ok":false,"error":")" + error.toLatin1() + "\"}"));
    }
}

void TestSandboxApi::parameters_acceptEveryEncoding_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::newRow("query string") << "query";
    QTest::newRow("urlencoded form") << "form";
    QTest::newRow("JSON body, content as array") << "json-array";
    QTest::newRow("JSON body, content as string") << "json-string";
    QTest::newRow("multipart form") << "multipart";
    QTest::newRow("trailing slash") << "slash";
}

void TestSandboxApi::parameters_acceptEveryEncoding()
{
    QFETCH(QString, encoding);
    const QString token = newToken();
    const QByteArray content = R"([{"tag":"p","children":["Hi"]}])";
    RawReply r;
    if (encoding == u"query") {
        r = m_http->get(QStringLiteral("/createPage"),
                        formEncode({{QStringLiteral("access_token"), token},
                                    {QStringLiteral("title"), QStringLiteral("T")},
                                    {QStringLiteral("content"), QString::fromUtf8(content)},
                                    {QStringLiteral("return_content"), QStringLiteral("True")}}));
    } else if (encoding == u"form" || encoding == u"slash") {
        r = m_http->postForm(encoding == u"slash" ? QStringLiteral("/createPage/")
                                                  : QStringLiteral("/createPage"),
                             {{QStringLiteral("access_token"), token},
                              {QStringLiteral("title"), QStringLiteral("T")},
                              {QStringLiteral("content"), QString::fromUtf8(content)},
                              {QStringLiteral("return_content"), QStringLiteral("true")}});
    } else if (encoding == u"json-array") {
        r = m_http->api(QStringLiteral("createPage"), "{\"access_token\":\"" + token.toLatin1() +
                                                          "\",\"title\":\"T\",\"content\":" +
                                                          content + ",\"return_content\":true}");
    } else if (encoding == u"json-string") {
        r = m_http->api(QStringLiteral("createPage"),
                        "{\"access_token\":\"" + token.toLatin1() +
                            "\",\"title\":\"T\",\"content\":\"[{\\\"tag\\\":\\\"p\\\","
                            "\\\"children\\\":[\\\"Hi\\\"]}]\",\"return_content\":\"True\"}");
    } else {
        const QByteArray b = "XyZ";
        QByteArray body;
        auto part = [&](const char *name, const QByteArray &value) {
            body += "--" + b + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
                    value + "\r\n";
        };
        part("access_token", token.toLatin1());
        part("title", "T");
        part("content", content);
        part("return_content", "True");
        body += "--" + b + "--\r\n";
        r = m_http->post(QStringLiteral("/createPage"), body, "multipart/form-data; boundary=" + b);
    }
    QCOMPARE(r.status, 200);
    TG_COMPARE_JSON(
        r.body,
        R"({"ok":true,"result":{"path":"T-12-15","url":"https://telegra.ph/T-12-15","title":"T","description":"Hi","author_name":"Anonymous","content":[{"tag":"p","children":["Hi"]}],"views":0,"can_edit":true}})");
}

void TestSandboxApi::editAccountInfo_changesOnlyWhatIsSent()
{
    const QString token = newToken();
    RawReply r =
        m_http->api(QStringLiteral("editAccountInfo"), "{\"access_token\":\"" + token.toLatin1() +
                                                           "\",\"author_url\":\"https://t.me/x\"}");
    TG_COMPARE_JSON(
        r.body,
        R"({"ok":true,"result":{"short_name":"Sandbox","author_name":"Anonymous","author_url":"https://t.me/x"}})");
    r = m_http->api(QStringLiteral("editAccountInfo"),
                    "{\"access_token\":\"" + token.toLatin1() +
                        "\",\"short_name\":\"New\",\"author_name\":\"\"}");
    TG_COMPARE_JSON(
        r.body,
        R"({"ok":true,"result":{"short_name":"New","author_name":"","author_url":"https://t.me/x"}})");
    r = m_http->api(QStringLiteral("editAccountInfo"), "{\"access_token\":\"" + token.toLatin1() +
                                                           "\",\"short_name\":\"" +
                                                           QByteArray(33, 'x') + "\"}");
    TG_COMPARE_JSON(r.body, R"({"ok":false,"error":"SHORT_NAME_TOO_LONG"})");
    r = m_http->api(QStringLiteral("editAccountInfo"),
                    "{\"access_token\":\"" + token.toLatin1() + "\",\"short_name\":\"\"}");
    TG_COMPARE_JSON(r.body, R"({"ok":false,"error":"SHORT_NAME_REQUIRED"})");
    r = m_http->api(QStringLiteral("editAccountInfo"),
                    R"({"access_token":"nope","short_name":"X"})");
    TG_COMPARE_JSON(r.body, R"({"ok":false,"error":"ACCESS_TOKEN_INVALID"})");
}

void TestSandboxApi::getAccountInfo_returnsExactlyTheRequestedFields_data()
{
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("default")
        << QByteArray()
        << QByteArray(
               R"({"ok":true,"result":{"short_name":"Sandbox","author_name":"Anonymous","author_url":""}})");
    QTest::newRow("page_count") << QByteArray(R"(["page_count"])")
                                << QByteArray(R"({"ok":true,"result":{"page_count":2}})");
    QTest::newRow("as string")
        << QByteArray(R"("[\"short_name\",\"page_count\"]")")
        << QByteArray(R"({"ok":true,"result":{"short_name":"Sandbox","page_count":2}})");
    QTest::newRow("empty") << QByteArray("[]") << QByteArray(R"({"ok":true,"result":{}})");
    QTest::newRow("unknown field") << QByteArray(R"(["password"])")
                                   << QByteArray(R"({"ok":false,"error":"FIELDS_FORMAT_INVALID"})");
    QTest::newRow("not an array") << QByteArray(R"("short_name")")
                                  << QByteArray(R"({"ok":false,"error":"FIELDS_FORMAT_INVALID"})");
    QTest::newRow("not strings") << QByteArray(R"([1])")
                                 << QByteArray(R"({"ok":false,"error":"FIELDS_FORMAT_INVALID"})");
}

void TestSandboxApi::getAccountInfo_returnsExactlyTheRequestedFields()
{
    QFETCH(QByteArray, fields);
    QFETCH(QByteArray, expected);
    const QString token = newToken();
    newPage(token, QStringLiteral("One"));
    newPage(token, QStringLiteral("Two"));
    QByteArray body = "{\"access_token\":\"" + token.toLatin1() + '"';
    if (!fields.isEmpty())
        body += ",\"fields\":" + fields;
    const RawReply r = m_http->api(QStringLiteral("getAccountInfo"), body + '}');
    TG_COMPARE_JSON(r.body, expected);
}

void TestSandboxApi::getAccountInfo_authUrlIsFreshEachTime()
{
    const QString token = newToken();
    const QByteArray body =
        "{\"access_token\":\"" + token.toLatin1() + "\",\"fields\":[\"auth_url\"]}";
    const QString a = m_http->api(QStringLiteral("getAccountInfo"), body)
                          .result()[QStringLiteral("auth_url")]
                          .toString();
    const QString b = m_http->api(QStringLiteral("getAccountInfo"), body)
                          .result()[QStringLiteral("auth_url")]
                          .toString();
    QVERIFY(a.startsWith(QStringLiteral("https://edit.telegra.ph/auth/")));
    QVERIFY(a != b);
}

void TestSandboxApi::authUrl_worksOnceWithinFiveMinutes()
{
    const RawReply created = m_http->api(QStringLiteral("createAccount"), R"({"short_name":"A"})");
    const QString authUrl = created.result()[QStringLiteral("auth_url")].toString();
    const QString path = QUrl(authUrl).path();
    RawReply r = m_http->get(path);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("logged in as A"));
    r = m_http->get(path);
    QCOMPARE(r.status, 410);

    const QString token = created.result()[QStringLiteral("access_token")].toString();
    const QByteArray body =
        "{\"access_token\":\"" + token.toLatin1() + "\",\"fields\":[\"auth_url\"]}";
    const QString second = m_http->api(QStringLiteral("getAccountInfo"), body)
                               .result()[QStringLiteral("auth_url")]
                               .toString();
    m_now = m_now.addSecs(5 * 60 + 1);
    QCOMPARE(m_http->get(QUrl(second).path()).status, 410);
}

void TestSandboxApi::revokeAccessToken_replacesTokenAndInvalidatesOld()
{
    const QString token = newToken();
    const RawReply r = m_http->api(QStringLiteral("revokeAccessToken"),
                                   "{\"access_token\":\"" + token.toLatin1() + "\"}");
    const QJsonObject result = r.result().toObject();
    QCOMPARE(result.keys(),
             QStringList({QStringLiteral("access_token"), QStringLiteral("auth_url")}));
    const QString fresh = result.value(QStringLiteral("access_token")).toString();
    QCOMPARE(fresh.size(), 60);
    QVERIFY(fresh != token);
    TG_COMPARE_JSON(m_http
                        ->api(QStringLiteral("getAccountInfo"),
                              "{\"access_token\":\"" + token.toLatin1() + "\"}")
                        .body,
                    R"({"ok":false,"error":"ACCESS_TOKEN_INVALID"})");
    TG_COMPARE_JSON(
        m_http
            ->api(QStringLiteral("getAccountInfo"),
                  "{\"access_token\":\"" + fresh.toLatin1() + "\"}")
            .body,
        R"({"ok":true,"result":{"short_name":"Sandbox","author_name":"Anonymous","author_url":""}})");
    TG_COMPARE_JSON(m_http->api(QStringLiteral("revokeAccessToken"), "{}").body,
                    R"({"ok":false,"error":"ACCESS_TOKEN_INVALID"})");
}

void TestSandboxApi::createPage_answersPageInTelegraphFieldOrder()
{
    const QString token = newToken();
    const RawReply r = m_http->api(
        QStringLiteral("createPage"),
        "{\"access_token\":\"" + token.toLatin1() +
            R"(","title":"Sample Page","author_name":"Me","author_url":"https://e.com/me","content":[{"tag":"figure","children":[{"tag":"img","attrs":{"src":"/file/abc.png"}}]},{"tag":"p","children":["Hello, ",{"tag":"a","attrs":{"href":"https://e.com","target":"_blank"},"children":["world"]}]}],"return_content":true})");
    TG_COMPARE_JSON(
        r.body,
        R"({"ok":true,"result":{"path":"Sample-Page-12-15","url":"https://telegra.ph/Sample-Page-12-15","title":"Sample Page","description":"Hello, world","author_name":"Me","author_url":"https://e.com/me","image_url":"https://telegra.ph/file/abc.png","content":[{"tag":"figure","children":[{"tag":"img","attrs":{"src":"/file/abc.png"}}]},{"tag":"p","children":["Hello, ",{"tag":"a","attrs":{"href":"https://e.com","target":"_blank"},"children":["world"]}]}],"views":0,"can_edit":true}})");
    const char *order[] = {"\"path\"",        "\"url\"",        "\"title\"",     "\"description\"",
                           "\"author_name\"", "\"author_url\"", "\"image_url\"", "\"content\"",
                           "\"views\"",       "\"can_edit\""};
    for (int i = 1; i < 10; ++i)
        QVERIFY2(r.body.indexOf(order[i - 1]) < r.body.indexOf(order[i]), order[i]);
    // Attribute order is kept as sent.
    QVERIFY(r.body.contains(R"({"href":"https://e.com","target":"_blank"})"));
}

void TestSandboxApi::createPage_rules_data()
{
    QTest::addColumn<QByteArray>("fields"); // JSON object members after the token
    QTest::addColumn<QString>("error");
    const QByteArray c = R"("content":[{"tag":"p","children":["x"]}])";
    QTest::newRow("title missing") << QByteArray(c) << "TITLE_REQUIRED";
    QTest::newRow("title empty") << QByteArray(R"("title":"",)" + c) << "TITLE_REQUIRED";
    QTest::newRow("title 256") << QByteArray("\"title\":\"" + QByteArray(256, 't') + "\"," + c)
                               << QString();
    QTest::newRow("title 257") << QByteArray("\"title\":\"" + QByteArray(257, 't') + "\"," + c)
                               << "TITLE_TOO_LONG";
    QTest::newRow("author_name 129")
        << QByteArray("\"title\":\"t\",\"author_name\":\"" + QByteArray(129, 'a') + "\"," + c)
        << "AUTHOR_NAME_TOO_LONG";
    QTest::newRow("author_url invalid")
        << QByteArray("\"title\":\"t\",\"author_url\":\"ftp:x\"," + c) << "AUTHOR_URL_INVALID";
    QTest::newRow("content missing") << QByteArray(R"("title":"t")") << "CONTENT_REQUIRED";
    QTest::newRow("content malformed")
        << QByteArray(R"("title":"t","content":"[{\"tag\":")") << "CONTENT_FORMAT_INVALID";
    QTest::newRow("content without text")
        << QByteArray(R"("title":"t","content":[{"tag":"p","children":[""]}])")
        << "CONTENT_TEXT_REQUIRED";
    QTest::newRow("content empty array")
        << QByteArray(R"("title":"t","content":[])") << "CONTENT_REQUIRED";
    QTest::newRow("top-level text accepted")
        << QByteArray(R"("title":"t","content":["just text"])") << QString();
    QTest::newRow("tag not allowed")
        << QByteArray(R"("title":"t","content":[{"tag":"script","children":["x"]}])")
        << "TAG_NOT_ALLOWED";
}

void TestSandboxApi::createPage_rules()
{
    QFETCH(QByteArray, fields);
    QFETCH(QString, error);
    const QString token = newToken();
    const RawReply r =
        m_http->api(QStringLiteral("createPage"),
                    "{\"access_token\":\"" + token.toLatin1() + "\"," + fields + '}');
    if (error.isEmpty())
        QVERIFY2(r.json().value(QStringLiteral("ok")).toBool(), r.body.constData());
    else
        TG_COMPARE_JSON(r.body, QByteArray(R"({"ok":false,"error":")" + error.toLatin1() + "\"}"));
}

void TestSandboxApi::createPage_withoutValidToken_failsWithAccessTokenInvalid_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("missing") << QByteArray();
    QTest::newRow("unknown") << QByteArray(60, 'a');
    QTest::newRow("garbage") << QByteArray("'; DROP TABLE accounts; --");
}

void TestSandboxApi::createPage_withoutValidToken_failsWithAccessTokenInvalid()
{
    QFETCH(QByteArray, token);
    const RawReply r = m_http->postForm(QStringLiteral("/createPage"),
                                        {{QStringLiteral("access_token"), QString::fromUtf8(token)},
                                         {QStringLiteral("title"), QStringLiteral("t")},
                                         {QStringLiteral("content"), QStringLiteral("[\"x\"]")}});
    TG_COMPARE_JSON(r.body, R"({"ok":false,"error":"ACCESS_TOKEN_INVALID"})");
}

void TestSandboxApi::createPage_contentLimitIsOnReceivedBytes_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("error");
    QTest::newRow("65536 bytes") << 65536 << QString();
    QTest::newRow("65537 bytes") << 65537 << "CONTENT_TOO_BIG";
}

void TestSandboxApi::createPage_contentLimitIsOnReceivedBytes()
{
    QFETCH(int, size);
    QFETCH(QString, error);
    const QByteArray prefix = R"([{"tag":"p","children":[")";
    const QByteArray suffix = R"("]}])";
    const QByteArray content =
        prefix + QByteArray(size - prefix.size() - suffix.size(), 'x') + suffix;
    QCOMPARE(content.size(), size);
    const QString token = newToken();
    const RawReply r = m_http->postForm(
        QStringLiteral("/createPage"), {{QStringLiteral("access_token"), token},
                                        {QStringLiteral("title"), QStringLiteral("t")},
                                        {QStringLiteral("content"), QString::fromLatin1(content)}});
    if (error.isEmpty())
        QVERIFY2(r.json().value(QStringLiteral("ok")).toBool(), r.body.left(200).constData());
    else
        TG_COMPARE_JSON(r.body, R"({"ok":false,"error":"CONTENT_TOO_BIG"})");
}

void TestSandboxApi::createPage_escapedCjkCountsEscapes_rawUtf8FitsTwiceAsMuch()
{
    const QString token = newToken();
    const QString text = QStringLiteral("漢").repeated(15000); // 45,000 bytes raw, 90,000 escaped
    const QByteArray raw = "[\"" + text.toUtf8() + "\"]";
    QByteArray escaped = "[\"";
    for (int i = 0; i < 15000; ++i)
        escaped += "\\u6f22";
    escaped += "\"]";
    const QByteArray head =
        "{\"access_token\":\"" + token.toLatin1() + "\",\"title\":\"t\",\"content\":";
    QVERIFY(m_http->api(QStringLiteral("createPage"), head + raw + '}')
                .json()[QStringLiteral("ok")]
                .toBool());
    TG_COMPARE_JSON(m_http->api(QStringLiteral("createPage"), head + escaped + '}').body,
                    R"({"ok":false,"error":"CONTENT_TOO_BIG"})");
}

void TestSandboxApi::createPage_pathFromTitleAndDate_data()
{
    QTest::addColumn<QStringList>("titles");
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QString>("lastUrl");
    QTest::newRow("Latin") << QStringList{QStringLiteral("Sample Page")}
                           << QStringList{QStringLiteral("Sample-Page-12-15")}
                           << "https://telegra.ph/Sample-Page-12-15";
    QTest::newRow("punctuation dropped, digits kept")
        << QStringList{QStringLiteral("Hello, World! (2024)")}
        << QStringList{QStringLiteral("Hello-World-2024-12-15")}
        << "https://telegra.ph/Hello-World-2024-12-15";
    QTest::newRow("space dash space")
        << QStringList{QStringLiteral("A - B")} << QStringList{QStringLiteral("A---B-12-15")}
        << "https://telegra.ph/A---B-12-15";
    QTest::newRow("Russian") << QStringList{QStringLiteral("Путешествие по Намиби")}
                             << QStringList{QStringLiteral("Puteshestvie-po-Namibi-12-15")}
                             << "https://telegra.ph/Puteshestvie-po-Namibi-12-15";
    QTest::newRow("Russian capitals and soft signs")
        << QStringList{QStringLiteral("Щука Объявление Ёж")}
        << QStringList{QStringLiteral("Shchuka-Obyavlenie-Yozh-12-15")}
        << "https://telegra.ph/Shchuka-Obyavlenie-Yozh-12-15";
    QTest::newRow("Ukrainian") << QStringList{QStringLiteral("Їжак і Ґанок Євген")}
                               << QStringList{QStringLiteral("Yizhak-i-Ganok-Yevgen-12-15")}
                               << "https://telegra.ph/Yizhak-i-Ganok-Yevgen-12-15";
    QTest::newRow("CJK kept, URL percent-encoded")
        << QStringList{QStringLiteral("你好 世界")}
        << QStringList{QStringLiteral("你好-世界-12-15")}
        << "https://telegra.ph/%E4%BD%A0%E5%A5%BD-%E4%B8%96%E7%95%8C-12-15";
    QTest::newRow("duplicates get -2, -3")
        << QStringList{QStringLiteral("Hey"), QStringLiteral("Hey"), QStringLiteral("hey!")}
        << QStringList{QStringLiteral("Hey-12-15"), QStringLiteral("Hey-12-15-2"),
                       QStringLiteral("hey-12-15")}
        << "https://telegra.ph/hey-12-15";
    QTest::newRow("three of a kind")
        << QStringList{QStringLiteral("Hey"), QStringLiteral("Hey"), QStringLiteral("Hey")}
        << QStringList{QStringLiteral("Hey-12-15"), QStringLiteral("Hey-12-15-2"),
                       QStringLiteral("Hey-12-15-3")}
        << "https://telegra.ph/Hey-12-15-3";
}

void TestSandboxApi::createPage_pathFromTitleAndDate()
{
    QFETCH(QStringList, titles);
    QFETCH(QStringList, paths);
    QFETCH(QString, lastUrl);
    const QString token = newToken();
    RawReply r;
    for (qsizetype i = 0; i < titles.size(); ++i) {
        r = newPage(token, titles.at(i));
        QCOMPARE(pathOf(r), paths.at(i));
    }
    QCOMPARE(r.result()[QStringLiteral("url")].toString(), lastUrl);
    // The page is reachable under its path, raw or percent-encoded.
    const RawReply got = m_http->get(QStringLiteral("/getPage/") + paths.last());
    QCOMPARE(got.result()[QStringLiteral("path")].toString(), paths.last());
}

void TestSandboxApi::editPage_keepsPathAndChecksOwnership()
{
    const QString owner = newToken();
    const QString other = newToken("Other");
    const QString path = pathOf(newPage(owner, QStringLiteral("Original")));
    QCOMPARE(path, QStringLiteral("Original-12-15"));
    m_now = m_now.addDays(3);
    const QByteArray body =
        R"(","title":"Renamed","content":[{"tag":"p","children":["New text"]}],"return_content":true})";
    RawReply r = m_http->api(QStringLiteral("editPage/") + path,
                             "{\"access_token\":\"" + owner.toLatin1() + body);
    TG_COMPARE_JSON(
        r.body,
        R"({"ok":true,"result":{"path":"Original-12-15","url":"https://telegra.ph/Original-12-15","title":"Renamed","description":"New text","author_name":"Anonymous","content":[{"tag":"p","children":["New text"]}],"views":0,"can_edit":true}})");
    r = m_http->api(QStringLiteral("editPage"), "{\"path\":\"" + path.toLatin1() +
                                                    "\",\"access_token\":\"" + other.toLatin1() +
                                                    body);
    TG_COMPARE_JSON(r.body, R"({"ok":false,"error":"PAGE_ACCESS_DENIED"})");
    r = m_http->api(QStringLiteral("editPage/Nope-01-01"),
                    "{\"access_token\":\"" + owner.toLatin1() + body);
    TG_COMPARE_JSON(r.body, R"({"ok":false,"error":"PAGE_NOT_FOUND"})");
    r = m_http->api(QStringLiteral("editPage"), "{\"access_token\":\"" + owner.toLatin1() + body);
    TG_COMPARE_JSON(r.body, R"({"ok":false,"error":"PATH_REQUIRED"})");
    r = m_http->api(QStringLiteral("editPage/") + path,
                    "{\"access_token\":\"" + owner.toLatin1() + R"(","title":"T"})");
    TG_COMPARE_JSON(r.body, R"({"ok":false,"error":"CONTENT_REQUIRED"})");
    r = m_http->api(QStringLiteral("editPage/") + path, "{\"access_token\":\"bad" + body);
    TG_COMPARE_JSON(r.body, R"({"ok":false,"error":"ACCESS_TOKEN_INVALID"})");
}

void TestSandboxApi::getPage_canEditOnlyWithToken()
{
    const QString owner = newToken();
    const QString other = newToken("Other");
    const QString path = pathOf(newPage(owner, QStringLiteral("Mine")));
    TG_COMPARE_JSON(
        m_http->get(QStringLiteral("/getPage/") + path).body,
        R"({"ok":true,"result":{"path":"Mine-12-15","url":"https://telegra.ph/Mine-12-15","title":"Mine","description":"Hello","author_name":"Anonymous","views":0}})");
    TG_COMPARE_JSON(
        m_http
            ->get(QStringLiteral("/getPage"),
                  "path=" + path.toLatin1() +
                      "&return_content=true&access_token=" + owner.toLatin1())
            .body,
        R"({"ok":true,"result":{"path":"Mine-12-15","url":"https://telegra.ph/Mine-12-15","title":"Mine","description":"Hello","author_name":"Anonymous","content":[{"tag":"p","children":["Hello"]}],"views":0,"can_edit":true}})");
    TG_COMPARE_JSON(
        m_http->get(QStringLiteral("/getPage/") + path, "access_token=" + other.toLatin1()).body,
        R"({"ok":true,"result":{"path":"Mine-12-15","url":"https://telegra.ph/Mine-12-15","title":"Mine","description":"Hello","author_name":"Anonymous","views":0,"can_edit":false}})");
    TG_COMPARE_JSON(m_http->get(QStringLiteral("/getPage/Missing-01-01")).body,
                    R"({"ok":false,"error":"PAGE_NOT_FOUND"})");
    TG_COMPARE_JSON(m_http->get(QStringLiteral("/getPage")).body,
                    R"({"ok":false,"error":"PATH_REQUIRED"})");
}

void TestSandboxApi::getPageList_newestFirstWithOffsetAndLimit_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QString>("error");
    QTest::newRow("default") << QByteArray()
                             << QStringList{QStringLiteral("P3-12-15"), QStringLiteral("P2-12-15"),
                                            QStringLiteral("P1-12-15")}
                             << QString();
    QTest::newRow("offset 1 limit 1")
        << QByteArray("&offset=1&limit=1") << QStringList{QStringLiteral("P2-12-15")} << QString();
    QTest::newRow("limit 0") << QByteArray("&limit=0") << QStringList{} << QString();
    QTest::newRow("limit 200") << QByteArray("&limit=200")
                               << QStringList{QStringLiteral("P3-12-15"),
                                              QStringLiteral("P2-12-15"),
                                              QStringLiteral("P1-12-15")}
                               << QString();
    QTest::newRow("offset past end") << QByteArray("&offset=7") << QStringList{} << QString();
    QTest::newRow("limit 201") << QByteArray("&limit=201") << QStringList{} << "LIMIT_INVALID";
    QTest::newRow("limit -1") << QByteArray("&limit=-1") << QStringList{} << "LIMIT_INVALID";
    QTest::newRow("limit text") << QByteArray("&limit=ten") << QStringList{} << "LIMIT_INVALID";
    QTest::newRow("offset -1") << QByteArray("&offset=-1") << QStringList{} << "OFFSET_INVALID";
}

void TestSandboxApi::getPageList_newestFirstWithOffsetAndLimit()
{
    QFETCH(QByteArray, query);
    QFETCH(QStringList, paths);
    QFETCH(QString, error);
    const QString token = newToken();
    newToken("Other"); // pages of other accounts never show up
    for (int i = 1; i <= 3; ++i) {
        newPage(token, QStringLiteral("P%1").arg(i));
        m_now = m_now.addSecs(60);
    }
    const RawReply r =
        m_http->get(QStringLiteral("/getPageList"), "access_token=" + token.toLatin1() + query);
    if (!error.isEmpty()) {
        TG_COMPARE_JSON(r.body, QByteArray(R"({"ok":false,"error":")" + error.toLatin1() + "\"}"));
        return;
    }
    QCOMPARE(r.result()[QStringLiteral("total_count")].toInt(), 3);
    QStringList got;
    for (const QJsonValue &p : r.result()[QStringLiteral("pages")].toArray()) {
        got.append(p[QStringLiteral("path")].toString());
        QVERIFY(!p.toObject().contains(QStringLiteral("content")));
        QCOMPARE(p[QStringLiteral("can_edit")].toBool(), true);
    }
    QCOMPARE(got, paths);
}

void TestSandboxApi::getPageList_literalShape()
{
    const QString token = newToken();
    newPage(token, QStringLiteral("Only"));
    TG_COMPARE_JSON(
        m_http->get(QStringLiteral("/getPageList"), "access_token=" + token.toLatin1()).body,
        R"({"ok":true,"result":{"total_count":1,"pages":[{"path":"Only-12-15","url":"https://telegra.ph/Only-12-15","title":"Only","description":"Hello","author_name":"Anonymous","views":0,"can_edit":true}]}})");
    TG_COMPARE_JSON(m_http->get(QStringLiteral("/getPageList")).body,
                    R"({"ok":false,"error":"ACCESS_TOKEN_INVALID"})");
}

void TestSandboxApi::getViews_bucketsSeededViews_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("expected");
    auto views = [](int n) -> QByteArray {
        return QByteArray(R"({"ok":true,"result":{"views":)") + QByteArray::number(n) + "}}";
    };
    auto error = [](const char *code) -> QByteArray {
        return QByteArray(R"({"ok":false,"error":")") + code + "\"}";
    };
    QTest::newRow("total") << QByteArray() << views(1 + 2 + 4 + 8 + 16);
    QTest::newRow("year 2024") << QByteArray("&year=2024") << views(1 + 2 + 4 + 8);
    QTest::newRow("year 2025") << QByteArray("&year=2025") << views(16);
    QTest::newRow("month 2024-03") << QByteArray("&year=2024&month=3") << views(1 + 2 + 4);
    QTest::newRow("day 2024-03-10") << QByteArray("&year=2024&month=3&day=10") << views(1 + 2);
    QTest::newRow("hour 0") << QByteArray("&year=2024&month=3&day=10&hour=0") << views(1);
    QTest::newRow("hour 23") << QByteArray("&year=2024&month=3&day=10&hour=23") << views(2);
    QTest::newRow("empty hour") << QByteArray("&year=2024&month=3&day=10&hour=12") << views(0);
    QTest::newRow("year 2000") << QByteArray("&year=2000") << views(0);
    QTest::newRow("year 2100") << QByteArray("&year=2100") << views(0);
    QTest::newRow("hour 24") << QByteArray("&year=2024&month=3&day=10&hour=24")
                             << error("HOUR_INVALID");
    QTest::newRow("hour -1") << QByteArray("&year=2024&month=3&day=10&hour=-1")
                             << error("HOUR_INVALID");
    QTest::newRow("year 1999") << QByteArray("&year=1999") << error("YEAR_INVALID");
    QTest::newRow("year 2101") << QByteArray("&year=2101") << error("YEAR_INVALID");
    QTest::newRow("month 0") << QByteArray("&year=2024&month=0") << error("MONTH_INVALID");
    QTest::newRow("month 13") << QByteArray("&year=2024&month=13") << error("MONTH_INVALID");
    QTest::newRow("day 0") << QByteArray("&year=2024&month=3&day=0") << error("DAY_INVALID");
    QTest::newRow("day 32") << QByteArray("&year=2024&month=3&day=32") << error("DAY_INVALID");
    QTest::newRow("February 30") << QByteArray("&year=2024&month=2&day=30") << error("DAY_INVALID");
    QTest::newRow("month without year") << QByteArray("&month=3") << error("YEAR_REQUIRED");
    QTest::newRow("day without month") << QByteArray("&year=2024&day=3") << error("MONTH_REQUIRED");
    QTest::newRow("hour without day")
        << QByteArray("&year=2024&month=3&hour=3") << error("DAY_REQUIRED");
}

void TestSandboxApi::getViews_bucketsSeededViews()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, expected);
    const QString token = newToken();
    const QString path = pathOf(newPage(token, QStringLiteral("Stats")));
    auto at = [](int y, int mo, int d, int h, int mi) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
    };
    QVERIFY(m_sandbox->server()->seedViews(path, at(2024, 3, 10, 0, 59), 1));
    QVERIFY(m_sandbox->server()->seedViews(path, at(2024, 3, 10, 23, 0), 2));
    QVERIFY(m_sandbox->server()->seedViews(path, at(2024, 3, 31, 12, 0), 4));
    QVERIFY(m_sandbox->server()->seedViews(path, at(2024, 12, 31, 23, 59), 8));
    QVERIFY(m_sandbox->server()->seedViews(path, at(2025, 1, 1, 0, 0), 16));
    TG_COMPARE_JSON(m_http->get(QStringLiteral("/getViews/") + path, query.mid(1)).body, expected);
}

void TestSandboxApi::getViews_unknownPageOrNoPath_fails()
{
    TG_COMPARE_JSON(m_http->get(QStringLiteral("/getViews/Nope-01-01")).body,
                    R"({"ok":false,"error":"PAGE_NOT_FOUND"})");
    TG_COMPARE_JSON(m_http->get(QStringLiteral("/getViews")).body,
                    R"({"ok":false,"error":"PATH_REQUIRED"})");
    QVERIFY(!m_sandbox->server()->seedViews(QStringLiteral("Nope-01-01"), m_now));
}

void TestSandboxApi::controlEndpoint_seedsViewsWithTimestamps()
{
    const QString path = pathOf(newPage(newToken(), QStringLiteral("Seeded")));
    const RawReply r =
        m_http->postJson(QStringLiteral("/_sandbox/views"),
                         "{\"path\":\"" + path.toLatin1() +
                             R"(","timestamps":["2023-05-01T10:00:00Z",1683000000],"count":3})");
    TG_COMPARE_JSON(r.body, R"({"ok":true,"result":{"views":6}})");
    TG_COMPARE_JSON(
        m_http->get(QStringLiteral("/getViews/") + path, "year=2023&month=5&day=1&hour=10").body,
        R"({"ok":true,"result":{"views":3}})");
    QCOMPARE(m_http
                 ->postJson(QStringLiteral("/_sandbox/views"),
                            R"({"path":"Nope-01-01","timestamps":[1]})")
                 .status,
             400);
}

void TestSandboxApi::pageView_isCountedInTheCurrentHourBucket()
{
    const QString path = pathOf(newPage(newToken(), QStringLiteral("Read me")));
    QCOMPARE(m_http->get(u'/' + path).status, 200);
    QCOMPARE(m_http->get(u'/' + path).status, 200);
    TG_COMPARE_JSON(
        m_http->get(QStringLiteral("/getViews/") + path, "year=2024&month=12&day=15&hour=10").body,
        R"({"ok":true,"result":{"views":2}})");
    QCOMPARE(
        m_http->get(QStringLiteral("/getPage/") + path).result()[QStringLiteral("views")].toInt(),
        2);
}

void TestSandboxApi::pageView_rendersEscapedReadableHtml()
{
    const QString token = newToken();
    const RawReply created = m_http->api(
        QStringLiteral("createPage"),
        "{\"access_token\":\"" + token.toLatin1() +
            R"(","title":"<script>alert(1)</script>","author_name":"A & B","content":[{"tag":"h3","children":["Head"]},{"tag":"p","children":["x < y & <b>"]}]})");
    const RawReply r = m_http->get(u'/' + pathOf(created));
    QCOMPARE(r.status, 200);
    QVERIFY(r.contentType.startsWith("text/html"));
    QVERIFY(!r.body.contains("<script>"));
    QVERIFY(r.body.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
    QVERIFY(r.body.contains("A &amp; B"));
    QVERIFY(r.body.contains("<h3>Head</h3>"));
    QVERIFY(r.body.contains("x &lt; y &amp; &lt;b&gt;"));
    QCOMPARE(m_http->get(QStringLiteral("/Missing-Page-01-01")).status, 404);
}

void TestSandboxApi::unknownMethod_failsWithUnknownMethod_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("unknown") << "/deletePage";
    QTest::newRow("unknown with path") << "/deletePage/Some-Page-01-01";
    QTest::newRow("typo") << "/createPages";
}

void TestSandboxApi::unknownMethod_failsWithUnknownMethod()
{
    QFETCH(QString, path);
    TG_COMPARE_JSON(m_http->postForm(path, {{QStringLiteral("a"), QStringLiteral("b")}}).body,
                    R"({"ok":false,"error":"UNKNOWN_METHOD"})");
}

void TestSandboxApi::description_isDerivedFromTheStartOfTheText()
{
    const QString token = newToken();
    const QString longText = QStringLiteral("word ").repeated(100);
    const RawReply r = newPage(token, QStringLiteral("Long"),
                               R"([{"tag":"h3","children":["Heading"]},{"tag":"p","children":[")" +
                                   longText.toLatin1() + "\"]}]");
    const QString description = r.result()[QStringLiteral("description")].toString();
    QVERIFY(description.startsWith(QStringLiteral("Heading word word")));
    QVERIFY2(description.size() <= 151, qPrintable(description));
}

TG_TEST_MAIN_CORE(TestSandboxApi)
#include "tst_sandboxapi.moc"
