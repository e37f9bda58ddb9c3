// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tg {

/// A Telegraph account (API type Account). Unset fields are empty / -1.
struct Account
{
    QString shortName;
    QString authorName;
    QString authorUrl;
    QString accessToken; ///< only from createAccount and revokeAccessToken
    QString authUrl;     ///< one-time login link, valid for 5 minutes
    qint64 pageCount = -1;

    /// Reads an Account from the raw JSON of an API result; nullopt (and *error) when it is not
    /// an object or a field has the wrong type.
    static std::optional<Account> fromJson(const QByteArray &json, QString *error = nullptr);
    static std::optional<Account> fromJsonObject(const QJsonObject &o, QString *error = nullptr);
};

/// A Telegraph page (API type Page). Content is read with an order-keeping parser, so the
/// attribute order of the server's answer is kept.
struct Page
{
    QString path;
    QString url;
    QString title;
    QString description;
    QString authorName;
    QString authorUrl;
    QString imageUrl;
    NodeList content;
    bool hasContent = false; ///< whether the answer carried `content`
    qint64 views = 0;
    std::optional<bool> canEdit;

    /// Reads a Page from the raw JSON of an API result; nullopt (and *error) when it is not an
    /// object, lacks `path`, has mistyped fields or invalid content.
    static std::optional<Page> fromJson(const QByteArray &json, QString *error = nullptr);
};

/// One page of getPageList (API type PageList).
struct PageList
{
    qint64 totalCount = 0;
    QList<Page> pages;

    static std::optional<PageList> fromJson(const QByteArray &json, QString *error = nullptr);
};

/// The answer of getViews (API type PageViews).
struct PageViews
{
    qint64 views = 0;

    static std::optional<PageViews> fromJson(const QByteArray &json, QString *error = nullptr);
};

} // namespace tg
