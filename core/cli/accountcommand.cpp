// SPDX-License-Identifier: MIT
// `telegraph account ...`: create, import, info, edit, revoke, list and forget accounts.
#include "api/accountstore.h"
#include "api/filesecretstore.h"
#include "api/keychainsecretstore.h"
#include "api/sharedsecretstore.h"
#include "api/telegraphclient.h"
#include "cli/cli.h"
#include "cli/clicommon.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tg::cli {

namespace {

QString accountUsage()
{
    return QStringLiteral(
        "usage: telegraph account create --short-name NAME [--author-name N] [--author-url U] "
        "[--save NAME]\n"
        "       telegraph account import --token TOKEN --save NAME\n"
        "       telegraph account info [--fields short_name,author_name,author_url,auth_url,"
        "page_count]\n"
        "       telegraph account edit [--short-name N] [--author-name N] [--author-url U]\n"
        "       telegraph account revoke\n"
        "       telegraph account list\n"
        "       telegraph account forget NAME\n");
}

void printAccount(Context &ctx, const Account &a, bool showToken)
{
    if (!a.shortName.isEmpty() || !showToken)
        ctx.out << "short name:   " << a.shortName << '\n';
    if (!a.authorName.isEmpty())
        ctx.out << "author name:  " << a.authorName << '\n';
    if (!a.authorUrl.isEmpty())
        ctx.out << "author URL:   " << a.authorUrl << '\n';
    if (a.pageCount >= 0)
        ctx.out << "pages:        " << a.pageCount << '\n';
    if (showToken && !a.accessToken.isEmpty())
        ctx.out << "access token: " << a.accessToken << '\n';
    if (!a.authUrl.isEmpty())
        ctx.out << "login link:   " << a.authUrl << " (valid for 5 minutes)\n";
}

/// The store for a new saved token: the keychain when it works; otherwise the 0600 file with
/// --insecure-store, or a refusal that says why.
std::unique_ptr<SecretStore> storeForSaving(Context &ctx, int *exitCode)
{
    std::unique_ptr<SharedSecretStore> store = secretStoreFor(QString());
    const SecretStore::Result r = store->keychain()->checkAvailableSync();
    if (r.ok())
        return store;
    if (!ctx.global.insecureStore) {
        ctx.err << "error: the token cannot be saved: " << r.message << '\n'
                << "Pass --insecure-store to save it in plain text in " << insecureTokenFile()
                << " (readable only by you), or keep it yourself and use --token.\n";
        *exitCode = ExitUsage;
        return nullptr;
    }
    ctx.err << "warning: no keychain (" << r.message << "); saving the token in plain text in "
            << insecureTokenFile() << " (mode 0600)\n";
    store->setPrimary(store->file());
    return store;
}

int saveAccount(Context &ctx, SecretStore *store, const QString &name, const Account &account,
                const QString &token, const ClientSettings &settings)
{
    AccountStore accounts(configDir(), store);
    SavedAccount record;
    record.name = name;
    record.shortName = account.shortName;
    record.authorName = account.authorName;
    record.authorUrl = account.authorUrl;
    if (!ctx.global.apiUrl.isEmpty() || !ctx.global.domain.isEmpty())
        record.apiUrl = settings.apiUrl.toString();
    QEventLoop loop;
    SecretStore::Result result;
    accounts.save(record, token, [&](const SecretStore::Result &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    if (!result.ok()) {
        ctx.err << "error: cannot save the account: " << result.message << '\n';
        return ExitUsage;
    }
    ctx.err << "saved as '" << name << "' (" << store->backendName() << ")\n";
    return ExitOk;
}

int accountCreate(Context &ctx)
{
    const CommandOptions o =
        parseCommandOptions(ctx.args, 2,
                            {QStringLiteral("--short-name"), QStringLiteral("--author-name"),
                             QStringLiteral("--author-url"), QStringLiteral("--save")},
                            {});
    if (!o.error.isEmpty() || !o.positional.isEmpty()) {
        ctx.err << "error: " << (o.error.isEmpty() ? QStringLiteral("unexpected operand") : o.error)
                << '\n'
                << accountUsage();
        return ExitUsage;
    }
    const QString save = o.value(QStringLiteral("--save"));
    if (o.has(QStringLiteral("--save")) && !AccountStore::isValidName(save)) {
        ctx.err << "error: '" << save << "' is not a valid account name\n";
        return ExitUsage;
    }
    int code = ExitOk;
    auto client = makeClient(ctx, false, &code);
    if (!client)
        return code;
    // Refuse before creating an account whose token could not be kept.
    std::unique_ptr<SecretStore> store;
    if (!save.isEmpty()) {
        store = storeForSaving(ctx, &code);
        if (!store)
            return code;
    }
    CreateAccountRequest r;
    r.shortName = o.value(QStringLiteral("--short-name"));
    r.authorName = o.value(QStringLiteral("--author-name"));
    r.authorUrl = o.value(QStringLiteral("--author-url"));
    AccountJob *job = client->createAccount(r);
    waitFor(job);
    if (job->error().isError())
        return reportError(ctx, job->error());
    if (ctx.global.json)
        printJson(ctx, job->resultJson());
    else
        printAccount(ctx, job->account(), true);
    ctx.out.flush();
    if (!save.isEmpty())
        return saveAccount(ctx, store.get(), save, job->account(), job->account().accessToken,
                           client->settings());
    return ExitOk;
}

int accountImport(Context &ctx)
{
    const CommandOptions o = parseCommandOptions(ctx.args, 2, {QStringLiteral("--save")}, {});
    const QString save = o.value(QStringLiteral("--save"));
    if (!o.error.isEmpty() || !o.positional.isEmpty() || save.isEmpty()) {
        ctx.err << "error: "
                << (o.error.isEmpty() ? QStringLiteral("account import needs --save NAME")
                                      : o.error)
                << '\n'
                << accountUsage();
        return ExitUsage;
    }
    if (!AccountStore::isValidName(save)) {
        ctx.err << "error: '" << save << "' is not a valid account name\n";
        return ExitUsage;
    }
    if (ctx.global.token.isEmpty()) {
        ctx.err << "error: account import needs --token TOKEN (or TELEGRAPH_ACCESS_TOKEN)\n";
        return ExitUsage;
    }
    int code = ExitOk;
    auto client = makeClient(ctx, true, &code);
    if (!client)
        return code;
    std::unique_ptr<SecretStore> store = storeForSaving(ctx, &code);
    if (!store)
        return code;
    AccountJob *job =
        client->getAccountInfo({{QStringLiteral("short_name"), QStringLiteral("author_name"),
                                 QStringLiteral("author_url"), QStringLiteral("page_count")},
                                {}});
    waitFor(job);
    if (job->error().isError())
        return reportError(ctx, job->error());
    if (ctx.global.json)
        printJson(ctx, job->resultJson());
    else
        printAccount(ctx, job->account(), false);
    ctx.out.flush();
    return saveAccount(ctx, store.get(), save, job->account(), client->accessToken(),
                       client->settings());
}

int accountInfo(Context &ctx)
{
    const CommandOptions o = parseCommandOptions(ctx.args, 2, {QStringLiteral("--fields")}, {});
    if (!o.error.isEmpty() || !o.positional.isEmpty()) {
        ctx.err << "error: " << (o.error.isEmpty() ? QStringLiteral("unexpected operand") : o.error)
                << '\n'
                << accountUsage();
        return ExitUsage;
    }
    int code = ExitOk;
    auto client = makeClient(ctx, true, &code);
    if (!client)
        return code;
    AccountInfoRequest r;
    if (o.has(QStringLiteral("--fields")))
        r.fields = o.value(QStringLiteral("--fields")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    else
        r.fields = {QStringLiteral("short_name"), QStringLiteral("author_name"),
                    QStringLiteral("author_url"), QStringLiteral("page_count")};
    AccountJob *job = client->getAccountInfo(r);
    waitFor(job);
    if (job->error().isError())
        return reportError(ctx, job->error());
    if (ctx.global.json)
        printJson(ctx, job->resultJson());
    else
        printAccount(ctx, job->account(), false);
    return ExitOk;
}

int accountEdit(Context &ctx)
{
    const CommandOptions o =
        parseCommandOptions(ctx.args, 2,
                            {QStringLiteral("--short-name"), QStringLiteral("--author-name"),
                             QStringLiteral("--author-url")},
                            {});
    if (!o.error.isEmpty() || !o.positional.isEmpty() || o.values.isEmpty()) {
        ctx.err << "error: "
                << (o.error.isEmpty() ? QStringLiteral("account edit needs at least one field")
                                      : o.error)
                << '\n'
                << accountUsage();
        return ExitUsage;
    }
    int code = ExitOk;
    auto client = makeClient(ctx, true, &code);
    if (!client)
        return code;
    EditAccountRequest r;
    if (o.has(QStringLiteral("--short-name")))
        r.shortName = o.value(QStringLiteral("--short-name"));
    if (o.has(QStringLiteral("--author-name")))
        r.authorName = o.value(QStringLiteral("--author-name"));
    if (o.has(QStringLiteral("--author-url")))
        r.authorUrl = o.value(QStringLiteral("--author-url"));
    AccountJob *job = client->editAccountInfo(r);
    waitFor(job);
    if (job->error().isError())
        return reportError(ctx, job->error());
    if (ctx.global.json)
        printJson(ctx, job->resultJson());
    else
        printAccount(ctx, job->account(), false);
    if (!ctx.global.account.isEmpty()) {
        // Keep the saved record's non-secret fields current.
        std::unique_ptr<SecretStore> store = secretStoreFor(QString());
        AccountStore accounts(configDir(), store.get());
        if (auto saved = accounts.account(ctx.global.account)) {
            saved->shortName = job->account().shortName;
            saved->authorName = job->account().authorName;
            saved->authorUrl = job->account().authorUrl;
            QString error;
            if (!accounts.saveRecord(*saved, &error))
                ctx.err << "warning: " << error << '\n';
        }
    }
    return ExitOk;
}

int accountRevoke(Context &ctx)
{
    if (ctx.args.size() > 2) {
        ctx.err << "error: account revoke takes no operands\n" << accountUsage();
        return ExitUsage;
    }
    int code = ExitOk;
    auto client = makeClient(ctx, true, &code);
    if (!client)
        return code;
    AccountJob *job = client->revokeAccessToken();
    waitFor(job);
    if (job->error().isError())
        return reportError(ctx, job->error());
    if (ctx.global.json)
        printJson(ctx, job->resultJson());
    else
        printAccount(ctx, job->account(), true);
    ctx.out.flush();
    if (!ctx.global.account.isEmpty() && ctx.global.token.isEmpty()) {
        std::unique_ptr<SecretStore> probe = secretStoreFor(QString());
        AccountStore registry(configDir(), probe.get());
        const auto saved = registry.account(ctx.global.account);
        if (saved) {
            std::unique_ptr<SecretStore> store = secretStoreFor(saved->secretBackend);
            const SecretStore::Result r = store->writeSecretSync(
                AccountStore::secretKey(saved->name), job->account().accessToken);
            if (!r.ok()) {
                ctx.err << "error: the old token is revoked but the new one could not be saved: "
                        << r.message << '\n';
                return ExitUsage;
            }
            ctx.err << "saved the new token for '" << saved->name << "'\n";
        }
    }
    return ExitOk;
}

int accountList(Context &ctx)
{
    std::unique_ptr<SecretStore> store = secretStoreFor(QString());
    AccountStore accounts(configDir(), store.get());
    QString error;
    const QList<SavedAccount> all = accounts.accounts(&error);
    if (!error.isEmpty()) {
        ctx.err << "error: " << error << '\n';
        return ExitUsage;
    }
    if (ctx.global.json) {
        QJsonArray arr;
        for (const SavedAccount &a : all) {
            arr.append(QJsonObject{{QStringLiteral("name"), a.name},
                                   {QStringLiteral("short_name"), a.shortName},
                                   {QStringLiteral("author_name"), a.authorName},
                                   {QStringLiteral("author_url"), a.authorUrl},
                                   {QStringLiteral("api_url"), a.apiUrl},
                                   {QStringLiteral("secret_backend"), a.secretBackend}});
        }
        ctx.out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact)) << '\n';
        return ExitOk;
    }
    if (all.isEmpty())
        ctx.out << "no saved accounts (telegraph account create --save NAME)\n";
    for (const SavedAccount &a : all) {
        ctx.out << a.name << "\t" << a.shortName << "\t" << a.secretBackend;
        if (!a.apiUrl.isEmpty())
            ctx.out << "\t" << a.apiUrl;
        ctx.out << '\n';
    }
    return ExitOk;
}

int accountForget(Context &ctx)
{
    if (ctx.args.size() != 3) {
        ctx.err << "error: account forget needs one NAME\n" << accountUsage();
        return ExitUsage;
    }
    const QString name = ctx.args.at(2);
    std::unique_ptr<SecretStore> probe = secretStoreFor(QString());
    const auto saved = AccountStore(configDir(), probe.get()).account(name);
    if (!saved) {
        ctx.err << "error: no saved account named '" << name << "'\n";
        return ExitUsage;
    }
    std::unique_ptr<SecretStore> store = secretStoreFor(saved->secretBackend);
    AccountStore accounts(configDir(), store.get());
    QEventLoop loop;
    SecretStore::Result result;
    accounts.remove(name, [&](const SecretStore::Result &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    if (!result.ok()) {
        ctx.err << "error: " << result.message << '\n';
        return ExitUsage;
    }
    ctx.err << "forgot '" << name << "'\n";
    return ExitOk;
}

} // namespace

int runAccount(Context &ctx)
{
    const QString sub = ctx.args.value(1);
    if (sub == QLatin1String("create"))
        return accountCreate(ctx);
    if (sub == QLatin1String("import"))
        return accountImport(ctx);
    if (sub == QLatin1String("info"))
        return accountInfo(ctx);
    if (sub == QLatin1String("edit"))
        return accountEdit(ctx);
    if (sub == QLatin1String("revoke"))
        return accountRevoke(ctx);
    if (sub == QLatin1String("list"))
        return accountList(ctx);
    if (sub == QLatin1String("forget"))
        return accountForget(ctx);
    ctx.err << (sub.isEmpty() ? QStringLiteral("error: account needs a subcommand\n")
                              : QStringLiteral("error: unknown account subcommand '%1'\n").arg(sub))
            << accountUsage();
    return ExitUsage;
}

} // namespace tg::cli
