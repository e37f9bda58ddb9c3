// SPDX-License-Identifier: MIT
#include "window/windowlayout.h"

#include <QDockWidget>
#include <QGuiApplication>
#include <QMainWindow>
#include <QMenu>
#include <QPalette>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>

namespace tg::windowlayout {

namespace {

QVBoxLayout *column(QWidget *parent)
{
    auto *layout = new QVBoxLayout(parent);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    return layout;
}

} // namespace

void arrange(QSplitter *split, const QList<QWidget *> &editorColumn, int stretchIndex,
             QWidget *previewSide, const QList<QWidget *> &previewColumn)
{
    auto *left = new QWidget(split);
    QVBoxLayout *leftLayout = column(left);
    for (int i = 0; i < editorColumn.size(); ++i)
        leftLayout->addWidget(editorColumn[i], i == stretchIndex ? 1 : 0);
    QVBoxLayout *rightLayout = column(previewSide);
    for (int i = 0; i < previewColumn.size(); ++i)
        rightLayout->addWidget(previewColumn[i], i == 0 ? 1 : 0);
    split->setObjectName(QStringLiteral("editorPreviewSplitter"));
    split->addWidget(left);
    split->addWidget(previewSide);
    split->setChildrenCollapsible(false);
    // No column is squeezed below a usable width (the layout modes count on these).
    left->setMinimumWidth(280);
    previewSide->setMinimumWidth(280);
}

void restore(QMainWindow *window, QSplitter *split, const QSettings &settings)
{
    window->restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!split->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray()))
        split->setSizes({1, 1});
}

void save(const QMainWindow *window, const QSplitter *split, QSettings &settings)
{
    settings.setValue(QStringLiteral("window/geometry"), window->saveGeometry());
    settings.setValue(QStringLiteral("window/state"), window->saveState());
    settings.setValue(QStringLiteral("window/splitter"), split->saveState());
}

QDockWidget *addDock(QMainWindow *window, QMenu *viewMenu, const QString &title, QWidget *panel,
                     Qt::DockWidgetArea area, bool *restored)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(panel->objectName() + QStringLiteral("Dock"));
    dock->setWidget(panel);
    // A panel added after the window restored its layout takes its remembered place.
    const bool placed = window->restoreDockWidget(dock);
    if (!placed)
        window->addDockWidget(area, dock);
    if (restored)
        *restored = placed;
    if (viewMenu)
        viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

bool systemPrefersDark()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Window).lightness() <
           palette.color(QPalette::WindowText).lightness();
}

} // namespace tg::windowlayout
