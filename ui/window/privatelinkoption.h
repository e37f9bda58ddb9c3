// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAction;
class QCheckBox;
class QMenu;
class QToolBar;

namespace tg {

class DraftStore;
class MainWindow;

/// The "Private link" choice of a first publish: a check box next to Publish in the main
/// toolbar and a checkable File menu item with a shortcut, both shown only while the open draft
/// has no page yet. The choice is remembered per draft (the draft option
/// DraftPublishFlow::privateLinkOption()); the publish itself reads it from there.
class PrivateLinkOption : public QObject
{
    Q_OBJECT
public:
    /// Neither is owned; both outlive the option.
    PrivateLinkOption(MainWindow *window, DraftStore *store);

    /// Puts the menu item into menu and the check box into bar (either may be null).
    void addTo(QMenu *menu, QToolBar *bar);
    /// The checkable menu item (Ctrl+Alt+P).
    QAction *action() const { return m_action; }
    /// The toolbar's check box (null before addTo()).
    QCheckBox *checkBox() const { return m_box; }
    /// True while the choice is offered (the open draft has no page).
    bool isOffered() const;

private:
    /// Shows the open draft's choice, or hides it once the draft has a page.
    void refresh();
    void setChosen(bool on);

    MainWindow *m_window;
    DraftStore *m_store;
    QAction *m_action;
    QCheckBox *m_box = nullptr;
    QAction *m_boxAction = nullptr; ///< the check box's place in the toolbar
};

} // namespace tg
