// SPDX-License-Identifier: MIT
#pragma once

#include <QTest>

#include <cstdlib>

namespace tg::test {

/// Headless defaults for every test executable, set once at the entry point so a run on a real
/// display can override them from the environment.
inline void applyHeadlessDefaults()
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --disable-background-networking");
}

} // namespace tg::test

/// Like QTEST_GUILESS_MAIN, with the headless defaults applied first.
#define TG_TEST_MAIN_CORE(TestClass)                                                               \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        tg::test::applyHeadlessDefaults();                                                         \
        QCoreApplication app(argc, argv);                                                          \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                   \
        TestClass tc;                                                                              \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }
