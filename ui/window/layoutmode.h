// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>

class QAction;
class QActionGroup;
class QDockWidget;
class QMainWindow;
class QSettings;
class QWidget;

namespace tg {

/// The window's two layouts: Write (editor and preview side by side, the drafts list as a slim
/// sidebar) and Library (accounts, pages and statistics, the editor out of the way). Each layout
/// keeps its own dock state; switching saves the one left and restores the one entered.
class LayoutMode : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        Write,
        Library
    };

    /// Manages the docks of `window`; `central` is hidden in the Library layout.
    LayoutMode(QMainWindow *window, QWidget *central, QSettings *settings);

    Mode mode() const { return m_mode; }
    /// View → Write (Ctrl+1), Library (Ctrl+2), both checkable, and Reset Layout.
    QAction *writeAction() const { return m_writeAction; }
    QAction *libraryAction() const { return m_libraryAction; }
    QAction *resetAction() const { return m_resetAction; }
    /// A small Write | Library switch for the status bar (owned by the caller).
    QWidget *createSwitch(QWidget *parent) const;
    /// Enters the layout remembered in the settings (Write the first time).
    void restore();
    /// Switches to `mode`, keeping the state of the layout left.
    void setMode(Mode mode);
    /// Puts the current layout back to its defaults (and forgets the other one's changes).
    void reset();
    /// Remembers both layouts in the settings.
    void save();
    /// Places a dock added after restore() that had no remembered place: shown where it
    /// belongs in the current layout, hidden otherwise.
    void placeNewDock(QDockWidget *dock);
    /// The narrowest editor, preview and sidebar widths the layouts allow.
    static constexpr int MinEditorWidth = 280;
    static constexpr int MinPreviewWidth = 280;
    static constexpr int MinSidebarWidth = 150;
    static constexpr int MinChartHeight = 300;

Q_SIGNALS:
    /// The layout changed (by setMode(), reset() or restore()).
    void modeChanged(tg::LayoutMode::Mode mode);

private:
    static bool belongsTo(const QDockWidget *dock, Mode mode);
    void applyDefaults();
    void apply(const QByteArray &state);
    static QString stateKey(Mode mode);

    QMainWindow *m_window;
    QWidget *m_central;
    QSettings *m_settings;
    Mode m_mode = Mode::Write;
    QAction *m_writeAction = nullptr;
    QAction *m_libraryAction = nullptr;
    QAction *m_resetAction = nullptr;
};

} // namespace tg
