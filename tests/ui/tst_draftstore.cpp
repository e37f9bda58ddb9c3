// SPDX-License-Identifier: MIT
// The drafts database: saving, the trash, revisions and the crash flag, on real SQLite.
#include "draftdatabase.h"
#include "draftfiles.h"
#include "draftstore.h"
#include "testmain.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace tg;

class TestDraftStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void save_thenReopen_restoresEveryField_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("format");
        QTest::newRow("markdown") << QStringLiteral("# Hi\n\nSome *text*.") << 0;
        QTest::newRow("html") << QStringLiteral("<p>Hello <b>world</b></p>") << 1;
        QTest::newRow("unicode") << QStringLiteral("Путешествие 漢字 😀") << 0;
        QTest::newRow("empty") << QString() << 0;
    }
    void save_thenReopen_restoresEveryField()
    {
        QFETCH(QString, body);
        QFETCH(int, format);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("drafts.db"));
        Draft d = Draft::create(static_cast<DraftFormat>(format));
        d.title = QStringLiteral("Title");
        d.authorName = QStringLiteral("Anna");
        d.authorUrl = QStringLiteral("https://t.me/anna");
        d.body = body;
        d.pagePath = QStringLiteral("Title-11-25");
        {
            DraftStore store;
            QVERIFY2(store.open(path), qPrintable(store.lastError()));
            QSignalSpy spy(&store, &DraftStore::saved);
            store.save(d);
            QVERIFY(spy.wait(5000));
            QCOMPARE(spy.first().first().toString(), d.id);
        }
        DraftDatabase db;
        QVERIFY(db.open(path));
        const std::optional<Draft> back = db.draft(d.id);
        QVERIFY(back.has_value());
        QVERIFY(back->sameContent(d));
        QCOMPARE(back->created.toMSecsSinceEpoch(), d.created.toMSecsSinceEpoch());
    }

    void save_manyTimesQuickly_keepsOnlyTheNewestText()
    {
        QTemporaryDir dir;
        DraftStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("d.db"))));
        Draft d = Draft::create();
        for (int i = 0; i < 500; ++i) {
            d.body += QLatin1Char('a');
            store.save(d);
        }
        store.flush();
        QCOMPARE(store.draft(d.id)->body.size(), 500);
        QCOMPARE(store.drafts().size(), 1);
    }

    void trash_andRestore_movesBetweenLists()
    {
        QTemporaryDir dir;
        DraftStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("d.db"))));
        Draft a = Draft::create();
        Draft b = Draft::create();
        store.save(a);
        store.save(b);
        QVERIFY(store.setTrashed(a.id, true));
        QCOMPARE(store.drafts(false).size(), 1);
        QCOMPARE(store.drafts(true).size(), 1);
        QCOMPARE(store.drafts(true).first().id, a.id);
        QVERIFY(store.setTrashed(a.id, false));
        QCOMPARE(store.drafts(false).size(), 2);
        QVERIFY(!store.setTrashed(QStringLiteral("no-such-id"), true));
    }

    void renameDuplicateRemove_work()
    {
        QTemporaryDir dir;
        DraftStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("d.db"))));
        Draft a = Draft::create();
        a.body = QStringLiteral("body");
        a.pagePath = QStringLiteral("Old-11-25");
        store.save(a);
        QVERIFY(store.rename(a.id, QStringLiteral("Renamed")));
        QCOMPARE(store.draft(a.id)->title, QStringLiteral("Renamed"));
        const std::optional<Draft> copy = store.duplicate(a.id, QStringLiteral("Copy"));
        QVERIFY(copy.has_value());
        QVERIFY(copy->id != a.id);
        QCOMPARE(copy->body, a.body);
        QVERIFY(copy->pagePath.isEmpty()); // a copy is a new, unpublished page
        QVERIFY(!store.duplicate(QStringLiteral("missing"), QString()).has_value());
        QVERIFY(store.remove(a.id));
        QVERIFY(!store.draft(a.id).has_value());
        QCOMPARE(store.drafts().size(), 1);
    }

    void revisions_areListedNewestFirst()
    {
        QTemporaryDir dir;
        DraftStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("d.db"))));
        Draft a = Draft::create();
        store.save(a);
        for (int i = 0; i < 3; ++i) {
            Revision r;
            r.draftId = a.id;
            r.pagePath = QStringLiteral("P-11-25");
            r.created = QDateTime::currentDateTimeUtc().addSecs(i);
            r.body = QStringLiteral("v%1").arg(i);
            r.contentJson = QByteArrayLiteral("[\"x\"]");
            QVERIFY2(store.addRevision(r) > 0, qPrintable(store.lastError()));
        }
        a.body = QStringLiteral("saved again"); // a later save must keep the revisions
        store.save(a);
        store.flush();
        const QList<Revision> list = store.revisions(a.id);
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.first().body, QStringLiteral("v2"));
        QCOMPARE(store.revision(list.last().id)->body, QStringLiteral("v0"));
        QCOMPARE(store.revision(list.last().id)->contentJson, QByteArrayLiteral("[\"x\"]"));
        QVERIFY(store.remove(a.id));
        QVERIFY(store.revisions(a.id).isEmpty());
    }

    void session_withoutCleanEnd_isReportedAsCrash()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.db"));
        {
            DraftDatabase db;
            QVERIFY(db.open(path));
            QVERIFY(!db.beginSession()); // first start ever
            // no endSession(): the process "dies" here
        }
        {
            DraftDatabase db;
            QVERIFY(db.open(path));
            QVERIFY(db.beginSession());
            QVERIFY(db.endSession());
        }
        DraftDatabase db;
        QVERIFY(db.open(path));
        QVERIFY(!db.beginSession());
    }

    void open_unwritablePath_fails()
    {
        DraftStore store;
        QVERIFY(!store.open(QStringLiteral("/nonexistent-dir/x/y/drafts.db")));
        QVERIFY(!store.lastError().isEmpty());
    }

    void save_whileTheDatabaseRefusesWrites_staysUnsavedAndRetriesUntilWritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.db"));
        DraftStore store;
        QVERIFY(store.open(path));
        QVERIFY(test::setStorePragma(store, QStringLiteral("query_only=ON")));
        QSignalSpy failed(&store, &DraftStore::saveFailed);
        QSignalSpy recovered(&store, &DraftStore::saveRecovered);
        Draft d = Draft::create();
        d.body = QStringLiteral("every word counts");
        store.save(d);
        QVERIFY(!store.flush());
        QVERIFY(failed.wait(5000));
        QVERIFY(store.isFailing());
        QVERIFY(store.isUnsaved(d.id));
        QCOMPARE(store.unsavedDrafts().size(), 1);
        QVERIFY(!store.endSession()); // no clean-exit record while text is only in memory
        QVERIFY(test::setStorePragma(store, QStringLiteral("query_only=OFF")));
        // No further save() call: the store tries again on its own.
        QVERIFY(recovered.wait(10000));
        QVERIFY(!store.isUnsaved(d.id));
        QVERIFY(!store.isFailing());
        DraftDatabase db;
        QVERIFY(db.open(path));
        QCOMPARE(db.draft(d.id)->body, d.body);
    }
};

TG_TEST_MAIN_CORE(TestDraftStore)
#include "tst_draftstore.moc"
