// SPDX-License-Identifier: MIT
#include "../pages/sandboxseed.h"
#include "accounts/accountpanel.h"
#include "accounts/secretstorechoice.h"
#include "api/accountstore.h"
#include "api/filesecretstore.h"
#include "api/keychainsecretstore.h"
#include "api/memorysecretstore.h"
#include "api/telegraphclient.h"
#include "keychaintest.h"
#include "sandboxfixture.h"
#include "testmain.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tg;

class TestAccounts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void create_savesAccountAndMakesItCurrent();
    void create_takenName_isRefused();
    void import_validToken_savesWithServerFields();
    void import_invalidToken_isRefusedAndNothingSaved();
    void edit_changesServerAndRecord();
    void pageCount_isShown();
    void login_opensFreshAuthUrl();
    void revoke_confirmed_replacesStoredToken();
    void revoke_declined_keepsToken();
    void remove_confirmed_forgetsAccountAndToken();
    void choice_noKeychain_asksAndHonoursChoice_data();
    void choice_noKeychain_asksAndHonoursChoice();
    void choice_noKeychain_cancelled_declines();
    void choice_realKeychain_usedWhenItWorks_elseAsks();

private:
    bool waitOperation(QSignalSpy &spy, bool expectOk);

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TelegraphClient> m_client;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<AccountStore> m_store;
    std::unique_ptr<AccountPanel> m_panel;
    bool m_confirmAnswer = true;
    QList<QUrl> m_opened;
};

void TestAccounts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<test::SandboxFixture>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

void TestAccounts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    ClientSettings s;
    s.apiUrl = m_sandbox->url();
    s.proxy.mode = ProxySettings::Mode::None;
    m_client = std::make_unique<TelegraphClient>(s);
    m_secrets = std::make_unique<MemorySecretStore>();
    m_store = std::make_unique<AccountStore>(m_dir->path(), m_secrets.get());
    m_panel = std::make_unique<AccountPanel>(m_client.get(), m_store.get());
    m_confirmAnswer = true;
    m_opened.clear();
    m_panel->setConfirmer([this](const QString &) { return m_confirmAnswer; });
    m_panel->setUrlOpener([this](const QUrl &url) { m_opened.append(url); });
    m_panel->show();
}

void TestAccounts::cleanup()
{
    m_panel.reset();
    m_store.reset();
    m_secrets.reset();
    m_client.reset();
    m_dir.reset();
}

bool TestAccounts::waitOperation(QSignalSpy &spy, bool expectOk)
{
    if (spy.isEmpty() && !spy.wait(10000))
        return false;
    return spy.last().at(0).toBool() == expectOk;
}

void TestAccounts::create_savesAccountAndMakesItCurrent()
{
    QSignalSpy done(m_panel.get(), &AccountPanel::operationFinished);
    QSignalSpy current(m_panel.get(), &AccountPanel::currentAccountChanged);
    CreateAccountRequest r;
    r.shortName = QStringLiteral("Blog");
    r.authorName = QStringLiteral("Anna");
    m_panel->createAccount(QStringLiteral("blog"), r);
    QVERIFY(waitOperation(done, true));
    QTRY_COMPARE_WITH_TIMEOUT(current.size(), 1, 10000);
    QCOMPARE(current.first().at(0).value<SavedAccount>().authorName, QStringLiteral("Anna"));
    const QString token = current.first().at(1).toString();
    QCOMPARE(token.size(), 60);
    QCOMPARE(m_panel->currentName(), QStringLiteral("blog"));
    QCOMPARE(m_panel->list()->count(), 1);
    QCOMPARE(m_secrets->readSecretSync(AccountStore::secretKey(QStringLiteral("blog"))).secret,
             token);
    QVERIFY(m_client->accessToken().isEmpty()); // the client's own token is not replaced
}

void TestAccounts::create_takenName_isRefused()
{
    QSignalSpy done(m_panel.get(), &AccountPanel::operationFinished);
    CreateAccountRequest r;
    r.shortName = QStringLiteral("One");
    m_panel->createAccount(QStringLiteral("same"), r);
    QVERIFY(waitOperation(done, true));
    done.clear();
    m_panel->createAccount(QStringLiteral("same"), r);
    QVERIFY(waitOperation(done, false));
    m_panel->createAccount(QStringLiteral("bad name!"), r);
    QCOMPARE(done.size(), 2);
    QCOMPARE(m_store->accounts().size(), 1);
}

void TestAccounts::import_validToken_savesWithServerFields()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Channel"));
    QSignalSpy done(m_panel.get(), &AccountPanel::operationFinished);
    m_panel->importAccount(QStringLiteral("channel"), token);
    QVERIFY(waitOperation(done, true));
    const auto saved = m_store->account(QStringLiteral("channel"));
    QVERIFY(saved.has_value());
    QCOMPARE(saved->shortName, QStringLiteral("Channel"));
    QTRY_COMPARE(m_panel->currentToken(), token);
}

void TestAccounts::import_invalidToken_isRefusedAndNothingSaved()
{
    QSignalSpy done(m_panel.get(), &AccountPanel::operationFinished);
    m_panel->importAccount(QStringLiteral("nope"), QString(60, QLatin1Char('d')));
    QVERIFY(waitOperation(done, false));
    QVERIFY(!m_store->account(QStringLiteral("nope")).has_value());
    QVERIFY(m_secrets->readSecretSync(AccountStore::secretKey(QStringLiteral("nope"))).status ==
            SecretStore::Status::NotFound);
}

void TestAccounts::edit_changesServerAndRecord()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Ed"));
    QSignalSpy done(m_panel.get(), &AccountPanel::operationFinished);
    m_panel->importAccount(QStringLiteral("ed"), token);
    QVERIFY(waitOperation(done, true));
    QTRY_COMPARE(m_panel->currentName(), QStringLiteral("ed"));
    done.clear();
    EditAccountRequest r;
    r.authorName = QStringLiteral("Edith");
    r.authorUrl = QStringLiteral("https://example.org/edith");
    m_panel->editCurrent(r);
    QVERIFY(waitOperation(done, true));
    QCOMPARE(m_store->account(QStringLiteral("ed"))->authorName, QStringLiteral("Edith"));
    const QJsonObject info = test::sandboxCall(m_sandbox->server(), "getAccountInfo",
                                               "{\"access_token\":\"" + token.toLatin1() + "\"}");
    QCOMPARE(info.value(QLatin1String("author_url")).toString(),
             QStringLiteral("https://example.org/edith"));
}

void TestAccounts::pageCount_isShown()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Pages"));
    test::seedSandboxPages(m_sandbox->server(), token, 3);
    QSignalSpy done(m_panel.get(), &AccountPanel::operationFinished);
    m_panel->importAccount(QStringLiteral("pages"), token);
    QVERIFY(waitOperation(done, true));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->infoLabel()->text().contains(QLatin1String("3 page")), 10000);
}

void TestAccounts::login_opensFreshAuthUrl()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Log"));
    QSignalSpy done(m_panel.get(), &AccountPanel::operationFinished);
    m_panel->importAccount(QStringLiteral("log"), token);
    QVERIFY(waitOperation(done, true));
    QTRY_COMPARE(m_panel->currentName(), QStringLiteral("log"));
    done.clear();
    m_panel->openLogin();
    QVERIFY(waitOperation(done, true));
    QCOMPARE(m_opened.size(), 1);
    QVERIFY2(m_opened.first().path().contains(QLatin1String("/auth/")),
             qPrintable(m_opened.first().toString()));
}

void TestAccounts::revoke_confirmed_replacesStoredToken()
{
    const QString old = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Rev"));
    QSignalSpy done(m_panel.get(), &AccountPanel::operationFinished);
    m_panel->importAccount(QStringLiteral("rev"), old);
    QVERIFY(waitOperation(done, true));
    QTRY_COMPARE(m_panel->currentToken(), old);
    done.clear();
    m_confirmAnswer = true;
    m_panel->revokeCurrent();
    QVERIFY(waitOperation(done, true));
    const QString fresh = m_panel->currentToken();
    QVERIFY(!fresh.isEmpty());
    QVERIFY(fresh != old);
    QCOMPARE(m_secrets->readSecretSync(AccountStore::secretKey(QStringLiteral("rev"))).secret,
             fresh);
    // The old token no longer works on the server.
    QVERIFY(test::sandboxCall(m_sandbox->server(), "getAccountInfo",
                              "{\"access_token\":\"" + old.toLatin1() + "\"}")
                .isEmpty());
}

void TestAccounts::revoke_declined_keepsToken()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Keep"));
    QSignalSpy done(m_panel.get(), &AccountPanel::operationFinished);
    m_panel->importAccount(QStringLiteral("keep"), token);
    QVERIFY(waitOperation(done, true));
    QTRY_COMPARE(m_panel->currentToken(), token);
    m_confirmAnswer = false;
    QSignalSpy handled(m_sandbox->server(), &sandbox::Server::requestHandled);
    m_panel->revokeCurrent();
    QTest::qWait(100);
    QCOMPARE(m_panel->currentToken(), token);
    for (const QList<QVariant> &call : std::as_const(handled))
        QVERIFY(!call.at(1).toByteArray().contains("revokeAccessToken"));
}

void TestAccounts::remove_confirmed_forgetsAccountAndToken()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Gone"));
    QSignalSpy done(m_panel.get(), &AccountPanel::operationFinished);
    m_panel->importAccount(QStringLiteral("gone"), token);
    QVERIFY(waitOperation(done, true));
    QTRY_COMPARE(m_panel->currentName(), QStringLiteral("gone"));
    QSignalSpy current(m_panel.get(), &AccountPanel::currentAccountChanged);
    done.clear();
    m_panel->removeCurrent();
    QVERIFY(waitOperation(done, true));
    QVERIFY(!m_store->account(QStringLiteral("gone")).has_value());
    QCOMPARE(m_panel->list()->count(), 0);
    QVERIFY(m_panel->currentName().isEmpty());
    QCOMPARE(current.last().at(1).toString(), QString());
    QCOMPARE(m_secrets->readSecretSync(AccountStore::secretKey(QStringLiteral("gone"))).status,
             SecretStore::Status::NotFound);
}

void TestAccounts::choice_noKeychain_asksAndHonoursChoice_data()
{
    QTest::addColumn<bool>("file");
    QTest::newRow("session only") << false;
    QTest::newRow("0600 file") << true;
}

void TestAccounts::choice_noKeychain_asksAndHonoursChoice()
{
    QFETCH(bool, file);
    SecretStoreChoice choice(nullptr, m_dir->path());
    QString askedReason;
    choice.setAsker([&](const QString &reason, const QString &) {
        askedReason = reason;
        return std::optional(file ? SecretStoreChoiceDialog::Choice::File
                                  : SecretStoreChoiceDialog::Choice::SessionOnly);
    });
    QSignalSpy chosen(&choice, &SecretStoreChoice::chosen);
    choice.resolve();
    QCOMPARE(chosen.size(), 1);
    QVERIFY(!askedReason.isEmpty()); // never a silent fallback
    SecretStore *store = choice.store();
    QVERIFY(store);
    QCOMPARE(store->backendName(), file ? QStringLiteral("file") : QStringLiteral("memory"));
    QCOMPARE(store->isPersistent(), file);
    QVERIFY(store->writeSecretSync(QStringLiteral("k"), QStringLiteral("secret")).ok());
    QCOMPARE(store->readSecretSync(QStringLiteral("k")).secret, QStringLiteral("secret"));
    const QString path = m_dir->filePath(SecretStoreChoice::tokenFileName());
    QCOMPARE(QFile::exists(path), file);
    if (file)
        QCOMPARE(QFile::permissions(path) &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
}

void TestAccounts::choice_noKeychain_cancelled_declines()
{
    SecretStoreChoice choice(nullptr, m_dir->path());
    choice.setAsker([](const QString &, const QString &) {
        return std::optional<SecretStoreChoiceDialog::Choice>();
    });
    QSignalSpy declined(&choice, &SecretStoreChoice::declined);
    choice.resolve();
    QCOMPARE(declined.size(), 1);
    QVERIFY(!choice.store());
}

void TestAccounts::choice_realKeychain_usedWhenItWorks_elseAsks()
{
    KeychainSecretStore keychain(QStringLiteral("telegraph-desktop-test"));
    const SecretStore::Result available = keychain.checkAvailableSync();
    SecretStoreChoice choice(&keychain, m_dir->path());
    int asked = 0;
    choice.setAsker([&asked](const QString &, const QString &) {
        ++asked;
        return std::optional(SecretStoreChoiceDialog::Choice::SessionOnly);
    });
    QSignalSpy chosen(&choice, &SecretStoreChoice::chosen);
    choice.resolve();
    QTRY_COMPARE_WITH_TIMEOUT(chosen.size(), 1, 10000);
    if (!available.ok()) {
        QCOMPARE(asked, 1);
        QCOMPARE(choice.store()->backendName(), QStringLiteral("memory"));
        TG_KEYCHAIN_MISSING(
            QStringLiteral("no Secret Service here (run under dbus-run-session with "
                           "gnome-keyring for the keychain half, as scripts/test.sh does)"));
    }
    QCOMPARE(asked, 0);
    QCOMPARE(choice.store(), &keychain);
    AccountStore store(m_dir->path(), &keychain);
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Key"));
    SavedAccount a;
    a.name = QStringLiteral("keychain-test");
    a.shortName = QStringLiteral("Key");
    QSignalSpy saved(this, &QObject::objectNameChanged);
    bool ok = false;
    store.save(a, token, [&](const SecretStore::Result &r) {
        ok = r.ok();
        setObjectName(QStringLiteral("saved"));
    });
    QVERIFY(saved.wait(10000));
    QVERIFY(ok);
    QCOMPARE(keychain.readSecretSync(AccountStore::secretKey(a.name)).secret, token);
    QVERIFY(keychain.removeSecretSync(AccountStore::secretKey(a.name)).ok());
}

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestAccounts tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_accounts.moc"
