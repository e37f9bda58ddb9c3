// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>
#include <memory>

namespace tg::test {

/// A tiny HTTP server on 127.0.0.1 that answers each complete request (headers and
/// Content-Length body) with the next scripted response (the last one repeats) and keeps every
/// request it received, for tests of redirects, limits and what reaches which host.
class ScriptedServer : public QTcpServer
{
public:
    struct Response
    {
        int status = 200;
        QByteArray headers; ///< extra header lines, each ending in "\r\n"
        QByteArray body;
        bool announceLength = true; ///< false: no Content-Length, the body ends with the connection
    };
    QList<Response> script;
    QList<QByteArray> requests;

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path = QString()) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }
    /// Everything received, all requests together.
    QByteArray received() const { return requests.join(); }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray &line : buffer->left(end).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer->size() < end + 4 + length)
                return;
            requests.append(*buffer);
            buffer->clear();
            const Response r =
                script.isEmpty()
                    ? Response{}
                    : script.at(std::min<qsizetype>(requests.size(), script.size()) - 1);
            QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) +
                              " Scripted\r\nContent-Type: application/json\r\n" + r.headers;
            if (r.announceLength)
                head += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
            socket->write(head + "Connection: close\r\n\r\n" + r.body);
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

} // namespace tg::test
