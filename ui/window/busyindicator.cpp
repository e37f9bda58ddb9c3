// SPDX-License-Identifier: MIT
#include "window/busyindicator.h"

#include <QStatusBar>

namespace tg {

BusyIndicator::BusyIndicator(QStatusBar *statusBar)
    : QProgressBar(statusBar)
    , m_statusBar(statusBar)
{
    setRange(0, 0);
    setMaximumWidth(120);
    setTextVisible(false);
    setAccessibleName(tr("Converting"));
    statusBar->addPermanentWidget(this);
    hide();
}

void BusyIndicator::setBusy(bool busy, const QString &message)
{
    setVisible(busy);
    if (busy)
        m_statusBar->showMessage(message);
    else
        m_statusBar->clearMessage();
}

} // namespace tg
