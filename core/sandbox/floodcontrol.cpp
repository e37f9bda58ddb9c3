// SPDX-License-Identifier: MIT
#include "sandbox/floodcontrol.h"

#include <algorithm>
#include <cmath>

namespace tg::sandbox {

void FloodControl::setSettings(const FloodSettings &settings)
{
    m_settings = settings;
    m_buckets.clear();
}

int FloodControl::trySpend(qint64 key, qint64 nowMs)
{
    if (!enabled())
        return 0;
    const double intervalMs = std::max(1.0, m_settings.intervalSec * 1000.0);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_settings.burst), nowMs});
    Bucket &b = it.value();
    if (nowMs > b.updatedMs) {
        b.tokens =
            std::min(double(m_settings.burst), b.tokens + (nowMs - b.updatedMs) / intervalMs);
        b.updatedMs = nowMs;
    }
    if (b.tokens >= 1.0 - 1e-9) {
        b.tokens -= 1.0;
        return 0;
    }
    const double waitMs = (1.0 - b.tokens) * intervalMs;
    return std::max(1, int(std::ceil(waitMs / 1000.0 - 1e-9)));
}

} // namespace tg::sandbox
