// SPDX-License-Identifier: MIT
// The telegraph-sandbox executable: first line, a real call, persistence, clean exit on SIGTERM.
#include "sandboxtest.h"
#include "testmain.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <csignal>

using namespace tg::test;

class TestSandboxApp : public QObject
{
    Q_OBJECT

private:
    /// Starts the executable and returns the URL of its first stdout line (empty on failure).
    QUrl startSandbox(QProcess *process, const QStringList &arguments);

private Q_SLOTS:
    void executable_printsUrlServesAndStopsOnSigterm();
    void executable_dataDirSurvivesRestart();
    void executable_rejectsBadOptions_data();
    void executable_rejectsBadOptions();
};

QUrl TestSandboxApp::startSandbox(QProcess *process, const QStringList &arguments)
{
    process->setProgram(QStringLiteral(TG_SANDBOX_EXE));
    process->setArguments(arguments);
    process->start();
    if (!process->waitForStarted(5000))
        return {};
    if (!QTest::qWaitFor([&] { return process->canReadLine(); }, 10000))
        return {};
    const QByteArray line = process->readLine().trimmed();
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:(\\d+))$"))
            .match(QString::fromUtf8(line));
    if (!m.hasMatch() || m.captured(2).toInt() == 0) {
        qWarning("first line: %s", line.constData());
        return {};
    }
    return QUrl(m.captured(1));
}

void TestSandboxApp::executable_printsUrlServesAndStopsOnSigterm()
{
    QProcess process;
    const QUrl url =
        startSandbox(&process, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--memory"), QStringLiteral("--public-url"),
                                QStringLiteral("https://graph.org")});
    QVERIFY(url.isValid());
    RawHttp http(url);
    const RawReply account = http.get(QStringLiteral("/createAccount"), "short_name=Cli");
    QVERIFY2(account.json()[QStringLiteral("ok")].toBool(), account.body.constData());
    QVERIFY(account.result()[QStringLiteral("auth_url")].toString().startsWith(
        QStringLiteral("https://edit.graph.org/auth/")));

    QSignalSpy finished(&process, &QProcess::finished);
    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(finished.wait(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestSandboxApp::executable_dataDirSurvivesRestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList args = {QStringLiteral("--data"),        dir.path(),
                              QStringLiteral("--flood-burst"), QStringLiteral("0"),
                              QStringLiteral("--upload"),      QStringLiteral("disabled")};
    QString token;
    {
        QProcess process;
        const QUrl url = startSandbox(&process, args);
        QVERIFY(url.isValid());
        RawHttp http(url);
        token = http.get(QStringLiteral("/createAccount"), "short_name=Keep")
                    .result()[QStringLiteral("access_token")]
                    .toString();
        QCOMPARE(token.size(), 60);
        const RawReply upload = http.post(
            QStringLiteral("/upload"),
            "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nGIF89a\r\n--b--\r\n",
            "multipart/form-data; boundary=b");
        QCOMPARE(upload.body, QByteArray(R"({"error":"Unknown error"})"));
        QSignalSpy finished(&process, &QProcess::finished);
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(finished.wait(10000));
        QCOMPARE(process.exitCode(), 0);
    }
    QProcess process;
    const QUrl url = startSandbox(&process, args);
    QVERIFY(url.isValid());
    RawHttp http(url);
    const RawReply info =
        http.get(QStringLiteral("/getAccountInfo"), "access_token=" + token.toLatin1());
    QCOMPARE(info.result()[QStringLiteral("short_name")].toString(), QStringLiteral("Keep"));
    process.terminate();
    QVERIFY(process.waitForFinished(10000));
}

void TestSandboxApp::executable_rejectsBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("bad listen") << QStringList{QStringLiteral("--listen"),
                                               QStringLiteral("nowhere:port")};
    QTest::newRow("bad fault") << QStringList{QStringLiteral("--faults"), QStringLiteral("meteor")};
    QTest::newRow("bad rate") << QStringList{QStringLiteral("--fault-rate"), QStringLiteral("1.5")};
    QTest::newRow("bad upload") << QStringList{QStringLiteral("--upload"), QStringLiteral("maybe")};
    QTest::newRow("data and memory") << QStringList{
        QStringLiteral("--data"), QStringLiteral("/tmp/x"), QStringLiteral("--memory")};
}

void TestSandboxApp::executable_rejectsBadOptions()
{
    QFETCH(QStringList, arguments);
    QProcess process;
    process.start(QStringLiteral(TG_SANDBOX_EXE), arguments);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    QVERIFY(!process.readAllStandardError().isEmpty());
}

TG_TEST_MAIN_CORE(TestSandboxApp)
#include "tst_sandboxapp.moc"
