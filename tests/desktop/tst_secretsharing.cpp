// SPDX-License-Identifier: MIT
// The desktop app and the real `telegraph` executable sharing one secret store, and the
// settings' secrets kept out of every file: each scenario runs in a child process with its own
// D-Bus session and an unlocked throw-away gnome-keyring, against the in-process sandbox.
#include "../pages/sandboxseed.h"
#include "accounts/accountpanel.h"
#include "accounts/accountworkspace.h"
#include "api/imagehostconfig.h"
#include "api/keychainsecretstore.h"
#include "api/telegraphclient.h"
#include "desktop/desktopapp.h"
#include "keychaintest.h"
#include "sandboxfixture.h"
#include "settings/settingsdialog.h"
#include "testmain.h"
#include "window/mainwindow.h"
#include "workflow/appsettings.h"
#include "workflow/settingssecrets.h"

#include <QAction>
#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace tg;

namespace {

const char ChildEnv[] = "TG_SECRET_SHARING_CHILD";

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

/// Every file under `dir` (hidden ones too) whose bytes contain `needle`.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.size() > 256 * 1024 * 1024 || !f.open(QIODevice::ReadOnly))
            continue;
        if (f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

} // namespace

class TestSecretSharing : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::SandboxFixture> m_server;

    QString config() const { return m_dir->filePath(QStringLiteral("config")); }
    QString data() const { return m_dir->filePath(QStringLiteral("data")); }

    /// Runs `function` of this executable inside a private session bus with an unlocked
    /// keyring in a throw-away HOME, and checks that it passed there.
    void runInPrivateKeyring(const QString &function)
    {
        const QString dbusRun = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
        const QString keyring =
            QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
        if (dbusRun.isEmpty() || keyring.isEmpty())
            TG_KEYCHAIN_MISSING(QStringLiteral("dbus-run-session and gnome-keyring-daemon are "
                                               "needed (apt-get install dbus gnome-keyring)"));
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("share")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("xdgconfig")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("TELEGRAPH_ACCESS_TOKEN"));
        env.insert(QLatin1String(ChildEnv), QStringLiteral("1"));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(dbusRun, {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                          QStringLiteral("printf test | \"$1\" --unlock --components=secrets "
                                         ">/dev/null 2>&1; exec \"$0\" \"$2\""),
                          QCoreApplication::applicationFilePath(), keyring, function});
        QVERIFY(p.waitForStarted(10000));
        QSignalSpy done(&p, &QProcess::finished);
        QVERIFY(done.wait(240000));
        const QString out = QString::fromUtf8(p.readAll());
        // The keyring leaves read-only files (and a dangling link) behind for QTemporaryDir.
        QProcess chmod;
        chmod.setStandardOutputFile(QProcess::nullDevice());
        chmod.setStandardErrorFile(QProcess::nullDevice());
        chmod.start(QStringLiteral("chmod"),
                    {QStringLiteral("-R"), QStringLiteral("u+rwX"), home.path()});
        chmod.waitForFinished(10000);
        const QString skip = QStringLiteral("SKIP   : TestSecretSharing::%1()").arg(function);
        if (out.contains(skip))
            TG_KEYCHAIN_MISSING(QStringLiteral("the private keyring did not work: ") +
                                out.section(skip, 1).section(QLatin1Char('\n'), 0, 0));
        QVERIFY2(p.exitCode() == 0, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("PASS   : TestSecretSharing::%1()").arg(function)),
                 qPrintable(out));
    }

    /// In the child: the keychain must answer (the daemon may still be registering).
    bool keychainWorks(QString *why)
    {
        KeychainSecretStore probe;
        SecretStore::Result r = probe.checkAvailableSync();
        for (int i = 0; i < 30 && !r.ok(); ++i) {
            QTest::qWait(100);
            r = probe.checkAvailableSync();
        }
        *why = r.message;
        return r.ok();
    }

    /// The real `telegraph` tool; without `keychain` it sees no session bus at all.
    Run cli(const QStringList &args, const QByteArray &input, bool keychain)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TELEGRAPH_CONFIG_DIR"), config());
        if (!keychain)
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=") + m_dir->filePath(QStringLiteral("no-bus")));
        p.setProcessEnvironment(env);
        p.setProgram(QStringLiteral(TG_CLI_PATH));
        p.setArguments(QStringList{QStringLiteral("--api-url"), m_server->url().toString()} + args);
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

    /// settings.ini of a first start that already chose the sandbox as its custom server.
    void writeServerChoice(const QString &proxy = {})
    {
        QDir().mkpath(data());
        QSettings settings(QDir(data()).filePath(QStringLiteral("settings.ini")),
                           QSettings::IniFormat);
        ServerChoice choice;
        choice.server = QStringLiteral("custom");
        choice.customUrl = m_server->url().toString();
        if (!proxy.isEmpty())
            choice.proxy = proxy;
        choice.chosen = true;
        choice.save(settings);
    }

    /// The child's set-up: the keychain, folders and the sandbox; false after QSKIP.
    bool setUpChild()
    {
        if (!qEnvironmentVariableIsSet(ChildEnv)) {
            QTest::qSkip("runs only in the private keyring of the test above", __FILE__, __LINE__);
            return false;
        }
        QString why;
        if (!keychainWorks(&why)) {
            QTest::qSkip(qPrintable(why), __FILE__, __LINE__);
            return false;
        }
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<test::SandboxFixture>();
        if (!m_dir->isValid() || !m_server->start()) {
            QTest::qFail("no temporary folder or sandbox", __FILE__, __LINE__);
            return false;
        }
        qputenv("TELEGRAPH_CONFIG_DIR", config().toUtf8());
        qputenv("TELEGRAPH_DESKTOP_DATA_DIR", data().toUtf8());
        return true;
    }

    /// Saves `token` as account `name` with the tool where no keychain works (so in the file).
    void saveWithCliInFile(const QString &name, const QString &token)
    {
        const Run r = cli({QStringLiteral("--insecure-store"), QStringLiteral("--token"),
                           QStringLiteral("-"), QStringLiteral("account"), QStringLiteral("import"),
                           QStringLiteral("--save"), name},
                          token.toLatin1() + '\n', false);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile tokens(QDir(config()).filePath(QStringLiteral("tokens.json")));
        QVERIFY(tokens.open(QIODevice::ReadOnly));
        QVERIFY(tokens.readAll().contains(token.toLatin1()));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void cliTokenInTheFile_isUsedByTheAppWithAKeychain()
    {
        runInPrivateKeyring(QStringLiteral("child_cliTokenInTheFile"));
    }
    void tokenRenewedByTheApp_isUsedByTheCli()
    {
        runInPrivateKeyring(QStringLiteral("child_tokenRenewedByTheApp"));
    }
    void firstStart_secretsGoToTheKeychain_andNoFileHoldsThem()
    {
        runInPrivateKeyring(QStringLiteral("child_firstStartSecrets"));
    }

    // --- the scenarios, run in the child ---------------------------------------------------

    void child_cliTokenInTheFile()
    {
        if (!setUpChild())
            return;
        const QString token = test::seedSandboxAccount(m_server->server(), QStringLiteral("Cli"));
        saveWithCliInFile(QStringLiteral("blog"), token);
        if (QTest::currentTestFailed())
            return;
        writeServerChoice();
        DesktopApp app{DesktopApp::Options()};
        QString error;
        QVERIFY2(app.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(app.accounts(), 20000);
        AccountManager *manager = app.accounts()->manager();
        QTRY_VERIFY_WITH_TIMEOUT(!manager->isBusy(), 20000);
        manager->selectAccount(QStringLiteral("blog"));
        // The app keeps its tokens in the keychain and still finds the one the tool saved.
        QTRY_COMPARE_WITH_TIMEOUT(manager->client()->accessToken(), token, 20000);
        QCOMPARE(app.accounts()->currentAccount(), QStringLiteral("blog"));
        app.shutdown();
    }

    void child_tokenRenewedByTheApp()
    {
        if (!setUpChild())
            return;
        const QString old = test::seedSandboxAccount(m_server->server(), QStringLiteral("Pen"));
        saveWithCliInFile(QStringLiteral("pen"), old);
        if (QTest::currentTestFailed())
            return;
        writeServerChoice();
        QString fresh;
        {
            DesktopApp app{DesktopApp::Options()};
            QString error;
            QVERIFY2(app.start(&error), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(app.accounts(), 20000);
            AccountPanel *panel = app.accounts()->accountPanel();
            AccountManager *manager = app.accounts()->manager();
            panel->setConfirmer([](const QString &) { return true; });
            QTRY_VERIFY_WITH_TIMEOUT(!manager->isBusy(), 20000);
            manager->selectAccount(QStringLiteral("pen"));
            QTRY_COMPARE_WITH_TIMEOUT(manager->client()->accessToken(), old, 20000);
            QTRY_VERIFY_WITH_TIMEOUT(!manager->isBusy(), 20000);
            QSignalSpy finished(manager, &AccountManager::operationFinished);
            panel->revokeCurrent();
            const auto revoked = [&finished]() -> const QList<QVariant> * {
                for (const QList<QVariant> &call : std::as_const(finished)) {
                    if (call.at(0).value<AccountManager::Operation>() ==
                        AccountManager::Operation::Revoke)
                        return &call;
                }
                return nullptr;
            };
            QTRY_VERIFY_WITH_TIMEOUT(revoked(), 20000);
            QVERIFY2(revoked()->at(1).toBool(), qPrintable(revoked()->at(2).toString()));
            fresh = manager->client()->accessToken();
            QVERIFY(!fresh.isEmpty() && fresh != old);
            app.shutdown();
        }
        // The renewed token went to the keychain; the revoked copy left the file.
        QCOMPARE(KeychainSecretStore().readSecretSync(QStringLiteral("account/pen")).secret, fresh);
        QCOMPARE(filesContaining(config(), old.toLatin1()), QStringList());
        // The real tool acts with the token the app saved.
        const Run info = cli({QStringLiteral("--account"), QStringLiteral("pen"),
                              QStringLiteral("account"), QStringLiteral("info")},
                             {}, true);
        QVERIFY2(info.code == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains(QLatin1String("short name:   Pen")), qPrintable(info.out));
    }

    void child_firstStartSecrets()
    {
        if (!setUpChild())
            return;
        // Settings written by an older version: every secret in plain text.
        const QByteArray header = "header-secret-1a2b";
        const QByteArray field = "form-secret-3c4d";
        const QByteArray proxy = "proxy-secret-5e6f";
        writeServerChoice(QStringLiteral("http://me:%1@127.0.0.1:9").arg(QLatin1String(proxy)));
        {
            QSettings s(QDir(data()).filePath(QStringLiteral("settings.ini")),
                        QSettings::IniFormat);
            ImageHostConfig c;
            c.kind = ImageHostConfig::Kind::Http;
            c.httpUrl = QUrl(QStringLiteral("https://img.example/upload"));
            c.httpHeaders = {QStringLiteral("X-API-Key: ") + QLatin1String(header)};
            c.httpFormFields = {QStringLiteral("key=") + QLatin1String(field),
                                QStringLiteral("format=json")};
            c.save(s);
        }
        const QByteArray typedKey = "dialog-secret-7a8b";
        const QByteArray typedProxy = "typed-proxy-9c0d";
        {
            DesktopApp app{DesktopApp::Options()};
            QString error;
            QVERIFY2(app.start(&error), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(app.accounts(), 20000);
            // The first start moves them to the keychain.
            const QString ini = QDir(data()).filePath(QStringLiteral("settings.ini"));
            QTRY_VERIFY_WITH_TIMEOUT(
                settingssecrets::plainSecrets(QSettings(ini, QSettings::IniFormat)).isEmpty(),
                20000);
            // Then a key and a proxy password typed into Settings.
            QAction *settingsAction = nullptr;
            for (QAction *a : app.window()->findChildren<QAction *>()) {
                if (a->text().contains(QLatin1String("Se&ttings")))
                    settingsAction = a;
            }
            QVERIFY(settingsAction);
            bool typed = false;
            QTimer answer;
            answer.setInterval(20);
            connect(&answer, &QTimer::timeout, this, [&] {
                auto *d = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
                if (!d || typed)
                    return;
                typed = true;
                d->httpHeadersEdit()->setPlainText(d->httpHeadersEdit()->toPlainText() +
                                                   QStringLiteral("\nAuthorization: ") +
                                                   QLatin1String(typedKey));
                d->proxyEdit()->setText(
                    QStringLiteral("http://me:%1@127.0.0.1:9").arg(QLatin1String(typedProxy)));
                d->accept();
            });
            answer.start();
            settingsAction->trigger();
            QVERIFY(typed);
            app.shutdown();
        }
        // The keychain has every secret; no file of the data or config folder has any.
        KeychainSecretStore keychain;
        QCOMPARE(keychain.readSecretSync(QStringLiteral("imagehost/header/x-api-key")).secret,
                 QString::fromLatin1(header));
        QCOMPARE(keychain.readSecretSync(QStringLiteral("imagehost/field/key")).secret,
                 QString::fromLatin1(field));
        QCOMPARE(keychain.readSecretSync(QStringLiteral("imagehost/header/authorization")).secret,
                 QString::fromLatin1(typedKey));
        QCOMPARE(keychain.readSecretSync(ServerChoice::proxyPasswordKey()).secret,
                 QString::fromLatin1(typedProxy));
        for (const QByteArray &secret : {header, field, proxy, typedKey, typedProxy}) {
            for (const QString &dir : {data(), config()}) {
                const QStringList hits = filesContaining(dir, secret);
                QVERIFY2(hits.isEmpty(),
                         qPrintable(QString::fromLatin1(secret) + QStringLiteral(" in ") +
                                    hits.join(QStringLiteral(", "))));
            }
        }
        const QSettings after(QDir(data()).filePath(QStringLiteral("settings.ini")),
                              QSettings::IniFormat);
        QVERIFY(ServerChoice::load(after).proxyPasswordStored);
        QCOMPARE(ImageHostConfig::load(after).storedSecretKeys().size(), 3);
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestSecretSharing tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_secretsharing.moc"
