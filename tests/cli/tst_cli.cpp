// SPDX-License-Identifier: MIT
// The telegraph command-line tool end to end: the real executable (QProcess) against the
// in-process sandbox, with its own config folder and no keychain reachable.
#include "sandbox/httpmessage.h"
#include "sandboxfixture.h"
#include "storage/draftstore.h"
#include "testmain.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

#include <sys/stat.h>

namespace {

/// Space-separated words as a list (test arguments contain no spaces).
QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '));
}

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tg::test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;

    QString api() const { return m_sandbox->url().toString(); }

    /// Runs the tool with the sandbox's URL, the test's config folder and no D-Bus session
    /// (so no keychain works), while the sandbox keeps serving on this thread.
    Run run(const QStringList &args, const QByteArray &input = {}, const QStringList &extraEnv = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("TELEGRAPH_ACCESS_TOKEN"));
        env.insert(QStringLiteral("TELEGRAPH_CONFIG_DIR"),
                   m_dir->filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + m_dir->filePath(QStringLiteral("no-bus")));
        for (const QString &kv : extraEnv)
            env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
        p.setProcessEnvironment(env);
        p.setProgram(QStringLiteral(TG_CLI_PATH));
        p.setArguments(args);
        QSignalSpy done(&p, &QProcess::finished);
        p.start();
        if (!p.waitForStarted(10000))
            return {};
        p.write(input);
        p.closeWriteChannel();
        if (!done.wait(60000)) {
            p.kill();
            p.waitForFinished();
        }
        Run r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QString writeFile(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(data);
        return path;
    }

    QString createAccount()
    {
        const Run r = run({QStringLiteral("--api-url"), api(), QStringLiteral("--json"),
                           QStringLiteral("account"), QStringLiteral("create"),
                           QStringLiteral("--short-name"), QStringLiteral("cli")});
        return QJsonDocument::fromJson(r.out.toUtf8())
            .object()
            .value(QLatin1String("access_token"))
            .toString();
    }

    QStringList seedPages(const QString &token, int n)
    {
        QStringList paths;
        for (int i = 0; i < n; ++i) {
            tg::sandbox::HttpRequest r;
            r.method = "POST";
            r.target = r.path = "/createPage";
            r.version = "HTTP/1.1";
            r.headers = {{"content-type", "application/json"}};
            r.body = "{\"access_token\":\"" + token.toLatin1() + "\",\"title\":\"P" +
                     QByteArray::number(i) + "\",\"content\":[\"text\"]}";
            const QByteArray answer = m_sandbox->server()->handle(r).body;
            paths.append(QJsonDocument::fromJson(answer)
                             .object()
                             .value(QLatin1String("result"))
                             .toObject()
                             .value(QLatin1String("path"))
                             .toString());
        }
        return paths;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_sandbox = std::make_unique<tg::test::SandboxFixture>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    }

    void cleanup()
    {
        m_sandbox.reset();
        m_dir.reset();
    }

    void help_listsEveryCommand()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char *word :
             {"account create", "page create", "page list", "views PATH", "upload FILE",
              "call METHOD", "--max-flood-wait", "--token -", "--token-file FILE", "--drafts FILE"})
            QVERIFY2(r.out.contains(QLatin1String(word)), word);
    }

    void usageErrors_exitWith2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown subcommand") << words("page delete");
        QTest::newRow("unknown option") << words("page list --colour");
        QTest::newRow("no token") << words("page list");
        QTest::newRow("no title") << words("--token x page create --nodes -");
        QTest::newRow("two sources") << words("--token x page create --title t --html - --nodes -");
        QTest::newRow("bad concurrency") << words("--concurrency 0 page list");
        QTest::newRow("remote plain http")
            << words("--api-url http://api.telegra.ph views A-01-01");
        QTest::newRow("unknown account") << words("--account nobody account info");
        QTest::newRow("hour 24") << words("views A-01-01 --year 2024 --month 1 --day 1 --hour 24");
    }
    void usageErrors_exitWith2()
    {
        QFETCH(QStringList, args);
        const Run r = run(QStringList{QStringLiteral("--api-url"), api()} + args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.startsWith(QLatin1String("error: ")));
    }

    void token_fromStdinOrFile_staysOffTheCommandLine_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("warns");
        QTest::newRow("stdin") << "stdin" << 0 << false;
        QTest::newRow("file 0600") << "file" << 0600 << false;
        QTest::newRow("file 0400") << "file" << 0400 << false;
        QTest::newRow("file 0640 warns") << "file" << 0640 << true;
    }
    void token_fromStdinOrFile_staysOffTheCommandLine()
    {
        QFETCH(QString, source);
        QFETCH(int, mode);
        QFETCH(bool, warns);
        const QString token = createAccount();
        QCOMPARE(token.size(), 60);
        QStringList args = {QStringLiteral("--api-url"), api()};
        QByteArray input;
        if (source == QLatin1String("stdin")) {
            args << QStringLiteral("--token") << QStringLiteral("-");
            input = "  " + token.toLatin1() + "  \nignored second line\n";
        } else {
            const QString path = writeFile(QStringLiteral("token.txt"), token.toLatin1() + "\r\n");
            QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0);
            args << QStringLiteral("--token-file") << path;
        }
        for (const QString &a : std::as_const(args))
            QVERIFY(!a.contains(token));
        const Run r =
            run(args + QStringList{QStringLiteral("account"), QStringLiteral("info")}, input);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("short name:   cli")), qPrintable(r.out));
        QCOMPARE(r.err.contains(QLatin1String("warning")), warns);
    }

    void token_badSources_areRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty stdin")
            << words("--token - account info") << QByteArray() << "no access token";
        QTest::newRow("blank first line")
            << words("--token - account info") << QByteArray("\nsecond\n") << "no access token";
        QTest::newRow("missing file") << words("--token-file /no/such/token account info")
                                      << QByteArray() << "cannot read the token file";
        QTest::newRow("two sources") << words("--token abc --token - account info")
                                     << QByteArray("x\n") << "give the token once";
        QTest::newRow("too long") << words("--token - account info") << QByteArray(5000, 'a')
                                  << "too long";
    }
    void token_badSources_areRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        QSignalSpy handled(m_sandbox->server(), &tg::sandbox::Server::requestHandled);
        const Run r = run(QStringList{QStringLiteral("--api-url"), api()} + args, input);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QCOMPARE(handled.count(), 0);
    }

    void tokenFile_readableByEveryone_isRefusedWithoutSending()
    {
        const QString path = writeFile(QStringLiteral("open-token.txt"), "secret-token-value\n");
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        QSignalSpy handled(m_sandbox->server(), &tg::sandbox::Server::requestHandled);
        const Run r = run({QStringLiteral("--api-url"), api(), QStringLiteral("--token-file"), path,
                           QStringLiteral("account"), QStringLiteral("info")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("readable by every user")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("chmod 600")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("secret-token-value")));
        QCOMPARE(handled.count(), 0);
    }

    void accountCreate_saveWithoutKeychain_refusesUnlessInsecureStore()
    {
        const QStringList create = {QStringLiteral("--api-url"),    api(),
                                    QStringLiteral("account"),      QStringLiteral("create"),
                                    QStringLiteral("--short-name"), QStringLiteral("cli"),
                                    QStringLiteral("--save"),       QStringLiteral("blog")};
        QSignalSpy handled(m_sandbox->server(), &tg::sandbox::Server::requestHandled);
        const Run refused = run(create);
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(QLatin1String("--insecure-store")), qPrintable(refused.err));
        QCOMPARE(handled.count(), 0); // no account was created whose token would be lost

        const Run saved = run(create + QStringList{QStringLiteral("--insecure-store")});
        QCOMPARE(saved.code, 0);
        QVERIFY(saved.err.contains(QLatin1String("plain text")));
        const QString tokens = m_dir->filePath(QStringLiteral("config/tokens.json"));
        QVERIFY(QFile::exists(tokens));
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(tokens).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));

        const Run list = run({QStringLiteral("account"), QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        QVERIFY(list.out.contains(QLatin1String("blog")));
        QVERIFY(list.out.contains(QLatin1String("file")));

        // The saved account is usable with options after the command words.
        const Run info =
            run({QStringLiteral("account"), QStringLiteral("info"), QStringLiteral("--account"),
                 QStringLiteral("blog"), QStringLiteral("--api-url"), api()});
        QCOMPARE(info.code, 0);
        QVERIFY2(info.out.contains(QLatin1String("short name:   cli")), qPrintable(info.out));
    }

    void accountImport_revoke_edit_forget()
    {
        const QString token = createAccount();
        QCOMPARE(token.size(), 60);
        const Run imported =
            run({QStringLiteral("--api-url"), api(), QStringLiteral("--token"), token,
                 QStringLiteral("--insecure-store"), QStringLiteral("account"),
                 QStringLiteral("import"), QStringLiteral("--save"), QStringLiteral("main")});
        QCOMPARE(imported.code, 0);
        QVERIFY(!imported.out.contains(token));

        const Run edit =
            run({QStringLiteral("--api-url"), api(), QStringLiteral("--account"),
                 QStringLiteral("main"), QStringLiteral("account"), QStringLiteral("edit"),
                 QStringLiteral("--author-name"), QStringLiteral("Writer")});
        QCOMPARE(edit.code, 0);
        QVERIFY(edit.out.contains(QLatin1String("Writer")));

        const Run revoke = run({QStringLiteral("--api-url"), api(), QStringLiteral("--account"),
                                QStringLiteral("main"), QStringLiteral("--json"),
                                QStringLiteral("account"), QStringLiteral("revoke")});
        QCOMPARE(revoke.code, 0);
        const QString fresh = QJsonDocument::fromJson(revoke.out.toUtf8())
                                  .object()
                                  .value(QLatin1String("access_token"))
                                  .toString();
        QVERIFY(!fresh.isEmpty() && fresh != token);

        const Run old = run({QStringLiteral("--api-url"), api(), QStringLiteral("--token"), token,
                             QStringLiteral("account"), QStringLiteral("info")});
        QCOMPARE(old.code, 1);
        QVERIFY(old.err.contains(QLatin1String("ACCESS_TOKEN_INVALID")));
        QVERIFY(!old.err.contains(token));

        const Run stillWorks =
            run({QStringLiteral("--api-url"), api(), QStringLiteral("--account"),
                 QStringLiteral("main"), QStringLiteral("account"), QStringLiteral("info")});
        QCOMPARE(stillWorks.code, 0);

        QCOMPARE(
            run({QStringLiteral("account"), QStringLiteral("forget"), QStringLiteral("main")}).code,
            0);
        QCOMPARE(run({QStringLiteral("--api-url"), api(), QStringLiteral("--account"),
                      QStringLiteral("main"), QStringLiteral("account"), QStringLiteral("info")})
                     .code,
                 2);
    }

    void pageCreate_fromEachSource_publishes_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expectedText");
        QTest::newRow("html") << "--html" << QByteArray("<p>Hello <b>HTML</b></p>") << "HTML";
        QTest::newRow("markdown") << "--markdown" << QByteArray("# Title\n\nHello *md*\n") << "md";
        QTest::newRow("nodes") << "--nodes"
                               << QByteArray("[{\"tag\":\"p\",\"children\":[\"Hello nodes\"]}]")
                               << "Hello nodes";
    }
    void pageCreate_fromEachSource_publishes()
    {
        QFETCH(QString, option);
        QFETCH(QByteArray, data);
        QFETCH(QString, expectedText);
        const QString token = createAccount();
        const QString file = writeFile(QStringLiteral("content"), data);
        const Run created =
            run({QStringLiteral("page"), QStringLiteral("create"), QStringLiteral("--title"),
                 QStringLiteral("From CLI"), option, file, QStringLiteral("--token"), token,
                 QStringLiteral("--api-url"), api(), QStringLiteral("--json")});
        QCOMPARE(created.code, 0);
        const QJsonObject page = QJsonDocument::fromJson(created.out.toUtf8()).object();
        const QString path = page.value(QLatin1String("path")).toString();
        QVERIFY2(path.startsWith(QLatin1String("From-CLI")), qPrintable(created.out));

        const Run got = run({QStringLiteral("--api-url"), api(), QStringLiteral("page"),
                             QStringLiteral("get"), path, QStringLiteral("--content")});
        QCOMPARE(got.code, 0);
        QVERIFY2(got.out.contains(expectedText), qPrintable(got.out));
        QVERIFY(got.out.contains(QLatin1String("title:  From CLI")));
    }

    void pageCreate_fromStdinAndEdit()
    {
        const QString token = createAccount();
        const QStringList base = {QStringLiteral("--api-url"), api(), QStringLiteral("--token"),
                                  token};
        const Run created =
            run(base + QStringList{QStringLiteral("page"), QStringLiteral("create"),
                                   QStringLiteral("--title"), QStringLiteral("Stdin"),
                                   QStringLiteral("--nodes"), QStringLiteral("-")},
                "[\"plain text\"]");
        QCOMPARE(created.code, 0);
        const QString url = created.out.section(QLatin1Char('\n'), 0, 0);
        const QString path = QUrl(url).path().mid(1);
        QVERIFY(!path.isEmpty());
        const Run edited =
            run(base + QStringList{QStringLiteral("page"), QStringLiteral("edit"), path,
                                   QStringLiteral("--title"), QStringLiteral("Edited"),
                                   QStringLiteral("--html"), QStringLiteral("-")},
                "<p>changed</p>");
        QCOMPARE(edited.code, 0);
        QVERIFY(edited.out.contains(QLatin1String("title:  Edited")));

        const Run strict =
            run(base + QStringList{QStringLiteral("page"), QStringLiteral("edit"), path,
                                   QStringLiteral("--title"), QStringLiteral("x"),
                                   QStringLiteral("--html"), QStringLiteral("-")},
                "<h1>not allowed</h1>");
        QCOMPARE(strict.code, 2);
        QVERIFY(strict.err.contains(QLatin1String("NotAllowedTag")));
    }

    void pageCreateAndEdit_withDrafts_recordRevisionsOfWhatTheServerStores()
    {
        const QString token = createAccount();
        const QString db = m_dir->filePath(QStringLiteral("drafts.sqlite"));
        const QStringList base = {QStringLiteral("--api-url"), api(),
                                  QStringLiteral("--token"),   token,
                                  QStringLiteral("--drafts"),  db};
        const Run created =
            run(base + QStringList{QStringLiteral("page"), QStringLiteral("create"),
                                   QStringLiteral("--title"), QStringLiteral("Kept"),
                                   QStringLiteral("--markdown"), QStringLiteral("-"),
                                   QStringLiteral("--json")},
                "Hello *kept* text.\n");
        QCOMPARE(created.code, 0);
        const QString path =
            QJsonDocument::fromJson(created.out.toUtf8()).object().value(u"path").toString();
        QVERIFY2(!path.isEmpty(), qPrintable(created.out + created.err));
        const Run edited =
            run(base + QStringList{QStringLiteral("page"), QStringLiteral("edit"), path,
                                   QStringLiteral("--title"), QStringLiteral("Kept"),
                                   QStringLiteral("--nodes"), QStringLiteral("-")},
                "[{\"tag\":\"p\",\"children\":[\"Second version\"]}]");
        QCOMPARE(edited.code, 0);
        const Run got =
            run({QStringLiteral("--api-url"), api(), QStringLiteral("--json"),
                 QStringLiteral("page"), QStringLiteral("get"), path, QStringLiteral("--content")});
        QCOMPARE(got.code, 0);
        const QJsonArray served =
            QJsonDocument::fromJson(got.out.toUtf8()).object().value(u"content").toArray();

        tg::DraftStore store;
        QVERIFY(store.open(db));
        const QList<tg::Draft> drafts = store.drafts();
        QCOMPARE(drafts.size(), 1); // the edit updated the page's draft
        QCOMPARE(drafts.first().pagePath, path);
        QCOMPARE(drafts.first().title, QStringLiteral("Kept"));
        const QList<tg::Revision> revisions = store.revisions(drafts.first().id);
        QCOMPARE(revisions.size(), 2);
        QCOMPARE(revisions.first().pagePath, path);
        QCOMPARE(QJsonDocument::fromJson(revisions.first().contentJson).array(), served);
        QVERIFY(revisions.last().body.contains(QLatin1String("*kept*")));
    }

    void pageList_allWithViews_walksEveryPage()
    {
        const QString token = createAccount();
        const QStringList paths = seedPages(token, 450);
        QVERIFY(m_sandbox->server()->seedViews(paths.at(10), QDateTime::currentDateTimeUtc(), 7));
        const Run r = run({QStringLiteral("page"), QStringLiteral("list"), QStringLiteral("--all"),
                           QStringLiteral("--views"), QStringLiteral("--json"),
                           QStringLiteral("--concurrency"), QStringLiteral("32"),
                           QStringLiteral("--token"), token, QStringLiteral("--api-url"), api()});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("total_count")).toInt(), 450);
        const QJsonArray pages = o.value(QLatin1String("pages")).toArray();
        QCOMPARE(pages.size(), 450);
        QCOMPARE(pages.at(0).toObject().value(QLatin1String("path")).toString(), paths.last());
        QCOMPARE(pages.at(439).toObject().value(QLatin1String("views")).toInt(), 7);

        const Run readable = run({QStringLiteral("--api-url"), api(), QStringLiteral("--token"),
                                  token, QStringLiteral("page"), QStringLiteral("list"),
                                  QStringLiteral("--limit"), QStringLiteral("3")});
        QCOMPARE(readable.code, 0);
        QVERIFY(readable.out.contains(QLatin1String("3 of 450 pages")));
    }

    void views_byDate()
    {
        const QString token = createAccount();
        const QString path = seedPages(token, 1).first();
        QVERIFY(m_sandbox->server()->seedViews(
            path, QDateTime(QDate(2024, 3, 5), QTime(7, 0), Qt::UTC), 5));
        const Run total = run({QStringLiteral("--api-url"), api(), QStringLiteral("views"), path});
        QCOMPARE(total.code, 0);
        QCOMPARE(total.out.trimmed(), QStringLiteral("5"));
        const Run other =
            run({QStringLiteral("--api-url"), api(), QStringLiteral("views"), path,
                 QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--month"),
                 QStringLiteral("4"), QStringLiteral("--json")});
        QCOMPARE(other.code, 0);
        QCOMPARE(other.out.trimmed(), QStringLiteral("{\"views\":0}"));
    }

    void call_anyMethod_printsResultOrCode()
    {
        const QString token = createAccount();
        const QString path = seedPages(token, 1).first();
        const Run r =
            run({QStringLiteral("--api-url"), api(), QStringLiteral("--token"), token,
                 QStringLiteral("--json"), QStringLiteral("call"), QStringLiteral("getAccountInfo"),
                 QStringLiteral("fields:=[\"page_count\"]")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())
                     .object()
                     .value(QLatin1String("page_count"))
                     .toInt(),
                 1);
        const Run withPath = run({QStringLiteral("--api-url"), api(), QStringLiteral("call"),
                                  QStringLiteral("getPage"), QStringLiteral("--path"), path});
        QCOMPARE(withPath.code, 0);
        QVERIFY(withPath.out.contains(path));
        const Run unknown = run({QStringLiteral("--api-url"), api(), QStringLiteral("call"),
                                 QStringLiteral("deletePage"), QStringLiteral("path=x")});
        QCOMPARE(unknown.code, 1);
        QVERIFY(unknown.err.contains(QLatin1String("UNKNOWN_METHOD")));
    }

    void networkFailure_exitsWith3()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        const Run r =
            run({QStringLiteral("--api-url"), QStringLiteral("http://127.0.0.1:%1").arg(port),
                 QStringLiteral("views"), QStringLiteral("A-01-01")});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(QLatin1String("network")));

        tg::sandbox::FaultSettings f;
        f.rate = 1;
        f.kinds = {tg::sandbox::FaultKind::HtmlError};
        m_sandbox->server()->setFaults(f);
        const Run html = run({QStringLiteral("--api-url"), api(), QStringLiteral("views"),
                              QStringLiteral("A-01-01")});
        QCOMPARE(html.code, 3);
        QVERIFY2(html.err.contains(QLatin1String("HTML")), qPrintable(html.err));
    }

    void floodWait_notWaitedOut_exitsWith4AndPrintsSeconds()
    {
        const QString token = createAccount();
        tg::sandbox::FloodSettings fl;
        fl.burst = 1;
        fl.intervalSec = 9;
        m_sandbox->server()->setFlood(fl);
        const QStringList create = {QStringLiteral("--api-url"),
                                    api(),
                                    QStringLiteral("--token"),
                                    token,
                                    QStringLiteral("--max-flood-wait"),
                                    QStringLiteral("0"),
                                    QStringLiteral("page"),
                                    QStringLiteral("create"),
                                    QStringLiteral("--title"),
                                    QStringLiteral("t"),
                                    QStringLiteral("--nodes"),
                                    QStringLiteral("-")};
        QCOMPARE(run(create, "[\"one\"]").code, 0);
        const Run second = run(create, "[\"two\"]");
        QCOMPARE(second.code, 4);
        QVERIFY2(second.err.contains(QLatin1String("FLOOD_WAIT_")), qPrintable(second.err));
        QVERIFY(second.err.contains(QLatin1String("seconds")));
    }

    void floodWait_waitedOut_succeeds()
    {
        const QString token = createAccount();
        tg::sandbox::FloodSettings fl;
        fl.burst = 1;
        fl.intervalSec = 1;
        m_sandbox->server()->setFlood(fl);
        const QStringList create = {QStringLiteral("--api-url"), api(),
                                    QStringLiteral("--token"),   token,
                                    QStringLiteral("page"),      QStringLiteral("create"),
                                    QStringLiteral("--title"),   QStringLiteral("t"),
                                    QStringLiteral("--nodes"),   QStringLiteral("-")};
        QCOMPARE(run(create, "[\"one\"]").code, 0);
        const Run second = run(create, "[\"two\"]");
        QCOMPARE(second.code, 0);
        QVERIFY(second.err.contains(QLatin1String("flood control: waiting")));
    }

    void upload_eachHost()
    {
        const QByteArray png("\x89PNG\r\n\x1A\n" + QByteArray(200, 'p'));
        const QString file = writeFile(QStringLiteral("image.png"), png);
        const Run legacy =
            run({QStringLiteral("--api-url"), api(), QStringLiteral("upload"), file});
        QCOMPARE(legacy.code, 0);
        QVERIFY2(legacy.out.trimmed().startsWith(api() + QStringLiteral("/file/")),
                 qPrintable(legacy.out));

        m_sandbox->server()->setUploadEnabled(false);
        const Run refused =
            run({QStringLiteral("--api-url"), api(), QStringLiteral("upload"), file});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QLatin1String("Unknown error")), qPrintable(refused.err));
        m_sandbox->server()->setUploadEnabled(true);

        const Run http = run({QStringLiteral("upload"), file, QStringLiteral("--upload-url"),
                              api() + QStringLiteral("/upload"), QStringLiteral("--url-path"),
                              QStringLiteral("0.src"), QStringLiteral("--header"),
                              QStringLiteral("X-Api-Key: secret")});
        QCOMPARE(http.code, 0);
        QVERIFY2(http.out.contains(QLatin1String("/file/")), qPrintable(http.out));

        const QString script = writeFile(QStringLiteral("up.sh"),
                                         "#!/bin/sh\necho uploading \"$1\" >&2\necho progress\n"
                                         "echo https://img.example/$(basename \"$1\")\n");
        QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const Run command =
            run({QStringLiteral("upload"), file, QStringLiteral("--command"), script});
        QCOMPARE(command.code, 0);
        QCOMPARE(command.out.trimmed(), QStringLiteral("https://img.example/image.png"));

        const QString text = writeFile(QStringLiteral("notes.png"), "just text");
        const Run sniffed =
            run({QStringLiteral("upload"), text, QStringLiteral("--command"), script});
        QCOMPARE(sniffed.code, 2);
        QVERIFY(sniffed.err.contains(QLatin1String("FILE_TYPE_INVALID")));
    }
};

TG_TEST_MAIN_CORE(TestCli)
#include "tst_cli.moc"
