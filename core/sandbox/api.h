// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/apiparams.h"
#include "sandbox/floodcontrol.h"
#include "sandbox/store.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUrl>

#include <functional>

namespace tg::sandbox {

/// The nine Telegraph API methods over the sandbox's store: parameter rules, error codes,
/// flood control and the response shapes (field order included) of the real server.
class Api
{
public:
    Api(Store *store, FloodControl *flood, QRandomGenerator *random,
        std::function<QDateTime()> clock);

    /// Base of page URLs, e.g. https://telegra.ph (no trailing slash needed).
    void setPublicUrl(const QUrl &url) { m_publicUrl = url; }
    /// Share (0..1) of createPage/editPage calls that fail with PAGE_SAVE_FAILED.
    void setPageSaveFailedRate(double rate) { m_pageSaveFailedRate = rate; }

    /// True for the nine method names (case-insensitive); canonical spelling in *canonical.
    static bool isMethod(const QString &name, QString *canonical = nullptr);
    /// Runs a method and answers the full JSON envelope.
    QByteArray call(const QString &method, const ApiParams &params);

    /// `<public url>/<percent-encoded path>`.
    QString pageUrl(const QString &path) const;
    /// The auth_url origin: `edit.<host>` for a domain name, the host itself otherwise.
    QString authBase() const;

private:
    QByteArray createAccount(const ApiParams &p);
    QByteArray editAccountInfo(const ApiParams &p);
    QByteArray getAccountInfo(const ApiParams &p);
    QByteArray revokeAccessToken(const ApiParams &p);
    QByteArray createPage(const ApiParams &p);
    QByteArray editPage(const ApiParams &p);
    QByteArray getPage(const ApiParams &p);
    QByteArray getPageList(const ApiParams &p);
    QByteArray getViews(const ApiParams &p);

    std::optional<StoredAccount> account(const ApiParams &p);
    /// Checks author_name/author_url; empty on success, else an error code.
    QString checkAuthor(const ApiParams &p) const;
    /// Validates title, author and content into page; empty on success, else an error code.
    QString readPage(const ApiParams &p, StoredPage *page) const;
    /// Spends a write of the account; empty when allowed, else FLOOD_WAIT_<n>.
    QString flood(qint64 accountId);
    QString newAuthUrl(qint64 accountId);
    QByteArray pageJson(const StoredPage &page, bool withContent,
                        std::optional<bool> canEdit) const;
    QDateTime now() const { return m_clock(); }

    Store *m_store;
    FloodControl *m_flood;
    QRandomGenerator *m_random;
    std::function<QDateTime()> m_clock;
    QUrl m_publicUrl;
    double m_pageSaveFailedRate = 0;
};

} // namespace tg::sandbox
