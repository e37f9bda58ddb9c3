// SPDX-License-Identifier: MIT
#pragma once

#include "apierror.h"

#include <QByteArray>

class QNetworkReply;

namespace tg {

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
