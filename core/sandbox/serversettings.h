// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/httplimits.h"

#include <QDateTime>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace tg::sandbox {

/// The ways a response can be made to fail on purpose (fault injection for client tests).
enum class FaultKind
{
    Http500,   ///< HTTP 500 with a plain-text body
    HtmlError, ///< HTTP 502 with an nginx-style HTML error page instead of JSON
    Truncate,  ///< a JSON answer cut in half (after the request took effect), then close
    Reset,     ///< the connection is reset without an answer (the request has no effect)
    Stall,     ///< no answer at all until the client gives up (the request has no effect)
};

/// Command-line / control-endpoint name of a fault kind: http500, html, truncate, reset, stall.
QString faultKindName(FaultKind kind);
/// Parses a name as written by faultKindName; false when it is unknown.
bool parseFaultKind(const QString &name, FaultKind *kind);

/// Flood control: a token bucket per account. burst 0 turns it off.
struct FloodSettings
{
    int burst = 20;          ///< writes allowed in a row
    double intervalSec = 3.; ///< one more write becomes possible every interval
};

/// Fault injection: a fraction of API calls (and uploads) fail in one of the enabled ways.
struct FaultSettings
{
    double rate = 0.;       ///< 0..1, share of requests that fail
    QList<FaultKind> kinds; ///< chosen uniformly; empty means every kind
    double pageSaveFailedRate =
        0.;            ///< 0..1, share of createPage/editPage answering PAGE_SAVE_FAILED
    int latencyMs = 0; ///< added to every API, upload and page answer
};

/// Everything a sandbox Server is configured with.
struct ServerSettings
{
    /// Folder holding sandbox.sqlite and the uploaded files; empty keeps everything in memory.
    QString dataDir;
    /// Base of page URLs (`<publicUrl>/<path>`) and of upload `src`s; empty: the server's own URL.
    QUrl publicUrl;
    /// The port listen() tries first when asked for any port (0), so a data folder keeps its
    /// address across restarts; when it is taken, another free port is used (and pages served
    /// then name that port where their content names a public URL on the preferred one). 0: none.
    quint16 preferredPort = 0;
    /// Legacy /upload: true answers like telegra.ph before 2024-09; false like it does today.
    bool uploadEnabled = true;
    FloodSettings flood;
    FaultSettings faults;
    HttpLimits limits;
    /// Current time; tests inject a fake clock. Defaults to the system clock (UTC).
    std::function<QDateTime()> clock;
    /// Seed for the fault/PAGE_SAVE_FAILED dice; 0 seeds from the system.
    quint32 randomSeed = 0;
};

} // namespace tg::sandbox
