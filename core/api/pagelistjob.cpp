// SPDX-License-Identifier: MIT
#include "api/pagelistjob.h"

namespace tg {

bool PageListJob::acceptResult(const QByteArray &result, QString *why)
{
    auto value = PageList::fromJson(result, why);
    if (!value)
        return false;
    m_value = std::move(*value);
    return true;
}

} // namespace tg
