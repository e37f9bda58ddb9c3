// SPDX-License-Identifier: MIT
#include "workflow/accountmanager.h"

#include "api/accountjob.h"
#include "api/apierror.h"
#include "api/apitypes.h"
#include "api/telegraphclient.h"
#include "workflow/errortext.h"
#include "workflow/workflowlog.h"

#include <QDateTime>
#include <QPointer>
#include <QSettings>

namespace tg {

namespace {

const QString CurrentKey = QStringLiteral("accounts/current");
const QStringList InfoFields{QStringLiteral("short_name"), QStringLiteral("author_name"),
                             QStringLiteral("author_url"), QStringLiteral("page_count")};

} // namespace

AccountManager::AccountManager(TelegraphClient *client, SecretStore *secrets,
                               const QString &accountsDir, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_settings(settings)
    , m_store(std::make_unique<AccountStore>(accountsDir, secrets))
{}

AccountManager::~AccountManager() = default;

QList<SavedAccount> AccountManager::accounts(QString *error) const
{
    return m_store->accounts(error);
}

bool AccountManager::begin(Operation operation, const QString &subject)
{
    if (m_busy) {
        qCDebug(lcWorkflow) << "account operation" << operation << "refused: another is running";
        Q_EMIT operationFinished(operation, false,
                                 tr("Another account operation is still running; try again when "
                                    "it is done."));
        return false;
    }
    qCDebug(lcWorkflow) << "account operation" << operation << "started for" << subject;
    m_busy = true;
    Q_EMIT busyChanged(true);
    return true;
}

void AccountManager::finish(Operation operation, bool ok, const QString &message)
{
    qCDebug(lcWorkflow) << "account operation" << operation << (ok ? "succeeded" : "failed");
    m_busy = false;
    Q_EMIT busyChanged(false);
    Q_EMIT operationFinished(operation, ok, message);
}

bool AccountManager::checkNewName(Operation operation, const QString &name)
{
    if (AccountStore::isValidName(name) && !m_store->account(name))
        return true;
    finish(operation, false, tr("Choose another name: %1 is taken or not allowed.").arg(name));
    return false;
}

void AccountManager::connectJob(AccountJob *job, std::function<void(AccountJob *)> done)
{
    job->setAutoDelete(true);
    connect(job, &ApiJob::finished, this, [job, done = std::move(done)] { done(job); });
}

bool AccountManager::restoreCurrent()
{
    const QList<SavedAccount> saved = m_store->accounts();
    if (saved.isEmpty())
        return false;
    const QString remembered = m_settings ? m_settings->value(CurrentKey).toString() : QString();
    QString name = saved.first().name;
    for (const SavedAccount &a : saved) {
        if (a.name == remembered)
            name = a.name;
    }
    selectAccount(name);
    return true;
}

void AccountManager::selectAccount(const QString &name)
{
    if (!begin(Operation::Select, name))
        return;
    const auto account = m_store->account(name);
    if (!account) {
        finish(Operation::Select, false, tr("There is no account named %1.").arg(name));
        return;
    }
    QPointer<AccountManager> self(this);
    m_store->readToken(name, [self, account](const SecretStore::Result &r) {
        if (!self)
            return;
        if (!r.ok()) {
            self->finish(Operation::Select, false,
                         tr("The token of %1 could not be read: %2").arg(account->name, r.message));
            return;
        }
        self->adopt(*account, r.secret);
        self->finish(Operation::Select, true, QString());
        self->refreshInfo();
    });
}

void AccountManager::adopt(const SavedAccount &account, const QString &token)
{
    ++m_generation;
    m_current = account;
    m_token = token;
    m_info = Info();
    m_client->setAccessToken(token);
    if (m_settings && !account.name.isEmpty())
        m_settings->setValue(CurrentKey, account.name);
    Q_EMIT currentAccountChanged(m_current);
}

void AccountManager::saveNew(Operation operation, const QString &name, const Account &account,
                             const QString &token, const QString &done)
{
    SavedAccount saved;
    saved.name = name;
    saved.shortName = account.shortName;
    saved.authorName = account.authorName;
    saved.authorUrl = account.authorUrl;
    saved.apiUrl = m_client->settings().apiUrl.toString();
    saved.savedAt = QDateTime::currentDateTimeUtc();
    QPointer<AccountManager> self(this);
    m_store->save(
        saved, token, [self, operation, saved, token, done](const SecretStore::Result &r) {
            if (!self)
                return;
            if (!r.ok()) {
                self->finish(
                    operation, false,
                    operation == Operation::Create
                        ? tr("The account was created but its token could not be saved: %1")
                              .arg(r.message)
                        : tr("The token could not be saved: %1").arg(r.message));
                return;
            }
            Q_EMIT self->accountsChanged();
            // The record as stored (with its secret backend).
            self->adopt(self->m_store->account(saved.name).value_or(saved), token);
            self->finish(operation, true, done);
            self->refreshInfo();
        });
}

void AccountManager::createAccount(const QString &name, const CreateAccountRequest &request)
{
    if (!begin(Operation::Create, name) || !checkNewName(Operation::Create, name))
        return;
    CreateAccountRequest r = request;
    r.replaceToken = false; // the client's token changes only with the current account
    connectJob(m_client->createAccount(r), [this, name](AccountJob *job) {
        if (!job->isSucceeded()) {
            finish(Operation::Create, false,
                   tr("The account could not be created: %1").arg(userMessage(job->error())));
            return;
        }
        saveNew(Operation::Create, name, job->account(), job->account().accessToken,
                tr("Account %1 created.").arg(name));
    });
}

void AccountManager::importAccount(const QString &name, const QString &token)
{
    if (!begin(Operation::Import, name) || !checkNewName(Operation::Import, name))
        return;
    if (token.trimmed().isEmpty()) {
        finish(Operation::Import, false, tr("Enter the account's access token."));
        return;
    }
    AccountInfoRequest r;
    r.accessToken = token;
    r.fields = InfoFields;
    connectJob(m_client->getAccountInfo(r), [this, name, token](AccountJob *job) {
        if (!job->isSucceeded()) {
            finish(Operation::Import, false,
                   tr("The token was not accepted: %1").arg(userMessage(job->error())));
            return;
        }
        saveNew(Operation::Import, name, job->account(), token,
                tr("Account %1 imported.").arg(name));
    });
}

void AccountManager::editCurrent(const EditAccountRequest &request)
{
    if (!begin(Operation::Edit, m_current.name))
        return;
    if (m_token.isEmpty()) {
        finish(Operation::Edit, false, tr("Choose an account first."));
        return;
    }
    EditAccountRequest r = request;
    r.accessToken = m_token;
    const QString name = m_current.name;
    connectJob(m_client->editAccountInfo(r), [this, name](AccountJob *job) {
        if (!job->isSucceeded()) {
            finish(Operation::Edit, false,
                   tr("The account could not be changed: %1").arg(userMessage(job->error())));
            return;
        }
        auto saved = m_store->account(name);
        if (!saved) {
            finish(Operation::Edit, false, tr("There is no account named %1.").arg(name));
            return;
        }
        const Account &a = job->account();
        saved->shortName = a.shortName;
        saved->authorName = a.authorName;
        saved->authorUrl = a.authorUrl;
        QString error;
        if (!m_store->saveRecord(*saved, &error)) {
            finish(Operation::Edit, false, error);
            return;
        }
        Q_EMIT accountsChanged();
        if (name == m_current.name) {
            m_current = *saved;
            m_info.shortName = a.shortName;
            m_info.authorName = a.authorName;
            Q_EMIT currentAccountChanged(m_current);
        }
        finish(Operation::Edit, true, tr("Account %1 changed.").arg(name));
    });
}

void AccountManager::requestLoginLink()
{
    if (!begin(Operation::Login, m_current.name))
        return;
    if (m_token.isEmpty()) {
        finish(Operation::Login, false, tr("Choose an account first."));
        return;
    }
    AccountInfoRequest r;
    r.accessToken = m_token;
    r.fields = {QStringLiteral("auth_url")};
    connectJob(m_client->getAccountInfo(r), [this](AccountJob *job) {
        if (!job->isSucceeded() || job->account().authUrl.isEmpty()) {
            finish(Operation::Login, false,
                   tr("No login link: %1")
                       .arg(job->isSucceeded() ? tr("the server sent none")
                                               : userMessage(job->error())));
            return;
        }
        // The link is handed on, never kept or logged.
        Q_EMIT loginLinkReady(QUrl(job->account().authUrl));
        finish(Operation::Login, true,
               tr("The login link was opened in the browser (valid for 5 minutes)."));
    });
}

void AccountManager::revokeCurrent()
{
    if (!begin(Operation::Revoke, m_current.name))
        return;
    if (m_token.isEmpty()) {
        finish(Operation::Revoke, false, tr("Choose an account first."));
        return;
    }
    const SavedAccount account = m_current;
    connectJob(m_client->revokeAccessToken(m_token), [this, account](AccountJob *job) {
        if (!job->isSucceeded() || job->account().accessToken.isEmpty()) {
            finish(Operation::Revoke, false,
                   tr("The token was not revoked: %1").arg(userMessage(job->error())));
            return;
        }
        replaceToken(account, job->account().accessToken);
    });
}

void AccountManager::replaceToken(const SavedAccount &account, const QString &fresh)
{
    // The old token is dead on the server from now on, whether or not the new one is stored.
    if (account.name == m_current.name) {
        m_token = fresh;
        m_client->setAccessToken(fresh);
    }
    const QString name = account.name;
    QPointer<AccountManager> self(this);
    m_store->save(account, fresh, [self, name](const SecretStore::Result &r) {
        if (!self)
            return;
        if (!r.ok()) {
            self->finish(
                Operation::Revoke, false,
                tr("The token was revoked but the new one could not be saved: %1").arg(r.message));
            return;
        }
        self->finish(Operation::Revoke, true,
                     tr("The token of %1 was revoked and replaced.").arg(name));
    });
}

void AccountManager::removeCurrent()
{
    if (!begin(Operation::Remove, m_current.name))
        return;
    if (m_current.name.isEmpty()) {
        finish(Operation::Remove, false, tr("Choose an account first."));
        return;
    }
    const QString name = m_current.name;
    QPointer<AccountManager> self(this);
    m_store->remove(name, [self, name](const SecretStore::Result &r) {
        if (!self)
            return;
        if (!r.ok() && r.status != SecretStore::Status::NotFound) {
            self->finish(Operation::Remove, false,
                         tr("%1 could not be removed: %2").arg(name, r.message));
            return;
        }
        Q_EMIT self->accountsChanged();
        if (self->m_current.name == name)
            self->adopt(SavedAccount(), QString());
        self->finish(Operation::Remove, true, tr("%1 was removed from this computer.").arg(name));
    });
}

void AccountManager::refreshInfo()
{
    if (m_token.isEmpty()) {
        Q_EMIT operationFinished(Operation::Refresh, false, tr("Choose an account first."));
        return;
    }
    qCDebug(lcWorkflow) << "account details refreshed for" << m_current.name;
    AccountInfoRequest r;
    r.accessToken = m_token;
    r.fields = InfoFields;
    const quint64 generation = m_generation;
    connectJob(m_client->getAccountInfo(r), [this, generation](AccountJob *job) {
        if (generation != m_generation) {
            // Another account became current meanwhile: its own refresh reports.
            Q_EMIT operationFinished(Operation::Refresh, false,
                                     tr("The account changed before its details arrived."));
            return;
        }
        if (!job->isSucceeded()) {
            m_info.error = userMessage(job->error());
            Q_EMIT operationFinished(Operation::Refresh, false, m_info.error);
            return;
        }
        const Account &a = job->account();
        m_info.known = true;
        m_info.error.clear();
        m_info.shortName = a.shortName;
        m_info.authorName = a.authorName;
        m_info.pageCount = a.pageCount;
        Q_EMIT operationFinished(Operation::Refresh, true, QString());
    });
}

} // namespace tg
