// SPDX-License-Identifier: MIT
#include "desktop/openhandler.h"

#include "desktop/desktopapp.h"
#include "desktop/singleinstance.h"
#include "window/mainwindow.h"
#include "window/publishbar.h"

#include <utility>

namespace tg {

OpenHandler::OpenHandler(SingleInstance *instance, DesktopApp *app, QObject *parent)
    : QObject(parent)
    , m_app(app)
{
    connect(instance, &SingleInstance::itemsReceived, this,
            [this](const QStringList &items, const QString &workingDir) {
                if (m_app->window())
                    open(items, workingDir);
                else
                    m_pending.append({items, workingDir});
            });
}

void OpenHandler::openPending()
{
    if (!m_app->window())
        return;
    const auto pending = std::exchange(m_pending, {});
    for (const auto &[items, workingDir] : pending)
        open(items, workingDir);
}

void OpenHandler::open(const QStringList &items, const QString &workingDir)
{
    MainWindow *w = m_app->window();
    if (!w)
        return;
    const QStringList problems = m_app->openItems(items, workingDir);
    if (!problems.isEmpty())
        w->publishBar()->showMessage(problems.join(QLatin1Char('\n')), true,
                                     MessageScope::Operation, MessageArea::openOperation());
    w->setWindowState(w->windowState() & ~Qt::WindowMinimized);
    w->show();
    w->raise();
    w->activateWindow();
}

} // namespace tg
