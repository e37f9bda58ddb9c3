// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draft.h"

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace tg {

/// Light syntax colouring for the source editor: Markdown (headings, emphasis, code, links,
/// quotes, lists) or HTML (tags, attributes, entities, comments).
class SourceHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit SourceHighlighter(QTextDocument *document);
    void setFormat(DraftFormat format);
    DraftFormat format() const { return m_format; }

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    void highlightMarkdown(const QString &text);
    void highlightHtml(const QString &text);
    /// Sets a format on a span; italic becomes upright over right-to-left script.
    void setSpanFormat(const QString &text, int start, int length, const QTextCharFormat &format);
    void applyRules(const QString &text, const QList<Rule> &rules);

    DraftFormat m_format = DraftFormat::Markdown;
    QList<Rule> m_markdownRules;
    QList<Rule> m_htmlRules;
    QTextCharFormat m_codeFormat;
    QTextCharFormat m_commentFormat;
};

} // namespace tg
