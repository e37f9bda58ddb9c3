// SPDX-License-Identifier: MIT
#pragma once

#include <QTest>

namespace tg::test {

/// Whether this run is CI's (CI=true, as CI services set it): there the real keychain must
/// work, so its tests fail instead of skipping.
inline bool keychainRequired()
{
    const QByteArray ci = qgetenv("CI").trimmed().toLower();
    return ci == "true" || ci == "1" || ci == "yes";
}

} // namespace tg::test

/// Skips a test that needs the real keychain when none works here; under CI (CI=true) it fails
/// instead, so a missing keychain cannot pass as a skipped test.
#define TG_KEYCHAIN_MISSING(message)                                                               \
    do {                                                                                           \
        if (tg::test::keychainRequired())                                                          \
            QFAIL(qPrintable(QStringLiteral("the keychain is required under CI: ") +               \
                             QString(message)));                                                   \
        QTest::qSkip(qPrintable(QString(message)), __FILE__, __LINE__);                            \
        return;                                                                                    \
    } while (false)
