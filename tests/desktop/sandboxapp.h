// SPDX-License-Identifier: MIT
#pragma once

#include "desktop/desktopapp.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace tg::test {

/// Runs the whole app with --sandbox in its own data folder, shut down cleanly at the end.
struct SandboxApp
{
    explicit SandboxApp(const QString &dataDir)
    {
        qputenv("TELEGRAPH_DESKTOP_DATA_DIR", dataDir.toUtf8());
        DesktopApp::Options options;
        options.sandbox = true;
        app = std::make_unique<DesktopApp>(options);
    }
    ~SandboxApp()
    {
        app->shutdown();
        app.reset();
        qunsetenv("TELEGRAPH_DESKTOP_DATA_DIR");
    }
    std::unique_ptr<DesktopApp> app;
};

} // namespace tg::test
