// SPDX-License-Identifier: MIT
#pragma once

#include "api/apijob.h"
#include "api/apitypes.h"

namespace tg {

/// A getPageList job.
class PageListJob : public ApiJob
{
    Q_OBJECT
public:
    /// The typed result; valid once succeeded() was emitted.
    const PageList &pageList() const { return m_value; }

protected:
    bool acceptResult(const QByteArray &result, QString *why) override;

private:
    friend class TelegraphClient;
    explicit PageListJob(const QString &method, QObject *parent)
        : ApiJob(method, parent)
    {}

    PageList m_value;
};

} // namespace tg
