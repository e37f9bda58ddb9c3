// SPDX-License-Identifier: MIT
#include "desktop/singleinstance.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QTimer>

namespace tg {

namespace {

constexpr quint32 Magic = 0x54474449; // "TGDI"
constexpr quint32 Version = 1;
constexpr char Ack = 'k';
/// A client that sends nothing complete within this time is dropped.
constexpr int ReadTimeoutMs = 5000;

QString userName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user;
}

} // namespace

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent)
    , m_name(serverName)
{}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverNameFor(const QString &dataDir)
{
    const QByteArray key = (QDir(dataDir).absolutePath() + QLatin1Char('\n') + userName()).toUtf8();
    return QStringLiteral("telegraph-desktop-") +
           QString::fromLatin1(
               QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24));
}

QByteArray SingleInstance::encode(const QStringList &items, const QString &workingDir)
{
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << Magic << Version << workingDir << items;
    QByteArray framed;
    QDataStream frame(&framed, QIODevice::WriteOnly);
    frame << quint32(payload.size());
    return framed + payload;
}

bool SingleInstance::sendToRunning(const QStringList &items, const QString &workingDir,
                                   int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(encode(items, workingDir));
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    QElapsedTimer timer;
    timer.start();
    while (socket.bytesAvailable() < 1) {
        const int left = timeoutMs - int(timer.elapsed());
        if (left <= 0 || !socket.waitForReadyRead(left))
            return false;
    }
    char c = 0;
    return socket.getChar(&c) && c == Ack;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

bool SingleInstance::listen(QString *error)
{
    if (isListening())
        return true;
    // Listening would take the name over even from a live instance: ask first.
    {
        QLocalSocket probe;
        probe.connectToServer(m_name);
        if (probe.waitForConnected(500)) {
            probe.abort();
            if (error)
                *error = tr("another instance is running");
            return false;
        }
    }
    delete m_server;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // A socket file left by a crashed instance (nobody answered above) is replaced.
    if (!m_server->listen(m_name) &&
        (!QLocalServer::removeServer(m_name) || !m_server->listen(m_name))) {
        if (error)
            *error = m_server->errorString();
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onConnection);
    return true;
}

void SingleInstance::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readFrom(socket); });
        QPointer<QLocalSocket> guard(socket);
        QTimer::singleShot(ReadTimeoutMs, this, [guard] {
            if (guard)
                guard->abort();
        });
        readFrom(socket);
    }
}

void SingleInstance::readFrom(QLocalSocket *socket)
{
    if (socket->bytesAvailable() < 4)
        return;
    QDataStream lengthIn(socket->peek(4));
    quint32 length = 0;
    lengthIn >> length;
    if (length > MaxMessageSize) {
        socket->abort(); // not ours, or hostile
        return;
    }
    if (socket->bytesAvailable() < 4 + qint64(length))
        return; // more to come
    socket->read(4);
    const QByteArray payload = socket->read(length);
    QDataStream in(payload);
    in.setVersion(QDataStream::Qt_6_0);
    quint32 magic = 0;
    quint32 version = 0;
    QString workingDir;
    QStringList items;
    in >> magic >> version;
    if (magic != Magic || version != Version) {
        socket->abort();
        return;
    }
    in >> workingDir >> items;
    if (in.status() != QDataStream::Ok) {
        socket->abort();
        return;
    }
    socket->putChar(Ack);
    socket->flush();
    socket->disconnectFromServer();
    Q_EMIT itemsReceived(items, workingDir);
}

} // namespace tg
