// SPDX-License-Identifier: MIT
#include "httpserver.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace tg::sandbox {

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

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, m_limits, m_handler, this);
        m_connections.insert(connection);
        connect(connection, &HttpConnection::closed, this,
                [this, connection] { m_connections.remove(connection); });
    }
}

} // namespace tg::sandbox
