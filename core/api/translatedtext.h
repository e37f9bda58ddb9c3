// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

namespace tg {

/// Translation contexts for user-facing text written outside a QObject's member functions.
/// lupdate files `ClientText::tr("…")` under the context named here, and the lookup at run time
/// uses the same name, so free functions' messages are translated like the client's own.
class ClientText
{
    Q_DECLARE_TR_FUNCTIONS(tg::TelegraphClient)
};

/// The image hosts' file checks and refusals.
class ImageHostText
{
    Q_DECLARE_TR_FUNCTIONS(tg::ImageHost)
};

} // namespace tg
