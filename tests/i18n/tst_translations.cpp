// SPDX-License-Identifier: MIT
// The translation completeness check: every language's .ts file exists, has a finished
// translation for every message, and holds exactly the messages lupdate finds in the current
// sources (a new tr() string without translations fails here, naming file and string).
#include "testmain.h"
#include "tsfile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <QSet>

using tg::test::TsFile;

namespace {

const QString SourceDir = QStringLiteral(TG_SOURCE_DIR);

QStringList languages()
{
    return QStringLiteral(TG_LANGUAGES).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

QString tsName(const QString &language)
{
    return QStringLiteral("telegraph-desktop_%1.ts").arg(language);
}

// Lists problems one per line under a heading, for a readable failure message.
QString report(const QString &heading, const QStringList &lines)
{
    return heading + QStringLiteral(":\n    ") + lines.join(QStringLiteral("\n    "));
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void tsFile_exists_data() { languageRows(); }
    void tsFile_exists();
    void tsFile_hasNoUnfinishedOrEmptyTranslations_data() { languageRows(); }
    void tsFile_hasNoUnfinishedOrEmptyTranslations();
    void tsFile_matchesCurrentSources_data() { languageRows(); }
    void tsFile_matchesCurrentSources();

    void parser_flagsEachKindOfIncompleteMessage_data();
    void parser_flagsEachKindOfIncompleteMessage();
    void parser_rejectsMalformedOrForeignFiles_data();
    void parser_rejectsMalformedOrForeignFiles();

private:
    void languageRows();

    QTemporaryDir m_fresh; ///< copies of the .ts files refreshed by lupdate from the sources
    QString m_lupdateError;
};

void TestTranslations::languageRows()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : languages())
        QTest::newRow(qPrintable(language)) << language;
}

void TestTranslations::initTestCase()
{
    QVERIFY(m_fresh.isValid());
    QVERIFY2(languages().size() >= 6, "the build lists fewer than six languages");
    // Refresh copies exactly as scripts/update-translations.sh refreshes the committed files.
    QStringList args{QStringLiteral("-silent"),
                     QStringLiteral("-no-obsolete"),
                     QStringLiteral("-locations"),
                     QStringLiteral("none"),
                     QStringLiteral("-source-language"),
                     QStringLiteral("en"),
                     QStringLiteral("-extensions"),
                     QStringLiteral("cpp,h"),
                     QStringLiteral("ui"),
                     QStringLiteral("core"),
                     QStringLiteral("app"),
                     QStringLiteral("-ts")};
    for (const QString &language : languages()) {
        const QString original = SourceDir + QStringLiteral("/translations/") + tsName(language);
        const QString copy = m_fresh.filePath(tsName(language));
        if (QFile::exists(original))
            QVERIFY(QFile::copy(original, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        args << copy;
    }
    QProcess lupdate;
    lupdate.setWorkingDirectory(SourceDir);
    lupdate.start(QStringLiteral(TG_LUPDATE), args);
    if (!lupdate.waitForFinished(90000) || lupdate.exitStatus() != QProcess::NormalExit ||
        lupdate.exitCode() != 0) {
        m_lupdateError =
            QStringLiteral("lupdate failed: %1 %2")
                .arg(lupdate.errorString(), QString::fromLocal8Bit(lupdate.readAllStandardError()));
    }
}

void TestTranslations::tsFile_exists()
{
    QFETCH(QString, language);
    const QString path = SourceDir + QStringLiteral("/translations/") + tsName(language);
    TsFile ts;
    QVERIFY2(ts.load(path), qPrintable(path + QStringLiteral(": ") + ts.error()));
    QCOMPARE(ts.language(), language);
    QVERIFY2(!ts.messages().isEmpty(), qPrintable(path + QStringLiteral(" has no messages")));
}

void TestTranslations::tsFile_hasNoUnfinishedOrEmptyTranslations()
{
    QFETCH(QString, language);
    const QString name = tsName(language);
    TsFile ts;
    QVERIFY2(ts.load(SourceDir + QStringLiteral("/translations/") + name), qPrintable(ts.error()));
    QStringList problems;
    for (const TsFile::Message &m : ts.messages()) {
        if (!m.translated) {
            const QString why = m.type.isEmpty() ? QStringLiteral("empty") : m.type;
            problems << why + QStringLiteral(": ") + m.describe();
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(report(QStringLiteral("translations/%1: %2 of %3 messages not translated")
                                   .arg(name)
                                   .arg(problems.size())
                                   .arg(ts.messages().size()),
                               problems)));
}

void TestTranslations::tsFile_matchesCurrentSources()
{
    QFETCH(QString, language);
    QVERIFY2(m_lupdateError.isEmpty(), qPrintable(m_lupdateError));
    const QString name = tsName(language);
    TsFile committed;
    TsFile fresh;
    QVERIFY2(committed.load(SourceDir + QStringLiteral("/translations/") + name),
             qPrintable(committed.error()));
    QVERIFY2(fresh.load(m_fresh.filePath(name)), qPrintable(fresh.error()));

    QSet<QString> committedKeys;
    for (const TsFile::Message &m : committed.messages())
        committedKeys.insert(m.key());
    QSet<QString> freshKeys;
    QStringList problems;
    for (const TsFile::Message &m : fresh.messages()) {
        freshKeys.insert(m.key());
        if (!committedKeys.contains(m.key()))
            problems << QStringLiteral("missing (new in the sources): ") + m.describe();
    }
    for (const TsFile::Message &m : committed.messages()) {
        if (!freshKeys.contains(m.key()))
            problems << QStringLiteral("vanished (gone from the sources): ") + m.describe();
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(report(QStringLiteral("translations/%1 is out of date; run "
                                              "scripts/update-translations.sh, then translate")
                                   .arg(name),
                               problems)));
}

void TestTranslations::parser_flagsEachKindOfIncompleteMessage_data()
{
    QTest::addColumn<QByteArray>("translation");
    QTest::addColumn<bool>("translated");
    QTest::newRow("finished") << QByteArray("<translation>Datei</translation>") << true;
    QTest::newRow("unfinished") << QByteArray(
                                       "<translation type=\"unfinished\">Datei</translation>")
                                << false;
    QTest::newRow("unfinished-empty")
        << QByteArray("<translation type=\"unfinished\"></translation>") << false;
    QTest::newRow("vanished") << QByteArray("<translation type=\"vanished\">Datei</translation>")
                              << false;
    QTest::newRow("obsolete") << QByteArray("<translation type=\"obsolete\">Datei</translation>")
                              << false;
    QTest::newRow("empty") << QByteArray("<translation></translation>") << false;
    QTest::newRow("blank") << QByteArray("<translation>  </translation>") << false;
    QTest::newRow("plural-complete")
        << QByteArray("<translation><numerusform>%n Seite</numerusform>"
                      "<numerusform>%n Seiten</numerusform>"
                      "</translation>")
        << true;
    QTest::newRow("plural-one-form-empty")
        << QByteArray("<translation><numerusform>%n Seite</numerusform>"
                      "<numerusform></numerusform></translation>")
        << false;
}

void TestTranslations::parser_flagsEachKindOfIncompleteMessage()
{
    QFETCH(QByteArray, translation);
    QFETCH(bool, translated);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("x_de.ts"));
    QVERIFY(
        writeFile(path, "<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE TS>"
                        "<TS version=\"2.1\" language=\"de\"><context><name>tg::MainWindow</name>"
                        "<message><source>File</source><comment>menu</comment>" +
                            translation + "</message></context></TS>"));
    TsFile ts;
    QVERIFY2(ts.load(path), qPrintable(ts.error()));
    QCOMPARE(ts.language(), QStringLiteral("de"));
    QCOMPARE(ts.messages().size(), 1);
    const TsFile::Message &m = ts.messages().constFirst();
    QCOMPARE(m.context, QStringLiteral("tg::MainWindow"));
    QCOMPARE(m.source, QStringLiteral("File"));
    QCOMPARE(m.comment, QStringLiteral("menu"));
    QCOMPARE(m.translated, translated);
    QCOMPARE(m.describe(), QStringLiteral("[tg::MainWindow] \"File\" (menu)"));
}

void TestTranslations::parser_rejectsMalformedOrForeignFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("truncated") << QByteArray("<TS language=\"de\"><context><name>x</name>");
    QTest::newRow("not-xml") << QByteArray("msgid \"File\"\nmsgstr \"Datei\"\n");
    QTest::newRow("no-language") << QByteArray("<TS version=\"2.1\"></TS>");
    QTest::newRow("empty") << QByteArray();
}

void TestTranslations::parser_rejectsMalformedOrForeignFiles()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bad.ts"));
    QVERIFY(writeFile(path, content));
    TsFile ts;
    QVERIFY(!ts.load(path));
    QVERIFY(!ts.error().isEmpty());
    QVERIFY(!ts.load(dir.filePath(QStringLiteral("missing.ts"))));
}

TG_TEST_MAIN_CORE(TestTranslations)
#include "tst_translations.moc"
