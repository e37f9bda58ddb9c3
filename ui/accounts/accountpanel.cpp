// SPDX-License-Identifier: MIT
#include "accounts/accountpanel.h"

#include "accounts/accountdialog.h"
#include "window/linkopener.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace tg {

namespace {

/// "Short name (Author)", or the short name alone when the account has no author name.
QString accountSummary(const QString &shortName, const QString &authorName)
{
    return authorName.isEmpty() ? shortName
                                : AccountPanel::tr("%1 (%2)").arg(shortName, authorName);
}

} // namespace

AccountPanel::AccountPanel(AccountManager *manager, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
    , m_list(new QListWidget(this))
    , m_info(new QLabel(this))
    , m_status(new QLabel(this))
    , m_create(new QPushButton(tr("&New…"), this))
    , m_import(new QPushButton(tr("&Import…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_login(new QPushButton(tr("&Log in on telegra.ph"), this))
    , m_revoke(new QPushButton(tr("&Revoke Token…"), this))
    , m_remove(new QPushButton(tr("Re&move"), this))
    , m_openUrl([this](const QUrl &url) { LinkOpener::open(url, this); })
    , m_confirm([this](const QString &question) {
        return QMessageBox::question(this, tr("Accounts"), question) == QMessageBox::Yes;
    })
{
    m_list->setAccessibleName(tr("Saved accounts"));
    // The texts wrap in the panel's width and never widen it (an unbreakable path is cut, and
    // whole in the tooltip).
    QSizePolicy wrapping(QSizePolicy::Ignored, QSizePolicy::Preferred);
    wrapping.setHeightForWidth(true);
    for (QLabel *label : {m_info, m_status}) {
        label->setSizePolicy(wrapping);
        label->setWordWrap(true);
    }
    m_login->setToolTip(tr("Opens a one-time login link (valid for 5 minutes) in the browser"));
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_create, 0, 0);
    buttons->addWidget(m_import, 0, 1);
    buttons->addWidget(m_edit, 1, 0);
    buttons->addWidget(m_login, 1, 1);
    buttons->addWidget(m_revoke, 2, 0);
    buttons->addWidget(m_remove, 2, 1);
    // The buttons sit at the bottom, under the texts: a longer text takes its room from the
    // list, never moves a button (a click meant for one would land on another).
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_info);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_create, &QPushButton::clicked, this, &AccountPanel::showCreateDialog);
    connect(m_import, &QPushButton::clicked, this, &AccountPanel::showImportDialog);
    connect(m_edit, &QPushButton::clicked, this, &AccountPanel::showEditDialog);
    connect(m_login, &QPushButton::clicked, this, &AccountPanel::openLogin);
    connect(m_revoke, &QPushButton::clicked, this, &AccountPanel::revokeCurrent);
    connect(m_remove, &QPushButton::clicked, this, &AccountPanel::removeCurrent);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (!name.isEmpty() && name != m_manager->currentName())
            m_manager->selectAccount(name);
    });
    connect(m_manager, &AccountManager::accountsChanged, this, &AccountPanel::reload);
    connect(m_manager, &AccountManager::currentAccountChanged, this, [this] {
        reload();
        showInfo();
    });
    connect(m_manager, &AccountManager::busyChanged, this, &AccountPanel::updateButtons);
    connect(m_manager, &AccountManager::operationFinished, this, &AccountPanel::onFinished);
    connect(m_manager, &AccountManager::loginLinkReady, this,
            [this](const QUrl &url) { m_openUrl(url); });
    reload();
    showInfo();
}

void AccountPanel::reload()
{
    QString error;
    const QList<SavedAccount> accounts = m_manager->accounts(&error);
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const SavedAccount &a : accounts) {
        auto *item = new QListWidgetItem(a.name, m_list);
        item->setToolTip(a.authorName.isEmpty() ? a.shortName : a.authorName);
        if (a.name == m_manager->currentName())
            m_list->setCurrentItem(item);
    }
    if (!error.isEmpty())
        showStatus(error);
    updateButtons();
}

void AccountPanel::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setToolTip(text);
}

void AccountPanel::updateButtons()
{
    const bool idle = !m_manager->isBusy();
    const bool has = idle && !m_manager->currentName().isEmpty();
    for (QPushButton *b : {m_edit, m_login, m_revoke, m_remove})
        b->setEnabled(has);
    m_login->setEnabled(has && !m_localSandbox);
    m_login->setToolTip(m_localSandbox
                            ? tr("Accounts of the local sandbox cannot log in on telegra.ph")
                            : tr("Opens a one-time login link (valid for 5 minutes) in the "
                                 "browser"));
    m_create->setEnabled(idle);
    m_import->setEnabled(idle);
}

void AccountPanel::setLocalSandbox(bool local)
{
    m_localSandbox = local;
    updateButtons();
}

void AccountPanel::showInfo()
{
    const SavedAccount current = m_manager->currentAccount();
    const AccountManager::Info &info = m_manager->info();
    if (current.name.isEmpty())
        m_info->clear();
    else if (!info.error.isEmpty())
        m_info->setText(tr("%1 — offline or refused: %2").arg(current.name, info.error));
    else if (info.known)
        m_info->setText(tr("%1 — %n page(s)", nullptr, int(qMax<qint64>(0, info.pageCount)))
                            .arg(accountSummary(info.shortName, info.authorName)));
    else
        m_info->setText(accountSummary(current.shortName, current.authorName));
}

void AccountPanel::onFinished(AccountManager::Operation operation, bool ok, const QString &message)
{
    if (operation == AccountManager::Operation::Refresh) {
        showInfo();
        return;
    }
    if (!message.isEmpty())
        showStatus(message);
    if (!ok && operation == AccountManager::Operation::Select)
        reload(); // the list shows the account that is still current
    updateButtons();
}

void AccountPanel::openLogin()
{
    m_manager->requestLoginLink();
}

void AccountPanel::revokeCurrent()
{
    const QString name = m_manager->currentName();
    if (name.isEmpty())
        return;
    if (!m_confirm(tr("Revoke the access token of %1? Every other app or device using it will "
                      "lose access; this app keeps working with the new token.")
                       .arg(name)))
        return;
    m_manager->revokeCurrent();
}

void AccountPanel::removeCurrent()
{
    const QString name = m_manager->currentName();
    if (name.isEmpty())
        return;
    if (!m_confirm(tr("Remove %1 from this computer? The account and its pages stay on "
                      "Telegraph; without its token you cannot edit them from here.")
                       .arg(name)))
        return;
    m_manager->removeCurrent();
}

void AccountPanel::showCreateDialog()
{
    AccountDialog d(AccountDialog::Mode::Create, this);
    if (d.exec() != QDialog::Accepted)
        return;
    CreateAccountRequest r;
    r.shortName = d.shortName();
    r.authorName = d.authorName();
    r.authorUrl = d.authorUrl();
    m_manager->createAccount(d.name(), r);
}

void AccountPanel::showImportDialog()
{
    AccountDialog d(AccountDialog::Mode::Import, this);
    if (d.exec() == QDialog::Accepted)
        m_manager->importAccount(d.name(), d.token());
}

void AccountPanel::showEditDialog()
{
    const SavedAccount saved = m_manager->currentAccount();
    if (saved.name.isEmpty())
        return;
    AccountDialog d(AccountDialog::Mode::Edit, this);
    d.setValues(saved.name, saved.shortName, saved.authorName, saved.authorUrl);
    if (d.exec() != QDialog::Accepted)
        return;
    EditAccountRequest r;
    r.shortName = d.shortName();
    r.authorName = d.authorName();
    r.authorUrl = d.authorUrl();
    m_manager->editCurrent(r);
}

} // namespace tg
