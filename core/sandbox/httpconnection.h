// SPDX-License-Identifier: MIT
#pragma once

#include "httplimits.h"
#include "httpmessage.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace tg::sandbox {

/// One client connection of the sandbox's HTTP/1.1 server: reads requests (Content-Length or
/// chunked bodies, keep-alive, one request at a time), enforces the limits and timeouts, hands
/// each request to the handler and writes its answer, honouring the response's fault and delay.
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
        Headers,
        Body,
        Busy,
        Closing
    };

    void onReadyRead();
    void processBuffer();
    bool parseHead(qsizetype headEnd);
    bool readChunkedBody();
    void dispatch();
    void deliver(const HttpResponse &response);
    void writeResponse(const HttpResponse &response, bool keepAlive, bool truncate);
    void fail(int status, const QByteArray &message);
    void onTimeout();
    void finish();

    QTcpSocket *m_socket = nullptr;
    HttpLimits m_limits;
    Handler m_handler;
    QTimer m_timer;
    QByteArray m_buffer;
    State m_state = State::Headers;
    HttpRequest m_request;
    qsizetype m_contentLength = 0;
    bool m_chunked = false;
    bool m_finished = false;
};

} // namespace tg::sandbox
