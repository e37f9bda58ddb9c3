// SPDX-License-Identifier: MIT
// Test helper for tst_crash: builds the real main window over the drafts database in
// $TELEGRAPH_DESKTOP_DATA_DIR, types into the real editor through QTest on a timer and reports
// progress on stdout ("typed N"), until the test kills it with SIGKILL.
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "storage/datalocation.h"
#include "storage/draftstore.h"
#include "testmain.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QDir>
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
    timer.setInterval(10);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        QTest::keyClick(editor, typedChar(typed).toLatin1());
        ++typed;
        std::printf("typed %d\n", int(editor->toPlainText().size()));
        std::fflush(stdout);
    });
    QTimer::singleShot(500, &timer, qOverload<>(&QTimer::start));
    return app.exec();
}
