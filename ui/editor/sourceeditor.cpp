// SPDX-License-Identifier: MIT
#include "editor/sourceeditor.h"

#include "editor/sourcehighlighter.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QPaintEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextLayout>
#include <QTextOption>

namespace tg {

SourceEditor::SourceEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new SourceHighlighter(document()))
{
    setObjectName(QStringLiteral("sourceEditor"));
    setAccessibleName(tr("Article source"));
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setTabChangesFocus(false);
    setPlaceholderText(tr("Write in Markdown or HTML…"));
    useParagraphDirections();
}

Qt::LayoutDirection SourceEditor::paragraphDirection(const QString &text)
{
    return text.isRightToLeft() ? Qt::RightToLeft : Qt::LeftToRight;
}

void SourceEditor::useParagraphDirections()
{
    // Every paragraph takes its direction from its own text, whatever the UI's direction: a
    // Persian paragraph reads right to left in an English UI and an English one left to right
    // in a Persian UI. Layout only; the text and the undo history are untouched.
    QTextOption option = document()->defaultTextOption();
    if (option.textDirection() == Qt::LayoutDirectionAuto)
        return;
    option.setTextDirection(Qt::LayoutDirectionAuto);
    document()->setDefaultTextOption(option);
}

void SourceEditor::alignVisibleParagraphs()
{
    // The plain-text layout aligns every paragraph alike; right-to-left ones are put against the
    // right edge here, before painting, on the visible paragraphs' own layouts.
    const int bottom = viewport()->height();
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        if (!block.isVisible())
            continue;
        if (blockBoundingGeometry(block).translated(contentOffset()).top() > bottom)
            break;
        QTextLayout *layout = block.layout();
        if (!layout)
            continue;
        QTextOption option = layout->textOption();
        const Qt::Alignment wanted = paragraphDirection(block.text()) == Qt::RightToLeft
                                         ? Qt::AlignRight | Qt::AlignAbsolute
                                         : Qt::AlignLeft | Qt::AlignAbsolute;
        if (option.alignment() != wanted) {
            option.setAlignment(wanted);
            layout->setTextOption(option);
        }
    }
}

bool SourceEditor::event(QEvent *event)
{
    // Ctrl+K inserts a link (the window's shortcut); with the X11 key bindings the text edit
    // would take it as "delete to the end of the line" and the shortcut would never fire.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_K)) {
            event->ignore();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void SourceEditor::paintEvent(QPaintEvent *event)
{
    alignVisibleParagraphs();
    QPlainTextEdit::paintEvent(event);
}

void SourceEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::LayoutDirectionChange)
        useParagraphDirections();
    if (event->type() == QEvent::FontChange)
        updateTextMargins();
}

void SourceEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateTextMargins();
}

void SourceEditor::setMaxTextColumns(int columns)
{
    m_maxTextColumns = qBound(0, columns, 1000);
    // The margins beside a narrowed column are the scroll area's own: painted like the text's.
    setBackgroundRole(m_maxTextColumns > 0 ? QPalette::Base : QPalette::NoRole);
    setAutoFillBackground(m_maxTextColumns > 0);
    updateTextMargins();
}

int SourceEditor::maxTextWidth() const
{
    if (m_maxTextColumns <= 0)
        return 0;
    return fontMetrics().averageCharWidth() * m_maxTextColumns +
           2 * int(document()->documentMargin());
}

void SourceEditor::updateTextMargins()
{
    int side = 0;
    if (const int widest = maxTextWidth(); widest > 0) {
        const int available = contentsRect().width() -
                              (verticalScrollBar()->isVisible() ? verticalScrollBar()->width() : 0);
        side = qMax(0, (available - widest) / 2);
    }
    const QMargins wanted(side, 0, side, 0);
    if (viewportMargins() != wanted)
        setViewportMargins(wanted);
}

void SourceEditor::contextMenuEvent(QContextMenuEvent *event)
{
    if (!m_menuProvider) {
        QPlainTextEdit::contextMenuEvent(event);
        return;
    }
    const QTextCursor at = event->reason() == QContextMenuEvent::Mouse
                               ? cursorForPosition(event->pos())
                               : textCursor();
    QMenu *menu = m_menuProvider(at, event->pos());
    if (!menu) {
        QPlainTextEdit::contextMenuEvent(event);
        return;
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void SourceEditor::setFormat(DraftFormat format)
{
    m_format = format;
    m_highlighter->setFormat(format);
}

void SourceEditor::applyMarkup(Markup m)
{
    const bool md = m_format == DraftFormat::Markdown;
    switch (m) {
    case Markup::Bold:
        md ? wrapSelection(QStringLiteral("**"), QStringLiteral("**"), tr("bold"))
           : wrapSelection(QStringLiteral("<b>"), QStringLiteral("</b>"), tr("bold"));
        break;
    case Markup::Italic:
        md ? wrapSelection(QStringLiteral("_"), QStringLiteral("_"), tr("italic"))
           : wrapSelection(QStringLiteral("<i>"), QStringLiteral("</i>"), tr("italic"));
        break;
    case Markup::Link:
        md ? insertLink(QStringLiteral("["), QStringLiteral("]("), QStringLiteral(")"))
           : insertLink(QStringLiteral("<a href=\""), QStringLiteral("\">"),
                        QStringLiteral("</a>"));
        break;
    case Markup::Code:
        md ? wrapSelection(QStringLiteral("`"), QStringLiteral("`"), tr("code"))
           : wrapSelection(QStringLiteral("<code>"), QStringLiteral("</code>"), tr("code"));
        break;
    case Markup::CodeBlock:
        md ? wrapSelection(QStringLiteral("```\n"), QStringLiteral("\n```"), tr("code"))
           : wrapSelection(QStringLiteral("<pre>"), QStringLiteral("</pre>"), tr("code"));
        break;
    case Markup::Heading:
        md ? prefixLines(QStringLiteral("### "))
           : wrapSelection(QStringLiteral("<h3>"), QStringLiteral("</h3>"), tr("Heading"));
        break;
    case Markup::Subheading:
        md ? prefixLines(QStringLiteral("#### "))
           : wrapSelection(QStringLiteral("<h4>"), QStringLiteral("</h4>"), tr("Subheading"));
        break;
    case Markup::Quote:
        md ? prefixLines(QStringLiteral("> "))
           : wrapSelection(QStringLiteral("<blockquote>"), QStringLiteral("</blockquote>"),
                           tr("quote"));
        break;
    case Markup::List:
        md ? prefixLines(QStringLiteral("- "))
           : wrapSelection(QStringLiteral("<ul><li>"), QStringLiteral("</li></ul>"), tr("item"));
        break;
    }
}

void SourceEditor::wrapSelection(const QString &before, const QString &after,
                                 const QString &placeholder)
{
    QTextCursor c = textCursor();
    const QString selected = c.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    const QString inner = selected.isEmpty() ? placeholder : selected;
    c.beginEditBlock();
    c.insertText(before + inner + after);
    c.endEditBlock();
    if (selected.isEmpty()) {
        // Select the placeholder so typing replaces it.
        c.setPosition(c.position() - int(after.size()));
        c.setPosition(c.position() - int(inner.size()), QTextCursor::KeepAnchor);
        setTextCursor(c);
    }
}

void SourceEditor::insertLink(const QString &before, const QString &between, const QString &after)
{
    const bool md = m_format == DraftFormat::Markdown;
    QTextCursor c = textCursor();
    const QString selected = c.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    const QString text = selected.isEmpty() ? tr("link text") : selected;
    const QString url = QStringLiteral("https://");
    // Markdown: [text](url); HTML: <a href="url">text</a>.
    const QString first = md ? text : url;
    const QString second = md ? url : text;
    c.beginEditBlock();
    const int start = c.selectionStart();
    c.insertText(before + first + between + second + after);
    c.endEditBlock();
    // Without a selection the text is typed first; with one, only the address is missing.
    const bool selectFirst = selected.isEmpty() == md;
    const int from = selectFirst ? start + int(before.size())
                                 : start + int(before.size() + first.size() + between.size());
    const int length = int(selectFirst ? first.size() : second.size());
    c.setPosition(from);
    c.setPosition(from + length, QTextCursor::KeepAnchor);
    setTextCursor(c);
}

void SourceEditor::prefixLines(const QString &prefix)
{
    QTextCursor c = textCursor();
    QTextBlock first = document()->findBlock(c.selectionStart());
    const QTextBlock last = document()->findBlock(c.selectionEnd());
    c.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        QTextCursor lc(b);
        lc.insertText(prefix);
        if (b == last)
            break;
    }
    c.endEditBlock();
}

void SourceEditor::goTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor c(block);
    c.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                   qBound(0, column - 1, qMax(0, block.length() - 1)));
    setTextCursor(c);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

double SourceEditor::scrollFraction() const
{
    const QScrollBar *bar = verticalScrollBar();
    if (bar->maximum() <= bar->minimum())
        return 0.0;
    return double(bar->value() - bar->minimum()) / double(bar->maximum() - bar->minimum());
}

bool SourceEditor::find(const QString &text, bool backward, bool caseSensitive)
{
    if (text.isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backward)
        flags |= QTextDocument::FindBackward;
    if (caseSensitive)
        flags |= QTextDocument::FindCaseSensitively;
    if (QPlainTextEdit::find(text, flags))
        return true;
    // Wrap around.
    QTextCursor c = textCursor();
    const QTextCursor saved = c;
    c.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    setTextCursor(c);
    if (QPlainTextEdit::find(text, flags))
        return true;
    setTextCursor(saved);
    return false;
}

int SourceEditor::replaceAll(const QString &text, const QString &with, bool caseSensitive)
{
    if (text.isEmpty())
        return 0;
    QTextDocument::FindFlags flags;
    if (caseSensitive)
        flags |= QTextDocument::FindCaseSensitively;
    int count = 0;
    QTextCursor edit(document());
    edit.beginEditBlock();
    QTextCursor found = document()->find(text, 0, flags);
    while (!found.isNull()) {
        found.insertText(with);
        ++count;
        found = document()->find(text, found.position(), flags);
    }
    edit.endEditBlock();
    return count;
}

void SourceEditor::zoom(int steps)
{
    if (steps > 0)
        zoomIn(steps);
    else if (steps < 0)
        zoomOut(-steps);
}

bool SourceEditor::canInsertFromMimeData(const QMimeData *source) const
{
    if (m_mimeHandler && (source->hasImage() || source->hasUrls()))
        return true;
    return source->hasHtml() || QPlainTextEdit::canInsertFromMimeData(source);
}

void SourceEditor::insertFromMimeData(const QMimeData *source)
{
    if (m_mimeHandler && m_mimeHandler(source))
        return;
    if (source->hasHtml() && receivers(SIGNAL(richHtmlPasted(QString))) > 0) {
        Q_EMIT richHtmlPasted(source->html());
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
    if (source->hasText() && !source->text().isEmpty())
        Q_EMIT plainTextPasted(source->text());
}

} // namespace tg
