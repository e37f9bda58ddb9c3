// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>

class QAction;
class QMainWindow;
class QSplitter;
class QWidget;

namespace tg {

class EditorPane;
class LayoutMode;
class ParagraphFocus;

/// Focus mode: only the editor stays, in a centred column of a comfortable width, with the
/// paragraph being written emphasised (see ParagraphFocus). Every dock, toolbar, the preview
/// and the author fields are hidden; leaving restores exactly the layout of before (the docks'
/// state, the splitter, the preview, the Write or Library layout). Entered from Library, it
/// writes in the Write layout and goes back to Library on leaving. While it is on, the layout
/// switch is disabled, and the window saves the layout of before (see MainWindow::saveLayout).
class FocusMode : public QObject
{
    Q_OBJECT
public:
    FocusMode(QMainWindow *window, LayoutMode *layout, QSplitter *split, QWidget *previewSide,
              EditorPane *editor);

    /// View → Focus Mode (F8, also Ctrl+Shift+J), checkable.
    QAction *action() const { return m_action; }
    /// Esc in the editor while focus mode is on.
    QAction *leaveAction() const { return m_leaveAction; }
    bool isActive() const { return m_active; }
    void enter();
    void leave();
    void setActive(bool active) { active ? enter() : leave(); }
    ParagraphFocus *emphasis() const { return m_emphasis; }
    /// The widest the text column gets in focus mode, in average characters of the editor's
    /// font: a comfortable line length.
    static constexpr int Columns = 72;

Q_SIGNALS:
    void activeChanged(bool active);

private:
    QMainWindow *m_window;
    LayoutMode *m_layout;
    QSplitter *m_split;
    QWidget *m_previewSide;
    EditorPane *m_pane;
    ParagraphFocus *m_emphasis;
    QAction *m_action;
    QAction *m_leaveAction;
    bool m_active = false;
    // What leave() puts back.
    QByteArray m_windowState;
    QByteArray m_splitState;
    bool m_previewVisible = true;
    bool m_wasLibrary = false;
};

} // namespace tg
