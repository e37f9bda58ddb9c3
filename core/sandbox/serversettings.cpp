// SPDX-License-Identifier: MIT
#include "sandbox/serversettings.h"

namespace tg::sandbox {

QString faultKindName(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Http500:
        return QStringLiteral("http500");
    case FaultKind::HtmlError:
        return QStringLiteral("html");
    case FaultKind::Truncate:
        return QStringLiteral("truncate");
    case FaultKind::Reset:
        return QStringLiteral("reset");
    case FaultKind::Stall:
        return QStringLiteral("stall");
    }
    return {};
}

bool parseFaultKind(const QString &name, FaultKind *kind)
{
    for (FaultKind k : {FaultKind::Http500, FaultKind::HtmlError, FaultKind::Truncate,
                        FaultKind::Reset, FaultKind::Stall}) {
        if (name.trimmed().compare(faultKindName(k), Qt::CaseInsensitive) == 0) {
            *kind = k;
            return true;
        }
    }
    return false;
}

} // namespace tg::sandbox
