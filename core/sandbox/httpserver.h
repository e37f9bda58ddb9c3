// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/httpconnection.h"
#include "sandbox/httplimits.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>

class QTcpServer;
class QTcpSocket;

namespace tg::sandbox {

/// A small HTTP/1.1 server over QTcpServer. Unlike QHttpServer (a preview in Qt 6.4) it keeps
/// control of the socket, which the sandbox's faults (reset, stall, truncation) and limits need.
/// At most HttpLimits::maxConnections connections are open; one more is answered `503` and
/// closed.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    explicit HttpServer(HttpConnection::Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    void setLimits(const HttpLimits &limits) { m_limits = limits; }
    const HttpLimits &limits() const { return m_limits; }

    /// Binds and listens; port 0 picks a free port. False when the address cannot be bound.
    bool listen(const QHostAddress &address, quint16 port = 0);
    bool isListening() const;
    QHostAddress address() const;
    quint16 port() const;
    QString errorString() const;
    /// Stops listening and drops every open connection.
    void close();
    /// Number of connections currently open.
    int connectionCount() const { return int(m_connections.size()); }

private:
    void onNewConnection();
    /// Answers a connection over the cap with 503 and closes it.
    void reject(QTcpSocket *socket);

    HttpConnection::Handler m_handler;
    HttpLimits m_limits;
    QTcpServer *m_server = nullptr;
    QSet<HttpConnection *> m_connections;
    int m_rejecting = 0;
};

} // namespace tg::sandbox
