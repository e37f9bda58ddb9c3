// SPDX-License-Identifier: MIT
// `telegraph convert`: offline conversions between HTML, Markdown and Telegraph nodes.
//
//   convert html-to-nodes [--lenient] [--jsonl] [FILE|-]
//   convert nodes-to-html [--jsonl] [FILE|-]
//   convert markdown-to-nodes [FILE|-]
//   convert nodes-to-markdown [FILE|-]
//
// Input is UTF-8 (a leading byte order mark is skipped), except for html-to-nodes --lenient,
// which reads HTML in any encoding (BOM, <meta charset>, else UTF-8 or windows-1252); without
// FILE, or with "-", it is read from standard input. Whole-input errors (unreadable file, invalid
// UTF-8, invalid JSON, strict conversion errors) print "error: ..." to stderr and exit 2.
//
// --jsonl processes a batch, one item per input line (blank lines are skipped), and answers
// every line with exactly one output line, so outputs stay aligned with inputs:
//  - html-to-nodes: each line is a JSON string holding an HTML document; each answer is
//    {"nodes":[...]} (with "warnings":[...] under --lenient when there are any), or
//    {"error":{"kind":"NotAllowedTag"|"InvalidHTML","message":"..."}}, or for a line that is not
//    a JSON string (or not UTF-8) {"error":{"kind":"InvalidInput","message":"line N: ..."}}.
//    Per-line errors are results, not failures: the exit status is 0 once the batch is answered.
//  - nodes-to-html: each line is a JSON array of nodes; each answer is a JSON string. A bad line
//    is answered with `null`, its reason goes to stderr as "error: line N: ...", the batch goes
//    on, and the exit status is then 2.
#include "cli/cli.h"

#include "content/flatdoc.h"
#include "content/flathtml.h"
#include "content/htmldecode.h"
#include "content/htmlimport.h"
#include "content/htmlparser.h"
#include "content/htmlwriter.h"
#include "content/markdown.h"
#include "content/markdownwriter.h"
#include "content/node.h"
#include "content/utf8.h"

#include <QFile>
#include <QFileDevice>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace tg::cli {

namespace {

/// Reads FILE, or standard input for "-" or no operand.
bool readInput(Context &ctx, const QString &operand, QByteArray &data)
{
    if (operand.isEmpty() || operand == QLatin1String("-")) {
        data = ctx.in.readAll();
        return true;
    }
    const QFileInfo info(operand);
    if (info.isDir()) {
        ctx.err << "error: cannot read '" << operand << "': it is a directory\n";
        return false;
    }
    QFile file(operand);
    if (!file.open(QIODevice::ReadOnly)) {
        ctx.err << "error: cannot read '" << operand << "': " << file.errorString() << '\n';
        return false;
    }
    data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        ctx.err << "error: cannot read '" << operand << "': " << file.errorString() << '\n';
        return false;
    }
    return true;
}

void writeUtf8(QTextStream &out, const QByteArray &bytes)
{
    out << QString::fromUtf8(bytes);
}

/// A JSON string literal for s.
QByteArray jsonString(const QString &s)
{
    QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2); // strip the array brackets
}

QByteArray errorLine(const QString &kind, const QString &message)
{
    return QByteArrayLiteral("{\"error\":{\"kind\":") + jsonString(kind) +
           QByteArrayLiteral(",\"message\":") + jsonString(message) + QByteArrayLiteral("}}");
}

QByteArray warningsJson(const QStringList &warnings)
{
    QByteArray a = "[";
    for (qsizetype k = 0; k < warnings.size(); ++k) {
        if (k)
            a += ',';
        a += jsonString(warnings.at(k));
    }
    return a + ']';
}

/// The non-blank lines of a batch with their 1-based line numbers (a trailing '\r' is dropped).
QList<QPair<qsizetype, QByteArray>> batchLines(const QByteArray &data)
{
    QList<QPair<qsizetype, QByteArray>> lines;
    qsizetype number = 0;
    qsizetype start = 0;
    while (start <= data.size()) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        ++number;
        QByteArray line = data.mid(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.trimmed().isEmpty())
            lines.append({number, line});
        start = end + 1;
    }
    return lines;
}

/// Parses a line holding one JSON string; nullopt (and sets error) otherwise.
std::optional<QString> jsonStringLine(QByteArray line, QString &error)
{
    if (line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    const qsizetype bad = utf8::invalidOffset(line);
    if (bad >= 0) {
        error = QStringLiteral("not valid UTF-8 (byte offset %1)").arg(bad);
        return std::nullopt;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + line + ']', &pe);
    if (pe.error != QJsonParseError::NoError) {
        error = QStringLiteral("invalid JSON: %1").arg(pe.errorString());
        return std::nullopt;
    }
    const QJsonArray array = doc.array();
    if (array.size() != 1 || !array.at(0).isString()) {
        error = QStringLiteral("expected one JSON string (an HTML document)");
        return std::nullopt;
    }
    return array.at(0).toString();
}

int htmlToNodesBatch(Context &ctx, const QByteArray &data, bool lenient)
{
    for (const auto &[number, line] : batchLines(data)) {
        QString error;
        const std::optional<QString> html = jsonStringLine(line, error);
        if (!html) {
            writeUtf8(ctx.out, errorLine(QStringLiteral("InvalidInput"),
                                         QStringLiteral("line %1: %2").arg(number).arg(error)));
            ctx.out << '\n';
            continue;
        }
        if (lenient) {
            const HtmlImportResult r = importHtml(*html);
            QByteArray json = QByteArrayLiteral("{\"nodes\":") + toJson(r.nodes);
            if (!r.warnings.isEmpty())
                json += QByteArrayLiteral(",\"warnings\":") + warningsJson(r.warnings);
            writeUtf8(ctx.out, json + '}');
        } else {
            const HtmlParseResult r = htmlToNodes(*html);
            if (r.ok())
                writeUtf8(ctx.out, QByteArrayLiteral("{\"nodes\":") + toJson(r.nodes) + '}');
            else
                writeUtf8(ctx.out, errorLine(r.error->kindName(), r.error->message));
        }
        ctx.out << '\n';
    }
    return ExitOk;
}

int nodesToHtmlBatch(Context &ctx, const QByteArray &data)
{
    int code = ExitOk;
    for (const auto &[number, line] : batchLines(data)) {
        const NodeParseResult r = nodesFromJson(line);
        if (!r.ok()) {
            ctx.out << "null\n";
            ctx.err << "error: line " << number << ": invalid nodes JSON: " << r.error;
            if (r.offset >= 0)
                ctx.err << " (byte offset " << r.offset << ')';
            ctx.err << '\n';
            code = ExitUsage;
            continue;
        }
        writeUtf8(ctx.out, jsonString(nodesToHtml(r.nodes)));
        ctx.out << '\n';
    }
    return code;
}

/// Reads a whole nodes JSON document; prints the error and returns false when it is invalid.
bool readNodes(Context &ctx, const QByteArray &data, NodeList &nodes)
{
    QByteArray json = data;
    if (json.startsWith("\xEF\xBB\xBF"))
        json.remove(0, 3);
    const NodeParseResult r = nodesFromJson(json);
    if (!r.ok()) {
        ctx.err << "error: invalid nodes JSON: " << r.error;
        if (r.offset >= 0)
            ctx.err << " (byte offset " << r.offset << ')';
        ctx.err << '\n';
        return false;
    }
    nodes = r.nodes;
    return true;
}

/// The whole input, read once: a regular file is mapped, anything else is read into one buffer.
struct MappedInput
{
    QFile file;
    QByteArray buffer;
    QByteArrayView bytes;
};

bool mapInput(Context &ctx, const QString &operand, MappedInput &input)
{
    if (!operand.isEmpty() && operand != QLatin1String("-")) {
        const QFileInfo info(operand);
        if (info.isFile() && info.size() > 0) {
            input.file.setFileName(operand);
            if (!input.file.open(QIODevice::ReadOnly)) {
                ctx.err << "error: cannot read '" << operand << "': " << input.file.errorString()
                        << '\n';
                return false;
            }
            if (uchar *p = input.file.map(0, input.file.size())) {
                input.bytes = QByteArrayView(reinterpret_cast<const char *>(p), input.file.size());
                return true;
            }
            input.file.close();
        }
    }
    if (!readInput(ctx, operand, input.buffer))
        return false;
    input.bytes = input.buffer;
    return true;
}

/// Writes what write() produces straight to the output device in 64 KiB chunks, then a newline.
template<typename Write> void streamOut(Context &ctx, Write write)
{
    ctx.out.flush();
    if (QIODevice *device = ctx.out.device()) {
        {
            ByteSink sink(device);
            write(sink);
            sink.append('\n');
        }
        if (auto *file = qobject_cast<QFileDevice *>(device))
            file->flush();
        return;
    }
    QByteArray bytes;
    {
        ByteSink sink(&bytes);
        write(sink);
    }
    writeUtf8(ctx.out, bytes);
    ctx.out << '\n';
}

/// Strict html-to-nodes on the flat path: UTF-8 in, JSON out, no intermediate tree or QString.
int strictHtmlToNodes(Context &ctx, QByteArrayView data)
{
    if (data.startsWith("\xEF\xBB\xBF"))
        data = data.sliced(3);
    const FlatHtmlResult r = htmlToFlat(data);
    if (!r.utf8Error.isEmpty()) {
        ctx.err << "error: " << r.utf8Error << '\n';
        return ExitUsage;
    }
    if (r.error) {
        ctx.err << "error: " << r.error->kindName() << ": " << r.error->message << '\n';
        return ExitUsage;
    }
    streamOut(ctx, [&r](ByteSink &sink) { flatToJson(r.doc, sink); });
    return ExitOk;
}

/// nodes-to-html on the flat path.
int flatNodesToHtml(Context &ctx, QByteArrayView data)
{
    if (data.startsWith("\xEF\xBB\xBF"))
        data = data.sliced(3);
    const FlatJsonResult r = flatFromJson(data);
    if (!r.ok()) {
        ctx.err << "error: invalid nodes JSON: " << r.error;
        if (r.offset >= 0)
            ctx.err << " (byte offset " << r.offset << ')';
        ctx.err << '\n';
        return ExitUsage;
    }
    streamOut(ctx, [&r](ByteSink &sink) { flatToHtml(r.doc, sink); });
    return ExitOk;
}

void printWarnings(Context &ctx, const QStringList &warnings)
{
    for (const QString &w : warnings)
        ctx.err << "warning: " << w << '\n';
}

/// markdown-to-nodes on the flat path: UTF-8 in, JSON out, no tg::Node tree or QString per text.
int flatMarkdownToNodes(Context &ctx, QByteArrayView data)
{
    if (data.startsWith("\xEF\xBB\xBF"))
        data = data.sliced(3);
    if (const qsizetype bad = utf8::invalidOffset(data); bad >= 0) {
        ctx.err << "error: input is not valid UTF-8 (byte offset " << bad << ")\n";
        return ExitUsage;
    }
    // A second byte order mark goes too, as QString::fromUtf8() dropped it on the UTF-16 path.
    if (data.startsWith("\xEF\xBB\xBF"))
        data = data.sliced(3);
    const FlatMarkdownResult r = markdownToFlat(data);
    if (!r.ok()) {
        ctx.err << "error: " << r.error << '\n';
        return ExitUsage;
    }
    printWarnings(ctx, r.warnings);
    streamOut(ctx, [&r](ByteSink &sink) { flatToJson(r.doc, sink); });
    return ExitOk;
}

int usage(Context &ctx, const QString &message)
{
    ctx.err << "error: " << message << " (see telegraph --help)\n";
    return ExitUsage;
}

} // namespace

int runConvert(Context &ctx)
{
    const QStringList &args = ctx.args;
    if (args.size() < 2)
        return usage(ctx, QStringLiteral("convert needs a conversion: html-to-nodes, "
                                         "nodes-to-html, markdown-to-nodes or nodes-to-markdown"));
    const QString what = args.at(1);
    bool lenient = false;
    bool jsonl = false;
    QStringList operands;
    bool onlyOperands = false;
    for (qsizetype k = 2; k < args.size(); ++k) {
        const QString &a = args.at(k);
        if (onlyOperands || a == QLatin1String("-") || !a.startsWith(QLatin1Char('-'))) {
            operands.append(a);
        } else if (a == QLatin1String("--")) {
            onlyOperands = true;
        } else if (a == QLatin1String("--lenient")) {
            lenient = true;
        } else if (a == QLatin1String("--jsonl")) {
            jsonl = true;
        } else {
            return usage(ctx, QStringLiteral("unknown option '%1' for convert").arg(a));
        }
    }
    if (operands.size() > 1)
        return usage(
            ctx,
            QStringLiteral("convert takes one input (FILE or -), not %1").arg(operands.size()));

    const bool isHtmlToNodes = what == QLatin1String("html-to-nodes");
    const bool isNodesToHtml = what == QLatin1String("nodes-to-html");
    const bool isMarkdownToNodes = what == QLatin1String("markdown-to-nodes");
    const bool isNodesToMarkdown = what == QLatin1String("nodes-to-markdown");
    if (!isHtmlToNodes && !isNodesToHtml && !isMarkdownToNodes && !isNodesToMarkdown)
        return usage(ctx, QStringLiteral("unknown conversion '%1'").arg(what));
    if (lenient && !isHtmlToNodes)
        return usage(ctx, QStringLiteral("--lenient applies to html-to-nodes only"));
    if (jsonl && !isHtmlToNodes && !isNodesToHtml)
        return usage(ctx, QStringLiteral("--jsonl applies to html-to-nodes and nodes-to-html"));

    if (!jsonl && ((isHtmlToNodes && !lenient) || isNodesToHtml || isMarkdownToNodes)) {
        MappedInput input;
        if (!mapInput(ctx, operands.value(0), input))
            return ExitUsage;
        if (isMarkdownToNodes)
            return flatMarkdownToNodes(ctx, input.bytes);
        return isNodesToHtml ? flatNodesToHtml(ctx, input.bytes)
                             : strictHtmlToNodes(ctx, input.bytes);
    }

    QByteArray data;
    if (!readInput(ctx, operands.value(0), data))
        return ExitUsage;

    if (jsonl)
        return isHtmlToNodes ? htmlToNodesBatch(ctx, data, lenient) : nodesToHtmlBatch(ctx, data);

    if (isHtmlToNodes && lenient) {
        // Read like a browser would: BOM, <meta charset>, else UTF-8 or windows-1252.
        const HtmlDecodeResult decoded = decodeHtml(data);
        printWarnings(ctx, decoded.warnings);
        const HtmlImportResult r = importHtml(decoded.text);
        printWarnings(ctx, r.warnings);
        writeUtf8(ctx.out, toJson(r.nodes));
        ctx.out << '\n';
        return ExitOk;
    }

    // nodes-to-markdown
    NodeList nodes;
    if (!readNodes(ctx, data, nodes))
        return ExitUsage;
    const QString markdown = nodesToMarkdown(nodes);
    ctx.out << markdown;
    if (!markdown.endsWith(QLatin1Char('\n')))
        ctx.out << '\n';
    return ExitOk;
}

} // namespace tg::cli
