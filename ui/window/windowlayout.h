// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <Qt>

class QDockWidget;
class QMenu;
class QString;
class QMainWindow;
class QSettings;
class QSplitter;
class QWidget;

namespace tg::windowlayout {

/// Puts `editorColumn` (top to bottom; the widget at `stretchIndex` takes the spare height) and
/// `previewSide` side by side in `split`, and `previewColumn` into `previewSide`.
void arrange(QSplitter *split, const QList<QWidget *> &editorColumn, int stretchIndex,
             QWidget *previewSide, const QList<QWidget *> &previewColumn);
/// Restores the window's geometry and the splitter (even halves the first time) from the
/// settings; the docks are the layout mode's (see LayoutMode).
void restore(QMainWindow *window, QSplitter *split, const QSettings &settings);
/// Remembers what restore() reads.
void save(const QMainWindow *window, const QSplitter *split, QSettings &settings);
/// Adds `panel` as a dock named after its objectName() ("…Dock", so its place is remembered),
/// where it was last time or else in `area`, with an entry in `viewMenu` when there is one.
/// `restored` tells whether it took a remembered place.
QDockWidget *addDock(QMainWindow *window, QMenu *viewMenu, const QString &title, QWidget *panel,
                     Qt::DockWidgetArea area, bool *restored = nullptr);
/// Whether the system's colours are dark (light text on a dark window).
bool systemPrefersDark();

} // namespace tg::windowlayout
