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
#include "workflow/accountmanager.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMetaProperty>
#include <QPushButton>
#include <QSettings>
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
    void revoke_noObjectButClientHoldsToken();
    void busy_disablesButtons();
    void choice_noKeychain_asksAndHonoursChoice_data();
    void choice_noKeychain_asksAndHonoursChoice();
    void choice_noKeychain_cancelled_declines();
    void choice_realKeychain_usedWhenItWorks_elseAsks();

private:
    bool waitOperation(QSignalSpy &spy, bool expectOk);
    /// Imports a seeded account through the manager and waits until it is current.
    bool importCurrent(const QString &name, const QString &token);

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TelegraphClient> m_client;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AccountManager> m_manager;
    AccountStore *m_store = nullptr;
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
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_manager = std::make_unique<AccountManager>(m_client.get(), m_secrets.get(), m_dir->path(),
                                                 m_settings.get());
    m_store = m_manager->store();
    m_panel = std::make_unique<AccountPanel>(m_manager.get());
    m_confirmAnswer = true;
    m_opened.clear();
    m_panel->setConfirmer([this](const QString &) { return m_confirmAnswer; });
    m_panel->setUrlOpener([this](const QUrl &url) { m_opened.append(url); });
    m_panel->show();
}

void TestAccounts::cleanup()
{
    m_panel.reset();
    m_store = nullptr;
    m_manager.reset();
    m_settings.reset();
    m_secrets.reset();
    m_client.reset();
    m_dir.reset();
}

bool TestAccounts::waitOperation(QSignalSpy &spy, bool expectOk)
{
    // The outcome of the operation asked (details refreshed meanwhile are not it).
    const auto outcome = [&spy]() -> const QList<QVariant> * {
        for (const QList<QVariant> &call : std::as_const(spy)) {
            if (call.at(0).value<AccountManager::Operation>() != AccountManager::Operation::Refresh)
                return &call;
        }
        return nullptr;
    };
    while (!outcome()) {
        if (!spy.wait(10000))
            return false;
    }
    return outcome()->at(1).toBool() == expectOk;
}

bool TestAccounts::importCurrent(const QString &name, const QString &token)
{
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    m_manager->importAccount(name, token);
    return waitOperation(done, true) && m_panel->currentName() == name;
}

void TestAccounts::create_savesAccountAndMakesItCurrent()
{
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    QSignalSpy current(m_manager.get(), &AccountManager::currentAccountChanged);
    CreateAccountRequest r;
    r.shortName = QStringLiteral("Blog");
    r.authorName = QStringLiteral("Anna");
    m_manager->createAccount(QStringLiteral("blog"), r);
    QVERIFY(waitOperation(done, true));
    QTRY_COMPARE_WITH_TIMEOUT(current.size(), 1, 10000);
    QCOMPARE(current.first().at(0).value<SavedAccount>().authorName, QStringLiteral("Anna"));
    QCOMPARE(current.first().size(), 1); // the account only, no token
    // The current account's token is the client's (set by the manager), and the saved one.
    const QString token = m_client->accessToken();
    QCOMPARE(token.size(), 60);
    QCOMPARE(m_panel->currentName(), QStringLiteral("blog"));
    QCOMPARE(m_panel->list()->count(), 1);
    QCOMPARE(m_panel->list()->currentItem()->text(), QStringLiteral("blog"));
    QCOMPARE(m_panel->statusLabel()->text(), QStringLiteral("Account blog created."));
    QCOMPARE(m_secrets->readSecretSync(AccountStore::secretKey(QStringLiteral("blog"))).secret,
             token);
}

void TestAccounts::create_takenName_isRefused()
{
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    CreateAccountRequest r;
    r.shortName = QStringLiteral("One");
    m_manager->createAccount(QStringLiteral("same"), r);
    QVERIFY(waitOperation(done, true));
    QTRY_VERIFY(!m_manager->isBusy());
    done.clear();
    m_manager->createAccount(QStringLiteral("same"), r);
    QVERIFY(waitOperation(done, false));
    QVERIFY(m_panel->statusLabel()->text().contains(QLatin1String("same")));
    done.clear();
    m_manager->createAccount(QStringLiteral("bad name!"), r);
    QVERIFY(waitOperation(done, false));
    QCOMPARE(m_store->accounts().size(), 1);
}

void TestAccounts::import_validToken_savesWithServerFields()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Channel"));
    QVERIFY(importCurrent(QStringLiteral("channel"), token));
    const auto saved = m_store->account(QStringLiteral("channel"));
    QVERIFY(saved.has_value());
    QCOMPARE(saved->shortName, QStringLiteral("Channel"));
    QCOMPARE(m_client->accessToken(), token);
}

void TestAccounts::import_invalidToken_isRefusedAndNothingSaved()
{
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    m_manager->importAccount(QStringLiteral("nope"), QString(60, QLatin1Char('d')));
    QVERIFY(waitOperation(done, false));
    QVERIFY2(m_panel->statusLabel()->text().contains(QLatin1String("not accepted")),
             qPrintable(m_panel->statusLabel()->text()));
    QCOMPARE(m_panel->list()->count(), 0);
    QVERIFY(!m_store->account(QStringLiteral("nope")).has_value());
    QVERIFY(m_secrets->readSecretSync(AccountStore::secretKey(QStringLiteral("nope"))).status ==
            SecretStore::Status::NotFound);
}

void TestAccounts::edit_changesServerAndRecord()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Ed"));
    QVERIFY(importCurrent(QStringLiteral("ed"), token));
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    EditAccountRequest r;
    r.authorName = QStringLiteral("Edith");
    r.authorUrl = QStringLiteral("https://example.org/edith");
    m_manager->editCurrent(r);
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
    QVERIFY(importCurrent(QStringLiteral("pages"), token));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->infoLabel()->text().contains(QLatin1String("3 page")), 10000);
}

void TestAccounts::login_opensFreshAuthUrl()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Log"));
    QVERIFY(importCurrent(QStringLiteral("log"), token));
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    m_panel->openLogin();
    QVERIFY(waitOperation(done, true));
    QCOMPARE(m_opened.size(), 1);
    QVERIFY2(m_opened.first().path().contains(QLatin1String("/auth/")),
             qPrintable(m_opened.first().toString()));
}

void TestAccounts::revoke_confirmed_replacesStoredToken()
{
    const QString old = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Rev"));
    QVERIFY(importCurrent(QStringLiteral("rev"), old));
    QCOMPARE(m_client->accessToken(), old);
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    m_confirmAnswer = true;
    m_panel->revokeCurrent();
    QVERIFY(waitOperation(done, true));
    const QString fresh = m_client->accessToken();
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
    QVERIFY(importCurrent(QStringLiteral("keep"), token));
    QCOMPARE(m_client->accessToken(), token);
    m_confirmAnswer = false;
    QSignalSpy handled(m_sandbox->server(), &sandbox::Server::requestHandled);
    QSignalSpy busy(m_manager.get(), &AccountManager::busyChanged);
    m_panel->revokeCurrent();
    QTest::qWait(100);
    QVERIFY(busy.isEmpty()); // nothing was started
    QCOMPARE(m_client->accessToken(), token);
    QCOMPARE(m_secrets->readSecretSync(AccountStore::secretKey(QStringLiteral("keep"))).secret,
             token);
    for (const QList<QVariant> &call : std::as_const(handled))
        QVERIFY(!call.at(1).toByteArray().contains("revokeAccessToken"));
}

void TestAccounts::remove_confirmed_forgetsAccountAndToken()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Gone"));
    QVERIFY(importCurrent(QStringLiteral("gone"), token));
    QSignalSpy current(m_manager.get(), &AccountManager::currentAccountChanged);
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    m_panel->removeCurrent();
    QVERIFY(waitOperation(done, true));
    QVERIFY(!m_store->account(QStringLiteral("gone")).has_value());
    QCOMPARE(m_panel->list()->count(), 0);
    QVERIFY(m_panel->currentName().isEmpty());
    QVERIFY(current.last().at(0).value<SavedAccount>().name.isEmpty());
    QVERIFY(m_client->accessToken().isEmpty());
    QVERIFY(m_panel->infoLabel()->text().isEmpty());
    QCOMPARE(m_secrets->readSecretSync(AccountStore::secretKey(QStringLiteral("gone"))).status,
             SecretStore::Status::NotFound);
}

void TestAccounts::revoke_noObjectButClientHoldsToken()
{
    const QString old = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Only"));
    QVERIFY(importCurrent(QStringLiteral("only"), old));
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    m_confirmAnswer = true;
    m_panel->revokeCurrent();
    QVERIFY(waitOperation(done, true));
    const QString fresh = m_client->accessToken();
    QCOMPARE(fresh.size(), 60);
    QVERIFY(fresh != old);
    // No widget of the panel and no property of any of its objects shows either token.
    QList<QObject *> objects = m_panel->findChildren<QObject *>();
    objects << m_panel.get() << m_manager.get();
    for (QObject *o : std::as_const(objects)) {
        const QMetaObject *meta = o->metaObject();
        for (int i = 0; i < meta->propertyCount(); ++i) {
            const QString value = meta->property(i).read(o).toString();
            QVERIFY2(!value.contains(old) && !value.contains(fresh),
                     qPrintable(QStringLiteral("%1.%2").arg(
                         QString::fromLatin1(meta->className()),
                         QString::fromLatin1(meta->property(i).name()))));
        }
        for (const QByteArray &name : o->dynamicPropertyNames())
            QVERIFY(!o->property(name.constData()).toString().contains(fresh));
    }
    for (QLabel *label : m_panel->findChildren<QLabel *>())
        QVERIFY(!label->text().contains(fresh));
    QVERIFY(m_panel->findChildren<QLineEdit *>().isEmpty());
    QCOMPARE(m_secrets->readSecretSync(AccountStore::secretKey(QStringLiteral("only"))).secret,
             fresh);
}

void TestAccounts::busy_disablesButtons()
{
    const QString token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("Busy"));
    QVERIFY(importCurrent(QStringLiteral("busy"), token));
    QTRY_VERIFY(!m_manager->isBusy());
    const QList<QPushButton *> buttons = m_panel->findChildren<QPushButton *>();
    QCOMPARE(buttons.size(), 6);
    for (QPushButton *b : buttons)
        QVERIFY2(b->isEnabled(), qPrintable(b->text()));
    QSignalSpy done(m_manager.get(), &AccountManager::operationFinished);
    m_manager->requestLoginLink();
    QVERIFY(m_manager->isBusy());
    for (QPushButton *b : buttons)
        QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
    QVERIFY(waitOperation(done, true));
    for (QPushButton *b : buttons)
        QVERIFY2(b->isEnabled(), qPrintable(b->text()));
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
