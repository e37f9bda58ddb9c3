// SPDX-License-Identifier: MIT
#pragma once

#include "api/accountjob.h"
#include "api/apirequests.h"
#include "api/clientsettings.h"
#include "api/pagejob.h"
#include "api/pagelistjob.h"
#include "api/pageviewsjob.h"
#include "api/uploadjob.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

class QNetworkAccessManager;

namespace tg {

class RequestScheduler;
class TelegraphUploadHost;

/// The Telegraph API client: one method per API call, each returning a job that is already
/// queued (connect to it right away; it runs once control returns to the event loop). Requests
/// are validated before sending, POSTed as compact JSON, run with bounded concurrency, writes of
/// one token one at a time, optional flood-wait handling and bounded retries. Tokens never
/// appear in messages or logs.
class TelegraphClient : public QObject
{
    Q_OBJECT
public:
    explicit TelegraphClient(const ClientSettings &settings = {}, QObject *parent = nullptr);
    /// Uses `manager` for requests (more managers with the same proxy are added when the
    /// concurrency needs more than Qt's 6 HTTP/1.1 connections per host).
    TelegraphClient(QNetworkAccessManager *manager, const ClientSettings &settings,
                    QObject *parent = nullptr);
    ~TelegraphClient() override;

    const ClientSettings &settings() const;
    void setSettings(const ClientSettings &settings);

    /// The token used when a request does not name one.
    QString accessToken() const { return m_token; }
    void setAccessToken(const QString &token);

    AccountJob *createAccount(const CreateAccountRequest &request);
    AccountJob *editAccountInfo(const EditAccountRequest &request);
    AccountJob *getAccountInfo(const AccountInfoRequest &request = {});
    /// Revokes `token` (default: the client's); when it was the client's token, the new one
    /// replaces it on success.
    AccountJob *revokeAccessToken(const QString &token = {});
    PageJob *createPage(const PageRequest &request);
    PageJob *editPage(const PageRequest &request);
    PageJob *getPage(const GetPageRequest &request);
    PageListJob *getPageList(const PageListRequest &request = {});
    PageViewsJob *getViews(const ViewsRequest &request);

    /// Low-level call of any method with a JSON object of parameters and an optional path
    /// segment; the job's resultJson() is the raw result. Known read methods get read retries;
    /// methods with an access_token starting with create/edit/revoke are serialized per token.
    ApiJob *callMethod(const QString &method, const QJsonObject &params = {},
                       const QString &path = {});
    /// Like callMethod() with the body given as raw JSON object bytes (order kept).
    ApiJob *callMethodRaw(const QString &method, const QByteArray &jsonObject,
                          const QString &path = {});

    /// The legacy telegra.ph /upload (switched off on the real servers; the refusal is shown).
    UploadJob *upload(const QString &filePath);
    /// The legacy upload as an ImageHost, for code that takes any host.
    TelegraphUploadHost *legacyUploadHost();

    /// The first network manager (for image hosts that should share the client's proxy).
    QNetworkAccessManager *networkManager();
    /// The scheduler, for diagnostics (requests in flight, peak, flood pauses).
    RequestScheduler *scheduler() const { return m_scheduler; }

    /// The check done before sending a page; an error with category None when it may be sent.
    static ApiError validatePageRequest(const PageRequest &request, bool edit);

Q_SIGNALS:
    /// The client's token was replaced (createAccount, revokeAccessToken, setAccessToken).
    void accessTokenChanged();
    /// Writes of an account are paused for `seconds` after FLOOD_WAIT_n; they resume at `until`.
    void floodWaitStarted(int seconds, const QDateTime &until);
    /// A flood pause ended.
    void floodWaitFinished();

private:
    template<typename Job>
    Job *submit(Job *job, const QString &method, const QByteArray &body, const QString &token,
                bool write, const QString &path = {});
    QString tokenFor(const QString &requested) const;

    RequestScheduler *m_scheduler = nullptr;
    TelegraphUploadHost *m_uploadHost = nullptr;
    QString m_token;
};

} // namespace tg
