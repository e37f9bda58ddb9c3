// SPDX-License-Identifier: MIT
#include "editor/sourcehighlighter.h"

#include "content/spellchecker.h"
#include "content/spelltokens.h"

#include <QTextBlock>
#include <QTextDocument>

#include <algorithm>

namespace tg {

namespace {

// A block's state: the colouring's own in the low bits, the spell-check tokenizer's above.
enum BlockState
{
    Normal = 0,
    InFence = 1,
    InComment = 2
};
constexpr int SyntaxStateMask = 0xF;
constexpr int SpellStateShift = 4;

QTextCharFormat fmt(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

SourceHighlighter::SourceHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const QColor heading(0x1f, 0x5f, 0x9f), code(0x8a, 0x3b, 0x12), link(0x2a, 0x7a, 0x2a),
        muted(0x80, 0x80, 0x80), tag(0x80, 0x20, 0x80), attr(0x99, 0x55, 0x00);
    using RE = QRegularExpression;
    m_markdownRules = {
        {RE(QStringLiteral("^#{1,6}\\s.*$")), fmt(heading, true)},
        {RE(QStringLiteral("^>.*$")), fmt(muted, false, true)},
        {RE(QStringLiteral("^\\s*([-*+]|\\d+[.)])\\s")), fmt(heading, true)},
        {RE(QStringLiteral("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1")), fmt(QColor(Qt::black), true)},
        {RE(QStringLiteral("(?<![*_])([*_])(?=\\S)([^*_]+?)(?<=\\S)\\1(?![*_])")),
         fmt(QColor(0x30, 0x30, 0x30), false, true)},
        {RE(QStringLiteral("!?\\[[^\\]]*\\]\\([^)]*\\)")), fmt(link)},
        {RE(QStringLiteral("`[^`]+`")), fmt(code)},
        {RE(QStringLiteral("^(\\*\\s*){3,}$|^(-\\s*){3,}$")), fmt(muted, true)},
    };
    m_htmlRules = {
        {RE(QStringLiteral("</?[A-Za-z][A-Za-z0-9-]*|/?>")), fmt(tag, true)},
        {RE(QStringLiteral("\\s[A-Za-z-:]+(?==)")), fmt(attr)},
        {RE(QStringLiteral("\"[^\"]*\"|'[^']*'")), fmt(link)},
        {RE(QStringLiteral("&[#A-Za-z0-9]+;")), fmt(code)},
    };
    m_codeFormat = fmt(code);
    m_commentFormat = fmt(muted, false, true);
}

void SourceHighlighter::setFormat(DraftFormat format)
{
    if (m_format == format)
        return;
    m_format = format;
    rehighlight();
}

void SourceHighlighter::setSpellChecker(const SpellChecker *checker)
{
    if (m_spellChecker == checker)
        return;
    m_spellChecker = checker;
    rehighlight();
}

int SourceHighlighter::spellStateBefore(const QTextBlock &block)
{
    const int previous = block.previous().isValid() ? block.previous().userState() : -1;
    return previous < 0 ? 0 : previous >> SpellStateShift;
}

void SourceHighlighter::rehighlightWord(const QString &word)
{
    if (word.isEmpty() || !document())
        return;
    // Only the blocks that hold the word are coloured again (a search, not a highlight, per
    // block).
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next()) {
        if (b.text().contains(word))
            rehighlightBlock(b);
    }
}

void SourceHighlighter::highlightBlock(const QString &text)
{
    const int previous = previousBlockState();
    m_previousSyntaxState = previous < 0 ? Normal : previous & SyntaxStateMask;
    m_syntaxState = Normal;
    if (m_format == DraftFormat::Markdown)
        highlightMarkdown(text);
    else
        highlightHtml(text);
    int spellState = previous < 0 ? 0 : previous >> SpellStateShift;
    if (m_spellChecker)
        underlineMisspelled(text, spellState);
    else
        spellState = 0;
    setCurrentBlockState(m_syntaxState | (spellState << SpellStateShift));
}

void SourceHighlighter::underlineMisspelled(const QString &text, int &spellState)
{
    const SpellSyntax syntax =
        m_format == DraftFormat::Markdown ? SpellSyntax::Markdown : SpellSyntax::Html;
    for (const SpellToken &t : spellTokensInLine(text, syntax, spellState)) {
        if (m_spellChecker->isCorrect(QStringView(text).mid(t.start, t.length)))
            continue;
        // Keeps the colouring under the underline: each character's own format plus the wave.
        for (int i = t.start; i < t.start + t.length; ++i) {
            QTextCharFormat f = QSyntaxHighlighter::format(i);
            f.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
            f.setUnderlineColor(QColor(0xd0, 0x20, 0x20));
            QSyntaxHighlighter::setFormat(i, 1, f);
        }
    }
}

void SourceHighlighter::applyRules(const QString &text, const QList<Rule> &rules)
{
    for (const Rule &r : rules) {
        auto it = r.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            setSpanFormat(text, int(m.capturedStart()), int(m.capturedLength()), r.format);
        }
    }
}

void SourceHighlighter::setSpanFormat(const QString &text, int start, int length,
                                      const QTextCharFormat &format)
{
    // Arabic and Hebrew script have no italics, and the fonts' oblique faces lack their glyphs
    // (boxes on screen): such spans stay upright and keep only the colour.
    if (format.fontItalic()) {
        const QStringView span = QStringView(text).mid(start, length);
        const bool rightToLeftScript = std::any_of(span.begin(), span.end(), [](QChar c) {
            return c.direction() == QChar::DirR || c.direction() == QChar::DirAL;
        });
        if (rightToLeftScript) {
            QTextCharFormat upright = format;
            upright.setFontItalic(false);
            QSyntaxHighlighter::setFormat(start, length, upright);
            return;
        }
    }
    QSyntaxHighlighter::setFormat(start, length, format);
}

void SourceHighlighter::highlightMarkdown(const QString &text)
{
    const bool fence = text.trimmed().startsWith(QLatin1String("```")) ||
                       text.trimmed().startsWith(QLatin1String("~~~"));
    if (m_previousSyntaxState == InFence) {
        QSyntaxHighlighter::setFormat(0, int(text.size()), m_codeFormat);
        m_syntaxState = fence ? Normal : InFence;
        return;
    }
    if (fence) {
        QSyntaxHighlighter::setFormat(0, int(text.size()), m_codeFormat);
        m_syntaxState = InFence;
        return;
    }
    m_syntaxState = Normal;
    applyRules(text, m_markdownRules);
}

void SourceHighlighter::highlightHtml(const QString &text)
{
    applyRules(text, m_htmlRules);
    // Comments may span lines.
    int start = m_previousSyntaxState == InComment ? 0 : int(text.indexOf(QLatin1String("<!--")));
    m_syntaxState = Normal;
    while (start >= 0) {
        const int end = int(text.indexOf(QLatin1String("-->"), start));
        if (end < 0) {
            setSpanFormat(text, start, int(text.size()) - start, m_commentFormat);
            m_syntaxState = InComment;
            return;
        }
        setSpanFormat(text, start, end + 3 - start, m_commentFormat);
        start = int(text.indexOf(QLatin1String("<!--"), end + 3));
    }
}

} // namespace tg
