// SPDX-License-Identifier: MIT
#include "api/telegraphclient.h"
#include "content/markdownwriter.h"
#include "content/node.h"
#include "pages/accountbackup.h"
#include "sandboxfixture.h"
#include "sandboxseed.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tg;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Content of the i-th seeded page: plain paragraphs, some with an image figure, some with
/// attributes Markdown cannot carry.
QByteArray contentFor(int i)
{
    QByteArray c = "[{\"tag\":\"p\",\"children\":[\"Paragraph of page " + QByteArray::number(i) +
                   " with \",{\"tag\":\"b\",\"children\":[\"bold\"]},\" text\"]}";
    if (i % 10 == 0)
        c += ",{\"tag\":\"figure\",\"children\":[{\"tag\":\"img\",\"attrs\":{\"src\":"
             "\"https://img.example/" +
             QByteArray::number(i) + ".png\"}},{\"tag\":\"figcaption\",\"children\":[\"\"]}]}";
    if (i % 7 == 0)
        c += ",{\"tag\":\"h3\",\"attrs\":{\"id\":\"Anchor-" + QByteArray::number(i) +
             "\"},\"children\":[\"Heading\"]}";
    return c + "]";
}

} // namespace

class TestAccountBackup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fileBaseName_isSafe_data();
    void fileBaseName_isSafe();
    void backup_300Pages_interruptedAndResumed_matchesServerExactly();
    void backup_folderIsAFile_failsBeforeSending();
    void backup_badToken_failsWithApiError();
    void backup_scriptLinks_areDroppedFromHtmlFiles();

private:
    ClientSettings settings() const;

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    QString m_token;
    QStringList m_paths;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TelegraphClient> m_client;
};

ClientSettings TestAccountBackup::settings() const
{
    ClientSettings s;
    s.apiUrl = m_sandbox->url();
    s.proxy.mode = ProxySettings::Mode::None;
    s.timeoutMs = 10000;
    return s;
}

void TestAccountBackup::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<test::SandboxFixture>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("backup"));
    for (int i = 0; i < 300; ++i) {
        const QString path = test::seedSandboxPage(
            m_sandbox->server(), m_token, QStringLiteral("Backup page %1").arg(i), contentFor(i));
        QVERIFY(!path.isEmpty());
        m_paths.append(path);
    }
    QVERIFY(m_sandbox->server()->seedViews(m_paths.at(5), QDateTime::currentDateTimeUtc(), 42));
}

void TestAccountBackup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_client = std::make_unique<TelegraphClient>(settings());
    m_client->setAccessToken(m_token);
}

void TestAccountBackup::cleanup()
{
    m_client.reset();
    m_dir.reset();
}

void TestAccountBackup::fileBaseName_isSafe_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << QStringLiteral("Hello-11-25") << QStringLiteral("Hello-11-25");
    QTest::newRow("cjk") << QStringLiteral("你好-11-25") << QStringLiteral("你好-11-25");
    QTest::newRow("slash") << QStringLiteral("a/b\\c") << QStringLiteral("a_b_c");
    QTest::newRow("dots") << QStringLiteral("..") << QStringLiteral("_..");
    QTest::newRow("empty") << QString() << QStringLiteral("_");
    QTest::newRow("reserved") << QStringLiteral("a:b*c?\"<>|") << QStringLiteral("a_b_c_____");
}

void TestAccountBackup::fileBaseName_isSafe()
{
    QFETCH(QString, path);
    QFETCH(QString, name);
    QCOMPARE(AccountBackup::fileBaseName(path), name);
}

void TestAccountBackup::backup_300Pages_interruptedAndResumed_matchesServerExactly()
{
    BackupOptions options;
    options.directory = m_dir->filePath(QStringLiteral("backup"));
    options.maxConcurrent = 4;

    // First run: interrupted after 100 pages.
    {
        AccountBackup backup(m_client.get(), options);
        QSignalSpy saved(&backup, &AccountBackup::pageSaved);
        QSignalSpy finished(&backup, &AccountBackup::finished);
        connect(&backup, &AccountBackup::pageSaved, &backup, [&] {
            if (saved.size() == 100)
                backup.cancel();
        });
        backup.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(backup.error().category, ApiError::Category::Cancelled);
        QCOMPARE(backup.savedPages(), 100);
        QVERIFY(QFile::exists(QDir(options.directory).filePath(AccountBackup::progressFileName())));
        QVERIFY(!QFile::exists(QDir(options.directory).filePath(QStringLiteral("index.json"))));
    }
    // A line cut off by the interruption is ignored.
    {
        QFile progress(QDir(options.directory).filePath(AccountBackup::progressFileName()));
        QVERIFY(progress.open(QIODevice::Append));
        progress.write("Half-a-li");
    }

    // Second run: resumes.
    QSignalSpy handled(m_sandbox->server(), &sandbox::Server::requestHandled);
    AccountBackup backup(m_client.get(), options);
    QSignalSpy listed(&backup, &AccountBackup::listed);
    QSignalSpy finished(&backup, &AccountBackup::finished);
    backup.start();
    QVERIFY(finished.wait(60000));
    QVERIFY2(!backup.error().isError(), qPrintable(backup.error().toString()));
    QCOMPARE(listed.first().at(0).toInt(), 300);
    QCOMPARE(listed.first().at(1).toInt(), 100);
    QCOMPARE(backup.skippedPages(), 100);
    QCOMPARE(backup.savedPages(), 200);
    // Two list requests and one getPage per missing page (plus, at most, the requests the
    // interrupted run had in flight, which may reach the server after the cancel).
    QVERIFY2(handled.size() >= 202 && handled.size() <= 202 + options.maxConcurrent,
             qPrintable(QString::number(handled.size())));
    QVERIFY(!QFile::exists(QDir(options.directory).filePath(AccountBackup::progressFileName())));

    // Every page matches the server's content exactly.
    const QDir dir(options.directory);
    for (const QString &path : std::as_const(m_paths)) {
        GetPageRequest r;
        r.path = path;
        r.returnContent = true;
        PageJob *job = m_client->getPage(r);
        QSignalSpy done(job, &ApiJob::finished);
        QVERIFY(done.wait(10000));
        QVERIFY(job->isSucceeded());
        const QString base = QStringLiteral("pages/") + AccountBackup::fileBaseName(path);
        QCOMPARE(readFile(dir.filePath(base + QStringLiteral(".json"))),
                 toJson(job->page().content));
        const bool md = QFile::exists(dir.filePath(base + QStringLiteral(".md")));
        const bool html = QFile::exists(dir.filePath(base + QStringLiteral(".html")));
        QVERIFY2(md != html, qPrintable(path));
        QCOMPARE(md, markdownRoundTrips(job->page().content)); // Markdown only where lossless
        delete job;
    }

    // The index lists every page with title, URL, views and files.
    const QJsonObject index =
        QJsonDocument::fromJson(readFile(dir.filePath(QStringLiteral("index.json")))).object();
    const QJsonArray pages = index.value(QLatin1String("pages")).toArray();
    QCOMPARE(pages.size(), 300);
    QCOMPARE(pages.first().toObject().value(QLatin1String("title")).toString(),
             QStringLiteral("Backup page 299"));
    const QJsonObject fifth = pages.at(294).toObject();
    QCOMPARE(fifth.value(QLatin1String("path")).toString(), m_paths.at(5));
    QCOMPARE(fifth.value(QLatin1String("views")).toInt(), 42);
    QVERIFY(fifth.value(QLatin1String("url")).toString().endsWith(m_paths.at(5)));
    for (const QJsonValue &v : pages)
        QVERIFY(dir.exists(v.toObject().value(QLatin1String("content_file")).toString()));
    QCOMPARE(readFile(dir.filePath(QStringLiteral("index.csv"))).count("\r\n"), 301);

    // The image list has the 30 image URLs, each once.
    const QList<QByteArray> images =
        readFile(dir.filePath(QStringLiteral("images.txt"))).trimmed().split('\n');
    QCOMPARE(images.size(), 30);
    QVERIFY(images.contains("https://img.example/150.png"));
}

void TestAccountBackup::backup_folderIsAFile_failsBeforeSending()
{
    const QString file = m_dir->filePath(QStringLiteral("file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    BackupOptions options;
    options.directory = file;
    QSignalSpy handled(m_sandbox->server(), &sandbox::Server::requestHandled);
    AccountBackup backup(m_client.get(), options);
    QSignalSpy finished(&backup, &AccountBackup::finished);
    backup.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(backup.error().code, QStringLiteral("BACKUP_IO"));
    QCOMPARE(handled.size(), 0);
}

void TestAccountBackup::backup_badToken_failsWithApiError()
{
    BackupOptions options;
    options.directory = m_dir->filePath(QStringLiteral("bad"));
    options.accessToken = QString(60, QLatin1Char('a'));
    AccountBackup backup(m_client.get(), options);
    QSignalSpy finished(&backup, &AccountBackup::finished);
    backup.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(backup.error().code, QStringLiteral("ACCESS_TOKEN_INVALID"));
}

void TestAccountBackup::backup_scriptLinks_areDroppedFromHtmlFiles()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("hostile"));
    // The `target` attribute keeps the page out of Markdown, so it is backed up as HTML.
    const QString path = test::seedSandboxPage(
        m_sandbox->server(), token, QStringLiteral("Hostile"),
        R"json([{"tag":"p","children":[{"tag":"a","attrs":{"href":" JavaScript:alert(1)","target":"_blank"},"children":["click"]},{"tag":"a","attrs":{"href":"https://example.org/","target":"_blank","onclick":"alert(2)"},"children":["safe"]}]},{"tag":"figure","children":[{"tag":"img","attrs":{"src":"data:image/svg+xml,<svg onload=alert(3)>"}}]}])json");
    QVERIFY(!path.isEmpty());
    BackupOptions options;
    options.directory = m_dir->filePath(QStringLiteral("hostile"));
    options.accessToken = token;
    AccountBackup backup(m_client.get(), options);
    QSignalSpy finished(&backup, &AccountBackup::finished);
    backup.start();
    QVERIFY(finished.wait(10000));
    QVERIFY2(!backup.error().isError(), qPrintable(backup.error().toString()));
    const QByteArray html =
        readFile(QDir(options.directory)
                     .filePath(QStringLiteral("pages/") + AccountBackup::fileBaseName(path) +
                               QStringLiteral(".html")));
    const QByteArray expected =
        R"(<p><a target="_blank">click</a><a href="https://example.org/" target="_blank">safe</a></p><figure><img/></figure>)";
    QCOMPARE(html, expected);
}

TG_TEST_MAIN_CORE(TestAccountBackup)
#include "tst_accountbackup.moc"
