// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAction;
class QSettings;

namespace tg {

class SourceEditor;

/// Typewriter scrolling: the line with the cursor stays in the middle of the editor while the
/// writer types or moves with the keys; the editor may scroll past its end so the last line can
/// be centred too. A mouse drag is left alone (the text would run away from the pointer). The
/// choice is View → Typewriter Scrolling, remembered in the settings.
class TypewriterScroll : public QObject
{
    Q_OBJECT
public:
    TypewriterScroll(SourceEditor *editor, QSettings *settings, QObject *parent = nullptr);

    /// The checkable View menu action (Ctrl+Shift+T).
    QAction *action() const { return m_action; }
    bool isEnabled() const { return m_enabled; }
    /// Turns it on or off and remembers the choice.
    void setEnabled(bool enabled);

private:
    void centre();

    SourceEditor *m_editor;
    QSettings *m_settings;
    QAction *m_action;
    bool m_enabled = false;
};

} // namespace tg
