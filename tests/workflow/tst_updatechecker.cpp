// SPDX-License-Identifier: MIT
// The notify-only update check against a tiny local HTTP feed served by a QTcpServer.
#include "feedserver.h"
#include "testmain.h"
#include "workflow/updatechecker.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using tg::UpdateChecker;
using tg::UpdateInfo;
using tg::UpdateSettings;
using tg::test::FeedServer;

class TestUpdateChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compareVersions_ordersReleasesAndPreReleases_data();
    void compareVersions_ordersReleasesAndPreReleases();
    void parseFeed_readsVersionUrlAndNotes();
    void parseFeed_badFeed_isRejected_data();
    void parseFeed_badFeed_isRejected();
    void isUsableFeedUrl_requiresHttpsExceptLoopback_data();
    void isUsableFeedUrl_requiresHttpsExceptLoopback();

    void check_newerVersion_emitsUpdateAvailable();
    void check_sameOrOlderVersion_emitsUpToDate_data();
    void check_sameOrOlderVersion_emitsUpToDate();
    void check_serverProblems_emitCheckFailed_data();
    void check_serverProblems_emitCheckFailed();
    void check_noAnswer_failsAfterTimeout();
    void check_whileRunning_isRefused();
    void cancel_endsWithFailureOnce();

    void settings_offByDefault_andNeverChecks();
    void settings_roundTripAndDueAfterInterval();
};

void TestUpdateChecker::compareVersions_ordersReleasesAndPreReleases_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");
    QTest::newRow("equal") << u"1.2.3"_s << u"1.2.3"_s << 0;
    QTest::newRow("padding") << u"1.2"_s << u"1.2.0"_s << 0;
    QTest::newRow("patch") << u"1.2.4"_s << u"1.2.3"_s << 1;
    QTest::newRow("minor-numeric-not-lexical") << u"0.10.0"_s << u"0.9.9"_s << 1;
    QTest::newRow("major") << u"1.0"_s << u"2.0"_s << -1;
    QTest::newRow("leading-v") << u"v0.2.0"_s << u"0.1.0"_s << 1;
    QTest::newRow("prerelease-before-release") << u"1.0.0-rc.1"_s << u"1.0.0"_s << -1;
    QTest::newRow("prerelease-numeric") << u"1.0.0-beta.11"_s << u"1.0.0-beta.2"_s << 1;
    QTest::newRow("prerelease-alpha-beta") << u"1.0.0-alpha"_s << u"1.0.0-beta"_s << -1;
    QTest::newRow("prerelease-longer") << u"1.0.0-alpha.1"_s << u"1.0.0-alpha"_s << 1;
    QTest::newRow("build-metadata-ignored") << u"1.0.0+20261125"_s << u"1.0.0"_s << 0;
    QTest::newRow("huge-numbers") << u"1.99999999999999999999"_s << u"1.99999999999999999998"_s
                                  << 1;
    QTest::newRow("leading-zeros") << u"1.02"_s << u"1.2"_s << 0;
    QTest::newRow("garbage-lowest") << u"latest"_s << u"0.0.1"_s << -1;
    QTest::newRow("garbage-both") << u"x"_s << u"y"_s << 0;
    QTest::newRow("empty-part") << u"1..2"_s << u"0.1"_s << -1;
}

void TestUpdateChecker::compareVersions_ordersReleasesAndPreReleases()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    QCOMPARE(UpdateChecker::compareVersions(a, b), expected);
    QCOMPARE(UpdateChecker::compareVersions(b, a), -expected);
}

void TestUpdateChecker::parseFeed_readsVersionUrlAndNotes()
{
    QString error;
    const auto info = UpdateChecker::parseFeed(
        R"({"version":"0.3.0","url":"https://example.org/releases/0.3.0","notes":"Fixes."})",
        &error);
    QVERIFY2(info.has_value(), qPrintable(error));
    QCOMPARE(info->version, u"0.3.0"_s);
    QCOMPARE(info->url, QUrl(u"https://example.org/releases/0.3.0"_s));
    QCOMPARE(info->notes, u"Fixes."_s);

    const auto minimal = UpdateChecker::parseFeed(R"({"version":"v1.0.0"})");
    QVERIFY(minimal.has_value());
    QVERIFY(minimal->url.isEmpty());
}

void TestUpdateChecker::parseFeed_badFeed_isRejected_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not-json") << QByteArray("<html>Not found</html>");
    QTest::newRow("array") << QByteArray(R"([{"version":"1.0"}])");
    QTest::newRow("no-version") << QByteArray(R"({"url":"https://example.org"})");
    QTest::newRow("version-number") << QByteArray(R"({"version":1.0})");
    QTest::newRow("version-garbage") << QByteArray(R"({"version":"latest"})");
    QTest::newRow("url-javascript")
        << QByteArray(R"j({"version":"1.0","url":"javascript:alert(1)"})j");
    QTest::newRow("url-file") << QByteArray(R"({"version":"1.0","url":"file:///etc/passwd"})");
    QTest::newRow("truncated") << QByteArray(R"({"version":"1.0")");
}

void TestUpdateChecker::parseFeed_badFeed_isRejected()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!UpdateChecker::parseFeed(json, &error).has_value());
    QVERIFY(!error.isEmpty());
}

void TestUpdateChecker::isUsableFeedUrl_requiresHttpsExceptLoopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("usable");
    QTest::newRow("https") << u"https://example.org/feed.json"_s << true;
    QTest::newRow("http-remote") << u"http://example.org/feed.json"_s << false;
    QTest::newRow("http-loopback") << u"http://127.0.0.1:8080/feed.json"_s << true;
    QTest::newRow("http-localhost") << u"http://localhost/feed.json"_s << true;
    QTest::newRow("http-ipv6-loopback") << u"http://[::1]/feed.json"_s << true;
    QTest::newRow("file") << u"file:///tmp/feed.json"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no-host") << u"https:///feed.json"_s << false;
}

void TestUpdateChecker::isUsableFeedUrl_requiresHttpsExceptLoopback()
{
    QFETCH(QString, url);
    QFETCH(bool, usable);
    QCOMPARE(UpdateChecker::isUsableFeedUrl(QUrl(url)), usable);
}

void TestUpdateChecker::check_newerVersion_emitsUpdateAvailable()
{
    FeedServer server;
    QVERIFY(server.start());
    server.body = R"({"version":"0.2.0","url":"https://example.org/r/0.2.0","notes":"New."})";
    QNetworkAccessManager network;
    UpdateChecker checker(&network, u"0.1.0"_s);
    QSignalSpy available(&checker, &UpdateChecker::updateAvailable);
    QSignalSpy upToDate(&checker, &UpdateChecker::upToDate);
    QSignalSpy failed(&checker, &UpdateChecker::checkFailed);
    QSignalSpy finished(&checker, &UpdateChecker::finished);
    QVERIFY(checker.check(server.url()));
    QVERIFY(checker.isRunning());
    QVERIFY(finished.wait(10000));
    QCOMPARE(available.size(), 1);
    QCOMPARE(upToDate.size(), 0);
    QCOMPARE(failed.size(), 0);
    const auto info = available.at(0).at(0).value<UpdateInfo>();
    QCOMPARE(info.version, u"0.2.0"_s);
    QCOMPARE(info.url, QUrl(u"https://example.org/r/0.2.0"_s));
    QCOMPARE(info.notes, u"New."_s);
    QCOMPARE(server.requests, 1);
    QVERIFY(server.lastRequest.startsWith("GET /feed.json "));
    QVERIFY(server.lastRequest.contains("telegraph-desktop/0.1.0"));
    QVERIFY(!checker.isRunning());
    QCOMPARE(finished.size(), 1);
}

void TestUpdateChecker::check_sameOrOlderVersion_emitsUpToDate_data()
{
    QTest::addColumn<QString>("feedVersion");
    QTest::newRow("same") << u"0.1.0"_s;
    QTest::newRow("older") << u"0.0.9"_s;
    QTest::newRow("prerelease-of-current") << u"0.1.0-rc.1"_s;
}

void TestUpdateChecker::check_sameOrOlderVersion_emitsUpToDate()
{
    QFETCH(QString, feedVersion);
    FeedServer server;
    QVERIFY(server.start());
    server.body = R"({"version":")" + feedVersion.toUtf8() + R"("})";
    QNetworkAccessManager network;
    UpdateChecker checker(&network, u"0.1.0"_s);
    QSignalSpy available(&checker, &UpdateChecker::updateAvailable);
    QSignalSpy upToDate(&checker, &UpdateChecker::upToDate);
    QSignalSpy finished(&checker, &UpdateChecker::finished);
    QVERIFY(checker.check(server.url()));
    QVERIFY(finished.wait(10000));
    QCOMPARE(available.size(), 0);
    QCOMPARE(upToDate.size(), 1);
    QCOMPARE(upToDate.at(0).at(0).toString(), feedVersion);
}

void TestUpdateChecker::check_serverProblems_emitCheckFailed_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("404") << 404 << QByteArray("not found") << u"404"_s;
    QTest::newRow("500") << 500 << QByteArray(R"({"version":"9.0"})") << u"500"_s;
    QTest::newRow("html") << 200 << QByteArray("<html></html>") << u"JSON"_s;
    QTest::newRow("no-version") << 200 << QByteArray(R"({"name":"x"})") << u"version"_s;
    QTest::newRow("too-large") << 200
                               << QByteArray(R"({"version":"9.0","notes":")") +
                                      QByteArray(UpdateChecker::MaxFeedSize, 'x') + "\"}"
                               << u"too large"_s;
}

void TestUpdateChecker::check_serverProblems_emitCheckFailed()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, messagePart);
    FeedServer server;
    QVERIFY(server.start());
    server.status = status;
    server.body = body;
    QNetworkAccessManager network;
    UpdateChecker checker(&network, u"0.1.0"_s);
    QSignalSpy available(&checker, &UpdateChecker::updateAvailable);
    QSignalSpy failed(&checker, &UpdateChecker::checkFailed);
    QSignalSpy finished(&checker, &UpdateChecker::finished);
    QVERIFY(checker.check(server.url()));
    QVERIFY(finished.wait(10000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(available.size(), 0);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(messagePart, Qt::CaseInsensitive), qPrintable(message));
    QCOMPARE(finished.size(), 1);
}

void TestUpdateChecker::check_noAnswer_failsAfterTimeout()
{
    FeedServer server;
    QVERIFY(server.start());
    server.hang = true;
    QNetworkAccessManager network;
    UpdateChecker checker(&network, u"0.1.0"_s);
    checker.setTimeout(300);
    QSignalSpy failed(&checker, &UpdateChecker::checkFailed);
    QSignalSpy finished(&checker, &UpdateChecker::finished);
    QVERIFY(checker.check(server.url()));
    QVERIFY(finished.wait(10000));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(u"time"_s),
             qPrintable(failed.at(0).at(0).toString()));
}

void TestUpdateChecker::check_whileRunning_isRefused()
{
    FeedServer server;
    QVERIFY(server.start());
    server.body = R"({"version":"0.1.0"})";
    QNetworkAccessManager network;
    UpdateChecker checker(&network, u"0.1.0"_s);
    QSignalSpy finished(&checker, &UpdateChecker::finished);
    QVERIFY(!checker.check(QUrl(u"http://example.org/feed.json"_s)));
    QVERIFY(!checker.check(QUrl()));
    QVERIFY(checker.check(server.url()));
    QVERIFY(!checker.check(server.url()));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(server.requests, 1);
}

void TestUpdateChecker::cancel_endsWithFailureOnce()
{
    FeedServer server;
    QVERIFY(server.start());
    server.hang = true;
    QNetworkAccessManager network;
    UpdateChecker checker(&network, u"0.1.0"_s);
    QSignalSpy failed(&checker, &UpdateChecker::checkFailed);
    QSignalSpy finished(&checker, &UpdateChecker::finished);
    QVERIFY(checker.check(server.url()));
    QTRY_COMPARE(server.requests, 1);
    checker.cancel();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(u"cancel"_s));
    QVERIFY(!checker.isRunning());
}

void TestUpdateChecker::settings_offByDefault_andNeverChecks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    UpdateSettings s = UpdateSettings::load(settings);
    QVERIFY(!s.enabled);
    QVERIFY(s.feedUrl.isEmpty());

    FeedServer server;
    QVERIFY(server.start());
    server.body = R"({"version":"9.0.0"})";
    s.feedUrl = server.url(); // a feed but the check is off
    QNetworkAccessManager network;
    UpdateChecker checker(&network, u"0.1.0"_s);
    QSignalSpy finished(&checker, &UpdateChecker::finished);
    QVERIFY(!checker.checkIfDue(s, QDateTime::currentDateTimeUtc()));
    QVERIFY(!checker.isRunning());
    QVERIFY(!finished.wait(200));
    QCOMPARE(server.requests, 0);
    QVERIFY(!s.lastCheck.isValid());
}

void TestUpdateChecker::settings_roundTripAndDueAfterInterval()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDateTime now = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
    FeedServer server;
    QVERIFY(server.start());
    server.body = R"({"version":"0.1.0"})";
    {
        QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        UpdateSettings s;
        s.enabled = true;
        s.feedUrl = server.url();
        s.intervalHours = 6;
        s.save(settings);
    }
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    UpdateSettings s = UpdateSettings::load(settings);
    QVERIFY(s.enabled);
    QCOMPARE(s.feedUrl, server.url());
    QCOMPARE(s.intervalHours, 6);
    QVERIFY(s.isDue(now));

    QNetworkAccessManager network;
    UpdateChecker checker(&network, u"0.1.0"_s);
    QSignalSpy finished(&checker, &UpdateChecker::finished);
    QVERIFY(checker.checkIfDue(s, now));
    QCOMPARE(s.lastCheck, now);
    QVERIFY(finished.wait(10000));
    QCOMPARE(server.requests, 1);
    s.save(settings);

    const UpdateSettings again = UpdateSettings::load(settings);
    QCOMPARE(again.lastCheck, now);
    QVERIFY(!again.isDue(now.addSecs(5 * 3600)));
    QVERIFY(again.isDue(now.addSecs(6 * 3600)));
    QVERIFY(again.isDue(now.addSecs(-3600))); // clock went back: check rather than never
    UpdateSettings insecure = again;
    insecure.feedUrl = QUrl(u"http://example.org/feed.json"_s);
    QVERIFY(!insecure.isDue(now.addDays(30)));
}

TG_TEST_MAIN_CORE(TestUpdateChecker)
#include "tst_updatechecker.moc"
