// SPDX-License-Identifier: MIT
#include "window/focusmode.h"

#include "editor/editorpane.h"
#include "editor/paragraphfocus.h"
#include "editor/sourceeditor.h"
#include "window/layoutmode.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QSplitter>
#include <QToolBar>

namespace tg {

FocusMode::FocusMode(QMainWindow *window, LayoutMode *layout, QSplitter *split,
                     QWidget *previewSide, EditorPane *editor)
    : QObject(window)
    , m_window(window)
    , m_layout(layout)
    , m_split(split)
    , m_previewSide(previewSide)
    , m_pane(editor)
    , m_emphasis(new ParagraphFocus(editor->editor()))
    , m_action(new QAction(tr("F&ocus Mode"), this))
    , m_leaveAction(new QAction(tr("Leave Focus Mode"), this))
{
    m_action->setObjectName(QStringLiteral("focusModeAction"));
    m_action->setCheckable(true);
    m_action->setShortcuts(
        {QKeySequence(Qt::Key_F8), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J)});
    m_action->setToolTip(tr("Only the editor, the paragraph being written emphasised"));
    window->addAction(m_action); // the keys work wherever the focus is
    connect(m_action, &QAction::triggered, this, &FocusMode::setActive);

    // Esc belongs to the editor only, so it still closes the find bar and dialogs.
    m_leaveAction->setObjectName(QStringLiteral("leaveFocusModeAction"));
    m_leaveAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_leaveAction->setShortcutContext(Qt::WidgetShortcut);
    m_leaveAction->setEnabled(false);
    editor->editor()->addAction(m_leaveAction);
    connect(m_leaveAction, &QAction::triggered, this, &FocusMode::leave);
}

void FocusMode::enter()
{
    if (m_active) {
        m_action->setChecked(true);
        return;
    }
    m_wasLibrary = m_layout->mode() == LayoutMode::Mode::Library;
    if (m_wasLibrary)
        m_layout->setMode(LayoutMode::Mode::Write);
    m_windowState = m_window->saveState();
    m_splitState = m_split->saveState();
    m_previewVisible = m_previewSide->isVisibleTo(m_window);
    m_active = true;

    for (QDockWidget *dock :
         m_window->findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly))
        dock->hide();
    for (QToolBar *bar : m_window->findChildren<QToolBar *>(QString(), Qt::FindDirectChildrenOnly))
        bar->hide();
    m_previewSide->hide();
    m_pane->setDetailsVisible(false);
    m_pane->editor()->setMaxTextColumns(Columns);
    m_emphasis->setEnabled(true);
    // Switching layouts would save the focus layout as theirs.
    m_layout->writeAction()->setEnabled(false);
    m_layout->libraryAction()->setEnabled(false);
    m_layout->resetAction()->setEnabled(false);
    m_leaveAction->setEnabled(true);
    m_action->setChecked(true);
    m_pane->editor()->setFocus(Qt::OtherFocusReason);
    m_pane->editor()->ensureCursorVisible();
    Q_EMIT activeChanged(true);
}

void FocusMode::leave()
{
    if (!m_active) {
        m_action->setChecked(false);
        return;
    }
    m_active = false;
    m_emphasis->setEnabled(false);
    m_pane->editor()->setMaxTextColumns(0);
    m_pane->setDetailsVisible(true);
    m_previewSide->setVisible(m_previewVisible);
    m_window->restoreState(m_windowState);
    m_split->restoreState(m_splitState);
    m_layout->writeAction()->setEnabled(true);
    m_layout->libraryAction()->setEnabled(true);
    m_layout->resetAction()->setEnabled(true);
    if (m_wasLibrary)
        m_layout->setMode(LayoutMode::Mode::Library);
    m_leaveAction->setEnabled(false);
    m_action->setChecked(false);
    m_pane->editor()->ensureCursorVisible();
    Q_EMIT activeChanged(false);
}

} // namespace tg
