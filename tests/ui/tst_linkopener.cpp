// SPDX-License-Identifier: MIT
// Links opened from the window (message area, page list, account panel, preview) with no
// browser to start: the failure is shown with the link and a Copy Link button, sandbox links
// are mapped to where the sandbox listens now, and sandbox accounts are not offered a login on
// telegra.ph.
#include "../pages/sandboxseed.h"
#include "accounts/accountpanel.h"
#include "api/memorysecretstore.h"
#include "api/telegraphclient.h"
#include "preview/originmap.h"
#include "sandboxfixture.h"
#include "testmain.h"
#include "window/linkopener.h"
#include "window/messagearea.h"
#include "workflow/accountmanager.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace tg;

class TestLinkOpener : public QObject
{
    Q_OBJECT

    /// The dialog a failed opening shows over `window`, once it is up.
    static QMessageBox *failureDialog(QWidget *window)
    {
        return window->findChild<QMessageBox *>(LinkOpener::failureDialogName());
    }

    QTemporaryDir m_emptyPath;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // No browser can be started: nothing on PATH (no xdg-open, no browser), no $BROWSER.
        QVERIFY(m_emptyPath.isValid());
        qputenv("PATH", QFile::encodeName(m_emptyPath.path()));
        qunsetenv("BROWSER");
        QVERIFY2(!QDesktopServices::openUrl(QUrl(QStringLiteral("https://example.org/probe"))),
                 "a browser could still be started; this test needs opening to fail");
    }

    void openFromMessageArea_withoutBrowser_namesTheLinkAndCopiesIt()
    {
        QApplication::clipboard()->clear();
        MessageArea area;
        const QString url = QStringLiteral("https://telegra.ph/Field-notes-12-03");
        area.generalLine()->showDone(QStringLiteral("Published."), false, url);
        area.show();
        QToolButton *open = nullptr;
        for (QToolButton *b : area.findChildren<QToolButton *>()) {
            if (b->text() == MessageLine::tr("Open in browser"))
                open = b;
        }
        QVERIFY(open);
        QVERIFY(open->isVisible());
        open->click();

        QMessageBox *box = failureDialog(&area);
        QVERIFY2(box, "opening failed without a message");
        QTRY_VERIFY(box->isVisible());
        QVERIFY2(box->text().contains(url), qPrintable(box->text()));
        auto *copy = box->findChild<QPushButton *>(QStringLiteral("copyLink"));
        QVERIFY(copy);
        QCOMPARE(copy->text(), LinkOpener::tr("Copy Link"));
        copy->click();
        QCOMPARE(QApplication::clipboard()->text(), url);
    }

    void open_sandboxLink_isMappedToTheLiveAddressFirst()
    {
        QApplication::clipboard()->clear();
        QWidget window;
        auto *map = new OriginMap(&window);
        map->setMapping(QUrl(QStringLiteral("http://127.0.0.1:41000")),
                        QUrl(QStringLiteral("http://127.0.0.1:42000")));
        auto *child = new QWidget(&window);
        const QUrl stable(QStringLiteral("http://127.0.0.1:41000/Notes-12-03?x=1#top"));
        const QUrl live(QStringLiteral("http://127.0.0.1:42000/Notes-12-03?x=1#top"));
        QCOMPARE(LinkOpener::mapped(stable, child), live);
        // Other origins stay as they are.
        const QUrl other(QStringLiteral("http://127.0.0.1:41001/Notes-12-03"));
        QCOMPARE(LinkOpener::mapped(other, child), other);
        window.show();

        QVERIFY(!LinkOpener::open(stable, child));
        QMessageBox *box = failureDialog(&window);
        QVERIFY(box);
        QVERIFY2(box->text().contains(live.toString()), qPrintable(box->text()));
        box->findChild<QPushButton *>(QStringLiteral("copyLink"))->click();
        QCOMPARE(QApplication::clipboard()->text(), live.toString());
    }

    void sandboxAccount_isNotOfferedTheTelegraphLogin()
    {
        test::SandboxFixture sandbox;
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ClientSettings cs;
        cs.apiUrl = sandbox.url();
        cs.proxy.mode = ProxySettings::Mode::None;
        TelegraphClient client(cs);
        MemorySecretStore secrets;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        AccountManager manager(&client, &secrets, dir.path(), &settings);
        AccountPanel panel(&manager);
        panel.show();
        const QString token = test::seedSandboxAccount(sandbox.server(), QStringLiteral("Local"));
        QSignalSpy done(&manager, &AccountManager::operationFinished);
        manager.importAccount(QStringLiteral("local"), token);
        QTRY_COMPARE_WITH_TIMEOUT(manager.currentName(), QStringLiteral("local"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!manager.isBusy(), 10000);

        QPushButton *login = nullptr;
        QPushButton *edit = nullptr;
        for (QPushButton *b : panel.findChildren<QPushButton *>()) {
            if (b->text() == AccountPanel::tr("&Log in on telegra.ph"))
                login = b;
            else if (b->text() == AccountPanel::tr("&Edit…"))
                edit = b;
        }
        QVERIFY(login && edit);
        // An account of a server elsewhere (the fixture stands in for one) may log in.
        QVERIFY(login->isEnabled());
        QVERIFY(!login->toolTip().contains(QStringLiteral("sandbox")));

        // The in-app sandbox's accounts may not, and the tooltip says why.
        panel.setLocalSandbox(true);
        QVERIFY(edit->isEnabled()); // the account is current and usable
        QVERIFY(!login->isEnabled());
        QVERIFY2(login->toolTip().contains(QStringLiteral("sandbox")),
                 qPrintable(login->toolTip()));
        // It stays so when the buttons are updated (after an operation ends).
        panel.setUrlOpener([](const QUrl &) {});
        manager.requestLoginLink();
        QVERIFY(manager.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!manager.isBusy(), 10000);
        QVERIFY(edit->isEnabled());
        QVERIFY(!login->isEnabled());
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestLinkOpener tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_linkopener.moc"
