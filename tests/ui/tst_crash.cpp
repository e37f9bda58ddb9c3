// SPDX-License-Identifier: MIT
// Never lose a word: a child process of the real main window is killed with SIGKILL while
// typing; the drafts database must then hold all but at most the last 2 s of text, and the next
// session must know it follows a crash.
#include "storage/draftdatabase.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace tg;

class TestCrash : public QObject
{
    Q_OBJECT

    static QString expectedText(int n)
    {
        QString s;
        for (int i = 0; i < n; ++i)
            s += i % 9 == 8 ? QLatin1Char(' ') : QChar(QLatin1Char('a').unicode() + i % 26);
        return s;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killMidTyping_losesAtMostTwoSeconds()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TELEGRAPH_DESKTOP_DATA_DIR"), dir.path());
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::SeparateChannels);
        QList<QPair<qint64, int>> progress; // (ms since start, characters typed)
        QElapsedTimer clock;
        clock.start();
        connect(&child, &QProcess::readyReadStandardOutput, this, [&] {
            while (child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                if (line.startsWith("typed "))
                    progress.append({clock.elapsed(), line.mid(6).toInt()});
            }
        });
        child.start(QStringLiteral(TG_CRASH_TYPER), {});
        QVERIFY(child.waitForStarted(10000));
        // Type for about 4 s after the first keystroke, then kill.
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 30000);
        const qint64 first = progress.first().first;
        QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() - first > 4000, 20000);
        const qint64 killedAt = clock.elapsed();
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        int typedTwoSecondsBefore = 0;
        int typedTotal = 0;
        for (const auto &[at, n] : std::as_const(progress)) {
            if (at <= killedAt - 2000)
                typedTwoSecondsBefore = n;
            typedTotal = n;
        }
        QVERIFY2(typedTotal > 100, "the child typed for a while");

        DraftDatabase db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("drafts.sqlite"))));
        const QList<Draft> drafts = db.drafts();
        QCOMPARE(drafts.size(), 1);
        const QString body = drafts.first().body;
        QVERIFY2(body.size() >= typedTwoSecondsBefore,
                 qPrintable(QStringLiteral("saved %1 chars, %2 were typed 2 s before the kill")
                                .arg(body.size())
                                .arg(typedTwoSecondsBefore)));
        QCOMPARE(body, expectedText(int(body.size())));
        QCOMPARE(drafts.first().title, QStringLiteral("Crash"));
        QVERIFY(db.beginSession()); // the next start knows the last one crashed
    }
};

TG_TEST_MAIN_CORE(TestCrash)
#include "tst_crash.moc"
