// SPDX-License-Identifier: MIT
#pragma once

#include <QNetworkProxy>
#include <QString>
#include <QUrl>

namespace tg {

/// Proxy choice for the client: none, the system's, or an explicit HTTP/SOCKS5 proxy.
struct ProxySettings
{
    enum class Mode
    {
        System,
        None,
        Http,
        Socks5
    };
    Mode mode = Mode::System;
    QString host;
    quint16 port = 0;
    QString user;
    QString password;

    /// The QNetworkProxy for Http/Socks5/None (System is handled by a proxy factory).
    QNetworkProxy toProxy() const;
    /// Parses "http://[user:pass@]host:port", "socks5://host:port", "none" or "system".
    static bool parse(const QString &spec, ProxySettings &out, QString *error = nullptr);
};

/// Flood-wait policy: when a write answers FLOOD_WAIT_n, pause that token's writes for n seconds
/// plus a margin and retry, as long as n stays within maxWaitSeconds.
struct FloodPolicy
{
    bool waitAndRetry = false; ///< off: FLOOD_WAIT_n fails the job with FloodWait at once
    int maxWaitSeconds = 60;   ///< longer waits fail the job instead
    int marginMs = 500;        ///< added to every wait
    int maxRetries = 5;        ///< flood retries per job
};

/// Bounded retries with exponential backoff for PAGE_SAVE_FAILED and for transport failures
/// (network, timeout, protocol) of idempotent reads.
struct RetryPolicy
{
    int maxRetries = 2;
    int initialBackoffMs = 300;
    double backoffFactor = 2.0;
    /// Each wait is spread randomly by ± this fraction, so clients that failed together do not
    /// retry together (0 = exact exponential waits).
    double jitter = 0.5;
};

/// Everything the client needs to reach a Telegraph server.
struct ClientSettings
{
    /// 16 MiB: far above any real API answer (a full page list is a few hundred KiB).
    static constexpr qint64 DefaultMaxResponseBytes = 16 * 1024 * 1024;

    /// API base URL; methods are <apiUrl>/<method>[/<path>]. Default https://api.telegra.ph.
    QUrl apiUrl = QUrl(QStringLiteral("https://api.telegra.ph"));
    /// Site URL for /upload and page links; empty = derived from apiUrl ("api." dropped).
    QUrl siteUrl;
    ProxySettings proxy;
    int timeoutMs = 30000; ///< per-request transfer timeout (no bytes moving for this long)
    int concurrency = 16;  ///< requests in flight
    /// Largest answer accepted; a longer one is cut off with an error naming the limit.
    qint64 maxResponseBytes = DefaultMaxResponseBytes;
    FloodPolicy flood;
    RetryPolicy retry;

    /// Settings for a known domain: telegra.ph, graph.org or te.legra.ph (api.<domain>).
    static ClientSettings forDomain(const QString &domain);
    /// The three hosts Telegraph is served from.
    static QStringList knownDomains();

    /// The site URL: siteUrl, or apiUrl with a leading "api." removed from the host.
    QUrl effectiveSiteUrl() const;
    /// URL of a method call, with the optional page path as the last segment.
    QUrl methodUrl(const QString &method, const QString &path = {}) const;

    /// Empty when usable; otherwise why not (bad URL, plain http to a non-loopback host, ...).
    QString validate() const;
    /// Whether a URL may be used: https anywhere, http only for loopback hosts.
    static QString checkUrl(const QUrl &url);
};

} // namespace tg
