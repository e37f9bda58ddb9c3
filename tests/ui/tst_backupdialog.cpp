// SPDX-License-Identifier: MIT
// The account backup dialog against the in-process sandbox: 300 pages, stopped half way and
// resumed, then compared with the server's pages.
#include "../pages/sandboxseed.h"
#include "accounts/backupdialog.h"
#include "api/telegraphclient.h"
#include "pages/accountbackup.h"
#include "sandboxfixture.h"
#include "testmain.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tg;

class TestBackupDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<test::SandboxFixture>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("backup"));
        m_paths = test::seedSandboxPages(m_sandbox->server(), m_token, 300);
        QCOMPARE(m_paths.size(), 300);
        ClientSettings s;
        s.apiUrl = m_sandbox->url();
        s.proxy.mode = ProxySettings::Mode::None;
        s.timeoutMs = 10000;
        m_client = std::make_unique<TelegraphClient>(s);
        m_client->setAccessToken(m_token); // the account's: the dialog backs up the client's
    }

    void stopThenResume_savesEveryPageExactly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("my backup"));
        BackupDialog dialog(m_client.get(), QStringLiteral("backup"), folder);
        dialog.show();
        QVERIFY(!dialog.resumeLabel()->isVisible());
        QSignalSpy finished(&dialog, &BackupDialog::finished);

        dialog.startButton()->click();
        QVERIFY(dialog.backup());
        QVERIFY(!dialog.startButton()->isEnabled());
        QVERIFY(dialog.cancelButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.progressBar()->maximum() == 300 && dialog.progressBar()->value() >= 40, 30000);
        dialog.cancelButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(finished.first().at(1).toString().contains(QStringLiteral("resumes")),
                 qPrintable(finished.first().at(1).toString()));
        const int saved = BackupDialog::resumablePages(folder);
        QVERIFY(saved >= 40);
        QVERIFY(saved < 300);
        QVERIFY(dialog.resumeLabel()->isVisible());
        QVERIFY(dialog.resumeLabel()->text().contains(QString::number(saved)));
        QVERIFY(dialog.startButton()->isEnabled());

        dialog.startButton()->click();
        // While it runs, the status says how many pages came from the earlier run.
        QStringList statuses;
        QVERIFY(dialog.backup());
        connect(dialog.backup(), &AccountBackup::progress, this,
                [&] { statuses << dialog.statusLabel()->text(); });
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(finished.last().at(0).toBool(), true);
        QVERIFY(!statuses.isEmpty());
        QVERIFY2(statuses.last().contains(QStringLiteral("%1 from the earlier run").arg(saved)),
                 qPrintable(statuses.last()));
        const QString summary = finished.last().at(1).toString();
        QVERIFY2(summary.contains(QStringLiteral("300")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("resumed")), qPrintable(summary));
        QCOMPARE(dialog.progressBar()->value(), 300);
        QVERIFY(!QFile::exists(QDir(folder).filePath(AccountBackup::progressFileName())));

        // Every page's node JSON equals the server's content; the index lists all 300.
        for (const QString &path : std::as_const(m_paths)) {
            const QJsonObject page = test::sandboxCall(
                m_sandbox->server(), "getPage",
                QJsonDocument(QJsonObject{{QStringLiteral("path"), path},
                                          {QStringLiteral("return_content"), true}})
                    .toJson(QJsonDocument::Compact));
            QFile f(QDir(folder).filePath(QStringLiteral("pages/") +
                                          AccountBackup::fileBaseName(path) +
                                          QStringLiteral(".json")));
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            QCOMPARE(QJsonDocument::fromJson(f.readAll()).array(),
                     page.value(QStringLiteral("content")).toArray());
        }
        QFile index(QDir(folder).filePath(QStringLiteral("index.json")));
        QVERIFY(index.open(QIODevice::ReadOnly));
        const QJsonDocument doc = QJsonDocument::fromJson(index.readAll());
        const QJsonArray pages =
            doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("pages")).toArray();
        QCOMPARE(pages.size(), 300);

        // "Open Folder" opens the backup folder.
        QUrl opened;
        dialog.setUrlOpener([&](const QUrl &url) { opened = url; });
        QVERIFY(dialog.openFolderButton()->isEnabled());
        dialog.openFolderButton()->click();
        QCOMPARE(opened, QUrl::fromLocalFile(folder));
    }

    void folderUnderAFile_isRefusedBeforeAnyRequest()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("plain.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        BackupDialog dialog(m_client.get(), QStringLiteral("backup"),
                            dir.filePath(QStringLiteral("plain.txt/backup")));
        QSignalSpy finished(&dialog, &BackupDialog::finished);
        dialog.startButton()->click();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("plain.txt")),
                 qPrintable(dialog.statusLabel()->text()));
        QVERIFY(!dialog.backup());
        QVERIFY(dialog.startButton()->isEnabled());

        dialog.folderEdit()->setText(QStringLiteral("  "));
        dialog.startButton()->click();
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("Choose a folder")));
        QVERIFY(!dialog.backup());
    }

    void closingWhileRunning_stopsAndKeepsProgress()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("b"));
        {
            auto *dialog = new BackupDialog(m_client.get(), QStringLiteral("backup"), folder);
            dialog->show();
            dialog->startButton()->click();
            QTRY_VERIFY_WITH_TIMEOUT(dialog->progressBar()->value() >= 10, 30000);
            dialog->reject();
            delete dialog;
        }
        QTest::qWait(200); // nothing may run on after the dialog is gone
        const int saved = BackupDialog::resumablePages(folder);
        QVERIFY(saved >= 10);
        QVERIFY(saved < 300);
    }

private:
    std::unique_ptr<test::SandboxFixture> m_sandbox;
    QString m_token;
    QStringList m_paths;
    std::unique_ptr<TelegraphClient> m_client;
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestBackupDialog tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_backupdialog.moc"
