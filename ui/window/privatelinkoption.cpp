// SPDX-License-Identifier: MIT
#include "window/privatelinkoption.h"

#include "storage/draftstore.h"
#include "window/mainwindow.h"
#include "workflow/draftpublishflow.h"
#include "workflow/draftsession.h"

#include <QAction>
#include <QCheckBox>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolBar>

namespace tg {

PrivateLinkOption::PrivateLinkOption(MainWindow *window, DraftStore *store)
    : QObject(window)
    , m_window(window)
    , m_store(store)
    , m_action(new QAction(tr("Private &Link on First Publish"), this))
{
    m_action->setObjectName(QStringLiteral("privateLinkAction"));
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));
    m_action->setToolTip(tr("Publish the page under a random title first, so that its link "
                            "cannot be guessed from its title; the real title is set right "
                            "after."));
    connect(m_action, &QAction::toggled, this, &PrivateLinkOption::setChosen);
    connect(window->session(), &DraftSession::draftChanged, this, &PrivateLinkOption::refresh);
    refresh();
}

void PrivateLinkOption::addTo(QMenu *menu, QToolBar *bar)
{
    if (menu)
        menu->addAction(m_action);
    if (bar && !m_box) {
        m_box = new QCheckBox(tr("Private link"), bar);
        m_box->setObjectName(QStringLiteral("privateLinkBox"));
        m_box->setToolTip(m_action->toolTip());
        m_box->setChecked(m_action->isChecked());
        connect(m_box, &QCheckBox::toggled, m_action, &QAction::setChecked);
        connect(m_action, &QAction::toggled, m_box, &QCheckBox::setChecked);
        m_boxAction = bar->addWidget(m_box);
    }
    refresh();
}

bool PrivateLinkOption::isOffered() const
{
    return m_action->isVisible();
}

void PrivateLinkOption::refresh()
{
    const Draft &d = m_window->session()->draft();
    const bool offered = d.pagePath.isEmpty();
    m_action->setVisible(offered);
    m_action->setEnabled(offered);
    if (m_boxAction)
        m_boxAction->setVisible(offered);
    const bool chosen =
        offered && !d.id.isEmpty() &&
        m_store->option(d.id, DraftPublishFlow::privateLinkOption()) == QLatin1String("1");
    const QSignalBlocker block(m_action);
    m_action->setChecked(chosen);
    if (m_box) {
        const QSignalBlocker blockBox(m_box);
        m_box->setChecked(chosen);
    }
}

void PrivateLinkOption::setChosen(bool on)
{
    const QString id = m_window->session()->draft().id;
    if (id.isEmpty() || !m_window->session()->draft().pagePath.isEmpty())
        return;
    m_store->setOption(id, DraftPublishFlow::privateLinkOption(),
                       on ? QStringLiteral("1") : QString());
}

} // namespace tg
