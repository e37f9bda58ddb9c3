// SPDX-License-Identifier: MIT
#include "api/pageviewsjob.h"

namespace tg {

bool PageViewsJob::acceptResult(const QByteArray &result, QString *why)
{
    auto value = PageViews::fromJson(result, why);
    if (!value)
        return false;
    m_value = std::move(*value);
    return true;
}

} // namespace tg
