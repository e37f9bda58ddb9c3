// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/httplimits.h"
#include "sandbox/httpmessage.h"

#include <QByteArray>

namespace tg::sandbox {

/// Incremental HTTP/1.1 request parser of the sandbox's server, free of sockets and event
/// loops: raw bytes go in with append(), complete requests (or one specific error) come out of
/// next(). Every step is bounded by HttpLimits: the head (and chunked trailers) by
/// maxHeaderBytes, the target by maxTargetBytes, the decoded body by maxBodyBytes. Each input
/// byte is looked at a bounded number of times, so cost stays linear in the input.
class HttpRequestParser
{
public:
    /// What next() found.
    enum class Status
    {
        NeedMore, ///< no complete request yet; append more bytes
        Continue, ///< the head asked for `100-continue` and its body is not here yet (once)
        Request,  ///< a complete request is ready: takeRequest()
        Error,    ///< the input is refused: errorStatus()/errorMessage(); the parser is done
    };

    /// Where the request being read stands; drives the connection's timeouts.
    enum class Phase
    {
        Idle, ///< nothing of a next request has arrived (stray empty lines do not count)
        Head, ///< part of a request line or header block is here
        Body, ///< the head is complete, the body is being read
    };

    explicit HttpRequestParser(const HttpLimits &limits = {});

    /// Adds received bytes.
    void append(const QByteArray &data);
    void append(const char *data, qsizetype size);

    /// Parses as far as the buffered bytes allow.
    Status next();
    /// The request found by the last next() that answered Request.
    HttpRequest takeRequest();

    Phase phase() const;
    /// Received bytes not yet consumed by a request (what a pipelining client has queued).
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }
    /// HTTP status and message of the error (400, 408, 413, 431 or 501).
    int errorStatus() const { return m_errorStatus; }
    QByteArray errorMessage() const { return m_errorMessage; }

private:
    enum class State
    {
        Head,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        FixedBody,
        Done,
        Failed,
    };

    Status parseHeadBlock();
    Status parseChunkSize();
    Status parseTrailers();
    Status complete();
    Status fail(int status, const char *message);
    bool parseHead(const char *begin, qsizetype size);
    /// Drops consumed bytes once they make up most of the buffer (amortised linear).
    void compact();

    HttpLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0;  ///< first unconsumed byte of m_buffer
    qsizetype m_scan = 0; ///< where the search for the current line or head end resumes
    State m_state = State::Head;
    HttpRequest m_request;
    qsizetype m_remaining = 0;    ///< body bytes (fixed) or chunk bytes still to read
    qsizetype m_trailerBytes = 0; ///< head plus trailer bytes of the current chunked request
    bool m_expectContinue = false;
    int m_errorStatus = 0;
    QByteArray m_errorMessage;
};

} // namespace tg::sandbox
