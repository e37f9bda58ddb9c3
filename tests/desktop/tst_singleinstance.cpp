// SPDX-License-Identifier: MIT
// Handing files and links from a second start to the running app: the local-socket protocol,
// its defences, and the real telegraph-desktop executable started twice.
#include "desktop/singleinstance.h"
#include "storage/draftstore.h"
#include "testmain.h"

#include <QApplication>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace tg;

namespace {

/// Runs `fn` on another thread (the sender blocks; the receiver needs this thread's event loop)
/// and returns its result once done.
template<typename Fn> bool onOtherThread(Fn fn)
{
    std::atomic<int> result{-1};
    QThread *t = QThread::create([&] { result = fn() ? 1 : 0; });
    t->start();
    const bool finished = QTest::qWaitFor([&] { return t->isFinished(); }, 15000);
    Q_UNUSED(finished); // wait() below covers both
    t->wait();
    delete t;
    return result == 1;
}

/// Sends raw bytes as a client would and returns what came back.
QByteArray sendRaw(const QString &name, const QByteArray &bytes)
{
    QByteArray answer;
    onOtherThread([&] {
        QLocalSocket s;
        s.connectToServer(name);
        if (!s.waitForConnected(2000))
            return false;
        s.write(bytes);
        s.waitForBytesWritten(2000);
        while (s.waitForReadyRead(1500))
            answer += s.readAll();
        return true;
    });
    return answer;
}

QByteArray frame(const QByteArray &payload)
{
    QByteArray out;
    QDataStream d(&out, QIODevice::WriteOnly);
    d << quint32(payload.size());
    return out + payload;
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_name = SingleInstance::serverNameFor(m_dir->path());
    }

    void serverName_dependsOnTheDataFolder()
    {
        QCOMPARE(SingleInstance::serverNameFor(m_dir->path()), m_name);
        QVERIFY(SingleInstance::serverNameFor(m_dir->filePath(QStringLiteral("sandbox"))) !=
                m_name);
        QVERIFY(m_name.size() < 64);
    }

    void secondStart_handsItsItemsToTheFirst()
    {
        SingleInstance primary(m_name);
        QVERIFY(primary.listen());
        QSignalSpy received(&primary, &SingleInstance::itemsReceived);
        const QStringList items{QStringLiteral("notes.md"),
                                QStringLiteral("https://telegra.ph/Привет-11-25")};
        QVERIFY(onOtherThread([&] {
            SingleInstance second(m_name);
            return second.sendToRunning(items, QStringLiteral("/home/writer/drafts"));
        }));
        QTRY_COMPARE(received.count(), 1);
        QCOMPARE(received.first().at(0).toStringList(), items);
        QCOMPARE(received.first().at(1).toString(), QStringLiteral("/home/writer/drafts"));

        // With nothing to open, the running app is still told (to come to the front).
        QVERIFY(onOtherThread([&] { return SingleInstance(m_name).sendToRunning({}, QString()); }));
        QTRY_COMPARE(received.count(), 2);
        QVERIFY(received.last().at(0).toStringList().isEmpty());
    }

    void withoutARunningApp_sendingFailsAtOnce()
    {
        SingleInstance lonely(m_name);
        QVERIFY(!lonely.sendToRunning({QStringLiteral("a.md")}, QString(), 1000));
    }

    void staleSocketOfACrashedApp_isReplaced()
    {
        // What a killed instance leaves behind: a socket file nobody listens on.
        const QString path = QDir(QDir::tempPath()).filePath(m_name);
        {
            QFile stale(path);
            QVERIFY(stale.open(QIODevice::WriteOnly));
        }
        SingleInstance primary(m_name);
        QString error;
        QVERIFY2(primary.listen(&error), qPrintable(error));
        QSignalSpy received(&primary, &SingleInstance::itemsReceived);
        QVERIFY(onOtherThread(
            [&] { return SingleInstance(m_name).sendToRunning({QStringLiteral("x.md")}, {}); }));
        QTRY_COMPARE(received.count(), 1);
    }

    void aSecondPrimary_doesNotTakeOverARunningOne()
    {
        SingleInstance first(m_name);
        QVERIFY(first.listen());
        SingleInstance second(m_name);
        QString error;
        QVERIFY(!second.listen(&error));
        QVERIFY(first.isListening());
    }

    void garbledOversizedOrForeignMessages_areDropped_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("text") << QByteArray("hello, is anyone there?\n");
        QTest::newRow("huge length") << QByteArray("\xff\xff\xff\xff"
                                                   "abc",
                                                   7);
        QByteArray wrongVersion;
        {
            QDataStream d(&wrongVersion, QIODevice::WriteOnly);
            d.setVersion(QDataStream::Qt_6_0);
            d << quint32(0x54474449) << quint32(99) << QString()
              << QStringList{QStringLiteral("a")};
        }
        QTest::newRow("other version") << frame(wrongVersion);
        QByteArray truncated = SingleInstance::encode({QStringLiteral("a.md")}, QString());
        truncated[3] = char(truncated[3] - 4); // the length no longer covers the items
        QTest::newRow("cut short") << truncated;
    }

    void garbledOversizedOrForeignMessages_areDropped()
    {
        QFETCH(QByteArray, bytes);
        SingleInstance primary(m_name);
        QVERIFY(primary.listen());
        QSignalSpy received(&primary, &SingleInstance::itemsReceived);
        const QByteArray answer = sendRaw(m_name, bytes);
        QVERIFY(answer.isEmpty()); // no acknowledgement
        QCOMPARE(received.count(), 0);
        // The app keeps answering proper requests.
        QVERIFY(onOtherThread(
            [&] { return SingleInstance(m_name).sendToRunning({QStringLiteral("ok.md")}, {}); }));
        QTRY_COMPARE(received.count(), 1);
    }

    void realApp_secondStartOpensTheFileInTheFirst()
    {
        const QString data = m_dir->filePath(QStringLiteral("data"));
        const QString md = m_dir->filePath(QStringLiteral("Handed over.md"));
        {
            QFile f(md);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# Handed over\n\nOpened by the running app.\n");
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TELEGRAPH_DESKTOP_DATA_DIR"), data);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
        QProcess first;
        first.setProcessEnvironment(env);
        first.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        first.start(QStringLiteral(TG_DESKTOP_EXE), {QStringLiteral("--sandbox")});
        QVERIFY(first.waitForStarted());
        // Wait until it answers (it listens before its window opens).
        DesktopOptionsName name(data);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return onOtherThread(
                    [&] { return SingleInstance(name.value).sendToRunning({}, {}, 500); });
            },
            60000));

        QProcess second;
        second.setProcessEnvironment(env);
        second.setWorkingDirectory(m_dir->path());
        second.start(QStringLiteral(TG_DESKTOP_EXE),
                     {QStringLiteral("--sandbox"), QStringLiteral("Handed over.md")});
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(first.state(), QProcess::Running);

        // The first app made a draft of the file (read from its drafts database).
        DraftStore reader;
        QVERIFY(reader.open(QDir(data).filePath(QStringLiteral("sandbox/drafts.sqlite"))));
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const Draft &d : reader.drafts()) {
                    if (d.title == QStringLiteral("Handed over"))
                        return true;
                }
                return false;
            },
            20000));
        first.terminate();
        if (!first.waitForFinished(10000))
            first.kill();
    }

private:
    /// The server name telegraph-desktop --sandbox uses for a data folder.
    struct DesktopOptionsName
    {
        explicit DesktopOptionsName(const QString &data)
            : value(SingleInstance::serverNameFor(QDir(data).filePath(QStringLiteral("sandbox"))))
        {}
        QString value;
    };

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_name;
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestSingleInstance tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_singleinstance.moc"
