// SPDX-License-Identifier: MIT
#include "editor/paragraphfocus.h"

#include "editor/sourceeditor.h"

#include <QTextBlock>
#include <QTextCursor>

namespace tg {

ParagraphFocus::ParagraphFocus(SourceEditor *editor)
    : QObject(editor)
    , m_editor(editor)
{
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, &ParagraphFocus::update);
    connect(editor, &QPlainTextEdit::blockCountChanged, this, &ParagraphFocus::update);
    connect(editor->document(), &QTextDocument::contentsChanged, this, [this] {
        m_block = -1; // the block's length changed: its ranges move
        update();
    });
}

void ParagraphFocus::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    m_block = -1;
    if (!enabled) {
        m_editor->setExtraSelections({});
        return;
    }
    update();
}

QColor ParagraphFocus::dimmedColor() const
{
    const QPalette palette = m_editor->palette();
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    // A third of the way from the background to the text: readable, clearly in the background.
    const auto mix = [](int from, int to) {
        return from + (to - from) * 38 / 100;
    };
    return QColor(mix(base.red(), text.red()), mix(base.green(), text.green()),
                  mix(base.blue(), text.blue()));
}

void ParagraphFocus::update()
{
    if (!m_enabled)
        return;
    const QTextBlock current = m_editor->textCursor().block();
    const int count = m_editor->document()->blockCount();
    if (current.blockNumber() == m_block && count == m_blockCount)
        return;
    m_block = current.blockNumber();
    m_blockCount = count;
    QTextCharFormat dim;
    dim.setForeground(dimmedColor());
    QList<QTextEdit::ExtraSelection> selections;
    QTextCursor before(m_editor->document());
    before.setPosition(current.position(), QTextCursor::KeepAnchor);
    if (before.hasSelection())
        selections.append({before, dim});
    QTextCursor after(m_editor->document());
    after.setPosition(current.position() + current.length() - 1);
    after.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    if (after.hasSelection())
        selections.append({after, dim});
    m_editor->setExtraSelections(selections);
}

} // namespace tg
