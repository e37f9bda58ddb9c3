// SPDX-License-Identifier: MIT
// The whole desktop app with its in-app sandbox: accounts, the page list and the statistics
// docked into the main window and following the current account.
#include "accounts/accountpanel.h"
#include "accounts/accountworkspace.h"
#include "accounts/backupdialog.h"
#include "accounts/secretstorechoice.h"
#include "api/accountstore.h"
#include "api/apirequests.h"
#include "api/imagehostconfig.h"
#include "api/telegraphclient.h"
#include "desktop/desktopapp.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "feedserver.h"
#include "pages/pagelistmodel.h"
#include "pages/pagelistsync.h"
#include "pages/pagelistwidget.h"
#include "pages/statswidget.h"
#include "sandboxapp.h"
#include "sandboxfixture.h"
#include "storage/draftstore.h"
#include "testmain.h"
#include "window/mainwindow.h"
#include "window/publishbar.h"
#include "workflow/accountmanager.h"
#include "workflow/appsettings.h"
#include "workflow/draftsession.h"
#include "workflow/publishflow.h"
#include "workflow/unpublishflow.h"
#include "workflow/updatechecker.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMetaProperty>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace tg;

namespace {

using test::SandboxApp;

QStringList pageTitles(PageListModel *model)
{
    QStringList titles;
    for (const Page &p : model->pages())
        titles << p.title;
    return titles;
}

/// Publishes the open draft, retrying while the account is still being set up.
bool publishOpenDraft(MainWindow *w)
{
    QSignalSpy spy(w, &MainWindow::publishFinished);
    w->publish();
    if (!spy.wait(20000))
        return false;
    return spy.first().first().value<PublishResult>().ok;
}

/// The current account's token: the client's (the manager set it).
QString currentToken(AccountWorkspace *ws)
{
    return ws->manager()->client()->accessToken();
}

} // namespace

class TestDesktopApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sandbox_docksPanelsAndCreatesAnAccount()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxApp s(dir.filePath(QStringLiteral("data")));
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        MainWindow *w = s.app->window();
        AccountWorkspace *ws = s.app->accounts();
        QVERIFY(ws);
        QTRY_COMPARE_WITH_TIMEOUT(ws->currentAccount(), QStringLiteral("sandbox"), 20000);
        QVERIFY(!currentToken(ws).isEmpty());
        QCOMPARE(ws->accountPanel()->list()->count(), 1);

        QStringList docks;
        for (QDockWidget *d : w->findChildren<QDockWidget *>())
            docks << d->objectName();
        QVERIFY2(docks.contains(QStringLiteral("accountPanelDock")),
                 qPrintable(docks.join(QLatin1Char(','))));
        QVERIFY(docks.contains(QStringLiteral("pageListDock")));
        QVERIFY(docks.contains(QStringLiteral("statsDock")));
        QVERIFY(w->accountMenu()->actions().contains(ws->backupAction()));
        QVERIFY(ws->backupAction()->isEnabled());
        ws->backupAction()->trigger();
        QVERIFY(ws->backupDialog());
        QVERIFY(ws->backupDialog()->folderEdit()->text().contains(QStringLiteral("sandbox")));
        ws->backupDialog()->reject();

        // The token is in the sandbox's own 0600 file, not in the settings.
        const QString tokens =
            dir.filePath(QStringLiteral("data/sandbox/sandbox-accounts/tokens.json"));
        QVERIFY(QFileInfo::exists(tokens));
        QCOMPARE(QFile::permissions(tokens) & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
        QSettings settings(dir.filePath(QStringLiteral("data/sandbox/settings.ini")),
                           QSettings::IniFormat);
        QVERIFY(!settings.contains(QStringLiteral("sandbox/token")));
    }

    void revoke_leavesTheTokenOnlyInTheClientAndStore()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxApp s(dir.filePath(QStringLiteral("data")));
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        MainWindow *w = s.app->window();
        AccountWorkspace *ws = s.app->accounts();
        QTRY_COMPARE_WITH_TIMEOUT(ws->currentAccount(), QStringLiteral("sandbox"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!ws->manager()->isBusy(), 20000);
        const QString old = currentToken(ws);
        QCOMPARE(old.size(), 60);
        QSignalSpy done(ws->manager(), &AccountManager::operationFinished);
        ws->accountPanel()->setConfirmer([](const QString &) { return true; });
        ws->accountPanel()->revokeCurrent();
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(done.cbegin(), done.cend(),
                        [](const QList<QVariant> &call) {
                            return call.at(0).value<AccountManager::Operation>() ==
                                       AccountManager::Operation::Revoke &&
                                   call.at(1).toBool();
                        }),
            20000);
        const QString fresh = currentToken(ws);
        QCOMPARE(fresh.size(), 60);
        QVERIFY(fresh != old);
        QCOMPARE(ws->manager()
                     ->store()
                     ->secrets()
                     ->readSecretSync(AccountStore::secretKey(QStringLiteral("sandbox")))
                     .secret,
                 fresh);
        // No object of the window (panels, docks, dialogs, the editor) shows or keeps either
        // token in a property or a text.
        QList<QObject *> objects = w->findChildren<QObject *>();
        objects << w << ws << ws->manager();
        for (QObject *o : std::as_const(objects)) {
            const QMetaObject *meta = o->metaObject();
            for (int i = 0; i < meta->propertyCount(); ++i) {
                const QMetaProperty p = meta->property(i);
                const QString value = p.read(o).toString();
                QVERIFY2(!value.contains(old) && !value.contains(fresh),
                         qPrintable(QString::fromLatin1(meta->className()) + QLatin1Char('.') +
                                    QString::fromLatin1(p.name())));
            }
            for (const QByteArray &name : o->dynamicPropertyNames()) {
                const QString value = o->property(name.constData()).toString();
                QVERIFY(!value.contains(old) && !value.contains(fresh));
            }
        }
        // Publishing works with the new token.
        w->editorPane()->titleEdit()->setText(QStringLiteral("After revoking"));
        w->editorPane()->editor()->setPlainText(QStringLiteral("Still here."));
        QVERIFY(publishOpenDraft(w));
    }

    void publishedPage_showsInTheListWithStatistics_andOpensItsDraft()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxApp s(dir.filePath(QStringLiteral("data")));
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        MainWindow *w = s.app->window();
        AccountWorkspace *ws = s.app->accounts();
        QTRY_COMPARE_WITH_TIMEOUT(ws->currentAccount(), QStringLiteral("sandbox"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!ws->pageSync()->isRefreshing(), 20000);

        w->editorPane()->titleEdit()->setText(QStringLiteral("Field notes"));
        w->editorPane()->editor()->setPlainText(QStringLiteral("Seen today: **three** herons."));
        QVERIFY(publishOpenDraft(w));
        const QString draftId = w->session()->draft().id;
        const QString path = w->session()->draft().pagePath;
        QVERIFY(!path.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(pageTitles(ws->pageModel()),
                                  QStringList{QStringLiteral("Field notes")}, 20000);

        // Selecting the page shows its statistics.
        PageListWidget *list = ws->pageList();
        list->view()->selectRow(0);
        QCOMPARE(ws->stats()->pagePath(), path);

        // "Open in editor" opens the draft the page came from, not a copy.
        w->newDraft();
        QVERIFY(w->session()->draft().id != draftId);
        list->openInEditorAction()->trigger();
        QCOMPARE(w->session()->draft().id, draftId);
        QCOMPARE(w->editorPane()->title(), QStringLiteral("Field notes"));
    }

    void unpublishFromThePageList_thenPublishTheRevisionBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxApp s(dir.filePath(QStringLiteral("data")));
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        MainWindow *w = s.app->window();
        AccountWorkspace *ws = s.app->accounts();
        QTRY_COMPARE_WITH_TIMEOUT(ws->currentAccount(), QStringLiteral("sandbox"), 20000);
        const QString original =
            QStringLiteral("## Plans\n\nMeet at *noon* by the [pier](https://example.org/pier).");
        w->editorPane()->titleEdit()->setText(QStringLiteral("Plans"));
        w->editorPane()->editor()->setPlainText(original);
        QVERIFY(publishOpenDraft(w));
        const QString draftId = w->session()->draft().id;
        const QString path = w->session()->draft().pagePath;
        QTRY_COMPARE_WITH_TIMEOUT(ws->pageModel()->rowCount(), 1, 20000);

        // Cancelling the confirmation changes nothing.
        int asked = 0;
        ws->setNoticeAsker([&](const Page &page) {
            ++asked;
            return page.path == path ? QString() : QStringLiteral("wrong page");
        });
        ws->pageList()->view()->selectRow(0);
        ws->pageList()->unpublishAction()->trigger();
        QCOMPARE(asked, 1);
        QVERIFY(!ws->unpublisher()->isBusy());

        ws->setNoticeAsker([](const Page &) { return QStringLiteral("Plans changed."); });
        QSignalSpy unpublished(ws->unpublisher(), &PublishFlow::finished);
        ws->pageList()->unpublishAction()->trigger();
        QVERIFY(unpublished.wait(20000));
        const PublishResult result = unpublished.first().first().value<PublishResult>();
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(result.draftId, draftId); // the page's own draft
        QTRY_VERIFY_WITH_TIMEOUT(w->publishBar()->text().contains(QStringLiteral("is unpublished")),
                                 10000);
        // The editor still holds the text; the list shows the notice as the page's description.
        QCOMPARE(w->editorPane()->body(), original);
        QTRY_COMPARE_WITH_TIMEOUT(ws->pageModel()->page(0).description,
                                  QStringLiteral("Plans changed."), 20000);
        const qint64 revisionId = result.revisionId;

        // Publishing back from the draft's revisions: restore into the editor, then update.
        w->newDraft();
        w->editPage(path);
        QCOMPARE(w->session()->draft().id, draftId);
        w->editorPane()->editor()->setPlainText(QStringLiteral("Something else entirely."));
        DraftStore reader;
        QVERIFY(reader.open(dir.filePath(QStringLiteral("data/sandbox/drafts.sqlite"))));
        const std::optional<Revision> kept = reader.revision(revisionId);
        QVERIFY(kept);
        QCOMPARE(kept->draftId, draftId);
        w->restoreRevision(*kept);
        QCOMPARE(w->editorPane()->body().trimmed(), original); // as Markdown writes it
        QVERIFY(publishOpenDraft(w));
        QTRY_VERIFY_WITH_TIMEOUT(
            ws->pageModel()->page(0).description.contains(QStringLiteral("noon")), 20000);
    }

    void switchingAccounts_switchesListTokenAndAuthor_andIsRemembered()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString firstToken;
        {
            SandboxApp s(dir.filePath(QStringLiteral("data")));
            QString error;
            QVERIFY2(s.app->start(&error), qPrintable(error));
            MainWindow *w = s.app->window();
            AccountWorkspace *ws = s.app->accounts();
            QTRY_COMPARE_WITH_TIMEOUT(ws->currentAccount(), QStringLiteral("sandbox"), 20000);
            firstToken = currentToken(ws);
            w->editorPane()->titleEdit()->setText(QStringLiteral("First account's page"));
            w->editorPane()->editor()->setPlainText(QStringLiteral("Hello."));
            QVERIFY(publishOpenDraft(w));
            QTRY_COMPARE_WITH_TIMEOUT(ws->pageModel()->rowCount(), 1, 20000);

            CreateAccountRequest req;
            req.shortName = QStringLiteral("Pen");
            req.authorName = QStringLiteral("A. Pen Name");
            req.authorUrl = QStringLiteral("https://example.org/pen");
            QTRY_VERIFY(!ws->manager()->isBusy());
            ws->manager()->createAccount(QStringLiteral("pen"), req);
            QTRY_COMPARE_WITH_TIMEOUT(ws->currentAccount(), QStringLiteral("pen"), 20000);
            const QString penToken = currentToken(ws);
            QVERIFY(!penToken.isEmpty());
            QVERIFY(penToken != firstToken);
            // The new account has no pages: the list follows it.
            QTRY_VERIFY_WITH_TIMEOUT(!ws->pageSync()->isRefreshing(), 20000);
            QCOMPARE(ws->pageModel()->rowCount(), 0);
            // New drafts take the account's author.
            w->newDraft();
            QCOMPARE(w->session()->draft().authorName, QStringLiteral("A. Pen Name"));
            QCOMPARE(w->session()->draft().authorUrl, QStringLiteral("https://example.org/pen"));
            // Publishing now uses the pen account's token: its list gets the page.
            w->editorPane()->titleEdit()->setText(QStringLiteral("Pen page"));
            w->editorPane()->editor()->setPlainText(QStringLiteral("By the pen."));
            QVERIFY(publishOpenDraft(w));
            QTRY_COMPARE_WITH_TIMEOUT(pageTitles(ws->pageModel()),
                                      QStringList{QStringLiteral("Pen page")}, 20000);

            // Back to the first account: its list again, shown from the cache at once.
            ws->manager()->selectAccount(QStringLiteral("sandbox"));
            QTRY_COMPARE_WITH_TIMEOUT(ws->currentAccount(), QStringLiteral("sandbox"), 20000);
            QCOMPARE(pageTitles(ws->pageModel()),
                     QStringList{QStringLiteral("First account's page")});
            ws->manager()->selectAccount(QStringLiteral("pen"));
            QTRY_COMPARE_WITH_TIMEOUT(ws->currentAccount(), QStringLiteral("pen"), 20000);
        }
        // A new start makes the last current account current again.
        SandboxApp again(dir.filePath(QStringLiteral("data")));
        QString error;
        QVERIFY2(again.app->start(&error), qPrintable(error));
        AccountWorkspace *ws = again.app->accounts();
        QTRY_COMPARE_WITH_TIMEOUT(ws->currentAccount(), QStringLiteral("pen"), 20000);
        QCOMPARE(ws->accountPanel()->list()->count(), 2);
        QCOMPARE(pageTitles(ws->pageModel()), QStringList{QStringLiteral("Pen page")});
    }

    void updateCheck_offByDefault_andNotifiesWhenTurnedOn()
    {
        tg::test::FeedServer feed;
        QVERIFY(feed.start());
        feed.body =
            QByteArrayLiteral("{\"version\":\"99.0.0\",\"url\":\"https://example.org/release\"}");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString ini = QDir(data).filePath(QStringLiteral("sandbox/settings.ini"));
        {
            // Off by default: even with a feed URL set, nothing is fetched.
            QDir().mkpath(QFileInfo(ini).absolutePath());
            QSettings settings(ini, QSettings::IniFormat);
            UpdateSettings u;
            u.feedUrl = feed.url();
            u.save(settings);
        }
        {
            SandboxApp s(data);
            QString error;
            QVERIFY2(s.app->start(&error), qPrintable(error));
            QTRY_COMPARE_WITH_TIMEOUT(s.app->accounts()->currentAccount(),
                                      QStringLiteral("sandbox"), 20000);
            QCOMPARE(feed.requests, 0);
        }
        {
            QSettings settings(ini, QSettings::IniFormat);
            UpdateSettings u = UpdateSettings::load(settings);
            u.enabled = true;
            u.save(settings);
        }
        SandboxApp s(data);
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(
            s.app->window()->publishBar()->text().contains(QStringLiteral("99.0.0")), 20000);
        QVERIFY(s.app->window()->publishBar()->text().contains(
            QStringLiteral("https://example.org/release")));
        QCOMPARE(feed.requests, 1);
        QSettings settings(ini, QSettings::IniFormat);
        QVERIFY(UpdateSettings::load(settings).lastCheck.isValid());
    }

    void unusableImageHostInTheSettings_isReportedAtStart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.filePath(QStringLiteral("data"));
        {
            QDir().mkpath(QDir(data).filePath(QStringLiteral("sandbox")));
            QSettings settings(QDir(data).filePath(QStringLiteral("sandbox/settings.ini")),
                               QSettings::IniFormat);
            ImageHostConfig c;
            c.kind = ImageHostConfig::Kind::Command;
            c.command = QStringLiteral("/no/such/uploader {file}");
            c.save(settings);
        }
        SandboxApp s(data);
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        const QString text = s.app->window()->publishBar()->text();
        QVERIFY2(text.contains(QStringLiteral("/no/such/uploader")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Settings")));
    }

    void noKeychain_asksOnce_thenKeepsTokensInTheChosenFile()
    {
        // A real server choice (a custom URL: a sandbox standing in for telegra.ph), and no
        // Secret Service on the session bus.
        test::SandboxFixture server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/telegraph-test-bus");
        const QString config = dir.filePath(QStringLiteral("config"));
        qputenv("TELEGRAPH_CONFIG_DIR", config.toUtf8());
        const QString data = dir.filePath(QStringLiteral("data"));
        {
            QDir().mkpath(data);
            QSettings settings(QDir(data).filePath(QStringLiteral("settings.ini")),
                               QSettings::IniFormat);
            ServerChoice choice;
            choice.server = QStringLiteral("custom");
            choice.customUrl = server.url().toString();
            choice.chosen = true;
            choice.save(settings);
        }
        int asked = 0;
        QTimer answer;
        answer.setInterval(20);
        QObject::connect(&answer, &QTimer::timeout, [&] {
            if (auto *d =
                    qobject_cast<SecretStoreChoiceDialog *>(QApplication::activeModalWidget())) {
                ++asked;
                QVERIFY(d->fileButton()->text().contains(config));
                d->setChoice(SecretStoreChoiceDialog::Choice::File);
                d->accept();
            }
        });
        answer.start();
        QString token;
        {
            qputenv("TELEGRAPH_DESKTOP_DATA_DIR", data.toUtf8());
            DesktopApp app{DesktopApp::Options()};
            QString error;
            QVERIFY2(app.start(&error), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(app.accounts(), 20000);
            QCOMPARE(asked, 1);
            QTRY_VERIFY(app.window()->publishBar()->text().contains(
                QStringLiteral("No Telegraph account yet")));
            CreateAccountRequest req;
            req.shortName = QStringLiteral("Writer");
            app.accounts()->manager()->createAccount(QStringLiteral("me"), req);
            QTRY_COMPARE_WITH_TIMEOUT(app.accounts()->currentAccount(), QStringLiteral("me"),
                                      20000);
            token = currentToken(app.accounts());
            app.shutdown();
        }
        // The token is in the chosen file, readable only by the user, not in the settings.
        const QString tokens = QDir(config).filePath(QStringLiteral("tokens.json"));
        QFile file(tokens);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains(token.toUtf8()));
        QCOMPARE(file.permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        {
            // The next start remembers the choice and asks nothing.
            DesktopApp again{DesktopApp::Options()};
            QString error;
            QVERIFY2(again.start(&error), qPrintable(error));
            QTRY_COMPARE_WITH_TIMEOUT(again.accounts() ? again.accounts()->currentAccount()
                                                       : QString(),
                                      QStringLiteral("me"), 20000);
            QCOMPARE(currentToken(again.accounts()), token);
            QCOMPARE(asked, 1);
            again.shutdown();
        }
        qunsetenv("TELEGRAPH_DESKTOP_DATA_DIR");
        qunsetenv("TELEGRAPH_CONFIG_DIR");
        if (bus.isEmpty())
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        else
            qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    }

    void legacySandboxToken_becomesASavedAccount()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.filePath(QStringLiteral("data"));
        QString token;
        {
            SandboxApp s(data);
            QString error;
            QVERIFY2(s.app->start(&error), qPrintable(error));
            QTRY_COMPARE_WITH_TIMEOUT(s.app->accounts()->currentAccount(),
                                      QStringLiteral("sandbox"), 20000);
            token = currentToken(s.app->accounts());
        }
        // An older version kept the token in the settings and knew no account store.
        QVERIFY(QDir(QDir(data).filePath(QStringLiteral("sandbox/sandbox-accounts")))
                    .removeRecursively());
        {
            QSettings settings(QDir(data).filePath(QStringLiteral("sandbox/settings.ini")),
                               QSettings::IniFormat);
            settings.setValue(QStringLiteral("sandbox/token"), token);
        }
        SandboxApp s(data);
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        AccountWorkspace *ws = s.app->accounts();
        QTRY_COMPARE_WITH_TIMEOUT(ws->currentAccount(), QStringLiteral("sandbox"), 20000);
        QCOMPARE(currentToken(ws), token); // imported, not a new account
        QTRY_VERIFY_WITH_TIMEOUT(
            !QSettings(QDir(data).filePath(QStringLiteral("sandbox/settings.ini")),
                       QSettings::IniFormat)
                 .contains(QStringLiteral("sandbox/token")),
            10000);
    }

    void legacyTokenThatTheServerRefuses_isKeptAndReported()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.filePath(QStringLiteral("data"));
        {
            QDir().mkpath(QDir(data).filePath(QStringLiteral("sandbox")));
            QSettings settings(QDir(data).filePath(QStringLiteral("sandbox/settings.ini")),
                               QSettings::IniFormat);
            settings.setValue(QStringLiteral("sandbox/token"), QStringLiteral("not-a-token"));
        }
        SandboxApp s(data);
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        MainWindow *w = s.app->window();
        // The refusal is shown and the old token is not thrown away.
        QTRY_VERIFY_WITH_TIMEOUT(
            w->publishBar()->text().contains(QStringLiteral("The token was not accepted")), 20000);
        QVERIFY(s.app->accounts()->currentAccount().isEmpty());
        QSettings settings(QDir(data).filePath(QStringLiteral("sandbox/settings.ini")),
                           QSettings::IniFormat);
        QCOMPARE(settings.value(QStringLiteral("sandbox/token")).toString(),
                 QStringLiteral("not-a-token"));
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestDesktopApp tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_desktopapp.moc"
