// SPDX-License-Identifier: MIT
#include "window/layoutmode.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QMainWindow>
#include <QSettings>
#include <QTimer>
#include <QToolButton>

namespace tg {

namespace {

const QString ModeKey = QStringLiteral("layout/mode");

// The docks by role (named after their panels, see windowlayout::addDock).
const QString DraftsDock = QStringLiteral("draftsDock");
const QString AccountsDock = QStringLiteral("accountPanelDock");
const QString PagesDock = QStringLiteral("pageListDock");
const QString StatsDock = QStringLiteral("statsDock");

QList<QDockWidget *> docksOf(QMainWindow *window)
{
    return window->findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
}

QDockWidget *dockNamed(QMainWindow *window, const QString &name)
{
    return window->findChild<QDockWidget *>(name, Qt::FindDirectChildrenOnly);
}

} // namespace

LayoutMode::LayoutMode(QMainWindow *window, QWidget *central, QSettings *settings)
    : QObject(window)
    , m_window(window)
    , m_central(central)
    , m_settings(settings)
{
    auto *group = new QActionGroup(this);
    m_writeAction = new QAction(tr("&Write"), this);
    m_writeAction->setObjectName(QStringLiteral("writeLayoutAction"));
    m_writeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_writeAction->setToolTip(tr("Write: the editor and the preview, with the drafts"));
    m_libraryAction = new QAction(tr("&Library"), this);
    m_libraryAction->setObjectName(QStringLiteral("libraryLayoutAction"));
    m_libraryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_libraryAction->setToolTip(tr("Library: the pages, their statistics and the accounts"));
    for (QAction *a : {m_writeAction, m_libraryAction}) {
        a->setCheckable(true);
        group->addAction(a);
        window->addAction(a); // the shortcuts work without the menu bar too
    }
    m_writeAction->setChecked(true);
    m_resetAction = new QAction(tr("&Reset Layout"), this);
    m_resetAction->setObjectName(QStringLiteral("resetLayoutAction"));
    connect(m_writeAction, &QAction::triggered, this, [this] { setMode(Mode::Write); });
    connect(m_libraryAction, &QAction::triggered, this, [this] { setMode(Mode::Library); });
    connect(m_resetAction, &QAction::triggered, this, &LayoutMode::reset);
    connect(this, &LayoutMode::modeChanged, this, [this](Mode mode) {
        (mode == Mode::Library ? m_libraryAction : m_writeAction)->setChecked(true);
    });
}

QWidget *LayoutMode::createSwitch(QWidget *parent) const
{
    auto *box = new QWidget(parent);
    box->setObjectName(QStringLiteral("layoutSwitch"));
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    for (QAction *a : {m_writeAction, m_libraryAction}) {
        auto *button = new QToolButton(box);
        button->setDefaultAction(a);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        layout->addWidget(button);
    }
    return box;
}

QString LayoutMode::stateKey(Mode mode)
{
    return mode == Mode::Library ? QStringLiteral("layout/libraryState")
                                 : QStringLiteral("layout/writeState");
}

bool LayoutMode::belongsTo(const QDockWidget *dock, Mode mode)
{
    const QString name = dock->objectName();
    if (mode == Mode::Write)
        return name == DraftsDock;
    return name == AccountsDock || name == PagesDock || name == StatsDock;
}

void LayoutMode::restore()
{
    m_mode = m_settings->value(ModeKey).toString() == QLatin1String("library") ? Mode::Library
                                                                               : Mode::Write;
    apply(m_settings->value(stateKey(m_mode)).toByteArray());
    Q_EMIT modeChanged(m_mode);
}

void LayoutMode::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_settings->setValue(stateKey(m_mode), m_window->saveState());
    m_mode = mode;
    m_settings->setValue(ModeKey, mode == Mode::Library ? QStringLiteral("library")
                                                        : QStringLiteral("write"));
    apply(m_settings->value(stateKey(m_mode)).toByteArray());
    Q_EMIT modeChanged(m_mode);
}

void LayoutMode::reset()
{
    m_settings->remove(stateKey(Mode::Write));
    m_settings->remove(stateKey(Mode::Library));
    applyDefaults();
    Q_EMIT modeChanged(m_mode);
}

void LayoutMode::save()
{
    m_settings->setValue(stateKey(m_mode), m_window->saveState());
    m_settings->setValue(ModeKey, m_mode == Mode::Library ? QStringLiteral("library")
                                                          : QStringLiteral("write"));
}

void LayoutMode::apply(const QByteArray &state)
{
    m_central->setVisible(m_mode == Mode::Write);
    if (state.isEmpty() || !m_window->restoreState(state))
        applyDefaults();
}

void LayoutMode::placeNewDock(QDockWidget *dock)
{
    dock->setMinimumWidth(MinSidebarWidth);
    if (!belongsTo(dock, m_mode)) {
        dock->hide();
        return;
    }
    dock->show();
    if (m_mode == Mode::Library)
        applyDefaults(); // the panels share the window: their places depend on each other
}

void LayoutMode::applyDefaults()
{
    m_central->setVisible(m_mode == Mode::Write);
    for (QDockWidget *dock : docksOf(m_window)) {
        dock->setMinimumWidth(MinSidebarWidth);
        dock->setFloating(false);
        dock->setVisible(belongsTo(dock, m_mode));
    }
    if (m_mode == Mode::Write) {
        if (QDockWidget *drafts = dockNamed(m_window, DraftsDock)) {
            const Qt::DockWidgetArea side = m_window->layoutDirection() == Qt::RightToLeft
                                                ? Qt::RightDockWidgetArea
                                                : Qt::LeftDockWidgetArea;
            m_window->addDockWidget(side, drafts);
            m_window->resizeDocks({drafts}, {qMax(MinSidebarWidth, m_window->width() / 6)},
                                  Qt::Horizontal);
        }
        return;
    }
    // Library: the accounts at the start side; the pages over the statistics, whose chart gets
    // at least MinChartHeight.
    const bool rtl = m_window->layoutDirection() == Qt::RightToLeft;
    const Qt::DockWidgetArea start = rtl ? Qt::RightDockWidgetArea : Qt::LeftDockWidgetArea;
    const Qt::DockWidgetArea end = rtl ? Qt::LeftDockWidgetArea : Qt::RightDockWidgetArea;
    QDockWidget *accounts = dockNamed(m_window, AccountsDock);
    QDockWidget *pages = dockNamed(m_window, PagesDock);
    QDockWidget *stats = dockNamed(m_window, StatsDock);
    if (accounts)
        m_window->addDockWidget(start, accounts);
    if (pages)
        m_window->addDockWidget(end, pages);
    if (stats) {
        if (pages)
            m_window->splitDockWidget(pages, stats, Qt::Vertical);
        else
            m_window->addDockWidget(end, stats);
        stats->setMinimumHeight(MinChartHeight);
    }
    // Once the layout has its size: the accounts list narrow, the pages and chart wide.
    QTimer::singleShot(0, this, [this] {
        if (m_mode != Mode::Library)
            return;
        QDockWidget *accounts = dockNamed(m_window, AccountsDock);
        QDockWidget *pages = dockNamed(m_window, PagesDock);
        QDockWidget *stats = dockNamed(m_window, StatsDock);
        if (accounts && pages)
            m_window->resizeDocks({accounts, pages},
                                  {m_window->width() / 4, m_window->width() * 3 / 4},
                                  Qt::Horizontal);
        if (pages && stats)
            m_window->resizeDocks(
                {pages, stats}, {m_window->height() / 3, m_window->height() * 2 / 3}, Qt::Vertical);
    });
}

} // namespace tg
