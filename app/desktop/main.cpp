// SPDX-License-Identifier: MIT
// telegraph-desktop: write, preview and publish Telegraph pages.
#include "desktop/desktopapp.h"
#include "desktop/openhandler.h"
#include "desktop/singleinstance.h"

#include <QApplication>
#include <QDir>
#include <QGuiApplication>
#include <QTextStream>

#include <unistd.h>

int main(int argc, char **argv)
{
    // As root, Chromium refuses to start unless its sandbox is off.
    if (qEnvironmentVariableIntValue("QTWEBENGINE_DISABLE_SANDBOX") == 0 && ::geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    // Same organization as the `telegraph` command-line tool, so both share accounts and config.
    QApplication::setOrganizationName(QStringLiteral("telegraph-desktop"));
    QApplication::setApplicationName(QStringLiteral("telegraph-desktop"));
    QApplication::setApplicationVersion(QStringLiteral(TG_VERSION));
    QGuiApplication::setDesktopFileName(
        QStringLiteral("io.github.telegraph_desktop.TelegraphDesktop"));
    // --help and --version need no display and no application object.
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--help") == 0 || qstrcmp(argv[i], "-h") == 0) {
            QTextStream(stdout) << tg::DesktopApp::helpText();
            return 0;
        }
        if (qstrcmp(argv[i], "--version") == 0 || qstrcmp(argv[i], "-v") == 0) {
            QTextStream(stdout) << "telegraph-desktop " TG_VERSION "\n";
            return 0;
        }
    }
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        QTextStream(stderr) << "telegraph-desktop: no display found. Run it under xvfb-run "
                               "(xvfb-run telegraph-desktop --sandbox), or use the `telegraph` "
                               "command-line tool.\n";
        return 1;
    }
    // No Qt::AA_ShareOpenGLContexts here: the preview loads WebEngine after the window is up
    // and makes the shared context then (PreviewPane), which saves the GL start-up before the
    // first window.
    QApplication app(argc, argv);
    const tg::DesktopApp::Options options = tg::DesktopApp::parseArguments(app.arguments());
    QTextStream err(stderr);
    if (options.help) {
        QTextStream(stdout) << tg::DesktopApp::helpText();
        return 0;
    }
    if (!options.error.isEmpty()) {
        err << "telegraph-desktop: " << options.error << "\n" << tg::DesktopApp::helpText();
        return 2;
    }
    // One app per data folder: a second start hands its files and links to the running one.
    tg::SingleInstance instance(
        tg::SingleInstance::serverNameFor(tg::DesktopApp::dataDirFor(options)));
    if (instance.sendToRunning(options.openItems, QDir::currentPath()))
        return 0;
    QString listenError;
    if (!instance.listen(&listenError))
        err << "telegraph-desktop: files opened later start another window (" << listenError
            << ")\n";

    tg::DesktopApp desktop(options);
    // Connected before start(): what arrives while the app is still starting waits for its
    // window instead of being acknowledged and lost.
    tg::OpenHandler openHandler(&instance, &desktop);
    QString error;
    if (!desktop.start(&error)) {
        err << "telegraph-desktop: " << error << "\n";
        return 1;
    }
    openHandler.openPending();
    return app.exec();
}
