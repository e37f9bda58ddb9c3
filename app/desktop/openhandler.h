// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

namespace tg {

class DesktopApp;
class SingleInstance;

/// Opens what another start of the app handed over (SingleInstance::itemsReceived) in the
/// running app's window and brings the window to the front. What arrives while the app is still
/// starting waits for its window instead of being acknowledged and lost: connect it before
/// DesktopApp::start(), then call openPending().
class OpenHandler : public QObject
{
    Q_OBJECT
public:
    /// Neither is owned; both must outlive this object.
    OpenHandler(SingleInstance *instance, DesktopApp *app, QObject *parent = nullptr);

    /// Opens what arrived before the window existed (once it exists).
    void openPending();
    /// Opens files and page links in the window (reporting what could not be opened) and raises
    /// it.
    void open(const QStringList &items, const QString &workingDir);

private:
    DesktopApp *m_app;
    QList<QPair<QStringList, QString>> m_pending;
};

} // namespace tg
