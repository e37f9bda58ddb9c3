// SPDX-License-Identifier: MIT
#include "content/validation.h"

#include "testmain.h"

#include <QTest>

using namespace tg;

namespace {

const NodeList &someText()
{
    static const NodeList nodes{
        Node::element(QStringLiteral("p"), {}, {Node::text(QStringLiteral("x"))})};
    return nodes;
}

QStringList codes(const QList<ValidationIssue> &issues)
{
    QStringList out;
    for (const ValidationIssue &i : issues)
        out.append(i.apiCode());
    return out;
}

/// A paragraph whose serialized size is exactly `bytes`, filled with `fill` (1 or 3 UTF-8 bytes).
NodeList contentOfSize(qsizetype bytes, QChar fill)
{
    const qsizetype base = jsonSize(someText()) - 1;
    const int unit = fill.unicode() < 0x80 ? 1 : 3;
    const qsizetype count = (bytes - base) / unit;
    QString text(count, fill);
    text += QString((bytes - base) % unit, QLatin1Char('a'));
    return {Node::element(QStringLiteral("p"), {}, {Node::text(text)})};
}

NodeList nestedContent(int depth)
{
    Node node = Node::element(QStringLiteral("b"), {}, {Node::text(QStringLiteral("deep"))});
    for (int i = 1; i < depth; ++i)
        node = Node::element(QStringLiteral("b"), {}, {node});
    return {node};
}

} // namespace

/// Page validation before sending, at and just over every limit.
class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validatePage_fields_data();
    void validatePage_fields();
    void validatePage_contentJson_data();
    void validatePage_contentJson();
    void validatePage_contentSize_data();
    void validatePage_contentSize();
    void validatePage_attributeNames_data();
    void validatePage_attributeNames();
    void validatePage_nesting_data();
    void validatePage_nesting();
    void apiCode_matchesServerStyle_data();
    void apiCode_matchesServerStyle();
};

void TestValidation::validatePage_fields_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("authorName");
    QTest::addColumn<QString>("authorUrl");
    QTest::addColumn<QStringList>("expectedCodes");
    QTest::addColumn<QString>("firstMessage");

    const QString emoji = QStringLiteral("😀"); // one code point, two UTF-16 units
    QTest::newRow("valid") << QStringLiteral("T") << QString() << QString() << QStringList()
                           << QString();
    QTest::newRow("title empty") << QString() << QString() << QString()
                                 << QStringList{QStringLiteral("TITLE_REQUIRED")}
                                 << QStringLiteral("Title is required.");
    QTest::newRow("title whitespace")
        << QStringLiteral(" \t ") << QString() << QString()
        << QStringList{QStringLiteral("TITLE_REQUIRED")} << QStringLiteral("Title is required.");
    QTest::newRow("title 256 emoji")
        << emoji.repeated(256) << QString() << QString() << QStringList() << QString();
    QTest::newRow("title 257 emoji")
        << emoji.repeated(257) << QString() << QString()
        << QStringList{QStringLiteral("TITLE_TOO_LONG")}
        << QStringLiteral("Title is 257 characters; Telegraph allows at most 256.");
    QTest::newRow("title 300") << QString(300, QLatin1Char('t')) << QString() << QString()
                               << QStringList{QStringLiteral("TITLE_TOO_LONG")}
                               << QStringLiteral(
                                      "Title is 300 characters; Telegraph allows at most 256.");
    QTest::newRow("author name 128")
        << QStringLiteral("T") << emoji.repeated(128) << QString() << QStringList() << QString();
    QTest::newRow("author name 129")
        << QStringLiteral("T") << emoji.repeated(129) << QString()
        << QStringList{QStringLiteral("AUTHOR_NAME_TOO_LONG")}
        << QStringLiteral("Author name is 129 characters; Telegraph allows at most 128.");
    QTest::newRow("author url 512") << QStringLiteral("T") << QString()
                                    << QString(512, QLatin1Char('u')) << QStringList() << QString();
    QTest::newRow("author url 513")
        << QStringLiteral("T") << QString() << QString(513, QLatin1Char('u'))
        << QStringList{QStringLiteral("AUTHOR_URL_TOO_LONG")}
        << QStringLiteral("Author URL is 513 characters; Telegraph allows at most 512.");
    QTest::newRow("all fields wrong, in field order")
        << QString() << QString(129, QLatin1Char('n')) << QString(513, QLatin1Char('u'))
        << QStringList{QStringLiteral("TITLE_REQUIRED"), QStringLiteral("AUTHOR_NAME_TOO_LONG"),
                       QStringLiteral("AUTHOR_URL_TOO_LONG")}
        << QStringLiteral("Title is required.");
}

void TestValidation::validatePage_fields()
{
    QFETCH(QString, title);
    QFETCH(QString, authorName);
    QFETCH(QString, authorUrl);
    QFETCH(QStringList, expectedCodes);
    QFETCH(QString, firstMessage);

    const QList<ValidationIssue> issues = validatePage(title, authorName, authorUrl, someText());
    QCOMPARE(codes(issues), expectedCodes);
    if (!issues.isEmpty())
        QCOMPARE(issues.first().message, firstMessage);
    for (const ValidationIssue &i : issues)
        QVERIFY(!i.field.isEmpty());
}

void TestValidation::validatePage_contentJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expectedCodes");
    QTest::addColumn<QString>("firstMessage");

    QTest::newRow("paragraph") << QByteArray(R"([{"tag":"p","children":["x"]}])") << QStringList()
                               << QString();
    QTest::newRow("top-level text") << QByteArray(R"(["just text"])") << QStringList() << QString();
    QTest::newRow("empty") << QByteArray("[]") << QStringList{QStringLiteral("CONTENT_REQUIRED")}
                           << QStringLiteral("Content is required.");
    QTest::newRow("empty text") << QByteArray(R"([{"tag":"p","children":[""]}])")
                                << QStringList{QStringLiteral("CONTENT_TEXT_REQUIRED")}
                                << QStringLiteral(
                                       "Content has no text; Telegraph needs some text on a page.");
    QTest::newRow("whitespace only")
        << QByteArray(R"([{"tag":"p","children":["  \n"]},{"tag":"hr"}])")
        << QStringList{QStringLiteral("CONTENT_TEXT_REQUIRED")}
        << QStringLiteral("Content has no text; Telegraph needs some text on a page.");
    QTest::newRow("image only")
        << QByteArray(
               R"([{"tag":"figure","children":[{"tag":"img","attrs":{"src":"/file/a.jpg"}}]}])")
        << QStringList{QStringLiteral("CONTENT_TEXT_REQUIRED")}
        << QStringLiteral("Content has no text; Telegraph needs some text on a page.");
    QTest::newRow("tags not allowed, each named once")
        << QByteArray(
               R"([{"tag":"p","children":[{"tag":"span","children":["a"]},{"tag":"table"},{"tag":"span"}]}])")
        << QStringList{QStringLiteral("TAG_NOT_ALLOWED"), QStringLiteral("TAG_NOT_ALLOWED")}
        << QStringLiteral("Tag <span> is not allowed in Telegraph content.");
    QTest::newRow("all 24 tags allowed")
        << QByteArray(
               R"([{"tag":"p","children":["t",{"tag":"a"},{"tag":"aside"},{"tag":"b"},{"tag":"blockquote"},{"tag":"br"},{"tag":"code"},{"tag":"em"},{"tag":"figcaption"},{"tag":"figure"},{"tag":"h3"},{"tag":"h4"},{"tag":"hr"},{"tag":"i"},{"tag":"iframe"},{"tag":"img"},{"tag":"li"},{"tag":"ol"},{"tag":"pre"},{"tag":"s"},{"tag":"strong"},{"tag":"u"},{"tag":"ul"},{"tag":"video"}]}])")
        << QStringList() << QString();
}

void TestValidation::validatePage_contentJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expectedCodes);
    QFETCH(QString, firstMessage);

    const NodeParseResult parsed = nodesFromJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const QList<ValidationIssue> issues = validatePage(QStringLiteral("T"), {}, {}, parsed.nodes);
    QCOMPARE(codes(issues), expectedCodes);
    if (!issues.isEmpty()) {
        QCOMPARE(issues.first().message, firstMessage);
        QCOMPARE(issues.first().field, QStringLiteral("content"));
    }
}

void TestValidation::validatePage_contentSize_data()
{
    QTest::addColumn<qsizetype>("bytes");
    QTest::addColumn<QChar>("fill");
    QTest::addColumn<bool>("tooBig");

    QTest::newRow("ascii at limit") << MaxContentBytes << QChar(u'a') << false;
    QTest::newRow("ascii one over") << MaxContentBytes + 1 << QChar(u'a') << true;
    QTest::newRow("cjk at limit") << MaxContentBytes << QChar(u'中') << false;
    QTest::newRow("cjk one over") << MaxContentBytes + 1 << QChar(u'中') << true;
}

void TestValidation::validatePage_contentSize()
{
    QFETCH(qsizetype, bytes);
    QFETCH(QChar, fill);
    QFETCH(bool, tooBig);

    const NodeList content = contentOfSize(bytes, fill);
    QCOMPARE(jsonSize(content), bytes);
    QCOMPARE(toJson(content).size(), bytes);
    const QList<ValidationIssue> issues = validatePage(QStringLiteral("T"), {}, {}, content);
    QCOMPARE(codes(issues),
             tooBig ? QStringList{QStringLiteral("CONTENT_TOO_BIG")} : QStringList());
    if (tooBig)
        QCOMPARE(issues.first().message,
                 QStringLiteral(
                     "Content is 65537 bytes; Telegraph allows at most 65536 bytes (64 KiB)."));
}

void TestValidation::validatePage_attributeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("href") << QStringLiteral("href") << true;
    QTest::newRow("target") << QStringLiteral("target") << true;
    QTest::newRow("id") << QStringLiteral("id") << true;
    QTest::newRow("data-*") << QStringLiteral("data-a_b.c:d") << true;
    QTest::newRow("markup") << QStringLiteral("x><script>alert(1)</script><b y") << false;
    QTest::newRow("quote") << QStringLiteral("a\"b") << false;
    QTest::newRow("apostrophe") << QStringLiteral("a'b") << false;
    QTest::newRow("space") << QStringLiteral("a b") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("equals") << QStringLiteral("a=b") << false;
    QTest::newRow("greater than") << QStringLiteral("a>") << false;
    QTest::newRow("control") << QString(QStringLiteral("a") + QChar(0x7F)) << false;
    QTest::newRow("noncharacter") << QString(QStringLiteral("a") + QChar(0xFFFF)) << false;
    QTest::newRow("non-ASCII") << QStringLiteral("\u00e9") << false;
    QTest::newRow("leading digit") << QStringLiteral("1a") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("too long") << QString(65, QLatin1Char('a')) << false;
}

void TestValidation::validatePage_attributeNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const NodeList content{Node::element(QStringLiteral("p"), {{name, QStringLiteral("v")}},
                                         {Node::text(QStringLiteral("x"))})};
    const QList<ValidationIssue> issues = validatePage(QStringLiteral("T"), {}, {}, content);
    QCOMPARE(codes(issues),
             valid ? QStringList() : QStringList{QStringLiteral("ATTRIBUTE_INVALID")});
    if (!valid) {
        QCOMPARE(issues.first().field, QStringLiteral("content"));
        QVERIFY2(issues.first().message.contains(QLatin1String("not a valid HTML attribute name")),
                 qPrintable(issues.first().message));
        QVERIFY(issues.first().message.contains(QLatin1String("<p>")));
    }
}

void TestValidation::validatePage_nesting_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<bool>("tooDeep");

    QTest::newRow("at limit") << MaxNodeDepth << false;
    QTest::newRow("one over") << MaxNodeDepth + 1 << true;
    // Far deeper trees cannot even be destroyed: ~Node recurses.
    QTest::newRow("far over") << 5000 << true;
}

void TestValidation::validatePage_nesting()
{
    QFETCH(int, depth);
    QFETCH(bool, tooDeep);

    const QList<ValidationIssue> issues =
        validatePage(QStringLiteral("T"), {}, {}, nestedContent(depth));
    QCOMPARE(codes(issues),
             tooDeep ? QStringList{QStringLiteral("CONTENT_FORMAT_INVALID")} : QStringList());
    if (tooDeep) {
        QCOMPARE(issues.first().code, ValidationIssue::Code::TooDeep);
        QCOMPARE(issues.first().message,
                 QStringLiteral("Content is nested more than 512 levels deep."));
    }
}

void TestValidation::apiCode_matchesServerStyle_data()
{
    QTest::addColumn<ValidationIssue::Code>("code");
    QTest::addColumn<QString>("apiCode");
    using C = ValidationIssue::Code;
    QTest::newRow("title required") << C::TitleRequired << QStringLiteral("TITLE_REQUIRED");
    QTest::newRow("title too long") << C::TitleTooLong << QStringLiteral("TITLE_TOO_LONG");
    QTest::newRow("author name") << C::AuthorNameTooLong << QStringLiteral("AUTHOR_NAME_TOO_LONG");
    QTest::newRow("author url") << C::AuthorUrlTooLong << QStringLiteral("AUTHOR_URL_TOO_LONG");
    QTest::newRow("content required") << C::ContentRequired << QStringLiteral("CONTENT_REQUIRED");
    QTest::newRow("content too big") << C::ContentTooBig << QStringLiteral("CONTENT_TOO_BIG");
    QTest::newRow("content text") << C::ContentTextRequired
                                  << QStringLiteral("CONTENT_TEXT_REQUIRED");
    QTest::newRow("tag") << C::TagNotAllowed << QStringLiteral("TAG_NOT_ALLOWED");
    QTest::newRow("too deep") << C::TooDeep << QStringLiteral("CONTENT_FORMAT_INVALID");
}

void TestValidation::apiCode_matchesServerStyle()
{
    QFETCH(ValidationIssue::Code, code);
    QFETCH(QString, apiCode);
    QCOMPARE((ValidationIssue{code, QStringLiteral("f"), QStringLiteral("m")}.apiCode()), apiCode);
}

TG_TEST_MAIN_CORE(TestValidation)
#include "tst_validation.moc"
