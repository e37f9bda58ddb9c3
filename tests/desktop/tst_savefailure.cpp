// SPDX-License-Identifier: MIT
// The whole desktop app when its drafts cannot be saved or read: a database that refuses writes
// or is full while typing, a damaged or newer database at start, and the modes of what it
// creates.
#include "desktop/desktopapp.h"
#include "draftfiles.h"
#include "drafts/saveproblembar.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "sandboxapp.h"
#include "storage/draftdatabase.h"
#include "storage/draftstore.h"
#include "testmain.h"
#include "window/mainwindow.h"
#include "window/publishbar.h"
#include "workflow/draftsession.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>

using namespace tg;

namespace {

using test::SandboxApp;

/// The body of a draft as the database file holds it (read with a connection of its own).
QString storedBody(const QString &dbPath, const QString &id)
{
    DraftDatabase db;
    if (!db.open(dbPath))
        return QStringLiteral("<cannot open: %1>").arg(db.lastError());
    const std::optional<Draft> d = db.draft(id);
    return d ? d->body : QString();
}

int modeOf(const QString &path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

/// Answers the next modal message box with the given button, remembering its text.
class BoxAnswer : public QObject
{
public:
    explicit BoxAnswer(QMessageBox::StandardButton button)
        : m_button(button)
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            text = box->text();
            box->button(m_button)->click();
        });
        m_timer.start(20);
    }
    QString text;

private:
    QMessageBox::StandardButton m_button;
    QTimer m_timer;
};

} // namespace

class TestSaveFailure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void saveFailsMidTyping_isShown_losesNothing_andSavesOnceTheCauseIsGone_data()
    {
        QTest::addColumn<bool>("full");
        QTest::addColumn<bool>("clickRetry");
        QTest::newRow("read-only database, Retry clicked") << false << true;
        QTest::newRow("read-only database, retried on its own") << false << false;
        QTest::newRow("full database, retried on its own") << true << false;
    }
    void saveFailsMidTyping_isShown_losesNothing_andSavesOnceTheCauseIsGone()
    {
        QFETCH(bool, full);
        QFETCH(bool, clickRetry);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxApp s(dir.filePath(QStringLiteral("data")));
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        MainWindow *w = s.app->window();
        DraftStore *store = s.app->store();
        SourceEditor *ed = w->editorPane()->editor();
        const QString dbPath = store->path();
        QTest::keyClicks(ed, QStringLiteral("First words. "));
        QTRY_VERIFY_WITH_TIMEOUT(!w->session()->isDirty(), 10000);
        const QString id = w->session()->draft().id;
        QCOMPARE(storedBody(dbPath, id), ed->toPlainText());

        if (full) {
            QVariant pages;
            QVERIFY(test::setStorePragma(*store, QStringLiteral("page_count"), &pages));
            QVERIFY(test::setStorePragma(*store,
                                         QStringLiteral("max_page_count=%1").arg(pages.toInt())));
            // More than the free pages left can hold.
            ed->insertPlainText(QString(40000, QLatin1Char('x')));
        } else {
            QVERIFY(test::setStorePragma(*store, QStringLiteral("query_only=ON")));
        }
        QTest::keyClicks(ed, QStringLiteral("Second words."));
        SaveProblemBar *bar = w->saveProblemBar();
        QTRY_VERIFY_WITH_TIMEOUT(!bar->text().isEmpty(), 10000);
        QVERIFY2(bar->text().contains(QDir::toNativeSeparators(dbPath)), qPrintable(bar->text()));
        QVERIFY(bar->isVisibleTo(w));
        QVERIFY(bar->retryButton()->isVisibleTo(w));
        QVERIFY(bar->otherFolderButton()->isVisibleTo(w));
        QVERIFY(bar->saveAsButton()->isVisibleTo(w));
        QVERIFY(w->session()->isDirty());
        QVERIFY(ed->toPlainText().endsWith(QStringLiteral("Second words.")));
        QVERIFY(!storedBody(dbPath, id).contains(QStringLiteral("Second words.")));

        if (full)
            QVERIFY(test::setStorePragma(*store, QStringLiteral("max_page_count=1073741823")));
        else
            QVERIFY(test::setStorePragma(*store, QStringLiteral("query_only=OFF")));
        if (clickRetry)
            QTest::mouseClick(bar->retryButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(bar->text().isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!w->session()->isDirty(), 10000);
        QCOMPARE(storedBody(dbPath, id), ed->toPlainText());
    }

    void quitWithUnsavedText_asksFirst_cancelKeepsIt_discardLeavesTheSessionUnclean()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxApp s(dir.filePath(QStringLiteral("data")));
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        MainWindow *w = s.app->window();
        DraftStore *store = s.app->store();
        SourceEditor *ed = w->editorPane()->editor();
        const QString dbPath = store->path();
        QVERIFY(test::setStorePragma(*store, QStringLiteral("query_only=ON")));
        QTest::keyClicks(ed, QStringLiteral("Words only in memory."));
        QTRY_VERIFY_WITH_TIMEOUT(!w->saveProblemBar()->text().isEmpty(), 10000);
        {
            BoxAnswer cancel(QMessageBox::Cancel);
            QVERIFY(!w->close());
            QVERIFY2(cancel.text.contains(QDir::toNativeSeparators(dbPath)),
                     qPrintable(cancel.text));
        }
        QVERIFY(w->isVisible());
        QCOMPARE(ed->toPlainText(), QStringLiteral("Words only in memory."));

        // What Save As File writes is the text as typed.
        const QString file = dir.filePath(QStringLiteral("rescued.md"));
        QVERIFY(w->saveProblemBar()->saveTextTo(file));
        QCOMPARE(QString::fromUtf8(test::readFile(file)), QStringLiteral("Words only in memory."));
        {
            BoxAnswer discard(QMessageBox::Discard);
            QVERIFY(w->close());
            QVERIFY(!discard.text.isEmpty());
        }
        s.app->shutdown();
        // The text never reached the disk, so no clean exit was recorded.
        DraftDatabase db;
        QVERIFY(db.open(dbPath));
        QCOMPARE(db.meta(QStringLiteral("session_open")), QStringLiteral("1"));
    }

    void anotherDataFolder_takesTheUnsavedTextAndTheStoredDrafts()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxApp s(dir.filePath(QStringLiteral("data")));
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        MainWindow *w = s.app->window();
        DraftStore *store = s.app->store();
        SourceEditor *ed = w->editorPane()->editor();
        QTest::keyClicks(ed, QStringLiteral("Kept before."));
        QTRY_VERIFY_WITH_TIMEOUT(!w->session()->isDirty(), 10000);
        const QString first = w->session()->draft().id;
        w->newDraft();
        QVERIFY(test::setStorePragma(*store, QStringLiteral("query_only=ON")));
        QTest::keyClicks(ed, QStringLiteral("Typed while failing."));
        QTRY_VERIFY_WITH_TIMEOUT(!w->saveProblemBar()->text().isEmpty(), 10000);
        const QString second = w->session()->draft().id;

        const QString other = dir.filePath(QStringLiteral("elsewhere"));
        QSignalSpy relocated(w->saveProblemBar(), &SaveProblemBar::relocated);
        QVERIFY2(w->saveProblemBar()->useFolder(other, &error), qPrintable(error));
        const QString otherDb = QDir(other).filePath(QStringLiteral("drafts.sqlite"));
        QCOMPARE(relocated.size(), 1);
        QCOMPARE(store->path(), otherDb);
        QVERIFY(w->saveProblemBar()->text().isEmpty());
        QVERIFY(!w->session()->isDirty());
        QCOMPARE(storedBody(otherDb, second), QStringLiteral("Typed while failing."));
        QCOMPARE(storedBody(otherDb, first), QStringLiteral("Kept before."));
        QCOMPARE(modeOf(other), 0700);
        QCOMPARE(modeOf(otherDb), 0600);
    }

    void damagedDatabaseAtStart_isMovedAside_readableDraftsRecovered_andNamed_data()
    {
        QTest::addColumn<QByteArray>("damagedPage");
        QTest::addColumn<int>("minRecovered");
        QTest::addColumn<int>("maxRecovered");
        QTest::newRow("one page of drafts") << QByteArrayLiteral("marker-0017|") << 30 << 39;
        QTest::newRow("the header page") << QByteArray() << 0 << 0;
    }
    void damagedDatabaseAtStart_isMovedAside_readableDraftsRecovered_andNamed()
    {
        QFETCH(QByteArray, damagedPage);
        QFETCH(int, minRecovered);
        QFETCH(int, maxRecovered);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("data/sandbox"));
        QVERIFY(QDir().mkpath(folder));
        const QString dbPath = QDir(folder).filePath(QStringLiteral("drafts.sqlite"));
        const QStringList ids = test::writeDrafts(dbPath, 40);
        QCOMPARE(ids.size(), 40);
        QVERIFY(test::damagePageHolding(dbPath, damagedPage));
        const QByteArray damaged = test::readFile(dbPath);

        SandboxApp s(dir.filePath(QStringLiteral("data")));
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        // The moved file, and the log files SQLite keeps next to it under its new name.
        const QRegularExpression movedName(
            QStringLiteral("^drafts\\.sqlite\\.corrupt-\\d{8}-\\d{6}$"));
        const QStringList moved =
            QDir(folder)
                .entryList({QStringLiteral("drafts.sqlite.corrupt-*")}, QDir::Files, QDir::Name)
                .filter(movedName);
        QCOMPARE(moved.size(), 1);
        const QString movedPath = QDir(folder).filePath(moved.first());
        QCOMPARE(test::readFile(movedPath), damaged);
        const QString notice = s.app->window()->publishBar()->text();
        QVERIFY2(notice.contains(QDir::toNativeSeparators(movedPath)), qPrintable(notice));

        const int recovered = int(s.app->store()->drafts().size());
        QVERIFY2(recovered >= minRecovered && recovered <= maxRecovered,
                 qPrintable(QString::number(recovered)));
        if (recovered > 0) {
            QVERIFY(s.app->store()->draft(ids.first()).has_value());
            QCOMPARE(s.app->store()->revisions(ids.first()).size(), 1);
        }
        // The new database works: typing is saved.
        MainWindow *w = s.app->window();
        w->newDraft();
        QTest::keyClicks(w->editorPane()->editor(), QStringLiteral("After the damage."));
        QTRY_VERIFY_WITH_TIMEOUT(!w->session()->isDirty(), 10000);
        QVERIFY(w->saveProblemBar()->text().isEmpty());
    }

    void newerDatabaseAtStart_isRefusedWithAClearMessage_andLeftUnchanged()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("data/sandbox"));
        QVERIFY(QDir().mkpath(folder));
        const QString dbPath = QDir(folder).filePath(QStringLiteral("drafts.sqlite"));
        {
            DraftDatabase db;
            QVERIFY(db.open(dbPath));
            QVERIFY(db.saveDraft(Draft::create()));
            QVERIFY(db.setMeta(QStringLiteral("schema"), QStringLiteral("7")));
        }
        const QByteArray before = test::readFile(dbPath);
        SandboxApp s(dir.filePath(QStringLiteral("data")));
        QString error;
        QVERIFY(!s.app->start(&error));
        QVERIFY2(error.contains(QStringLiteral("newer version")), qPrintable(error));
        QVERIFY(error.contains(QDir::toNativeSeparators(dbPath)));
        QVERIFY(error.contains(QStringLiteral("schema 7")));
        QCOMPARE(test::readFile(dbPath), before);
        QVERIFY(!QFileInfo::exists(dbPath + QStringLiteral("-wal")));
        QVERIFY(QDir(folder).entryList({QStringLiteral("*.corrupt-*")}, QDir::Files).isEmpty());
    }

    void firstStart_createsFoldersAndFilesForTheOwnerOnly_data()
    {
        QTest::addColumn<bool>("looseBefore");
        QTest::newRow("new folder") << false;
        QTest::newRow("folder and files of an older version") << true;
    }
    void firstStart_createsFoldersAndFilesForTheOwnerOnly()
    {
        QFETCH(bool, looseBefore);
        struct UmaskRestore
        {
            mode_t previous;
            ~UmaskRestore() { ::umask(previous); }
        } restore{::umask(022)};
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString folder = QDir(data).filePath(QStringLiteral("sandbox"));
        if (looseBefore) {
            QVERIFY(QDir().mkpath(folder));
            QVERIFY(QDir().mkpath(QDir(folder).filePath(QStringLiteral("server"))));
            QVERIFY(test::writeDrafts(QDir(folder).filePath(QStringLiteral("drafts.sqlite")), 1)
                        .size() == 1);
            QFile settings(QDir(folder).filePath(QStringLiteral("settings.ini")));
            QVERIFY(settings.open(QIODevice::WriteOnly));
            settings.write("[editor]\nautosaveMs=500\n");
            settings.close();
            QCOMPARE(modeOf(settings.fileName()), 0644);
            QCOMPARE(modeOf(folder), 0755);
        }
        {
            SandboxApp s(data);
            QString error;
            QVERIFY2(s.app->start(&error), qPrintable(error));
            MainWindow *w = s.app->window();
            QTest::keyClicks(w->editorPane()->editor(), QStringLiteral("Private words."));
            QTRY_VERIFY_WITH_TIMEOUT(!w->session()->isDirty(), 10000);
            // While running: the folders and the files already there.
            for (const char *name : {"", "sandbox", "sandbox/server", "sandbox/sandbox-accounts"})
                QCOMPARE(modeOf(QDir(data).filePath(QLatin1String(name))), 0700);
            for (const char *name : {"sandbox/settings.ini", "sandbox/drafts.sqlite",
                                     "sandbox/drafts.sqlite-wal", "sandbox/drafts.sqlite-shm",
                                     "sandbox/pages.sqlite", "sandbox/server/sandbox.sqlite"}) {
                const QString path = QDir(data).filePath(QLatin1String(name));
                QVERIFY2(QFileInfo::exists(path), name);
                QCOMPARE(modeOf(path), 0600);
            }
        }
        // After the run, everything it wrote in its folders.
        int files = 0;
        QDirIterator it(data, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QFileInfo info(path);
            if (info.isSymLink())
                continue;
            ++files;
            QVERIFY2(modeOf(path) == (info.isDir() ? 0700 : 0600),
                     qPrintable(QStringLiteral("%1 has mode %2")
                                    .arg(path)
                                    .arg(modeOf(path), 3, 8, QLatin1Char('0'))));
        }
        QVERIFY(files >= 4);
        QCOMPARE(modeOf(data), 0700);
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestSaveFailure tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_savefailure.moc"
