// SPDX-License-Identifier: MIT
// Test helper for tst_crash: builds the real main window over the drafts database in
// $TELEGRAPH_DESKTOP_DATA_DIR, types into the real editor through QTest on a timer and reports
// progress on stdout ("typed N"), until the test kills it with SIGKILL. With "--type-ms MS" it
// stops typing MS ms after the first keystroke and reports "stopped N"; it then idles until killed.
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "storage/datalocation.h"
#include "storage/draftstore.h"
#include "testmain.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSettings>
#include <QTimer>

#include <cstdio>

/// The character typed at position i; tst_crash rebuilds the same text.
static QChar typedChar(int i)
{
    return i % 9 == 8 ? QLatin1Char(' ') : QChar(QLatin1Char('a').unicode() + i % 26);
}

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const qsizetype typeMsAt = args.indexOf(QStringLiteral("--type-ms"));
    const qint64 typeMs = typeMsAt > 0 && typeMsAt + 1 < args.size()
                              ? args.at(typeMsAt + 1).toLongLong()
                              : -1; // -1: forever
    const QString dir = tg::dataDirectory();
    QSettings settings(QDir(dir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    tg::DraftStore store;
    if (!store.open(QDir(dir).filePath(QStringLiteral("drafts.sqlite"))))
        return 1;
    store.beginSession();
    tg::MainWindow window(&store, &settings);
    window.openLastDraft();
    window.show();
    window.editorPane()->titleEdit()->setText(QStringLiteral("Crash"));
    tg::SourceEditor *editor = window.editorPane()->editor();
    int typed = 0;
    QTimer timer;
    QElapsedTimer typing;
    timer.setInterval(10);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        if (!typing.isValid())
            typing.start();
        if (typeMs >= 0 && typing.elapsed() >= typeMs) {
            timer.stop();
            std::printf("stopped %d\n", int(editor->toPlainText().size()));
            std::fflush(stdout);
            return;
        }
        QTest::keyClick(editor, typedChar(typed).toLatin1());
        ++typed;
        std::printf("typed %d\n", int(editor->toPlainText().size()));
        std::fflush(stdout);
    });
    QTimer::singleShot(500, &timer, qOverload<>(&QTimer::start));
    return app.exec();
}
