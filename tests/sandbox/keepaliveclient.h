// SPDX-License-Identifier: MIT
#pragma once

// A raw keep-alive HTTP/1.1 client over one QTcpSocket, for the concurrency test and the load
// benchmark: QNetworkAccessManager opens at most six connections per host, these open one each.

#include <QElapsedTimer>
#include <QObject>
#include <QTcpSocket>

#include <functional>

namespace tg::test {

/// Sends requests one after another over one connection and reports each complete answer.
class KeepAliveClient : public QObject
{
    Q_OBJECT
public:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        qint64 latencyNs = 0;
    };

    explicit KeepAliveClient(QObject *parent = nullptr)
        : QObject(parent)
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, &KeepAliveClient::onReadyRead);
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
            if (m_waiting)
                Q_EMIT failed(QStringLiteral("connection closed"));
            m_waiting = false;
        });
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
            if (m_waiting)
                Q_EMIT failed(m_socket.errorString());
            m_waiting = false;
        });
    }

    void connectTo(quint16 port) { m_socket.connectToHost(QStringLiteral("127.0.0.1"), port); }
    QTcpSocket &socket() { return m_socket; }

    /// Sends one POST with a JSON body (or a GET when body is empty).
    void send(const QByteArray &path, const QByteArray &body = {})
    {
        QByteArray request = (body.isEmpty() ? "GET " : "POST ") + path +
                             " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n";
        if (!body.isEmpty())
            request += "Content-Type: application/json\r\nContent-Length: " +
                       QByteArray::number(body.size()) + "\r\n";
        request += "\r\n" + body;
        m_waiting = true;
        m_timer.start();
        m_socket.write(request);
    }

Q_SIGNALS:
    /// A complete answer arrived.
    void answered(const tg::test::KeepAliveClient::Answer &answer);
    /// The connection broke while an answer was awaited.
    void failed(const QString &reason);

private:
    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        for (;;) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const QByteArray head = m_buffer.left(headEnd);
            const qsizetype cl = head.toLower().indexOf("content-length:");
            qsizetype length = 0;
            if (cl >= 0) {
                const qsizetype end = head.indexOf('\r', cl);
                length = head.mid(cl + 15, end < 0 ? -1 : end - cl - 15).trimmed().toLongLong();
            }
            if (m_buffer.size() < headEnd + 4 + length)
                return;
            Answer a;
            a.status = head.mid(9, 3).toInt();
            a.body = m_buffer.mid(headEnd + 4, length);
            a.latencyNs = m_timer.nsecsElapsed();
            m_buffer.remove(0, headEnd + 4 + length);
            m_waiting = false;
            Q_EMIT answered(a);
        }
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QElapsedTimer m_timer;
    bool m_waiting = false;
};

} // namespace tg::test
