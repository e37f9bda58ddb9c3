// SPDX-License-Identifier: MIT
#include "cli/clicommon.h"

#include "api/accountstore.h"
#include "api/apijob.h"
#include "api/filesecretstore.h"
#include "api/keychainsecretstore.h"
#include "api/sharedsecretstore.h"
#include "api/telegraphclient.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace tg::cli {

CommandOptions parseCommandOptions(const QStringList &args, int from,
                                   const QStringList &valueOptions, const QStringList &flagOptions)
{
    CommandOptions o;
    bool rest = false;
    for (int i = from; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (rest || a == QLatin1String("-") || !a.startsWith(QLatin1Char('-'))) {
            o.positional.append(a);
            continue;
        }
        if (a == QLatin1String("--")) {
            rest = true;
            continue;
        }
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        const QString name = eq > 0 ? a.left(eq) : a;
        if (valueOptions.contains(name)) {
            if (eq > 0) {
                o.values[name].append(a.mid(eq + 1));
            } else if (i + 1 < args.size()) {
                o.values[name].append(args.at(++i));
            } else {
                o.error = QStringLiteral("option %1 needs a value").arg(name);
                return o;
            }
        } else if (flagOptions.contains(name) && eq < 0) {
            o.flags.insert(name);
        } else {
            o.error = QStringLiteral("unknown option '%1'").arg(a);
            return o;
        }
    }
    return o;
}

QString configDir()
{
    return AccountStore::sharedDirectory();
}

QString insecureTokenFile()
{
    return QDir(configDir()).filePath(AccountStore::tokenFileName());
}

bool clientSettings(const GlobalOptions &global, ClientSettings &out, QString *error)
{
    ClientSettings s;
    if (!global.domain.isEmpty()) {
        const QString d = global.domain.trimmed().toLower();
        if (!ClientSettings::knownDomains().contains(d)) {
            *error =
                QStringLiteral("unknown domain '%1' (use %2, or --api-url)")
                    .arg(global.domain, ClientSettings::knownDomains().join(QStringLiteral(", ")));
            return false;
        }
        s = ClientSettings::forDomain(d);
    }
    if (!global.apiUrl.isEmpty()) {
        s.apiUrl = QUrl(global.apiUrl, QUrl::StrictMode);
        s.siteUrl = QUrl();
        if (!global.domain.isEmpty())
            s.siteUrl = QUrl(QStringLiteral("https://") + global.domain.trimmed().toLower());
    }
    if (!global.proxy.isEmpty() && !ProxySettings::parse(global.proxy, s.proxy, error))
        return false;
    s.concurrency = global.concurrency;
    s.timeoutMs = global.timeoutSeconds * 1000;
    s.flood.waitAndRetry = global.maxFloodWait > 0;
    s.flood.maxWaitSeconds = global.maxFloodWait;
    s.flood.maxRetries = 20;
    const QString problem = s.validate();
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    out = s;
    return true;
}

int exitCodeFor(const ApiError &error)
{
    switch (error.category) {
    case ApiError::Category::None:
        return ExitOk;
    case ApiError::Category::Api:
        return ExitApiError;
    case ApiError::Category::FloodWait:
        return ExitFloodWait;
    case ApiError::Category::Network:
    case ApiError::Category::Timeout:
    case ApiError::Category::Tls:
    case ApiError::Category::Protocol:
    case ApiError::Category::Cancelled:
        return ExitNetwork;
    case ApiError::Category::Validation:
        return ExitUsage;
    }
    return ExitUsage;
}

int reportError(Context &ctx, const ApiError &error)
{
    switch (error.category) {
    case ApiError::Category::Api:
        ctx.err << "error: " << (error.code.isEmpty() ? error.message : error.code);
        if (!error.code.isEmpty() && error.message != error.code)
            ctx.err << ": " << error.message;
        ctx.err << '\n';
        break;
    case ApiError::Category::FloodWait:
        ctx.err << "error: " << error.code << ": flood control; retry in " << error.floodSeconds
                << " seconds\n";
        break;
    case ApiError::Category::Validation:
        ctx.err << "error: "
                << (error.code.isEmpty() ? QString() : error.code + QStringLiteral(": "))
                << error.message << '\n';
        break;
    default:
        ctx.err << "error: " << ApiError::categoryName(error.category) << ": "
                << redactTokens(error.message) << '\n';
        break;
    }
    ctx.err.flush();
    return exitCodeFor(error);
}

void waitFor(ApiJob *job)
{
    if (job->isFinished())
        return;
    QEventLoop loop;
    QObject::connect(job, &ApiJob::finished, &loop, &QEventLoop::quit);
    loop.exec();
}

std::unique_ptr<SharedSecretStore> secretStoreFor(const QString &backend)
{
    auto store = std::make_unique<SharedSecretStore>(configDir());
    if (backend == QLatin1String("file"))
        store->setPrimary(store->file());
    else
        store->setPrimary(store->keychain());
    return store;
}

bool resolveToken(Context &ctx, QString &token, int *exitCode)
{
    if (!ctx.global.token.isEmpty()) {
        token = ctx.global.token;
        return true;
    }
    if (ctx.global.account.isEmpty()) {
        ctx.err << "error: no access token: pass --token, set TELEGRAPH_ACCESS_TOKEN or use "
                   "--account NAME\n";
        *exitCode = ExitUsage;
        return false;
    }
    std::unique_ptr<SecretStore> probe = secretStoreFor(QString());
    AccountStore accounts(configDir(), probe.get());
    const auto saved = accounts.account(ctx.global.account);
    if (!saved) {
        ctx.err << "error: no saved account named '" << ctx.global.account
                << "' (see telegraph account list)\n";
        *exitCode = ExitUsage;
        return false;
    }
    // The shared store: wherever the app or this tool saved it (keychain, then the file).
    std::unique_ptr<SecretStore> store = secretStoreFor(saved->secretBackend);
    const SecretStore::Result r =
        store->readSecretSync(AccountStore::secretKey(ctx.global.account));
    if (!r.ok()) {
        ctx.err << "error: cannot read the token of '" << ctx.global.account
                << "' from the keychain or " << insecureTokenFile() << ": " << r.message << '\n';
        *exitCode = ExitUsage;
        return false;
    }
    token = r.secret;
    return true;
}

std::unique_ptr<TelegraphClient> makeClient(Context &ctx, bool needToken, int *exitCode)
{
    ClientSettings settings;
    QString error;
    if (!clientSettings(ctx.global, settings, &error)) {
        ctx.err << "error: " << error << '\n';
        *exitCode = ExitUsage;
        return nullptr;
    }
    auto client = std::make_unique<TelegraphClient>(settings);
    if (needToken) {
        QString token;
        if (!resolveToken(ctx, token, exitCode))
            return nullptr;
        client->setAccessToken(token);
    } else if (!ctx.global.token.isEmpty()) {
        client->setAccessToken(ctx.global.token);
    }
    QObject::connect(client.get(), &TelegraphClient::floodWaitStarted, client.get(),
                     [&ctx](int seconds) {
                         ctx.err << "flood control: waiting " << seconds << " s before retrying\n";
                         ctx.err.flush();
                     });
    return client;
}

namespace {

QByteArray jsonString(const QString &s)
{
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

} // namespace

QByteArray pageToJson(const Page &page)
{
    QByteArray out = "{\"path\":" + jsonString(page.path) + ",\"url\":" + jsonString(page.url) +
                     ",\"title\":" + jsonString(page.title) +
                     ",\"description\":" + jsonString(page.description);
    if (!page.authorName.isEmpty())
        out += ",\"author_name\":" + jsonString(page.authorName);
    if (!page.authorUrl.isEmpty())
        out += ",\"author_url\":" + jsonString(page.authorUrl);
    if (!page.imageUrl.isEmpty())
        out += ",\"image_url\":" + jsonString(page.imageUrl);
    if (page.hasContent)
        out += ",\"content\":" + toJson(page.content);
    out += ",\"views\":" + QByteArray::number(page.views);
    if (page.canEdit)
        out += QByteArray(",\"can_edit\":") + (*page.canEdit ? "true" : "false");
    return out + '}';
}

QByteArray accountToJson(const Account &a)
{
    QJsonObject o;
    o.insert(QLatin1String("short_name"), a.shortName);
    o.insert(QLatin1String("author_name"), a.authorName);
    o.insert(QLatin1String("author_url"), a.authorUrl);
    if (!a.accessToken.isEmpty())
        o.insert(QLatin1String("access_token"), a.accessToken);
    if (!a.authUrl.isEmpty())
        o.insert(QLatin1String("auth_url"), a.authUrl);
    if (a.pageCount >= 0)
        o.insert(QLatin1String("page_count"), a.pageCount);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void printJson(Context &ctx, const QByteArray &json)
{
    if (ctx.global.json) {
        ctx.out << QString::fromUtf8(json) << '\n';
        return;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error == QJsonParseError::NoError && !doc.isNull())
        ctx.out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    else
        ctx.out << QString::fromUtf8(json) << '\n';
}

bool readInput(Context &ctx, const QString &path, QByteArray &out, QString *error)
{
    if (path == QLatin1String("-")) {
        out = ctx.in.readAll();
        return true;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    out = f.readAll();
    return true;
}

} // namespace tg::cli
