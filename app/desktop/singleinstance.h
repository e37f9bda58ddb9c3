// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace tg {

/// One running app per data folder: a second start hands the files and links it was given to
/// the running one (which opens them and comes to the front) and exits. Over a local socket
/// named after the data folder and the user; the message is versioned and size-bounded, and a
/// garbled one is dropped without harm.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    /// Largest message accepted, in bytes.
    static constexpr qint64 MaxMessageSize = 1024 * 1024;

    /// `serverName` as serverNameFor() gives it.
    explicit SingleInstance(const QString &serverName, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// The socket name for a data folder (a hash: names have length limits).
    static QString serverNameFor(const QString &dataDir);
    QString serverName() const { return m_name; }

    /// Sends the items to a running instance; true when it acknowledged them.
    bool sendToRunning(const QStringList &items, const QString &workingDir, int timeoutMs = 3000);
    /// Becomes the running instance; a socket left by a crashed one is replaced. False with
    /// *error when listening fails (the app still works, without the hand-over).
    bool listen(QString *error = nullptr);
    bool isListening() const;

    /// The message format, for tests: magic, version, working folder, items.
    static QByteArray encode(const QStringList &items, const QString &workingDir);

Q_SIGNALS:
    /// Another start asked to open these items (empty: just come to the front).
    void itemsReceived(const QStringList &items, const QString &workingDir);

private:
    void onConnection();
    void readFrom(QLocalSocket *socket);

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace tg
