// SPDX-License-Identifier: MIT
// The first start of the whole app: the server question asked inside the main window (a welcome
// view over the editor) and what each answer leads to, against a real sandbox server standing in
// for telegra.ph (a custom server URL in the settings) and the in-app sandbox.
#include "../pages/sandboxseed.h"
#include "accounts/accountdialog.h"
#include "accounts/accountpanel.h"
#include "accounts/accountworkspace.h"
#include "accounts/secretstorechoice.h"
#include "accounts/welcomeview.h"
#include "api/telegraphclient.h"
#include "desktop/desktopapp.h"
#include "editor/editorpane.h"
#include "sandboxapp.h"
#include "sandboxfixture.h"
#include "testmain.h"
#include "window/mainwindow.h"
#include "window/messagearea.h"
#include "workflow/accountmanager.h"
#include "workflow/appsettings.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace tg;
using namespace Qt::StringLiterals;

namespace {

const QString NoAccountYet = u"No Telegraph account yet"_s;

/// The texts the message area shows now (hidden lines keep their text but do not count).
QStringList shownMessages(MainWindow *w)
{
    QStringList texts;
    if (!w->messages()->isVisible())
        return texts;
    for (MessageLine *line : w->messages()->findChildren<MessageLine *>()) {
        if (line->isVisible())
            texts << line->text();
    }
    return texts;
}

bool showsMessage(MainWindow *w, const QString &part)
{
    for (const QString &text : shownMessages(w)) {
        if (text.contains(part))
            return true;
    }
    return false;
}

} // namespace

class TestFirstStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void firstStart_asksInsideTheWindow_focusedOnTheFirstChoice();
    void firstStart_returnOnTelegraph_setsUpItsAccounts_andTheHintGoesWithTheFirstAccount();
    void firstStart_sandboxChoice_connectsToTheInAppSandbox();
    void firstStart_tokenChoice_importsTheAccountByItsToken();
    void sandboxOption_andLaterStarts_askNothing();

private:
    /// A first start of the real app (no server chosen yet) whose settings point at the test's
    /// sandbox server; the app's window is shown.
    bool startFirstTime();
    WelcomeView *welcome() const { return m_app->window()->findChild<WelcomeView *>(); }

    std::unique_ptr<test::SandboxFixture> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DesktopApp> m_app;
    QString m_data;
    QByteArray m_bus;
    /// Answers the "where to keep tokens" question (no keychain here) with a file, and the import
    /// dialog with m_importToken.
    QTimer m_answer;
    int m_secretQuestions = 0;
    int m_importDialogs = 0;
    QString m_importToken;
};

void TestFirstStart::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = std::make_unique<test::SandboxFixture>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    m_answer.setInterval(20);
    connect(&m_answer, &QTimer::timeout, this, [this] {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *d = qobject_cast<SecretStoreChoiceDialog *>(modal)) {
            ++m_secretQuestions;
            d->setChoice(SecretStoreChoiceDialog::Choice::File);
            d->accept();
        } else if (auto *d = qobject_cast<AccountDialog *>(modal)) {
            ++m_importDialogs;
            if (!d->tokenEdit()->isVisible()) {
                d->reject(); // not the import: counted, and the test fails on the count
                return;
            }
            d->nameEdit()->setText(u"mine"_s);
            d->tokenEdit()->setText(m_importToken);
            d->accept();
        }
    });
}

void TestFirstStart::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // No Secret Service: the app asks where to keep tokens (answered with a file in the config
    // folder, which is the test's).
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/telegraph-test-bus");
    qputenv("TELEGRAPH_CONFIG_DIR", m_dir->filePath(u"config"_s).toUtf8());
    m_data = m_dir->filePath(u"data"_s);
    qputenv("TELEGRAPH_DESKTOP_DATA_DIR", m_data.toUtf8());
    m_secretQuestions = 0;
    m_importDialogs = 0;
    m_importToken.clear();
    m_answer.start();
}

void TestFirstStart::cleanup()
{
    m_answer.stop();
    if (m_app)
        m_app->shutdown();
    m_app.reset();
    qunsetenv("TELEGRAPH_DESKTOP_DATA_DIR");
    qunsetenv("TELEGRAPH_CONFIG_DIR");
    if (m_bus.isEmpty())
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    else
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_bus);
    m_dir.reset();
}

bool TestFirstStart::startFirstTime()
{
    {
        // Nothing chosen yet; the server the app connects to until the choice is the test's.
        QDir().mkpath(m_data);
        QSettings settings(QDir(m_data).filePath(u"settings.ini"_s), QSettings::IniFormat);
        ServerChoice choice;
        choice.server = u"custom"_s;
        choice.customUrl = m_server->url().toString();
        choice.chosen = false;
        choice.save(settings);
    }
    m_app = std::make_unique<DesktopApp>(DesktopApp::Options());
    QString error;
    if (!m_app->start(&error)) {
        qWarning() << error;
        return false;
    }
    return QTest::qWaitForWindowExposed(m_app->window());
}

void TestFirstStart::firstStart_asksInsideTheWindow_focusedOnTheFirstChoice()
{
    QVERIFY(startFirstTime());
    MainWindow *w = m_app->window();
    WelcomeView *view = welcome();
    QVERIFY2(view, "no welcome view in the main window");
    // Part of the window, over its central area, not a window of its own.
    QVERIFY(!view->isWindow());
    QCOMPARE(view->window(), w);
    QVERIFY(view->isVisible());
    QCOMPARE(view->geometry(), w->centralWidget()->geometry());
    QVERIFY(!w->centralWidget()->isEnabled()); // the editor under it takes no keys meanwhile
    // The window has a size to work in, on the screen.
    const QRect screen = w->screen()->availableGeometry();
    const QSize expected = QSize(1200, 800).boundedTo(screen.size() * 0.9);
    QVERIFY2(w->width() >= expected.width() && w->height() >= expected.height(),
             qPrintable(u"%1×%2 on a %3×%4 screen"_s.arg(w->width())
                            .arg(w->height())
                            .arg(screen.width())
                            .arg(screen.height())));
    QVERIFY(screen.contains(w->frameGeometry().center()));
    // Three choices, the first with the focus; nothing asked or set up before the answer.
    QAbstractButton *telegraph = view->button(WelcomeView::Choice::Telegraph);
    QVERIFY(telegraph && view->button(WelcomeView::Choice::Sandbox) &&
            view->button(WelcomeView::Choice::ImportToken));
    QTRY_COMPARE(QApplication::focusWidget(), telegraph);
    for (auto choice : {WelcomeView::Choice::Telegraph, WelcomeView::Choice::Sandbox,
                        WelcomeView::Choice::ImportToken}) {
        QAbstractButton *b = view->button(choice);
        QVERIFY(b->isVisible());
        QVERIFY(!b->accessibleName().isEmpty());
        // Its title and description are shown whole.
        QVERIFY2(b->height() >= b->heightForWidth(b->width()) &&
                     b->width() >= b->minimumSizeHint().width(),
                 qPrintable(u"“%1” is %2×%3, needs a height of %4"_s.arg(b->accessibleName())
                                .arg(b->width())
                                .arg(b->height())
                                .arg(b->heightForWidth(b->width()))));
    }
    QVERIFY(!m_app->accounts());
    QCOMPARE(m_secretQuestions, 0);

    // The first start, as the writer sees it (a test artifact).
    w->resize(1200, 800);
    QTRY_COMPARE(view->size(), w->centralWidget()->size());
    const QString file = QStringLiteral(TG_ARTIFACTS_DIR) + u"/firststart-en-100.png"_s;
    QDir().mkpath(QFileInfo(file).absolutePath());
    QVERIFY(w->grab().save(file, "PNG"));
    QVERIFY(!QImage(file).isNull());
}

void TestFirstStart::
    firstStart_returnOnTelegraph_setsUpItsAccounts_andTheHintGoesWithTheFirstAccount()
{
    QVERIFY(startFirstTime());
    MainWindow *w = m_app->window();
    QPointer<WelcomeView> view = welcome();
    QVERIFY(view);
    QTRY_COMPARE(QApplication::focusWidget(), view->button(WelcomeView::Choice::Telegraph));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(!view); // gone once answered
    QVERIFY(w->centralWidget()->isEnabled());
    const ServerChoice saved = ServerChoice::load(
        QSettings(QDir(m_data).filePath(u"settings.ini"_s), QSettings::IniFormat));
    QVERIFY(saved.chosen);
    QCOMPARE(saved.server, u"telegra.ph"_s);
    // The accounts come next: where to keep tokens is asked, then the workspace opens and says
    // there is no account yet.
    QTRY_VERIFY_WITH_TIMEOUT(m_app->accounts(), 20000);
    QCOMPARE(m_secretQuestions, 1);
    QTRY_VERIFY2(showsMessage(w, NoAccountYet), qPrintable(shownMessages(w).join(u" | "_s)));
    QCOMPARE(m_importDialogs, 0);

    // Once there is an account, the hint is gone.
    CreateAccountRequest req;
    req.shortName = u"Writer"_s;
    m_app->accounts()->manager()->createAccount(u"me"_s, req);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->accounts()->currentAccount(), u"me"_s, 20000);
    QTRY_VERIFY2(!showsMessage(w, NoAccountYet), qPrintable(shownMessages(w).join(u" | "_s)));
}

void TestFirstStart::firstStart_sandboxChoice_connectsToTheInAppSandbox()
{
    QVERIFY(startFirstTime());
    MainWindow *w = m_app->window();
    QPointer<WelcomeView> view = welcome();
    QVERIFY(view);
    // The second choice, by keyboard: Tab, then Space.
    QTRY_COMPARE(QApplication::focusWidget(), view->button(WelcomeView::Choice::Telegraph));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), view->button(WelcomeView::Choice::Sandbox));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QTRY_VERIFY(!view);
    const ServerChoice saved = ServerChoice::load(
        QSettings(QDir(m_data).filePath(u"settings.ini"_s), QSettings::IniFormat));
    QVERIFY(saved.chosen);
    QCOMPARE(saved.server, u"sandbox"_s);
    // An in-app sandbox server (not the test's), with an account made for the writer.
    QTRY_VERIFY_WITH_TIMEOUT(m_app->accounts(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->accounts()->currentAccount(), u"sandbox"_s, 20000);
    const QUrl api = m_app->accounts()->manager()->client()->settings().apiUrl;
    QCOMPARE(api.host(), u"127.0.0.1"_s);
    QVERIFY(api.port() != m_server->url().port());
    QVERIFY(w->windowTitle().contains(u"sandbox"_s));
    QVERIFY(!showsMessage(w, NoAccountYet));
    QCOMPARE(m_importDialogs, 0);
}

void TestFirstStart::firstStart_tokenChoice_importsTheAccountByItsToken()
{
    // An account the writer made elsewhere, on the server the app publishes to.
    m_importToken = test::seedSandboxAccount(m_server->server(), u"Elsewhere"_s);
    QVERIFY(!m_importToken.isEmpty());
    QVERIFY(startFirstTime());
    MainWindow *w = m_app->window();
    QPointer<WelcomeView> view = welcome();
    QVERIFY(view);
    QTRY_COMPARE(QApplication::focusWidget(), view->button(WelcomeView::Choice::Telegraph));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), view->button(WelcomeView::Choice::ImportToken));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(!view);
    const ServerChoice saved = ServerChoice::load(
        QSettings(QDir(m_data).filePath(u"settings.ini"_s), QSettings::IniFormat));
    QVERIFY(saved.chosen);
    QCOMPARE(saved.server, u"telegra.ph"_s);
    // Tokens get their place, then the import asks for the token (answered by m_answer) and
    // the account is current with it.
    QTRY_COMPARE_WITH_TIMEOUT(m_importDialogs, 1, 20000);
    QCOMPARE(m_secretQuestions, 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->accounts()->currentAccount(), u"mine"_s, 20000);
    QCOMPARE(m_app->accounts()->manager()->client()->accessToken(), m_importToken);
    QTRY_VERIFY2(!showsMessage(w, NoAccountYet), qPrintable(shownMessages(w).join(u" | "_s)));
}

void TestFirstStart::sandboxOption_andLaterStarts_askNothing()
{
    {
        // --sandbox: no question, the accounts at once.
        test::SandboxApp s(m_dir->filePath(u"sandbox-data"_s));
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        QVERIFY(!s.app->window()->findChild<WelcomeView *>());
        QVERIFY(s.app->accounts());
        QTRY_COMPARE_WITH_TIMEOUT(s.app->accounts()->currentAccount(), u"sandbox"_s, 20000);
    }
    qputenv("TELEGRAPH_DESKTOP_DATA_DIR", m_data.toUtf8());
    // A start after the choice was made asks nothing either.
    QVERIFY(startFirstTime());
    QPointer<WelcomeView> view = welcome();
    QVERIFY(view);
    view->button(WelcomeView::Choice::Telegraph)->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_app->accounts(), 20000);
    m_app->shutdown();
    m_app.reset();
    m_app = std::make_unique<DesktopApp>(DesktopApp::Options());
    QString error;
    QVERIFY2(m_app->start(&error), qPrintable(error));
    QVERIFY(!welcome());
    QTRY_VERIFY_WITH_TIMEOUT(m_app->accounts(), 20000);
}

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestFirstStart tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_firststart.moc"
