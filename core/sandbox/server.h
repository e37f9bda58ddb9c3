// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/serversettings.h"

#include <QHostAddress>
#include <QObject>
#include <QRandomGenerator>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace tg::sandbox {

class Api;
class FloodControl;
class HttpServer;
class Store;
struct HttpRequest;
struct HttpResponse;

/// Requests the server has answered since it started: every API method call, the writes among
/// them (createAccount, editAccountInfo, revokeAccessToken, createPage, editPage) and uploads.
/// Tests read it to prove that a run sent nothing (also at GET /_sandbox/stats).
struct ServerStats
{
    qint64 apiCalls = 0;
    qint64 writes = 0;
    qint64 createPage = 0;
    qint64 editPage = 0;
    qint64 uploads = 0;
};

/// telegraph-sandbox: a local server that behaves like the Telegraph API (api.telegra.ph), the
/// page site (GET /<path> counts a view) and the legacy /upload, with SQLite persistence, flood
/// control and fault injection. Tests and the app's offline mode start it in-process; the
/// telegraph-sandbox executable is a thin wrapper. The control endpoint under /_sandbox/ exposes
/// the same knobs as the methods below.
class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(const ServerSettings &settings = {}, QObject *parent = nullptr);
    ~Server() override;

    /// Opens the store and starts listening; port 0 picks the settings' preferred port when it is
    /// free, else any free one. False on failure, see errorString().
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    bool isListening() const;
    /// Stops listening, drops all connections and closes the store.
    void close();
    QString errorString() const { return m_error; }

    /// http://<address>:<port> of the listening server (API, pages, files and control).
    QUrl url() const;
    quint16 port() const;
    /// Base of page URLs: the configured public URL, or url().
    QUrl publicUrl() const;

    const ServerSettings &settings() const { return m_settings; }

    void setFaults(const FaultSettings &faults);
    FaultSettings faults() const { return m_settings.faults; }
    /// New flood settings; every account's budget starts full again.
    void setFlood(const FloodSettings &flood);
    FloodSettings flood() const { return m_settings.flood; }
    void setUploadEnabled(bool enabled) { m_settings.uploadEnabled = enabled; }
    bool uploadEnabled() const { return m_settings.uploadEnabled; }
    /// Records count views of the page at the given time (hour bucket), as if readers had opened
    /// it then; false when the page does not exist. Lets tests build statistics over months.
    bool seedViews(const QString &path, const QDateTime &when, qint64 count = 1);

    /// What the server has answered so far (see ServerStats).
    ServerStats stats() const { return m_stats; }

    /// Answers one HTTP request; public so the routing can be exercised without sockets.
    HttpResponse handle(const HttpRequest &request);

Q_SIGNALS:
    /// An HTTP request was answered (or failed on purpose); for logging.
    void requestHandled(const QByteArray &method, const QByteArray &target, int status);

private:
    HttpResponse handleApi(const QString &method, const QString &pathSegment,
                           const HttpRequest &request);
    HttpResponse handleUpload(const HttpRequest &request);
    HttpResponse handleFile(const QString &name, const HttpRequest &request);
    HttpResponse handleAuth(const QString &code);
    HttpResponse handlePage(const QString &path, const HttpRequest &request);
    HttpResponse handleControl(const QString &action, const HttpRequest &request);
    /// The 403 for a control request from a foreign Host or Origin, if it is one.
    std::optional<HttpResponse> refuseControl(const HttpRequest &request) const;
    QByteArray settingsJson() const;
    /// Rolls the fault dice: the fault this request suffers, if any.
    std::optional<FaultKind> rollFault();
    /// Runs process() unless a fault replaces the answer; adds the configured latency.
    /// A truncation fault lets the request take effect and cuts its answer.
    HttpResponse withFaults(const std::function<HttpResponse()> &process);
    QDateTime now() const;

    ServerSettings m_settings;
    ServerStats m_stats;
    QRandomGenerator m_random;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<FloodControl> m_flood;
    std::unique_ptr<Api> m_api;
    HttpServer *m_http = nullptr;
    QString m_error;
    bool m_storeOpen = false;
};

} // namespace tg::sandbox
