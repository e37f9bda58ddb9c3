// SPDX-License-Identifier: MIT
#pragma once

#include "preview/previewpane.h"
#include "storage/draftstore.h"
#include "window/mainwindow.h"

#include <QDir>
#include <QEventLoop>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QVariant>

#include <memory>

namespace tg::test {

/// A real main window over a real drafts database in its own temporary folder.
struct UiTestWindow
{
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<DraftStore> store;
    std::unique_ptr<MainWindow> window;

    bool open()
    {
        if (!dir.isValid())
            return false;
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")),
                                               QSettings::IniFormat);
        store = std::make_unique<DraftStore>();
        if (!store->open(dir.filePath(QStringLiteral("drafts.sqlite"))))
            return false;
        window = std::make_unique<MainWindow>(store.get(), settings.get());
        window->resize(1200, 800);
        window->openLastDraft();
        window->show();
        return QTest::qWaitForWindowExposed(window.get());
    }
};

/// Evaluates a script in the preview's isolated world and returns its value (waits up to 10 s).
inline QVariant evalInPreview(PreviewPane *view, const QString &script)
{
    QVariant out;
    bool done = false;
    QEventLoop loop;
    view->runJavaScript(script, [&](const QVariant &v) {
        out = v;
        done = true;
        loop.quit();
    });
    if (!done) {
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return out;
}

} // namespace tg::test
