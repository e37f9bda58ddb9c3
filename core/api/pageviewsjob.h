// SPDX-License-Identifier: MIT
#pragma once

#include "api/apijob.h"
#include "api/apitypes.h"

namespace tg {

/// A getViews job.
class PageViewsJob : public ApiJob
{
    Q_OBJECT
public:
    /// The typed result; valid once succeeded() was emitted.
    const PageViews &pageViews() const { return m_value; }

protected:
    bool acceptResult(const QByteArray &result, QString *why) override;

private:
    friend class TelegraphClient;
    explicit PageViewsJob(const QString &method, QObject *parent)
        : ApiJob(method, parent)
    {}

    PageViews m_value;
};

} // namespace tg
