// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;
class QWidget;

namespace tg {

/// Help → Keyboard Shortcuts: every action of the window that has a shortcut, with its menu and
/// its keys in the platform's notation. Built from the actions themselves when opened, so it
/// always tells what the keys really do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    /// Lists the shortcuts of the actions reachable from `window` (its menus, toolbars and
    /// widgets).
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    /// The actions listed, in the order shown.
    const QList<QAction *> &actions() const { return m_actions; }
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
    QList<QAction *> m_actions;
};

} // namespace tg
