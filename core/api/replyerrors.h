// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"

#include <QByteArray>

class QNetworkReply;
class QNetworkRequest;
class QUrl;

namespace tg {

/// Whether two URLs have the same origin: scheme, host and port (default ports filled in).
bool sameOrigin(const QUrl &a, const QUrl &b);

/// Guards a request that carries credentials (an access token in the body or query, API-key
/// headers) before it is sent: redirects are left to guardReply(), at most 5 of them.
void guardRequest(QNetworkRequest &request);

/// Guards a reply of a guardRequest() request: a redirect is followed only within the origin
/// of the original URL (anything else is refused before a byte goes to the other host), and an
/// answer longer than `maxBytes` is cut off. transportError() then reports either clearly.
void guardReply(QNetworkReply *reply, qint64 maxBytes);

/// The transport-level error of a finished reply (network, timeout, TLS, cancelled), or an error
/// with category None when an HTTP response arrived in full and its body should be judged.
ApiError transportError(QNetworkReply *reply, bool cancelRequested, int timeoutMs);

/// The Protocol error for an HTTP answer whose body is not what was expected: an HTML page, an
/// empty or truncated body, HTTP 5xx.
ApiError protocolError(int httpStatus, const QByteArray &body, const QString &expected);

/// Judges an API answer: a JSON object with a boolean "ok". On success returns None and stores
/// the raw bytes of "result"; otherwise the Api/FloodWait/Protocol error.
ApiError judgeEnvelope(int httpStatus, const QByteArray &body, QByteArray *result);

} // namespace tg
