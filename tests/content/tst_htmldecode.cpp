// SPDX-License-Identifier: MIT
// Reading HTML bytes in any encoding: byte order marks, a Content-Type hint, <meta> charsets in
// the first 1024 bytes, valid UTF-8 and the windows-1252 fallback. Inputs are built from known
// Unicode text with QStringEncoder, so each row checks that the text comes back exactly.
#include "content/htmldecode.h"
#include "testmain.h"

#include <QStringEncoder>
#include <QTest>

using namespace tg;
using Source = HtmlDecodeResult::Source;

Q_DECLARE_METATYPE(tg::HtmlDecodeResult::Source)

namespace {

QByteArray encoded(const char *encoding, const QString &text)
{
    QStringEncoder e(encoding);
    if (!e.isValid())
        return {};
    return e.encode(text);
}

QByteArray encoded(QStringConverter::Encoding encoding, const QString &text)
{
    QStringEncoder e(encoding);
    return e.encode(text);
}

QString page(const QString &head, const QString &body)
{
    return QStringLiteral("<!DOCTYPE html><html><head>") + head +
           QStringLiteral("<title>t</title></head><body><p>") + body +
           QStringLiteral("</p></body></html>");
}

const QString Russian = QStringLiteral("Съешь же ещё этих мягких французских булок, да выпей чаю");
const QString French = QStringLiteral("Café déjà vu — “naïve” façade, 5 €");
const QString Japanese = QStringLiteral("日本語のテキストです。カタカナとひらがな");
const QString Chinese = QStringLiteral("繁體中文的文字，測試編碼");
const QString Polish = QStringLiteral("Zażółć gęślą jaźń, Łódź");

} // namespace

class TestHtmlDecode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodeHtml_knownEncoding_givesTheTextBack_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("hint");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<Source>("source");

        auto metaRow = [](const char *name, const char *label, const char *codec,
                          const QString &body, const char *expectedEncoding) {
            const QString html =
                page(QStringLiteral("<meta charset=\"%1\">").arg(QLatin1String(label)), body);
            QTest::newRow(name) << encoded(codec, html) << QString() << html
                                << QString::fromLatin1(expectedEncoding) << Source::Meta;
        };
        metaRow("KOI8-R meta charset", "koi8-r", "KOI8-R", Russian, "KOI8-R");
        metaRow("windows-1252 meta charset", "windows-1252", "windows-1252", French,
                "windows-1252");
        metaRow("Shift_JIS meta charset", "Shift_JIS", "Shift_JIS", Japanese, "Shift_JIS");
        metaRow("Big5 meta charset", "big5", "Big5", Chinese, "Big5");
        metaRow("EUC-JP meta charset", "euc-jp", "EUC-JP", Japanese, "EUC-JP");
        metaRow("ISO-8859-2 meta charset", "iso-8859-2", "ISO-8859-2", Polish, "ISO-8859-2");
        // The HTML standard reads ISO-8859-1 as windows-1252 (curly quotes, the euro sign).
        metaRow("ISO-8859-1 label means windows-1252", "ISO-8859-1", "windows-1252", French,
                "windows-1252");

        {
            const QString html =
                page(QStringLiteral("<meta http-equiv=\"Content-Type\" "
                                    "content=\"text/html; charset=windows-1251\">"),
                     Russian);
            QTest::newRow("windows-1251 http-equiv")
                << encoded("windows-1251", html) << QString() << html
                << QStringLiteral("windows-1251") << Source::Meta;
        }
        {
            const QString html = page(QStringLiteral("<META CHARSET='KOI8-R'>"), Russian);
            QTest::newRow("upper-case meta, single quotes")
                << encoded("KOI8-R", html) << QString() << html << QStringLiteral("KOI8-R")
                << Source::Meta;
        }
        {
            const QString html = page(QString(), Russian);
            QTest::newRow("UTF-16LE with BOM")
                << QByteArray("\xFF\xFE") + encoded(QStringConverter::Utf16LE, html) << QString()
                << html << QStringLiteral("UTF-16LE") << Source::Bom;
            QTest::newRow("UTF-16BE with BOM")
                << QByteArray("\xFE\xFF") + encoded(QStringConverter::Utf16BE, html) << QString()
                << html << QStringLiteral("UTF-16BE") << Source::Bom;
            QTest::newRow("UTF-32LE with BOM")
                << QByteArray("\xFF\xFE\0\0", 4) + encoded(QStringConverter::Utf32LE, html)
                << QString() << html << QStringLiteral("UTF-32LE") << Source::Bom;
            QTest::newRow("UTF-32BE with BOM")
                << QByteArray("\0\0\xFE\xFF", 4) + encoded(QStringConverter::Utf32BE, html)
                << QString() << html << QStringLiteral("UTF-32BE") << Source::Bom;
            QTest::newRow("UTF-8 with BOM")
                << QByteArray("\xEF\xBB\xBF") + html.toUtf8() << QString() << html
                << QStringLiteral("UTF-8") << Source::Bom;
            QTest::newRow("UTF-8 without label")
                << html.toUtf8() << QString() << html << QStringLiteral("UTF-8") << Source::Utf8;
        }
        {
            // A BOM outranks a <meta> that names another encoding.
            const QString html = page(QStringLiteral("<meta charset=\"koi8-r\">"), Russian);
            QTest::newRow("BOM outranks meta")
                << QByteArray("\xEF\xBB\xBF") + html.toUtf8() << QString() << html
                << QStringLiteral("UTF-8") << Source::Bom;
        }
        {
            // The transport's Content-Type outranks the document's <meta>.
            const QString html = page(QStringLiteral("<meta charset=\"windows-1251\">"), Russian);
            QTest::newRow("Content-Type hint outranks meta")
                << encoded("KOI8-R", html) << QStringLiteral("text/html; charset=\"KOI8-R\"")
                << html << QStringLiteral("KOI8-R") << Source::ContentType;
        }
        {
            // A UTF-16 label without a BOM can only have been read from ASCII bytes: UTF-8.
            const QString html = page(QStringLiteral("<meta charset=\"utf-16\">"), Russian);
            QTest::newRow("UTF-16 label without BOM means UTF-8")
                << html.toUtf8() << QString() << html << QStringLiteral("UTF-8") << Source::Meta;
        }
        {
            const QString html = page(QString(), French);
            QTest::newRow("no label, not UTF-8: windows-1252")
                << encoded("windows-1252", html) << QString() << html
                << QStringLiteral("windows-1252") << Source::Fallback;
        }
        {
            // Beyond the first 1024 bytes the <meta> is not seen: the bytes decide.
            const QString html = QStringLiteral("<!DOCTYPE html><html><head><!--") +
                                 QString(1100, QLatin1Char('x')) +
                                 QStringLiteral("--><meta charset=\"koi8-r\"></head><body>") +
                                 French + QStringLiteral("</body></html>");
            QTest::newRow("meta after 1024 bytes is ignored")
                << encoded("windows-1252", html) << QString() << html
                << QStringLiteral("windows-1252") << Source::Fallback;
        }
        {
            const QString html =
                page(QStringLiteral("<meta charset=\"x-no-such-charset\">"), Russian);
            QTest::newRow("unknown label, valid UTF-8")
                << html.toUtf8() << QString() << html << QStringLiteral("UTF-8") << Source::Utf8;
        }
        {
            const QString html =
                page(QStringLiteral("<meta charset=\"x-no-such-charset\">"), French);
            QTest::newRow("unknown label, not UTF-8")
                << encoded("windows-1252", html) << QString() << html
                << QStringLiteral("windows-1252") << Source::Fallback;
        }
        QTest::newRow("empty input")
            << QByteArray() << QString() << QString() << QStringLiteral("UTF-8") << Source::Utf8;
    }
    void decodeHtml_knownEncoding_givesTheTextBack()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, hint);
        QFETCH(QString, expected);
        QFETCH(QString, encoding);
        QFETCH(Source, source);
        QVERIFY2(!input.isEmpty() || expected.isEmpty(), "the encoder is not available");
        const HtmlDecodeResult r = decodeHtml(input, hint);
        QCOMPARE(r.text, expected);
        QCOMPARE(r.encodingName, encoding);
        QCOMPARE(r.source, source);
        QVERIFY(!r.lossy);
    }

    void decodeHtml_unknownLabel_warnsNamingIt_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("hint");
        QTest::addColumn<QString>("label");
        QTest::newRow("meta") << QByteArray("<meta charset=\"x-bogus-42\"><p>hi</p>") << QString()
                              << QStringLiteral("x-bogus-42");
        QTest::newRow("content type")
            << QByteArray("<p>hi</p>") << QStringLiteral("text/html;charset=nope-9")
            << QStringLiteral("nope-9");
    }
    void decodeHtml_unknownLabel_warnsNamingIt()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, hint);
        QFETCH(QString, label);
        const HtmlDecodeResult r = decodeHtml(input, hint);
        QCOMPARE(r.text, QString::fromUtf8(input));
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY2(r.warnings.first().contains(label), qPrintable(r.warnings.first()));
    }

    void decodeHtml_labelWithForeignBytes_isNoLabel_andAnEncodingIsStillNamed_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("hint");
        // ICU matches names loosely ("\xab\xablmbcs6" would open a converter without a name).
        QTest::newRow("meta") << QByteArray("<meta charset=\"\xab\xablmbcs6\xab\"><p>hi</p>")
                              << QString();
        QTest::newRow("content type")
            << QByteArray("<p>hi</p>") << QString::fromLatin1("text/html;charset=\xab\xablmbcs6");
    }
    void decodeHtml_labelWithForeignBytes_isNoLabel_andAnEncodingIsStillNamed()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, hint);
        const HtmlDecodeResult r = decodeHtml(input, hint);
        QVERIFY(!r.encodingName.isEmpty());
        QVERIFY2(r.encodingName != QLatin1String("LMBCS-6"), qPrintable(r.encodingName));
        QVERIFY(r.text.contains(QLatin1String("<p>hi</p>")));
    }

    void decodeHtml_fallback_warnsThatNoEncodingWasNamed()
    {
        const HtmlDecodeResult r = decodeHtml(encoded("windows-1252", French));
        QCOMPARE(r.source, Source::Fallback);
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY2(r.warnings.first().contains(QLatin1String("windows-1252")),
                 qPrintable(r.warnings.first()));
    }

    void decodeHtml_truncatedSequence_isLossyAndKeepsTheRest_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("prefix");
        const QString sjisHead = QStringLiteral("<meta charset=\"shift_jis\">");
        QByteArray sjis = encoded("Shift_JIS", sjisHead + Japanese);
        sjis.chop(1);
        QTest::newRow("Shift_JIS cut in a character") << sjis << sjisHead + Japanese.chopped(1);
        const QString eucHead = QStringLiteral("<meta charset=\"euc-jp\">");
        QByteArray euc = encoded("EUC-JP", eucHead + Japanese);
        euc.chop(1);
        QTest::newRow("EUC-JP cut in a character") << euc << eucHead + Japanese.chopped(1);
        const QString utf8Head = QStringLiteral("<meta charset=\"utf-8\">");
        QByteArray utf8 = (utf8Head + Russian).toUtf8();
        utf8.chop(1);
        QTest::newRow("declared UTF-8 cut in a character") << utf8 << utf8Head + Russian.chopped(1);
        QByteArray utf16 = QByteArray("\xFF\xFE") + encoded(QStringConverter::Utf16LE, Russian);
        utf16.chop(1);
        QTest::newRow("UTF-16LE with an odd byte") << utf16 << Russian.chopped(1);
    }
    void decodeHtml_truncatedSequence_isLossyAndKeepsTheRest()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, prefix);
        const HtmlDecodeResult r = decodeHtml(input);
        QVERIFY(r.lossy);
        QVERIFY2(r.text.startsWith(prefix), qPrintable(r.text));
        QVERIFY(r.text.size() <= prefix.size() + 2);
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY2(r.warnings.first().contains(r.encodingName), qPrintable(r.warnings.first()));
    }

    void charsetLabel_variants_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("label");
        QTest::newRow("content type")
            << QByteArray("text/html; charset=UTF-8") << QByteArray("UTF-8");
        QTest::newRow("quoted content type")
            << QByteArray("text/html;charset=\"koi8-r\"") << QByteArray("koi8-r");
        QTest::newRow("meta with spaces")
            << QByteArray("<meta  charset = 'big5' >") << QByteArray("big5");
        QTest::newRow("second meta")
            << QByteArray("<meta name=x><meta charset=euc-jp/>") << QByteArray("euc-jp");
        QTest::newRow("charset word outside meta")
            << QByteArray("<p>charset=koi8-r</p><meta name=a>") << QByteArray();
        QTest::newRow("no equals") << QByteArray("<meta charset>") << QByteArray();
        QTest::newRow("unterminated meta") << QByteArray("<meta charset=\"") << QByteArray();
        QTest::newRow("label capped at 64")
            << QByteArray("<meta charset=") + QByteArray(500, 'a') << QByteArray(64, 'a');
    }
    void charsetLabel_variants()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, label);
        QCOMPARE(charsetLabel(text, 1024), label);
    }

    void decodeHtml_hostileBytes_neverFailAndStayBounded()
    {
        // Many unterminated <meta tags and a huge label: linear, and the text is all there.
        QByteArray hostile;
        while (hostile.size() < 200000)
            hostile += "<meta charset=\"\xFF\xFE";
        const HtmlDecodeResult r = decodeHtml(hostile);
        QVERIFY(!r.text.isEmpty());
        QVERIFY(r.text.size() <= hostile.size());
    }
};

TG_TEST_MAIN_CORE(TestHtmlDecode)
#include "tst_htmldecode.moc"
