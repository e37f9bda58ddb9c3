// SPDX-License-Identifier: MIT
// The drafts database: saving, the trash, revisions and the crash flag, on real SQLite.
#include "draftfiles.h"
#include "storage/draftdatabase.h"
#include "storage/draftstore.h"
#include "testmain.h"

#include <QFileInfo>

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

    void migration_fromTheFirstSchema_keepsDraftsAndRevisions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.db"));
        {
            // The first schema, as the first release wrote it.
            QSqlDatabase v1 =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            v1.setDatabaseName(path);
            QVERIFY(v1.open());
            QSqlQuery q(v1);
            for (const char *sql :
                 {"PRAGMA journal_mode=WAL",
                  "CREATE TABLE IF NOT EXISTS drafts (id TEXT PRIMARY KEY, title TEXT NOT "
                  "NULL DEFAULT '', author_name TEXT NOT NULL DEFAULT '', author_url TEXT NOT "
                  "NULL DEFAULT '', body TEXT NOT NULL DEFAULT '', format INTEGER NOT NULL "
                  "DEFAULT 0, page_path TEXT NOT NULL DEFAULT '', page_url TEXT NOT NULL "
                  "DEFAULT '', created INTEGER NOT NULL, modified INTEGER NOT NULL, trashed "
                  "INTEGER NOT NULL DEFAULT 0)",
                  "CREATE TABLE IF NOT EXISTS revisions (id INTEGER PRIMARY KEY "
                  "AUTOINCREMENT, draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE "
                  "CASCADE, page_path TEXT NOT NULL, page_url TEXT NOT NULL DEFAULT '', "
                  "created INTEGER NOT NULL, title TEXT NOT NULL, author_name TEXT NOT NULL, "
                  "author_url TEXT NOT NULL, body TEXT NOT NULL, format INTEGER NOT NULL, "
                  "content_json BLOB)",
                  "CREATE INDEX IF NOT EXISTS revisions_by_draft ON revisions(draft_id, "
                  "created)",
                  "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT "
                  "NULL)",
                  "INSERT INTO meta (key, value) VALUES ('schema', '1')",
                  "INSERT INTO meta (key, value) VALUES ('session_open', '0')",
                  "INSERT INTO drafts (id, title, body, format, page_path, created, "
                  "modified, trashed) VALUES ('d1', 'Herons', 'Seen *three*.', 0, "
                  "'Herons-12-03', 1000, 2000, 0)",
                  "INSERT INTO drafts (id, title, body, format, created, modified, trashed) "
                  "VALUES ('d2', 'Old', '<p>gone</p>', 1, 1000, 1500, 1)",
                  "INSERT INTO revisions (draft_id, page_path, created, title, author_name, "
                  "author_url, body, format) VALUES ('d1', 'Herons-12-03', 3000, 'Herons', "
                  "'', '', 'Seen two.', 0)"}) {
                QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
            }
            q.finish();
            v1.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));

        DraftDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.lastError()));
        QCOMPARE(db.meta(QStringLiteral("schema")),
                 QString::number(DraftDatabase::schemaVersion()));
        QCOMPARE(DraftDatabase::schemaVersion(), 5);
        const std::optional<Draft> herons = db.draft(QStringLiteral("d1"));
        QVERIFY(herons.has_value());
        QCOMPARE(herons->title, QStringLiteral("Herons"));
        QCOMPARE(herons->body, QStringLiteral("Seen *three*."));
        QCOMPARE(herons->pagePath, QStringLiteral("Herons-12-03"));
        QCOMPARE(db.drafts(true).size(), 1);
        QCOMPARE(db.drafts(true).first().format, DraftFormat::Html);
        QCOMPARE(db.revisions(QStringLiteral("d1")).size(), 1);
        QCOMPARE(db.revisions(QStringLiteral("d1")).first().body, QStringLiteral("Seen two."));
        QVERIFY(!db.beginSession()); // the first schema's clean-exit record is honoured
        // Migration 1 → 2 added the drafts list index.
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type='index' AND "
                                      "name='drafts_by_modified'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void draftOptions_areKeptPerDraft_replaced_removed_andGoWithTheDraft()
    {
        QTemporaryDir dir;
        DraftDatabase db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("options.db"))));
        const Draft a = Draft::create();
        const Draft b = Draft::create();
        QVERIFY(db.saveDraft(a));
        QVERIFY(db.saveDraft(b));
        const QString goal = QStringLiteral("wordGoal");
        QVERIFY(db.draftOption(a.id, goal).isEmpty());
        QVERIFY(db.setDraftOption(a.id, goal, QStringLiteral("800")));
        QVERIFY(db.setDraftOption(b.id, goal, QStringLiteral("1200")));
        QVERIFY(db.setDraftOption(a.id, goal, QStringLiteral("900")));
        QCOMPARE(db.draftOption(a.id, goal), QStringLiteral("900"));
        QCOMPARE(db.draftOption(b.id, goal), QStringLiteral("1200"));
        QVERIFY(db.setDraftOption(b.id, goal, QString()));
        QVERIFY(db.draftOption(b.id, goal).isEmpty());
        QVERIFY(db.remove(a.id));
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM draft_options")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);

        DraftStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("store.db"))));
        Draft c = Draft::create();
        store.save(c);
        QVERIFY(store.flush());
        QVERIFY(store.setOption(c.id, QStringLiteral("spellLanguage"), QStringLiteral("de_DE")));
        QCOMPARE(store.option(c.id, QStringLiteral("spellLanguage")), QStringLiteral("de_DE"));
    }

    void open_newerSchema_isRefusedAndLeavesTheFileUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.db"));
        {
            DraftDatabase db;
            QVERIFY(db.open(path));
            Draft d = Draft::create();
            d.body = QStringLiteral("from the future");
            QVERIFY(db.saveDraft(d));
            QVERIFY(db.setMeta(QStringLiteral("schema"), QStringLiteral("99")));
        }
        const QByteArray before = test::readFile(path);
        QVERIFY(!before.isEmpty());
        DraftDatabase db;
        QVERIFY(!db.open(path));
        QCOMPARE(db.openFailure(), DraftDatabase::OpenFailure::TooNew);
        QVERIFY2(db.lastError().contains(QStringLiteral("99")), qPrintable(db.lastError()));
        QVERIFY(db.lastError().contains(QStringLiteral("newer")));
        QCOMPARE(test::readFile(path), before);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    }

    void open_damagedFile_isReportedAsDamaged_andRecoverKeepsTheReadableDrafts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("drafts.sqlite"));
        const QStringList ids = test::writeDrafts(path, 40);
        QVERIFY(test::damagePageHolding(path, "marker-0017|"));
        DraftDatabase probe;
        QVERIFY(!probe.open(path));
        QCOMPARE(probe.openFailure(), DraftDatabase::OpenFailure::Damaged);

        const QDateTime now(QDate(2026, 12, 3), QTime(11, 22, 33));
        const DraftDatabase::Recovery r = DraftDatabase::recover(path, now);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.movedTo, path + QStringLiteral(".corrupt-20261203-112233"));
        QVERIFY(QFileInfo::exists(r.movedTo));
        QVERIFY2(r.copied.drafts >= 30 && r.copied.drafts < 40,
                 qPrintable(QString::number(r.copied.drafts)));
        DraftDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.lastError()));
        QCOMPARE(db.drafts().size(), r.copied.drafts);
        QVERIFY(db.draft(ids.first()).has_value());
        QVERIFY(db.draft(ids.last()).has_value());
        QVERIFY(db.draft(ids.last())->body.startsWith(QStringLiteral("marker-0039|")));
        QCOMPARE(r.copied.revisions, db.revisions(ids.first()).size());
    }
};

TG_TEST_MAIN_CORE(TestDraftStore)
#include "tst_draftstore.moc"
