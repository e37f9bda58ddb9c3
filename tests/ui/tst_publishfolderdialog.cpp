// SPDX-License-Identifier: MIT
// File → Publish Folder…'s dialog against the in-process sandbox: the plan table of a generated
// folder of 31 files, a publish stopped part way, then resumed, with drafts linked to pages.
#include "../pages/sandboxseed.h"
#include "api/telegraphclient.h"
#include "api/telegraphuploadhost.h"
#include "publishfolder.h"
#include "sandboxfixture.h"
#include "storage/draftstore.h"
#include "testmain.h"
#include "window/publishfolderdialog.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace tg;

class TestPublishFolderDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void planTable_thenPublishStoppedAndResumed_linksEveryDraft()
    {
        test::SandboxFixture sandbox;
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
        const QString token = test::seedSandboxAccount(sandbox.server(), QStringLiteral("dlg"));
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("vault"));
        QCOMPARE(test::PublishFolder::create(folder).size(), 31);
        ClientSettings cs;
        cs.apiUrl = sandbox.url();
        cs.timeoutMs = 20000;
        TelegraphClient client(cs);
        client.setAccessToken(token);
        DraftStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("drafts.sqlite"))));
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);

        PublishFolderDialog dialog(&client, client.legacyUploadHost(), &store, &settings);
        dialog.show();
        QSignalSpy planned(&dialog, &PublishFolderDialog::planReady);
        dialog.setFolder(folder);
        QVERIFY(planned.wait(20000));
        QTableWidget *table = dialog.planTable();
        QCOMPARE(table->rowCount(), 31);
        QCOMPARE(table->columnCount(), 4);
        int big = -1;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, PublishFolderDialog::FileColumn)->text() == u"big.md")
                big = row;
        }
        QVERIFY(big >= 0);
        QCOMPARE(table->item(big, PublishFolderDialog::ActionColumn)->data(Qt::UserRole).toString(),
                 QStringLiteral("series"));
        QVERIFY(!table->item(big, PublishFolderDialog::SizeColumn)->text().isEmpty());
        QCOMPARE(table->item(1, PublishFolderDialog::ActionColumn)->data(Qt::UserRole).toString(),
                 QStringLiteral("create"));
        QVERIFY(table->item(1, PublishFolderDialog::PageColumn)->text().isEmpty());
        QVERIFY(dialog.publishButton()->isEnabled());

        // Publish, stopped after five pages.
        QSignalSpy finished(&dialog, &PublishFolderDialog::publishFinished);
        dialog.publishButton()->click();
        QVERIFY(dialog.publisher());
        QVERIFY(dialog.cancelButton()->isEnabled());
        QVERIFY(!dialog.publishButton()->isEnabled());
        int published = 0;
        connect(dialog.publisher(), &FolderPublisher::pagePublished, &dialog, [&] {
            if (++published == 5)
                dialog.cancelButton()->click();
        });
        QVERIFY(finished.wait(60000));
        QVERIFY(!finished.first().first().value<PublishResult>().ok);
        QCOMPARE(dialog.linkedDrafts(), 5);
        QVERIFY(!dialog.cancelButton()->isEnabled());
        QVERIFY(planned.wait(20000)); // planned again: 5 known now
        int withPage = 0;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (!table->item(row, PublishFolderDialog::PageColumn)->text().isEmpty())
                ++withPage;
        }
        QVERIFY2(withPage >= 5, qPrintable(QString::number(withPage)));

        // Resumed: everything published, every file's draft names its page.
        finished.clear();
        dialog.publishButton()->click();
        QVERIFY(finished.wait(60000));
        const PublishResult r = finished.first().first().value<PublishResult>();
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(dialog.linkedDrafts(), 31);
        QVERIFY(store.flush());
        const QList<Draft> drafts = store.drafts();
        QCOMPARE(drafts.size(), 31);
        for (const Draft &d : drafts)
            QVERIFY2(!d.pageUrl.isEmpty(), qPrintable(d.title));
        QVERIFY(planned.wait(20000));
        QVERIFY(!dialog.publishButton()->isEnabled()); // nothing left to do
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("31 unchanged")));
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestPublishFolderDialog tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_publishfolderdialog.moc"
