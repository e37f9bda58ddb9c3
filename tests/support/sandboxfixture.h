// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/server.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace tg::test {

/// Starts an in-process telegraph-sandbox on a free loopback port, persisting into its own
/// QTemporaryDir, for client and UI tests:
///
///     tg::test::SandboxFixture sandbox;          // flood control off by default
///     QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
///     client.setBaseUrl(sandbox.url());          // e.g. http://127.0.0.1:41234
///     sandbox.server()->setFaults(...);          // tweak faults, flood, upload mode
///
/// The server lives on the calling thread, so the test's event loop (QSignalSpy::wait, QTRY_*)
/// drives it. It stops when the fixture is destroyed.
class SandboxFixture
{
public:
    /// Default settings with flood control off (burst 0), so tests are not throttled.
    SandboxFixture();
    /// Custom settings; dataDir is replaced by the fixture's temporary folder unless set.
    explicit SandboxFixture(const tg::sandbox::ServerSettings &settings);
    ~SandboxFixture();

    /// Starts listening; false (see errorString()) when it could not.
    bool start();
    /// Stops the server and starts a new one on the same data folder (and a new port).
    bool restart();
    /// http://127.0.0.1:<port>: the API base (methods at /<method>), pages, /upload and files.
    QUrl url() const;
    tg::sandbox::Server *server() const { return m_server.get(); }
    /// The folder holding the sandbox's database.
    QString dataDir() const { return m_settings.dataDir; }
    QString errorString() const { return m_error; }

private:
    QTemporaryDir m_dir;
    tg::sandbox::ServerSettings m_settings;
    std::unique_ptr<tg::sandbox::Server> m_server;
    QString m_error;
};

} // namespace tg::test
