// SPDX-License-Identifier: MIT
#include "api/telegraphclient.h"

#include "api/apilog.h"
#include "api/requestscheduler.h"
#include "api/telegraphuploadhost.h"
#include "content/validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include "api/translatedtext.h"

namespace tg {

namespace {

using C = ApiError::Category;

/// Builds a compact JSON object in insertion order, with raw JSON members (page content) kept
/// byte for byte.
class JsonBody
{
public:
    JsonBody &raw(const char *key, const QByteArray &json)
    {
        m_out += m_out.isEmpty() ? '{' : ',';
        m_out += '"';
        m_out += key;
        m_out += "\":";
        m_out += json;
        return *this;
    }
    JsonBody &str(const char *key, const QString &value) { return raw(key, encode(value)); }
    JsonBody &num(const char *key, qint64 value) { return raw(key, QByteArray::number(value)); }
    JsonBody &boolean(const char *key, bool value) { return raw(key, value ? "true" : "false"); }
    QByteArray done() const { return m_out.isEmpty() ? QByteArray("{}") : m_out + '}'; }

    static QByteArray encode(const QString &s)
    {
        const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
        return a.mid(1, a.size() - 2);
    }

private:
    QByteArray m_out;
};

ApiError invalid(const QString &code, const QString &message)
{
    return ApiError::make(C::Validation, message, code);
}

ApiError checkLength(const QString &value, int min, int max, const QString &field,
                     const QString &prefix)
{
    const qsizetype n = codePointCount(value);
    if (n < min)
        return invalid(prefix + QStringLiteral("_REQUIRED"),
                       ClientText::tr("%1 is required").arg(field));
    if (n > max)
        return invalid(prefix + QStringLiteral("_TOO_LONG"),
                       ClientText::tr("%1 is %2 characters long; at most %3 are allowed")
                           .arg(field)
                           .arg(n)
                           .arg(max));
    return {};
}

ApiError checkAuthor(const std::optional<QString> &name, const std::optional<QString> &url)
{
    if (name) {
        ApiError e = checkLength(*name, 0, 128, ClientText::tr("The author name"),
                                 QStringLiteral("AUTHOR_NAME"));
        if (e.isError())
            return e;
    }
    if (url) {
        ApiError e = checkLength(*url, 0, 512, ClientText::tr("The author URL"),
                                 QStringLiteral("AUTHOR_URL"));
        if (e.isError())
            return e;
    }
    return {};
}

bool isReadMethod(const QString &method)
{
    return method == QLatin1String("getAccountInfo") || method == QLatin1String("getPage") ||
           method == QLatin1String("getPageList") || method == QLatin1String("getViews");
}

} // namespace

TelegraphClient::TelegraphClient(const ClientSettings &settings, QObject *parent)
    : TelegraphClient(nullptr, settings, parent)
{}

TelegraphClient::TelegraphClient(QNetworkAccessManager *manager, const ClientSettings &settings,
                                 QObject *parent)
    : QObject(parent)
    , m_scheduler(new RequestScheduler(settings, manager, this))
{
    connect(m_scheduler, &RequestScheduler::floodWaitStarted, this,
            &TelegraphClient::floodWaitStarted);
    connect(m_scheduler, &RequestScheduler::floodWaitFinished, this,
            &TelegraphClient::floodWaitFinished);
}

TelegraphClient::~TelegraphClient() = default;

const ClientSettings &TelegraphClient::settings() const
{
    return m_scheduler->settings();
}

void TelegraphClient::setSettings(const ClientSettings &settings)
{
    m_scheduler->setSettings(settings);
    delete m_uploadHost;
    m_uploadHost = nullptr;
}

void TelegraphClient::setAccessToken(const QString &token)
{
    if (token == m_token)
        return;
    m_token = token;
    Q_EMIT accessTokenChanged();
}

QNetworkAccessManager *TelegraphClient::networkManager()
{
    return m_scheduler->networkManager();
}

QString TelegraphClient::tokenFor(const QString &requested) const
{
    return requested.isEmpty() ? m_token : requested;
}

template<typename Job>
Job *TelegraphClient::submit(Job *job, const QString &method, const QByteArray &body,
                             const QString &token, bool write, const QString &path)
{
    job->m_path = path;
    job->m_body = body;
    job->m_token = token;
    job->m_write = write;
    job->m_idempotent = isReadMethod(method);
    job->m_retrySaveFailed =
        method == QLatin1String("createPage") || method == QLatin1String("editPage");
    const QString settingsError = settings().validate();
    if (!settingsError.isEmpty()) {
        qCWarning(lcApi) << method << "not sent: the client settings are invalid:"
                         << redactTokens(settingsError);
        job->finishErrorLater(invalid(QStringLiteral("SETTINGS_INVALID"), settingsError));
        return job;
    }
    m_scheduler->submit(job);
    return job;
}

AccountJob *TelegraphClient::createAccount(const CreateAccountRequest &request)
{
    auto *job = new AccountJob(QStringLiteral("createAccount"), this);
    ApiError e = checkLength(request.shortName, 1, 32, ClientText::tr("The short name"),
                             QStringLiteral("SHORT_NAME"));
    if (!e.isError())
        e = checkAuthor(request.authorName, request.authorUrl);
    if (e.isError()) {
        job->finishErrorLater(e);
        return job;
    }
    JsonBody body;
    body.str("short_name", request.shortName);
    if (!request.authorName.isEmpty())
        body.str("author_name", request.authorName);
    if (!request.authorUrl.isEmpty())
        body.str("author_url", request.authorUrl);
    if (request.replaceToken) {
        connect(job, &ApiJob::succeeded, this,
                [this, job] { setAccessToken(job->account().accessToken); });
    }
    return submit(job, job->method(), body.done(), QString(), false);
}

AccountJob *TelegraphClient::editAccountInfo(const EditAccountRequest &request)
{
    auto *job = new AccountJob(QStringLiteral("editAccountInfo"), this);
    const QString token = tokenFor(request.accessToken);
    ApiError e;
    if (token.isEmpty())
        e = invalid(QStringLiteral("ACCESS_TOKEN_REQUIRED"),
                    ClientText::tr("No access token is set"));
    if (!e.isError() && request.shortName)
        e = checkLength(*request.shortName, 1, 32, ClientText::tr("The short name"),
                        QStringLiteral("SHORT_NAME"));
    if (!e.isError())
        e = checkAuthor(request.authorName, request.authorUrl);
    if (e.isError()) {
        job->finishErrorLater(e);
        return job;
    }
    JsonBody body;
    body.str("access_token", token);
    if (request.shortName)
        body.str("short_name", *request.shortName);
    if (request.authorName)
        body.str("author_name", *request.authorName);
    if (request.authorUrl)
        body.str("author_url", *request.authorUrl);
    return submit(job, job->method(), body.done(), token, true);
}

AccountJob *TelegraphClient::getAccountInfo(const AccountInfoRequest &request)
{
    auto *job = new AccountJob(QStringLiteral("getAccountInfo"), this);
    const QString token = tokenFor(request.accessToken);
    if (token.isEmpty()) {
        job->finishErrorLater(invalid(QStringLiteral("ACCESS_TOKEN_REQUIRED"),
                                      ClientText::tr("No access token is set")));
        return job;
    }
    static const QStringList known = {QStringLiteral("short_name"), QStringLiteral("author_name"),
                                      QStringLiteral("author_url"), QStringLiteral("auth_url"),
                                      QStringLiteral("page_count")};
    for (const QString &f : request.fields) {
        if (!known.contains(f)) {
            job->finishErrorLater(invalid(QStringLiteral("FIELDS_FORMAT_INVALID"),
                                          ClientText::tr("Unknown account field '%1' (known: %2)")
                                              .arg(f, known.join(QStringLiteral(", ")))));
            return job;
        }
    }
    JsonBody body;
    body.str("access_token", token);
    if (!request.fields.isEmpty()) {
        QJsonArray fields;
        for (const QString &f : request.fields)
            fields.append(f);
        body.raw("fields", QJsonDocument(fields).toJson(QJsonDocument::Compact));
    }
    return submit(job, job->method(), body.done(), token, false);
}

AccountJob *TelegraphClient::revokeAccessToken(const QString &requested)
{
    auto *job = new AccountJob(QStringLiteral("revokeAccessToken"), this);
    const QString token = tokenFor(requested);
    if (token.isEmpty()) {
        job->finishErrorLater(invalid(QStringLiteral("ACCESS_TOKEN_REQUIRED"),
                                      ClientText::tr("No access token is set")));
        return job;
    }
    connect(job, &ApiJob::succeeded, this, [this, job, token] {
        if (token == m_token && !job->account().accessToken.isEmpty())
            setAccessToken(job->account().accessToken);
    });
    JsonBody body;
    body.str("access_token", token);
    return submit(job, job->method(), body.done(), token, true);
}

ApiError TelegraphClient::validatePageRequest(const PageRequest &request, bool edit)
{
    if (edit && request.path.trimmed().isEmpty())
        return invalid(QStringLiteral("PATH_REQUIRED"),
                       ClientText::tr("The page path is required"));
    const QList<ValidationIssue> issues =
        validatePage(request.title, request.authorName.value_or(QString()),
                     request.authorUrl.value_or(QString()), request.content);
    if (issues.isEmpty())
        return {};
    QStringList messages;
    for (const ValidationIssue &issue : issues)
        messages.append(issue.message);
    return invalid(issues.first().apiCode(), messages.join(QLatin1Char('\n')));
}

PageJob *TelegraphClient::createPage(const PageRequest &request)
{
    auto *job = new PageJob(QStringLiteral("createPage"), this);
    const QString token = tokenFor(request.accessToken);
    ApiError e;
    if (token.isEmpty())
        e = invalid(QStringLiteral("ACCESS_TOKEN_REQUIRED"),
                    ClientText::tr("No access token is set"));
    if (!e.isError())
        e = validatePageRequest(request, false);
    if (e.isError()) {
        job->finishErrorLater(e);
        return job;
    }
    JsonBody body;
    body.str("access_token", token).str("title", request.title);
    if (request.authorName)
        body.str("author_name", *request.authorName);
    if (request.authorUrl)
        body.str("author_url", *request.authorUrl);
    body.raw("content", toJson(request.content));
    if (request.returnContent)
        body.boolean("return_content", true);
    return submit(job, job->method(), body.done(), token, true);
}

PageJob *TelegraphClient::editPage(const PageRequest &request)
{
    auto *job = new PageJob(QStringLiteral("editPage"), this);
    const QString token = tokenFor(request.accessToken);
    ApiError e;
    if (token.isEmpty())
        e = invalid(QStringLiteral("ACCESS_TOKEN_REQUIRED"),
                    ClientText::tr("No access token is set"));
    if (!e.isError())
        e = validatePageRequest(request, true);
    if (e.isError()) {
        job->finishErrorLater(e);
        return job;
    }
    JsonBody body;
    body.str("access_token", token).str("path", request.path).str("title", request.title);
    if (request.authorName)
        body.str("author_name", *request.authorName);
    if (request.authorUrl)
        body.str("author_url", *request.authorUrl);
    body.raw("content", toJson(request.content));
    if (request.returnContent)
        body.boolean("return_content", true);
    return submit(job, job->method(), body.done(), token, true);
}

PageJob *TelegraphClient::getPage(const GetPageRequest &request)
{
    auto *job = new PageJob(QStringLiteral("getPage"), this);
    if (request.path.trimmed().isEmpty()) {
        job->finishErrorLater(
            invalid(QStringLiteral("PATH_REQUIRED"), ClientText::tr("The page path is required")));
        return job;
    }
    JsonBody body;
    body.str("path", request.path);
    if (request.returnContent)
        body.boolean("return_content", true);
    if (!request.accessToken.isEmpty())
        body.str("access_token", request.accessToken);
    return submit(job, job->method(), body.done(), request.accessToken, false);
}

PageListJob *TelegraphClient::getPageList(const PageListRequest &request)
{
    auto *job = new PageListJob(QStringLiteral("getPageList"), this);
    const QString token = tokenFor(request.accessToken);
    ApiError e;
    if (token.isEmpty())
        e = invalid(QStringLiteral("ACCESS_TOKEN_REQUIRED"),
                    ClientText::tr("No access token is set"));
    else if (request.offset < 0)
        e = invalid(QStringLiteral("OFFSET_INVALID"),
                    ClientText::tr("The offset must not be negative"));
    else if (request.limit < 0 || request.limit > 200)
        e = invalid(QStringLiteral("LIMIT_INVALID"),
                    ClientText::tr("The limit must be from 0 to 200"));
    if (e.isError()) {
        job->finishErrorLater(e);
        return job;
    }
    JsonBody body;
    body.str("access_token", token).num("offset", request.offset).num("limit", request.limit);
    return submit(job, job->method(), body.done(), token, false);
}

PageViewsJob *TelegraphClient::getViews(const ViewsRequest &request)
{
    auto *job = new PageViewsJob(QStringLiteral("getViews"), this);
    ApiError e;
    if (request.path.trimmed().isEmpty())
        e = invalid(QStringLiteral("PATH_REQUIRED"), ClientText::tr("The page path is required"));
    else if (request.year != 0 && (request.year < 2000 || request.year > 2100))
        e = invalid(QStringLiteral("YEAR_INVALID"),
                    ClientText::tr("The year must be from 2000 to 2100"));
    else if (request.month != 0 && (request.month < 1 || request.month > 12))
        e = invalid(QStringLiteral("MONTH_INVALID"),
                    ClientText::tr("The month must be from 1 to 12"));
    else if (request.day != 0 && (request.day < 1 || request.day > 31))
        e = invalid(QStringLiteral("DAY_INVALID"), ClientText::tr("The day must be from 1 to 31"));
    else if (request.hour != -1 && (request.hour < 0 || request.hour > 23))
        e = invalid(QStringLiteral("HOUR_INVALID"),
                    ClientText::tr("The hour must be from 0 to 23"));
    else if (request.month != 0 && request.year == 0)
        e = invalid(QStringLiteral("YEAR_REQUIRED"), ClientText::tr("A month needs a year"));
    else if (request.day != 0 && request.month == 0)
        e = invalid(QStringLiteral("MONTH_REQUIRED"), ClientText::tr("A day needs a month"));
    else if (request.hour != -1 && request.day == 0)
        e = invalid(QStringLiteral("DAY_REQUIRED"), ClientText::tr("An hour needs a day"));
    if (e.isError()) {
        job->finishErrorLater(e);
        return job;
    }
    JsonBody body;
    body.str("path", request.path);
    if (request.year)
        body.num("year", request.year);
    if (request.month)
        body.num("month", request.month);
    if (request.day)
        body.num("day", request.day);
    if (request.hour >= 0)
        body.num("hour", request.hour);
    return submit(job, job->method(), body.done(), QString(), false);
}

ApiJob *TelegraphClient::callMethod(const QString &method, const QJsonObject &params,
                                    const QString &path)
{
    return callMethodRaw(method, QJsonDocument(params).toJson(QJsonDocument::Compact), path);
}

ApiJob *TelegraphClient::callMethodRaw(const QString &method, const QByteArray &jsonObject,
                                       const QString &path)
{
    auto *job = new ApiJob(method, this);
    static const QRegularExpression validMethod(QStringLiteral("^[A-Za-z][A-Za-z0-9_]{0,63}$"));
    if (!validMethod.match(method).hasMatch()) {
        job->finishErrorLater(invalid(QStringLiteral("METHOD_INVALID"),
                                      ClientText::tr("'%1' is not a method name").arg(method)));
        return job;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(jsonObject, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        job->finishErrorLater(invalid(QStringLiteral("PARAMETERS_INVALID"),
                                      ClientText::tr("The parameters are not a JSON object")));
        return job;
    }
    const QString token = doc.object().value(QLatin1String("access_token")).toString();
    const bool write = !token.isEmpty() && (method.startsWith(QLatin1String("create")) ||
                                            method.startsWith(QLatin1String("edit")) ||
                                            method.startsWith(QLatin1String("revoke")));
    return submit(job, method, jsonObject, token, write, path);
}

TelegraphUploadHost *TelegraphClient::legacyUploadHost()
{
    if (!m_uploadHost) {
        m_uploadHost =
            new TelegraphUploadHost(networkManager(), settings().effectiveSiteUrl(), this);
        m_uploadHost->setTimeoutMs(std::max(settings().timeoutMs, 1));
    }
    return m_uploadHost;
}

UploadJob *TelegraphClient::upload(const QString &filePath)
{
    return legacyUploadHost()->upload(filePath);
}

} // namespace tg
