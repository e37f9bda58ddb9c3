// SPDX-License-Identifier: MIT
#include "sandbox/httpserver.h"

#include "sandbox/sandboxlog.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace tg::sandbox {

namespace {

/// Connections being turned away at once; past it, further ones are dropped without an answer.
constexpr int MaxRejecting = 64;
/// How long a turned-away client gets to read its 503 before the connection is dropped.
constexpr int RejectLingerMs = 2000;

} // namespace

HttpServer::HttpServer(HttpConnection::Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_server(new QTcpServer(this))
{
    m_server->setMaxPendingConnections(1024);
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

bool HttpServer::isListening() const
{
    return m_server->isListening();
}

QHostAddress HttpServer::address() const
{
    return m_server->serverAddress();
}

quint16 HttpServer::port() const
{
    return m_server->serverPort();
}

QString HttpServer::errorString() const
{
    return m_server->errorString();
}

void HttpServer::close()
{
    m_server->close();
    const QSet<HttpConnection *> open = m_connections;
    m_connections.clear();
    for (HttpConnection *c : open) {
        disconnect(c, nullptr, this, nullptr);
        c->abort();
    }
}

void HttpServer::reject(QTcpSocket *socket)
{
    if (m_rejecting >= MaxRejecting) {
        qCDebug(lcSandbox) << "dropped a connection from" << socket->peerAddress().toString()
                           << "without an answer:" << m_rejecting << "are being turned away";
        socket->abort();
        socket->deleteLater();
        return;
    }
    qCDebug(lcSandbox) << "turned away a connection from" << socket->peerAddress().toString()
                       << "with 503: the limit of" << m_limits.maxConnections
                       << "open connections is reached";
    ++m_rejecting;
    socket->setParent(this);
    connect(socket, &QObject::destroyed, this, [this] { --m_rejecting; });
    // The request is read and thrown away, so closing does not reset the connection (a reset
    // can destroy the answer before the client reads it); the write side is shut once the 503
    // is out, and the client's close ends it.
    connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
        if (socket->bytesToWrite() == 0 && socket->socketDescriptor() >= 0)
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    });
    QTimer::singleShot(RejectLingerMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    const QByteArray body = "{\"ok\":false,\"error\":\"Too many open connections (the limit is " +
                            QByteArray::number(m_limits.maxConnections) + ")\"}";
    socket->write("HTTP/1.1 503 Service Unavailable\r\nServer: telegraph-sandbox\r\n"
                  "Content-Type: application/json\r\nContent-Length: " +
                  QByteArray::number(body.size()) +
                  "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + body);
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_connections.size() >= m_limits.maxConnections) {
            reject(socket);
            continue;
        }
        auto *connection = new HttpConnection(socket, m_limits, m_handler, this);
        m_connections.insert(connection);
        connect(connection, &HttpConnection::closed, this,
                [this, connection] { m_connections.remove(connection); });
    }
}

} // namespace tg::sandbox
