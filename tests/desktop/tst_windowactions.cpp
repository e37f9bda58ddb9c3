// SPDX-License-Identifier: MIT
// What a desktop user expects of the whole app's window (on its in-app sandbox): Help (About,
// Keyboard Shortcuts, the user guide on F1), full screen on F11, the clipboard in the Edit menu,
// Recent Files, Insert Image… uploading like a drop, Ctrl+S writing the Markdown file a draft
// came from, and the publish action naming the account it publishes as.
#include "accounts/accountworkspace.h"
#include "api/telegraphclient.h"
#include "desktop/desktopapp.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "sandboxapp.h"
#include "storage/draftstore.h"
#include "testmain.h"
#include "window/aboutdialog.h"
#include "window/mainwindow.h"
#include "window/messagearea.h"
#include "window/shortcutsdialog.h"

#include "window/userguidedialog.h"
#include "workflow/accountmanager.h"
#include "workflow/draftsession.h"
#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QMenu>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace tg;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QAction *action(MainWindow *w, const QString &name)
{
    return w->findChild<QAction *>(name);
}

/// The whole app on its sandbox with the window shown and the account ready.
struct Running
{
    QTemporaryDir data;
    std::unique_ptr<test::SandboxApp> sandbox;
    MainWindow *w = nullptr;

    bool start()
    {
        if (!data.isValid())
            return false;
        sandbox = std::make_unique<test::SandboxApp>(data.path());
        QString error;
        if (!sandbox->app->start(&error))
            return false;
        w = sandbox->app->window();
        return QTest::qWaitForWindowExposed(w) &&
               QTest::qWaitFor(
                   [this] {
                       return sandbox->app->accounts() &&
                              !sandbox->app->accounts()->currentAccount().isEmpty();
                   },
                   20000);
    }
};

} // namespace

class TestWindowActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void about_namesTheBuildsVersionAndTheLicence()
    {
        Running r;
        QVERIFY(r.start());
        QAction *about = action(r.w, u"aboutAction"_s);
        QVERIFY(about);
        about->trigger();
        AboutDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = r.w->findChild<AboutDialog *>()) && dialog->isVisible());
        QVERIFY2(dialog->text().contains(QStringLiteral(TG_VERSION)), qPrintable(dialog->text()));
        QVERIFY(dialog->text().contains(u"MIT"_s));
        QVERIFY(dialog->text().contains(AboutDialog::projectUrl().toString()));
        dialog->reject();
    }

    void keyboardShortcuts_listsEveryActionWithAShortcut()
    {
        Running r;
        QVERIFY(r.start());
        action(r.w, u"shortcutsAction"_s)->trigger();
        ShortcutsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = r.w->findChild<ShortcutsDialog *>()) && dialog->isVisible());
        int withKeys = 0;
        for (QAction *a : r.w->findChildren<QAction *>()) {
            if (a->shortcut().isEmpty())
                continue;
            ++withKeys;
            QVERIFY2(dialog->actions().contains(a), qPrintable(a->text()));
        }
        QVERIFY(withKeys >= 20);
        QCOMPARE(dialog->table()->rowCount(), int(dialog->actions().size()));
        QStringList keys;
        for (int i = 0; i < dialog->table()->rowCount(); ++i)
            keys << dialog->table()->item(i, 2)->data(Qt::UserRole).toString();
        QVERIFY2(keys.contains(u"F11"_s) && keys.contains(u"F1"_s) && keys.contains(u"F5"_s) &&
                     keys.contains(u"Ctrl+S"_s),
                 qPrintable(keys.join(u' ')));
        dialog->reject();
    }

    void shortcuts_eachKeyBelongsToOneAction()
    {
        Running r;
        QVERIFY(r.start());
        // A key that a window-wide action shares with any other action does nothing (Qt reports
        // it as ambiguous); actions scoped to different panels may share one (Copy).
        QHash<QString, QList<QAction *>> owners;
        for (QAction *a : r.w->findChildren<QAction *>()) {
            if (a->shortcutContext() == Qt::WidgetShortcut)
                continue;
            for (const QKeySequence &key : a->shortcuts())
                owners[key.toString(QKeySequence::PortableText)] << a;
        }
        QVERIFY(owners.size() >= 20);
        QStringList clashes;
        for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
            const QList<QAction *> &list = it.value();
            const bool windowWide = std::any_of(list.cbegin(), list.cend(), [](QAction *a) {
                return a->shortcutContext() != Qt::WidgetWithChildrenShortcut;
            });
            if (list.size() < 2 || !windowWide)
                continue;
            QStringList texts;
            for (QAction *a : list)
                texts << a->text();
            clashes << it.key() + QStringLiteral(": ") + texts.join(QStringLiteral(", "));
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
    }

    void f1_opensTheUserGuide()
    {
        Running r;
        QVERIFY(r.start());
        r.w->activateWindow();
        r.w->editorPane()->editor()->setFocus();
        QTest::keyClick(r.w->editorPane()->editor(), Qt::Key_F1);
        UserGuideDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = r.w->findChild<UserGuideDialog *>()) && dialog->isVisible());
        const QString text = dialog->browser()->toPlainText();
        QVERIFY2(text.startsWith(u"User guide"_s), qPrintable(text.left(200)));
        QVERIFY(text.contains(u"Recent Files"_s));
        QVERIFY(!text.contains(u"telegraph-sandbox: a local Telegraph server"_s));
        dialog->reject();
    }

    void f11_togglesFullScreen()
    {
        Running r;
        QVERIFY(r.start());
        QAction *full = action(r.w, u"fullScreenAction"_s);
        QVERIFY(full && full->isCheckable() && !full->isChecked());
        r.w->editorPane()->editor()->setFocus();
        QTest::keyClick(r.w->editorPane()->editor(), Qt::Key_F11);
        QTRY_VERIFY(r.w->isFullScreen());
        QVERIFY(full->isChecked());
        QTest::keyClick(r.w->editorPane()->editor(), Qt::Key_F11);
        QTRY_VERIFY(!r.w->isFullScreen());
        QVERIFY(!full->isChecked());
    }

    void editMenu_clipboardActions_actOnTheEditorAndFollowItsState()
    {
        Running r;
        QVERIFY(r.start());
        SourceEditor *ed = r.w->editorPane()->editor();
        QAction *cut = action(r.w, u"cutAction"_s);
        QAction *copy = action(r.w, u"copyAction"_s);
        QAction *paste = action(r.w, u"pasteAction"_s);
        QAction *all = action(r.w, u"selectAllAction"_s);
        QVERIFY(cut && copy && paste && all);
        QVERIFY(r.w->editMenu()->actions().contains(copy));
        ed->setPlainText(u"alpha beta"_s);
        ed->moveCursor(QTextCursor::End);
        QVERIFY(!copy->isEnabled() && !cut->isEnabled());
        all->trigger();
        QCOMPARE(ed->textCursor().selectedText(), u"alpha beta"_s);
        QVERIFY(copy->isEnabled() && cut->isEnabled());
        copy->trigger();
        QCOMPARE(QApplication::clipboard()->text(), u"alpha beta"_s);
        QTRY_VERIFY(paste->isEnabled());
        cut->trigger();
        QCOMPARE(ed->toPlainText(), QString());
        QVERIFY(!copy->isEnabled());
        paste->trigger();
        paste->trigger();
        // The editor's own paste (which cleans pasted content into paragraphs) ran twice.
        QTRY_COMPARE(ed->toPlainText().count(u"alpha beta"_s), 2);
    }

    void recentFiles_remembersOpenedFiles_dropsMissingOnes_andClears()
    {
        Running r;
        QVERIFY(r.start());
        QTemporaryDir dir;
        const QString a = dir.filePath(u"a.md"_s);
        const QString b = dir.filePath(u"b.md"_s);
        QVERIFY(writeFile(a, "# A\n\nFirst.\n") && writeFile(b, "Second.\n"));
        QVERIFY(r.w->importPath(a));
        QVERIFY(r.w->importPath(b));
        QCOMPARE(r.w->recentFiles(), (QStringList{b, a}));
        // The list is in the settings: a new start has it.
        QSettings settings(QDir(r.sandbox->app->dataDir()).filePath(u"settings.ini"_s),
                           QSettings::IniFormat);
        QCOMPARE(settings.value(u"recent/files"_s).toStringList(), (QStringList{b, a}));
        // The menu offers them, newest first.
        auto *menu = r.w->findChild<QMenu *>(u"recentFilesMenu"_s);
        QVERIFY(menu);
        Q_EMIT menu->aboutToShow();
        QStringList shown;
        for (QAction *item : menu->actions()) {
            if (!item->data().toString().isEmpty())
                shown << item->data().toString();
        }
        QCOMPARE(shown, (QStringList{b, a}));
        // Opening one again opens its text.
        QVERIFY(r.w->openRecentFile(a));
        QCOMPARE(r.w->editorPane()->editor()->toPlainText(), u"# A\n\nFirst.\n"_s);
        QCOMPARE(r.w->recentFiles().first(), a);
        // A file that is gone: a message naming it, and it leaves the list.
        QVERIFY(QFile::remove(b));
        QVERIFY(!r.w->openRecentFile(b));
        QCOMPARE(r.w->recentFiles(), QStringList{a});
        QVERIFY2(r.w->messages()->text().contains(u"b.md"_s), qPrintable(r.w->messages()->text()));
        // Clear List empties it.
        Q_EMIT menu->aboutToShow();
        auto *clear = menu->findChild<QAction *>(u"clearRecentFiles"_s);
        QVERIFY(clear && clear->isEnabled());
        clear->trigger();
        QVERIFY(r.w->recentFiles().isEmpty());
    }

    void insertImage_uploadsThePickedFileLikeADrop()
    {
        Running r;
        QVERIFY(r.start());
        QTemporaryDir dir;
        const QString png = dir.filePath(u"photo.png"_s);
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(png, "PNG"));
        SourceEditor *ed = r.w->editorPane()->editor();
        ed->setPlainText(u"Before.\n\n"_s);
        ed->moveCursor(QTextCursor::End);
        QAction *insert = action(r.w, u"insertImageAction"_s);
        QVERIFY(insert);
        // Pick the file in the file dialog the action opens.
        bool picked = false;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
            auto *fileDialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            fileDialog->setDirectory(dir.path());
            fileDialog->selectFile(png);
            static_cast<QDialog *>(fileDialog)->accept();
            picked = true;
        });
        insert->trigger();
        QVERIFY(picked);
        // The sandbox took the upload; the editor shows the figure with its URL.
        static const QRegularExpression figure(u"!\\[\\]\\(http://127\\.0\\.0\\.1:\\d+/file/"_s);
        QTRY_VERIFY_WITH_TIMEOUT(figure.match(ed->toPlainText()).hasMatch(), 20000);
        QVERIFY(ed->toPlainText().startsWith(u"Before."_s));
        QVERIFY(!ed->toPlainText().contains(u"local:"_s));
    }

    void save_writesTheMarkdownFileTheDraftCameFrom()
    {
        Running r;
        QVERIFY(r.start());
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notes.md"_s);
        QVERIFY(writeFile(path, "# Notes\n\n*Old* text.\n"));
        QVERIFY(r.w->importPath(path));
        QCOMPARE(r.w->sourceFile(), path);
        const QString text = u"# Notes\n\n*New* text, as typed — with  two spaces.\n"_s;
        r.w->editorPane()->editor()->setPlainText(text);
        r.w->editorPane()->editor()->setFocus();
        QTest::keySequence(r.w->editorPane()->editor(), QKeySequence::Save);
        // The file has the Markdown as written (not re-rendered), and so has the draft.
        QTRY_COMPARE(QString::fromUtf8(readFile(path)), text);
        const QString id = r.w->session()->draft().id;
        QCOMPARE(r.sandbox->app->store()->draft(id)->body, text);
        // A draft not opened from a file writes none.
        r.w->newDraft();
        QVERIFY(r.w->sourceFile().isEmpty());
    }

    void save_unwritableFile_saysSoAndLosesNothing_data()
    {
        QTest::addColumn<bool>("directory");
        QTest::newRow("read-only file") << false;
        QTest::newRow("folder in its place") << true;
    }

    void save_unwritableFile_saysSoAndLosesNothing()
    {
        QFETCH(bool, directory);
        if (!directory && ::geteuid() == 0)
            QSKIP("root may write read-only files");
        Running r;
        QVERIFY(r.start());
        QTemporaryDir dir;
        const QString path = dir.filePath(u"locked.md"_s);
        QVERIFY(writeFile(path, "Old.\n"));
        QVERIFY(r.w->importPath(path));
        if (directory) {
            QVERIFY(QFile::remove(path));
            QVERIFY(QDir().mkdir(path));
        } else {
            QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner));
        }
        r.w->editorPane()->editor()->setPlainText(u"New text.\n"_s);
        QString error;
        QVERIFY(!r.w->saveDraftAndFile(&error));
        QVERIFY2(error.contains(u"locked.md"_s), qPrintable(error));
        QVERIFY2(r.w->messages()->text().contains(u"locked.md"_s),
                 qPrintable(r.w->messages()->text()));
        // Nothing lost: the editor and the database keep the text, the file is untouched.
        QCOMPARE(r.w->editorPane()->editor()->toPlainText(), u"New text.\n"_s);
        QCOMPARE(r.sandbox->app->store()->draft(r.w->session()->draft().id)->body,
                 u"New text.\n"_s);
        if (!directory)
            QCOMPARE(readFile(path), QByteArray("Old.\n"));
    }

    void publishAction_namesTheSandboxAndFollowsTheAccount()
    {
        Running r;
        QVERIFY(r.start());
        QAction *publish = r.w->publishAction();
        QVERIFY(publish);
        QVERIFY2(publish->text().contains(u"Local Sandbox"_s), qPrintable(publish->text()));
        // A new account becomes current: the action names its author.
        AccountManager *manager = r.sandbox->app->accounts()->manager();
        const QString first = manager->currentName();
        QSignalSpy finished(manager, &AccountManager::operationFinished);
        CreateAccountRequest anna;
        anna.shortName = u"anna"_s;
        anna.authorName = u"Anna"_s;
        manager->createAccount(u"anna"_s, anna);
        // The first account's details may still be on their way and report meanwhile: wait for
        // the creation's own result.
        auto created = [&finished]() -> int {
            for (int i = 0; i < finished.size(); ++i) {
                if (finished.at(i).at(0).value<AccountManager::Operation>() ==
                    AccountManager::Operation::Create)
                    return i;
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(created() >= 0, 20000);
        QVERIFY2(finished.at(created()).at(1).toBool(),
                 qPrintable(finished.at(created()).at(2).toString()));
        QTRY_COMPARE(publish->text(), u"&Publish to the Local Sandbox as Anna"_s);
        // Renaming the author renames the action.
        EditAccountRequest rename;
        rename.authorName = u"Anna K."_s;
        manager->editCurrent(rename);
        QTRY_COMPARE(publish->text(), u"&Publish to the Local Sandbox as Anna K."_s);
        // Back to the first account (no author name): the sandbox only.
        manager->selectAccount(first);
        QTRY_COMPARE(manager->currentName(), first);
        QTRY_VERIFY2(!publish->text().contains(u"Anna"_s), qPrintable(publish->text()));
        // On telegra.ph it names the account only.
        auto *remote = new TelegraphClient(ClientSettings{}, r.w);
        r.w->setClient(remote);
        r.w->setAccountAuthor(u"Anna"_s, QString());
        QCOMPARE(publish->text(), u"&Publish as Anna"_s);
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestWindowActions tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_windowactions.moc"
