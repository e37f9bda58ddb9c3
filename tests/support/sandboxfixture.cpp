// SPDX-License-Identifier: MIT
#include "sandboxfixture.h"

namespace tg::test {

namespace {

tg::sandbox::ServerSettings testDefaults()
{
    tg::sandbox::ServerSettings s;
    s.flood.burst = 0;
    return s;
}

} // namespace

SandboxFixture::SandboxFixture()
    : SandboxFixture(testDefaults())
{}

SandboxFixture::SandboxFixture(const tg::sandbox::ServerSettings &settings)
    : m_settings(settings)
{
    if (m_settings.dataDir.isEmpty())
        m_settings.dataDir = m_dir.path();
}

SandboxFixture::~SandboxFixture() = default;

bool SandboxFixture::start()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder");
        return false;
    }
    m_server = std::make_unique<tg::sandbox::Server>(m_settings);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        m_error = m_server->errorString();
        return false;
    }
    return true;
}

bool SandboxFixture::restart()
{
    m_server.reset();
    return start();
}

QUrl SandboxFixture::url() const
{
    return m_server ? m_server->url() : QUrl();
}

} // namespace tg::test
