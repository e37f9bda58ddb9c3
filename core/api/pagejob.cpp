// SPDX-License-Identifier: MIT
#include "api/pagejob.h"

namespace tg {

bool PageJob::acceptResult(const QByteArray &result, QString *why)
{
    auto value = Page::fromJson(result, why);
    if (!value)
        return false;
    m_value = std::move(*value);
    return true;
}

} // namespace tg
