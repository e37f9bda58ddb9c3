// SPDX-License-Identifier: MIT
#pragma once

#include "api/apijob.h"
#include "api/apitypes.h"

namespace tg {

/// A job whose result is a Page: createPage, editPage, getPage.
class PageJob : public ApiJob
{
    Q_OBJECT
public:
    /// The typed result; valid once succeeded() was emitted.
    const Page &page() const { return m_value; }

protected:
    bool acceptResult(const QByteArray &result, QString *why) override;

private:
    friend class TelegraphClient;
    explicit PageJob(const QString &method, QObject *parent)
        : ApiJob(method, parent)
    {}

    Page m_value;
};

} // namespace tg
