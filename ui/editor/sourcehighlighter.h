// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draft.h"

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QTextBlock;

namespace tg {

class SpellChecker;

/// Light syntax colouring for the source editor: Markdown (headings, emphasis, code, links,
/// quotes, lists) or HTML (tags, attributes, entities, comments), and a red wavy underline under
/// misspelled words while a spell checker is set (prose only: see spellTokensInLine()).
class SourceHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit SourceHighlighter(QTextDocument *document);
    void setFormat(DraftFormat format);
    DraftFormat format() const { return m_format; }

    /// Underlines the words this checker finds misspelled (not owned; it must outlive its use
    /// here); null turns the underlines off. Colours the whole document again when it changes.
    void setSpellChecker(const SpellChecker *checker);
    const SpellChecker *spellChecker() const { return m_spellChecker; }
    /// Colours again only the blocks that contain word (after it was added or ignored).
    void rehighlightWord(const QString &word);
    /// The spell-check tokenizer's state at the start of block (what the block before left).
    static int spellStateBefore(const QTextBlock &block);

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
    void underlineMisspelled(const QString &text, int &spellState);

    DraftFormat m_format = DraftFormat::Markdown;
    QList<Rule> m_markdownRules;
    QList<Rule> m_htmlRules;
    QTextCharFormat m_codeFormat;
    QTextCharFormat m_commentFormat;
    const SpellChecker *m_spellChecker = nullptr;
    int m_previousSyntaxState = 0; ///< the colouring's state at the start of the block
    int m_syntaxState = 0;         ///< and at its end
};

} // namespace tg
