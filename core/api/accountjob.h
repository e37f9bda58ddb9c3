// SPDX-License-Identifier: MIT
#pragma once

#include "api/apijob.h"
#include "api/apitypes.h"

namespace tg {

/// A job whose result is an Account: createAccount, editAccountInfo, getAccountInfo,
/// revokeAccessToken.
class AccountJob : public ApiJob
{
    Q_OBJECT
public:
    /// The typed result; valid once succeeded() was emitted.
    const Account &account() const { return m_value; }

protected:
    bool acceptResult(const QByteArray &result, QString *why) override;

private:
    friend class TelegraphClient;
    explicit AccountJob(const QString &method, QObject *parent)
        : ApiJob(method, parent)
    {}

    Account m_value;
};

} // namespace tg
