// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QObject>

namespace tg {

class SourceEditor;

/// Focus mode's emphasis in the editor: every paragraph (text block) but the one holding the
/// cursor is drawn in a dimmed colour, so the one being written stands out. Uses the editor's
/// extra selections (two ranges, before and after the current block), never the text or its
/// undo history.
class ParagraphFocus : public QObject
{
    Q_OBJECT
public:
    explicit ParagraphFocus(SourceEditor *editor);

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    /// The colour of the dimmed paragraphs: the text colour faded towards the background.
    QColor dimmedColor() const;

private:
    void update();

    SourceEditor *m_editor;
    bool m_enabled = false;
    int m_block = -1; ///< the block emphasised last; moving within it changes nothing
    int m_blockCount = 0;
};

} // namespace tg
