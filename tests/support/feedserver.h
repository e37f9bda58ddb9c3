// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace tg::test {

/// Answers every GET with one canned HTTP response (or never, to test the time limit).
class FeedServer : public QTcpServer
{
public:
    int status = 200;
    QByteArray body;
    bool hang = false;
    int requests = 0;
    QByteArray lastRequest;

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path = QStringLiteral("/feed.json")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            lastRequest += socket->readAll();
            if (!lastRequest.contains("\r\n\r\n"))
                return;
            ++requests;
            if (hang)
                return;
            const QByteArray reason = status == 200 ? "OK" : "Error";
            socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                          "\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

} // namespace tg::test
