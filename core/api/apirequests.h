// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tg {

// Typed requests with the API's defaults. An empty accessToken means "the client's token"; set
// it to act for another account through the same client (writes are serialized per token).

/// createAccount parameters.
struct CreateAccountRequest
{
    QString shortName; ///< 1–32 characters, required
    QString authorName;
    QString authorUrl;
    bool replaceToken = true; ///< make the new account's token the client's token
};

/// editAccountInfo parameters; only the fields that are set are sent.
struct EditAccountRequest
{
    std::optional<QString> shortName;
    std::optional<QString> authorName;
    std::optional<QString> authorUrl;
    QString accessToken;
};

/// getAccountInfo parameters.
struct AccountInfoRequest
{
    /// Any of short_name, author_name, author_url, auth_url, page_count; empty = API default.
    QStringList fields;
    QString accessToken;
};

/// createPage / editPage parameters. `path` is required for editPage and ignored by createPage.
struct PageRequest
{
    QString path;
    QString title; ///< 1–256 characters, required
    std::optional<QString> authorName;
    std::optional<QString> authorUrl;
    NodeList content; ///< at most 64 KiB as compact JSON
    bool returnContent = false;
    QString accessToken;
};

/// getPage parameters.
struct GetPageRequest
{
    QString path;
    bool returnContent = false;
    QString accessToken; ///< optional here: when set, the answer says can_edit
};

/// getPageList parameters.
struct PageListRequest
{
    int offset = 0;
    int limit = 50; ///< 0–200
    QString accessToken;
};

/// getViews parameters; 0 (or -1 for hour) means "not given".
struct ViewsRequest
{
    QString path;
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = -1;
};

} // namespace tg
