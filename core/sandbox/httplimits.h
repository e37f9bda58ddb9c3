// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace tg::sandbox {

/// Limits and timeouts of the sandbox's HTTP/1.1 server; what keeps bad or slow clients from
/// exhausting it.
struct HttpLimits
{
    qsizetype maxHeaderBytes = 64 * 1024; ///< request line plus headers; over it: 431
    qsizetype maxTargetBytes = 4096;      ///< request target; over it: 400, like the live proxy
    qsizetype maxBodyBytes = 16 * 1024 * 1024; ///< decoded body; over it: 413
    int requestTimeoutMs = 15000; ///< a started request must be complete within this; else 408
    int idleTimeoutMs = 60000;    ///< an idle keep-alive connection is closed after this
    int stallTimeoutMs = 120000;  ///< a stalled (fault) response closes the connection after this
    int maxConnections = 256;     ///< open connections; one more is answered 503 and closed
    /// Unsent response bytes of one connection; over it, the connection reads no further
    /// requests until the client has taken some of them.
    qint64 maxPendingOutputBytes = 2 * 1024 * 1024;
};

} // namespace tg::sandbox
