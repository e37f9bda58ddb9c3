// SPDX-License-Identifier: MIT
// AccountManager against the real in-process sandbox: the current account and its token live in
// the manager and the client only, signals never carry the token, revoke replaces it in one go.
#include "../pages/sandboxseed.h"
#include "api/accountstore.h"
#include "api/filesecretstore.h"
#include "api/telegraphclient.h"
#include "sandboxfixture.h"
#include "testmain.h"
#include "workflow/accountmanager.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tg;

namespace {

/// Everything a signal carried, as text (a SavedAccount with all its fields).
QString argumentsText(const QSignalSpy &spy)
{
    QStringList parts;
    for (const QList<QVariant> &call : spy) {
        for (const QVariant &v : call) {
            if (v.metaType() == QMetaType::fromType<SavedAccount>()) {
                const SavedAccount a = v.value<SavedAccount>();
                parts << a.name << a.shortName << a.authorName << a.authorUrl << a.apiUrl
                      << a.secretBackend;
            } else {
                parts << v.toString();
            }
        }
    }
    return parts.join(QLatin1Char('|'));
}

} // namespace

class TestAccountManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void create_makesItCurrentAndSetsClientToken_signalsCarryNoToken();
    void create_takenOrInvalidName_isRefused();
    void import_goodToken_isSavedAndCurrent();
    void import_badToken_isRefusedWithReasonAndNothingSaved();
    void overlappingOperation_isRefusedWithMessage();
    void revoke_newTokenInStoreAndClient_oldOneRefused();
    void edit_changesServerAndRecord();
    void loginLink_isHandedOnNotKept();
    void refresh_reportsPageCount();
    void removeCurrent_leavesNoneCurrent();
    void restart_restoresRememberedAccount();

private:
    std::unique_ptr<AccountManager> makeManager();
    /// Waits for the next operationFinished of `operation`; its ok.
    bool waitFor(QSignalSpy &spy, AccountManager::Operation operation, bool expectOk,
                 QString *message = nullptr);
    QString fileToken(const QString &name);

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<FileSecretStore> m_secrets;
    std::unique_ptr<TelegraphClient> m_client;
    std::unique_ptr<AccountManager> m_manager;
};

void TestAccountManager::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<test::SandboxFixture>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

std::unique_ptr<AccountManager> TestAccountManager::makeManager()
{
    return std::make_unique<AccountManager>(m_client.get(), m_secrets.get(), m_dir->path(),
                                            m_settings.get());
}

void TestAccountManager::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_secrets = std::make_unique<FileSecretStore>(m_dir->filePath(AccountStore::tokenFileName()));
    ClientSettings s;
    s.apiUrl = m_sandbox->url();
    s.proxy.mode = ProxySettings::Mode::None;
    m_client = std::make_unique<TelegraphClient>(s);
    m_manager = makeManager();
}

void TestAccountManager::cleanup()
{
    m_manager.reset();
    m_client.reset();
    m_secrets.reset();
    m_settings.reset();
    m_dir.reset();
}

bool TestAccountManager::waitFor(QSignalSpy &spy, AccountManager::Operation operation,
                                 bool expectOk, QString *message)
{
    for (;;) {
        while (!spy.isEmpty()) {
            const QList<QVariant> call = spy.takeFirst();
            if (call.at(0).value<AccountManager::Operation>() != operation)
                continue;
            if (message)
                *message = call.at(2).toString();
            return call.at(1).toBool() == expectOk;
        }
        if (!spy.wait(10000))
            return false;
    }
}

QString TestAccountManager::fileToken(const QString &name)
{
    // A fresh store on the same file: what is really on disk.
    FileSecretStore again(m_dir->filePath(AccountStore::tokenFileName()));
    return again.readSecretSync(AccountStore::secretKey(name)).secret;
}

void TestAccountManager::create_makesItCurrentAndSetsClientToken_signalsCarryNoToken()
{
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    QSignalSpy current(m_manager.get(), &AccountManager::currentAccountChanged);
    QSignalSpy accounts(m_manager.get(), &AccountManager::accountsChanged);
    QSignalSpy busy(m_manager.get(), &AccountManager::busyChanged);
    QSignalSpy finished(m_manager.get(), &AccountManager::operationFinished); // kept whole
    CreateAccountRequest r;
    r.shortName = QStringLiteral("Blog");
    r.authorName = QStringLiteral("Anna");
    m_manager->createAccount(QStringLiteral("blog"), r);
    QVERIFY(m_manager->isBusy());
    QVERIFY(waitFor(done, AccountManager::Operation::Create, true));
    QVERIFY(!m_manager->isBusy());
    QCOMPARE(m_manager->currentName(), QStringLiteral("blog"));
    QCOMPARE(m_manager->currentAccount().authorName, QStringLiteral("Anna"));
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.first().at(0).value<SavedAccount>().name, QStringLiteral("blog"));
    QCOMPARE(accounts.size(), 1);
    const QString token = m_client->accessToken();
    QCOMPARE(token.size(), 60);
    QCOMPARE(fileToken(QStringLiteral("blog")), token);
    QVERIFY(waitFor(done, AccountManager::Operation::Refresh, true));
    QCOMPARE(m_manager->info().pageCount, 0);
    // No signal argument carries the token.
    QCOMPARE(finished.size(), 2); // created, refreshed
    for (QSignalSpy *spy : {&finished, &current, &accounts, &busy})
        QVERIFY2(!argumentsText(*spy).contains(token), qPrintable(argumentsText(*spy)));
    QVERIFY(!argumentsText(current).isEmpty());
}

void TestAccountManager::create_takenOrInvalidName_isRefused()
{
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    CreateAccountRequest r;
    r.shortName = QStringLiteral("One");
    m_manager->createAccount(QStringLiteral("same"), r);
    QVERIFY(waitFor(done, AccountManager::Operation::Create, true));
    const QString token = m_client->accessToken();
    QString message;
    m_manager->createAccount(QStringLiteral("same"), r);
    QVERIFY(waitFor(done, AccountManager::Operation::Create, false, &message));
    QVERIFY2(message.contains(QLatin1String("same")), qPrintable(message));
    m_manager->createAccount(QStringLiteral("bad name!"), r);
    QVERIFY(waitFor(done, AccountManager::Operation::Create, false));
    QCOMPARE(m_manager->accounts().size(), 1);
    QCOMPARE(m_client->accessToken(), token);
    QVERIFY(!m_manager->isBusy());
}

void TestAccountManager::import_goodToken_isSavedAndCurrent()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Channel"));
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    QSignalSpy current(m_manager.get(), &AccountManager::currentAccountChanged);
    QSignalSpy finished(m_manager.get(), &AccountManager::operationFinished); // kept whole
    m_manager->importAccount(QStringLiteral("channel"), token);
    QVERIFY(waitFor(done, AccountManager::Operation::Import, true));
    QCOMPARE(m_manager->currentAccount().shortName, QStringLiteral("Channel"));
    QCOMPARE(m_manager->store()->account(QStringLiteral("channel"))->shortName,
             QStringLiteral("Channel"));
    QCOMPARE(m_client->accessToken(), token);
    QCOMPARE(fileToken(QStringLiteral("channel")), token);
    QVERIFY(!argumentsText(current).contains(token));
    QVERIFY(!finished.isEmpty());
    QVERIFY(!argumentsText(finished).contains(token));
}

void TestAccountManager::import_badToken_isRefusedWithReasonAndNothingSaved()
{
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    QSignalSpy current(m_manager.get(), &AccountManager::currentAccountChanged);
    const QString bad(60, QLatin1Char('d'));
    QString message;
    m_manager->importAccount(QStringLiteral("nope"), bad);
    QVERIFY(waitFor(done, AccountManager::Operation::Import, false, &message));
    // The reason from the one error mapping: the token is not valid.
    QVERIFY2(message.contains(QLatin1String("not accepted")) &&
                 message.contains(QLatin1String("access token is not valid")),
             qPrintable(message));
    QVERIFY(!message.contains(bad));
    QVERIFY(!m_manager->store()->account(QStringLiteral("nope")).has_value());
    QVERIFY(m_manager->accounts().isEmpty());
    QCOMPARE(m_secrets->readSecretSync(AccountStore::secretKey(QStringLiteral("nope"))).status,
             SecretStore::Status::NotFound);
    QVERIFY(current.isEmpty());
    QVERIFY(m_manager->currentName().isEmpty());
    QVERIFY(m_client->accessToken().isEmpty());
}

void TestAccountManager::overlappingOperation_isRefusedWithMessage()
{
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    CreateAccountRequest r;
    r.shortName = QStringLiteral("First");
    m_manager->createAccount(QStringLiteral("first"), r);
    // Asked while the first one runs: refused at once, and the first one still completes.
    m_manager->createAccount(QStringLiteral("second"), r);
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().at(0).value<AccountManager::Operation>(),
             AccountManager::Operation::Create);
    QCOMPARE(done.first().at(1).toBool(), false);
    QVERIFY2(done.first().at(2).toString().contains(QLatin1String("still running")),
             qPrintable(done.first().at(2).toString()));
    done.clear();
    QVERIFY(waitFor(done, AccountManager::Operation::Create, true));
    QCOMPARE(m_manager->accounts().size(), 1);
    QCOMPARE(m_manager->currentName(), QStringLiteral("first"));
}

void TestAccountManager::revoke_newTokenInStoreAndClient_oldOneRefused()
{
    const QString old = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Rev"));
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    m_manager->importAccount(QStringLiteral("rev"), old);
    QVERIFY(waitFor(done, AccountManager::Operation::Import, true));
    QCOMPARE(m_client->accessToken(), old);
    QSignalSpy current(m_manager.get(), &AccountManager::currentAccountChanged);
    QSignalSpy finished(m_manager.get(), &AccountManager::operationFinished); // kept whole
    m_manager->revokeCurrent();
    QVERIFY(waitFor(done, AccountManager::Operation::Revoke, true));
    const QString fresh = m_client->accessToken();
    QCOMPARE(fresh.size(), 60);
    QVERIFY(fresh != old);
    QCOMPARE(m_secrets->readSecretSync(AccountStore::secretKey(QStringLiteral("rev"))).secret,
             fresh);
    QCOMPARE(fileToken(QStringLiteral("rev")), fresh);
    QCOMPARE(m_manager->currentName(), QStringLiteral("rev"));
    // The sandbox refuses the old token and accepts the new one.
    QVERIFY(test::sandboxCall(m_sandbox->server(), "getAccountInfo",
                              "{\"access_token\":\"" + old.toLatin1() + "\"}")
                .isEmpty());
    QCOMPARE(test::sandboxCall(m_sandbox->server(), "getAccountInfo",
                               "{\"access_token\":\"" + fresh.toLatin1() + "\"}")
                 .value(QLatin1String("short_name"))
                 .toString(),
             QStringLiteral("Rev"));
    QVERIFY(!finished.isEmpty());
    const QString text = argumentsText(finished) + argumentsText(current);
    QVERIFY(!text.contains(fresh));
    QVERIFY(!text.contains(old));
    // The next operation uses the new token.
    m_manager->refreshInfo();
    QVERIFY(waitFor(done, AccountManager::Operation::Refresh, true));
    QCOMPARE(m_manager->info().shortName, QStringLiteral("Rev"));
}

void TestAccountManager::edit_changesServerAndRecord()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Ed"));
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    m_manager->importAccount(QStringLiteral("ed"), token);
    QVERIFY(waitFor(done, AccountManager::Operation::Import, true));
    QSignalSpy current(m_manager.get(), &AccountManager::currentAccountChanged);
    EditAccountRequest r;
    r.authorName = QStringLiteral("Edith");
    r.authorUrl = QStringLiteral("https://example.org/edith");
    m_manager->editCurrent(r);
    QVERIFY(waitFor(done, AccountManager::Operation::Edit, true));
    QCOMPARE(m_manager->store()->account(QStringLiteral("ed"))->authorName,
             QStringLiteral("Edith"));
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.first().at(0).value<SavedAccount>().authorName, QStringLiteral("Edith"));
    const QJsonObject info = test::sandboxCall(m_sandbox->server(), "getAccountInfo",
                                               "{\"access_token\":\"" + token.toLatin1() + "\"}");
    QCOMPARE(info.value(QLatin1String("author_url")).toString(),
             QStringLiteral("https://example.org/edith"));
}

void TestAccountManager::loginLink_isHandedOnNotKept()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Log"));
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    m_manager->importAccount(QStringLiteral("log"), token);
    QVERIFY(waitFor(done, AccountManager::Operation::Import, true));
    QSignalSpy link(m_manager.get(), &AccountManager::loginLinkReady);
    m_manager->requestLoginLink();
    QVERIFY(waitFor(done, AccountManager::Operation::Login, true));
    QCOMPARE(link.size(), 1);
    const QUrl url = link.first().at(0).toUrl();
    QVERIFY2(url.path().contains(QLatin1String("/auth/")), qPrintable(url.toString()));
}

void TestAccountManager::refresh_reportsPageCount()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Pages"));
    test::seedSandboxPages(m_sandbox->server(), token, 3);
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    m_manager->importAccount(QStringLiteral("pages"), token);
    QVERIFY(waitFor(done, AccountManager::Operation::Import, true));
    // Making it current refreshes its details by itself.
    QVERIFY(waitFor(done, AccountManager::Operation::Refresh, true));
    QVERIFY(m_manager->info().known);
    QCOMPARE(m_manager->info().pageCount, 3);
}

void TestAccountManager::removeCurrent_leavesNoneCurrent()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Gone"));
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    m_manager->importAccount(QStringLiteral("gone"), token);
    QVERIFY(waitFor(done, AccountManager::Operation::Import, true));
    QSignalSpy current(m_manager.get(), &AccountManager::currentAccountChanged);
    m_manager->removeCurrent();
    QVERIFY(waitFor(done, AccountManager::Operation::Remove, true));
    QVERIFY(m_manager->currentName().isEmpty());
    QCOMPARE(current.size(), 1);
    QVERIFY(current.first().at(0).value<SavedAccount>().name.isEmpty());
    QVERIFY(m_client->accessToken().isEmpty());
    QVERIFY(m_manager->accounts().isEmpty());
    QCOMPARE(m_secrets->readSecretSync(AccountStore::secretKey(QStringLiteral("gone"))).status,
             SecretStore::Status::NotFound);
    // Without a current account the operations that need one say so.
    QString message;
    m_manager->revokeCurrent();
    QVERIFY(waitFor(done, AccountManager::Operation::Revoke, false, &message));
    QVERIFY(!message.isEmpty());
}

void TestAccountManager::restart_restoresRememberedAccount()
{
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    CreateAccountRequest r;
    r.shortName = QStringLiteral("A");
    m_manager->createAccount(QStringLiteral("alpha"), r);
    QVERIFY(waitFor(done, AccountManager::Operation::Create, true));
    r.shortName = QStringLiteral("Z");
    m_manager->createAccount(QStringLiteral("zeta"), r);
    QVERIFY(waitFor(done, AccountManager::Operation::Create, true));
    const QString zetaToken = m_client->accessToken();
    m_manager.reset();
    m_settings->sync();

    // A new client, store and manager on the same folder and settings.
    m_client->setAccessToken(QString());
    m_secrets = std::make_unique<FileSecretStore>(m_dir->filePath(AccountStore::tokenFileName()));
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_manager = makeManager();
    QSignalSpy again(m_manager.get(), &AccountManager::operationFinished);
    QVERIFY(m_manager->restoreCurrent());
    QVERIFY(waitFor(again, AccountManager::Operation::Select, true));
    QCOMPARE(m_manager->currentName(), QStringLiteral("zeta")); // not the first by name
    QCOMPARE(m_client->accessToken(), zetaToken);
    QCOMPARE(m_manager->accounts().size(), 2);
}

TG_TEST_MAIN_CORE(TestAccountManager)
#include "tst_accountmanager.moc"
