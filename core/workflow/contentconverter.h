// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"
#include "storage/draft.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace tg {

/// What the converter works on: a snapshot of the editor.
struct ConversionInput
{
    quint64 serial = 0; ///< increases with every edit; results carry it back
    QString title;
    QString authorName;
    QString authorUrl;
    QString body;
    DraftFormat format = DraftFormat::Markdown;
};

/// One entry of the warnings list under the preview.
struct ContentIssue
{
    enum class Severity
    {
        Warning,
        Error
    };
    Severity severity = Severity::Warning;
    QString message;
    int line = -1;   ///< 1-based source line, -1 when not tied to a place
    int column = -1; ///< 1-based column
    QString field;   ///< "title", "author_name", "author_url", "content" or empty
    /// For a page validation issue, its code and values, so the window can word it in the UI's
    /// language (message is English); -1 for converter warnings and HTML errors.
    int validationCode = -1; ///< a tg::ValidationIssue::Code
    QStringList args;
};

/// The content exactly as it would be sent, its preview HTML, its size and what is wrong with it.
struct ConversionResult
{
    quint64 serial = 0;
    NodeList nodes;
    QString html;        ///< nodesToDisplayHtml(nodes): what the preview shows (no script URLs)
    QStringList blocks;  ///< nodesToDisplayHtml of each top-level node; html is their concatenation
    qsizetype bytes = 0; ///< serialized content bytes (the 64 KiB limit is on these)
    QList<ContentIssue> issues;

    /// No error-severity issue: the page may be published.
    bool publishable() const;
    /// The first error message, for a refused publish.
    QString firstError() const;
    /// The first error issue; a default ContentIssue (empty message) when there is none.
    ContentIssue firstErrorIssue() const;
};

/// Converts the editor's source to Telegraph nodes (Markdown, or HTML strictly with a lenient
/// fallback for the preview), renders them back to HTML and validates the page. Pure and
/// thread-safe: runs on a worker thread.
ConversionResult convertContent(const ConversionInput &input);

/// The 64 KiB content limit of the API in bytes.
qsizetype contentLimitBytes();

/// Editor source for page content: Markdown when it gives back exactly these nodes, else HTML
/// (then `why` says what Markdown would lose).
struct EditableSource
{
    DraftFormat format = DraftFormat::Markdown;
    QString body;
    QString why;
};
EditableSource editableSource(const NodeList &content);

} // namespace tg

Q_DECLARE_METATYPE(tg::ConversionResult)
