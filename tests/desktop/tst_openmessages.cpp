// SPDX-License-Identifier: MIT
// What the whole app (on its in-app sandbox) says about files it was asked to open: a refused
// file names what can be opened, HTML opens like Markdown, and the message about a failed open
// goes once a later open succeeds.
#include "desktop/desktopapp.h"
#include "editor/editorpane.h"
#include "testmain.h"
#include "window/mainwindow.h"
#include "window/messagearea.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace tg;

class TestOpenMessages : public QObject
{
    Q_OBJECT

    static bool write(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
    }

    static MessageLine *lineShowing(MessageArea *area, const QString &part)
    {
        for (MessageLine *line : area->visibleLines()) {
            if (line->text().contains(part))
                return line;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void failedOpen_isClearedByTheNextSuccessfulOpen_andHtmlOpens()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString notes = dir.filePath(QStringLiteral("notes.txt"));
        const QString page = dir.filePath(QStringLiteral("Page.html"));
        QVERIFY(write(notes, "plain notes"));
        QVERIFY(write(page, "<h1>Saved page</h1><p>Hello <b>there</b>.</p>"));
        qputenv("TELEGRAPH_DESKTOP_DATA_DIR", dir.filePath(QStringLiteral("data")).toUtf8());
        DesktopApp::Options options;
        options.sandbox = true;
        options.openItems = {notes};
        auto app = std::make_unique<DesktopApp>(options);
        QString error;
        QVERIFY2(app->start(&error), qPrintable(error));
        MainWindow *w = app->window();

        // Refused, in red, naming what opens.
        MessageLine *failure = lineShowing(w->messages(), QStringLiteral("can be opened"));
        QVERIFY(failure);
        QVERIFY(failure->isError());
        QVERIFY2(failure->text().contains(QStringLiteral(".html")), qPrintable(failure->text()));

        // An HTML file opens (as a second instance would hand it over), and the failure goes.
        QCOMPARE(app->openItems({page}), QStringList());
        QVERIFY2(w->editorPane()->body().contains(QStringLiteral("there")),
                 qPrintable(w->editorPane()->body()));
        QVERIFY(failure->isHidden());
        QVERIFY(!lineShowing(w->messages(), QStringLiteral("can be opened")));

        app->shutdown();
        app.reset();
        qunsetenv("TELEGRAPH_DESKTOP_DATA_DIR");
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestOpenMessages tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_openmessages.moc"
