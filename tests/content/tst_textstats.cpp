// SPDX-License-Identifier: MIT
// Word, character and reading-time counts of plain, Markdown and HTML sources: markup is not
// counted, Chinese and Japanese characters are words, emoji and combined characters count once,
// right-to-left text counts like any other, and hostile or huge input stays bounded.
#include "content/textstats.h"

#include "testmain.h"

#include <QTest>

using namespace tg;

Q_DECLARE_METATYPE(tg::TextMarkup)

namespace {

QString str(const char16_t *text)
{
    return QString::fromUtf16(text);
}

} // namespace

class TestTextStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void of_countsWhatTheReaderSees_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<TextMarkup>("markup");
        QTest::addColumn<int>("words");
        QTest::addColumn<int>("characters");
        QTest::addColumn<int>("ideographs");
        const auto plain = TextMarkup::Plain;
        const auto md = TextMarkup::Markdown;
        const auto html = TextMarkup::Html;

        // Plain text.
        QTest::newRow("empty") << QString() << plain << 0 << 0 << 0;
        QTest::newRow("only spaces") << QStringLiteral("   \n\t  \n") << plain << 0 << 0 << 0;
        QTest::newRow("two words") << QStringLiteral("one two") << plain << 2 << 7 << 0;
        QTest::newRow("space run counts once")
            << QStringLiteral("one   two") << plain << 2 << 7 << 0;
        QTest::newRow("edges not counted") << QStringLiteral("  hi  ") << plain << 1 << 2 << 0;
        QTest::newRow("lone dashes are not words")
            << str(u"a - b \u2014 c") << plain << 3 << 9 << 0;
        QTest::newRow("apostrophe inside a word")
            << QStringLiteral("don't stop") << plain << 2 << 10 << 0;
        QTest::newRow("numbers") << QStringLiteral("in 2024, 3.14") << plain << 3 << 13 << 0;
        QTest::newRow("line breaks count nothing")
            << QStringLiteral("one\ntwo\r\n\r\nthree") << plain << 3 << 11 << 0;
        QTest::newRow("selection paragraph separator")
            << str(u"one\u2029two") << plain << 2 << 6 << 0;
        QTest::newRow("markup is text in plain")
            << QStringLiteral("# **x**") << plain << 1 << 7 << 0;
        QTest::newRow("lone surrogate is one character")
            << (QString(QChar(0xD800)) + QStringLiteral(" x")) << plain << 2 << 3 << 0;

        // Markdown.
        QTest::newRow("md heading") << QStringLiteral("# Title here") << md << 2 << 10 << 0;
        QTest::newRow("md heading 6, closing hashes not words")
            << QStringLiteral("###### Deep ##") << md << 1 << 7 << 0;
        QTest::newRow("md hashtag is text") << QStringLiteral("#tag") << md << 1 << 4 << 0;
        QTest::newRow("md bold") << QStringLiteral("some **bold** text") << md << 3 << 14 << 0;
        QTest::newRow("md italic, snake_case kept")
            << QStringLiteral("_it_ and snake_case") << md << 3 << 17 << 0;
        QTest::newRow("md strikethrough") << QStringLiteral("~~gone~~ here") << md << 2 << 9 << 0;
        QTest::newRow("md spaced star is text") << QStringLiteral("2 * 3") << md << 2 << 5 << 0;
        QTest::newRow("md link target not counted")
            << QStringLiteral("see [the docs](https://example.com/a_b \"Title\") now") << md << 4
            << 16 << 0;
        QTest::newRow("md link with parentheses in its URL")
            << QStringLiteral("[Foo](https://en.wikipedia.org/wiki/Foo_(bar)) ok") << md << 2 << 6
            << 0;
        QTest::newRow("md image alt only")
            << QStringLiteral("![alt text](img.png)") << md << 2 << 8 << 0;
        QTest::newRow("md list items")
            << QStringLiteral("- one\n* two\n+ three\n12. four\n3) five") << md << 5 << 19 << 0;
        QTest::newRow("md task list")
            << QStringLiteral("- [x] done\n- [ ] todo") << md << 2 << 8 << 0;
        QTest::newRow("md nested quote")
            << QStringLiteral("> > quoted words") << md << 2 << 12 << 0;
        QTest::newRow("md code span keeps marks")
            << QStringLiteral("use `a_b*c` here") << md << 3 << 14 << 0;
        QTest::newRow("md fenced code keeps text, not fences")
            << QStringLiteral("```cpp\nint **x;\n```\nafter") << md << 3 << 13 << 0;
        QTest::newRow("md tilde fence")
            << QStringLiteral("~~~\n# not a heading\n~~~") << md << 3 << 15 << 0;
        QTest::newRow("md rules and underlines")
            << QStringLiteral("a\n\n---\n\n* * *\n\nTitle\n=====\nb") << md << 3 << 7 << 0;
        QTest::newRow("md escaped marks are text")
            << QStringLiteral("\\*not bold\\*") << md << 2 << 10 << 0;
        QTest::newRow("md inline html")
            << QStringLiteral("a <b>bold</b> word") << md << 3 << 11 << 0;
        QTest::newRow("md block html separates")
            << QStringLiteral("one<br>two") << md << 2 << 6 << 0;
        QTest::newRow("md html comment")
            << QStringLiteral("a <!-- not\nread --> b") << md << 2 << 3 << 0;
        QTest::newRow("md autolink shows its address")
            << QStringLiteral("<https://t.me> ok") << md << 2 << 15 << 0;
        QTest::newRow("md entity") << QStringLiteral("AT&amp;T rocks") << md << 2 << 10 << 0;
        QTest::newRow("md less-than is text") << QStringLiteral("1 < 2") << md << 2 << 5 << 0;

        // HTML.
        QTest::newRow("html paragraphs")
            << QStringLiteral("<p>Hello <b>world</b></p><p>again</p>") << html << 3 << 16 << 0;
        QTest::newRow("html blocks separate words")
            << QStringLiteral("<p>one</p><p>two</p>") << html << 2 << 6 << 0;
        QTest::newRow("html inline tags do not")
            << QStringLiteral("<b>bo</b>ld") << html << 1 << 4 << 0;
        QTest::newRow("html attributes not counted")
            << QStringLiteral("<a href=\"https://x.y/z\" title=\"a > b\">link</a>") << html << 1
            << 4 << 0;
        QTest::newRow("html comment")
            << QStringLiteral("a<!-- hidden words -->b") << html << 1 << 2 << 0;
        QTest::newRow("html nbsp separates")
            << QStringLiteral("one&nbsp;two") << html << 2 << 7 << 0;
        QTest::newRow("html numeric references")
            << QStringLiteral("&#x1F600; &#128512;") << html << 2 << 3 << 0;
        QTest::newRow("html unknown reference is text")
            << QStringLiteral("&nosuchname; x") << html << 2 << 14 << 0;
        QTest::newRow("html br") << QStringLiteral("a<br>b") << html << 2 << 2 << 0;
        QTest::newRow("html source line break is a space")
            << QStringLiteral("<p>a\nb</p>") << html << 2 << 3 << 0;
        QTest::newRow("html less-than is text") << QStringLiteral("a < b") << html << 2 << 5 << 0;
        QTest::newRow("html unclosed tag runs to the end")
            << QStringLiteral("text <p class=\"x") << html << 1 << 4 << 0;
        QTest::newRow("html figure caption, image not")
            << QStringLiteral("<figure><img src=\"a.png\" alt=\"x\"><figcaption>A cat"
                              "</figcaption></figure>")
            << html << 2 << 5 << 0;

        // Chinese, Japanese, Korean.
        QTest::newRow("cjk chinese") << str(u"你好世界") << plain << 4 << 4 << 4;
        QTest::newRow("cjk japanese kana and kanji")
            << str(u"日本語のテキスト") << plain << 8 << 8 << 8;
        QTest::newRow("cjk mixed with latin") << str(u"我爱 Qt 编程") << plain << 5 << 8 << 4;
        QTest::newRow("cjk punctuation is not a word") << str(u"你好。") << plain << 2 << 3 << 2;
        QTest::newRow("cjk in markdown") << str(u"## 标题\n\n**你好**") << md << 4 << 4 << 4;
        QTest::newRow("korean by spaces") << str(u"안녕하세요 세계") << plain << 2 << 8 << 0;

        // Emoji and combined characters.
        QTest::newRow("emoji is a word") << str(u"😀") << plain << 1 << 1 << 0;
        QTest::newRow("emoji with skin tone") << str(u"👍🏽 great") << plain << 2 << 7 << 0;
        QTest::newRow("zwj family is one character")
            << str(u"👨\u200D👩\u200D👧") << plain << 1 << 1 << 0;
        QTest::newRow("two flags") << str(u"🇫🇷🇩🇪") << plain << 1 << 2 << 0;
        QTest::newRow("variation selector") << str(u"\u2764\uFE0F") << plain << 1 << 1 << 0;
        QTest::newRow("combining accents") << str(u"e\u0301te\u0301") << plain << 1 << 3 << 0;

        // Right to left.
        QTest::newRow("rtl hebrew") << str(u"שלום עולם") << plain << 2 << 9 << 0;
        QTest::newRow("rtl arabic with a bidi mark")
            << str(u"\u200Fمرحبا بالعالم") << plain << 2 << 13 << 0;
        QTest::newRow("rtl persian zwnj inside a word")
            << str(u"می\u200Cخواهم") << plain << 1 << 7 << 0;
        QTest::newRow("rtl arabic harakat") << str(u"مَرْحَبًا") << plain << 1 << 5 << 0;
        QTest::newRow("rtl markdown heading") << str(u"# שלום **עולם**") << md << 2 << 9 << 0;
    }

    void of_countsWhatTheReaderSees()
    {
        QFETCH(QString, text);
        QFETCH(TextMarkup, markup);
        QFETCH(int, words);
        QFETCH(int, characters);
        QFETCH(int, ideographs);
        const TextStats stats = TextStats::of(text, markup);
        QCOMPARE(stats.words, qsizetype(words));
        QCOMPARE(stats.characters, qsizetype(characters));
        QCOMPARE(stats.ideographs, qsizetype(ideographs));
        QVERIFY(!stats.truncated);
    }

    void readingTime_roundsUpToMinutes_data()
    {
        QTest::addColumn<int>("words");
        QTest::addColumn<int>("ideographs");
        QTest::addColumn<int>("seconds");
        QTest::addColumn<int>("minutes");
        QTest::newRow("nothing") << 0 << 0 << 0 << 0;
        QTest::newRow("one word") << 1 << 0 << 0 << 1;
        QTest::newRow("just under a minute") << 229 << 0 << 59 << 1;
        QTest::newRow("exactly a minute") << 230 << 0 << 60 << 1;
        QTest::newRow("just over a minute") << 231 << 0 << 60 << 2;
        QTest::newRow("ten minutes") << 2300 << 0 << 600 << 10;
        QTest::newRow("ideographs read faster") << 500 << 500 << 60 << 1;
        QTest::newRow("mixed") << 730 << 500 << 120 << 2;
    }

    void readingTime_roundsUpToMinutes()
    {
        QFETCH(int, words);
        QFETCH(int, ideographs);
        QFETCH(int, seconds);
        QFETCH(int, minutes);
        TextStats stats;
        stats.words = words;
        stats.ideographs = ideographs;
        QCOMPARE(stats.readingSeconds(), qint64(seconds));
        QCOMPARE(stats.readingMinutes(), qint64(minutes));
    }

    void of_realText_readingTimeFollowsWords()
    {
        QString text;
        for (int i = 0; i < 1000; ++i)
            text += QStringLiteral("word ");
        const TextStats stats = TextStats::of(text, TextMarkup::Markdown);
        QCOMPARE(stats.words, qsizetype(1000));
        QCOMPARE(stats.readingMinutes(), qint64(5)); // 1000 / 230 = 4.3, rounded up
    }

    void of_overLimit_countsOnlyTheStartAndSaysSo()
    {
        const TextStats small = TextStats::of(u"one two three", TextMarkup::Plain, 7);
        QVERIFY(small.truncated);
        QCOMPARE(small.words, qsizetype(2));
        QCOMPARE(small.characters, qsizetype(7));

        // A cut inside a surrogate pair keeps the pair whole.
        const TextStats pair = TextStats::of(str(u"a😀"), TextMarkup::Plain, 2);
        QVERIFY(pair.truncated);
        QCOMPARE(pair.characters, qsizetype(2));

        const QString huge = QStringLiteral("word ").repeated(1024 * 1024); // 5 Mi characters
        const TextStats big = TextStats::of(huge, TextMarkup::Markdown);
        QVERIFY(big.truncated);
        // The default limit ends two characters into a word: that word counts.
        QCOMPARE(big.words, qsizetype(TextStats::DefaultLimit / 5 + 1));
        const TextStats whole = TextStats::of(huge, TextMarkup::Markdown, -1);
        QVERIFY(!whole.truncated);
        QCOMPARE(whole.words, qsizetype(1024 * 1024));
    }

    void of_hostileMarkup_staysLinearAndCountsText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<TextMarkup>("markup");
        QTest::addColumn<int>("words");
        QTest::addColumn<int>("characters");
        const int n = 200000;
        // Each of these once looked ahead to the end of the line from every mark: quadratic.
        QTest::newRow("unclosed tags")
            << QStringLiteral("<a").repeated(n) << TextMarkup::Markdown << 1 << 2 * n;
        QTest::newRow("unclosed link targets")
            << QStringLiteral("](").repeated(n) << TextMarkup::Markdown << 0 << n;
        QTest::newRow("unclosed links with text")
            << QStringLiteral("[a](").repeated(n) << TextMarkup::Markdown << 1 << 2 * n;
        QTest::newRow("unclosed comments in markdown")
            << QStringLiteral("<!--").repeated(n) << TextMarkup::Markdown << 0 << 4 * n;
        QTest::newRow("unclosed comment in html")
            << QStringLiteral("<!--").repeated(n) << TextMarkup::Html << 0 << 0;
        QTest::newRow("unclosed quote in a tag")
            << (QStringLiteral("<p title=\"") + QStringLiteral("x>").repeated(n))
            << TextMarkup::Html << 0 << 0;
        QTest::newRow("almost entities")
            << QStringLiteral("&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").repeated(n / 10)
            << TextMarkup::Html << 1 << 32 * (n / 10);
        QTest::newRow("deep quotes")
            << QStringLiteral(">").repeated(n) << TextMarkup::Markdown << 0 << n - 32;
        QTest::newRow("backtick runs")
            << QStringLiteral("`` x `").repeated(n / 4) << TextMarkup::Markdown << n / 4 << -1;
    }

    void of_hostileMarkup_staysLinearAndCountsText()
    {
        QFETCH(QString, text);
        QFETCH(TextMarkup, markup);
        QFETCH(int, words);
        QFETCH(int, characters);
        const TextStats stats = TextStats::of(text, markup);
        QCOMPARE(stats.words, qsizetype(words));
        if (characters >= 0)
            QCOMPARE(stats.characters, qsizetype(characters));
        QVERIFY(stats.characters <= text.size());
    }
};

TG_TEST_MAIN_CORE(TestTextStats)
#include "tst_textstats.moc"
