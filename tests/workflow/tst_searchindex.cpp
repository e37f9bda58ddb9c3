// SPDX-License-Identifier: MIT
// Find Everywhere's index on real SQLite FTS5: the drafts database's schema step that builds it
// from what is stored, its triggers following every save, rename, trash, removal and revision,
// the page cache's index, Unicode folding, prefixes, hostile input and the search thread.
#include "pages/pagecache.h"
#include "storage/draftdatabase.h"
#include "storage/draftsearch.h"
#include "storage/searchquery.h"
#include "testmain.h"
#include "workflow/searchservice.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace tg;

namespace {

// Searches the database on its own connection, as the search thread does.
QList<SearchHit> find(const DraftDatabase &db, const QString &text, QString *error = nullptr)
{
    QList<SearchHit> hits;
    QString e;
    if (!DraftSearch::search(QSqlDatabase::database(db.connectionName()),
                             SearchQuery::matchExpression(text), 50, &hits, &e))
        qWarning() << "search failed:" << e;
    if (error)
        *error = e;
    return hits;
}

QStringList draftIds(const QList<SearchHit> &hits, SearchHit::Kind kind = SearchHit::Kind::Draft)
{
    QStringList out;
    for (const SearchHit &h : hits) {
        if (h.kind == kind)
            out << (kind == SearchHit::Kind::Revision ? QString::number(h.revisionId) : h.draftId);
    }
    return out;
}

Draft makeDraft(const QString &title, const QString &body)
{
    Draft d = Draft::create();
    d.title = title;
    d.body = body;
    return d;
}

bool execAll(QSqlDatabase db, const QStringList &sql, QString *error)
{
    QSqlQuery q(db);
    for (const QString &s : sql) {
        if (!q.exec(s)) {
            *error = s + QStringLiteral(": ") + q.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void migration_fromSchema3_indexesTheStoredDraftsAndRevisions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v3.db"));
        {
            // Schema 3 as the previous release wrote it, with a draft, a trashed draft and a
            // revision.
            QSqlDatabase v3 =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
            v3.setDatabaseName(path);
            QVERIFY(v3.open());
            QString error;
            QVERIFY2(
                execAll(
                    v3,
                    {QStringLiteral("PRAGMA journal_mode=WAL"),
                     QStringLiteral(
                         "CREATE TABLE drafts (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT "
                         "'', author_name TEXT NOT NULL DEFAULT '', author_url TEXT NOT NULL "
                         "DEFAULT '', body TEXT NOT NULL DEFAULT '', format INTEGER NOT NULL "
                         "DEFAULT 0, page_path TEXT NOT NULL DEFAULT '', page_url TEXT NOT NULL "
                         "DEFAULT '', created INTEGER NOT NULL, modified INTEGER NOT NULL, "
                         "trashed INTEGER NOT NULL DEFAULT 0)"),
                     QStringLiteral(
                         "CREATE TABLE revisions (id INTEGER PRIMARY KEY AUTOINCREMENT, draft_id "
                         "TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE, page_path TEXT "
                         "NOT NULL, page_url TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL, "
                         "title TEXT NOT NULL, author_name TEXT NOT NULL, author_url TEXT NOT "
                         "NULL, body TEXT NOT NULL, format INTEGER NOT NULL, content_json BLOB)"),
                     QStringLiteral("CREATE INDEX revisions_by_draft ON revisions(draft_id, "
                                    "created)"),
                     QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT "
                                    "NULL)"),
                     QStringLiteral("CREATE INDEX drafts_by_modified ON drafts(trashed, "
                                    "modified)"),
                     QStringLiteral("CREATE TABLE draft_options (draft_id TEXT NOT NULL, key "
                                    "TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (draft_id, "
                                    "key))"),
                     QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema', '3')"),
                     QStringLiteral("INSERT INTO drafts (id, title, body, created, modified) "
                                    "VALUES ('d1', 'Herons at dawn', 'Seen three grey herons.', "
                                    "1000, 2000)"),
                     QStringLiteral("INSERT INTO drafts (id, title, body, created, modified, "
                                    "trashed) VALUES ('d2', 'Old herons', 'gone', 1000, 1500, "
                                    "1)"),
                     QStringLiteral("INSERT INTO revisions (draft_id, page_path, created, title, "
                                    "author_name, author_url, body, format) VALUES ('d1', "
                                    "'Herons-12-03', 3000, 'Herons', '', '', 'Seen two egrets.', "
                                    "0)"),
                     QStringLiteral("INSERT INTO draft_options VALUES ('d1', 'wordGoal', "
                                    "'800')")},
                    &error),
                qPrintable(error));
            v3.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v3"));

        DraftDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.lastError()));
        QCOMPARE(DraftDatabase::schemaVersion(), 5);
        QCOMPARE(db.meta(QStringLiteral("schema")), QStringLiteral("5"));
        QVERIFY(db.searchAvailable());
        QVERIFY(DraftSearch::isIndexed(QSqlDatabase::database(db.connectionName())));
        QCOMPARE(db.draftOption(QStringLiteral("d1"), QStringLiteral("wordGoal")),
                 QStringLiteral("800"));
        const QList<SearchHit> herons = find(db, QStringLiteral("herons"));
        QCOMPARE(draftIds(herons), QStringList{QStringLiteral("d1")}); // the trashed one is not
        QCOMPARE(herons.first().title, QStringLiteral("Herons at dawn"));
        QVERIFY2(herons.first().snippetHtml.contains(QStringLiteral("<b>Herons</b>")),
                 qPrintable(herons.first().snippetHtml));
        const QList<SearchHit> egrets = find(db, QStringLiteral("egrets"));
        QCOMPARE(egrets.size(), 1);
        QCOMPARE(egrets.first().kind, SearchHit::Kind::Revision);
        QCOMPARE(egrets.first().draftId, QStringLiteral("d1"));
        // FTS5's own check: the index holds exactly what the tables hold.
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        QVERIFY2(q.exec(QStringLiteral(
                     "INSERT INTO draft_search(draft_search, rank) VALUES ('integrity-check', 1)")),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO revision_search(revision_search, rank) VALUES "
                                       "('integrity-check', 1)")),
                 qPrintable(q.lastError().text()));
    }

    void index_followsSaveRenameTrashRemoveAndRevisions()
    {
        QTemporaryDir dir;
        DraftDatabase db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("sync.db"))));
        Draft a = makeDraft(QStringLiteral("Kestrels"), QStringLiteral("A kestrel hovered."));
        QVERIFY(db.saveDraft(a));
        QCOMPARE(draftIds(find(db, QStringLiteral("hovered"))), QStringList{a.id});

        a.body = QStringLiteral("A falcon stooped.");
        QVERIFY(db.saveDraft(a)); // the upsert's update path
        QVERIFY(find(db, QStringLiteral("hovered")).isEmpty());
        QCOMPARE(draftIds(find(db, QStringLiteral("falcon"))), QStringList{a.id});

        QVERIFY(db.rename(a.id, QStringLiteral("Peregrines")));
        QVERIFY(find(db, QStringLiteral("kestrels")).isEmpty());
        QCOMPARE(draftIds(find(db, QStringLiteral("peregrines"))), QStringList{a.id});

        Revision r;
        r.draftId = a.id;
        r.pagePath = QStringLiteral("Peregrines-12-04");
        r.title = QStringLiteral("Peregrines");
        r.body = QStringLiteral("The first text, about a merlin.");
        const qint64 rid = db.addRevision(r);
        QVERIFY(rid > 0);
        QCOMPARE(draftIds(find(db, QStringLiteral("merlin")), SearchHit::Kind::Revision),
                 QStringList{QString::number(rid)});

        QVERIFY(db.setTrashed(a.id, true));
        QVERIFY(find(db, QStringLiteral("falcon")).isEmpty());
        QVERIFY(find(db, QStringLiteral("merlin")).isEmpty()); // a trashed draft's revisions too
        QVERIFY(db.setTrashed(a.id, false));
        QCOMPARE(draftIds(find(db, QStringLiteral("falcon"))), QStringList{a.id});

        const std::optional<Draft> copy = db.duplicate(a.id, QStringLiteral("Copy of peregrines"));
        QVERIFY(copy.has_value());
        QCOMPARE(find(db, QStringLiteral("falcon")).size(), 2);

        QVERIFY(db.remove(a.id));
        QCOMPARE(draftIds(find(db, QStringLiteral("falcon"))), QStringList{copy->id});
        QVERIFY(find(db, QStringLiteral("merlin")).isEmpty());

        // Several drafts saved in one transaction.
        QVERIFY(db.saveDrafts({makeDraft(QStringLiteral("One"), QStringLiteral("osprey")),
                               makeDraft(QStringLiteral("Two"), QStringLiteral("osprey nest"))}));
        QCOMPARE(find(db, QStringLiteral("osprey")).size(), 2);
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        QVERIFY2(q.exec(QStringLiteral(
                     "INSERT INTO draft_search(draft_search, rank) VALUES ('integrity-check', 1)")),
                 qPrintable(q.lastError().text()));
    }

    void search_foldsCaseAndDiacritics_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("found");
        QTest::newRow("cyrillic") << QStringLiteral("Съешь же ещё этих мягких французских булок")
                                  << QStringLiteral("булок") << true;
        QTest::newRow("cyrillic upper")
            << QStringLiteral("Привет, мир") << QStringLiteral("МИР") << true;
        QTest::newRow("cyrillic prefix")
            << QStringLiteral("французских булок") << QStringLiteral("франц") << true;
        // unicode61 folds the diacritics of Latin letters only: ё and Greek accents stay.
        QTest::newRow("ё stays ё") << QStringLiteral("ещё") << QStringLiteral("еще") << false;
        QTest::newRow("ё found") << QStringLiteral("ещё") << QStringLiteral("ЕЩЁ") << true;
        QTest::newRow("accent in text")
            << QStringLiteral("Un café crème") << QStringLiteral("cafe creme") << true;
        QTest::newRow("accent in query")
            << QStringLiteral("naive resume") << QStringLiteral("naïve résumé") << true;
        QTest::newRow("decomposed accent")
            << QStringLiteral("Un café") << QStringLiteral("cafe\u0301") << true;
        QTest::newRow("german") << QStringLiteral("Grüße aus Köln") << QStringLiteral("KOLN")
                                << true;
        QTest::newRow("greek accents stay")
            << QStringLiteral("Καλημέρα κόσμε") << QStringLiteral("καλημερα") << false;
        QTest::newRow("greek upper")
            << QStringLiteral("Καλημέρα κόσμε") << QStringLiteral("ΚΌΣΜΕ") << true;
        QTest::newRow("other word") << QStringLiteral("Un café") << QStringLiteral("thé") << false;
    }

    void search_foldsCaseAndDiacritics()
    {
        QFETCH(QString, body);
        QFETCH(QString, query);
        QFETCH(bool, found);
        QTemporaryDir dir;
        DraftDatabase db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("unicode.db"))));
        const Draft d = makeDraft(QStringLiteral("Note"), body);
        QVERIFY(db.saveDraft(d));
        QString error;
        const QList<SearchHit> hits = find(db, query, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(draftIds(hits), found ? QStringList{d.id} : QStringList());
    }

    void search_lastWordIsAPrefixUntilASpace()
    {
        QTemporaryDir dir;
        DraftDatabase db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("prefix.db"))));
        const Draft d = makeDraft(QStringLiteral("Birds"), QStringLiteral("grey herons wading"));
        QVERIFY(db.saveDraft(d));
        QCOMPARE(SearchQuery::matchExpression(QStringLiteral("grey her")),
                 QStringLiteral("\"grey\" \"her\"*"));
        QCOMPARE(draftIds(find(db, QStringLiteral("grey her"))), QStringList{d.id});
        QCOMPARE(draftIds(find(db, QStringLiteral("h"))), QStringList{d.id});
        QVERIFY(find(db, QStringLiteral("grey her ")).isEmpty()); // "her" is a whole word now
        QVERIFY(find(db, QStringLiteral("gr herons")).isEmpty()); // only the last is a prefix
        QCOMPARE(draftIds(find(db, QStringLiteral("wading grey"))), QStringList{d.id});
    }

    void search_hostileInput_neverFailsAndFindsTheWords_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("found"); // the draft below holds every word of the queries
        QTest::newRow("quote") << QStringLiteral("\"") << false;
        QTest::newRow("two quotes") << QStringLiteral("\"\"") << false;
        QTest::newRow("open quote") << QStringLiteral("\"alpha") << true;
        QTest::newRow("quote inside") << QStringLiteral("al\"pha") << false;
        QTest::newRow("AND") << QStringLiteral("AND") << true;
        QTest::newRow("OR between") << QStringLiteral("alpha OR") << true;
        QTest::newRow("NOT alone") << QStringLiteral("NOT") << true;
        QTest::newRow("NOT missing") << QStringLiteral("alpha NOT zulu") << false;
        QTest::newRow("NEAR group") << QStringLiteral("NEAR(alpha beta, 2)") << true;
        QTest::newRow("NEAR slash") << QStringLiteral("alpha NEAR/3 beta") << true;
        QTest::newRow("star") << QStringLiteral("*") << false;
        QTest::newRow("star word") << QStringLiteral("*alpha") << true;
        QTest::newRow("inner star") << QStringLiteral("al*pha") << false;
        QTest::newRow("caret") << QStringLiteral("^alpha") << true;
        QTest::newRow("column filter") << QStringLiteral("title:alpha") << true;
        QTest::newRow("column filter, no word") << QStringLiteral("author:alpha") << false;
        QTest::newRow("column set") << QStringLiteral("{title body}: alpha") << true;
        QTest::newRow("parentheses") << QStringLiteral("((alpha)") << true;
        QTest::newRow("minus plus") << QStringLiteral("-alpha +beta") << true;
        QTest::newRow("colon") << QStringLiteral(":") << false;
        QTest::newRow("sql") << QStringLiteral("'; DROP TABLE drafts; --") << true;
        QTest::newRow("sql, no word") << QStringLiteral("'); DELETE FROM drafts; --") << false;
        QTest::newRow("control") << QStringLiteral("alpha") + QChar(1) + QChar(2) + QChar(3) +
                                        QStringLiteral("beta")
                                 << true;
        QTest::newRow("trailing star") << QStringLiteral("alp*") << true;
        QTest::newRow("nul") << QString(QStringLiteral("alpha")).append(QChar(0)) << true;
        QTest::newRow("lone surrogate") << QString(QChar(0xd800)) + QStringLiteral("alpha") << true;
        QTest::newRow("emoji") << QStringLiteral("🦩 alpha") << true;
        QTest::newRow("long word") << QString(100000, QLatin1Char('a')) << false;
        QTest::newRow("many words")
            << QStringLiteral("alpha ").repeated(5000) << true; // cut at SearchQuery::MaxInput
        QTest::newRow("only spaces") << QStringLiteral("   ") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void search_hostileInput_neverFailsAndFindsTheWords()
    {
        QFETCH(QString, query);
        QFETCH(bool, found);
        QTemporaryDir dir;
        DraftDatabase db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("hostile.db"))));
        const Draft d = makeDraft(
            QStringLiteral("NEAR and OR"),
            QStringLiteral("alpha beta AND NOT near title body drop table drafts 2 3 🦩 <b>"));
        QVERIFY(db.saveDraft(d));
        const QString expr = SearchQuery::matchExpression(query);
        QVERIFY(expr.size() <= SearchQuery::MaxInput + 3 * SearchQuery::MaxWords);
        QString error;
        const QList<SearchHit> hits = find(db, query, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error + QStringLiteral(" for ") + expr));
        QCOMPARE(draftIds(hits), found ? QStringList{d.id} : QStringList());
        QCOMPARE(db.drafts().size(), 1);
    }

    void snippet_isEscapedHtmlWithTheMatchInBold()
    {
        QTemporaryDir dir;
        DraftDatabase db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("snippet.db"))));
        QVERIFY(db.saveDraft(makeDraft(
            QStringLiteral("Tags"),
            QStringLiteral("<script>alert(1)</script> & the needle \"quoted\" \x02 stray"))));
        const QList<SearchHit> hits = find(db, QStringLiteral("needle"));
        QCOMPARE(hits.size(), 1);
        const QString html = hits.first().snippetHtml;
        QVERIFY2(html.contains(QStringLiteral("&lt;script&gt;")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("<b>needle</b>")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("&amp;")) && html.contains(QStringLiteral("&quot;")),
                 qPrintable(html));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QCOMPARE(html.count(QStringLiteral("<b>")), html.count(QStringLiteral("</b>")));
        QCOMPARE(SearchQuery::markedToHtml(QStringLiteral("\x02open <i> never closed")),
                 QStringLiteral("<b>open &lt;i&gt; never closed</b>"));
        QCOMPARE(SearchQuery::markedToHtml(QStringLiteral("\x03\x02\x02") + QLatin1Char('a') +
                                           QStringLiteral("\x03\x03")),
                 QStringLiteral("<b>a</b>"));
    }

    void pageCache_indexesTitlesAndDescriptionsOfEveryAccount()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(PageCache::defaultFileName());
        {
            // A cache written before the index existed: its pages are indexed when opened.
            PageCache::setFts5DisabledForTesting(true);
            PageCache old;
            QVERIFY(old.open(path));
            Page p;
            p.path = QStringLiteral("Old-page-01-01");
            p.url = QStringLiteral("https://telegra.ph/Old-page-01-01");
            p.title = QStringLiteral("Lighthouses of Brittany");
            QVERIFY(old.storePages(QStringLiteral("sandbox:alice"), 0, {p}, 1));
            PageCache::setFts5DisabledForTesting(false);
        }
        PageCache cache;
        QVERIFY2(cache.open(path), qPrintable(cache.lastError()));
        const QString conn = QStringLiteral("pages-reader");
        {
            QSqlDatabase reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), conn);
            reader.setDatabaseName(path);
            QVERIFY(reader.open());
            auto pagesFound = [&](const QString &text) {
                QList<SearchHit> hits;
                QString error;
                if (!PageCache::search(reader, SearchQuery::matchExpression(text), 20, &hits,
                                       &error))
                    qWarning() << error;
                QStringList out;
                for (const SearchHit &h : std::as_const(hits))
                    out << h.account + QLatin1Char('/') + h.pagePath;
                return out;
            };
            QVERIFY(PageCache::isIndexed(reader));
            QCOMPARE(pagesFound(QStringLiteral("brittany")),
                     QStringList{QStringLiteral("sandbox:alice/Old-page-01-01")});

            Page a;
            a.path = QStringLiteral("Tides-12-01");
            a.title = QStringLiteral("Spring tides");
            a.description = QStringLiteral("When the moon pulls hardest");
            Page b;
            b.path = QStringLiteral("Moon-12-02");
            b.title = QStringLiteral("Moon phases");
            QVERIFY(cache.storePages(QStringLiteral("sandbox:alice"), 0, {a}, 2));
            QVERIFY(cache.storePages(QStringLiteral("sandbox:bob"), 0, {b}, 1));
            // Position 0 of alice was replaced: the lighthouse page is gone from the index.
            QVERIFY(pagesFound(QStringLiteral("brittany")).isEmpty());
            QCOMPARE(pagesFound(QStringLiteral("moon")).size(), 2);
            QCOMPARE(pagesFound(QStringLiteral("hardest")),
                     QStringList{QStringLiteral("sandbox:alice/Tides-12-01")});
            a.title = QStringLiteral("Neap tides");
            QVERIFY(cache.updatePage(QStringLiteral("sandbox:alice"), a));
            QVERIFY(pagesFound(QStringLiteral("spring")).isEmpty());
            QCOMPARE(pagesFound(QStringLiteral("neap")).size(), 1);
            QVERIFY(cache.removeAccount(QStringLiteral("sandbox:bob")));
            QCOMPARE(pagesFound(QStringLiteral("moon")),
                     QStringList{QStringLiteral("sandbox:alice/Tides-12-01")});
            QVERIFY(cache.truncate(QStringLiteral("sandbox:alice"), 0));
            QVERIFY(pagesFound(QStringLiteral("moon")).isEmpty());
            reader.close();
        }
        QSqlDatabase::removeDatabase(conn);
    }

    void withoutFts5_savesWork_searchSaysSo_andTheIndexIsBuiltLater()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nofts.db"));
        const Draft before = makeDraft(QStringLiteral("Before"), QStringLiteral("puffin"));
        const Draft during = makeDraft(QStringLiteral("During"), QStringLiteral("gannet"));
        {
            DraftDatabase db;
            QVERIFY(db.open(path));
            QVERIFY(db.saveDraft(before));
        }
        {
            // Opened where SQLite has no FTS5: the triggers go, saves keep working.
            DraftDatabase::setFts5DisabledForTesting(true);
            DraftDatabase db;
            const bool opened = db.open(path);
            DraftDatabase::setFts5DisabledForTesting(false);
            QVERIFY2(opened, qPrintable(db.lastError()));
            QVERIFY(!db.searchAvailable());
            QVERIFY(db.saveDraft(during));
            QVERIFY(db.rename(before.id, QStringLiteral("Renamed")));
            QVERIFY(!DraftSearch::isIndexed(QSqlDatabase::database(db.connectionName())));
            SearchService service;
            service.setFiles(path, QString());
            QSignalSpy done(&service, &SearchService::finished);
            service.search(QStringLiteral("gannet"));
            QVERIFY(done.wait(5000));
            const SearchOutcome out = done.first().first().value<SearchOutcome>();
            QVERIFY(!out.available);
            QVERIFY(out.hits.isEmpty());
        }
        DraftDatabase db;
        QVERIFY(db.open(path));
        QVERIFY(db.searchAvailable());
        QCOMPARE(draftIds(find(db, QStringLiteral("gannet"))), QStringList{during.id});
        QCOMPARE(draftIds(find(db, QStringLiteral("renamed"))), QStringList{before.id});
        QVERIFY(find(db, QStringLiteral("before")).isEmpty());
    }

    void service_searchesOffThread_dropsStaleQueries_andLocatesTheMatch()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("service.db"));
        DraftDatabase db;
        QVERIFY(db.open(path));
        for (int i = 0; i < 200; ++i)
            QVERIFY(db.saveDraft(makeDraft(QStringLiteral("Note %1").arg(i),
                                           QStringLiteral("common words and cormorant%1").arg(i))));
        QVERIFY(db.saveDraft(makeDraft(QStringLiteral("Target"), QStringLiteral("a shag"))));
        SearchService service;
        service.setFiles(path, dir.filePath(QStringLiteral("missing-pages.sqlite")));
        QSignalSpy done(&service, &SearchService::finished);
        // Typed one letter at a time: only the newest search's outcome may arrive.
        const QString typed = QStringLiteral("cormorant17 ");
        quint64 last = 0;
        for (int i = 1; i <= typed.size(); ++i)
            last = service.search(typed.left(i));
        QTRY_VERIFY(!done.isEmpty());
        service.waitIdle();
        QCoreApplication::processEvents();
        QCOMPARE(done.size(), 1);
        const SearchOutcome out = done.first().first().value<SearchOutcome>();
        QCOMPARE(out.serial, last);
        QCOMPARE(out.text, typed);
        QVERIFY(out.available);
        QCOMPARE(out.hits.size(), 1);
        QCOMPARE(out.hits.first().title, QStringLiteral("Note 17"));

        QSignalSpy located(&service, &SearchService::located);
        const QString body =
            QStringLiteral("Первая строка.\nThe café by the Quay, then more café.");
        service.locate(QStringLiteral("CAFE qu"), QStringLiteral("Title"), body);
        QVERIFY(located.wait(5000));
        SearchLocation where = located.first().first().value<SearchLocation>();
        QCOMPARE(where.field, SearchLocation::Field::Body);
        QCOMPARE(body.mid(where.start, where.length), QStringLiteral("café"));
        QCOMPARE(where.start, int(body.indexOf(QStringLiteral("café"))));
        located.clear();
        service.locate(QStringLiteral("title bogus"), QStringLiteral("My Title"), body);
        QVERIFY(located.wait(5000));
        where = located.first().first().value<SearchLocation>();
        QCOMPARE(where.field, SearchLocation::Field::Title);
        QCOMPARE(where.start, 3);
        QCOMPARE(where.length, 5);
    }

    void search_2000Drafts_reportsTheTimes()
    {
        QTemporaryDir dir;
        DraftDatabase db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("big.db"))));
        QList<Draft> drafts;
        const QStringList vocabulary =
            QStringLiteral(
                "river stone light morning harbour winter letter garden window paper bridge "
                "station forest silver engine market candle")
                .split(QLatin1Char(' '));
        for (int i = 0; i < 2000; ++i) {
            QString body;
            for (int w = 0; w < 400; ++w)
                body += vocabulary.at((i * 7 + w * 13) % vocabulary.size()) + QLatin1Char(' ');
            drafts.append(makeDraft(QStringLiteral("Draft %1").arg(i),
                                    body + QStringLiteral("unique%1").arg(i)));
        }
        QElapsedTimer t;
        t.start();
        QVERIFY(db.saveDrafts(drafts));
        const qint64 indexMs = t.elapsed();
        t.restart();
        const QList<SearchHit> hits = find(db, QStringLiteral("harbour win"));
        const qint64 queryMs = t.elapsed();
        QCOMPARE(hits.size(), 50); // limited
        t.restart();
        QCOMPARE(find(db, QStringLiteral("unique1234")).size(), 1);
        const qint64 rareMs = t.elapsed();
        // Figures for the record; the benchmark in tests/bench measures them properly.
        qInfo("2000 drafts of 400 words: saved and indexed in %lld ms; a common prefix query "
              "in %lld ms, a rare word in %lld ms",
              indexMs, queryMs, rareMs);
    }
};

TG_TEST_MAIN_CORE(TestSearchIndex)
#include "tst_searchindex.moc"
