// SPDX-License-Identifier: MIT
#include "api/accountjob.h"

namespace tg {

bool AccountJob::acceptResult(const QByteArray &result, QString *why)
{
    auto value = Account::fromJson(result, why);
    if (!value)
        return false;
    m_value = std::move(*value);
    return true;
}

} // namespace tg
