// SPDX-License-Identifier: MIT
// The spell checker over the real Hunspell library and the dictionaries installed in
// /usr/share/hunspell (scripts/install-deps.sh installs en_US, ru_RU, de_DE, es, pt_BR, uk_UA).
#include "content/personaldictionary.h"
#include "content/spellchecker.h"
#include "content/spelldictionaries.h"
#include "content/spelltokens.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace tg;

namespace {

const QStringList SystemDirs = {QStringLiteral("/usr/share/hunspell"),
                                QStringLiteral("/usr/share/myspell"),
                                QStringLiteral("/usr/share/myspell/dicts")};

std::unique_ptr<SpellChecker> loadSystem(const QString &language, QString *why)
{
    const SpellDictionaries dictionaries(SystemDirs);
    const auto info = dictionaries.find(language);
    if (!info) {
        *why = QStringLiteral("no %1 dictionary: install %2")
                   .arg(language, SpellDictionaries::packageHint(language));
        return nullptr;
    }
    return SpellChecker::load(*info, why);
}

QString words(const QString &text, SpellSyntax syntax)
{
    QStringList out;
    for (const SpellToken &t : spellTokens(text, syntax))
        out.append(text.mid(t.start, t.length));
    return out.join(QLatin1Char('|'));
}

int fileMode(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

} // namespace

class TestSpellChecker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(SpellChecker::isAvailable(), "this build has no Hunspell");
        qunsetenv(SpellDictionaries::DirEnvVar);
    }

    void tokens_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("html");
        QTest::addColumn<QString>("expected");
        auto md = [](const char *name, const QString &text, const QString &expected) {
            QTest::newRow(name) << text << false << expected;
        };
        auto html = [](const char *name, const QString &text, const QString &expected) {
            QTest::newRow(name) << text << true << expected;
        };
        md("plain", QStringLiteral("Hello world"), QStringLiteral("Hello|world"));
        md("emphasis marks", QStringLiteral("# Heading *bold* _it_ **b** __u__"),
           QStringLiteral("Heading|bold|it|b|u"));
        md("link target", QStringLiteral("see [the docs](https://example.com/a_b (x)) now"),
           QStringLiteral("see|the|docs|now"));
        md("image source", QStringLiteral("![alt text](pictures/wrongname.png)"),
           QStringLiteral("alt|text"));
        md("reference definition", QStringLiteral("[ref]: https://x.example/zz \"Title\""),
           QString());
        md("reference label", QStringLiteral("[text][labelx] more"), QStringLiteral("text|more"));
        md("footnote definition is prose", QStringLiteral("[^1]: Footnote text"),
           QStringLiteral("Footnote|text"));
        md("inline code", QStringLiteral("use `code spann` here"), QStringLiteral("use|here"));
        md("double backtick code", QStringLiteral("``a ` bx`` after"), QStringLiteral("after"));
        md("unclosed backtick is text", QStringLiteral("a ` word"), QStringLiteral("a|word"));
        md("fenced code", QStringLiteral("before\n```js\nvar wrongword;\n```\nafter"),
           QStringLiteral("before|after"));
        md("tilde fence needs its length",
           QStringLiteral("~~~~ py\nx\n~~~\nstill codee\n~~~~\nout"), QStringLiteral("out"));
        md("lazy continuation", QStringLiteral("para\n    continued"),
           QStringLiteral("para|continued"));
        md("indented code", QStringLiteral("para\n\n    indentd code\n\n    more codee\nback"),
           QStringLiteral("para|back"));
        md("indented code at start", QStringLiteral("\tcodde\ntext"), QStringLiteral("text"));
        md("urls", QStringLiteral("visit http://foo.bar/bazz, or www.example.org (ftp://x.y)"),
           QStringLiteral("visit|or"));
        md("autolink", QStringLiteral("at <https://exmple.com/wrong> and <me@exmple.com>"),
           QStringLiteral("at|and"));
        md("e-mail", QStringLiteral("mail me@exampel.com today"), QStringLiteral("mail|today"));
        md("inline html", QStringLiteral("a <span class=\"wrongclass\">inside</span> b"),
           QStringLiteral("a|inside|b"));
        md("html comment", QStringLiteral("<!-- hiddn\nstill hiddn -->shown"),
           QStringLiteral("shown"));
        md("less-than is text", QStringLiteral("a <b"), QStringLiteral("a|b"));
        md("code element", QStringLiteral("<code>wrng</code> y <pre>\nzzz\n</pre> end"),
           QStringLiteral("y|end"));
        md("apostrophes", QStringLiteral("don't l'homme it\u2019s \u0432\u02BC\u044F"),
           QStringLiteral("don't|l'homme|it\u2019s|\u0432\u02BC\u044F"));
        md("quotes around", QStringLiteral("'quoted' students' \u00ABmot\u00BB"),
           QStringLiteral("quoted|students|mot"));
        md("hyphens", QStringLiteral("well-known e-mail --flag"),
           QStringLiteral("well-known|e-mail|flag"));
        md("digits and underscores", QStringLiteral("mp3 2nd abc123 snake_case x"),
           QStringLiteral("x"));
        md("dotted names", QStringLiteral("example.com e.g. file.txt end."), QStringLiteral("end"));
        md("paths", QStringLiteral("path /usr/share ~/fil ./a ..\\b C:\\dir"),
           QStringLiteral("path"));
        md("entities", QStringLiteral("&amp; &nbsp;word &#8212;"), QStringLiteral("word"));
        md("escapes", QStringLiteral("escaped \\*star\\*"), QStringLiteral("escaped|star"));
        md("cyrillic", QStringLiteral("\u041F\u0440\u0438\u0432\u0435\u0442, \u043C\u0438\u0440!"),
           QStringLiteral("\u041F\u0440\u0438\u0432\u0435\u0442|\u043C\u0438\u0440"));
        md("outside the BMP", QStringLiteral("\U0001D400\U0001D401 ok"),
           QStringLiteral("\U0001D400\U0001D401|ok"));
        md("too long", QString(MaxSpellWordLength + 1, QLatin1Char('a')) + QStringLiteral(" ok"),
           QStringLiteral("ok"));
        md("longest checked", QString(MaxSpellWordLength, QLatin1Char('a')),
           QString(MaxSpellWordLength, QLatin1Char('a')));
        html("tags and attributes", QStringLiteral("<p class=\"intrro\">Hello <b>world</b></p>"),
             QStringLiteral("Hello|world"));
        html("pre block", QStringLiteral("<pre>\nwrongword\n</pre>\nafter"),
             QStringLiteral("after"));
        html("comment over lines", QStringLiteral("<!-- a\ncommment -->text"),
             QStringLiteral("text"));
        html("tag over lines", QStringLiteral("<a\n href=\"x>y\"\n title='yy'>link</a>"),
             QStringLiteral("link"));
        html("code and kbd", QStringLiteral("<code>x</code> y <kbd>Ctrl</kbd> <CODE/>z"),
             QStringLiteral("y|z"));
        html("markdown marks are text in html", QStringLiteral("`tick` [a](b)"),
             QStringLiteral("tick|a|b"));
    }

    void tokens()
    {
        QFETCH(QString, text);
        QFETCH(bool, html);
        QFETCH(QString, expected);
        QCOMPARE(words(text, html ? SpellSyntax::Html : SpellSyntax::Markdown), expected);
    }

    void tokens_hostileState_isTreatedAsStart()
    {
        for (int state : {-1, 1 << 30, 3, 0x7fffffff}) {
            int s = state;
            const QString line = QStringLiteral("plain words");
            QCOMPARE(spellTokensInLine(line, SpellSyntax::Markdown, s).size(), 2);
            QVERIFY(s >= 0 && s < (1 << 20));
        }
    }

    void englishWords_correctAndIncorrect_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<bool>("correct");
        QTest::newRow("hello") << QStringLiteral("hello") << true;
        QTest::newRow("capitalised") << QStringLiteral("World") << true;
        QTest::newRow("contraction") << QStringLiteral("don't") << true;
        QTest::newRow("typographic apostrophe") << QStringLiteral("don\u2019t") << true;
        QTest::newRow("hyphenated") << QStringLiteral("well-known") << true;
        QTest::newRow("helo") << QStringLiteral("helo") << false;
        QTest::newRow("wrold") << QStringLiteral("wrold") << false;
        QTest::newRow("cyrillic in english") << QStringLiteral("\u043C\u0438\u0440") << false;
        QTest::newRow("too long is skipped")
            << QString(MaxSpellWordLength + 1, QLatin1Char('q')) << true;
    }

    void englishWords_correctAndIncorrect()
    {
        QFETCH(QString, word);
        QFETCH(bool, correct);
        QString why;
        const auto checker = loadSystem(QStringLiteral("en_US"), &why);
        QVERIFY2(checker, qPrintable(why));
        QCOMPARE(checker->isCorrect(word), correct);
        QCOMPARE(checker->isCorrect(word), correct); // and the same from the cache
    }

    void englishSuggestions_containTheWord()
    {
        QString why;
        const auto checker = loadSystem(QStringLiteral("en_US"), &why);
        QVERIFY2(checker, qPrintable(why));
        const QStringList s = checker->suggestions(QStringLiteral("helo"));
        QVERIFY2(s.contains(QStringLiteral("hello")), qPrintable(s.join(QLatin1Char(','))));
        QVERIFY(s.size() <= 6);
        QVERIFY(checker->suggestions(QStringLiteral("helo"), 2).size() <= 2);
        QVERIFY(checker->suggestions(QStringLiteral("helo"), 1000).size() <=
                SpellChecker::MaxSuggestions);
        QVERIFY(checker->suggestions(QString(500, QLatin1Char('x'))).isEmpty());
    }

    void russianWords_utf8Dictionary()
    {
        QString why;
        const auto checker = loadSystem(QStringLiteral("ru_RU"), &why);
        QVERIFY2(checker, qPrintable(why));
        // Debian 12's hunspell-ru is UTF-8 (older ones were KOI8-R: see the next test).
        QCOMPARE(checker->encoding(), QStringLiteral("UTF-8"));
        QVERIFY(checker->isCorrect(QStringLiteral("\u043F\u0440\u0438\u0432\u0435\u0442")));
        QVERIFY(checker->isCorrect(QStringLiteral("\u041C\u043E\u0441\u043A\u0432\u0430")));
        QVERIFY(!checker->isCorrect(QStringLiteral("\u043F\u0440\u0435\u0432\u0435\u0442")));
        QVERIFY(checker->suggestions(QStringLiteral("\u043F\u0440\u0435\u0432\u0435\u0442"))
                    .contains(QStringLiteral("\u043F\u0440\u0438\u0432\u0435\u0442")));
    }

    void russianWords_koi8Dictionary_convertsBothWays()
    {
        // The real ru_RU dictionary written in KOI8-R, as hunspell-ru shipped it for years.
        const SpellDictionaries system(SystemDirs);
        const auto ru = system.find(QStringLiteral("ru_RU"));
        if (!ru)
            QSKIP("no ru_RU dictionary: install hunspell-ru");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &path : {ru->affPath, ru->dicPath}) {
            QFile in(path);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QString text = QStringDecoder(QStringDecoder::Utf8).decode(in.readAll());
            if (path.endsWith(QLatin1String(".aff")))
                text.replace(QStringLiteral("SET UTF-8"), QStringLiteral("SET KOI8-R"));
            QStringEncoder koi8("KOI8-R");
            const QByteArray bytes = koi8.encode(text);
            QVERIFY(!koi8.hasError());
            QFile out(dir.filePath(QStringLiteral("ru_RU") +
                                   path.mid(path.lastIndexOf(QLatin1Char('.')))));
            QVERIFY(out.open(QIODevice::WriteOnly));
            QCOMPARE(out.write(bytes), bytes.size());
        }
        const SpellDictionaries mine({dir.path()});
        QCOMPARE(mine.languages(), QStringList{QStringLiteral("ru_RU")});
        QString error;
        const auto checker = SpellChecker::load(*mine.find(QStringLiteral("ru_RU")), &error);
        QVERIFY2(checker, qPrintable(error));
        QCOMPARE(checker->encoding(), QStringLiteral("KOI8-R"));
        QVERIFY(checker->isCorrect(QStringLiteral("\u043F\u0440\u0438\u0432\u0435\u0442")));
        QVERIFY(!checker->isCorrect(QStringLiteral("\u043F\u0440\u0435\u0432\u0435\u0442")));
        QVERIFY(!checker->isCorrect(QStringLiteral("\u20AC\u20AC"))); // not in KOI8-R
        QVERIFY(checker->suggestions(QStringLiteral("\u043F\u0440\u0435\u0432\u0435\u0442"))
                    .contains(QStringLiteral("\u043F\u0440\u0438\u0432\u0435\u0442")));
    }

    void bestMatch_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ru") << QStringLiteral("ru") << QStringLiteral("ru_RU");
        QTest::newRow("ru_RU") << QStringLiteral("ru_RU") << QStringLiteral("ru_RU");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("en_US");
        QTest::newRow("en-US") << QStringLiteral("en-US") << QStringLiteral("en_US");
        QTest::newRow("C locale") << QStringLiteral("C") << QStringLiteral("en_US");
        QTest::newRow("with codeset") << QStringLiteral("ru_RU.UTF-8") << QStringLiteral("ru_RU");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("de_DE");
        QTest::newRow("de_AT") << QStringLiteral("de_AT") << QStringLiteral("de_DE");
        QTest::newRow("pt") << QStringLiteral("pt") << QStringLiteral("pt_BR");
        QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("es_ES");
        QTest::newRow("uk") << QStringLiteral("uk") << QStringLiteral("uk_UA");
        QTest::newRow("garbage") << QStringLiteral("../../etc") << QString();
    }

    void bestMatch()
    {
        QFETCH(QString, locale);
        QFETCH(QString, expected);
        const SpellDictionaries dictionaries(SystemDirs);
        if (!expected.isEmpty() && !dictionaries.find(expected))
            QSKIP(qPrintable(QStringLiteral("no %1 dictionary: install %2")
                                 .arg(expected, SpellDictionaries::packageHint(expected))));
        QCOMPARE(dictionaries.bestMatch(locale), expected);
    }

    void missingDictionary_isReportedWithItsPackage()
    {
        // Only en_US in the searched folder (through the environment override).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const SpellDictionaries system(SystemDirs);
        const auto en = system.find(QStringLiteral("en_US"));
        QVERIFY2(en, "no en_US dictionary: install hunspell-en-us");
        QVERIFY(QFile::link(en->affPath, dir.filePath(QStringLiteral("en_US.aff"))));
        QVERIFY(QFile::link(en->dicPath, dir.filePath(QStringLiteral("en_US.dic"))));
        QFile junk(dir.filePath(QStringLiteral("no-aff.dic")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.close();
        qputenv(SpellDictionaries::DirEnvVar, QFile::encodeName(dir.path()));
        const SpellDictionaries dictionaries;
        qunsetenv(SpellDictionaries::DirEnvVar);
        QCOMPARE(dictionaries.languages(), QStringList{QStringLiteral("en_US")});
        QVERIFY(!dictionaries.find(QStringLiteral("fa_IR")));
        QCOMPARE(dictionaries.bestMatch(QStringLiteral("fa")), QString());
        QCOMPARE(dictionaries.bestMatch(QStringLiteral("ru")), QString());
        QCOMPARE(SpellDictionaries::packageHint(QStringLiteral("fa_IR")),
                 QStringLiteral("myspell-fa"));
        QCOMPARE(SpellDictionaries::packageHint(QStringLiteral("de")),
                 QStringLiteral("hunspell-de-de"));
        QCOMPARE(SpellDictionaries::packageHint(QStringLiteral("ru_RU")),
                 QStringLiteral("hunspell-ru"));
        QVERIFY(SpellDictionaries::displayName(QStringLiteral("fa_IR"))
                    .startsWith(QStringLiteral("Persian")));

        QString error;
        const SpellDictionaryInfo gone{QStringLiteral("fa_IR"),
                                       dir.filePath(QStringLiteral("fa_IR.aff")),
                                       dir.filePath(QStringLiteral("fa_IR.dic"))};
        QVERIFY(!SpellChecker::load(gone, &error));
        QVERIFY2(error.contains(QStringLiteral("fa_IR.aff")) &&
                     error.contains(QStringLiteral("Persian")),
                 qPrintable(error));
    }

    void personalDictionary_persistsOwnerOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(PersonalDictionary::defaultFileName());
        QString why;
        const auto checker = loadSystem(QStringLiteral("en_US"), &why);
        QVERIFY2(checker, qPrintable(why));
        const QString word = QStringLiteral("Frobnitzery");
        QVERIFY(!checker->isCorrect(word));

        PersonalDictionary personal(path);
        QVERIFY(personal.load());
        QCOMPARE(personal.size(), 0);
        QString error;
        QVERIFY2(personal.add(word, &error), qPrintable(error));
        QVERIFY(personal.add(word)); // twice is once
        QVERIFY(personal.add(QStringLiteral("\u043C\u0438\u0440\u043E\u043A")));
        checker->addWord(word);
        QVERIFY(checker->isCorrect(word));
        QCOMPARE(fileMode(path), 0600);

        PersonalDictionary again(path);
        QVERIFY(again.load());
        QCOMPARE(again.words(),
                 (QStringList{word, QStringLiteral("\u043C\u0438\u0440\u043E\u043A")}));
    }

    void personalDictionary_badLinesIgnored_looseModeTightened()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(PersonalDictionary::defaultFileName());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("good\n\n   \ntwo words\n" + QByteArray(300, 'x') +
                   "\n\x01"
                   "ctrl\n12345\n\xff\xfe\nsecond\r\ngood\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                    QFileDevice::ReadOther));
        PersonalDictionary personal(path);
        QVERIFY(personal.load());
        QCOMPARE(personal.words(), (QStringList{QStringLiteral("good"), QStringLiteral("second")}));
        QCOMPARE(fileMode(path), 0600);

        QString error;
        QVERIFY(!personal.add(QStringLiteral("two words"), &error));
        QVERIFY(error.contains(QStringLiteral("two words")));
        QVERIFY(!personal.add(QString(), &error));
        QVERIFY(!personal.add(QString(MaxSpellWordLength + 1, QLatin1Char('a')), &error));
    }

    void personalDictionary_unwritable_saysSo()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        PersonalDictionary personal(dir.filePath(QStringLiteral("missing-folder/words.txt")));
        QVERIFY(personal.load()); // no file: empty
        QString error;
        QVERIFY(!personal.add(QStringLiteral("word"), &error));
        QVERIFY2(error.contains(QStringLiteral("words.txt")), qPrintable(error));
        QVERIFY(!personal.contains(QStringLiteral("word")));
    }
};

TG_TEST_MAIN_CORE(TestSpellChecker)
#include "tst_spellchecker.moc"
