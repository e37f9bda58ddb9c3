// SPDX-License-Identifier: MIT
#include "cli/cli.h"
#include "pages/accountbackup.h"
#include "sandboxfixture.h"
#include "sandboxseed.h"
#include "testmain.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tg;

class TestBackupCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void backup_writesEveryPage();
    void backup_badArguments_failWithUsage_data();
    void backup_badArguments_failWithUsage();
    void backup_invalidToken_exitsWithApiError();

private:
    int run(const QStringList &args, QString *out, QString *err);

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    QString m_token;
    QStringList m_paths;
    QTemporaryDir m_dir;
};

int TestBackupCommand::run(const QStringList &args, QString *out, QString *err)
{
    QTextStream o(out);
    QTextStream e(err);
    QBuffer in;
    in.open(QIODevice::ReadOnly);
    return cli::run(args, o, e, in);
}

void TestBackupCommand::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<test::SandboxFixture>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("cli"));
    m_paths = test::seedSandboxPages(m_sandbox->server(), m_token, 25);
}

void TestBackupCommand::backup_writesEveryPage()
{
    const QString dir = m_dir.filePath(QStringLiteral("out"));
    QString out, err;
    const int code = run({QStringLiteral("--api-url"), m_sandbox->url().toString(),
                          QStringLiteral("--token"), m_token, QStringLiteral("backup"), dir},
                         &out, &err);
    QCOMPARE(code, int(cli::ExitOk));
    QVERIFY2(out.contains(QLatin1String("backed up 25 pages")), qPrintable(out + err));
    for (const QString &path : std::as_const(m_paths)) {
        QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("pages/") +
                                                 AccountBackup::fileBaseName(path) +
                                                 QStringLiteral(".json"))));
    }
    QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("index.json"))));
    QVERIFY(!err.contains(m_token)); // the token is never printed
}

void TestBackupCommand::backup_badArguments_failWithUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("withToken");
    QTest::newRow("no folder") << QStringList{QStringLiteral("backup")} << true;
    QTest::newRow("two folders") << QStringList{QStringLiteral("backup"), QStringLiteral("a"),
                                                QStringLiteral("b")}
                                 << true;
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("backup"), QStringLiteral("--fast"), QStringLiteral("a")}
        << true;
    QTest::newRow("no token") << QStringList{QStringLiteral("backup"), QStringLiteral("a")}
                              << false;
}

void TestBackupCommand::backup_badArguments_failWithUsage()
{
    QFETCH(QStringList, args);
    QFETCH(bool, withToken);
    qunsetenv("TELEGRAPH_ACCESS_TOKEN");
    QStringList all{QStringLiteral("--api-url"), m_sandbox->url().toString()};
    if (withToken)
        all << QStringLiteral("--token") << m_token;
    QString out, err;
    QCOMPARE(run(all + args, &out, &err), int(cli::ExitUsage));
    QVERIFY(err.startsWith(QLatin1String("error: ")));
}

void TestBackupCommand::backup_invalidToken_exitsWithApiError()
{
    QString out, err;
    const int code = run({QStringLiteral("--api-url"), m_sandbox->url().toString(),
                          QStringLiteral("--token"), QString(60, QLatin1Char('b')),
                          QStringLiteral("backup"), m_dir.filePath(QStringLiteral("bad"))},
                         &out, &err);
    QCOMPARE(code, int(cli::ExitApiError));
    QVERIFY2(err.contains(QLatin1String("ACCESS_TOKEN_INVALID")), qPrintable(err));
}

TG_TEST_MAIN_CORE(TestBackupCommand)
#include "tst_backupcommand.moc"
