// SPDX-License-Identifier: MIT
// Draft templates on a real drafts database: the built-in ones, saving a draft as a template,
// renaming and deleting it across reopening, the limits on names and sizes, the schema step that
// adds the templates table and the copy of templates when the database moves.
#include "storage/draftdatabase.h"
#include "storage/draftstore.h"
#include "testmain.h"
#include "workflow/templatestore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace tg;

class TestTemplates : public QObject
{
    Q_OBJECT

    static Draft draft(const QString &title, const QString &body,
                       DraftFormat format = DraftFormat::Markdown)
    {
        Draft d = Draft::create(format);
        d.title = title;
        d.body = body;
        return d;
    }

    static QStringList names(const QList<DraftTemplate> &list)
    {
        QStringList out;
        for (const DraftTemplate &t : list)
            out.append(t.name);
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void builtIns_arePresent_nonEmpty_andStructured_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::newRow("article") << QStringLiteral("builtin:article") << QStringLiteral("Article");
        QTest::newRow("announcement")
            << QStringLiteral("builtin:announcement") << QStringLiteral("Announcement");
        QTest::newRow("changelog")
            << QStringLiteral("builtin:changelog") << QStringLiteral("Changelog");
    }
    void builtIns_arePresent_nonEmpty_andStructured()
    {
        QFETCH(QString, id);
        QFETCH(QString, name);
        const TemplateStore templates(nullptr);
        const std::optional<DraftTemplate> t = templates.find(id);
        QVERIFY(t.has_value());
        QCOMPARE(t->name, name);
        QVERIFY(t->builtIn);
        QVERIFY(!t->description.isEmpty());
        QCOMPARE(t->format, DraftFormat::Markdown);
        QVERIFY(t->title.isEmpty());
        // A lead paragraph, headings and a list, and a text that would publish as a page.
        QVERIFY2(t->body.contains(QLatin1String("\n### ")), qPrintable(t->body));
        QVERIFY2(t->body.contains(QLatin1String("\n- ")), qPrintable(t->body));
        QVERIFY(!t->body.startsWith(QLatin1Char('#')));
        QCOMPARE(TemplateStore::checkText(t->body, t->format), QString());
        const Draft d = TemplateStore::newDraft(*t);
        QCOMPARE(d.body, t->body);
        QVERIFY(!d.id.isEmpty());
        QVERIFY(d.pagePath.isEmpty());
    }

    void saveDraft_keepsTitleBodyAndFormat_andSurvivesReopening()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("drafts.sqlite"));
        QString id;
        {
            DraftStore store;
            QVERIFY2(store.open(path), qPrintable(store.lastError()));
            const TemplateStore templates(&store);
            QString error;
            const std::optional<DraftTemplate> saved = templates.saveDraft(
                draft(QStringLiteral("Weekly notes"), QStringLiteral("<p>What <b>happened</b></p>"),
                      DraftFormat::Html),
                QStringLiteral("  Weekly  "), &error);
            QVERIFY2(saved.has_value(), qPrintable(error));
            QCOMPARE(saved->name, QStringLiteral("Weekly"));
            QVERIFY(!saved->builtIn);
            id = saved->id;
            QCOMPARE(templates.templates().size(), TemplateStore::builtIns().size() + 1);
        }
        DraftStore store;
        QVERIFY(store.open(path));
        const TemplateStore templates(&store);
        const std::optional<DraftTemplate> back = templates.find(id);
        QVERIFY(back.has_value());
        QCOMPARE(back->name, QStringLiteral("Weekly"));
        QCOMPARE(back->title, QStringLiteral("Weekly notes"));
        QCOMPARE(back->body, QStringLiteral("<p>What <b>happened</b></p>"));
        QCOMPARE(back->format, DraftFormat::Html);
        const Draft d = TemplateStore::newDraft(*back);
        QCOMPARE(d.title, back->title);
        QCOMPARE(d.format, DraftFormat::Html);
        // The built-in ones come first, then the writer's by name.
        QCOMPARE(names(templates.templates()).last(), QStringLiteral("Weekly"));
        QCOMPARE(templates.templates().first().id, QStringLiteral("builtin:article"));
    }

    void renameAndRemove_changeTheWritersTemplate_acrossReopening()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("drafts.sqlite"));
        QString keptId;
        {
            DraftStore store;
            QVERIFY(store.open(path));
            const TemplateStore templates(&store);
            const auto a =
                templates.saveDraft(draft({}, QStringLiteral("one")), QStringLiteral("First"));
            const auto b =
                templates.saveDraft(draft({}, QStringLiteral("two")), QStringLiteral("Second"));
            QVERIFY(a && b);
            keptId = a->id;
            QString error;
            QVERIFY2(templates.rename(a->id, QStringLiteral("Renamed"), &error), qPrintable(error));
            // Its own name in another case is not taken.
            QVERIFY2(templates.rename(a->id, QStringLiteral("RENAMED"), &error), qPrintable(error));
            QVERIFY2(templates.remove(b->id, &error), qPrintable(error));
            QVERIFY(!templates.remove(b->id, &error));
            QVERIFY2(error.contains(QLatin1String("no such template")), qPrintable(error));
            QVERIFY(!templates.rename(b->id, QStringLiteral("Ghost"), &error));
        }
        DraftStore store;
        QVERIFY(store.open(path));
        const TemplateStore templates(&store);
        QCOMPARE(templates.templates().size(), TemplateStore::builtIns().size() + 1);
        QCOMPARE(templates.find(keptId)->name, QStringLiteral("RENAMED"));
        QCOMPARE(templates.find(keptId)->body, QStringLiteral("one"));
    }

    void builtIns_cannotBeRenamedOrDeleted()
    {
        QTemporaryDir dir;
        DraftStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("drafts.sqlite"))));
        const TemplateStore templates(&store);
        QString error;
        QVERIFY(!templates.remove(QStringLiteral("builtin:article"), &error));
        QVERIFY2(error.contains(QLatin1String("Built-in")), qPrintable(error));
        error.clear();
        QVERIFY(
            !templates.rename(QStringLiteral("builtin:changelog"), QStringLiteral("Mine"), &error));
        QVERIFY2(error.contains(QLatin1String("Built-in")), qPrintable(error));
        QCOMPARE(templates.templates().size(), 3);
    }

    void badNames_areRefusedWithTheReason_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QString() << QStringLiteral("needs a name");
        QTest::newRow("spaces") << QStringLiteral("   \t ") << QStringLiteral("needs a name");
        QTest::newRow("too long") << QString(81, QLatin1Char('x')) << QStringLiteral("81");
        QTest::newRow("line break")
            << QStringLiteral("two\nlines") << QStringLiteral("line breaks");
        QTest::newRow("control") << QStringLiteral("bell\x07") << QStringLiteral("control");
        QTest::newRow("bidi override")
            << (QStringLiteral("evil") + QChar(0x202E) + QStringLiteral("txt"))
            << QStringLiteral("control");
        QTest::newRow("a built-in's name")
            << QStringLiteral("article") << QStringLiteral("“Article” exists");
        QTest::newRow("a saved one's name")
            << QStringLiteral("MINE") << QStringLiteral("“Mine” exists");
    }
    void badNames_areRefusedWithTheReason()
    {
        QFETCH(QString, name);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        DraftStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("drafts.sqlite"))));
        const TemplateStore templates(&store);
        const auto mine =
            templates.saveDraft(draft({}, QStringLiteral("text")), QStringLiteral("Mine"));
        QVERIFY(mine.has_value());
        QString error;
        QVERIFY(!templates.saveDraft(draft({}, QStringLiteral("other")), name, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        error.clear();
        if (name.compare(QLatin1String("mine"), Qt::CaseInsensitive) != 0) {
            QVERIFY(!templates.rename(mine->id, name, &error));
            QVERIFY2(error.contains(reason), qPrintable(error));
        }
        QCOMPARE(templates.templates().size(), 4); // nothing was added
        QCOMPARE(templates.find(mine->id)->name, QStringLiteral("Mine"));
    }

    void oversizeOrEmptyText_isRefusedWithTheReason_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("reason");
        QTest::newRow("source over 1 MiB")
            << QString(1024 * 1024 + 1, QLatin1Char('a')) << QStringLiteral("at most 1024 KiB");
        // Under 1 MiB in UTF-16 units, over it in UTF-8.
        QTest::newRow("UTF-8 over 1 MiB")
            << QString(400 * 1024, QChar(0x6F22)) << QStringLiteral("at most 1024 KiB");
        QString paragraphs;
        for (int i = 0; i < 100; ++i)
            paragraphs += QString(700, QLatin1Char('b')) + QStringLiteral("\n\n");
        QTest::newRow("content over 64 KiB") << paragraphs << QStringLiteral("at most 64 KiB");
        QTest::newRow("empty") << QStringLiteral(" \n ") << QStringLiteral("no text");
    }
    void oversizeOrEmptyText_isRefusedWithTheReason()
    {
        QFETCH(QString, body);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        DraftStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("drafts.sqlite"))));
        const TemplateStore templates(&store);
        QString error;
        QVERIFY(!templates.saveDraft(draft({}, body), QStringLiteral("Big"), &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QCOMPARE(templates.templates().size(), 3);
    }

    void storedRowsOverTheLimit_areLeftOut()
    {
        // A row written by something else (another build, a hand-edited file) is not offered.
        QTemporaryDir dir;
        DraftStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("drafts.sqlite"))));
        bool ok = false;
        store.run([&](DraftDatabase &db) {
            StoredTemplate huge;
            huge.id = QStringLiteral("huge");
            huge.name = QStringLiteral("Huge");
            huge.body = QString(TemplateStore::MaxSourceBytes + 1, QLatin1Char('h'));
            ok = db.saveTemplate(huge);
        });
        QVERIFY(ok);
        const TemplateStore templates(&store);
        QVERIFY(!templates.find(QStringLiteral("huge")).has_value());
        QCOMPARE(templates.templates().size(), 3);
    }

    void migration_fromSchema4_addsTheTemplatesTable_andKeepsTheDrafts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v4.sqlite"));
        const Draft kept = draft(QStringLiteral("Kept"), QStringLiteral("from schema 4"));
        {
            // Schema 4 is schema 5 without the templates table.
            DraftDatabase db;
            QVERIFY(db.open(path));
            QVERIFY(db.saveDraft(kept));
            QVERIFY(db.setDraftOption(kept.id, QStringLiteral("wordGoal"), QStringLiteral("300")));
            QSqlQuery q(QSqlDatabase::database(db.connectionName()));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE templates")));
            QVERIFY(db.setMeta(QStringLiteral("schema"), QStringLiteral("4")));
        }
        DraftStore store;
        QVERIFY2(store.open(path), qPrintable(store.lastError()));
        QString schema;
        store.run([&](DraftDatabase &db) { schema = db.meta(QStringLiteral("schema")); });
        QCOMPARE(DraftDatabase::schemaVersion(), 5);
        QCOMPARE(schema, QStringLiteral("5"));
        QCOMPARE(store.draft(kept.id)->body, kept.body);
        QCOMPARE(store.option(kept.id, QStringLiteral("wordGoal")), QStringLiteral("300"));
        const TemplateStore templates(&store);
        QString error;
        QVERIFY2(templates.saveDraft(kept, QStringLiteral("After migration"), &error),
                 qPrintable(error));
        QCOMPARE(templates.templates().size(), 4);
    }

    void relocate_takesTheTemplatesAlong()
    {
        QTemporaryDir dir;
        DraftStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("old.sqlite"))));
        const TemplateStore templates(&store);
        const auto saved = templates.saveDraft(draft(QStringLiteral("T"), QStringLiteral("moved")),
                                               QStringLiteral("Moving"));
        QVERIFY(saved.has_value());
        QString error;
        QVERIFY2(store.relocate(dir.filePath(QStringLiteral("new.sqlite")), &error),
                 qPrintable(error));
        QCOMPARE(store.path(), dir.filePath(QStringLiteral("new.sqlite")));
        QCOMPARE(templates.find(saved->id)->body, QStringLiteral("moved"));
    }
};

TG_TEST_MAIN_CORE(TestTemplates)

#include "tst_templates.moc"
