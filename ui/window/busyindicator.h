// SPDX-License-Identifier: MIT
#pragma once

#include <QProgressBar>

class QStatusBar;

namespace tg {

/// A busy bar in the status bar beside a message, shown while content converts off the GUI
/// thread (a paste or an import too large to convert at once): the work cannot say how far it is.
class BusyIndicator : public QProgressBar
{
    Q_OBJECT
public:
    explicit BusyIndicator(QStatusBar *statusBar);
    /// Shows the bar with `message`, or hides both.
    void setBusy(bool busy, const QString &message = {});

private:
    QStatusBar *m_statusBar;
};

} // namespace tg
