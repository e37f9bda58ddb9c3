// SPDX-License-Identifier: MIT
#include "content/markdown.h"
#include "content/node.h"
#include "testdata.h"
#include "testmain.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>

using namespace tg;

namespace {

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs the real `telegraph` executable with the given arguments and standard input.
RunResult runTelegraph(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(TG_TELEGRAPH_EXE), args);
    RunResult r;
    if (!p.waitForStarted(10000))
        return r;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(50000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &data)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(data);
    return path;
}

QByteArray jsonStringLine(const QString &s)
{
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

/// The raw JSON of the last key "nodes" in a line (keeps attribute order).
QByteArray rawNodesAtEnd(const QByteArray &line)
{
    const QByteArray key = QByteArrayLiteral("\"nodes\": ");
    const qsizetype at = line.lastIndexOf(key);
    return line.mid(at + key.size(), line.lastIndexOf('}') - at - key.size());
}

} // namespace

/// `telegraph convert`, run as a process over files and standard input.
class TestConvertCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void htmlToNodes_fromFileOrStdin_printsCompactJson_data()
    {
        QTest::addColumn<QString>("source"); // "file", "dash" or "stdin"
        QTest::newRow("file") << QStringLiteral("file");
        QTest::newRow("dash") << QStringLiteral("dash");
        QTest::newRow("stdin") << QStringLiteral("stdin");
    }

    void htmlToNodes_fromFileOrStdin_printsCompactJson()
    {
        QFETCH(QString, source);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray html = "<p>Привет, <a href=\"/x\" target=\"_blank\">мир</a>!</p>";
        QStringList args{QStringLiteral("convert"), QStringLiteral("html-to-nodes")};
        QByteArray input;
        if (source == QLatin1String("file"))
            args << writeFile(dir, QStringLiteral("in.html"), html);
        else if (source == QLatin1String("dash"))
            args << QStringLiteral("-");
        if (source != QLatin1String("file"))
            input = html;
        const RunResult r = runTelegraph(args, input);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(r.out, QByteArray("[{\"tag\":\"p\",\"children\":[\"Привет, "
                                   "\",{\"tag\":\"a\",\"attrs\":{\"href\":\"/"
                                   "x\",\"target\":\"_blank\"},\"children\":[\"мир\"]},\"!\"]}]"
                                   "\n"));
    }

    void htmlToNodes_badInput_exitsTwoWithSpecificError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("stderrStart");
        QStringList h2n{QStringLiteral("convert"), QStringLiteral("html-to-nodes")};
        QTest::newRow("not allowed tag")
            << h2n << QByteArray("<p>x</p>\n<h1>t</h1>")
            << QByteArray("error: NotAllowedTag: 'h1' tag is not allowed (line 2, column 1)");
        QTest::newRow("unclosed tag")
            << h2n << QByteArray("<p><b>x</p>")
            << QByteArray("error: InvalidHTML: 'p' tag closed instead of 'b'");
        QTest::newRow("invalid utf-8")
            << h2n << QByteArray("<p>ab\xff</p>")
            << QByteArray("error: input is not valid UTF-8 (byte offset 5)");
        QTest::newRow("missing file")
            << (QStringList(h2n) << QStringLiteral("/nonexistent/dir/x.html")) << QByteArray()
            << QByteArray("error: cannot read '/nonexistent/dir/x.html'");
        QTest::newRow("directory") << (QStringList(h2n) << QStringLiteral("/")) << QByteArray()
                                   << QByteArray("error: cannot read '/': it is a directory");
        QTest::newRow("invalid nodes json")
            << QStringList{QStringLiteral("convert"), QStringLiteral("nodes-to-html")}
            << QByteArray("[{\"tag\":\"p\",") << QByteArray("error: invalid nodes JSON: ");
        QTest::newRow("unknown conversion")
            << QStringList{QStringLiteral("convert"), QStringLiteral("html-to-pdf")} << QByteArray()
            << QByteArray("error: unknown conversion 'html-to-pdf'");
        QTest::newRow("unknown option")
            << (QStringList(h2n) << QStringLiteral("--fast")) << QByteArray()
            << QByteArray("error: unknown option '--fast'");
        QTest::newRow("two inputs")
            << (QStringList(h2n) << QStringLiteral("a") << QStringLiteral("b")) << QByteArray()
            << QByteArray("error: convert takes one input");
        QTest::newRow("no conversion") << QStringList{QStringLiteral("convert")} << QByteArray()
                                       << QByteArray("error: convert needs a conversion");
    }

    void htmlToNodes_badInput_exitsTwoWithSpecificError()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, stderrStart);
        const RunResult r = runTelegraph(args, input);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(stderrStart), r.err.constData());
        QCOMPARE(r.out, QByteArray());
    }

    void nodesToHtml_fromFile_printsHtml()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("n.json"),
                                       "[{\"tag\":\"p\",\"attrs\":{\"z\":\"1\",\"a\":\"2\"},"
                                       "\"children\":[\"a<b\",{\"tag\":\"br\"}]}]");
        const RunResult r =
            runTelegraph({QStringLiteral("convert"), QStringLiteral("nodes-to-html"), path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("<p z=\"1\" a=\"2\">a&lt;b<br/></p>\n"));
    }

    void htmlToNodesJsonl_onAllVectors_answersEveryLineLikeTheReference()
    {
        const QList<QByteArray> lines =
            test::readJsonLines(QStringLiteral("vectors/html_to_nodes.jsonl"));
        QVERIFY(lines.size() > 400);
        QByteArray input;
        QList<QJsonObject> vectors;
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            vectors.append(o);
            input += jsonStringLine(o.value(QLatin1String("html")).toString()) + '\n';
        }
        const RunResult r = runTelegraph(
            {QStringLiteral("convert"), QStringLiteral("html-to-nodes"), QStringLiteral("--jsonl")},
            input);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> out = r.out.split('\n');
        QCOMPARE(out.size(), lines.size() + 1); // the last line ends with '\n'
        for (qsizetype k = 0; k < lines.size(); ++k) {
            const QJsonObject v = vectors.at(k);
            const QByteArray id = v.value(QLatin1String("id")).toString().toUtf8();
            if (v.contains(QLatin1String("error"))) {
                const QJsonObject e = QJsonDocument::fromJson(out.at(k))
                                          .object()
                                          .value(QLatin1String("error"))
                                          .toObject();
                QVERIFY2(
                    e.value(QLatin1String("kind")) ==
                        v.value(QLatin1String("error")).toObject().value(QLatin1String("kind")),
                    id.constData());
                QVERIFY2(e.value(QLatin1String("message"))
                             .toString()
                             .startsWith(v.value(QLatin1String("error"))
                                             .toObject()
                                             .value(QLatin1String("message"))
                                             .toString()),
                         id.constData());
            } else {
                const NodeParseResult expected = nodesFromJson(rawNodesAtEnd(lines.at(k)));
                QVERIFY2(expected.ok(), id.constData());
                QCOMPARE(out.at(k), QByteArray("{\"nodes\":" + toJson(expected.nodes) + '}'));
            }
        }
    }

    void htmlToNodesJsonl_badLine_isAnsweredAndBatchGoesOn()
    {
        const QByteArray input = "\"<p>a</p>\"\n42\n\n[\"x\"]\n\"<b>\"\n\"\xff\"\n\"<i>b</i>\"\n";
        const RunResult r = runTelegraph(
            {QStringLiteral("convert"), QStringLiteral("html-to-nodes"), QStringLiteral("--jsonl")},
            input);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> out = r.out.trimmed().split('\n');
        QCOMPARE(out.size(), 6); // the blank line is skipped
        QCOMPARE(out.at(0), QByteArray("{\"nodes\":[{\"tag\":\"p\",\"children\":[\"a\"]}]}"));
        QVERIFY2(
            out.at(1).startsWith("{\"error\":{\"kind\":\"InvalidInput\",\"message\":\"line 2: "),
            out.at(1).constData());
        QVERIFY(
            out.at(2).startsWith("{\"error\":{\"kind\":\"InvalidInput\",\"message\":\"line 4: "));
        QVERIFY(out.at(3).startsWith(
            "{\"error\":{\"kind\":\"InvalidHTML\",\"message\":\"'b' tag is not closed"));
        QVERIFY(out.at(4).startsWith(
            "{\"error\":{\"kind\":\"InvalidInput\",\"message\":\"line 6: not valid UTF-8"));
        QCOMPARE(out.at(5), QByteArray("{\"nodes\":[{\"tag\":\"i\",\"children\":[\"b\"]}]}"));
    }

    void nodesToHtmlJsonl_onAllVectors_writesReferenceHtml()
    {
        const QList<QByteArray> lines =
            test::readJsonLines(QStringLiteral("vectors/nodes_to_html.jsonl"));
        QByteArray input;
        QStringList expected;
        for (const QByteArray &line : lines) {
            const qsizetype start = line.indexOf("\"nodes\": ") + 9;
            const qsizetype end = line.lastIndexOf(", \"html\": ");
            input += line.mid(start, end - start) + '\n';
            expected.append(
                QJsonDocument::fromJson(line).object().value(QLatin1String("html")).toString());
        }
        const RunResult r = runTelegraph(
            {QStringLiteral("convert"), QStringLiteral("nodes-to-html"), QStringLiteral("--jsonl")},
            input);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> out = r.out.split('\n');
        QCOMPARE(out.size(), expected.size() + 1);
        for (qsizetype k = 0; k < expected.size(); ++k) {
            const QJsonArray a = QJsonDocument::fromJson('[' + out.at(k) + ']').array();
            QCOMPARE(a.size(), 1);
            QCOMPARE(a.at(0).toString(), expected.at(k));
        }
    }

    void nodesToHtmlJsonl_badLine_answersNullAndExitsTwo()
    {
        const QByteArray input = "[\"a\"]\n{\"oops\n[{\"tag\":\"b\",\"children\":[\"c\"]}]\n";
        const RunResult r = runTelegraph(
            {QStringLiteral("convert"), QStringLiteral("nodes-to-html"), QStringLiteral("--jsonl")},
            input);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QByteArray("\"a\"\nnull\n\"<b>c</b>\"\n"));
        QVERIFY2(r.err.startsWith("error: line 2: invalid nodes JSON"), r.err.constData());
    }

    void htmlToNodes_lenient_acceptsWhatStrictRefuses()
    {
        const QByteArray html = "<div><h1>Title</h1><p>text</div>";
        const RunResult strict =
            runTelegraph({QStringLiteral("convert"), QStringLiteral("html-to-nodes")}, html);
        QCOMPARE(strict.exitCode, 2);
        const RunResult lenient =
            runTelegraph({QStringLiteral("convert"), QStringLiteral("html-to-nodes"),
                          QStringLiteral("--lenient")},
                         html);
        QCOMPARE(lenient.exitCode, 0);
        const NodeParseResult nodes = nodesFromJson(lenient.out.trimmed());
        QVERIFY2(nodes.ok(), lenient.out.constData());
        QVERIFY(!nodes.nodes.isEmpty());
        for (const QByteArray &line : lenient.err.split('\n')) {
            if (!line.isEmpty())
                QVERIFY2(line.startsWith("warning: "), line.constData());
        }
    }

    void htmlToNodesLenient_anyEncoding_givesTheText_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("warning");
        const QString russian = QStringLiteral("Съешь ещё этих булок");
        QStringEncoder koi("KOI8-R");
        QTest::newRow("KOI8-R meta")
            << QByteArray("<meta charset=\"koi8-r\"><p>") + QByteArray(koi.encode(russian)) + "</p>"
            << russian << QByteArray();
        QStringEncoder sjis("Shift_JIS");
        const QString japanese = QStringLiteral("日本語のテキスト");
        QTest::newRow("Shift_JIS http-equiv")
            << QByteArray("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                          "charset=Shift_JIS\"><p>") +
                   QByteArray(sjis.encode(japanese)) + "</p>"
            << japanese << QByteArray();
        QStringEncoder utf16(QStringConverter::Utf16LE);
        QTest::newRow("UTF-16LE BOM")
            << QByteArray("\xFF\xFE") + QByteArray(utf16.encode(QStringLiteral("<p>") + russian +
                                                                QStringLiteral("</p>")))
            << russian << QByteArray();
        QTest::newRow("no label, not UTF-8")
            << QByteArray("<p>caf\xe9 \x93quoted\x94</p>") << QStringLiteral("café “quoted”")
            << QByteArray("warning: The document names no encoding and is not valid UTF-8");
        QTest::newRow("unknown label")
            << QByteArray("<meta charset=\"x-nope\"><p>ok</p>") << QStringLiteral("ok")
            << QByteArray("warning: The document declares the unknown encoding “x-nope”");
    }
    void htmlToNodesLenient_anyEncoding_givesTheText()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, text);
        QFETCH(QByteArray, warning);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("page.html"), input);
        const RunResult r =
            runTelegraph({QStringLiteral("convert"), QStringLiteral("html-to-nodes"),
                          QStringLiteral("--lenient"), path});
        QCOMPARE(r.exitCode, 0);
        const NodeParseResult nodes = nodesFromJson(r.out.trimmed());
        QVERIFY2(nodes.ok(), r.out.constData());
        QVERIFY2(QString::fromUtf8(r.out).contains(text), r.out.constData());
        if (!warning.isEmpty())
            QVERIFY2(r.err.contains(warning), r.err.constData());
        else
            QVERIFY2(!r.err.contains("encoding"), r.err.constData());
        // Strict mode still reads UTF-8 only.
        QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        (void)utf8.decode(input);
        if (!utf8.hasError())
            return;
        const RunResult strict =
            runTelegraph({QStringLiteral("convert"), QStringLiteral("html-to-nodes"), path});
        QCOMPARE(strict.exitCode, 2);
        QVERIFY2(strict.err.startsWith("error: input is not valid UTF-8"), strict.err.constData());
    }

    void markdown_conversions_roundTrip()
    {
        const QByteArray nodes =
            "[{\"tag\":\"p\",\"children\":[\"Hello \",{\"tag\":\"em\",\"children\":[\"world\"]}]}]";
        const RunResult md =
            runTelegraph({QStringLiteral("convert"), QStringLiteral("nodes-to-markdown")}, nodes);
        QCOMPARE(md.exitCode, 0);
        QVERIFY2(md.out.contains("world"), md.out.constData());
        QVERIFY(md.out.endsWith('\n'));
        const RunResult back =
            runTelegraph({QStringLiteral("convert"), QStringLiteral("markdown-to-nodes")}, md.out);
        QCOMPARE(back.exitCode, 0);
        QCOMPARE(back.out, nodes + '\n');
    }

    void markdownToNodes_fromFileOrStdin_printsWhatTheTreeReaderGives_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("warnings") << QByteArray(
            "3. x\n\n| a |\n|---|\n| b |\n\n[j](javascript:1) <span>s</span>");
        QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF# Title");
        QTest::newRow("two byte order marks") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF# Title");
        QTest::newRow("byte order mark in a paragraph") << QByteArray("a\n\n\xEF\xBB\xBFz *y*");
        QTest::newRow("empty") << QByteArray();
        QByteArray big;
        for (int i = 0; big.size() < 1024 * 1024; ++i)
            big += "## Part " + QByteArray::number(i) +
                   "\n\nSome *text*, `code` and \"quotes\"\\\nа также кириллица.\n\n";
        QTest::newRow("1 MiB") << big;
    }

    void markdownToNodes_fromFileOrStdin_printsWhatTheTreeReaderGives()
    {
        QFETCH(QByteArray, input);
        // What the command printed when it read Markdown through QString and tg::Node.
        QByteArray text = input;
        if (text.startsWith("\xEF\xBB\xBF"))
            text.remove(0, 3);
        const MarkdownResult tree = markdownToNodes(QString::fromUtf8(text));
        QByteArray warnings;
        for (const QString &w : tree.warnings)
            warnings += "warning: " + w.toUtf8() + '\n';

        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("in.md"), input);
        for (const QStringList &args :
             {QStringList{QStringLiteral("convert"), QStringLiteral("markdown-to-nodes")},
              QStringList{QStringLiteral("convert"), QStringLiteral("markdown-to-nodes"), path}}) {
            const RunResult r = runTelegraph(args, args.size() == 2 ? input : QByteArray());
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(r.out, toJson(tree.nodes) + '\n');
            QCOMPARE(r.err, warnings);
        }
    }

    void markdownToNodes_invalidUtf8_exitsTwo()
    {
        const RunResult r = runTelegraph(
            {QStringLiteral("convert"), QStringLiteral("markdown-to-nodes")}, "# x\xc3(");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("error: input is not valid UTF-8 (byte offset 3)"),
                 r.err.constData());
    }
};

TG_TEST_MAIN_CORE(TestConvertCli)
#include "tst_convertcli.moc"
