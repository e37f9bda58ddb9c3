// SPDX-License-Identifier: MIT
#include "accounts/welcomeview.h"

#include <QCommandLinkButton>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QVBoxLayout>

namespace tg {

WelcomeView::WelcomeView(QMainWindow *window)
    : QWidget(window)
    , m_covered(window->centralWidget())
    , m_focusBefore(window->focusWidget())
{
    setObjectName(QStringLiteral("welcomeView"));
    setAccessibleName(tr("Welcome"));
    setAutoFillBackground(true); // the editor under it does not show through

    auto *title = new QLabel(tr("Welcome to Telegraph Desktop"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    title->setWordWrap(true);
    auto *intro = new QLabel(tr("Where should your pages go? You can change this later in the "
                                "settings."),
                             this);
    intro->setWordWrap(true);

    auto *column = new QWidget(this);
    // A readable line length, however wide the window.
    column->setMaximumWidth(80 * fontMetrics().averageCharWidth());
    auto *choices = new QVBoxLayout(column);
    choices->setContentsMargins(0, 0, 0, 0);
    choices->addWidget(title);
    choices->addWidget(intro);
    choices->addSpacing(fontMetrics().height());
    auto *telegraph = addChoice(
        Choice::Telegraph, tr("Publish to telegra.ph"),
        tr("Your pages go to telegra.ph. Create a Telegraph account in the Accounts panel."));
    auto *sandbox = addChoice(Choice::Sandbox, tr("Try the local sandbox"),
                              tr("A Telegraph server inside the app, with an account made for "
                                 "you: publish, edit and unpublish offline. Nothing leaves this "
                                 "computer."));
    auto *token = addChoice(Choice::ImportToken, tr("Use an account I already have"),
                            tr("Import an existing Telegraph account by its access token (from "
                               "a bot or another app) and publish to telegra.ph with it."));
    for (QAbstractButton *b : {telegraph, sandbox, token})
        choices->addWidget(b);

    // Centred: the column takes the width up to its maximum, the margins the rest.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 10);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);

    if (m_covered) {
        m_covered->installEventFilter(this);
        m_covered->setEnabled(false); // nothing under the view takes the focus or a click
        setGeometry(m_covered->geometry());
    }
    raise();
    show();
    telegraph->setFocus(Qt::OtherFocusReason);
}

WelcomeView::~WelcomeView()
{
    release();
}

QAbstractButton *WelcomeView::addChoice(Choice choice, const QString &title,
                                        const QString &description)
{
    auto *button = new QCommandLinkButton(title, description, this);
    button->setObjectName(QStringLiteral("welcomeChoice%1").arg(int(choice)));
    button->setAccessibleName(title);
    button->setAccessibleDescription(description);
    button->setAutoDefault(true); // Return activates it too, as Space does
    connect(button, &QAbstractButton::clicked, this, [this, choice] { choose(choice); });
    m_buttons.append(button);
    return button;
}

QAbstractButton *WelcomeView::button(Choice choice) const
{
    return m_buttons.value(int(choice));
}

void WelcomeView::choose(Choice choice)
{
    if (isHidden())
        return; // chosen already
    release();
    hide();
    if (m_focusBefore)
        m_focusBefore->setFocus(Qt::OtherFocusReason);
    Q_EMIT chosen(choice);
}

void WelcomeView::release()
{
    if (!m_covered)
        return;
    m_covered->removeEventFilter(this);
    m_covered->setEnabled(true);
    m_covered = nullptr;
}

bool WelcomeView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_covered && (event->type() == QEvent::Resize || event->type() == QEvent::Move))
        setGeometry(m_covered->geometry());
    return QWidget::eventFilter(watched, event);
}

} // namespace tg
