// SPDX-License-Identifier: MIT
#include "workflow/contentconverter.h"

#include "content/htmlimport.h"
#include "content/htmlparser.h"
#include "content/htmlwriter.h"
#include "content/markdown.h"
#include "content/markdownwriter.h"
#include "content/validation.h"

#include <type_traits>

namespace tg {

namespace {

// Converters report warnings either as plain strings or as small structs with a message.
template<typename W> ContentIssue toIssue(const W &w)
{
    ContentIssue issue;
    if constexpr (std::is_convertible_v<W, QString>) {
        issue.message = w;
    } else {
        issue.message = w.message;
        if constexpr (std::is_member_object_pointer_v<decltype(&W::line)>)
            issue.line = w.line > 0 ? w.line : -1;
        if constexpr (std::is_member_object_pointer_v<decltype(&W::column)>)
            issue.column = w.column > 0 ? w.column : -1;
    }
    issue.field = QStringLiteral("content");
    return issue;
}

template<typename List> void appendWarnings(QList<ContentIssue> &issues, const List &warnings)
{
    for (const auto &w : warnings)
        issues.append(toIssue(w));
}

} // namespace

bool ConversionResult::publishable() const
{
    for (const ContentIssue &i : issues) {
        if (i.severity == ContentIssue::Severity::Error)
            return false;
    }
    return true;
}

QString ConversionResult::firstError() const
{
    return firstErrorIssue().message;
}

ContentIssue ConversionResult::firstErrorIssue() const
{
    for (const ContentIssue &i : issues) {
        if (i.severity == ContentIssue::Severity::Error)
            return i;
    }
    return {};
}

qsizetype contentLimitBytes()
{
    return MaxContentBytes;
}

ConversionResult convertContent(const ConversionInput &in)
{
    ConversionResult out;
    out.serial = in.serial;
    if (in.format == DraftFormat::Markdown) {
        auto md = markdownToNodes(in.body);
        out.nodes = md.nodes;
        appendWarnings(out.issues, md.warnings);
    } else {
        HtmlParseResult strict = htmlToNodes(in.body);
        if (strict.error) {
            ContentIssue e;
            e.severity = ContentIssue::Severity::Error;
            e.field = QStringLiteral("content");
            e.line = strict.error->line > 0 ? strict.error->line : -1;
            e.column = strict.error->column > 0 ? strict.error->column : -1;
            e.message = e.line > 0 ? QStringLiteral("HTML error at line %1, column %2: %3")
                                         .arg(e.line)
                                         .arg(e.column)
                                         .arg(strict.error->message)
                                   : strict.error->message;
            out.issues.append(e);
            // Show what the lenient import would make of it; publishing stays refused.
            auto lenient = importHtml(in.body);
            out.nodes = lenient.nodes;
            appendWarnings(out.issues, lenient.warnings);
        } else {
            out.nodes = strict.nodes;
        }
    }
    out.bytes = jsonSize(out.nodes);
    out.blocks.reserve(out.nodes.size());
    for (const Node &n : out.nodes)
        out.blocks.append(nodesToDisplayHtml(NodeList{n}));
    out.html = out.blocks.join(QString());
    for (const ValidationIssue &v :
         validatePage(in.title, in.authorName, in.authorUrl, out.nodes)) {
        ContentIssue e;
        e.severity = ContentIssue::Severity::Error;
        e.field = v.field;
        e.message = v.message;
        e.validationCode = int(v.code);
        e.args = v.args;
        out.issues.append(e);
    }
    return out;
}

EditableSource editableSource(const NodeList &content)
{
    EditableSource out;
    if (markdownRoundTrips(content, &out.why)) {
        out.body = nodesToMarkdown(content);
        return out;
    }
    out.format = DraftFormat::Html;
    out.body = nodesToHtml(content);
    return out;
}

} // namespace tg
