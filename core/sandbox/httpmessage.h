// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace tg::sandbox {

/// One parsed HTTP/1.1 request as the sandbox's own server hands it to its handler.
struct HttpRequest
{
    QByteArray method;  ///< e.g. "GET", upper case as received
    QByteArray target;  ///< request target as received (path and query, still percent-encoded)
    QByteArray path;    ///< the part of the target before '?', still percent-encoded
    QByteArray query;   ///< the part after '?', without it
    QByteArray version; ///< "HTTP/1.1" or "HTTP/1.0"
    QList<QPair<QByteArray, QByteArray>> headers; ///< names lower-cased, values trimmed
    QByteArray body;                              ///< decoded body (de-chunked)

    /// Value of the first header with this lower-case name, or an empty array.
    QByteArray header(const QByteArray &lowerName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerName)
                return h.second;
        }
        return {};
    }
};

/// What the handler answers; besides a normal response it can ask the connection to misbehave
/// (the fault injection that tests of clients need).
struct HttpResponse
{
    /// How the connection delivers the response.
    enum class Fault
    {
        None,     ///< a normal, complete response
        Truncate, ///< headers announce the full length, half of the body is sent, then close
        Reset,    ///< the connection is reset (RST) without any response
        Stall,    ///< nothing is ever sent; the connection stays open until the stall timeout
    };

    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    Fault fault = Fault::None;
    int delayMs = 0;    ///< added latency before anything is sent
    bool close = false; ///< close the connection after this response

    static HttpResponse json(const QByteArray &body, int status = 200)
    {
        HttpResponse r;
        r.status = status;
        r.body = body;
        return r;
    }
    static HttpResponse html(const QByteArray &body, int status = 200)
    {
        HttpResponse r;
        r.status = status;
        r.contentType = QByteArrayLiteral("text/html; charset=utf-8");
        r.body = body;
        return r;
    }
};

/// The reason phrase for a status code, for the status line and error pages.
inline QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 410:
        return QByteArrayLiteral("Gone");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArrayLiteral("Unknown");
    }
}

} // namespace tg::sandbox
