// SPDX-License-Identifier: MIT
// `telegraph publish DIR` end to end: the real executable (QProcess) against the in-process
// sandbox, with a generated folder of 31 files. Writes are counted at the sandbox.
#include "../pages/sandboxseed.h"
#include "publishfolder.h"
#include "sandboxfixture.h"
#include "testmain.h"
#include "workflow/foldermapping.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace tg;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestPublishCli : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_token;
    QString m_folder;

    void setUp(QProcess &p, const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("TELEGRAPH_ACCESS_TOKEN"));
        env.insert(QStringLiteral("TELEGRAPH_CONFIG_DIR"),
                   m_dir->filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + m_dir->filePath(QStringLiteral("no-bus")));
        p.setProcessEnvironment(env);
        p.setProgram(QStringLiteral(TG_CLI_PATH));
        p.setArguments(QStringList{QStringLiteral("--api-url"), m_sandbox->url().toString(),
                                   QStringLiteral("--token"), m_token} +
                       args);
    }

    /// Runs the tool while the sandbox keeps serving on this thread.
    Run run(const QStringList &args)
    {
        QProcess p;
        setUp(p, args);
        QSignalSpy done(&p, &QProcess::finished);
        p.start();
        if (!p.waitForStarted(10000))
            return {};
        p.closeWriteChannel();
        if (!done.wait(120000)) {
            p.kill();
            p.waitForFinished();
        }
        Run r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    Run publish(const QStringList &extra = {})
    {
        return run(QStringList{QStringLiteral("publish"), m_folder} + extra);
    }

    qint64 writes() const { return m_sandbox->server()->stats().writes; }

    FolderMapping mapping() const
    {
        QString error;
        return FolderMapping::load(m_folder, &error).value_or(FolderMapping());
    }

    int pageCount()
    {
        const QJsonObject r =
            test::sandboxCall(m_sandbox->server(), "getPageList",
                              "{\"access_token\":\"" + m_token.toLatin1() + "\",\"limit\":0}");
        return r.value(QLatin1String("total_count")).toInt(-1);
    }

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_sandbox = std::make_unique<test::SandboxFixture>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("cli"));
        QVERIFY(!m_token.isEmpty());
        m_folder = m_dir->filePath(QStringLiteral("vault"));
        QCOMPARE(test::PublishFolder::create(m_folder).size(), 31);
    }

    void cleanup()
    {
        m_sandbox.reset();
        m_dir.reset();
    }

    void dryRun_printsThePlan_andWritesNothing()
    {
        const qint64 before = writes();
        const Run r = publish({QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("create     notes/n00.md")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("series     big.md")));
        QVERIFY(r.out.contains(QStringLiteral("30 to create, 0 to update, 1 too big (series)")));
        QCOMPARE(writes(), before);
        QCOMPARE(m_sandbox->server()->stats().uploads, 0);
        QVERIFY(!QFile::exists(m_folder + QStringLiteral("/.telegraph.json")));
    }

    void publish_thenAgain_sendsNothing_thenOneEditUpdatesOnePage()
    {
        const Run first = publish();
        QVERIFY2(first.code == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains(QStringLiteral("31 created, 0 updated")),
                 qPrintable(first.out));
        const FolderMapping m = mapping();
        QCOMPARE(m.pages.size(), 31);
        const int pages = pageCount();
        QCOMPARE(pages, 31 + int(m.pages.value(QStringLiteral("big.md")).partPaths.size()));

        const qint64 before = writes();
        const Run second = publish();
        QCOMPARE(second.code, 0);
        QVERIFY2(second.out.contains(QStringLiteral("0 created, 0 updated, 31 unchanged")),
                 qPrintable(second.out));
        QCOMPARE(writes(), before);

        const Run dry = publish({QStringLiteral("--dry-run")});
        QVERIFY(dry.out.contains(QStringLiteral("0 to create, 0 to update, 0 too big (series), 31 "
                                                "unchanged")));
        QVERIFY(test::PublishFolder::write(m_folder + u'/' + test::PublishFolder::note(3),
                                           test::PublishFolder::noteText(3, "\nMore.\n")));
        const Run third = publish({QStringLiteral("--json")});
        QCOMPARE(third.code, 0);
        QVERIFY2(third.out.contains(QStringLiteral("\"updated\":1")), qPrintable(third.out));
        QCOMPARE(writes(), before + 1);
        QCOMPARE(pageCount(), pages);
    }

    void killedMidway_resumesWithoutDuplicates()
    {
        // Slow answers, so the process is still busy when it is killed.
        sandbox::FaultSettings f;
        f.latencyMs = 30;
        m_sandbox->server()->setFaults(f);
        QProcess p;
        setUp(p, {QStringLiteral("publish"), m_folder});
        p.start();
        QVERIFY(p.waitForStarted(10000));
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError(), err.count("published ") >= 10),
                                 60000);
        p.kill();
        QVERIFY(p.waitForFinished(10000));
        const int made = pageCount();
        const int known = int(mapping().pages.size());
        QVERIFY2(known >= 10 && known < 31, qPrintable(QString::number(known)));
        m_sandbox->server()->setFaults({});

        const Run resumed = publish();
        QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
        const FolderMapping m = mapping();
        QCOMPARE(m.pages.size(), 31);
        // The page whose answer was in flight at the kill is found again, not made twice.
        const int expected = 31 + int(m.pages.value(QStringLiteral("big.md")).partPaths.size());
        QVERIFY2(pageCount() == expected,
                 qPrintable(QStringLiteral("%1 pages for %2 (%3 before resuming)")
                                .arg(pageCount())
                                .arg(expected)
                                .arg(made)));
        const qint64 before = writes();
        QCOMPARE(publish().code, 0);
        QCOMPARE(writes(), before);
    }

    void badInput_isAClearError_andChangesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no folder") << QStringList{QStringLiteral("publish")} << "needs a folder";
        QTest::newRow("two folders")
            << QStringList{QStringLiteral("publish"), QStringLiteral("a"), QStringLiteral("b")}
            << "one folder";
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("publish"), QStringLiteral("x"), QStringLiteral("--nope")}
            << "unknown option";
        QTest::newRow("missing folder")
            << QStringList{QStringLiteral("publish"), QStringLiteral("/nonexistent/folder")}
            << "There is no folder /nonexistent/folder";
    }

    void badInput_isAClearError_andChangesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const qint64 before = writes();
        const Run r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(writes(), before);
    }

    void damagedMapping_isAnError_andLeftAsItIs()
    {
        const QString path = m_folder + QStringLiteral("/.telegraph.json");
        const QByteArray damaged = "{\"version\":1,\"pages\":{\"notes/n00.md\":{\"path\":3}}}";
        QVERIFY(test::PublishFolder::write(path, damaged));
        const qint64 before = writes();
        const Run r = publish();
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is damaged")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("notes/n00.md")));
        QCOMPARE(writes(), before);
        QCOMPARE(readAll(path), damaged);
        QCOMPARE(publish({QStringLiteral("--dry-run")}).code, 2);
        QCOMPARE(readAll(path), damaged);
    }
};

TG_TEST_MAIN_CORE(TestPublishCli)
#include "tst_publishcli.moc"
