// SPDX-License-Identifier: MIT
#include "accounts/accountpanel.h"

#include "accounts/accountdialog.h"
#include "api/telegraphclient.h"

#include <QDesktopServices>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace tg {

namespace {

const QStringList InfoFields{QStringLiteral("short_name"), QStringLiteral("author_name"),
                             QStringLiteral("author_url"), QStringLiteral("page_count")};

/// "Short name (Author)", or the short name alone when the account has no author name.
QString accountSummary(const QString &shortName, const QString &authorName)
{
    return authorName.isEmpty() ? shortName
                                : AccountPanel::tr("%1 (%2)").arg(shortName, authorName);
}

} // namespace

AccountPanel::AccountPanel(TelegraphClient *client, AccountStore *store, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_store(store)
    , m_list(new QListWidget(this))
    , m_info(new QLabel(this))
    , m_status(new QLabel(this))
    , m_create(new QPushButton(tr("&New…"), this))
    , m_import(new QPushButton(tr("&Import…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_login(new QPushButton(tr("&Log in on telegra.ph"), this))
    , m_revoke(new QPushButton(tr("&Revoke Token…"), this))
    , m_remove(new QPushButton(tr("Re&move"), this))
    , m_openUrl([](const QUrl &url) { QDesktopServices::openUrl(url); })
    , m_confirm([this](const QString &question) {
        return QMessageBox::question(this, tr("Accounts"), question) == QMessageBox::Yes;
    })
{
    m_list->setAccessibleName(tr("Saved accounts"));
    m_info->setWordWrap(true);
    m_status->setWordWrap(true);
    m_login->setToolTip(tr("Opens a one-time login link (valid for 5 minutes) in the browser"));
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_create, 0, 0);
    buttons->addWidget(m_import, 0, 1);
    buttons->addWidget(m_edit, 1, 0);
    buttons->addWidget(m_login, 1, 1);
    buttons->addWidget(m_revoke, 2, 0);
    buttons->addWidget(m_remove, 2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_info);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_create, &QPushButton::clicked, this, &AccountPanel::showCreateDialog);
    connect(m_import, &QPushButton::clicked, this, &AccountPanel::showImportDialog);
    connect(m_edit, &QPushButton::clicked, this, &AccountPanel::showEditDialog);
    connect(m_login, &QPushButton::clicked, this, &AccountPanel::openLogin);
    connect(m_revoke, &QPushButton::clicked, this, &AccountPanel::revokeCurrent);
    connect(m_remove, &QPushButton::clicked, this, &AccountPanel::removeCurrent);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (!name.isEmpty() && name != m_current)
            selectAccount(name);
    });
    reload();
}

void AccountPanel::reload()
{
    QString error;
    const QList<SavedAccount> accounts = m_store->accounts(&error);
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const SavedAccount &a : accounts) {
        auto *item = new QListWidgetItem(a.name, m_list);
        item->setToolTip(a.authorName.isEmpty() ? a.shortName : a.authorName);
        if (a.name == m_current)
            m_list->setCurrentItem(item);
    }
    if (!error.isEmpty())
        m_status->setText(error);
    updateButtons();
}

void AccountPanel::updateButtons()
{
    const bool has = !m_current.isEmpty() && !m_token.isEmpty();
    for (QPushButton *b : {m_edit, m_login, m_revoke, m_remove})
        b->setEnabled(has);
}

void AccountPanel::finish(bool ok, const QString &message)
{
    m_status->setText(message);
    updateButtons();
    Q_EMIT operationFinished(ok, message);
}

void AccountPanel::selectAccount(const QString &name)
{
    const auto account = m_store->account(name);
    if (!account) {
        finish(false, tr("There is no account named %1.").arg(name));
        return;
    }
    QPointer<AccountPanel> self(this);
    m_store->readToken(name, [self, account](const SecretStore::Result &r) {
        if (!self)
            return;
        if (!r.ok()) {
            self->finish(false,
                         tr("The token of %1 could not be read: %2").arg(account->name, r.message));
            return;
        }
        self->m_current = account->name;
        self->m_token = r.secret;
        self->reload();
        self->m_info->setText(accountSummary(account->shortName, account->authorName));
        Q_EMIT self->currentAccountChanged(*account, r.secret);
        self->refreshInfo();
    });
}

void AccountPanel::createAccount(const QString &name, const CreateAccountRequest &request)
{
    if (!AccountStore::isValidName(name) || m_store->account(name)) {
        finish(false, tr("Choose another name: %1 is taken or not allowed.").arg(name));
        return;
    }
    CreateAccountRequest r = request;
    r.replaceToken = false;
    AccountJob *job = m_client->createAccount(r);
    job->setAutoDelete(true);
    connect(job, &ApiJob::finished, this, [this, job, name] {
        if (!job->isSucceeded()) {
            finish(false, tr("The account could not be created: %1").arg(job->error().message));
            return;
        }
        const Account &a = job->account();
        SavedAccount saved;
        saved.name = name;
        saved.shortName = a.shortName;
        saved.authorName = a.authorName;
        saved.authorUrl = a.authorUrl;
        saved.apiUrl = m_client->settings().apiUrl.toString();
        saved.savedAt = QDateTime::currentDateTimeUtc();
        QPointer<AccountPanel> self(this);
        m_store->save(saved, a.accessToken, [self, name](const SecretStore::Result &r) {
            if (!self)
                return;
            if (!r.ok()) {
                self->finish(false, tr("The account was created but its token could not be "
                                       "saved: %1")
                                        .arg(r.message));
                return;
            }
            self->selectAccount(name);
            self->finish(true, tr("Account %1 created.").arg(name));
        });
    });
}

void AccountPanel::importAccount(const QString &name, const QString &token)
{
    if (!AccountStore::isValidName(name) || m_store->account(name)) {
        finish(false, tr("Choose another name: %1 is taken or not allowed.").arg(name));
        return;
    }
    AccountInfoRequest r;
    r.accessToken = token;
    r.fields = InfoFields;
    AccountJob *job = m_client->getAccountInfo(r);
    job->setAutoDelete(true);
    connect(job, &ApiJob::finished, this, [this, job, name, token] {
        if (!job->isSucceeded()) {
            finish(false, tr("The token was not accepted: %1").arg(job->error().message));
            return;
        }
        const Account &a = job->account();
        SavedAccount saved;
        saved.name = name;
        saved.shortName = a.shortName;
        saved.authorName = a.authorName;
        saved.authorUrl = a.authorUrl;
        saved.apiUrl = m_client->settings().apiUrl.toString();
        saved.savedAt = QDateTime::currentDateTimeUtc();
        QPointer<AccountPanel> self(this);
        m_store->save(saved, token, [self, name](const SecretStore::Result &r) {
            if (!self)
                return;
            if (!r.ok()) {
                self->finish(false, tr("The token could not be saved: %1").arg(r.message));
                return;
            }
            self->selectAccount(name);
            self->finish(true, tr("Account %1 imported.").arg(name));
        });
    });
}

void AccountPanel::editCurrent(const EditAccountRequest &request)
{
    if (m_token.isEmpty())
        return;
    EditAccountRequest r = request;
    r.accessToken = m_token;
    AccountJob *job = m_client->editAccountInfo(r);
    job->setAutoDelete(true);
    const QString name = m_current;
    connect(job, &ApiJob::finished, this, [this, job, name] {
        if (!job->isSucceeded()) {
            finish(false, tr("The account could not be changed: %1").arg(job->error().message));
            return;
        }
        auto saved = m_store->account(name);
        if (!saved)
            return;
        const Account &a = job->account();
        saved->shortName = a.shortName;
        saved->authorName = a.authorName;
        saved->authorUrl = a.authorUrl;
        QString error;
        if (!m_store->saveRecord(*saved, &error)) {
            finish(false, error);
            return;
        }
        m_info->setText(accountSummary(a.shortName, a.authorName));
        if (name == m_current)
            Q_EMIT currentAccountChanged(*saved, m_token);
        finish(true, tr("Account %1 changed.").arg(name));
    });
}

void AccountPanel::refreshInfo()
{
    if (m_token.isEmpty())
        return;
    AccountInfoRequest r;
    r.accessToken = m_token;
    r.fields = InfoFields;
    AccountJob *job = m_client->getAccountInfo(r);
    job->setAutoDelete(true);
    const QString name = m_current;
    connect(job, &ApiJob::finished, this, [this, job, name] {
        if (name != m_current)
            return;
        if (!job->isSucceeded()) {
            m_info->setText(tr("%1 — offline or refused: %2").arg(name, job->error().message));
            return;
        }
        const Account &a = job->account();
        m_info->setText(tr("%1 — %n page(s)", nullptr, int(qMax<qint64>(0, a.pageCount)))
                            .arg(accountSummary(a.shortName, a.authorName)));
    });
}

void AccountPanel::openLogin()
{
    if (m_token.isEmpty())
        return;
    AccountInfoRequest r;
    r.accessToken = m_token;
    r.fields = {QStringLiteral("auth_url")};
    AccountJob *job = m_client->getAccountInfo(r);
    job->setAutoDelete(true);
    connect(job, &ApiJob::finished, this, [this, job] {
        if (!job->isSucceeded() || job->account().authUrl.isEmpty()) {
            finish(false, tr("No login link: %1").arg(job->error().message));
            return;
        }
        m_openUrl(QUrl(job->account().authUrl));
        finish(true, tr("The login link was opened in the browser (valid for 5 minutes)."));
    });
}

void AccountPanel::revokeCurrent()
{
    if (m_token.isEmpty())
        return;
    const QString name = m_current;
    if (!m_confirm(tr("Revoke the access token of %1? Every other app or device using it will "
                      "lose access; this app keeps working with the new token.")
                       .arg(name)))
        return;
    AccountJob *job = m_client->revokeAccessToken(m_token);
    job->setAutoDelete(true);
    connect(job, &ApiJob::finished, this, [this, job, name] {
        if (!job->isSucceeded()) {
            finish(false, tr("The token was not revoked: %1").arg(job->error().message));
            return;
        }
        const QString fresh = job->account().accessToken;
        auto saved = m_store->account(name);
        if (!saved)
            return;
        QPointer<AccountPanel> self(this);
        m_store->save(*saved, fresh, [self, name, fresh, saved](const SecretStore::Result &r) {
            if (!self)
                return;
            if (!r.ok()) {
                self->finish(false, tr("The token was revoked but the new one could not be "
                                       "saved: %1")
                                        .arg(r.message));
                return;
            }
            if (self->m_current == name) {
                self->m_token = fresh;
                Q_EMIT self->currentAccountChanged(*saved, fresh);
            }
            self->finish(true, tr("The token of %1 was revoked and replaced.").arg(name));
        });
    });
}

void AccountPanel::removeCurrent()
{
    if (m_current.isEmpty())
        return;
    const QString name = m_current;
    if (!m_confirm(tr("Remove %1 from this computer? The account and its pages stay on "
                      "Telegraph; without its token you cannot edit them from here.")
                       .arg(name)))
        return;
    QPointer<AccountPanel> self(this);
    m_store->remove(name, [self, name](const SecretStore::Result &r) {
        if (!self)
            return;
        if (!r.ok() && r.status != SecretStore::Status::NotFound) {
            self->finish(false, tr("%1 could not be removed: %2").arg(name, r.message));
            return;
        }
        self->m_current.clear();
        self->m_token.clear();
        self->m_info->clear();
        self->reload();
        Q_EMIT self->currentAccountChanged(SavedAccount(), QString());
        self->finish(true, tr("%1 was removed from this computer.").arg(name));
    });
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
    createAccount(d.name(), r);
}

void AccountPanel::showImportDialog()
{
    AccountDialog d(AccountDialog::Mode::Import, this);
    if (d.exec() == QDialog::Accepted)
        importAccount(d.name(), d.token());
}

void AccountPanel::showEditDialog()
{
    const auto saved = m_store->account(m_current);
    if (!saved)
        return;
    AccountDialog d(AccountDialog::Mode::Edit, this);
    d.setValues(saved->name, saved->shortName, saved->authorName, saved->authorUrl);
    if (d.exec() != QDialog::Accepted)
        return;
    EditAccountRequest r;
    r.shortName = d.shortName();
    r.authorName = d.authorName();
    r.authorUrl = d.authorUrl();
    editCurrent(r);
}

} // namespace tg
