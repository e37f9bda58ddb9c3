// SPDX-License-Identifier: MIT
// Secret stores and the saved-account registry: memory, the 0600 file, the OS keychain (in a
// private D-Bus session with gnome-keyring when available) and the "no keychain" report.
#include "api/accountstore.h"
#include "api/filesecretstore.h"
#include "api/keychainsecretstore.h"
#include "api/memorysecretstore.h"
#include "api/sharedsecretstore.h"
#include "keychaintest.h"
#include "testmain.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/stat.h>

using Status = tg::SecretStore::Status;

namespace {

mode_t fileMode(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 0777;
}

const char ChildEnv[] = "TG_KEYCHAIN_TEST_CHILD";

} // namespace

class TestSecretStores : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    /// Write, read, overwrite, remove and read again through any store.
    void roundTrip(tg::SecretStore &store)
    {
        const QString key =
            QStringLiteral("account/test-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(store.writeSecretSync(key, QStringLiteral("first")).ok());
        auto r = store.readSecretSync(key);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.secret, QStringLiteral("first"));
        QVERIFY(store.writeSecretSync(key, QStringLiteral("second")).ok());
        QCOMPARE(store.readSecretSync(key).secret, QStringLiteral("second"));
        QVERIFY(store.removeSecretSync(key).ok());
        r = store.readSecretSync(key);
        QCOMPARE(r.status, Status::NotFound);
        QVERIFY(r.secret.isEmpty());
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void memoryStore_roundTrip_andCallbacksComeFromTheEventLoop()
    {
        tg::MemorySecretStore store;
        QVERIFY(!store.isPersistent());
        bool called = false;
        store.writeSecret(QStringLiteral("k"), QStringLiteral("v"),
                          [&called](const tg::SecretStore::Result &) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
        roundTrip(store);
    }

    void fileStore_roundTrip_keepsFileOwnerOnly()
    {
        const QString path = m_dir->filePath(QStringLiteral("config/tokens.json"));
        tg::FileSecretStore store(path);
        QVERIFY(store.checkAvailableSync().ok());
        QVERIFY(store.writeSecretSync(QStringLiteral("account/a"), QStringLiteral("tok-a")).ok());
        QCOMPARE(fileMode(path), mode_t(0600));
        // A looser mode set by someone else is tightened on the next write.
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        QVERIFY(store.writeSecretSync(QStringLiteral("account/b"), QStringLiteral("tok-b")).ok());
        QCOMPARE(fileMode(path), mode_t(0600));
        tg::FileSecretStore reopened(path);
        QCOMPARE(reopened.readSecretSync(QStringLiteral("account/a")).secret,
                 QStringLiteral("tok-a"));
        roundTrip(store);
    }

    void fileStore_damagedFile_reportsError()
    {
        const QString path = m_dir->filePath(QStringLiteral("tokens.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        tg::FileSecretStore store(path);
        const auto r = store.readSecretSync(QStringLiteral("account/a"));
        QCOMPARE(r.status, Status::Error);
        QVERIFY(!r.message.isEmpty());
        QCOMPARE(store.writeSecretSync(QStringLiteral("account/a"), QStringLiteral("x")).status,
                 Status::Error);
    }

    void fileStore_newFolder_isOwnerOnly()
    {
        const QString dir = m_dir->filePath(QStringLiteral("new/config"));
        tg::FileSecretStore store(dir + QStringLiteral("/tokens.json"));
        QVERIFY(store.writeSecretSync(QStringLiteral("account/a"), QStringLiteral("tok-a")).ok());
        QCOMPARE(fileMode(dir), mode_t(0700));
        QCOMPARE(fileMode(m_dir->filePath(QStringLiteral("new"))), mode_t(0700));
        QCOMPARE(fileMode(dir + QStringLiteral("/tokens.json")), mode_t(0600));
        // No temporary is left next to it.
        QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{QStringLiteral("tokens.json")});
    }

    void sharedStore_findsSecretWhereverItWasSaved_data()
    {
        QTest::addColumn<QString>("savedIn");
        QTest::addColumn<QString>("primary");
        QTest::newRow("file, read with a session store chosen") << "file"
                                                                << "memory";
        QTest::newRow("file, read before any choice") << "file"
                                                      << "none";
        QTest::newRow("session store itself") << "memory"
                                              << "memory";
    }
    void sharedStore_findsSecretWhereverItWasSaved()
    {
        QFETCH(QString, savedIn);
        QFETCH(QString, primary);
        tg::SharedSecretStore shared(m_dir->path(), QStringLiteral("telegraph-desktop-test"));
        tg::MemorySecretStore memory;
        if (primary == QLatin1String("memory"))
            shared.setPrimary(&memory);
        const QString key =
            QStringLiteral("account/shared-%1").arg(QCoreApplication::applicationPid());
        if (savedIn == QLatin1String("file")) {
            // Another program (the command-line tool) saved it in the token file.
            tg::FileSecretStore other(m_dir->filePath(tg::AccountStore::tokenFileName()));
            QVERIFY(other.writeSecretSync(key, QStringLiteral("from-file")).ok());
        } else {
            QVERIFY(memory.writeSecretSync(key, QStringLiteral("from-file")).ok());
        }
        const auto r = shared.readSecretSync(key);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.secret, QStringLiteral("from-file"));
        QCOMPARE(shared.readSecretSync(QStringLiteral("account/nobody")).status, Status::NotFound);
    }

    void sharedStore_writesToPrimaryAndDropsStaleCopies()
    {
        tg::SharedSecretStore shared(m_dir->path(), QStringLiteral("telegraph-desktop-test"));
        const QString key = QStringLiteral("account/stale");
        tg::FileSecretStore file(m_dir->filePath(tg::AccountStore::tokenFileName()));
        QVERIFY(file.writeSecretSync(key, QStringLiteral("old")).ok());
        // A second store object on the same file (as the app's choice creates) is one place.
        tg::FileSecretStore chosen(file.filePath());
        shared.setPrimary(&chosen);
        QVERIFY(shared.writeSecretSync(key, QStringLiteral("new")).ok());
        QCOMPARE(file.readSecretSync(key).secret, QStringLiteral("new"));
        QCOMPARE(fileMode(file.filePath()), mode_t(0600));

        // A persistent primary elsewhere takes the value and the file's copy goes.
        tg::FileSecretStore elsewhere(m_dir->filePath(QStringLiteral("other/tokens.json")));
        shared.setPrimary(&elsewhere);
        QVERIFY(shared.writeSecretSync(key, QStringLiteral("newer")).ok());
        QCOMPARE(file.readSecretSync(key).status, Status::NotFound);
        QCOMPARE(shared.readSecretSync(key).secret, QStringLiteral("newer"));

        // A session-only primary leaves the saved copies alone.
        tg::MemorySecretStore memory;
        shared.setPrimary(&memory);
        QVERIFY(file.writeSecretSync(key, QStringLiteral("kept")).ok());
        QVERIFY(shared.writeSecretSync(key, QStringLiteral("session")).ok());
        QCOMPARE(file.readSecretSync(key).secret, QStringLiteral("kept"));
        QCOMPARE(shared.readSecretSync(key).secret, QStringLiteral("session"));

        // Removing removes it everywhere.
        QVERIFY(shared.removeSecretSync(key).ok());
        QCOMPARE(shared.readSecretSync(key).status, Status::NotFound);
        QCOMPARE(file.readSecretSync(key).status, Status::NotFound);
    }

    void sharedStore_withoutChoice_refusesToWrite()
    {
        tg::SharedSecretStore shared(m_dir->path(), QStringLiteral("telegraph-desktop-test"));
        QCOMPARE(shared.backendName(), QStringLiteral("none"));
        const auto r = shared.writeSecretSync(QStringLiteral("k"), QStringLiteral("v"));
        QCOMPARE(r.status, Status::Error);
        QVERIFY2(r.message.contains(QLatin1String("chosen")), qPrintable(r.message));
        QVERIFY(!QFile::exists(m_dir->filePath(tg::AccountStore::tokenFileName())));
    }

    void accountStore_savesRecordsWithoutTokens()
    {
        tg::MemorySecretStore secrets;
        tg::AccountStore store(m_dir->path(), &secrets);
        QVERIFY(store.accounts().isEmpty());
        tg::SavedAccount a;
        a.name = QStringLiteral("blog");
        a.shortName = QStringLiteral("Blog");
        a.authorName = QStringLiteral("Анна");
        const QString token = QStringLiteral("b1e2") + QString(56, QLatin1Char('0'));
        tg::SecretStore::Result result;
        bool finished = false;
        store.save(a, token, [&](const tg::SecretStore::Result &r) {
            result = r;
            finished = true;
        });
        QTRY_VERIFY(finished);
        QVERIFY2(result.ok(), qPrintable(result.message));
        const auto saved = store.account(QStringLiteral("blog"));
        QVERIFY(saved);
        QCOMPARE(saved->authorName, QStringLiteral("Анна"));
        QCOMPARE(saved->secretBackend, QStringLiteral("memory"));
        QVERIFY(saved->savedAt.isValid());
        QFile file(store.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(token.toLatin1()));
        QCOMPARE(secrets.readSecretSync(tg::AccountStore::secretKey(QStringLiteral("blog"))).secret,
                 token);

        finished = false;
        store.readToken(QStringLiteral("blog"), [&](const tg::SecretStore::Result &r) {
            result = r;
            finished = true;
        });
        QTRY_VERIFY(finished);
        QCOMPARE(result.secret, token);

        finished = false;
        store.remove(QStringLiteral("blog"), [&](const tg::SecretStore::Result &r) {
            result = r;
            finished = true;
        });
        QTRY_VERIFY(finished);
        QVERIFY(result.ok());
        QVERIFY(!store.account(QStringLiteral("blog")));
        QCOMPARE(secrets.readSecretSync(tg::AccountStore::secretKey(QStringLiteral("blog"))).status,
                 Status::NotFound);
    }

    void accountStore_listFile_isOwnerOnlyFromTheStart()
    {
        // Under the usual umask the account list and its new folder are still the owner's only.
        const mode_t previous = ::umask(022);
        tg::MemorySecretStore secrets;
        const QString dir = m_dir->filePath(QStringLiteral("fresh/telegraph"));
        tg::AccountStore store(dir, &secrets);
        tg::SavedAccount a;
        a.name = QStringLiteral("blog");
        a.shortName = QStringLiteral("Blog");
        QString error;
        const bool saved = store.saveRecord(a, &error);
        ::umask(previous);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(fileMode(store.filePath()), mode_t(0600));
        QCOMPARE(fileMode(dir), mode_t(0700));
        QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{QStringLiteral("accounts.json")});
    }

    void accountStore_invalidName_isRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("slash") << "a/b";
        QTest::newRow("space") << "my blog";
        QTest::newRow("too long") << QString(65, QLatin1Char('a'));
    }
    void accountStore_invalidName_isRefused()
    {
        QFETCH(QString, name);
        tg::MemorySecretStore secrets;
        tg::AccountStore store(m_dir->path(), &secrets);
        tg::SavedAccount a;
        a.name = name;
        bool finished = false;
        tg::SecretStore::Result result;
        store.save(a, QStringLiteral("t"), [&](const tg::SecretStore::Result &r) {
            result = r;
            finished = true;
        });
        QTRY_VERIFY(finished);
        QCOMPARE(result.status, Status::Error);
        QVERIFY(store.accounts().isEmpty());
    }

    void keychainStore_withoutSessionBus_reportsNoBackend()
    {
        if (qEnvironmentVariableIsSet(ChildEnv))
            QSKIP("runs in the parent process only");
        // A child process with an unreachable session bus, so this process's D-Bus state is
        // not touched.
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + m_dir->filePath(QStringLiteral("no-bus")));
        env.insert(QLatin1String(ChildEnv), QStringLiteral("nobus"));
        p.setProcessEnvironment(env);
        p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("keychainStore_child")});
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("PASS   : TestSecretStores::keychainStore_child()")),
                 qPrintable(out));
    }

    void keychainStore_realKeychain_roundTrip()
    {
        if (qEnvironmentVariableIsSet(ChildEnv))
            QSKIP("runs in the parent process only");
        const QString dbusRun = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
        const QString keyring =
            QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
        if (dbusRun.isEmpty() || keyring.isEmpty())
            TG_KEYCHAIN_MISSING(QStringLiteral(
                "dbus-run-session and gnome-keyring-daemon are needed for the real keychain "
                "test (apt-get install dbus gnome-keyring)"));
        // A private session bus and an unlocked keyring in a throw-away HOME, then this test
        // executable again, running keychainStore_child inside them.
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir->path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->path());
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(QLatin1String(ChildEnv), QStringLiteral("keyring"));
        p.setProcessEnvironment(env);
        p.start(dbusRun, {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                          QStringLiteral("printf test | \"$1\" --unlock --components=secrets "
                                         ">/dev/null 2>&1; exec \"$0\" keychainStore_child"),
                          QCoreApplication::applicationFilePath(), keyring});
        QVERIFY(p.waitForFinished(90000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        // The keyring leaves read-only files behind; let QTemporaryDir remove them.
        QProcess::execute(QStringLiteral("chmod"),
                          {QStringLiteral("-R"), QStringLiteral("u+rwX"), m_dir->path()});
        if (out.contains(QLatin1String("SKIP   : TestSecretStores::keychainStore_child()")))
            TG_KEYCHAIN_MISSING(
                QStringLiteral("the private keyring did not start: ") +
                out.section(QLatin1String("SKIP   :"), 1).section(QLatin1Char('\n'), 0, 1));
        QVERIFY2(p.exitCode() == 0, qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("PASS   : TestSecretStores::keychainStore_child()")),
                 qPrintable(out));
    }

    /// The part of the keychain tests that runs in a child process (see above).
    void keychainStore_child()
    {
        const QByteArray mode = qgetenv(ChildEnv);
        if (mode.isEmpty())
            QSKIP("runs only as the child of the keychain tests");
        tg::KeychainSecretStore store(QStringLiteral("telegraph-desktop-test"));
        if (mode == "nobus") {
            const auto r = store.checkAvailableSync();
            QCOMPARE(r.status, Status::NoBackend);
            QVERIFY2(r.message.contains(QLatin1String("keychain")), qPrintable(r.message));
            QVERIFY(!store.writeSecretSync(QStringLiteral("k"), QStringLiteral("v")).ok());
            return;
        }
        tg::SecretStore::Result r = store.checkAvailableSync();
        for (int i = 0; i < 20 && !r.ok(); ++i) {
            QTest::qWait(100); // the keyring daemon may still be registering on the bus
            r = store.checkAvailableSync();
        }
        if (!r.ok())
            QSKIP(qPrintable(r.message));
        roundTrip(store);
    }
};

TG_TEST_MAIN_CORE(TestSecretStores)
#include "tst_secretstores.moc"
