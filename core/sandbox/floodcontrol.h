// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/serversettings.h"

#include <QHash>

namespace tg::sandbox {

/// Per-account write budget like Telegraph's flood control: a token bucket holding `burst`
/// writes that refills one write per `interval`. Time is passed in, so tests control it.
class FloodControl
{
public:
    explicit FloodControl(const FloodSettings &settings = {})
        : m_settings(settings)
    {}

    void setSettings(const FloodSettings &settings);
    const FloodSettings &settings() const { return m_settings; }
    bool enabled() const { return m_settings.burst > 0; }

    /// Spends one write of this key at nowMs. Returns 0 when allowed, otherwise the whole
    /// seconds (rounded up, at least 1) until the next write is allowed; nothing is spent then.
    int trySpend(qint64 key, qint64 nowMs);
    /// Forgets every bucket (all keys start full again).
    void reset() { m_buckets.clear(); }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    FloodSettings m_settings;
    QHash<qint64, Bucket> m_buckets;
};

} // namespace tg::sandbox
