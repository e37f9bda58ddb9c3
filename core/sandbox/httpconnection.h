// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/httplimits.h"
#include "sandbox/httpmessage.h"
#include "sandbox/httprequestparser.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace tg::sandbox {

/// One client connection of the sandbox's HTTP/1.1 server: reads requests (Content-Length or
/// chunked bodies, keep-alive, one request at a time), enforces the limits and timeouts, hands
/// each request to the handler and writes its answer, honouring the response's fault and delay.
/// Pipelined requests are answered in a loop, a few per event-loop turn; bytes are read from the
/// socket only when the parser needs them, and not at all while the client leaves more than
/// HttpLimits::maxPendingOutputBytes of answers unread (TCP flow control then slows it down).
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    /// Takes ownership of \a socket.
    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, Handler handler,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    /// Drops the connection at once.
    void abort();

Q_SIGNALS:
    /// The connection is gone (closed by either side); the object deletes itself afterwards.
    void closed();

private:
    enum class State
    {
        Reading, ///< reading and answering requests
        Busy,    ///< a request is with the handler or its answer is delayed or stalled
        Closing
    };
    /// What the timer currently guards.
    enum class Timer
    {
        None,
        Idle,    ///< a keep-alive connection waiting for its next request
        Request, ///< a started request that must be complete in time
        Body,    ///< the body of a request whose head is complete
        Output,  ///< answers the client does not read
        Stall,   ///< a stalled (fault) answer, or a closing connection
    };

    void onReadyRead();
    void onBytesWritten();
    /// Reads and answers requests until the parser needs bytes the socket does not have, the
    /// connection is busy or blocked on output, or this turn's budget is spent.
    void pump();
    void schedulePump();
    bool outputBlocked() const;
    void startTimer(Timer what, int ms);
    void dispatch();
    void deliver(const HttpResponse &response);
    void writeResponse(const HttpResponse &response, bool keepAlive, bool truncate);
    void fail(int status, const QByteArray &message);
    /// Sends what is queued, then ends the connection without resetting it.
    void closeGracefully();
    void shutdownWrite();
    void onTimeout();
    void finish();

    QTcpSocket *m_socket = nullptr;
    HttpLimits m_limits;
    Handler m_handler;
    QTimer m_timer;
    Timer m_timerFor = Timer::None;
    HttpRequestParser m_parser;
    State m_state = State::Reading;
    HttpRequest m_request;
    bool m_pumping = false;
    bool m_pumpQueued = false;
    bool m_finished = false;
    bool m_writeShut = false;
    qint64 m_discarded = 0;
};

} // namespace tg::sandbox
